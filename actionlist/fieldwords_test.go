package actionlist

import "testing"

// Every stored field of a case and an agreement has a name for people in
// both languages, so a new field cannot reach the history as its code.
func TestEveryFieldHasALabel(t *testing.T) {
	for entity, table := range map[Entity]map[string]words{
		EntityCase:      caseFieldWords,
		EntityAgreement: agreementFieldWords,
	} {
		names := fieldNames(caseFields)
		if entity == EntityAgreement {
			names = fieldNames(agreementFields)
		}
		for _, n := range names {
			w, ok := table[n]
			if !ok || w.nl == "" || w.en == "" {
				t.Errorf("%s.%s has no name for people: %+v", entity, n, w)
			}
		}
		if len(table) != len(names) {
			t.Errorf("%s: %d names for %d fields", entity, len(table), len(names))
		}
	}
	if FieldLabel(EntityCase, "no_such_field", Dutch) != "no_such_field" {
		t.Error("an unknown field lost its name")
	}
	if FieldLabel(EntityStep, "internal_note", English) != StepFieldLabel("internal_note", English) {
		t.Error("a step's field is not named by its registry")
	}
}

func fieldNames[T any](fs fields[T]) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

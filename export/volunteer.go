package export

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unicode"

	"houvast/actionlist"
)

// VolunteerOptions say what goes into a volunteer package.
type VolunteerOptions struct {
	ID       string    // the package's ID (a new UUID)
	Now      time.Time // when it is made
	MadeBy   string    // the specialist's name
	Only     string    // one volunteer's name; "" for every volunteer's steps
	Contact  bool      // include the resident's contact (--with-contact)
	Debts    bool      // include each debt's creditor and reference (--with-debts), never an amount
	AllowBSN bool
}

// ErrNoVolunteerSteps: the case has no steps a volunteer does (for the
// volunteer asked for).
var ErrNoVolunteerSteps = errors.New("the case has no steps for a volunteer")

// ForVolunteer reports whether a step belongs in a volunteer package: the
// volunteer's own steps, and steps done together when the helper is a
// volunteer (the name of one, or no name: "together" means the resident
// with a volunteer). Steps marked not applicable stay home. With only set,
// a step must name that volunteer.
func ForVolunteer(c actionlist.Case, s actionlist.Step, only string) bool {
	if !actionlist.VolunteerDoes(c, s) {
		return false
	}
	if only != "" {
		return strings.EqualFold(strings.TrimSpace(s.OwnerName), strings.TrimSpace(only))
	}
	return true
}

func isVolunteer(c actionlist.Case, name string) bool {
	for _, p := range c.Participants {
		if p.Role == actionlist.RoleVolunteer && strings.EqualFold(strings.TrimSpace(p.Name), name) {
			return true
		}
	}
	return false
}

// firstName is the first word of the resident's name: the case's name is
// already a first name or alias, this drops whatever else was typed.
func firstName(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

// Volunteer makes the package for a case: only the volunteers' steps
// (without the fields that stay home: the team's notes, the resident's
// notes, the pins, the outcome), their dependencies among themselves, the
// agreements that name a volunteer in it, the resident's first name (and
// contact, only when asked), the volunteers and the specialist to report
// to. Nothing else of the case.
func Volunteer(c actionlist.Case, o VolunteerOptions) (VolunteerPackage, error) {
	out := actionlist.Case{
		ID: c.ID, Ref: c.Ref, Name: firstName(c.Name),
		Status: c.Status, Language: c.Language, Dose: c.Dose,
	}
	in := map[string]bool{}
	helpers := map[string]bool{}
	for _, s := range c.Steps {
		if !ForVolunteer(c, s, o.Only) {
			continue
		}
		s, err := actionlist.VolunteerStep(s)
		if err != nil {
			return VolunteerPackage{}, err
		}
		out.Steps = append(out.Steps, s)
		in[s.ID] = true
		if n := strings.TrimSpace(s.OwnerName); n != "" {
			helpers[strings.ToLower(n)] = true
		}
	}
	if len(out.Steps) == 0 {
		return VolunteerPackage{}, ErrNoVolunteerSteps
	}
	for i := range out.Steps {
		// A step outside the package is neither named nor waited for.
		out.Steps[i].DependsOn = slices.DeleteFunc(slices.Clone(out.Steps[i].DependsOn), func(id string) bool { return !in[id] })
	}
	for _, p := range c.Participants {
		switch p.Role {
		case actionlist.RoleResident:
			if o.Contact && p.Contact != "" {
				out.Participants = append(out.Participants, actionlist.Participant{Name: firstName(p.Name), Role: p.Role, Contact: p.Contact})
			}
		case actionlist.RoleVolunteer:
			if o.Only == "" || strings.EqualFold(strings.TrimSpace(p.Name), strings.TrimSpace(o.Only)) {
				out.Participants = append(out.Participants, p)
				helpers[strings.ToLower(strings.TrimSpace(p.Name))] = true
			}
		case actionlist.RoleSpecialist:
			out.Participants = append(out.Participants, p)
		}
	}
	for _, a := range c.Agreements {
		if namesAny(a.Who, helpers) {
			out.Agreements = append(out.Agreements, a)
		}
	}
	if o.Debts {
		for _, d := range c.Debts {
			out.Debts = append(out.Debts, actionlist.Debt{ID: d.ID, Creditor: d.Creditor, Reference: d.Reference,
				Kind: actionlist.DebtOther, State: actionlist.DebtNotAsked})
		}
	}
	p := VolunteerPackage{ID: o.ID, ExportedAt: o.Now, MadeBy: o.MadeBy, Case: out}
	if !o.AllowBSN {
		var b bsnScan
		checkCaseFields(&b, out)
		for _, s := range out.Steps {
			checkStep(&b, s)
		}
		for _, a := range out.Agreements {
			b.check(Where{What: InAgreement}, a.Who, a.What)
		}
		for _, d := range out.Debts {
			checkDebt(&b, d)
		}
		if err := b.err(); err != nil {
			return VolunteerPackage{}, err
		}
	}
	return p, nil
}

// namesAny reports whether text names one of the people, as whole words.
func namesAny(text string, people map[string]bool) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
		})
	}
	words := split(text)
	for name := range people {
		want := split(name)
		if len(want) == 0 {
			continue
		}
		for i := 0; i+len(want) <= len(words); i++ {
			if slices.Equal(words[i:i+len(want)], want) {
				return true
			}
		}
	}
	return false
}

// CheckCaseFile refuses a full case file with text that looks like a BSN.
func CheckCaseFile(f CaseFile) error {
	if found := CheckCase(f.Case, f.Events); len(found) > 0 {
		return &BSNError{Findings: found}
	}
	return nil
}

// CheckReturnFile refuses a return file with text that looks like a BSN
// (a volunteer's note, say).
func CheckReturnFile(r ReturnFile) error {
	var b bsnScan
	for _, e := range r.Events {
		checkEvent(&b, e, nil)
	}
	return b.err()
}

package actionlist

import "slices"

// CaseSpec is what the specialist chooses when opening a case.
type CaseSpec struct {
	Name         string
	Ref          string   // empty: the store gives the next one
	Language     CaseLang // the resident's language
	Dose         int
	Start        Date
	TargetDays   int // 0: DefaultTargetDays
	Template     Template
	LeaveOut     []Phase  // phases not to take from the template
	LeaveOutKeys []string // single template steps not to take
	Participants []Participant
	Source       Source
	RequestedOn  Date   // the request for help; zero: not recorded, so no Wgs clock
	Threat       Threat // what makes the request urgent, if anything
	FirstTalkOn  Date   // the first conversation, when it has been held
}

// NewCase makes a case from a template. newID gives each step its identity;
// dependencies on steps that were left out are dropped. The steps that start
// in Now get a due date, so the first conversation ends with dates.
func NewCase(spec CaseSpec, newID func() string) Case {
	target := spec.TargetDays
	if target <= 0 {
		target = DefaultTargetDays
	}
	lang := spec.Language
	if lang == "" {
		lang = spec.Template.Language.Case()
	}
	c := Case{
		Ref:          spec.Ref,
		Name:         CleanText(spec.Name, false),
		Participants: slices.Clone(spec.Participants),
		Status:       CaseStabilisation,
		Language:     lang,
		Dose:         ClampDose(spec.Dose),
		Start:        spec.Start,
		Target:       spec.Start.AddDays(target),
		Source:       spec.Source,
		RequestedOn:  spec.RequestedOn,
		Threat:       spec.Threat,
		FirstTalkOn:  spec.FirstTalkOn,
		Template:     spec.Template.ID,
	}

	ids := map[string]string{}
	var kept []TemplateStep
	for _, ts := range spec.Template.Steps {
		if slices.Contains(spec.LeaveOut, ts.Phase) || slices.Contains(spec.LeaveOutKeys, ts.Key) {
			continue
		}
		ids[ts.Key] = newID()
		kept = append(kept, ts)
	}
	order := map[Phase]int{}
	for _, ts := range kept {
		s := Step{
			ID: ids[ts.Key], Key: ts.Key, Phase: ts.Phase, Order: order[ts.Phase],
			Title: ts.Title, Why: ts.Why, After: ts.After,
			Owner: ts.Owner, Status: StepOpen, Days: ts.Days,
		}
		order[ts.Phase]++
		helper := ts.Owner
		if helper == RoleTogether {
			helper = RoleVolunteer // "together": the resident with the volunteer
		}
		if p, ok := c.Participant(helper); ok {
			s.OwnerName = p.Name
		}
		for _, dep := range ts.DependsOn {
			if id, ok := ids[dep]; ok {
				s.DependsOn = append(s.DependsOn, id)
			}
		}
		c.Steps = append(c.Steps, s)
	}
	for _, planned := range PlanDueDates(Dose(c.Steps, c.Dose, spec.Start), spec.Start) {
		if st, _ := c.StepByID(planned.ID); st != nil {
			st.Due = planned.Due
		}
	}
	return c
}

package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"houvast/actionlist"
)

var (
	firstNames = []string{"Fatima", "Kees", "Sanne", "Mohammed", "Anouk", "Jan", "Samira", "Pieter", "Noor", "Daan",
		"Yasmin", "Bram", "Ilse", "Ahmed", "Lotte", "Tarik", "Esther", "Ricardo", "Mila", "Henk", "Zoë", "Émile", "Ayşe", "Joost"}
	places     = []string{"Buurthuis De Linde", "Wijkcentrum Oost", "Thuis", "Gemeentehuis", "Bibliotheek", "Telefonisch"}
	notes      = []string{"Belt liever 's ochtends.", "Heeft moeite met lezen; samen doorlopen.", "Partner weet ervan.", "Zorgverzekeraar belt terug.", "Brief is onderweg.", ""}
	volunteers = []string{"Sanne", "Joost", "Marloes", "Henk", "Latifa"}
)

// Synthetic makes a realistic made-up case for load tests and benchmarks:
// the default template repeated up to the number of steps, a progress that
// depends on how long ago the case started, dates, notes and agreements.
// The same rng gives the same case.
func Synthetic(rng *rand.Rand, n, steps int, today actionlist.Date, newID func() string) actionlist.Case {
	lang := actionlist.Dutch
	if rng.IntN(5) == 0 {
		lang = actionlist.English
	}
	tmpl := actionlist.DefaultTemplate(lang)
	name := firstNames[rng.IntN(len(firstNames))]
	start := today.AddDays(-rng.IntN(400))
	vol := volunteers[rng.IntN(len(volunteers))]
	c := actionlist.Case{
		Ref:      fmt.Sprintf("S%05d", n),
		Name:     name,
		Status:   actionlist.CaseStabilisation,
		Language: lang,
		Dose:     2 + rng.IntN(4),
		Start:    start,
		Target:   start.AddDays(actionlist.DefaultTargetDays),
		Template: tmpl.ID,
		Participants: []actionlist.Participant{
			{Name: name, Role: actionlist.RoleResident},
			{Name: vol, Role: actionlist.RoleVolunteer},
		},
		Source: actionlist.Source{Kind: actionlist.SourceKinds[rng.IntN(len(actionlist.SourceKinds))]},
	}
	if c.Source.Kind == actionlist.SourceEarlyWarning {
		c.Source.Signal = actionlist.SignalKinds[rng.IntN(len(actionlist.SignalKinds))]
		c.Source.SignalDate = start.AddDays(-rng.IntN(30))
	}
	age := start.DaysUntil(today)
	switch {
	case age > 300:
		c.Status = actionlist.CaseAftercare
	case age > 200:
		c.Status = actionlist.CaseArrangement
	case age < 5:
		c.Status = actionlist.CaseIntake
	}
	if rng.IntN(12) == 0 {
		c.Status = actionlist.CaseClosed
		c.ClosedOn = today.AddDays(-rng.IntN(60))
		c.CloseReason = actionlist.CloseReasons[rng.IntN(len(actionlist.CloseReasons))]
	}
	if rng.IntN(3) > 0 {
		at := today.AddDays(rng.IntN(21)).Time(time.Local).Add(time.Duration(9+rng.IntN(8)) * time.Hour)
		c.Next = actionlist.Appointment{At: at, Place: places[rng.IntN(len(places))]}
	}
	share := min(1, float64(age)/float64(actionlist.DefaultTargetDays)) // how far along
	order := map[actionlist.Phase]int{}
	for i := range steps {
		ts := tmpl.Steps[i%len(tmpl.Steps)]
		s := actionlist.Step{
			ID: newID(), Key: ts.Key, Phase: ts.Phase, Order: order[ts.Phase],
			Title: ts.Title, Why: ts.Why, After: ts.After, Owner: ts.Owner,
			Status: actionlist.StepOpen, Days: ts.Days,
		}
		if i >= len(tmpl.Steps) {
			s.Title = fmt.Sprintf("%s (%d)", ts.Title, i/len(tmpl.Steps)+1)
		}
		order[ts.Phase]++
		if s.Owner == actionlist.RoleVolunteer || s.Owner == actionlist.RoleTogether {
			s.OwnerName = vol
		}
		place := float64(ts.Phase.Index()) / float64(len(actionlist.Phases))
		switch r := rng.Float64(); {
		case place < share*0.9 && r < 0.9:
			s.Status = actionlist.StepDone
			s.DoneOn = start.AddDays(int(place * float64(age)))
			s.DoneBy = name
		case r < 0.05:
			s.Status = actionlist.StepNotApplicable
		case r < 0.15:
			s.Status = actionlist.StepInProgress
		case r < 0.2:
			s.Status = actionlist.StepWaiting
		}
		if !s.Status.Finished() && rng.IntN(4) == 0 {
			s.Due = today.AddDays(rng.IntN(40) - 10)
		}
		if rng.IntN(6) == 0 {
			s.InternalNote = notes[rng.IntN(len(notes))]
		}
		c.Steps = append(c.Steps, s)
	}
	for range rng.IntN(4) {
		c.Agreements = append(c.Agreements, actionlist.Agreement{ID: newID(), Date: start.AddDays(rng.IntN(max(1, age))), Who: name, What: "Opent elke week de post."})
	}
	return c
}

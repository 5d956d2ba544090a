package demo

import (
	"fmt"
	"math/rand/v2"

	"houvast/actionlist"
)

var (
	streets = []string{"Kerkstraat", "Dorpsweg", "Molenlaan", "Stationsplein", "Julianastraat", "Wilhelminapark", "Beukenlaan",
		"Havenkade", "Schoolstraat", "Lindelaan", "Prinsengracht", "Eikenhof", "Weidebloem", "Zonnedauw", "Vlasakker",
		"Boterbloem", "Rietkraag", "Kastanjeplein", "Marktstraat", "Oranjelaan"}
	attemptNotes = []string{"", "", "Voicemail ingesproken.", "Niemand thuis, kaartje achtergelaten.", "Nummer klopt niet.", "Buurman zegt: werkt overdag.", "Brief verstuurd."}
)

// SyntheticSignals makes n made-up early-warning signals that came in over
// the half year before today: partners, amounts, some crisis signals, and
// attempts to reach the resident that end in reaching them for some,
// closed with an outcome for others. None of them became a case; those are
// made with AcceptedSignal. The same rng gives the same signals.
func SyntheticSignals(rng *rand.Rand, n int, today actionlist.Date) []actionlist.ArrearsSignal {
	out := make([]actionlist.ArrearsSignal, 0, n)
	for range n {
		s := actionlist.ArrearsSignal{
			Partner:     pick(rng, actionlist.SignalKinds),
			AmountCents: actionlist.Cents(50+rng.IntN(3000)) * 100,
			Received:    today.AddDays(-rng.IntN(180)),
			Crisis:      rng.IntN(8) == 0,
			Name:        pick(rng, firstNames),
			Address:     fmt.Sprintf("%s %d", pick(rng, streets), 1+rng.IntN(400)),
		}
		s.ArrearsSince = s.Received.AddDays(-30 - rng.IntN(120))
		if rng.IntN(4) > 0 {
			s.Phone = fmt.Sprintf("06%08d", rng.IntN(100_000_000))
		}
		s.Attempts = syntheticAttempts(rng, s, today, rng.IntN(6))
		age := s.Received.DaysUntil(today)
		switch {
		case s.Reached() && age > 14:
			s.Outcome = pick(rng, []actionlist.SignalOutcome{actionlist.OutcomeDeclined, actionlist.OutcomeInHelp, actionlist.OutcomePaid, actionlist.OutcomeOtherReason})
		case len(s.Attempts) >= 4 && age > 30:
			s.Outcome = pick(rng, []actionlist.SignalOutcome{actionlist.OutcomeNotReached, actionlist.OutcomeNotReached, actionlist.OutcomeMoved})
		}
		if !s.Open() {
			s.ClosedOn = lastAttempt(s, today)
		}
		out = append(out, s)
	}
	return out
}

// AcceptedSignal is the signal a case from early warning began with: its
// partner and date, attempts that ended in reaching the resident, accepted.
func AcceptedSignal(rng *rand.Rand, c actionlist.Case) actionlist.ArrearsSignal {
	s := actionlist.ArrearsSignal{
		Partner:     c.Source.Signal,
		AmountCents: actionlist.Cents(50+rng.IntN(3000)) * 100,
		Received:    c.Source.SignalDate,
		Name:        c.Name,
		Address:     fmt.Sprintf("%s %d", pick(rng, streets), 1+rng.IntN(400)),
		Phone:       fmt.Sprintf("06%08d", rng.IntN(100_000_000)),
	}
	s.Attempts = syntheticAttempts(rng, s, c.Start, 1+rng.IntN(4))
	if len(s.Attempts) == 0 {
		s.Attempts = []actionlist.Attempt{{Kind: actionlist.AttemptPhone, On: s.Received, Part: actionlist.PartMorning}}
	}
	s.Attempts[len(s.Attempts)-1].Reached = true
	return actionlist.Accepted(s, c.ID, c.Start)
}

// syntheticAttempts makes up to n attempts between the signal and today,
// the last of which may reach the resident.
func syntheticAttempts(rng *rand.Rand, s actionlist.ArrearsSignal, today actionlist.Date, n int) []actionlist.Attempt {
	var out []actionlist.Attempt
	day := s.Received
	for i := range n {
		day = day.AddDays(1 + rng.IntN(5))
		if day.After(today) {
			break
		}
		a := actionlist.Attempt{Kind: pick(rng, actionlist.AttemptKinds), On: day, Part: pick(rng, actionlist.DayParts), Note: pick(rng, attemptNotes)}
		if s.Phone == "" && (a.Kind == actionlist.AttemptPhone || a.Kind == actionlist.AttemptText) {
			a.Kind = actionlist.AttemptVisit
		}
		// A phone call or a visit reaches about half; a letter seldom.
		chance := map[actionlist.AttemptKind]int{actionlist.AttemptPhone: 40, actionlist.AttemptVisit: 35, actionlist.AttemptText: 20, actionlist.AttemptEmail: 10, actionlist.AttemptLetter: 6}[a.Kind]
		a.Reached = rng.IntN(100) < chance
		out = append(out, a)
		if a.Reached || i == n-1 {
			break
		}
	}
	return out
}

func lastAttempt(s actionlist.ArrearsSignal, today actionlist.Date) actionlist.Date {
	if len(s.Attempts) == 0 {
		return today
	}
	return s.Attempts[len(s.Attempts)-1].On
}

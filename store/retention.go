package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"houvast/actionlist"
)

// DefaultRetentionMonths is how long a closed case is kept before Houvast
// reminds the specialist to erase it.
const DefaultRetentionMonths = 12

// DefaultSignalRetentionMonths is how long an early-warning signal that did
// not become a case is kept: long enough to see a second signal of the same
// resident come in, short for data of someone who never asked for help.
const DefaultSignalRetentionMonths = 6

// DueForErasure lists the closed cases whose retention period has passed on
// today: closed at least months ago (a case closed on 3 March with 12 months
// is due from 3 March a year later; one closed on 29 February from 28
// February). A closed case without a closing date counts from its last
// change. Longest closed first.
func (s *Store) DueForErasure(ctx context.Context, today actionlist.Date, months int) ([]CaseSummary, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, ref, name, closed_on, updated FROM cases WHERE status = ?", string(actionlist.CaseClosed))
	if err != nil {
		return nil, fmt.Errorf("list closed cases: %w", classify(err))
	}
	defer rows.Close()
	var out []CaseSummary
	for rows.Next() {
		var cs CaseSummary
		var closed, updated string
		if err := rows.Scan(&cs.ID, &cs.Ref, &cs.Name, &closed, &updated); err != nil {
			return nil, fmt.Errorf("list closed cases: %w", classify(err))
		}
		cs.Status = actionlist.CaseClosed
		cs.ClosedOn, _ = actionlist.ParseDate(closed)
		cs.Updated = parseStamp(updated)
		if !closedSince(cs).AddMonths(months).After(today) {
			out = append(out, cs)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list closed cases: %w", classify(err))
	}
	slices.SortFunc(out, func(a, b CaseSummary) int {
		if c := closedSince(a).DaysUntil(closedSince(b)); c != 0 {
			return -c
		}
		return strings.Compare(a.Ref, b.Ref)
	})
	return out, nil
}

// closedSince is the day the retention period of a closed case starts.
func closedSince(cs CaseSummary) actionlist.Date {
	if !cs.ClosedOn.IsZero() {
		return cs.ClosedOn
	}
	return actionlist.DateOf(cs.Updated)
}

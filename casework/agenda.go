package casework

import (
	"context"

	"houvast/actionlist"
	"houvast/export"
)

// Agenda is what needs the caseworker from today through days more, across
// every open case, most urgent first (actionlist.Agenda over the steps the
// store reads for it). The screen's agenda is the same rule over the same
// read.
func (w *Work) Agenda(ctx context.Context, days int) ([]actionlist.AgendaItem, error) {
	today := w.Today()
	cases, err := w.Store.AgendaCases(ctx, today.AddDays(days))
	if err != nil {
		return nil, err
	}
	return actionlist.Agenda(cases, today, days), nil
}

// WriteAgendaCalendar writes the agenda as a calendar file for the
// caseworker's own calendar app: only references, first names and what an
// item is about (export.AgendaCalendar), checked for what looks like a BSN
// unless allowed, private and whole, never over the database.
func (w *Work) WriteAgendaCalendar(path string, items []actionlist.AgendaItem, allowBSN bool) error {
	data, err := export.AgendaCalendar(items, export.AgendaCalendarOptions{Lang: w.Settings.Lang, Now: w.Now(), AllowBSN: allowBSN})
	if err != nil {
		return err
	}
	return WriteOutput(path, w.Settings.DB, "agenda.ics", bytesOut(data))
}

package casework

import (
	"context"

	"houvast/actionlist"
	"houvast/export"
)

// ExportDebts writes a case's debt overview for the credit bank or a
// colleague, as CSV or XLSX, in the language of the run. Like every
// export it is refused when a text looks like a BSN; with AllowBSN the
// references that looked like one are recorded as checked, so the next
// export does not ask about them again (only when one changes).
func (w *Work) ExportDebts(ctx context.Context, r ExportRequest, f export.DebtFormat) (Exported, error) {
	name := "schulden" + f.Ext()
	if err := CheckOutput(r.Path, w.Settings.DB, name); err != nil {
		return Exported{}, err
	}
	c, _, err := w.readCase(ctx, r.Ref, false)
	if err != nil {
		return Exported{}, err
	}
	if !r.AllowBSN {
		if err := export.CheckDebts(c); err != nil {
			return Exported{}, err
		}
	}
	var data []byte
	switch f {
	case export.DebtsXLSX:
		if data, err = export.DebtsFileXLSX(c, w.Settings.Lang); err != nil {
			return Exported{}, err
		}
	default:
		data = export.DebtsFileCSV(c, w.Settings.Lang)
	}
	if err := w.deliver(r.Path, r.Out, name, r.Lock, bytesOut(data)); err != nil {
		return Exported{}, err
	}
	if r.AllowBSN {
		if err := w.confirmReferences(ctx, c); err != nil {
			return Exported{}, err
		}
	}
	return Exported{Path: r.Path, Ref: c.Ref}, nil
}

// confirmReferences records each reference that looks like a BSN as
// checked by the specialist.
func (w *Work) confirmReferences(ctx context.Context, c actionlist.Case) error {
	actor := w.Settings.Actor(actionlist.RoleSpecialist)
	for _, d := range c.Debts {
		if d.Reference == d.ReferenceChecked || len(actionlist.FindBSN(d.Reference)) == 0 {
			continue
		}
		after := d
		after.ReferenceChecked = d.Reference
		if _, err := w.Store.UpdateDebt(ctx, actor, c.ID, d, after); err != nil {
			return err
		}
	}
	return nil
}

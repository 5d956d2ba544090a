package store

import (
	"slices"
	"strconv"
	"testing"

	"houvast/actionlist"
)

// debtsPackage is the case as a package made with --with-debts holds it:
// of each debt only its creditor and reference.
func debtsPackage(c actionlist.Case) actionlist.Case {
	cp := volunteerCopy(c)
	for _, d := range c.Debts {
		cp.Debts = append(cp.Debts, actionlist.Debt{ID: d.ID, Creditor: d.Creditor, Reference: d.Reference,
			Kind: actionlist.DebtOther, State: actionlist.DebtNotAsked})
	}
	return cp
}

// debtsCopy is a case with two debts on the specialist's laptop and the
// volunteer's copy of it, from a first package with or without its debts.
type debtsCopy struct {
	t         *testing.T
	spec, vol *Store
	id        string
	rent, gas actionlist.Debt // on the specialist's laptop
	packages  int
	before    int64 // the copy's last event before the latest package
}

func newDebtsCopy(t *testing.T, withDebts bool) *debtsCopy {
	t.Helper()
	dc := &debtsCopy{t: t}
	dc.spec, _ = openTemp(t)
	dc.vol, _ = openTemp(t)
	c := mustCreate(t, dc.spec)
	dc.id = c.ID
	var err error
	if dc.rent, err = dc.spec.AddDebt(ctx, specialist, c.ID, sampleDebt()); err != nil {
		t.Fatal(err)
	}
	if dc.gas, err = dc.spec.AddDebt(ctx, specialist, c.ID, actionlist.Debt{Creditor: "Eneco", Reference: "EN-77", Amount: 50000,
		Kind: actionlist.DebtEnergy, State: actionlist.DebtNotAsked}); err != nil {
		t.Fatal(err)
	}
	dc.refresh(withDebts)
	return dc
}

// refresh imports a new package of the specialist's case as it is now.
func (dc *debtsCopy) refresh(withDebts bool) VolunteerImport {
	dc.t.Helper()
	c, err := dc.spec.Case(ctx, dc.id)
	if err != nil {
		dc.t.Fatal(err)
	}
	pkg := volunteerCopy(c)
	if withDebts {
		pkg = debtsPackage(c)
	}
	dc.packages++
	if dc.before, err = dc.vol.CaseSeq(ctx, dc.id); err != nil {
		dc.t.Fatal(err)
	}
	res, err := dc.vol.ImportVolunteerCopy(ctx, volunteer, pkg, VolunteerOrigin{PackageID: "p" + strconv.Itoa(dc.packages), MadeBy: "Ahmed"}, pkgFields)
	if err != nil {
		dc.t.Fatal(err)
	}
	return res
}

// debts are the copy's debts as creditor/reference.
func (dc *debtsCopy) debts() []string {
	dc.t.Helper()
	c, err := dc.vol.Case(ctx, dc.id)
	if err != nil {
		dc.t.Fatal(err)
	}
	var out []string
	for _, d := range c.Debts {
		out = append(out, d.Creditor+"/"+d.Reference)
	}
	return out
}

func (dc *debtsCopy) debt(id string) actionlist.Debt {
	dc.t.Helper()
	d, err := loadDebtRow(ctx, dc.vol.db, dc.id, id)
	if err != nil {
		dc.t.Fatal(err)
	}
	return d
}

// refreshed are the debt events the latest refresh recorded on the copy, as
// "action id field"; each must be listed as the refresh's own in its mark,
// so the history tells the specialist's changes from the volunteer's.
func (dc *debtsCopy) refreshed() ([]string, []actionlist.Event) {
	dc.t.Helper()
	metas, err := volunteerMetas(ctx, dc.vol.db, dc.id)
	if err != nil || len(metas) < 2 {
		dc.t.Fatalf("marks of the copy: %d, %v", len(metas), err)
	}
	own := metas[len(metas)-1].OwnEvents
	evs, err := loadEvents(ctx, dc.vol.db, "WHERE case_id = ? AND seq > ? AND entity = 'debt' ORDER BY seq", dc.id, dc.before)
	if err != nil {
		dc.t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if !slices.Contains(own, e.ID) {
			dc.t.Errorf("the refresh's %s of debt %s is not listed as its own", e.Action, e.EntityID)
		}
		out = append(out, string(e.Action)+" "+e.EntityID+" "+e.Field)
	}
	return out, evs
}

// A debt the specialist adds reaches the copy with the next package; the
// step counts stay the steps'.
func TestRefreshBringsANewDebt(t *testing.T) {
	dc := newDebtsCopy(t, true)
	water, err := dc.spec.AddDebt(ctx, specialist, dc.id, actionlist.Debt{Creditor: "Evides", Reference: "W-12", Amount: 9900,
		Kind: actionlist.DebtWater, State: actionlist.DebtNotAsked, Note: "TEAM-NOTE"})
	if err != nil {
		t.Fatal(err)
	}
	res := dc.refresh(true)
	if got := dc.debts(); !slices.Equal(got, []string{"Woonstad Rotterdam/HR-2026-118", "Eneco/EN-77", "Evides/W-12"}) {
		t.Fatalf("the copy's debts: %q", got)
	}
	if d := dc.debt(water.ID); d.Amount != 0 || d.Note != "" || d.Kind != actionlist.DebtOther {
		t.Errorf("the new debt brought more than creditor and reference: %+v", d)
	}
	if res.DebtsAdded != 1 || res.DebtsChanged != 0 || res.DebtsRemoved != 0 || res.Added != 0 || res.Changed != 0 {
		t.Errorf("refresh: %+v", res)
	}
	evs, raw := dc.refreshed()
	if !slices.Equal(evs, []string{"created " + water.ID + " "}) {
		t.Fatalf("the refresh's debt events: %q", evs)
	}
	if d, err := actionlist.DebtFromSnapshot(raw[0].New); err != nil || d != dc.debt(water.ID) {
		t.Errorf("the created event holds %+v (%v)", d, err)
	}
}

// A debt the specialist removed, or no longer shares, leaves the copy; a
// debt the volunteer added there stays, and the return file holds no debt.
func TestRefreshRemovesADebt(t *testing.T) {
	dc := newDebtsCopy(t, true)
	mine, err := dc.vol.AddDebt(ctx, volunteer, dc.id, actionlist.Debt{Creditor: "Zilveren Kruis", Kind: actionlist.DebtHealth, State: actionlist.DebtNotAsked})
	if err != nil {
		t.Fatal(err)
	}
	// The volunteer asked the rent's balance before the specialist removed it.
	rent := dc.debt(dc.rent.ID)
	asked := actionlist.AskBalance(rent, today)
	if _, err := dc.vol.UpdateDebt(ctx, volunteer, dc.id, rent, asked); err != nil {
		t.Fatal(err)
	}
	if err := dc.spec.DeleteDebt(ctx, specialist, dc.id, dc.rent.ID); err != nil {
		t.Fatal(err)
	}
	res := dc.refresh(true)
	if got := dc.debts(); !slices.Equal(got, []string{"Eneco/EN-77", "Zilveren Kruis/"}) {
		t.Fatalf("the copy's debts: %q", got)
	}
	if res.DebtsRemoved != 1 || res.DebtsAdded != 0 || res.DebtsChanged != 0 {
		t.Errorf("refresh: %+v", res)
	}
	evs, raw := dc.refreshed()
	if !slices.Equal(evs, []string{"deleted " + dc.rent.ID + " "}) {
		t.Fatalf("the refresh's debt events: %q", evs)
	}
	// The history keeps the debt as it was on the copy, the volunteer's ask too.
	if d, err := actionlist.DebtFromSnapshot(raw[0].Old); err != nil || d != asked {
		t.Errorf("the deleted event holds %+v (%v)", d, err)
	}
	if dc.debt(mine.ID).Creditor != "Zilveren Kruis" {
		t.Error("the volunteer's own debt is gone")
	}
	_, ret, err := dc.vol.ReturnEvents(ctx, dc.id)
	if err != nil || len(ret) != 0 {
		t.Errorf("the return file holds %+v (%v)", ret, err)
	}
}

// A creditor or reference the specialist changes takes the package's value
// on the copy; what the volunteer noted of the debt stays.
func TestRefreshChangesACreditor(t *testing.T) {
	dc := newDebtsCopy(t, true)
	gas := dc.debt(dc.gas.ID)
	asked := actionlist.AskBalance(gas, today)
	asked.Note = "called on Monday"
	if _, err := dc.vol.UpdateDebt(ctx, volunteer, dc.id, gas, asked); err != nil {
		t.Fatal(err)
	}
	renamed := dc.gas
	renamed.Creditor, renamed.Reference = "Vattenfall", "VF-9"
	if _, err := dc.spec.UpdateDebt(ctx, specialist, dc.id, dc.gas, renamed); err != nil {
		t.Fatal(err)
	}
	res := dc.refresh(true)
	want := asked
	want.Creditor, want.Reference = "Vattenfall", "VF-9"
	if got := dc.debt(dc.gas.ID); got != want {
		t.Fatalf("the copy's debt: %+v, want %+v", got, want)
	}
	if res.DebtsChanged != 1 || res.DebtsAdded != 0 || res.DebtsRemoved != 0 || res.Changed != 0 {
		t.Errorf("refresh: %+v", res)
	}
	evs, raw := dc.refreshed()
	if !slices.Equal(evs, []string{"changed " + dc.gas.ID + " creditor", "changed " + dc.gas.ID + " reference"}) {
		t.Fatalf("the refresh's debt events: %q", evs)
	}
	if raw[0].Old != "Eneco" || raw[0].New != "Vattenfall" || raw[1].Old != "EN-77" || raw[1].New != "VF-9" {
		t.Errorf("the changed events: %+v", raw)
	}
	// The same debts again change nothing.
	if res := dc.refresh(true); res.DebtsAdded+res.DebtsChanged+res.DebtsRemoved != 0 {
		t.Errorf("a refresh without news: %+v", res)
	}
}

// A package with --with-debts after one without brings the debts; one
// without after one with leaves them all as they are, with the volunteer's
// work on them: it cannot say whether the specialist stopped sharing them
// or forgot to, and that work never travels back.
func TestRefreshFollowsWithDebts(t *testing.T) {
	dc := newDebtsCopy(t, false)
	if got := dc.debts(); len(got) != 0 {
		t.Fatalf("a package without debts made %q", got)
	}
	res := dc.refresh(true)
	if got := dc.debts(); !slices.Equal(got, []string{"Woonstad Rotterdam/HR-2026-118", "Eneco/EN-77"}) {
		t.Fatalf("with --with-debts after without: %q", got)
	}
	if res.DebtsAdded != 2 {
		t.Errorf("refresh: %+v", res)
	}
	if evs, _ := dc.refreshed(); !slices.Equal(evs, []string{"created " + dc.rent.ID + " ", "created " + dc.gas.ID + " "}) {
		t.Errorf("the refresh's debt events: %q", evs)
	}
	mine, err := dc.vol.AddDebt(ctx, volunteer, dc.id, actionlist.Debt{Creditor: "Zilveren Kruis", Kind: actionlist.DebtHealth, State: actionlist.DebtNotAsked})
	if err != nil {
		t.Fatal(err)
	}
	asked := dc.debt(dc.rent.ID)
	asked.State, asked.AskedOn, asked.Note = actionlist.DebtAsked, today, "Maandag gebeld, brief volgt"
	if _, err := dc.vol.UpdateDebt(ctx, volunteer, dc.id, dc.debt(dc.rent.ID), asked); err != nil {
		t.Fatal(err)
	}
	all := []string{"Woonstad Rotterdam/HR-2026-118", "Eneco/EN-77", "Zilveren Kruis/"}
	res = dc.refresh(false)
	if got := dc.debts(); !slices.Equal(got, all) {
		t.Fatalf("without --with-debts after with: %q", got)
	}
	if res.DebtsRemoved != 0 || res.DebtsLeft != 3 {
		t.Errorf("refresh: %+v", res)
	}
	if evs, _ := dc.refreshed(); len(evs) != 0 {
		t.Errorf("the refresh's debt events: %q", evs)
	}
	if got := dc.debt(dc.rent.ID); got.Note != asked.Note || got.State != actionlist.DebtAsked {
		t.Errorf("the volunteer's work on a debt: %+v", got)
	}
	// Shared again, nothing changes: they are there.
	if res := dc.refresh(true); res.DebtsAdded+res.DebtsChanged+res.DebtsRemoved != 0 {
		t.Errorf("shared again: %+v", res)
	}
	if got := dc.debts(); !slices.Equal(got, all) {
		t.Fatalf("shared again: %q", got)
	}
	if dc.debt(mine.ID).Creditor != "Zilveren Kruis" {
		t.Error("the volunteer's own debt changed")
	}
}

// A shared debt the volunteer removed from their copy is not brought back
// by later packages, as with steps.
func TestRefreshLeavesADebtTheVolunteerRemoved(t *testing.T) {
	dc := newDebtsCopy(t, true)
	if err := dc.vol.DeleteDebt(ctx, volunteer, dc.id, dc.rent.ID); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if res := dc.refresh(true); res.DebtsAdded != 0 {
			t.Errorf("refresh: %+v", res)
		}
		if got := dc.debts(); !slices.Equal(got, []string{"Eneco/EN-77"}) {
			t.Fatalf("the copy's debts: %q", got)
		}
	}
	// A package without debts leaves the copy as it is, and the next one
	// with them does not bring the removed one back either.
	dc.refresh(false)
	if res := dc.refresh(true); res.DebtsAdded != 0 {
		t.Errorf("shared again: %+v", res)
	}
	if got := dc.debts(); !slices.Equal(got, []string{"Eneco/EN-77"}) {
		t.Fatalf("shared again: %q", got)
	}
}

// A debt the volunteer removed just before a package without debts stays
// away when the next package brings the debts again.
func TestRemovedDebtStaysAwayOverAPackageWithoutDebts(t *testing.T) {
	dc := newDebtsCopy(t, true)
	if err := dc.vol.DeleteDebt(ctx, volunteer, dc.id, dc.rent.ID); err != nil {
		t.Fatal(err)
	}
	if res := dc.refresh(false); res.DebtsLeft != 1 {
		t.Errorf("without debts: %+v", res)
	}
	if res := dc.refresh(true); res.DebtsAdded != 0 {
		t.Errorf("with debts again: %+v", res)
	}
	if got := dc.debts(); !slices.Equal(got, []string{"Eneco/EN-77"}) {
		t.Fatalf("the copy's debts: %q", got)
	}
}

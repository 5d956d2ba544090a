package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
)

func nl(t *testing.T) *fixture { return newFixture(t, actionlist.Dutch, 100, 32) }

func TestCaseListKeys(t *testing.T) {
	f := nl(t)
	f.see("Dossiers", "Fatima", "2026-001")
	// A second case to move between.
	if _, err := f.st.CreateCase(ctx, marieke, actionlist.Case{Name: "Kees", Status: actionlist.CaseIntake, Language: actionlist.CaseDutch, Dose: 3}); err != nil {
		t.Fatal(err)
	}
	f.run(f.m.loadCases())
	f.see("Kees")
	f.press("up", "up")
	first := f.m.list.cursor
	f.press("down")
	if f.m.list.cursor != first+1 {
		t.Fatalf("down: cursor %d", f.m.list.cursor)
	}
	f.press("up")
	if f.m.list.cursor != first {
		t.Fatalf("up: cursor %d", f.m.list.cursor)
	}
	// Search by name, then by reference; esc clears.
	f.press("/")
	f.typeText("fat")
	if len(f.m.list.rows) != 1 || f.m.list.rows[0].Name != "Fatima" {
		t.Fatalf("search fat: %v", f.m.list.rows)
	}
	f.press("esc")
	if len(f.m.list.rows) != 2 {
		t.Fatalf("esc did not clear the search: %d rows", len(f.m.list.rows))
	}
	f.press("/")
	f.typeText("2026-002")
	f.press("enter")
	if len(f.m.list.rows) != 1 || f.m.list.rows[0].Name != "Kees" {
		t.Fatalf("search by reference: %v", f.m.list.rows)
	}
	f.press("/")
	f.typeText("zzz")
	f.see("Geen dossier gevonden")
	f.press("esc")
	// Help and back.
	f.press("?")
	f.see("Hulp")
	f.press("esc")
	f.see("Dossiers")
	// The volunteer view and back.
	f.press("v")
	f.see("Taken voor vrijwilligers")
	f.press("esc")
	f.see("Dossiers")
	// Quit.
	f.press("q")
	if !f.quit {
		t.Fatal("q did not quit")
	}
}

func TestCloseCaseAsksWhyAndHidesIt(t *testing.T) {
	f := nl(t)
	f.press("x")
	f.see("Waarom sluit je dit dossier?")
	f.press("down", "down", "enter") // "niet verschenen"
	c := f.stored()
	if c.Status != actionlist.CaseClosed || c.CloseReason != actionlist.CloseNoShow || c.ClosedOn != testToday {
		t.Fatalf("closed case: %s %s %s", c.Status, c.CloseReason, c.ClosedOn)
	}
	f.notSee("2026-001")
	f.see("c toont ook")
	f.press("c")
	f.see("Fatima", "afgesloten")
	f.press("x")
	f.see("al afgesloten")
}

func TestNewCase(t *testing.T) {
	f := nl(t)
	f.press("n")
	f.see("Nieuw dossier", "Naam van de inwoner")
	f.press("enter") // an empty name is refused, the form stays
	f.see("Vul een naam in")
	f.typeText("Jan")
	f.press("enter")         // to the language
	f.press("enter")         // to the source
	f.press("enter")         // source unknown: the signal page is skipped
	f.typeText("20-11")      // asked for help last Friday
	f.press("enter", "down") // to the threat: eviction
	f.press("enter")
	f.press("enter")          // yes, this is the first conversation
	f.press("enter")          // the default template
	f.press("space")          // leave out the first phase (crisis)
	f.press("enter")          // done choosing
	f.press("right", "enter") // dose: one more than 3
	f.press("enter", "enter") // no volunteer, no generalist
	f.press("enter")          // no questionnaire now
	if f.m.screen != screenCase || f.m.cs.c.Name != "Jan" {
		t.Fatalf("after the form: screen %d, case %q\n%s", f.m.screen, f.m.cs.c.Name, f.screen())
	}
	c := f.m.cs.c
	if c.RequestedOn != actionlist.MustDate("2026-11-20") || c.Threat != actionlist.ThreatEviction || c.FirstTalkOn != testToday {
		t.Errorf("the clocks' dates: asked %s, threat %q, first conversation %s", c.RequestedOn, c.Threat, c.FirstTalkOn)
	}
	for _, s := range c.Steps {
		if s.Phase == actionlist.PhaseCrisis {
			t.Fatal("the crisis phase was not left out")
		}
	}
	if c.Dose != 4 || c.Ref != "2026-002" || c.Start != testToday || c.Target != testToday.AddDays(actionlist.DefaultTargetDays) {
		t.Errorf("new case: dose %d ref %s start %s target %s", c.Dose, c.Ref, c.Start, c.Target)
	}
	if len(f.m.cs.dosing.Now) != 4 {
		t.Errorf("Now holds %d steps, want the dose of 4", len(f.m.cs.dosing.Now))
	}
	for _, s := range f.m.cs.dosing.Now {
		if s.Due.IsZero() {
			t.Errorf("step %q in Now has no date", s.Title)
		}
	}
	f.see("Jan", "2026-002")
}

func TestNewCaseRefusesABSNUntilConfirmed(t *testing.T) {
	f := nl(t)
	f.press("n")
	f.typeText("Jan 111222333")
	f.press("enter")
	f.see("dit lijkt op een BSN")
	if f.m.form == nil {
		t.Fatal("the form closed")
	}
}

func TestTickOffBringsTheNextStepIn(t *testing.T) {
	f := nl(t)
	f.openCase()
	before := slices.Clone(f.m.cs.dosing.Now)
	first := before[0]
	f.press("space")
	c := f.stored()
	got, _ := c.StepByID(first.ID)
	if got.Status != actionlist.StepDone || got.DoneOn != testToday || got.DoneBy != "Marieke" {
		t.Fatalf("ticked step stored as %+v", got)
	}
	now := f.m.cs.dosing.Now
	if len(now) != len(before) || now[len(now)-1].ID == before[len(before)-1].ID && len(before) > 0 && slices.ContainsFunc(now, func(s actionlist.Step) bool { return s.ID == first.ID }) {
		t.Fatalf("Now did not refill: before %v now %v", ids(before), ids(now))
	}
	var newcomer actionlist.Step
	for _, s := range now {
		if !slices.ContainsFunc(before, func(b actionlist.Step) bool { return b.ID == s.ID }) {
			newcomer = s
		}
	}
	if newcomer.ID == "" {
		t.Fatalf("no new step came in: %v -> %v", ids(before), ids(now))
	}
	stored, _ := c.StepByID(newcomer.ID)
	if stored.Due.IsZero() {
		t.Error("the newcomer came into Now without a date")
	}
	f.see("Klaar: "+clean(first.Title), "nieuw", clean(newcomer.Title))
	// Undo puts it back.
	f.press("u")
	c = f.stored()
	if got, _ := c.StepByID(first.ID); got.Status != first.Status {
		t.Fatalf("undo left status %s", got.Status)
	}
	f.see("Teruggedraaid")
	f.press("u", "u")
	f.see("niets om terug te draaien")
}

func ids(steps []actionlist.Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.ID
	}
	return out
}

func TestCaseKeysMoveAndPin(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.press("down")
	if f.m.cs.cursor != 1 {
		t.Fatalf("down: cursor %d", f.m.cs.cursor)
	}
	sel, _ := f.m.cs.selected()
	f.press("p")
	if got, _ := f.stored().StepByID(sel.ID); got.Pin != actionlist.PinNow {
		t.Fatalf("pin: %q", got.Pin)
	}
	f.see("vast")
	// The pinned step now leads Now; the cursor followed it.
	if cur, _ := f.m.cs.selected(); cur.ID != sel.ID {
		t.Errorf("the cursor lost the pinned step")
	}
	f.press("p")
	if got, _ := f.stored().StepByID(sel.ID); got.Pin != actionlist.PinNone {
		t.Fatalf("unpin: %q", got.Pin)
	}
	f.press("l")
	if got, _ := f.stored().StepByID(sel.ID); got.Pin != actionlist.PinLater {
		t.Fatalf("push back: %q", got.Pin)
	}
	if f.m.cs.dosing.InNow(sel.ID) {
		t.Error("a pushed-back step stayed in Now while others were ready")
	}
	f.see("naar later geschoven")
	f.press("up")
	f.press("pgdown")
	if f.m.cs.scroll == 0 {
		t.Error("pgdown did not scroll")
	}
	f.press("pgup")
	if f.m.cs.scroll != 0 {
		t.Error("pgup did not scroll back")
	}
}

func TestEditDueDateWrongThenRight(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	f.press("w")
	f.see("Wanneer moet deze stap klaar zijn?")
	f.press("ctrl+u")
	f.typeText("31-2")
	f.press("enter")
	f.see("Deze datum begrijp ik niet", "31-2")
	if got, _ := f.stored().StepByID(sel.ID); got.Due != sel.Due {
		t.Fatal("a wrong date changed the step")
	}
	f.press("ctrl+u")
	f.typeText("+7")
	f.press("enter")
	if got, _ := f.stored().StepByID(sel.ID); got.Due != testToday.AddDays(7) {
		t.Fatalf("due = %s, want %s", got.Due, testToday.AddDays(7))
	}
	f.see("vóór ma 30 nov")
}

func TestEditStepForm(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	f.press("e")
	f.see("Stap bewerken")
	f.press("ctrl+u")
	f.typeText("Bel de verhuurder")
	f.press("enter", "enter", "enter", "enter") // owner, name, status
	f.press("ctrl+u")
	f.typeText("morgen")
	f.press("enter")                   // next page: why, after, resident note
	f.press("enter", "enter", "enter") // keep them
	f.typeText("INTERN-1")             // the team note
	f.press("enter", "enter", "enter") // the work note and the outcome
	f.press("enter", "enter")          // the resident's plan, kept: save
	got, _ := f.stored().StepByID(sel.ID)
	if got.Title != "Bel de verhuurder" || got.Due != testToday.AddDays(1) || !strings.Contains(got.InternalNote, "INTERN-1") {
		t.Fatalf("edited step: %+v\n%s", got, f.screen())
	}
	f.see("Stap opgeslagen", "Bel de verhuurder")
	// esc cancels a form without saving.
	f.press("e")
	f.press("ctrl+u")
	f.typeText("Niet bewaren")
	f.press("esc")
	if got, _ := f.stored().StepByID(sel.ID); got.Title != "Bel de verhuurder" {
		t.Fatalf("esc saved: %q", got.Title)
	}
	if f.m.form != nil {
		t.Fatal("esc left the form open")
	}
}

func TestAssignAndNote(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	f.press("o")
	f.see("Wie doet deze stap?")
	// Choose the volunteer: the name fills in from the case's people.
	for range 5 {
		if f.m.form == nil {
			break
		}
		f.press("down")
		if v := f.m.form.f.GetFocusedField().GetValue(); v == actionlist.RoleVolunteer {
			break
		}
	}
	f.press("enter", "enter")
	got, _ := f.stored().StepByID(sel.ID)
	if got.Owner != actionlist.RoleVolunteer || got.OwnerName != "Sanne" {
		t.Fatalf("assigned: %s %q", got.Owner, got.OwnerName)
	}
	f.press("n")
	f.typeText("Graag samen doen")
	f.press("enter")
	if got, _ := f.stored().StepByID(sel.ID); !strings.HasSuffix(got.InternalNote, "Graag samen doen") {
		t.Fatalf("team note: %q", got.InternalNote)
	}
}

func TestAddStep(t *testing.T) {
	f := nl(t)
	f.openCase()
	n := len(f.m.cs.c.Steps)
	f.press("a")
	f.see("Stap toevoegen")
	f.typeText("Vraag kwijtschelding aan")
	f.press("enter", "enter", "enter", "enter") // owner, name, phase
	f.press("enter")                            // no date
	f.press("enter", "enter", "enter")          // why, after, note for the resident
	f.press("enter", "enter", "enter")          // the notes and the outcome: save
	if len(f.stored().Steps) != n+1 {
		t.Fatalf("steps: %d, want %d\n%s", len(f.stored().Steps), n+1, f.screen())
	}
	f.see("Stap toegevoegd")
	f.press("u")
	if len(f.stored().Steps) != n {
		t.Fatal("undo did not remove the added step")
	}
}

func TestDoseAppointmentAgreement(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.press("d")
	f.press("right", "right", "enter") // 3 -> 5
	if c := f.stored(); c.Dose != 5 {
		t.Fatalf("dose %d", c.Dose)
	}
	if len(f.m.cs.dosing.Now) != 5 {
		t.Fatalf("Now shows %d", len(f.m.cs.dosing.Now))
	}
	f.see("5 stappen tegelijk")

	f.press("t")
	f.press("ctrl+u")
	f.typeText("Wijkcentrum")
	f.press("enter", "enter")
	f.press("ctrl+u")
	f.typeText("di 25:00")
	f.press("enter")
	f.see("Deze tijd begrijp ik niet")
	f.press("ctrl+u")
	f.typeText("di 9.30")
	f.press("enter")
	c := f.stored()
	if c.Next.Place != "Wijkcentrum" || c.Next.At.Format("2006-01-02 15:04") != "2026-11-24 09:30" {
		t.Fatalf("appointment %+v", c.Next)
	}
	f.see("di 24 nov 09:30 · Wijkcentrum")

	f.press("g")
	f.typeText("Fatima")
	f.press("enter")
	f.press("enter") // nothing agreed yet: refused
	f.see("Schrijf op wat er is afgesproken")
	f.typeText("Belt zelf de zorgverzekeraar")
	f.press("enter")
	c = f.stored()
	if len(c.Agreements) != 2 || c.Agreements[1].What != "Belt zelf de zorgverzekeraar" {
		t.Fatalf("agreements %+v", c.Agreements)
	}
	f.press("pgdown") // below the debts' line in the header, the agreements lie under the fold
	f.see("Belt zelf de zorgverzekeraar")
	f.press("u")
	if len(f.stored().Agreements) != 1 {
		t.Fatal("undo did not remove the agreement")
	}
}

func TestAllStepsScreen(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.press("s")
	f.see("Alle stappen", "Eerst de crisis")
	total := len(f.m.stepRows())
	f.press("f")
	if f.m.steps.owner != actionlist.RoleResident || len(f.m.stepRows()) >= total {
		t.Fatalf("owner filter: %s, %d rows", f.m.steps.owner, len(f.m.stepRows()))
	}
	f.press("F")
	if f.m.steps.state != actionlist.StepOpen {
		t.Fatalf("state filter %s", f.m.steps.state)
	}
	for _, s := range f.m.stepRows() {
		if s.Owner != actionlist.RoleResident || s.Status != actionlist.StepOpen {
			t.Fatalf("filtered row %s/%s", s.Owner, s.Status)
		}
	}
	// Back to all: cycle through the rest.
	for f.m.steps.owner != "" {
		f.press("f")
	}
	for f.m.steps.state != "" {
		f.press("F")
	}
	if len(f.m.stepRows()) != total {
		t.Fatal("filters did not return to all")
	}
	// Tick a done step open again, mark one not applicable, delete one.
	f.press("down")
	row := f.m.stepRows()[f.m.steps.cursor]
	f.press("space")
	got, _ := f.stored().StepByID(row.ID)
	if got.Status == row.Status {
		t.Fatalf("space did nothing to %s", row.Status)
	}
	f.press("-")
	got, _ = f.stored().StepByID(row.ID)
	if got.Status != actionlist.StepNotApplicable {
		t.Fatalf("- gave %s", got.Status)
	}
	f.press("-")
	if got, _ = f.stored().StepByID(row.ID); got.Status != actionlist.StepOpen {
		t.Fatalf("- again gave %s", got.Status)
	}
	n := len(f.stored().Steps)
	f.press("D")
	f.see("verwijderen?")
	f.press("left", "enter") // yes
	if len(f.stored().Steps) != n-1 {
		t.Fatalf("delete: %d steps", len(f.stored().Steps))
	}
	f.press("esc")
	if f.m.screen != screenCase {
		t.Fatal("esc did not go back to the case")
	}
}

func TestResidentViewShowsNoTeamNotes(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	after := sel
	after.InternalNote = "GEHEIM-INTERN"
	after.WorkNote = "GEHEIM-WERK"
	if _, err := f.st.UpdateStep(ctx, marieke, sel, after); err != nil {
		t.Fatal(err)
	}
	f.run(f.m.loadCase(f.c.ID, true))
	f.press("r")
	f.see("Fatima, dit zijn je volgende stappen", "Zo ver ben je al", "Wat we hebben afgesproken")
	f.notSee("GEHEIM-INTERN", "GEHEIM-WERK", "2026-001", "Dossiers")
	f.press("r")
	if f.m.screen != screenCase {
		t.Fatal("r did not leave the resident view")
	}
	f.press("r", "esc")
	if f.m.screen != screenCase {
		t.Fatal("esc did not leave the resident view")
	}
}

func TestHistoryShowsNewestFirst(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	f.press("space")
	f.press("h")
	f.see("Geschiedenis", "Marieke (specialist)")
	// The tick-off and the date it gave the next step are the newest.
	newest := f.m.hist.events[0].At
	var ticked bool
	for _, e := range f.m.hist.events {
		if !e.At.Equal(newest) {
			break
		}
		ticked = ticked || e.EntityID == sel.ID && e.Field == "status" && e.New == "done"
	}
	if !ticked {
		t.Errorf("the tick-off is not among the newest events: %+v", f.m.hist.events[:3])
	}
	top := strings.Join(strings.Split(f.screen(), "\n")[2:8], "\n")
	if !strings.Contains(top, clean(sel.Title)) {
		t.Errorf("the tick-off is not on top:\n%s", f.screen())
	}
	f.press("down")
	if f.m.hist.offset != 1 {
		t.Errorf("down: offset %d", f.m.hist.offset)
	}
	f.press("esc")
	if f.m.screen != screenCase {
		t.Fatal("esc did not leave the history")
	}
}

func TestVolunteerChecklist(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 100, 32)
	f.press("v")
	f.see("Taken voor vrijwilligers", "Fatima · 2026-001", "[✓]", "[ ]")
	var open int
	for i, it := range f.m.vol.items {
		if it.Step.Status != actionlist.StepDone {
			open = i
			break
		}
	}
	for f.m.vol.cursor < open {
		f.press("down")
	}
	item := f.m.vol.items[open]
	f.press("space")
	if got, _ := f.stored().StepByID(item.Step.ID); got.Status != actionlist.StepDone {
		t.Fatalf("volunteer tick: %s", got.Status)
	}
	f.press("n")
	f.typeText("Brief komt per post")
	f.press("enter")
	if got, _ := f.stored().StepByID(item.Step.ID); !strings.HasSuffix(got.WorkNote, "Brief komt per post") {
		t.Fatalf("volunteer note: %q", got.WorkNote)
	}
	f.see("✎")
	f.press("space")
	if got, _ := f.stored().StepByID(item.Step.ID); got.Status != actionlist.StepOpen {
		t.Fatalf("untick: %s", got.Status)
	}
}

func TestVolunteerRoleStartsInChecklistAndStaysThere(t *testing.T) {
	f := newFixture(t, actionlist.English, 100, 32)
	f.m.o.Volunteer = true
	f.m.screen = screenVolunteer
	f.run(f.m.loadVolunteer())
	f.see("Tasks for volunteers")
	f.press("esc")
	if f.m.screen != screenVolunteer {
		t.Fatal("a volunteer left the checklist for the case list")
	}
	f.press("enter")
	if f.m.screen != screenVolunteer {
		t.Fatal("a volunteer opened a whole case")
	}
	// Help lists only what a volunteer can reach.
	f.press("?")
	f.see(f.m.t.VolunteerTitle)
	f.notSee(f.m.t.Now, f.m.t.DebtsTitle, f.m.t.AgendaTitle, f.m.t.KeyOpen)
	f.press("esc")
	f.press("q")
	if !f.quit {
		t.Fatal("q did not quit")
	}
}

func TestTooSmall(t *testing.T) {
	f := newFixture(t, actionlist.English, 60, 20)
	f.see("too small (60×20)", "at least 80 wide", "24 high")
	f.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	f.see("Cases")
}

func TestEnglishEverywhere(t *testing.T) {
	f := newFixture(t, actionlist.English, 120, 40)
	f.see("Cases", "Next appointment")
	f.openCase()
	f.see("Now", "Progress", "Done", "After this:", "Agreements")
	for _, k := range []string{"s", "esc", "r", "r", "h", "esc", "?"} {
		f.press(k)
		if s := f.screen(); strings.Contains(s, "Volgende") || strings.Contains(s, "Dossiers") {
			t.Fatalf("Dutch on an English screen after %q:\n%s", k, s)
		}
	}
}

// A save that cannot get the lock shows a sentence and keeps what was typed.
func TestFailedSaveKeepsTheForm(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	f.press("w")
	f.press("ctrl+u")
	f.typeText("+3")
	// The store goes away under the form: the save fails.
	f.st.Close()
	f.press("enter")
	if f.m.form == nil {
		t.Fatalf("the form closed after a failed save:\n%s", f.screen())
	}
	f.see("Niet opgeslagen", "+3")
	_ = sel
}

// Another window changes the open case: the screen notices and reloads.
func TestNoticesChangesFromAnotherWindow(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	other := sel
	other.Title = "Door een ander venster veranderd"
	if _, err := f.st.UpdateStep(ctx, marieke, sel, other); err != nil {
		t.Fatal(err)
	}
	f.send(watchTickMsg{})
	f.see("Door een ander venster veranderd", "Bijgewerkt")
	// Editing the stale copy of a field someone else changed is refused,
	// and nothing is overwritten.
	stale := sel
	stale.Due = testToday.AddDays(9)
	f.m.cs.c = withSteps(f.m.cs.c, []actionlist.Step{sel}) // as if not yet reloaded
	f.m.cs.refresh(testToday, f.m.o.StepTexts)
	mine := sel
	mine.Title = "Mijn titel"
	next, cmd := f.m.stepChange(storeEdits(sel, mine), "x", "y")
	f.m = next.(Model)
	f.run(cmd)
	if got, _ := f.stored().StepByID(sel.ID); got.Title != other.Title {
		t.Fatalf("the other window's title was overwritten: %q", got.Title)
	}
	f.see("Iemand anders heeft dit net veranderd")
	_ = fmt.Sprint(stale)
}

func TestAllStepsEditingKeys(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.press("s")
	// Go to the first open step that is not in Now and waits for nothing.
	rows := f.m.stepRows()
	target := -1
	for i, s := range rows {
		if s.Status == actionlist.StepOpen && !f.m.cs.dosing.InNow(s.ID) && len(f.m.cs.dosing.WaitsFor(s.ID)) == 0 {
			target = i
			break
		}
	}
	if target < 0 {
		t.Fatal("no open step outside Now in the demo case")
	}
	for f.m.steps.cursor < target {
		f.press("down")
	}
	s := rows[target]
	f.press("p")
	if got, _ := f.stored().StepByID(s.ID); got.Pin != actionlist.PinNow || !f.m.cs.dosing.InNow(s.ID) {
		t.Fatalf("p in all steps: pin %q, in Now %v", got.Pin, f.m.cs.dosing.InNow(s.ID))
	}
	f.press("l")
	if got, _ := f.stored().StepByID(s.ID); got.Pin != actionlist.PinLater {
		t.Fatalf("l in all steps: pin %q", got.Pin)
	}
	f.press("w", "ctrl+u")
	f.typeText("+4")
	f.press("enter")
	if got, _ := f.stored().StepByID(s.ID); got.Due != testToday.AddDays(4) {
		t.Fatalf("w in all steps: due %s", got.Due)
	}
	f.press("n")
	f.typeText("Eerst bellen")
	f.press("enter")
	if got, _ := f.stored().StepByID(s.ID); !strings.HasSuffix(got.InternalNote, "Eerst bellen") {
		t.Fatalf("n in all steps: %q", got.InternalNote)
	}
	f.press("u")
	if got, _ := f.stored().StepByID(s.ID); strings.HasSuffix(got.InternalNote, "Eerst bellen") {
		t.Fatal("u in all steps did not undo the note")
	}
	f.press("e")
	f.see("Stap bewerken")
	f.press("esc")
	// A step that waits for another cannot be pinned, and the screen says why.
	for i, r := range f.m.stepRows() {
		if len(f.m.cs.dosing.WaitsFor(r.ID)) > 0 {
			for f.m.steps.cursor < i {
				f.press("down")
			}
			for f.m.steps.cursor > i {
				f.press("up")
			}
			f.press("p")
			f.see("Deze stap wacht nog op")
			if got, _ := f.stored().StepByID(r.ID); got.Pin == actionlist.PinNow {
				t.Fatal("a blocked step was pinned")
			}
			break
		}
	}
	f.press("a")
	f.see("Stap toevoegen")
	f.press("esc", "?")
	f.see("Hulp")
	f.press("esc")
	if f.m.screen != screenSteps {
		t.Fatal("help did not return to all steps")
	}
}

// A step already in Now keeps the date the specialist gives it, an empty one
// included; only steps coming into Now get a date of their own.
func TestClearingADateInNowKeepsItEmpty(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	f.press("w", "-", "enter")
	if got, _ := f.stored().StepByID(sel.ID); !got.Due.IsZero() {
		t.Fatalf("the cleared date came back: %s", got.Due)
	}
	f.see("nog geen datum")
}

// A date field over a date starts empty, the date shown as its hint: what
// is typed replaces it, and enter on nothing keeps it.
func TestTypingIntoADateFieldReplacesIt(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	if sel.Due.IsZero() {
		t.Fatal("the chosen step has no date to start from")
	}
	f.press("w")
	f.see(dateInput(sel.Due), "Leeg laten = blijft "+dateInput(sel.Due))
	f.typeText("+9")
	f.see("+9")
	f.notSee(dateInput(sel.Due) + "+9")
	f.press("enter")
	got, _ := f.stored().StepByID(sel.ID)
	if got.Due != testToday.AddDays(9) {
		t.Fatalf("+9 gave %s, want %s", got.Due, testToday.AddDays(9))
	}
	f.press("w", "enter")
	if again, _ := f.stored().StepByID(sel.ID); again.Due != got.Due {
		t.Fatalf("enter on the empty field changed the date to %s", again.Due)
	}
	f.press("e")
	f.see("Leeg laten = blijft " + dateInput(got.Due))
}

func TestHelpScrollsOnASmallWindow(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 80, 24)
	f.openCase()
	f.press("?")
	f.see("Hulp", "spatie")
	f.notSee("Datums:")
	for i := 0; i < 10 && !strings.Contains(f.screen(), "Datums:"); i++ {
		f.press("pgdown")
	}
	f.see("Datums:", "Alles wordt meteen opgeslagen")
	f.press("esc")
	if f.m.screen != screenCase {
		t.Fatal("esc did not leave the help")
	}
	f.press("?")
	f.notSee("Datums:") // it starts at the top again
}

// A case closed longer ago than the retention period is pointed out on the
// case list, with the command that erases it.
func TestRetentionReminder(t *testing.T) {
	f := nl(t)
	f.notSee("houvast erase")
	c := f.stored()
	closed := actionlist.Close(c, actionlist.CloseFinished, testToday.AddMonths(-13))
	if _, err := f.st.UpdateCase(ctx, marieke, c, closed); err != nil {
		t.Fatal(err)
	}
	f.run(f.m.loadCases())
	f.see("1 afgesloten dossier(s) langer dan 12 maanden dicht", "houvast erase --due")
	// With a longer period configured, the list keeps quiet until it has
	// passed, and then names that period.
	f.m.o.RetentionMonths = 24
	f.run(f.m.loadCases())
	f.notSee("houvast erase")
	f.m.o.RetentionMonths = 6
	f.run(f.m.loadCases())
	f.see("1 afgesloten dossier(s) langer dan 6 maanden dicht")
}

// With a large dose on a small window, moving down keeps the chosen step in
// view.
func TestChosenStepStaysInView(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 80, 24)
	f.openCase()
	f.press("d", "right", "right", "right", "right", "enter") // 3 -> 7
	for range 6 {
		f.press("down")
	}
	sel, _ := f.m.cs.selected()
	if f.m.cs.cursor != 6 {
		t.Fatalf("cursor %d", f.m.cs.cursor)
	}
	f.see("▸ ")
	if !strings.Contains(f.screen(), clean(sel.Title)[:20]) {
		t.Fatalf("the chosen step is out of view:\n%s", f.screen())
	}
	for range 6 {
		f.press("up")
	}
	f.see("Nu  7 van")
}

// The volunteers' checklist marks a step under way and one waiting as the
// case screen does, not as an empty box.
func TestVolunteerChecklistMarksStepsUnderWay(t *testing.T) {
	f := nl(t)
	c := f.stored()
	var open []actionlist.Step
	for _, s := range c.Steps {
		if (s.Owner == actionlist.RoleVolunteer || s.Owner == actionlist.RoleTogether) && s.Status == actionlist.StepOpen {
			open = append(open, s)
		}
	}
	if len(open) < 2 {
		t.Fatal("the demo case has too few open volunteer steps")
	}
	for i, st := range []actionlist.StepStatus{actionlist.StepInProgress, actionlist.StepWaiting} {
		after := open[i]
		after.Status = st
		if _, err := f.st.UpdateStep(ctx, marieke, open[i], after); err != nil {
			t.Fatal(err)
		}
	}
	f.press("v")
	f.see("[◐] "+open[0].Title[:20], "[◷] "+open[1].Title[:20])
}

package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"houvast/actionlist"
)

var (
	ctx        = context.Background()
	specialist = actionlist.Actor{Name: "Ahmed", Role: actionlist.RoleSpecialist}
	volunteer  = actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}
	today      = actionlist.MustDate("2026-11-23")
)

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "houvast.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	clock := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return s, path
}

// sampleCase has every field set, including on its steps and agreements.
func sampleCase() actionlist.Case {
	return actionlist.Case{
		Name: "Fatima",
		Participants: []actionlist.Participant{
			{Name: "Fatima", Role: actionlist.RoleResident, Contact: "06-00000000"},
			{Name: "Sanne", Role: actionlist.RoleVolunteer},
		},
		Status: actionlist.CaseStabilisation, Language: actionlist.CaseDutch, Dose: 3,
		Start: actionlist.MustDate("2026-10-01"), Target: actionlist.MustDate("2027-01-29"),
		Next:     actionlist.Appointment{At: time.Date(2026, 12, 2, 14, 30, 0, 0, time.Local), Place: "Buurthuis De Linde", With: "Ahmed"},
		Source:   actionlist.Source{Kind: actionlist.SourceEarlyWarning, Signal: actionlist.SignalHousing, SignalDate: actionlist.MustDate("2026-09-20")},
		Template: "stabilisatie", CloseReason: actionlist.CloseNone,
		Steps: []actionlist.Step{
			{ID: "s1", Key: "crisis-threats", Phase: actionlist.PhaseCrisis, Order: 0, Title: "Check threats", Why: "why", After: "after",
				Owner: actionlist.RoleSpecialist, OwnerName: "Ahmed", Due: actionlist.MustDate("2026-10-05"), Status: actionlist.StepDone,
				DoneOn: actionlist.MustDate("2026-10-03"), DoneBy: "Ahmed", InternalNote: "INTERNAL-MARKER", WorkNote: "called", ResidentNote: "well done", Days: 3},
			{ID: "s2", Key: "overview-post", Phase: actionlist.PhaseOverview, Order: 0, Title: "Sort the post", Why: "why", After: "after",
				Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Due: actionlist.MustDate("2026-11-20"), Status: actionlist.StepOpen,
				DependsOn: []string{"s1"}, Pin: actionlist.PinNow, Days: 7, WhenWhere: "Friday morning at the kitchen table", IfNot: "then I call Sanne"},
			{ID: "s3", Phase: actionlist.PhaseCreditors, Order: 0, Title: "Write to creditors", Owner: actionlist.RoleSpecialist,
				Status: actionlist.StepWaiting, DependsOn: []string{"s2"}},
		},
		Agreements: []actionlist.Agreement{{ID: "a1", Date: actionlist.MustDate("2026-11-23"), Who: "Fatima", What: "Open the post every Friday"}},
	}
}

func mustCreate(t testing.TB, s *Store) actionlist.Case {
	t.Helper()
	c, err := s.CreateCase(ctx, specialist, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNewDatabaseIsPrivateAndMarked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "deeper", "houvast")
	path := filepath.Join(dir, "houvast.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for p, want := range map[string]os.FileMode{path: 0o600, dir: 0o700} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s: mode %o, want %o", filepath.Base(p), st.Mode().Perm(), want)
		}
	}
	var appID, version int
	var journal string
	s.db.QueryRow("PRAGMA application_id").Scan(&appID)
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	s.db.QueryRow("PRAGMA journal_mode").Scan(&journal)
	if appID != ApplicationID || version != SchemaVersion() || journal != "wal" {
		t.Errorf("application id %x, version %d, journal %s", appID, version, journal)
	}
	var fk, sync int
	s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	s.db.QueryRow("PRAGMA synchronous").Scan(&sync)
	if fk != 1 || sync != 2 {
		t.Errorf("foreign_keys %d, synchronous %d (want 1, 2=FULL)", fk, sync)
	}
	if _, err := os.Stat(path + ".new"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temporary file was left behind: %v", err)
	}
	// Reopening a Houvast database works and keeps it.
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	s2.Close()
}

func TestCaseRoundTripsEveryField(t *testing.T) {
	s, _ := openTemp(t)
	want := mustCreate(t, s)
	if want.Ref != "2026-001" || want.ID == "" {
		t.Errorf("ref %q id %q", want.Ref, want.ID)
	}
	got, err := s.Case(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want.Steps {
		slices.Sort(want.Steps[i].DependsOn)
	}
	if !got.Created.Equal(want.Created) || !got.Updated.Equal(want.Updated) {
		t.Errorf("timestamps: got %v/%v want %v/%v", got.Created, got.Updated, want.Created, want.Updated)
	}
	got.Created, got.Updated, want.Created, want.Updated = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip\n got %+v\nwant %+v", got, want)
	}
	second, err := s.CreateCase(ctx, specialist, actionlist.Case{Name: "Kees", Status: actionlist.CaseIntake, Language: actionlist.CaseEnglish, Dose: 2})
	if err != nil {
		t.Fatal(err)
	}
	if second.Ref != "2026-002" {
		t.Errorf("second ref %q", second.Ref)
	}
	id, err := s.CaseIDByRef(ctx, "2026-002")
	if err != nil || id != second.ID {
		t.Errorf("by ref: %q %v", id, err)
	}
	if _, err := s.CaseIDByRef(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown ref: %v", err)
	}
	if _, err := s.CreateCase(ctx, specialist, actionlist.Case{Ref: "2026-002", Name: "Dup", Status: actionlist.CaseIntake, Language: actionlist.CaseDutch}); err == nil {
		t.Error("a duplicate reference was accepted")
	}
}

type eventKey struct {
	entity actionlist.Entity
	id     string
	action actionlist.Action
	field  string
}

func eventKeys(evs []actionlist.Event) []eventKey {
	out := make([]eventKey, len(evs))
	for i, e := range evs {
		out[i] = eventKey{e.Entity, e.EntityID, e.Action, e.Field}
	}
	return out
}

// Every change writes its events in the same transaction.
func TestEveryChangeWritesEvents(t *testing.T) {
	s, _ := openTemp(t)
	c := mustCreate(t, s)
	evs, _ := s.Events(ctx, c.ID)
	if len(evs) != 5 { // case, three steps, one agreement
		t.Fatalf("create wrote %d events, want 5", len(evs))
	}
	created := evs[len(evs)-1]
	if created.Entity != actionlist.EntityCase || created.Action != actionlist.ActionCreated || created.Actor != specialist {
		t.Errorf("first event %+v", created)
	}
	if snap, err := actionlist.CaseFromSnapshot(created.New); err != nil || snap.Name != "Fatima" {
		t.Errorf("case snapshot: %v %+v", err, snap)
	}

	step := c.Steps[1]
	ticked := actionlist.TickOff(step, today, "Sanne")
	if _, err := s.UpdateStep(ctx, volunteer, step, ticked); err != nil {
		t.Fatal(err)
	}
	added, err := s.AddStep(ctx, specialist, c.ID, actionlist.Step{Phase: actionlist.PhaseIncome, Title: "Apply for allowance", Owner: actionlist.RoleResident, Status: actionlist.StepOpen, DependsOn: []string{"s2"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteStep(ctx, specialist, "s2"); err != nil {
		t.Fatal(err)
	}
	ag, err := s.AddAgreement(ctx, specialist, c.ID, actionlist.Agreement{Date: today, Who: "Sanne", What: "Call the landlord"})
	if err != nil {
		t.Fatal(err)
	}
	ag2 := ag
	ag2.What = "Call the landlord on Monday"
	if _, err := s.UpdateAgreement(ctx, specialist, c.ID, ag, ag2); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAgreement(ctx, specialist, c.ID, "a1"); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Case(ctx, c.ID)
	after := before
	after.Dose = 5
	after.Next.Place = "Thuis"
	if _, err := s.UpdateCase(ctx, specialist, before, after); err != nil {
		t.Fatal(err)
	}

	evs, _ = s.Events(ctx, c.ID)
	got := eventKeys(evs[:len(evs)-5])
	slices.Reverse(got)
	want := []eventKey{
		{actionlist.EntityStep, "s2", actionlist.ActionChanged, "status"},
		{actionlist.EntityStep, "s2", actionlist.ActionChanged, "done_on"},
		{actionlist.EntityStep, "s2", actionlist.ActionChanged, "done_by"},
		{actionlist.EntityStep, "s2", actionlist.ActionChanged, "pin"},
		{actionlist.EntityStep, "s3", actionlist.ActionChanged, "due"}, // the tick-off brought it into Now
		{actionlist.EntityStep, added.ID, actionlist.ActionCreated, ""},
		{actionlist.EntityStep, added.ID, actionlist.ActionChanged, "due"},    // it entered Now
		{actionlist.EntityStep, "s3", actionlist.ActionChanged, "depends_on"}, // no longer waits for the deleted step
		{actionlist.EntityStep, added.ID, actionlist.ActionChanged, "depends_on"},
		{actionlist.EntityStep, "s2", actionlist.ActionDeleted, ""},
		{actionlist.EntityAgreement, ag.ID, actionlist.ActionCreated, ""},
		{actionlist.EntityAgreement, ag.ID, actionlist.ActionChanged, "what"},
		{actionlist.EntityAgreement, "a1", actionlist.ActionDeleted, ""},
		{actionlist.EntityCase, c.ID, actionlist.ActionChanged, "dose"},
		{actionlist.EntityCase, c.ID, actionlist.ActionChanged, "next_place"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("events\n got %v\nwant %v", got, want)
	}
	if evs[len(evs)-6].Actor != volunteer || evs[len(evs)-6].Old != "open" || evs[len(evs)-6].New != "done" {
		t.Errorf("tick-off event %+v", evs[len(evs)-6])
	}
	final, _ := s.Case(ctx, c.ID)
	if len(final.Steps) != 3 || final.Dose != 5 || len(final.Agreements) != 1 {
		t.Errorf("final case: %d steps, dose %d, %d agreements", len(final.Steps), final.Dose, len(final.Agreements))
	}
	for _, st := range final.Steps {
		if slices.Contains(st.DependsOn, "s2") {
			t.Errorf("step %s still depends on the deleted step", st.ID)
		}
	}
}

// A change that fails (here: too long a title) writes neither the change nor
// its event.
func TestFailedChangeLeavesNoEvent(t *testing.T) {
	s, _ := openTemp(t)
	c := mustCreate(t, s)
	seq, _ := s.CaseSeq(ctx, c.ID)
	bad := c.Steps[2]
	bad.Title = string(make([]byte, actionlist.MaxTitle+1))
	if _, err := s.UpdateSteps(ctx, specialist,
		StepEdit{c.Steps[1], actionlist.TickOff(c.Steps[1], today, "x")},
		StepEdit{c.Steps[2], bad}); err == nil {
		t.Fatal("an over-long title was saved")
	}
	after, _ := s.CaseSeq(ctx, c.ID)
	got, _ := s.Case(ctx, c.ID)
	if after != seq || got.Steps[1].Status != actionlist.StepOpen {
		t.Errorf("half a batch landed: seq %d -> %d, status %s", seq, after, got.Steps[1].Status)
	}
}

func TestConflictingEditIsRefused(t *testing.T) {
	s, _ := openTemp(t)
	c := mustCreate(t, s)
	st := c.Steps[1]
	theirs := st
	theirs.Title = "Their title"
	if _, err := s.UpdateStep(ctx, volunteer, st, theirs); err != nil {
		t.Fatal(err)
	}
	// A different field merges quietly.
	mine := st
	mine.ResidentNote = "my note"
	saved, err := s.UpdateStep(ctx, specialist, st, mine)
	if err != nil || saved.Title != "Their title" || saved.ResidentNote != "my note" {
		t.Fatalf("merge of other fields: %v %+v", err, saved)
	}
	// The same field is a conflict, and nothing is saved.
	mine2 := st
	mine2.Title = "My title"
	_, err = s.UpdateStep(ctx, specialist, st, mine2)
	var ce *ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) || len(ce.Conflicts) != 1 || ce.Conflicts[0].Theirs != "Their title" {
		t.Fatalf("want a conflict on title, got %v", err)
	}
	got, _ := s.Case(ctx, c.ID)
	if got.Steps[1].Title != "Their title" {
		t.Errorf("title overwritten: %q", got.Steps[1].Title)
	}
	// Case fields too.
	other := got
	other.Name = "Fatima B."
	if _, err := s.UpdateCase(ctx, specialist, got, other); err != nil {
		t.Fatal(err)
	}
	stale := got
	stale.Name = "F."
	if _, err := s.UpdateCase(ctx, specialist, got, stale); !errors.Is(err, ErrConflict) {
		t.Errorf("stale case edit: %v", err)
	}
	if _, err := s.UpdateStep(ctx, specialist, actionlist.Step{ID: "nope"}, actionlist.Step{ID: "nope", Title: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown step: %v", err)
	}
}

func TestCaseListAndOwnedSteps(t *testing.T) {
	s, _ := openTemp(t)
	c := mustCreate(t, s)
	stabilised := actionlist.MustDate("2026-03-02")
	empty, err := s.CreateCase(ctx, specialist, actionlist.Case{Name: "Kees", Status: actionlist.CaseIntake, Language: actionlist.CaseDutch, Dose: 3, Stabilised: stabilised})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Cases(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != empty.ID {
		t.Fatalf("list %+v", list)
	}
	row := list[1]
	if row.Ref != c.Ref || row.Name != "Fatima" || row.Done != 1 || row.Applicable != 3 || row.Overdue != 1 ||
		!row.Next.Equal(c.Next.At) || row.Status != actionlist.CaseStabilisation || row.Target != c.Target {
		t.Errorf("row %+v", row)
	}
	if list[0].Applicable != 0 || list[0].Done != 0 || !list[0].Next.IsZero() || list[0].Stabilised != stabilised || !row.Stabilised.IsZero() {
		t.Errorf("empty case row %+v", list[0])
	}
	owned, err := s.StepsOwnedBy(ctx, actionlist.RoleVolunteer)
	if err != nil || len(owned) != 1 || owned[0].Step.ID != "s2" || owned[0].CaseRef != c.Ref || owned[0].CaseName != "Fatima" {
		t.Errorf("volunteer steps %+v %v", owned, err)
	}
}

// A second connection (another window) writing at the same time: no errors,
// nothing lost.
func TestTwoConnectionsWriteAtOnce(t *testing.T) {
	s1, path := openTemp(t)
	c := mustCreate(t, s1)
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	const rounds = 100
	var wg sync.WaitGroup
	errs := make(chan error, 2*rounds)
	for w, st := range []*Store{s1, s2} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range rounds {
				_, err := st.AddAgreement(ctx, specialist, c.ID, actionlist.Agreement{Who: "w", What: "agreement " + string(rune('A'+w)) + string(rune('0'+i%10))})
				if err != nil {
					errs <- err
				}
				cur, err := st.Case(ctx, c.ID)
				if err != nil {
					errs <- err
					continue
				}
				next := cur
				next.Steps = nil
				next.Dose = 1 + (i+w)%7
				if _, err := st.UpdateCase(ctx, specialist, cur, next); err != nil && !errors.Is(err, ErrConflict) {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got, _ := s1.Case(ctx, c.ID)
	if len(got.Agreements) != 1+2*rounds {
		t.Errorf("%d agreements, want %d", len(got.Agreements), 1+2*rounds)
	}
	rep, err := s1.Check(ctx)
	if err != nil || !rep.Sound() {
		t.Errorf("check after concurrent writes: %v %v", err, rep.Problems)
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// Files that are not a Houvast database are refused and never written to.
func TestForeignFilesAreRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	gs, err := Open(ctx, good)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, gs)
	gs.Close()
	goodBytes, _ := os.ReadFile(good)

	other := filepath.Join(dir, "other.db")
	odb, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := odb.Exec("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
	odb.Close()

	nb := append([]byte(nil), goodBytes...)
	nb[60], nb[61], nb[62], nb[63] = 0, 0, 0, 99 // user_version 99

	files := map[string][]byte{
		"garbage.db":   []byte("this is a shopping list, not a database\n" + string(make([]byte, 4000))),
		"empty.db":     {},
		"short.db":     []byte("SQLite format 3\x00"),
		"truncated.db": goodBytes[:len(goodBytes)/2],
		"newer.db":     nb,
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]error{
		"garbage.db": ErrNotHouvast, "empty.db": ErrEmptyFile, "short.db": ErrNotHouvast,
		"truncated.db": ErrTruncated, "newer.db": ErrNewerSchema, "other.db": ErrNotHouvast,
	}
	for name, wantErr := range want {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			before := fileSum(t, p)
			s, err := Open(ctx, p)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, wantErr) {
				t.Errorf("error %v, want %v", err, wantErr)
			}
			if fileSum(t, p) != before {
				t.Error("the file was changed")
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(p + side); err == nil {
					t.Errorf("%s%s was created", name, side)
				}
			}
		})
	}
}

func TestBackupIsConsistentAndPrivate(t *testing.T) {
	s, path := openTemp(t)
	c := mustCreate(t, s)
	dst := filepath.Join(filepath.Dir(path), "copy.db")
	if err := s.Backup(ctx, dst); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dst); st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %o", st.Mode().Perm())
	}
	b, err := Open(ctx, dst)
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer b.Close()
	got, err := b.Case(ctx, c.ID)
	if err != nil || len(got.Steps) != 3 {
		t.Errorf("backup case: %v %d steps", err, len(got.Steps))
	}
	if err := s.Backup(ctx, dst); err == nil {
		t.Error("a backup overwrote an existing file")
	}
}

func TestMigrationMakesACopyFirst(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	path := filepath.Join(t.TempDir(), "h.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, s)
	s.Close()

	migrations = append(slices.Clone(saved), "ALTER TABLE cases ADD COLUMN extra TEXT NOT NULL DEFAULT ''")
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	if version != len(saved)+1 {
		t.Errorf("version %d after migration", version)
	}
	bak := MigrationBackupPath(path, len(saved))
	st, err := os.Stat(bak)
	if err != nil {
		t.Fatalf("no copy before migration: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("copy mode %o", st.Mode().Perm())
	}
	migrations = saved // the copy is a database of the old version
	old, err := Open(ctx, bak)
	if err != nil {
		t.Fatalf("open the copy: %v", err)
	}
	defer old.Close()
	if got, err := old.Case(ctx, c.ID); err != nil || got.Name != "Fatima" {
		t.Errorf("copy holds %v %v", got.Name, err)
	}
}

func TestCheck(t *testing.T) {
	s, _ := openTemp(t)
	mustCreate(t, s)
	rep, err := s.Check(ctx)
	if err != nil || !rep.Sound() || rep.Cases != 1 || rep.Steps != 3 || rep.Events != 5 {
		t.Errorf("check: %v %+v", err, rep)
	}
	// A value the domain does not know is reported.
	if _, err := s.db.Exec("UPDATE steps SET status = 'finished' WHERE id = 's3'"); err != nil {
		t.Fatal(err)
	}
	rep, err = s.Check(ctx)
	if err != nil || rep.Sound() {
		t.Errorf("bad status not found: %v %+v", err, rep)
	}
}

func TestMemoryStore(t *testing.T) {
	s, err := OpenMemory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.CreateCase(ctx, specialist, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Case(ctx, c.ID); err != nil || len(got.Steps) != 3 {
		t.Errorf("memory store: %v", err)
	}
}

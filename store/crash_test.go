package store

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"

	"houvast/actionlist"
)

// buildHelper builds store/internal/crashwriter, a small program that uses
// the store as the screens do, for the tests that kill it or run two.
func buildHelper(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs a helper program")
	}
	bin := filepath.Join(t.TempDir(), "crashwriter")
	out, err := exec.Command("go", "build", "-tags", "houvasttest", "-o", bin, "houvast/store/internal/crashwriter").CombinedOutput()
	if err != nil {
		t.Fatalf("build the helper: %v\n%s", err, out)
	}
	return bin
}

// helperLine is one line the helper's write mode prints (see its Line).
type helperLine struct {
	T     string      `json:"t"`
	Token string      `json:"token"`
	Kind  string      `json:"kind"`
	Sets  []helperSet `json:"sets"`
	Also  []helperSet `json:"also"`
}

type helperSet struct {
	Entity string `json:"e"`
	ID     string `json:"id"`
	Action string `json:"a"`
	Field  string `json:"f"`
	Value  string `json:"v"`
}

// crashOp is one change the helper announced, in the order it made them.
type crashOp struct {
	helperLine
	run      int
	acked    bool
	inFlight bool // announced, not acknowledged: the kill came during the save
}

// envInt reads a number from the environment, for longer runs by hand.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// The promise: a change the screen showed as saved survives a crash, and a
// change and its history are saved together or not at all. A real process
// makes changes the way the screens do and is killed with SIGKILL at random
// moments (while starting, recovering the log, in the middle of a save or
// between saves), then restarted on the same file.
func TestCrashLosesNothingAcknowledged(t *testing.T) {
	bin := buildHelper(t)
	kills := envInt("HOUVAST_CRASH_KILLS", 200)
	seed := uint64(envInt("HOUVAST_CRASH_SEED", int(time.Now().UnixNano()%1e9)))
	t.Logf("seed %d (HOUVAST_CRASH_SEED=%d repeats this run)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 1))

	path := filepath.Join(t.TempDir(), "houvast.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateCase(ctx, specialist, actionlist.NewCase(actionlist.CaseSpec{
		Name: "Fatima", Language: actionlist.CaseDutch, Dose: 3, Start: today,
		Template: actionlist.DefaultTemplate(actionlist.Dutch),
	}, NewID))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	var ops []*crashOp
	start := time.Now()
	for run := range kills {
		ops = append(ops, runAndKill(t, bin, path, c.ID, run, seed, rng)...)
	}
	elapsed := time.Since(start)
	checkAfterCrashes(t, path, c.ID, ops, kills, elapsed)
}

// runAndKill starts the helper, kills it at a random moment and returns
// the changes it announced.
func runAndKill(t *testing.T, bin, path, caseID string, run int, seed uint64, rng *rand.Rand) []*crashOp {
	t.Helper()
	cmd := exec.Command(bin, "write", path, caseID, strconv.Itoa(run), strconv.FormatUint(seed, 10))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr limitedBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(stdout)
	var lines []string
	// Half the kills come after a random number of lines (inside or just
	// after a save), the others after a random time from the start (also
	// while opening the file and recovering from the previous kill).
	if rng.IntN(2) == 0 {
		after := 1 + rng.IntN(60)
		for len(lines) < after {
			l, err := r.ReadString('\n')
			if err != nil {
				break
			}
			lines = append(lines, l)
		}
		if n := rng.IntN(3); n > 0 {
			time.Sleep(time.Duration(rng.IntN(500*n)) * time.Microsecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
	} else {
		timer := time.AfterFunc(time.Duration(rng.IntN(40_000))*time.Microsecond, func() { cmd.Process.Signal(syscall.SIGKILL) })
		defer timer.Stop()
	}
	for {
		l, err := r.ReadString('\n')
		if err != nil {
			break // a line cut short by the kill has no newline: not acknowledged
		}
		lines = append(lines, l)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("run %d ended by itself (%v), not by the kill:\n%s", run, err, stderr.String())
	}
	var ops []*crashOp
	byToken := map[string]*crashOp{}
	for _, l := range lines {
		var hl helperLine
		if err := json.Unmarshal([]byte(l), &hl); err != nil {
			t.Fatalf("run %d: unreadable line %q: %v", run, l, err)
		}
		switch hl.T {
		case "intent":
			op := &crashOp{helperLine: hl, run: run, inFlight: true}
			ops = append(ops, op)
			byToken[hl.Token] = op
		case "ack":
			op := byToken[hl.Token]
			if op == nil {
				t.Fatalf("run %d: acknowledgement of %s without its intent", run, hl.Token)
			}
			op.acked, op.inFlight = true, false
		}
	}
	return ops
}

var tokenRE = regexp.MustCompile(`r[0-9]+o[0-9]+`)

func checkAfterCrashes(t *testing.T, path, caseID string, ops []*crashOp, kills int, elapsed time.Duration) {
	t.Helper()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open after %d kills: %v", kills, err)
	}
	defer s.Close()

	var integrity string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check after %d kills: %q %v", kills, integrity, err)
	}
	if rep, err := s.Check(ctx); err != nil || !rep.Sound() {
		t.Fatalf("houvast check after %d kills: %v %v", kills, err, rep.Problems)
	}

	// The history as stored, by entity.
	type event struct {
		entity, id, action, field, old, new string
	}
	rows, err := s.db.Query("SELECT entity, entity_id, action, field, old, new FROM events WHERE case_id = ? ORDER BY seq", caseID)
	if err != nil {
		t.Fatal(err)
	}
	var events []event
	for rows.Next() {
		var e event
		if err := rows.Scan(&e.entity, &e.id, &e.action, &e.field, &e.old, &e.new); err != nil {
			t.Fatal(err)
		}
		events = append(events, e)
	}
	rows.Close()
	type setKey struct{ entity, id, action, field, value string }
	stored := map[setKey]bool{}
	tokensStored := map[string]bool{}
	for _, e := range events {
		if e.action == "changed" {
			stored[setKey{e.entity, e.id, e.action, e.field, e.new}] = true
		} else {
			stored[setKey{e.entity, e.id, e.action, "", ""}] = true
		}
		for _, tok := range tokenRE.FindAllString(e.new, -1) {
			tokensStored[tok] = true
		}
	}

	// Every acknowledged change is there; a change the kill interrupted is
	// there whole or not at all; nothing is there that was never made.
	known := map[string]*crashOp{}
	var acked, inFlight, inFlightSaved, setsChecked int
	kinds := map[string]int{}
	type fieldKey struct{ entity, id, field string }
	want := map[fieldKey]string{} // the last saved value of every field the helper wrote
	exists := map[string]bool{}   // entity ID: whether the last saved change left it in place
	for _, op := range ops {
		known[op.Token] = op
		present := 0
		for _, set := range op.Sets {
			if stored[setKey{set.Entity, set.ID, set.Action, set.Field, set.Value}] {
				present++
			}
		}
		setsChecked += len(op.Sets)
		switch {
		case op.acked:
			acked++
			kinds[op.Kind]++
			if present != len(op.Sets) {
				t.Errorf("acknowledged change %s (%s) lost: %d of %d parts in the history", op.Token, op.Kind, present, len(op.Sets))
			}
		case op.inFlight:
			inFlight++
			if present != 0 && present != len(op.Sets) {
				t.Errorf("change %s (%s) interrupted by the kill is half there: %d of %d parts", op.Token, op.Kind, present, len(op.Sets))
			}
			if present == 0 {
				continue
			}
			inFlightSaved++
		}
		for _, set := range append(op.Sets, op.Also...) {
			switch set.Action {
			case "changed":
				want[fieldKey{set.Entity, set.ID, set.Field}] = set.Value
			case "created":
				exists[set.ID] = true
			case "deleted":
				exists[set.ID] = false
			}
		}
	}
	for tok := range tokensStored {
		op := known[tok]
		if op == nil {
			t.Errorf("the history holds %s, a change no run announced", tok)
		}
	}

	// The rows hold the last saved value of every field the helper wrote.
	tables := map[string]string{"step": "steps", "agreement": "agreements", "case": "cases"}
	for k, v := range want {
		if present, ok := exists[k.id]; ok && !present {
			continue
		}
		var got string
		err := s.db.QueryRow(fmt.Sprintf(`SELECT %q FROM %s WHERE id = ?`, k.field, tables[k.entity]), k.id).Scan(&got)
		if err != nil {
			t.Errorf("%s %s: %v", k.entity, k.id, err)
			continue
		}
		if got != v {
			t.Errorf("%s %s %s is %q, the last saved change made it %q", k.entity, k.id, k.field, got, v)
		}
	}
	for id, present := range exists {
		var n int
		s.db.QueryRow("SELECT (SELECT count(*) FROM steps WHERE id = ?1) + (SELECT count(*) FROM agreements WHERE id = ?1)", id).Scan(&n)
		if (n == 1) != present {
			t.Errorf("%s: %d rows, want present=%v", id, n, present)
		}
	}

	// Every row is exactly what its history says: no change without its
	// event, no event without its change.
	replayed := replayHistory(t, s, caseID)
	got, err := s.Case(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := actionlist.CaseValues(replayed.c), actionlist.CaseValues(got); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("the case differs from its history:\n row     %v\n history %v", b, a)
	}
	if len(replayed.steps) != len(got.Steps) || len(replayed.agreements) != len(got.Agreements) {
		t.Errorf("history has %d steps and %d agreements, the rows %d and %d",
			len(replayed.steps), len(replayed.agreements), len(got.Steps), len(got.Agreements))
	}
	for _, st := range got.Steps {
		h, ok := replayed.steps[st.ID]
		if !ok {
			t.Errorf("step %s has no history", st.ID)
			continue
		}
		if a, b := actionlist.StepValues(h), actionlist.StepValues(st); fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("step %s differs from its history:\n row     %v\n history %v", st.ID, b, a)
		}
	}
	for _, a := range got.Agreements {
		h, ok := replayed.agreements[a.ID]
		if !ok || fmt.Sprint(actionlist.AgreementValues(h)) != fmt.Sprint(actionlist.AgreementValues(a)) {
			t.Errorf("agreement %s differs from its history: %+v vs %+v", a.ID, a, h)
		}
	}

	t.Logf("%d kills in %v; %d changes announced: %d acknowledged and checked (%d token values), %d interrupted by the kill (%d of them saved whole, %d not at all)",
		kills, elapsed.Round(time.Millisecond), len(ops), acked, setsChecked, inFlight, inFlightSaved, inFlight-inFlightSaved)
	t.Logf("acknowledged by kind: %v; the case now has %d steps, %d agreements, %d events; integrity_check %s",
		kinds, len(got.Steps), len(got.Agreements), len(events), integrity)
	if acked < kills {
		t.Errorf("only %d acknowledged changes in %d runs: the runs were too short to prove much", acked, kills)
	}
}

type history struct {
	c          actionlist.Case
	steps      map[string]actionlist.Step
	agreements map[string]actionlist.Agreement
}

// replayHistory rebuilds a case from its events alone: each thing from its
// "created" snapshot, then every change applied in order. A change whose
// old value does not match the replayed one is reported.
func replayHistory(t *testing.T, s *Store, caseID string) history {
	t.Helper()
	evs, err := s.Events(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	h := history{steps: map[string]actionlist.Step{}, agreements: map[string]actionlist.Agreement{}}
	for i := len(evs) - 1; i >= 0; i-- { // oldest first
		e := evs[i]
		ch := []actionlist.Change{{Field: e.Field, Old: e.Old, New: e.New}}
		var conflicts []actionlist.Conflict
		switch {
		case e.Entity == actionlist.EntityCase && e.Action == actionlist.ActionCreated:
			h.c, err = actionlist.CaseFromSnapshot(e.New)
		case e.Entity == actionlist.EntityCase:
			_, conflicts, err = actionlist.ApplyCaseChanges(&h.c, ch)
		case e.Entity == actionlist.EntityStep && e.Action == actionlist.ActionCreated:
			h.steps[e.EntityID], err = actionlist.StepFromSnapshot(e.New)
		case e.Entity == actionlist.EntityStep && e.Action == actionlist.ActionDeleted:
			delete(h.steps, e.EntityID)
		case e.Entity == actionlist.EntityStep:
			st := h.steps[e.EntityID]
			_, conflicts, err = actionlist.ApplyStepChanges(&st, ch)
			h.steps[e.EntityID] = st
		case e.Entity == actionlist.EntityAgreement && e.Action == actionlist.ActionCreated:
			h.agreements[e.EntityID], err = actionlist.AgreementFromSnapshot(e.New)
		case e.Entity == actionlist.EntityAgreement && e.Action == actionlist.ActionDeleted:
			delete(h.agreements, e.EntityID)
		case e.Entity == actionlist.EntityAgreement:
			a := h.agreements[e.EntityID]
			_, conflicts, err = actionlist.ApplyAgreementChanges(&a, ch)
			h.agreements[e.EntityID] = a
		}
		if err != nil || len(conflicts) > 0 {
			t.Fatalf("event %s %s %s %s does not follow from the ones before: %v %v", e.Entity, e.EntityID, e.Action, e.Field, err, conflicts)
		}
	}
	return h
}

// limitedBuffer keeps the first 64 KiB a helper writes to stderr.
type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := 64<<10 - len(l.b); room > 0 {
		l.b = append(l.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (l *limitedBuffer) String() string { return string(l.b) }

var _ io.Writer = (*limitedBuffer)(nil)

package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
)

// shareResult is what the helper's share mode reports (see ShareResult).
type shareResult struct {
	Who        string            `json:"who"`
	Ops        int               `json:"ops"`
	Agreements int               `json:"agreements"`
	Steps      int               `json:"steps"`
	Events     int               `json:"events"`
	Notes      map[string]string `json:"notes"`
	Place      string            `json:"place"`
}

// Two Houvast processes on one file, both saving as fast as they can into
// the same case: no write fails, none is lost, and the merges of their
// different fields are right.
func TestTwoProcessesWriteAtOnce(t *testing.T) {
	bin := buildHelper(t)
	n := envInt("HOUVAST_TWOPROC_OPS", 400)
	path := filepath.Join(t.TempDir(), "houvast.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := mustCreate(t, s)
	seq0, _ := s.CaseSeq(ctx, c.ID)
	var events0 int
	s.db.QueryRow("SELECT count(*) FROM events").Scan(&events0)

	start := time.Now()
	cmds := map[string]*exec.Cmd{}
	outs := map[string]*bytes.Buffer{}
	for i, who := range []string{"A", "B"} {
		cmd := exec.Command(bin, "share", path, c.ID, who, strconv.Itoa(n), strconv.Itoa(i+1))
		outs[who] = &bytes.Buffer{}
		cmd.Stdout = outs[who]
		cmd.Stderr = outs[who]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[who] = cmd
	}
	res := map[string]shareResult{}
	for who, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer %s failed: %v\n%s", who, err, outs[who])
		}
		var r shareResult
		if err := json.Unmarshal(outs[who].Bytes(), &r); err != nil {
			t.Fatalf("writer %s: %v\n%s", who, err, outs[who])
		}
		res[who] = r
	}
	elapsed := time.Since(start)

	a, b := res["A"], res["B"]
	got, err := s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(c.Agreements) + a.Agreements + b.Agreements; len(got.Agreements) != want {
		t.Errorf("%d agreements, want %d", len(got.Agreements), want)
	}
	if want := len(c.Steps) + a.Steps + b.Steps; len(got.Steps) != want {
		t.Errorf("%d steps, want %d", len(got.Steps), want)
	}
	var events int
	s.db.QueryRow("SELECT count(*) FROM events").Scan(&events)
	if want := events0 + a.Events + b.Events; events != want {
		t.Errorf("%d events, want %d", events, want)
	}
	for id, note := range a.Notes {
		st, _ := got.StepByID(id)
		if st == nil || st.WorkNote != note {
			t.Errorf("step %s: work note %+v, A saved %q last", id, st, note)
		}
	}
	for id, note := range b.Notes {
		st, _ := got.StepByID(id)
		if st == nil || st.InternalNote != note {
			t.Errorf("step %s: team note %+v, B saved %q last", id, st, note)
		}
	}
	if a.Place != "" && got.Next.Place != a.Place {
		t.Errorf("place %q, A saved %q last", got.Next.Place, a.Place)
	}
	if b.Place != "" && got.Next.With != b.Place {
		t.Errorf("with %q, B saved %q last", got.Next.With, b.Place)
	}
	if rep, err := s.Check(ctx); err != nil || !rep.Sound() {
		t.Errorf("check: %v %v", err, rep.Problems)
	}
	seq, _ := s.CaseSeq(ctx, c.ID)
	// How often the history switches from one writer to the other: how
	// closely their saves were interleaved.
	switches, last := 0, ""
	rows, err := s.db.Query("SELECT actor FROM events WHERE seq > ? ORDER BY seq", seq0)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var actor string
		rows.Scan(&actor)
		if last != "" && actor != last {
			switches++
		}
		last = actor
	}
	rows.Close()
	t.Logf("2 processes × %d changes in %v, no errors; A: %d agreements, %d steps, %d notes; B: %d agreements, %d steps, %d notes; %d events added (case seq %d → %d), all found; the writers took turns %d times",
		n, elapsed.Round(time.Millisecond), a.Agreements, a.Steps, len(a.Notes), b.Agreements, b.Steps, len(b.Notes), events-events0, seq0, seq, switches)
}

// holdLock starts the helper holding the write lock on path, as a window in
// the middle of a long save would. release lets it go and waits for it.
func holdLock(t *testing.T, bin, path string) (release func()) {
	t.Helper()
	cmd := exec.Command(bin, "hold", path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
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
	if l, err := r.ReadString('\n'); err != nil || strings.TrimSpace(l) != "locked" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the lock holder did not get the lock: %q %v %s", l, err, stderr.String())
	}
	done := false
	release = func() {
		if done {
			return
		}
		done = true
		stdin.Close()
		io.Copy(io.Discard, r)
		if err := cmd.Wait(); err != nil {
			t.Errorf("lock holder: %v %s", err, stderr.String())
		}
	}
	t.Cleanup(release)
	return release
}

// When another process holds the write lock longer than the busy timeout,
// a save gives up with ErrBusy, saves nothing, and succeeds when retried
// after the lock is gone. Reading goes on meanwhile.
func TestLockHeldTooLongIsBusyAndSavesNothing(t *testing.T) {
	bin := buildHelper(t)
	path := filepath.Join(t.TempDir(), "houvast.db")
	const timeout = 150 * time.Millisecond
	s, err := OpenWith(ctx, path, Options{BusyTimeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := mustCreate(t, s)
	seq0, _ := s.CaseSeq(ctx, c.ID)

	release := holdLock(t, bin, path)
	step := c.Steps[1]
	ticked := actionlist.TickOff(step, today, "Sanne")
	agreement := actionlist.Agreement{Date: today, Who: "Fatima", What: "Call the landlord"}
	after := c
	after.Next.Place = "Thuis"
	writes := []struct {
		name string
		do   func() error
	}{
		{"tick off", func() error { _, err := s.UpdateSteps(ctx, volunteer, StepEdit{step, ticked}); return err }},
		{"add agreement", func() error { _, err := s.AddAgreement(ctx, specialist, c.ID, agreement); return err }},
		{"edit case", func() error { _, err := s.UpdateCase(ctx, specialist, c, after); return err }},
		{"erase", func() error { return s.EraseCase(ctx, c.ID) }},
	}
	for _, w := range writes {
		start := time.Now()
		err := w.do()
		if !errors.Is(err, ErrBusy) {
			t.Errorf("%s while another process holds the lock: %v, want ErrBusy", w.name, err)
		}
		if waited := time.Since(start); waited < timeout {
			t.Errorf("%s gave up after %v, before the busy timeout of %v", w.name, waited, timeout)
		}
	}
	if got, err := s.Case(ctx, c.ID); err != nil || len(got.Steps) != len(c.Steps) {
		t.Errorf("reading while the lock is held: %v", err)
	}
	release()

	if seq, _ := s.CaseSeq(ctx, c.ID); seq != seq0 {
		t.Errorf("a refused save left history: seq %d → %d", seq0, seq)
	}
	got, _ := s.Case(ctx, c.ID)
	if got.Steps[1].Status != step.Status || len(got.Agreements) != len(c.Agreements) || got.Next.Place != c.Next.Place {
		t.Errorf("a refused save changed the case: %+v", got)
	}
	// The screen keeps the change and retries: now it goes through.
	for _, w := range writes[:3] {
		if err := w.do(); err != nil {
			t.Errorf("%s retried after the lock was released: %v", w.name, err)
		}
	}
	got, _ = s.Case(ctx, c.ID)
	if got.Steps[1].Status != actionlist.StepDone || len(got.Agreements) != len(c.Agreements)+1 || got.Next.Place != "Thuis" {
		t.Errorf("the retried saves are not all there: %+v", got)
	}
	t.Logf("%d writes refused with ErrBusy after the %v busy timeout, nothing saved; all saved on retry", len(writes), timeout)
}

func TestBusyTimeoutOption(t *testing.T) {
	for _, tc := range []struct {
		o    Options
		want int64
	}{{Options{}, 5000}, {Options{BusyTimeout: 250 * time.Millisecond}, 250}} {
		path := filepath.Join(t.TempDir(), "h.db")
		s, err := OpenWith(ctx, path, tc.o)
		if err != nil {
			t.Fatal(err)
		}
		var ms int64
		s.db.QueryRow("PRAGMA busy_timeout").Scan(&ms)
		s.Close()
		if ms != tc.want {
			t.Errorf("%+v: busy_timeout %d, want %d", tc.o, ms, tc.want)
		}
	}
}

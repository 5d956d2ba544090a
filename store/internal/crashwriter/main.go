// Command crashwriter drives the store the way the screens do, for the
// tests that kill it, run two of it at once, or hold a lock. It is built by
// those tests; it is no part of Houvast.
//
//	crashwriter write DB CASE RUN SEED   change the case until killed
//	crashwriter share DB CASE WHO N SEED make N changes beside another writer
//	crashwriter hold DB                  hold the write lock until stdin closes
package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"strconv"
	"time"

	"houvast/actionlist"
	"houvast/store"
)

// modes maps a mode to its function; the houvasttest build adds one.
var modes = map[string]func(args []string) error{
	"write": write,
	"share": share,
	"hold":  hold,
}

func main() {
	if len(os.Args) < 2 || modes[os.Args[1]] == nil {
		fmt.Fprintln(os.Stderr, "usage: crashwriter write|share|hold|migrate DB ...")
		os.Exit(2)
	}
	if err := modes[os.Args[1]](os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		fmt.Println("error:", err)
		os.Exit(1)
	}
}

var ctx = context.Background()

// Set is one field an operation writes, as the checker looks for it.
type Set struct {
	Entity string `json:"e"`
	ID     string `json:"id"`
	Action string `json:"a"`           // created, changed or deleted
	Field  string `json:"f,omitempty"` // for changed
	Value  string `json:"v,omitempty"` // for changed
}

// Line is one line of the write mode's output: the intent before a save and
// its acknowledgement after the store returned nil.
type Line struct {
	T     string `json:"t"` // intent or ack
	Token string `json:"token"`
	Kind  string `json:"kind,omitempty"`
	Sets  []Set  `json:"sets,omitempty"`
	// Also are values the change writes that carry no token (a status, a
	// cleared field): the checker expects them, but cannot tell from them
	// whether the change was saved.
	Also []Set `json:"also,omitempty"`
}

func emit(l Line) {
	b, _ := json.Marshal(l)
	// One write per line, straight to the pipe: nothing waits in a buffer
	// when the kill comes.
	os.Stdout.Write(append(b, '\n'))
}

var today = actionlist.MustDate("2026-11-23")

// write makes one change after another to the case until it is killed.
// Every value it writes carries a token unique to the change (r<run>o<n>).
func write(args []string) error {
	if len(args) != 4 {
		return fmt.Errorf("write DB CASE RUN SEED")
	}
	path, caseID := args[0], args[1]
	run, _ := strconv.Atoi(args[2])
	seed, _ := strconv.ParseUint(args[3], 10, 64)
	rng := rand.New(rand.NewPCG(seed, uint64(run)))
	s, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	actor := actionlist.Actor{Name: "crash", Role: actionlist.RoleSpecialist}
	for n := 0; ; n++ {
		token := fmt.Sprintf("r%do%d", run, n)
		c, err := s.Case(ctx, caseID)
		if err != nil {
			return err
		}
		if err := change(s, actor, rng, c, token); err != nil {
			return fmt.Errorf("%s: %w", token, err)
		}
	}
}

func change(s *store.Store, actor actionlist.Actor, rng *rand.Rand, c actionlist.Case, token string) error {
	pick := func(steps []actionlist.Step) actionlist.Step { return steps[rng.IntN(len(steps))] }
	var open, added []actionlist.Step
	for _, st := range c.Steps {
		if !st.Status.Finished() {
			open = append(open, st)
		}
		if st.Key == "" {
			added = append(added, st)
		}
	}
	switch k := rng.IntN(20); {
	case k < 7 && len(open) > 0: // a tick-off and the due dates it brings, as the screen saves it
		st := open[rng.IntN(len(open))]
		edits := []store.StepEdit{{Before: st, After: actionlist.TickOff(st, today, token)}}
		sets := []Set{{Entity: "step", ID: st.ID, Action: "changed", Field: "done_by", Value: token}}
		next := c
		next.Steps = append([]actionlist.Step(nil), c.Steps...)
		_, i := next.StepByID(st.ID)
		next.Steps[i] = edits[0].After
		for _, planned := range actionlist.PlanDueDates(actionlist.Dose(next.Steps, next.Dose, today), today) {
			cur, _ := c.StepByID(planned.ID)
			planned.WorkNote = "planned " + token
			edits = append(edits, store.StepEdit{Before: *cur, After: planned})
			sets = append(sets, Set{Entity: "step", ID: planned.ID, Action: "changed", Field: "work_note", Value: planned.WorkNote})
		}
		also := []Set{
			{Entity: "step", ID: st.ID, Action: "changed", Field: "status", Value: string(actionlist.StepDone)},
			{Entity: "step", ID: st.ID, Action: "changed", Field: "done_on", Value: today.String()},
		}
		return save(token, "tick", sets, also, func() error { _, err := s.UpdateSteps(ctx, actor, edits...); return err })
	case k < 7: // everything is done: reopen a step
		st := pick(c.Steps)
		after := actionlist.Reopen(st)
		after.WorkNote = "reopened " + token
		also := []Set{
			{Entity: "step", ID: st.ID, Action: "changed", Field: "status", Value: string(actionlist.StepOpen)},
			{Entity: "step", ID: st.ID, Action: "changed", Field: "done_on"},
			{Entity: "step", ID: st.ID, Action: "changed", Field: "done_by"},
		}
		return save(token, "reopen", []Set{{Entity: "step", ID: st.ID, Action: "changed", Field: "work_note", Value: after.WorkNote}}, also,
			func() error { _, err := s.UpdateStep(ctx, actor, st, after); return err })
	case k < 11: // an edit of a text field
		st := pick(c.Steps)
		after := st
		field := []string{"title", "internal_note", "resident_note"}[rng.IntN(3)]
		value := "edit " + token
		switch field {
		case "title":
			after.Title = value
		case "internal_note":
			after.InternalNote = value
		case "resident_note":
			after.ResidentNote = value
		}
		return save(token, "edit", []Set{{Entity: "step", ID: st.ID, Action: "changed", Field: field, Value: value}}, nil,
			func() error { _, err := s.UpdateStep(ctx, actor, st, after); return err })
	case k < 14: // a new step
		st := actionlist.Step{ID: store.NewID(), Phase: actionlist.PhaseOverview, Order: actionlist.NextOrder(c.Steps, actionlist.PhaseOverview),
			Title: "step " + token, Owner: actionlist.RoleResident, Status: actionlist.StepOpen, Days: 1 + rng.IntN(9)}
		return save(token, "add", []Set{{Entity: "step", ID: st.ID, Action: "created"}}, nil,
			func() error { _, err := s.AddStep(ctx, actor, c.ID, st); return err })
	case k < 15 && len(added) > 3: // a step added earlier is deleted
		st := pick(added)
		return save(token, "delete", []Set{{Entity: "step", ID: st.ID, Action: "deleted"}}, nil,
			func() error { return s.DeleteStep(ctx, actor, st.ID) })
	case k < 17 || len(c.Agreements) == 0: // an agreement made in the conversation
		a := actionlist.Agreement{ID: store.NewID(), Date: today, Who: "Fatima", What: "agreement " + token}
		return save(token, "agree", []Set{{Entity: "agreement", ID: a.ID, Action: "created"}}, nil,
			func() error { _, err := s.AddAgreement(ctx, actor, c.ID, a); return err })
	case k < 19: // an agreement reworded
		a := c.Agreements[rng.IntN(len(c.Agreements))]
		after := a
		after.What = "reworded " + token
		return save(token, "reword", []Set{{Entity: "agreement", ID: a.ID, Action: "changed", Field: "what", Value: after.What}}, nil,
			func() error { _, err := s.UpdateAgreement(ctx, actor, c.ID, a, after); return err })
	default: // the next appointment's place
		after := c
		after.Next.Place = "place " + token
		after.Dose = actionlist.ClampDose(1 + rng.IntN(actionlist.MaxDose))
		return save(token, "case", []Set{{Entity: "case", ID: c.ID, Action: "changed", Field: "next_place", Value: after.Next.Place}}, nil,
			func() error { _, err := s.UpdateCase(ctx, actor, c, after); return err })
	}
}

// save announces a change, makes it, and acknowledges it once the store
// returned nil, as the screen shows "saved" only then.
func save(token, kind string, sets, also []Set, do func() error) error {
	emit(Line{T: "intent", Token: token, Kind: kind, Sets: sets, Also: also})
	if err := do(); err != nil {
		return err
	}
	emit(Line{T: "ack", Token: token})
	return nil
}

// ShareResult is what a share writer reports when it is done.
type ShareResult struct {
	Who        string            `json:"who"`
	Ops        int               `json:"ops"`
	Agreements int               `json:"agreements"`
	Steps      int               `json:"steps"`
	Events     int               `json:"events"`
	Notes      map[string]string `json:"notes"` // step ID: the last note this writer saved
	Place      string            `json:"place"` // the last appointment field this writer saved
}

// share makes n changes to one case while another writer does the same. The
// two write different fields (A the work note and the place, B the team's
// note and who comes), so neither has reason to see a conflict.
func share(args []string) error {
	if len(args) != 5 {
		return fmt.Errorf("share DB CASE WHO N SEED")
	}
	path, caseID, who := args[0], args[1], args[2]
	n, _ := strconv.Atoi(args[3])
	seed, _ := strconv.ParseUint(args[4], 10, 64)
	rng := rand.New(rand.NewPCG(seed, uint64(len(who))))
	s, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	actor := actionlist.Actor{Name: who, Role: actionlist.RoleSpecialist}
	res := ShareResult{Who: who, Notes: map[string]string{}}
	for i := range n {
		value := fmt.Sprintf("%s%d", who, i)
		c, err := s.Case(ctx, caseID)
		if err != nil {
			return err
		}
		if _, err := s.Cases(ctx, today); err != nil {
			return err
		}
		switch rng.IntN(4) {
		case 0:
			if _, err := s.AddAgreement(ctx, actor, caseID, actionlist.Agreement{Date: today, Who: who, What: "agreement " + value}); err != nil {
				return err
			}
			res.Agreements++
		case 1:
			st := c.Steps[rng.IntN(len(c.Steps))]
			after := st
			if who == "A" {
				after.WorkNote = value
			} else {
				after.InternalNote = value
			}
			if _, err := s.UpdateStep(ctx, actor, st, after); err != nil {
				return err
			}
			res.Notes[st.ID] = value
		case 2:
			after := c
			if who == "A" {
				after.Next.Place = value
			} else {
				after.Next.With = value
			}
			if _, err := s.UpdateCase(ctx, actor, c, after); err != nil {
				return err
			}
			res.Place = value
		default:
			// Dated, so that a step entering Now adds no planning event of its own.
			st := actionlist.Step{Phase: actionlist.PhaseOtherHelp, Title: "step " + value, Owner: actionlist.RoleVolunteer, Status: actionlist.StepOpen, Due: today.AddDays(7)}
			if _, err := s.AddStep(ctx, actor, caseID, st); err != nil {
				return err
			}
			res.Steps++
		}
		res.Ops++
		res.Events++ // each of these changes one field or adds one thing
	}
	b, _ := json.Marshal(res)
	fmt.Println(string(b))
	return nil
}

// hold takes the write lock as another window saving would, says so, and
// keeps it until its standard input is closed. It writes nothing.
func hold(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("hold DB")
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: args[0]}).EscapedPath()+"?_pragma=busy_timeout(5000)")
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	start := time.Now()
	fmt.Println("locked")
	bufio.NewReader(os.Stdin).ReadString(0) // until EOF
	if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
		return err
	}
	fmt.Println("released after", time.Since(start).Round(time.Millisecond))
	return nil
}

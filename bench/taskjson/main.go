// Command taskjson writes the steps of a Houvast database as Taskwarrior
// tasks (the JSON array `task import` reads), so bench/compare.sh can time
// Taskwarrior on the very same data as Houvast: one task per step, the case
// reference as project, phase and owner as tags, the team's note as an
// annotation.
//
//	go run ./bench/taskjson DB > tasks.json
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"houvast/actionlist"
	"houvast/store"
)

// task is the part of Taskwarrior's JSON format the steps fill.
type task struct {
	UUID        string       `json:"uuid"`
	Description string       `json:"description"`
	Project     string       `json:"project"`
	Status      string       `json:"status"`
	Entry       string       `json:"entry"`
	End         string       `json:"end,omitempty"`
	Due         string       `json:"due,omitempty"`
	Tags        []string     `json:"tags"`
	Annotations []annotation `json:"annotations,omitempty"`
}

type annotation struct {
	Entry       string `json:"entry"`
	Description string `json:"description"`
}

// Taskwarrior's date format.
const taskTime = "20060102T150405Z"

// day is a date as a moment in the afternoon, never before `not`: Taskwarrior
// warns about a task that ends before it was entered.
func day(d actionlist.Date, not time.Time) string {
	t := d.Time(time.Local).Add(16 * time.Hour)
	if t.Before(not) {
		t = not.Add(time.Minute)
	}
	return t.UTC().Format(taskTime)
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: taskjson DB > tasks.json")
		os.Exit(2)
	}
	if err := write(context.Background(), os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "taskjson:", err)
		os.Exit(1)
	}
}

func write(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err // store.Open would make a new, empty database
	}
	s, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	list, err := s.Cases(ctx, actionlist.DateOf(time.Now()))
	if err != nil {
		return err
	}
	var tasks []task
	for _, cs := range list {
		c, err := s.Case(ctx, cs.ID)
		if err != nil {
			return err
		}
		entry := c.Created.UTC().Format(taskTime)
		for _, st := range c.Steps {
			t := task{
				UUID: st.ID, Description: st.Title, Project: c.Ref, Status: "pending", Entry: entry,
				Tags: []string{string(st.Phase), string(st.Owner)},
			}
			switch st.Status {
			case actionlist.StepDone:
				t.Status, t.End = "completed", day(st.DoneOn, c.Created)
			case actionlist.StepNotApplicable:
				t.Status, t.End = "deleted", entry
			}
			if !st.Due.IsZero() {
				t.Due = day(st.Due, time.Time{})
			}
			if st.InternalNote != "" {
				t.Annotations = []annotation{{Entry: entry, Description: st.InternalNote}}
			}
			tasks = append(tasks, t)
		}
	}
	enc := json.NewEncoder(os.Stdout)
	return enc.Encode(tasks)
}

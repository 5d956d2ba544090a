package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// Closing the terminal while the demo runs leaves no throwaway database
// behind: the hang-up ends the run as quitting does.
func TestDemoLeavesNothingWhenTheTerminalCloses(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	tmp := t.TempDir()
	env := []string{"LANG=nl_NL.UTF-8", "HOUVAST_NAME=Tester", "TERM=xterm-256color", "TMPDIR=" + tmp}
	s := startTmux(t, 80, 24, env, bin+" demo")
	s.waitFor("Fatima")
	if demos(t, tmp) != 1 {
		t.Fatalf("the demo made no database in %s", tmp)
	}
	// Killing the window hangs up its terminal, as closing it does.
	if out, err := s.tmux("kill-window", "-t", s.name); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	deadline := time.Now().Add(10 * time.Second)
	for demos(t, tmp) != 0 {
		if time.Now().After(deadline) {
			t.Fatal("the demo's database is still there after the terminal closed")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// demos counts the demo's throwaway folders in dir.
func demos(t *testing.T, dir string) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "houvast-demo-") {
			n++
		}
	}
	return n
}

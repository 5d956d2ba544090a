package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/store"
)

// tmuxSession drives the real binary in a terminal, as a person would: it
// types keys and reads the screen.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is needed for the end-to-end test (apt-get install tmux)")
		}
		t.Skip("tmux is not installed")
	}
}

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "houvast")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func startTmux(t *testing.T, width, height int, env []string, command string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("houvast-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "e2e"}
	// The command reports how it ended, then waits to be read.
	shell := fmt.Sprintf("env %s %s; echo \"EXITED $?\"; sleep 30", strings.Join(env, " "), command)
	if out, err := s.tmux("new-session", "-d", "-s", s.name, "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), shell); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { s.tmux("kill-server") })
	return s
}

func (s *tmuxSession) tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	return string(out), err
}

func (s *tmuxSession) screen() string {
	out, _ := s.tmux("capture-pane", "-p", "-t", s.name)
	return out
}

func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if out, err := s.tmux("send-keys", "-t", s.name, k); err != nil {
			s.t.Fatalf("send-keys %q: %v %s", k, err, out)
		}
		time.Sleep(60 * time.Millisecond)
	}
}

func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	if out, err := s.tmux("send-keys", "-t", s.name, "-l", text); err != nil {
		s.t.Fatalf("send-keys -l %q: %v %s", text, err, out)
	}
	time.Sleep(60 * time.Millisecond)
}

// waitFor waits until the screen shows every text, and returns the screen.
func (s *tmuxSession) waitFor(texts ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		missing := ""
		for _, t := range texts {
			if !strings.Contains(scr, t) {
				missing = t
				break
			}
		}
		if missing == "" {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the screen never showed %q:\n%s", missing, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

var selectedStep = regexp.MustCompile(`(?m)^▸ \S+ (.+?)\s*(\[.*\])?\s*$`)

// A new user tries the demo: opens the case, ticks off a step and sees the
// next one come in, fixes a wrong date, shows the resident their screen,
// and quits; the change is in the database and on screen the next time.
func TestEndToEndInTmux(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "demo.db")
	env := []string{"LANG=nl_NL.UTF-8", "HOUVAST_NAME=Tester", "TERM=xterm-256color"}

	s := startTmux(t, 100, 30, env, bin+" demo --db "+db)
	s.waitFor("Dossiers", "Fatima")
	s.keys("Enter")
	scr := s.waitFor("Nu ", "Voortgang")
	m := selectedStep.FindStringSubmatch(scr)
	if m == nil {
		t.Fatalf("no selected step on the screen:\n%s", scr)
	}
	ticked := strings.TrimSpace(m[1])

	s.keys("Space")
	scr = s.waitFor("Klaar: "+ticked[:20], "✦ nieuw")
	m = selectedStep.FindStringSubmatch(scr)
	if m == nil || strings.Contains(m[1], ticked) {
		t.Fatalf("the ticked step is still selected in Now:\n%s", scr)
	}
	next := strings.TrimSpace(m[1])

	s.keys("w")
	s.waitFor("Wanneer moet deze stap klaar zijn?")
	s.keys("C-u")
	s.typeText("31-2")
	s.keys("Enter")
	s.waitFor("Deze datum begrijp ik niet", "31-2")
	s.keys("C-u")
	s.typeText("+5")
	s.keys("Enter")
	due := time.Now().AddDate(0, 0, 5)
	dueText := fmt.Sprintf("%d %s", due.Day(), []string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}[due.Month()-1])
	s.waitFor("Stap opgeslagen", "vóór ")

	s.keys("r")
	s.waitFor("Fatima, dit zijn je volgende stappen", "Zo ver ben je al")
	if strings.Contains(s.screen(), "Notitie voor het team") {
		t.Fatal("the resident view shows the team's notes")
	}
	s.keys("r")
	s.waitFor("Voortgang", "Afspraken")

	// A summary typed over the database's own path is refused, and the
	// database stays as it was (the cases --json below reads it).
	s.keys("X")
	s.waitFor("Overzicht voor de inwoner")
	s.keys("Enter")
	s.typeText(db)
	s.keys("Enter")
	s.waitFor("Hoeveel bladzijden?")
	s.keys("Enter")
	s.waitFor("Niet opgeslagen", "is je Houvast-database")
	s.keys("Escape")
	s.waitFor("Voortgang")

	s.keys("Escape")
	s.waitFor("Dossiers")
	s.keys("q")
	s.waitFor("EXITED 0")

	// The change is in the database, for scripts too.
	out, err := exec.Command(bin, "--db", db, "cases", "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		Name string `json:"name"`
		Done int    `json:"done"`
	}
	if err := json.Unmarshal(out, &list); err != nil || len(list) == 0 || list[0].Name != "Fatima" {
		t.Fatalf("cases --json: %v %s", err, out)
	}
	baseline := demoDone(t)
	if list[0].Done != baseline+1 {
		t.Errorf("done = %d after one tick-off, want %d", list[0].Done, baseline+1)
	}

	// A second run shows it on screen.
	s2 := startTmux(t, 120, 40, env, bin+" --db "+db)
	s2.waitFor("Dossiers", "Fatima")
	s2.keys("Enter")
	scr = s2.waitFor("Klaar", ticked[:20], dueText)
	if !strings.Contains(scr, next[:20]) {
		t.Errorf("the step that came in is not in Now on the second run:\n%s", scr)
	}
	s2.keys("Escape", "q")
	s2.waitFor("EXITED 0")
}

// demoDone is how many steps the demo's first case, Fatima's, starts with
// done.
func demoDone(t *testing.T) int {
	t.Helper()
	st, err := store.OpenMemory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := casework.SeedDemo(context.Background(), st, "nl", time.Now()); err != nil {
		t.Fatal(err)
	}
	list, err := st.Cases(context.Background(), todayForTest())
	if err != nil || len(list) == 0 || list[0].Name != "Fatima" {
		t.Fatalf("the demo's cases: %v %+v", err, list)
	}
	return list[0].Done
}

func todayForTest() actionlist.Date { return actionlist.DateOf(time.Now()) }

// The caseworker starts the day on the agenda (houvast --agenda on the demo,
// at 80x24): opens a late step, ticks it off on the case, comes back, and
// the step is gone from the agenda.
func TestAgendaEndToEndInTmux(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "demo.db")
	env := []string{"LANG=nl_NL.UTF-8", "HOUVAST_NAME=Tester", "TERM=xterm-256color"}
	s := startTmux(t, 80, 24, env, bin+" demo --agenda --db "+db)
	scr := s.waitFor("Agenda", "te laat", "Kees")
	if strings.Contains(scr, "…") {
		t.Errorf("the agenda cuts something at 80x24:\n%s", scr)
	}
	// Down to the first late step of the caseworker's own.
	title := ""
	for range 12 {
		lines := strings.Split(s.screen(), "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "▸") && strings.Contains(l, "dagen te laat") && i+2 < len(lines) && strings.Contains(lines[i+2], "jouw stap") {
				title = strings.TrimSpace(lines[i+1])
			}
		}
		if title != "" {
			break
		}
		s.keys("Down")
	}
	if title == "" {
		t.Fatalf("no late step of the caseworker's on the agenda:\n%s", s.screen())
	}
	s.keys("Enter")
	s.waitFor(title[:15])
	s.keys("Space")
	s.waitFor("Klaar: " + title[:15])
	for range 3 {
		if strings.Contains(s.screen(), "Houvast › Agenda") {
			break
		}
		s.keys("Escape")
		time.Sleep(200 * time.Millisecond)
	}
	scr = s.waitFor("Houvast › Agenda")
	if strings.Contains(scr, title) {
		t.Errorf("the ticked-off step is still on the agenda:\n%s", scr)
	}
	s.keys("Escape") // to the case list, and from there q quits
	s.waitFor("Dossiers")
	s.keys("q")
	s.waitFor("EXITED 0")
}

// The specialist goes through the demo case's debts at 80x24: adds one,
// typing the amount as people do, marks another answered, and sees the
// case header and the resident view follow; after quitting, a second run
// shows it all again.
func TestDebtsEndToEndInTmux(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "demo.db")
	env := []string{"LANG=nl_NL.UTF-8", "HOUVAST_NAME=Tester", "TERM=xterm-256color"}
	s := startTmux(t, 80, 24, env, bin+" demo --db "+db)
	s.waitFor("Dossiers", "Fatima")
	s.keys("Enter")
	s.waitFor("Schulden: 6 van 12 bevestigd")
	s.keys("r")
	s.waitFor("7 van je 12 schuldeisers hebben al gereageerd")
	s.keys("r")
	s.waitFor("Schulden: 6 van 12 bevestigd")

	s.keys("c")
	s.waitFor("Saldo-opgave", "Woonstad Rotterdam", "Wehkamp / Riverty")
	s.keys("a")
	s.waitFor("Nieuwe schuld")
	s.typeText("Gemeente Rotterdam")
	s.keys("Enter")
	s.waitFor("┃ Bedrag") // the form has moved on to the amount
	s.typeText("1.234,56")
	s.keys("Enter", "Enter", "Enter") // the amount, then the kind and the threat as they are
	s.waitFor("┃ Incassobureau")
	s.keys("Enter", "Enter", "Enter", "Enter")
	s.waitFor("Schuld bij Gemeente Rotterdam opgeslagen: € 1.234,56", "Schulden: 6 van 13 bevestigd")

	s.keys("Up") // from the new debt to Wehkamp's, whose balance was asked
	s.keys("b")
	s.waitFor("Antwoord van Wehkamp")
	s.keys("C-u")
	s.typeText("901,15")
	s.keys("Enter")
	s.waitFor("Wehkamp bevestigde € 901,15", "Schulden: 7 van 13 bevestigd")

	s.keys("Escape")
	s.waitFor("Schulden: 7 van 13 bevestigd", "Voortgang")
	s.keys("r")
	scr := s.waitFor("8 van je 13 schuldeisers hebben al gereageerd")
	for _, secret := range []string{"Ontruimingsvonnis", "€ 1.234,56", "Wehkamp"} {
		if strings.Contains(scr, secret) {
			t.Errorf("the resident view shows %q:\n%s", secret, scr)
		}
	}
	s.keys("r", "Escape")
	s.waitFor("Dossiers")
	s.keys("q")
	s.waitFor("EXITED 0")

	s2 := startTmux(t, 80, 24, env, bin+" --db "+db)
	s2.waitFor("Dossiers", "Fatima")
	s2.keys("Enter")
	s2.waitFor("Schulden: 7 van 13 bevestigd")
	s2.keys("c")
	s2.waitFor("Gemeente Rotterdam", "€ 1.234,56", "€ 901,15")
	s2.keys("Escape", "Escape", "q")
	s2.waitFor("EXITED 0")
}

// At 80x24, English screens on a Dutch case: the caseworker raises the
// dose to 7 and sees all seven steps, each with a date; asks why one is in
// Now; and turns the laptop to the resident, who reads Dutch headings and
// every text whole.
func TestPlanEndToEndInTmux(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	db := filepath.Join(t.TempDir(), "demo.db")
	nl := []string{"LANG=nl_NL.UTF-8", "HOUVAST_NAME=Tester", "TERM=xterm-256color"}
	s := startTmux(t, 80, 24, nl, bin+" demo --db "+db)
	s.waitFor("Dossiers", "Fatima")
	s.keys("q")
	s.waitFor("EXITED 0")

	en := []string{"LANG=en_GB.UTF-8", "HOUVAST_NAME=Tester", "TERM=xterm-256color"}
	s = startTmux(t, 80, 24, en, bin+" --lang en --db "+db)
	s.waitFor("Cases", "Fatima")
	s.keys("Enter")
	s.waitFor("Now  3 of")
	s.keys("d")
	s.waitFor("How many steps")
	s.keys("Right", "Right", "Right", "Right", "Enter")
	scr := s.waitFor("Now  7 of", "✦ new")
	lines := strings.Split(scr, "\n")
	var steps []string
	for i, l := range lines {
		if i > 2 && len(l) > 2 && (strings.HasPrefix(l, "▸ ") || strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "   ")) &&
			!strings.HasPrefix(strings.TrimSpace(l), "↓") && !strings.Contains(l, "more:") && !strings.HasPrefix(l, "  later") {
			if i+1 >= len(lines) {
				t.Fatalf("a step is cut off at the bottom:\n%s", scr)
			}
			who := lines[i+1]
			if strings.Contains(who, "no date yet") || !strings.Contains(who, " by ") && !strings.Contains(who, "late") {
				t.Errorf("step %q has no date: %q", strings.TrimSpace(l), who)
			}
			steps = append(steps, strings.TrimSpace(l))
		}
	}
	if len(steps) != 7 {
		t.Fatalf("%d steps in view, want 7: %q\n%s", len(steps), steps, scr)
	}
	for range 6 {
		s.keys("Down")
	}
	s.keys("i")
	scr = s.waitFor("In Now as number 7")
	if !strings.Contains(scr, "Now  7 of") {
		t.Fatalf("moving to the last step hid the Now header:\n%s", scr)
	}

	s.keys("r")
	scr = s.waitFor("Fatima, dit zijn je volgende stappen", "Wie:", "Wanneer:", "Daarna:")
	if strings.Contains(scr, "…") || strings.Contains(scr, "Who:") || strings.Contains(scr, "these are your next steps") {
		t.Errorf("the resident view is cut or not in the case's language:\n%s", scr)
	}
	for range 4 {
		s.keys("PageDown")
	}
	scr = s.waitFor("Zo ver ben je al", "Volgende afspraak")
	if strings.Contains(scr, "…") {
		t.Errorf("the end of the resident view is cut:\n%s", scr)
	}
	s.keys("r")
	s.waitFor("Now  7 of")
	s.keys("Escape")
	s.waitFor("Cases")
	s.keys("q")
	s.waitFor("EXITED 0")
}

// A caseworker imports the platform's file of 20 signals, tries to reach
// the most urgent resident three times, following the advice as it
// changes, and makes a case of the signal: the case names the signal it
// came from, and the first conversation's clock runs.
func TestSignalsEndToEndInTmux(t *testing.T) {
	needTmux(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "team.db")
	if out, err := exec.Command(bin, "seed", "--db", db, "--cases", "1", "--steps", "0", "--signals", "0").CombinedOutput(); err != nil {
		t.Fatalf("seed: %v\n%s", err, out)
	}
	var csv strings.Builder
	csv.WriteString("Soort;Bedrag;Datum;Voornaam;Adres;Telefoon;Crisis\n")
	today := todayForTest()
	partners := []string{"energie", "water", "zorgverzekeraar", "woningcorporatie", "gemeentelijke belastingen"}
	for i := range 20 {
		crisis := "nee"
		amount := fmt.Sprintf("%d,00", 100+i*10)
		if i == 7 {
			crisis, amount = "ja", "2.450,75"
		}
		fmt.Fprintf(&csv, "%s;%s;%s;Bewoner%02d;Laan %d;06%08d;%s\n", partners[i%len(partners)], amount, today.AddDays(-i-1), i, i+1, 12345600+i, crisis)
	}
	file := filepath.Join(dir, "signalen.csv")
	os.WriteFile(file, []byte(csv.String()), 0o600)
	out, err := exec.Command(bin, "signals", "import", file, "--db", db, "--lang", "nl",
		"--map", "partner=Soort", "--map", "amount=Bedrag", "--map", "date=Datum", "--map", "name=Voornaam",
		"--map", "address=Adres", "--map", "phone=Telefoon", "--map", "crisis=Crisis").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "20 nieuw") {
		t.Fatalf("import: %v\n%s", err, out)
	}

	env := []string{"LANG=nl_NL.UTF-8", "HOUVAST_NAME=Tester", "TERM=xterm-256color"}
	s := startTmux(t, 100, 30, env, bin+" --db "+db)
	s.waitFor("Dossiers")
	s.keys("V")
	scr := s.waitFor("Signalen · 20 open", "Bewoner07", "Advies, geen regel:")
	if !strings.Contains(scr, "! zorgverzekeraar") {
		t.Fatalf("the crisis signal is not on top:\n%s", scr)
	}
	advice := func(scr string) string {
		_, after, _ := strings.Cut(scr, "Advies, geen regel: ")
		first, _, _ := strings.Cut(after, ".")
		return first
	}
	seen := []string{advice(scr)}
	for i := range 3 {
		s.keys("a")
		s.waitFor("Contactpoging met Bewoner07", "Hoe?")
		s.keys("Enter", "Enter", "Enter", "Enter", "Enter")
		scr = s.waitFor("Poging vastgelegd", fmt.Sprintf("%d · ", i+1))
		next := advice(scr)
		if next == seen[len(seen)-1] {
			t.Errorf("after attempt %d the advice stayed %q:\n%s", i+1, next, scr)
		}
		seen = append(seen, next)
	}
	s.keys("c")
	s.waitFor("Bewoner07")
	for range 20 {
		if strings.Contains(s.screen(), "Eerste gesprek") {
			break
		}
		s.keys("Enter")
		time.Sleep(150 * time.Millisecond)
	}
	scr = s.waitFor("Houvast › Bewoner07", "Eerste gesprek vóór", "Uit vroegsignalering: zorgverzekeraar")
	if !strings.Contains(scr, "3 werkdagen") {
		t.Errorf("the crisis signal's case does not run the clock of 3 working days:\n%s", scr)
	}
	s.keys("Escape")
	s.waitFor("Dossiers", "Bewoner07")
	s.keys("V")
	s.waitFor("Signalen · 19 open")
	s.keys("q") // back to the case list, as on every screen under it
	s.waitFor("Dossiers", "Bewoner07")
	s.keys("q")
	s.waitFor("EXITED 0")
	t.Logf("advice: %q", seen)
}

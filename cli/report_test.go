package cli

import (
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/store"
)

// reportDB stores three cases around today, with names, references and
// notes the report must never show.
func reportDB(t *testing.T) (string, []string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "report.db")
	s, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	actor := actionlist.Actor{Name: "Specialist Saskia", Role: actionlist.RoleSpecialist}
	today := actionlist.DateOf(time.Now())
	tmpl := actionlist.DefaultTemplate(actionlist.Dutch)
	secrets := []string{"Specialist Saskia"}
	for i, name := range []string{"Wilhelmina", "Xander", "Yara"} {
		spec := actionlist.CaseSpec{Name: name, Ref: "ZZ-77" + string(rune('1'+i)), Start: today.AddDays(-40 * (i + 1)),
			Template: tmpl, Source: actionlist.Source{Kind: actionlist.SourceGP},
			Participants: []actionlist.Participant{{Name: name, Role: actionlist.RoleResident}, {Name: "Vrijwilliger Vincent", Role: actionlist.RoleVolunteer}}}
		c := actionlist.NewCase(spec, store.NewID)
		c.Steps[0].InternalNote = "Geheime notitie over " + name
		saved, err := s.CreateCase(ctx, actor, c)
		if err != nil {
			t.Fatal(err)
		}
		secrets = append(secrets, name, saved.Ref, saved.ID, c.Steps[0].InternalNote)
		var after actionlist.Case
		switch i {
		case 1:
			after = actionlist.Close(saved, actionlist.CloseNoShow, today.AddDays(-5))
		case 2:
			if after, err = actionlist.MoveToAftercare(saved, today.AddDays(-10), actionlist.AftercarePlan{}, store.NewID); err != nil {
				t.Fatal(err)
			}
		default:
			continue
		}
		if _, err := s.SaveCase(ctx, actor, saved, after); err != nil {
			t.Fatal(err)
		}
	}
	secrets = append(secrets, "Vrijwilliger Vincent")
	return db, secrets
}

func TestReportCommand(t *testing.T) {
	db, secrets := reportDB(t)
	for _, lang := range []string{"nl", "en"} {
		for _, format := range []string{"txt", "csv"} {
			code, out, errOut := cli(t, nil, "--db", db, "--lang", lang, "report", "--format", format)
			if code != 0 || errOut != "" {
				t.Fatalf("%s %s: code %d, err %q", lang, format, code, errOut)
			}
			for _, s := range secrets {
				if strings.Contains(out, s) {
					t.Errorf("%s %s report shows %q", lang, format, s)
				}
			}
		}
	}
	_, out, _ := cli(t, nil, "--db", db, "--lang", "en", "report", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"cases/total": "3", "status/stabilisation": "1", "status/closed": "1", "status/aftercare": "1",
		"source/gp": "3", "arrangement/reached": "1", "arrangement/closed_without": "1", "arrangement/share": "50",
		"dropout/no_show": "1", "stabilisation/ended": "1", "stabilisation/median_days": "110",
		"stabilisation/running": "1", "stabilisation/median_days_so_far": "40",
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r[0]+"/"+r[1]] = r[3]
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}

	// A period that ends before any case started counts none.
	_, out, _ = cli(t, nil, "--db", db, "report", "--from", "2001-01-01", "--to", "2001-12-31")
	total := ""
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "  dossiers die liepen in de periode ") {
			total = line
		}
	}
	if !strings.Contains(out, "Periode: 2001-01-01 t/m 2001-12-31") || !strings.HasSuffix(total, " 0") {
		t.Errorf("an empty period:\n%s", out)
	}
}

func TestReportCommandRefusesBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"report", "--from", "gisteren-ish"}, `--from: de datum "gisteren-ish" begrijpt Houvast niet`},
		{[]string{"report", "--to", "31-31"}, `--to: de datum "31-31"`},
		{[]string{"report", "--from", "2026-05-01", "--to", "2026-04-01"}, "--from (2026-05-01) ligt na --to (2026-04-01)"},
		{[]string{"report", "--format", "pdf"}, `Onbekend formaat "pdf": kies --format txt, --format csv of --format json.`},
		{[]string{"--lang", "en", "report", "--format", "xlsx"}, `Unknown format "xlsx"`},
	}
	for _, tt := range tests {
		code, out, errOut := cli(t, nil, append([]string{"--db", db}, tt.args...)...)
		if code == 0 || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: code %d, out %q, err %q", tt.args, code, out, errOut)
		}
	}
}

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"houvast/actionlist"
)

// TestCasesLanguage: the command line sets a case's language for the
// resident's summary; a language Houvast does not know gets a sentence
// and changes nothing.
func TestCasesLanguage(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	code, out, errOut := cli(t, nil, "--db", db, "cases", "language", "2026-001", "tr")
	if code != 0 || !strings.Contains(out, "Het overzicht van dossier 2026-001 is nu in het Turks") {
		t.Fatalf("code %d, out %q, err %q", code, out, errOut)
	}
	code, out, _ = cli(t, nil, "--db", db, "export", "summary", "--case", "2026-001", "--format", "md")
	if code != 0 || !strings.Contains(out, "Sıradaki adımların") {
		t.Errorf("the summary is not in Turkish: %d\n%s", code, out)
	}
	code, _, errOut = cli(t, nil, "--db", db, "cases", "language", "2026-001", "fr")
	if code == 0 || !strings.Contains(errOut, `Houvast kent de taal "fr" niet voor een inwoner. Kies nl, en, tr, pl of ar.`) {
		t.Errorf("fr: code %d, err %q", code, errOut)
	}
	code, _, errOut = cli(t, map[string]string{"LANG": "en_GB.UTF-8"}, "--db", db, "cases", "language", "2099-999", "ar")
	if code == 0 || errOut == "" {
		t.Errorf("an unknown case: code %d, err %q", code, errOut)
	}
	// The screens' language stays Dutch or English.
	code, _, errOut = cli(t, nil, "--db", db, "--lang", "ar", "cases")
	if code == 0 || !strings.Contains(errOut, "ar") {
		t.Errorf("--lang ar: code %d, err %q", code, errOut)
	}
}

// TestTemplatesCheckATextsFile: a team's texts file is checked against
// the template it words, and one that changes a Turkish title is used in
// the summary.
func TestTemplatesCheckATextsFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "zuid-tr.yaml")
	if err := os.WriteFile(good, []byte(`format: houvast-template
version: 1
id: zuid-tr
texts_for: stabilisatie
language: tr
name: Turkse teksten team Zuid
steps:
  - id: overview-cjib
    title: "CJIB cezalarına birlikte bakalım"
`), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"HOUVAST_TEMPLATES": dir}
	code, out, errOut := cli(t, env, "templates", "check", good)
	if code != 0 || !strings.Contains(out, "teksten voor 1 stappen van stabilisatie in het Turks") {
		t.Fatalf("check: code %d, out %q, err %q", code, out, errOut)
	}
	code, out, _ = cli(t, env, "templates")
	if code != 0 || !strings.Contains(out, "zuid-tr") || !strings.Contains(out, "concept") {
		t.Errorf("templates: code %d\n%s", code, out)
	}
	db := demoDB(t, actionlist.Dutch)
	cli(t, env, "--db", db, "cases", "language", "2026-001", "tr")
	code, out, _ = cli(t, env, "--db", db, "export", "summary", "--case", "2026-001", "--format", "md")
	if code != 0 || !strings.Contains(out, "CJIB cezalarına birlikte bakalım") {
		t.Errorf("the team's title is not used: %d\n%s", code, out)
	}

	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("format: houvast-template\nversion: 1\nid: b\ntexts_for: stabilisatie\nlanguage: tr\nname: B\nsteps:\n  - id: no-such-step\n    title: x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = cli(t, nil, "templates", "check", bad)
	if code == 0 || !strings.Contains(errOut, `step "no-such-step"`) {
		t.Errorf("bad: code %d, err %q", code, errOut)
	}
	code, out, _ = cli(t, nil, "templates", "default", "pl")
	if code != 0 || !strings.Contains(out, "texts_for: stabilisatie") || !strings.Contains(out, "language: pl") {
		t.Errorf("templates default pl: %d", code)
	}
}

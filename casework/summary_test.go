package casework

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"houvast/actionlist"
	"houvast/export"
)

// The demo case's summary is one A4 page, in PDF and as the printed web
// page, in each language; with all pages, the longer lists follow.
func TestDemoSummaryIsOnePage(t *testing.T) {
	w := demoWork(t)
	c, _, err := w.readCase(ctx, "2026-001", false)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, lang := range actionlist.CaseLangs {
		c.Language = lang
		for _, pages := range []export.Pages{export.FirstPage, export.AllPages} {
			want := 1
			if pages == export.AllPages {
				want = 4 // the first page, every finished step of the demo over two, the debts
			}
			pdf := filepath.Join(dir, string(lang)+strconv.Itoa(int(pages))+".pdf")
			if err := w.WriteSummary(ctx, c, SummaryRequest{Format: export.PDF, Path: pdf, Pages: pages}); err != nil {
				t.Fatal(err)
			}
			if n := pdfPages(t, pdf); n != want {
				t.Errorf("%s, pages %d: the PDF has %d pages, want %d", lang, pages, n, want)
			}
			if pages == export.AllPages {
				continue
			}
			page := filepath.Join(dir, string(lang)+".html")
			if err := w.WriteSummary(ctx, c, SummaryRequest{Format: export.HTML, Path: page, Pages: pages}); err != nil {
				t.Fatal(err)
			}
			if n := pdfPages(t, printHTML(t, page)); n != 1 {
				t.Errorf("%s: the web page prints on %d pages", lang, n)
			}
		}
	}
}

// pdfPages asks pdfinfo (poppler-utils) how many pages a PDF has.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	bin := needTool(t, "pdfinfo", "poppler-utils")
	out, err := exec.Command(bin, path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo says no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// printHTML prints a web page to PDF with headless Chromium, as a browser's
// print dialog would on A4.
func printHTML(t *testing.T, page string) string {
	t.Helper()
	bin := needTool(t, "chromium", "chromium")
	out := page + ".pdf"
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return out
}

// needTool finds a program; without it the test is skipped, except in CI,
// which installs the package.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing; CI installs %s", name, pkg)
		}
		t.Skipf("%s is not installed (apt-get install %s)", name, pkg)
	}
	return bin
}

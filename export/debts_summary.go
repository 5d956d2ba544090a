package export

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"houvast/actionlist"
)

// The resident's summary ends with a debt overview on a page of its own:
// each creditor, the amount as best known and what is happening with it,
// in the case's language. The team's notes about a debt never go in.

// debtOverview is the overview as plain strings, every one of them checked
// for a BSN; empty when the case has no debts.
type debtOverview struct {
	title, intro      string
	creditor, amount  string // the column heads
	status            string
	rows              []debtRow
	totalLabel, total string
	progress          string // on the first page: how many creditors answered
	responded, count  int
}

type debtRow struct{ creditor, amount, status string }

func (o debtOverview) empty() bool { return len(o.rows) == 0 }

// buildDebtOverview reads the case's debts in the order the work goes:
// what threatens the home first, then by state.
func buildDebtOverview(c actionlist.Case, t *text, scan *bsnScan) debtOverview {
	if len(c.Debts) == 0 {
		return debtOverview{}
	}
	ds := actionlist.DebtsOf(c)
	tot := actionlist.TotalDebts(ds)
	l := c.Language
	o := debtOverview{title: t.DebtsTitle, creditor: t.DebtsCreditor, amount: t.DebtsAmount, status: t.DebtsStatus,
		intro:      fmt.Sprintf(t.DebtsIntro, tot.Count, tot.Responded),
		totalLabel: t.DebtsTotal, total: actionlist.FormatAmountFor(tot.Known, l),
		progress: fmt.Sprintf(t.DebtsProgress, tot.Responded, tot.Count), responded: tot.Responded, count: tot.Count}
	for _, d := range ds {
		w := Where{What: InDebt, Title: d.Creditor}
		name := actionlist.CleanText(d.Creditor, false)
		scan.check(w, name)
		if col := actionlist.CleanText(d.Collector, false); col != "" {
			scan.check(w, col)
			name += " " + fmt.Sprintf(t.DebtsVia, col)
		}
		o.rows = append(o.rows, debtRow{creditor: name, amount: actionlist.FormatAmountFor(d.Best(), l), status: debtStatusText(d, t)})
	}
	return o
}

// debtStatusText says to the resident what is happening with a debt.
func debtStatusText(d actionlist.Debt, t *text) string {
	s := ""
	switch d.State {
	case actionlist.DebtNotAsked:
		s = t.DebtsNotAsked
	case actionlist.DebtAsked:
		s = fmt.Sprintf(t.DebtsAsked, shortDate(d.AskedOn, t))
	case actionlist.DebtAnswered:
		s = t.DebtsAnswered
	case actionlist.DebtDisputed:
		s = t.DebtsDisputed
	case actionlist.DebtArrangement:
		s = t.DebtsArrangement
	case actionlist.DebtPaidOff:
		s = t.DebtsPaidOff
	}
	if d.Threat != actionlist.ThreatNone && d.State != actionlist.DebtPaidOff && d.State != actionlist.DebtArrangement {
		s += " " + t.DebtsFirst
	}
	return s
}

// writeDebtsMarkdown writes the overview as a table.
func writeDebtsMarkdown(b *strings.Builder, o debtOverview) {
	if o.empty() {
		return
	}
	fmt.Fprintf(b, "\n# %s\n\n%s\n\n", mdEscape(o.title), mdEscape(o.intro))
	fmt.Fprintf(b, "| %s | %s | %s |\n|---|--:|---|\n", mdEscape(o.creditor), mdEscape(o.amount), mdEscape(o.status))
	for _, r := range o.rows {
		fmt.Fprintf(b, "| %s | %s | %s |\n", mdEscape(r.creditor), mdEscape(r.amount), mdEscape(r.status))
	}
	fmt.Fprintf(b, "| **%s** | **%s** | |\n", mdEscape(o.totalLabel), mdEscape(o.total))
}

// writeDebtsText writes the overview with its amounts in a column.
func writeDebtsText(b *strings.Builder, o debtOverview) {
	if o.empty() {
		return
	}
	fmt.Fprintf(b, "\n%s\n%s\n", o.title, strings.Repeat("=", min(textWidth, ansi.StringWidth(o.title))))
	b.WriteString(wrap(o.intro, textWidth, "", ""))
	b.WriteString("\n")
	const amountW = 15
	for _, r := range o.rows {
		name := ansi.Truncate(r.creditor, textWidth-amountW-3, "…")
		fmt.Fprintf(b, "%s%s%s\n", name, strings.Repeat(" ", max(1, textWidth-amountW-ansi.StringWidth(name))), padLeft(r.amount, amountW))
		b.WriteString(wrap(r.status, textWidth, "  ", "  "))
	}
	fmt.Fprintf(b, "%s\n%s%s%s\n", strings.Repeat("-", textWidth), o.totalLabel,
		strings.Repeat(" ", max(1, textWidth-amountW-ansi.StringWidth(o.totalLabel))), padLeft(o.total, amountW))
}

func padLeft(s string, width int) string {
	return strings.Repeat(" ", max(0, width-ansi.StringWidth(s))) + s
}

var debtsHTML = template.Must(template.New("debts").Parse(`
<section class="debts">
<h1>{{.Title}}</h1>
<p>{{.Intro}}</p>
<table style="width: 100%; border-collapse: collapse;">
<thead><tr><th style="text-align: left;">{{.Creditor}}</th><th style="text-align: right;">{{.Amount}}</th><th style="text-align: left; padding-left: 1em;">{{.Status}}</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr style="break-inside: avoid;"><td>{{.Creditor}}</td><td style="text-align: right; white-space: nowrap;">{{.Amount}}</td><td style="padding-left: 1em;">{{.Status}}</td></tr>
{{- end}}
</tbody>
<tfoot><tr><th style="text-align: left;">{{.TotalLabel}}</th><th style="text-align: right; white-space: nowrap;">{{.Total}}</th><th></th></tr></tfoot>
</table>
</section>
`))

// debtsHTMLSection is the overview as a section; html/template escapes
// every value.
func debtsHTMLSection(o debtOverview) (template.HTML, error) {
	if o.empty() {
		return "", nil
	}
	type row struct{ Creditor, Amount, Status string }
	rows := make([]row, len(o.rows))
	for i, r := range o.rows {
		rows[i] = row{r.creditor, r.amount, r.status}
	}
	var b strings.Builder
	err := debtsHTML.Execute(&b, map[string]any{"Title": o.title, "Intro": o.intro, "Creditor": o.creditor,
		"Amount": o.amount, "Status": o.status, "Rows": rows, "TotalLabel": o.totalLabel, "Total": o.total})
	return template.HTML(b.String()), err // built by html/template, so escaped
}

// writeDebtsPDF writes the overview, at the top of its own page.
func writeDebtsPDF(w *pdfWriter, o debtOverview) {
	if o.empty() {
		return
	}
	w.para(o.title, pdfH1, true, 0, 0.15)
	w.gap(4)
	w.para(o.intro, pdfBody, false, 0, 0)
	w.gap(8)
	amountX := pdfPageW - pdfMargin - 150.0
	for _, r := range o.rows {
		w.keep(2)
		w.font(pdfBody, true)
		top := w.y
		for _, l := range w.wrap(r.creditor, amountX-pdfMargin-12) {
			w.line(pdfMargin, l, pdfBody)
		}
		end := w.y
		w.y = top
		w.line(amountX+150-w.measure(r.amount), r.amount, pdfBody)
		w.y = max(end, w.y)
		w.font(pdfBody, false)
		w.para(r.status, pdfBody, false, 12, 0.35)
		w.gap(4)
	}
	w.gap(6)
	w.font(pdfBody, true)
	top := w.y
	w.line(pdfMargin, o.totalLabel, pdfBody)
	w.y = top
	w.line(amountX+150-w.measure(o.total), o.total, pdfBody)
}

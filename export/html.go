package export

import (
	"bytes"
	"html"
	"html/template"

	"houvast/actionlist"
)

// The HTML summary is one file with its style inside: no fonts, scripts or
// images from elsewhere, so it opens the same offline and prints on A4. An
// Arabic summary says dir="rtl", and the browser lays it out right to left.
// html/template escapes every value.
var summaryHTML = template.Must(template.New("summary").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"{{if .RTL}} dir="rtl"{{end}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
@page { size: A4; margin: 14mm 16mm 14mm 16mm; }
html { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; font-size: 12pt; line-height: 1.4; color: #1a1a1a; background: #fff; }
body { max-width: 42em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.55em; line-height: 1.2; margin: 0 0 .15em; }
h2 { font-size: 1.15em; margin: 1.1em 0 .35em; padding-bottom: .15em; border-bottom: 2px solid #d8d8d8; break-after: avoid; page-break-after: avoid; }
p { margin: .35em 0; }
.made { color: #555; margin: 0 0 .6em; }
.appt { font-weight: bold; }
.call { margin-top: .5em; }
.call strong { margin-right: .3em; }
ol.steps { padding-left: 1.4em; margin: .3em 0; }
ol.steps > li { margin: 0 0 .6em; break-inside: avoid; page-break-inside: avoid; }
.step { font-weight: bold; }
dl { margin: .1em 0 0; display: grid; grid-template-columns: max-content 1fr; column-gap: .6em; }
dt { color: #555; }
dd { margin: 0; }
dd.full { grid-column: 1 / -1; }
ul { margin: .3em 0; padding-left: 1.4em; }
ul.done { list-style: none; padding-left: 0; }
ul.done > li { margin: 0 0 .25em; padding-left: 1.5em; text-indent: -1.5em; break-inside: avoid; }
ul.done > li::before { content: "✓"; display: inline-block; width: 1.5em; text-indent: 0; font-weight: bold; }
.meta { color: #555; }
.note { display: block; text-indent: 0; color: #333; }
.bar { height: .7em; background: #e6e6e6; border-radius: .35em; overflow: hidden; margin: .3em 0 .5em; max-width: 24em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.bar > span { display: block; height: 100%; background: #2e7d32; }
section.more { margin-top: 3em; border-top: 1px dashed #bbb; padding-top: 1em; }
footer { margin-top: 2em; font-size: .8em; color: #666; border-top: 1px solid #d8d8d8; padding-top: .4em; }
[dir=rtl] ol.steps { padding-left: 0; padding-right: 1.4em; }
[dir=rtl] ul { padding-left: 0; padding-right: 1.4em; }
[dir=rtl] ul.done > li { padding-left: 0; padding-right: 1.5em; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  a { color: inherit; }
  html { line-height: 1.32; }
  h2 { margin-top: .7em; }
  ol.steps > li { margin-bottom: .45em; }
  footer { margin-top: .6em; }
  section.more { break-before: page; page-break-before: always; margin-top: 0; border-top: none; padding-top: 0; }
}
</style>
</head>
<body>
{{- range $i, $page := .Pages}}
<section class="{{if $i}}more{{else}}first{{end}}">
{{- range $page}}
{{- if eq .Kind "title"}}
<h1>{{.Text}}</h1>
{{- else if eq .Kind "made"}}
<p class="made">{{.Text}}</p>
{{- else if eq .Kind "para"}}
<p>{{.Text}}</p>
{{- else if eq .Kind "heading"}}
<h2>{{.Text}}</h2>
{{- else if eq .Kind "appt"}}
<p>{{range $j, $l := .Appt}}{{if $j}}<br>{{$l}}{{else}}<span class="appt">{{$l}}</span>{{end}}{{end}}</p>
{{- else if eq .Kind "call"}}
<p class="call"><strong>{{.Label}}</strong>{{.Text}}</p>
{{- else if eq .Kind "progress"}}
<p>{{.Text}}</p>
<div class="bar" role="img" aria-label="{{.Done}} / {{.Total}}"><span style="width: {{.Pct}}%"></span></div>
{{- else if eq .Kind "steps"}}
<ol class="steps">
{{- range .Items}}
<li value="{{.Num}}"><span class="step">{{.Text}}</span>
<dl>
{{- range .Lines}}
{{- if .Label}}<dt>{{.Label}}</dt><dd>{{.Text}}</dd>{{else}}<dd class="full">{{.Text}}</dd>{{end}}
{{- end}}
</dl></li>
{{- end}}
</ol>
{{- else if eq .Kind "done"}}
<ul class="done">
{{- range .Items}}
<li>{{.Text}}{{if .Meta}} <span class="meta">· {{.Meta}}</span>{{end}}
{{- range .Lines}}<span class="note">{{.Label}}: {{.Text}}</span>{{end}}</li>
{{- end}}
</ul>
{{- else if eq .Kind "bullets"}}
<ul>
{{- range .Items}}
<li>{{.Text}}</li>
{{- end}}
</ul>
{{- else if eq .Kind "debts"}}
{{.Raw}}
{{- else if eq .Kind "footer"}}
<footer>{{.Text}}</footer>
{{- end}}
{{- end}}
</section>
{{- end}}
</body>
</html>
`))

// htmlNode is a block for the template, with a run of list items gathered
// into one list.
type htmlNode struct {
	Kind        string
	Text, Label string
	Meta        string
	Num         int
	Lines       []htmlLine
	Appt        []string
	Done, Total int
	Pct         int
	Items       []htmlNode
	Raw         template.HTML // the debt overview, made by html/template
}

type htmlLine struct{ Label, Text string }

var htmlKinds = map[blockKind]string{
	blockTitle: "title", blockMade: "made", blockPara: "para", blockHeading: "heading",
	blockAppt: "appt", blockCall: "call", blockProgress: "progress", blockFooter: "footer",
	blockStep: "steps", blockDone: "done", blockBullet: "bullets", blockDebts: "debts",
}

func renderHTML(v view) ([]byte, error) {
	pages := [][]htmlNode{nil}
	for _, bl := range layout(v) {
		if bl.kind == blockPage {
			pages = append(pages, nil)
			continue
		}
		n := htmlNode{Kind: htmlKinds[bl.kind], Text: bl.text, Label: bl.label, Meta: bl.meta, Num: bl.num,
			Appt: bl.lines2, Done: bl.done, Total: bl.total}
		n.Pct = actionlist.BarFill(bl.done, bl.total, 100)
		for _, l := range bl.lines {
			n.Lines = append(n.Lines, htmlLine{l.label, l.text})
		}
		if bl.kind == blockDebts {
			var err error
			if n.Raw, err = debtsHTMLSection(v.debts); err != nil {
				return nil, err
			}
		}
		page := &pages[len(pages)-1]
		switch bl.kind {
		case blockStep, blockDone, blockBullet:
			if last := len(*page) - 1; last >= 0 && (*page)[last].Kind == n.Kind {
				(*page)[last].Items = append((*page)[last].Items, n)
				continue
			}
			n = htmlNode{Kind: n.Kind, Items: []htmlNode{n}}
		}
		*page = append(*page, n)
	}
	data := map[string]any{"Lang": string(v.lang), "RTL": v.lang.RightToLeft(), "Title": v.title, "Pages": pages}
	var b bytes.Buffer
	if err := summaryHTML.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// htmlEscape is for the few HTML bits inside Markdown.
func htmlEscape(s string) string { return html.EscapeString(s) }

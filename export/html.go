package export

import (
	"bytes"
	"html"
	"html/template"
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
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 12pt; line-height: 1.5; color: #1a1a1a; background: #fff; }
body { max-width: 42em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 2px solid #d8d8d8; break-after: avoid; page-break-after: avoid; }
.made { color: #555; margin: 0 0 1em; }
ol.now { padding-left: 1.4em; }
ol.now > li { margin: 0 0 1em; break-inside: avoid; page-break-inside: avoid; }
.step { font-weight: bold; }
dl { margin: .2em 0 0; display: grid; grid-template-columns: max-content 1fr; column-gap: .6em; }
dt { color: #555; }
dd { margin: 0; }
dd.full { grid-column: 1 / -1; }
ul.done { list-style: none; padding-left: 0; }
ul.done > li { margin: 0 0 .4em; padding-left: 1.5em; text-indent: -1.5em; break-inside: avoid; }
ul.done > li::before { content: "✓"; display: inline-block; width: 1.5em; text-indent: 0; font-weight: bold; }
.meta { color: #555; }
.note { display: block; text-indent: 0; color: #333; }
.appt { font-weight: bold; }
footer { margin-top: 2.5em; font-size: .8em; color: #666; border-top: 1px solid #d8d8d8; padding-top: .4em; }
[dir=rtl] ol.now { padding-left: 0; padding-right: 1.4em; }
[dir=rtl] ul.done > li { padding-left: 0; padding-right: 1.5em; }
@media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="made">{{.Made}}</p>
<p>{{.Intro}}</p>

<h2>{{.NowTitle}}</h2>
{{if .NowNone}}<p>{{.NowNone}}</p>{{end}}
{{- if .Now}}
<ol class="now">
{{- range .Now}}
<li><span class="step">{{.Title}}</span>
<dl>
{{- range .Lines}}
{{- if .Label}}<dt>{{.Label}}</dt><dd>{{.Text}}</dd>{{else}}<dd class="full">{{.Text}}</dd>{{end}}
{{- end}}
</dl></li>
{{- end}}
</ol>
{{- end}}
{{- if .Later}}
<p>{{.Later}}</p>
<ul>
{{- range .LaterBy}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}

<h2>{{.DoneTitle}}</h2>
<p>{{.DoneCount}}</p>
{{- if .Done}}
<ul class="done">
{{- range .Done}}
<li>{{.Title}}{{if .Meta}} <span class="meta">· {{.Meta}}</span>{{end}}
{{- range .Lines}}<span class="note">{{.Label}}: {{.Text}}</span>{{end}}</li>
{{- end}}
</ul>
{{- end}}
{{- if .DoneMore}}
<p>{{.DoneMore}}</p>
{{- end}}

<h2>{{.ApptTitle}}</h2>
{{- if .Appt}}
<p>{{range $i, $l := .Appt}}{{if $i}}<br>{{$l}}{{else}}<span class="appt">{{$l}}</span>{{end}}{{end}}</p>
{{- else}}
<p>{{.ApptNone}}</p>
{{- end}}
{{- if .Agreements}}

<h2>{{.AgreeTitle}}</h2>
<ul>
{{- range .Agreements}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}

<h2>{{.ContactTitle}}</h2>
{{- if .ContactNone}}
<p>{{.ContactNone}}</p>
{{- end}}
{{- if .Contacts}}
<ul>
{{- range .Contacts}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
{{- if .Footer}}
<footer>{{.Footer}}</footer>
{{- end}}
</body>
</html>
`))

type htmlItem struct {
	Title string
	Meta  string
	Lines []htmlLine
}

type htmlLine struct{ Label, Text string }

func renderHTML(v view) ([]byte, error) {
	conv := func(items []item) []htmlItem {
		out := make([]htmlItem, len(items))
		for i, it := range items {
			out[i] = htmlItem{Title: it.title, Meta: it.meta}
			for _, l := range it.lines {
				out[i].Lines = append(out[i].Lines, htmlLine{l.label, l.text})
			}
		}
		return out
	}
	data := map[string]any{
		"Lang": string(v.lang), "RTL": v.lang.RightToLeft(), "Title": v.title, "Made": v.made, "Intro": v.intro,
		"NowTitle": v.nowTitle, "NowNone": v.nowNone, "Now": conv(v.now),
		"Later": v.later, "LaterBy": v.laterBy,
		"DoneTitle": v.doneTitle, "DoneCount": v.doneCount, "Done": conv(v.done), "DoneMore": v.doneMore,
		"ApptTitle": v.apptTitle, "Appt": v.appt, "ApptNone": v.apptNone,
		"AgreeTitle": v.agreeTitle, "Agreements": v.agreements,
		"ContactTitle": v.contactTitle, "Contacts": v.contacts, "ContactNone": v.contactNone,
		"Footer": v.footer,
	}
	var b bytes.Buffer
	if err := summaryHTML.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// htmlEscape is for the few HTML bits inside Markdown.
func htmlEscape(s string) string { return html.EscapeString(s) }

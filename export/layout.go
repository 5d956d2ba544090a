package export

import (
	"fmt"
	"slices"
)

// The summary's layout is decided once, here, as a list of blocks that every
// format draws in its own way. The first page holds what the resident needs
// most, in this order: the next appointment and the one person to call
// first, the steps of now with who, when and what happens after, what was
// agreed, how far they are, and the latest finished steps. The longer lists
// follow on a page of their own.

type blockKind int

const (
	blockTitle    blockKind = iota // the page's title
	blockMade                      // the date it was made, small
	blockPara                      // a paragraph
	blockHeading                   // a section's heading
	blockAppt                      // the appointment: its first line stands out
	blockCall                      // label: the person to call first
	blockStep                      // a numbered step with its labelled lines
	blockDone                      // a finished step: ✓, title, the day, its note
	blockBullet                    // a list item
	blockProgress                  // the count of finished steps, and a bar
	blockPage                      // the rest starts on a new page
	blockDebts                     // the debt overview (the view's debts)
	blockFooter                    // the case reference, small
)

type block struct {
	kind   blockKind
	text   string
	label  string
	num    int
	lines  []labelled
	meta   string
	lines2 []string // the appointment's lines

	done, total int // blockProgress
}

// firstPageShown is how many finished steps and agreements the first page
// lists; all of them are on the next page.
const firstPageShown = 3

// layout puts the view in the order it is read.
func layout(v view) []block {
	t := v.t
	all := v.pages == AllPages
	var b []block
	add := func(bl block) { b = append(b, bl) }
	heading := func(s string) { add(block{kind: blockHeading, text: s}) }

	add(block{kind: blockTitle, text: v.title})
	add(block{kind: blockMade, text: v.made})
	add(block{kind: blockPara, text: v.intro})

	heading(t.ApptTitle)
	if len(v.appt) == 0 {
		add(block{kind: blockPara, text: v.apptNone})
	} else {
		add(block{kind: blockAppt, lines2: v.appt})
	}
	if v.callFirst != "" {
		add(block{kind: blockCall, label: t.CallFirst, text: v.callFirst})
	} else {
		add(block{kind: blockPara, text: v.contactNone})
	}

	heading(t.NowTitle)
	if v.nowNone != "" {
		add(block{kind: blockPara, text: v.nowNone})
	}
	for i, it := range v.now {
		add(block{kind: blockStep, num: i + 1, text: it.title, lines: slices.Clone(it.lines)})
	}
	if v.laterN > 0 {
		add(block{kind: blockPara, text: fmt.Sprintf(t.LaterShort, v.laterN)})
	}

	if len(v.agreements) > 0 {
		heading(t.AgreeTitle)
		for _, a := range v.agreements[:min(firstPageShown, len(v.agreements))] {
			add(block{kind: blockBullet, text: a})
		}
		if more := len(v.agreements) - firstPageShown; more > 0 {
			add(block{kind: blockPara, text: fmt.Sprintf(pick(all, t.AgreeMore, t.AgreeOlder), more)})
		}
	}

	heading(t.DoneTitle)
	add(block{kind: blockProgress, text: v.doneCount, done: v.doneN, total: v.total})
	for _, it := range v.done[:min(firstPageShown, len(v.done))] {
		add(block{kind: blockDone, text: it.title, meta: it.meta})
	}
	if more := len(v.done) - firstPageShown; more > 0 {
		add(block{kind: blockPara, text: fmt.Sprintf(pick(all, t.DoneLatest, t.DoneOlder), more)})
	}
	// The debts as progress: how many creditors answered, with a bar.
	if !v.debts.empty() {
		add(block{kind: blockProgress, text: v.debts.progress, done: v.debts.responded, total: v.debts.count})
	}
	if all {
		laterPages(v, add, heading)
	}
	if v.footer != "" {
		add(block{kind: blockFooter, text: v.footer})
	}
	// Blocks own their lines (cloned above), so the view stays as it was.
	if v.lang.RightToLeft() {
		isolateBlocks(b)
	}
	return b
}

// laterPages are the pages after the first: why, what comes later,
// everything done, every agreement, everyone who helps, and the debts.
func laterPages(v view, add func(block), heading func(string)) {
	t := v.t
	add(block{kind: blockPage})
	add(block{kind: blockTitle, text: t.MoreTitle})
	whys := false
	for i, it := range v.now {
		if it.why == "" {
			continue
		}
		if !whys {
			heading(t.WhyTitle)
			whys = true
		}
		add(block{kind: blockStep, num: i + 1, text: it.title, lines: []labelled{{t.Why, it.why}}})
	}
	if v.later != "" {
		heading(t.LaterTitle)
		add(block{kind: blockPara, text: v.later})
		for _, l := range v.laterBy {
			add(block{kind: blockBullet, text: l})
		}
	}
	if len(v.done) > 0 {
		heading(t.DoneAllTitle)
		for _, it := range v.done {
			add(block{kind: blockDone, text: it.title, meta: it.meta, lines: slices.Clone(it.lines)})
		}
	}
	if len(v.agreements) > firstPageShown {
		heading(t.AgreeAll)
		for _, a := range v.agreements {
			add(block{kind: blockBullet, text: a})
		}
	}
	heading(t.ContactTitle)
	if v.contactNone != "" {
		add(block{kind: blockPara, text: v.contactNone})
	}
	for _, c := range v.contacts {
		add(block{kind: blockBullet, text: c})
	}
	if !v.debts.empty() {
		add(block{kind: blockPage})
		add(block{kind: blockDebts})
	}
}

// pick is a when all pages are written, else b.
func pick(all bool, a, b string) string {
	if all {
		return a
	}
	return b
}

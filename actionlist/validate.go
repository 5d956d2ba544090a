package actionlist

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits for typed text, in characters. They keep a pasted document
// out of a title while leaving room for any real note.
const (
	MaxName  = 60   // a first name or alias, a participant's name
	MaxShort = 120  // a reference, an owner name, a place, a contact
	MaxTitle = 160  // a step title: one action
	MaxText  = 2000 // why, expectation, notes, agreements
	MaxPlan  = 200  // a resident's when and where, or what if it does not work out: one sentence
)

// LimitError says which text is too long, and what the limit is.
type LimitError struct {
	Field string
	Limit int
	Got   int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%s is %d characters long; the limit is %d", e.Field, e.Got, e.Limit)
}

// InvalidError says a field holds a value the domain does not know.
type InvalidError struct {
	Field string
	Value string
}

func (e *InvalidError) Error() string {
	return fmt.Sprintf("%s has an unknown value %q", e.Field, e.Value)
}

func checkLen(field, s string, limit int) error {
	if n := utf8.RuneCountInString(s); n > limit {
		return &LimitError{Field: field, Limit: limit, Got: n}
	}
	return nil
}

// Validate checks a step before it is stored.
func (s Step) Validate() error {
	for _, e := range stepRegistry {
		if e.limit == NoLimit {
			continue
		}
		if err := checkLen(e.name, e.get(s), e.limit); err != nil {
			return err
		}
	}
	switch {
	case strings.TrimSpace(s.Title) == "":
		return &InvalidError{Field: "title", Value: ""}
	case !s.Phase.Valid():
		return &InvalidError{Field: "phase", Value: string(s.Phase)}
	case !s.Owner.Valid():
		return &InvalidError{Field: "owner", Value: string(s.Owner)}
	case !s.Status.Valid():
		return &InvalidError{Field: "status", Value: string(s.Status)}
	case !s.Pin.Valid():
		return &InvalidError{Field: "pin", Value: string(s.Pin)}
	}
	return nil
}

// Validate checks a case's own fields before they are stored.
func (c Case) Validate() error {
	if strings.TrimSpace(c.Name) == "" {
		return &InvalidError{Field: "name", Value: ""}
	}
	if err := checkLen("name", c.Name, MaxName); err != nil {
		return err
	}
	for _, t := range []struct {
		field, text string
	}{{"ref", c.Ref}, {"next_place", c.Next.Place}, {"next_with", c.Next.With}} {
		if err := checkLen(t.field, t.text, MaxShort); err != nil {
			return err
		}
	}
	for _, p := range c.Participants {
		if err := checkLen("participant", p.Name, MaxName); err != nil {
			return err
		}
		if err := checkLen("contact", p.Contact, MaxShort); err != nil {
			return err
		}
	}
	switch {
	case !c.Status.Valid():
		return &InvalidError{Field: "status", Value: string(c.Status)}
	case !c.Language.Valid():
		return &InvalidError{Field: "language", Value: string(c.Language)}
	case !c.Source.Kind.Valid():
		return &InvalidError{Field: "source", Value: string(c.Source.Kind)}
	case !c.Source.Signal.Valid():
		return &InvalidError{Field: "signal", Value: string(c.Source.Signal)}
	case !c.CloseReason.Valid():
		return &InvalidError{Field: "close_reason", Value: string(c.CloseReason)}
	case c.Status == CaseClosed && c.CloseReason == CloseNone:
		return &InvalidError{Field: "close_reason", Value: ""} // closing asks why
	}
	return c.validateProfileAndSignals()
}

// Validate checks an agreement before it is stored.
func (a Agreement) Validate() error {
	if strings.TrimSpace(a.What) == "" {
		return &InvalidError{Field: "what", Value: ""}
	}
	if err := checkLen("who", a.Who, MaxShort); err != nil {
		return err
	}
	return checkLen("what", a.What, MaxText)
}

// CleanText makes typed or pasted text safe to keep: control characters
// (terminal escape sequences among them) are dropped, line breaks and tabs
// become spaces unless multiline, and invalid UTF-8 is replaced.
func CleanText(s string, multiline bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' && multiline:
			b.WriteRune(r)
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case unicode.IsControl(r), r == '\u2028', r == '\u2029', unicode.Is(unicode.Bidi_Control, r):
			// dropped: ESC, BEL, NUL must never reach a terminal, and
			// direction overrides would let text disguise itself
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

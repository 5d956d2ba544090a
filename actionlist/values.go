package actionlist

import (
	"errors"
	"fmt"
)

// ValueKind is what a stored field holds, for saying why a value does not
// fit it.
type ValueKind int

const (
	ValueCode   ValueKind = iota + 1 // one of the codes the domain knows (a status, a phase, a role)
	ValueDate                        // YYYY-MM-DD
	ValueTime                        // YYYY-MM-DD HH:MM
	ValueNumber                      // a whole number
	ValueJSON                        // structured, as JSON
)

// ValueError is a stored value its field cannot hold: an unknown code, or a
// date, time, number or JSON that does not read. Field is the stored name.
type ValueError struct {
	Field string
	Value string
	Want  ValueKind
}

func (e *ValueError) Error() string {
	what := map[ValueKind]string{
		ValueCode: "unknown value %q", ValueDate: "date %q is not YYYY-MM-DD",
		ValueTime: "time %q is not YYYY-MM-DD HH:MM", ValueNumber: "%q is not a whole number",
		ValueJSON: "%q is not valid JSON",
	}[e.Want]
	if what == "" {
		what = "bad value %q"
	}
	msg := fmt.Sprintf(what, e.Value)
	if e.Field != "" {
		msg = "field " + e.Field + ": " + msg
	}
	return msg
}

// inField names the field of a ValueError that came from a setter, which
// does not know its own name; any other error is wrapped with it.
func inField(name string, err error) error {
	var ve *ValueError
	if errors.As(err, &ve) {
		named := *ve
		named.Field = name
		return &named
	}
	return fmt.Errorf("field %s: %w", name, err)
}

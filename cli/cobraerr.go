package cli

import (
	"errors"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
)

// cobra and pflag refuse a command line in English sentences of their own;
// these turn the ones a person meets into the run's language, with where
// to look.

// usageError is a refused command line, with the command it was for.
type usageError struct {
	cmd string // "houvast export summary"
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// flagError keeps the command a flag error was for.
func flagError(c *cobra.Command, err error) error {
	return &usageError{cmd: c.CommandPath(), err: err}
}

var (
	reUnknownFlag = regexp.MustCompile(`^unknown (?:shorthand )?flag: (?:'(\w)' in )?(-\S+)`)
	reBadValue    = regexp.MustCompile(`^invalid argument "(.*)" for "(.+?)" flag`)
	reNeedsValue  = regexp.MustCompile(`^flag needs an argument: (?:'(\w)' in )?(-\S+)`)
	reRequired    = regexp.MustCompile(`^required flag\(s\) (.+) not set`)
	reUnknownVerb = regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`)
	reArgCount    = regexp.MustCompile(`^(?:accepts (\d+) arg\(s\), received (\d+)|requires at least (\d+) arg\(s\), only received (\d+)|accepts at most (\d+) arg\(s\), received (\d+))`)
	reQuotedFlag  = regexp.MustCompile(`"([^"]+)"`)
)

// usageSentence says a refused command line in words, or "" for an error
// that is not one.
func (a *app) usageSentence(err error) string {
	cmd := "houvast"
	var ue *usageError
	if errors.As(err, &ue) {
		cmd = ue.cmd
		err = ue.err
	}
	msg := err.Error()
	t := a.t
	switch {
	case reUnknownFlag.MatchString(msg):
		return sprintf(t.UnknownFlag, reUnknownFlag.FindStringSubmatch(msg)[2], cmd)
	case reBadValue.MatchString(msg):
		m := reBadValue.FindStringSubmatch(msg)
		return sprintf(t.BadFlagValue, m[1], m[2], cmd)
	case reNeedsValue.MatchString(msg):
		return sprintf(t.FlagNeedsValue, reNeedsValue.FindStringSubmatch(msg)[2], cmd)
	case reRequired.MatchString(msg):
		var flags []string
		for _, m := range reQuotedFlag.FindAllStringSubmatch(reRequired.FindStringSubmatch(msg)[1], -1) {
			flags = append(flags, "--"+m[1])
		}
		return sprintf(t.NeedFlag, strings.Join(flags, ", "), cmd)
	case reUnknownVerb.MatchString(msg):
		m := reUnknownVerb.FindStringSubmatch(msg)
		return sprintf(t.UnknownVerb, m[1], m[2])
	case reArgCount.MatchString(msg):
		return sprintf(t.WrongArgs, cmd)
	}
	return ""
}

// Package casework holds the use cases that the screens and the command line
// share: the settings of a run, safe output, the resident's summary, export
// and import, erase, backup, retention and templates. A rule that both
// front-ends need is written here once; the front-ends only ask and show.
//
// It knows store, export and actionlist; it never knows a front-end.
package casework

import (
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/adrg/xdg"

	"houvast/actionlist"
	"houvast/store"
)

// Flags are what the user said on the command line; empty means "not said".
type Flags struct {
	DB     string
	Lang   string
	Name   string
	Agenda bool // --agenda: start the screens on the agenda
}

// Settings are the resolved settings of one run. Every front-end reads them
// from here, so a setting means the same on the screen and on the command
// line.
type Settings struct {
	DB              string          // the database file
	Lang            actionlist.Lang // the language of the screens and messages
	Name            string          // who the changes of this run are recorded as
	RetentionMonths int             // how long a closed case is kept
	TemplateDir     string          // the team's own templates
	ExportDir       string          // where the screens put a summary unless told otherwise
	StartAgenda     bool            // the screens start on the agenda

	// SignalRetentionMonths is how long a signal that did not become a
	// case is kept, from its closing (or its date while it stays open).
	SignalRetentionMonths int
}

// The environment variables Houvast reads, beside the XDG ones.
const (
	EnvDB        = "HOUVAST_DB"
	EnvLang      = "HOUVAST_LANG"
	EnvName      = "HOUVAST_NAME"
	EnvRetention = "HOUVAST_RETENTION_MONTHS"
	EnvTemplates = "HOUVAST_TEMPLATES"
	EnvExportDir = "HOUVAST_EXPORT_DIR"
	EnvStart     = "HOUVAST_START" // "agenda" starts the screens on the agenda; "list" or empty on the case list
)

// MaxRetentionMonths bounds the retention setting: a typing slip must not
// keep data for a century.
const MaxRetentionMonths = 120

// SettingError is a setting that cannot be used: a flag or a variable of
// the environment holding a value Houvast does not understand.
type SettingError struct {
	Name  string // the flag (--lang) or variable (HOUVAST_RETENTION_MONTHS)
	Value string
}

func (e *SettingError) Error() string { return "unusable setting " + e.Name + "=" + e.Value }

// Resolve decides the settings: a flag beats its environment variable, which
// beats the default. On a SettingError the returned settings are still
// filled as well as they can be, so the error can be said in the user's
// language.
func Resolve(f Flags, env func(string) string) (Settings, error) {
	s := Settings{
		DB:              f.DB,
		Lang:            localeLang(env),
		Name:            f.Name,
		RetentionMonths: store.DefaultRetentionMonths,
		TemplateDir:     env(EnvTemplates),
		ExportDir:       env(EnvExportDir),
	}
	s.SignalRetentionMonths = store.DefaultSignalRetentionMonths
	var errs []error
	if v := env(EnvLang); v != "" {
		if l, err := actionlist.ParseLang(v); err == nil {
			s.Lang = l
		} else {
			errs = append(errs, &SettingError{Name: EnvLang, Value: v})
		}
	}
	if f.Lang != "" {
		if l, err := actionlist.ParseLang(f.Lang); err == nil {
			s.Lang = l
		} else {
			errs = append(errs, &SettingError{Name: "--lang", Value: f.Lang})
		}
	}
	if v := env(EnvRetention); v != "" {
		n, err := ParseRetention(v)
		if err != nil {
			errs = append(errs, &SettingError{Name: EnvRetention, Value: v})
		} else {
			s.RetentionMonths = n
		}
	}
	if v := env(EnvSignalRetention); v != "" {
		if n, err := ParseRetention(v); err != nil {
			errs = append(errs, &SettingError{Name: EnvSignalRetention, Value: v})
		} else {
			s.SignalRetentionMonths = n
		}
	}
	switch v := strings.ToLower(strings.TrimSpace(env(EnvStart))); v {
	case "", "list", "dossiers", "cases":
	case "agenda":
		s.StartAgenda = true
	default:
		errs = append(errs, &SettingError{Name: EnvStart, Value: env(EnvStart)})
	}
	if f.Agenda {
		s.StartAgenda = true
	}
	if s.Name == "" {
		s.Name = env(EnvName)
	}
	if s.Name == "" {
		if u, err := user.Current(); err == nil {
			s.Name = u.Username
		}
	}
	s.Name = actionlist.CleanText(s.Name, false)
	if s.DB == "" {
		s.DB = env(EnvDB)
	}
	if s.DB == "" {
		p, err := store.DefaultPath()
		if err != nil {
			errs = append(errs, err)
		}
		s.DB = p
	}
	if s.TemplateDir == "" {
		s.TemplateDir = filepath.Join(xdg.ConfigHome, "houvast", "templates")
	}
	if s.ExportDir == "" {
		s.ExportDir = defaultExportDir()
	}
	if len(errs) > 0 {
		return s, errs[0]
	}
	return s, nil
}

// ParseRetention reads a retention period in whole months, 1 to
// MaxRetentionMonths.
func ParseRetention(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > MaxRetentionMonths {
		return 0, &SettingError{Name: EnvRetention, Value: v}
	}
	return n, nil
}

// localeLang is English when the locale is English, Dutch otherwise.
func localeLang(env func(string) string) actionlist.Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := env(v); s != "" {
			if strings.HasPrefix(s, "en") {
				return actionlist.English
			}
			return actionlist.Dutch
		}
	}
	return actionlist.Dutch
}

// defaultExportDir is the user's documents folder when there is one, else
// the current folder.
func defaultExportDir() string {
	if d := xdg.UserDirs.Documents; d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	return "."
}

// Actor is who a change is recorded as, in a role.
func (s Settings) Actor(role actionlist.Role) actionlist.Actor {
	return actionlist.Actor{Name: s.Name, Role: role}
}

// ParseRole accepts the role names people type, in Dutch or English.
func ParseRole(s string) (actionlist.Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "specialist":
		return actionlist.RoleSpecialist, nil
	case "vrijwilliger", "volunteer":
		return actionlist.RoleVolunteer, nil
	case "generalist":
		return actionlist.RoleGeneralist, nil
	}
	return "", &SettingError{Name: "--role", Value: s}
}

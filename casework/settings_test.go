package casework

import (
	"errors"
	"testing"

	"houvast/actionlist"
	"houvast/store"
)

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		name       string
		flags      Flags
		env        map[string]string
		lang       actionlist.Lang
		db         string
		months     int
		nameIs     string
		badSetting string
	}{
		{name: "defaults", env: map[string]string{"HOUVAST_NAME": "Marieke"}, lang: actionlist.Dutch, months: store.DefaultRetentionMonths, nameIs: "Marieke"},
		{name: "an English locale", env: map[string]string{"LANG": "en_GB.UTF-8"}, lang: actionlist.English, months: 12},
		{name: "HOUVAST_LANG beats the locale", env: map[string]string{"LANG": "en_GB.UTF-8", "HOUVAST_LANG": "nl"}, lang: actionlist.Dutch, months: 12},
		{name: "the flag beats HOUVAST_LANG", flags: Flags{Lang: "en"}, env: map[string]string{"HOUVAST_LANG": "nl"}, lang: actionlist.English, months: 12},
		{name: "the flag beats HOUVAST_DB", flags: Flags{DB: "a.db"}, env: map[string]string{"HOUVAST_DB": "b.db"}, db: "a.db", lang: actionlist.Dutch, months: 12},
		{name: "HOUVAST_DB", env: map[string]string{"HOUVAST_DB": "b.db"}, db: "b.db", lang: actionlist.Dutch, months: 12},
		{name: "a retention period", env: map[string]string{"HOUVAST_RETENTION_MONTHS": "24"}, lang: actionlist.Dutch, months: 24},
		{name: "a retention period that is no number", env: map[string]string{"HOUVAST_RETENTION_MONTHS": "twee jaar"}, lang: actionlist.Dutch, months: 12, badSetting: EnvRetention},
		{name: "no retention at all", env: map[string]string{"HOUVAST_RETENTION_MONTHS": "0"}, lang: actionlist.Dutch, months: 12, badSetting: EnvRetention},
		{name: "a century", env: map[string]string{"HOUVAST_RETENTION_MONTHS": "1200"}, lang: actionlist.Dutch, months: 12, badSetting: EnvRetention},
		{name: "an unknown flag language, said in the locale's", flags: Flags{Lang: "fr"}, env: map[string]string{"LANG": "en_US"}, lang: actionlist.English, months: 12, badSetting: "--lang"},
		{name: "an unknown HOUVAST_LANG", env: map[string]string{"HOUVAST_LANG": "de"}, lang: actionlist.Dutch, months: 12, badSetting: EnvLang},
		{name: "start on the agenda", env: map[string]string{"HOUVAST_START": "agenda"}, lang: actionlist.Dutch, months: 12},
		{name: "an unknown start screen", env: map[string]string{"HOUVAST_START": "week"}, lang: actionlist.Dutch, months: 12, badSetting: EnvStart},
		{name: "the flag name beats HOUVAST_NAME", flags: Flags{Name: "Ahmed"}, env: map[string]string{"HOUVAST_NAME": "Marieke"}, lang: actionlist.Dutch, months: 12, nameIs: "Ahmed"},
		{name: "a name's escapes are cleaned", env: map[string]string{"HOUVAST_NAME": "Sanne\x1b[31m"}, lang: actionlist.Dutch, months: 12, nameIs: "Sanne[31m"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Resolve(tc.flags, func(k string) string { return tc.env[k] })
			var se *SettingError
			switch {
			case tc.badSetting == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.badSetting != "" && (!errors.As(err, &se) || se.Name != tc.badSetting):
				t.Fatalf("error %v, want a SettingError for %s", err, tc.badSetting)
			}
			if s.Lang != tc.lang || s.RetentionMonths != tc.months {
				t.Errorf("lang %s months %d, want %s %d", s.Lang, s.RetentionMonths, tc.lang, tc.months)
			}
			if tc.db != "" && s.DB != tc.db {
				t.Errorf("db %q, want %q", s.DB, tc.db)
			}
			if tc.db == "" && s.DB == "" {
				t.Error("no default database path")
			}
			if tc.nameIs != "" && s.Name != tc.nameIs {
				t.Errorf("name %q, want %q", s.Name, tc.nameIs)
			}
			if s.TemplateDir == "" || s.ExportDir == "" {
				t.Errorf("folders not resolved: %+v", s)
			}
			if err != nil && Sentence(err, s.Lang) == "" {
				t.Errorf("no sentence for %v", err)
			}
		})
	}
}

func TestParseRole(t *testing.T) {
	for in, want := range map[string]actionlist.Role{
		"": actionlist.RoleSpecialist, "specialist": actionlist.RoleSpecialist,
		"vrijwilliger": actionlist.RoleVolunteer, "Volunteer": actionlist.RoleVolunteer,
		"generalist": actionlist.RoleGeneralist,
	} {
		if got, err := ParseRole(in); err != nil || got != want {
			t.Errorf("ParseRole(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseRole("baas"); err == nil || Sentence(err, actionlist.Dutch) == "" {
		t.Errorf("an unknown role: %v", err)
	}
}

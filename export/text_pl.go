package export

import "houvast/actionlist"

// polish is the summary in Polish: a draft that waits for a native
// speaker's review. Error sentences are the screens' and stay empty here.
var polish = text{
	Title:      "%s, oto Twoje postępy",
	Made:       "Przygotowano: %s",
	Intro:      "Tutaj widzisz, co już zostało zrobione i jakie są następne kroki. Nie musisz robić wszystkiego naraz: idziemy krok po kroku.",
	DoneTitle:  "To już zrobione",
	DoneCount:  "Gotowe kroki: %d z %d. Świetnie Ci idzie!",
	DoneNone:   "Jeszcze żaden krok nie jest gotowy. Pierwszy krok to początek.",
	DoneOn:     "gotowe: %s",
	DoneMore:   "Kroki, które były gotowe już wcześniej: jeszcze %d.",
	NowTitle:   "Twoje następne kroki",
	NowNone:    "Teraz nie ma gotowego kroku. Na następnym spotkaniu porozmawiamy o tym, co dalej.",
	NowAllDone: "Wszystkie kroki są gotowe. Brawo!",
	Who:        "Kto",
	When:       "Kiedy",
	Why:        "Dlaczego",
	After:      "Potem",
	ForYou:     "Dla Ciebie",
	Later:      "Potem są jeszcze inne kroki, razem: %d. Zostawiamy je na później, żeby nie trzeba było robić wszystkiego naraz:",
	LaterPhase: "%s: %d",
	Phase: map[actionlist.Phase]string{
		actionlist.PhaseCrisis:     "Najpierw sytuacja kryzysowa",
		actionlist.PhaseOverview:   "Przegląd i dokumenty",
		actionlist.PhaseIncome:     "Większy dochód",
		actionlist.PhaseFixedCosts: "Najpierw stałe opłaty",
		actionlist.PhaseCreditors:  "Wierzyciele",
		actionlist.PhaseOtherHelp:  "Inna pomoc",
		actionlist.PhaseClosing:    "Koniec okresu stabilizacji",
		actionlist.PhaseAftercare:  "Dalsze wsparcie",
	},
	ApptTitle:    "Następne spotkanie",
	ApptNone:     "Nie ma jeszcze nowego spotkania. Umówimy je razem.",
	ApptAt:       "%s, godz. %s",
	ApptWhere:    "Gdzie",
	ApptWith:     "Z kim",
	AgreeTitle:   "Co ustaliliśmy",
	ContactTitle: "Kto Ci pomaga",
	ContactNone:  "Zapytaj swojego doradcę do spraw długów, do kogo możesz dzwonić.",
	Footer:       "Sprawa %s · przygotowano w Houvast",
	Calendar:     "Houvast – %s",
	ApptEvent:    "Spotkanie w sprawie długów",
	DueEvent:     "Ostatni dzień: %s",

	WhoYou:            "Ty",
	WhoTogether:       "Ty, razem z: %s",
	WhoTogetherNoName: "Ty, razem z osobą, która Ci pomaga",
	WhoNamed:          "%s (%s)",
	Role: map[actionlist.Role]string{
		actionlist.RoleResident:   "Ty",
		actionlist.RoleSpecialist: "doradca do spraw długów",
		actionlist.RoleGeneralist: "zespół dzielnicowy",
		actionlist.RoleVolunteer:  "wolontariusz",
		actionlist.RoleTogether:   "razem",
	},
	RoleAlone: map[actionlist.Role]string{
		actionlist.RoleResident:   "Ty",
		actionlist.RoleSpecialist: "Twój doradca do spraw długów",
		actionlist.RoleGeneralist: "Zespół dzielnicowy",
		actionlist.RoleVolunteer:  "Twój wolontariusz",
		actionlist.RoleTogether:   "Ty, razem z osobą, która Ci pomaga",
	},

	DueBy:       "termin: %s",
	DueToday:    "dzisiaj",
	DueLate:     "jak najszybciej (termin był: %s)",
	DueNone:     "datę ustalimy razem",
	Started:     "Ten krok już się zaczął.",
	WaitingNote: "Teraz czekamy na odpowiedź od kogoś innego.",

	Weekdays: [7]string{"niedziela", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota"},
	// In a date the month takes the genitive: "27 listopada".
	Months: [12]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
	Time:   "%02d:%02d",

	LongDate:     "%[1]s, %[2]d %[3]s",
	LongDateYear: "%[1]s, %[2]d %[3]s %[4]d",
	ShortDate:    "%[1]d %[2]s %[3]d",
}

package export

import "houvast/actionlist"

// arabic is the summary in Arabic (Modern Standard Arabic, addressing the
// reader in the masculine, as forms usually do): a draft that waits for a
// native speaker's review. Digits are the Western ones most residents
// here read in Dutch letters too. Error sentences are the screens' and
// stay empty here.
var arabic = text{
	debtSummaryText: arabicDebtSummary,

	Title:      "%s، هذا ما وصلت إليه",
	Made:       "أُعدّ في %s",
	Intro:      "هنا ترى ما قمت به وما هي الخطوات التالية. لا يجب أن تفعل كل شيء مرة واحدة: نمشي خطوة بخطوة.",
	DoneTitle:  "هذا ما قمت به",
	DoneCount:  "عدد الخطوات المنتهية: %d من %d. أحسنت!",
	DoneNone:   "لم تنته أي خطوة بعد. الخطوة الأولى هي البداية.",
	DoneOn:     "انتهت في %s",
	NowTitle:   "خطواتك التالية",
	NowNone:    "لا توجد خطوة جاهزة الآن. في الموعد القادم نتكلم عما سيأتي.",
	NowAllDone: "انتهت كل الخطوات. عمل رائع!",
	Who:        "من",
	When:       "متى",
	Why:        "لماذا",
	After:      "بعد ذلك",
	ForYou:     "لك",
	WhenWhere:  "متى وأين",
	IfNot:      "إذا لم ينجح ذلك",
	Later:      "بعد هذه تأتي خطوات أخرى، عددها: %d. نتركها لوقت لاحق، حتى لا تضطر لفعل كل شيء مرة واحدة:",
	LaterPhase: "%s: %d",
	Phase: map[actionlist.Phase]string{
		actionlist.PhaseCrisis:     "الأزمة أولاً",
		actionlist.PhaseOverview:   "نظرة عامة وأوراق",
		actionlist.PhaseIncome:     "دخل أكثر",
		actionlist.PhaseFixedCosts: "المصاريف الثابتة أولاً",
		actionlist.PhaseCreditors:  "الدائنون",
		actionlist.PhaseOtherHelp:  "مساعدة أخرى",
		actionlist.PhaseClosing:    "نهاية مرحلة الاستقرار",
		actionlist.PhaseAftercare:  "المتابعة بعد ذلك",
	},
	ApptTitle:    "الموعد القادم",
	ApptNone:     "لا يوجد موعد جديد بعد. سنحدده معاً.",
	ApptAt:       "%s، الساعة %s",
	ApptWhere:    "أين",
	ApptWith:     "مع",
	AgreeTitle:   "ما اتفقنا عليه",
	ContactTitle: "من يساعدك",
	ContactNone:  "اسأل المختص في الديون بمن يمكنك أن تتصل.",
	Footer:       "الملف %s · أُعدّ باستخدام Houvast",
	Calendar:     "Houvast – %s",
	ApptEvent:    "موعد المساعدة في الديون",
	DueEvent:     "آخر يوم: %s",

	CallFirst:    "هل عندك أسئلة؟ اتصل أولاً بهذا الشخص:",
	DoneAllTitle: "كل الخطوات المنتهية",
	DoneLatest:   "باقي الخطوات المنتهية في الصفحة التالية، عددها: %d.",
	DoneOlder:    "وخطوات أخرى انتهت من قبل، عددها: %d.",
	AgreeOlder:   "واتفاقات سابقة أخرى، عددها: %d.",
	LaterShort:   "بعد هذه تأتي خطوات أخرى، عددها: %d. نتركها لوقت لاحق.",
	AgreeMore:    "اتفاقات سابقة أخرى في الصفحة التالية، عددها: %d.",
	MoreTitle:    "المزيد عن خطتك",
	WhyTitle:     "لماذا هذه الخطوات",
	LaterTitle:   "ما سيأتي لاحقاً",
	AgreeAll:     "كل ما اتفقنا عليه",

	WhoYou:            "أنت",
	WhoTogether:       "أنت، مع %s",
	WhoTogetherNoName: "أنت، مع شخص يساعدك",
	WhoNamed:          "%s، %s",
	Role: map[actionlist.Role]string{
		actionlist.RoleResident:   "أنت",
		actionlist.RoleSpecialist: "المختص في الديون",
		actionlist.RoleGeneralist: "فريق الحي",
		actionlist.RoleVolunteer:  "متطوع",
		actionlist.RoleTogether:   "معاً",
	},
	RoleAlone: map[actionlist.Role]string{
		actionlist.RoleResident:   "أنت",
		actionlist.RoleSpecialist: "المختص في الديون",
		actionlist.RoleGeneralist: "فريق الحي",
		actionlist.RoleVolunteer:  "المتطوع الذي يساعدك",
		actionlist.RoleTogether:   "أنت، مع شخص يساعدك",
	},

	DueBy:       "قبل %s",
	DueToday:    "اليوم",
	DueLate:     "في أقرب وقت ممكن، وكانت الخطة: قبل %s",
	DueNone:     "سنتفق على موعد معاً",
	Started:     "هذه الخطوة بدأت بالفعل.",
	WaitingNote: "ننتظر الآن جواباً من شخص آخر.",

	Weekdays: [7]string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"},
	Months:   [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"},
	Time:     "%02d:%02d",

	LongDate:     "%[1]s %[2]d %[3]s",
	LongDateYear: "%[1]s %[2]d %[3]s %[4]d",
	ShortDate:    "%[1]d %[2]s %[3]d",
}

package actionlist

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Profile screening: a few questions, asked in the conversation or later,
// about motivation (will, willpower) and skills (administration, budgeting,
// overview). The profile only advises how many steps to show at once and how
// much practical help to give. The specialist decides, and no profile ever
// closes a case or holds help back: a low profile means smaller steps and
// more support.

// Dimension is what a question is about.
type Dimension string

const (
	Motivation Dimension = "motivation"
	Skills     Dimension = "skills"
)

// Level is where a resident stands on a dimension.
type Level string

const (
	LevelLow  Level = "low"
	LevelHigh Level = "high"
)

func (l Level) Valid() bool { return l == LevelLow || l == LevelHigh }

// Profile is one of four: motivation high or low, skills high or low.
type Profile struct {
	Motivation Level `json:"motivation"`
	Skills     Level `json:"skills"`
}

// Profiles lists the four profiles, the most independent first.
var Profiles = []Profile{
	{LevelHigh, LevelHigh}, {LevelHigh, LevelLow}, {LevelLow, LevelHigh}, {LevelLow, LevelLow},
}

func (p Profile) Valid() bool { return p.Motivation.Valid() && p.Skills.Valid() }

// AnswerMax is the score of a question's last option; the first scores 0.
const AnswerMax = 3

// Question is one screening question with its answer options, ordered from
// the one that scores 0 to the one that scores AnswerMax.
type Question struct {
	ID        string
	Dimension Dimension
	Text      string
	Options   []string
}

type questionSpec struct {
	id      string
	dim     Dimension
	text    words
	options [AnswerMax + 1]words
}

// The questions are spoken to the resident ("je"); the options run from
// the answer that asks for the most support to the one that asks the least.
var questionSpecs = []questionSpec{
	{"want", Motivation,
		words{"Hoe graag wil je dat je geldzaken weer op orde komen?", "How much do you want your money matters to be in order again?"},
		[AnswerMax + 1]words{{"Het maakt me niet zoveel uit", "It does not matter much to me"}, {"Een beetje", "A little"}, {"Graag", "Quite a lot"}, {"Heel graag", "Very much"}}},
	{"do_self", Motivation,
		words{"Wil je zelf dingen doen om het op te lossen, met hulp erbij?", "Do you want to do things yourself to sort it out, with help alongside?"},
		[AnswerMax + 1]words{{"Nee, liever niet", "No, rather not"}, {"Misschien", "Maybe"}, {"Ja, een paar dingen", "Yes, a few things"}, {"Ja, zoveel ik kan", "Yes, as much as I can"}}},
	{"keep_going", Motivation,
		words{"Als iets tegenzit, ga je dan toch door?", "When things go against you, do you keep going?"},
		[AnswerMax + 1]words{{"Nee, dan stop ik meestal", "No, then I usually stop"}, {"Soms", "Sometimes"}, {"Meestal wel", "Usually"}, {"Ja, bijna altijd", "Yes, nearly always"}}},
	{"keep_promises", Motivation,
		words{"Lukt het je om te doen wat je hebt afgesproken, ook als je er geen zin in hebt?", "Do you manage to do what you agreed, even when you do not feel like it?"},
		[AnswerMax + 1]words{{"Bijna nooit", "Hardly ever"}, {"Soms", "Sometimes"}, {"Meestal", "Usually"}, {"Bijna altijd", "Nearly always"}}},
	{"open_post", Skills,
		words{"Hoe vaak maak je brieven over geld meteen open?", "How often do you open letters about money straight away?"},
		[AnswerMax + 1]words{{"Bijna nooit", "Hardly ever"}, {"Soms", "Sometimes"}, {"Meestal", "Usually"}, {"Altijd", "Always"}}},
	{"find_papers", Skills,
		words{"Kun je een belangrijke brief of rekening snel terugvinden?", "Can you find an important letter or bill quickly?"},
		[AnswerMax + 1]words{{"Nee", "No"}, {"Soms, na lang zoeken", "Sometimes, after a long search"}, {"Meestal wel", "Usually"}, {"Ja, alles heeft een vaste plek", "Yes, everything has its own place"}}},
	{"know_spending", Skills,
		words{"Weet je hoeveel geld je deze week nog kunt uitgeven?", "Do you know how much money you can still spend this week?"},
		[AnswerMax + 1]words{{"Nee, geen idee", "No idea"}, {"Ongeveer", "Roughly"}, {"Vrij precies", "Fairly exactly"}, {"Ja, precies", "Yes, exactly"}}},
	{"know_debts", Skills,
		words{"Weet je welke rekeningen en schulden er nog openstaan?", "Do you know which bills and debts are still unpaid?"},
		[AnswerMax + 1]words{{"Nee", "No"}, {"Van een paar", "A few of them"}, {"Van de meeste", "Most of them"}, {"Ja, van allemaal", "Yes, all of them"}}},
}

// Questions returns the screening in a language, motivation first.
func Questions(l Lang) []Question {
	out := make([]Question, len(questionSpecs))
	for i, q := range questionSpecs {
		opts := make([]string, len(q.options))
		for j, o := range q.options {
			opts[j] = o.in(l)
		}
		out[i] = Question{ID: q.id, Dimension: q.dim, Text: q.text.in(l), Options: opts}
	}
	return out
}

// Answers holds the chosen option (0..AnswerMax) per question ID.
type Answers map[string]int

// Errors of the screening and the decision on its advice.
var (
	ErrUnanswered   = errors.New("not every question has an answer")
	ErrAnswerRange  = errors.New("an answer is not one of the options")
	ErrNoScreening  = errors.New("the case has no screening yet: do the screening first")
	ErrReasonNeeded = errors.New("say why the advice is not followed")
)

// MaxPoints is the highest score of one dimension.
func MaxPoints(d Dimension) int {
	n := 0
	for _, q := range questionSpecs {
		if q.dim == d {
			n += AnswerMax
		}
	}
	return n
}

// Points adds up the answers per dimension; unknown questions do not count.
func Points(a Answers) (motivation, skills int) {
	for _, q := range questionSpecs {
		v := min(max(a[q.id], 0), AnswerMax)
		if q.dim == Motivation {
			motivation += v
		} else {
			skills += v
		}
	}
	return motivation, skills
}

// levelOf is high from two thirds of the points: on four questions that is
// an answer of "usually" on average. A score in between counts as low, so a
// doubt leads to more support, never less.
func levelOf(points int, d Dimension) Level {
	if 3*points >= 2*MaxPoints(d) {
		return LevelHigh
	}
	return LevelLow
}

// Score turns complete answers into a profile.
func Score(a Answers) (Profile, error) {
	for _, q := range questionSpecs {
		v, ok := a[q.id]
		if !ok {
			return Profile{}, fmt.Errorf("question %q: %w", q.id, ErrUnanswered)
		}
		if v < 0 || v > AnswerMax {
			return Profile{}, fmt.Errorf("question %q, answer %d: %w", q.id, v, ErrAnswerRange)
		}
	}
	m, s := Points(a)
	return Profile{Motivation: levelOf(m, Motivation), Skills: levelOf(s, Skills)}, nil
}

// Support is how much practical help the advice suggests.
type Support string

const (
	SupportLight     Support = "light"     // the resident does most steps alone
	SupportPractical Support = "practical" // practical steps go to a volunteer or are done together
	SupportClose     Support = "close"     // few steps, short and frequent contact
	SupportIntensive Support = "intensive" // small steps, a volunteer, fixed costs paid first
)

// Advice is what a profile suggests. It never closes a case or leaves help
// out; the specialist accepts or overrides it.
type Advice struct {
	Profile Profile
	Dose    int // how many steps at once
	Support Support
	// VolunteerForPractical: hand practical steps (post, forms, calls) to a
	// volunteer, or let the resident do them together with one.
	VolunteerForPractical bool
	// FixedCostsFirst: make sure rent, energy, water and health insurance
	// are paid first, for example through budget management.
	FixedCostsFirst bool
	summary         words
	offer           []words
}

// Summary is the advice in one or two sentences, for the specialist.
func (a Advice) Summary(l Lang) string { return a.summary.in(l) }

// Offer lists what to offer: the help that fits this profile.
func (a Advice) Offer(l Lang) []string {
	out := make([]string, len(a.offer))
	for i, w := range a.offer {
		out[i] = w.in(l)
	}
	return out
}

// AdviceNote is said with every advice.
func AdviceNote(l Lang) string {
	return words{
		"Dit is een advies; jij beslist. Een profiel is nooit een reden om hulp te stoppen of uit te stellen.",
		"This is advice; you decide. A profile is never a reason to stop or delay help.",
	}.in(l)
}

var (
	offerVolunteer = words{"Een vrijwilliger die post, formulieren en bellen samen met de inwoner doet",
		"A volunteer who deals with post, forms and calls together with the resident"}
	offerHomeFiles = words{"Samen thuis mappen en een betaalkalender maken",
		"Setting up folders at home and a payment calendar together"}
	offerSmaller = words{"Kleinere stappen: deel een grote stap op in twee of drie",
		"Smaller steps: split a big step into two or three"}
	offerFixedCosts = words{"Eerst zorgen dat huur, energie, water en zorgverzekering betaald worden, bijvoorbeeld met budgetbeheer",
		"First making sure rent, energy, water and health insurance are paid, for example through budget management"}
	offerOften = words{"Vaker kort contact, bijvoorbeeld elke week tien minuten",
		"Short contact more often, for example ten minutes every week"}
	offerPeer = words{"Een ervaringsdeskundige: iemand die zelf schulden heeft gehad",
		"An expert by experience: someone who has had debts too"}
	offerChoose = words{"De inwoner zelf laten kiezen welke stap eerst komt",
		"Letting the resident choose which step comes first"}
	offerStandby = words{"Een vrijwilliger achter de hand, voor als het tegenzit",
		"A volunteer on standby, for when things get hard"}
)

// Advise gives the advice for a profile: 5 steps at once for high
// motivation and high skills, down to 2 when both are low.
func Advise(p Profile) Advice {
	a := Advice{Profile: p}
	switch {
	case p.Motivation == LevelHigh && p.Skills == LevelHigh:
		a.Dose, a.Support = 5, SupportLight
		a.summary = words{
			"Veel zelf doen gaat goed. Geef meer stappen tegelijk en laat de inwoner de volgorde kiezen.",
			"Doing a lot alone works well. Give more steps at once and let the resident choose the order.",
		}
		a.offer = []words{offerChoose, offerStandby}
	case p.Motivation == LevelHigh:
		a.Dose, a.Support, a.VolunteerForPractical = 3, SupportPractical, true
		a.summary = words{
			"De wil is er, het regelen is lastig. Geef praktische stappen aan een vrijwilliger, of laat de inwoner ze samen met een vrijwilliger doen.",
			"The will is there; the paperwork is hard. Hand practical steps to a volunteer, or let the resident do them together with one.",
		}
		a.offer = []words{offerVolunteer, offerHomeFiles, offerSmaller}
	case p.Skills == LevelHigh:
		a.Dose, a.Support = 3, SupportClose
		a.summary = words{
			"Het regelen lukt wel, volhouden is zwaar. Geef weinig stappen tegelijk, laat zien wat al klaar is en spreek elkaar vaker kort.",
			"The paperwork works out; keeping going is hard. Give few steps at once, show what is already done, and talk briefly more often.",
		}
		a.offer = []words{offerOften, offerPeer, offerChoose}
	default:
		a.Dose, a.Support, a.VolunteerForPractical, a.FixedCostsFirst = 2, SupportIntensive, true, true
		a.summary = words{
			"Nu is veel tegelijk te zwaar. Begin met kleine stappen, laat een vrijwilliger het praktische werk samen met de inwoner doen, en zorg eerst dat de vaste lasten betaald worden.",
			"Right now a lot at once is too much. Start with small steps, let a volunteer do the practical work together with the resident, and first make sure the fixed costs get paid.",
		}
		a.offer = []words{offerSmaller, offerVolunteer, offerFixedCosts, offerOften, offerPeer}
	}
	return a
}

// Screening is one screening of a case: when, the answers and the profile
// they gave. Earlier is the screening before it (without its own earlier
// one), so a later screening can show what changed.
type Screening struct {
	Date    Date       `json:"date"`
	Answers Answers    `json:"answers"`
	Profile Profile    `json:"profile"`
	Earlier *Screening `json:"earlier,omitempty"`
}

// Points adds up this screening's answers per dimension.
func (s Screening) Points() (motivation, skills int) { return Points(s.Answers) }

// RecordScreening stores complete answers as the case's latest screening.
// The one before it is kept as Earlier; a second screening on the same day
// corrects the first instead of counting as a change.
func RecordScreening(c Case, a Answers, on Date) (Case, error) {
	if on.IsZero() {
		return c, &InvalidError{Field: "profile", Value: "no date"}
	}
	p, err := Score(a)
	if err != nil {
		return c, err
	}
	s := &Screening{Date: on, Answers: Answers{}, Profile: p}
	for _, q := range questionSpecs {
		s.Answers[q.id] = a[q.id]
	}
	if prev := c.Screening; prev != nil {
		if prev.Date == on {
			s.Earlier = prev.Earlier
		} else {
			earlier := *prev
			earlier.Answers = maps.Clone(prev.Answers)
			earlier.Earlier = nil
			s.Earlier = &earlier
		}
	}
	c.Screening = s
	return c, nil
}

// ProfileDecision is what the specialist did with the advice: accepted it,
// or chose another dose for a reason. It names the screening it answers.
type ProfileDecision struct {
	Date     Date    `json:"date"`
	Screened Date    `json:"screened"` // the date of the screening whose advice this answers
	Profile  Profile `json:"profile"`
	Advised  int     `json:"advised"` // the dose the advice gave
	Dose     int     `json:"dose"`    // the dose chosen
	Accepted bool    `json:"accepted"`
	Reason   string  `json:"reason,omitempty"`
}

// AcceptAdvice sets the case's dose to the advice of its latest screening.
func AcceptAdvice(c Case, on Date) (Case, error) {
	if c.Screening == nil {
		return c, ErrNoScreening
	}
	adv := Advise(c.Screening.Profile)
	c.Dose = adv.Dose
	c.Decision = &ProfileDecision{Date: on, Screened: c.Screening.Date, Profile: c.Screening.Profile,
		Advised: adv.Dose, Dose: adv.Dose, Accepted: true}
	return c, nil
}

// OverrideAdvice sets another dose than advised; the reason is required and
// kept with the decision.
func OverrideAdvice(c Case, dose int, reason string, on Date) (Case, error) {
	if c.Screening == nil {
		return c, ErrNoScreening
	}
	reason = CleanText(reason, true)
	if reason == "" {
		return c, ErrReasonNeeded
	}
	if err := checkLen("reason", reason, MaxText); err != nil {
		return c, err
	}
	if dose < MinDose || dose > MaxDose {
		return c, &InvalidError{Field: "dose", Value: fmt.Sprint(dose)}
	}
	adv := Advise(c.Screening.Profile)
	c.Dose = dose
	c.Decision = &ProfileDecision{Date: on, Screened: c.Screening.Date, Profile: c.Screening.Profile,
		Advised: adv.Dose, Dose: dose, Reason: reason}
	return c, nil
}

// AdvicePending is true when the latest screening's advice has not been
// accepted or overridden yet.
func AdvicePending(c Case) bool {
	if c.Screening == nil {
		return false
	}
	d := c.Decision
	return d == nil || d.Screened != c.Screening.Date || d.Profile != c.Screening.Profile
}

// ScreeningChange is how a later screening differs from an earlier one.
type ScreeningChange struct {
	From, To                     Date
	MotivationFrom, MotivationTo int
	SkillsFrom, SkillsTo         int
	ProfileFrom, ProfileTo       Profile
	Answers                      []AnswerChange // in question order
}

// AnswerChange is one question whose answer moved.
type AnswerChange struct {
	Question string
	From, To int
}

// Changed is true when any answer moved.
func (c ScreeningChange) Changed() bool { return len(c.Answers) > 0 }

// CompareScreenings says what moved between two screenings.
func CompareScreenings(earlier, later Screening) ScreeningChange {
	ch := ScreeningChange{From: earlier.Date, To: later.Date, ProfileFrom: earlier.Profile, ProfileTo: later.Profile}
	ch.MotivationFrom, ch.SkillsFrom = earlier.Points()
	ch.MotivationTo, ch.SkillsTo = later.Points()
	for _, q := range questionSpecs {
		o, n := earlier.Answers[q.id], later.Answers[q.id]
		if o != n {
			ch.Answers = append(ch.Answers, AnswerChange{Question: q.id, From: o, To: n})
		}
	}
	return ch
}

// Change compares the screening with the one before it, if there is one.
func (s Screening) Change() (ScreeningChange, bool) {
	if s.Earlier == nil {
		return ScreeningChange{}, false
	}
	return CompareScreenings(*s.Earlier, s), true
}

var (
	dimensionWords = map[Dimension]words{Motivation: {"Motivatie", "Motivation"}, Skills: {"Vaardigheden", "Skills"}}
	levelWords     = map[Level]words{LevelLow: {"laag", "low"}, LevelHigh: {"hoog", "high"}}
	supportWords   = map[Support]words{
		SupportLight:     {"licht: de inwoner doet veel zelf", "light: the resident does a lot alone"},
		SupportPractical: {"praktisch: een vrijwilliger doet het praktische werk mee", "practical: a volunteer joins in the practical work"},
		SupportClose:     {"dichtbij: weinig stappen, vaker kort contact", "close: few steps, short contact more often"},
		SupportIntensive: {"veel: kleine stappen, een vrijwilliger, vaste lasten eerst", "a lot: small steps, a volunteer, fixed costs first"},
	}
)

func DimensionLabel(d Dimension, l Lang) string { return label(dimensionWords, d, l) }
func LevelLabel(v Level, l Lang) string         { return label(levelWords, v, l) }
func SupportLabel(s Support, l Lang) string     { return label(supportWords, s, l) }

// ProfileLabel names a profile for the specialist's screens, such as
// "Motivatie hoog, vaardigheden laag". It is never shown to the resident.
func ProfileLabel(p Profile, l Lang) string {
	return DimensionLabel(Motivation, l) + " " + LevelLabel(p.Motivation, l) + ", " +
		strings.ToLower(DimensionLabel(Skills, l)) + " " + LevelLabel(p.Skills, l)
}

// ScreeningChangeLines describes a change for the specialist, one line per
// dimension: "Motivatie: 5 → 9 van 12 (laag → hoog)".
func ScreeningChangeLines(ch ScreeningChange, l Lang) []string {
	of := words{"van", "of"}.in(l)
	line := func(d Dimension, from, to int, lf, lt Level) string {
		lv := LevelLabel(lt, l)
		if lf != lt {
			lv = LevelLabel(lf, l) + " → " + lv
		}
		return fmt.Sprintf("%s: %d → %d %s %d (%s)", DimensionLabel(d, l), from, to, of, MaxPoints(d), lv)
	}
	return []string{
		line(Motivation, ch.MotivationFrom, ch.MotivationTo, ch.ProfileFrom.Motivation, ch.ProfileTo.Motivation),
		line(Skills, ch.SkillsFrom, ch.SkillsTo, ch.ProfileFrom.Skills, ch.ProfileTo.Skills),
	}
}

// Limits that keep the profile and signal fields small.
const (
	maxAnswers = 32
	MaxSignals = 100
)

func (s *Screening) validate(field string) error {
	if s.Date.IsZero() {
		return &InvalidError{Field: field, Value: "no date"}
	}
	if !s.Profile.Valid() {
		return &InvalidError{Field: field, Value: string(s.Profile.Motivation) + "/" + string(s.Profile.Skills)}
	}
	if len(s.Answers) > maxAnswers {
		return &InvalidError{Field: field, Value: fmt.Sprintf("%d answers", len(s.Answers))}
	}
	// Only the range is checked, not the question IDs: a screening made with
	// another version's questions must not make its case unsaveable.
	for _, id := range slices.Sorted(maps.Keys(s.Answers)) {
		if v := s.Answers[id]; v < 0 || v > AnswerMax || len(id) > MaxTemplateKey {
			return &InvalidError{Field: field, Value: fmt.Sprintf("%.60s=%d", id, v)}
		}
	}
	return nil
}

// validateProfileAndSignals checks the fields of the profile screening and
// of aftercare; Case.Validate calls it.
func (c Case) validateProfileAndSignals() error {
	if c.Source.Kind != SourceEarlyWarning && (c.Source.Signal != SignalNone || !c.Source.SignalDate.IsZero()) {
		// how the case started: a signal's kind and date belong to early warning only
		return &InvalidError{Field: "signal", Value: string(c.Source.Signal) + " " + c.Source.SignalDate.String()}
	}
	if s := c.Screening; s != nil {
		if err := s.validate("profile"); err != nil {
			return err
		}
		if e := s.Earlier; e != nil {
			if e.Earlier != nil {
				return &InvalidError{Field: "profile", Value: "more than one earlier screening"}
			}
			if err := e.validate("profile"); err != nil {
				return err
			}
		}
	}
	if d := c.Decision; d != nil {
		switch {
		case d.Dose < MinDose || d.Dose > MaxDose:
			return &InvalidError{Field: "profile_decision", Value: fmt.Sprintf("dose %d", d.Dose)}
		case !d.Profile.Valid():
			return &InvalidError{Field: "profile_decision", Value: "profile"}
		case !d.Accepted && strings.TrimSpace(d.Reason) == "":
			return &InvalidError{Field: "profile_decision", Value: "no reason"}
		}
		if err := checkLen("profile_decision", d.Reason, MaxText); err != nil {
			return err
		}
	}
	if len(c.Signals) > MaxSignals {
		return &LimitError{Field: "signals", Limit: MaxSignals, Got: len(c.Signals)}
	}
	for _, s := range c.Signals {
		if s.Kind == SignalNone || !s.Kind.Valid() || s.Date.IsZero() {
			return &InvalidError{Field: "signals", Value: string(s.Kind) + " " + s.Date.String()}
		}
	}
	return nil
}

// FieldValueText puts the stored value of a profile or aftercare field
// (profile, profile_decision, signals) into words for the history screen;
// ok is false for any other field. A value that does not decode is shown
// as it is.
func FieldValueText(field, value string, l Lang) (text string, ok bool) {
	if field != "profile" && field != "profile_decision" && field != "signals" {
		return "", false
	}
	if value == "" {
		return "", true
	}
	var err error
	switch field {
	case "profile":
		var s Screening
		if err = json.Unmarshal([]byte(value), &s); err == nil {
			m, sk := s.Points()
			text = fmt.Sprintf("%s (%s; %d/%d, %d/%d)", ProfileLabel(s.Profile, l), s.Date,
				m, MaxPoints(Motivation), sk, MaxPoints(Skills))
		}
	case "profile_decision":
		var d ProfileDecision
		if err = json.Unmarshal([]byte(value), &d); err == nil {
			if d.Accepted {
				text = fmt.Sprintf(words{"advies overgenomen: %d stappen tegelijk", "advice accepted: %d steps at once"}.in(l), d.Dose)
			} else {
				text = fmt.Sprintf(words{"%d stappen tegelijk in plaats van %d: %s", "%d steps at once instead of %d: %s"}.in(l), d.Dose, d.Advised, d.Reason)
			}
		}
	case "signals":
		var ss []Signal
		if err = json.Unmarshal([]byte(value), &ss); err == nil {
			parts := make([]string, len(ss))
			for i, s := range ss {
				parts[i] = SignalLabel(s.Kind, l) + " " + s.Date.String()
			}
			text = strings.Join(parts, ", ")
		}
	}
	if err != nil {
		return value, true
	}
	return text, true
}

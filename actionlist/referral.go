package actionlist

import (
	"fmt"
	"slices"
	"strings"
)

// Other help: debts seldom come alone. A referral step connects the resident
// to help on another life area. The generalist owns it and hands over warmly:
// they make the first contact together with the resident rather than passing
// on a phone number. What came of it goes in the step's Outcome.

// Area is a life area a referral is for.
type Area string

const (
	AreaGP           Area = "gp"
	AreaMentalHealth Area = "mental_health"
	AreaAddiction    Area = "addiction"
	AreaSocialWork   Area = "social_work"
	AreaFamily       Area = "family"
	AreaWork         Area = "work"
)

// Areas lists the life areas in the order the screens offer them.
var Areas = []Area{AreaGP, AreaMentalHealth, AreaAddiction, AreaSocialWork, AreaFamily, AreaWork}

func (a Area) Valid() bool { return slices.Contains(Areas, a) }

// KeyReferralPrefix starts a referral step's key; the area follows.
const KeyReferralPrefix = "referral-"

// ReferralDays is how long a referral typically takes to a first contact.
const ReferralDays = 14

var areaWords = map[Area]words{
	AreaGP:           {"huisarts", "GP"},
	AreaMentalHealth: {"geestelijke gezondheid (ggz)", "mental health care"},
	AreaAddiction:    {"verslavingszorg", "addiction care"},
	AreaSocialWork:   {"maatschappelijk werk", "social work"},
	AreaFamily:       {"gezinsondersteuning", "family support"},
	AreaWork:         {"werk", "work"},
}

func AreaLabel(a Area, l Lang) string { return label(areaWords, a, l) }

type referralText struct {
	with words // completes "make a first appointment ..."
	why  words
}

var referralTexts = map[Area]referralText{
	AreaGP: {
		words{"bij je huisarts", "with your GP"},
		words{"Geldzorgen kunnen je slaap en je gezondheid raken. De huisarts kan daarbij helpen en weet waar je verder terecht kunt.",
			"Money worries can affect your sleep and your health. Your GP can help with that and knows where else you can go."},
	},
	AreaMentalHealth: {
		words{"bij een psycholoog of de ggz", "with a psychologist or mental health care"},
		words{"Als je veel piekert, somber bent of bang, is het zwaar om ook nog je geld te regelen. Hulp daarbij maakt de rest makkelijker.",
			"When you worry a lot, feel low or afraid, it is hard to sort out your money as well. Help with that makes the rest easier."},
	},
	AreaAddiction: {
		words{"bij de verslavingszorg", "with addiction care"},
		words{"Drinken, drugs of gokken kosten geld en energie. De verslavingszorg helpt je, zonder oordeel.",
			"Drinking, drugs or gambling cost money and energy. Addiction care helps you, without judging you."},
	},
	AreaSocialWork: {
		words{"bij maatschappelijk werk", "with social work"},
		words{"Maatschappelijk werk helpt bij zorgen over je woning, je relatie of instanties. Zo hoef je niet alles alleen te dragen.",
			"Social work helps with worries about your home, your relationship or official bodies. That way you do not carry everything alone."},
	},
	AreaFamily: {
		words{"bij gezinsondersteuning", "with family support"},
		words{"Als het thuis met de kinderen of in het gezin zwaar is, kan gezinsondersteuning meedenken en helpen.",
			"When things are hard at home, with the children or in the family, family support can think along and help."},
	},
	AreaWork: {
		words{"bij een werkcoach", "with a work coach"},
		words{"Werk, of meer uren, geeft meer inkomen en vaak ook meer rust. Een werkcoach zoekt met je naar wat bij je past.",
			"Work, or more hours, brings more income and often more calm too. A work coach looks with you for what suits you."},
	},
}

// warmHandover is every referral's expectation.
var warmHandover = words{
	"De generalist zorgt voor een warme overdracht: die belt samen met jou of gaat mee naar het eerste gesprek, zodat je je verhaal niet alleen hoeft te doen. Je beslist zelf of je die hulp wilt. Daarna schrijft de generalist op wat het heeft opgeleverd.",
	"The generalist makes a warm handover: they call together with you or come along to the first meeting, so you do not have to tell your story alone. You decide yourself whether you want the help. Afterwards the generalist writes down what came of it.",
}

// ReferralStep makes a referral for a life area in the case's language: in
// the phase "other help", owned by the case's generalist, due in
// ReferralDays. It has no ID yet; the store gives it one when it is added.
func ReferralStep(c Case, a Area, today Date) (Step, error) {
	t, ok := referralTexts[a]
	if !ok {
		return Step{}, &InvalidError{Field: "area", Value: string(a)}
	}
	l := c.Language.Working()
	title := fmt.Sprintf(words{"Maak samen met de generalist een eerste afspraak %s", "Make a first appointment %s, together with the generalist"}.in(l), t.with.in(l))
	return Step{
		Key: KeyReferralPrefix + string(a), Phase: PhaseOtherHelp, Order: NextOrder(c.Steps, PhaseOtherHelp),
		Title: title, Why: t.why.in(l), After: warmHandover.in(l),
		Owner: RoleGeneralist, OwnerName: ownerName(c, RoleGeneralist),
		Due: today.AddDays(ReferralDays), Status: StepOpen, Days: ReferralDays,
	}, nil
}

// ReferralArea tells the life area of a referral step.
func ReferralArea(s Step) (Area, bool) {
	a := Area(strings.TrimPrefix(s.Key, KeyReferralPrefix))
	if !strings.HasPrefix(s.Key, KeyReferralPrefix) || !a.Valid() {
		return "", false
	}
	return a, true
}

// SetOutcome records what came of a step (a referral's result), cleaned and
// within the field's limit.
func SetOutcome(s Step, outcome string) (Step, error) {
	outcome = CleanText(outcome, true)
	f, _ := LookupStepField("outcome")
	if err := checkLen(f.Name, outcome, f.Limit); err != nil {
		return s, err
	}
	s.Outcome = outcome
	return s, nil
}

package cli

var signalDutch = signalText{
	Signals: command{
		Short: "Vroegsignalering: betalingsachterstanden gemeld voordat er een dossier is",
		Long: `Signalen zijn de meldingen van betalingsachterstanden die partners (energie,
water, woningcorporaties en verhuurders, zorgverzekeraars, gemeentelijke
belastingen) doen voordat iemand om hulp vroeg. Lees ze in uit de CSV-export
van het signaleringsplatform; het signalenscherm (V in de dossierlijst) toont
de open signalen, de meest dringende eerst, legt de pogingen vast om iemand
te bereiken en maakt van een signaal een dossier.`,
	},
	SignalsImport: command{
		Short: "Een CSV-bestand met signalen inlezen, helemaal of niet",
		Long: `Import leest een CSV-bestand met een kopregel, zoals een signaleringsplatform
het exporteert (komma of puntkomma). Elk veld komt standaard uit de kolom met
dezelfde naam; zeg het anders met --map VELD=KOLOM (vaker), of in een
koppelbestand met --columns, een "veld = Kolom" per regel.

De velden: partner, amount, date en name zijn nodig; arrears_since, crisis,
address en phone mogen. Alleen de gekoppelde kolommen worden gelezen: een
kolom die Houvast niet bewaart, zoals een BSN, wordt nooit bekeken. Een BSN
in een gekoppelde kolom weigert het bestand.

Het bestand gaat er helemaal in of niet: elke foute rij wordt genoemd met rij
en kolom, en er wordt niets ingelezen tot het bestand klopt. Een signaal dat
er al is (dezelfde partner, datum en persoon) komt er niet twee keer in, dus
hetzelfde bestand nog eens inlezen voegt niets toe.`,
		Example: `  houvast signals import signalen.csv
  houvast signals import export.csv --map partner=Soort --map amount=Bedrag --map date=Datum --map name=Voornaam
  houvast signals import export.csv --columns koppeling.txt`,
	},
	ReportMerge: command{
		Short: "De teamrapporten van meer laptops optellen",
		Long: `Merge telt de bestanden op die houvast report --format json op elke laptop
van een team schreef, voor een periode. Een bestand van dezelfde laptop en
periode dat twee keer wordt gegeven telt een keer. Het resultaat komt als
tekst, als lange CSV (periode, maat, sleutel, waarde, en de DDAS-code naast
de sleutel) die elk rekenblad of SQL-programma leest, of als JSON.`,
		Example: `  houvast report merge laptop-*.json
  houvast report merge --format csv *.json > team.csv`,
	},
	FlagMap:         "een veld en de kolom waar het uit komt, als veld=Kolom (vaker)",
	FlagColumns:     `een koppelbestand: een "veld = Kolom" per regel`,
	FlagMergeFormat: "txt om te lezen, csv voor een rekenblad, json om later weer op te tellen",

	SignalsImported:  "%d signaal/signalen gelezen uit %s: %d nieuw, %d waren er al (dezelfde partner, datum en persoon) en zijn gebleven zoals ze waren.",
	ColumnsFile:      "Houvast kan het koppelbestand %s niet lezen (%v). Er is niets ingelezen.",
	BadTeamFormat:    "Onbekend formaat %q: kies --format txt, csv of json.",
	MergeUnreadable:  "%s is geen teamrapport (houvast report --format json maakt er een): %v. Er is niets opgeteld.",
	MergeTwice:       "%d bestand(en) kwamen twee keer voor (dezelfde laptop en periode) en tellen een keer.",
	MergePeriods:     "%s gaat over een andere periode dan het eerste bestand. Tel de bestanden van een periode op; er is niets opgeteld.",
	MergeMerged:      "%s is al een opgeteld bestand; tel de eigen bestanden van de laptops op. Er is niets opgeteld.",
	MergeNewer:       "%s is gemaakt door een nieuwere Houvast; werk Houvast bij om het op te tellen. Er is niets opgeteld.",
	MergeNone:        "Geef de bestanden om op te tellen, bijvoorbeeld: houvast report merge laptop-*.json",
	SignalsDueList:   "Deze %d signalen werden geen dossier en zijn voorbij hun bewaartermijn van %d maanden:",
	SignalErased:     "Het signaal van %s (%s, %s) is gewist.",
	EraseNoSignalDue: "Er zijn geen signalen voorbij hun bewaartermijn van %d maanden.",
	FlagSignals:      "hoeveel signalen die geen dossier werden er gemaakt worden (elk dossier uit vroegsignalering krijgt ook zijn eigen signaal)",
	SeedSignals:      "En %d signalen uit vroegsignalering.",
	SeedBadSignals:   "--signals moet een getal zijn van 0 tot %d.",
	SignalsDue:       "Bewaartermijn voorbij: %d signaal/signalen die geen dossier werden zijn ouder dan %d maanden. Wis ze met 'houvast erase --due'.",
}

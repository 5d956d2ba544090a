package cli

var dutchHelp = help{
	Root: command{
		Short: "Dossiers en een gedoseerde actielijst voor schuldhulp",
		Long: `Houvast bewaart dossiers van schuldhulp in een SQLite-bestand op deze laptop.
Het toont een gedoseerde actielijst, stap voor stap: steeds een paar concrete
volgende stappen, elk met wie het doet, wanneer en wat er daarna gebeurt. Er
gaat niets over een netwerk.

Zonder opdracht opent houvast het scherm met de standaarddatabase.`,
	},
	Demo: command{
		Short: "Probeer Houvast uit op een wegwerpdatabase met voorbeelddossiers",
		Long: `Demo opent het scherm op een nieuwe database met vijf voorbeelddossiers die op
echte dossiers lijken, elk in een andere fase: Fatima midden in de
stabilisatie (een paar stappen klaar, één te laat, een vrijwilliger aan het
werk, een afspraak gemaakt en een volgende gepland), een intake met een
dreigende huisuitzetting waarvan het eerste gesprek binnen een paar dagen moet,
een dossier dat achterloopt, één in de nazorg met een gesprek dat eraan komt,
en een rustig dossier in de schuldregeling. Zo heeft de agenda iets te laten
zien. Zonder --db is de database tijdelijk: hij verdwijnt als je stopt. Met
--db blijft hij daar bewaard (dat bestand mag nog niet bestaan).`,
	},
	Cases: command{
		Short: "Toon de dossiers met hun status, voortgang en volgende afspraak",
		Example: `  houvast cases
  houvast cases --json | jq '.[] | select(.overdue > 0) | .ref'`,
	},
	Check: command{
		Short: "Controleer de database op schade; de exitcode zegt of hij in orde is (0) of niet (2)",
		Long: `Check leest elke pagina van de database. Dat is de integriteitscontrole van
SQLite: die vindt schade die je bij gewoon gebruik niet merkt. Check kijkt ook
naar elke koppeling tussen dossiers, stappen en gebeurtenissen, en naar elke
opgeslagen waarde. Exitcode 0: in orde. 2: er zijn problemen gevonden (check
noemt ze). 1: het bestand kon helemaal niet worden gecontroleerd (de melding
zegt waarom). Check maakt nooit een database: bestaat het bestand niet, dan
zegt check dat, en er wordt niets gemaakt.`,
	},
	Backup: command{
		Short: "Maak een reservekopie van de database alleen voor jou, ook als Houvast open is",
		Long: `Backup schrijft een kloppende kopie van de database, ook als Houvast in een
ander venster open is en iets opslaat. Alleen jij kunt de kopie lezen (mode
0600). De kopie is zelf ook een Houvast-database: open hem met --db BESTAND, of
zet hem terug met 'houvast backup restore BESTAND'.

Zonder -o komt de kopie naast de database. Hij krijgt de naam van de database,
met de datum en de tijd: houvast-backup-20261123-140512.db naast houvast.db.
Een bestand dat al bestaat, wordt nooit overschreven.

Is de database zo beschadigd dat hij niet te lezen is? Dan kopieert backup het
bestand byte voor byte, zoals het is. Zo kun je het bewaren en laten bekijken.`,
		Example: `  houvast backup
  houvast backup -o /media/usb/houvast-vrijdag.db`,
	},
	Restore: command{
		Short: "Zet een reservekopie terug in plaats van de database",
		Long: `Restore zet een reservekopie terug in plaats van de database. Dat kan een kopie
zijn die 'houvast backup' heeft gemaakt. Of de kopie die Houvast zelf maakt
voordat het de database bijwerkt naar een nieuwe indeling:
houvast.db.before-vN.bak. Dat gaat veilig:

  1. BESTAND wordt nooit veranderd. Eerst wordt een eigen kopie ervan
     gecontroleerd: dat moet een gezonde Houvast-database zijn die deze versie
     kan openen. Een kopie van een oudere Houvast wordt eerst bijgewerkt.
  2. Is Houvast in een ander venster open op de database? Dan weigert restore:
     sluit eerst alle Houvast-vensters.
  3. De database zoals hij nu is, wordt ernaast bewaard als
     houvast.db.before-restore-20261123-140512.bak, ook als hij beschadigd is.
  4. Pas dan wordt de inhoud vervangen, in één stap. Valt de laptop halverwege
     uit, dan is de database óf de oude óf de teruggezette.

Staat er op de plek van de database een bestand dat geen Houvast-database is?
Dat wordt nooit vervangen.`,
		Example: `  houvast backup restore houvast-backup-20261120-090000.db
  houvast backup restore ~/.local/share/houvast/houvast.db.before-v3.bak`,
	},
	Erase: command{
		Short: "Wis afgesloten dossiers voorgoed",
		Long: `Erase wist een afgesloten dossier voorgoed: het dossier, de stappen, de
afspraken en de geschiedenis. Daarna wordt het bestand opnieuw opgebouwd. Zo
staat de naam van de inwoner er nergens meer in, ook niet in de vrije ruimte.
Een dossier dat niet is afgesloten, wordt geweigerd: sluit het eerst af (x in
de lijst met dossiers).

Houvast herinnert je eraan (in 'houvast check' en in de lijst met dossiers) om
afgesloten dossiers te wissen als hun bewaartermijn voorbij is. Dat is 12
maanden na het afsluiten, of het aantal maanden in $HOUVAST_RETENTION_MONTHS
(1 tot en met 120). --due wist al die dossiers.

Op een terminal vraagt erase je om te bevestigen: typ het kenmerk (of, met
--due, het woord dat de vraag noemt). In een script zet je er --yes bij.

Reservekopieën die je eerder hebt gemaakt, bevatten een gewist dossier nog wel.
Erase noemt de kopieën die het naast de database vindt. --compact bouwt het
bestand nog een keer opnieuw op. Gebruik dat als erase zei dat een ander
venster in de weg zat.`,
		Example: `  houvast erase --case 2025-014
  houvast erase --due
  houvast erase --due --months 24 --yes`,
	},
	Export: command{
		Short: "Schrijf een bestand dat van de laptop af gaat: een samenvatting, taken voor een vrijwilliger, een terugmelding, een heel dossier",
		Long: `Export schrijft een van de bestanden die van deze laptop af mogen. In elk
bestand staat alleen wat de lezer ervan nodig heeft:

  summary    de samenvatting van de voortgang voor de inwoner (md, html, txt,
             pdf of ics)
  volunteer  de taken van een vrijwilliger, met zo weinig mogelijk over de
             inwoner
  return     op de laptop van de vrijwilliger: wat de vrijwilliger heeft
             gedaan, voor de specialist
  case       een heel dossier met de geschiedenis, om het over te zetten of
             te archiveren
  cases      veel dossiers met hun geschiedenis in één bestand, om een
             caseload aan een collega over te dragen

Zonder -o gaat het bestand naar de standaarduitvoer. Een vrijwilligerspakket,
een terugmelding, een dossierbestand en een overdrachtsbestand bevatten
gegevens van de inwoner. Die worden daarom versleuteld met een wachtwoord
(twee keer typen, of --passphrase-file; age-versleuteling); 'houvast import'
(of elk ander age-programma) opent ze weer. --plain schrijft in plaats daarvan
leesbare JSON, en zegt wat dat betekent. Een samenvatting is van de inwoner
zelf en blijft leesbaar (--encrypt versleutelt ook die). Een bestand wordt
helemaal geschreven of helemaal niet. Alleen jij kunt het lezen (mode 0600).
Het komt nooit over de database, een ander SQLite-bestand of een map heen.
Lijkt een tekst op een BSN? Dan stopt de export, tenzij je bevestigt met
--allow-bsn.`,
	},
	ExportSummary: command{
		Short: "De samenvatting van de voortgang voor de inwoner, in de taal van het dossier",
		Long: `Summary schrijft wat de inwoner mee naar huis neemt, in de taal van het dossier
(niet die van de schermen). Erin staat: wat klaar is, de volgende stappen (wie
wat doet, wanneer, en wat er daarna gebeurt), de volgende afspraak, wat er is
afgesproken en bij wie de inwoner terecht kan. Nooit de notities van het team.
Nooit de stappen die voor later zijn bewaard (alleen hoeveel het er zijn). Een
kopie van een dossier bij een vrijwilliger bevat maar een deel van het dossier.
Daarvan maak je dus geen samenvatting.

Formaten: md (Markdown), html (één bestand dat je op A4 kunt afdrukken), txt,
pdf (heeft -o of een pipe nodig), ics (de afspraak en de eigen datums van de
inwoner, voor de agenda op een telefoon). Zonder --format bepaalt de extensie
van -o het formaat (bij een versleuteld bestand: wat vóór .age staat), anders
txt.`,
		Example: `  houvast export summary --case 2026-001
  houvast export summary --case 2026-001 -o fatima.pdf
  houvast export summary --case 2026-001 --format ics -o afspraken.ics`,
	},
	ExportVolunteer: command{
		Short: "De taken van een vrijwilliger, om op de laptop van de vrijwilliger te importeren",
		Long: `Volunteer schrijft een vrijwilligerspakket met alleen de stappen die
vrijwilligers doen: stappen van een vrijwilliger, en stappen die samen met een
vrijwilliger gebeuren (bij "Wie doet het?" staat "samen", met de naam van een
vrijwilliger of zonder naam). Van de inwoner staat alleen de voornaam erin. De
contactgegevens staan er alleen in met --with-contact. Nooit de notities van
het team, de notities van de inwoner, andere stappen of de rest van het
dossier. Met --volunteer staan alleen de stappen van die vrijwilliger erin. De
vrijwilliger importeert het pakket met 'houvast import'. Later stuurt de
vrijwilliger een terugmelding terug ('houvast export return'). Die importeer
jij hier.`,
		Example: `  houvast export volunteer --case 2026-001 -o sanne.age
  houvast export volunteer --case 2026-001 --volunteer Sanne --with-contact -o sanne.age`,
	},
	ExportReturn: command{
		Short: "Op de laptop van de vrijwilliger: wat de vrijwilliger heeft gedaan, voor de specialist",
		Long: `Return schrijft wat de vrijwilliger met de taken uit een pakket heeft gedaan
sinds het importeren: afvinken, notities en de rest. Bij elke wijziging staat
wanneer en door wie. Er staat altijd alles in sinds het importeren. Raakt een
bestand kwijt, dan is dat dus geen verlies: bij het importeren slaat de
specialist over wat al eerder is binnengekomen.`,
		Example: `  houvast export return --case 2026-001 -o terug.age`,
	},
	ExportCase: command{
		Short: "Een heel dossier met de geschiedenis, om naar een andere laptop over te zetten of te archiveren",
		Long: `Case schrijft elk veld van het dossier, de stappen, de afspraken en elke
gebeurtenis uit de geschiedenis. Alles met de oorspronkelijke identiteit en
tijd, in een JSON-formaat met een versienummer (zie docs/exchange-format.md).
'houvast import' op een andere laptop zet het precies zo terug. In dit bestand
staan de notities van het team, dus het wordt versleuteld met een wachtwoord;
--plain schrijft het onversleuteld, voor een archief dat op een andere manier
veilig is.`,
		Example: `  houvast export case --case 2026-001 -o 2026-001.age
  houvast export case --case 2026-001 --plain -o archief/2026-001.json`,
	},
	ExportDebts: command{
		Short: "De schulden van een dossier als spreadsheet, voor de kredietbank of een collega",
		Long: `Debts zet elke schuld van het dossier op een regel: schuldeiser,
incassobureau of deurwaarder, dossiernummer, soort, dreiging, bedrag,
oorspronkelijk bedrag, de stand van de saldo-opgave met de datums en het
bevestigde bedrag. CSV wordt geschreven zoals Nederlandse spreadsheets het
openen (puntkomma's, een decimale komma, UTF-8 met BOM); XLSX bewaart de
bedragen als getallen. De notities van het team blijven erbuiten. Het soort
bestand volgt de naam (.csv of .xlsx), tenzij --format het zegt. Een
dossiernummer dat op een BSN lijkt houdt de export tegen; na --allow-bsn
wordt het onthouden als nagekeken en niet opnieuw gevraagd, tenzij het
verandert.`,
		Example: `  houvast export debts --case 2026-001 -o schulden.xlsx
  houvast export debts --case 2026-001 --format csv -o schulden.csv`,
	},
	ExportCases: command{
		Short: "Veel dossiers met hun geschiedenis in één bestand, om een caseload aan een collega over te dragen",
		Long: `Cases schrijft de gekozen dossiers, elk met elk veld, elke stap, afspraak en
gebeurtenis uit de geschiedenis, in één overdrachtsbestand, versleuteld met
een wachtwoord. Zonder --status gaan alle dossiers mee die niet zijn
afgesloten; --status kiest één status (intake, stabilisation, arrangement,
aftercare, closed); --all neemt alle dossiers, ook de afgesloten. Een kopie
van een vrijwilliger bevat maar een deel van een dossier en gaat niet mee.
'houvast import' van het bestand op de laptop van je collega neemt alles in
één keer over, of, als er iets niet klopt, niets. Per dossier zegt het wat er
gebeurde: nieuw, bijgewerkt, gelaten zoals het was, of een nieuw kenmerk.`,
		Example: `  houvast export cases -o caseload.age
  houvast export cases --all -o alles.age
  houvast export cases --status aftercare -o nazorg.age`,
	},
	Import: command{
		Short: "Importeer een dossierbestand, een vrijwilligerspakket of een terugmelding van een vrijwilliger",
		Long: `Import leest een bestand dat met 'houvast export' is gemaakt, en herkent wat
het is:

  een dossierbestand       zet het hele dossier met de geschiedenis op deze
                           laptop
  een vrijwilligerspakket  zet de taken van de vrijwilliger op deze laptop
                           (een kopie die onthoudt waar hij vandaan komt)
  een terugmelding         voegt wat de vrijwilliger deed toe aan het
                           dossier: afgevinkte taken en notities komen
                           binnen. Wat jij intussen hebt veranderd, wordt
                           nooit overschreven. Elk verschil wordt getoond;
                           kies in het dossier met K welke versie blijft
  een overdrachtsbestand   zet de dossiers van een collega op deze laptop,
                           allemaal of geen, en zegt per dossier wat er
                           gebeurde

Een bestand dat met een wachtwoord is versleuteld, wordt herkend. Import vraagt
dan het wachtwoord (of leest het met --passphrase-file). Elk bestand wordt
eerst helemaal gecontroleerd: een beschadigd, onvolledig, onbekend of te groot
bestand, of een bestand met een stand die niet bestaat, een datum die niet te
lezen is, een te lange tekst of een wijziging van een stap die nooit in het
dossier stond, wordt helemaal geweigerd. Er verandert dan niets, en de melding
zegt wat er niet klopt. Staat er iets in dat op een BSN lijkt, dan vraagt
import het eerst (of is --allow-bsn nodig). Een dossier dat hier al staat, wordt
geweigerd. Behalve als je met --as-new een kopie maakt, met nieuwe identiteiten
en een nieuw kenmerk. Importeer je hetzelfde bestand twee keer, dan verandert
er de tweede keer niets. Is er nog geen database, dan komt een
vrijwilligerspakket in een nieuwe database.`,
		Example: `  houvast import sanne.json
  houvast import 2026-001.age --passphrase-file ~/.houvast-pass
  houvast import 2026-001.json --as-new`,
	},
	Report: command{
		Short: "Anonieme cijfers over de dossiers: geen namen, geen kenmerken",
		Long: `Report telt de dossiers die in een periode liepen: per status, per fase en hoe
ze begonnen. Hoe lang de stabilisatie duurde (mediaan). Hoeveel dossiers een
schuldregeling bereikten, en waarom andere stopten. Stappen die te laat zijn.
Contactmomenten in de nazorg: gedaan en gemist. Doorverwijzingen naar andere
hulp. Report toont alleen aantallen, nooit een naam, een kenmerk of een
getypte tekst. Je kunt het dus delen. Datums typ je zoals in de schermen
(2026-01-01, 1-1, 1 januari, vandaag). Zonder --to loopt de periode tot en met
vandaag.`,
		Example: `  houvast report
  houvast report --from 2026-01-01 --to 2026-06-30
  houvast report --from 1-1 --format csv > cijfers.csv`,
	},
	Seed: command{
		Short: "Vul een nieuwe database met verzonnen dossiers, om uit te proberen en te meten",
		Long: `Seed vult een nieuwe database met verzonnen dossiers die op echte lijken:
allerlei namen, fases, toestanden, datums, notities, gemaakte afspraken en
geplande afspraken. --steps is het aantal stappen van alle dossiers samen.
--events voegt zoveel wijzigingen aan stappen toe (afgevinkt, datum verzet,
notitie geschreven). Die worden als geschiedenis vastgelegd, net als bij echt
gebruik. Alles wordt in één keer opgeslagen: stopt seed halverwege, dan is er
niets opgeslagen.

Seed weigert een database waar al dossiers in staan. Seed komt nooit aan je
eigen database: geef het bestand op met --db. Dezelfde --seed maakt dezelfde
dossiers, met datums rond vandaag.`,
		Example: `  houvast seed --cases 1000 --steps 20000 --events 10000 --db load.db
  houvast --db load.db`,
	},
	Templates: command{
		Short: "Toon de sjablonen voor de actielijst: het standaardsjabloon en die van je team",
		Long: `Een sjabloon is de lijst met stappen waarmee een nieuw dossier begint. Houvast
heeft een standaardsjabloon voor de stabilisatie, in het Nederlands en het
Engels. Een team kan eigen sjablonen toevoegen: YAML-bestanden in de map die
deze opdracht toont (of in $HOUVAST_TEMPLATES). Begin met het standaardsjabloon
via 'houvast templates default > onsteam.yaml', pas het aan, en controleer het
met 'houvast templates check onsteam.yaml'.

Het overzicht voor de inwoner kan in het Nederlands, Engels, Turks, Pools of
Arabisch. De Turkse, Poolse en Arabische teksten van de stappen zijn een
concept: iemand die de taal als moedertaal spreekt moet ze nog nakijken. Met
een tekstbestand verbetert een team elke tekst in elke taal: begin met
'houvast templates default tr > ons-tr.yaml', houd alleen de stappen die je
verandert en alleen hun title, why of after, geef het bestand een eigen id, en
zet het in de map.`,
	},
	Agenda: command{
		Short: "Wat vandaag en deze week op je wacht, in alle open dossiers",
		Long: `Agenda zet op een rij wat aandacht vraagt, het dringendste eerst, en zegt bij
elk punt waarom het er staat: de termijnen van de schuldhulp die voorbij zijn
of binnen een paar dagen aflopen (het eerste gesprek binnen 4 weken na de
hulpvraag, of binnen 3 werkdagen bij een dreigende huisuitzetting, afsluiting
of het stoppen van de zorgverzekering; een crisis binnen 2 weken opgelost; de
streefdatum van de stabilisatie), afspraken, je eigen stappen en die van de
generalist die te laat zijn of eraan komen, nazorggesprekken, en stappen van
vrijwilligers die meer dan een week te laat zijn. Werkdagen tellen zonder
weekend en zonder Nederlandse feestdagen.

--ics schrijft een agendabestand voor je eigen agenda (Outlook, Thunderbird,
GNOME Agenda): alleen het kenmerk, de voornaam van de inwoner en waar het om
gaat, nooit een notitie. Elk punt houdt zijn eigen kenmerk, dus een nieuwer
bestand importeren werkt de punten bij in plaats van ze dubbel te zetten.`,
		Example: `  houvast agenda
  houvast agenda --days 13 --json
  houvast agenda --ics ~/agenda.ics`,
	},
	CasesLanguage: command{
		Short: "Kies de taal van het overzicht voor de inwoner: nl, en, tr, pl of ar",
		Long: `Het overzicht dat de inwoner meekrijgt is in de taal van het dossier:
Nederlands, Engels, Turks, Pools of Arabisch. De schermen en deze opdrachtregel
blijven in het Nederlands of Engels (--lang). Een dossier in het Turks, Pools of
Arabisch houdt zijn stappen in het Nederlands; het overzicht zet elke stap van
het sjabloon in de taal van de inwoner. De Turkse, Poolse en Arabische teksten
zijn een concept: iemand die de taal als moedertaal spreekt moet ze nog
nakijken (zie 'houvast templates --help' om ze te verbeteren).`,
		Example: `  houvast cases language 2026-001 tr`,
	},
	TemplatesCheck:   command{Short: "Controleer sjabloonbestanden; de exitcode zegt of ze allemaal goed zijn"},
	TemplatesDefault: command{Short: "Toon het standaardsjabloon (in de taal van --lang), of zijn teksten in een taal van de inwoner (nl, en, tr, pl, ar), als begin voor je eigen bestand"},

	FlagDB:           "databasebestand (standaard: $HOUVAST_DB, of houvast/houvast.db in de XDG-datamap)",
	FlagLang:         "taal van de schermen en meldingen: nl of en (standaard: $HOUVAST_LANG, anders uit LANG, anders nl)",
	FlagName:         "je naam, die bij elke wijziging wordt vastgelegd (standaard: $HOUVAST_NAME, anders je inlognaam)",
	FlagRole:         "wie je bent: specialist, of vrijwilliger voor de takenlijst van de vrijwilliger",
	FlagJSON:         "toon JSON, voor scripts",
	FlagCase:         "het kenmerk van het dossier (zie 'houvast cases')",
	FlagOutput:       "het bestand dat je wilt schrijven (standaard: de standaarduitvoer)",
	FlagEncrypt:      "versleutel het bestand met een wachtwoord (wordt twee keer gevraagd; age-versleuteling)",
	FlagPassFile:     "lees het wachtwoord uit de eerste regel van dit bestand, voor scripts",
	FlagAllowBSN:     "schrijf toch, ook al lijkt een tekst op een BSN (je hebt gecontroleerd dat het er geen is)",
	FlagFormat:       "md, html, txt, pdf of ics (standaard: uit de extensie van -o, anders txt)",
	FlagAllPages:     "Ook de bladzijden na de eerste: waarom elke stap telt, wat later komt, alle stappen die klaar zijn, alle afspraken, iedereen die helpt",
	FlagWithContact:  "neem de contactgegevens van de inwoner mee (telefoon, e-mail), als de taak dat nodig heeft",
	FlagDebtFormat:   "csv of xlsx; zonder deze vlag zegt de naam van het bestand het (csv als het naar standaarduitvoer gaat)",
	FlagWithDebts:    "neem per schuld de schuldeiser en het dossiernummer mee (geen bedragen), om schuldeisers te bellen",
	FlagVolunteer:    "alleen de stappen van de vrijwilliger met deze naam",
	FlagAsNew:        "importeer een dossier dat hier al staat als kopie, met nieuwe identiteiten en een nieuw kenmerk",
	FlagPlain:        "schrijf leesbare JSON, niet versleuteld (alleen als het bestand in veilige handen blijft)",
	FlagStatus:       "de dossiers met deze status: open (alles wat niet is afgesloten, de standaard), intake, stabilisation, arrangement, aftercare of closed",
	FlagAll:          "alle dossiers, ook de afgesloten",
	FlagImportBSN:    "importeer ook als een tekst op een BSN lijkt (je hebt gecontroleerd dat het er geen is)",
	FlagFrom:         "eerste dag van de periode (standaard: vanaf het eerste dossier)",
	FlagTo:           "laatste dag van de periode (standaard: vandaag)",
	FlagReportFormat: "txt om te lezen, csv voor een spreadsheet, json voor houvast report merge",
	FlagEraseCase:    "het kenmerk van het afgesloten dossier dat je wilt wissen (zie 'houvast cases')",
	FlagDue:          "wis elk afgesloten dossier waarvan de bewaartermijn voorbij is",
	FlagMonths:       "de bewaartermijn in maanden, voor --due (standaard: $HOUVAST_RETENTION_MONTHS, anders 12)",
	FlagCompact:      "bouw alleen het bestand opnieuw op, zodat er niets van het gewiste in achterblijft",
	FlagYes:          "vraag niet om bevestiging (voor scripts)",
	FlagBackupOutput: "het bestand dat je wilt schrijven (standaard: naast de database, met de datum en tijd)",
	FlagCases:        "hoeveel dossiers",
	FlagSteps:        "hoeveel stappen, van alle dossiers samen",
	FlagEvents:       "hoeveel extra wijzigingen aan stappen, van alle dossiers samen",
	FlagSeed:         "hetzelfde getal maakt dezelfde dossiers",
	FlagAgenda:       "begin op de agenda: wat vandaag en deze week op je wacht (of zet HOUVAST_START=agenda)",
	FlagDays:         "hoeveel dagen na vandaag de agenda vooruitkijkt (6: een week, vandaag en de zes dagen erna)",
	FlagICS:          "schrijf de agenda als agendabestand (.ics) in plaats van hem te tonen",
	FlagHelp:         "hulp bij %s",
	FlagVersion:      "versie van %s",
	HelpVerb:         "Hulp bij elke opdracht",
	CompletionVerb:   "Schrijf het script waarmee je shell de opdrachten en vlaggen van houvast aanvult",
}

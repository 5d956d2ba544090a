package export

// debtSummaryText is the debt overview's words in the resident's summary
// and the debt overview file's column heads, one struct per language like
// the rest of text, of which it is part.
type debtSummaryText struct {
	DebtsTitle                              string
	DebtsIntro                              string // %d creditors, %d of them answered
	DebtsCreditor, DebtsAmount, DebtsStatus string
	DebtsTotal                              string
	DebtsVia                                string // %s: the collection agency or bailiff, in brackets where the language allows
	DebtsNotAsked, DebtsAnswered            string
	DebtsAsked                              string // %s: the day it was asked
	DebtsDisputed, DebtsArrangement         string
	DebtsPaidOff, DebtsFirst                string
	DebtsProgress                           string // %d answered, %d creditors: the first page's line
	// The overview file for the credit bank (CSV and XLSX): column heads.
	FileCreditor, FileCollector, FileReference, FileKind, FileThreat string
	FileAmount, FileOriginal, FileState, FileAskedOn, FileAnsweredOn string
	FileConfirmed, FileSheet                                         string
}

var dutchDebtSummary = debtSummaryText{
	DebtsTitle:    "Je schulden op een rij",
	DebtsProgress: "%d van je %d schuldeisers hebben al gereageerd.",
	DebtsIntro:    "We hebben %d schuldeisers op de lijst. %d van hen hebben al gereageerd. Het bedrag is wat we nu weten; het kan nog veranderen.",
	DebtsCreditor: "Schuldeiser", DebtsAmount: "Bedrag", DebtsStatus: "Wat er nu gebeurt",
	DebtsTotal:       "Samen",
	DebtsVia:         "(via %s)",
	DebtsNotAsked:    "We vragen binnenkort na hoeveel het precies is.",
	DebtsAsked:       "We hebben op %s gevraagd hoeveel het precies is. We wachten op antwoord.",
	DebtsAnswered:    "Het bedrag is bevestigd.",
	DebtsDisputed:    "We kijken samen of dit bedrag klopt.",
	DebtsArrangement: "Deze schuld hoort bij de regeling.",
	DebtsPaidOff:     "Afbetaald. Deze is klaar.",
	DebtsFirst:       "Deze pakken we als eerste aan.",
	FileCreditor:     "Schuldeiser", FileCollector: "Incassobureau of deurwaarder", FileReference: "Dossiernummer",
	FileKind: "Soort", FileThreat: "Dreiging", FileAmount: "Bedrag", FileOriginal: "Oorspronkelijk bedrag",
	FileState: "Stand saldo-opgave", FileAskedOn: "Saldo gevraagd op", FileAnsweredOn: "Antwoord op",
	FileConfirmed: "Bevestigd bedrag", FileSheet: "Schulden",
}

var englishDebtSummary = debtSummaryText{
	DebtsTitle:    "Your debts at a glance",
	DebtsProgress: "%d of your %d creditors have answered already.",
	DebtsIntro:    "We have %d creditors on the list. %d of them have answered already. The amount is what we know now; it may still change.",
	DebtsCreditor: "Creditor", DebtsAmount: "Amount", DebtsStatus: "What is happening",
	DebtsTotal:       "Together",
	DebtsVia:         "(through %s)",
	DebtsNotAsked:    "We will soon ask exactly how much it is.",
	DebtsAsked:       "On %s we asked exactly how much it is. We are waiting for the answer.",
	DebtsAnswered:    "The amount is confirmed.",
	DebtsDisputed:    "We are checking together whether this amount is right.",
	DebtsArrangement: "This debt is part of the arrangement.",
	DebtsPaidOff:     "Paid off. This one is done.",
	DebtsFirst:       "We deal with this one first.",
	FileCreditor:     "Creditor", FileCollector: "Collection agency or bailiff", FileReference: "Reference",
	FileKind: "Kind", FileThreat: "Threat", FileAmount: "Amount", FileOriginal: "Original amount",
	FileState: "Balance request", FileAskedOn: "Balance asked on", FileAnsweredOn: "Answered on",
	FileConfirmed: "Confirmed amount", FileSheet: "Debts",
}

var turkishDebtSummary = debtSummaryText{
	DebtsTitle:    "Borçlarının listesi",
	DebtsProgress: "%d alacaklın şimdiden cevap verdi, toplam %d alacaklın var.",
	DebtsIntro:    "Listede %d alacaklı var. Bunlardan %d tanesi şimdiden cevap verdi. Miktar şu anda bildiğimiz kadardır; hâlâ değişebilir.",
	DebtsCreditor: "Alacaklı", DebtsAmount: "Miktar", DebtsStatus: "Şu anda ne oluyor",
	DebtsTotal:       "Toplam",
	DebtsVia:         "(%s aracılığıyla)",
	DebtsNotAsked:    "Tam olarak ne kadar olduğunu yakında soracağız.",
	DebtsAsked:       "%s tarihinde tam olarak ne kadar olduğunu sorduk. Cevap bekliyoruz.",
	DebtsAnswered:    "Miktar onaylandı.",
	DebtsDisputed:    "Bu miktarın doğru olup olmadığına birlikte bakıyoruz.",
	DebtsArrangement: "Bu borç, borç düzenlemesine dahil.",
	DebtsPaidOff:     "Ödendi. Bu borç bitti.",
	DebtsFirst:       "Önce bu borçla ilgileniyoruz.",
	FileCreditor:     "Alacaklı", FileCollector: "Tahsilat bürosu veya icra memuru", FileReference: "Referans numarası",
	FileKind: "Tür", FileThreat: "Tehdit", FileAmount: "Miktar", FileOriginal: "İlk miktar",
	FileState: "Bakiye talebinin durumu", FileAskedOn: "Bakiyenin sorulduğu tarih", FileAnsweredOn: "Cevap tarihi",
	FileConfirmed: "Onaylanan miktar", FileSheet: "Borçlar",
}

var polishDebtSummary = debtSummaryText{
	DebtsTitle:    "Twoje długi w skrócie",
	DebtsProgress: "Twoi wierzyciele, którzy już odpowiedzieli: %d z %d.",
	DebtsIntro:    "Wierzyciele na naszej liście: %d. Odpowiedziało już: %d. Podajemy kwotę, jaką znamy teraz; może się ona jeszcze zmienić.",
	DebtsCreditor: "Wierzyciel", DebtsAmount: "Kwota", DebtsStatus: "Co się teraz dzieje",
	DebtsTotal:       "Razem",
	DebtsVia:         "(przez %s)",
	DebtsNotAsked:    "Wkrótce zapytamy, ile dokładnie wynosi ten dług.",
	DebtsAsked:       "Zapytaliśmy %s, ile dokładnie wynosi ten dług. Czekamy na odpowiedź.",
	DebtsAnswered:    "Kwota jest potwierdzona.",
	DebtsDisputed:    "Razem sprawdzamy, czy ta kwota się zgadza.",
	DebtsArrangement: "Ten dług jest częścią ugody.",
	DebtsPaidOff:     "Spłacony. Ten dług jest załatwiony.",
	DebtsFirst:       "Tym długiem zajmiemy się najpierw.",
	FileCreditor:     "Wierzyciel", FileCollector: "Biuro windykacyjne lub komornik", FileReference: "Numer sprawy",
	FileKind: "Rodzaj", FileThreat: "Zagrożenie", FileAmount: "Kwota", FileOriginal: "Kwota pierwotna",
	FileState: "Stan zapytania o saldo", FileAskedOn: "Data zapytania o saldo", FileAnsweredOn: "Data odpowiedzi",
	FileConfirmed: "Potwierdzona kwota", FileSheet: "Długi",
}

var arabicDebtSummary = debtSummaryText{
	DebtsTitle:    "ديونك في نظرة واحدة",
	DebtsProgress: "عدد الدائنين الذين ردوا حتى الآن: %d من %d.",
	DebtsIntro:    "عدد الدائنين في القائمة: %d. عدد الذين ردوا منهم حتى الآن: %d. المبلغ هو ما نعرفه الآن، وقد يتغير لاحقاً.",
	DebtsCreditor: "الدائن", DebtsAmount: "المبلغ", DebtsStatus: "ما يحدث الآن",
	DebtsTotal:       "المجموع",
	DebtsVia:         "عن طريق %s",
	DebtsNotAsked:    "سنسأل قريباً كم هو المبلغ بالضبط.",
	DebtsAsked:       "في %s سألنا كم هو المبلغ بالضبط. ننتظر الجواب.",
	DebtsAnswered:    "المبلغ مؤكد.",
	DebtsDisputed:    "نتحقق معاً هل هذا المبلغ صحيح.",
	DebtsArrangement: "هذا الدين جزء من تسوية الديون.",
	DebtsPaidOff:     "تم سداده. انتهى هذا الدين.",
	DebtsFirst:       "نبدأ بهذا الدين أولاً.",
	FileCreditor:     "الدائن", FileCollector: "مكتب التحصيل أو المحضر القضائي", FileReference: "الرقم المرجعي",
	FileKind: "النوع", FileThreat: "التهديد", FileAmount: "المبلغ", FileOriginal: "المبلغ الأصلي",
	FileState: "حالة طلب الرصيد", FileAskedOn: "تاريخ طلب الرصيد", FileAnsweredOn: "تاريخ الرد",
	FileConfirmed: "المبلغ المؤكد", FileSheet: "الديون",
}

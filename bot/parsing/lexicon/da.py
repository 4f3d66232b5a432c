"""Danish words the parsing core knows. Data only: add words here, not branches."""

MONTHS = {
    "januar": 1,
    "jan": 1,
    "februar": 2,
    "feb": 2,
    "marts": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "mandag": 0,
    "tirsdag": 1,
    "onsdag": 2,
    "torsdag": 3,
    "fredag": 4,
    "lørdag": 5,
    "søndag": 6,
}
NUMBERS = {
    "en": 1,
    "et": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "syv": 7,
    "otte": 8,
    "ni": 9,
    "ti": 10,
}
RELATIVE_DAYS = {"i dag": 0, "idag": 0, "i morgen": 1, "imorgen": 1, "i overmorgen": 2}
NEXT = ("næste", "kommende")
IN = ("om",)
UNITS = {"dag": 1, "dage": 1, "uge": 7, "uger": 7, "måned": 30, "måneder": 30}
WEEK = ("uge",)
# primo / medio / ultimo: day of month, and (month, day) for a year.
PERIOD_OF_MONTH = {"primo": 10, "medio": 20, "ultimo": -1}
PERIOD_OF_YEAR = {"primo": (3, 31), "medio": (6, 30), "ultimo": (12, 31)}
CLOCK = ("kl.", "kl", "klokken")

# Keywords that start a recording line (PRODUCT.md section 2).
DECISION = ("beslutning", "besluttet", "vedtaget", "beslutninger")
ACTION = ("handling", "opgave", "aftale", "handlinger", "opgaver")
OWNER = ("ansvarlig", "ansvarlige", "tovholder")
DEADLINE = ("frist", "senest", "inden", "deadline")
NEXT_MEETING = ("næste møde", "nyt møde")
AGENDA = ("punkt til dagsorden", "punkt til dagsordenen", "dagsorden", "dagsordenspunkt")
ITEM = ("punkt", "pkt.", "pkt")
CONJUNCTIONS = ("og",)
PLACE_PREPOSITIONS = ("i", "på", "hos")
NEXT_MEETING_DEADLINE = ("til næste møde", "på næste møde", "inden næste møde", "næste møde")

# --- whole minutes (bot/parsing/minutes.py) ----------------------------------
# Section headings inside an agenda item; the value is the section's name.
SECTIONS = {
    "resume": "resume",
    "resumé": "resume",
    "indstilling": "indstilling",
    "beslutning": "beslutning",
    "beslutninger": "beslutning",
    "drøftelse og beslutning": "beslutning",
    "konklusion": "beslutning",
    "sagsfremstilling": "sagsfremstilling",
    "baggrund": "sagsfremstilling",
    "bilag": "bilag",
    "høring": "sagsfremstilling",
    "sagsforløb": "sagsfremstilling",
    "lovgrundlag": "sagsfremstilling",
    "beslutningstema": "indstilling",
    "beslutningskompetence": "indstilling",
    # the other fields of a case in an ESDH page (Stevns, Rødovre, …): they end a decision
    "beskrivelse af sagen": "sagsfremstilling",
    "sagsbeskrivelse": "sagsfremstilling",
    "sagens indhold": "sagsfremstilling",
    "økonomiske konsekvenser": "sagsfremstilling",
    "økonomiske konsekvenser og finansiering": "sagsfremstilling",
    "økonomi og finansiering": "sagsfremstilling",
    "retsgrundlag": "sagsfremstilling",
    "administrationens vurdering": "sagsfremstilling",
    "forvaltningens vurdering": "sagsfremstilling",
}
# A sentence that records a decision when the minutes have no decision headings.
DECISION_CUES = (
    # en post eller opgave, der gives videre: "Posten som kassér overdrages til Jakob."
    r"\boverdrages\s+til\b",
    # en tilladelse: "Jens Holm fik grønt lys til at gå videre med …", "gav grønt lys til …"
    r"\b(?:fik|får|gav|giver|har givet)\s+(?:\w+\s+)?grønt lys\b",
    # et valg mellem veje: "bestyrelsen valgte at indhente tre tilbud", "Endelig valgte vi at …"
    r"\bvalgte\s+(?:(?:bestyrelsen|vi|man|udvalget|rådet|forsamlingen)\s+)?at\b",
    # the body's choice: "Vi har valgt at indstille tildeling af …" (not "Ditte har valgt at
    # udtræde", a person's own)
    r"\b(?:vi|bestyrelsen|udvalget|rådet|man)\s+har\s+(?:\w+\s+)?valgt\s+at\b",
    r"\bhar\s+(?:vi|bestyrelsen|udvalget|rådet|man)\s+(?:\w+\s+)?valgt\s+at\b",
    r"\bdet\s+blev\s+konkluderet\b",
    # enighed sagt ligeud: "Alle er enige om …", "Alle var enige."
    r"^alle\s+(?:er|var)\s+enige\b",
    # a matter and "OK" after it: "Referat fra sidst OK", "Den 12/3 er blevet til 13/3 – ellers OK"
    r"\s(?:[–-]\s*)?(?:ellers\s+)?(?-i:OK)\.?$",
    r"^underskrevet\.?$",  # "Underskrift af referat fra mødet den 20. november" / "Underskrevet."
    # et punkt udsat til et senere møde: "Punktet udsættes til næste møde, da …"
    r"\b(?:punktet|sagen|forslaget)\s+(?:udsættes|udskydes)\b",
    r"^(?:udsættes|udskydes)\b",  # "Udskydes til næste bestyrelsesmøde."
    r"^(?:udsat|udskudt)\s+til\b",  # "Udsat til december-mødet, så Kim kan …"
    # en regel for fremtiden: "Fremadrettet skal budgettet stå i en kolonne", "Fremover
    # lægger vi referatet på hjemmesiden"
    # ("Fremover vil referenten sende …" er et løfte, en opgave: ikke her)
    r"^(?:fremadrettet|fremover|fra\s+nu\s+af)\b,?\s+(?:skal|[a-zæøå]{3,}er)\b",
    # et antal stemmer for: "Forslaget? - 4 stemmer for"
    r"\b\d+\s+stemmer\s+for\b",
    # et valg af en person: "Lederne genvalgte Jennie som gruppeleder", "… valgte Jens til
    # kasserer"
    r"\b(?:gen)?valgte\s+(?-i:[A-ZÆØÅ])[\wæøå]+(?:\s+(?-i:[A-ZÆØÅ])[\wæøå]+){0,3}\s+(?:som|til)\b",
    r"\bgenvalgte\b",
    # en udpegning: "Handicaprådet udpegede Ingrid Rasmussen som formand"
    r"\budpegede\s+(?-i:[A-ZÆØÅ])[\wæøå]+(?:\s+(?-i:[A-ZÆØÅ])[\wæøå]+){0,3}\s+(?:som|til)\b",
    r"\bblev\s+udpeget\s+(?:som|til)\b",
    # en aftale i nutid: "det aftales at vi er åbne for at hjælpe"
    r"\bdet\s+aftales\b",
    # et afslag eller en accept: "Vi takker nej til deltagelse i julemarkedet."
    r"\b(?:takker|takkede)\s+(?:nej|ja)\s+(?:tak\s+)?til\b",
    r"\b(?:siger|sagde)\s+nej\s+tak\b",
    # en sag lukket: "Også sagen om kodeks … blev afsluttet med bestyrelsens redegørelse"
    r"\bsagen\b[^.]{0,80}?\bblev\s+afsluttet\b",
    r"\bbesluttet\b",
    r"\bbesluttede\b",
    r"\bvedtaget\b",
    r"\bvedtog\b",
    r"\bgodkendt\b",
    r"\bgodkendte\b",
    r"\bpunkt(et)? lukkes\b",
    # an item passed without remarks: "Ingen bemærkninger." alone, not "Ingen bemærkninger til
    # punktet." (nothing said on it: 23) or "… til forrige referat." (87)
    r"^ingen bemærkninger\.?$",
    r"\b(?:blev |er )?(?:gen)?valgt\b(?! at)",
    r"\btil efterretning\b",
    r"\benstemmigt\b",
    r"\b(?:blev )?tiltrådt\b",
    r"\b(?:suppleant|formand|næstformand|kasserer|revisor|sekretær|dirigent)\s+blev\s+[A-ZÆØÅ]",
    r"\b(?:blev|er) udsat\b",
    r"^udsat\.?$",
    r"\b(?:blev|er|var) aftalt\b",
    r"\baftaltes\b",
    r"\benighed om\b",
    # enighed i kredsen: "Enighed blandt de fremmødte", "Der var enighed i bestyrelsen"
    r"\benighed (?:blandt|i)\b",
    # consensus: "har en enig bestyrelse valgt at …", "Vi er enige om at …"
    r"\benige?\s+(?:bestyrelse|udvalg|råd|gruppe)\b",
    r"\b(?:er|var|blev|blevet)\s+enige\s+om\b",
    # the same after an opening phrase, the subject after the verb: "Efter en drøftelse blev
    # man enige om, at …", "Derfor var vi enige om …"
    r"\b(?:er|var|blev)\s+(?:man|vi|de|alle|bestyrelsen|udvalget)\s+enige\s+om\b",
    # a matter referred to another forum: "Udkast til nye vedtægter blev overladt til
    # generalforsamlingens behandling.", "Sagen blev henvist til udvalget."
    r"\b(?:blev|er)\s+(?:overladt|henvist|oversendt)\s+til\b",
    # a standing rule from now on, told in the present: "Det er fremover kun beboere, der
    # kan leje teltet.", "Bestyrelsen har fremover fast kontortid" (not "prøver de fremover at",
    # "Fremover vil referent …")
    r"\b(?:er|har|gælder)\s+(?:fremover|fra nu af)\b",
    r"\b(?:blev )?(?:forkastet|nedstemt)\b",
    r"\budskudt\b",
    r"\bkonstituere(?:t|de sig)\b",
    r"\bingen (?:indvendinger|indsigelser)\b",
    # en regel fra nu af: "… så fremover kan de lejes uafhængigt" (ikke "Fremover vil referent …")
    r"\bfremover\s+(?:kan|skal|må)\b",
    r"\bblev (?:det )?bestemt\b",
    r"\bgenvalg\b(?! af\b)",
    r"\bvalg af\b[^.]*\bblev\s+(?-i:[A-ZÆØÅ])",
    # valgt ved forslag og accept: "foreslog Niels Falsig som dirigent; der modtog valget"
    r"\b(?:foreslog|indstillede)\b[^.]*\b(?:modtog|accepterede)\s+valget\b",
    # en afstemnings udfald med stemmetal, ikke stemmelighed: "2. afstemning ender 6 – 5, med
    # en blank stemme, til Frede Andersen." (ikke "ender med stemmerne 6 – 6 uafgjort")
    r"\bafstemning(?:en)?\s+(?:ender|endte|gav|blev)\s+(?:med\s+)?\d+\s*[–-]\s*\d+\b"
    r"(?![^.]*\b(?:uafgjort|stemmelighed)\b)",  # "valg af dirigent, og det blev Maja Thomsen"
    r"\b(?:forblev|fastholdes|fastholdtes) uændret\b",
    # a role kept: "Anne Mette fortsætter som kasserer"
    r"\bfor(?:t)?sætter\s+som\s+(?:formand|næstformand|kasserer?|sekretær|revisor|suppleant)",
    # et udfald, at noget ikke behøves: "Ingen behov for en fast udgivelsesrytme indtil videre."
    r"^(?:der er )?(?:intet|ingen|ikke) behov for\b",
    # en omdøbning: "Omdøbte X til Y", "X blev omdøbt til Y"
    r"^omdøbte\b.*\btil\b",
    r"\b(?:blev|er) omdøbt til\b",
    # et dokument underskrevet på mødet: "Revisionsprotokollatet blev underskrevet."
    r"\b(?:blev|er|bliver) underskrevet\b",
    # noget fastlagt: "Årets aktivitetsudbud blev diskuteret og fastlagt."
    r"\b(?:blev|er|bliver)\s+(?:\w+\s+){0,3}fastlagt\b",
    # et flertal for: "Et flertal sagde ja til en koncert den 18. december"
    r"\bflertal(?:let)?\s+(?:sagde ja|stemte (?:for|ja)|var for)\b",
    # en accept som udfald: "Accept af udlån af Latinskolen til …"
    r"^accept af\b",
    # en indstilling fulgt, opbakning, tilslutning, en bevilling, enighed i datid: "Indstillingen
    # blev fulgt.", "Der var opbakning til forslaget.", "Rådet tilsluttede sig …", "Bestyrelsen
    # bevilgede 5.000 kr.", "Man enedes om …"
    r"\b(?:indstillingen|indstillingerne|anbefalingen|forslaget)\s+(?:blev\s+)?(?:fulgt|følges)\b",
    r"\b(?:blev|er)\s+bakket\s+op\b",
    r"\bopbakning\s+til\b",
    r"\btilslutning\s+til\b",
    r"\btilsluttede\s+sig\b",
    r"\bbevilgede\b",
    r"\benedes\b",
    r"\benes\s+om\b",  # "Der enes om, at det tages op på generalforsamlingen"
    # noget der fortsat gælder, eller fastsat: "Datoer fra tidligere referat står ved magt",
    # "Der blev fastsat pris på leje af hytten"
    r"\b(?:står|stod)\s+ved\s+magt\b",
    r"\b(?:blev|er)\s+fastsat\b",
    # en rolle overtaget, navnet først: "Jane er sekretær, står for dagsorden og referat",
    # "Bo bliver ny kasserer" (som "fortsætter som kasserer")
    r"^(?-i:[A-ZÆØÅ])[\wæøå-]*(?:\s+(?-i:[A-ZÆØÅ])[\wæøå-]*)?\s+(?:er|bliver|blev)\s+(?:nyt?\s+)?"
    r"(?:formand|næstformand|kasserer|sekretær|referent)\b",
    # den gamle passiv i datid og en accept: "Det besluttedes at …", "Budgettet vedtoges.",
    # "Budget accepteret.", og et forslag der faldt ("motion failed")
    r"\b(?:besluttedes|vedtoges|godkendtes|bestemtes|tiltrådtes)\b",
    r"\baccepteret\b",
    r"\b(?:forslaget|ændringsforslaget)\s+faldt\b",
    # en aftale uden "blev" først i sætningen: "Aftalt at beholde budgettet."
    r"^aftalt\b",
    # en beslutning i nutid med organet først: "Menighedsrådet godkender budgettet.",
    # "MR tilslutter sig …" (ikke "… foreslår, at bestyrelsen godkender …")
    r"^(?!(?:hvis|når|såfremt|om|hvorvidt)\b)(?:(?-i:[A-ZÆØÅ])[\wæøå-]*\s+){1,3}"
    r"(?:godkender|beslutter|vedtager|tiltræder|bevilger|"
    r"tilslutter sig|bakker op om)\b",
)
# Bestyrelsen som "vi" om det, den nu gør: "Vi vil tilpasse vores vedtægter …", "Vi indhenter
# pris på nyt hus." (et udsagnsord i nutid, ikke en tilstand: NOT_ACTION_VERBS; ikke en tak).
WE_DECIDE = (
    r"^vi\s+vil\b(?!\s+(?:gerne\s+)?(?:takke|sige|bede|minde|ønske|opfordre)\b)",
    r"^vi\s+[a-zæøå]{3,}er\b",
    # the same after an opening word, the subject after the verb: "Derudover vil vi undersøge
    # muligheden for …", "Nu indhenter vi pris …"
    r"^[a-zæøå]+\s+vil\s+vi\b(?!\s+(?:gerne\s+)?(?:takke|sige|bede|minde|ønske|opfordre)\b)",
    r"^[a-zæøå]+\s+[a-zæøå]{3,}er\s+vi\b",
    # after a clause: "Opvaskemaskinen er ikke så god mere, vi investerer i en ny"
    r",\s+vi\s+[a-zæøå]{3,}er\b",
)
# Present passive ("Der oprettes en sandkasse"): a decision unless a modal makes it a wish.
WEAK_DECISION_CUES = (
    r"\b(?:laves|oprettes|udskydes|udsættes|udsendes|nedsættes|igangsættes|fastholdes)\b",
    # en bevilling, et arbejde sat i gang: "Der bevilliges penge til en ny opvasker."
    r"\b(?:bevilliges|bevilges|iværksættes|indkøbes|anskaffes|etableres|indføres)\b",
    r"\bvil\s+blive\s+(?:købt|indkøbt|anskaffet|lavet|oprettet|afholdt|sendt)\b",
    r"\bbliver\s+(?:\w+\s+)?(?:lagt|flyttet|afholdt|oprettet|nedlagt|ændret|indkøbt|anskaffet|"
    r"etableret|lukket|sat)\b",
    r"(?<!af)\bholdes\b",
    # a day set for an event: "Borgermødet bliver mandag d. 17/9 kl. 19.30 i sognegården."
    r"\bbliver\s+(?:på\s+)?(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b",
    r"\b(?:er|blev) fastsat til\b",  # "Generalforsamlingen er fastsat til den 21. februar"
    # a grant, a purchase, a rule set, in the present passive: "Der bevilges honorar til …"
    r"\b(?:bevilges|købes|indkøbes|anskaffes|fastsættes|bevares)\b",
    # an application: "Vi ansøger om teltleje", "Provstiudvalget søges om 75.000"
    r"\b(?:søges|ansøges|ansøger)\s+om\b",
    # an allocation, a meeting called: "Der afsættes 6.000 kr i budgettet til projektet.",
    # "Der indkaldes til ekstraordinær generalforsamling i løbet af april."
    r"\bafsættes\b",
    r"\bindkaldes til\b",
    # a decision in the present passive: "Det besluttes at …", "Referatet godkendes." (a modal
    # keeps it a wish: "skal godkendes på næste møde")
    r"\b(?:besluttes|vedtages|godkendes|tiltrædes)\b",
)
# A report under a decision heading ("Formanden orienterede om …"): what was told, not
# decided, where the heading also holds an outcome ("Til efterretning.").
REPORTS = (
    r"^\S+(?:\s+\S+)?\s+(?:orienterede|informerede|redegjorde|fortalte)\s+om\b",
    # "Alle medlemmer gav en kort præsentation.", "Michael Bjørn gav en gennemgang af …"
    r"^\S+(?:\s+\S+){0,2}\s+gav\s+(?:en\s+)?(?:kort\s+)?(?:præsentation|gennemgang|orientering|status)\b",
)
# A sentence that says what the decision before it covers: joined to it.
ELABORATIONS = (r"^(?:dette|det|beslutningen)\s+(?:gælder|omfatter|betyder|indebærer)\b",)
# Det, et valg handler om; udfaldet efter det ("Der var genvalg til alle.") er beslutningen.
# Et punkt hvor bestyrelsen konstituerer sig: dets linjer "Formand: Morten Bay Dahl" er
# tilsammen én beslutning.
CONSTITUTION_TITLES = (
    r"konstituering",
    r"bestyrelsens konstituering",
    r"konstituering af bestyrelsen",
    r"bestyrelsen konstituerer sig",
    r"fordeling af poster",
)
# Et punkt hvor mødet vælger: "Valg af ordstyrer", "Valg til bestyrelsen".
ELECTION_TITLES = (r"valg af", r"valg til", r"valg")
# En linje over listen af valgte ("Valgt til bestyrelsen:", "Nyvalgt:")
ELECTED_LIST_LABELS = (r"valgt", r"nyvalgt", r"genvalgt")
# Hvem der stiller op, ikke hvem der blev valgt: "Kandidater: Jens og Bo", "På valg: …".
NOMINEE_LABELS = (r"kandidat(?:er)?", r"på valg", r"opstillede", r"foreslåede?", r"forslag")
ELECTION_OPENERS = (r"^på valg (?:var|er|til)\b", r"^til valg (?:var|er)\b")
MODALS = (r"\bskal\b", r"\bbør\b", r"\bkan\b", r"\bkunne\b", r"\bvil\b")
# Noget der skal gøres: "Bagtrappe i 58 C skal lakeres. (AF)" (navnet i parentes gør det)
OBLIGATIONS = (r"\bskal\b", r"\bbør\b", r"\bmå\b")
# Present-tense verbs that make "X <verb> ..." an action with owner X.
ACTION_VERBS = (
    "tager",
    "står for",  # "Mette og Bo står for grillen" (alone "står" is a state: NOT_ACTION_VERBS)
    "ser på",  # "Byggeudvalget ser på, om …" (a verb too short for "X <verb>er")
    "går videre",  # "Anders går videre hermed", "Bjarne og Paul går videre med arrangementet"
    "arbejder videre",  # "Det arbejder Ulrik og Jesper videre med" (alone "arbejder" is a state)
    # alone "finder" and "spørger" are an opinion and a question at the meeting ("Bo finder
    # det rimeligt", "Bo spørger til budgettet"); with a thing to find or a person to ask,
    # a task: "Lasse finder en fast dag", "Lasse spørger Sanne om hendes holdning"
    r"finder\s+(?:en|et|ud\s+af)",
    r"spørger(?=\s+(?-i:[A-ZÆØÅ]))",
    "kontakter",
    "sørger",
    "bidrager",
    "afklarer",
    "indkalder",
    "sender",
    "fremsender",
    "udarbejder",
    "indsender",
    "kvitterer",
    "drøfter",
    "vurderer",
    "hører",
    "undersøger",
    "følger",
    "laver",
    "skriver",
    "forbereder",
    "koordinerer",
    "inviterer",
    "udsender",
    "fremlægger",
    "planlægger",
    "afholder",
    "opdaterer",
    "samler",
    "tovholder",
    "bestiller",
    r"arbejder videre(?: med)?",
    # a verb with its particle, which alone would be a state or have no -er: "Trine og Maria
    # handler ind", "Jakob og Per gør lokalet klar", "Bo rydder op"
    r"handler ind",
    r"gør\s+(?:\S+\s+){0,2}klar",
    r"rydder op",
    "arbejder på",
)
# "X er tovholder", "give mandat til X", "... eftersendes" (no owner).
OWNER_IS = (
    r"\ber\s+(?P<owner>[\wÆØÅæøå/.\- ]{2,40}?)\s+tovholder\b",
    r"\bgive\s+mandat\s+til\s+(?P<owner>\w+)",
    r"^(?P<owner>(?:alle\s+)?(?-i:[A-ZÆØÅ])[\wæøå]+(?:\s+[\wæøå]+){0,2}?)\s+(?:blev\s+)?"
    r"(?:opfordres|opfordret|bedes|anmodes|anmodet)\s+(?:til\s+)?at\b",
    # "bliver udarbejdet af X" assigns; "blev gennemgået af X" reports what X did
    r"\b(?:bliver|blev(?!\s+(?:gennemgået|præsenteret|fremlagt|kommenteret|drøftet|behandlet)))"
    r"\s+\w+(?:e?t)\s+af\s+(?P<owner>(?-i:[A-ZÆØÅ])[\wæøå]+(?:\s+(?-i:[A-ZÆØÅ])[\wæøå]+){0,3})",
    # "Valgudvalget kommer med et oplæg til næste møde.": X bringer noget til et møde
    r"^(?P<owner>(?-i:[A-ZÆØÅ])[\wæøå]+(?:\s+(?-i:[A-ZÆØÅ])[\wæøå]+){0,2})\s+kommer\s+med\s+"
    r"(?:et\s+|en\s+|nyt?\s+)*(?:oplæg|forslag|udkast|bud)\b",
    # "Morten Hindsholm er ansvarlig for at oprette en Dropbox konto."
    r"^(?P<owner>(?-i:[A-ZÆØÅ])[\wæøå]+(?:\s+(?-i:[A-ZÆØÅ])[\wæøå]+){0,2})\s+(?:er|bliver|blev)\s+"
    r"(?:ansvarlig|tovholder)\s+(?:for|på)\b",
    # "Matias og Liv er sat på sagen med festen.": put on the case
    r"^(?P<owner>(?-i:[A-ZÆØÅ])[\wæøå]+(?:\s+og\s+(?-i:[A-ZÆØÅ])[\wæøå]+)?)\s+(?:er|bliver|blev)\s+"
    r"sat\s+på\s+(?:sagen|opgaven)\b",
    # the task first, who answers for it after: "Genoptagelse af parter, Kathrine er ansvarlig."
    r",\s+(?P<owner>(?-i:[A-ZÆØÅ])[\wæøå]+(?:\s+og\s+(?-i:[A-ZÆØÅ])[\wæøå]+)?)\s+(?:er|bliver)\s+"
    r"(?:ansvarlig|ansvarlige|tovholder)\s*\.?$",
    r"^(?:på|i|til|efter|ved|inden|før)\s+[^,]{1,30}?\s+(?-i:[a-zæøå]){3,}er\s+"
    r"(?P<owner>(?-i:[A-ZÆØÅ])[\wæøå]+(?:\s+(?-i:[A-ZÆØÅ])[\wæøå]+){0,2})\b",
)
# "X vil være formand": et hverv, ikke en opgave ("være ansvarlig for" er en opgave)
STATE_TASKS = (r"^være\s+(?!ansvarlig\b|tovholder\b|i\s+(?:kontakt|dialog)\b)",)
NO_OWNER_ACTION = (r"\beftersendes\b", r"\bfremlægges\b.*\bnæste\s+\w*møde")
NEXT_MEETING_WORDS = (
    r"næste\s+(?:\w+\s+)?møde",
    r"næste\s+\w*møde",
    r"næste\s+gang\b",
    r"\bnyt\s+\w*møde\b",  # "Nyt bestyrelsesmøde afholdes den 9. august kl. 19:30"
    r"næste\s+(?:\w+\s+)?\w*møde",
    r"\bny\s+mødedato\b",  # "6. Ny mødedato: 19. januar 2010"
)
# "første tirsdag i april", "sidste torsdag i måneden": hvilken af månedens ugedage
# (-1: den sidste).
NTH_WEEKDAY = {"første": 1, "anden": 2, "tredje": 3, "fjerde": 4, "sidste": -1}
# Words before the next meeting's name in a heading whose date is on the line below:
# "Dato for næste møde".
NEXT_MEETING_LEADS = (r"dato\s+for", r"tidspunkt\s+for", r"tid\s+og\s+sted\s+for")
# A clock time written as four digits needs its zone to be one: "1300 CET".
TIME_ZONES = ("CET", "CEST", "dansk tid")
# A next meeting not yet set: its sentence names no date of it, whatever dates it holds.
NEXT_MEETING_UNSET = (
    r"\b(?:aftales|fastsættes|fastlægges|besluttes|planlægges)\s+senere\b",
    r"\bendnu\s+ikke\s+(?:fastsat|fastlagt|aftalt)\b",
    r"\bikke\s+(?:fastsat|fastlagt|aftalt)\b",
)
MEETING_MOVED = (
    r"rykke[rs]?\s+(?:næste\s+)?mødet?\s+til",
    r"flytte[rs]?\s+(?:næste\s+)?mødet?\s+til",
    r"mødet\s+(?:rykkes|flyttes)\s+til",
)
PROPOSED_AGENDA = (
    r"punkter\s+til\s+dagsorden",
    r"forslag\s+til\s+dagsorden",
    r"indhold\s+på\s+næste\s+møde",
)
CALENDAR = ("mødekalender",)
# Et års møder på én linje uden år ("Møderække: 22/8 - 27/9 - … - 25/3 - 30/4"): det næste
# møde er den første dato efter dette møde, når intet andet siger det.
# En overskrift over de kommende møders datoer ("Kommende møder: Ti 10/1 Farum, Ma 20/2"):
# den første efter dette møde er det næste.
UPCOMING_MEETINGS = (r"kommende\s+møder", r"fremtidige\s+møder", r"planlagte\s+møder")
MEETING_SERIES = (r"møderække", r"mødeplan", r"mødedatoer", r"mødekalender", r"mødedage")
# The fields of an e-mail header ("From:", "Subject:"): its "Date:" is when it was sent.
MAIL_HEADERS = ("fra", "sendt", "til", "cc", "emne", "dato")
# Role changes and absence ("X indtræder", "X træder til"): said of a person, not a task.
# ("X deltager" stays a task: attending an event for the body is one.)
ATTENDANCE_VERBS = (
    r"indtræder\b",
    r"udtræder\b",
    r"træder\s+(?:derfor\s+|så\s+|nu\s+|hermed\s+)?(?:til|ud|ind)\b",
    r"er\s+(?:fraværende|fremmødt|forhindret)\b",
    r"melder\s+afbud\b",
    # hvor nogen er, ikke hvad de gør: "Bo vil være til stede …"; en post forladt: "Ragnhild
    # trækker sig fra bestyrelsen"
    r"være\s+(?:til\s+stede|fraværende)\b",
    r"trækker\s+sig\b",
    # en rolle beholdt eller søgt: "Carina fortsætter som revisor", "Hans Weber kandiderer."
    r"for(?:t)?sætter\s+som\b",
    r"kandiderer\b",
    r"(?:gen)?opstiller\b",
    r"stiller\s+op\b",  # "Mathias Grymer stiller op som dirigent": a candidate, no task
    # et valg taget imod eller afslået: "Frede modtager valget og takker forsamlingen.",
    # "Finn tager ikke imod genvalg."
    r"(?:modtager|modtog)\s+(?:valget|genvalg)\b",
    r"(?:tager|tog)\s+(?:ikke\s+)?imod\s+(?:valget|genvalg)\b",
    r"(?:ønsker|ønskede)\s+ikke\s+genvalg\b",
)
MEETING_DATE_LABELS = (
    "tid",
    "dato",
    "mødedato",
    "mødetidspunkt",
    "tidspunkt",
    "tid og sted",
    "dato og tid",
    "afholdt",
    "mødetid",
)
# En overskrift over opgaver fra tidligere møder.
CARRIED_OVER_HEADINGS = (r"videreført", r"overført", r"fra sidste møde", r"tidligere opgaver")
CARRIED_OVER = (r"\bOriginally from\b", r"\bStatus:\s", r"\bvidereført fra\b")

# words that make the message shortcut guess "action" for a text without a keyword
ACTION_HINTS = ("skal", "sender", "frist", "senest", "sørger", "udarbejder")

# `/referat` arguments
ME = ("mig", "mine", "mit", "egne")
OVERDUE = ("overskredne", "overskredet", "forfaldne", "forsinkede")
SINCE = ("siden", "fra")
ADD = ("tilføj", "tilfoej")
ON = ("til", "tænd", "ja")
OFF = ("fra", "sluk", "nej")
# words a search ignores (Snowball's Danish stop words, as PostgreSQL's `danish` uses)
STOPWORDS = (
    "og",
    "i",
    "jeg",
    "det",
    "at",
    "en",
    "den",
    "til",
    "er",
    "som",
    "på",
    "de",
    "med",
    "han",
    "af",
    "for",
    "ikke",
    "der",
    "var",
    "mig",
    "sig",
    "men",
    "et",
    "har",
    "om",
    "vi",
    "min",
    "havde",
    "ham",
    "hun",
    "nu",
    "over",
    "da",
    "fra",
    "du",
    "ud",
    "sin",
    "dem",
    "os",
    "op",
    "man",
    "hans",
    "hvor",
    "eller",
    "hvad",
    "skal",
    "selv",
    "her",
    "alle",
    "vil",
    "blev",
    "kunne",
    "ind",
    "når",
    "være",
    "dog",
    "noget",
    "ville",
    "jo",
    "deres",
    "efter",
    "ned",
    "skulle",
    "denne",
    "end",
    "dette",
    "mit",
    "også",
    "under",
    "have",
    "dig",
    "anden",
    "hende",
    "mine",
    "alt",
    "meget",
    "sit",
    "sine",
    "vor",
    "mod",
    "disse",
    "hvis",
    "din",
    "nogle",
    "hos",
    "blive",
    "mange",
    "ad",
    "bliver",
    "hendes",
    "været",
    "thi",
    "jer",
    "sådan",
    "vores",
)

# how dates and times are written in answers
WEEKDAY_NAMES = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTH_NAMES = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
LONG_DATE = "{weekday} {day}. {month} {year}"
CLOCK_WHOLE_HOUR = "{hour}"
CLOCK_TIME = "{hour}.{minute:02d}"
CLOCK_RANGE = "kl. {}"
DAYS_NEAR = {0: "i dag", 1: "i morgen", -1: "i går"}
DAYS_AHEAD = "om {} dage"
DAYS_AGO = "for {} dage siden"
MORE_THAN = "over {}"  # a count that stopped: "… og over 1000 flere"

# `/referat eksport FORMAT`: the word, and the export it names
EXPORT_FORMATS = {
    "csv": "csv",
    "xlsx": "xlsx",
    "ics": "ics",
    "md": "minutes",
    "historik": "history",
    "referat": "minutes",
    "docx": "minutes",
}
# `/referat kalender ny`: a new secret feed URL (the old one stops working)
CALENDAR_NEW = ("ny",)

# `/referat` subcommands (the English names work in every channel too)
SUBCOMMANDS = {
    "help": ("hjælp", "hjaelp", "?"),
    "next_meeting": ("næste-møde", "naeste-moede", "næstemøde", "næste"),
    "meeting": ("møde", "moede"),
    "done": ("udført", "udfoert", "færdig"),
    "reopen": ("genåbn", "genaabn"),
    "import": ("importér", "importer"),
    "open_items": ("åbne", "aabne", "åbne-punkter", "opgaver"),
    "decisions": ("beslutninger",),
    "retract": ("annullér", "annuller", "annullere"),
    "agenda": ("dagsorden",),
    "owner": ("ansvarlig",),
    "export": ("eksport", "eksportér", "eksporter"),
    "calendar": ("kalender",),
    "language": ("sprog",),
    "reminders": ("påmindelser", "paamindelser"),
    "digest": ("overblik",),
}

# times people write after a deadline word that are not dates: reported as unreadable
TIME_WORDS = (
    "jul",
    "julen",
    "påske",
    "påsken",
    "pinse",
    "pinsen",
    "sommerferien",
    "sommerferie",
    "efterårsferien",
    "vinterferien",
    "nytår",
    "årsskiftet",
    "sommer",
    "sommeren",
    "efteråret",
    "foråret",
    "vinteren",
    "snarest",
    "hurtigst muligt",
    "næste uge",
    "næste måned",
)
TIME_PREPOSITIONS = ("efter", "før", "til", "omkring")

# a meeting that will not be held
CANCELLED = ("aflyst", "aflyses", "udgår", "udsat på ubestemt tid")

# Et delt dokument er et referat at importere, når beskeden nævner et af disse ord.
MINUTES_FILE_WORDS = ("referat",)

# --- questions in plain words (bot/parsing/intents.py) -----------------------
# A question's words are matched by how they begin, with or without æøå ("mode",
# "moede" and "møde" are one word): each intent sums the weights of the cues its
# words start with (a cue with a space is a phrase). The best sum wins; ties go to
# the intent listed first. Word order and endings do not matter.
INTENT_CUES = {
    "agenda": {
        "dagsorden": 3,
        "drøft": 3,
        "punkter til": 2,
        "tage op": 2,
        "program": 2,
        "behandl": 2,
    },
    "next_meeting": {
        "møde": 2,
        "hvornår": 1,
        "næste": 1,
        "ses vi": 2,
        "samles": 2,
        "sidste": -1.5,
    },
    "decisions": {
        "beslut": 3,
        "vedtag": 3,
        "vedtog": 3,
        "aftalt": 2,
        "aftalte": 2,
        "enige": 2,
        "konklu": 2,
        "godkend": 2,
        "sagde vi": 2,
        "frem til": 2,
    },
    "open_items": {
        "åben": 2,
        "åbn": 2,
        "åbent": 2,
        "opgave": 2,
        "handling": 2,
        "mangl": 3,
        "udestå": 2,
        "deadline": 2,
        "todo": 2,
        "ansvar": 1,
        "skal": 1,
        "lave": 1,
        "gøre": 1,
        "ligger": 1,
        "frist": 2,
        "står": 0.5,
        "status": 1.5,
        "lovet": 2,
        "lovede": 2,
        "tildelt": 2,
        "bord": 1,
    },
    "responsible": {"hvem": 2.5, "ansvar": 2, "tovholder": 2},
    "help": {"hjælp": 3, "kan du": 3, "hvad kan": 2, "kommando": 2, "hvordan bruger": 3},
}
# Cues that make an open-items question ask for what is overdue.
INTENT_OVERDUE = {
    "overskred": 3,
    "forsink": 3,
    "forfald": 3,
    "bagud": 3,
    "for sent": 3,
    "over tid": 3,
    "ikke nået": 3,
    "ikke naet": 3,
}
# Words that mean the person asking.
INTENT_ME = ("mig", "mine", "min", "mit", "jeg", "egne", "selv")
# Words after which an owner's name (open items) or a subject (decisions, who is
# responsible) follows: "har jens", "skal Lolland", "for Køge", "om rammeaftalen".
INTENT_SLOTS = {
    "open_items": ("for", "har", "skal", "hos", "til", "mangler", "ligger", "står"),
    "decisions": ("om", "omkring", "vedrørende", "vedr", "angående", "ang", "af"),
    "responsible": ("for", "på", "med", "af", "om"),
}
# "decisions since DATE": the word that starts the date.
INTENT_SINCE = ("siden",)
# Example questions, one an intent, offered when a question is not understood.
INTENT_EXAMPLES = {
    "agenda": "hvad står på dagsordenen?",
    "next_meeting": "hvornår er næste møde?",
    "decisions": "hvad besluttede vi om rammeaftalen?",
    "open_items": "hvad har Lolland af opgaver?",
    "responsible": "hvem er ansvarlig for høringen?",
    "help": "hvad kan du?",
}
# Words that end an owner's name in a question ("har Roskilde nogen opgaver?").
INTENT_NOT_NAMES = (
    "nogen",
    "noget",
    "nogle",
    "lige",
    "stadig",
    "endnu",
    "egentlig",
    "så",
    "gang",
    "gerne",
    "mon",
)
# En linje med dem der var til stede: "Tilstede: Mike, Claus, Carsten." Navnene er personer.
ATTENDANCE_LABELS = (
    r"til\s*stede",
    r"deltagere",
    r"deltog",
    r"fremmødte",
    r"fremmødt",
    r"fremmødet",
    r"mødt",
)
# Overskrifter der ikke er dagsordenspunkter.
NOT_ITEM_HEADINGS = (
    r"deltagere",
    r"til stede",
    r"fraværende",
    r"afbud",
    r"fremmødte",
    r"fremmøde",
    r"inhabilitet",
    r"dagsorden",
    r"referent",
    r"mødested",
    r"sted",
    r"tid",
    r"dato",
    r"indhold\s*$",
    r"indholdsfortegnelse",
)
# En overskrift alene på sin linje, hvor referatet begynder efter dagsordenen: nummereringen
# starter forfra under den ("Dagsorden: 1. … 3.", "Referat", "1. Valg af referent").
# Et punkts titel, der navngiver sagen, også med punktum: "Orientering om ligning og godkendte
# anlægsarbejder i 2025." er en overskrift, ikke et udfald.
TOPIC_OPENERS = (
    r"orientering (?:om|fra)",
    r"behandling af",
    r"gennemgang af",
    r"drøftelse af",
    r"status på",
    r"meddelelser fra",
)
MINUTES_START = (r"referat", r"mødereferat", r"beslutningsreferat", r"referat af mødet")
# En sætning om hvornår mødet blev holdt.
MEETING_HELD = (r"\bmødet (?:blev )?afholdt\b", r"\bafholdt (?:den|d\.)\s", r"\bmødet fandt sted\b")
# "næste X-møde" hvor X ikke er et andet organ.
GENERIC_MEETING_WORDS = ("ordinære", "ordinært", "planlagte", "faste", "almindelige")
# Nutidsverber der beskriver en tilstand, ikke en opgave: "X har", "X bliver", "X arbejder på".
NOT_ACTION_VERBS = (
    # a speaker reminding the meeting: "UH minder om vigtigheden af valget"
    "minder",
    # the board organising itself after an election: "Bestyrelsen konstituerer sig …"
    "konstituerer",
    "er",
    "har",
    "bliver",
    "blever",
    "mener",
    "synes",
    "finder",
    "ønsker",
    "kommer",
    "ligger",
    "står",
    "hedder",
    "gælder",
    "mangler",
    "fungerer",
    "passer",
    "koster",
    "arbejder",
    "vender",
    "handler",
    "betyder",
    "kender",
    "bruger",
    "ser",
    "går",
    "tager_del",
    "fortæller",
    "oplyser",
    "orienterer_om",
    "beder",
    "savner",
    "regner",
    "håber",
    "satser",
    "tror",
    "føler",
    "bor",
    "sidder",
    "deltager_ikke",
    "foreslår",
    "spørger",
    "svarer",
    "nævner",
    "påpeger",
    "understreger",
    # decisions, not tasks: "Styregruppen godkender …"
    "godkender",
    "vedtager",
    "beslutter",
    "bakker",
    "tilslutter",
    "anbefaler",
    "indstiller",
    "konstaterer",
    "noterer",
    "takker",
    "accepterer",
    "afviser",
    "støtter",
    "tiltræder",
    "afventer",
    # words in -er that are no verbs: prepositions, conjunctions ("Quiz eller fuld
    # gennemgang …")
    "under",
    "efter",
    "over",
    "eller",
    "sammen",
    "omkring",
    "bagefter",
    "udover",
    "siger",
    "mener",
    "fortæller",
)
# Alle på mødet som ejer af en linje i en handlingsliste ("Alle: læser op på sagen"): som
# skrevet. I en sætning ("alle er enige") ingen ejer.
COLLECTIVE_OWNERS = ("alle", "alle medlemmer", "hele bestyrelsen", "hele gruppen", "hver især")
NOT_OWNERS = (
    # "Følgende personer stiller op …": an opening word, no name
    "følgende",
    # forholdsord først i en sætning: "For medhjælper udfærdiges …", "Til mødet …"
    "for",
    "til",
    "med",
    "om",
    "på",
    "af",
    "hvis",
    "når",
    # et ord først i en sætning, der intet navn er: "Bare for at præcisere …", "Mød op …"
    "bare",
    "mød",
    "vi",
    "man",
    "der",
    "hvis",
    "når",
    "som",
    "hvor",
    "hvad",
    "hvem",  # "Hvem ansøger om hjertestarter?": a question, with its mark lost
    "hvilke",
    "jeg",
    "du",
    "han",
    "hun",
    "ingen",
    "nogle",
    "adskillige",
    "to",
    "tre",
    "fire",
    "flere",
    "mange",
    "div",
    "andre",
    "hver",
    "krævede",
    "nye",
    "ny",
    "enkelte",
    "disse",
    "dette",
    "denne",
    "men",
    "også",
    "så",
    "nu",
    "her",
    "først",
    "derefter",
    "evt",
    "samt",
    "eller",
    "og",
    "alt",
    "intet",
    "noget",
    "prøv",
    "ingenting",
)
BODY_WORDS = (
    "råd",
    "udvalg",
    "bestyrelse",
    "gruppe",
    "sekretariat",
    "forvaltning",
    "kommune",
    "forening",
    "klub",
    "ledelse",
    "formand",
    "kasserer",
    "styregrupp",
    "lokalråd",
    "undertegnede",
    "referent",
    "sekretær",
    # a parish council's officers: "Kirkeværgen spørger …", "Kordegnen sender …"
    "kirkeværge",
    "kordegn",
)
SELF_ASSIGNED = (r"^jeg (?:vil|skal|tager)\b", r"\bjeg (?:sender|laver|skriver)\b")
# Overskrifter for en liste af opgaver: "Opfølgning", "Handlinger".
ACTION_SECTIONS = (
    r"handlingsliste",
    r"opgaveliste",
    r"opfølgning",
    r"nye (?:opgaver|handlinger|aftaler)",  # beside "Opgaver fra sidste møde"
    r"handlinger",
    r"handlingspunkter",
    r"aftaler",
    r"opgaver",
    r"to do",
    r"næste skridt",
    r"action",
    r"actionpunkter",
)
# Hvad der står i parentes efter overskriften over en handlingsliste: "Opgaver (kort sigt)".
ACTION_SECTION_QUALIFIERS = (r"\((?:kort|lang) sigt\)",)
OUTCOME_LABELS = (
    r"enighed",
    r"resultat",
    r"udfald",
    r"vedtaget",
    r"afgørelse",
    r"#besluttet",
    r"konklusion",  # "Konklusion: Vi beholder budgettet." (English "Conclusion:")
    r"aftalt",  # "Aftalt: …" (English "Agreed:")
    r"besluttet",  # "Besluttet: …" (English "Decided:")
    r"konsensus(?=\s*:)",  # "Konsensus: …" (English "Consensus:")
    # "Beslutning: Taget males i maj." inside an item's prose (English "Decision:"); alone on
    # its line it is a case field's heading instead (SECTIONS)
    r"beslutning(?=\s*:)",
)
# Et udfald efter en tankestreg eller i parentes sidst i et punkts titel: "Regnskab – godkendt".
TITLE_OUTCOMES = (
    r"godkendt",
    r"vedtaget",
    r"besluttet",
    r"tiltrådt",
    r"forkastet",
    r"udsat",
    r"(?:blev )?valgt",  # "2) Valg af referent: Preben Rasmussen blev valgt"
    r"(?:taget )?til efterretning",
    r"ok",  # "Godkendelse af mødereferat fra d. 11. oktober 2017 - OK."
)
# Et nummereret forslag, som et resultat efter det afgør: "Forslag 2: …".
NUMBERED_MOTIONS = (r"forslag", r"beslutningsforslag", r"resolution")
BARE_RESULTS = (
    r"^(?:dette|det|forslaget)\s+(?:forslag\s+)?blev\s+(?:\w+t\s+)?(?:vedtaget|godkendt)\b",
    r"^(?:forslaget\s+(?:blev\s+)?)?(?:vedtaget|godkendt|enstemmigt vedtaget)\b",
    r"^enstemmigt\b",
    r"^(?:og\s+)?valgt\b",  # "Jens blev foreslået som formand. Valgt med 7 stemmer."
)
VOTE_TALLIES = (
    r"^\d+\s+(?:for|stemte for)\s*,\s*\d+\s+imod",
    r"^(?:for|ja)\s*:?\s*\d+\s*[,;]\s*(?:imod|nej)\s*:?\s*\d+",
    r"^alle stemte (?:for|ja)\b",
)
# Kolonnerne i en afstemningstabel ("| For | Imod | Undlod |" og en række tal): flertallet
# for er beslutningen, joined til spørgsmålet over tabellen.
POLL_FOR = (r"for", r"ja", r"stemmer for")
POLL_AGAINST = (r"imod", r"nej", r"stemmer imod")
POLL_NEUTRAL = (r"undlod", r"undlader", r"blank", r"blanke", r"hverken for eller imod")
# At et forslag blev støttet: et resultat lige efter er forslagets ("… sekunderede Vedtaget").
SECONDED = (r"sekunderede", r"støttede forslaget")
# Et forslags felter, ét pr. linje: "Forslag: at godkende …", "Forslagsstiller: Ann".
MOVER_FIELDS = (r"forslagsstiller", r"stillet af", r"foreslået af", r"sekunderet af", r"støttet af")
MOTION_FIELDS = (r"forslag", *MOVER_FIELDS)
MOTION_WORDS = (
    r"\bforslag\b",
    r"\bafstemning\b",
    r"\bstemte\b",
    r"\bindstilling\b",
    r"\bforeslået\b",
    r"\bforeslog\b",
    r"\bsekunderede\b",
)
# Et svar der siger, at der intet var: "Intet.", "Ingen yderligere punkter."
NOTHING_SAID = (r"^intet\b", r"^ingen\b", r"^ikke noget\b")
NOT_APPLICABLE = (r"^ikke relevant\b", r"^ingen\b")
# "X lovede at …": en opgave, X påtog sig den.
TASK_PROMISES = (
    # et løfte gengivet: "Jens sagde, at han ville undersøge prisen"
    r"(?:sagde|oplyste|meddelte),? at (?:han|hun|de) (?:vil|ville)(?! gerne| være\b| have\b)",
    r"lovede at",
    r"påtog sig at",
    r"tilbød at",
    r"forpligtede sig til at",
    # i nutid: "X lover at …", "X påtager sig at …", "X tilbyder at …"
    r"lover at",
    r"påtager sig at",
    r"tilbyder at",
)
TASK_VERBS = ()  # Danish writes tasks as "X <verb>er": see ACTION_VERBS and NOT_ACTION_VERBS
# What says that a resolution quoted after it is an earlier one: "That was last week's
# resolution: RESOLVED: …" (cues.read_cues).
EARLIER_DECISIONS = (r"\b(?:sidste|forrige) (?:uges?|mødes?|måneds?)\b", r"\btidligere\b")
# En beslutning fortalt med hvornår den blev taget, før dette møde: genfortalt, ikke taget nu
# ("Det blev besluttet for to uger siden", "Sidste sommer besluttede vi at …").
DECIDED_BEFORE = (
    r"\bfor\s+(?:\w+\s+){1,2}(?:dage|dag|uger|uge|måneder|måned|år)\s+siden\b",
    r"^sidste\s+(?:sommer|vinter|forår|efterår|år)\b",  # ikke "lige som sidste år"
)
# Titler med punktum foran et navn: "Dr. Hansen sender …"
PERSON_TITLES = ("Dr", "Prof", "Cand")
# En websides navigation, som stod tilbage i dens tekst (minutes/text.py).
PAGE_CHROME = (
    r"til toppen",
    r"tilbage til toppen",
    r"til top",
    r"(?:skriv|efterlad|giv) en kommentar",  # under et blogindlæg
    r"din e-?mail(?:adresse)? vil ikke blive (?:publiceret|offentliggjort)\b.*",
)
# Et punkt der spørger efter en dato: svaret er beslutningen (minutes/answers.py).
DATE_TITLES = (
    r"^dato for\b",
    r"^fastsættelse af dato\b",
    r"^tidspunkt for\b",
    r"^mødedatoer\b",  # "4. Mødedatoer 2015" answered by "Møderne afholdes 3. torsdag …"
    r"^mødeplan\b",
    r"^mødekalender\b",
)
NOT_DECISION_CUES = (
    # et spørgsmål, hvis spørgsmålstegn er tabt: "Hvem ansøger om hjertestarter."
    r"^hvem\b",
    r"\bbesluttede i et møde\b",
    # a decision of an earlier time told: "Sidste år vedtog vi nye vedtægter"
    r"^(?:sidste|forrige) (?:år|måned|uge|møde)\b",
    r"^i fjor\b",
    r"^for (?:et stykke tid|noget tid|længe) siden\b",  # "For et stykke tid siden valgte vi …"
    # the minutes signed: "Godkendt den 7. januar 2019" over the signer's name
    r"^(?:godkendt|underskrevet) den \d{1,2}\.?\s*(?:[a-zæøå]+|\d{1,2}\.?)\s*\d{4}"
    r"(?:\s+[A-ZÆØÅ][\w-]+(?:\s+[A-ZÆØÅ][\w-]+)*)?\s*$",
    # who took part, written into the decision field: "Peter Andersen deltog ikke på mødet.",
    # "Kenneth Dahl deltog som suppleant.", "Ib Hansen deltog ikke i behandlingen af punktet."
    r"\bdeltog (?:ikke|som suppleanter|som suppleant)\b",
    r"\b(?:var|er) fraværende\b",
    r"\bhavde meldt afbud\b",
    # when and where this meeting is held: "Mødet holdes tirsdag 27.09.2022 kl. 19 på …"
    r"^mødet (?:holdes|afholdes|blev holdt|blev afholdt)\b",
    # the signature block under the minutes: "Således godkendt den / 2016"
    r"\bsåledes godkendt\b",
    # a re-election declined: "Finn tager ikke imod genvalg.", "Jens ønsker ikke genvalg"
    r"\b(?:tager|tog)\s+ikke\s+imod\s+genvalg\b",
    r"\b(?:ønsker|ønskede)\s+ikke\s+(?:at\s+modtage\s+)?genvalg\b",
    # who stands for re-election, before the election: "Inger Aaby – modtager genvalg.",
    # "Revisor og revisorsuppleant modtager begge genvalg."
    r"\bmodtager\s+(?:\w+\s+)?genvalg\b",
    # a fact confirmed by a person: "Formanden bekræftede, at alle var til stede"
    r"^\S+\s+bekræftede,?\s+at\b",
    r"\b(?:på|i) (?:sidste|forrige) møde\b",
    r"\bikke (?:var |er |blev )?enighed\b",  # "hvilket der dog ikke var enighed om"
    # where this meeting is held ("Mødet holdes hos Jacob"), not a rule ("Møder afholdes på skift")
    r"^mødet\s+(?:af)?holdes\s+(?:hos|i|på)\b",
    # et udfald på betingelse: "Hvis ikke, så tager vi vinteren i vores nuværende lokaler og der
    # bevilges …"; en beslutning der først skal træffes: "Her vil det blive besluttet om …"
    r"^(?:hvis|såfremt)\b",
    r"\bvil\s+(?:det\s+)?blive\s+besluttet\b",
    # the next meetings' dates, agreed: the next meeting, not a decision ("Dato for næste møde
    # blev aftalt til 22. oktober kl 19:30 …")
    r"^dato(?:en)?\s+for\s+(?:næste|efterfølgende|kommende)\s+\w*møde\b",
)
SOURCE_COLUMNS = ("kilde", "fra", "møde", "oprindelse")
ACTION_MARKERS = (r"handling", r"opgave", r"opfølgning", r"aftale", r"aktion")
# The start of an action's code in an action log: "HP-12:", "OPG-2016-3:".
ACTION_CODES = (r"HP", r"OPG", r"HANDLING")
OWNER_COLUMNS = (r"ansvarlige?", r"hvem", r"tovholder", r"ansvar")
TASK_COLUMNS = (r"handling(?:er)?", r"opgaver?", r"hvad", r"aktivitet", r"beskrivelse")
# Kolonner med en dato: aldrig opgaven.
DUE_COLUMNS = (r"frist", r"deadline", r"dato", r"tidsfrist", r"hvornår")
STATUS_COLUMNS = (r"status", r"kommentar", r"bemærkning")
DECISION_COLUMNS = (r"beslutning(?:er)?", r"konklusion")
MEETING_WORDS = (r"møde", r"\breferat\b", r"generalforsamling")
OTHER_MEETING = (r"\breferat(?:et)? (?:fra|af)\b", r"\bforrige\b", r"\bsidste møde\b", r"\bnæste\b")
# En opgave i nutid med ejeren foran: dansk læses enhver "X <udsagnsord>er" (ACTION_VERBS,
# NOT_ACTION_VERBS); listen behøves kun på engelsk.
TASK_PRESENT: tuple[str, ...] = ()

# An action's status, written on the line after it or in its status column: it is done,
# dropped or carried over, so no new task of this meeting ("Handling udført", "Lukket").
CLOSED_STATUS = (
    r"udført",
    r"afsluttet",
    r"lukket",
    r"lukkes",
    r"aflyst",
    r"annulleret",
    r"videreført",
    r"overført",
    r"færdig",
)

# Linjer med dem der ikke kom ("Afbud: Stoffer (ST)."): deres navne og initialer kan
# stadig stå ved en opgave.
ABSENCE_LABELS = (r"afbud", r"fraværende", r"udeblevet", r"forhindret", r"ikke\s+til\s*stede")

# Ord, der gør en fast regel til en regel for møderne: "Møderne afholdes 3. torsdag …".
MEETING_RULE_WORDS = (r"møde",)

# Hvad et organ besluttede, også ved siden af formelle referaters forslag: "Bestyrelsen vedtog …".
BODY_DECIDED = (r"besluttede", r"vedtog", r"godkendte", r"stemte")

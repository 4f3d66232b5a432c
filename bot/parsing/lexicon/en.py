"""English words the parsing core knows. Data only: add words here, not branches."""

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
RELATIVE_DAYS = {"today": 0, "tomorrow": 1, "the day after tomorrow": 2}
NEXT = ("next", "coming")
IN = ("in",)
UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30}
WEEK = ("week",)
PERIOD_OF_MONTH = {
    "early": 10,
    "beginning of": 10,
    "start of": 10,
    "mid": 20,
    "mid-": 20,
    "middle of": 20,
    "late": -1,
    "end of": -1,
    "the end of": -1,
}
PERIOD_OF_YEAR = {
    "early": (3, 31),
    "beginning of": (3, 31),
    "mid": (6, 30),
    "mid-": (6, 30),
    "middle of": (6, 30),
    "late": (12, 31),
    "end of": (12, 31),
    "the end of": (12, 31),
}
CLOCK = ("at",)

DECISION = ("decision", "decisions", "decided", "resolved", "agreed")
ACTION = ("action item", "action", "actions", "task", "todo", "to do", "to-do")
OWNER = ("owner", "owners", "responsible")
DEADLINE = ("deadline", "due", "by", "before")
NEXT_MEETING = ("next meeting",)
AGENDA = ("agenda item", "agenda")
ITEM = ("item", "agenda item")
CONJUNCTIONS = ("and", "&")
PLACE_PREPOSITIONS = ("in", "at")
NEXT_MEETING_DEADLINE = (
    "for the next meeting",
    "at the next meeting",
    "before the next meeting",
    "next meeting",
)

# --- whole minutes (bot/parsing/minutes.py) ----------------------------------
SECTIONS = {
    "decision": "beslutning",
    "decisions": "beslutning",
    "conclusion": "beslutning",
    "conclusions": "beslutning",
    "summary": "resume",
    "recommendation": "indstilling",
    "background": "sagsfremstilling",
    "attachments": "bilag",
    "discussion": "sagsfremstilling",
    "financial implications": "sagsfremstilling",
    "legal implications": "sagsfremstilling",
}
DECISION_CUES = (
    # a rule from now on: "Going forward, the agenda will be sent a week before", "From now on
    # we publish the minutes on the website"
    r"^(?:going\s+forward|from\s+now\s+on|henceforth)\b,?\s+\S+(?:\s+\S+)?\s+(?:will|shall|\w+s?)\b",
    r"^(?:postponed|deferred)\s+(?:to|until)\b",  # "Postponed to the December meeting"
    # a go-ahead: "Jens got the green light to …", "The board gave the go-ahead for …"
    r"\b(?:got|gets|was given|were given|gave|given)\s+(?:\w+\s+)?(?:the\s+)?"
    r"(?:green light|go-ahead)\b",
    # a motion and its result in one sentence: "Motion to accept passed.", "Motion to let the
    # subscription expire by 09/08/2025 carried."
    r"^motion\s+(?:to|for)\b[^.!?]{0,200}?\b(?:passed|carried|approved|adopted)\b",
    # a vote's outcome told first: "Unanimous vote that Nick will hold the position …"
    r"^(?:an?\s+)?(?:unanimous|majority)\s+(?:vote|decision)\s+(?:that|to|for)\b",
    # moved, seconded, carried (approved, passed) in one mark: "Approval of Agenda and
    # Minutes: M/S/C", "M/S/A to commend Janice …"
    r"\bM/S/[ACP]\b",
    # a choice between ways: "the board chose to get three quotes", "We opted not to …"
    r"(?<!-)\b(?:chose|opted)\s+(?:not\s+)?to\b",  # not "co-opted to fill"
    r"\bha(?:ve|s)\s+(?:\w+\s+)?(?:chosen|opted)\s+(?:not\s+)?to\b",
    # an outcome after the matter and a spaced dash: "Agree on aims - Agreed and constitution
    # updated", "Budget – approved as presented"
    r"\s[–—-]\s+(?:agreed|approved|adopted|carried|accepted|passed|rejected|deferred)\b",
    r"\bagreement\s+(?:was\s+)?(?:passed|reached)\b",  # "Agreement passed to use the IC3 …"
    r"\bit\s+was\s+concluded\b",
    # consensus told as plain speech: "general consensus is that we should do this",
    # "Everyone agrees this makes sense.", "Everyone is on board.", "Everyone is OK with …"
    r"\b(?:general|the)\s+consensus\s+(?:is|was)\b",  # not "reaching consensus is slower"
    r"\s(?:[–-]\s*)?(?:otherwise\s+)?(?-i:OK)\.?$",  # "Minutes of the last meeting OK"
    r"^(?:everyone|everybody|all)\s+(?:agrees?|agreed|is\s+on\s+board|(?:is|was)\s+ok\s+with)\b",
    r"^(?:deferred|postponed)\b",  # "Deferred to the next meeting."
    r"^signed\.?$",  # "Signing of the minutes of 20 November" / "Signed."
    r"\baccepted\s+as\s+a\s+(?:true|correct)\s+record\b",
    r"\b(?:accepted|approved|adopted)\s+as\s+(?:presented|circulated|amended)\b",
    # a count of votes for: "Strike references …? - **4 votes in favor**"
    r"\b\d+\s+votes?\s+in\s+favou?r\b",
    # a date or a name picked: "Available dates are Dec 5th and 11th. COA selected 11th.",
    # "The board picked Sunday, Sept. 15, 2024 …"
    r"\b(?:selected|picked|chose)\s+(?:the\s+)?(?:\d|(?-i:[A-Z])\w+\b(?!\s+(?:to|for)\b))",
    # a choice told in the passive: "**Hugo** is selected.", "Option B was chosen."
    r"\b(?:is|was|were|has been|have been)\s+(?:selected|chosen|picked)\b(?!\s+(?:to|by)\b)",
    # a refusal or acceptance: "We declined the invitation to the Christmas market."
    r"\b(?:declined|accepted)\s+(?:the\s+)?(?:invitation|offer|proposal|request)\b",
    # a matter closed: "The matter of the code of conduct was closed with the board's …"
    r"\bmatter\b[^.]{0,80}?\bwas\s+closed\b",
    r"\bit was agreed\b",
    r"\bthe (?:board|committee|group) agreed\b",
    r"\bagreed (?:that|to)\b",
    r"\bwas decided\b",
    r"\bit was decided\b",
    r"(?<!be )(?<!been )\bvoted\b",
    r"\bapproved by a \d+-\d+",
    r"\bnominated\b.*\baccepted\b",
    # elected by proposal and acceptance: "proposed Ann Lee as chair, who accepted the
    # election" (as "nominated … accepted")
    r"\bproposed\b[^.]*\baccepted\s+the\s+(?:election|nomination)\b",
    # a ballot's result with its count, not a tie: "The second ballot ended 6-5, with one
    # blank vote, for Frede Andersen." (not "ended 6-6, a tie")
    r"\bballot\s+(?:ends|ended|gave|was)\s+\d+\s*[–-]\s*\d+\b(?![^.]*\b(?:tie|tied|draw)\b)",
    r"\bwas elected\b",
    r"\bwas appointed\b",
    r"(?<!be )(?<!if )(?<!once )(?<!until )\b(?:was |were |is |are )?approved\b(?!:?\s*\d)",
    r"\belected\b(?! to other| officials?\b| members\b| representatives\b)",
    # "Kenley moved …, Scott seconded, vote passed 8-0-0."
    r"\b(?:vote|motion) (?:passed|carried|carries|passes)\b",
    r"\bunanimous consent\b",
    # consensus: "We agree it's good", "There was consensus to …"
    r"\bwe (?:all )?agree\b(?! to disagree)",
    r"\b(?:there (?:is|was) )?consensus (?:was reached|to|that)\b",
    # a standing rule from now on, told in the present: "Only members are from now on allowed
    # to rent the tent.", "From now on the board has office hours …" (not "we will … from now on")
    r"\b(?:is|are|has|have)\s+(?:from now on|henceforth)\b",
    r"^(?:from now on|henceforth),?\s+(?:\w+\s+){1,3}(?:is|are|has|have|must)\b",
    r"(?:^|:\s*)noted\.?$",  # "Treasurer's report: noted", "Noted." (Danish "til efterretning")
    r"\bit was determined that\b",
    r"\belection of\b[^.]*\b(?:was|went to)\s+(?-i:[A-Z])",  # "the election of a chair was Ann Lee"
    r"\bremain(?:s|ed) unchanged\b",
    # a role kept: "Ann continues as treasurer"
    r"\bcontinues?\s+as\s+(?:chair|chairman|chairperson|vice-chair|treasurer|secretary|president)",
    r"\bre-?elected\b",
    r"\bagree+d\b(?! to (?:disagree|discuss))",
    r"\bagreement (?:among|by|of|from) the\b",
    r"\bin agreement\b",
    r"\b(?:was |were |is )?(?:deferred|tabled|postponed)\b",
    r"\bput off until\b",
    r"\bwe (?:seem to )?have consensus\b",
    r"\bconsensus (?:was|is) (?:reached|to)\b",
    # not the minutes "accepted as a true record"; "X was ratified as a … representative" is one
    r"(?<!be )(?<!been )\b(?:was |were )?(?:adopted|accepted|ratified|confirmed)\b"
    r"(?! as (?:a|an)\b(?:\s+\w+)?\s+record\b)",
    r"\bmotion (?:passed|carried)\b",
    # "X seconded the motion, which carried by the following roll call vote: …"
    r"\bmotion,? which (?:passed|carried)\b",
    r"\bpassed (?:unanimously|without dissent)\b",
    r"\bcarried\b(?: unanimously| \d+\s*[-–]\s*\d+)",
    r"\bunanimously (?:approved|adopted|agreed|carried|passed)\b",
    r"\b(?:board|committee|council|group|meeting) resolved\b",
    # "the Members resolved by unanimous ordinary resolution to …" (the manner between)
    r"\bresolved\s+(?:by\s+(?:[\w-]+\s+){0,3}(?:resolution|vote|majority)\s+)?(?:to|that)\b",
    r"\bdecided (?:to|that|on|no|not|against)\b",  # "… and decided no change was required"
    # an outcome that something is not needed: "No need for a release cadence for now."
    r"^no need (?:for|to)\b",
    # a rename done: "Renamed CF Containerization to 'Project Quarks'", "X was renamed to Y"
    r"^renamed\b.*\bto\b",
    r"\bwas renamed (?:to|as)\b",
    r"\b(?:motion|proposal|amendment) (?:failed|was (?:rejected|defeated))\b",
    r"\bappointed\b(?! by)",
    r"\bno objections?\b",
    # a document signed at the meeting: "The audit report was signed."
    r"\b(?:was|were) signed\b",
    # a matter referred to another forum: "The draft was referred to the general meeting."
    r"\b(?:was|were)\s+(?:referred|remitted)\s+to\b",
    # something fixed: "The year's programme was discussed and finalised."
    r"\b(?:was|were)\s+(?:\w+\s+){0,3}(?:finali[sz]ed|settled)\b",
    # a majority for: "A majority voted for a concert on 18 December"
    r"\bmajority (?:said yes|voted (?:for|yes|in favou?r))\b",
    # an acceptance as the outcome: "Acceptance of the loan of the hall to …"
    r"^acceptance of\b",
    # a role taken, the name first: "Jane is secretary, in charge of the agenda", "Bo becomes
    # the new treasurer" (as "continues as treasurer")
    r"^(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?\s+(?:is|becomes|became)\s+(?:the\s+)?(?:new\s+)?"
    r"(?:chair|chairman|chairperson|vice-chair|treasurer|secretary|president)\b",
    # a recommendation followed, support, a sign-off: "The recommendation was followed.",
    # "The board supported the proposal.", "There was support for the motion.", "Members
    # endorsed the plan.", "The committee signed off on the plan."
    r"\b(?:recommendations?|proposals?)\s+(?:was|were|is|are)\s+(?:followed|supported|endorsed)\b",
    r"\bsupport(?:ed)?\s+(?:for\s+)?the\s+(?:proposal|motion|recommendation|plan)\b",
    r"\bendorsed\b(?!\s+by\b)",
    r"\bsigned\s+off\s+on\b",
    # a motion that fell, an agreement without "it was" first in the sentence ("Agreed to keep
    # the budget."); Danish also reads its old passive ("besluttedes"), English has none
    r"\b(?:proposal|amendment) fell\b",
    r"^agreed (?:to|that|on)\b",
    # a decision told in the present with the body first: "The council approves the budget.",
    # "SCF adopts and abides by …" (not "… proposes that the board approves …")
    r"^(?!(?:if|when|once|unless|whether)\b)(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+){1,3}"
    r"(?:approves|decides|adopts|endorses)\b",
    # "The Board agrees to …", "TSC agrees that …" (a body; "Noah agrees to work on this" is
    # his promise, a task)
    r"^(?:the\s+(?:(?-i:[A-Z])[\w-]*\s+){1,3}|(?-i:[A-Z]{2,6})\s+|(?:\w+\s+){0,2}"
    r"(?:board|committee|council|group|team|meeting|members|everyone|all)\s+)"
    r"agrees (?:to|that|on)\b",
)
# The board as "we" doing something now. In English minutes "We will …" is a plan or a task
# (none of the seven in the corpus is a decision: "We will raise this as a topic …"), so
# English has no such cue; Danish "Vi vil …" / "Vi indhenter …" is the board's decision.
WE_DECIDE: tuple[str, ...] = ()
# Passive future of an outcome ("A Matrix dev channel will be opened").
WEAK_DECISION_CUES = (
    r"\bwill be (?:opened|created|set up|established|launched|dropped|removed|closed|archived|"
    r"merged|published|released|renamed|moved|replaced|cancell?ed|discontinued)\b",
    # a day set for an event: "The open day will be on Saturday 17 September."
    r"\bwill be (?:held )?on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    r"\b(?:is|was) (?:set|fixed) for\b",  # "The AGM was set for 21 February"
    # a grant, a purchase, a rule set: "A fee is granted to the organist."
    r"\b(?:is|are) (?:granted|allocated|purchased|bought|fixed at|kept|retained)\b",
    # an application: "We apply for a grant", "A grant is applied for"
    r"\b(?:we apply|(?:is|are) applied) for\b",
    # an allocation, a meeting called: "The group has allocated 500 hours", "An extraordinary
    # general meeting is convened for April."
    r"\b(?:has|have|was|were) allocated\b",
    r"\b(?:was|were) granted\b",  # "A fee of 500 was granted." (Danish "bevilgede")
    r"\b(?:is|are|will be) convened\b",
)
# A report under a decision heading ("The chair reported on …"): what was told, not
# decided, where the heading also holds an outcome ("Noted.").
REPORTS = (
    r"^\S+(?:\s+\S+)?\s+(?:reported|informed \w+|briefed \w+)\s+(?:on|about)\b",
    # "All members gave a short presentation.", "Ann gave an overview of …"
    r"^\S+(?:\s+\S+){0,2}\s+gave\s+(?:a|an)\s+(?:brief\s+|short\s+)?(?:presentation|overview|update|report)\b",
)
# A sentence that says what the decision before it covers: joined to it.
ELABORATIONS = (r"^(?:this|that|the decision)\s+(?:applies|covers|includes|means)\b",)
# What an election is about; the result after it ("All were re-elected.") is the decision.
# An item where the board sets its officers: its lines "Chair: Ann Lee" are one decision.
CONSTITUTION_TITLES = (
    r"constitution of the board",
    r"board officers",
    r"appointment of officers",
    r"officers",
    r"allocation of roles",
)
# An item where the meeting elects: "Election of officers", "Elections".
ELECTION_TITLES = (r"elections? of", r"elections? to", r"elections?")
# A line over the list of who was elected ("Elected through voice vote:", "Election of officers:")
ELECTED_LIST_LABELS = (r"elected", r"elections? of", r"voted in")
# Who stands, not who was elected: "Nominations: Ann Lee, Bo Berg", "Candidates: …".
NOMINEE_LABELS = (r"nominations?", r"nominees?", r"candidates?", r"up for (?:re-?)?election")
ELECTION_OPENERS = (r"\bup for (?:re-?)?election\b", r"^standing for (?:re-?)?election\b")
MODALS = (r"\bshould\b", r"\bcould\b", r"\bmay\b", r"\bmight\b")
# Something that has to be done: "Back stairs must be varnished. (AF)"
OBLIGATIONS = (r"\bmust\b", r"\bshould\b", r"\bneeds? to\b", r"\bhas to\b", r"\bhave to\b")
ACTION_VERBS = ("will",)
OWNER_IS = (
    # "The working group comes back with a proposal at the next meeting."
    r"^(?:the\s+)?(?P<owner>(?:(?-i:[A-Z])[\w.]*\s){0,2}(?-i:[A-Z])\w+)\s+(?:comes|will come)\s+"
    r"back\s+with\b",
    r"^(?P<owner>(?:(?-i:[A-Z])[\w.]*\s){0,3}(?-i:[A-Z])\w+) "
    r"(?:stated|said|noted|confirmed|agreed) "
    r"(?:that )?(?:he|she|they) will\b",
    r"\brequested that (?P<owner>(?!the\b)[\w.]+(?: \w+)?) (?=send|provide|review|submit|prepare)",
    r"\bwill have (?P<owner>(?-i:[A-Z])\w+) (?=\w+\b)",
    r"^(?:assign(?:ed)?\s+to|review(?:er|ed by)?\s*:|owner\s*:)\s*(?P<owner>[\w.\-]+)",
    # "Ann Lee is responsible for booking the hall."
    r"^(?P<owner>(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+){0,2})\s+(?:is|will be|was made)\s+"
    r"(?:responsible|in charge)\s+(?:for|of)\b",
    r"\b(?-i:Action):?\s+(?P<owner>(?-i:[A-ZÆØÅ])[\wæøå]*(?:\s+og\s+(?-i:[A-ZÆØÅ])[\wæøå]*)?)\.?\s*$",
    r"^the (?P<owner>chairman|chair|clerk|secretary|treasurer|president|coordinator)\s+"
    r"(?:will|to|agreed to)\b",
)
# "Kailey will be the pool lead": a role, no task ("be responsible for" is one)
STATE_TASKS = (r"^be\s+(?!responsible\b|in\s+(?:charge|touch|contact)\b)",)
NO_OWNER_ACTION = ()
NEXT_MEETING_WORDS = (
    r"next\s+(?:\w+\s+){0,2}meeting",  # "Next monthly Board meeting:"
    r"next\s+mtg\b",  # "Next Mtg: Dec 4th"
    r"next\s+(?:\w+\s+)?call\b",
    r"\bnew\s+meeting\s+date\b",
)
# "the first Tuesday of April", "the last Thursday of the month": which of the month's
# weekdays (-1: the last).
NTH_WEEKDAY = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": -1,
}
# Words before the next meeting's name in a heading whose date is on the line below:
# "Date of next meeting".
NEXT_MEETING_LEADS = (r"date\s+of(?:\s+the)?", r"time\s+of(?:\s+the)?", r"date\s+and\s+time\s+of")
# A clock time written as four digits needs its zone to be one: "1300 CET".
TIME_ZONES = (
    "UTC", "GMT", "BST", "CET", "CEST", "EST", "EDT", "PST", "PDT", "ET", "PT", "hrs",
    # a zone by its name: "Monday, February 22 @ 1300 Pacific"
    "Pacific", "Eastern", "Central", "Mountain",
)  # fmt: skip
# A next meeting not yet set: its sentence names no date of it, whatever dates it holds.
NEXT_MEETING_UNSET = (
    r"\bto\s+be\s+(?:decided|determined|confirmed|agreed|arranged|announced)\b",
    r"\b(?:tbd|tba|tbc)\b",
    r"\bnot\s+yet\s+(?:set|decided|fixed|scheduled)\b",
)
MEETING_MOVED = (
    r"(?:move|moved|postpone|postponed|reschedule|rescheduled)\s+(?:the\s+)?(?:next\s+)?meeting\s+to",
)
PROPOSED_AGENDA = (r"items?\s+for\s+the\s+next\s+meeting", r"proposed\s+agenda")
CALENDAR = ("meeting calendar", "meeting schedule")
# A year's meetings on one line without a year ("Meeting dates: 22/8, 27/9, …"): the next
# meeting is the first date after this one, where nothing else says.
# A heading over the coming meetings' dates ("Upcoming meetings: 10/1, 20/2, 29/3"): the
# first of them after this meeting is the next one.
UPCOMING_MEETINGS = (r"upcoming\s+meetings", r"future\s+meetings", r"forthcoming\s+meetings")
MEETING_SERIES = (
    r"meeting schedule",
    r"meeting dates",
    r"schedule of meetings",
    r"meeting calendar",
    r"meetings this year",
)
# The fields of an e-mail header ("From:", "Subject:"): its "Date:" is when it was sent.
MAIL_HEADERS = ("from", "sent", "to", "cc", "subject", "date", "reply-to")
# Role changes and absence ("X steps down", "X is absent"): said of a person, not a task.
# ("X attends" stays a task: attending an event for the body is one.)
ATTENDANCE_VERBS = (
    r"steps?\s+(?:therefore\s+|now\s+|hereby\s+)?(?:down|in)\b",
    r"(?:is|was)\s+(?:absent|present|excused)\b",
    r"sends?\s+(?:apologies|regrets)\b",
    # a role kept or sought: "Ann continues as treasurer", "Bo stands for re-election."
    r"continues?\s+as\b",
    r"stands?\s+for\s+(?:re-?)?election\b",
    # an election accepted or declined: "Bo accepts the election and thanks the meeting.",
    # "Finn does not stand for re-election.", "Ann declined re-election."
    r"(?:accepts|accepted)\s+(?:the\s+)?(?:election|nomination|re-?election)\b",
    r"(?:does|did)\s+not\s+(?:stand\s+for|seek|accept)\s+re-?election\b",
    r"declines?d?\s+(?:the\s+)?(?:re-?election|nomination)\b",
    # where someone will be, not what they will do: "Fearne will be in the next meeting"
    # ("will be in touch", "in charge of" are tasks)
    r"be\s+(?:in|at|present|absent|away)\b(?!\s+(?:touch|charge|contact)\b)",
    r"(?:resigns?|resigned)\b",
)
MEETING_DATE_LABELS = (
    "date",
    "time",
    "meeting date",
    "when",
    "held",
    "date and time",
    "date/time",
    "date & time",
)
# A heading over tasks from earlier meetings.
CARRIED_OVER_HEADINGS = (
    r"continuation",
    r"carried over",
    r"carried forward",
    r"from (?:the )?last meeting",
    r"previous actions?",
)
CARRIED_OVER = ()

# words that make the message shortcut guess "action" for a text without a keyword
ACTION_HINTS = ("will", "to do", "due", "by", "send", "prepare")

# `/referat` arguments
ME = ("me", "mine", "my")
OVERDUE = ("overdue", "late")
SINCE = ("since",)
ADD = ("add",)
ON = ("on", "yes")
OFF = ("off", "no")
# words a search ignores (Snowball's English stop words, as PostgreSQL's `english` uses)
STOPWORDS = (
    "i",
    "me",
    "my",
    "myself",
    "we",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "he",
    "him",
    "his",
    "she",
    "her",
    "hers",
    "it",
    "its",
    "they",
    "them",
    "their",
    "theirs",
    "what",
    "which",
    "who",
    "whom",
    "this",
    "that",
    "these",
    "those",
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "doing",
    "a",
    "an",
    "the",
    "and",
    "but",
    "if",
    "or",
    "because",
    "as",
    "until",
    "while",
    "of",
    "at",
    "by",
    "for",
    "with",
    "about",
    "against",
    "between",
    "into",
    "through",
    "during",
    "before",
    "after",
    "above",
    "below",
    "to",
    "from",
    "up",
    "down",
    "in",
    "out",
    "on",
    "off",
    "over",
    "under",
    "again",
    "further",
    "then",
    "once",
    "here",
    "there",
    "when",
    "where",
    "why",
    "how",
    "all",
    "any",
    "both",
    "each",
    "few",
    "more",
    "most",
    "other",
    "some",
    "such",
    "no",
    "nor",
    "not",
    "only",
    "own",
    "same",
    "so",
    "than",
    "too",
    "very",
    "can",
    "will",
    "just",
    "should",
    "now",
)

# how dates and times are written in answers
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
LONG_DATE = "{weekday} {day} {month} {year}"
CLOCK_WHOLE_HOUR = "{hour}:{minute:02d}"
CLOCK_TIME = "{hour}:{minute:02d}"
CLOCK_RANGE = "{}"
DAYS_NEAR = {0: "today", 1: "tomorrow", -1: "yesterday"}
DAYS_AHEAD = "in {} days"
DAYS_AGO = "{} days ago"
MORE_THAN = "over {}"  # a count that stopped: "… and over 1000 more"

# `/referat export FORMAT`: the word, and the export it names
EXPORT_FORMATS = {
    "csv": "csv",
    "xlsx": "xlsx",
    "ics": "ics",
    "md": "minutes",
    "history": "history",
    "minutes": "minutes",
    "docx": "minutes",
}
# `/referat calendar new`: a new secret feed URL (the old one stops working)
CALENDAR_NEW = ("new",)

# `/referat` subcommands
SUBCOMMANDS = {
    "help": ("help",),
    "next_meeting": ("next-meeting", "nextmeeting", "next"),
    "meeting": ("meeting",),
    "done": ("done",),
    "reopen": ("reopen",),
    "import": ("import",),
    "open_items": ("open-items", "open"),
    "decisions": ("decisions",),
    "retract": ("retract",),
    "agenda": ("agenda",),
    "owner": ("owner",),
    "export": ("export",),
    "calendar": ("calendar",),
    "language": ("language",),
    "reminders": ("reminders",),
    "digest": ("digest",),
}

# times people write after a deadline word that are not dates: reported as unreadable
TIME_WORDS = (
    "christmas",
    "easter",
    "the summer",
    "summer",
    "the holidays",
    "year end",
    "year-end",
    "the end of the year",
    "asap",
    "as soon as possible",
    "next week",
    "next month",
    "autumn",
    "spring",
    "winter",
)
TIME_PREPOSITIONS = ("after", "before", "until", "around", "the")

# a meeting that will not be held
CANCELLED = ("cancelled", "canceled", "called off", "postponed indefinitely")

# A shared file is minutes to import when its message names one of these words.
MINUTES_FILE_WORDS = ("minutes", "referat")

# --- questions in plain words (bot/parsing/intents.py) -----------------------
# See da.py: cues matched by how a word begins, weights summed per intent.
INTENT_CUES = {
    "agenda": {"agenda": 3, "discuss": 3, "topics": 2, "bring up": 2},
    "next_meeting": {
        "meet": 2,
        "when": 1,
        "next": 1,
        "where": 0.5,
        "session": 1,
        "last": -1.5,
    },
    "decisions": {
        "decid": 3,
        "decision": 3,
        "agreed": 2,
        "agree on": 2,
        "resolved": 2,
        "conclu": 2,
        "approved": 2,
        "did we say": 2,
    },
    "open_items": {
        "open": 2,
        "task": 2,
        "action": 2,
        "todo": 2,
        "to do": 2,
        "to-do": 2,
        "outstanding": 2,
        "pending": 2,
        "remain": 2,
        "missing": 2,
        "assigned": 2,
        "plate": 2,
        "left": 1,
        "due": 2,
        "deadline": 2,
        "owe": 1,
        "items": 1,
        "working on": 2,
        "status": 1.5,
        "promis": 2,
        "responsib": 1,
    },
    "responsible": {"who": 2.5, "responsib": 2, "owner": 1, "owns": 1, "in charge": 2},
    "help": {"help": 3, "what can you": 3, "how do i use": 3, "commands": 2},
}
INTENT_OVERDUE = {
    "overdue": 3,
    "late": 3,
    "behind": 3,
    "past due": 3,
    "missed": 3,
    "delayed": 3,
    "slipped": 3,
}
INTENT_ME = ("me", "my", "mine", "i", "myself", "i'm", "im")
INTENT_SLOTS = {
    "open_items": ("for", "has", "have", "does", "is", "owns", "on", "with"),
    "decisions": ("about", "on", "regarding", "re", "concerning", "for"),
    "responsible": ("for", "of", "on", "owns"),
}
INTENT_SINCE = ("since",)
INTENT_EXAMPLES = {
    "agenda": "what is on the agenda?",
    "next_meeting": "when is the next meeting?",
    "decisions": "what did we decide about the framework agreement?",
    "open_items": "what does Lolland have to do?",
    "responsible": "who is responsible for the consultation?",
    "help": "what can you do?",
}
INTENT_NOT_NAMES = (
    "got",
    "working",
    "doing",
    "still",
    "currently",
    "any",
    "anything",
    "left",
    "supposed",
    "meant",
    "going",
    "need",
    "needs",
)
# A line of who was there: "Present: Ann Lee and Bo Berg." Its names are people.
ATTENDANCE_LABELS = (
    r"present",
    r"in attendance",
    r"attendees",
    r"attendance",
    r"participants",
    r"(?:board |team |committee )?members present",
)
# Headings that are not agenda items (who was there, the agenda itself, …).
NOT_ITEM_HEADINGS = (
    r"attendees",
    r"attendance",
    r"present",
    r"absent",
    r"apologies",
    r"regrets",
    r"participants",
    r"members",
    r"non-members",
    r"directors (?:present|absent)",
    r"location",
    r"time",
    r"date",
    r"agenda",
    r"minutes\s*$",
    r"meeting notes\s*$",
    r"topics\s*$",
    r"possible topics",
    r"raw ",
    r"table of contents",
    r"contents\s*$",
)
# A heading alone on its line where the minutes start after the agenda: the numbering starts
# again under it ("Agenda: 1. … 3.", "Minutes", "1. Election of a minute-taker").
# An item title that names the matter, full stop or not: "Report on the approved works." is
# a heading, not an outcome.
TOPIC_OPENERS = (
    r"reports? (?:on|from)",
    r"update on",
    r"information (?:on|about)",
    r"review of",
    r"discussion (?:of|on)",
    r"status of",
)
MINUTES_START = (r"minutes", r"meeting minutes", r"meeting notes", r"notes", r"proceedings")
# A sentence saying when this meeting was held.
MEETING_HELD = (r"\bmeeting (?:was )?held on\b", r"\bheld on\b", r"\bmeeting took place\b")
# "next X meeting" where X names no other body.
GENERIC_MEETING_WORDS = ("regular", "scheduled", "ordinary", "planned", "team", "weekly", "monthly")
# Everyone of the meeting, as the owner of a line in an action list ("Everyone: Read more on
# Ranking"): as written. In a sentence ("everyone agrees") no owner.
COLLECTIVE_OWNERS = (
    "everyone",
    "everybody",
    "all",
    "all members",
    "each member",
    "whole team",
    "the whole team",
)
NOT_OWNERS = (
    # a preposition opening a sentence: "For the hall, …", "Remember: …"
    "for",
    "with",
    "about",
    "on",
    "of",
    "if",
    "when",
    "remember",
    "still",  # "Still: working on bio. informatics"
    "following",  # "Following members stand for election: …"
    # "Happy to do it for people who …": the speaker's offer, no one named "Happy"
    "happy",
    "glad",
    "willing",
    # a word opening a sentence that is no name: "Just to clarify for me …", "Meet to clarify
    # the distribution of work" (an imperative to the team)
    "just",
    "meet",
    "we",
    "i",
    "you",
    "he",
    "she",
    "they",
    "everyone",
    "nobody",
    "someone",
    "link",
    "note",
    "notes",
    "goal",
    "details",
    "text",
    "presenter",
    "proposal",
    "resolution",
    "status",
    "discussion",
    "topic",
    "agenda",
    "vote",
    "motion",
    "date",
    "time",
    "location",
    "summary",
    "background",
    "question",
    "answer",
    "comment",
    "update",
    "updates",
    "decision",
    "outcome",
    "result",
    "minutes",
    "action",
    "actions",
    "q",
    "a",
    "re",
    "ok",
    "http",
    "https",
    "www",
    "if",
    "when",
    "what",
    "why",
    "how",
    "who",
    "where",
    "which",
    "none",
    "n/a",
    "tbd",
    "also",
    "but",
    "and",
    "or",
    "so",
    "then",
    "thanks",
    "thank",
    "yes",
    "no",
    "maybe",
    "need",
    "needs",
    "first",
    "second",
    "next",
    "last",
    "other",
    "others",
    "some",
    "all of",
    "lots",
    "not",
    "items",
    "item",
    "points",
    "resolved",
    "access",
    "ability",
    "request",
    "changes",
    "plan",
    "try",
    "nothing",
    "something",
    "anything",
    # demonstratives, as Danish "disse", "dette", "denne": "These will take time"
    "these",
    "those",
    "that",
)
# A speaker taking a task on: "mnot: … I will make a PR", "dret: volunteers to help".
SELF_ASSIGNED = (
    # not "Menu: Will be the same as last year" (a topic and what it will be)
    r"^(?:I\s+will|I'll|will(?!\s+be\s+(?!\w+ing\b))|to|volunteers?\s+to|agreed\s+to|I've\s+got(?:ta|\s+to)|happy\s+to)\s+\w",
    r"\bI\s+will\s+(?:make|write|send|do|take|update|file|open|draft|prepare|review|follow|create"
    r"|add|fix|check|ask|post)\b",
    r"\bI've\s+got(?:ta|\s+to)\s+\w",
    r"\bI['’]ll\s+(?:make|write|send|do|take|update|file|open|draft|prepare|review|follow|PR"
    r"|create|add|fix|check|ask|post)\b",
)
ACTION_SECTIONS = (
    r"action\s+list",
    r"action items?",
    r"action points?",
    r"new action items?",  # beside "Action items from last meeting" (CARRIED_OVER_HEADINGS)
    r"new actions?",
    r"actions?",
    r"next steps",
    r"to-?dos?",
    r"follow[- ]ups?",
    r"tasks",
    r"assignments",
)
# What stands in brackets after an action list's heading: "Tasks (short term)".
ACTION_SECTION_QUALIFIERS = (r"\((?:short|long)[ -]term\)",)
# A line that records an outcome: "Resolution: …", "Outcome: …", "#agreed …", "AGREED: …".
# A numbered motion that a result after it settles: "Resolution 2: To accept …".
# An outcome after a dash or in parentheses at the end of an item's title: "Budget – approved".
TITLE_OUTCOMES = (
    r"approved",
    r"adopted",
    r"agreed",
    r"carried",
    r"accepted",
    r"passed",
    r"rejected",
    r"deferred",
    r"(?:was )?elected",  # "2. Election of secretary: Jane Doe elected"
    r"noted",
    r"ok",  # "Approval of the minutes of 11 October - OK."
)
NUMBERED_MOTIONS = (r"resolution", r"motion", r"proposal")
OUTCOME_LABELS = (
    r"agreement",  # "Agreement: we don't need a more formal way of …"
    r"resolution",
    r"resolved",
    r"outcome",
    r"result",
    r"#agreed",
    r"agreed",
    r"decision",
    r"decided",
    r"conclusion",
    r"consensus(?=\s*:)",  # "Consensus: keep the budget." (not "Consensus does not …")
    r"#decision",
    r"#resolved",
    r"\[agreed\]",
    r"\[decision\]",
    r"\[resolved\]",
    r"#resolution",
)
# An outcome that says only that something passed; the motion before it is what was decided.
BARE_RESULTS = (
    r"^(?:the\s+)?(?:vote|motion)?\s*(?:was\s+)?(?:passed|carried|approved|adopted|accepted)\b",
    # "This Resolution was unanimously adopted." after a numbered resolution
    r"^(?:this|the)\s+(?:resolution|motion|proposal)\s+was\s+(?:\w+ly\s+)?"
    r"(?:passed|carried|approved|adopted|accepted)\b",
    r"^passed\b",
    r"^carried\b",
    r"^approved\b",
    r"^adopted\b",
    r"^accepted\b",
    r"^motion (?:passed|carried)\b",
    r"^vote passed\b",
    r"^unanimous(?:ly)?\b(?!\s+consent\s+(?:on|to|for)\b)",  # "… consent on the minutes" names it
    r"^the motion was (?:passed|carried|approved)\b",
    r"^motion (?:passes|carries|passed|carried)\b",
    r"^the motion (?:passes|carries)\b",
    r"^the motion (?:is|was) (?:approved|adopted|carried|passed)\b",
    r"^elected\b",
    # everyone's aye as the result (US school boards): "All present voted aye in favor of
    # adjournment.", "Cromer seconded followed by all aye votes."
    r"^all\s+(?:present|members(?:\s+present)?)\s+voted\s+(?:aye|yes|in\s+favou?r)\b",
    r"^(?:\S+\s+){1,3}seconded,?\s+(?:and\s+)?followed\s+by\s+(?:all|unanimous)\s+ayes?\b",
    # the vote's manner first: "Upon voice vote, the motion carried 3-0." (US public bodies)
    r"^(?:upon|on|by|after|following) (?:a |the )?(?:voice |roll[- ]call |unanimous )?vote,?\s+"
    r"(?:the\s+)?motion (?:passed|carried|passes|carries|was (?:passed|carried|approved|adopted))"
    r"\b",
)
VOTE_TALLIES = (
    r"^vote\s*:?\s*\d+\s+(?:in favou?r|for|yes|aye)",
    r"^\d+\s+(?:in favou?r|for|yes|ayes?)\s*,\s*\d+\s+(?:opposed|against|no|nays?)",
    r"^(?:ayes?|yes|for)\s*:?\s*\d+\s*[,;]\s*(?:nays?|no|against)\s*:?\s*\d+",
    # "All voted “AYE”." before "The motion is approved."
    r"^all (?:members )?(?:voted|in favou?r)\b",
    # for, against, abstaining: "* 20 - 2 - 0" over "* Motion carries"
    r"^\d{1,3}\s*[-–]\s*\d{1,3}\s*[-–]\s*\d{1,3}\s*$",
)
# The columns of a poll table ("| SF | F | N | A | SA |" and a row of counts, W3C style;
# "| For | Against | Abstain |"): a majority for is the decision, joined to the question above.
POLL_FOR = (r"sf", r"f", r"for", r"yes", r"ayes?", r"in favou?r", r"strongly for")
POLL_AGAINST = (r"sa", r"a", r"against", r"no", r"nays?", r"opposed", r"strongly against")
POLL_NEUTRAL = (r"n", r"neutral", r"abstain", r"abstained", r"abstentions?")
# A motion seconded: a result straight after it is the motion's ("… seconded Carried").
SECONDED = (r"seconded",)
# A motion's fields, one a line: "Motion: To approve …", "Moved: Ann", "Seconded: Bo".
MOVER_FIELDS = (
    r"moved(?: by)?",
    r"mover",
    r"seconded(?: by)?",
    r"seconder",
    r"proposed(?: by)?",
    r"proposer",
)
MOTION_FIELDS = (r"motion", *MOVER_FIELDS)
MOTION_WORDS = (
    r"\bvote on\b",
    r"\bmotion\b",
    r"\bmoved\b",
    r"^text:",
    r"\bpropos",
    r"\bresolved\b",
    r"\bagreed\b",
    r"\bseconded\b",
    r"^[A-Z][\w'-]+ seconds?\b",  # "Fletcher second" on its own line under the motion
    r"\bmotioned\b",
    r"\bmoved to\b",
    r"\bmoves\b",  # "KM moves to adopt; SB seconds. Motion carries 7-0-1."
    r"\bseconds\b",
    r"\bnominated\b",  # "KM nominated President. Elected 8-0-1."
)
# An answer that says there was nothing: "Nothing.", "No other business was raised."
NOTHING_SAID = (r"^nothing\b", r"^none\b", r"^no (?:other|further|more|new)\b")
NOT_APPLICABLE = (r"^not applicable\b", r"^n/?a\b", r"^none\b", r"^-+$", r"^tbd\b")
# Verbs that make "X to <verb>" a task for X ("Mark to add notes", "Romain to provide …").
# "X committed to …": a task X took on.
TASK_PROMISES = (
    # a promise reported: "Chair Jerdonek said he would write it up", "Ann said she'll ask"
    r"said (?:that )?(?:he|she|they)(?: would| will|’ll|'ll)(?! like| be\b| have| prefer| rather)",
    r"committed to",
    r"promised to",
    r"offered to",
    r"undertook to",
    # in the present: "Guido offers to take this offline with Tim"
    r"commits to",
    r"promises to",
    r"offers to",
    r"undertakes to",
)
TASK_VERBS = (
    "add",
    "assess",
    "evaluate",
    "write",
    "follow",
    "provide",
    "own",
    "review",
    "send",
    "create",
    "update",
    "draft",
    "prepare",
    "contact",
    "check",
    "look",
    "investigate",
    "schedule",
    "organi[sz]e",
    "set",
    "put",
    "make",
    "share",
    "post",
    "file",
    "open",
    "merge",
    "fix",
    "ask",
    "reach",
    "coordinate",
    "talk",
    "email",
    "e-mail",
    "circulate",
    "arrange",
    "confirm",
    "find",
    "get",
    "move",
    "start",
    "finish",
    "complete",
    "present",
    "propose",
    "submit",
    "publish",
    "invite",
    "compile",
    "collect",
    "summari[sz]e",
    "document",
    "research",
    "explore",
    "figure",
    "lead",
    "host",
    "book",
    "order",
    "buy",
    "pay",
    "clarify",
    "reply",
    "respond",
    "call",
    "notify",
    "inform",
    "work",
    "take",
    "help",
    "drive",
    "champion",
    "edit",
    "do",
    "chair",
    "finali[sz]e",
    "report",
    "record",
    "change",
    "restrict",
    "print",
    "install",
    "replace",
    "remove",
    "repair",
    "design",
    "plan",
    "test",
)
# Words that make a subject a body that can own a task ("the Board will …").
BODY_WORDS = ("board", "committee", "council", "group", "secretariat", "team", "staff")
# Not a decision although a cue matches: a chat speaker's own agreement ("renato: agreed to …").
EARLIER_DECISIONS = (r"\b(?:last|previous) (?:week|meeting|month)'?s?\b", r"\bearlier\b")
# A decision told with when it was taken, before this meeting: recalled, not taken now
# ("Voted on this a couple weeks ago", "Last summer we voted on allocating $250 …").
DECIDED_BEFORE = (
    r"\b(?:days?|weeks?|months?|years?)\s+ago\b",
    r"^last\s+(?:summer|winter|spring|autumn|fall|year)\b",  # not "as last year"
)
# Titles written with a full stop before a person's name: "Cllr. A. Thomas would contact …"
PERSON_TITLES = ("Cllr", "Cllrs", "Dr", "Mr", "Mrs", "Ms", "Prof")
# A web page's navigation left in its text (minutes/text.py).
PAGE_CHROME = (
    r"back to top",
    r"top of page",
    r"return to top",
    r"leave a (?:reply|comment)",  # under a blog post
    r"post a comment",
    r"your email address will not be published\b.*",
)
# An item that asks for a date: its answer is the decision (minutes/answers.py).
DATE_TITLES = (
    r"^date (?:for|of)\b",
    r"^setting (?:the|a) date\b",
    r"^meeting dates\b",  # "Meeting dates 2015" answered by "Meetings are held on …"
    r"^meeting schedule\b",
)
NOT_DECISION_CUES = (
    # a question whose mark was lost: "Who applies for the defibrillator."
    r"^who\b",
    # a vote by reactions, under the resolution it votes on: ":+1: @ann, @bo, @cy"
    r"^(?::\+1:|:-1:|:thumbsup:|:thumbsdown:|\+1\b|-1\b|👍|👎)",
    # an outcome on a condition ("If not, the meeting moves to …"); a decision still to be made
    # ("There it will be decided whether …")
    r"^(?:if|unless)\b",
    r"\bwill\s+be\s+decided\b",
    # a decision of an earlier time told: "Last year we adopted new constitution …"
    r"^(?:last|previous) (?:year|month|week|meeting)\b",
    r"^a while (?:back|ago)\b",  # "A while back we were asked …, which we chose not to do"
    # one person's view in a discussion, by initials: "MN agreed.", "MH agreed, seeking …",
    # "JC proposed the decision could be deferred" (the body's decision is told as its own)
    r"^(?-i:[A-Z][A-Za-z]?[A-Z]{1,2})\s+(?:agreed|agrees|confirmed|proposed|queried|conceded|"
    r"suggested|noted)\b",
    # who took part, written into the decision field: "Cllr Smith did not attend this item."
    r"\b(?:did not|didn't) attend\b",
    r"\b(?:was|were) absent\b",
    r"\battended as (?:a )?substitutes?\b",
    # when and where this meeting is held: "The meeting is held on Tuesday at 7 pm at …"
    r"^the meeting (?:is|was|will be) held\b",
    # the signature block under the minutes: "Signed as a correct record"
    r"^signed as a (?:true|correct) record\b",
    # a re-election declined: "Finn does not stand for re-election.", "Ann declined re-election"
    r"\b(?:does|did) not (?:stand for|seek|accept) re-?election\b",
    r"\bdeclined? re-?election\b",
    # a fact confirmed by a person: "The Chair confirmed that all members were present"
    r"^(?:the\s+)?\S+\s+confirmed\s+that\b",
    r"^@?[\w.\-]{2,30}:\s+[^.]{0,60}?\bagreed\b(?! (?:that|on))",  # "@ronef: Fully agreed, …"
    # a report of another meeting's decision: "At the January 2018 meeting the Board approved …"
    r"\b(?:at|in) the (?:\w+ )?(?:\d{4} )?(?:board |council |committee )?meeting\b"
    r"[^.]*\b(?:approved|agreed|decided)\b",
    r"\bapproved minutes\b",
    r"\bpreceding minutes\b",
    # a person agreeing to do something is a task, not a decision
    r"^(?!(?:the|board|committee|council|group|we|all|it)\b)(?:[A-Z][\w.]*\s){0,2}[A-Z]\w+ "
    r"agreed to\b",
    r"\bare agreed[- ]upon\b",
    r"\bno consensus\b",
    # where this meeting is held ("The meeting is held at Jacob's"), not a rule
    r"^the meeting (?:is|will be) held (?:at|in|on)\b",
    r"\bnot (?:been )?agreed\b",
    r"^[\w.\-]{2,30}:\s+no objections?\b",
)
# Column of an action log naming the meeting an action came from.
SOURCE_COLUMNS = ("source", "from", "origin", "meeting", "raised")
# Markers that start an action line: "#action …", "[ACTION] …", "Action item: …", "AI: …".
ACTION_MARKERS = (
    r"#action",
    r"\[action\]",
    r"action items?",
    r"action",
    r"ai",
    r"todo",
    r"to do",
    r"task",
)
# The start of an action's code in an action log: "ACT-12:", "ACT-OWIS-TC-2016-58:", "AI-3:".
ACTION_CODES = (r"ACT", r"ACTION", r"AI", r"AP")
# Columns of a table of actions or outcomes.
OWNER_COLUMNS = (
    r"owners?",
    r"responsible",
    r"persons? responsible",
    r"who",
    r"assignee",
    r"assigned to",
)
TASK_COLUMNS = (r"actions?", r"action items?", r"tasks?", r"what", r"to ?do", r"description")
# Columns of a table that hold a date: never the task.
DUE_COLUMNS = (r"due", r"deadline", r"dates?", r"when", r"by")
STATUS_COLUMNS = (r"status", r"comments?", r"notes?", r"progress")
DECISION_COLUMNS = (r"decisions?", r"outcomes?", r"resolutions?", r"conclusions?")
# Words that make a line about a meeting (its date may be the meeting's).
MEETING_WORDS = (r"\bmeeting\b", r"\bminutes\b", r"\bsession\b", r"\btelecon")
# Words that point at another meeting: "the minutes of the meeting held on 02/03/15".
OTHER_MEETING = (r"\bthe minutes of\b", r"\bprevious\b", r"\blast meeting\b", r"\bpreceding\b")

# English writes tasks as "X will …" (ACTION_VERBS): no present-tense verbs to rule out
NOT_ACTION_VERBS: tuple[str, ...] = ()
# A task told in the present with its owner before it: "Chris Clark reaches out to Vlad …",
# "QA Team sets up the test plan". Verbs that do something, not states ("is", "has").
TASK_PRESENT = (
    # a task told with a bare verb and its particle or object: "Trine and Maria do the
    # shopping", "Jakob and Per get the room ready" (Danish "handler ind", "gør … klar")
    r"(?:does|do) the shopping",
    r"gets?\s+(?:\S+\s+){0,2}ready",
    r"tid(?:y|ies) up",
    r"reaches out",
    r"follows up",
    r"sets up",
    r"looks into",
    # the progressive without its "is": "BD and KR working on it.", "Ann looking into prices"
    # (with it, "Jonah is working on …" reports the state of work)
    r"working\s+on",
    r"looking\s+into",
    r"contacts",
    r"sends",
    r"prepares",
    r"drafts",
    r"writes up",
    r"investigates",
    r"organi[sz]es",
    r"schedules",
    r"coordinates",
    r"books",
    r"circulates",
    r"arranges",
)

# An action's status, written on the line after it or in its status column: it is done,
# dropped or carried over, so no new task of this meeting ("Action completed", "Closed").
CLOSED_STATUS = (
    r"completed?",
    r"done",
    r"closed",
    r"cancell?ed",
    r"canceled",
    r"dropped",
    r"carried\s+(?:forwards?|over)",
)

# Lines naming who did not come ("Apologies: David Helliwell"): their names and initials
# may still stand by a task.
ABSENCE_LABELS = (r"apologies", r"absent", r"regrets", r"not\s+present")

# Words that make a standing rule one for the meetings: "Meetings are held on the 2nd …".
MEETING_RULE_WORDS = (r"\bmeetings?\b",)

# What a body decided, also beside the motions of formal minutes: "Board agreed to …".
BODY_DECIDED = (r"agreed", r"approved", r"resolved", r"decided", r"voted")

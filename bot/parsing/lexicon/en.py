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
    "resolution": "beslutning",
    "outcome": "beslutning",
    "conclusion": "beslutning",
    "summary": "resume",
    "recommendation": "indstilling",
    "background": "sagsfremstilling",
    "attachments": "bilag",
    "discussion": "sagsfremstilling",
}
DECISION_CUES = (
    r"\bit was agreed\b",
    r"\bthe (?:board|committee|group) agreed\b",
    r"\bagreed (?:that|to)\b",
    r"\bwas decided\b",
    r"\bit was decided\b",
    r"\bvoted\b",
    r"\bapproved by a \d+-\d+",
    r"\bnominated\b.*\baccepted\b",
    r"\bwas elected\b",
    r"\bwas appointed\b",
)
WEAK_DECISION_CUES = ()
MODALS = (r"\bshould\b", r"\bcould\b", r"\bmay\b", r"\bmight\b")
ACTION_VERBS = ("will",)
OWNER_IS = (
    r"\brequested that (?P<owner>(?!the\b)[\w.]+(?: \w+)?) (?=send|provide|review|submit|prepare)",
)
NO_OWNER_ACTION = ()
NEXT_MEETING_WORDS = (r"next\s+(?:\w+\s+)?meeting",)
MEETING_MOVED = (
    r"(?:move|moved|postpone|postponed|reschedule|rescheduled)\s+(?:the\s+)?(?:next\s+)?meeting\s+to",
)
PROPOSED_AGENDA = (r"items?\s+for\s+the\s+next\s+meeting", r"proposed\s+agenda")
CALENDAR = ("meeting calendar", "meeting schedule")
MEETING_DATE_LABELS = ("date", "time", "meeting date")
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

"""Actions and their owners, as minutes write them."""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.dates import find_dates
from bot.parsing.lexicon import da
from bot.parsing.minutes.attendance import attendance_line
from bot.parsing.minutes.model import MinutesAction, clip
from bot.parsing.minutes.text import ACTION_HEADING, sentences, words_of
from bot.parsing.minutes.text import BULLET_LINE as _BULLET

_NAME = r"(?:[A-ZÆØÅ]\.\s)?[A-ZÆØÅ][\wæøåÆØÅ'?\-]*(?:/[A-ZÆØÅ][\wæøåÆØÅ\-]*)?"
# A person by name, or by their handle in notes of a development team ("@alice to …").
# A title written with its full stop before the name: "Cllr. A. Thomas", "Dr. Hansen".
_TITLE = rf"(?:(?:{'|'.join(words_of('PERSON_TITLES'))})\.\s+)?"
_PERSON = rf"(?:@[A-Za-z][\w.\-]{{1,30}}(?<!\.)|{_TITLE}{_NAME}(?:\s+(?:von\s+)?{_NAME}){{0,2}})"
_SUBJECT = rf"{_PERSON}(?:(?:,\s*|\s+og\s+|\s+and\s+){_PERSON}){{0,5}}"
_NOT_OWNERS = {
    "det",
    "der",
    "den",
    "de",
    "vi",
    "it",
    "the",
    "this",
    "there",
    "ift",
    "ift.",
    "kommunerne",
    "alle",
    "dagsordenen",
    "punktet",
    "mødet",
    "sagen",
    "step",
    "plan",
}
_NOT_OWNERS |= set(words_of("NOT_OWNERS"))
# the common words of both languages ("Any volunteers to …", "Nogle tager …"), but not
# "All" (a group that owns a task: "All to send their hours") and not
# the words that are also first names ("Will", "Jo", "Ned", "Min", "Han")
_NOT_OWNERS |= set(words_of("STOPWORDS")) - {"will", "jo", "ned", "min", "han", "all", "alle"}


def _stopped(owner: str) -> bool:
    """Whether the owner's first word is a common word ("The", "Vi"), not initials ("NO")."""
    words = owner.split()
    if not words:
        return True
    first = words[0].rstrip(".,:")
    if first.isupper() and 2 <= len(first) <= 4:
        return False
    if re.fullmatch(r"\w+['’](?:re|s|m|ll|ve|d)", first, re.IGNORECASE):
        return True  # "We're working on …", "Dave's idea …": a contraction, a possessive
    return first.lower() in _NOT_OWNERS


_DA_VERBS = "|".join(da.ACTION_VERBS)
# A Danish present-tense verb ("laver", "korrigerer") that is not a state ("er", "har", "bliver").
# Danish puts the subject after the verb when something else comes first: "Oprykning venter
# vi med …" (the first word is the object, "vi" does it).
# ("de" before a numeral is the article: "Heimo kontakter de 2 leverandører")
_SUBJECT_AFTER = re.compile(r"^\s+(?:vi|man|jeg|de(?!\s+\d)|du|han|hun)\b")
# A definite noun in the genitive: "Ældrerådets medlemmer …", "Medlemmernes ønsker …".
_GENITIVE = re.compile(r"(?:ets|ernes|enes)$")
# A plural noun's ending is no verb's: "Revisors bemærkninger tages op …", "… løsninger",
# "… oplevelser", "… muligheder".
_DA_PRESENT = (
    rf"(?!(?:{'|'.join(da.NOT_ACTION_VERBS)})\b)(?![a-zæøå]*(?:ninger|elser|heder)\b)"
    r"[a-zæøå]{3,}er"
)
# A topic and its colon before who does what: "Compost day: KB to talk to Jean", "Dessert:
# Ginger will price at Costco", "Projektor: Carsten Helsted ordner den." (not an outcome's
# label, "Resolution: Agreed to …", nor a chat's "benws_: …").
_OUTCOME_LABEL = "|".join(words_of("OUTCOME_LABELS"))
_TOPIC = re.compile(
    rf"^(?!(?i:{_OUTCOME_LABEL})\s*:)[A-ZÆØÅ][\wæøå/&' -]{{1,40}}:\s*(?=[A-ZÆØÅ]{{2,4}}\s+to\s|"
    rf"{_NAME}(?:\s+{_NAME})?\s+(?:will|vil|{_DA_PRESENT})\b)"
)
# The object first, the owner after the verb: "Det tager Trine fat i.", "Herefter sender Bo
# referatet ud."
_INVERTED_DA = re.compile(
    rf"^(?:Det|Dette|Den|Så|Herefter|Derefter|Desuden)\s+(?P<verb>{_DA_PRESENT}|arbejder)\s+"
    rf"(?P<owner>{_NAME}(?:\s+{_NAME})?(?:\s+og\s+{_NAME})?)(?P<rest>\s+\S.*)$"
)
# "Tobias, opdaterer facebook.": a comma may stand between the owner and the verb.
_ACTION_DA = re.compile(
    rf"^(?P<owner>{_SUBJECT}),?\s+(?:herefter\s+|løbende\s+|også\s+|gerne\s+|selv\s+)?"
    rf"(?P<verb>{_DA_VERBS})\b(?P<rest>.*)$"
)
_ACTION_DA_ANY = re.compile(
    rf"^(?P<owner>{_SUBJECT}),?\s+(?:herefter\s+|løbende\s+|også\s+|gerne\s+|selv\s+)?"
    rf"(?P<verb>{_DA_PRESENT})\b(?P<rest>(?:\s+\S.*)?)[.!]?$"
)
# "Jens vil undersøge …", "Klaus kan købe …": a person (not "Broen vil blive …");
# "skal" is more often a rule.
# The word after a Danish "verb" in -er is itself a verb of state: the "verb" was a noun
# ("Skitse planer kommer inden jul …").
_STATE_NEXT = re.compile(rf"^\s+(?:{'|'.join(da.NOT_ACTION_VERBS)})\b")
# Two words without a full stop: a heading ("Kommende arrangementer", "Virtuelle
# arrangementer"), not "Søren Kaarup chekker." nor "Lotte bager kage".
_HEADING_LIKE = re.compile(r"^[A-ZÆØÅ][\wæøå-]*\s+[a-zæøå]{3,}er\s*$")
# A phrase first, then the modal before its subject: "På generalforsamlingen vil Heimo
# informere om …", "Til næste møde skal Jens undersøge …" (Danish word order).
_INVERTED_DA_MODAL = re.compile(
    r"^(?:[A-ZÆØÅ][\wæøå]*(?:\s+[\wæøå]+){1,4}),?\s+(?:vil|skal)\s+"
    rf"(?P<owner>{_NAME}(?:\s+{_NAME})?(?:\s+og\s+{_NAME})?)\s+"
    rf"(?P<verb>[a-zæøå]{{3,}}e)\b(?P<rest>\s+\S.*)$"
)
_ACTION_DA_MODAL = re.compile(
    rf"^(?P<owner>{_SUBJECT})\s+(?:vil|kan)\s+(?:nu\s+|også\s+|gerne\s+|igen\s+|fortsat\s+|"
    r"som\s+(?:vanligt|sædvanligt?|altid)\s+)?"
    rf"(?P<verb>[a-zæøå]{{3,}}e)\b(?P<rest>\s+\S.*)$"
)
_TASK_VERBS = "|".join(words_of("TASK_VERBS"))
_PROMISES = "|".join(words_of("TASK_PROMISES"))  # "X committed to …", "X lovede at …"
_ACTION_EN = re.compile(
    # a task told in the progressive first: "Cllr. P. Harries would be attending the meeting …"
    rf"^(?P<owner>{_SUBJECT})\s+(?:(?:will|would) be(?=\s+[a-z]+ing\b)|"
    r"will|shall|would(?! like| be| have| prefer| rather)|"
    rf"is going to|agree(?:s|d) to|volunteer(?:s|ed)? to|{_PROMISES}|"
    rf"to(?=\s+(?:\w+ly\s+)?(?:{_TASK_VERBS})\b))\s+(?P<rest>[a-z]\S*.*)$"
)
# Initials and "to" give a task whatever the verb: "BD to print pics", "KB to laminate.",
# "JH and KB to organise event" (a name needs a task verb: "Trip to Paris" is none); not
# "DH to be asked", where the initials are whom to ask.
_INITIALS = r"(?-i:[A-ZÆØÅ]{2,4})"
_ACTION_INITIALS = re.compile(
    rf"^(?P<owner>{_INITIALS}(?:(?:,\s*|\s+and\s+|\s+og\s+|\s*&\s*){_INITIALS})*)"
    r"\s+to\s+(?!be\b)(?P<rest>[a-z]{2,}\b.*)$"
)
# A number or bullet before a line's text: "3. ", "- ", "• ".
_LEAD_MARK = re.compile(r"^(?:\d{1,3}[.)]|[-*•])\s+")
_KNOWN_NAME = r"[A-ZÆØÅ][\wæøå]*"
_TRAILING_OWNER = re.compile(
    rf"^(?P<rest>.*\w.*?)[.\s]*\((?P<owner>{_KNOWN_NAME}(?:\s*(?:[,/&]|og|and)\s*{_KNOWN_NAME})*)"
    r"\)\.?$"
)
# The same with its label: "… fremlægges på næste møde (aktion: Kenneth & Tommy)"
_OWNER_LABELS = "|".join(words_of("ACTION_MARKERS") + words_of("OWNER_COLUMNS"))
_LABELLED_TRAILING_OWNER = re.compile(
    rf"^(?P<rest>.*\w.*?)[.\s]*\((?i:{_OWNER_LABELS})"
    rf"\s*:\s*(?P<owner>{_KNOWN_NAME}(?:\s*(?:[,/&]|og|and)\s*{_KNOWN_NAME})*)\)\.?$"
)
# A task told in the present with a named owner: "Chris Clark reaches out to Vlad …",
# "QA Team sets up …" (lexicon TASK_PRESENT; Danish writes any "X <verb>er", above).
_ACTION_EN_PRESENT = re.compile(
    rf"^(?P<owner>{_SUBJECT})\s+(?P<verb>{'|'.join(words_of('TASK_PRESENT')) or '(?!)'})\b"
    rf"(?P<rest>(?:\s+\S.*)?)$"
)
_OBLIGATION = re.compile("|".join(words_of("OBLIGATIONS")), re.IGNORECASE)
_BODY_PART = re.compile("|".join(words_of("BODY_WORDS")), re.IGNORECASE)


def _names_a_doer(owner: str) -> bool:
    """Initials, a name, or a body ("Ældrerådet"): who a present-tense verb makes an owner.

    A definite noun that names no body ("Datamodellen standardiserer …") does not.
    """
    for part in re.split(r"\s+og\s+|\s+and\s+|,\s*|/", owner):
        words = part.split()
        if not words:
            return False
        if _stopped(part) or _BODY_PART.search(part):
            if _BODY_PART.search(part):
                continue
            return False
        if re.fullmatch(r"[A-ZÆØÅ]{2,4}", part):
            continue
        if (
            len(words) == 1
            and re.search(r"(?:en|et|erne|ene|ede|ende|ige|iske)$", words[0])
            and len(part) > 5
        ):
            return False  # one definite noun or "Kommende"; "Mogens Thomsen", "Kirstine" are names
    return True


_ACTION_TO = re.compile(rf"^(?:ACTION|Action)\s*:?\s*(?P<owner>{_SUBJECT})\s+to\s+(?P<rest>\S.*)$")
# A speaker's line in a chat or scribed log: "mnot: … I will make a PR", "cramertj: to follow up".
_HANDLE = r"@?[A-Za-zÆØÅæøå][\w.\-]{1,30}"
_SPEAKER = re.compile(rf"^(?P<owner>{_HANDLE}(?: {_NAME})?)(?:\s*\([^)]*\))?\s*:\s+(?P<rest>.+)$")
_SELF = re.compile("|".join(words_of("SELF_ASSIGNED")), re.IGNORECASE)
# An action listed under an action heading: "Jacob: Invite folks", "Bill Mills - Write a post".
_LISTED = re.compile(
    rf"^(?:\[ ?\]\s*)?(?P<owner>{_SUBJECT}|{_HANDLE}(?:/{_HANDLE})*)\s*(?:\([^)]*\))?"
    rf"\s*(?::|–|—|-)\s+(?P<rest>\S.*)$"
    # the owner in brackets first: "[ ] [Lee] Write up a draft plan", "[Mike, Ivan] Alpha …"
    rf"|^(?:\[ ?\]\s*)?\[(?P<owner3>{_SUBJECT})\]\s*:?\s+(?P<rest3>\S.*)$"
)
# Under an action heading, the owner after the task: "task (Name)", "task (Ann, by 1 Feb)",
# "Book the room - Bo".
_LISTED_AFTER = re.compile(
    rf"^(?P<rest>\S.*?)\s*[(\[](?P<owner>{_SUBJECT})(?:[,;][^)\]]*)?[)\]]\.?$"
    rf"|^(?P<rest2>\S.*?\w)\s+[-–—]\s+(?P<owner2>{_SUBJECT})\.?$"
)
_OWNER_IS = [re.compile(p, re.IGNORECASE) for p in words_of("OWNER_IS")]
_NO_OWNER = [re.compile(p, re.IGNORECASE) for p in words_of("NO_OWNER_ACTION")]
# An action's code before it: "ACT-OWIS-TC-2016-58:Action: PR - Share …", "ACT-12: NM to …".
_ACTION_CODE = rf"(?-i:(?:{'|'.join(words_of('ACTION_CODES'))})(?:-[A-Z0-9]+)*-?\d+)\s*[:.\-–]\s*"
_CODED = re.compile(rf"^{_ACTION_CODE}")
_ACTION_MARK = re.compile(
    rf"^(?:{_ACTION_CODE}(?:(?:{'|'.join(words_of('ACTION_MARKERS'))})\s*[:\-–]\s*)?"
    # the day it was set may follow the marker: "ACTION 2007-06-08: Tom to fold …"
    rf"|(?:{'|'.join(words_of('ACTION_MARKERS'))})(?:\s+(?P<set>\d{{4}}-\d{{2}}-\d{{2}}))?\s*[:\-–]?\s*)"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# An action marker with its owner in brackets: "AI[BS]: talk to Eric", "Action [JN]: send …".
_BRACKETED = re.compile(
    rf"^(?-i:(?:{'|'.join(words_of('ACTION_CODES'))}))\s*\[(?P<owner>{_SUBJECT}|{_HANDLE})\]"
    rf"\s*[:\-–]?\s*(?P<rest>\S.*)$"
    rf"|^(?:{'|'.join(words_of('ACTION_MARKERS'))})\s*\[(?P<owner2>{_SUBJECT}|{_HANDLE})\]"
    rf"\s*[:\-–]?\s*(?P<rest2>\S.*)$",
    re.IGNORECASE,
)
_MARKED_OWNER = re.compile(
    rf"^(?P<owner>{_SUBJECT}|{_HANDLE})\s+(?:to|will|skal|vil)\s+(?P<rest>\S.*)$"
)
_AND_CLAUSE = re.compile(
    r"\s+og\s+(?=[A-ZÆØÅ][\wæøå]+\s+(?:[a-zæøå]{3,}er|vil|kan)\s)"
    # "Stuart will speak to John and Martyn will speak to Stephen", "US suggested that … and
    # DO agreed to look into this matter"
    r"|\s+and\s+(?=[A-Z][\w'-]+\s+(?:will|shall|would|agreed\s+to|volunteered\s+to"
    rf"|{'|'.join(words_of('TASK_PROMISES'))})\s)"
)
_LEAD_LABEL = re.compile(r"^[A-ZÆØÅ][\wæøå]*(?: [\wæøå]+)?\s+[-–]\s+(?=[A-ZÆØÅ])")  # "Runden - "
_LEAD_IN = re.compile(
    r"^(?:det blev (?:besluttet|aftalt),?\s+at\s+|.*?\bbesluttede,?\s+at\s+|"
    r"it was (?:agreed|decided) that\s+|at\s+)",
    re.IGNORECASE,
)
_NEXT_MEETING_DUE = re.compile(
    r"\b(?:på|til|inden|before|at|for) (?:the )?næste\s+\w*møde|"
    r"\b(?:at|for|before) the next meeting",
    re.IGNORECASE,
)
# The owner written in brackets after the task: "Budgettet sendes ud (ansvarlig: Jens).",
# "Send the budget to members (owner: Ann)".
_OWNER_WORD = rf"(?i:{'|'.join(words_of('OWNER_COLUMNS'))})"
_INLINE_OWNER = re.compile(
    rf"^(?P<rest>\S.*?\w[.)]?)\s*(?:[(\[]\s*{_OWNER_WORD}\s*:\s*(?P<owner>{_SUBJECT})\s*[)\]]"
    rf"|\s[-–—]\s*{_OWNER_WORD}\s*:?\s*(?P<owner2>{_SUBJECT}))\.?$"
)
OWNER_LINE = re.compile(rf"^(?:{'|'.join(words_of('OWNER_COLUMNS'))})\s*:\s*(.+)$", re.IGNORECASE)


def owner_names(raw: str, known: tuple[str, ...]) -> list[str]:
    raw = raw.strip(" .,:").lstrip("@")
    canon = {k.lower(): k for k in known}
    parts = [p.strip().lstrip("@") for p in re.split(r"\s+(?:og|and|&)\s+|,\s*", raw) if p.strip()]
    if len(parts) > 1:
        return [canon.get(p.lower(), p) for p in parts]
    return [canon.get(raw.lower(), raw)]


def _clauses(text: str) -> list[str]:
    text = re.sub(
        r"^(?:(?:\d{1,2}[.)]|[-–•*·]|\(?[a-h][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))\s+)+",
        "",
        text.strip(),
    ).lstrip("(")
    text = _LEAD_IN.sub("", text)
    text = re.sub(r"^(?:men|og|så|but|and|so)\s+(?=[A-ZÆØÅ])", "", text, flags=re.IGNORECASE)
    text = _LEAD_LABEL.sub("", text)
    text = _TOPIC.sub("", text)
    parts = re.split(
        r",\s+og\s+(?=[A-ZÆØÅ])|;\s+|,\s+and\s+(?=[A-Z])|,\s+(?=[A-ZÆØÅ]\w*\s+(?:to|will)\s)"
        r"|,\s+(?=[A-ZÆØÅ][\wæøå]*(?:\s+[A-ZÆØÅ][\wæøå]*)?\s+[a-zæøå]{3,}er(?=[\s.,;]|$))"
        r"|\s+\((?=[A-ZÆØÅ])"
        # a spaced dash inside a line starts a clause: "Drøftelse af henvendelse – PM sørger
        # for …", "Discussed the room – Ann will book it"
        r"|\s[–—]\s+(?=[A-ZÆØÅ])"
        # a hyphen glued to a name that does something: "… nøglen til -Mathias undersøger dette"
        r"|\s-(?=[A-ZÆØÅ][\wæøå]+\s+[a-zæøå]{3,}er\b)",
        text,
    )
    out: list[str] = []
    for part in (p.strip() for p in parts if p.strip()):
        # "Preben er træner og Claus måler op …": "og" starts a clause after a clause
        pieces = _AND_CLAUSE.split(part, maxsplit=1)
        if len(pieces) == 2 and re.search(r"\b[a-zæøå]{2,}\b", pieces[0]):
            out += [pieces[0].strip(), pieces[1].strip()]
        else:
            out.append(part)
    return out


def actions_in(
    text: str, item: str | None, known: tuple[str, ...], today: date, language: str = "da"
) -> list[MinutesAction]:
    """Actions a sentence or decision assigns, with their owners. An action stamped with
    the day it was set, before this meeting ("ACTION 2007-03-17: …" in minutes of June),
    is an earlier meeting's, carried over: none of this one's."""
    marked = _ACTION_MARK.match(_LEAD_MARK.sub("", text.strip()))
    if marked and marked.group("set"):
        try:
            if date.fromisoformat(marked.group("set")) < today:
                return []
        except ValueError:
            pass
    if _OWNER_AFTER.match(_LEAD_MARK.sub("", text.strip())):
        return []  # "Owner: Kim" alone: the owner of the task above it (`owners_after`)
    found: list[MinutesAction] = []
    for clause, owners, task in _assigned(text, known, danish=language == "da"):
        if _a_known_name(task, known):
            continue  # "Evelyn Lindqvist (EL).", "EL: Evelyn Lindqvist": who the initials are
        at_next = bool(_NEXT_MEETING_DUE.search(clause))
        dates = [d for d in find_dates(clause, today) if d.value and d.year_given]
        due = dates[0].value if dates and not at_next else None
        found.append(
            MinutesAction(
                item=item, owners=owners, task=_task(task), due=due, due_next_meeting=at_next
            )
        )
    return found


def _assigned(
    text: str, known: tuple[str, ...], danish: bool = True
) -> list[tuple[str, list[str], str]]:
    """(clause, owners, task) for each task the text assigns.

    "X <verb>er" is read as a Danish present tense only in Danish minutes (in
    English, "One further quote" is no owner and verb).
    """
    stripped = text.strip()
    if ACTION_HEADING.match(stripped):
        return []  # "Action List", "Handlinger:": the heading over the tasks, none itself
    closes = stripped.endswith((")", ").")) and "(" in stripped  # the regex backtracks else
    labelled = _LABELLED_TRAILING_OWNER.match(stripped) if closes else None
    if labelled:
        # "Det blev aftalt, at vi starter op med spørgeskema … (aktion: Malte).": the owner
        # says so; the task is the sentence before, from its "at" if it has one
        rest = sentences(_LEAD_MARK.sub("", labelled.group("rest")))[-1]
        rest = re.sub(r"^.*?,\s+(?:at|that)\s+", "", rest)
        return [(rest, owner_names(labelled.group("owner"), known), rest)]
    trailing = _TRAILING_OWNER.match(stripped) if stripped.endswith((")", ").")) else None
    # "Bagtrappe i 58 C skal lakeres. (AF)": a task that has to be done names its doer
    obliged = bool(trailing and _OBLIGATION.search(trailing.group("rest")))
    if trailing and not obliged and not trailing.group("owner").isupper():
        if not stripped.endswith(")."):
            trailing = None  # "Seneste nyt vedr. klubhus (Finn)": who presents an item, no task
    if (
        trailing
        and not attendance_line(text)
        and all(
            o in known or obliged
            for o in re.split(r"\s*(?:[,/&]|\bog\b|\band\b)\s*", trailing.group("owner"))
        )
    ):
        # "Omstille lås til portlås (ST).", "… udkast. (Søren).": the initials or the name of
        # someone on the attendance line, after the task; the task is the sentence before them
        rest = sentences(_LEAD_MARK.sub("", trailing.group("rest")))[-1]
        return [(rest, owner_names(trailing.group("owner"), known), rest)]
    bracketed = _BRACKETED.match(_LEAD_MARK.sub("", stripped))
    if bracketed:
        owner = bracketed.group("owner") or bracketed.group("owner2")
        rest = bracketed.group("rest") or bracketed.group("rest2")
        return [(rest, owner_names(owner, known), rest)]
    marked = _ACTION_MARK.match(_LEAD_MARK.sub("", stripped))
    if marked and not re.fullmatch(rf"{_SUBJECT}\.?", marked.group("rest").strip()):
        # "#action jamesob to write …", "[ACTION] Ann: send …", "Action item: task (Bo)"
        rest = marked.group("rest")
        named = _MARKED_OWNER.match(rest)
        if named and not _stopped(named.group("owner")):
            return [(rest, owner_names(named.group("owner"), known), named.group("rest"))]
        listed = listed_action(rest, None, known)
        if listed is not None:
            return [(rest, listed.owners, listed.task)]
        text = rest
    inline = _INLINE_OWNER.match(text.strip())
    inline_owner = inline.group("owner") or inline.group("owner2") if inline else None
    if inline and inline_owner and not _stopped(inline_owner):
        # "Budgettet sendes ud (ansvarlig: Jens).", "Budget sendes ud – ansvarlig Jens"
        rest = inline.group("rest")
        return [(rest, owner_names(inline_owner, known), rest)]
    speaker = _SPEAKER.match(text.strip())
    if speaker and _is_owner(speaker.group("owner")):
        said = speaker.group("rest")
        if _spoken(said):
            return []
        if _SELF.match(said) or (_SELF.search(said) and re.search(r"\bI\b", said)):
            return [(said, [speaker.group("owner")], said)]
    found: list[tuple[str, list[str], str]] = []
    for clause in _clauses(text):
        owners: list[str] | None = None
        task = clause
        for pattern in _OWNER_IS:
            match = pattern.search(clause)
            if match and not _stopped(match.group("owner")):
                owners = owner_names(match.group("owner"), known)
                break
        if owners is None:
            for pattern in (
                _ACTION_TO,
                _INVERTED_DA,
                _ACTION_DA,
                _ACTION_EN,
                _ACTION_INITIALS,
                _ACTION_EN_PRESENT,
                _ACTION_DA_ANY,
                _ACTION_DA_MODAL,
                _INVERTED_DA_MODAL,
            ):
                match = pattern.match(clause)
                if not match:
                    continue
                owner = match.group("owner")
                if _stopped(owner):
                    continue
                doer = _names_a_doer(owner) or owner.lower() in {k.lower() for k in known}
                if pattern in (
                    _ACTION_DA_ANY,
                    _ACTION_DA_MODAL,
                    _INVERTED_DA,
                    _INVERTED_DA_MODAL,
                ) and (not danish or not doer):
                    continue  # "Carsten" on the attendance line is a person, not "-en" noun
                if pattern is _ACTION_EN_PRESENT and not doer:
                    continue
                if (
                    pattern is _ACTION_EN
                    and _BODY_PART.search(owner)
                    and re.search(r"\bagree[sd]\s+to\s*$", clause[: match.start("rest")])
                ):
                    continue  # "Board agreed to the deletion …": the body's decision, no task
                if pattern is _ACTION_DA_ANY and _STATE_NEXT.match(match.group("rest")):
                    continue  # "Skitse planer kommer …": a noun in -er, then the verb
                if pattern in (_ACTION_DA, _ACTION_DA_ANY) and _SUBJECT_AFTER.match(
                    match.group("rest")
                ):
                    continue  # "Oprykning venter vi med …": the subject comes after the verb
                if pattern in (_ACTION_DA, _ACTION_DA_ANY) and _GENITIVE.search(owner):
                    continue  # "Ældrerådets medlemmer hjælper …": whose, not who
                if pattern is _ACTION_DA_ANY and _HEADING_LIKE.match(clause):
                    continue  # "Kommende arrangementer", "Virtuelle arrangementer": a heading
                owners = owner_names(owner, known)
                verb = match.groupdict().get("verb")
                task = f"{verb}{match.group('rest')}" if verb else match.group("rest")
                break
        if owners is None and any(p.search(clause) for p in _NO_OWNER):
            owners = []
            passive = re.search(r"\bder\s+\w+es\b.*", clause, re.IGNORECASE)
            task = passive.group(0) if passive else clause
        if owners is not None and not _ATTENDANCE.match(task.strip()) and not _spoken(task):
            found.append((clause, owners, task))
    return found


# "to sign the message, I evaluate my private key …", "for at underskrive, jeg …": what the
# speaker does to get something done, told as an explanation
_PURPOSE = re.compile(r"^(?:to|for at)\s+[^,?]{1,60},\s+(?:i|jeg)\b", re.IGNORECASE)


_TITLE_LEAD = re.compile(rf"^(?:(?:{'|'.join(words_of('PERSON_TITLES'))})\.?\s+)+")


def _a_known_name(task: str, known: tuple[str, ...]) -> bool:
    """Whether a "task" is only the name of someone at the meeting (a title before it)."""
    names = {_TITLE_LEAD.sub("", k).lower() for k in known}
    name = _TITLE_LEAD.sub("", task.strip(" .,;"))
    return bool(name) and name.lower() in names


def _spoken(task: str) -> bool:
    """A "task" that is something said, not given: a question ("rehrar: Will it be posted
    online?" — a question is never a task), an explanation in the first person ("to forge
    this, I need to find …") or a role ("will be the pool lead")."""
    return (
        task.rstrip().endswith("?")
        or bool(_PURPOSE.match(task.strip()))
        or bool(_STATE_TASK.match(task.strip()))
    )


_STATE_TASK = re.compile("|".join(words_of("STATE_TASKS")), re.IGNORECASE)


_ATTENDANCE = re.compile(rf"^(?:{'|'.join(words_of('ATTENDANCE_VERBS'))})", re.IGNORECASE)


def _task(text: str) -> str:
    return clip(text).rstrip(".")


def _is_owner(raw: str) -> bool:
    first = raw.split()[0].lower().strip(".,:") if raw.split() else ""
    return bool(first) and not _stopped(raw) and len(raw) <= 60


def owner_heading(text: str) -> bool:
    """A name alone on its line, heading the tasks listed under it ("Erik", "Ann Lee")."""
    return (
        bool(re.fullmatch(_SUBJECT, text))
        and _is_owner(text)
        and len(text.split()) <= 4
        and not _ACTION_SECTION_WORDS.match(text)
    )


_ACTION_SECTION_WORDS = re.compile(
    rf"^(?:{'|'.join(words_of('ACTION_SECTIONS') + words_of('NOT_ITEM_HEADINGS'))})\b",
    re.IGNORECASE,
)


# The owner after the task's last colon: two colons ("Documentation: user guide: Benedict")
# or names joined by "/" ("Abaqus interface: Sander/Francesco"; one name after one colon is
# read the other way round, "Ann: book the room").
_OWNER_NAME = r"[A-ZÆØÅ][\wæøå-]+"
_OWNER_LAST = re.compile(
    rf"^(?P<task>[^:]{{2,60}}:\s+[^:]{{2,120}}?):\s+(?P<owner>{_OWNER_NAME}(?:\s*/\s*{_OWNER_NAME})*\??)\s*$"
    rf"|^(?P<task2>[^:]{{2,60}}?):\s+(?P<owner2>{_OWNER_NAME}(?:\s*/\s*{_OWNER_NAME})+\??)\s*$"
)
_COLLECTIVE = frozenset(w.lower() for w in words_of("COLLECTIVE_OWNERS"))


def listed_action(line: str, item: str | None, known: tuple[str, ...]) -> MinutesAction | None:
    """One line of an action list ("Name: task", "task (Name)"); None if it names nobody."""
    body = re.sub(r"^(?:[-*•·▪◦+]|\d{1,2}[.)])\s*", "", line).strip()
    marked = _ACTION_MARK.match(body)
    if marked and (_CODED.match(body) or _LISTED.match(marked.group("rest"))):
        # "ACT-12: NM to …" is NM's, not ACT-12's; "Handling BO: Send …" is BO's
        body = marked.group("rest")
    last = _OWNER_LAST.match(body)
    if last:  # "Documentation: user guide: Benedict", "Abaqus interface: Sander/Francesco"
        owner, task = last["owner"] or last["owner2"], last["task"] or last["task2"]
        names = [n.strip() for n in owner.rstrip("?").split("/")]
        return MinutesAction(item=item, owners=names, task=clip(task).rstrip("."))
    match = _LISTED.match(body) or _LISTED_AFTER.match(body)
    if match is None:
        return None
    found = match.groupdict()
    owner = (found.get("owner") or found.get("owner2") or found.get("owner3") or "").strip()
    owner = owner.lstrip("@")
    task = (found.get("rest") or found.get("rest2") or found.get("rest3") or "").strip()
    collective = owner.lower().strip(" .") in _COLLECTIVE
    if not (_is_owner(owner) or collective) or len(owner.split()) > 4:
        return None
    names = (
        [n for part in owner_names(owner, known) for n in part.split("/")]
        if "/" in owner and " " not in owner
        else owner_names(owner, known)
    )
    return MinutesAction(item=item, owners=names, task=clip(task).rstrip("."))


def owners_opening_lines(
    lines: list[str],
    item: str | None,
    known: tuple[str, ...],
    today: date,
    language: str,
    tasks: set[str],
) -> list[MinutesAction]:
    """Tasks whose owner opens a line inside a sentence the line before left open ("…
    angående alarm ved hærværk" over "Iver Nielsen følger op med forsøg med dykpumpe."):
    read from the line, where the paragraph's sentence did not start with them. `tasks` are
    the tasks read already."""
    found: list[MinutesAction] = []
    for before, line in zip(lines, lines[1:], strict=False):
        if not before or not line or re.search(r"[.!?:;]\s*$", before) or _BULLET.match(line):
            continue
        if not line[:1].isupper() or not line.rstrip().endswith((".", "!")):
            continue
        if len(sentences(line)) != 1:
            continue  # the line is a sentence of its own, its owner first
        for action in actions_in(line, item, known, today, language):
            if action.owners and action.task not in tasks:
                found.append(action)
    return found


_ASSIGNED_TO = re.compile(r"^(?P<task>\S.{2,120}?)\s+[-–—]\s+(?P<owner>[^-–—:]{2,40}?)\s*\.?$")


def assignment_runs(
    lines: list[str], item: str | None, known: tuple[str, ...], tasks: set[str]
) -> list[MinutesAction]:
    """Two or more lines in a row that each end in a dash and someone of the meeting ("Any.do
    - Kelvin Ang", "Konklusion – Lim Wei Jie"): who takes which part. A line whose end names
    nobody known ("Introduction Story - All") ends the run. `tasks` are read already."""
    people = {k.lower() for k in known} | {k.split()[0].lower() for k in known if k.strip()}
    found: list[MinutesAction] = []
    run: list[MinutesAction] = []
    for line in [*lines, ""]:
        match = _ASSIGNED_TO.match(_LEAD_MARK.sub("", line.strip()))
        names = owner_names(match["owner"], known) if match else []
        if match and names and all(n.lower() in people for n in names):
            run.append(MinutesAction(item, names, clip(match["task"]).rstrip(".")))
            continue
        if len(run) >= 2:
            found += [a for a in run if a.task not in tasks]
        run = []
    return found


# "AKTION: Finn." or "Ansvarlig: Bo og Kim" on a line of its own, under what is to be done: the
# owners of the paragraph above it (`owners_after`)
_OWNER_AFTER = re.compile(
    rf"^(?i:{_OWNER_LABELS})\s*:\s*"
    rf"(?P<owner>{_SUBJECT})\s*\.?\s*$"
)
_ABOVE_LINES = 4  # how far up the sentence may start (a long sentence wrapped over lines)


def owners_after(
    lines: list[str], item: str | None, known: tuple[str, ...], tasks: set[str]
) -> list[MinutesAction]:
    """Tasks whose owners stand on the line below them ("Listerne fremsendes til B, når de
    er opdateret." over "AKTION: Finn."). The task is the first sentence above that tells
    what is to be done, not what was done ("… blev udfyldt."), within the paragraph above:
    back to a blank line (unless what was read so far goes on from the line before it, in
    lower case), a numbered or bulleted line or another owner line. Nothing when a task was
    read from that paragraph already (`tasks`), or when the owners stand under a list."""
    found: list[MinutesAction] = []
    for index, line in enumerate(lines):
        match = _OWNER_AFTER.match(line.strip())
        if not match or _stopped(match["owner"]):
            continue
        names = owner_names(match["owner"], known)
        above: list[str] = []
        listed = False
        for previous in reversed(lines[max(0, index - _ABOVE_LINES) : index]):
            text = previous.strip()
            if not text:
                if above and not above[0][:1].islower():
                    break
                continue
            if _OWNER_AFTER.match(text):
                break
            if _BULLET.match(text):
                listed = True
                break
            if _LEAD_MARK.match(text):
                rest = _LEAD_MARK.sub("", text)
                if rest.rstrip().endswith((".", "!")) or len(rest.split()) > 8:
                    above.insert(0, rest)  # a numbered paragraph, not its heading
                break  # "5. Sager til beslutning": the paragraph starts here
            above.insert(0, text)
        paragraph = " ".join(above)
        if not names or listed or any(t and t in paragraph for t in tasks):
            continue
        told = [s for s in sentences(paragraph) if not _DONE.search(s)]
        task = clip(told[0]).rstrip(".") if told else ""
        if len(task.split()) >= 3 and task not in tasks:
            found.append(MinutesAction(item, names, task))
            tasks = tasks | {task}
    return found


# a sentence that tells what was done, not what is to be done: "Listerne blev udfyldt."
_DONE = re.compile(r"\b(?:blev|var|havde|was|were|had)\b", re.IGNORECASE)

"""Channel messages in, records and warnings out (PRODUCT.md section 2).

`parse_message(text, today=…, known_owners=…)` never reads the clock and never
raises on any text. A line records something only when it starts (after
bullets, bold, emoji and an optional item reference) with a keyword and a colon.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time

from bot.parsing.dates import find_dates, find_time_range, impossible_time, is_working_day
from bot.parsing.lexicon import words
from bot.parsing.normalize import normalize, to_plain
from bot.parsing.owners import (
    Owner,
    leading_known_owners,
    mention_owners,
    split_owner_names,
    unique,
)

MAX_TEXT = 3000  # longest text one record keeps


@dataclass
class Decision:
    text: str
    item: str | None = None
    kind: str = "decision"


@dataclass
class Action:
    text: str
    owners: list[Owner] = field(default_factory=list)
    due: date | None = None
    due_next_meeting: bool = False
    item: str | None = None
    kind: str = "action"


@dataclass
class Meeting:
    date: date | None  # None only when cancelled without a date ("Næste møde: aflyst")
    start: time | None = None
    end: time | None = None
    place: str | None = None
    cancelled: bool = False
    kind: str = "meeting"


@dataclass
class AgendaItem:
    title: str
    kind: str = "agenda"


Record = Decision | Action | Meeting | AgendaItem


@dataclass(frozen=True)
class Warning:
    """Something the person should hear about. `code` picks the template."""

    code: str  # empty_keyword | bad_date | bad_time | unreadable_date | past_due
    # | meeting_without_date
    # | period_deadline (moved to the period's last working day) | day_off (holiday, weekend)
    detail: str = ""
    kind: str = ""


@dataclass
class ParseResult:
    records: list[Record] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.records and not self.warnings


def _alt(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("meeting", words("NEXT_MEETING")),
    ("agenda", words("AGENDA")),
    ("decision", words("DECISION")),
    ("action", words("ACTION")),
    ("owner", words("OWNER")),
    ("deadline", ("frist", "deadline", "due")),
]
_KEYWORD = re.compile("|".join(rf"(?P<{kind}>{_alt(ws)})" for kind, ws in KINDS), re.IGNORECASE)
_EMOJI = "\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3"
_DECORATION = re.compile(rf"^(?:[\s•·◦▪►‣*_~>\-–—{_EMOJI}]|&gt;|:[a-z0-9_+\-]+:)+", re.IGNORECASE)
_TRAILING_EMOJI_CODE = re.compile(r":[a-z0-9_+\-]+:$", re.IGNORECASE)
_ITEM = re.compile(
    rf"^(?:{_alt(words('ITEM'))})\s*(?P<item>\d{{1,3}}[a-zA-Z]?)\s*(?:[:.)–—\-]|\s)\s*",
    re.IGNORECASE,
)
_LINE = re.compile(rf"^(?:{_KEYWORD.pattern})[\s*_]*:[\s*_]*(?P<rest>.*)$", re.IGNORECASE)
_OWNER_CLAUSE = re.compile(
    rf"(?:^|[.;,]\s*|\s)(?:{_alt(words('OWNER'))})\s*:\s*(?P<who>.+?)\s*"
    rf"(?=$|[.;]\s|[.;]$|,?\s*(?:frist|deadline|due)\s*:)",
    re.IGNORECASE,
)
_MENTION = r"(?:<@[UW][A-Z0-9]+>|<!subteam\^[A-Z0-9]+>)"
_LEADING_MENTIONS = re.compile(rf"^\s*({_MENTION}(?:\s*(?:,|og|and|&amp;)\s*{_MENTION})*)\s*")
_DEADLINE = re.compile(
    rf"(?:^|[\s,.;(])(?P<kw>{_alt(words('DEADLINE'))})\b\s*:?\s*(?P<phrase>[^;\n]*)",
    re.IGNORECASE,
)
_NEXT_MEETING_DUE = re.compile(
    rf"(?:^|[\s,])(?:{_alt(words('NEXT_MEETING_DEADLINE'))})\b\.?", re.IGNORECASE
)
# "Bob to send the draft", "Ann and Tom to review": an English owner before "to".
_ENGLISH_OWNER = re.compile(
    r"^(?P<who>[A-Z][\w.'-]*(?:\s+(?:and\s+|&amp;\s+)?[A-Z][\w.'-]*){0,4})\s+to\s+(?P<task>\S.*)$"
)
# Words that name a time no date was given for ("inden jul"): reported, never dropped.
_TIME_WORDS = re.compile(
    rf"^\s*(?:(?:{_alt(words('TIME_PREPOSITIONS'))})\s+)?(?:{_alt(words('TIME_WORDS'))})\b",
    re.IGNORECASE,
)
# Keywords after which words that are not a date must be reported, not ignored.
_STRICT_DEADLINE = {"frist", "deadline", "due"}


def _strip_decoration(line: str) -> str:
    previous = None
    while previous != line:
        previous = line
        line = _DECORATION.sub("", line)
    return line


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    for mark in "*_~":  # a stray bold/italic mark goes; a balanced pair (`*vigtig*`) stays
        if text.count(mark) % 2 == 1:
            text = text.strip(mark).strip()
    if _TRAILING_EMOJI_CODE.search(text):  # `… :rocket:` keeps its colons
        text = text.lstrip(" ,;:–—-").rstrip(" ,;–—-").strip()
    else:
        text = text.strip(" ,;:–—-").strip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text[:MAX_TEXT]


def _classify(line: str) -> tuple[str, str, str | None] | None:
    """(kind, rest, item) for a keyword line, else None."""
    body = _strip_decoration(line)
    item = None
    item_match = _ITEM.match(body)
    if item_match and not re.match(rf"(?:{_alt(words('AGENDA'))})", body, re.IGNORECASE):
        item = item_match.group("item").upper()
        body = _strip_decoration(body[item_match.end() :])
    match = _LINE.match(body)
    if not match:
        return None
    kind = next(k for k, _ in KINDS if match.group(k))
    return kind, match.group("rest"), item


def _deadline(text: str, today: date, warnings: list[Warning]) -> tuple[str, date | None, bool]:
    """Take the deadline out of an action's text: (text without it, due, due at next meeting)."""
    for match in _DEADLINE.finditer(text):
        keyword = match.group("kw").lower()
        phrase = match.group("phrase")
        if _NEXT_MEETING_DUE.match(" " + phrase):
            return _clean(text[: match.start()]), None, True
        dates = find_dates(phrase, today, deadline=True)
        near = [d for d in dates if d.start <= 12]
        if near:
            first = near[0]
            remainder = text[: match.start()] + " " + phrase[first.end :]
            if first.value is None:
                warnings.append(Warning("bad_date", first.text.strip(), "action"))
                return _clean(remainder), None, False
            if first.value >= today:
                if first.period:
                    warnings.append(Warning("period_deadline", first.value.isoformat(), "action"))
                elif not is_working_day(first.value):
                    warnings.append(Warning("day_off", first.value.isoformat(), "action"))
            return _clean(remainder), first.value, False
        if keyword in _STRICT_DEADLINE or _TIME_WORDS.search(phrase):
            shown = _clean(phrase)[:60]
            if shown:
                warnings.append(
                    Warning("unreadable_date", f"{match.group('kw')} {shown}", "action")
                )
            if keyword in _STRICT_DEADLINE:
                return _clean(text[: match.start()]), None, False
    if _NEXT_MEETING_DUE.search(text):
        return _clean(text), None, True
    return text, None, False


def _action(
    rest: str, item: str | None, today: date, known: Sequence[str], warnings: list[Warning]
) -> Action | None:
    owners: list[Owner] = []
    owner_match = _OWNER_CLAUSE.search(rest)
    if owner_match:
        owners += split_owner_names(owner_match.group("who"), known)
        rest = rest[: owner_match.start()] + rest[owner_match.end() :]
    text, due, at_next = _deadline(rest, today, warnings)
    leading_mentions = _LEADING_MENTIONS.match(text)
    if leading_mentions:
        owners = mention_owners(leading_mentions.group(1)) + owners
        text = re.sub(r"^to\s+", "", text[leading_mentions.end() :])  # "<@U1> to send …"
    else:
        found, after = leading_known_owners(text, known)
        english = _ENGLISH_OWNER.match(text)
        if found:
            owners = found + owners
            text = after
        elif english and not owners:
            owners = split_owner_names(english.group("who"), known)
            text = english.group("task")
        owners = owners + mention_owners(text)
    text = _clean(to_plain(text))
    if not text:
        return None
    if due is not None and due < today:
        warnings.append(Warning("past_due", due.isoformat(), "action"))
    return Action(text=text, owners=unique(owners), due=due, due_next_meeting=at_next, item=item)


def parse_meeting_text(text: str, *, today: date) -> tuple[Meeting | None, list[Warning]]:
    """`5/2-2027 kl. 9-12 Ringsted` as a meeting (for `/referat møde …`)."""
    warnings: list[Warning] = []
    return _meeting(normalize(text), today, warnings), warnings


_CANCELLED = re.compile(rf"\b(?:{_alt(words('CANCELLED'))})\b", re.IGNORECASE)


def _meeting(rest: str, today: date, warnings: list[Warning]) -> Meeting | None:
    plain = to_plain(rest)
    dates = find_dates(plain, today)
    cancelled = _CANCELLED.search(plain)
    if cancelled:
        day = dates[0].value if dates else None
        return Meeting(date=day, cancelled=True)
    if not dates:
        warnings.append(Warning("meeting_without_date", _clean(plain)[:60], "meeting"))
        return None
    first = dates[0]
    if first.value is None:
        warnings.append(Warning("bad_date", first.text, "meeting"))
        return None
    remainder = plain[: first.start] + " " + plain[first.end :]
    clock = find_time_range(remainder) or find_time_range(remainder, bare=True)
    wrong = impossible_time(remainder) if clock is None else None
    if wrong:
        warnings.append(Warning("bad_time", wrong, "meeting"))
        return None
    start = end = None
    if clock:
        start, end = clock.begins, clock.ends
        remainder = remainder[: clock.start] + " " + remainder[clock.end :]
    place = _place(remainder)
    return Meeting(date=first.value, start=start, end=end, place=place)


_PLACE_NOISE = re.compile(
    rf"^(?:[\s,.;:–—-]|\b(?:{_alt(words('PLACE_PREPOSITIONS'))}|den|d\.)\b)+", re.IGNORECASE
)


def _place(remainder: str) -> str | None:
    text = re.sub(r"\s+", " ", remainder).strip()
    previous = None
    while previous != text:
        previous = text
        text = _PLACE_NOISE.sub("", text).strip()
    text = text.strip(" ,.;:–—-")
    return text[:200] or None


def parse_message(text: str, *, today: date, known_owners: Sequence[str] = ()) -> ParseResult:
    """Every record in a message. Never raises; no keyword means an empty result."""
    result = ParseResult()
    lines = normalize(text).split("\n")
    last_action: Action | None = None
    for line in lines:
        classified = _classify(line)
        if classified is None:
            last_action = None
            continue
        kind, rest, item = classified
        rest_clean = _clean(rest)
        if kind == "owner" and last_action is not None:
            last_action.owners = unique(last_action.owners + split_owner_names(rest, known_owners))
            continue
        if kind == "deadline" and last_action is not None:
            _, due, at_next = _deadline("frist " + rest, today, result.warnings)
            last_action.due, last_action.due_next_meeting = due, at_next
            if due is not None and due < today:
                result.warnings.append(Warning("past_due", due.isoformat(), "action"))
            continue
        last_action = None
        if kind in ("owner", "deadline"):
            continue
        if not rest_clean:
            result.warnings.append(Warning("empty_keyword", line.strip(" *_:"), kind))
            continue
        if kind == "decision":
            result.records.append(Decision(text=_clean(to_plain(rest)), item=item))
        elif kind == "action":
            action = _action(rest, item, today, known_owners, result.warnings)
            if action is None:
                result.warnings.append(Warning("empty_keyword", line.strip(" *_:"), kind))
            else:
                result.records.append(action)
                last_action = action
        elif kind == "meeting":
            meeting = _meeting(rest, today, result.warnings)
            if meeting is not None:
                result.records.append(meeting)
        elif kind == "agenda":
            result.records.append(AgendaItem(title=_clean(to_plain(rest))))
    return result

"""The date a meeting was held, only as the minutes state it.

Where the minutes say it, in this order: a sentence saying when the meeting
was held ("Meeting held on Jan 23, 2014", "Mødet blev afholdt …"); the title
(the first heading, or a `Title:` line); a labelled line (`Dato:`, `Tid:`,
`Date:`, front matter `date:`); a short line near the top. A date written
without a year is no statement of the meeting date: it comes back as a guess
(the latest such day up to `today`), never as the date.
"""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.dates import DateMatch
from bot.parsing.lexicon import da, en
from bot.parsing.minutes.dates import dates_in
from bot.parsing.minutes.text import BULLET, Cleaned, words_of

_LABELS = "|".join(map(re.escape, words_of("MEETING_DATE_LABELS")))
_LABEL = re.compile(
    rf"^{BULLET}?:?(?:{_LABELS})\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_TITLE = re.compile(r"^(?:title|titel)\s*:\s*(?P<rest>.+)$", re.IGNORECASE)
_NEXT = re.compile("|".join(words_of("NEXT_MEETING_WORDS")) + r"|\bwill be held\b", re.I)
_MEETING = re.compile("|".join(words_of("MEETING_WORDS")), re.IGNORECASE)
_OTHER = re.compile("|".join(words_of("OTHER_MEETING")), re.IGNORECASE)
_HELD = re.compile("|".join(words_of("MEETING_HELD")), re.IGNORECASE)
TOP = 60  # lines from the top where a meeting's date is written
_MAIL = re.compile(rf"^(?:{'|'.join(map(re.escape, words_of('MAIL_HEADERS')))})\s*:", re.IGNORECASE)
_SENDER = re.compile(r"^(?:from|fra)\s*:", re.IGNORECASE)


def _mail_header(lines: list[str]) -> set[int]:
    """Lines of an e-mail header block (a run of "From:", "Date:", "Subject:" lines with a
    sender among them): its date is when the mail was sent, not when the meeting was held."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if line and _MAIL.match(line):
            run.append(index)
            continue
        if len(run) >= 3 and any(_SENDER.match(lines[i]) for i in run):
            found.update(run)
        run = []
    return found


def _stated(dates: list[DateMatch]) -> date | None:
    return next((d.value for d in dates if d.value and d.year_given), None)


def meeting_date_in(cleaned: Cleaned, today: date) -> tuple[date | None, date | None]:
    """(the date the minutes state, a guess from a date without a year)."""
    lines = cleaned.lines[:TOP]
    title_at = min(cleaned.headings, default=None)
    first_lines = [i for i, ln in enumerate(lines) if ln and i > cleaned.front_matter][:3]
    candidates: list[tuple[float, str, bool]] = []  # (rank, text, is a header)
    mail = _mail_header(lines)
    lines = ["" if i in mail else ln for i, ln in enumerate(lines)]
    first_lines = [i for i in first_lines if i not in mail]
    for index, line in enumerate(lines):
        if not line:
            continue
        after = _next_line(lines, index)
        # a date broken over two lines; not a line about another meeting ("The minutes of the
        # meeting of 5 February were approved." under the header lines)
        other = _OTHER.search(after) and after.rstrip().endswith(".")
        joined = line if other else f"{line} {after}"
        held = _HELD.search(line)
        before = f"{lines[index - 1] if index else ''} {line[: held.start()] if held else ''}"
        if held and not _NEXT.search(line) and not _OTHER.search(before):
            # "The meeting took place virtually, via UberConference, at 6:00pm" over
            # "(Lausanne time) on Wednesday, November 30, 2016.": the sentence goes on
            said = line if _NEXT.search(after) else joined
            candidates.append((0, said[held.start() :], False))
        title = _TITLE.match(line)
        top = title_at is None and index in first_lines  # a plain text's header lines
        # the meeting named on the line or on the next, unless that one has its own date
        # ("14. august 2012 (ekstraordinær)" over "REFERAT")
        meeting = bool(_MEETING.search(line if re.search(r"\d", after) else joined))
        if title or index == title_at or top or (index in first_lines and meeting):
            # of the first lines, one naming a meeting ("Bestyrelsesmøde 13. august 2020")
            # before one that does not ("Konstituering m.v., 13. juli 2020" above it)
            rank = 1.5 if not title and not meeting else 1
            candidates.append((rank, title.group("rest") if title else joined, True))
        label = _LABEL.match(line)
        if label:
            rank = 4 if index <= cleaned.front_matter else 2  # front matter: often the posting date
            candidates.append((rank, label.group("rest"), False))
        elif index < 20 and len(line) <= 120 and _MEETING.search(line) and not _OTHER.search(line):
            candidates.append((3, joined, False))
    for line in [ln for ln in lines if ln][:15]:
        if len(line) <= 60:
            candidates.append((5, line, False))
    candidates.sort(key=lambda c: c[0])
    guess: date | None = None
    for _, text, header in candidates:
        dates = [d for d in dates_in(text, today, header=header) if d.value]
        stated = _stated(dates)
        if stated is not None:
            return stated, None
        if guess is None and dates and dates[0].value:
            value = dates[0].value
            guess = value if value <= today else _year_before(value)
    logged = _chat_day(cleaned.chat_days)
    if logged is not None:
        return logged, None
    return None, guess


def _chat_day(days: list[str]) -> date | None:
    """The day of a chat log whose every line is stamped with its date ("[2018-03-26
    10:58:00] <nick> …"), where nothing else states when the meeting was held: the day most of
    its lines were written."""
    if len(days) < 3:
        return None
    day = max(sorted(set(days)), key=days.count)
    try:
        return date.fromisoformat(day)
    except ValueError:
        return None


def _next_line(lines: list[str], index: int) -> str:
    return next((ln for ln in lines[index + 1 : index + 3] if ln), "")


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


_MONTHS = {name: number for module in (da, en) for name, number in module.MONTHS.items()}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_YEAR = re.compile(
    # a month and a year with no day before it ("7. nov. 2015", "7th November 2015" have one)
    r"(?<![\d.]\s)(?<![\d.])(?<!st\s)(?<!nd\s)(?<!rd\s)(?<!th\s)"
    rf"\b(?P<month>{_MONTH_NAMES})\.?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def period_in(cleaned: Cleaned) -> date | None:
    """The month a title names without a day ("Referat fra BR møde November 2015"): the first
    of that month, to read dates written without a year ("den 7. December") from, never
    the meeting's date."""
    for line in [ln for ln in cleaned.lines[:TOP] if ln][:3]:
        match = _MONTH_YEAR.search(line)
        if match:
            return date(int(match.group("year")), _MONTHS[match.group("month").lower()], 1)
    return None

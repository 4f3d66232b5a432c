"""Decisions from the shape of an item rather than its words: the answer to an item whose
title is a question ("How are we going to communicate?" over "Slack for async
communication, …"), and the list an outcome label heads ("Agreed:" over "- keep the
budget")."""

from __future__ import annotations

import re

from bot.parsing.minutes.model import clip
from bot.parsing.minutes.motions import NOT_APPLICABLE
from bot.parsing.minutes.text import BULLET_LINE, SPEAKER_START, sentences, words_of

_NOTHING_SAID = re.compile("|".join(words_of("NOTHING_SAID")), re.IGNORECASE)
_REPORT = re.compile("|".join(words_of("REPORTS")), re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{2,}")

# An outcome label alone over the list it heads: "Agreed:" over "- keep the budget", "- raise
# the fees"; "Besluttet:", "Decisions made:".
LIST_LABEL = re.compile(
    rf"^(?:{'|'.join(words_of('OUTCOME_LABELS'))}|decisions?|beslutninger)"
    r"(?:\s+(?:made|taken|truffet|taget))?\s*:\s*$"
    # who was elected, over the list of them: "- Elected through voice vote (…):", "Election
    # of officers:", "Valgt til bestyrelsen:"
    rf"|^(?:[-*•]\s+)?(?:{'|'.join(words_of('ELECTED_LIST_LABELS'))})\b[^.:]{{0,120}}:\s*$",
    re.IGNORECASE,
)


def label_list(lines: list[str]) -> set[str]:
    """The list items under an outcome label alone on its line: each a decision. Blank lines
    may stand between them; a line that is no list item ends the list."""
    found: set[str] = set()
    active = False
    for line in lines:
        if LIST_LABEL.match(line):
            active = True
            continue
        if not active or not line:
            continue
        item = BULLET_LINE.match(line) or re.match(r"^\d{1,2}[.)]\s+(\S.*)$", line)
        if item is None:
            active = False
            continue
        found.add(item.group(1).strip())
    return found


# A title that asks for a date ("Dato for generalforsamling", "Date of the AGM") answered
# by one: "14. april kl. 11.30 med …", "Saturday 14 April". Not the next meeting's date.
_DATE_TITLE = re.compile("|".join(words_of("DATE_TITLES")) or r"(?!)", re.IGNORECASE)
_NEXT_MEETING = re.compile("|".join(words_of("NEXT_MEETING_WORDS")), re.IGNORECASE)
_DATE_FIRST = re.compile(
    r"^(?:[^\W\d_]+(?:dag|day),?\s+)?(?:den\s+|d\.\s*)?\d{1,2}(?:\.\s*|\s+|/)(?:[^\W\d_]{3,}|\d{1,2}\b)",
    re.IGNORECASE,
)


# A weekday in the answer's first sentence: "Møderne afholdes 3. torsdag i hver måned",
# "Meetings are held on the second Tuesday of each month".
_WEEKDAY = re.compile(
    rf"\b(?:{'|'.join(w.lower() for w in words_of('WEEKDAY_NAMES'))})s?\b", re.IGNORECASE
)


def _dated(title: str, first: str) -> bool:
    """Whether an item asking for a date gives it first ("Dato for generalforsamling" over
    "14. april kl. 11.30 …"), or names the weekday its meetings are held on ("Mødedatoer
    2015" over "Møderne afholdes 3. torsdag i hver måned …")."""
    opening = sentences(first)[0] if first else ""
    return bool(
        _DATE_TITLE.search(title)
        and not _NEXT_MEETING.search(title)
        and (_DATE_FIRST.match(first) or _WEEKDAY.search(opening))
    )


def answer(title: str, texts: list[str]) -> str | None:
    """The answer to an item whose title asks the question: its first paragraph, when it is
    short, no question, no address, no speaker's turn, no report and says there was
    something ("Intet.", "No other business." are none). The caller reads it only where
    nothing else in the item was read as a decision."""
    if texts and _dated(title, texts[0].strip()):
        return clip(texts[0])
    if not title.rstrip().endswith("?") or not texts or len(sentences(title)) > 1:
        return None  # the title is the question, not a text that ends with one
    first = texts[0].strip()
    if first == title.strip() or first.endswith("?") or len(first.split()) > 15:
        return None
    if NOT_APPLICABLE.match(first) or _NOTHING_SAID.match(first) or _REPORT.match(first):
        return None  # "Ingen bemærkninger til punktet.", "No other business.", a report
    if re.match(r"^(?:https?://|www\.)", first) or SPEAKER_START.match(first):
        return None
    return clip(first) if _WORD.search(first) else None

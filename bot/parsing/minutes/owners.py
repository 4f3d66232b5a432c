"""Actions and their owners, as minutes write them."""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.dates import find_dates
from bot.parsing.lexicon import da
from bot.parsing.minutes.model import MinutesAction, clip
from bot.parsing.minutes.text import words_of

_NAME = r"(?:[A-ZÆØÅ]\.\s)?[A-ZÆØÅ][\wæøåÆØÅ'?\-]*(?:/[A-ZÆØÅ][\wæøåÆØÅ\-]*)?"
_PERSON = rf"{_NAME}(?:\s+(?:von\s+)?{_NAME}){{0,2}}"
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
_DA_VERBS = "|".join(da.ACTION_VERBS)
_ACTION_DA = re.compile(
    rf"^(?P<owner>{_SUBJECT})\s+(?:herefter\s+|løbende\s+|også\s+|gerne\s+)?"
    rf"(?P<verb>{_DA_VERBS})\b(?P<rest>.*)$"
)
_ACTION_EN = re.compile(rf"^(?P<owner>{_SUBJECT})\s+will\s+(?P<rest>\S.*)$")
_ACTION_TO = re.compile(rf"^(?:ACTION|Action)\s*:?\s*(?P<owner>{_SUBJECT})\s+to\s+(?P<rest>\S.*)$")
_OWNER_IS = [re.compile(p, re.IGNORECASE) for p in words_of("OWNER_IS")]
_NO_OWNER = [re.compile(p, re.IGNORECASE) for p in words_of("NO_OWNER_ACTION")]
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
OWNER_LINE = re.compile(
    r"^(?:ansvarlig|ansvarlige|tovholder|owner|responsible)\s*:\s*(.+)$", re.IGNORECASE
)


def owner_names(raw: str, known: tuple[str, ...]) -> list[str]:
    raw = raw.strip(" .,:")
    canon = {k.lower(): k for k in known}
    parts = [p.strip() for p in re.split(r"\s+og\s+|\s+and\s+|,\s*", raw) if p.strip()]
    if len(parts) > 1:
        return [canon.get(p.lower(), p) for p in parts]
    return [canon.get(raw.lower(), raw)]


def _clauses(text: str) -> list[str]:
    text = _LEAD_IN.sub("", text.strip())
    parts = re.split(r",\s+og\s+(?=[A-ZÆØÅ])|;\s+|,\s+and\s+(?=[A-Z])", text)
    return [p.strip() for p in parts if p.strip()]


def actions_in(
    text: str, item: str | None, known: tuple[str, ...], today: date
) -> list[MinutesAction]:
    """Actions a sentence or decision assigns, with their owners."""
    found: list[MinutesAction] = []
    for clause in _clauses(text):
        owners: list[str] | None = None
        task = clause
        for pattern in _OWNER_IS:
            match = pattern.search(clause)
            if match and match.group("owner").split()[0].lower() not in _NOT_OWNERS:
                owners = owner_names(match.group("owner"), known)
                break
        if owners is None:
            for pattern in (_ACTION_TO, _ACTION_DA, _ACTION_EN):
                match = pattern.match(clause)
                if not match:
                    continue
                owner = match.group("owner")
                if owner.split()[0].lower().rstrip(".") in _NOT_OWNERS:
                    continue
                owners = owner_names(owner, known)
                verb = match.groupdict().get("verb")
                task = f"{verb}{match.group('rest')}" if verb else match.group("rest")
                break
        if owners is None and any(p.search(clause) for p in _NO_OWNER):
            owners = []
            passive = re.search(r"\bder\s+\w+es\b.*", clause, re.IGNORECASE)
            task = passive.group(0) if passive else clause
        if owners is None:
            continue
        at_next = bool(_NEXT_MEETING_DUE.search(clause))
        dates = [d for d in find_dates(clause, today) if d.value and d.year_given]
        due = dates[0].value if dates and not at_next else None
        found.append(
            MinutesAction(
                item=item,
                owners=owners,
                task=clip(task).rstrip("."),
                due=due,
                due_next_meeting=at_next,
            )
        )
    return found

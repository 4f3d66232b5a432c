"""Decisions: under decision headings, or sentences that say something was decided."""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.minutes.model import Minutes, MinutesAction, MinutesDecision, clip
from bot.parsing.minutes.outline import Segment, section_of
from bot.parsing.minutes.owners import OWNER_LINE, actions_in, owner_names
from bot.parsing.minutes.text import (
    BULLET_LINE,
    continues,
    paragraphs,
    sentences,
    table_rows,
    words_of,
)

_DECISION_CUE = re.compile("|".join(words_of("DECISION_CUES")), re.IGNORECASE)
_WEAK_CUE = re.compile("|".join(words_of("WEAK_DECISION_CUES")) or r"(?!)", re.IGNORECASE)
_MODAL = re.compile("|".join(words_of("MODALS")) or r"(?!)", re.IGNORECASE)


def _is_decision(sentence: str) -> bool:
    """A sentence that records a decision: a strong cue, or a passive one without "skal"."""
    if sentence.rstrip().endswith("?"):
        return False
    if _DECISION_CUE.search(sentence):
        return True
    return bool(_WEAK_CUE.search(sentence)) and not _MODAL.search(sentence)


_MOTION = re.compile(
    r"(?:It was moved by|Moved by)\b.*?MOTION CARRIED[^\[]*?(?:\[[^\]]*\])?(?=$|\s)", re.IGNORECASE
)
_RESOLVED = re.compile(r"\bRESOLVED\b[,:]?\s*.*", re.DOTALL)


ACTION_LINE = re.compile(
    r"^(?:ACTION(?: ITEM)?|Action(?: item)?|Handling|Opgave|TODO)\s*:", re.IGNORECASE
)


def _section_decisions(lines: list[str]) -> list[str]:
    """Entries under one decision heading: one per bullet, or per paragraph if none."""
    entries: list[str] = []
    bullets = False
    current: str | None = None
    for line in lines:
        if ACTION_LINE.match(line):
            break  # "ACTION: …" after the decisions is an action, read on its own
        if not line:
            if not bullets and current is not None:
                entries.append(current)
                current = None
            continue
        bullet = BULLET_LINE.match(line)
        if bullet:
            body = bullet.group(1).strip()
            if (
                current is not None
                and body[:1].islower()
                and not current.rstrip().endswith((".", "!", "?", ":"))
            ):
                current = f"{current} {body}"  # a bullet split in two by the PDF
                continue
            if current is not None:
                entries.append(current)
            current, bullets = body, True
            continue
        if line.endswith(":"):
            if current is not None:
                entries.append(current)
            current = None
            continue
        if current is not None and continues(current, line):
            current = f"{current} {line}"
            continue
        if bullets:
            break  # prose after the list: the decision section is over
        if current is not None:
            entries.append(current)
        current = line
    if current is not None:
        entries.append(current)
    return [clip(e) for e in entries if clip(e)]


def read_sections(segment: Segment, minutes: Minutes, known: tuple[str, ...], base: date) -> None:
    current: str | None = None
    body: list[str] = []

    def flush() -> None:
        if current == "beslutning":
            for entry in _section_decisions(body):
                minutes.decisions.append(MinutesDecision(segment.label, entry))
                minutes.actions += actions_in(entry, segment.label, known, base)

    for line in segment.lines:
        if ACTION_LINE.match(line):
            minutes.actions += actions_in(line, segment.label, known, base)
        section = section_of(line)
        if section:
            flush()
            current, body = section[0], [section[1]] if section[1] else []
            continue
        body.append(line)
    flush()


def read_cues(segment: Segment, minutes: Minutes, known: tuple[str, ...], base: date) -> None:
    label = segment.label
    texts = paragraphs(segment.lines)
    formal: list[str] = []
    for paragraph in texts:
        formal += [clip(m.group(0)) for m in _MOTION.finditer(paragraph)]
        resolved = _RESOLVED.search(paragraph)
        if resolved:
            formal.append(clip(sentences(resolved.group(0))[0]))
    for text in formal:
        minutes.decisions.append(MinutesDecision(label, text))
    for paragraph in texts:
        for sentence in sentences(paragraph):
            if not formal and _is_decision(sentence):
                minutes.decisions.append(MinutesDecision(label, clip(sentence)))
            minutes.actions += actions_in(sentence, label, known, base)
    for row in table_rows(segment.lines):
        owner = next((v for k, v in row.items() if k in ("ansvarlig", "owner", "responsible")), "")
        task = next(
            (v for k, v in row.items() if k in ("handling", "action", "task", "opgave")), ""
        )
        status = " ".join(v for k, v in row.items() if k.startswith(("status", "kommentar")))
        for sentence in sentences(status):
            if _is_decision(sentence):
                minutes.decisions.append(MinutesDecision(label, clip(sentence)))
            minutes.actions += actions_in(sentence, label, known, base)
        if owner and task and not re.search(r"lukkes|closed|done|udført", status, re.I):
            minutes.actions.append(MinutesAction(label, owner_names(owner, known), clip(task)))
    owner_lines = [m.group(1) for line in segment.lines if (m := OWNER_LINE.match(line))]
    if owner_lines and texts:
        first = sentences(texts[0])[0] if sentences(texts[0]) else texts[0]
        for owner in owner_lines:
            minutes.actions.append(
                MinutesAction(label, owner_names(owner, known), clip(first).rstrip("."))
            )

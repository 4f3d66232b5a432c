"""Agenda items from the document's own headings (Markdown, HTML, reStructuredText).

Used when the minutes do not number their items in a way `outline` reads. The
level that holds the most headings (leaving out attendance, agenda and other
non-item headings, words in the lexicon) is the item level; text under a
non-item heading or before the first item is read as well, without an item.
"""

from __future__ import annotations

import re
from collections import Counter

from bot.parsing.minutes.model import MinutesItem
from bot.parsing.minutes.outline import Outline, Segment, outline_of, section_of
from bot.parsing.minutes.text import Cleaned, words_of

_NOT_ITEM = re.compile(
    rf"^(?:{'|'.join(words_of('NOT_ITEM_HEADINGS') + words_of('ACTION_SECTIONS'))})\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^(?:punkt\s+|item\s+)?(\d{1,2}(?:\.\d{1,2})*)(?:[.):]|\s)\s*(.*)$", re.I)
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)\b")


def is_item_heading(title: str) -> bool:
    return not _NOT_ITEM.match(title.strip(" #*:"))


def heading_outline(cleaned: Cleaned) -> Outline | None:
    """Items at the heading level that holds most of them; None with fewer than two."""
    lines = cleaned.lines
    # a case field set as a heading ("#### Conclusions:" in every item) is a field of the item
    # it stands in, read as a line there: a field's word with a colon, or one that repeats
    # ("## Discussion" once among the items is an item)
    named = Counter(lines[i].strip(" :").casefold() for i in cleaned.headings)
    headings = {
        i: lv
        for i, lv in cleaned.headings.items()
        if section_of(lines[i]) is None
        or not (lines[i].rstrip().endswith(":") or named[lines[i].strip(" :").casefold()] > 1)
    }
    levels = Counter(lv for i, lv in headings.items() if is_item_heading(lines[i]))
    candidates = [lv for lv, n in levels.items() if n >= 2]
    if not candidates and len(cleaned.bold_lines) >= 2:
        # no level of the markup holds two items: lines in bold are the headings
        below = max(headings.values(), default=0) + 1
        headings = {**headings, **{at: below for at in cleaned.bold_lines}}
        levels = Counter(lv for i, lv in headings.items() if is_item_heading(lines[i]))
        candidates = [lv for lv, n in levels.items() if n >= 2]
    if not candidates:
        return None
    level = max(candidates, key=lambda lv: (levels[lv], -lv))
    outline = Outline()
    current: Segment | None = None
    for index, line in enumerate(lines):
        found = headings.get(index)
        if found is None or found > level:
            if current is None:
                outline.preamble.append(line)
            else:
                current.lines.append(line)
            continue
        if found == level and is_item_heading(line):
            number, title = _numbered(line, len(outline.items) + 1)
            outline.items.append(MinutesItem(number=number, title=title))
            current = Segment(number, title=title)
        else:
            current = Segment(None, title=line)
        outline.segments.append(current)
    outline.segments.insert(0, Segment(None, list(outline.preamble)))
    return outline


def _numbered(line: str, position: int) -> tuple[str, str]:
    match = _NUMBER.match(line)
    if match and match.group(2):
        return match.group(1), match.group(2).strip()
    ordinal = _ORDINAL.match(line)
    if ordinal:
        return ordinal.group(1), line
    return str(position), line


def _inside_a_field(numbered: Outline) -> bool:
    """Whether the numbering starts inside a case field ("Sagsfremstilling", "Beslutning" on
    a line of their own before it): a list in a saved ESDH page whose item titles were lost,
    not the agenda."""
    preamble = numbered.preamble
    return (
        bool(numbered.items)
        and any((sec := section_of(line)) is not None and not sec[1] for line in preamble)
        and not any(re.match(r"^\d{1,2}\.\s+[A-ZÆØÅ]", line) for line in preamble)
    )


# A time slot alone on its line, maybe with its kind: "19.15-19.45 - Drøftelse", "20.40-20.50".
_SLOT = re.compile(
    r"^(?P<start>[0-2]?\d[.:][0-5]\d)\s*[-–]\s*(?P<end>[0-2]?\d[.:][0-5]\d)"
    r"(?:\s*[-–:]\s*(?P<kind>[^\d].{0,60}))?$"
)


def _minutes_of_day(clock: str) -> int:
    hour, minute = re.split(r"[.:]", clock)
    return int(hour) * 60 + int(minute)


def slot_outline(lines: list[str]) -> Outline | None:
    """Items as the time slots of a timed agenda whose titles were lost ("19.00-19.15 -
    Drøftelse", …): at least two on lines of their own, each starting where or after the one
    before ends; None otherwise."""
    slots = [(i, m) for i, line in enumerate(lines) if (m := _SLOT.match(line.strip()))]
    if len(slots) < 2:
        return None
    for (_, a), (_, b) in zip(slots, slots[1:], strict=False):
        start, end = _minutes_of_day(a.group("start")), _minutes_of_day(a.group("end"))
        if not start < end <= _minutes_of_day(b.group("start")):
            return None
    outline = Outline(preamble=lines[: slots[0][0]])
    outline.segments.append(Segment(None, list(outline.preamble)))
    bounds = [i for i, _ in slots] + [len(lines)]
    for (index, match), stop in zip(slots, bounds[1:], strict=False):
        number = f"{match.group('start')}-{match.group('end')}"
        title = (match.group("kind") or "").strip()
        outline.items.append(MinutesItem(number=number, title=title))
        outline.segments.append(Segment(number, lines[index + 1 : stop], title=title))
    return outline


_SPACED = re.compile(r"^(\d{1,2})\s+([A-ZÆØÅ][^.:]{1,150}\S)\s*$")
# a row of a table flattened to text: "1 Godkendelse af referat. Referatet godkendt."
_SPACED_ROW = re.compile(r"^(\d{1,2})\s+([A-ZÆØÅ][^.:]{1,80}[.:])\s+(\S.*)$")
# a row whose title is one word before its text: "5 Koda Per tager sig af …", "6 BJU Thomas …"
_SPACED_WORD = re.compile(r"^(\d{1,2})\s+([A-ZÆØÅ][\wæøåÆØÅ-]{1,30})\s+([A-ZÆØÅ]\S*\s.*)$")


def spaced_outline(lines: list[str]) -> Outline | None:
    """Items numbered with a bare number and a space ("1 Godkendelse af dagsorden", "2
    Regnskab"), where nothing else gave the minutes a structure: read as "1. …" when at least
    three such lines count 1, 2, 3 … in order; None otherwise. Rows of a table flattened to
    text count too ("1 Godkendelse af referat. Referatet godkendt."): the title ends at its
    first full stop (or is one word, among rows found already), the rest is read under it."""
    expected, found = 1, dict[int, str]()
    for index, line in enumerate(lines):
        match = _SPACED.match(line.strip()) or _SPACED_ROW.match(line.strip())
        if found and match is None:  # only among rows already found: "5 Koda Per tager …"
            match = _SPACED_WORD.match(line.strip())
        if match and int(match.group(1)) == expected:
            found[index] = f"{expected}. {match.group(2)}"
            if match.re is not _SPACED:  # the title, then what the row says on a line under it
                found[index] += "\n" + match.group(3)
            expected += 1
    if len(found) < 3:
        return None
    outline = outline_of(
        [part for i, line in enumerate(lines) for part in found.get(i, line).split("\n")]
    )
    return outline if outline.items else None


_LABELLED = re.compile(r"^(?P<label>[A-ZÆØÅ][^:]{1,40}?)\s*:\s+\S")


def labelled_outline(lines: list[str]) -> Outline | None:
    """Items as the labels that open paragraphs ("Kongresdeltagelse : Finni og Allan
    deltager …", "Økonomi: Regnskabet er godkendt."), where nothing else gave the minutes a
    structure: at least three paragraphs open so, with labels of at most five words and
    nearly all different (a chat's speakers repeat theirs); a non-item label ("Til stede",
    "Næste møde") starts a stretch without an item. None otherwise."""
    opens: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if index and lines[index - 1].strip():
            continue  # only a paragraph's first line
        match = _LABELLED.match(line.strip())
        if match and len(match.group("label").split()) <= 5:
            opens.append((index, match.group("label").strip()))
    labels = [label.casefold() for _, label in opens]
    if len(opens) < 3 or len(set(labels)) < 0.8 * len(labels):
        return None
    outline = Outline(preamble=lines[: opens[0][0]])
    outline.segments.append(Segment(None, list(outline.preamble)))
    bounds = [index for index, _ in opens[1:]] + [len(lines)]
    for (index, label), stop in zip(opens, bounds, strict=True):
        number = None
        if is_item_heading(label):
            number = str(len(outline.items) + 1)
            outline.items.append(MinutesItem(number=number, title=label))
        # the label stays on its line: "Resolution 1: To accept …" is the motion itself
        outline.segments.append(Segment(number, lines[index:stop], title=label))
    return outline if len(outline.items) >= 2 else None


def structure(cleaned: Cleaned) -> Outline:
    """Agenda items from numbering, or from markup headings where those say more.

    Numbered items win where they are the headings themselves ("## 1. Budget")
    or the document marks no headings; otherwise the headings are the items.
    Minutes with neither are read as one stretch of text.
    """
    numbered = outline_of(cleaned.lines)
    if _inside_a_field(numbered):
        numbered = Outline(segments=[Segment(None, cleaned.lines)], preamble=cleaned.lines)
    marked = heading_outline(cleaned)
    if marked is None:
        if numbered.items:
            return numbered
        slotted = slot_outline(cleaned.lines)
        if slotted is not None:
            return slotted
        spaced = spaced_outline(cleaned.lines)
        if spaced is not None:
            return spaced
        labelled = labelled_outline(cleaned.lines)
        if labelled is not None:
            return labelled
        return Outline(segments=[Segment(None, cleaned.lines)], preamble=cleaned.lines)
    heading_texts = [cleaned.lines[i] for i in cleaned.headings]
    on_headings = sum(
        any(
            re.search(rf"(?<![\d.]){re.escape(item.number)}(?![\d])", h) and h.endswith(item.title)
            for h in heading_texts
        )
        for item in numbered.items
    )
    if len(numbered.items) >= 2 and on_headings >= len(numbered.items) / 2:
        return numbered
    return marked

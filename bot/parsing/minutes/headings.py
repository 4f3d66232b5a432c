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
from bot.parsing.minutes.outline import Outline, Segment
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
    lines, headings = cleaned.lines, cleaned.headings
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

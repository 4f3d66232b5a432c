"""Agenda items from the minutes' own headings and numbering."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.parsing.lexicon import da, en
from bot.parsing.minutes.model import MinutesItem
from bot.parsing.minutes.text import ACTION_HEADING, BULLET, CONNECTIVES

# "Punkt 3", "Dagsorden pkt. 3", "Agenda item 3"
_ITEM_WORD = r"(?:(?:dagsorden|agenda)\s+)?(?:punkt|pkt\.?|dagsordenspunkt|sag|item|agenda item)"
# "Punkt 3: Budget", "Item 4 – Website"; a general assembly's "§3 Valg af dirigent." (items
# named for the statutes' paragraphs)
_PUNKT = re.compile(
    rf"^{BULLET}?(?:{_ITEM_WORD}\s+|§\s?(?=\d{{1,2}}\.?\s+[A-ZÆØÅ]))(\d{{1,2}})\s*[.:)\-–]?\s*(.*)$",
    re.IGNORECASE,
)
# "Ad 2:", "Ad. 1", "ad.1." (lower case only with its full stop)
_AD = re.compile(r"^(?:AD|Ad\.?|ad\.)\s*(\d{1,2})\s*(?:[:.]\s*|\s+|$)(.*)$")
_NUMBERED = re.compile(
    rf"^{BULLET}?(\d{{1,2}})\s*[.)]\s*([A-ZÆØÅ\"“].*)$"
)  # "2. Budget", "2) Budget"
_RST_NUMBERED = re.compile(rf"^{BULLET}?\x00(\d{{1,2}})\x00\s*(\S.*)$")
_SUB_NUMBERED = re.compile(rf"^{BULLET}?(\d{{1,2}})\.(\d{{1,2}})\.?(?:\s+(.*))?$")
_CODED = re.compile(
    r"^(?P<title>[A-Z0-9][^()]{2,250}?)\s*\((?P<code>[A-Z](?:-\w{1,3})?(?:/[A-Z]-\w{1,3})?)\)\s*$"
)
_LETTER = re.compile(r"^([A-H])\)\s+(\S.*)$")
# A heading glued to the end of the line before by a page's text extraction: "… til næste
# generalforsamling.3. Regnskab 2019", "… uden anmærkninger .4. Andet".
_GLUED = re.compile(r"\.(?P<number>\d{1,2})\.\s*(?P<title>[A-ZÆØÅ].{0,80})$")
_GLUED_AFTER = re.compile(r"[^\W\d_][)\]]?\s?$")  # a word ends the sentence before it
_MINUTES_START = re.compile(
    rf"^[#*\s]*(?:{'|'.join(da.MINUTES_START + en.MINUTES_START)})[\s*:]*$", re.IGNORECASE
)

SECTIONS: dict[str, str] = {**en.SECTIONS, **da.SECTIONS}
_SECTION = re.compile(
    rf"^{BULLET}?(?P<word>{'|'.join(sorted(map(re.escape, SECTIONS), key=len, reverse=True))})"
    # the body and day that decided, as ESDH systems print the field: "Beslutning i Udvalget
    # for Ældre og Sundhed den 04-06-2020", "Decision of the Planning Committee"
    r"(?P<by>\s+(?:i|fra|af|in|of|by)\s+(?:the\s+)?(?-i:[A-ZÆØÅ])[^:.]{1,80}?"
    r"(?:\s+(?:den|on)\s+\d{1,2}[-./]\d{1,2}[-./]\d{2,4})?"
    # or the body straight after, then the day: "Beslutning Handicaprådet den 18-01-2018"
    r"|\s+(?-i:[A-ZÆØÅ])[^:.]{1,80}?\s+(?:den|on)\s+\d{1,2}[-./]\d{1,2}[-./]\d{2,4})?"
    r"(?:\s*:\s*(?P<rest>.*)|\s*)$",
    re.IGNORECASE,
)


def section_of(line: str) -> tuple[str, str] | None:
    match = _SECTION.match(line)
    if not match:
        return None
    name = SECTIONS[match.group("word").lower()]
    if match.group("by") and name != "beslutning":
        return None  # "Indstilling af Kasper Hansen …", "Baggrund for …": prose, no field
    return name, (match.group("rest") or "").strip()


def heading_section(lines: list[str], index: int) -> tuple[str, str] | None:
    """`section_of` for a line that stands as a heading: not a word that continues the
    sentence of the line before it ("… for communications, not big" over "decisions"), as a
    PDF that gives one word a line writes it; a heading starts with a capital or follows a
    line that has ended."""
    line = lines[index]
    section = section_of(line)
    if section is None or not line[:1].islower() or index == 0:
        return section
    before = lines[index - 1].rstrip()
    ended = not before or before.endswith((".", ":", "!", "?", ";", ")")) or before[0] in "#|"
    return section if ended else None


def _same_title(a: str, b: str) -> bool:
    a, b = a.lower().strip(" .:"), b.lower().strip(" .:")
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


@dataclass
class Segment:
    label: str | None  # "2", "2A", "1.2", "G-1"; None: text outside the agenda items
    lines: list[str] = field(default_factory=list)
    title: str = ""


@dataclass
class Outline:
    items: list[MinutesItem] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    style: str | None = None  # which heading pattern the majors use
    inner: int = 0  # a numbered list inside the current item: its last number
    agenda: dict[str, str] = field(default_factory=dict)  # the agenda's titles, on a restart
    first: int = 1  # the number the items start at: 49 in a committee's running series


def _heading(line: str, outline: Outline) -> tuple[str, str, str] | None:
    """(kind, number, title) for an agenda heading, checked against the numbering so far.

    Majors keep the style the minutes started with ("Punkt 4." stays "Punkt"), a
    number must follow the last one, and a numbered list inside an item
    ("1.Mulighed …", "2. …") is told apart from the next heading.
    """
    numbers = [item.number for item in outline.items]
    last = next((int(n) for n in reversed(numbers) if n.isdigit()), 0)
    for style, pattern in (
        ("punkt", _PUNKT),
        ("ad", _AD),
        ("numbered", _NUMBERED),
        ("rst", _RST_NUMBERED),
    ):
        match = pattern.match(line)
        if not match:
            continue
        number, title = int(match.group(1)), match.group(2).strip()
        if len(title) > 300 or title.endswith((",", ";")):
            return None
        existing = next((i for i in outline.items if i.number == str(number)), None)
        if existing is not None and _same_title(existing.title, title):
            return "restart", str(number), f"{style}:{title}"
        if number == 1 and existing is not None and _minutes_start(outline):
            return "restart", str(number), f"{style}:{title}"  # "Referat" under the agenda
        if number == 1 and existing is not None and style == "ad" and outline.style != "ad":
            # "ad.1." under the numbered agenda: the minutes of the agenda's items, in turn
            return "restart", str(number), f"{style}:{title}"
        same_style = outline.style in (None, style)
        inner_list = style == "numbered" and number == outline.inner + 1 and outline.inner > 0
        starts = number <= 2 or number == outline.first
        follows = number == last + 1 or (last == 0 and number == outline.first)
        if follows and (last > 0 or starts) and same_style and not inner_list:
            return "major", str(number), f"{style}:{title}"
        if style == "numbered" and number == outline.inner + 1:
            outline.inner = number
        return None
    match = _SUB_NUMBERED.match(line)
    if match and outline.items:
        major, title = match.group(1), (match.group(3) or "").strip()
        if major == outline.items[-1].number and len(title) <= 200:
            return "sub", f"{major}.{match.group(2)}", title
        return None
    match = _CODED.match(line)
    if match and len(line) < 220:
        code = match.group("code")
        if code not in numbers:
            return "coded", code, "coded:" + match.group("title").strip()
    return None


def _minutes_start(outline: Outline) -> bool:
    """Whether a heading where the minutes start ("Referat", "Minutes") stands alone on its
    line since the last agenda heading."""
    return bool(outline.segments) and any(
        _MINUTES_START.match(ln) for ln in outline.segments[-1].lines
    )


def _glued(line: str, outline: Outline) -> tuple[str, str] | None:
    """(the text before, the heading) where the next item's heading is glued to a line."""
    match = _GLUED.search(line) if "." in line else None
    if not match or not outline.items or outline.style != "numbered":
        return None
    if not _GLUED_AFTER.search(line, 0, match.start()):
        return None
    last = next((int(i.number) for i in reversed(outline.items) if i.number.isdigit()), 0)
    if int(match.group("number")) != last + 1:
        return None
    heading = f"{match.group('number')}. {match.group('title').strip()}"
    return line[: match.start()].rstrip(" ."), heading


def _one_item_lists(lines: list[str]) -> list[str]:
    """Items of a list broken by the text under each, as a web page renders it: every item a
    list of its own, so every one numbered "1." ("1. Valg af ordstyrer", text, "1. Valg af to
    stemmetællere", …). Three or more "1." in a row, with no other number between them, are
    the items after the one before them, renumbered in turn; an inner list goes on to "2."."""
    numbered = [(i, int(m.group(1))) for i, ln in enumerate(lines) if (m := _NUMBERED.match(ln))]
    out = list(lines)
    start = 0
    while start < len(numbered):
        end = start
        while end < len(numbered) and numbered[end][1] == 1:
            end += 1
        if end - start >= 3:
            before = numbered[start - 1][1] if start else 0
            for offset, (index, _) in enumerate(numbered[start:end]):
                out[index] = re.sub(
                    r"1(?=\s*[.)])", str(before + offset + 1), lines[index], count=1
                )
        start = max(end, start + 1)
    return out


def _running_start(lines: list[str]) -> int:
    """Where items numbered in a running series start ("49. Godkendelse af dagsorden",
    "50. …", "51. …" in a committee's minutes): the first number above 2 that opens three
    numbered lines counting on, with no item 1 before it; 1 otherwise."""
    numbers = [int(m.group(1)) for line in lines if (m := _NUMBERED.match(line))]
    for at, number in enumerate(numbers[:-2]):
        if number == 1:
            return 1
        if number > 2 and numbers[at + 1] == number + 1 and numbers[at + 2] == number + 2:
            return number
    return 1


_ROW = re.compile(r"^(\d{1,2})\.?\s*\|\s*(\S.*?)\s*\|?\s*$")


def _numbered_rows(lines: list[str]) -> list[str]:
    """Items as the rows of a two-column table, the number in the first cell ("2. | Election
    of Chairman:" over the cell's next lines, "1. | All Councillors present signed … |"):
    read as headings "2. Election of Chairman" with the cell's text under them, when at least
    three rows count 1, 2, 3 in order. A cell with no title before a colon is titled by its
    first words and keeps its whole text under the heading."""
    rows = [(i, m) for i, line in enumerate(lines) if (m := _ROW.match(line))]
    numbers = [int(m.group(1)) for _, m in rows]
    if len(rows) < 3 or numbers[:3] != [1, 2, 3]:
        return lines
    out = [
        line[:-1].rstrip() if line.endswith("|") and not line.startswith("|") else line
        for line in lines
    ]
    for index, match in reversed(rows):
        number, cell = match.group(1), match.group(2).rstrip(" |")
        title, colon, rest = cell.partition(":")
        if colon and len(title) <= 80:
            out[index : index + 1] = [f"{number}. {title.strip()}", rest.strip()]
        else:
            words = " ".join(cell.split()[:6])
            out[index : index + 1] = [f"{number}. {words[:1].upper()}{words[1:]}", cell]
    return out


def outline_of(lines: list[str]) -> Outline:
    lines = _numbered_rows(_one_item_lists(lines))
    outline = Outline(first=_running_start(lines))
    index = 0
    listing = False  # under an action list's heading: its numbered lines are tasks, not items
    while index < len(lines):
        line = lines[index]
        if line and ACTION_HEADING.match(line):  # "Action List", "Handlingsliste"
            listing = True
        found = _heading(line, outline) if line and not listing else None
        if listing and found is None and line and _PUNKT.match(line):
            listing = False  # "Punkt 7 …": the agenda goes on after the list
        glued = _glued(line, outline) if line and found is None else None
        if glued is not None:
            lines[index : index + 1] = list(glued)
            continue
        if found is None:
            if outline.segments:
                letter = _LETTER.match(line)
                major = outline.items[-1] if outline.items else None
                expected = chr(ord("A") + len(major.sub_items)) if major else None
                if letter and major and letter.group(1) == expected and major.number.isdigit():
                    major.sub_items.append(letter.group(1))
                    outline.segments.append(Segment(f"{major.number}{letter.group(1)}"))
                else:
                    outline.segments[-1].lines.append(line)
            else:
                outline.preamble.append(line)
            index += 1
            continue
        kind, number, styled = found
        style, _, title = styled.partition(":") if kind != "sub" else ("", "", styled)
        if kind == "restart":
            # The agenda was printed first; the minutes proper start again here.
            outline.preamble += [ln for seg in outline.segments for ln in seg.lines]
            outline.agenda = {i.number: i.title for i in outline.items}
            outline.items, outline.segments = [], []
            kind = "major"
            outline.style = None
        index += 1
        if kind in ("major", "coded"):
            outline.style = outline.style or style
            outline.inner = 0
        said = title
        if kind == "sub":
            outline.items[-1].sub_items.append(number)
        else:
            title, index = _title_continued(title, lines, index)
            said = title
            title = title or outline.agenda.get(number, "")  # "ad.2." names the agenda's item
            outline.items.append(MinutesItem(number=number, title=title))
        segment = Segment(number, title=title if kind != "sub" else "")
        if _says_something(said):
            segment.lines.append(title)  # "1. Dagsorden og referat godkendt." is the minutes
        outline.segments.append(segment)
    return outline


# An outcome after a dash, in parentheses, or glued by an underscore ("Godkendelse af
# dagsorden_Godkendt", as a page's text kept it)
_OUTCOME_TAIL = re.compile(
    r"(?:\s[–—-]\s*|\(\s*|(?<=[a-zæøå])_|"
    # after a comma, the matter named again in a word or two: "Godkendelse af referat, Ref.
    # blev godkendt", "Minutes of the last meeting, the minutes were approved"
    r",\s+(?:\w+\.?\s+){0,2}(?:blev\s+|were\s+|was\s+)?)"
    # "Den 12/3 er blevet til 13/3 – ellers OK"
    r"(?:ellers\s+|otherwise\s+)?(?:enstemmigt\s+|unanimously\s+)?"
    rf"(?:{'|'.join(da.TITLE_OUTCOMES + en.TITLE_OUTCOMES)})\b[.!]?\s*\)?\.?$",
    re.IGNORECASE,
)


_OUTCOME_END = re.compile(
    rf"\s(?:{'|'.join(da.TITLE_OUTCOMES + en.TITLE_OUTCOMES)})[.!]?$", re.IGNORECASE
)


# An outcome told after the matter and a spaced dash: "Agree on aims - Agreed and
# constitution updated", "Decide on the limit - We decided to not set a limit at this time".
_DASH_OUTCOME = re.compile(
    rf"\s[–—-]\s+(?:(?:{'|'.join(da.TITLE_OUTCOMES + en.TITLE_OUTCOMES)})\b|"
    rf"(?:we|vi)\s+(?:{'|'.join(da.DECISION + en.DECISION)})\b)",
    re.IGNORECASE,
)


# An outcome after the title's colon, with or without a full stop, also glued to the word
# before it by a page's text extraction: "Godkendelse af dagsorden: Godkendt",
# "Økonomi: Regnskab pr. 21. november 2018Taget til efterretning".
_COLON_OUTCOME = re.compile(
    rf":\s+.*?(?<![^\W\d_])(?:{'|'.join(da.TITLE_OUTCOMES + en.TITLE_OUTCOMES)})\b",
    re.IGNORECASE,
)


# A title that names the matter, full stop or not ("Orientering om ligning og godkendte
# anlægsarbejder i 2025.", "Report on the approved works."): a heading, not an outcome.
_TOPIC_OPENER = re.compile(
    rf"^(?:{'|'.join(da.TOPIC_OPENERS + en.TOPIC_OPENERS)})\b(?![^:–—(]*[:–—(])", re.IGNORECASE
)


_NOT_ITEM = re.compile(
    rf"^(?:{'|'.join(da.NOT_ITEM_HEADINGS + en.NOT_ITEM_HEADINGS)})\b", re.IGNORECASE
)


def _says_something(title: str) -> bool:
    """An item "title" that is a sentence of the minutes, not a heading: "Dagsorden og
    referat godkendt.", a topic and what was said on it after a colon ("Sejlerskole: Der er
    ingen aktuelle elever, Carsten sender annonce …"), a title and its outcome after a colon
    ("Regnskab: godkendt.", "Godkendelse af dagsorden: Godkendt"), after a dash or in
    parentheses ("Regnskab 2023 – godkendt", "Budget (Vedtaget.)")."""
    said = title.rstrip().endswith((".", "!")) and not _TOPIC_OPENER.match(title)
    colon = bool(re.search(r"\w:\s+\w", title))
    after = title.split(":", 1)[1] if colon else ""
    told = (
        colon
        and len(after.split()) >= 5
        and not _TOPIC_OPENER.match(title)
        and not _NOT_ITEM.match(title)  # "Apologies for absence accepted from: No …"
    )
    # a short title that ends in its outcome: "Referat godkendt", "Referat fra sidst OK"
    short = len(title.split()) <= 4 and bool(_OUTCOME_END.search(title))
    return (
        (said and (len(title.split()) >= 3 or colon))
        or told
        or short
        or bool(_DASH_OUTCOME.search(title))
        or bool(_OUTCOME_TAIL.search(title))
        or bool(_COLON_OUTCOME.search(title))
    )


def _title_continued(title: str, lines: list[str], index: int) -> tuple[str, int]:
    """A heading broken over lines by PDF extraction: join what plainly continues it."""
    for _ in range(2):
        probe = index
        while probe < len(lines) and not lines[probe]:
            probe += 1
        if probe >= len(lines):
            break
        nxt = lines[probe]
        if section_of(nxt) or _LETTER.match(nxt) or _AD.match(nxt) or len(nxt) > 120:
            break
        if re.match(r"^\(?[a-h]\)\s+\S", nxt):
            break  # "a) Frivillig fredag: …": the item's first sub-item, not its title
        last_word = title.split()[-1].lower() if title.split() else ""
        open_letter = "A)" in title and "B)" not in title
        dash = (
            nxt.startswith("- ")
            and (nxt[2:3].isdigit() or last_word in CONNECTIVES)
            and not _SUB_NUMBERED.match(nxt)
            and not title.rstrip().endswith(("?", ".", ":"))
            and not re.search(r"[.?!]\s*$", nxt)
        )
        if not (nxt[:1].islower() or last_word in CONNECTIVES or open_letter or dash):
            break
        title = f"{title} {nxt}"
        index = probe + 1
    return re.sub(r"\s+", " ", title).strip(), index

"""Whole minutes ("referat") in, a structure out (PRODUCT.md section 3).

Pure and total: `parse_minutes(text, today=…)` never reads the clock and never
raises. It copes with text extracted from PDFs (page numbers, lines broken
mid-sentence, bullets split in two), Markdown and reStructuredText exports.

Two ways of finding decisions, chosen per document:
- *section mode*, when the minutes have decision headings ("Beslutning",
  "Drøftelse og beslutning", "Decision"): every bullet or paragraph under one;
- *cue mode* otherwise: sentences that say something was decided ("Det blev
  besluttet", "godkendt", "It was agreed", a RESOLVED block, a carried motion).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, time

from bot.parsing.dates import find_dates, find_time_range
from bot.parsing.lexicon import da, en
from bot.parsing.owners import DEFAULT_OWNER_NAMES

MAX_TEXT = 3000


@dataclass
class MinutesItem:
    number: str
    title: str
    sub_items: list[str] = field(default_factory=list)


@dataclass
class MinutesDecision:
    item: str | None
    text: str


@dataclass
class MinutesAction:
    item: str | None
    owners: list[str]
    task: str
    due: date | None = None
    due_next_meeting: bool = False


@dataclass
class NextMeeting:
    date: date
    start: time | None = None
    end: time | None = None
    body: str | None = None
    proposed_agenda: list[str] = field(default_factory=list)


@dataclass
class Minutes:
    language: str = "da"
    body: str | None = None
    meeting_date: date | None = None
    meeting_date_guess: date | None = None
    items: list[MinutesItem] = field(default_factory=list)
    decisions: list[MinutesDecision] = field(default_factory=list)
    actions: list[MinutesAction] = field(default_factory=list)
    next_meeting: NextMeeting | None = None
    calendar: dict[str, list[date]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.items or self.decisions or self.actions or self.next_meeting or self.calendar
        )


# --- lines --------------------------------------------------------------------

_RST_HEADING = re.compile(r"`\s*(\d+(?:\.\d+)*)\s+([^`<]+?)\s*<#[^>]*>`_")
_RST_LINK = re.compile(r"`([^`<]*?)\s*<([^>]+)>`_")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_UNDERLINE = re.compile(r"^\s*([-=~^*#_])\1{2,}\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:side\s+|page\s+)?\d{1,4}\s*(?:/\s*\d{1,4})?\s*$", re.IGNORECASE)


def _rst_heading(match: re.Match[str]) -> str:
    number, title = match.group(1), match.group(2)
    return f"{number} {title}" if "." in number else f"\x00{number}\x00 {title}"


def clean_lines(text: str) -> list[str]:
    """Lines with markup and page noise removed; blank lines kept as ''."""
    text = html.unescape(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = text.replace("\u00a0", " ").replace("\t", " ").replace("\f", "\n")
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw
        line = re.sub(r"^(?:\s*>)+\s?", "", line)  # quoted Markdown
        if re.match(r"^\s*!\[", line) or _UNDERLINE.match(line) or _PAGE_NUMBER.match(line):
            lines.append("")
            continue
        line = re.sub(r"^\s*#{1,6}\s+", "", line)
        line = _RST_HEADING.sub(_rst_heading, line)
        line = _RST_LINK.sub(lambda m: m.group(1) or m.group(2), line)
        line = _MD_LINK.sub(r"\1", line)
        line = line.replace("**", "").replace("<br>", " ").replace("<br/>", " ")
        line = re.sub(r"(?<!\w)_([^_]+)_(?!\w)", r"\1", line)
        lines.append(re.sub(r"\s+", " ", line).strip())
    return lines


# --- headings -------------------------------------------------------------------

_BULLET = r"(?:[•\-*·▪◦]\s*)"
_PUNKT = re.compile(rf"^{_BULLET}?(?:punkt|pkt\.?)\s+(\d{{1,2}})\s*[.:)]?\s*(.*)$", re.IGNORECASE)
_AD = re.compile(r"^AD\s+(\d{1,2})\s*[:.]\s*(.*)$")
_NUMBERED = re.compile(rf"^{_BULLET}?(\d{{1,2}})\s*\.\s*([A-ZÆØÅ\"“].*)$")
_RST_NUMBERED = re.compile(rf"^{_BULLET}?\x00(\d{{1,2}})\x00\s*(\S.*)$")
_SUB_NUMBERED = re.compile(rf"^{_BULLET}?(\d{{1,2}})\.(\d{{1,2}})\.?(?:\s+(.*))?$")
_CODED = re.compile(
    r"^(?P<title>[A-Z0-9][^()]{2,250}?)\s*\((?P<code>[A-Z](?:-\w{1,3})?(?:/[A-Z]-\w{1,3})?)\)\s*$"
)
_LETTER = re.compile(r"^([A-H])\)\s+(\S.*)$")
_CONNECTIVES = {
    "og",
    "at",
    "med",
    "i",
    "til",
    "af",
    "for",
    "om",
    "på",
    "er",
    "samt",
    "ift.",
    "jf.",
    "the",
    "and",
    "to",
    "of",
    "with",
    "in",
    "a",
    "an",
    "&",
    "fra",
    "ved",
    "mellem",
    "eller",
    "or",
    "that",
}


def _words_of(name: str) -> tuple[str, ...]:
    return tuple(w for module in (da, en) for w in getattr(module, name))


SECTIONS: dict[str, str] = {**en.SECTIONS, **da.SECTIONS}
_SECTION = re.compile(
    rf"^{_BULLET}?(?P<word>{'|'.join(sorted(map(re.escape, SECTIONS), key=len, reverse=True))})"
    r"(?:\s*:\s*(?P<rest>.*)|\s*)$",
    re.IGNORECASE,
)


def _section_of(line: str) -> tuple[str, str] | None:
    match = _SECTION.match(line)
    if not match:
        return None
    return SECTIONS[match.group("word").lower()], (match.group("rest") or "").strip()


def _same_title(a: str, b: str) -> bool:
    a, b = a.lower().strip(" .:"), b.lower().strip(" .:")
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


@dataclass
class _Segment:
    label: str  # "2", "2A", "1.2", "G-1"
    lines: list[str] = field(default_factory=list)


@dataclass
class _Outline:
    items: list[MinutesItem] = field(default_factory=list)
    segments: list[_Segment] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    style: str | None = None  # which heading pattern the majors use
    inner: int = 0  # a numbered list inside the current item: its last number


def _heading(line: str, outline: _Outline) -> tuple[str, str, str] | None:
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
        if len(title) > 160 or title.endswith((",", ";")):
            return None
        existing = next((i for i in outline.items if i.number == str(number)), None)
        if existing is not None and _same_title(existing.title, title):
            return "restart", str(number), f"{style}:{title}"
        same_style = outline.style in (None, style)
        inner_list = style == "numbered" and number == outline.inner + 1 and outline.inner > 0
        if number == last + 1 and (last > 0 or number <= 2) and same_style and not inner_list:
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


def _outline(lines: list[str]) -> _Outline:
    outline = _Outline()
    index = 0
    while index < len(lines):
        line = lines[index]
        found = _heading(line, outline) if line else None
        if found is None:
            if outline.segments:
                letter = _LETTER.match(line)
                major = outline.items[-1] if outline.items else None
                expected = chr(ord("A") + len(major.sub_items)) if major else None
                if letter and major and letter.group(1) == expected and major.number.isdigit():
                    major.sub_items.append(letter.group(1))
                    outline.segments.append(_Segment(f"{major.number}{letter.group(1)}"))
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
            outline.items, outline.segments = [], []
            kind = "major"
            outline.style = None
        index += 1
        if kind in ("major", "coded"):
            outline.style = outline.style or style
            outline.inner = 0
        if kind == "sub":
            outline.items[-1].sub_items.append(number)
        else:
            title, index = _title_continued(title, lines, index)
            outline.items.append(MinutesItem(number=number, title=title))
        outline.segments.append(_Segment(number))
    return outline


def _title_continued(title: str, lines: list[str], index: int) -> tuple[str, int]:
    """A heading broken over lines by PDF extraction: join what plainly continues it."""
    for _ in range(2):
        probe = index
        while probe < len(lines) and not lines[probe]:
            probe += 1
        if probe >= len(lines):
            break
        nxt = lines[probe]
        if _section_of(nxt) or _LETTER.match(nxt) or len(nxt) > 120:
            break
        last_word = title.split()[-1].lower() if title.split() else ""
        open_letter = "A)" in title and "B)" not in title
        dash = (
            nxt.startswith("- ")
            and nxt[2:3].isalnum()
            and not nxt[2:3].isupper()
            and not _SUB_NUMBERED.match(nxt)
        )
        if not (nxt[:1].islower() or last_word in _CONNECTIVES or open_letter or dash):
            break
        title = f"{title} {nxt}"
        index = probe + 1
    return re.sub(r"\s+", " ", title).strip(), index


# --- decisions ------------------------------------------------------------------

_BULLET_LINE = re.compile(rf"^{_BULLET}(?!\d+\.\d)(.+)$")
_ABBREVIATIONS = {
    "ms",
    "mr",
    "mrs",
    "dr",
    "st",
    "nr",
    "pr",
    "ift",
    "evt",
    "bl.a",
    "fx",
    "f.eks",
    "jf",
    "ca",
    "inkl",
    "ekskl",
    "mv",
    "mm",
    "vs",
    "no",
    "kl",
    "ed.d",
    "etc",
    "d",
    "dvs",
    "hhv",
    "iht",
    "vedr",
    "tlf",
    "jr",
    "sr",
}
_CARRIED = re.compile("|".join(_words_of("CARRIED_OVER")) or r"(?!)")
_DECISION_CUE = re.compile("|".join(_words_of("DECISION_CUES")), re.IGNORECASE)
_WEAK_CUE = re.compile("|".join(_words_of("WEAK_DECISION_CUES")) or r"(?!)", re.IGNORECASE)
_MODAL = re.compile("|".join(_words_of("MODALS")) or r"(?!)", re.IGNORECASE)


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


def _continues(previous: str, line: str) -> bool:
    if not previous:
        return False
    if line[:1].islower() or line[:1] in "(,;":
        return True
    last = previous.split()[-1].lower() if previous.split() else ""
    return last in _CONNECTIVES


def _clip(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:MAX_TEXT]


_ACTION_LINE = re.compile(
    r"^(?:ACTION(?: ITEM)?|Action(?: item)?|Handling|Opgave|TODO)\s*:", re.IGNORECASE
)


def _section_decisions(lines: list[str]) -> list[str]:
    """Entries under one decision heading: one per bullet, or per paragraph if none."""
    entries: list[str] = []
    bullets = False
    current: str | None = None
    for line in lines:
        if _ACTION_LINE.match(line):
            break  # "ACTION: …" after the decisions is an action, read on its own
        if not line:
            if not bullets and current is not None:
                entries.append(current)
                current = None
            continue
        bullet = _BULLET_LINE.match(line)
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
        if current is not None and _continues(current, line):
            current = f"{current} {line}"
            continue
        if bullets:
            break  # prose after the list: the decision section is over
        if current is not None:
            entries.append(current)
        current = line
    if current is not None:
        entries.append(current)
    return [_clip(e) for e in entries if _clip(e)]


def sentences(text: str) -> list[str]:
    """Split prose into sentences, not at `Ms.`, `ift.`, `S. Holden` or `10.`."""
    out: list[str] = []
    start = 0
    for match in re.finditer(r"[.!?](?=\s+[A-ZÆØÅ\"“(])", text):
        before = text[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or last.isdigit():
            continue
        out.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _paragraphs(lines: list[str]) -> list[str]:
    """Prose paragraphs; each bullet and each table cell stands alone."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in lines:
        if not line or _CARRIED.search(line) or re.match(r"^[-*]\s*\[[ xX]\]", line):
            flush()
            continue
        if line.startswith("|"):
            flush()
            continue
        if _BULLET_LINE.match(line):
            flush()
            current.append(_BULLET_LINE.match(line).group(1))  # type: ignore[union-attr]
            continue
        current.append(line)
    flush()
    return paragraphs


def _table_rows(lines: list[str]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in lines:
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
            continue
        if header is None:
            header = [c.lower() for c in cells]
            continue
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


# --- actions --------------------------------------------------------------------

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
_OWNER_IS = [re.compile(p, re.IGNORECASE) for p in _words_of("OWNER_IS")]
_NO_OWNER = [re.compile(p, re.IGNORECASE) for p in _words_of("NO_OWNER_ACTION")]
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
_OWNER_LINE = re.compile(
    r"^(?:ansvarlig|ansvarlige|tovholder|owner|responsible)\s*:\s*(.+)$", re.IGNORECASE
)


def _owner_names(raw: str, known: tuple[str, ...]) -> list[str]:
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
                owners = _owner_names(match.group("owner"), known)
                break
        if owners is None:
            for pattern in (_ACTION_TO, _ACTION_DA, _ACTION_EN):
                match = pattern.match(clause)
                if not match:
                    continue
                owner = match.group("owner")
                if owner.split()[0].lower().rstrip(".") in _NOT_OWNERS:
                    continue
                owners = _owner_names(owner, known)
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
                task=_clip(task).rstrip("."),
                due=due,
                due_next_meeting=at_next,
            )
        )
    return found


# --- meeting facts ----------------------------------------------------------------

_NEXT_WORDS = re.compile("|".join(_words_of("NEXT_MEETING_WORDS")), re.IGNORECASE)
_MOVED = re.compile("|".join(_words_of("MEETING_MOVED")), re.IGNORECASE)
_PROPOSED = re.compile("|".join(_words_of("PROPOSED_AGENDA")), re.IGNORECASE)
_DATE_LABEL = re.compile(
    rf"^(?:{'|'.join(map(re.escape, _words_of('MEETING_DATE_LABELS')))})\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_CALENDAR = re.compile(
    rf"(?:{'|'.join(_words_of('CALENDAR'))})\s*(?P<year>\d{{4}})?", re.IGNORECASE
)
_CAL_DATE = re.compile(r"^\d{1,2}/\d{1,2}$")
_BODY_AFTER = re.compile(
    r"næste møde i (?P<body>[A-ZÆØÅa-zæøå0-9]+)|next meeting of the (?P<en>\w+)", re.IGNORECASE
)


def _meeting_date(preamble: list[str], today: date) -> date | None:
    for line in preamble:
        match = _DATE_LABEL.match(line)
        if match:
            dates = [d for d in find_dates(match.group("rest"), today) if d.value and d.year_given]
            if dates:
                return dates[0].value
    for line in [ln for ln in preamble if ln][:15]:
        dates = [d for d in find_dates(line, today) if d.value and d.year_given]
        if dates and len(line) < 120:
            return dates[0].value
    return None


def _calendar(lines: list[str]) -> dict[str, list[date]]:
    for index, line in enumerate(lines):
        match = _CALENDAR.search(line)
        if not match or not match.group("year"):
            continue
        year = int(match.group("year"))
        header_at = next(
            (
                i
                for i in range(index + 1, min(index + 6, len(lines)))
                if re.search(r"møder i|meetings? of", lines[i], re.IGNORECASE)
            ),
            None,
        )
        if header_at is None:
            continue
        bodies = [
            b.strip(" *:")
            for b in re.split(r"m[øo]der i|meetings? of", lines[header_at], flags=re.IGNORECASE)
            if b.strip(" *:")
        ]
        calendar: dict[str, list[date]] = {body: [] for body in bodies}
        for row in lines[header_at + 1 :]:
            if not row or row.startswith("http"):
                continue
            tokens = row.split()
            if not tokens or not all(_CAL_DATE.match(t) for t in tokens):
                break
            for body, token in zip(bodies, tokens, strict=False):
                day, month = (int(x) for x in token.split("/"))
                try:
                    calendar[body].append(date(year, month, day))
                except ValueError:
                    continue
        if any(calendar.values()):
            return calendar
    return {}


def _next_meeting(lines: list[str], base: date) -> NextMeeting | None:
    best: tuple[int, int, NextMeeting] | None = None
    text_lines = [ln for ln in lines if ln]
    for position, line in enumerate(text_lines):
        for sentence in sentences(line):
            moved = _MOVED.search(sentence)
            named = moved or _NEXT_WORDS.search(sentence)
            if not named:
                continue
            after = sentence[named.end() :]
            dates = [d for d in find_dates(after, base) if d.value]
            if not dates:
                continue
            clock = find_time_range(after[dates[0].end :]) or find_time_range(after)
            body_match = _BODY_AFTER.search(sentence)
            body = None
            if body_match:
                raw = body_match.group("body") or body_match.group("en")
                body = raw[:1].upper() + raw[1:] if raw else None
            meeting = NextMeeting(
                date=dates[0].value,  # type: ignore[arg-type]
                start=clock.begins if clock else None,
                end=clock.ends if clock else None,
                body=body,
            )
            rank = (2 if moved else 1, position)
            if best is None or rank >= best[:2]:
                best = (rank[0], rank[1], meeting)
    if best is None:
        return None
    meeting = best[2]
    meeting.proposed_agenda = _proposed_agenda(lines)
    return meeting


def _proposed_agenda(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if not _PROPOSED.search(line):
            continue
        items: list[str] = []
        for row in lines[index + 1 :]:
            if not row:
                continue
            match = re.match(rf"^(?:{_BULLET}|\d{{1,2}}\.\s+)(.+)$", row)
            if not match:
                break
            items.append(_clip(match.group(1)))
        if items:
            return items
    return []


# --- the whole ------------------------------------------------------------------


def _language(text: str) -> str:
    danish = len(re.findall(r"\b(og|at|det|til|møde|blev|styregruppen|er)\b", text, re.I))
    english = len(re.findall(r"\b(and|the|that|meeting|was|board|is)\b", text, re.I))
    return "da" if danish >= english else "en"


def parse_minutes(
    text: str, *, today: date, known_owners: tuple[str, ...] = DEFAULT_OWNER_NAMES
) -> Minutes:
    """Read whole minutes. Never raises; what it was unsure of is in `warnings`."""
    try:
        return _parse(text, today, known_owners)
    except Exception as error:  # a parser bug must not lose the person's file
        return Minutes(warnings=[f"internal:{type(error).__name__}"])


def _parse(text: str, today: date, known: tuple[str, ...]) -> Minutes:
    lines = clean_lines(text[:2_000_000])
    minutes = Minutes(language=_language(text[:20000]))
    outline = _outline(lines)
    minutes.items = outline.items
    minutes.meeting_date = _meeting_date(outline.preamble, today)
    minutes.calendar = _calendar(lines)
    base = minutes.meeting_date or today
    section_mode = any(
        (sec := _section_of(line)) and sec[0] == "beslutning"
        for segment in outline.segments
        for line in segment.lines
    )
    for segment in outline.segments:
        if section_mode:
            _read_sections(segment, minutes, known, base)
        else:
            _read_cues(segment, minutes, known, base)
    minutes.next_meeting = _next_meeting(
        [ln for seg in outline.segments for ln in seg.lines] or lines, base
    )
    if minutes.next_meeting is not None:
        if minutes.next_meeting.body is None and minutes.calendar:
            minutes.next_meeting.body = next(iter(minutes.calendar))
        for action in minutes.actions:
            if action.due_next_meeting and action.due is None:
                action.due = minutes.next_meeting.date
    minutes.body = minutes.next_meeting.body if minutes.next_meeting else None
    if minutes.meeting_date is None and minutes.next_meeting and minutes.calendar:
        held = [
            d for d in minutes.calendar.get(minutes.body or "", []) if d < minutes.next_meeting.date
        ]
        if held:
            minutes.meeting_date_guess = max(held)
            minutes.warnings.append("meeting_date_guessed")
    if not minutes.items and not minutes.decisions:
        minutes.warnings.append("no_structure")
    return minutes


def _read_sections(segment: _Segment, minutes: Minutes, known: tuple[str, ...], base: date) -> None:
    current: str | None = None
    body: list[str] = []

    def flush() -> None:
        if current == "beslutning":
            for entry in _section_decisions(body):
                minutes.decisions.append(MinutesDecision(segment.label, entry))
                minutes.actions += actions_in(entry, segment.label, known, base)

    for line in segment.lines:
        if _ACTION_LINE.match(line):
            minutes.actions += actions_in(line, segment.label, known, base)
        section = _section_of(line)
        if section:
            flush()
            current, body = section[0], [section[1]] if section[1] else []
            continue
        body.append(line)
    flush()


def _read_cues(segment: _Segment, minutes: Minutes, known: tuple[str, ...], base: date) -> None:
    label = segment.label
    paragraphs = _paragraphs(segment.lines)
    formal: list[str] = []
    for paragraph in paragraphs:
        formal += [_clip(m.group(0)) for m in _MOTION.finditer(paragraph)]
        resolved = _RESOLVED.search(paragraph)
        if resolved:
            formal.append(_clip(sentences(resolved.group(0))[0]))
    for text in formal:
        minutes.decisions.append(MinutesDecision(label, text))
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            if not formal and _is_decision(sentence):
                minutes.decisions.append(MinutesDecision(label, _clip(sentence)))
            minutes.actions += actions_in(sentence, label, known, base)
    for row in _table_rows(segment.lines):
        owner = next((v for k, v in row.items() if k in ("ansvarlig", "owner", "responsible")), "")
        task = next(
            (v for k, v in row.items() if k in ("handling", "action", "task", "opgave")), ""
        )
        status = " ".join(v for k, v in row.items() if k.startswith(("status", "kommentar")))
        for sentence in sentences(status):
            if _is_decision(sentence):
                minutes.decisions.append(MinutesDecision(label, _clip(sentence)))
            minutes.actions += actions_in(sentence, label, known, base)
        if owner and task and not re.search(r"lukkes|closed|done|udført", status, re.I):
            minutes.actions.append(MinutesAction(label, _owner_names(owner, known), _clip(task)))
    owner_lines = [m.group(1) for line in segment.lines if (m := _OWNER_LINE.match(line))]
    if owner_lines and paragraphs:
        first = sentences(paragraphs[0])[0] if sentences(paragraphs[0]) else paragraphs[0]
        for owner in owner_lines:
            minutes.actions.append(
                MinutesAction(label, _owner_names(owner, known), _clip(first).rstrip("."))
            )

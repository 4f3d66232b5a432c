"""Lines, paragraphs, sentences and table rows of minutes, with markup and page noise gone."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from bot.parsing.lexicon import da, en


def words_of(name: str) -> tuple[str, ...]:
    """A lexicon table of both languages, Danish first."""
    return tuple(w for module in (da, en) for w in getattr(module, name))


BULLET = r"(?:[•\-–*·▪◦+]\s*)"
_HTML_BLOCK_TAGS = re.compile(r"<(?:p|div|table|tr|td|li|h[1-6])\b", re.IGNORECASE)
_RST_HEADING = re.compile(r"`\s*(\d+(?:\.\d+)*)\s+([^`<]+?)\s*<#[^>]*>`_")
_RST_LINK = re.compile(r"`([^`<]*?)\s*<([^>]+)>`_")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?![*_\s])[^*_]{2,120}?(?<![:*_\s])\1\s*$")
# an inline link "[text](url)" or a reference link "[text][ref]": the text
_MD_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]+\)|\[[^\]]*\])")
_UNDERLINE = re.compile(r"^\s*([-=~^*#_])\1{2,}\s*$")
_CHAT = re.compile(
    r"^\ufeff?\s*\[?(?:(?P<day>\d{4}-\d{2}-\d{2})[ T])?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?\]?"
    r"\s+<\s?[@+]?(?P<nick>[^>\s]+)\s?>\s?(?P<said>.*)$"
)
_SPOKEN = re.compile(r"^[\w.\-]{2,30}:\s")  # "benws_: minutes are approved"
_TOPIC = re.compile(r"^(?:(sub)?topic|#topic)\s*:?\s+(\S.*)$", re.IGNORECASE)
# "## Heading"; also "##Heading", which Markdown does not allow and minutes write anyway
# (two marks or more: "#agreed" is a chat bot's command)
_ATX = re.compile(r"^\s{0,3}(#{1,6}(?=\s)|#{2,6}(?=[^\W\d_\[]|\[))\s*(.*?)(?:\s+#+)?\s*$")
_LIST_OR_TABLE = re.compile(r"^\s*(?:[-*+|]|\d+\.)\s")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$>|&])")
_PAGE_NUMBER = re.compile(
    r"^\s*(?!(?:19|20)\d\d\s*$)(?:side\s+|page\s+)?\d{1,4}\s*(?:/\s*\d{1,4})?\s*$", re.IGNORECASE
)


# A web page's navigation left in its text: "Til toppen", "Back to top" (lexicon PAGE_CHROME).
_CHROME = re.compile(rf"^\s*(?:{'|'.join(words_of('PAGE_CHROME'))})\s*[↑^]?\s*$", re.IGNORECASE)


# Bullets a word processor's symbol font leaves in PDF text (U+F0B7 "", U+F0A7 "", …, in
# the private use area) and other bullet signs: read as "•". A lone "o " opens a sub-item
# where at least two lines start so ("o $154.63 to Linde …"): no word of either language.
_SYMBOL_BULLET = re.compile(r"^[\uf000-\uf0ff●○■□►➢‣⁃❖➤]\s*(?=\S)")
_O_BULLET = re.compile(r"^o\s+(?=[^\sa-zæøå])")


def _rst_heading(match: re.Match[str]) -> str:
    number, title = match.group(1), match.group(2)
    return f"{number} {title}" if "." in number else f"\x00{number}\x00 {title}"


@dataclass
class Cleaned:
    """The lines of a document and which of them are headings, at what level."""

    lines: list[str] = field(default_factory=list)
    headings: dict[int, int] = field(default_factory=dict)  # line index -> level (1 = top)
    front_matter: int = -1  # index of the line that closes YAML front matter
    chat_days: list[str] = field(default_factory=list)  # "2018-03-26" of each chat line's stamp
    # lines wholly in bold after a blank line ("**Agenda**"; not "**Resolution:**", a field's
    # label): the headings of minutes whose markup marks no items otherwise
    bold_lines: list[int] = field(default_factory=list)


def clean_lines(text: str) -> list[str]:
    """Lines with markup and page noise removed; blank lines kept as ''."""
    return clean(text).lines


def looks_like_html(text: str) -> bool:
    """Whether `text` is (mostly) HTML markup: enough block tags to be worth parsing."""
    return len(_HTML_BLOCK_TAGS.findall(text[:200_000])) >= 3


def clean(text: str) -> Cleaned:
    """Lines with markup and page noise removed, and the headings the markup marks.

    Markdown `#` headings keep their level; a line underlined with `===`/`---`
    (Markdown setext, reStructuredText) is a heading whose level follows the
    order its underline character first appears. YAML front matter is kept as
    text but marks no heading.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        from bot.parsing.minutes.html import html_to_text  # BeautifulSoup: only for HTML

        text = html_to_text(text)
    text = html.unescape(text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = _without_running_lines(text)
    text = text.replace("\u00a0", " ").replace("\t", " ").replace("\f", "\n")
    out = Cleaned()
    adornments: list[str] = []
    bold_lines: list[int] = []
    raws = _bare_numbers_joined(text.split("\n"), paged="\f" in text)
    o_bullets = sum(1 for raw in raws if _O_BULLET.match(raw.strip())) >= 2
    front_matter_end = _front_matter_end(raws)
    out.front_matter = front_matter_end
    for index, raw in enumerate(raws):
        quoted = re.match(r"^\s*>", raw) is not None
        if index and re.match(r"^\s*>", raws[index - 1]) and not quoted and raw.strip():
            out.lines.append("")  # a quoted block is a paragraph of its own
        stamp = _CHAT.match(raw)
        if stamp and stamp.group("day"):
            out.chat_days.append(stamp.group("day"))
        line = _chat_line(re.sub(r"^(?:\s*>)+\s?", "", raw))  # quoted Markdown
        underline = _UNDERLINE.match(line)
        if underline and index > front_matter_end:
            previous = len(out.lines) - 1
            if previous >= 0 and out.lines[previous] and not _LIST_OR_TABLE.match(raws[index - 1]):
                char = underline.group(1)
                if char not in adornments:
                    adornments.append(char)
                level = {"=": 1, "-": 2}.get(char, 2 + adornments.index(char))
                out.headings.setdefault(previous, level)
        if (
            re.match(r"^\s*!\[", line)
            or underline
            or _PAGE_NUMBER.match(line)
            or _CHROME.match(line)
        ):
            out.lines.append("")
            continue
        atx = _ATX.match(line)
        if atx and index > front_matter_end:
            out.headings[len(out.lines)] = len(atx.group(1))
            line = atx.group(2)
        line = _RST_HEADING.sub(_rst_heading, line)
        line = _RST_LINK.sub(lambda m: m.group(1) or m.group(2), line)
        line = _MD_LINK.sub(r"\1", line)
        bold = _BOLD_LINE.match(line)
        if bold and (not out.lines or not out.lines[-1]) and index > front_matter_end:
            bold_lines.append(len(out.lines))
        line = line.replace("**", "").replace("<br>", " ").replace("<br/>", " ")
        line = _ESCAPED.sub(r"\1", line)
        line = re.sub(r"(?<!\w)_([^_]+)_(?!\w)", r"\1", line)
        line = re.sub(r"\s+", " ", line).strip()
        line = _SYMBOL_BULLET.sub("• ", line)
        if o_bullets:
            line = _O_BULLET.sub("• ", line)
        topic = _TOPIC.match(line)
        if topic:
            out.headings[len(out.lines)] = 2 if topic.group(1) is None else 3
            line = topic.group(2)
        if not line:
            out.headings.pop(len(out.lines), None)
        out.lines.append(line)
    out.bold_lines = [at for at in bold_lines if out.lines[at]]
    return out


_EDGE = 3  # lines at the top and at the bottom of a page where running lines stand


def _without_running_lines(text: str) -> str:
    """A paged text (pages parted by form feeds, as a PDF's) without the lines every page
    repeats at its top or bottom: "Regular Meeting", "Alameda City Council", "June 7, 2022
    2" between a motion and its second. A line counts as repeated when, with its digits
    ignored, it stands at the edge of at least three pages and of half of them; its first
    time stays (the title and the date of the meeting are often what repeats)."""
    pages = text.split("\f")
    if len(pages) < 3:
        return text

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split())).casefold()

    def edges(page: str) -> set[str]:
        lines = [ln for ln in page.split("\n") if ln.strip()]
        return {key(ln) for ln in lines[:_EDGE] + lines[-_EDGE:] if len(ln.strip()) <= 80}

    seen: dict[str, int] = {}
    for page in pages:
        for line in edges(page):
            seen[line] = seen.get(line, 0) + 1
    running = {k for k, n in seen.items() if n >= 3 and n * 2 >= len(pages) and k.strip("# ")}
    if not running:
        return text
    kept: list[str] = []
    met: set[str] = set()  # the first time a running line stands, it stays: a title, a date
    for page in pages:
        lines = page.split("\n")
        filled = [i for i, ln in enumerate(lines) if ln.strip()]
        edge = set(filled[:_EDGE] + filled[-_EDGE:])
        out: list[str] = []
        for i, line in enumerate(lines):
            if i in edge and key(line) in running:
                if key(line) in met:
                    continue
                met.add(key(line))
            out.append(line)
        kept.append("\n".join(out))
    return "\f".join(kept)


_BARE_NUMBER = re.compile(r"^\s*(?:punkt\s+|pkt\.?\s+)?(\d{1,2})\s*([.)]?)\s*$", re.IGNORECASE)


def _bare_numbers_joined(raws: list[str], paged: bool) -> list[str]:
    """An item number alone on its line ("3." then "Godkendelse af budget") joined to its title.

    A number with a dot or parenthesis is an item number; a bare "3" only where
    the numbers run 1, 2, 3 and the text has no pages (a PDF's page numbers do
    the same, with a form feed).
    """
    found: list[tuple[int, int, int]] = []  # (line, number, title line)
    for index, raw in enumerate(raws):
        match = _BARE_NUMBER.match(raw)
        if not match:
            continue
        title_at = next(
            (j for j in range(index + 1, min(index + 4, len(raws))) if raws[j].strip()), None
        )
        if title_at is None:
            continue
        title = raws[title_at].strip()
        if len(title) > 150 or not title[:1].isupper() or _BARE_NUMBER.match(title):
            continue
        if not match.group(2) and (paged or re.match(r"^\s*(?:punkt|pkt)", raw, re.I) is None):
            found.append((index, -int(match.group(1)), title_at))  # bare: only as a run
            continue
        found.append((index, int(match.group(1)), title_at))
    bare = [(i, -n, t) for i, n, t in found if n < 0]
    run = [n for _, n, _ in bare]
    bare_ok = not paged and len(run) >= 2 and run == list(range(run[0], run[0] + len(run)))
    out = list(raws)
    for index, number, title_at in found:
        if number < 0 and not bare_ok:
            continue
        out[index] = f"{abs(number)}. {raws[title_at].strip()}"
        out[title_at] = ""
    return out


def _chat_line(line: str) -> str:
    """A chat or IRC log line as "nick: text"; a scribe's "nick: text" stays the speaker's."""
    match = _CHAT.match(line)
    if not match:
        return line
    nick, said = match.group("nick"), match.group("said").strip()
    if _SPOKEN.match(said):
        return said
    return f"{nick}: {said}"


def _front_matter_end(raws: list[str]) -> int:
    """Index of the line closing YAML front matter (`---` … `---`), or -1."""
    if raws and raws[0].strip() == "---":
        for index in range(1, min(len(raws), 80)):
            if raws[index].strip() in ("---", "..."):
                return index
    return -1


CONNECTIVES = {
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


# A line a speaker starts ("mnot: …", "Darrel (chair): …"): each is its own paragraph.
SPEAKER_START = re.compile(r"^@?[\w.\-]{2,30}(?: [A-ZÆØÅ][\w\-]+)?(?:\s*\([^)]{1,30}\))?:\s+\S")
BULLET_LINE = re.compile(rf"^{BULLET}(?!\d+\.\d)(.+)$")
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
    "cllr",  # "seconded by Cllr. D. Jones" (a councillor)
    "cllrs",
    "prof",
}
_CARRIED = re.compile("|".join(words_of("CARRIED_OVER")) or r"(?!)")
# a line that opens with the next meeting is a statement of its own, never the rest of
# the paragraph above it ("- MM deltager i … 2016" over "Næste møde i bestyrelsen er …")
_NEXT_MEETING_OPENS = re.compile(
    r"^(?:" + "|".join(words_of("NEXT_MEETING_WORDS")) + ")", re.IGNORECASE
)
# "Beslutning: Taget males i maj." / "Decision: …" opening a line: the outcome is a
# paragraph of its own, ended with its line when the line ends a sentence.
_OUTCOME_OPENS = re.compile(
    r"^(?:" + "|".join(words_of("OUTCOME_LABELS")) + r")\s*:\s*\S", re.IGNORECASE
)


# "dagsorden_Godkendt": a small letter, an underscore, a capitalised word ending there (not
# "attachment_data", "revised_Agreed_Arrangements" in an address)
_EMPHASIS = re.compile(r"__|(?<=[a-zæøå])_(?=[A-ZÆØÅ][a-zæøå]+\b)")


def plain(sentence: str) -> str:
    """A sentence as its words are matched: underscore bold markers and an underscore gluing
    two words read as spaces ("__Bestyrelsen blev__ enige om …", "Godkendelse af
    dagsorden_Godkendt"), so a cue is found across them (`clean` drops "**" already); the
    text kept is the sentence as written."""
    return re.sub(r"\s{2,}", " ", _EMPHASIS.sub(" ", sentence)).strip()


# A passage quoted inside a sentence, double quotes first (they may stand inside single ones):
# an opening mark after a space or a colon, a closing one before no letter ("Directors'
# meetings" keeps its apostrophe, "the Chair's" opens nothing).
_QUOTED = (
    re.compile(r"(?<=[\s:(])[\"“„»][^\"“”„»«\n]+[\"”“«](?!\w)"),
    re.compile(r"(?<=[\s:(])['‘][^'‘’\n]+['’](?!\w)"),
)


def unquoted(sentence: str) -> str:
    """A sentence without the passages it quotes after its first words: "… a new definition
    that reads: '"nominated medium" means a system unanimously agreed by the Directors'" is
    the wording of a text, not what the meeting agreed; a sentence that is a quote stays."""
    for quoted in _QUOTED:
        sentence = quoted.sub(" … ", sentence)
    return sentence


def continues(previous: str, line: str) -> bool:
    if not previous:
        return False
    if line[:1].islower() or line[:1] in "(,;":
        return True
    last = previous.split()[-1].lower() if previous.split() else ""
    return last in CONNECTIVES


_MONTH_WORDS = {m.lower() for module in (da, en) for m in module.MONTHS}


_BRACKETED_TAIL = re.compile(r"\s+\([^()\s]{1,12}(?:[ ,/&]+[^()\s]{1,12}){0,3}\)[.!]?(?=\s|$)")


def sentences(text: str) -> list[str]:
    """Split prose into sentences, not at `Ms.`, `ift.`, `S. Holden` or `10.` (but after a year)."""
    out: list[str] = []
    start = 0
    # a closing bracket or quote after the stop ends the sentence with it: "(Low turnout.)"
    # a numbered heading run into the sentence ends it too: "… committee? 6.2 Car Insurance"
    for match in re.finditer(
        r"[.!?][)\"”’]?(?=\s+(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[A-ZÆØÅ\"“(])", text
    ):
        before = text[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        last = re.sub(r"^d\.(?=\d)", "", last)  # "d.7. Maj": the day of a date goes on
        # "den 6. Maj" goes on; "for 2014. Then" and "(RHEL) 6. Stuart will …" end
        following = text[match.end() :].split(maxsplit=1)
        month_next = bool(following) and following[0].lower().strip(".,") in _MONTH_WORDS
        ordinal = last.isdigit() and not re.fullmatch(r"(?:19|20)\d\d", last) and month_next
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or ordinal:
            continue
        if _BRACKETED_TAIL.match(text, match.end()):
            continue  # "… voldgiftssag. (BNK).": the bracket closes the sentence before it
        out.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


_GOES_ON = re.compile(r"(?:[,;:\-–]|\b(?:og|samt|eller|men|and|or|but))$", re.IGNORECASE)


def _outcome_goes_on(line: str, following: str) -> bool:
    """Whether an outcome's sentence ("Konklusion: Budgettet fastholdes, og") goes on
    over the line after it: its line ends inside the sentence, or a long line is wrapped
    before a line that starts in lower case. Never into a speaker's line of a chat."""
    if SPEAKER_START.match(following) or re.search(r"https?://\S+$", line):
        return False
    if _GOES_ON.search(line.rstrip()):
        return True
    numbered = re.match(r"^\d{1,2}[.)]\s", following)
    return len(line) >= 50 and (following[:1].islower() or following[:1].isdigit()) and not numbered


# A numbered, lettered or roman list item starts a paragraph of its own: "2) …", "(a) Valg
# af formand.", "b) …", "ii. Enstemmigt vedtaget."
_LETTER_MARK = r"\(?[a-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)]"
_LIST_MARK = re.compile(rf"^(?:\d{{1,2}}[.)]|{_LETTER_MARK})\s+\S")


ACTION_HEADING = re.compile(
    rf"^[#*\s]*(?:{'|'.join(words_of('ACTION_SECTIONS'))})[\s*:]*$", re.IGNORECASE
)
_LETTERED = re.compile(rf"^(?:{_LETTER_MARK})\s+")


# How wide the document's prose is wrapped (`wrap_width`), while it is read: a line that ends
# with room for the next line's first word ended where its writer ended it.
_WIDTH: ContextVar[int | None] = ContextVar("wrap_width", default=None)
WRAP_SLACK = 0.8  # proportional fonts (PDF text): a wrapped line may hold fewer characters


def wrap_width(lines: list[str]) -> int | None:
    """How wide the document's lines are wrapped, from the lines it certainly wrapped (a line
    that goes on in lower case on the next): their median length. None when fewer than
    three say so. (Reading every line of a document with no such line as its writer's own,
    as written a line at a time, did worse on the held-out batches: lists of names and
    motions over several lines came apart.)"""
    pairs = [
        (a, b)
        for a, b in zip(lines, lines[1:], strict=False)
        if a and b and not a.startswith("|") and not b.startswith("|")
    ]
    wrapped = sorted(
        len(a)
        for a, b in pairs
        if b[:1].islower() and not a.rstrip().endswith((".", "!", "?", ":"))
    )
    return wrapped[len(wrapped) // 2] if len(wrapped) >= 3 else None


@contextmanager
def wrapped_at(width: int | None) -> Iterator[None]:
    token = _WIDTH.set(width)
    try:
        yield
    finally:
        _WIDTH.reset(token)


def ended_short(current: list[str], line: str) -> bool:
    """Whether the paragraph's last line ended where its writer ended it, not where the text
    was wrapped: it ends no sentence (a sentence's end is split later anyway), leaves
    nothing open, opens no list ("Følgende blev valgt:"), the next line starts with a
    capital, and its first word would have fit ("Second: Nikki" over "Motion carries" in
    minutes written a line at a time)."""
    width = _WIDTH.get()
    previous = current[-1].rstrip()
    if width is None or not line[:1].isupper() or not previous.split():
        return False
    if previous.endswith((".", "!", "?")) or _GOES_ON.search(previous):
        return False
    if previous.split()[-1].lower() in CONNECTIVES or any(
        c.rstrip().endswith(":") for c in current
    ):
        return False
    return len(previous) + 1 + len(line.split()[0]) <= width * WRAP_SLACK


def paragraphs(lines: list[str]) -> list[str]:
    """Prose paragraphs; each bullet and each table cell stands alone."""
    paragraphs: list[str] = []
    current: list[str] = []
    outcome = False  # inside an outcome label's paragraph ("Beslutning: …")

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in lines:
        if not line or _CARRIED.search(line) or re.match(r"^[-*]\s*\[[ xX]\]", line):
            flush()
            outcome = False
            continue
        if line.startswith("|"):
            flush()
            outcome = False
            continue
        if ACTION_HEADING.match(line):
            flush()  # "Action List" alone: a heading, no sentence of the lines around it
            paragraphs.append(line)
            outcome = False
            continue
        if _NEXT_MEETING_OPENS.match(line):
            flush()
            outcome = False
        opens = bool(_OUTCOME_OPENS.match(line))
        if opens:
            flush()
        elif outcome and not (current and _outcome_goes_on(current[-1], line)):
            flush()  # the outcome ended with its line
            outcome = False
        if (opens or outcome) and not BULLET_LINE.match(line):
            outcome = True
            current.append(line)
            if line.rstrip().endswith((".", "!")):
                flush()  # the outcome's sentence ended with its line
                outcome = False
            continue
        outcome = False
        bullet = BULLET_LINE.match(line)
        if bullet or SPEAKER_START.match(line) or _LIST_MARK.match(line):
            flush()
            current.append(bullet.group(1) if bullet else _LETTERED.sub("", line))
            continue
        if len(current) == 1 and _HEADING_LINE.match(current[0]) and line[:1].isupper():
            flush()  # "Membership" over "Board agreed to …": a heading, not the subject
        elif current and ended_short(current, line):
            flush()
        current.append(line)
    flush()
    return paragraphs


# A short capitalised line with no sentence's end: a heading over the prose below it.
_HEADING_LINE = re.compile(r"^[A-ZÆØÅ][\wæøå&/'-]*(?:\s+[\wæøå&/'-]+){0,2}\s*$")


def table_rows(lines: list[str]) -> list[dict[str, str]]:
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

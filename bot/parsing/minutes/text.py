"""Lines, paragraphs, sentences and table rows of minutes, with markup and page noise gone."""

from __future__ import annotations

import html
import re

from bot.parsing.lexicon import da, en


def words_of(name: str) -> tuple[str, ...]:
    """A lexicon table of both languages, Danish first."""
    return tuple(w for module in (da, en) for w in getattr(module, name))


BULLET = r"(?:[•\-*·▪◦]\s*)"
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
}
_CARRIED = re.compile("|".join(words_of("CARRIED_OVER")) or r"(?!)")


def continues(previous: str, line: str) -> bool:
    if not previous:
        return False
    if line[:1].islower() or line[:1] in "(,;":
        return True
    last = previous.split()[-1].lower() if previous.split() else ""
    return last in CONNECTIVES


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


def paragraphs(lines: list[str]) -> list[str]:
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
        if BULLET_LINE.match(line):
            flush()
            current.append(BULLET_LINE.match(line).group(1))  # type: ignore[union-attr]
            continue
        current.append(line)
    flush()
    return paragraphs


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

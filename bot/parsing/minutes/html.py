"""HTML minutes (saved ESDH pages, board referater, Markdown with inline HTML) as
Markdown-shaped text, through a real HTML parser (BeautifulSoup with lxml's HTML parser,
which closes what old pages leave open as a browser does: `<LI>` after `<LI>` is the next
item, not one inside the other, as Python's html.parser would have it).

Headings become `#` lines, list items `-` or `N.` lines, paragraphs and table
cells lines of their own. A table of short cells stays a `| a | b |` table; a
table whose rows hold paragraphs (an agenda kept as a table: topic, notes,
actions) becomes one heading per row with its cells below, so each row reads
as an agenda item.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

_SKIP = {"script", "style", "head", "nav", "noscript", "template", "svg", "button", "form"}
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "blockquote", "dd", "dt"}
_LONG_CELL = 80  # characters: a table with cells this long is an agenda, not a grid


def html_to_text(markup: str) -> str:
    """Markdown-shaped text of an HTML document or fragment."""
    soup = BeautifulSoup(markup, "lxml")
    out: list[str] = []
    _walk(soup, out)
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _inline(node: Tag | NavigableString, flow: bool = False) -> str:
    """The text of an inline run, with <br> as a line break. With `flow` (inside a <p>) a
    line break in the source is a space, as a browser shows it: "… draft for\nNative
    Messaging" is one sentence."""
    if isinstance(node, NavigableString):
        return re.sub(r"[ \t\r]*\n\s*", " ", str(node)) if flow else str(node)
    if node.name in _SKIP:
        return ""
    if node.name == "br":
        return "\n"
    return "".join(_inline(child, flow) for child in node.children)  # type: ignore[arg-type]


def _lines(text: str) -> list[str]:
    return [re.sub(r"[ \t\r\f\v\u00a0]+", " ", ln).strip() for ln in text.split("\n")]


def _paragraph(text: str, out: list[str]) -> None:
    """A run of text; its blank lines are kept (Markdown around inline HTML needs them)."""
    lines = _lines(text)
    if any(lines):
        out.append("")
        out.extend(lines)


def _has_blocks(node: Tag) -> bool:
    return any(
        isinstance(c, Tag)
        and (c.name in _BLOCKS or c.name in ("ul", "ol", "table", "li"))
        or (isinstance(c, Tag) and re.fullmatch(r"h[1-6]", c.name or ""))
        for c in node.descendants
    )


def _walk(node: Tag, out: list[str]) -> None:
    inline: list[str] = []

    def flush() -> None:
        if inline:
            _paragraph("".join(inline), out)
            inline.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, doctype or CDATA
                inline.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _SKIP:
            continue
        name = child.name or ""
        if re.fullmatch(r"h[1-6]", name):
            flush()
            title = " ".join(ln for ln in _lines(_inline(child)) if ln)
            if title:
                out += ["", "#" * int(name[1]) + " " + title, ""]
        elif name in ("ul", "ol"):
            flush()
            _list(child, out, ordered=name == "ol", depth=0)
        elif name == "table":
            flush()
            _table(child, out)
        elif name == "br":
            inline.append("\n")
        elif name == "p" and not _has_blocks(child):
            flush()
            _paragraph(_inline(child, flow=True), out)
            out.append("")
        elif name in _BLOCKS or _has_blocks(child):
            flush()
            _walk(child, out)
            out.append("")
        else:
            inline.append(_inline(child))
    flush()


def _is_navigation(node: Tag) -> bool:
    """A list whose every item is only a link: a site's menu, not minutes."""
    items = node.find_all("li")
    if len(items) < 3:
        return False
    for item in items:
        text = " ".join(item.get_text(" ").split())
        links = " ".join(" ".join(a.get_text(" ").split()) for a in item.find_all("a"))
        if not text or len(links) < len(text) * 0.8:
            return False
    return True


def _list(node: Tag, out: list[str], ordered: bool, depth: int) -> None:
    if depth == 0 and _is_navigation(node):
        return
    number = 0
    out.append("")
    for item in node.children:
        if not isinstance(item, Tag):
            continue
        if item.name in ("ul", "ol"):
            # a list written straight inside a list, beside its items (Google Docs writes
            # sub-items so): shown one level in, as a browser shows it
            _list(item, out, ordered=item.name == "ol", depth=depth + 1)
            continue
        if item.name != "li":
            continue
        number += 1
        marker = f"{number}. " if ordered else "- "
        nested = item.find_all(["ul", "ol"], recursive=False)
        for sub in nested:
            sub.extract()
        text = " ".join(ln for ln in _lines(_inline(item)) if ln)
        if text:
            out.append("  " * depth + marker + text)
        for sub in nested:
            _list(sub, out, ordered=sub.name == "ol", depth=depth + 1)
    out.append("")


def _cell_paragraphs(cell: Tag) -> list[str]:
    if not _has_blocks(cell):
        return [ln for ln in _lines(_inline(cell)) if ln]
    inner: list[str] = []
    _walk(cell, inner)
    return [ln for ln in inner if ln.strip()]


def _table(node: Tag, out: list[str]) -> None:
    rows = [
        [_cell_paragraphs(cell) for cell in row.find_all(["td", "th"], recursive=False)]
        for row in node.find_all("tr")
    ]
    out += table_lines(rows, header=node.find("th") is not None)


def table_lines(rows: list[list[list[str]]], *, header: bool) -> list[str]:
    """A table as text: `| a | b |` rows when its cells are short; when they hold
    paragraphs (an agenda kept as a table), one `##` heading per row (its first cell)
    with the other cells' paragraphs below. `rows` holds each cell's paragraphs."""
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    long = any(len(p) > _LONG_CELL or len(cell) > 1 for row in rows for cell in row for p in cell)
    out: list[str] = [""]
    if not long:
        for index, row in enumerate(rows):
            out.append("| " + " | ".join(" ".join(cell) for cell in row) + " |")
            if index == 0:
                out.append("|" + "---|" * len(row))
        return [*out, ""]
    for index, row in enumerate(rows):
        if index == 0 and header:
            continue  # the column names: "Discussion points | Notes | Actions"
        title, *rest = row
        out += ["", "## " + (" ".join(title) or "-"), ""]
        for cell in rest:
            for paragraph in cell:
                out += [paragraph, ""]
    return out

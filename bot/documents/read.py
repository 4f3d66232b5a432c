"""Text out of an uploaded or given file: .txt/.md/.rst, .html/.htm, .pdf (text layer), .docx.

HTML goes through a real HTML parser (bot.parsing.minutes.html) into
Markdown-shaped text that keeps its headings, lists and tables.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAX_BYTES = 25 * 1024 * 1024
MAX_PAGES = 300

Progress = Callable[[str], None]

# pypdf logs a warning for every font it cannot fully decode ("fontTools is required …"):
# noise for the person importing, who sees the text or a clear refusal either way.
logging.getLogger("pypdf").setLevel(logging.ERROR)


class DocumentError(ValueError):
    """A file we cannot read; `code` picks the message the person gets."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code  # empty | unsupported | scanned | too_large | unreadable
        self.detail = detail


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".pdf", ".docx")  # every file name read as minutes


def kind_of(filename: str, data: bytes) -> str:
    suffix = Path(filename).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    if suffix == ".docx" or (data.startswith(b"PK") and b"word/" in data[:4000]):
        return "docx"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in ("", *TEXT_SUFFIXES):
        return "txt"
    return suffix.lstrip(".") or "unknown"


def extract_text(data: bytes, filename: str, progress: Progress | None = None) -> str:
    """The document's text; raises DocumentError with a code a person can be told."""
    if not data.strip():
        raise DocumentError("empty")
    if len(data) > MAX_BYTES:
        raise DocumentError("too_large", f"{len(data) // (1024 * 1024)} MB")
    kind = kind_of(filename, data)
    if kind == "pdf":
        text = _pdf(data, progress)
    elif kind == "docx":
        text = _docx(data)
    elif kind == "txt":
        text = _txt(data)
    elif kind == "html":
        text = _html(data)
    else:
        raise DocumentError("unsupported", kind)
    if not text.strip():
        raise DocumentError("scanned" if kind == "pdf" else "empty")
    return text


def _txt(data: bytes) -> str:
    # a few NUL or control characters are stripped later; many mean it is not text
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
        if controls > len(text[:20000]) * 0.01:
            raise DocumentError("unreadable")
        return text
    raise DocumentError("unreadable")


def _html(data: bytes) -> str:
    from bot.parsing.minutes.html import html_to_text

    head = data[:4000].decode("ascii", errors="ignore")
    declared = re.search(r"charset=[\"']?([\w-]+)", head, re.IGNORECASE)
    encodings = ([declared.group(1)] if declared else []) + ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            return html_to_text(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    raise DocumentError("unreadable")


def _pdf(data: bytes, progress: Progress | None) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = reader.pages
        count = len(pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise DocumentError("unreadable", type(error).__name__) from error
    if count > MAX_PAGES:
        raise DocumentError("too_large", f"{count} pages")
    texts: list[str] = []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append(_page_text(page))
        except Exception as error:  # pypdf raises many kinds on damaged pages
            raise DocumentError("unreadable", type(error).__name__) from error
        if progress and (number % 10 == 0 or number == count):
            progress(f"{number}/{count}")
    return "\f".join(texts)  # a form feed between pages, as pdftotext writes (minutes/text.py)


_DROP_CAPITAL = re.compile(r"(?m)^([A-ZÆØÅ])[ \t]*\n(?=[a-zæøå]{2,})")


def _page_text(page: Any) -> str:
    """A page's text; where the PDF placed every word on its own (a Google Docs export gives
    "Only", "use", "dedicated", … one a line), the words on one line of the page are joined
    again from where they stand, so that a sentence is a line, not a column of words."""
    text: str = page.extract_text() or ""
    # a drop capital the PDF placed on a line of its own: "M" over "otion: Vice Chair …"
    text = _DROP_CAPITAL.sub(r"\1", text)
    filled = [line for line in text.split("\n") if line.strip()]
    single = sum(1 for line in filled if len(line.split()) == 1)
    if len(filled) < 20 or single < 0.6 * len(filled):
        return text
    return _lines_by_position(page) or text


def _lines_by_position(page: Any) -> str:
    """The page's words in the order the PDF draws them, a new line where the baseline moves
    down (or up, to a new column) and an empty line where it moves by more than a line and a
    half."""
    words: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            words.append((y, text.strip()))

    page.extract_text(visitor_text=visit)
    if not words:
        return ""
    steps = sorted(abs(b[0] - a[0]) for a, b in zip(words, words[1:], strict=False))
    moves = [s for s in steps if s > 1.0]
    line_height = moves[len(moves) // 2] if moves else 12.0
    lines: list[list[str]] = [[words[0][1]]]
    for (before, _), (y, word) in zip(words, words[1:], strict=False):
        if abs(y - before) > 1.0:
            if abs(y - before) > 1.5 * line_height:
                lines.append([])
            lines.append([])
        lines[-1].append(word)
    return "\n".join(" ".join(line) for line in lines)


_HEADING_STYLE = re.compile(r"^(?:heading|overskrift|titel|title)\s*(\d)?$", re.IGNORECASE)


def _docx_marker(paragraph: object) -> str:
    """Markdown for a Word paragraph's structure: `## ` for Heading 2, `- ` for a list item."""
    style, listed = "", False
    for node in paragraph.iter():  # type: ignore[attr-defined]
        name = node.tag.rsplit("}", 1)[-1]
        if name == "pStyle":
            style = next((v for k, v in node.attrib.items() if k.endswith("}val")), "")
        elif name == "numPr":
            listed = True
    heading = _HEADING_STYLE.match(style.replace("-", " ").strip())
    if heading:
        return "#" * int(heading.group(1) or 1) + " "
    return "- " if listed else ""


def _docx_table(table: object) -> list[str]:
    """A Word table as the HTML reader writes one: a `| … |` grid, or one item per row."""
    from bot.parsing.minutes.html import table_lines

    rows: list[list[list[str]]] = []
    for row in table.iter():  # type: ignore[attr-defined]
        if not row.tag.endswith("}tr"):
            continue
        cells = []
        for cell in row:
            if not cell.tag.endswith("}tc"):
                continue
            paragraphs = [
                "".join(n.text or "" for n in p.iter() if n.tag.endswith("}t")).strip()
                for p in cell.iter()
                if p.tag.endswith("}p")
            ]
            cells.append([p for p in paragraphs if p])
        rows.append(cells)
    return table_lines(rows, header=False)  # Word marks no header row reliably


MAX_UNZIPPED = 60 * 1024 * 1024  # a Word file's parts, uncompressed, all together
MAX_PARTS = 2000
MAX_BLOCKS = 200_000  # paragraphs and tables


def _check_zip(data: bytes) -> None:
    """Refuse a Word file that would unpack to far more than a document (a zip bomb), or
    declares XML entities, before any XML parser sees it: memory and time stay bounded."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise DocumentError("unreadable", "parts")
            unzipped = sum(part.file_size for part in parts)
            if unzipped > MAX_UNZIPPED:
                raise DocumentError("too_large", f"{unzipped // (1024 * 1024)} MB unpacked")
            with archive.open("word/document.xml") as body:
                head = body.read(64 * 1024)
    except (zipfile.BadZipFile, KeyError) as error:
        raise DocumentError("unreadable", type(error).__name__) from error
    if b"<!ENTITY" in head or b"<!DOCTYPE" in head:
        raise DocumentError("unreadable", "entities")


def _docx(data: bytes) -> str:
    from docx import Document

    _check_zip(data)
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentError("unreadable", type(error).__name__) from error
    lines: list[str] = []
    for count, block in enumerate(document.element.body.iterchildren()):
        if count > MAX_BLOCKS:
            raise DocumentError("too_large", f"{MAX_BLOCKS} paragraphs")
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(node.text or "" for node in block.iter() if node.tag.endswith("}t"))
            lines.append(_docx_marker(block) + text if text.strip() else text)
        elif tag == "tbl":
            lines += _docx_table(block)
    return "\n".join(lines)

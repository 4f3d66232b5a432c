"""Documents made in the test: a PDF with a text layer (written by hand, Helvetica,
WinAnsi), a PDF with only a picture (as a scan gives), and a .docx."""

from __future__ import annotations

import io

from docx import Document


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf(lines: list[str], per_page: int = 50, word_by_word: bool = False) -> bytes:
    """`word_by_word`: each word drawn on its own at its place on the line, in a page space
    turned upside down, as a Google Docs export does (pypdf then gives one word a line); an
    empty line leaves a gap."""
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    objects: list[bytes] = []
    font = 3 + 2 * len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for index, page in enumerate(pages):
        content = (
            b"BT /F1 10 Tf 12 TL 40 800 Td "
            + b" ".join(b"(" + _escape(line) + b") Tj T*" for line in page)
            + b" ET"
        )
        if word_by_word:
            content = b"1 0 0 -1 0 842 cm " + b" ".join(
                b"q 1 0 0 1 40 %d cm" % (40 + 14 * row)
                + b"".join(
                    b" BT /F1 10 Tf 1 0 0 -1 %d .5 Tm 0 -10 Td (" % (60 * col)
                    + _escape(word)
                    + b") Tj ET"
                    for col, word in enumerate(line.split())
                )
                + b" Q"
                for row, line in enumerate(page)
            )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
            f"{font} 0 R >> >> /Contents {4 + 2 * index} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    return _assemble(objects)


def scanned_pdf() -> bytes:
    drawing = b"0.5 g 40 400 500 300 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(drawing) + drawing + b"\nendstream",
    ]
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def docx(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

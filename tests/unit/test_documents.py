"""Reading .txt, .pdf and .docx, and a clear code for what cannot be read."""

from __future__ import annotations

import logging

import pytest

from bot.documents.read import DocumentError, extract_text
from tests.fakes.documents import docx, pdf, scanned_pdf

LINES = ["Punkt 1. Godkendelse af dagsorden", "Beslutning:", "• Styregruppen godkendte (æøå)"]


def test_text_in_utf8_and_windows_1252() -> None:
    assert "æøå" in extract_text("Beslutning: æøå".encode(), "referat.txt")
    assert "æøå" in extract_text("Beslutning: æøå".encode("cp1252"), "referat.txt")


def test_pdf_text_layer() -> None:
    text = extract_text(pdf(LINES), "referat.pdf")
    assert "Punkt 1. Godkendelse af dagsorden" in text and "(æøå)" in text


def test_pdf_of_100_pages_reports_progress() -> None:
    seen: list[str] = []
    text = extract_text(pdf([f"linje {i}" for i in range(5000)]), "lang.pdf", seen.append)
    assert "linje 4999" in text and seen[-1] == "100/100"


def test_docx_paragraphs_and_tables() -> None:
    text = extract_text(docx(LINES, [["5/1", "26/1"], ["15/3", "5/4"]]), "referat.docx")
    assert "Styregruppen godkendte" in text and "| 15/3 | 5/4 |" in text


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "referat.txt", "empty"),
        (b"   \n", "referat.txt", "empty"),
        (scanned_pdf(), "scan.pdf", "scanned"),
        (b"PK\x03\x04junk", "regneark.xlsx", "unsupported"),
        (b"\x00\x01\x02\x03" * 100, "referat.txt", "unreadable"),
        (b"%PDF-1.4 not really", "referat.pdf", "unreadable"),
        (b"PK\x03\x04 not a zip", "referat.docx", "unreadable"),
    ],
    ids=["empty", "blank", "scanned pdf", "other type", "binary junk", "broken pdf", "broken docx"],
)
def test_what_cannot_be_read_gets_a_code(data: bytes, name: str, code: str) -> None:
    with pytest.raises(DocumentError) as error:
        extract_text(data, name)
    assert error.value.code == code


def _zip(parts: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_a_word_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    body = b"<w:document>" + b" " * (80 * 1024 * 1024) + b"</w:document>"
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": body})
    assert len(data) < 1024 * 1024  # small on the wire
    with pytest.raises(DocumentError) as refused:
        extract_text(data, "referat.docx")
    assert refused.value.code == "too_large"


def test_a_word_file_with_xml_entities_is_refused() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document>&lol2;</w:document>'
    )
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": body})
    with pytest.raises(DocumentError) as refused:
        extract_text(data, "referat.docx")
    assert refused.value.code == "unreadable"


def test_a_pdf_with_a_font_pypdf_half_knows_reads_without_warnings(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A community council's PDF whose Type1 font makes pypdf warn "fontTools is required …"
    # once a page; the person importing it (console, score-minutes, the bot's log) sees its
    # text, not four lines of font noise.
    from pathlib import Path

    data = (Path(__file__).parents[1] / "corpus/heldout-2026-11-24g/n11.pdf").read_bytes()
    with caplog.at_level(logging.WARNING):
        text = extract_text(data, "minutes.pdf")
    assert "Minutes" in text or "MINUTES" in text
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


def test_a_drop_capital_on_a_line_of_its_own_joins_its_word() -> None:
    # a city commission's PDF: "M" drawn apart from "otion: Vice Chair Tran entertained …"
    data = pdf(["2. DISPOSITION OF MINUTES:", "M", "otion: Vice Chair Tran entertained a motion."])
    text = extract_text(data, "minutes.pdf")
    assert "Motion: Vice Chair Tran entertained a motion." in text
    assert "A\nB" in extract_text(pdf(["A", "B"]), "x.pdf")  # no word after it: kept apart

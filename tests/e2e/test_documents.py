"""The documents a municipality files: the referat of one meeting (golden files, Markdown and
Word), chosen by the meeting its records belong to, never by when they were stored."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from bot.deps import Scope
from bot.services import importing, referat
from tests.conftest import SEED_HELD
from tests.fakes.harness import CHANNEL, USER, Harness

GOLDEN = Path(__file__).parent / "golden"
SEED = "000_3146f477be03d33b"


def _seeded(bot: Harness, shared: Path) -> Scope:
    scope = Scope(bot.sender.team_id, CHANNEL)
    text = (shared / "seeds" / f"{SEED}.txt").read_text()
    importing.store(bot.deps, scope, text, USER, held=SEED_HELD.get(SEED))
    # recorded today (2026-11-23): belongs to no 2024 meeting, so never in its referat
    bot.message("Beslutning: NY beslutning fra i dag")
    bot.message("Handling: <@U0JENS> sender NYT notat, frist fredag")
    return scope


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("REFERAT_WRITE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def _files(bot: Harness, scope: Scope, argument: str) -> dict[str, str | bytes]:
    return {f.filename: f.content for f in referat.files(bot.deps, scope, argument)}


def _docx_outline(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    return "\n".join(f"{p.style.name}: {p.text}" for p in doc.paragraphs) + "\n"


@pytest.mark.parametrize("language", ["da", "en"])
def test_referat_of_one_meeting_matches_the_golden_files(
    bot: Harness, bot_en: Harness, shared: Path, language: str
) -> None:
    harness = bot if language == "da" else bot_en
    scope = _seeded(harness, shared)
    files = _files(harness, scope, "5/1-2024")
    assert sorted(files) == ["referat-2024-01-05.docx", "referat-2024-01-05.md"]
    markdown = files["referat-2024-01-05.md"]
    assert isinstance(markdown, str)
    assert "NY" not in markdown and "NYT" not in markdown  # stored today, another meeting
    _golden(f"referat_{language}.md", markdown)
    word = files["referat-2024-01-05.docx"]
    assert isinstance(word, bytes)
    _golden(f"referat_{language}.docx.txt", _docx_outline(word))


def test_referat_layout_headings_bullets_and_calendar(bot: Harness, shared: Path) -> None:
    scope = _seeded(bot, shared)
    markdown = _files(bot, scope, "")["referat-2024-01-05.md"]  # the last meeting held
    assert isinstance(markdown, str)
    lines = markdown.splitlines()
    assert lines[0] == "# Referat: Styregruppen"
    assert "**Dato:** fredag 5. januar 2024" in lines
    points = [line for line in lines if line.startswith("## Punkt ")]
    assert points[:2] == [
        "## Punkt 1. Godkendelse af dagsorden",
        "## Punkt 2. Dialog med psykiatrien i Region Sjælland: A) Samarbejde i "
        "sektorovergange og B) Integreret dobbeltdiagnosebehandling",
    ]
    assert len(points) == 9 and points == sorted(points, key=lambda p: int(p.split()[2][:-1]))
    assert "## Næste møde" in lines and "## Mødekalender 2024" in lines
    assert "Næste møde i Styregruppen er fredag 15. marts 2024 kl. 9–12." in lines
    assert "- **K17:** 26/1, 5/4, 31/5, 13/8, 22/10" in lines
    assert "- bidrager til arbejdet (ansvarlig: Slagelse og Køge)" in lines


def test_referat_is_uploaded_as_word_and_markdown(bot: Harness, shared: Path) -> None:
    _seeded(bot, shared)
    answer = bot.command("eksport referat 5/1-2024")["text"]
    assert "referatet af mødet i Styregruppen fredag 5. januar 2024" in answer
    names = [
        json.loads(c.args["files"])[0]["title"] if isinstance(c.args["files"], str) else None
        for c in bot.standin.calls_to("files.completeUploadExternal")
    ]
    assert names == ["Referat 05.01.2024", "Referat 05.01.2024"]
    uploads = [c.args["filename"] for c in bot.standin.calls_to("files.getUploadURLExternal")]
    assert uploads == ["referat-2024-01-05.docx", "referat-2024-01-05.md"]
    assert "intet møde fredag 5. januar 2029" in bot.command("eksport referat 5/1-2029")["text"]
    assert "ikke en dato" in bot.command("eksport referat 31/2")["text"]


def test_a_meeting_held_today_gets_the_records_decided_today(bot: Harness, shared: Path) -> None:
    scope = _seeded(bot, shared)
    bot.command("møde 23/11-2026 kl. 13-15 Ringsted")
    markdown = _files(bot, scope, "23/11-2026")["referat-2026-11-23.md"]
    assert isinstance(markdown, str)
    assert "- NY beslutning fra i dag" in markdown
    assert "Godkendelse af dagsorden" not in markdown  # the 2024 meeting's, not this one's
    assert "**Tid:** kl. 13–15" in markdown and "**Sted:** Ringsted" in markdown


def test_minutes_without_a_meeting_date_belong_to_no_later_meeting(
    bot: Harness, shared: Path
) -> None:
    """The December 2025 minutes do not say when the meeting was held: their decisions are
    not the referat of the next meeting they name (6/2-2026), whatever day they are stored."""
    scope = Scope(bot.sender.team_id, CHANNEL)
    text = (shared / "seeds" / "001_46fb85d102563d28.txt").read_text()
    importing.store(bot.deps, scope, text, USER)
    markdown = _files(bot, scope, "6/2-2026")["referat-2026-02-06.md"]
    assert isinstance(markdown, str)
    assert "Beslutning" not in markdown and "## Punkt" not in markdown
    assert "## Mødekalender 2026" in markdown

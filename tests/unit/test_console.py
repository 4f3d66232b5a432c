"""`referat console`, scripted through standard input as a person would use it."""

from __future__ import annotations

import io
from pathlib import Path

from bot import console
from bot.config import Settings


def run(lines: list[str], tmp_path: Path, language: str = "da") -> str:
    settings = Settings.from_env(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'console.db'}",
            "REFERAT_NOW": "2026-11-23T09:00",
            "REFERAT_LANGUAGE": language,
        }
    )
    out = io.StringIO()
    console.run(
        settings, channel="C0LOCAL", user="U0LOCAL", stdin=io.StringIO("\n".join(lines)), out=out
    )
    return out.getvalue()


def test_the_readme_session_in_danish(tmp_path: Path) -> None:
    shown = run(
        [
            "/referat møde 5/2-2027 kl. 9-12 Ringsted",
            "/referat næste-møde",
            "Handling: <@U0JENS> sender udkast til høring, frist fredag",
            ":done 1",
        ],
        tmp_path,
    )
    assert (
        "[kun til dig] Næste møde: fredag 5. februar 2027 kl. 9–12, Ringsted (om 74 dage)." in shown
    )
    assert "[i tråden] Registreret: 1 handling" in shown
    assert (
        "#1 Handling: sender udkast til høring · ansvarlig @jens · frist fredag 27. november 2026"
        in shown
    )
    assert "[Fortryd] [Udført #1]" in shown
    assert "[i tråden] #1 er markeret som udført af @dig." in shown


def test_english_and_continued_lines(tmp_path: Path) -> None:
    shown = run(
        [
            "Decision: Extend the framework agreement \\",
            "Action: Anna to draft the letter, due 14 January 2027",
            ":edit Action: Anna to draft the letter, due 15 January 2027",
            "/referat nonsense",
        ],
        tmp_path,
        language="en",
    )
    assert "[in thread] Recorded: 1 decision, 1 action" in shown
    assert "due Friday 15 January 2027" in shown
    assert "I don't know `nonsense`" in shown


def test_unknown_button_is_explained(tmp_path: Path) -> None:
    assert "Ingen knap 'done 9'" in run([":done 9"], tmp_path)


def test_home_tab_and_english_mention_owner(tmp_path: Path) -> None:
    shown = run(
        [
            "Action: <@U0LOCAL> to send the draft, due Friday",
            ":home",
        ],
        tmp_path,
        language="en",
    )
    assert "#1 Action: send the draft · owner @you · due Friday 27 November 2026" in shown
    assert "[App Home] Your open actions" in shown
    assert "#1 send the draft · #C0LOCAL · due Friday 27 November 2026" in shown

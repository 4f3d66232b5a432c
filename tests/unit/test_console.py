"""`referat console`, scripted through standard input as a person would use it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

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
            "Handling: @jens sender udkast til høring, frist fredag",
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
    assert "Ingen knap 'udført 9'" in run([":udført 9"], tmp_path)


def test_buttons_pressed_by_their_danish_words(tmp_path: Path) -> None:
    shown = run(
        [
            "Handling: <@U0JENS|jens> sender udkast, frist fredag",
            ":udført 1",
            ":fortryd 1",
        ],
        tmp_path,
    )
    assert "ansvarlig @jens" in shown
    assert "[i tråden] #1 er markeret som udført af @dig." in shown
    assert "Ingen knap" not in shown and "Konsollens kommandoer" not in shown


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


def test_a_second_run_on_the_same_database_still_answers(tmp_path: Path) -> None:
    first = run(
        ["@referat hvornår er næste møde?", "/referat møde 5/2-2027 kl. 9-12 Ringsted"], tmp_path
    )
    assert "[i tråden] Jeg kender intet kommende møde" in first
    second = run(
        [
            "@referat hvornår er næste møde?",
            "Handling: <@U0JENS> sender udkast, frist fredag",
        ],
        tmp_path,
    )
    assert "[i tråden] Næste møde: fredag 5. februar 2027" in second
    assert "[i tråden] Registreret: 1 handling" in second
    third = run(["@referat hvad er åbent for <@U0JENS>?"], tmp_path)
    assert "sender udkast" in third


def test_a_second_run_changes_what_it_is_asked_to_change(tmp_path: Path) -> None:
    run(["/referat møde 5/2-2027 kl. 9-12 Ringsted", "/referat language en"], tmp_path)
    second = run(["/referat møde 12/2-2027 kl. 10 Sorø", "/referat language da"], tmp_path)
    assert "allerede udført" not in second and "already" not in second
    assert "Friday 12 February 2027" in second and "from Friday 5 February 2027" in second
    assert "Kanalen taler nu dansk" in second


def test_message_ts_rise_and_are_unique_across_consoles(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}", "REFERAT_LANGUAGE": "da"}
    )
    stamps = []
    for _ in range(2):
        one = console.Console(settings, channel="C0LOCAL", user="U0LOCAL", out=io.StringIO())
        try:
            stamps += [one._next_ts() for _ in range(3)]
        finally:
            one.close()
    assert len(set(stamps)) == 6 and stamps == sorted(stamps, key=float)


def test_upload_of_a_missing_file_is_one_line_in_the_persons_language(tmp_path: Path) -> None:
    shown = run([":upload findes-ikke.txt", "/referat næste-møde"], tmp_path)
    assert "Filen findes-ikke.txt findes ikke (eller kan ikke læses) – intet er delt." in shown
    assert "Traceback" not in shown and "Jeg kender intet kommende møde" in shown
    english = run([":upload /nowhere/minutes.pdf"], tmp_path, language="en")
    assert "There is no file /nowhere/minutes.pdf (or it cannot be read)" in english


def test_an_uploaded_file_shows_its_name_and_first_lines(tmp_path: Path) -> None:
    minutes = tmp_path / "referat.txt"
    minutes.write_text("\n".join(f"linje {n}" for n in range(1, 10)), encoding="utf-8")
    shown = run([f":upload {minutes}"], tmp_path)
    assert "[du delte en fil] 📎 referat.txt\n  │ linje 1\n  │ linje 2" in shown
    assert "│ linje 6\n  … og 3 linjer mere" in shown and "linje 7" not in shown


def test_edit_with_a_continued_line_edits_the_message(tmp_path: Path) -> None:
    shown = run(
        [
            "Handling: <@U0JENS> sender udkast, frist fredag",
            ":edit Handling: <@U0JENS> sender udkast, frist 4/12-2026 \\",
            "Beslutning: Udkastet sendes i høring",
        ],
        tmp_path,
    )
    assert "[rettet i tråden] Registreret: 1 beslutning, 1 handling" in shown
    assert "frist fredag 4. december 2026" in shown
    assert shown.count("[i tråden]") == 1  # the same message, not a new one


def test_export_digest_now_dialog_and_share_show_what_slack_shows(tmp_path: Path) -> None:
    shown = run(
        [
            "Handling: <@U0JENS> sender udkast, frist fredag",
            "/referat eksport csv",
            "/referat overblik nu",
            "/referat importér",
            "/referat åbne",
            ":del",
        ],
        tmp_path,
    )
    assert "[fil i kanalen] 📎 referat-C0LOCAL.csv · Beslutninger og handlinger" in shown
    csv = shown[shown.index("[fil i kanalen]") :].splitlines()
    assert csv[1].startswith("  │ ") and csv[2].startswith("  │ ") and "sender udkast" in csv[2]
    assert "[i kanalen] Ugens overblik · mandag 23. november 2026" in shown
    assert "[vindue] Importér referat\n  Indsæt referatets tekst" in shown
    assert "(valgfrit) [pdf, docx, txt]: ____" in shown
    assert "[Vis forhåndsvisning] [Annullér]" in shown
    shared = shown[shown.index("> :del") :]
    assert shared.startswith("> :del\n[i kanalen] Åbne handlinger (1, overskredne først)")
    assert "[Del i kanalen]" not in shared


def test_english_share_and_export_labels(tmp_path: Path) -> None:
    shown = run(
        [
            "Decision: Extend the framework agreement",
            "/referat decisions",
            ":share",
            "/referat export csv",
        ],
        tmp_path,
        language="en",
    )
    assert "[only you] Decisions" in shown
    assert "[in channel] Decisions" in shown
    assert "[file in channel] 📎 referat-C0LOCAL.csv" in shown
    assert "Extend the framework agreement" in shown[shown.index("[file in channel]") :]


def test_unknown_colon_words_get_the_consoles_help(tmp_path: Path) -> None:
    shown = run([":hvad", ":done"], tmp_path)
    assert "Konsollens kommandoer" in shown and ":upload FIL [besked]" in shown
    assert "Ingen knap 'done'" in shown
    assert "The console's commands" in run([":what"], tmp_path, language="en")


def test_the_import_dialog_can_be_filled_in_and_sent(tmp_path: Path) -> None:
    seed = Path(__file__).parents[1] / "fixtures" / "seeds" / "000_3146f477be03d33b.txt"
    shown = run(
        [
            ":submit noget",
            "/referat importér",
            ":submit",
            f":submit {seed}",
            ":dato 32/1",
            ":dato 5/1-2024",
            ":confirm",
            "/referat eksport referat",
        ],
        tmp_path,
    )
    assert "Der er intet åbent vindue" in shown
    assert "(:submit TEKST eller :submit FIL udfylder og sender vinduet)" in shown
    assert "[vindue] Indsæt referatets tekst (op til 3.000 tegn): Indsæt referatets tekst" in shown
    assert "[kun til dig] Forhåndsvisning af referat (000_3146f477be03d33b.txt)" in shown
    assert "[📅 Vælg mødets dato ____] [Gem referatet] [Annullér]" in shown
    assert "Jeg kan ikke læse datoen '32/1'" in shown
    assert "[📅 Vælg mødets dato 2024-01-05]" in shown
    assert "[i kanalen] Referat gemt af @dig (mødet fredag 5. januar 2024)" in shown
    word = shown[shown.index("[fil i kanalen] 📎 referat-2024-01-05.docx") :]
    assert word.splitlines()[1:3] == [
        "  │ Referat: Styregruppen",
        "  │ Dato: fredag 5. januar 2024",
    ]
    assert "[fil i kanalen] 📎 referat-2024-01-05.md" in word


def test_a_button_that_asks_first_asks_in_the_console_too(tmp_path: Path) -> None:
    shown = run(
        [
            "Handling: <@U0JENS> sender udkast, frist fredag",
            ":udført 1",
            ":fortryd 1",
            ":nej",
            ":fortryd 1",
            ":ja",
        ],
        tmp_path,
    )
    asked = shown[shown.index("> :fortryd 1") :]
    assert asked.startswith("> :fortryd 1\n[vindue] Fortryd?\n")
    assert "[Fortryd] [Behold]\n  (:ja trykker på [Fortryd]; alt andet er [Behold])" in asked
    declined = asked[asked.index("> :nej") :]
    assert declined.startswith("> :nej\n> :fortryd 1\n[vindue] Fortryd?")  # :nej sends nothing
    confirmed = declined[declined.index("> :ja") :]
    assert "[i tråden] Fortrudt af @dig: #1 er åben igen." in confirmed


def test_a_fault_in_the_console_is_one_line_and_the_console_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: console.Console, argument: str) -> list[str]:
        raise RuntimeError("boom")

    monkeypatch.setattr(console.Console, "_upload", broken)
    shown = run([":upload x.txt", "/referat næste-møde"], tmp_path)
    assert "[fejl] Konsollen kunne ikke udføre linjen (RuntimeError)" in shown
    assert "Traceback" not in shown and "Jeg kender intet kommende møde" in shown


def test_a_person_typed_as_at_name_is_a_mention_as_slack_sends_it(tmp_path: Path) -> None:
    """`/referat hjælp`'s own example, typed as is: `@jens` becomes the mention Slack's
    composer sends; in a slash command the escaped form; a name nobody has stays text."""
    shown = run(
        [
            "Handling: @jens sender udkast til høring, frist fredag",
            "/referat åbne @jens",
            "Beslutning: mail til @ukendt om planen",
        ],
        tmp_path,
    )
    assert "#1 Handling: sender udkast til høring · ansvarlig @jens" in shown
    assert "Åbne handlinger for @jens" in shown and "Ingen åbne handlinger" not in shown
    assert "#2 Beslutning: mail til @ukendt om planen" in shown


def test_an_answer_with_no_question_open_says_so(tmp_path: Path) -> None:
    shown = run([":ja"], tmp_path)
    assert "Intet venter på et svar; ':ja' svarer på et spørgsmål fra en knap" in shown
    shown = run([":yes"], tmp_path, "en")
    assert "Nothing is waiting for an answer" in shown

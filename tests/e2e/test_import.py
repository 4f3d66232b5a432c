"""Importing minutes: the command line, and the Slack flow over HTTP (preview, Confirm)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bot.deps import Scope
from bot.services import importing
from bot.slack_port import SlackPort
from tests.fakes.cli import run_cli
from tests.fakes.documents import docx, pdf, scanned_pdf
from tests.fakes.harness import CHANNEL, USER, Harness
from tests.fakes.payloads import load

SEED = "000_3146f477be03d33b"


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """`referat import|export …` in this process (the command, not the process, is tested
    here; tests/e2e/test_cli_errors.py and tests/operations start real ones)."""
    env = {"DATABASE_URL": f"sqlite:///{db}", "REFERAT_NOW": "2026-11-23T09:00"}
    return run_cli(*args, env=env)


@pytest.mark.parametrize("seed", [SEED, "001_46fb85d102563d28"])
def test_dry_run_json_is_what_expected_describes(shared: Path, tmp_path: Path, seed: str) -> None:
    result = _cli(
        "import",
        str(shared / "seeds" / f"{seed}.txt"),
        "--channel",
        "C1",
        "--dry-run",
        "--json",
        db=tmp_path / "r.db",
    )
    assert result.returncode == 0, result.stderr
    assert "reading" in result.stderr and "parsing" in result.stderr  # progress
    out = json.loads(result.stdout)
    expected = json.loads((shared / "seeds" / "expected" / f"{seed}.json").read_text())
    assert [int(i["number"]) for i in out["agenda_items"]] == [
        i["number"] for i in expected["agenda_items"]
    ]
    assert out["meeting_date"] is None
    nxt = out["next_meeting"]
    want = expected["next_meeting"]
    assert (nxt["body"], nxt["date"], nxt["start"], nxt["end"]) == (
        want["body"],
        want["date"],
        want["start"],
        want["end"],
    )
    assert [a["title"] for a in nxt["agenda"]] == want["proposed_agenda"]
    calendar = {k: v for k, v in expected["calendar"].items() if k != "year" and "_" not in k}
    assert out["calendar"] == calendar
    assert sorted((a["item"], sorted(a["owners"])) for a in out["actions"]) == sorted(
        (a["item"], sorted(a["owners"])) for a in expected["actions"]
    )
    assert not (tmp_path / "r.db").exists()  # a dry run stores nothing


def test_import_twice_then_a_corrected_version(shared: Path, tmp_path: Path) -> None:
    seed = shared / "seeds" / f"{SEED}.txt"
    db = tmp_path / "r.db"
    held = ("--meeting-date", "2024-01-05")  # the minutes do not say; the person does
    first = _cli(
        "import", str(seed), "--channel", "C1", "--team", "T0LOCAL", *held, "--json", db=db
    )
    assert json.loads(first.stdout)["status"] == "stored", first.stderr
    again = _cli(
        "import", str(seed), "--channel", "C1", "--team", "T0LOCAL", *held, "--json", db=db
    )
    assert json.loads(again.stdout)["status"] == "unchanged"
    corrected = tmp_path / "rettet.txt"
    corrected.write_text(
        seed.read_text().replace(
            "Slagelse og Køge bidrager til arbejdet", "Slagelse, Køge og Sorø bidrager til arbejdet"
        )
    )
    third = json.loads(
        _cli(
            "import",
            str(corrected),
            "--channel",
            "C1",
            "--team",
            "T0LOCAL",
            *held,
            "--json",
            db=db,
        ).stdout
    )
    assert (third["status"], third["changed"], third["added"]) == ("updated", 2, 0)
    exported = json.loads(_cli("export", "--channel", "C1", db=db).stdout)
    owners = [a["owners"] for a in exported["actions"] if "bidrager" in a["text"]]
    assert owners == [["Slagelse", "Køge", "Sorø"]]
    assert len(exported["decisions"]) == 27
    assert exported["calendar"]["K17"][0] == "2024-01-26"
    assert [m["date"] for m in exported["meetings"]] == ["2024-01-05", "2024-03-15"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tom.txt", b"", "the file is empty"),
        ("scan.pdf", scanned_pdf(), "no text layer"),
        ("tal.xlsx", b"PK\x03\x04xx", "cannot read .xlsx"),
        ("rod.txt", b"\x00\xff" * 200, "cannot be read"),
        ("hej.txt", b"Hej alle, husk kaffen.", "nothing was stored"),
    ],
)
def test_bad_files_get_a_clear_answer(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = _cli("import", str(path), "--channel", "C1", "--team", "T1", db=tmp_path / "r.db")
    assert result.returncode == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_pdf_and_docx_import_like_text(shared: Path, tmp_path: Path) -> None:
    lines = (shared / "seeds" / f"{SEED}.txt").read_text().splitlines()
    for name, data in (("r.pdf", pdf(lines)), ("r.docx", docx(lines))):
        path = tmp_path / name
        path.write_bytes(data)
        out = json.loads(
            _cli(
                "import", str(path), "--channel", "C1", "--dry-run", "--json", db=tmp_path / "r.db"
            ).stdout
        )
        assert len(out["agenda_items"]) == 9, name
        assert out["next_meeting"]["date"] == "2024-03-15", name


# --- Slack ----------------------------------------------------------------------------


def _submit(bot: Harness, view: dict[str, Any], values: dict[str, Any]) -> tuple[int, str]:
    payload: dict[str, Any] = {"type": "view_submission", "api_app_id": "A0LOCAL"}
    payload.update({"team": {"id": "T0LOCAL"}, "user": {"id": USER, "team_id": "T0LOCAL"}})
    payload["view"] = {
        "id": "V1",
        "type": "modal",
        "callback_id": view["callback_id"],
        "private_metadata": view["private_metadata"],
        "state": {"values": values},
    }
    status, body = bot.sender.interaction(payload)
    bot.idle()
    return status, body


def _preview(bot: Harness) -> Any:
    return bot.standin.calls_to("chat.postEphemeral")[-1]


def test_slash_import_previews_then_confirm_stores(bot: Harness, shared: Path) -> None:
    text = (shared / "seeds" / f"{SEED}.txt").read_text()
    assert bot.command("importér") == {}  # the answer is the modal
    [opened] = bot.standin.calls_to("views.open")
    view = opened.args["view"]
    status, _ = _submit(
        bot, view, {"minutes": {"value": {"type": "plain_text_input", "value": text}}}
    )
    assert status == 200
    preview = _preview(bot)
    shown = preview.args["text"]
    assert "Forhåndsvisning af referat" in shown and "Intet er gemt endnu" in shown
    assert "9 dagsordenspunkter · 27 beslutninger · 7 handlinger" in shown
    assert "Mødedatoen står ikke i referatet" in shown
    assert "mødekalenderen peger på fredag 5. januar 2024" in shown
    assert "Næste møde: fredag 15. marts 2024 kl. 9–12 (Styregruppen)" in shown
    assert "Thomas Richeliau" in shown and "Lolland" in shown
    assert bot.export()["decisions"] == []  # nothing before Confirm
    picker = next(
        e
        for b in preview.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["type"] == "datepicker"
    )
    status, _ = bot.sender.interaction(
        {
            "type": "block_actions",
            "user": {"id": "U0ANNE", "team_id": "T0LOCAL"},
            "team": {"id": "T0LOCAL"},
            "channel": {"id": "C0STYRE"},
            "container": {"type": "message", "channel_id": "C0STYRE", "is_ephemeral": True},
            "response_url": bot.standin.response_url("date"),
            "trigger_id": "9.9",
            "actions": [
                {
                    **picker,
                    "block_id": next(
                        b["block_id"]
                        for b in preview.args["blocks"]
                        if b.get("block_id", "").startswith("date_")
                    ),
                    "selected_date": "2024-01-05",
                    "action_ts": "1.1",
                }
            ],
        }
    )
    bot.idle()
    assert status == 200
    picked = bot.standin.calls_to("response_url")[-1].args["text"]
    assert "fredag 5. januar 2024 (den dato, du har valgt)" in picked

    assert bot.press(preview, "import_confirm") == 200
    exported = bot.export()
    assert len(exported["decisions"]) == 27 and len(exported["actions"]) == 7
    [summary] = bot.posts()
    assert "Referat gemt" in summary.args["text"] and "27 beslutninger" in summary.args["text"]
    # the minutes' next meeting is long past: the summary does not call it the next one
    assert (
        "Det næste møde, referatet nævner (fredag 15. marts 2024), er passeret."
        in (summary.args["text"])
    )
    assert "Se det med" not in summary.args["text"]
    answer = bot.command("næste-møde")  # "today" is 2026: the imported meeting is past
    assert "Sidste kendte møde var fredag 15. marts 2024" in answer["text"]

    assert bot.press(preview, "import_confirm") == 200  # a second press stores nothing
    assert len(bot.export()["decisions"]) == 27
    assert "allerede gemt" in bot.standin.calls_to("response_url")[-1].args["text"]


def test_cancel_stores_nothing(bot: Harness, shared: Path) -> None:
    text = (shared / "seeds" / f"{SEED}.txt").read_text()
    scope = Scope("T0LOCAL", CHANNEL)
    pending = importing.create_pending(bot.deps, scope, USER, text)
    request = importing.ImportRequest(scope, USER, pending_id=pending)
    request.deliver(bot.deps, SlackPort(bot.app.client))
    assert bot.press(_preview(bot), "import_cancel") == 200
    assert bot.export()["decisions"] == []
    assert "annulleret" in bot.standin.calls_to("response_url")[-1].args["text"]


def _share_seed(bot: Harness, shared: Path, message: str) -> list[str]:
    """The December seed shared as a Word file with `message`: the ephemerals it got."""
    lines = (shared / "seeds" / "001_46fb85d102563d28.txt").read_text().splitlines()
    url = bot.standin.add_file("referat-dec.docx", docx(lines))
    event = load(shared, "message_file_share.json")["event"]
    event.update({"channel": CHANNEL, "user": USER, "text": message, "ts": bot.next_ts()})
    event["files"] = [
        {**event["files"][0], "name": "referat-dec.docx", "url_private_download": url}
    ]
    assert bot.event(event) == 200
    return [c.args["text"] for c in bot.standin.calls_to("chat.postEphemeral")]


def test_uploaded_file_with_referat_in_the_message(bot: Harness, shared: Path) -> None:
    ephemerals = _share_seed(bot, shared, "Her er referatet fra mødet")
    assert ephemerals[0] == "Læser referat-dec.docx …"
    assert "8 dagsordenspunkter · 36 beslutninger · 2 handlinger" in ephemerals[1]
    assert bot.standin.calls_to("file_download")[0].token == "xoxb-test"


@pytest.mark.parametrize(
    ("message", "read"),
    [("Here are the minutes of Tuesday's meeting", True), ("Slides from today", False)],
)
def test_a_file_shared_with_the_minutes_in_english(
    bot_en: Harness, shared: Path, message: str, read: bool
) -> None:
    ephemerals = _share_seed(bot_en, shared, message)
    assert (ephemerals[:1] == ["Reading referat-dec.docx …"]) is read
    assert bool(bot_en.standin.calls_to("file_download")) is read


def test_scanned_upload_is_explained(bot: Harness, shared: Path) -> None:
    url = bot.standin.add_file("scan.pdf", scanned_pdf())
    event = load(shared, "message_file_share.json")["event"]
    event.update({"channel": CHANNEL, "user": USER, "text": "referat", "ts": bot.next_ts()})
    event["files"] = [{**event["files"][0], "name": "scan.pdf", "url_private_download": url}]
    assert bot.event(event) == 200
    last = bot.standin.calls_to("chat.postEphemeral")[-1].args["text"]
    assert "ingen tekst, kun billeder" in last
    assert bot.export()["decisions"] == []


def test_long_pasted_minutes_get_a_preview(bot: Harness, shared: Path) -> None:
    text = (shared / "seeds" / "001_46fb85d102563d28.txt").read_text()
    bot.message(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    preview = _preview(bot)
    assert "8 dagsordenspunkter" in preview.args["text"] and preview.args["user"] == USER
    assert bot.export()["decisions"] == []


def test_pasted_minutes_delivered_twice_get_one_preview(bot: Harness, shared: Path) -> None:
    text = (shared / "seeds" / "001_46fb85d102563d28.txt").read_text()
    _, ts = bot.message(text, event_id="EvPaste1")
    bot.message(text, ts=ts, event_id="EvPaste1", headers={"X-Slack-Retry-Num": "1"})
    assert len(bot.standin.calls_to("chat.postEphemeral")) == 1


def test_cli_export_formats(shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    _cli(
        "import",
        str(shared / "seeds" / f"{SEED}.txt"),
        "--channel",
        "C1",
        "--team",
        "T0LOCAL",
        "--meeting-date",
        "2024-01-05",
        db=db,
    )
    csv_out = _cli("export", "--channel", "C1", "--format", "csv", db=db).stdout
    assert csv_out.startswith("\ufeffNr.;Type;Punkt;Tekst;Ansvarlig;Frist;Status;Oprettet;Link")
    assert "Thomas Richeliau" in csv_out
    md = _cli("export", "--channel", "C1", "--format", "md", "--meeting", "2024-01-05", db=db)
    assert md.stdout.startswith("# Referat: Styregruppen"), md.stderr
    assert "## Punkt 1. Godkendelse af dagsorden" in md.stdout
    docx = tmp_path / "referat.docx"
    word = _cli("export", "--channel", "C1", "--format", "docx", "--output", str(docx), db=db)
    assert word.returncode == 0 and docx.read_bytes().startswith(b"PK"), word.stderr
    binary = _cli("export", "--channel", "C1", "--format", "xlsx", db=db)
    assert binary.returncode == 2 and "pass --output FILE" in binary.stderr
    history = _cli("export", "--channel", "C1", "--format", "history", db=db).stdout
    assert history.startswith("\ufeffRegistrering;Type;Ændring;Af;Tidspunkt;Før;Efter")
    assert history.count("oprettet") >= 34
    ics = _cli("export", "--channel", "C1", "--format", "ics", db=db).stdout
    assert ics.startswith("BEGIN:VCALENDAR") and ics.count("UID:referat-T0LOCAL-C1-") == 2 + 13
    assert "BEGIN:VTIMEZONE" in ics and "TZID:Europe/Copenhagen" in ics


def test_import_without_team_uses_the_one_installed_workspace(shared: Path, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from storage.channels import ensure_workspace
    from storage.session import make_engine, make_session_factory, transaction, upgrade

    seed = str(shared / "seeds" / f"{SEED}.txt")
    db = tmp_path / "r.db"
    none = _cli("import", seed, "--channel", "C1", db=db)
    assert none.returncode == 2
    assert none.stderr.strip().splitlines()[-1] == (
        "referat import: no workspace is installed yet; install the app "
        "or pass --team (T0LOCAL for the console)"
    )
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    sessions = make_session_factory(engine)
    with transaction(sessions) as session:
        ensure_workspace(session, "T0REAL", datetime.now(UTC))
    one = _cli("import", seed, "--channel", "C1", "--json", db=db)
    assert one.returncode == 0, one.stderr
    exported = json.loads(_cli("export", "--channel", "C1", db=db).stdout)
    assert len(exported["decisions"]) == 27  # found under the installed workspace
    with transaction(sessions) as session:
        ensure_workspace(session, "T0OTHER", datetime.now(UTC))
    engine.dispose()
    several = _cli("import", seed, "--channel", "C2", db=db)
    assert several.returncode == 2
    assert several.stderr.strip().splitlines()[-1] == (
        "referat import: several workspaces are installed (T0OTHER, T0REAL); "
        "pass --team with one of them"
    )


def test_minutes_without_a_date_are_saved_without_one_never_a_guess(
    bot: Harness, shared: Path
) -> None:
    text = (shared / "seeds" / f"{SEED}.txt").read_text()
    outcome = importing.store(bot.deps, Scope("T0LOCAL", CHANNEL), text, USER)
    assert outcome.meeting is None  # the calendar's 5 January is a guess, not a fact
    answer = bot.command("beslutninger dagsordenen")["text"]
    assert "Styregruppen godkendte dagsordenen" in answer
    assert "2024" not in answer.split("dagsordenen", 2)[-1].splitlines()[0]
    assert [m["date"] for m in bot.export()["meetings"]] == ["2024-03-15"]  # only the next


def _share(bot: Harness, shared: Path, name: str, url: str) -> None:
    event = load(shared, "message_file_share.json")["event"]
    event.update({"channel": CHANNEL, "user": USER, "text": "referat", "ts": bot.next_ts()})
    event["files"] = [{**event["files"][0], "name": name, "url_private_download": url}]
    assert bot.event(event) == 200


def test_an_upload_with_nul_bytes_and_a_long_name_is_previewed(bot: Harness, shared: Path) -> None:
    text = (shared / "seeds" / "001_46fb85d102563d28.txt").read_text()
    name = "referat-" + "x" * 400 + ".txt"
    url = bot.standin.add_file(name, text.replace("\n", "\x00\n", 20).encode("utf-8"))
    _share(bot, shared, name, url)
    last = bot.standin.calls_to("chat.postEphemeral")[-1].args["text"]
    assert "Forhåndsvisning af referat" in last and "\x00" not in last


def test_an_upload_that_cannot_be_fetched_is_answered(bot: Harness, shared: Path) -> None:
    _share(bot, shared, "referat.txt", bot.standin.base + "files/missing")
    last = bot.standin.calls_to("chat.postEphemeral")[-1].args["text"]
    assert "Importen mislykkedes; intet er gemt" in last


PREVIEWED = {
    "da": (
        "importér",
        "Referat af bestyrelsesmøde 3. marts 2026\n\n1. Godkendelse af dagsorden\n"
        "Dagsordenen blev godkendt.\n\n2. Økonomi\nKassereren orienterede om regnskabet.\n\n"
        "3. Vedligehold\nBeslutning: Taget males i maj <!channel>.\n\n"
        "Jens bestiller maleren inden 1. april 2026.\n",
        [
            "• 3 dagsordenspunkter · 2 beslutninger · 1 handling",
            "• Punkt 1: Dagsordenen blev godkendt.",
            "• Punkt 3: Beslutning: Taget males i maj &lt;!channel&gt;.",
            "• Punkt 3: bestiller maleren inden 1. april 2026 · ansvarlig Jens"
            " · frist onsdag 1. april 2026",
            "• Intet fundet under punkt 2. Står der en beslutning",
        ],
    ),
    "en": (
        "import",
        "Board meeting minutes, 3 March 2026\n\n1. Approval of the agenda\n"
        "The agenda was approved.\n\n2. Finances\nThe treasurer reported on the accounts.\n\n"
        "3. Maintenance\nDecision: The roof will be painted in May <!channel>.\n\n"
        "Action: Jens to book the painter by 1 April 2026.\n",
        [
            "• 3 agenda items · 2 decisions · 1 action",
            "• Item 1: The agenda was approved.",
            "• Item 3: Decision: The roof will be painted in May &lt;!channel&gt;.",
            "• Item 3: book the painter by 1 April 2026 · owner Jens · due Wednesday 1 April 2026",
            "• Nothing found under item 2. If it holds a decision",
        ],
    ),
}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_preview_lists_what_it_found_and_names_the_items_where_it_found_nothing(
    lang: str, request: pytest.FixtureRequest
) -> None:
    """The person sees the decisions and tasks before saving (escaped: nobody is pinged),
    and which agenda items gave nothing, so a miss of the reader is caught before it counts."""
    bot: Harness = request.getfixturevalue("bot" if lang == "da" else "bot_en")
    command, text, lines = PREVIEWED[lang]
    assert bot.command(command) == {}
    [opened] = bot.standin.calls_to("views.open")
    _submit(
        bot,
        opened.args["view"],
        {"minutes": {"value": {"type": "plain_text_input", "value": text}}},
    )
    preview = _preview(bot)
    shown = "\n".join(b["text"]["text"] for b in preview.args["blocks"] if b["type"] == "section")
    for line in lines:
        assert line in shown
    assert "<!channel>" not in json.dumps(preview.args)
    assert bot.export()["decisions"] == []  # still nothing saved


def test_a_long_preview_shows_the_first_decisions_and_counts_the_rest(bot: Harness) -> None:
    items = "".join(
        f"{n}. Sag {n}\nBeslutning: Sag {n} blev godkendt med en lang begrundelse "
        + "om økonomi og planlægning " * 12
        + "\n\n"
        for n in range(1, 21)
    )
    assert bot.command("importér") == {}
    [opened] = bot.standin.calls_to("views.open")
    value = f"Referat af styregruppemøde 3. marts 2026\n\n{items}"
    _submit(
        bot,
        opened.args["view"],
        {"minutes": {"value": {"type": "plain_text_input", "value": value}}},
    )
    shown = "\n".join(
        b["text"]["text"] for b in _preview(bot).args["blocks"] if b["type"] == "section"
    )
    assert "20 beslutninger" in shown
    assert shown.count("• Punkt ") == importing.PREVIEW_SHOWN
    assert "… og 14 flere" in shown
    listed = [ln for ln in shown.splitlines() if ln.startswith("• Punkt ")]
    assert all(len(ln) < importing.GLIMPSE + 20 and ln.endswith("…") for ln in listed)
    assert "Intet fundet" not in shown

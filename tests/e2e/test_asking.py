"""Every /referat subcommand and the plain-word questions, over HTTP, in Danish and English,
after the seed minutes are imported and the PRODUCT.md section 2 examples recorded."""

from __future__ import annotations

import itertools
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.deps import Scope
from bot.services import importing
from tests.conftest import NOW, SEED_HELD, migrated_sqlite
from tests.e2e.test_recording import EXAMPLES
from tests.fakes.harness import CHANNEL, USER, Harness

OTHER = "C0OTHER"


def _populate(bot: Harness, shared: Path) -> None:
    scope = Scope("T0LOCAL", CHANNEL)
    for seed in ("000_3146f477be03d33b", "001_46fb85d102563d28"):
        text = (shared / "seeds" / f"{seed}.txt").read_text()
        importing.store(bot.deps, scope, text, USER, held=SEED_HELD.get(seed))
    for message in EXAMPLES:
        bot.message(message)
    bot.message("Handling: Lolland sender status, frist 2/11-2026")  # overdue on 23/11
    # something in another channel that must never show up here
    bot.message("Beslutning: HEMMELIG rammeaftale i en anden kanal", channel=OTHER)
    bot.message("Handling: Lolland HEMMELIG opgave, frist 1/11-2026", channel=OTHER)
    bot.message("Næste møde: 10/12-2026 kl. 9-10 i HEMMELIG sal", channel=OTHER)
    bot.message("Dagsorden: HEMMELIG punkt", channel=OTHER)


_POPULATED: dict[str, tuple[Path, int]] = {}


def _populated(tmp_path: Path, shared: Path, language: str) -> Iterator[Harness]:
    """A bot whose database holds the seeds and the examples: populated once a test process
    for each language (over HTTP, as a person would), then its SQLite file copied for each
    test, so that no test sees another's writes."""
    if language not in _POPULATED:
        folder = Path(tempfile.mkdtemp(prefix=f"referat-populated-{language}-"))
        first = Harness.start(migrated_sqlite(folder, "bot.db"), now=NOW, language=language)
        _populate(first, shared)
        used = next(first._ts) - 1  # the message timestamps the examples took
        first.stop()  # every connection closed: the file is whole
        _POPULATED[language] = (folder / "bot.db", used)
    template, used = _POPULATED[language]
    target = tmp_path / "bot.db"
    shutil.copyfile(template, target)
    harness = Harness.start(f"sqlite:///{target}", now=NOW, language=language)
    harness._ts = itertools.count(used + 1)  # the test's messages come after the examples
    yield harness
    harness.stop()


@pytest.fixture
def da(tmp_path: Path, shared: Path) -> Iterator[Harness]:
    yield from _populated(tmp_path, shared, "da")


@pytest.fixture
def en(tmp_path: Path, shared: Path) -> Iterator[Harness]:
    yield from _populated(tmp_path, shared, "en")


def buttons(answer: dict) -> list[str]:  # type: ignore[type-arg]
    return [
        e["text"]["text"]
        for b in answer.get("blocks", [])
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def test_open_items_overdue_first_with_ids(da: Harness) -> None:
    answer = da.command("åbne")
    text = answer["text"]
    assert text.startswith("*Åbne handlinger* (")
    lines = [line for line in text.splitlines() if line.startswith("• #")]
    overdue = [i for i, line in enumerate(lines) if "overskredet med" in line]
    assert overdue == list(range(len(overdue))) and len(overdue) >= 2  # overdue first
    assert any(
        "sender status" in lines[i] and "overskredet med 21 dage" in lines[i] for i in overdue
    )
    assert "HEMMELIG" not in text
    assert buttons(answer) == ["Del i kanalen"]


def test_open_items_for_a_name_me_and_overdue(da: Harness) -> None:
    lolland = da.command("åbne Lolland")["text"]
    assert "indkalde sundhedsklyngerne" in lolland and "RS17" not in lolland
    assert "tovholder" in lolland  # from the imported minutes
    assert "Ingen åbne handlinger for dig" in da.command("åbne mig")["text"]
    da.command("ansvarlig Lolland = <@U0ANNE|anne>")
    mine = da.command("åbne mig")["text"]
    assert "indkalde sundhedsklyngerne" in mine and "HEMMELIG" not in mine
    jens = da.command("åbne <@U0JENS|jens>")["text"]
    assert "sender udkast til høring" in jens and "indkalde" not in jens
    overdue = da.command("åbne overskredne")["text"]
    assert "sender status" in overdue and "sender udkast" not in overdue
    assert "HEMMELIG" not in overdue


def test_decisions_search_and_since(da: Harness) -> None:
    answer = da.command("beslutninger rammeaftaler")["text"]
    assert "4-årige rammeaftaler" in answer and "HEMMELIG" not in answer
    assert 'Beslutninger om "rammeaftaler"' in answer
    sjælland = da.command("beslutninger SJÆLLAND DRØFTEDE")["text"]  # æøå, any case
    assert "Region Sjælland drøftede samarbejdet" in sjælland
    since = da.command("beslutninger siden 1/11")["text"]
    assert "siden søndag 1. november 2026" in since
    assert "Beslutninger om" not in since
    assert "ingen dato" not in da.command("beslutninger siden 32/1")["text"]
    assert "kunne ikke læse datoen" in da.command("beslutninger siden 32/1")["text"]


def test_done_reopen_retract_and_bad_ids(da: Harness) -> None:
    exported = da.export()
    action = next(a for a in exported["actions"] if a["text"] == "send referat")
    decision = exported["decisions"][0]
    assert "markeret som udført" in da.command(f"udført {action['id']}")["text"]
    assert "allerede markeret som udført" in da.command(f"udført {action['id']}")["text"]
    assert "åbnet igen" in da.command(f"genåbn {action['id']}")["text"]
    assert "er en beslutning, ikke en handling" in da.command(f"udført {decision['id']}")["text"]
    assert "trukket tilbage af" in da.command(f"annullér {decision['id']}")["text"]
    assert da.export()["decisions"][0]["status"] == "retracted"
    other = da.export(OTHER)["actions"][0]["id"]
    assert "Jeg kender ingen handling" in da.command(f"udført {other}")["text"]
    assert "Jeg kender ingen beslutning eller handling" in da.command(f"annullér {other}")["text"]
    assert "Skriv nummeret" in da.command("udført")["text"]
    assert "Skriv nummeret" in da.command("annullér x")["text"]
    assert da.export(OTHER)["actions"][0]["status"] == "open"


def test_agenda_show_and_add(da: Harness) -> None:
    shown = da.command("dagsorden")["text"]
    assert "HEMMELIG" not in shown and "HEMMELIG" not in da.command("næste-møde")["text"]
    assert "Dagsorden for torsdag 14. januar 2027" in shown
    assert "Temadrøftelse om hjemløseområdet" in shown
    added = da.command("dagsorden tilføj Status på botilbud")["text"]
    assert "Tilføjet til dagsordenen for torsdag 14. januar 2027" in added
    assert "2. Status på botilbud" in da.command("dagsorden")["text"]
    assert "Skriv fx" in da.command("dagsorden fjern alt")["text"]


def test_language_switch_changes_replies_and_dates(da: Harness) -> None:
    assert "taler nu" not in da.command("language en")["text"]
    answer = da.command("next-meeting")["text"]
    assert answer.startswith("*Next meeting:* Thursday 14 January 2027")
    assert "Write `/referat language da`" in da.command("sprog de")["text"]
    da.command("sprog da")
    assert da.command("næste-møde")["text"].startswith("*Næste møde:* torsdag 14. januar 2027")


def test_reminders_on_and_off(da: Harness) -> None:
    assert "ikke flere påmindelser" in da.command("påmindelser fra")["text"]
    assert "igen påmindelser" in da.command("påmindelser til")["text"]
    assert "Skriv `/referat påmindelser til`" in da.command("påmindelser måske")["text"]


def test_owner_alias_usage(da: Harness) -> None:
    assert (
        "Skriv fx `/referat ansvarlig Lolland = @anne`" in da.command("ansvarlig Lolland")["text"]
    )
    answer = da.command("ansvarlig Lolland = <@U0ANNE|anne>")["text"]
    assert "*Lolland* tæller nu med hos <@U0ANNE>" in answer


def _uploaded_bytes(bot: Harness, back: int = 1) -> tuple[str, bytes]:
    complete = bot.standin.calls_to("files.completeUploadExternal")[-back]
    files = complete.args["files"]
    files = json.loads(files) if isinstance(files, str) else files
    upload = bot.standin.calls_to("upload")[-back]
    assert complete.args["channel_id"] == CHANNEL
    return files[0]["title"], bot.standin.uploads[upload.args["file_id"]]


def _uploaded(bot: Harness, back: int = 1) -> tuple[str, str]:
    title, data = _uploaded_bytes(bot, back)
    return title, data.decode("utf-8")


def test_exports_are_uploaded_to_the_channel(da: Harness) -> None:
    assert "referat-C0STYRE.csv" in da.command("eksport csv")["text"]
    title, content = _uploaded(da)
    assert title == "Beslutninger og handlinger"
    assert (
        content.splitlines()[0] == "\ufeffNr.;Type;Punkt;Tekst;Ansvarlig;Frist;Status;Oprettet;Link"
    )
    assert "Slagelse; Køge" in content and "HEMMELIG" not in content

    da.command("eksport referat 5/1-2024")  # one meeting's referat, Word and Markdown
    title, draft = _uploaded(da)
    assert title == "Referat 05.01.2024" and draft.startswith("# Referat: Styregruppen")
    assert "## Punkt 3. Status fra Rammeaftale" in draft and "### Beslutning" in draft
    assert "HEMMELIG" not in draft

    da.command("eksport ics")
    _, ics = _uploaded(da)
    meetings = da.export()["meetings"]
    meeting_uids = [
        line for line in ics.splitlines() if line.startswith("UID:") and "-cal-" not in line
    ]
    assert len(meetings) >= 4 and len(meeting_uids) == len(meetings)  # each, once
    assert "LOCATION:Town Hall room 2" in ics and "Temadrøftelse om hjemløseområdet" in ics
    assert "HEMMELIG" not in ics
    assert "Skriv `/referat eksport csv`" in da.command("eksport pdf")["text"]


def test_share_button_on_every_list_answer(da: Harness) -> None:
    for text in ("åbne", "beslutninger", "dagsorden", "næste-møde"):
        assert buttons(da.command(text)) == ["Del i kanalen"], text


QUESTIONS_DA = [
    ("hvornår er næste møde?", "Næste møde:* torsdag 14. januar 2027"),
    ("hvad er åbent for Lolland?", "Åbne handlinger for Lolland"),
    ("hvad er overskredet?", "Overskredne handlinger"),
    ("hvad besluttede vi om rammeaftalen?", 'Beslutninger om "rammeaftalen"'),
    ("hvad er mine opgaver?", "for dig"),
    ("hjælp", "/referat næste-møde"),
    ("hvad bliver vejret?", "Det spørgsmål kan jeg ikke svare på endnu"),
]
QUESTIONS_EN = [
    ("when is the next meeting?", "Next meeting:* Thursday 14 January 2027"),
    ("what is open for Lolland?", "Open actions for Lolland"),
    ("what is overdue?", "Overdue actions"),
    ("what did we decide about framework agreements?", "Decisions about"),
    ("help", "/referat next-meeting"),
    ("what is the weather?", "I can't answer that one yet"),
]


@pytest.mark.parametrize(("question", "answer"), QUESTIONS_DA, ids=[q for q, _ in QUESTIONS_DA])
def test_questions_in_danish_by_mention(da: Harness, question: str, answer: str) -> None:
    ts = da.next_ts()
    da.event(
        {
            "type": "app_mention",
            "text": f"<@U0REFERAT> {question}",
            "user": USER,
            "ts": ts,
            "channel": CHANNEL,
            "event_ts": ts,
        }
    )
    reply = da.posts()[-1]
    assert answer in reply.args["text"] and reply.args["thread_ts"] == ts
    assert "HEMMELIG" not in reply.args["text"]


@pytest.mark.parametrize(("question", "answer"), QUESTIONS_EN, ids=[q for q, _ in QUESTIONS_EN])
def test_questions_in_english_by_direct_message(en: Harness, question: str, answer: str) -> None:
    # a DM has no channel records of its own, so ask in the channel by mention as well
    ts = en.next_ts()
    en.event(
        {
            "type": "app_mention",
            "text": f"<@U0REFERAT> {question}",
            "user": USER,
            "ts": ts,
            "channel": CHANNEL,
            "event_ts": ts,
        }
    )
    assert answer in en.posts()[-1].args["text"]


def test_direct_message_is_answered(bot: Harness) -> None:
    ts = bot.next_ts()
    bot.event(
        {
            "type": "message",
            "channel_type": "im",
            "channel": "D0ANNE",
            "user": USER,
            "text": "hjælp",
            "ts": ts,
            "event_ts": ts,
        }
    )
    [reply] = bot.posts()
    assert reply.args["channel"] == "D0ANNE" and "/referat næste-møde" in reply.args["text"]


def test_app_home_lists_my_actions_with_done_buttons(da: Harness) -> None:
    da.command("ansvarlig Lolland = <@U0ANNE|anne>")
    da.event(
        {
            "type": "app_home_opened",
            "user": USER,
            "channel": "D0HOME",
            "tab": "home",
            "event_ts": da.next_ts(),
        }
    )
    view = da.standin.calls_to("views.publish")[-1].args["view"]
    texts = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]
    assert any("indkalde sundhedsklyngerne" in t for t in texts)
    # the Home tab is the person's own: their actions from every channel, each named
    assert any("HEMMELIG" in t and f"<#{OTHER}>" in t for t in texts)
    assert any(t.startswith(f"<#{CHANNEL}>: torsdag 14. januar 2027") for t in texts)
    button = next(
        b["accessory"]
        for b in view["blocks"]
        if "accessory" in b and "sender status" in b["text"]["text"]
    )
    payload = {
        "type": "block_actions",
        "user": {"id": USER, "team_id": "T0LOCAL"},
        "team": {"id": "T0LOCAL"},
        "container": {"type": "view", "view_id": "V1"},
        "view": {"id": "V1", "type": "home"},
        "trigger_id": "1.2",
        "actions": [{**button, "block_id": "b", "action_ts": "1.2"}],
    }
    status, _ = da.sender.interaction(payload)
    da.idle()
    assert status == 200
    action = next(a for a in da.export()["actions"] if a["id"] == int(button["value"]))
    assert action["status"] == "done"
    refreshed = da.standin.calls_to("views.publish")[-1].args["view"]
    assert not any(
        "sender status" in b.get("text", {}).get("text", "") for b in refreshed["blocks"]
    )


def test_long_lists_stay_inside_block_kit_limits(bot: Harness) -> None:
    lines = "\n".join(
        f"Handling: Lolland gør ting nummer {i} " + "x" * 120 + ", frist 15/12" for i in range(500)
    )
    bot.message(lines)
    reply = bot.posts()[0]
    assert len(reply.args["blocks"]) <= 50
    answer = bot.command("åbne")
    shown = "\n".join(b["text"]["text"] for b in answer["blocks"] if b["type"] == "section")
    assert "… og 470 flere" in shown and "/referat åbne mig" in shown
    assert len(answer["text"]) <= 3000
    assert all(len(b["text"]["text"]) <= 3000 for b in answer["blocks"] if b["type"] == "section")
    # the stand-in refuses anything over Slack's limits, so reaching here means Slack took it
    assert all(c.result.get("ok") for c in bot.standin.calls)


def test_unknown_subcommand_and_missing_arguments_in_english(en: Harness) -> None:
    assert "I don't know `frobnicate`" in en.command("frobnicate")["text"]
    # a typo is answered with the command meant, in either language
    assert "Did you mean `/referat open`?" in en.command("opne")["text"]
    assert "Give the action's number" in en.command("done")["text"]
    assert "Write e.g. `/referat owner Lolland = @anne`" in en.command("owner")["text"]
    assert "Write `/referat language da`" in en.command("language")["text"]
    assert "Write `/referat export csv`" in en.command("export xls")["text"]
    assert "No open actions for you" in en.command("open-items me")["text"]


def test_a_typo_in_a_subcommand_gets_the_nearest_one(da: Harness) -> None:
    answer = da.command("beslutnigner rammeaftale")["text"]
    assert "Jeg kender ikke `beslutnigner`. Mente du `/referat beslutninger`?" in answer


def test_decisions_are_found_by_their_agenda_item_title(da: Harness) -> None:
    answer = da.command("beslutninger korrespondancemeddelelser")["text"]
    assert "Styregruppen godkender og bakker op" in answer
    dated = da.command("beslutninger hjemløseområdet")["text"]
    assert "HEMMELIG" not in dated
    january = da.command("beslutninger dagsordenen")["text"]
    assert "Styregruppen godkendte dagsordenen (punkt 1) — fredag 5. januar 2024" in january


ENGLISH_COMMANDS = [
    ("next-meeting", "*Next meeting:* Thursday 14 January 2027"),
    ("open-items", "*Open actions* ("),
    ("open-items overdue", "*Overdue actions*"),
    ("decisions framework", 'Decisions about "framework"'),
    ("agenda", "*Agenda for Thursday 14 January 2027*"),
    ("agenda add Budget", "Added to the agenda for Thursday 14 January 2027: Budget"),
    (
        "meeting 3/3-2027 13:00-15:00 Køge",
        "Next meeting: Wednesday 3 March 2027, 13:00–15:00, Køge",
    ),
    ("digest", "The weekly digest is posted every Monday at 8:00"),
    ("digest preview", "This week's digest"),
    ("owner Lolland = <@U0ANNE|anne>", "Actions owned by *Lolland* now count for <@U0ANNE>"),
    ("reminders off", "You will get no more reminders"),
    ("export ics", "I am posting the file"),
    ("import", ""),
    ("retract 999", "I know no decision or action #999 in this channel"),
    ("reopen 999", "I know no action #999 in this channel"),
    ("help", "*Commands:*"),
]


@pytest.mark.parametrize(
    ("command", "answer"), ENGLISH_COMMANDS, ids=[c for c, _ in ENGLISH_COMMANDS]
)
def test_every_subcommand_in_english(en: Harness, command: str, answer: str) -> None:
    reply = en.command(command)
    if command == "import":
        assert reply == {} and en.standin.calls_to("views.open")  # the answer is the dialog
        return
    assert answer in reply["text"]
    assert "HEMMELIG" not in reply["text"]


def test_csv_opens_in_a_danish_excel(da: Harness) -> None:
    """UTF-8 with a BOM, `;` between columns, Danish headers and words; read back as Excel does."""
    import csv
    import io

    da.command("eksport csv")
    _, data = _uploaded_bytes(da)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert set(rows[0]) == {
        "Nr.",
        "Type",
        "Punkt",
        "Tekst",
        "Ansvarlig",
        "Frist",
        "Status",
        "Oprettet",
        "Link",
    }
    lolland = next(r for r in rows if r["Tekst"] == "indkalde sundhedsklyngerne")
    assert (lolland["Type"], lolland["Ansvarlig"], lolland["Status"]) == (
        "handling",
        "Lolland",
        "åben",
    )
    assert lolland["Frist"] == "2026-12-15"
    assert {r["Type"] for r in rows} == {"beslutning", "handling"}
    assert {r["Status"] for r in rows} <= {"gældende", "åben", "udført", "trukket tilbage"}
    assert any("æ" in r["Tekst"] or "ø" in r["Tekst"] for r in rows)


def test_csv_in_an_english_channel_uses_commas_and_english(en: Harness) -> None:
    import csv
    import io

    en.command("export csv")
    _, data = _uploaded_bytes(en)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0])[:3] == ["No.", "Kind", "Item"]
    assert {r["Status"] for r in rows} <= {"active", "open", "done", "retracted"}


def test_xlsx_has_a_sheet_each_for_actions_decisions_and_meetings(da: Harness) -> None:
    import io
    from datetime import datetime

    from openpyxl import load_workbook

    assert "referat-C0STYRE.xlsx" in da.command("eksport xlsx")["text"]
    title, data = _uploaded_bytes(da)
    assert title == "Beslutninger, handlinger og møder"
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Handlinger", "Beslutninger", "Møder"]
    actions = list(book["Handlinger"].values)
    assert actions[0][:6] == ("Nr.", "Type", "Punkt", "Tekst", "Ansvarlig", "Frist")
    lolland = next(r for r in actions if r[3] == "indkalde sundhedsklyngerne")
    assert lolland[4] == "Lolland" and lolland[5] == datetime(2026, 12, 15)
    assert all(r[1] == "beslutning" for r in list(book["Beslutninger"].values)[1:])
    meetings = list(book["Møder"].values)
    assert meetings[0][:5] == ("Forum", "Dato", "Start", "Slut", "Sted")
    assert any(r[4] == "Town Hall room 2" for r in meetings[1:])
    for sheet in book.worksheets:
        assert "HEMMELIG" not in str(list(sheet.values))


def test_history_in_the_json_export_and_a_csv_of_its_own(da: Harness) -> None:
    import csv
    import io

    action = next(a for a in da.export()["actions"] if a["text"] == "send referat")
    da.command(f"udført {action['id']}")
    da.command(f"genåbn {action['id']}", user="U0JENS")
    changes = [c for c in da.export()["record_changes"] if c["record"] == action["id"]]
    assert [c["change"] for c in changes] == ["created", "done", "reopened"]
    assert [c["actor_id"] for c in changes[1:]] == ["U0ANNE", "U0JENS"]
    assert all(c["at"] for c in changes)
    da.command("eksport historik")
    title, data = _uploaded_bytes(da)
    assert title == "Historik"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    mine = [r for r in rows if r["Registrering"] == str(action["id"])]
    assert [r["Ændring"] for r in mine] == ["oprettet", "udført", "genåbnet"]
    assert all(r["Tidspunkt"].startswith("2026-11-23") for r in mine)

"""Every template's output in both languages, as golden files a careful reader checks.

`REFERAT_WRITE_GOLDEN=1` writes them anew; the diff is then read like a proofreader would.
"""

from __future__ import annotations

import os
from datetime import date, time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.domain.shown import MeetingView, RecordView
from bot.parsing.arguments import Who
from bot.render import Renderer
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden" / "templates"
TEMPLATES = sorted(
    p.stem for p in (ROOT / "templates" / "da").glob("*.j2") if not p.stem.startswith("_")
)
TODAY = date(2026, 11, 23)


def action(i: int, owners: list[str], due: date | None, **more: Any) -> RecordView:
    return RecordView(
        id=i,
        kind="action",
        text=more.pop("text", f"sender udkast {i} til høring"),
        owners=owners,
        owner_names=owners,
        due=due,
        due_next_meeting=more.pop("due_next_meeting", False),
        status=more.pop("status", "open"),
        item=more.pop("item", None),
    )


def decision(i: int, text: str, item: str | None = None, status: str = "active") -> RecordView:
    return RecordView(i, "decision", text, [], [], None, False, status, item)


MEETING = MeetingView(
    7, date(2027, 2, 5), time(9, 30), time(12), "Ringsted", "Styregruppen", ["Budget 2027"]
)
RECORDS = [
    decision(1, "Styregruppen godkender <b>overgangsaftalen</b>", "2A"),
    action(2, ["Slagelse", "Køge", "Roskilde"], date(2026, 11, 27)),
    action(3, [], None),
    action(4, ["<@U0JENS>"], None, due_next_meeting=True),
    action(5, ["Lolland"], date(2026, 11, 20), status="done"),
    decision(6, "Trukket tilbage", status="retracted"),
]
OUTCOME = SimpleNamespace(
    status="updated",
    items=6,
    decisions=12,
    actions=4,
    calendar=15,
    added=2,
    changed=1,
    retracted=1,
    meeting=date(2025, 12, 5),
    next_meeting=date(2026, 2, 6),
)
MINUTES = SimpleNamespace(
    body="Styregruppen",
    meeting_date=None,
    items=[1, 2, 3],
    decisions=[1] * 12,
    actions=[1, 2],
    next_meeting=SimpleNamespace(body="Styregruppen", proposed_agenda=["Budget"]),
)
# an import preview of minutes that do not say when the meeting was held
NO_DATE_PREVIEW: dict[str, object] = {
    "m": MINUTES,
    "filename": None,
    "owners": [],
    "unassigned": 0,
    "next_when": None,
    "next_time": "",
    "held": None,
    "calendar": {},
    "given": False,
    "guess": "fredag 5. januar 2024",
    "guess_from_calendar": True,
    "decisions": [],
    "actions": [],
    "quiet": [str(n) for n in range(1, 13)],
    "more_quiet": 3,
}

CONTEXTS: dict[str, list[dict[str, Any]]] = {
    "agenda": [{"m": MEETING, "pending": []}, {"m": None, "pending": ["Budget", "Temadag"]}],
    "agenda_added": [{"title": "Budget 2027", "m": MEETING}, {"title": "Budget", "m": None}],
    "agenda_usage": [{}],
    "already_retracted": [{"id": 12}],
    "decisions": [
        {
            "lines": [
                (RECORDS[0], date(2025, 12, 5), "https://slack/p1"),
                (RECORDS[0], None, None),
            ],
            "words": ["rammeaftale"],
            "since": date(2026, 10, 1),
            "more": 28,
            "total": 30,
            "beyond": 100,
        },
        # a search of a common word in a channel of thousands: counting stopped
        {
            "lines": [(RECORDS[0], date(2025, 12, 5), "https://slack/p1")],
            "words": ["rammeaftale"],
            "since": None,
            "more": 101,
            "total": 102,
            "beyond": 100,
        },
        {"lines": [], "words": [], "since": None, "more": 0, "total": 0, "beyond": 1000},
    ],
    "decisions_usage": [{"bad": "32/1"}],
    "digest": [
        {
            "decisions": [(RECORDS[0], "https://slack/p1")],
            "groups": [
                SimpleNamespace(owners=["Slagelse", "Køge"], actions=[RECORDS[1]]),
                SimpleNamespace(owners=[], actions=[RECORDS[2]]),
            ],
            "closed": [RECORDS[4]],
            "meeting": MEETING,
            "today": TODAY,
            "others": 3,
            "end_of_week": date(2026, 11, 29),
            "more_decisions": 2,
        }
    ],
    "digest_empty": [{}],
    "digest_settings": [
        {"enabled": True, "weekday": 4, "at": "14:30", "changed": True},
        {"enabled": False, "weekday": 0, "at": "08:00", "changed": False},
    ],
    "digest_usage": [{}],
    "draft_referat": [
        {
            "records": RECORDS,
            "since": date(2026, 10, 1),
            "today": TODAY,
            "meeting": MEETING,
            "meeting_time": "kl. 9.30–12",
            "items": ["", "2A"],
        }
    ],
    "export_started": [{"name": "referat-C1.csv"}],
    "export_usage": [{}],
    "help": [{}],
    "home_action": [{"r": RECORDS[1], "channel": "C1", "today": date(2026, 11, 30)}],
    "id_usage": [{"done": True}, {"done": False}],
    "import_done": [
        {"o": OUTCOME, "user": "U1"},
        {"o": OUTCOME, "user": "U1", "today": date(2026, 1, 20)},  # its next meeting to come
        {"o": SimpleNamespace(status="unchanged"), "user": "U1"},
        # one of each: in the singular
        {
            "o": SimpleNamespace(
                status="saved",
                items=1,
                decisions=1,
                actions=1,
                calendar=1,
                meeting=None,
                next_meeting=None,
            ),
            "user": "U1",
        },
    ],
    "import_error": [
        {"code": c, "detail": "docm"}
        for c in (
            "empty",
            "unsupported",
            "scanned",
            "too_large",
            "unreadable",
            "no_structure",
            "gone",
            "x",
        )
    ],
    "import_help": [{}],
    "import_preview": [
        {
            "m": MINUTES,
            "filename": "referat.pdf",
            "owners": ["Lolland", "RS17", "Køge"],
            "unassigned": 1,
            "next_when": "fredag 6. februar 2026",
            "next_time": "kl. 9–12",
            "held": "fredag 5. december 2025",
            "calendar": {"Styregruppen": 5, "K17": 1, "KKR": 0},
            "given": True,
            "guess": None,
            # the first of twelve decisions and two actions, as the preview lists them
            "decisions": [("2A", "Styregruppen godkendte oplægget <!channel> & *budgettet*")],
            "actions": [
                ("3", "sender udkast", ["Lolland", "Køge"], "fredag 9. januar 2026"),
                (None, "indkalder til temadag", [], None),
            ],
            "quiet": ["1"],
            "more_quiet": 0,
        },
        NO_DATE_PREVIEW,
        # the guess from a day written without a year ("fondsbestyrelsesmødet 10.Nov." under
        # "BR møde November 2015"), not from a meeting calendar
        {
            **NO_DATE_PREVIEW,
            "guess": "tirsdag 10. november 2015",
            "guess_from_calendar": False,
            "quiet": [],
            "more_quiet": 0,
        },
        # one of each: the counts in the singular
        {
            "m": SimpleNamespace(
                body=None,
                meeting_date=None,
                items=[1],
                decisions=[1],
                actions=[1],
                next_meeting=None,
            ),
            "filename": None,
            "owners": ["Jens"],
            "unassigned": 0,
            "next_when": None,
            "next_time": "",
            "held": "tirsdag 3. marts 2026",
            "calendar": {},
            "given": False,
            "guess": None,
            "decisions": [("1", "Taget males i maj.")],
            "actions": [("1", "bestiller maleren", ["Jens"], None)],
            "quiet": [],
            "more_quiet": 0,
        },
    ],
    "language_set": [{}],
    "language_usage": [{}],
    "meeting_in_past": [{"day": date(2026, 11, 20)}],
    "meeting_set": [
        {"m": MEETING, "news": None, "today": TODAY},
        {
            "m": MEETING,
            "today": TODAY,
            "news": {"code": "meeting_moved", "detail": "2026-12-10", "to": "2027-02-05"},
        },
        {"m": None, "today": TODAY, "news": {"code": "meeting_cancelled", "detail": "2026-12-10"}},
    ],
    "meeting_usage": [
        {"problem": "32/1"},
        {"problem": None},
        {"problem": None, "bad_time": "kl. 25-26"},
    ],
    "next_meeting": [{"m": MEETING, "today": TODAY, "actions": RECORDS[1:3], "more": 12}],
    "no_next_meeting": [{"last": MEETING, "today": TODAY}, {"last": None, "today": TODAY}],
    "notice": [
        {
            "m": MEETING,
            "actions": [RECORDS[1], action(8, [], date(2027, 2, 1))],
            "more": 0,
            "today": TODAY,
        }
    ],
    "open_items": [
        {"actions": RECORDS[1:5], "more": 90, "total": 94, "filter": Who("all"), "today": TODAY},
        # a channel of thousands: counting stopped 1,000 past the page (storage.lists)
        {
            "actions": RECORDS[1:5],
            "more": 1001,
            "total": 1005,
            "filter": Who("all"),
            "today": TODAY,
        },
        {"actions": RECORDS[4:5], "more": 0, "total": 1, "filter": Who("overdue"), "today": TODAY},
        # one more than shown: "… og 1 mere"
        {"actions": RECORDS[1:5], "more": 1, "total": 5, "filter": Who("all"), "today": TODAY},
        {"actions": [], "more": 0, "total": 0, "filter": Who("overdue"), "today": TODAY},
        {"actions": [], "more": 0, "total": 0, "filter": Who("name", "Lolland"), "today": TODAY},
    ],
    "owner_set": [
        {"name": "Lolland", "user": "U0JENS", "before": None},
        {"name": "Lolland", "user": "U0JENS", "before": "U0ANNE"},
    ],
    "owner_moved": [{"name": "Lolland", "user": "U0JENS", "by": "U0BO", "channel": "C1"}],
    "owner_usage": [{}],
    "record_missing": [{"id": 99}],
    "recorded": [
        {
            "records": RECORDS,
            "meetings": [MEETING],
            "agenda": ["Budget"],
            "agenda_meeting": MEETING,
            "news": [{"code": "meeting_moved", "detail": "2026-12-10", "to": "2027-02-05"}],
            "warnings": [
                {"code": "bad_date", "detail": "31/2", "kind": "action"},
                {"code": "bad_date", "detail": "31/2", "kind": "meeting"},
                {"code": "unreadable_date", "detail": "inden jul", "kind": "action"},
                {"code": "past_due", "detail": "2026-11-20", "kind": "action"},
                {"code": "empty_keyword", "detail": "Beslutning", "kind": "decision"},
                {"code": "meeting_without_date", "detail": "", "kind": "meeting"},
            ],
            "deleted": False,
            "today": TODAY,
        },
        {
            "records": [],
            "meetings": [],
            "agenda": [],
            "agenda_meeting": None,
            "news": [],
            "warnings": [],
            "deleted": True,
            "today": TODAY,
        },
    ],
    "reminder": [
        {
            "items": [(RECORDS[1], "C1"), (action(9, ["Lolland"], date(2026, 11, 20)), "C2")],
            "more": 2,
            "today": TODAY,
            "tomorrow": date(2026, 11, 24),
        }
    ],
    "reminders_set": [{"enabled": True}, {"enabled": False}],
    "reminders_usage": [{}],
    "retract_usage": [{}],
    "retracted": [
        {"id": 12, "kind": "decision", "user": "U1"},
        {"id": 13, "kind": "action", "user": "U1"},
    ],
    "unknown_command": [{"word": "flyt", "nearest": None}, {"word": "hjælpe", "nearest": "hjælp"}],
    "unknown_question": [{}, {"suggestions": ["hvornår er næste møde?", "hvad er mine opgaver?"]}],
    "calendar_feed": [
        {"url": "https://referat.example.dk/calendar/abc.ics", "renewed": False},
        {"url": "https://referat.example.dk/calendar/def.ics", "renewed": True},
    ],
    "calendar_usage": [{}],
    "referat_no_meeting": [
        {"day": date(2026, 1, 5), "text": None},
        {"day": None, "text": "32/1"},
        {"day": None, "text": None},
    ],
    "referat_started": [{"body": "Styregruppen", "day": date(2025, 12, 5)}],
}
# templates whose output has golden files of its own
ELSEWHERE = {"referat": "tests/e2e/golden/referat_da.md, referat_en.md"}


def test_every_template_has_an_example() -> None:
    missing = [t for t in TEMPLATES if t not in CONTEXTS and t not in ELSEWHERE]
    assert missing == [], f"add an example context for {missing}"


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("name", TEMPLATES)
def test_template_output_is_the_golden_file(name: str, language: str) -> None:
    if name in ELSEWHERE:
        pytest.skip(f"golden files in {ELSEWHERE[name]}")
    renderer = Renderer()
    shown = [
        renderer.render(language, name, **{"today": TODAY, **context})
        for context in CONTEXTS.get(name, [])
    ]
    text = "\n\n----\n\n".join(shown) + "\n"
    golden = GOLDEN / language / f"{name}.txt"
    if os.environ.get("REFERAT_WRITE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    if name != "draft_referat":  # a Markdown file, not a Slack message
        assert "<b>" not in text  # what people typed is escaped


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_list_shows_a_long_record_on_one_cut_line_and_its_confirmation_in_full(
    language: str,
) -> None:
    long = "Der var enighed om at det sikrede område er meget relevant " * 8 + "<@U0JENS> slut"
    renderer = Renderer()
    found = renderer.render(
        language,
        "decisions",
        lines=[(decision(30, long, "5"), None, None)],
        words=[],
        since=None,
        more=0,
        total=1,
        beyond=100,
    )
    [line] = [ln for ln in found.splitlines() if ln.startswith("• #30")]
    assert line.endswith("…" + (" (punkt 5)" if language == "da" else " (item 5)"))
    assert len(line) < 230 and "slut" not in line
    listed = renderer.render(
        language,
        "open_items",
        actions=[action(31, [], None, text=long)],
        more=0,
        total=1,
        filter=Who("all"),
        today=TODAY,
    )
    assert "…" in listed and "slut" not in listed
    confirmed = renderer.render(
        language,
        "recorded",
        **{
            **CONTEXTS["recorded"][1],
            "deleted": False,
            "records": [action(31, [], None, text=long)],
        },
    )
    assert "<@U0JENS> slut" in confirmed  # the confirmation says exactly what was recorded

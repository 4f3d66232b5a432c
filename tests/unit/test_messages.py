"""The recording grammar: every example of PRODUCT.md section 2, and the edges."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.parsing.messages import Action, AgendaItem, Decision, Meeting, parse_message
from bot.parsing.normalize import mrkdwn, normalize, to_plain
from bot.parsing.owners import DEFAULT_OWNER_NAMES

TODAY = date(2026, 11, 23)


def parse(text: str):  # type: ignore[no-untyped-def]
    return parse_message(text, today=TODAY, known_owners=DEFAULT_OWNER_NAMES)


def owners(action: Action) -> list[str]:
    return [o.user_id or o.group_id or o.name for o in action.owners]


# (message, kind, expected fields)
EXAMPLES = [
    (
        "Beslutning: Styregruppen godkender overgangsaftalen om korrespondancemeddelelser",
        Decision,
        {"text": "Styregruppen godkender overgangsaftalen om korrespondancemeddelelser"},
    ),
    (
        "Decision: Extend the framework agreement to 2027-2028",
        Decision,
        {"text": "Extend the framework agreement to 2027-2028"},
    ),
    (
        "Handling: <@U0JENS> sender udkast til høring, frist fredag",
        Action,
        {"owners": ["U0JENS"], "due": date(2026, 11, 27), "text": "sender udkast til høring"},
    ),
    (
        "Opgave: indkalde sundhedsklyngerne. Ansvarlig: Lolland. Frist: 15/12",
        Action,
        {"owners": ["Lolland"], "due": date(2026, 12, 15), "text": "indkalde sundhedsklyngerne"},
    ),
    (
        "Handling: RS17 kommunikerer ud og evaluerer, senest ultimo januar",
        Action,
        {"owners": ["RS17"], "due": date(2027, 1, 29)},  # ultimo januar: its last working day
    ),
    (
        "Punkt 3 – Beslutning: Styregruppen bakker op om 4-årige rammeaftaler",
        Decision,
        {"item": "3", "text": "Styregruppen bakker op om 4-årige rammeaftaler"},
    ),
    (
        # the secretariat as the steering group calls it day to day
        "Handling: Sekretariatet sender udkast til styregruppen, frist 15/1",
        Action,
        {"owners": ["Sekretariatet"], "text": "sender udkast til styregruppen"},
    ),
    (
        "Handling: Slagelse og Køge bidrager til oplægget, frist 15/1",
        Action,
        {"owners": ["Slagelse", "Køge"], "due": date(2027, 1, 15)},
    ),
    (
        "Handling: <@U0JENS> forbereder temadrøftelse til næste møde",
        Action,
        {"owners": ["U0JENS"], "due": None, "due_next_meeting": True},
    ),
    (
        "Dagsorden: Temadrøftelse om hjemløseområdet",
        AgendaItem,
        {"title": "Temadrøftelse om hjemløseområdet"},
    ),
    ("Handling: send referat, frist 31/2", Action, {"owners": [], "due": None}),
]


@pytest.mark.parametrize(
    ("message", "kind", "fields"), EXAMPLES, ids=[m[:40] for m, _, _ in EXAMPLES]
)
def test_product_examples(message: str, kind: type, fields: dict[str, object]) -> None:
    result = parse(message)
    assert len(result.records) == 1
    record = result.records[0]
    assert isinstance(record, kind)
    for name, expected in fields.items():
        actual = owners(record) if name == "owners" else getattr(record, name)  # type: ignore[arg-type]
        assert actual == expected, name


def test_next_meeting_in_danish() -> None:
    [meeting] = parse("Næste møde: fredag 5. februar 2027 kl. 9-12 i Ringsted").records
    assert meeting == Meeting(date(2027, 2, 5), time(9), time(12), "Ringsted")


def test_next_meeting_in_english() -> None:
    [meeting] = parse("Next meeting: 14 January 2027, 10:00-12:00, Town Hall room 2").records
    assert meeting == Meeting(date(2027, 1, 14), time(10), time(12), "Town Hall room 2")


def test_no_keyword_at_line_start_records_nothing() -> None:
    result = parse("Vi skal nok tage en beslutning om det på næste møde")
    assert result.empty


def test_impossible_deadline_is_reported() -> None:
    result = parse("Handling: send referat, frist 31/2")
    assert [(w.code, w.detail) for w in result.warnings] == [("bad_date", "31/2")]


def test_past_deadline_is_kept_and_flagged() -> None:
    result = parse("Handling: send referatet, frist 2/11-2026")
    assert result.records[0].due == date(2026, 11, 2)  # type: ignore[union-attr]
    assert [w.code for w in result.warnings] == ["past_due"]


def test_empty_keyword_line_records_nothing_and_says_so() -> None:
    result = parse("Beslutning:")
    assert result.records == []
    assert [w.code for w in result.warnings] == ["empty_keyword"]


def test_several_records_in_one_message() -> None:
    result = parse(
        "Beslutning: Vi forlænger aftalen\n"
        "Handling: Lolland indkalder klyngerne, frist 15/12\n"
        "• *Opgave:* <@U0JENS> skriver notatet\n"
    )
    assert [type(r) for r in result.records] == [Decision, Action, Action]


def test_keyword_decorations_are_ignored() -> None:
    for line in (
        "• *Beslutning:* godkendt",
        "- beslutning: godkendt",
        ":memo: *BESLUTNING*: godkendt",
        "*Beslutning*: godkendt",
        "> Beslutning: godkendt",
        "Item 2: Decision: godkendt",
    ):
        [record] = parse(line).records
        assert isinstance(record, Decision) and record.text == "godkendt", line


def test_owner_and_deadline_on_following_lines() -> None:
    [action] = parse(
        "Handling: skriv notatet\nAnsvarlig: <@U0ANNE>, Køge\nFrist: ultimo januar"
    ).records
    assert isinstance(action, Action)
    assert owners(action) == ["U0ANNE", "Køge"]
    assert action.due == date(2027, 1, 29)


def test_user_group_owner() -> None:
    [action] = parse("Action: <!subteam^S0DIR|@direktører> review the plan by 14 January").records
    assert owners(action) == ["S0DIR"]  # type: ignore[arg-type]
    assert action.due == date(2027, 1, 14)  # type: ignore[union-attr]


def test_english_owner_before_to() -> None:
    [action] = parse("ACTION: Anna and Tom to draft the letter, due 2027-01-10").records
    assert owners(action) == ["Anna", "Tom"]  # type: ignore[arg-type]
    assert action.text == "draft the letter"  # type: ignore[union-attr]


def test_slack_markup_is_read_and_escaped_back() -> None:
    [decision] = parse("Beslutning: <!channel> se <https://rs17.dk|rs17.dk> &amp; svar").records
    assert decision.text == "@channel se rs17.dk & svar"  # type: ignore[union-attr]
    assert mrkdwn("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; <@U1>"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_parsing_never_raises(text: str) -> None:
    parse(text)


FRAGMENTS = [
    "Beslutning:",
    "Handling: ",
    "frist ",
    "31/2",
    "15/12",
    " kl. 9-12",
    "<@U1>",
    "&amp;",
    "\n",
    "• *",
    "Næste møde: ",
    "uge 53",
    " og ",
    "Lolland",
    "x" * 50,
]


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60))
def test_parsing_never_raises_on_messages_of_slacks_full_length(parts: list[str]) -> None:
    piece = "".join(parts)
    text = (piece * (40_000 // len(piece) + 1))[:40_000]
    parse(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_normalizing_twice_changes_nothing(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_escaped_text_never_carries_markup(text: str) -> None:
    shown = mrkdwn(to_plain(normalize(text)))
    assert "<!" not in shown.replace("<!subteam^", "")


@pytest.mark.parametrize(
    ("message", "kind", "text"),
    [
        (
            "🎉 Beslutning: Styregruppen godkender budgettet",
            "decision",
            "Styregruppen godkender budgettet",
        ),
        ("✅ Handling: RS17 sender referatet", "action", "RS17 sender referatet"),
        ("👉🏽 Decision: Extend the agreement", "decision", "Extend the agreement"),
        (
            "Beslutning: Lanceringen er godkendt :rocket:",
            "decision",
            "Lanceringen er godkendt :rocket:",
        ),
        ("Beslutning: Det er *vigtigt*", "decision", "Det er *vigtigt*"),
        ("*Beslutning:* Budgettet godkendes*", "decision", "Budgettet godkendes"),
    ],
)
def test_emoji_and_markup_around_keywords_and_text(message: str, kind: str, text: str) -> None:
    [record] = parse_message(message, today=TODAY).records
    assert (record.kind, record.text) == (kind, text)


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("Handling: RS17 sender udkast inden jul", "inden jul"),
        ("Handling: RS17 sender udkast senest efter sommerferien", "senest efter sommerferien"),
        ("Handling: Lolland holder sig inden for rammerne", None),
        ("Action: Ann sends the draft before Christmas", "before Christmas"),
        ("Handling: send bilag, frist snart", "frist snart"),
    ],
)
def test_a_time_that_is_not_a_date_is_reported(message: str, said: str | None) -> None:
    result = parse_message(message, today=TODAY)
    [action] = result.records
    assert action.due is None
    details = [w.detail for w in result.warnings if w.code == "unreadable_date"]
    if said is None:
        assert details == []
    else:
        assert details == [said]

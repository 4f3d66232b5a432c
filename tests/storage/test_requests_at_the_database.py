"""The work each request does in the database, on SQLite and on PostgreSQL: full-text
search that stems, lists cut by the database, indexes for every lookup, and first
contact with a new channel that tolerates a concurrent twin."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text, update

from bot.clock import fixed_clock
from bot.deps import Deps, Scope
from bot.render import Renderer
from bot.services import calendar, commands, digest, home, importing, referat
from bot.services.answers import CommandInput
from bot.services.recording import Incoming, record_message
from storage import channels, lists, members, runs
from storage.directory import people_of_channel
from storage.models import Action, Record
from storage.session import SessionFactory
from tests.conftest import FIXTURES

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
SCOPE = Scope("T1", "C1")
SEED_2025 = FIXTURES / "seeds" / "001_46fb85d102563d28.txt"


@pytest.fixture
def deps(sessions: SessionFactory) -> Deps:
    return Deps(sessions=sessions, clock=fixed_clock(NOW), renderer=Renderer())


def ask(deps: Deps, text: str, scope: Scope = SCOPE) -> str:
    return commands.run(deps, CommandInput(scope, "U1", text)).reply.text


def say(deps: Deps, text: str, ts: str, scope: Scope = SCOPE, edited: str | None = None) -> None:
    message = Incoming(scope.team_id, scope.channel_id, ts, "U1", text, version=edited)
    record_message(deps, message)


# --- search -------------------------------------------------------------------------


def test_search_stems_danish_and_ranks_the_best_match_first(deps: Deps) -> None:
    importing.store(deps, SCOPE, SEED_2025.read_text(encoding="utf-8"), "U1")
    answer = commands.ask(
        deps, CommandInput(SCOPE, "U1", "hvad besluttede vi om sikrede institutioner?")
    ).reply.text
    assert "det sikrede område" in answer  # "sikrede" and "sikrede" share the stem "sikr"
    say(
        deps,
        "Beslutning: Rammeaftalen forlænges for sikrede institutioner i Region Sjælland",
        "1.1",
    )
    say(deps, "Beslutning: Budgettet for rammeaftalerne godkendes", "1.2")
    ranked = ask(deps, "beslutninger sikrede institutioner")
    lines = [line for line in ranked.splitlines() if line.startswith("•")]
    assert "sikrede institutioner i Region Sjælland" in lines[0]  # both words beat one word
    plural = ask(deps, "beslutninger rammeaftale")
    assert "Rammeaftalen forlænges" in plural and "rammeaftalerne godkendes" in plural
    only_stop_words = ask(deps, "beslutninger om og den")
    assert only_stop_words.startswith("*Beslutninger* (")  # as without words: all, newest first


def test_search_stems_english(deps: Deps) -> None:
    ask(deps, "language en")
    say(deps, "Decision: The framework agreements are extended to 2028", "2.1")
    say(deps, "Decision: Budget approved", "2.2")
    answer = ask(deps, "decisions agreement extending")
    assert "framework agreements are extended" in answer and "Budget" not in answer


def test_search_sees_edits_and_retractions(deps: Deps) -> None:
    say(deps, "Beslutning: Høringssvaret sendes til ministeriet", "3.1")
    say(deps, "Beslutning: Høringssvaret sendes til regionen", "3.1", edited="3.5")  # an edit
    answer = ask(deps, "beslutninger regionen")
    assert "sendes til regionen" in answer
    assert "Ingen beslutninger" in ask(deps, "beslutninger ministeriet")


def test_a_word_finds_its_inflections(deps: Deps) -> None:
    say(deps, "Beslutning: Styregruppen godkender budgettet for 2027", "3.2")
    say(deps, "Beslutning: Budgetterne for klyngerne fremlægges", "3.3")
    answer = ask(
        deps, "beslutninger budget"
    )  # Snowball: "budget" -> "budg", "budgettet" -> "budget"
    assert "godkender budgettet" in answer and "Budgetterne" in answer


def test_a_full_page_of_matches_keeps_the_ranking(deps: Deps) -> None:
    """More matches than a page: those matching every word first, then the newest of the
    rest, as when every match is ranked (one, two and three words)."""
    lines = [f"Beslutning: Budgettet for klynge {i} godkendes" for i in range(40)]
    lines[5] = "Beslutning: Budgettet for klynge 5 og rammeaftalen godkendes"
    lines[7] = "Beslutning: Budgettet for klynge 7 og rammeaftalen og kommunerne godkendes"
    say(deps, "\n".join(lines), "4.5")
    for words, first in (
        ("budget", ["klynge 39 ", "klynge 38 "]),
        ("budget rammeaftale", ["klynge 7 ", "klynge 5 ", "klynge 39 "]),
        ("budget rammeaftale kommunerne", ["klynge 7 ", "klynge 5 ", "klynge 39 "]),
    ):
        answer = ask(deps, f"beslutninger {words}")
        shown = [line for line in answer.splitlines() if line.startswith("•")]
        assert "(40" in answer and len(shown) == 30, answer
        for line, expected in zip(shown, first, strict=False):
            assert expected in line, (words, shown[:4])


def test_search_never_crosses_channels(deps: Deps) -> None:
    say(deps, "Beslutning: HEMMELIG aftale om sikrede pladser", "4.1", Scope("T1", "C2"))
    assert "HEMMELIG" not in ask(deps, "beslutninger sikrede hemmelig")


# --- lists are cut by the database ------------------------------------------------------


@pytest.fixture
def loaded_actions(deps: Deps) -> Iterator[list[int]]:
    loaded: list[int] = []

    def count(target: Any, _context: Any) -> None:
        loaded.append(1)

    event.listen(Action, "load", count)
    yield loaded
    event.remove(Action, "load", count)


def test_open_items_load_only_what_they_show(deps: Deps, loaded_actions: list[int]) -> None:
    lines = "\n".join(
        f"Handling: Lolland sender bilag {i}, frist {1 + i % 28}/12" for i in range(120)
    )
    say(deps, lines, "5.1")
    loaded_actions.clear()
    answer = ask(deps, "åbne")
    assert "(120, overskredne først)" in answer and "… og 90 flere" in answer
    assert len(loaded_actions) <= 30
    loaded_actions.clear()
    mine = ask(deps, "åbne Lolland")
    assert "(120, overskredne først)" in mine and len(loaded_actions) <= 30
    loaded_actions.clear()
    view = home.home_view(deps, "T1", "U1")
    assert len(loaded_actions) <= 40 and view["type"] == "home"


def test_app_home_lists_the_first_forty_by_deadline_and_counts_the_rest(deps: Deps) -> None:
    lines = "\n".join(
        f"Handling: <@U1> sender bilag {i}, frist {1 + (i * 7) % 28}/12" for i in range(45)
    )
    say(deps, lines, "5.2")
    say(deps, "Handling: <@U1> sender bilag uden frist", "5.3")
    with deps.unit(SCOPE) as unit:
        members.replace_members(unit.session, "T1", "C1", ["U1"], NOW)
    view = home.home_view(deps, "T1", "U1")
    texts = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]
    listed = [t for t in texts if "sender bilag" in t]
    assert len(listed) == 40 and "uden frist" not in "\n".join(listed)
    days = [int(t.split("frist ")[1].split(". ")[0].split()[-1]) for t in listed]
    assert days == sorted(days)  # by deadline
    assert any("… og 6 flere" in t for t in texts)  # 46 open, 40 shown


def test_a_long_list_is_counted_only_so_far_and_says_so(deps: Deps) -> None:
    lines = "\n".join(
        f"Handling: <@U1> sender bilag {i}, frist {1 + i % 28}/12" for i in range(150)
    )
    say(deps, lines, "5.4")
    with deps.unit(SCOPE) as unit:
        members.replace_members(unit.session, "T1", "C1", ["U1"], NOW)
        page, total = lists.open_actions(
            unit.session, "T1", [lists.in_channel("C1")], 10, count_beyond=20
        )
        assert (len(page), total) == (10, 31)  # counting stopped one past the bound
        assert lists.more_than_counted(total, 10, 20)
        page, total = lists.open_actions(
            unit.session, "T1", [lists.in_channel("C1")], 10, count_beyond=200
        )
        assert total == 150 and not lists.more_than_counted(total, 10, 200)
    # App Home counts 100 beyond its 40 (110 more here) and says "over 100"
    view = home.home_view(deps, "T1", "U1")
    texts = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]
    assert any("… og over 100 flere" in t for t in texts)
    # a channel's own list counts 1,000 beyond: 150 is exact
    assert "(150, overskredne først)" in ask(deps, "åbne")


def test_a_search_counts_a_hundred_past_its_page_and_says_so(deps: Deps) -> None:
    say(deps, "\n".join(f"Beslutning: Budget nr. {i} godkendes" for i in range(140)), "5.5")
    answer = ask(deps, "beslutninger budget")
    assert "… og over 100 flere" in answer and "(over " in answer
    every = ask(deps, "beslutninger")  # the list of all decisions counts on: 140 is exact
    assert "(140, nyeste først)" in every and "over" not in every


def test_a_one_word_search_shows_the_undated_last_on_both_databases(deps: Deps) -> None:
    say(deps, "Beslutning: Budget A godkendes", "5.6")
    say(deps, "Beslutning: Budget B godkendes", "5.7")
    say(deps, "Beslutning: Budget C godkendes", "5.8")
    with deps.unit(SCOPE) as unit:  # B as from minutes that did not say when they were held
        unit.session.execute(
            update(Record).where(Record.text.like("%Budget B%")).values(decided_on=None)
        )
        unit.session.execute(
            update(Record)
            .where(Record.text.like("%Budget A%"))
            .values(decided_on=date(2026, 11, 30))
        )
    answer = ask(deps, "beslutninger budget")
    order = [line.split("Budget ")[1][0] for line in answer.splitlines() if "Budget " in line]
    assert order == ["A", "C", "B"]  # the newest day first, the one without a day last


# --- every lookup a request makes has an index -----------------------------------------

GROWING = ("records", "action_owners", "meetings", "agenda_items", "source_messages")


def test_no_request_scans_a_growing_table(deps: Deps, sessions: SessionFactory) -> None:
    importing.store(deps, SCOPE, SEED_2025.read_text(encoding="utf-8"), "U1")
    say(deps, "Handling: <@U2> sender udkast, frist fredag\nBeslutning: Godkendt", "6.1")
    ask(deps, "ansvarlig Lolland = <@U1>")
    engine = sessions.kw["bind"]
    seen: list[tuple[str, Any]] = []

    def capture(
        conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool
    ) -> None:
        if statement.lstrip().upper().startswith("SELECT") and not many:
            seen.append((statement, params))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        for question in (
            "næste-møde",
            "åbne",
            "åbne mig",
            "åbne Lolland",
            "åbne overskredne",
            "beslutninger",
            "beslutninger sikrede",
            "dagsorden",
            "kalender",
            "eksport referat",
            "eksport referat 6/2-2026",
        ):
            ask(deps, question)
        home.home_view(deps, "T1", "U1")
        home.unread_channels_of(deps, "T1", "U1", 20)  # read after the tab is published
        # the worker: digests (many channels at once), their runs, member lists
        digest.digests_for(deps, "T1", ["C1", "C2"], deps.default_prefs, NOW)
        with deps.unit(SCOPE) as unit:
            runs.finished(unit.session, "digest", [("T1", "C1", "C1", "2026-W48")])
            members.stale_everywhere(unit.session, NOW, 50)
        # what is built after the answer, and the calendar feed's GET
        secret = ask(deps, "kalender").split("/calendar/")[1].split(".ics")[0]
        assert calendar.feed(deps, f"/calendar/{secret}.ics") is not None
        assert referat.files(deps, SCOPE, "6/2-2026")
        with deps.unit(SCOPE) as unit:
            people_of_channel(unit.session, "T1", "C1")
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert len(seen) > 10
    scans = []
    with engine.connect() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            connection.exec_driver_sql("SET enable_seqscan = off")
        for statement, params in seen:
            prefix = "EXPLAIN " if postgres else "EXPLAIN QUERY PLAN "
            plan = connection.exec_driver_sql(prefix + statement, params).all()
            for row in plan:
                line = str(row[-1] if not postgres else row[0])
                for table in GROWING:
                    if (postgres and f"Seq Scan on {table}" in line) or (
                        not postgres and re.match(rf"SCAN {table}\b", line) and "USING" not in line
                    ):
                        scans.append((table, line, statement[:300]))
    assert scans == []


def test_a_message_reads_the_owner_names_only_when_its_text_needs_them(
    deps: Deps, sessions: SessionFactory
) -> None:
    ask(deps, "ansvarlig Bo = <@U1>")
    engine = sessions.kw["bind"]
    seen: list[str] = []

    def capture(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", capture)
    try:
        say(deps, "Handling: <@U2> sender udkast, frist fredag\nBeslutning: Godkendt", "7.1")
        mentions_only = list(seen)
        seen.clear()
        say(deps, "Handling: Bo sender budgettet, frist fredag", "7.2")
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert not [s for s in mentions_only if "owner_aliases" in s]
    assert [s for s in seen if "owner_aliases" in s]
    mine = ask(deps, "åbne mig")  # the name was read as Bo, whom the alias makes U1
    assert "sender budgettet" in mine and "sender udkast" not in mine


# --- first contact ---------------------------------------------------------------------


def test_a_new_channel_met_by_many_requests_at_once(sessions: SessionFactory) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def meet(i: int) -> None:
        try:
            start.wait()
            with sessions() as session, session.begin():
                channels.ensure(session, "T9", "C9", NOW)
                channels.set_reminders(session, "T9", f"U{i % 2}", True, NOW)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=meet, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sessions() as session:
        count = session.execute(text("SELECT count(*) FROM channels WHERE channel_id = 'C9'"))
        assert count.scalar() == 1


def test_fixture_seed_is_present() -> None:
    assert Path(SEED_2025).is_file()


# --- bad input gets the usage answer on both databases ------------------------------------


@pytest.mark.parametrize(
    "text", ["udført 99999999999", "udført ²", "annullér 99999999999", "genåbn #x", "udført \x00"]
)
def test_ids_that_are_not_ids_get_the_usage_answer(deps: Deps, text: str) -> None:
    answer = ask(deps, text)
    assert "Skriv nummeret" in answer


def test_nul_and_control_characters_are_taken_out(deps: Deps) -> None:
    say(deps, "Beslutning: Budget\x00tet godkendes\x07", "7.1")
    answer = ask(deps, "beslutninger budgettet")
    assert "Budgettet godkendes" in answer
    assert "Ingen" not in ask(deps, "dagsorden tilføj Punkt\x00 om NUL")


def test_stems_are_the_same_from_many_threads_at_once() -> None:
    """A worker's threads stem records and queries at the same time: each gets the stems a
    lone call gives (a Snowball stemmer holds the word it works on, so none is shared)."""
    from concurrent.futures import ThreadPoolExecutor

    import snowballstemmer

    from storage.search import stems

    texts = [
        f"Styregruppen godkendte rammeaftalen {n} og drøftede de sikrede institutioner"
        for n in range(300)
    ]
    alone = snowballstemmer.stemmer("danish")
    expected = [[str(s) for s in alone.stemWords(t.casefold().split())] for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda t: stems(t, "da"), texts * 4))
    assert got == expected * 4

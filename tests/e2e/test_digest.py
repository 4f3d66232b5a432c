"""Digests, reminders and meeting notices: content (golden files), exactly once, catch-up,
rate limits and Block Kit limits. The clock is injected; Slack is the local stand-in."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from slack_sdk import WebClient

from bot.app import make_client
from bot.clock import fixed_clock
from bot.deps import Deps
from bot.scheduler import Scheduler
from bot.services import digest
from storage.models import ScheduledRun
from storage.session import make_engine, upgrade
from tests.conftest import SEED_HELD, fresh_database_url
from tests.e2e.test_recording import EXAMPLES
from tests.fakes.harness import CHANNEL, USER, Harness

CPH = ZoneInfo("Europe/Copenhagen")
MONDAY_0800 = datetime(2026, 11, 30, 8, 0, tzinfo=CPH)
GOLDEN = Path(__file__).parent / "golden"


def _record_week(bot: Harness) -> None:
    for message in EXAMPLES:
        bot.message(message)
    bot.message("Handling: Køge sender status, frist 20/11-2026")  # overdue next Monday
    bot.message("Beslutning: <!channel> stemmer om &lt;b&gt;alt&lt;/b&gt;")  # stays harmless
    bot.command("udført 3")  # the RS17 action: closed this week


def _scheduler(bot: Harness, now: datetime, **kwargs: object) -> Scheduler:
    bot.standin.clock = now.timestamp  # Slack's clock and the scheduler's agree
    deps = Deps(
        sessions=bot.deps.sessions,
        clock=fixed_clock(now),
        renderer=bot.deps.renderer,
        default_language=bot.deps.default_language,
        default_timezone=bot.deps.default_timezone,
    )
    client = make_client(bot.settings, "xoxb-test")
    return Scheduler(deps, lambda _team: client, sleep=lambda _s: None, **kwargs)  # type: ignore[arg-type]


def _digests(bot: Harness, channel: str = CHANNEL) -> list[str]:
    return [
        c.args["text"]
        for c in bot.standin.calls_to("chat.postMessage")
        if c.args["channel"] == channel
        and "metadata" in c.args
        and c.result.get("ok")
        and ("overblik" in c.args["text"] or "digest" in c.args["text"])
    ]


@pytest.mark.parametrize("language", ["da", "en"])
def test_digest_content_matches_the_golden_file(
    request: pytest.FixtureRequest, language: str
) -> None:
    harness: Harness = request.getfixturevalue("bot" if language == "da" else "bot_en")
    _record_week(harness)
    report = _scheduler(harness, MONDAY_0800).run_once()
    assert report.posted == [f"digest:T0LOCAL:{CHANNEL}:2026-W49"]
    [text] = _digests(harness)
    golden = GOLDEN / f"digest_{language}.txt"
    if os.environ.get("REFERAT_WRITE_GOLDEN"):
        golden.write_text(text + "\n", encoding="utf-8")
    assert text + "\n" == golden.read_text(encoding="utf-8")
    assert "<!channel>" not in text and "&lt;b&gt;" in text


def test_an_empty_week_posts_nothing(bot: Harness) -> None:
    bot.command("sprog da")  # the channel exists, nothing recorded
    report = _scheduler(bot, MONDAY_0800).run_once()
    assert report.posted == [] and report.empty == [f"digest:T0LOCAL:{CHANNEL}:2026-W49"]
    assert bot.standin.calls_to("chat.postMessage") == []


def test_nothing_before_the_hour_and_once_after(bot: Harness) -> None:
    _record_week(bot)
    before = len(bot.standin.calls_to("chat.postMessage"))
    assert _scheduler(bot, MONDAY_0800 - timedelta(minutes=1)).run_once().posted == []
    for minutes in (0, 1, 30, 600):
        _scheduler(bot, MONDAY_0800 + timedelta(minutes=minutes)).run_once()
    assert len(_digests(bot)) == 1
    assert len(bot.standin.calls_to("chat.postMessage")) == before + 1


def test_catch_up_inside_and_outside_the_one_day_window(bot: Harness) -> None:
    _record_week(bot)
    late = _scheduler(bot, MONDAY_0800 + timedelta(hours=23)).run_once()
    assert late.posted == [f"digest:T0LOCAL:{CHANNEL}:2026-W49"]
    too_late = _scheduler(bot, MONDAY_0800 + timedelta(days=8, hours=1)).run_once()
    assert too_late.skipped == [f"digest:T0LOCAL:{CHANNEL}:2026-W50"]
    assert _scheduler(bot, MONDAY_0800 + timedelta(days=8, hours=2)).run_once().skipped == []
    assert len(_digests(bot)) == 1


def test_a_crash_between_posting_and_recording_does_not_post_twice(bot: Harness) -> None:
    _record_week(bot)

    def crash(_run: int) -> None:
        raise SystemExit("worker killed after posting")

    with pytest.raises(SystemExit):
        _scheduler(bot, MONDAY_0800, after_post=crash).run_once()
    # restart, claim still there: too fresh to take over
    assert _scheduler(bot, MONDAY_0800 + timedelta(minutes=1)).run_once().posted == []
    # later the stale claim is taken over; the message is found in the channel history
    _scheduler(bot, MONDAY_0800 + timedelta(minutes=10)).run_once()
    assert len(_digests(bot)) == 1
    with bot.deps.sessions() as session:
        run = session.query(ScheduledRun).filter_by(kind="digest").one()
        assert run.status == "posted" and run.message_ts


def test_a_crash_before_posting_posts_on_restart(bot: Harness) -> None:
    _record_week(bot)
    bot.standin.fail_next("chat.postMessage", status=500, error="internal_error", retry_after=None)
    _scheduler(bot, MONDAY_0800).run_once()
    assert _digests(bot) == []
    _scheduler(bot, MONDAY_0800 + timedelta(minutes=1)).run_once()
    assert len(_digests(bot)) == 1


def test_rate_limited_by_slack_waits_and_goes_on(bot: Harness) -> None:
    _record_week(bot)
    bot.standin.fail_next("chat.postMessage", status=429, retry_after=1)
    report = _scheduler(bot, MONDAY_0800).run_once()
    assert report.posted and len(_digests(bot)) == 1
    statuses = [c.result.get("error") for c in bot.standin.calls_to("chat.postMessage")[-2:]]
    assert statuses == ["ratelimited", None]


def test_posts_to_one_channel_are_paced(bot: Harness) -> None:
    waits: list[float] = []
    deps = bot.deps
    scheduler = Scheduler(
        deps, lambda _t: WebClient(token="xoxb-test", base_url=bot.standin.url), sleep=waits.append
    )
    scheduler._pace("C1")
    scheduler._pace("C1")
    scheduler._pace("C2")
    assert len(waits) == 1 and 0.9 < waits[0] <= 1.0


def test_digest_with_500_open_items_stays_in_limits(bot: Harness) -> None:
    bot.message("\n".join(f"Handling: Lolland gør ting {i}, frist 27/11" for i in range(500)))
    _scheduler(bot, MONDAY_0800).run_once()
    [digest] = [
        c
        for c in bot.standin.calls_to("chat.postMessage")
        if "referat_run" in str(c.args.get("metadata"))  # not the thread replies
    ]
    assert digest.result["ok"] and len(digest.args["blocks"]) <= 50
    shown = "\n".join(b["text"]["text"] for b in digest.args["blocks"] if b["type"] == "section")
    assert "460 andre åbne handlinger er ikke vist her" in shown


def test_reminders_the_working_day_before_and_after(bot: Harness) -> None:
    bot.message("Handling: <@U0ANNE> sender budget, frist tirsdag")  # Tuesday 24 Nov
    bot.message("Handling: Lolland laver plan, frist 1/12")  # Tuesday 1 Dec
    bot.command("ansvarlig Lolland = <@U0BO|bo>")
    bot.command("påmindelser fra", user="U0CARL")
    bot.message("Handling: <@U0CARL> gør noget, frist 1/12")
    monday = datetime(2026, 11, 30, 8, 5, tzinfo=CPH)  # the working day before 1/12
    _scheduler(bot, monday).run_once()
    _scheduler(bot, monday + timedelta(hours=2)).run_once()  # again: nothing new
    dms = {
        c.args["channel"]: c
        for c in bot.standin.calls_to("chat.postMessage")
        if c.args["channel"].startswith("D")
    }
    assert set(dms) == {"D0BO"}  # Anne's deadline was last week; Carl said no
    bo = dms["D0BO"]
    assert "frist tirsdag 1. december 2026" in bo.args["text"]
    labels = [
        e["text"]["text"]
        for b in bo.args["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    ]
    assert labels == ["Udført #2"]
    wednesday = datetime(2026, 11, 25, 8, 5, tzinfo=CPH)  # first working day after 24/11
    _scheduler(bot, wednesday).run_once()
    anne = [c for c in bot.standin.calls_to("chat.postMessage") if c.args["channel"] == "D0ANNE"]
    assert len(anne) == 1 and "overskredet med 1 dag" in anne[0].args["text"]


def test_meeting_notice_the_working_day_before(bot: Harness) -> None:
    bot.command("møde 7/12-2026 kl. 9-12 Ringsted")  # a Monday
    bot.message("Dagsorden: Budget 2027")
    bot.message("Handling: Køge sender bilag, frist 4/12")
    friday = datetime(2026, 12, 4, 8, 1, tzinfo=CPH)
    _scheduler(bot, friday).run_once()
    _scheduler(bot, friday + timedelta(hours=1)).run_once()
    notices = [
        c for c in bot.standin.calls_to("chat.postMessage") if "Møde om 3 dage" in c.args["text"]
    ]
    assert len(notices) == 1
    assert "mandag 7. december 2026 kl. 9–12, Ringsted" in notices[0].args["text"]
    assert "Budget 2027" in notices[0].args["text"] and "sender bilag" in notices[0].args["text"]


def test_digest_command_settings(bot: Harness) -> None:
    assert "postes hver mandag kl. 8.00" in bot.command("overblik")["text"]
    assert (
        "Gemt. Ugens overblik postes hver fredag kl. 14.30"
        in bot.command("overblik fredag 14:30")["text"]
    )
    assert "slået fra" in bot.command("overblik fra")["text"]
    assert "Skriv fx `/referat overblik vis`" in bot.command("overblik snart")["text"]
    assert "intet at sige" in bot.command("overblik vis")["text"]
    _record_week(bot)
    preview = bot.command("overblik vis")
    assert preview["response_type"] == "ephemeral" and "Ugens overblik" in preview["text"]
    now = bot.command("overblik nu")
    assert now["response_type"] == "in_channel"


@pytest.fixture
def postgres_bot(tmp_path: Path) -> Iterator[Harness]:
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("TEST_DATABASE_URL is not set: the PostgreSQL exactly-once test is skipped")
    url = fresh_database_url("postgres", tmp_path)
    engine = make_engine(url)
    upgrade(engine)  # on PostgreSQL migrations are the release step, not automatic
    engine.dispose()
    harness = Harness.start(url, now=datetime(2026, 11, 23, 9, 0, tzinfo=CPH))
    yield harness
    harness.stop()


def test_exactly_once_with_two_workers_on_postgresql(postgres_bot: Harness) -> None:
    bot = postgres_bot
    channels = [f"C0CH{i:03d}" for i in range(25)]
    for channel in channels:
        bot.message(
            "Beslutning: noget vigtigt\nHandling: Køge gør det, frist 1/12", channel=channel
        )
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def worker() -> None:
        scheduler = _scheduler(bot, MONDAY_0800)
        barrier.wait()
        try:
            for _ in range(3):
                scheduler.run_once()
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    for channel in channels:
        assert len(_digests(bot, channel)) == 1, channel


def test_digest_preview_on_the_command_line(tmp_path: Path, shared: Path) -> None:
    """With the seeds imported and the examples recorded, Monday 30 November 08:00."""
    import subprocess
    import sys

    from bot.deps import Scope
    from bot.services import importing
    from tests.conftest import ROOT

    db = tmp_path / "week.db"
    bot = Harness.start(f"sqlite:///{db}", now=datetime(2026, 11, 23, 9, 0, tzinfo=CPH))
    try:
        for seed in ("000_3146f477be03d33b", "001_46fb85d102563d28"):
            importing.store(
                bot.deps,
                Scope("T0LOCAL", CHANNEL),
                (shared / "seeds" / f"{seed}.txt").read_text(),
                USER,
                held=SEED_HELD.get(seed),
            )
        for message in EXAMPLES:
            bot.message(message)
    finally:
        bot.stop()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "REFERAT_NOW": "2026-11-30T08:00"}
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "digest", "--channel", CHANNEL, "--preview"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Ugens overblik · mandag 30. november 2026")
    assert "Beslutninger de sidste 7 dage (3):" in out  # the imported minutes are older
    assert (
        "sender udkast til høring · frist fredag 27. november 2026 — overskredet med 3 dage" in out
    )
    assert "Næste møde: torsdag 14. januar 2027 kl. 10–12, Town Hall room 2 (om 45 dage)" in out
    assert "Slagelse og Køge" in out and "Temadrøftelse om hjemløseområdet" in out


def test_reminders_and_notices_skip_danish_holidays(bot: Harness) -> None:
    bot.message("Handling: <@U0ANNE> sender budget, frist 30/3-2027")  # Tuesday after Easter
    bot.command("møde 7/5-2027 kl. 9-12 Ringsted")  # the Friday after Ascension Day

    def dms() -> list[str]:
        return [
            c.args["text"]
            for c in bot.standin.calls_to("chat.postMessage")
            if c.args["channel"] == "D0ANNE"
        ]

    easter_monday = datetime(2027, 3, 29, 8, 5, tzinfo=CPH)
    _scheduler(bot, easter_monday).run_once()
    assert dms() == []  # no reminder on a holiday
    wednesday = datetime(2027, 3, 24, 8, 5, tzinfo=CPH)  # last working day before 30/3
    _scheduler(bot, wednesday).run_once()
    assert len(dms()) == 1 and "tirsdag 30. marts 2027" in dms()[0]

    def notices() -> list[str]:
        return [
            c.args["text"]
            for c in bot.standin.calls_to("chat.postMessage")
            if c.args["text"].startswith("*Møde om 2 dage:*") and c.args["channel"] == CHANNEL
        ]

    _scheduler(bot, datetime(2027, 5, 6, 8, 5, tzinfo=CPH)).run_once()  # Ascension Day
    assert notices() == []
    _scheduler(bot, datetime(2027, 5, 5, 8, 5, tzinfo=CPH)).run_once()
    assert len(notices()) == 1 and "fredag 7. maj 2027" in notices()[0]


def test_a_reminder_with_many_actions_loads_and_lists_thirty(bot: Harness) -> None:
    from sqlalchemy import event

    from storage.models import Action

    lines = "\n".join(f"Handling: <@U0ANNE> sender bilag {i}, frist 24/11" for i in range(45))
    bot.message(lines)
    loaded: list[int] = []

    def count(target: object, _context: object) -> None:
        loaded.append(1)

    scheduler = _scheduler(bot, datetime(2026, 11, 23, 8, 5, tzinfo=CPH))
    event.listen(Action, "load", count)
    try:
        [reminder] = digest.build_reminders(
            scheduler.deps,
            "T0LOCAL",
            scheduler.deps.now(),
            scheduler.deps.default_prefs,
            scheduler.client_for("T0LOCAL"),
        )
    finally:
        event.remove(Action, "load", count)
    assert "du har 45 handlinger" in reminder.reply.text
    assert "… og 15 flere" in reminder.reply.text
    assert len(loaded) <= 30  # the other 15 are counted, not loaded

"""Issue 12, point 7: questions in the members' own words and subcommands typed without
æøå, over HTTP against the seeded channel of tests/e2e/test_asking.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_asking import da, en  # noqa: F401  (fixtures)
from tests.fakes.harness import CHANNEL, USER, Harness


def ask(bot: Harness, question: str) -> str:
    ts = bot.next_ts()
    bot.event(
        {
            "type": "app_mention",
            "text": f"<@U0REFERAT> {question}",
            "user": USER,
            "ts": ts,
            "channel": CHANNEL,
            "event_ts": ts,
        }
    )
    reply = bot.posts()[-1]
    assert reply.args["thread_ts"] == ts
    return str(reply.args["text"])


ISSUE_QUESTIONS = [
    ("hvad har <@U0JENS> af opgaver?", "sender udkast til høring"),
    ("hvad skal Lolland?", "indkalde sundhedsklyngerne"),
    ("hvad mangler vi?", "sender udkast til høring"),
    ("hvem er ansvarlig for rammeaftalerne?", "4-årige rammeaftaler"),
    ("hvornaar er naeste mode?", "torsdag 14. januar 2027"),
    ("hvad er forsinket?", "sender status"),
    ("hvad skal vi drøfte på næste møde?", "Temadrøftelse om hjemløseområdet"),
]


@pytest.mark.parametrize(
    ("question", "answer"), ISSUE_QUESTIONS, ids=[q for q, _ in ISSUE_QUESTIONS]
)
def test_danish_questions_in_own_words(da: Harness, question: str, answer: str) -> None:  # noqa: F811
    text = ask(da, question)
    assert answer in text and "HEMMELIG" not in text


def test_hvem_er_ansvarlig_searches_by_words(da: Harness) -> None:  # noqa: F811
    text = ask(da, "hvem er ansvarlig for høringen?")
    assert 'Beslutninger om "høringen"' in text


def test_english_questions_in_own_words(en: Harness) -> None:  # noqa: F811
    assert "indkalde sundhedsklyngerne" in ask(en, "what's on Lolland's plate?")
    assert "sender status" in ask(en, "what is late?")
    assert "Decisions about" in ask(en, "what did we agree on framework agreements?")


def test_small_talk_is_still_answered(da: Harness) -> None:  # noqa: F811
    assert "Det spørgsmål kan jeg ikke svare på endnu" in ask(da, "tak for i dag")


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("abne", "sender udkast til høring"),
        ("aabne Lolland", "indkalde sundhedsklyngerne"),
        ("naeste-mode", "torsdag 14. januar 2027"),
        ("naestemode", "torsdag 14. januar 2027"),
        ("udfort 999999", "999999"),
        ("hjaelp", "/referat næste-møde"),
        ("paamindelser fra", ""),
    ],
)
def test_subcommands_without_æøå(da: Harness, typed: str, answer: str) -> None:  # noqa: F811
    text = da.command(typed)["text"]
    assert "kender ikke" not in text and answer in text

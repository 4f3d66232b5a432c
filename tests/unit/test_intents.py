"""Plain questions -> `/referat` commands: what members of a steering group really type,
in Danish and English, with and without æøå, in any word order."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.parsing.commands import SUBCOMMANDS, split_command
from bot.parsing.intents import closest, fold, intent_of
from bot.parsing.lexicon import da, en

DANISH = [
    # the next meeting
    ("hvornår er næste møde?", "next-meeting"),
    ("hvornaar er naeste moede", "next-meeting"),
    ("hvornar er naste mode", "next-meeting"),
    ("næste møde?", "next-meeting"),
    ("hvornår mødes vi igen?", "next-meeting"),
    ("hvornår ses vi?", "next-meeting"),
    ("hvor er mødet?", "next-meeting"),
    ("hvornår er mødet", "next-meeting"),
    ("Hvornår holder vi næste styregruppemøde?", "next-meeting"),
    ("er der fastsat et nyt møde?", "next-meeting"),
    ("hvornår er det næste møde i styregruppen", "next-meeting"),
    # all open items
    ("hvad mangler vi?", "open-items"),
    ("hvad er åbent?", "open-items"),
    ("hvad er abent", "open-items"),
    ("åbne opgaver", "open-items"),
    ("aabne opgaver?", "open-items"),
    ("hvilke opgaver er der?", "open-items"),
    ("hvad er udestående?", "open-items"),
    ("hvad mangler der at blive gjort?", "open-items"),
    ("er der nogen åbne handlinger?", "open-items"),
    ("hvad har vi af opgaver?", "open-items"),
    ("hvad skal vi lave?", "open-items"),
    ("vis de åbne punkter", "open-items"),
    # the asker's own
    ("hvad er mine opgaver?", "open-items me"),
    ("mine opgaver", "open-items me"),
    ("hvad skal jeg?", "open-items me"),
    ("hvad har jeg af opgaver?", "open-items me"),
    ("hvad er åbent for mig?", "open-items me"),
    ("har jeg nogen åbne handlinger?", "open-items me"),
    ("hvad mangler jeg at gøre", "open-items me"),
    # someone's, by mention or by name
    ("hvad mangler <@U0JENS>?", "open-items <@U0JENS>"),
    ("hvad har <@U0JENS> af opgaver?", "open-items <@U0JENS>"),
    ("åbne opgaver for <@U0JENS|jens>", "open-items <@U0JENS|jens>"),
    ("hvad har jens af opgaver?", "open-items jens"),
    ("hvad skal Lolland?", "open-items Lolland"),
    ("hvad skal Jens nå?", "open-items Jens"),
    ("what does Anne have to do?", "open-items Anne"),
    ("hvad er åbent for Lolland?", "open-items Lolland"),
    ("hvad er abent for Lolland", "open-items Lolland"),
    ("hvilke opgaver har Køge?", "open-items Køge"),
    ("har Roskilde nogen opgaver?", "open-items Roskilde"),
    ("opgaver for Region Sjælland", "open-items Region Sjælland"),
    ("hvad er Lollands opgaver?", "open-items Lolland"),
    ("Jens' opgaver?", "open-items Jens"),
    ("hvad mangler Køge at gøre?", "open-items Køge"),
    ("hvad ligger hos Slagelse?", "open-items Slagelse"),
    ("hvad står jens for?", "open-items jens"),
    ("hvad er Lolland ansvarlig for?", "open-items Lolland"),
    ("hvad har Slagelse lovet?", "open-items Slagelse"),
    ("hvad er status?", "open-items"),
    ("hvem mangler at levere?", "open-items"),
    ("hvad skal Region Sjælland lave?", "open-items Region Sjælland"),
    ("hvilke opgaver har jeg?", "open-items me"),
    ("hvad er der af deadlines?", "open-items"),
    ("hvornår er fristen?", "open-items"),
    # overdue
    ("hvad er overskredet?", "open-items overdue"),
    ("hvilke frister er overskredne?", "open-items overdue"),
    ("er der noget der er forsinket?", "open-items overdue"),
    ("hvad er for sent?", "open-items overdue"),
    ("hvem er bagud?", "open-items overdue"),
    ("hvad er ikke nået til tiden", "open-items overdue"),
    ("forfaldne opgaver", "open-items overdue"),
    # decisions
    ("hvad besluttede vi om rammeaftalen?", "decisions rammeaftalen"),
    ("hvad blev der besluttet om økonomien?", "decisions økonomien"),
    ("hvad er der besluttet vedrørende botilbud?", "decisions botilbud"),
    ("beslutninger om hjemløse", "decisions hjemløse"),
    ("hvilke beslutninger har vi truffet?", "decisions"),
    ("hvad har vi vedtaget?", "decisions"),
    ("hvad blev vi enige om angående budgettet?", "decisions budgettet"),
    ("beslutninger siden 1/11", "decisions siden 1/11"),
    ("hvad besluttede vi om sundhedsklynger siden 1/10?", "decisions sundhedsklynger siden 1/10"),
    ("hvad er aftalt om høringen?", "decisions høringen"),
    ("hvad sagde vi om budgettet?", "decisions budgettet"),
    ("hvad kom vi frem til om rammeaftalen?", "decisions rammeaftalen"),
    ("hvad besluttede vi på sidste møde?", "decisions"),
    # who is responsible: a search by words (decisions)
    ("hvem er ansvarlig for høringen?", "decisions høringen"),
    ("hvem er ansvarlig for hoeringen", "decisions hoeringen"),
    ("hvem er tovholder på rammeaftalen?", "decisions rammeaftalen"),
    ("hvem står for budgettet?", "decisions budgettet"),
    ("hvem har ansvaret?", "open-items"),
    # agenda
    ("hvad står på dagsordenen?", "agenda"),
    ("dagsorden", "agenda"),
    ("hvad skal vi drøfte på næste møde?", "agenda"),
    ("hvad er på dagsordenen til næste møde?", "agenda"),
    ("hvilke punkter er der til dagsordenen?", "agenda"),
    ("hvad er der på programmet næste gang?", "agenda"),
    ("hvilke sager skal vi behandle næste gang?", "agenda"),
    # help
    ("hjælp", "help"),
    ("hjaelp!", "help"),
    ("hvad kan du?", "help"),
    ("hvad kan du hjælpe med?", "help"),
    ("hvilke kommandoer er der?", "help"),
    ("", "help"),
]

ENGLISH = [
    # the next meeting
    ("when is the next meeting?", "next-meeting"),
    ("next meeting?", "next-meeting"),
    ("when do we meet next?", "next-meeting"),
    ("when do we meet again", "next-meeting"),
    ("where is the meeting?", "next-meeting"),
    ("when's the meeting", "next-meeting"),
    ("When is our next steering group meeting?", "next-meeting"),
    ("is there a date for the next meeting?", "next-meeting"),
    ("what time is the next meeting", "next-meeting"),
    # all open items
    ("what is open?", "open-items"),
    ("what's still open?", "open-items"),
    ("open items", "open-items"),
    ("open actions?", "open-items"),
    ("what is outstanding?", "open-items"),
    ("any pending tasks?", "open-items"),
    ("what tasks remain?", "open-items"),
    ("what is left to do?", "open-items"),
    ("what are we missing?", "open-items"),
    ("what's due?", "open-items"),
    ("show the open action items", "open-items"),
    # the asker's own
    ("what are my tasks?", "open-items me"),
    ("my actions", "open-items me"),
    ("what do I have to do?", "open-items me"),
    ("what is open for me?", "open-items me"),
    ("what's on my plate?", "open-items me"),
    ("do I have any open actions?", "open-items me"),
    ("what tasks are assigned to me?", "open-items me"),
    # someone's
    ("what does <@U0JENS> have to do?", "open-items <@U0JENS>"),
    ("open tasks for <@U0JENS|jens>", "open-items <@U0JENS|jens>"),
    ("what is open for Lolland?", "open-items Lolland"),
    ("what does Lolland have to do?", "open-items Lolland"),
    ("what's on Lolland's plate?", "open-items Lolland"),
    ("Lolland's tasks", "open-items Lolland"),
    ("anything outstanding for Køge?", "open-items Køge"),
    ("what tasks does Roskilde have?", "open-items Roskilde"),
    ("open actions for Region Zealand", "open-items Region Zealand"),
    ("what is jens working on?", "open-items jens"),
    ("what has Anna got to do?", "open-items Anna"),
    ("what is Køge supposed to do?", "open-items Køge"),
    ("what's Slagelse responsible for?", "open-items Slagelse"),
    ("what has Slagelse promised?", "open-items Slagelse"),
    ("what's still outstanding from last meeting?", "open-items"),
    ("what tasks does jens have?", "open-items jens"),
    ("what's outstanding for me?", "open-items me"),
    ("what are the deadlines?", "open-items"),
    # overdue
    ("what is overdue?", "open-items overdue"),
    ("what's late?", "open-items overdue"),
    ("which deadlines have we missed?", "open-items overdue"),
    ("is anything behind?", "open-items overdue"),
    ("what is past due", "open-items overdue"),
    ("overdue actions", "open-items overdue"),
    ("what has slipped?", "open-items overdue"),
    # decisions
    ("what did we decide about framework agreements?", "decisions framework agreements"),
    ("what did we decide on the budget?", "decisions budget"),
    ("decisions about homelessness", "decisions homelessness"),
    ("what decisions have we made?", "decisions"),
    ("what was decided regarding the hearing?", "decisions hearing"),
    ("what have we agreed on housing?", "decisions housing"),
    ("decisions since 1/11", "decisions since 1/11"),
    (
        "what did we decide about health clusters since 1 October?",
        "decisions health clusters since 1 October",
    ),
    ("what was approved?", "decisions"),
    ("what did we conclude on rates?", "decisions rates"),
    ("any decisions on the budget?", "decisions budget"),
    ("what did we say about the budget?", "decisions budget"),
    # who is responsible: a search by words
    ("who is responsible for the hearing?", "decisions hearing"),
    ("who's in charge of the budget?", "decisions budget"),
    ("who owns the consultation?", "decisions consultation"),
    ("who has open tasks?", "open-items"),
    # agenda
    ("what's on the agenda?", "agenda"),
    ("agenda", "agenda"),
    ("what will we discuss at the next meeting?", "agenda"),
    ("what topics are on the agenda for next meeting?", "agenda"),
    # help
    ("help", "help"),
    ("help!", "help"),
    ("what can you do?", "help"),
    ("which commands are there?", "help"),
    ("how do I use this?", "help"),
]

NOT_UNDERSTOOD = [
    "hvad bliver vejret?",
    "hvornår er der frokost?",
    "tak for i dag",
    "godmorgen",
    "what is the weather?",
    "thanks!",
    "good morning",
]


@pytest.mark.parametrize(("question", "command"), DANISH, ids=[q or "(empty)" for q, _ in DANISH])
def test_danish_questions(question: str, command: str) -> None:
    assert intent_of(f"<@U0REFERAT> {question}") == command


@pytest.mark.parametrize(("question", "command"), ENGLISH, ids=[q for q, _ in ENGLISH])
def test_english_questions(question: str, command: str) -> None:
    assert intent_of(f"<@U0REFERAT> {question}") == command


def test_the_tables_are_large_enough() -> None:
    assert len(DANISH) >= 50 and len(ENGLISH) >= 50


@pytest.mark.parametrize("question", NOT_UNDERSTOOD)
def test_small_talk_is_not_understood(question: str) -> None:
    assert intent_of(question) is None


def test_a_question_not_understood_gets_the_nearest_examples_in_the_channels_language() -> None:
    assert closest("hvornår er fristen?", "da")[0] == da.INTENT_EXAMPLES["open_items"]
    assert closest("hvornår", "da")[0] == da.INTENT_EXAMPLES["next_meeting"]
    assert closest("hvad bliver vejret?", "da") == [
        da.INTENT_EXAMPLES["next_meeting"],
        da.INTENT_EXAMPLES["open_items"],
    ]
    assert closest("hvad med punkterne til dagsordenen", "da")[0] == da.INTENT_EXAMPLES["agenda"]
    assert closest("what about the budget", "en") != closest("what about the budget", "da")
    assert len(closest("anything", "en")) == 2
    assert all(example not in da.INTENT_EXAMPLES.values() for example in closest("x", "en"))


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("abne", "open_items"),
        ("Åbne", "open_items"),
        ("naeste-mode", "next_meeting"),
        ("naeste-moede", "next_meeting"),
        ("næstemøde", "next_meeting"),
        ("mode", "meeting"),
        ("MØDE", "meeting"),
        ("udfort", "done"),
        ("udfoert", "done"),
        ("genabn", "reopen"),
        ("genaabn", "reopen"),
        ("paamindelser", "reminders"),
        ("pamindelser", "reminders"),
        ("importer", "import"),
        ("annuller", "retract"),
        ("hjaelp", "help"),
        ("eksportér", "export"),
        ("open-items", "open_items"),
    ],
)
def test_subcommands_with_or_without_æøå(typed: str, key: str) -> None:
    assert split_command(f"{typed} 3")[:2] == (key, typed)


def test_folding_keeps_subcommands_apart() -> None:
    folded: dict[str, str] = {}
    for key, names in SUBCOMMANDS.items():
        for name in names:
            assert folded.setdefault(fold(name), key) == key, name


def test_both_lexicons_have_cues_and_examples_for_the_same_intents() -> None:
    assert da.INTENT_CUES.keys() == en.INTENT_CUES.keys() == da.INTENT_EXAMPLES.keys()
    assert en.INTENT_EXAMPLES.keys() == da.INTENT_EXAMPLES.keys()
    assert da.INTENT_SLOTS.keys() == en.INTENT_SLOTS.keys()
    assert fold("Næste-Møde") == fold("naeste-moede") == fold("naste-mode")


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        (
            "da",
            "hvornår?",
            "Det spørgsmål kan jeg ikke svare på endnu. Mente du et af disse?\n"
            "• _hvornår er næste møde?_\n",
        ),
        (
            "en",
            "when?",
            "I can't answer that one yet. Did you mean one of these?\n"
            "• _when is the next meeting?_\n",
        ),
    ],
)
def test_the_unknown_answer_offers_the_nearest_questions(
    language: str, question: str, expected: str
) -> None:
    from bot.render import Renderer

    renderer = Renderer()
    text = renderer.render(language, "unknown_question", suggestions=closest(question, language))
    assert text.startswith(expected)
    assert text.count("• _") == 2
    assert text.splitlines()[-1] in (
        "Skriv `/referat hjælp` for at se alt, hvad jeg kan.",
        "Write `/referat help` to see everything I can do.",
    )
    # without suggestions (as asked before) it still says what it can do
    assert "/referat" in renderer.render(language, "unknown_question")


WORDS = st.sampled_from(
    [
        "hvad",
        "har",
        "jens",
        "af",
        "opgaver",
        "møde",
        "næste",
        "for",
        "Lolland",
        "om",
        "<@U0JENS>",
        "siden",
        "1/11",
        "who",
        "is",
        "open",
        "?",
        "hvem",
        "ansvarlig",
        "æøå",
        "'s",
        "-",
        "'",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS | st.text(max_size=8), max_size=12))
def test_reading_a_question_never_raises_and_gives_a_known_command(parts: list[str]) -> None:
    command = intent_of(" ".join(parts))
    known = ("next-meeting", "open-items", "decisions", "agenda", "help")
    assert command is None or command.split(" ")[0] in known


@given(st.text(max_size=20))
@example("aaa")
@example("ååå")
@example("oee")
def test_folding_twice_changes_nothing(word: str) -> None:
    assert fold(fold(word)) == fold(word)


@pytest.mark.parametrize(
    ("typed", "nearest"),
    [
        ("opne", "open"),
        ("beslutnigner", "beslutninger"),
        ("naeste-mode", None),  # a folded spelling is the command itself, not a typo
        ("næste-mød", "næste-møde"),
        ("frobnicate", None),
        ("x", None),
    ],
)
def test_the_nearest_command_to_a_typo(typed: str, nearest: str | None) -> None:
    from bot.parsing.commands import nearest_command, split_command

    if split_command(typed)[0] is not None:
        assert nearest is None  # known already: no suggestion asked for
        return
    assert nearest_command(typed) == nearest

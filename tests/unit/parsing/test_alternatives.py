"""The lexicon's cue lists searched by `Alternatives`: the same matches as the joined pattern,
on every line of the corpus and on made-up text built from the cues' own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.parsing.alternatives import Alternatives, needed_words
from bot.parsing.minutes.text import words_of

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LISTS = ["DECISION_CUES", "NOT_DECISION_CUES", "WEAK_DECISION_CUES", "BARE_RESULTS"]
JOINED = {name: re.compile("|".join(words_of(name)), re.IGNORECASE) for name in LISTS}
QUICK = {name: Alternatives(words_of(name), re.IGNORECASE) for name in LISTS}


def _span(match: re.Match[str] | None) -> tuple[int, int, str] | None:
    return (match.start(), match.end(), match.group()) if match else None


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bbesluttet\b", {"besluttet"}),
        (r"\b(?:godkender|beslutter)\s+at\b", {"godkender", "beslutter"}),
        (r"\b(?:was |were )?adopted\b", {"adopted"}),  # an optional part is not needed
        (r"\bvote[sd]?\b", {"vote"}),
        (r"(?:ja|nej)\s*:", None),  # too short to be worth a test
        (r"\s(?:[–-]\s*)?(?-i:OK)\.?$", None),
        (r"\bAGREED\b", {"agreed"}),  # case-folded, as the text is
    ],
)
def test_the_word_a_pattern_needs_is_read_off_the_pattern(
    pattern: str, words: set[str] | None
) -> None:
    assert needed_words(pattern, re.IGNORECASE) == (frozenset(words) if words else None)


@pytest.mark.parametrize("name", LISTS)
def test_every_corpus_line_gets_the_joined_patterns_match(name: str) -> None:
    joined, quick = JOINED[name], QUICK[name]
    lines = [
        line
        for path in sorted((CORPUS / "minutes").glob("*"))
        if path.suffix in (".txt", ".md")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    ]
    lines = lines[::2]  # half of them: the joined pattern, the reference, is the slow part
    assert len(lines) > 2000
    differ = [ln for ln in lines if _span(joined.search(ln)) != _span(quick.search(ln))]
    assert differ == []
    assert sum(1 for ln in lines if quick.search(ln)) >= 10  # the lists do find things


_WORDS = sorted({w for name in LISTS for p in words_of(name) for w in needed_words(p, re.I) or ()})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.sampled_from(["Bestyrelsen", "The board", "at", "to", "OK", "ikke", "not", "?"]),
            st.text(alphabet="abcæøå ÆØÅ.,:-–\n", max_size=8),
        ),
        max_size=12,
    )
)
def test_made_up_text_gets_the_joined_patterns_match(parts: list[str]) -> None:
    text = " ".join(parts)
    for name in LISTS:
        assert _span(QUICK[name].search(text)) == _span(JOINED[name].search(text)), name

"""Questions in plain words -> a `/referat` command, from cue words kept in the lexicon.

A question is read in each language: every intent sums the weights of its cues
(`INTENT_CUES`) that the question's words begin with, so word order and endings
do not matter, and words are compared folded (`fold`: no case, æ/ø/å, ae/oe/aa
and a/o are one), so "naeste mode" is "næste møde". The best-scoring intent
then fills its slot from the words after a slot word (`INTENT_SLOTS`: "har jens",
"for Lolland", "om rammeaftalen"). Nothing here knows one phrasing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from bot.parsing.lexicon import LANGUAGES

_BOT_MENTION = re.compile(r"^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[\s:,]*")
_TOKEN = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>|[^\W_]+(?:['’][^\W_]*)?")
_MENTION = re.compile(r"^<@[UW][A-Z0-9]+(?:\|[^>]*)?>$")
THRESHOLD = 1.5  # below this, a question is not understood
COMMANDS = {
    "agenda": "agenda",
    "next_meeting": "next-meeting",
    "decisions": "decisions",
    "open_items": "open-items",
    "responsible": "decisions",  # "who is responsible for X": a search for X
    "help": "help",
}
MAX_NAME_WORDS = 4
# what an unknown question is offered, most asked first when nothing is near
SUGGESTED = ("next_meeting", "open_items", "decisions", "agenda", "responsible")


def fold(word: str) -> str:
    """A word as any keyboard types it: no case or accents, æ/ae/a, ø/oe/o, å/aa/a as one."""
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(c for c in word if not unicodedata.combining(c)).casefold()
    word = word.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    word = word.replace("’", "'")
    while True:  # until nothing changes, so folding twice is folding once ("ååå")
        folded = word.replace("aa", "a").replace("ae", "a").replace("oe", "o")
        if folded == word:
            return word
        word = folded


@dataclass(frozen=True)
class _Token:
    text: str  # as typed
    folded: str
    end: int  # where it ends in the question


@dataclass(frozen=True)
class Reading:
    """One language's reading of a question: each intent's score, best first."""

    language: str
    tokens: tuple[_Token, ...]
    scores: tuple[tuple[str, float], ...]

    @property
    def best(self) -> tuple[str, float]:
        return self.scores[0]


def _tokens(text: str) -> tuple[_Token, ...]:
    return tuple(_Token(m.group(0), fold(m.group(0)), m.end()) for m in _TOKEN.finditer(text))


def _cue_score(cues: dict[str, float], tokens: tuple[_Token, ...], joined: str) -> float:
    score = 0.0
    for cue, weight in cues.items():
        folded = fold(cue)
        if " " in folded:
            found = f" {folded}" in joined
        else:
            found = any(t.folded.startswith(folded) for t in tokens)
        score += weight if found else 0.0
    return score


def _read(text: str, language: str) -> Reading:
    words = LANGUAGES[language]
    tokens = _tokens(text)
    joined = " " + " ".join(t.folded for t in tokens)
    scores: list[tuple[str, float]] = []
    for intent, cues in words.INTENT_CUES.items():
        score = _cue_score(cues, tokens, joined)
        if intent == "open_items":
            score += _cue_score(words.INTENT_OVERDUE, tokens, joined)
            if _owner(words, tokens) is not None:
                score += 1  # "hvad skal Lolland?": a name after a slot word
        scores.append((intent, score))
    order = list(words.INTENT_CUES)
    scores.sort(key=lambda pair: (-pair[1], order.index(pair[0])))
    return Reading(language, tokens, tuple(scores))


def readings(text: str) -> list[Reading]:
    """The question read in each language, the better reading first (Danish wins a tie)."""
    cleaned = _BOT_MENTION.sub("", text).strip()
    found = [_read(cleaned, language) for language in LANGUAGES]
    return sorted(found, key=lambda r: -r.best[1])


_FILE_WORDS = sorted({w for lang in LANGUAGES.values() for w in lang.MINUTES_FILE_WORDS})
# a word's start: "referatet", "referater" too
_MINUTES_WORDS = re.compile(rf"\b(?:{'|'.join(map(re.escape, _FILE_WORDS))})", re.IGNORECASE)


def names_minutes(text: str) -> bool:
    """Whether a shared file's message says the file is minutes to import ("referat", "here
    are the minutes"): a word of MINUTES_FILE_WORDS in either language."""
    return bool(_MINUTES_WORDS.search(text))


def intent_of(text: str) -> str | None:
    """The command a question asks for, or None when it is not understood."""
    cleaned = _BOT_MENTION.sub("", text).strip()
    if not cleaned.strip(" ?.!"):
        return "help"
    reading = readings(cleaned)[0]
    intent, score = reading.best
    if score < THRESHOLD:
        return None
    words = LANGUAGES[reading.language]
    slot = _slot(intent, words, reading.tokens, cleaned)
    if intent == "responsible" and not slot:
        return "open-items"
    return f"{COMMANDS[intent]} {slot}".strip()


def closest(text: str, language: str, count: int = 2) -> list[str]:
    """Example questions for the intents a question came nearest to, in `language`."""
    words = LANGUAGES[language]
    scores = dict(_read(_BOT_MENTION.sub("", text), language).scores)
    ranked = sorted(SUGGESTED, key=lambda intent: (-scores[intent], SUGGESTED.index(intent)))
    return [words.INTENT_EXAMPLES[intent] for intent in ranked[:count]]


# -- slots ---------------------------------------------------------------------


@cache
def _stop(words: ModuleType) -> frozenset[str]:
    """Words that are never a name or a subject."""
    return frozenset(fold(w) for w in (*words.STOPWORDS, *words.INTENT_NOT_NAMES))


@cache
def _stems(words: ModuleType) -> tuple[str, ...]:
    """Every one-word cue of a language, folded."""
    cues = [c for table in words.INTENT_CUES.values() for c in table] + list(words.INTENT_OVERDUE)
    return tuple(fold(c) for c in cues if " " not in c)


def _is_cue(words: ModuleType, token: _Token) -> bool:
    return token.folded.startswith(_stems(words))


def _owner(words: ModuleType, tokens: tuple[_Token, ...]) -> str | None:
    """Whose open items: a mention, the asker, or a name after a slot word or before 's."""
    for token in tokens:
        if _MENTION.match(token.text):
            return token.text
    me = {fold(w) for w in words.INTENT_ME}
    if any(t.folded in me for t in tokens):
        return "me"
    stop = _stop(words)
    slots = {fold(w) for w in words.INTENT_SLOTS["open_items"]}
    for i, token in enumerate(tokens):
        if token.folded not in slots:
            continue
        name: list[str] = []
        for following in tokens[i + 1 : i + 1 + MAX_NAME_WORDS]:
            if following.folded in stop or following.folded in slots:
                break
            if following.folded in me or _is_cue(words, following):
                break
            if name and following.text[:1].islower():
                break  # "hvad skal Jens nå?": a lowercase word after the name is no part of it
            name.append(re.sub(r"['’]s?$", "", following.text))
        if name:
            return " ".join(name)
    for i, token in enumerate(tokens):
        # "Lolland's tasks", "Jens' opgaver", "Roskildes opgaver"
        base = re.sub(r"['’]s?$", "", token.text)
        if base != token.text and fold(base) not in stop and not _is_cue(words, token):
            return base
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            token.text[:1].isupper()
            and token.text.endswith("s")
            and len(token.text) >= 6
            and after is not None
            and _is_cue(words, after)
        ):
            return token.text[:-1]
    return _capitalized(words, tokens)


def _capitalized(words: ModuleType, tokens: tuple[_Token, ...]) -> str | None:
    """Last resort: capitalized words inside the question ("hvad er Lolland ansvarlig for?")."""
    calendar = {fold(w) for w in (*words.MONTHS, *words.WEEKDAYS)}
    stop, me = _stop(words), {fold(w) for w in words.INTENT_ME}
    name: list[str] = []
    for token in tokens[1:]:
        plain = token.text[:1].isupper() and not _MENTION.match(token.text)
        if plain and not ({token.folded} & (stop | me | calendar)) and not _is_cue(words, token):
            name.append(token.text)
        elif name:
            break
    return " ".join(name) or None


def _overdue(words: ModuleType, tokens: tuple[_Token, ...]) -> bool:
    joined = " " + " ".join(t.folded for t in tokens)
    return _cue_score(words.INTENT_OVERDUE, tokens, joined) > 0


def _after_slot(
    words: ModuleType, intent: str, tokens: tuple[_Token, ...], text: str
) -> str | None:
    """The words after the first of `intent`'s slot words, without leading stop words."""
    slots = {fold(w) for w in words.INTENT_SLOTS[intent]}
    stop = _stop(words)
    for token in tokens:
        if token.folded in slots:
            rest = text[token.end :]
            rest = re.split(
                r"\b(?:" + "|".join(map(re.escape, words.INTENT_SINCE)) + r")\b",
                rest,
                flags=re.IGNORECASE,
            )[0]
            kept = [t.text for t in _tokens(rest)]
            while kept and (fold(kept[0]) in stop or fold(kept[0]) in slots):
                kept.pop(0)
            while kept and fold(kept[-1]) in stop:
                kept.pop()
            if kept:
                return " ".join(kept)
    return None


def _since(words: ModuleType, text: str) -> str:
    pattern = r"\b(?P<word>" + "|".join(map(re.escape, words.INTENT_SINCE)) + r")\s+(?P<date>.+)$"
    match = re.search(pattern, text, re.IGNORECASE)
    if not match:
        return ""
    return f"{match.group('word').lower()} {match.group('date').strip(' ?!.')}"


def _slot(intent: str, words: ModuleType, tokens: tuple[_Token, ...], text: str) -> str:
    if intent == "open_items":
        if _overdue(words, tokens):
            return "overdue"
        return _owner(words, tokens) or ""
    if intent == "decisions":
        subject = _after_slot(words, "decisions", tokens, text) or ""
        return f"{subject} {_since(words, text)}".strip()
    if intent == "responsible":
        about = _after_slot(words, "responsible", tokens, text)
        if about:
            return about
        stop = _stop(words)
        rest = [t.text for t in tokens if t.folded not in stop and not _is_cue(words, t)]
        return " ".join(rest)
    return ""

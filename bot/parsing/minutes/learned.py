"""A small decision-vs-not model over the sentences the structural reader produces.

Candidates are the sentences of each item's paragraphs (a bullet, a table cell
and a field's text stand alone), each with its context: which case field it is
under ("Beslutning", "Indstilling", "Sagsfremstilling"), whether it opens its
paragraph, its length and the language. Features are Snowball stems and stem
bigrams, the lexicon's cue classes (decision and weak cues, modal verbs, motion
and result words, "not a decision" cues) and that context. A logistic
regression (pure Python, `train`) turns them into a probability.

The weights are `decision_model.json` beside this file, written by
`python -m benchmarks.minutes_cv --write` from the labelled corpus
(deterministic: same corpus, same file). How they are combined with the rules
(`combine`) and with which thresholds was chosen by leave-one-source-out
cross-validation (`benchmarks/minutes_cv.py`), never by the in-sample score.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import snowballstemmer

from bot.parsing.minutes.model import Minutes, MinutesDecision, clip
from bot.parsing.minutes.motions import BARE_RESULT, MOTION_WORDS, MOVED, TALLY, VOTED
from bot.parsing.minutes.outline import Segment, section_of
from bot.parsing.minutes.text import paragraphs, sentences, words_of

WEIGHTS = Path(__file__).with_name("decision_model.json")

_CUES = {
    "decision": re.compile("|".join(words_of("DECISION_CUES")), re.IGNORECASE),
    "weak": re.compile("|".join(words_of("WEAK_DECISION_CUES")) or r"(?!)", re.IGNORECASE),
    "not_decision": re.compile("|".join(words_of("NOT_DECISION_CUES")) or r"(?!)", re.IGNORECASE),
    "modal": re.compile("|".join(words_of("MODALS")) or r"(?!)", re.IGNORECASE),
    "action_verb": re.compile(
        r"\b(?:" + "|".join(map(re.escape, words_of("ACTION_VERBS"))) + r")\b", re.IGNORECASE
    ),
    "next_meeting": re.compile("|".join(words_of("NEXT_MEETING_WORDS")), re.IGNORECASE),
    "motion": MOTION_WORDS,
    "moved": MOVED,
    "result": BARE_RESULT,
    "tally": TALLY,
    "voted": VOTED,
    "resolved": re.compile(r"\bRESOLVED\b"),
    "recommend": re.compile(r"\b(?:indstill\w*|anbefal\w*|recommend\w*|propos\w*|foresl\w*)", re.I),
    "past_report": re.compile(
        r"\b(?:har|have|has|had|havde)\s+(?:\w+\s+)?(?:godkendt|approved)\b", re.I
    ),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass
class Candidate:
    """One sentence the model may call a decision, with where it stands."""

    item: str | None
    text: str
    features: list[str] = field(default_factory=list)


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("danish" if language == "da" else "english")


def _features(sentence: str, context: list[str], language: str) -> list[str]:
    stemmer = _stemmer(language)
    words = [w.lower() for w in _WORD.findall(sentence)]
    stems = stemmer.stemWords(words)
    feats = {"bias", f"lang:{language}", *context}
    feats.update(f"w:{s}" for s in stems)
    feats.update(f"b:{a}_{b}" for a, b in zip(stems, stems[1:], strict=False))
    n = len(words)
    feats.add(
        "len:"
        + (
            "1-3"
            if n <= 3
            else "4-8"
            if n <= 8
            else "9-20"
            if n <= 20
            else "21-40"
            if n <= 40
            else "41+"
        )
    )
    if sentence.rstrip().endswith("?"):
        feats.add("question")
    if sentence.rstrip().endswith(":"):
        feats.add("colon_end")
    for name, pattern in _CUES.items():
        if pattern.search(sentence):
            feats.add(f"cue:{name}")
            feats.update(f"cue:{name}&{c}" for c in context if c.startswith("field:"))
    return sorted(feats)


def candidates(segments: list[Segment], language: str) -> list[Candidate]:
    """Every sentence of the document's items, with its features."""
    found: list[Candidate] = []
    for segment in segments:
        chunks: list[tuple[str, list[str]]] = [("none", [])]
        for line in segment.lines:
            section = section_of(line)
            if section:
                chunks.append((section[0], [section[1]] if section[1] else []))
                continue
            chunks[-1][1].append(line)
        heading = "item" if segment.label else "no_item"
        for name, lines in chunks:
            for p, paragraph in enumerate(paragraphs(lines)):
                for s, sentence in enumerate(sentences(paragraph)):
                    context = [
                        f"field:{name}",
                        heading,
                        "first_sentence" if s == 0 else "later_sentence",
                    ]
                    if p == 0:
                        context.append("first_paragraph")
                    found.append(
                        Candidate(
                            segment.label, clip(sentence), _features(sentence, context, language)
                        )
                    )
    return found


@dataclass
class Model:
    weights: dict[str, float]
    add_above: float = 1.1  # a sentence the rules missed, with at least this probability, is added
    drop_below: float = -0.1  # a rule's decision whose best sentence is below this is dropped
    only_undecided: bool = False  # add only in items where the rules found none (worse in CV)

    def probability(self, features: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        data = {
            "add_above": self.add_above,
            "drop_below": self.drop_below,
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4},
        }
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


@cache
def packaged_model() -> Model | None:
    """The model shipped with the package, or None when there is none."""
    if not WEIGHTS.is_file():
        return None
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return Model(data["weights"], data["add_above"], data["drop_below"])


def train(
    examples: list[tuple[list[str], bool]], *, epochs: int = 12, rate: float = 0.1, l2: float = 1e-4
) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent, in a fixed order (deterministic).

    Positives are weighted up to the negatives' number, so a rare class still counts.
    """
    positives = sum(1 for _, y in examples if y) or 1
    ratio = (len(examples) - positives) / positives
    weights: dict[str, float] = {}
    order = sorted(range(len(examples)), key=lambda i: (i * 7919) % (len(examples) or 1))
    for epoch in range(epochs):
        step = rate / (1 + epoch)
        for i in order:
            feats, y = examples[i]
            z = sum(weights.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - (1.0 if y else 0.0)) * (ratio if y else 1.0)
            for f in feats:
                w = weights.get(f, 0.0)
                weights[f] = w - step * (g + l2 * w)
    return weights


def _tokens(text: str) -> str:
    return " " + " ".join(re.findall(r"[^\W_]+", text.lower())) + " "


def combine(minutes: Minutes, found: list[Candidate], model: Model) -> None:
    """Rules first; the model drops a rule's decision it finds no support for (every sentence
    inside it below `drop_below`) and adds a sentence the rules missed (above `add_above`)."""
    scored = [(c, model.probability(c.features)) for c in found]
    kept: list[MinutesDecision] = []
    for decision in minutes.decisions:
        inside = [
            p
            for c, p in scored
            if _tokens(c.text).strip() and _tokens(c.text) in _tokens(decision.text)
        ]
        if inside and max(inside) < model.drop_below:
            continue
        kept.append(decision)
    covered = [_tokens(d.text) for d in kept]
    decided_items = {d.item for d in kept}
    for candidate, p in scored:
        text = _tokens(candidate.text)
        if p < model.add_above or not text.strip():
            continue
        if model.only_undecided and candidate.item in decided_items:
            continue  # the rules read this item's decisions; the model fills only silent items
        if any(text in c or c in text for c in covered):
            continue
        kept.append(MinutesDecision(candidate.item, candidate.text))
        covered.append(text)
    minutes.decisions = kept

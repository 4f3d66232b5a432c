"""Scoring the importer against hand-labelled minutes (shared/corpus/minutes)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bot.parsing.minutes import Minutes, parse_minutes


def _norm(text: str) -> str:
    text = re.sub(r"[*_`]", "", text.lower())
    return re.sub(r"\s+", " ", text).strip(" .")


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", _norm(text)))


def same_text(label: str, found: str) -> bool:
    a, b = _norm(label), _norm(found)
    if a in b or b in a:
        return True
    wanted = _tokens(label)
    return bool(wanted) and len(wanted & _tokens(found)) / len(wanted) >= 0.6


@dataclass
class Score:
    labelled_decisions: int = 0
    found_decisions: int = 0
    extra_decisions: int = 0
    labelled_owners: int = 0
    found_owners: int = 0
    next_meeting_right: int = 0
    files: int = 0
    missed: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def decision_recall(self) -> float:
        return self.found_decisions / self.labelled_decisions

    @property
    def extra_rate(self) -> float:
        return self.extra_decisions / self.labelled_decisions

    @property
    def owner_recall(self) -> float:
        return self.found_owners / self.labelled_owners


def score_file(path: Path, score: Score) -> Minutes:
    labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    meeting_day = date.fromisoformat(labels["meeting_date"])
    minutes = parse_minutes(path.read_text(encoding="utf-8"), today=meeting_day)
    unused = [d.text for d in minutes.decisions]
    for decision in labels["decisions"]:
        score.labelled_decisions += 1
        match = next((t for t in unused if same_text(decision["text"], t)), None)
        if match is None:
            score.missed.append(f"{path.name}: {decision['text'][:70]}")
        else:
            score.found_decisions += 1
            unused.remove(match)
    score.extra_decisions += len(unused)
    score.extras += [f"{path.name}: {t[:70]}" for t in unused]
    owners = [[o.lower() for o in a.owners] for a in minutes.actions]
    for action in labels["actions"]:
        score.labelled_owners += 1
        hit = next((i for i, names in enumerate(owners) if action["owner"].lower() in names), None)
        if hit is not None:
            score.found_owners += 1
            owners.pop(hit)
    expected = labels["next_meeting"]
    got = minutes.next_meeting
    if expected is None:
        score.next_meeting_right += got is None
    elif got is not None:
        start = got.start.strftime("%H:%M") if got.start else None
        end = got.end.strftime("%H:%M") if got.end else None
        score.next_meeting_right += (got.date.isoformat(), start, end) == (
            expected["date"],
            expected["start"],
            expected["end"],
        )
    score.files += 1
    return minutes


def score_corpus(folder: Path) -> Score:
    score = Score()
    for path in sorted(folder.glob("*.txt")):
        score_file(path, score)
    return score

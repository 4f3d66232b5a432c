"""`referat score-minutes DIR`: how well the importer reads labelled minutes.

Each document in DIR (.txt .md .rst .html .htm .pdf .docx) with a label file of
the same name and `.json` beside it (the shape of tests/corpus/minutes/README.md)
is read through the importer's own file reader and parser, then compared with
its label: decisions (precision, recall, F1), action owners (precision,
recall), the next meeting, the meeting date and the number of agenda items.

Texts are compared loosely, as the corpus README asks: markup and whitespace
are normalised, then the label inside the reading, or most of the label's
words found in it, is a match. Each label entry matches at most one
reading and the other way round.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.documents.read import SUFFIXES, DocumentError, extract_text
from bot.parsing.minutes import Minutes, parse_minutes

OVERLAP = 0.6  # share of the label's words a reading must hold to match it


def _tokens(text: str) -> list[str]:
    text = re.sub(r"&#?\w+;", " ", text.lower())
    return re.findall(r"[^\W_]+", text)


def same_text(label: str, found: str) -> bool:
    """Loose match: the label inside the reading, or most of the label's words in it.

    A reading may hold more than the label (the rest of its sentence or motion,
    a heading) but not a whole section: at most four times the label's words and 30.
    """
    a, b = _tokens(label), _tokens(found)
    if not a or not b or len(b) > 4 * len(a) + 30:
        return False
    if f" {' '.join(a)} " in f" {' '.join(b)} ":
        return True
    wanted = set(a)
    return len(wanted & set(b)) / len(wanted) >= OVERLAP


def _names(owner: str) -> set[str]:
    parts = re.split(r"\s*(?:/|,|&|\bog\b|\band\b)\s*", re.sub(r"^the\s+", "", owner.lower()))
    return {p.strip(" .:;@") for p in parts if p.strip(" .:;@")}


def same_owner(label: str, found: Iterable[str]) -> bool:
    """One of the labelled names among the found ones; "Richard" matches "Richard Smith"."""
    wanted = _names(label)
    got = {n for name in found for n in _names(name)}
    for w in wanted:
        for g in got:
            if w == g or w.split()[0] == g or g.split()[0] == w:
                return True
    return False


@dataclass
class FileScore:
    name: str
    decisions_labelled: int = 0
    decisions_found: int = 0
    decisions_matched: int = 0
    owners_labelled: int = 0
    owners_found: int = 0
    owners_matched: int = 0
    next_meeting_right: bool = False
    meeting_date_right: bool = False
    items_right: bool | None = None  # None: the label gives no count
    error: str | None = None
    missed: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@dataclass
class CorpusScore:
    files: list[FileScore] = field(default_factory=list)

    def _sum(self, name: str) -> int:
        return sum(int(getattr(f, name)) for f in self.files)

    @property
    def decision_precision(self) -> float:
        return _ratio(self._sum("decisions_matched"), self._sum("decisions_found"))

    @property
    def decision_recall(self) -> float:
        return _ratio(self._sum("decisions_matched"), self._sum("decisions_labelled"))

    @property
    def decision_f1(self) -> float:
        p, r = self.decision_precision, self.decision_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def owner_precision(self) -> float:
        return _ratio(self._sum("owners_matched"), self._sum("owners_found"))

    @property
    def owner_recall(self) -> float:
        return _ratio(self._sum("owners_matched"), self._sum("owners_labelled"))

    @property
    def next_meeting_right(self) -> float:
        return _ratio(self._sum("next_meeting_right"), len(self.files))

    @property
    def meeting_date_right(self) -> float:
        return _ratio(self._sum("meeting_date_right"), len(self.files))

    @property
    def items_right(self) -> float:
        counted = [f for f in self.files if f.items_right is not None]
        return _ratio(sum(bool(f.items_right) for f in counted), len(counted))


def _order(path: Path) -> tuple[int, str]:
    """By the number a corpus name starts with ("95_da_…" before "100_da_…"), then by name."""
    number = re.match(r"\d+", path.name)
    return (int(number.group(0)) if number else 0, path.name)


def documents(folder: Path) -> list[Path]:
    """The documents in `folder` that have a label beside them, by number and name."""
    return sorted(
        (
            p
            for p in folder.iterdir()
            if p.suffix.lower() in SUFFIXES and p.with_suffix(".json").is_file()
        ),
        key=_order,
    )


def _clock(value: Any) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _leaf_count(minutes: Minutes) -> int:
    return sum(max(1, len(item.sub_items)) for item in minutes.items)


def compare(name: str, minutes: Minutes, label: dict[str, Any]) -> FileScore:
    """One reading against one label."""
    score = FileScore(name)
    unused = [d.text for d in minutes.decisions]
    score.decisions_found = len(unused)
    for decision in label.get("decisions", []):
        score.decisions_labelled += 1
        match = next((t for t in unused if same_text(decision["text"], t)), None)
        if match is None:
            score.missed.append(f"decision  {_short(decision['text'])}")
        else:
            score.decisions_matched += 1
            unused.remove(match)
    score.extras += [f"decision  {_short(t)}" for t in unused]

    found = [a for a in minutes.actions if a.owners]
    score.owners_found = len(found)
    labelled = [a for a in label.get("actions", []) if a.get("owner")]  # no owner: nothing to find
    score.owners_labelled = len(labelled)
    unmatched: list[dict[str, Any]] = []
    for exact in (True, False):  # the same people first, then one name in common
        pairs = []
        for li, action in enumerate(labelled):
            wanted = set(_tokens(action["task"]))
            for fi, a in enumerate(found):
                people = {n for o in a.owners for n in _names(o)}
                if _names(action["owner"]) == people or (
                    not exact and same_owner(action["owner"], a.owners)
                ):
                    fit = (same_text(action["task"], a.task), len(wanted & set(_tokens(a.task))))
                    pairs.append((fit, li, fi))
        taken_labels: set[int] = set()
        taken_found: set[int] = set()
        for _, li, fi in sorted(pairs, key=lambda p: p[0], reverse=True):  # best fits first
            if li not in taken_labels and fi not in taken_found:
                taken_labels.add(li)
                taken_found.add(fi)
        score.owners_matched += len(taken_labels)
        found = [a for fi, a in enumerate(found) if fi not in taken_found]
        unmatched = [a for li, a in enumerate(labelled) if li not in taken_labels]
        labelled = unmatched
    score.missed += [f"owner     {a['owner']}: {_short(a['task'])}" for a in unmatched]
    score.extras += [f"owner     {', '.join(a.owners)}: {_short(a.task)}" for a in found]

    want = label.get("next_meeting")
    got = minutes.next_meeting
    got_triple = (got.date.isoformat(), _clock(got.start), _clock(got.end)) if got else None
    want_triple = (want["date"], want.get("start"), want.get("end")) if want else None
    score.next_meeting_right = got_triple == want_triple
    if not score.next_meeting_right:
        score.missed.append(f"next meeting  wanted {want_triple}, read {got_triple}")

    held = minutes.meeting_date.isoformat() if minutes.meeting_date else None
    score.meeting_date_right = held == label.get("meeting_date")
    if not score.meeting_date_right:
        score.missed.append(f"meeting date  wanted {label.get('meeting_date')}, read {held}")

    count = label.get("agenda_items")
    if isinstance(count, int):
        score.items_right = count in (len(minutes.items), _leaf_count(minutes))
        if not score.items_right:
            score.missed.append(
                f"agenda items  wanted {count}, read {len(minutes.items)} "
                f"({_leaf_count(minutes)} counting sub-items)"
            )
    return score


def _short(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def read_document(path: Path, today: date | None) -> tuple[Minutes, dict[str, Any]]:
    """The document as the importer reads it, and its label."""
    label = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = extract_text(path.read_bytes(), path.name)
    held = label.get("meeting_date")
    day = today or (date.fromisoformat(held) if held else date.today())
    return parse_minutes(text, today=day), label


def score_folder(folder: Path, today: date | None = None) -> CorpusScore:
    """Every labelled document in `folder`.

    `today` is the day the minutes are imported on; by default the labelled
    meeting date (minutes are imported soon after the meeting), which only
    places dates written without a year, never gives the reader a meeting date.
    """
    result = CorpusScore()
    for path in documents(folder):
        try:
            minutes, label = read_document(path, today)
        except DocumentError as error:
            result.files.append(FileScore(path.name, error=error.code))
            continue
        result.files.append(compare(path.name, minutes, label))
    return result


def _pct(value: float) -> str:
    return f"{value * 100:5.1f}"


def report(score: CorpusScore, verbose: bool = False) -> str:
    """The table `referat score-minutes` prints."""
    head = (
        f"{'file':<52} {'dec P':>6} {'dec R':>6} {'dec F1':>6} "
        f"{'own P':>6} {'own R':>6}  next  date  items"
    )
    lines = [head, "-" * len(head)]
    for f in score.files:
        one = CorpusScore([f])
        if f.error:
            lines.append(f"{f.name[:52]:<52} could not be read: {f.error}")
            continue
        items = "-" if f.items_right is None else ("yes" if f.items_right else "no")
        lines.append(
            f"{f.name[:52]:<52} {_pct(one.decision_precision):>6} {_pct(one.decision_recall):>6} "
            f"{_pct(one.decision_f1):>6} {_pct(one.owner_precision):>6} "
            f"{_pct(one.owner_recall):>6}  {'yes' if f.next_meeting_right else 'no':<4}  "
            f"{'yes' if f.meeting_date_right else 'no':<4}  {items}"
        )
        if verbose:
            lines += [f"    missed  {m}" for m in f.missed]
            lines += [f"    extra   {e}" for e in f.extras]
    lines.append("-" * len(head))
    lines.append(
        f"{'total (' + str(len(score.files)) + ' files)':<52} "
        f"{_pct(score.decision_precision):>6} {_pct(score.decision_recall):>6} "
        f"{_pct(score.decision_f1):>6} {_pct(score.owner_precision):>6} "
        f"{_pct(score.owner_recall):>6}  {_pct(score.next_meeting_right)}% "
        f"{_pct(score.meeting_date_right)}% {_pct(score.items_right)}%"
    )
    return "\n".join(lines)


def _source(raw: str) -> str:
    """`owner/repo` `path` @commit for a GitHub file, else the address."""
    raw = re.sub(r"\s*\(.*", "", raw).strip()
    github = re.match(r"https://github\.com/([^/]+/[^/]+)/blob/([0-9a-f]{7})[0-9a-f]*/(.+)$", raw)
    if github:
        return f"{github.group(1)} `{github.group(3)}` @{github.group(2)}"
    return raw


def corpus_table(folder: Path) -> str:
    """The README's table of a corpus: file, source, shape, language, format."""
    rows = ["| file | source | shape | language | format |", "| --- | --- | --- | --- | --- |"]
    for path in documents(folder):
        label = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        source = _source(str(label.get("source", "")))
        shape = " ".join(str(label.get("shape") or label.get("notes", "")).split())
        shape = shape.replace("|", "/")
        shape = shape if len(shape) <= 110 else shape[:109] + "…"
        fmt = label.get("format") or path.suffix.lstrip(".")
        rows.append(f"| `{path.name}` | {source} | {shape} | {label.get('language', '')} | {fmt} |")
    return "\n".join(rows)


def run(folder: str, *, verbose: bool = False, today: date | None = None) -> int:
    path = Path(folder)
    if not path.is_dir():
        print(f"referat score-minutes: no such folder: {folder}")
        return 2
    score = score_folder(path, today)
    if not score.files:
        print(f"referat score-minutes: no labelled documents (FILE + FILE.json) in {folder}")
        return 1
    print(report(score, verbose))
    return 0

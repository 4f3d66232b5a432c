"""Motions and outcome lines: a result joined to the motion it settles.

"Resolution: Vote passed", "Passed without dissent", "Vote: 3 in favor, 0
opposed", "Motion carried with the following votes: …" say only that something
passed; the decision is the motion before them ("Vote on …", "X moved to …",
"Text: …"), its seconding and its tally. The words are lexicon data.
"""

from __future__ import annotations

import re

from bot.parsing.alternatives import Alternatives
from bot.parsing.minutes.text import sentences, words_of

# Besides motions, formal minutes record votes with their count and elections, and what the
# body itself decided ("Board agreed to the deletion of …", "Bestyrelsen vedtog …").
VOTED = re.compile(
    r"\bvoted\s+\d+\s*[-–]\s*\d+|\b(?:was|were) (?:elected|appointed)\b"
    r"|\bnominated\b.*\baccepted\b"
    rf"|^(?:the\s+)?(?:{'|'.join(words_of('BODY_WORDS'))})\w*\s+(?:\w+\s+)?"
    rf"(?:{'|'.join(words_of('BODY_DECIDED'))})\b",
    re.IGNORECASE,
)
MOVED = re.compile(
    r"\b(?:moved|motioned|motion to|foreslog|moves? (?:a |the )?motion"
    r"|propos(?:e|es|ed) (?:a |the )?motion)\b",  # "Propose a motion: CSAF 2.0 …"
    re.IGNORECASE,
)
MOTION = re.compile(
    r"(?:It was moved by|Moved by)\b.*?MOTION CARRIED[^\[]*?(?:\[[^\]]*\])?(?=$|\s)", re.IGNORECASE
)
RESOLVED = re.compile(r"\bRESOLVED\b[,:]?\s*.*", re.DOTALL)


OUTCOME = re.compile(
    rf"^(?:{'|'.join(words_of('OUTCOME_LABELS'))})(?![^\W_])\s*[:\-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
BARE_RESULT = re.compile("|".join(words_of("BARE_RESULTS")), re.IGNORECASE)
NOT_DECISION = Alternatives(words_of("NOT_DECISION_CUES"), re.IGNORECASE)
TALLY = re.compile("|".join(words_of("VOTE_TALLIES")), re.IGNORECASE)
MOTION_WORDS = re.compile("|".join(words_of("MOTION_WORDS")), re.IGNORECASE)
NOT_APPLICABLE = re.compile("|".join(words_of("NOT_APPLICABLE")), re.IGNORECASE)
# The fields of a motion written one a line: "Motion: To approve …", "Moved: Ann".
MOTION_FIELD = re.compile(rf"^(?:{'|'.join(words_of('MOTION_FIELDS'))})\s*:", re.IGNORECASE)
# Only who moved, seconded or proposed it: "Proposed by: Cart", "Stillet af: Ann".
MOVER_FIELD = re.compile(rf"^(?:{'|'.join(words_of('MOVER_FIELDS'))})\s*:", re.IGNORECASE)
SECONDER = re.compile(rf"\b(?:{'|'.join(words_of('SECONDED'))})\b", re.IGNORECASE)
NUMBERED_MOTION = re.compile(
    rf"^(?:{'|'.join(words_of('NUMBERED_MOTIONS'))})\s+\d{{1,2}}[a-z]?\s*[:.\-–]\s*\S",
    re.IGNORECASE,
)


def block_text(block: str) -> str:
    return re.sub(r"^(?:[-*•·▪◦+]|\d{1,2}[.)])\s+", "", block).strip()


def labelled(text: str, outcome: re.Match[str]) -> bool:
    """Whether an outcome word is a label over what follows ("Decision: …", "Vedtaget -
    …", "[AGREED] …"), not the first word of a sentence ("Agreement passed to …")."""
    head = text[: outcome.start("rest")]
    return bool(re.search(r"[:\-–\]]\s*$", head)) or head.lstrip().startswith("#")


def outcome_decisions(
    blocks: list[str], matter: str = ""
) -> tuple[list[tuple[int, str]], set[int]]:
    """Decisions from outcome lines and bare results, each joined to the motion it settles.

    "Resolution: Vote passed", "Passed without dissent.", "Vote: 3 in favor, 0
    opposed" say only that something passed: the decision is the motion before
    them ("Vote on …", "Moved by …", "Text: …") with the tally and result.
    A short result that follows no motion ("Approved.", "Godkendt.") is joined to the
    paragraph before it or, first in its item, to `matter`, the item's title.
    Returns (block index, text) pairs and the indexes of the blocks they used.
    """
    found: list[tuple[int, str]] = []
    used: set[int] = set()
    for index, block in enumerate(blocks):
        text = block_text(block)
        if NUMBERED_MOTION.match(text):
            continue  # "Resolution 2: To accept …": the motion, settled by a result after it
        outcome = OUTCOME.match(text)
        if not outcome and NOT_DECISION.search(text):
            continue  # "Godkendt den 7. januar 2019" over the signer's name
        rest = outcome.group("rest").strip() if outcome else text
        if outcome and (not rest or NOT_APPLICABLE.match(rest)):
            used.add(index)
            continue
        signed = re.match(r"^\w+:\s*\d", rest)  # "Approved: 11/15/2022" under a signature
        votes = re.match(r"^(?:the )?motion (?:passe|carrie|passed|carried)", rest, re.I)
        # short, or a short result qualified after a comma ("Unanimously approved, with
        # discussion of this as a temporary position.")
        short = len(rest) < 60 or bool(re.match(r"^[^,;]{1,30}[,;]\s", rest))
        bare = bool(BARE_RESULT.match(rest)) and (short or bool(votes)) and not signed
        if not outcome and not bare:
            continue
        if bare and index + 1 < len(blocks) and TALLY.match(block_text(blocks[index])):
            nxt = block_text(blocks[index + 1])
            if OUTCOME.match(nxt) or BARE_RESULT.match(nxt):
                continue  # a tally before its result: joined when the result comes
        if outcome and not bare and not labelled(text, outcome) and len(sentences(text)) > 1:
            continue  # "Agreement passed to … . Agreement passed to …": each its own sentence
        used.add(index)
        if not bare:
            found.append((index, text))
            continue
        start = index
        while start > 0 and TALLY.match(block_text(blocks[start - 1])):
            start -= 1
        fields = start  # "Proposed by: Cart" between the motion and its result
        while fields > 0 and fields - 1 not in used and MOVER_FIELD.match(blocks[fields - 1]):
            fields -= 1
        if fields < start:
            above = fields - 1
            has_motion = above >= 0 and above not in used and len(blocks[above]) <= 300
            first = above if has_motion else fields
            parts = [block_text(b) for b in blocks[first : index + 1]]
            if first == 0 and not has_motion and matter:
                parts = [matter, *parts]  # the item's title is the motion
            used.update(range(first, index + 1))
            found.append((index, " ".join(parts)))
            continue
        motion = start - 1
        opener = next(
            (
                i
                for i in range(start - 1, max(start - 5, -1), -1)
                if i not in used and NUMBERED_MOTION.match(block_text(blocks[i]))
            ),
            None,
        )
        if opener is not None:  # a numbered resolution over several paragraphs
            start = motion = opener
        elif motion >= 0 and motion not in used and MOTION_WORDS.search(blocks[motion]):
            start = motion
            mover = start - 1  # "X seconded the motion." after "Y moved to …"
            if not MOVED.search(blocks[start]) and mover >= 0 and MOVED.search(blocks[mover]):
                start = mover
            while start > 0 and start - 1 not in used and MOTION_FIELD.match(blocks[start - 1]):
                start -= 1  # "Motion: To approve the budget." over "Moved: Ann", "Seconded: Bo"
        if opener is None and found and found[-1][0] >= start - 1 and found[-1][0] < index:
            joined = found.pop()[1]  # the motion was already read as a decision
            start = index
            parts = [joined] + [block_text(b) for b in blocks[start : index + 1]]
        else:
            parts = [block_text(b) for b in blocks[start : index + 1]]
            if start == index and len(rest.split()) <= 3:
                before = blocks[index - 1] if index and index - 1 not in used else ""
                lead = before if before and len(before) <= 300 else ("" if index else matter)
                parts = [p for p in (block_text(lead), *parts) if p]
            elif start == 0 and matter and TALLY.match(block_text(blocks[0])):
                parts = [matter, *parts]  # "* 20 - 2 - 0", "* Motion carries" first in the item
        used.update(range(start, index + 1))
        found.append((index, " ".join(parts)))
    return found, used


def seconded_motions(blocks: list[str], used: set[int]) -> list[tuple[int, str]]:
    """What a mover and a seconder stand under, as a line of their own with no result
    ("3.0.1 ETA: to be released 14th December." over "Proposed: Matt, seconded: Tim"): a
    seconded motion the minutes record is the body's decision. Marks both blocks used."""
    found: list[tuple[int, str]] = []
    for index, block in enumerate(blocks):
        text = block_text(block)
        if not (MOVER_FIELD.match(text) and SECONDER.search(text)) or index == 0:
            continue
        if len(text) > 80 or BARE_RESULT.search(text) or OUTCOME.match(text):
            continue  # a result of its own: `outcome_decisions` reads it
        motion = index - 1
        above = block_text(blocks[motion])
        if motion in used or index in used or MOVER_FIELD.match(above) or len(above) > 400:
            continue
        used.update((motion, index))
        found.append((motion, above))
    return found


def _cells(line: str) -> list[str]:
    return [c.strip().lower() for c in line.strip().strip("|").split("|")]


_POLL_FOR = re.compile(rf"^(?:{'|'.join(words_of('POLL_FOR'))})$", re.IGNORECASE)
_POLL_AGAINST = re.compile(rf"^(?:{'|'.join(words_of('POLL_AGAINST'))})$", re.IGNORECASE)
_POLL_NEUTRAL = re.compile(rf"^(?:{'|'.join(words_of('POLL_NEUTRAL'))})$", re.IGNORECASE)


def poll_decisions(lines: list[str]) -> list[str]:
    """A poll table with its counts, a majority for, joined to the question above it:
    "Dan Gohman as WASI subgroup chair?" over "| SF | F | N | A | SA |" and "| 21 | 2 | 0 | 0 |
    0 |". A table whose columns are not all poll columns is no poll."""
    found: list[str] = []
    for index, line in enumerate(lines):
        if not line.startswith("|") or (index and lines[index - 1].startswith("|")):
            continue
        header = _cells(line)
        kinds = [
            "for"
            if _POLL_FOR.match(c)
            else "against"
            if _POLL_AGAINST.match(c)
            else "neutral"
            if _POLL_NEUTRAL.match(c)
            else None
            for c in header
        ]
        if None in kinds or "for" not in kinds or "against" not in kinds:
            continue
        table = [line]
        counts: list[int] | None = None
        for row in lines[index + 1 : index + 4]:
            if not row.startswith("|"):
                break
            table.append(row)
            cells = _cells(row)
            if all(re.fullmatch(r"\d{1,4}", c) for c in cells) and len(cells) == len(kinds):
                counts = [int(c) for c in cells]
                break
        if counts is None:
            continue
        yes = sum(n for n, k in zip(counts, kinds, strict=True) if k == "for")
        no = sum(n for n, k in zip(counts, kinds, strict=True) if k == "against")
        if yes <= no:
            continue
        question = next((ln for ln in reversed(lines[max(0, index - 3) : index]) if ln.strip()), "")
        found.append(" ".join([question.strip(), *table]).strip())
    return found


# A result written straight after its seconding, without a full stop: "Chris O'Halloran
# moved Rod Aldridge seconded Carried unanimous" is the motion, then its result.
_SECONDED = re.compile(
    rf"\b(?:{'|'.join(words_of('SECONDED'))})(?P<stop>[.,;]?\s+)"
    rf"(?=(?:{'|'.join(w.removeprefix('^') for w in words_of('BARE_RESULTS'))}))",
    re.IGNORECASE,
)


def results_apart(sentence: str) -> list[str]:
    """A sentence with its result split off after the seconding."""
    match = _SECONDED.search(sentence)
    if match is None:
        return [sentence]
    return [sentence[: match.start("stop")], sentence[match.end("stop") :]]

"""Decisions: under decision headings, or sentences that say something was decided."""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.minutes.headings import is_item_heading
from bot.parsing.minutes.model import Minutes, MinutesAction, MinutesDecision, clip
from bot.parsing.minutes.outline import Segment, section_of
from bot.parsing.minutes.owners import OWNER_LINE, actions_in, listed_action, owner_names
from bot.parsing.minutes.text import (
    BULLET_LINE,
    continues,
    paragraphs,
    sentences,
    table_rows,
    words_of,
)

_DECISION_CUE = re.compile("|".join(words_of("DECISION_CUES")), re.IGNORECASE)
_WEAK_CUE = re.compile("|".join(words_of("WEAK_DECISION_CUES")) or r"(?!)", re.IGNORECASE)
# Besides motions, formal minutes record votes with their count and elections.
_VOTED = re.compile(
    r"\bvoted\s+\d+\s*[-–]\s*\d+|\b(?:was|were) (?:elected|appointed)\b"
    r"|\bnominated\b.*\baccepted\b",
    re.IGNORECASE,
)
_MOVED = re.compile(r"\b(?:moved|motioned|motion to|foreslog)\b", re.IGNORECASE)
_NOT_DECISION = re.compile("|".join(words_of("NOT_DECISION_CUES")) or r"(?!)", re.IGNORECASE)
_SUBJECT_BODY = re.compile(r"^(?:the\s+)?(?P<subject>[A-ZÆØÅ][\wæøå’'-]+)\s")
_BODY_PART = re.compile("|".join(words_of("BODY_WORDS")), re.IGNORECASE)


def _other_body(sentence: str, title: str) -> bool:
    """Whether the subject names another body than the title: "Kommunalbestyrelsen har
    godkendt …" in the Ældreråd's minutes. A plain "Bestyrelsen", "Rådet", "The Board" is
    the body whose minutes these are.
    """
    match = _SUBJECT_BODY.match(sentence.strip())
    if not match or not title:
        return False
    subject = match.group("subject").lower()
    part = _BODY_PART.search(subject)
    if not part or part.start() < 3:
        return False
    return subject[: part.start()] not in title.lower()


_NEXT_MEETING = re.compile("|".join(words_of("NEXT_MEETING_WORDS")), re.IGNORECASE)
_MODAL = re.compile("|".join(words_of("MODALS")) or r"(?!)", re.IGNORECASE)


def _is_decision(sentence: str, title: str = "") -> bool:
    """A sentence that records a decision: a strong cue, or a passive one without "skal".

    Not a decision: a question, a person's own agreement in a chat ("renato:
    agreed to …"), a decision another body took ("Kommunalbestyrelsen har
    godkendt …" in the minutes of Ældrerådet).
    """
    if sentence.rstrip().endswith("?") or _NOT_DECISION.search(sentence):
        return False
    if _other_body(sentence, title):
        return False
    if _DECISION_CUE.search(sentence):
        return True
    weak = bool(_WEAK_CUE.search(sentence)) and not _MODAL.search(sentence)
    return weak and not _NEXT_MEETING.search(sentence)  # "Næste møde afholdes …" is a date


_MOTION = re.compile(
    r"(?:It was moved by|Moved by)\b.*?MOTION CARRIED[^\[]*?(?:\[[^\]]*\])?(?=$|\s)", re.IGNORECASE
)
_RESOLVED = re.compile(r"\bRESOLVED\b[,:]?\s*.*", re.DOTALL)


_OUTCOME = re.compile(
    rf"^(?:{'|'.join(words_of('OUTCOME_LABELS'))})\s*[:\-–]?\s*(?P<rest>.*)$", re.IGNORECASE
)
_BARE_RESULT = re.compile("|".join(words_of("BARE_RESULTS")), re.IGNORECASE)
_TALLY = re.compile("|".join(words_of("VOTE_TALLIES")), re.IGNORECASE)
_MOTION_WORDS = re.compile("|".join(words_of("MOTION_WORDS")), re.IGNORECASE)
_NOT_APPLICABLE = re.compile("|".join(words_of("NOT_APPLICABLE")), re.IGNORECASE)


def _columns(name: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{'|'.join(words_of(name))})\b", re.IGNORECASE)


_OWNER_COLUMN = _columns("OWNER_COLUMNS")
_TASK_COLUMN = _columns("TASK_COLUMNS")
_STATUS_COLUMN = _columns("STATUS_COLUMNS")
_DECISION_COLUMN = _columns("DECISION_COLUMNS")
_SOURCE_COLUMN = re.compile(rf"^(?:{'|'.join(words_of('SOURCE_COLUMNS'))})\.?$", re.IGNORECASE)
_ACTION_SECTION = re.compile(
    rf"^(?:{'|'.join(words_of('ACTION_SECTIONS'))})\s*:?\s*$", re.IGNORECASE
)


ACTION_LINE = re.compile(
    r"^(?:ACTION(?: ITEM)?|Action(?: item)?|Handling|Opgave|TODO)\s*:", re.IGNORECASE
)


def _section_decisions(lines: list[str]) -> list[str]:
    """Entries under one decision heading: one per bullet, or per paragraph if none."""
    entries: list[str] = []
    bullets = False
    current: str | None = None
    for line in lines:
        if ACTION_LINE.match(line):
            break  # "ACTION: …" after the decisions is an action, read on its own
        if not line:
            if not bullets and current is not None:
                entries.append(current)
                current = None
            continue
        bullet = BULLET_LINE.match(line)
        if bullet:
            body = bullet.group(1).strip()
            if (
                current is not None
                and body[:1].islower()
                and not current.rstrip().endswith((".", "!", "?", ":"))
            ):
                current = f"{current} {body}"  # a bullet split in two by the PDF
                continue
            if current is not None:
                entries.append(current)
            current, bullets = body, True
            continue
        if line.endswith(":"):
            if current is not None:
                entries.append(current)
            current = None
            if entries and not is_item_heading(line):
                break  # "Fremmøde og inhabilitet:": attendance ends the decisions
            continue
        if re.match(r"^[^:]{2,40}:", line) and not is_item_heading(line.split(":")[0]):
            break  # "Fraværende: Lone Hansen"
        if current is not None and continues(current, line):
            current = f"{current} {line}"
            continue
        if bullets:
            break  # prose after the list: the decision section is over
        if current is not None:
            entries.append(current)
        current = line
    if current is not None:
        entries.append(current)
    return [clip(e) for e in entries if clip(e)]


def read_sections(segment: Segment, minutes: Minutes, known: tuple[str, ...], base: date) -> None:
    current: str | None = None
    body: list[str] = []

    def flush() -> None:
        if current == "beslutning":
            for entry in _section_decisions(body):
                minutes.decisions.append(MinutesDecision(segment.label, entry))
                for sentence in sentences(entry):
                    minutes.actions += actions_in(
                        sentence, segment.label, known, base, minutes.language
                    )

    for line in segment.lines:
        if ACTION_LINE.match(line):
            minutes.actions += actions_in(line, segment.label, known, base, minutes.language)
        section = section_of(line)
        if section:
            flush()
            current, body = section[0], [section[1]] if section[1] else []
            continue
        body.append(line)
    flush()


def _block_text(block: str) -> str:
    return re.sub(r"^(?:[-*•·▪◦+]|\d{1,2}[.)])\s+", "", block).strip()


def _outcome_decisions(blocks: list[str]) -> tuple[list[tuple[int, str]], set[int]]:
    """Decisions from outcome lines and bare results, each joined to the motion it settles.

    "Resolution: Vote passed", "Passed without dissent.", "Vote: 3 in favor, 0
    opposed" say only that something passed: the decision is the motion before
    them ("Vote on …", "Moved by …", "Text: …") with the tally and result.
    Returns (block index, text) pairs and the indexes of the blocks they used.
    """
    found: list[tuple[int, str]] = []
    used: set[int] = set()
    for index, block in enumerate(blocks):
        text = _block_text(block)
        outcome = _OUTCOME.match(text)
        rest = outcome.group("rest").strip() if outcome else text
        if outcome and (not rest or _NOT_APPLICABLE.match(rest)):
            used.add(index)
            continue
        signed = re.match(r"^\w+:\s*\d", rest)  # "Approved: 11/15/2022" under a signature
        votes = re.match(r"^(?:the )?motion (?:passe|carrie|passed|carried)", rest, re.I)
        bare = bool(_BARE_RESULT.match(rest)) and (len(rest) < 60 or bool(votes)) and not signed
        if not outcome and not bare:
            continue
        if bare and index + 1 < len(blocks) and _TALLY.match(_block_text(blocks[index])):
            nxt = _block_text(blocks[index + 1])
            if _OUTCOME.match(nxt) or _BARE_RESULT.match(nxt):
                continue  # a tally before its result: joined when the result comes
        used.add(index)
        if not bare:
            found.append((index, text))
            continue
        start = index
        while start > 0 and _TALLY.match(_block_text(blocks[start - 1])):
            start -= 1
        motion = start - 1
        if motion >= 0 and motion not in used and _MOTION_WORDS.search(blocks[motion]):
            start = motion
            mover = start - 1  # "X seconded the motion." after "Y moved to …"
            if not _MOVED.search(blocks[start]) and mover >= 0 and _MOVED.search(blocks[mover]):
                start = mover
        if found and found[-1][0] >= start - 1 and found[-1][0] < index:
            joined = found.pop()[1]  # the motion was already read as a decision
            start = index
            parts = [joined] + [_block_text(b) for b in blocks[start : index + 1]]
        else:
            parts = [_block_text(b) for b in blocks[start : index + 1]]
        used.update(range(start, index + 1))
        found.append((index, " ".join(parts)))
    return found, used


def read_cues(
    segment: Segment, minutes: Minutes, known: tuple[str, ...], base: date, title: str = ""
) -> None:
    label = segment.label
    texts = paragraphs(segment.lines)
    formal: list[str] = []
    for paragraph in texts:
        formal += [clip(m.group(0)) for m in _MOTION.finditer(paragraph)]
        resolved = _RESOLVED.search(paragraph)
        if resolved:
            formal.append(clip(sentences(resolved.group(0))[0]))
    for text in formal:
        minutes.decisions.append(MinutesDecision(label, text))
    outcomes, used = _outcome_decisions(texts) if not formal else ([], set())
    decided: list[tuple[int, str]] = list(outcomes)
    owner_lines = [m.group(1) for line in segment.lines if (m := OWNER_LINE.match(line))]
    named = {n for raw in owner_lines for n in owner_names(raw, known)}
    listed = _listed_actions(segment, known)
    listed_tasks = {a.task for a in listed}
    for index, paragraph in enumerate(texts):
        said = sentences(paragraph)
        for place, sentence in enumerate(said):
            if index in used:
                pass
            elif formal:  # besides the motions, only a vote with its count or an election
                if _VOTED.search(sentence) and _is_decision(sentence, title):
                    decided.append((index, clip(sentence)))
            elif (
                place
                and _BARE_RESULT.match(sentence)
                and (len(sentence) < 60 or re.match(r"^(?:the )?motion ", sentence, re.I))
            ):
                # "Motion to approve … Moved by Jones, seconded by Lee. Carried unanimously."
                start = next((i for i in range(place) if _MOTION_WORDS.search(said[i])), place)
                motion = " ".join(said[start : place + 1])
                if not _MOVED.search(motion) and index > 0:
                    before = sentences(texts[index - 1])
                    if before and _MOVED.search(
                        before[-1]
                    ):  # "X moved to …" ends the paragraph before
                        motion = f"{before[-1]} {motion}"
                decided.append((index, clip(motion)))
            elif _is_decision(sentence, title):
                decided.append((index, clip(sentence)))
            if clip(_block_text(sentence)).rstrip(".") not in listed_tasks:
                minutes.actions += [
                    a
                    for a in actions_in(sentence, label, known, base, minutes.language)
                    if not owner_lines or set(a.owners) <= named  # "Ansvarlig: JK" wins
                ]
    for _, text in sorted(decided, key=lambda d: d[0]):
        minutes.decisions.append(MinutesDecision(label, clip(text)))
    minutes.actions += listed
    rows = table_rows(segment.lines)
    added = _this_meetings_rows(rows)
    for row in rows:
        owner = _column(row, _OWNER_COLUMN)
        task = _column(row, _TASK_COLUMN)
        status = " ".join(v for k, v in row.items() if _STATUS_COLUMN.match(k))
        outcome = _column(row, _DECISION_COLUMN)
        if outcome and not _NOT_APPLICABLE.match(outcome):
            minutes.decisions.append(MinutesDecision(label, clip(outcome)))
        for sentence in sentences(status):
            if _is_decision(sentence):
                minutes.decisions.append(MinutesDecision(label, clip(sentence)))
            minutes.actions += actions_in(sentence, label, known, base, minutes.language)
        closed = re.search(r"lukkes|closed|done|udført", status, re.I)
        if owner and task and not closed and any(row is r for r in added):
            minutes.actions.append(MinutesAction(label, owner_names(owner, known), clip(task)))
    if owner_lines and texts:
        first = sentences(texts[0])[0] if sentences(texts[0]) else texts[0]
        for owner in owner_lines:
            minutes.actions.append(
                MinutesAction(label, owner_names(owner, known), clip(first).rstrip("."))
            )


def _column(row: dict[str, str], pattern: re.Pattern[str]) -> str:
    return next((v for k, v in row.items() if pattern.match(k) and v.strip()), "")


def _this_meetings_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows of an action log that this meeting added: its source column holds the latest meeting.

    An action log ("Kilde: PM1, PM2, PM4") carries earlier meetings' actions;
    those are not assigned at this meeting. A table without such a column is kept whole.
    """
    column = next((k for row in rows for k in row if _SOURCE_COLUMN.match(k)), None)
    if column is None:
        return rows
    values = [row.get(column, "") for row in rows if row.get(column)]
    if not values:
        return rows
    latest = max(values, key=lambda v: [int(n) for n in re.findall(r"\d+", v)] or [0])
    return [row for row in rows if row.get(column) == latest]


def _listed_actions(segment: Segment, known: tuple[str, ...]) -> list[MinutesAction]:
    """Lines of an action list: under an action heading ("Action items", "Opfølgning")."""
    active = bool(_ACTION_SECTION.match(segment.title.strip(" #*")))
    found: list[MinutesAction] = []
    for line in segment.lines:
        if not line:
            continue
        if _ACTION_SECTION.match(line):
            active = True
            continue
        if not active:
            continue
        action = listed_action(line, segment.label, known)
        if action is not None:
            found.append(action)
        elif not BULLET_LINE.match(line) and not re.match(r"^\d{1,2}[.)]\s", line):
            active = False
    return found

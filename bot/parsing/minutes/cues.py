"""Decisions: under decision headings, or sentences that say something was decided."""

from __future__ import annotations

import re
from datetime import date

from bot.parsing.alternatives import Alternatives
from bot.parsing.minutes.answers import LIST_LABEL, answer, label_list
from bot.parsing.minutes.dates import dates_in
from bot.parsing.minutes.elections import is_election, nominee_line, role_result
from bot.parsing.minutes.headings import is_item_heading
from bot.parsing.minutes.model import Minutes, MinutesAction, MinutesDecision, clip
from bot.parsing.minutes.motions import (
    BARE_RESULT,
    MOTION,
    MOTION_WORDS,
    MOVED,
    MOVER_FIELD,
    NOT_APPLICABLE,
    NOT_DECISION,
    OUTCOME,
    RESOLVED,
    SECONDER,
    TALLY,
    VOTED,
    block_text,
    labelled,
    outcome_decisions,
    poll_decisions,
    results_apart,
    seconded_motions,
)
from bot.parsing.minutes.outline import Segment, heading_section
from bot.parsing.minutes.owners import (
    OWNER_LINE,
    actions_in,
    assignment_runs,
    listed_action,
    owner_heading,
    owner_names,
    owners_after,
    owners_opening_lines,
)
from bot.parsing.minutes.status import STATUS_ONLY, closed_lines
from bot.parsing.minutes.tables import (
    DECISION_COLUMN,
    DUE_COLUMN,
    OWNER_COLUMN,
    STATUS_COLUMN,
    column,
    task_column,
    this_meetings_rows,
)
from bot.parsing.minutes.text import (
    ACTION_HEADING,
    BULLET_LINE,
    continues,
    paragraphs,
    plain,
    sentences,
    table_rows,
    unquoted,
    words_of,
)

_DECISION_CUE = Alternatives(words_of("DECISION_CUES"), re.IGNORECASE)
_WEAK_CUE = Alternatives(words_of("WEAK_DECISION_CUES"), re.IGNORECASE)
_COUNT_FOR = re.compile(rf"^(?:{'|'.join(words_of('POLL_FOR'))})\s*:\s*\d", re.IGNORECASE)
_THAT = re.compile(r"\s+(?:det\s+)?(?:at|that)\b", re.IGNORECASE)
_WE_DECIDE = re.compile("|".join(words_of("WE_DECIDE")) or r"(?!)", re.IGNORECASE)
_STATE_VERBS = "|".join(w for w in words_of("NOT_ACTION_VERBS") if "_" not in w)
_STATE = re.compile(
    rf"^\S+\s+(?:{_STATE_VERBS})\b|\bvi\s+(?:{_STATE_VERBS})\b|\b(?:{_STATE_VERBS})\s+vi\b",
    re.IGNORECASE,
)
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
    if re.match(rf"^{part.group(0)}s?møde\b", title.strip().lower()):
        return False  # "Rådsmøde 27.09.2022": a meeting of the kind of body named, so this one
    return subject[: part.start()] not in title.lower()


_NEXT_MEETING = re.compile("|".join(words_of("NEXT_MEETING_WORDS")), re.IGNORECASE)
_ELECTION = re.compile("|".join(words_of("ELECTION_OPENERS")), re.IGNORECASE)
_MODAL = re.compile("|".join(words_of("MODALS")) or r"(?!)", re.IGNORECASE)
_REPORT = re.compile("|".join(words_of("REPORTS")), re.IGNORECASE)
_ELABORATION = re.compile("|".join(words_of("ELABORATIONS")), re.IGNORECASE)
_EARLIER = re.compile("|".join(words_of("EARLIER_DECISIONS")), re.IGNORECASE)
_DECIDED_BEFORE = re.compile("|".join(words_of("DECIDED_BEFORE")), re.IGNORECASE)


def _is_decision(sentence: str, title: str = "", *, in_item: bool = True) -> bool:
    """A sentence that records a decision: a strong cue, or a passive one without "skal".

    Not a decision: a question, a person's own agreement in a chat ("renato:
    agreed to …"), a decision another body took ("Kommunalbestyrelsen har
    godkendt …" in the minutes of Ældrerådet).
    """
    sentence = unquoted(plain(sentence))
    if sentence.rstrip().endswith("?") or NOT_DECISION.search(sentence):
        return False
    if _DECIDED_BEFORE.search(sentence):
        return False  # "Last summer we voted on …": an earlier decision, recalled
    if _other_body(sentence, title):
        return False
    if _DECISION_CUE.search(sentence):
        return True
    outcome = OUTCOME.match(sentence)
    if outcome and labelled(sentence, outcome) and not NOT_APPLICABLE.match(outcome["rest"]):
        return bool(outcome["rest"].strip())  # "… concerns. Conclusion: keep using Zoom."
    if in_item and _WE_DECIDE.search(sentence) and not _STATE.search(sentence):
        return True  # "Vi indhenter pris på nyt hus." (not "Vi mangler …", not a site's banner)
    cue = _WEAK_CUE.search(sentence)
    if cue is None:
        return False
    # a modal keeps it a wish ("skal godkendes på næste møde"), unless it is in what was
    # decided: "Det besluttes at selskaber … kan få udleveret en chip"
    that = _THAT.match(sentence, cue.end())
    if _MODAL.search(sentence[: cue.end()] if that else sentence):
        return False
    return not _NEXT_MEETING.search(sentence)  # "Næste møde afholdes …" is a date


# "Agenda", "Dagsorden:", "- Agenda topics for next week:", "Proposed agenda": a list of items
_AGENDA_HEADING = re.compile(
    rf"^(?:[-*•]\s+)?(?:(?:{'|'.join(words_of('AGENDA'))})\b[^.!?]{{0,40}}:|"
    rf"(?:{'|'.join(words_of('AGENDA'))}|{'|'.join(words_of('PROPOSED_AGENDA'))})\s*:?$)",
    re.IGNORECASE,
)
_ACTION_SECTION = re.compile(
    rf"^(?:[#*\-•]+\s*)?(?:{'|'.join(words_of('ACTION_SECTIONS'))})"
    rf"(?:\s*(?:{'|'.join(words_of('ACTION_SECTION_QUALIFIERS'))}))?\s*:{{0,2}}\s*$",
    re.IGNORECASE,
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
        if ACTION_LINE.match(line) or line.startswith("|"):
            break  # "ACTION: …", a table after the decisions: read on their own
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
    if not bullets and any(_is_decision(e) and not _REPORT.match(e) for e in entries):
        # paragraphs "Formanden orienterede om …" / "Til efterretning.": told, then decided
        entries = [e for e in entries if not _REPORT.match(e)]
    last = entries[-1] if entries and not bullets else ""
    if last and not re.search(r"[.!?)]$", last) and not _is_decision(last):
        entries.pop()  # "Punkter til drøftelse" (the next group's heading), a cut-off sentence
    return [
        clip(e)
        for e in entries
        if clip(e) and _says_enough(clip(e)) and not NOT_DECISION.search(clip(e))
    ]


_WORD = re.compile(r"[^\W\d_]{2,}")
_OUTCOME_WORD = re.compile(rf"^(?:{'|'.join(words_of('TITLE_OUTCOMES'))})\b", re.IGNORECASE)


def _says_enough(entry: str) -> bool:
    """Whether an entry under a decision heading can be a decision at all: not a question,
    not a lone bullet or bracket ("-", ")"), and a single word only where it says itself that
    something was settled ("Godkendt.", "Approved") — "Jesse", "Should" are fragments."""
    words = _WORD.findall(entry)
    if not words or entry.rstrip().endswith("?"):
        return False
    return len(words) > 1 or _is_decision(entry) or bool(_OUTCOME_WORD.match(entry))


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

    for index, line in enumerate(segment.lines):
        if ACTION_LINE.match(line):
            minutes.actions += actions_in(line, segment.label, known, base, minutes.language)
        section = heading_section(segment.lines, index)
        if section:
            flush()
            current, body = section[0], [section[1]] if section[1] else []
            continue
        if current is not None and ACTION_HEADING.match(line):
            flush()  # "## Action items" after "## Decisions": the decisions end there
            current, body = None, []
            continue
        body.append(line)
    flush()
    read_tables(segment, minutes, known, base)
    read = {a.task for a in minutes.actions}
    minutes.actions += [a for a in _listed_actions(segment, known) if a.task not in read]


def read_cues(
    segment: Segment, minutes: Minutes, known: tuple[str, ...], base: date, title: str = ""
) -> None:
    label = segment.label
    first_action = len(minutes.actions)
    texts = paragraphs(segment.lines)
    formal: list[str] = []
    for paragraph in texts:
        formal += [clip(m.group(0)) for m in MOTION.finditer(paragraph)]
        resolved = RESOLVED.search(paragraph)
        if resolved and not _EARLIER.search(paragraph[: resolved.start()]):
            formal.append(clip(sentences(resolved.group(0))[0]))
    for text in formal:
        minutes.decisions.append(MinutesDecision(label, text))
    outcomes, used = outcome_decisions(texts, _matter(segment.title)) if not formal else ([], set())
    outcomes += seconded_motions(texts, used) if not formal else []
    decided: list[tuple[int, str]] = list(outcomes)
    election = is_election(segment.title) and not _constitution(segment)
    if election:
        for index, paragraph in enumerate(texts):
            if index not in used and role_result(paragraph):
                decided.append((index, clip(paragraph)))  # "Ordstyrer: Kristian Mortensen"
                used.add(index)
    if not formal:
        labelled, label_at = label_list(segment.lines), set()
        for index, paragraph in enumerate(texts):
            if LIST_LABEL.match(paragraph):
                label_at.add(index)  # "Agreed:" over its list is no decision itself
            elif block_text(paragraph) in labelled and index not in used:
                if not NOT_DECISION.search(block_text(paragraph)):  # ":+1: @ann, @bo"
                    decided.append((index, clip(block_text(paragraph))))
            else:
                continue
            used.add(index)
        if not labelled:
            used -= label_at
    owner_lines = [m.group(1) for line in segment.lines if (m := OWNER_LINE.match(line))]
    named = {n for raw in owner_lines for n in owner_names(raw, known)}
    listed = _listed_actions(segment, known)
    bullets = {m.group(1).strip() for line in segment.lines if (m := BULLET_LINE.match(line))}
    listed_tasks = {a.task for a in listed}
    for index, paragraph in enumerate(texts):
        said = [part for sentence in sentences(paragraph) for part in results_apart(sentence)]
        settled = 0  # where the next motion in this paragraph may start
        for place, sentence in enumerate(said):
            if index in used:
                pass
            elif TALLY.match(sentence) and any(_bare(s) for s in said[place + 1 :]):
                pass  # "All voted “AYE”." is joined to the result that follows it
            elif formal:  # besides the motions, only a vote with its count or an election
                if VOTED.search(sentence) and _is_decision(sentence, title):
                    decided.append((index, clip(sentence)))
            elif place and _bare(sentence):
                # "Motion to approve … Moved by Jones, seconded by Lee. Carried unanimously."
                start = next(
                    (i for i in range(settled, place) if MOTION_WORDS.search(said[i])), place
                )
                if start == place and settled < place and _elliptic(sentence):
                    start = place - 1  # "Godkendelse af kollektplan 2023. Godkendt."
                read = decided[-1] if decided and decided[-1][0] == index else None
                moved_here = any(MOVED.search(said[i]) for i in range(settled, place))
                if read and MOVED.search(read[1]) and not moved_here and settled == start:
                    # "X moved to have the report accepted." read already; "Y seconded. Carried"
                    decided[-1] = (index, clip(" ".join([read[1], *said[settled : place + 1]])))
                    settled = place + 1
                    continue
                settled = place + 1
                motion = " ".join(said[start : place + 1])
                if not MOVED.search(motion) and index > 0 and index - 1 not in used:
                    # "X moved to …" in the paragraph before ("Propose a motion: …" and what
                    # it says, then "Denny seconded. Motion passed.")
                    before = sentences(texts[index - 1])
                    moved_at = [i for i, b in enumerate(before) if MOVED.search(b)]
                    if moved_at:
                        motion = " ".join([*before[moved_at[-1] :], motion])
                nominee = texts[index - 1] if election and index and start == 0 else ""
                if nominee and index - 1 not in used and nominee_line(nominee):
                    motion = f"{nominee} {motion}"  # "Secretary Rene Bartosh" over its motion
                decided.append((index, clip(motion)))
            elif _is_decision(sentence, title, in_item=label is not None):
                subject = said[place - 1] if settled < place and _elliptic(sentence) else ""
                if not subject and settled < place and SECONDER.search(sentence):
                    if MOVED.search(said[place - 1]):
                        subject = said[place - 1]  # "X moved approval …. Y seconded the motion"
                if not subject and index and not place and SECONDER.search(sentence):
                    # "X moved approval of the staff recommendation." over "Y seconded the
                    # motion, which carried …": the paragraph before says what was moved
                    prior = sentences(texts[index - 1])
                    if index - 1 not in used and prior and MOVED.search(prior[-1]):
                        subject = prior[-1]
                if not subject and not index and not place and _COUNT_FOR.match(sentence):
                    # "For: 11 (Enstemmigt vedtaget)" first under "Forslag om orangeri …":
                    # the count settles the item's own proposal
                    subject = _matter(segment.title)
                if not subject and not place and index and _bare(sentence):
                    # "i. Alexander stiller op som næstformand." over "ii. Enstemmigt
                    # vedtaget.": the list item before names what the vote settled
                    prior = sentences(texts[index - 1])
                    if index - 1 not in used and prior and not _is_decision(prior[-1], title):
                        subject = prior[-1]
                before = (sentences(texts[index - 1]) if index and settled == 0 else []) + said[
                    settled:place
                ]
                opener = next(
                    (i for i in range(len(before) - 1, -1, -1) if _ELECTION.search(before[i])),
                    None,
                )
                if opener is not None and len(before) - opener <= 4:
                    subject = " ".join(before[opener:])  # "På valg var … Der var genvalg."
                more = place + 1  # "This applies to access codes, …" says what it covers
                while more < len(said) and _ELABORATION.match(said[more]):
                    more += 1
                rest = said[more:]
                whole = election or any(paragraph.startswith(b) for b in bullets)
                short = len(rest) <= 2 and len(" ".join(rest)) <= 160
                if whole and opener is None and short and not any(map(_is_decision, rest)):
                    # a bullet, an election's result: the rest of it says what was settled
                    # ("No need for a release cadence for now. Releasing on demand is good
                    # enough", "Carina fortsætter som revisor. Flemming fortsat …")
                    more = len(said)
                decided.append((index, clip(" ".join([subject, *said[place:more]]).strip())))
                settled = more
            if clip(block_text(sentence)).rstrip(".") not in listed_tasks:
                minutes.actions += [
                    a
                    for a in actions_in(sentence, label, known, base, minutes.language)
                    if (not owner_lines or set(a.owners) <= named)  # "Ansvarlig: JK" wins
                    # read already from the action list, also as the start of lines run
                    # together ("Jens – sender budgettet" then "Lise – undersøger priser")
                    and not any(a.task.startswith(t) for t in listed_tasks)
                ]
    answered = answer(segment.title, texts) if not decided and not formal else None
    if answered is not None:
        decided.append((0, answered))
    for _, text in sorted(decided, key=lambda d: d[0]):
        minutes.decisions.append(MinutesDecision(label, clip(text)))
    minutes.actions += listed
    minutes.actions += owners_opening_lines(
        segment.lines, label, known, base, minutes.language, {a.task for a in minutes.actions}
    )
    minutes.actions += assignment_runs(
        segment.lines, label, known, {a.task for a in minutes.actions}
    )
    roles = _constitution(segment)
    if roles:
        minutes.decisions.append(MinutesDecision(label, clip(roles)))
    for poll in poll_decisions(segment.lines):
        minutes.decisions.append(MinutesDecision(label, clip(poll)))
    read_tables(segment, minutes, known, base)
    minutes.actions += owners_after(segment.lines, label, known, {a.task for a in minutes.actions})
    reported = closed_lines(segment.lines)
    if reported:
        minutes.actions[first_action:] = [
            a
            for a in minutes.actions[first_action:]
            if not any(a.task[:60] in plain(line) for line in reported)
        ]


_CONSTITUTION = re.compile(
    rf"^(?:{'|'.join(words_of('CONSTITUTION_TITLES'))})\s*:?$", re.IGNORECASE
)
_ROLE_LINE = re.compile(
    r"^[A-ZÆØÅ][^:]{1,50}:\s*(?-i:[A-ZÆØÅ])[\wæøå.-]+(?:\s+[A-ZÆØÅ][\wæøå.-]+)*"
)


def read_tables(segment: Segment, minutes: Minutes, known: tuple[str, ...], base: date) -> None:
    """Tables of actions and outcomes in a segment: a row with an owner and a task is an
    action (with the deadline column's first date); an outcome column, or a status that
    says something was decided, is a decision."""
    label = segment.label
    rows = table_rows(segment.lines)
    added = this_meetings_rows(rows)
    for row in rows:
        owner = column(row, OWNER_COLUMN)
        task = task_column(row)
        status = " ".join(v for k, v in row.items() if STATUS_COLUMN.match(k))
        outcome = column(row, DECISION_COLUMN)
        if outcome and not NOT_APPLICABLE.match(outcome):
            minutes.decisions.append(MinutesDecision(label, clip(outcome)))
        for sentence in sentences(status):
            if _is_decision(sentence):
                minutes.decisions.append(MinutesDecision(label, clip(sentence)))
            minutes.actions += actions_in(sentence, label, known, base, minutes.language)
        closed = STATUS_ONLY.match(status.strip())
        if owner and task and not closed and any(row is r for r in added):
            # the deadline column's first date: "| Make accounts | Sean | April 15, 2022 |"
            due = next((d.value for d in dates_in(column(row, DUE_COLUMN), base) if d.value), None)
            minutes.actions.append(
                MinutesAction(label, owner_names(owner, known), clip(task), due=due)
            )


def _constitution(segment: Segment) -> str | None:
    """The roles an item that constitutes the board sets ("Punkt 1: Konstituering" over
    "Formand: Morten Bay Dahl (nr. 22)", "Kasserer: …"), as one decision."""
    if not _CONSTITUTION.match(segment.title.strip(" #*")):
        return None
    roles = [
        ln.strip(" -•*")
        for ln in segment.lines
        if _ROLE_LINE.match(ln.strip(" -•*")) and not MOVER_FIELD.match(ln.strip(" -•*"))
    ]  # "Proposed by: Cart" under a motion names no office
    return " ".join(roles) if len(roles) >= 2 else None


def _matter(title: str) -> str:
    """An item's title as the matter an outcome settles: "Budget 2025:"."""
    title = title.strip().rstrip(" .:")
    return f"{title}:" if title and not _is_decision(title) else ""


def _elliptic(sentence: str) -> bool:
    """An outcome too short to say what it settles ("Kvartalsregnskab godkendt.", "Approved.");
    the sentence before it in the paragraph names the matter."""
    return len(sentence.split()) <= 3


def _bare(sentence: str) -> bool:
    """A result that only says something passed ("Motion carries 8-0-0.", "Elected 8-0-1.")."""
    return bool(BARE_RESULT.match(sentence)) and (
        len(sentence) < 60
        or bool(re.match(r"^(?:the )?motion |^(?:\S+\s+){1,3}seconded\b", sentence, re.I))
    )


_CARRIED_HEADING = re.compile(
    rf"^(?:{'|'.join(words_of('CARRIED_OVER_HEADINGS'))})\s*:?$", re.IGNORECASE
)


_LABEL_ALONE = re.compile(rf"^(?:{'|'.join(words_of('OUTCOME_LABELS'))})\s*:?$", re.IGNORECASE)


def _owned_list(lines: list[str], at: int, known: tuple[str, ...]) -> bool:
    """An outcome label alone on its line ("**Resolved**", "Agreed:") over a list whose every
    item names its owner ("- Luther: Introduce Soares to Juanita …"): a list of tasks."""
    if not _LABEL_ALONE.match(lines[at].strip(" *_#")):
        return False
    items: list[str] = []
    for line in lines[at + 1 :]:
        if not line and not items:
            continue
        if not BULLET_LINE.match(line):
            break
        items.append(line)
    return bool(items) and all(listed_action(i, None, known) is not None for i in items)


_OPEN_CHECKBOX = re.compile(r"^[-*+]\s+\[ \]\s+\S")


def _listed_actions(segment: Segment, known: tuple[str, ...]) -> list[MinutesAction]:
    """Lines of an action list: under an action heading ("Action items", "Opfølgning").

    A name alone on its line ("***Erik***", "Nick:") heads that person's tasks: the
    list items under it are theirs. Items under a carried-over heading ("Continuation",
    "Videreført") up to the end of their paragraph are earlier meetings' tasks.
    """
    active = bool(_ACTION_SECTION.match(segment.title.strip(" #*")))
    found: list[MinutesAction] = []
    owner: list[str] | None = None
    carried = agenda = False
    for at, line in enumerate(segment.lines):
        if not line:
            carried = False
            continue
        if _AGENDA_HEADING.match(line.strip(" #*_")):
            agenda = True  # the list under "Agenda" names items and their presenters
            continue
        if agenda and re.match(r"^[•\-–*·▪◦+]\s|^\d{1,2}[.)]\s", line):
            continue
        agenda = False
        if _ACTION_SECTION.match(line) or _owned_list(segment.lines, at, known):
            active, owner = True, None
            continue
        if not active and not _OPEN_CHECKBOX.match(line):
            continue  # an open task-list item ("- [ ] Petr: Do the rename …") is one anywhere
        bare = line.strip(" *_").rstrip(":").strip(" *_")
        if _CARRIED_HEADING.match(bare):
            carried = True
            continue
        # a bullet that is only a name and a colon ("* MartinO:") heads the bullets under it
        named_bullet = re.match(r"^[•\-–*·▪◦+]\s+[^:]{2,40}:$", line.rstrip(" *_"))
        bullet = BULLET_LINE.match(line)
        spaced_bullet = re.match(r"^[•\-–*·▪◦+]\s", line)  # not "*Erik*" (emphasis)
        if (named_bullet or not spaced_bullet) and owner_heading(bare):
            owner, carried = owner_names(bare, known), False
            continue
        if carried:
            continue
        if owner is not None and bullet and clip(bullet.group(1)):
            # the heading names the owner: "Launch Actions - Initial Design" under "MartinO:"
            found.append(MinutesAction(segment.label, owner, clip(bullet.group(1)).rstrip(".")))
            continue
        action = listed_action(line, segment.label, known)
        if action is not None:
            found.append(action)
        elif not bullet and not re.match(r"^\d{1,2}[.)]\s", line):
            active, owner = False, None
    return found

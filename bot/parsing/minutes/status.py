"""An action's status written under it ("- Action completed", "- Udført", "- Action carried
forwards"): the task is an earlier meeting's, reported on, not a new one."""

from __future__ import annotations

import re

from bot.parsing.minutes.text import words_of

# A bullet that only gives the status of the action above it: "- Action completed",
# "- Done", "- Handling udført", "- Action cancelled (delayed indefinitely)".
STATUS_ONLY = re.compile(
    rf"^(?:[-*•·▪◦+]\s+)?(?:(?:{'|'.join(words_of('ACTION_MARKERS'))}|status)\s*:?\s*)?"
    rf"(?:{'|'.join(words_of('CLOSED_STATUS'))})\b(?:\s*\(.*\))?[.!]?$",
    re.IGNORECASE,
)


_MARKED = re.compile(
    rf"^(?:[-*•·▪◦+]\s+)?(?:{'|'.join(words_of('ACTION_MARKERS'))})\b", re.IGNORECASE
)


def closed_lines(lines: list[str]) -> list[str]:
    """The lines whose task a status line below closes, drops or carries over ("- Action
    LB: …" over "- MW reports …" and "- Action completed"): an earlier meeting's task,
    reported on, not a new one. The status belongs to the nearest marked action within three
    lines above it, or else to the line just above."""
    filled = [line.strip() for line in lines if line.strip()]
    closed: list[str] = []
    for at, line in enumerate(filled):
        if at == 0 or not STATUS_ONLY.match(line):
            continue
        above = filled[max(0, at - 3) : at]
        marked = [a for a in above if _MARKED.match(a) and not STATUS_ONLY.match(a)]
        closed.append(marked[-1] if marked else filled[at - 1])
    return closed

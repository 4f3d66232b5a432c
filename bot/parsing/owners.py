"""Who owns a task: mentions, owner keywords and known names (PRODUCT.md section 2)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.parsing.lexicon import words

# The bodies every Rammeaftale Sjælland group knows; `/referat owner` adds more.
DEFAULT_OWNER_NAMES: tuple[str, ...] = (
    "Faxe",
    "Greve",
    "Guldborgsund",
    "Holbæk",
    "Kalundborg",
    "Køge",
    "Lejre",
    "Lolland",
    "Næstved",
    "Odsherred",
    "Ringsted",
    "Roskilde",
    "Slagelse",
    "Solrød",
    "Sorø",
    "Stevns",
    "Vordingborg",
    "Region Sjælland",
    "RS17",
    "Rammeaftalesekretariatet",
    "Sekretariatet",  # as the steering group says it day to day
    "Formandskabet",
    "Styregruppen",
    "K17",
    "KKR",
)


@dataclass(frozen=True)
class Owner:
    name: str
    user_id: str | None = None
    group_id: str | None = None

    @property
    def key(self) -> str:
        return self.user_id or self.group_id or self.name.casefold()


USER = re.compile(r"<@([UW][A-Z0-9]+)>")
GROUP = re.compile(r"<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>")
_SEPARATOR = r"\s*(?:,|&amp;|&|\b(?:" + "|".join(words("CONJUNCTIONS")) + r")\b)\s*"


def mention_owners(text: str) -> list[Owner]:
    owners = [Owner(name=f"<@{uid}>", user_id=uid) for uid in USER.findall(text)]
    owners += [Owner(name=f"<!subteam^{gid}>", group_id=gid) for gid in GROUP.findall(text)]
    return owners


def split_owner_names(text: str, known: Sequence[str] = ()) -> list[Owner]:
    """`Slagelse og Køge` or `Lolland, RS17` as owners; mentions as mentions."""
    text = text.strip().strip(".,;:").strip()
    if not text:
        return []
    mentions = mention_owners(text)
    rest = GROUP.sub(" ", USER.sub(" ", text))
    names = [part.strip(" .,;:") for part in re.split(_SEPARATOR, rest, flags=re.IGNORECASE)]
    owners = list(mentions)
    canon = {k.casefold(): k for k in known}
    for name in names:
        if name and len(name) <= 80:
            owners.append(Owner(name=canon.get(name.casefold(), name)))
    return _unique(owners)


def leading_known_owners(text: str, known: Sequence[str]) -> tuple[list[Owner], str]:
    """Known names at the start of a task: ("Slagelse og Køge bidrager", …) -> owners, rest."""
    if not known:
        return [], text
    names = sorted(known, key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    one = rf"(?:{alternation})"
    pattern = re.compile(rf"^({one}(?:{_SEPARATOR}{one})*)(?=\s|$|[.,:;])", re.IGNORECASE)
    match = pattern.match(text)
    if not match:
        return [], text
    owners = split_owner_names(match.group(1), known)
    return owners, text[match.end() :].strip()


def _unique(owners: list[Owner]) -> list[Owner]:
    seen: set[str] = set()
    out: list[Owner] = []
    for owner in owners:
        if owner.key not in seen:
            seen.add(owner.key)
            out.append(owner)
    return out


def unique(owners: list[Owner]) -> list[Owner]:
    return _unique(owners)

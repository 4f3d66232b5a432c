"""`/referat` subcommand names in both languages (data), and splitting the text."""

from __future__ import annotations

SUBCOMMANDS: dict[str, tuple[str, ...]] = {
    "help": ("help", "hjælp", "hjaelp", "?"),
    "next_meeting": (
        "next-meeting",
        "næste-møde",
        "naeste-moede",
        "nextmeeting",
        "næstemøde",
        "next",
        "næste",
    ),
    "meeting": ("meeting", "møde", "moede"),
    "done": ("done", "udført", "udfoert", "færdig"),
    "reopen": ("reopen", "genåbn", "genaabn"),
    "import": ("import", "importér", "importer"),
    "open_items": ("open-items", "åbne", "aabne", "open", "åbne-punkter", "opgaver"),
    "decisions": ("decisions", "beslutninger"),
    "retract": ("retract", "annullér", "annuller", "annullere"),
    "agenda": ("agenda", "dagsorden"),
    "owner": ("owner", "ansvarlig"),
    "export": ("export", "eksport", "eksportér", "eksporter"),
    "language": ("language", "sprog"),
    "reminders": ("reminders", "påmindelser", "paamindelser"),
    "digest": ("digest", "overblik"),
}
_LOOKUP = {name: key for key, names in SUBCOMMANDS.items() for name in names}


def split_command(text: str) -> tuple[str | None, str, str]:
    """(subcommand key or None, the word as typed, the rest). Empty text means help."""
    stripped = text.strip()
    if not stripped:
        return "help", "", ""
    word, _, rest = stripped.partition(" ")
    return _LOOKUP.get(word.lower()), word, rest.strip()

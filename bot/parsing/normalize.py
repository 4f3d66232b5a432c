"""Slack message text in, canonical text out.

`normalize` keeps Slack's escaping (`&amp;`, `&lt;`, `&gt;`) so that it is a
fixpoint: normalizing twice changes nothing. Tokens are put in one canonical
form (`<@U1|jens>` becomes `<@U1>`, `<!channel>` becomes plain `@channel`),
whitespace is tidied. `to_plain` then gives the text as the person wrote it,
for storing and showing (escaped again on the way out).
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"<([^<>\n]{1,1000})>")
_SPECIAL = {"channel", "here", "everyone"}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
# NUL and other control characters (PostgreSQL refuses NUL in text); tab and newline stay
_CONTROL = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 127], None)
_CONTROL_BUT_PAGES = {k: v for k, v in _CONTROL.items() if k != 12}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def _canonical_token(match: re.Match[str]) -> str:
    inner = match.group(1)
    head, _, label = inner.partition("|")
    if head.startswith("@") and re.fullmatch(r"@[UW][A-Z0-9]+", head):
        return f"<{head}>"
    if head.startswith("#C") and re.fullmatch(r"#C[A-Z0-9]+", head):
        return f"<{head}|{label}>" if label else f"<{head}>"
    if head.startswith("!subteam^"):
        return f"<{head}>"
    if head.startswith("!"):
        name = head[1:]
        if name in _SPECIAL:
            return f"@{name}"
        return f"@{label or name}".replace("<", "").replace(">", "")
    if re.match(r"(https?|mailto|tel):", head):
        return f"<{head}|{label}>" if label else f"<{head}>"
    return match.group(0)


def normalize(text: str) -> str:
    """Canonical Slack text: one form for tokens, tidy whitespace and line ends."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH).translate(_CONTROL)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TOKEN.sub(_canonical_token, text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def without_control(text: str, *, pages: bool = False) -> str:
    """Text with NUL and other control characters taken out (tab and newline kept; with
    `pages`, the form feed between a document's pages too: the minutes reader uses it)."""
    return text.translate(_CONTROL_BUT_PAGES if pages else _CONTROL)


def link_label(match: re.Match[str]) -> str:
    inner = match.group(1)
    head, _, label = inner.partition("|")
    if head.startswith(("@", "!subteam^")):
        return match.group(0)
    if head.startswith("#"):
        return f"#{label}" if label else head
    return label or head


def to_plain(normalized: str) -> str:
    """The text as typed: links become their label, entities are unescaped.

    User and user-group mentions stay as `<@U…>` / `<!subteam^…>` tokens so
    that a reply can show them as mentions; nothing else keeps markup.
    """
    text = _TOKEN.sub(link_label, normalized)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def escape(text: str) -> str:
    """Escape exactly what Slack needs: `&`, `<`, `>`."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_MENTION_BACK = re.compile(r"&lt;(@[UW][A-Z0-9]+|!subteam\^[A-Z0-9]+)&gt;")


def mrkdwn(text: str) -> str:
    """Escape person-typed text for a Slack post, keeping user mentions as mentions.

    `<!channel>`, `<!here>` and links never survive: they are shown, not acted on.
    """
    return _MENTION_BACK.sub(lambda m: f"<{m.group(1)}>", escape(text))

"""A Slack admin's review: the manifest asks for exactly the scopes the code needs, judged
from the Web API methods the code calls and the events it subscribes to; the README's
OAuth variant subscribes `app_uninstalled` and `tokens_revoked`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from bot.app import BOT_SCOPES
from tests.conftest import ROOT

# Bot-token scopes each Web API method needs (Slack's method reference; "none": any token).
METHOD_SCOPES: dict[str, set[str]] = {
    "chat.postMessage": {"chat:write"},
    "chat.update": {"chat:write"},
    "chat.postEphemeral": {"chat:write"},
    "chat.getPermalink": set(),
    "views.publish": set(),
    "views.open": set(),
    # files_upload_v2 = files.getUploadURLExternal + files.completeUploadExternal
    "files.upload_v2": {"files:write"},
    "conversations.open": {"im:write"},
    # digests go to channels, public or private; reminders to direct messages
    "conversations.history": {"channels:history", "groups:history", "im:history"},
    "conversations.replies": {"channels:history", "groups:history", "im:history"},
    # who may see a channel's records: members of public and private channels
    "conversations.members": {"channels:read", "groups:read"},
    "users.info": {"users:read"},
    "usergroups.list": {"usergroups:read"},
    "usergroups.users.list": {"usergroups:read"},
}
EVENT_SCOPES: dict[str, set[str]] = {
    "app_home_opened": set(),
    "app_mention": {"app_mentions:read"},
    "message.channels": {"channels:history"},
    "message.groups": {"groups:history"},
    "message.im": {"im:history"},
    "member_joined_channel": {"channels:read", "groups:read"},
    "member_left_channel": {"channels:read", "groups:read"},
    "app_uninstalled": set(),
    "tokens_revoked": set(),
}
FAMILIES = (
    "admin|apps|auth|bookmarks|bots|calls|chat|conversations|dnd|emoji|files|pins|reactions"
    "|reminders|search|stars|team|usergroups|users|views|workflows"
)
# Web API calls go through a slack_sdk WebClient held in a name ending in "client".
CALL = re.compile(rf"client\.({FAMILIES})_([A-Za-z0-9_]+)\(")
RAW_CALL = re.compile(r"api_call\(\s*[\"']([a-z]+\.[A-Za-z.]+)")


def _code() -> dict[Path, str]:
    return {
        path: path.read_text(encoding="utf-8")
        for folder in ("bot", "handlers", "storage")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "standin.py"  # the local stand-in answers calls, it makes none
    }


def methods_called() -> set[str]:
    found: set[str] = set()
    for source in _code().values():
        for family, name in CALL.findall(source):
            # slack_sdk spells usergroups.users.list usergroups_users_list
            found.add(f"{family}.{name if name == 'upload_v2' else name.replace('_', '.')}")
        found.update(RAW_CALL.findall(source))
    return found


def _manifest(text: str) -> dict[str, Any]:
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def required_scopes(manifest: dict[str, Any]) -> set[str]:
    needed: set[str] = set()
    unknown = methods_called() - set(METHOD_SCOPES)
    assert not unknown, f"add the scopes of {sorted(unknown)} to METHOD_SCOPES"
    for method in methods_called():
        needed |= METHOD_SCOPES[method]
    for event in manifest["settings"]["event_subscriptions"]["bot_events"]:
        needed |= EVENT_SCOPES[event]
    features = manifest["features"]
    if features.get("slash_commands") or features.get("shortcuts"):
        needed.add("commands")
    if any("url_private" in source for source in _code().values()):
        needed.add("files:read")  # downloading a shared file needs it
    return needed


def test_the_code_calls_the_methods_the_review_knows() -> None:
    called = methods_called()
    assert {"chat.postMessage", "conversations.open", "files.upload_v2"} <= called


def test_manifest_scopes_are_exactly_what_the_code_uses() -> None:
    manifest = _manifest((ROOT / "manifest.yml").read_text(encoding="utf-8"))
    scopes = manifest["oauth_config"]["scopes"]["bot"]
    assert len(scopes) == len(set(scopes)), "a scope is listed twice"
    needed = required_scopes(manifest)
    assert set(scopes) - needed == set(), "asked for but not used"
    assert needed - set(scopes) == set(), "used but not asked for"
    assert set(BOT_SCOPES) == set(scopes)  # what the OAuth install asks for


def test_readme_oauth_variant_subscribes_uninstall_and_revocation() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("# manifest, OAuth variant\n", 1)[1].split("```", 1)[0]
    variant = _manifest(block)
    socket = _manifest((ROOT / "manifest.yml").read_text(encoding="utf-8"))
    events = variant["settings"]["event_subscriptions"]["bot_events"]
    assert {"app_uninstalled", "tokens_revoked"} <= set(events)
    assert variant["settings"]["socket_mode_enabled"] is False
    assert variant["settings"]["event_subscriptions"]["request_url"].endswith("/slack/events")
    assert variant["oauth_config"]["redirect_urls"][0].endswith("/slack/oauth_redirect")
    assert variant["oauth_config"]["scopes"]["bot"] == socket["oauth_config"]["scopes"]["bot"]
    assert set(variant["oauth_config"]["scopes"]["bot"]) == required_scopes(variant)
    assert variant["features"]["shortcuts"] == socket["features"]["shortcuts"]

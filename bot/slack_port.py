"""The small port through which use cases talk to Slack after the answer.

Services ask for what a person should see (post, update, tell one person,
publish a Home tab, upload a file); this adapter turns it into Web API calls.
Tests and the console reach the same code through the local stand-in.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import blocks
from bot.domain.names import Names
from bot.replies import Reply

log = logging.getLogger(__name__)
Respond = Callable[..., Any]
Namer = Callable[[WebClient, str], Names]  # (client, text) -> names of those it mentions


class LinkBases:
    """Each workspace's address for message links ("https://team.slack.com"), by token,
    learnt from a link Slack gave: `{base}/archives/{channel}/p{ts without its dot}`.
    One per app (`Deps.message_links`)."""

    SHAPE = re.compile(r"(https://[^/?#\s]+)/archives/([A-Z0-9]+)/p(\d+)")
    TS = re.compile(r"\d{1,12}\.\d{1,9}")

    def __init__(self) -> None:
        self._bases: dict[str, str] = {}

    def learn(self, token: str, channel: str, ts: str, link: str) -> None:
        shape = self.SHAPE.fullmatch(link)
        if token and shape and shape[2] == channel and shape[3] == ts.replace(".", ""):
            self._bases[token] = shape[1]

    def link(self, token: str, channel: str, ts: str) -> str | None:
        base = self._bases.get(token)
        if base is None or not self.TS.fullmatch(ts) or not channel.isalnum():
            return None
        return f"{base}/archives/{channel}/p{ts.replace('.', '')}"


class SlackPort:
    def __init__(
        self,
        client: WebClient,
        respond: Respond | None = None,
        names: Namer | None = None,
        links: LinkBases | None = None,
    ) -> None:
        self.client = client
        self._respond = respond
        self._names = names
        self._links = links or LinkBases()

    def names_of(self, text: str) -> Names:
        """The names of the people and groups a text about to be shown mentions."""
        return self._names(self.client, text) if self._names is not None else Names()

    def _message(self, reply: Reply, *, ephemeral: bool = False) -> dict[str, Any]:
        """Every reply leaves through here: in what others see, people and groups are
        shown by name, not pinged (an ephemeral answer pings nobody)."""
        if ephemeral or self._names is None:
            return blocks.message(reply, ephemeral=ephemeral)
        return blocks.message(reply, self._names(self.client, reply.text))

    @property
    def token(self) -> str:
        return str(self.client.token or "")

    def post(
        self,
        channel: str,
        reply: Reply,
        *,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> str:
        """A message in a channel (or thread); returns its ts."""
        posted = self.client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, metadata=metadata, **self._message(reply)
        )
        return str(posted["ts"])

    def find_in_thread(
        self, channel: str, thread_ts: str, event_type: str, key: str, value: object
    ) -> str | None:
        """The ts of the bot's message in a thread whose metadata says `key` = `value`."""
        page = self.client.conversations_replies(
            channel=channel, ts=thread_ts, limit=200, include_all_metadata=True
        )
        for message in page.get("messages") or []:
            metadata = message.get("metadata") or {}
            if metadata.get("event_type") != event_type:
                continue
            if (metadata.get("event_payload") or {}).get(key) == value:
                return str(message.get("ts"))
        return None

    def direct(self, user: str, reply: Reply) -> None:
        """A direct message to a person (conversations.open, then a post)."""
        opened = self.client.conversations_open(users=user)
        self.post(str(opened["channel"]["id"]), reply)

    def update(self, channel: str, ts: str, reply: Reply) -> None:
        self.client.chat_update(channel=channel, ts=ts, **self._message(reply))

    def tell(self, channel: str, user: str, reply: Reply) -> None:
        """An ephemeral message only this person sees."""
        self.client.chat_postEphemeral(
            channel=channel, user=user, **self._message(reply, ephemeral=True)
        )

    def respond(self, reply: Reply | None, *, replace: bool = False, delete: bool = False) -> None:
        """Answer through the interaction's response_url (ephemeral)."""
        if self._respond is None:
            return
        if delete:
            self._respond(delete_original=True)
            return
        assert reply is not None
        self._respond(
            response_type="ephemeral",
            replace_original=replace,
            # a replaced original may be a message others see: then names, not mentions
            **self._message(reply, ephemeral=not replace),
        )

    def permalink(self, channel: str, ts: str, *, in_thread: bool = False) -> str | None:
        """The link to a message. A top-level message's link is built from the workspace's
        address once Slack has shown it (its answer checked against the same shape), so
        only the first costs a call; a reply in a thread asks Slack each time."""
        if not in_thread:
            built = self._links.link(self.token, channel, ts)
            if built is not None:
                return built
        try:
            answer = self.client.chat_getPermalink(channel=channel, message_ts=ts)
        except SlackApiError:
            log.warning("no permalink for %s/%s", channel, ts)
            return None
        link = str(answer["permalink"])
        if not in_thread:
            self._links.learn(self.token, channel, ts, link)
        return link

    def channel_members(self, channel: str, max_pages: int = 20) -> list[str]:
        """Who is in a channel (conversations.members, all pages); [] if Slack will not say,
        so nothing of that channel is shown outside it."""
        found: list[str] = []
        cursor = ""
        for _ in range(max_pages):
            try:
                page = self.client.conversations_members(channel=channel, limit=1000, cursor=cursor)
            except SlackApiError as error:
                log.warning("members of %s unknown: %s", channel, error.response.get("error"))
                return []
            found += [str(u) for u in page.get("members") or []]
            cursor = str((page.get("response_metadata") or {}).get("next_cursor") or "")
            if not cursor:
                break
        return found

    def publish_home(self, user: str, view: dict[str, Any]) -> None:
        self.client.views_publish(user_id=user, view=view)

    def open_view(self, trigger_id: str, view: dict[str, Any]) -> None:
        self.client.views_open(trigger_id=trigger_id, view=view)

    def upload(self, channel: str, filename: str, content: str | bytes, title: str) -> None:
        self.client.files_upload_v2(
            channel=channel, filename=filename, content=content, title=title
        )

"""Posting and refreshing the one thread reply a recorded message gets."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot import blocks
from bot.services import recording
from bot.services.deps import Deps

log = logging.getLogger(__name__)


def post_or_update(deps: Deps, client: WebClient, source_id: int) -> None:
    built = recording.build_reply(deps, source_id)
    if built is None:
        return
    reply, source = built
    payload = blocks.message(reply)
    if source.reply_ts and source.reply_ts != "pending":
        if source.reply_text != reply.text:
            client.chat_update(channel=source.channel_id, ts=source.reply_ts, **payload)
            recording.save_reply(deps, source_id, source.reply_ts, reply.text)
        return
    if not recording.claim_reply(deps, source_id):
        return  # another delivery of the same message is replying
    try:
        posted = client.chat_postMessage(
            channel=source.channel_id, thread_ts=source.thread_ts or source.ts, **payload
        )
    except SlackApiError:
        recording.save_reply(deps, source_id, None, None)
        raise
    recording.save_reply(deps, source_id, str(posted["ts"]), reply.text)
    if source.permalink is None:
        try:
            link = client.chat_getPermalink(channel=source.channel_id, message_ts=source.ts)
        except SlackApiError:
            log.warning("no permalink for %s/%s", source.channel_id, source.ts)
        else:
            recording.save_permalink(deps, source_id, str(link["permalink"]))

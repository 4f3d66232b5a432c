"""Keeping and forgetting data, on SQLite and PostgreSQL: `purge` removes what is no longer
needed, `forget-user` removes a person's id and names and keeps the decisions."""

from __future__ import annotations

import json
from datetime import UTC, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from storage import retention
from storage.base import Base
from storage.models import (
    ActionOwner,
    AgendaItem,
    ChannelMember,
    OwnerAlias,
    PendingImport,
    Person,
    ProcessedEvent,
    Record,
    RecordChange,
    SourceMessage,
    UserGroup,
)
from storage.session import transaction
from tests.conftest import NOW
from tests.fakes.harness import CHANNEL, Harness
from tests.fakes.payloads import event_from

BO = "U0BO"
TEAM = "T0LOCAL"


def _counts(bot: Harness) -> dict[str, int]:
    data = bot.export()
    return {"decisions": len(data["decisions"]), "actions": len(data["actions"])}


def test_purge_clears_deleted_texts_old_previews_events_and_states(
    ops_bot: Harness, shared: Path
) -> None:
    bot = ops_bot
    _, gone = bot.message("Beslutning: Hemmelig plan om nedlæggelse af udvalget")
    event = event_from(shared, "message_deleted.json", deleted_ts=gone)
    event["previous_message"].update({"ts": gone, "text": "Beslutning: Hemmelig plan"})
    assert bot.event(event) == 200
    _, kept = bot.message("Beslutning: Budgettet godkendes")
    later = NOW.astimezone(UTC) + timedelta(days=2)
    states = Base.metadata.tables["slack_oauth_states"]
    naive = later.replace(tzinfo=None)
    with transaction(bot.deps.sessions) as session:
        for status, created in (("cancelled", NOW), ("cancelled", later), ("pending", NOW)):
            session.add(
                PendingImport(
                    team_id=TEAM,
                    channel_id=CHANNEL,
                    user_id=BO,
                    text="Referat af styregruppens møde … hele teksten",
                    status=status,
                    created_at=created,
                )
            )
        session.add(ProcessedEvent(event_id="Ev-old", team_id=TEAM, received_at=NOW))
        session.add(ProcessedEvent(event_id="Ev-new", team_id=TEAM, received_at=later))
        session.execute(
            insert(states),
            [
                {"state": "expired", "expire_at": naive - timedelta(minutes=1)},
                {"state": "valid", "expire_at": naive + timedelta(minutes=10)},
            ],
        )

    with transaction(bot.deps.sessions) as session:
        counts = retention.purge(session, later, None)
    assert counts.rows["texts of deleted messages"] == 1
    assert counts.rows["cancelled import previews"] == 1
    assert counts.rows["processed events"] >= 1
    assert counts.rows["expired OAuth states"] == 1

    with bot.deps.sessions() as session:
        rows = session.execute(select(SourceMessage.ts, SourceMessage.text))
        texts = {ts: text for ts, text in rows}
        assert texts[gone] == "" and texts[kept] == "Beslutning: Budgettet godkendes"
        assert "Hemmelig" not in json.dumps(
            [m.reply_text for m in session.scalars(select(SourceMessage))]
        )
        previews = session.execute(select(PendingImport.status, PendingImport.created_at)).all()
        assert sorted(s for s, _ in previews) == ["cancelled", "pending"]  # the fresh one stays
        events = set(session.scalars(select(ProcessedEvent.event_id)))
        assert "Ev-old" not in events and "Ev-new" in events
        assert list(session.scalars(select(states.c.state))) == ["valid"]
    # the decision of the deleted message stays retracted in the history; the other is active
    assert sorted(d["status"] for d in bot.export()["decisions"]) == ["active", "retracted"]

    with transaction(bot.deps.sessions) as session:  # a second run finds nothing to do
        again = retention.purge(session, later, None)
    assert again.rows["texts of deleted messages"] == 0
    assert again.rows["cancelled import previews"] == 0


def test_purge_with_a_retention_period_drops_old_copies_and_retracted_records(
    ops_bot: Harness,
) -> None:
    bot = ops_bot
    _, ts = bot.message("Beslutning: Gammel beslutning")
    bot.message("Beslutning: Trækkes tilbage")
    bot.command("annullér 2")
    much_later = NOW.astimezone(UTC) + timedelta(days=400)
    with transaction(bot.deps.sessions) as session:
        counts = retention.purge(session, much_later, 365)
    assert counts.rows["message copies past retention"] == 2
    assert counts.rows["retracted records past retention"] == 1
    with bot.deps.sessions() as session:
        assert session.scalar(select(SourceMessage.text).where(SourceMessage.ts == ts)) == ""
        assert session.scalar(select(func.count()).select_from(Record)) == 1
    [decision] = bot.export()["decisions"]
    assert decision["text"] == "Gammel beslutning" and decision["status"] == "active"


def test_forget_user_removes_id_and_names_and_keeps_the_decisions(ops_bot: Harness) -> None:
    bot = ops_bot
    bot.message("Beslutning: Rammeaftalen godkendes", user=BO)
    bot.message("Handling: <@U0BO> sender udkast til høring, frist fredag")
    bot.message("Beslutning: Bo Hansen fremlægger budgettet i januar")
    bot.message("Beslutning: Køge og Lolland deltager i arbejdsgruppen")  # names no one
    actions = bot.export()["actions"]
    bot.command(f"udført {actions[0]['id']}", user=BO)
    bot.command("ansvarlig Bo Hansen = <@U0BO>")
    bot.command("påmindelser fra", user=BO)
    bot.command("dagsorden tilføj Bo H. orienterer om budgettet")
    installations = Base.metadata.tables["slack_installations"]
    with transaction(bot.deps.sessions) as session:  # Slack's name for Bo, cached
        for person in session.scalars(select(Person).where(Person.user_id == BO)):
            person.display_name = "Bo H."
        session.merge(ChannelMember(team_id=TEAM, channel_id=CHANNEL, user_id=BO))
        session.add(
            UserGroup(team_id=TEAM, group_id="S1", handle="styregruppen", members=[BO, "U0ANNE"])
        )
    with transaction(bot.deps.sessions) as session:  # Bo installed the app through OAuth
        session.execute(
            insert(installations).values(
                client_id="1.2",
                app_id="A1",
                team_id=TEAM,
                user_id=BO,
                user_token="xoxp-bo",
                bot_token="xoxb-workspace",
                installed_at=NOW.astimezone(UTC).replace(tzinfo=None),
            )
        )
    before = _counts(bot)
    with bot.deps.sessions() as session:
        assert retention.still_named(session, BO, ["Bo Hansen"]) > 0
        assert session.scalar(select(func.count()).select_from(OwnerAlias)) == 1

    with transaction(bot.deps.sessions) as session:
        counts = retention.forget_user(session, BO, ["Bo Hansen"])
    assert counts.total > 0

    with bot.deps.sessions() as session:
        assert retention.still_named(session, BO, ["Bo Hansen", "Bo H."]) == 0
        assert session.scalar(select(UserGroup.members)) == ["U0ANNE"]
        assert "Bo H." not in json.dumps(list(session.scalars(select(AgendaItem.title))))
        everything = json.dumps(
            [[r.text, r.author_id, r.item_title] for r in session.scalars(select(Record))]
            + [[o.name, o.user_id] for o in session.scalars(select(ActionOwner))]
            + [[c.actor_id, c.before, c.after] for c in session.scalars(select(RecordChange))]
            + [[m.text, m.author_id, m.reply_text] for m in session.scalars(select(SourceMessage))]
            + [[p.user_id] for p in session.scalars(select(Person))],
            ensure_ascii=False,
        )
        assert BO not in everything and "Bo Hansen" not in everything
        assert session.scalar(select(func.count()).select_from(OwnerAlias)) == 0
        [installation] = session.execute(select(installations)).mappings()
        assert installation["user_token"] is None and installation["user_id"] != BO
        assert installation["bot_token"] == "xoxb-workspace"  # the bot keeps working
    assert _counts(bot) == before  # the decisions and actions themselves are kept
    texts = [d["text"] for d in bot.export()["decisions"]]
    assert "Rammeaftalen godkendes" in texts
    assert f"{retention.FORGOTTEN} fremlægger budgettet i januar" in texts
    assert "Køge og Lolland deltager i arbejdsgruppen" in texts
    [action] = bot.export()["actions"]
    assert action["status"] == "done" and action["owners"] == [retention.FORGOTTEN]

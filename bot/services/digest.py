"""The weekly digest, the reminders and the pre-meeting notice: what they say (no posting).

Each builder returns a Reply or None when there is nothing to say.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot import directory
from bot.deps import Deps, Prefs, Scope, Unit
from bot.domain import shown as record_service
from bot.domain.names import Names, mentioned, names_for
from bot.domain.owners import resolve_person
from bot.domain.shown import meeting_view
from bot.parsing.dates import is_working_day, next_working_day, previous_working_day
from bot.parsing.normalize import escape
from bot.render import Renderer
from bot.replies import Reply
from bot.services import membership
from bot.slack_port import SlackPort
from storage import channels, lists, queries
from storage import directory as directory_rows
from storage import members as members_rows
from storage import owners as owner_queries
from storage.lists import ListedAction, ListedOwner
from storage.models import Action, ActionOwner, Decision, Meeting

MAX_DIGEST_DECISIONS = 30
MAX_REMINDER_ITEMS = 30
MAX_DIGEST_ACTIONS = 40  # more are counted, not listed: a digest stays readable and in limits


def week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass
class OwnerGroup:
    owners: list[str]  # mrkdwn-safe labels
    actions: list[record_service.RecordView]


def digest_for(
    deps: Deps, scope: Scope, now: datetime, client: WebClient | None = None
) -> Reply | None:
    with deps.unit(scope) as unit:
        prefs = unit.prefs
    return digests_for(deps, scope.team_id, [scope.channel_id], prefs, now, client)[
        scope.channel_id
    ]


def notice_for(deps: Deps, scope: Scope, now: datetime) -> tuple[Reply, date] | None:
    with deps.unit(scope) as unit:
        return build_notice(unit, now)


def digests_for(
    deps: Deps,
    team_id: str,
    channel_ids: Sequence[str],
    prefs: Prefs,
    now: datetime,
    client: WebClient | None = None,
) -> dict[str, Reply | None]:
    """The digests of several channels of a workspace that share their settings, read
    with the same few queries however many channels; the names of the owners they list
    are fetched first when missing (cached; people looked up at most `MAX_FETCH` per
    channel)."""
    with deps.unit() as unit:
        found = _read(unit.session, team_id, channel_ids, prefs, now)
    listed = [a for material in found.values() for a in material.listed]
    users, groups = mentioned(listed)
    directory.refresh(
        deps, client, team_id, users, groups, now, max_fetch=directory.MAX_FETCH * len(found)
    )
    with deps.unit() as unit:
        names = names_for(unit.session, team_id, listed)
    return {c: _compose(deps.renderer, prefs, now, found[c], names) for c in channel_ids}


def build_digest(unit: Unit, now: datetime) -> Reply | None:
    """Decisions of the last seven days, open actions by owner, closed ones, the next meeting."""
    scope = unit.where
    found = _read(unit.session, scope.team_id, [scope.channel_id], unit.prefs, now)
    material = found[scope.channel_id]
    names = names_for(unit.session, scope.team_id, material.listed)
    return _compose(unit.deps.renderer, unit.prefs, now, material, names)


@dataclass
class _Material:
    """What one channel's digest shows, as read."""

    decisions: list[Decision]
    more_decisions: int
    listed: list[ListedAction]  # overdue and due this week first, then new ones
    open_total: int
    closed: list[ListedAction]
    meeting: Meeting | None


def _read(
    session: Session, team_id: str, channel_ids: Sequence[str], prefs: Prefs, now: datetime
) -> dict[str, _Material]:
    today = prefs.today(now)
    week_ago = now - timedelta(days=7)
    end_of_week = today + timedelta(days=6 - today.weekday())
    first_day = week_ago.astimezone(prefs.tz).date()
    recent = lists.recent_decisions_by_channel(
        session, team_id, channel_ids, week_ago, first_day, MAX_DIGEST_DECISIONS
    )
    pressing = lists.open_actions_by_channel(
        session, team_id, channel_ids, [Action.due <= end_of_week], MAX_DIGEST_ACTIONS
    )
    new = lists.open_actions_by_channel(
        session,
        team_id,
        channel_ids,
        [lists.new_since(week_ago, first_day), lists.not_due_by(end_of_week)],
        MAX_DIGEST_ACTIONS,
    )
    open_totals = lists.count_open_by_channel(session, team_id, channel_ids)
    done = lists.done_actions_by_channel(session, team_id, channel_ids, week_ago, 40)
    meetings = lists.next_meetings(session, team_id, channel_ids, today, with_agenda=True)
    found = {}
    for channel in channel_ids:
        decisions, decisions_total = recent.get(channel, ([], 0))
        listed = (pressing.get(channel, ([], 0))[0] + new.get(channel, ([], 0))[0])[
            :MAX_DIGEST_ACTIONS
        ]
        found[channel] = _Material(
            decisions,
            decisions_total - len(decisions),
            listed,
            open_totals.get(channel, 0),
            done.get(channel, ([], 0))[0],
            meetings.get(channel),
        )
    return found


def _compose(
    renderer: Renderer, prefs: Prefs, now: datetime, material: _Material, names: Names
) -> Reply | None:
    today = prefs.today(now)
    end_of_week = today + timedelta(days=6 - today.weekday())
    decisions = [
        (record_service.view(d), d.source.permalink if d.source else None)
        for d in material.decisions
    ]
    closed = [record_service.view(a) for a in material.closed]
    meeting = meeting_view(material.meeting, prefs) if material.meeting else None
    listed = material.listed
    groups = _by_owner(listed, names)
    others = material.open_total - len(listed)
    soon = meeting is not None and (meeting.date - today).days <= 14
    if not (decisions or groups or closed or soon):
        return None
    text = renderer.render(
        prefs.language,
        "digest",
        decisions=decisions,
        groups=groups,
        closed=closed,
        meeting=meeting,
        today=today,
        others=others,
        end_of_week=end_of_week,
        more_decisions=material.more_decisions,
    )
    overdue = [r for g in groups for r in g.actions if r.due is not None and r.due < today]
    buttons = [record_service.done_button(renderer, prefs.language, r.id) for r in overdue]
    return Reply(
        text=text,
        buttons=buttons[:10],
        ephemeral=False,
        cut_note=renderer.string(prefs.language, "cut_note"),
    )


def _label(names: Names, owner: ActionOwner | ListedOwner) -> str:
    """A person's display name or a group's handle (mrkdwn-safe, no ping), else as before."""
    known = (owner.user_id and names.users.get(owner.user_id)) or (
        owner.group_id and names.groups.get(owner.group_id)
    )
    if not known:
        return record_service.owner_label(owner)
    return escape(known if owner.user_id else f"@{known}")


def _by_owner(actions: list[ListedAction], names: Names) -> list[OwnerGroup]:
    groups: dict[tuple[str, ...], list[record_service.RecordView]] = defaultdict(list)
    for action in actions:
        shown = record_service.view(action)
        shown.owners = [_label(names, o) for o in action.owners]
        groups[tuple(shown.owners)].append(shown)
    return [OwnerGroup(list(owners), items) for owners, items in groups.items()]


def build_notice(unit: Unit, now: datetime) -> tuple[Reply, date] | None:
    """The working day before a meeting: time, place, agenda, actions due by it."""
    session, scope, prefs = unit.session, unit.where, unit.prefs
    today = prefs.today(now)
    upcoming = queries.next_meeting(
        session, scope.team_id, scope.channel_id, today + timedelta(days=1)
    )
    if upcoming is None or previous_working_day(upcoming.date) != today:
        return None
    meeting = meeting_view(upcoming, prefs)
    found, total = lists.open_actions(
        session,
        scope.team_id,
        [lists.in_channel(scope.channel_id), lists.due_by(upcoming.date)],
        MAX_DIGEST_ACTIONS,
    )
    due = [record_service.view(a) for a in found]
    text = unit.deps.renderer.render(
        prefs.language, "notice", m=meeting, actions=due, more=total - len(due), today=today
    )
    return Reply(text=text, ephemeral=False), upcoming.date


@dataclass
class PersonReminder:
    team_id: str
    user_id: str
    reply: Reply


def build_reminders(
    deps: Deps, team_id: str, now: datetime, prefs: Prefs, client: WebClient | None = None
) -> list[PersonReminder]:
    """One message per person with an item due the next working day or just overdue; a
    user group named as owner reaches its members (`usergroups.users.list`, cached)."""
    today = prefs.today(now)
    if not is_working_day(today):
        return []
    tomorrow = next_working_day(today)
    with deps.unit() as unit:
        group_pairs = directory_rows.open_group_pairs(unit.session, team_id, tomorrow)
    members = directory.members(deps, client, team_id, {g for g, _, _ in group_pairs}, now)
    with deps.unit() as unit:
        session = unit.session
        aliases = owner_queries.alias_map(session, team_id)
        muted = channels.muted_people(session, team_id)
        # one light query over (owner, action) pairs; full rows only for who gets a message
        pairs = list(queries.open_owner_pairs(session, team_id, tomorrow))
        pairs += [
            (member, "", action_id, due)
            for group_id, action_id, due in group_pairs
            for member in members.get(group_id, [])
        ]
        per_person: dict[str, set[int]] = defaultdict(set)
        triggered: set[str] = set()
        for user_id, name, action_id, due in pairs:
            person = resolve_person(aliases, user_id, name)
            if person is None or person in muted or due is None:
                continue
            per_person[person].add(action_id)
            if (previous_working_day(due) == today and due > today) or (
                due < today and next_working_day(due) == today
            ):
                triggered.add(person)
        wanted = {person: per_person[person] for person in sorted(triggered)}
        channel_of = queries.channels_of_actions(session, set().union(*wanted.values()))
    # a person is reminded only of actions in channels they are a member of
    if client is not None:
        membership.refresh(deps, SlackPort(client), team_id, set(channel_of.values()))
    out: list[PersonReminder] = []
    with deps.unit() as unit:
        session = unit.session
        allowed = members_rows.members_of(
            session, team_id, set(channel_of.values()), membership.trusted_since(unit.now)
        )
        for person, action_ids in wanted.items():
            visible = {i for i in action_ids if (channel_of.get(i), person) in allowed}
            if not visible:
                continue
            actions = queries.actions_by_ids(session, visible, MAX_REMINDER_ITEMS)
            items = [(record_service.view(a), a.channel_id) for a in actions]
            text = deps.renderer.render(
                prefs.language,
                "reminder",
                items=items,
                more=len(visible) - len(items),
                today=today,
                tomorrow=tomorrow,
            )
            buttons = [
                record_service.done_button(deps.renderer, prefs.language, r.id)
                for r, _ in items[:20]
            ]
            out.append(
                PersonReminder(
                    team_id,
                    person,
                    # the DM itself reaches the person; people named in it are shown by
                    # name like everywhere else (text typed to look like a mention too)
                    Reply(text=text, buttons=buttons, ephemeral=False),
                )
            )
    return out


def digest_slot(weekday: int, at: str, today: date) -> date:
    """The date of the most recent scheduled digest day on or before today."""
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def slot_datetime(day: date, at: str, prefs: Prefs) -> datetime:
    hour, minute = (int(x) for x in at.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=prefs.tz)

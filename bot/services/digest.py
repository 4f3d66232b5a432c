"""The weekly digest, the reminders and the pre-meeting notice: what they say (no posting).

Each builder returns a Reply or None when there is nothing to say.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from bot.replies import Reply
from bot.services import records as record_service
from bot.services.asking import sort_actions
from bot.services.deps import Deps, Prefs, Scope, channel_prefs
from bot.services.meetings import view as meeting_view
from storage import queries
from storage.models import Action, ActionOwner, Decision, OwnerAlias, Person

MAX_DIGEST_DECISIONS = 30
MAX_DIGEST_ACTIONS = 40  # more are counted, not listed: a digest stays readable and in limits


def weekday_named(word: str) -> int | None:
    """`mandag`, `man`, `Monday`, `mon` -> 0 (the words are the date lexicon's)."""
    from bot.parsing.dates import WEEKDAYS

    word = word.lower()
    if word in WEEKDAYS:
        return WEEKDAYS[word]
    found = {day for name, day in WEEKDAYS.items() if len(word) >= 3 and name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def is_working_day(day: date) -> bool:
    return day.weekday() < 5


def next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def previous_working_day(day: date) -> date:
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass
class OwnerGroup:
    owner: str  # mrkdwn-safe label
    actions: list[record_service.RecordView]


def build_digest(deps: Deps, scope: Scope, now: datetime) -> Reply | None:
    """Decisions of the last seven days, open actions by owner, closed ones, the next meeting."""
    with deps.sessions() as session:
        prefs = channel_prefs(session, scope, deps)
        today = prefs.today(now)
        week_ago = now - timedelta(days=7)
        end_of_week = today + timedelta(days=6 - today.weekday())
        first_day = (now - timedelta(days=7)).astimezone(prefs.tz).date()

        def this_week(record: Action | Decision) -> bool:
            return (
                record.created_at >= week_ago
                and record_service.decided_on(record, prefs.tz) >= first_day
            )

        recent = [
            d
            for d in queries.channel_decisions(session, scope.team_id, scope.channel_id)
            if d.status == "active" and this_week(d)
        ]
        decisions = [
            (record_service.view(d), d.source.permalink if d.source else None)
            for d in recent[-MAX_DIGEST_DECISIONS:]
        ]
        older_decisions = len(recent) - len(decisions)
        actions = list(queries.channel_actions(session, scope.team_id, scope.channel_id))
        open_actions = [a for a in actions if a.status == "open"]
        pressing = [a for a in open_actions if a.due is not None and a.due <= end_of_week]
        new = [a for a in open_actions if this_week(a) and a not in pressing]
        closed = [
            record_service.view(a)
            for a in actions
            if a.status == "done" and a.done_at is not None and a.done_at >= week_ago
        ]
        upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, today)
        meeting = meeting_view(upcoming, prefs) if upcoming else None
        listed = sort_actions(pressing + new, today)
        groups = _by_owner(listed[:MAX_DIGEST_ACTIONS])
        others = len(open_actions) - min(len(listed), MAX_DIGEST_ACTIONS)
    soon = meeting is not None and (meeting.date - today).days <= 14
    if not (decisions or groups or closed or soon):
        return None
    text = deps.renderer.render(
        prefs.language,
        "digest",
        decisions=decisions,
        groups=groups,
        closed=closed,
        meeting=meeting,
        today=today,
        others=others,
        end_of_week=end_of_week,
        more_decisions=older_decisions,
    )
    overdue = [r for g in groups for r in g.actions if r.due is not None and r.due < today]
    buttons = [record_service.done_button(deps.renderer, prefs.language, r.id) for r in overdue]
    buttons = buttons[:10]
    return Reply(text=text, buttons=buttons, ephemeral=False)


def _by_owner(actions: list[Action]) -> list[OwnerGroup]:
    groups: dict[str, list[record_service.RecordView]] = defaultdict(list)
    for action in actions:
        shown = record_service.view(action)
        key = ", ".join(shown.owners) if shown.owners else ""
        groups[key].append(shown)
    return [OwnerGroup(owner, items) for owner, items in groups.items()]


def build_notice(deps: Deps, scope: Scope, now: datetime) -> tuple[Reply, date] | None:
    """The working day before a meeting: time, place, agenda, actions due by it."""
    with deps.sessions() as session:
        prefs = channel_prefs(session, scope, deps)
        today = prefs.today(now)
        upcoming = queries.next_meeting(
            session, scope.team_id, scope.channel_id, today + timedelta(days=1)
        )
        if upcoming is None or previous_working_day(upcoming.date) != today:
            return None
        meeting = meeting_view(upcoming, prefs)
        due = [
            record_service.view(a)
            for a in queries.open_actions_due_by(
                session, scope.team_id, scope.channel_id, upcoming.date
            )
        ]
    text = deps.renderer.render(prefs.language, "notice", m=meeting, actions=due, today=today)
    return Reply(text=text, ephemeral=False), upcoming.date


@dataclass
class PersonReminder:
    team_id: str
    user_id: str
    reply: Reply


def build_reminders(deps: Deps, team_id: str, now: datetime, prefs: Prefs) -> list[PersonReminder]:
    """One message per person with an item due the next working day or just overdue."""
    today = prefs.today(now)
    if not is_working_day(today):
        return []
    tomorrow = next_working_day(today)
    with deps.sessions() as session:
        aliases = {
            a.name_key: a.user_id
            for a in session.scalars(select(OwnerAlias).where(OwnerAlias.team_id == team_id))
        }
        muted = set(
            session.scalars(
                select(Person.user_id).where(
                    Person.team_id == team_id, Person.reminders_enabled.is_(False)
                )
            )
        )
        # one light query over (owner, action) pairs; full rows only for who gets a message
        pairs = session.execute(
            select(ActionOwner.user_id, ActionOwner.name, Action.id, Action.due)
            .join(Action, ActionOwner.record_id == Action.id)
            .where(
                Action.team_id == team_id,
                Action.status == "open",
                Action.due.is_not(None),
                Action.due <= tomorrow,
            )
        ).all()
        per_person: dict[str, set[int]] = defaultdict(set)
        triggered: set[str] = set()
        for user_id, name, action_id, due in pairs:
            person = user_id or aliases.get(name.casefold())
            if person is None or person in muted or due is None:
                continue
            per_person[person].add(action_id)
            if (previous_working_day(due) == today and due > today) or (
                due < today and next_working_day(due) == today
            ):
                triggered.add(person)
        out: list[PersonReminder] = []
        for person in sorted(triggered):
            actions = list(session.scalars(select(Action).where(Action.id.in_(per_person[person]))))
            items = [(record_service.view(a), a.channel_id) for a in sort_actions(actions, today)]
            text = deps.renderer.render(
                prefs.language,
                "reminder",
                items=items[:30],
                more=max(0, len(items) - 30),
                today=today,
                tomorrow=tomorrow,
            )
            buttons = [
                record_service.done_button(deps.renderer, prefs.language, r.id)
                for r, _ in items[:20]
            ]
            out.append(
                PersonReminder(team_id, person, Reply(text=text, buttons=buttons, ephemeral=False))
            )
    return out


def digest_slot(weekday: int, at: str, today: date) -> date:
    """The date of the most recent scheduled digest day on or before today."""
    return today - timedelta(days=(today.weekday() - weekday) % 7)


def slot_datetime(day: date, at: str, prefs: Prefs) -> datetime:
    hour, minute = (int(x) for x in at.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=prefs.tz)

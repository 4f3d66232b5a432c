"""Storage on SQLite and, with TEST_DATABASE_URL, on PostgreSQL: schema built by the migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storage import health
from storage.models import Action, ActionOwner, Decision, Record, ScheduledRun, SourceMessage
from storage.session import SessionFactory, alembic_config, transaction

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def test_migrations_match_the_models(sessions: SessionFactory) -> None:
    engine = sessions.kw["bind"]
    command.check(alembic_config(engine))  # raises if autogenerate finds a difference


def test_the_schema_check_at_start_agrees_with_alembic(
    sessions: SessionFactory, tmp_path: Path
) -> None:
    """A start reads the head from the migration files and the database's revision with one
    query, without Alembic; both must say what Alembic says, before and after a migration."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from storage.session import make_engine, upgrade

    shipped = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert health.schema_heads() == frozenset(shipped) and shipped
    engine = sessions.kw["bind"]
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    assert health.schema_revisions(engine) == frozenset(current) == frozenset(shipped)
    empty = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert health.schema_revisions(empty) == frozenset()
    command.upgrade(alembic_config(empty), "0001")
    assert health.schema_revisions(empty) == {"0001"}
    upgrade(empty)  # not at head: migrated the rest of the way
    assert health.schema_revisions(empty) == frozenset(shipped)
    empty.dispose()


def _source(ts: str = "1.1", channel: str = "C1", team: str = "T1") -> SourceMessage:
    return SourceMessage(
        team_id=team,
        channel_id=channel,
        ts=ts,
        text="x",
        deleted=False,
        created_at=NOW,
        updated_at=NOW,
    )


def test_a_message_is_stored_once_per_channel_and_ts(sessions: SessionFactory) -> None:
    with transaction(sessions) as session:
        session.add(_source())
    with pytest.raises(IntegrityError), transaction(sessions) as session:
        session.add(_source())
    with transaction(sessions) as session:  # same ts in another channel is another message
        session.add(_source(channel="C2"))


def test_decisions_and_actions_share_one_id_sequence(sessions: SessionFactory) -> None:
    with transaction(sessions) as session:
        decision = Decision(
            team_id="T1", channel_id="C1", text="d", status="active", created_at=NOW, updated_at=NOW
        )
        action = Action(
            team_id="T1",
            channel_id="C1",
            text="a",
            status="open",
            due=date(2026, 12, 1),
            created_at=NOW,
            updated_at=NOW,
            owners=[ActionOwner(name="Slagelse"), ActionOwner(name="Køge", position=1)],
        )
        session.add_all([decision, action])
    with sessions() as session:
        records = session.scalars(select(Record).order_by(Record.id)).all()
        assert [type(r) for r in records] == [Decision, Action]
        assert records[0].id != records[1].id
        loaded = records[1]
        assert isinstance(loaded, Action)
        assert [o.name for o in loaded.owners] == ["Slagelse", "Køge"]


def test_datetimes_come_back_aware_in_utc(sessions: SessionFactory) -> None:
    copenhagen = timezone(timedelta(hours=1))
    with transaction(sessions) as session:
        source = _source()
        source.created_at = datetime(2026, 11, 23, 9, 0, tzinfo=copenhagen)
        session.add(source)
    with sessions() as session:
        stored = session.scalars(select(SourceMessage)).one()
        assert stored.created_at == NOW
        assert stored.created_at.tzinfo is not None


def test_a_scheduled_run_can_be_claimed_only_once(sessions: SessionFactory) -> None:
    def claim() -> None:
        with transaction(sessions) as session:
            session.add(
                ScheduledRun(
                    team_id="T1",
                    channel_id="C1",
                    kind="digest",
                    target="C1",
                    period="2026-W48",
                    claimed_at=NOW,
                    status="claimed",
                )
            )

    claim()
    with pytest.raises(IntegrityError):
        claim()


def test_naive_datetimes_are_refused(sessions: SessionFactory) -> None:
    with pytest.raises(Exception, match="naive"), transaction(sessions) as session:
        source = _source()
        source.created_at = datetime(2026, 11, 23, 9, 0)
        session.add(source)


def test_upgrading_indexes_sqlites_search_again(tmp_path: Path) -> None:
    """Migration 0104: decisions indexed with a stemmer two threads shared (wrong stems) are
    found again after the upgrade."""
    from sqlalchemy import text

    from storage.search import stems
    from storage.session import make_engine, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0103_records_team_due")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO records (id, team_id, channel_id, kind, text, status, created_at,"
                " updated_at, position) VALUES (7, 'T1', 'C1', 'decision',"
                " 'Styregruppen godkender rammeaftalen', 'open', :now, :now, 0)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO records_fts (rowid, body_da, body_en, scope)"
                " VALUES (7, 'styregrup forkert', 'styregrup wrong', 't1c1')"
            )
        )
    upgrade(engine)
    with engine.connect() as connection:
        body = connection.execute(text("SELECT body_da FROM records_fts WHERE rowid = 7")).scalar()
    engine.dispose()
    assert body == " ".join(stems("Styregruppen godkender rammeaftalen ", "da"))

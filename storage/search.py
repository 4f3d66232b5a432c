"""Full-text search over decisions, with stemming for the channel's language.

PostgreSQL: generated `tsvector` columns (`danish` and `english` configurations)
with GIN indexes, made by migration 0005. SQLite: an FTS5 table `records_fts`
holding the Snowball stems of each record's text, in both languages, kept in
step by a flush hook. Both rank alike, so both answer alike: the number of
search words a decision matches, then the newest.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

import snowballstemmer
from sqlalchemy import (
    ColumnElement,
    Integer,
    bindparam,
    cast,
    column,
    event,
    func,
    literal,
    literal_column,
    select,
    text,
)
from sqlalchemy.orm import Session, joinedload

from storage import prepared
from storage.lists import active_decisions, count_of, newest_ids
from storage.models import Decision, Record

CONFIGS = {"da": "danish", "en": "english"}
_WORD = re.compile(r"\w+")
# A Snowball stemmer keeps the word it works on in itself: one per thread and language, so
# the threads of a worker never share one mid-word.
_STEMMERS = threading.local()


def _stemmer(language: str) -> Any:
    mine: dict[str, Any] | None = getattr(_STEMMERS, "by_language", None)
    if mine is None:
        mine = _STEMMERS.by_language = {}
    if language not in mine:
        mine[language] = snowballstemmer.stemmer(CONFIGS[language])
    return mine[language]


@lru_cache(maxsize=65_536)
def _stem(word: str, language: str) -> str:
    """One word's stem; the same words come back in every record and query."""
    return str(_stemmer(language).stemWord(word))


def stems(text: str, language: str) -> list[str]:
    """The Snowball stems of a text's words, as PostgreSQL's configuration makes them."""
    return [_stem(word, language) for word in _WORD.findall(text.casefold())]


def indexed_text(record: Record) -> str:
    return f"{record.text} {record.item_title or ''}"


# --- SQLite: keep records_fts in step with records ------------------------------------


def scope_token(team_id: str, channel_id: str) -> str:
    """One FTS token per channel, so a search matches inside its channel only."""
    return f"{team_id}{channel_id}".lower()


_INSERT_FTS = text(
    "INSERT INTO records_fts (rowid, body_da, body_en, scope) VALUES (:id, :da, :en, :scope)"
)


def _fts_row(
    record_id: int, team_id: str, channel_id: str, body: str, item_title: str | None
) -> dict[str, Any]:
    words = f"{body} {item_title or ''}"
    return {
        "id": record_id,
        "da": " ".join(stems(words, "da")),
        "en": " ".join(stems(words, "en")),
        "scope": scope_token(team_id, channel_id),
    }


def index_rows(session: Session, records: Iterable[Record], *, new: bool = False) -> None:
    rows = [
        _fts_row(r.id, r.team_id, r.channel_id, r.text, r.item_title)
        for r in records
        if r.kind == "decision"
    ]
    if not rows:
        return
    if not new:
        session.execute(
            text("DELETE FROM records_fts WHERE rowid = :id"), [{"id": r["id"]} for r in rows]
        )
    session.execute(_INSERT_FTS, rows)


def index_new(session: Session, decisions: list[tuple[int, str, str, str, str | None]]) -> None:
    """Decisions written without the ORM (so no flush hook saw them), indexed in one
    statement: (id, team, channel, text, item title) each. Nothing to do on PostgreSQL."""
    connection = session.connection()
    if decisions and connection.dialect.name == "sqlite":
        connection.execute(_INSERT_FTS, [_fts_row(*d) for d in decisions])


def keep_index_in_step(session_class: Any) -> None:
    """After each flush on SQLite, re-index the decisions that were added or changed."""

    @event.listens_for(session_class, "after_flush")
    def _reindex(session: Session, _context: Any) -> None:
        if session.get_bind().dialect.name != "sqlite":
            return
        added = [obj for obj in session.new if isinstance(obj, Record) and obj.id is not None]
        changed = [obj for obj in session.dirty if isinstance(obj, Record) and obj.id is not None]
        if added:
            index_rows(session, added, new=True)
        if changed:
            index_rows(session, changed)


def rebuild(session: Session, batch: int = 5000) -> int:
    """Index every decision again (after bulk inserts that bypass the ORM); core rows only."""
    if session.get_bind().dialect.name != "sqlite":
        return 0
    session.execute(text("DELETE FROM records_fts"))
    table = Record.__table__
    count, last = 0, 0
    while True:
        rows = session.execute(
            select(
                table.c.id, table.c.team_id, table.c.channel_id, table.c.text, table.c.item_title
            )
            .where(table.c.kind == "decision", table.c.id > last)
            .order_by(table.c.id)
            .limit(batch)
        ).all()
        if not rows:
            return count
        session.execute(
            text(
                "INSERT INTO records_fts (rowid, body_da, body_en, scope) "
                "VALUES (:id, :da, :en, :scope)"
            ),
            [
                {
                    "id": r.id,
                    "da": " ".join(stems(f"{r.text} {r.item_title or ''}", "da")),
                    "en": " ".join(stems(f"{r.text} {r.item_title or ''}", "en")),
                    "scope": scope_token(r.team_id, r.channel_id),
                }
                for r in rows
            ],
        )
        count += len(rows)
        last = rows[-1].id


# --- the search -------------------------------------------------------------------


def search_decisions(
    session: Session,
    team_id: str,
    channel_id: str,
    words: list[str],
    language: str,
    since: date | None,
    limit: int,
) -> tuple[list[Decision], int]:
    """Active decisions matching any of the words, best match first, then newest.

    On PostgreSQL a search is planned for its own words (`prepared.planned_for_its_values`):
    a plan kept for any words cannot know how many decisions a word matches."""
    language = language if language in CONFIGS else "da"
    where = active_decisions(team_id, channel_id)
    if since is not None:
        where.append(Decision.decided_on >= since)
    wanted = search_stems(words, language)
    if not wanted:
        return [], 0
    if session.get_bind().dialect.name == "postgresql":
        matched, every, rank = _postgres(wanted, language)
    else:
        scope = scope_token(team_id, channel_id)
        matched, every, rank = _sqlite(wanted, language, scope)
    with prepared.planned_for_its_values(session):
        return _found(session, len(wanted), where, (matched, every, rank), limit)


def _found(
    session: Session, words: int, where: list[ColumnElement[bool]], found: Conditions, limit: int
) -> tuple[list[Decision], int]:
    """The page and its bounded count, for `words` search words."""
    matched, every, rank = found
    if words == 1 and session.get_bind().dialect.name == "sqlite":
        return _one_word(session, [*where, matched], limit)
    # Those matching every word rank first, newest first among them: when they fill the
    # page (always, for one word) no match needs ranking at all; for two words, those
    # matching one come next, newest first. Only three words or more rank every match.
    rows = _newest(session, [*where, every], limit)
    if words == 2 and len(rows) < limit:  # then those matching one of the two
        rows += _newest(session, [*where, matched, ~every], limit - len(rows))
    elif words > 2 and len(rows) < limit:
        rows = list(
            session.scalars(
                select(Decision)
                .where(*where, matched)
                .order_by(rank.desc(), Decision.decided_on.desc().nulls_last(), Decision.id.desc())
                .options(joinedload(Decision.source))
                .limit(limit)
            )
        )
    return rows, count_of(session, newest_ids([*where, matched]), rows, limit, COUNT_BEYOND)


def _one_word(
    session: Session, where: list[ColumnElement[bool]], limit: int
) -> tuple[list[Decision], int]:
    """One word on SQLite: the page and its bounded count from one match of the full-text
    index (building the match list is most of a search's time in a big channel): the ids
    of the newest matches up to the count's bound (SQLite puts decisions without a day
    last when newest come first), then the page's rows."""
    ids = list(
        session.scalars(
            select(Decision.id)
            .where(*where)
            .order_by(Decision.decided_on.desc(), Decision.id.desc())
            .limit(limit + COUNT_BEYOND + 1)
        )
    )
    page = ids[:limit]
    found = {
        d.id: d
        for d in session.scalars(
            select(Decision).where(Decision.id.in_(page)).options(joinedload(Decision.source))
        )
    }
    return [found[i] for i in page if i in found], len(ids)


def _newest(session: Session, where: list[ColumnElement[bool]], limit: int) -> list[Decision]:
    """Newest first (by the day decided, those without one last, then as stored), read
    backwards along `ix_records_decided` where the database finds that cheaper: the dated
    ones first, then, if the page is not full, the undated."""
    shown = joinedload(Decision.source)
    dated = select(Decision).where(*where, Decision.decided_on.is_not(None))
    rows = list(
        session.scalars(
            dated.order_by(Decision.decided_on.desc(), Decision.id.desc())
            .options(shown)
            .limit(limit)
        )
    )
    if len(rows) < limit:
        undated = select(Decision).where(*where, Decision.decided_on.is_(None))
        rows += session.scalars(
            undated.order_by(Decision.id.desc()).options(shown).limit(limit - len(rows))
        )
    return rows


COUNT_BEYOND = 100
"""A search counts its matches no further than this past the page ("… og over 100
flere"): past a hundred a count says nothing a person would act on, and counting 1,000
matches of a common word went through the whole full-text index (23 ms of a 35 ms search
in a channel of 100,000 decisions, against 1 ms for 100)."""

MIN_PREFIX = 4  # a stem this long also finds longer words: "budget" -> "budg" finds "budget"


def search_stems(words: list[str], language: str) -> list[str]:
    """The stems searched for, in the order asked. Snowball cuts some words further than
    their inflections ("budget" -> "budg", "budgettet" -> "budget"), so a stem of four
    letters or more also matches as a prefix: the same rule on both databases."""
    return list(dict.fromkeys(s for w in words for s in stems(w, language)))


Conditions = tuple[ColumnElement[bool], ColumnElement[bool], ColumnElement[Any]]


def _postgres(wanted: list[str], language: str) -> Conditions:
    """(matches any word, matches every word, how many words it matches)."""
    vector: ColumnElement[Any] = literal_column(f"records.search_{language}")  # a fixed name
    simple = literal("simple").op("::")(text("regconfig"))  # the stems are stemmed already
    queries = [
        func.to_tsquery(
            simple, bindparam(f"w{i}", f"{stem}:*" if len(stem) >= MIN_PREFIX else stem)
        )
        for i, stem in enumerate(wanted)
    ]
    any_query: ColumnElement[Any] = queries[0]
    for query in queries[1:]:
        any_query = any_query.op("||")(query)
    every_query: ColumnElement[Any] = queries[0]
    for query in queries[1:]:
        every_query = every_query.op("&&")(query)
    matched = vector.op("@@")(any_query)
    rank: Any = literal(0)
    for query in queries:
        rank = rank + cast(vector.op("@@")(query), Integer)
    return matched, vector.op("@@")(every_query), rank


def _sqlite(wanted: list[str], language: str, scope: str) -> Conditions:
    """(matches any word, matches every word, how many words it matches)."""
    body = f"body_{language}"  # one of two fixed names, never user text
    terms = [f'"{s}"*' if len(s) >= MIN_PREFIX else f'"{s}"' for s in wanted]

    def fts(join: str, name: str) -> ColumnElement[bool]:
        ids = (
            text(f"SELECT rowid FROM records_fts WHERE records_fts MATCH :{name}")  # noqa: S608 (fixed names)
            .bindparams(bindparam(name, f'scope : "{scope}" AND {body} : ({join.join(terms)})'))
            .columns(column("rowid", Integer))
        )
        return Decision.id.in_(ids)

    matched = fts(" OR ", "fts_any")
    own = text(f"(SELECT ' ' || {body} || ' ' FROM records_fts WHERE rowid = records.id)")  # noqa: S608 (a fixed column name)
    rank: Any = literal(0)
    for i, stem in enumerate(wanted):
        needle = f" {stem}" if len(stem) >= MIN_PREFIX else f" {stem} "
        rank = rank + cast(func.instr(own, bindparam(f"s{i}", needle)) > 0, Integer)
    return matched, fts(" AND ", "fts_every"), rank

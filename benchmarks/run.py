"""`make bench`: every benchmark of issue 10, one Markdown table per section.

    .venv/bin/python -m benchmarks.run [--sections 1,2,3,4,5] [--databases sqlite,postgres]
        [--clients 1,10,50] [--reps 3] [--seconds 2.5] ... [--out FILE] [--smoke]

Each option can also be set as BENCH_<OPTION> in the environment (BENCH_REPS=5,
BENCH_SECTIONS=1,3). PostgreSQL runs when BENCH_DATABASE_URL or TEST_DATABASE_URL
is set: the benchmark creates databases of its own on that server
(`referat_bench_<pid>_…`) and drops them at the end.

Sections:
1. request latency and throughput of `referat serve` (gunicorn, 2 workers) against
   the floor, a bare Bolt app that only acknowledges, measured in the same run;
2. ingestion: message events in, records stored, thread replies at the stand-in;
3. queries in a channel with 100,000 actions and 100,000 decisions among 1,000
   channels, against the same at 100 records; App Home; peak RSS per worker;
4. digests for 1,000 channels (benchmarks/digests.py);
5. start-up until /healthz answers, and peak RSS.

Load goes only to 127.0.0.1, from a separate process (benchmarks/load.py), bounded
by a request count and a deadline. Progress goes to stderr, tables to stdout.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks import digests
from benchmarks.infra import (
    ROOT,
    SECRET,
    Database,
    Server,
    Table,
    calls_to,
    log,
    logged_errors,
    machine,
    median,
    met,
    ms,
    number,
    percentile,
    postgres_admin_url,
)
from benchmarks.load import Result, Spec, send_one
from benchmarks.seed import (
    BIG,
    BIG_TEAM,
    INGEST,
    NOW,
    PERSON,
    SMALL,
    SMALL_TEAM,
    WORD,
    seed,
)
from bot.standin import StandIn

MESSAGE = (
    "Beslutning: Styregruppen godkender rammeaftalen\n"
    "Handling: <@U0JENS> sender udkast, frist fredag"
)


@dataclass(frozen=True)
class Scenario:
    name: str
    kind: str  # command | message
    text: str
    expect: str  # a fragment the answer (or the thread reply) must hold
    ratio: float | None = None  # target: at least this share of the floor's req/s


SCENARIOS = [
    Scenario("`/referat næste-møde`", "command", "næste-møde", "Næste møde", 1 / 3),
    Scenario("`/referat åbne`", "command", "åbne", "Åbne handlinger", 1 / 3),
    # the decisions' own words, not the heading's echo of the query: an empty search fails
    Scenario(f"`/referat beslutninger {WORD}`", "command", f"beslutninger {WORD}", "sikrede"),
    Scenario("message: 1 decision + 1 action", "message", MESSAGE, "Registreret", 1 / 5),
]
QUERY_TIMEOUT = 180.0  # seconds; a query at size slower than this is shown as timed out
FLOOR = {
    "command": Scenario("floor: slash command (ack only)", "command", "næste-møde", ""),
    "message": Scenario("floor: message event (ack only)", "message", MESSAGE, ""),
}
QUERIES = [  # name, kind, text, what the first answer (or the published view) must hold
    ("`næste-møde`", "command", "næste-møde", "Næste møde"),
    ("`åbne`", "command", "åbne", "Åbne handlinger"),
    (f"`beslutninger {WORD}`", "command", f"beslutninger {WORD}", "sikrede"),
    ("App Home (event → views.publish)", "home", "", "Udarbejde notat"),
]


@dataclass
class Options:
    sections: list[int]
    databases: list[str]
    clients: list[int]
    reps: int
    seconds: float
    requests: int
    small: int
    big: int
    channels: int
    per_channel: int
    ingest: int
    ingest_clients: int
    query_budget: float
    digest_channels: int
    digest_records: int
    workers: int = 2
    fresh: bool = True
    out: Path | None = None
    keep: bool = False


SMOKE = {
    "clients": "2",
    "workers": "1",
    "fresh": "no",
    "reps": "1",
    "seconds": "0.3",
    "requests": "30",
    "small": "10",
    "big": "150",
    "channels": "3",
    "per_channel": "10",
    "ingest": "15",
    "ingest_clients": "3",
    "query_budget": "5",
    "digest_channels": "3",
    "digest_records": "6",
}


DEFAULTS = {
    "sections": ("1,2,3,4,5", "sections to run"),
    "databases": ("", "sqlite, postgres or both (default both when PostgreSQL is configured)"),
    "clients": ("1,10,50", "concurrent clients of the load runs"),
    "reps": ("3", "runs per figure (the table shows the median)"),
    "seconds": ("2.5", "length of one load run"),
    "requests": ("4000", "cap on the requests of one load run"),
    "small": ("100", "actions (and as many decisions) in the small channel"),
    "big": ("100000", "actions (and as many decisions) in the big channel"),
    "channels": ("1000", "other channels in the big workspace"),
    "per_channel": ("200", "records in each of those"),
    "ingest": ("600", "messages in one ingestion run"),
    "ingest_clients": ("10", "clients sending them"),
    "query_budget": ("30", "seconds to spend on one query at one size"),
    "digest_channels": ("1000", "channels with a digest due"),
    "digest_records": ("150", "records in each"),
    "workers": ("2", "gunicorn workers of every server (the floor's too)"),
    "fresh": ("yes", "a fresh referat server for sections 1 and 2 after section 3 (yes/no)"),
    "out": ("", "also write the tables to this file"),  # and always to stdout
}


def parse(argv: Sequence[str] | None = None) -> Options:
    """Each option: the command line, else BENCH_<OPTION>, else (with --smoke) the tiny
    size, else the full size."""
    parser = argparse.ArgumentParser(prog="benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one repetition")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    for key, (default, what) in DEFAULTS.items():
        parser.add_argument(
            "--" + key.replace("_", "-"),
            default=None,
            help=f"{what} (default {default})" if default else what,
        )
    args = parser.parse_args(argv)
    values: dict[str, str] = {}
    for key, (default, _) in DEFAULTS.items():
        given = getattr(args, key)
        if given is None:
            given = os.environ.get(f"BENCH_{key.upper()}")
        if given is None and args.smoke:
            given = SMOKE.get(key)
        values[key] = default if given is None else given
    if not values["databases"]:
        values["databases"] = "sqlite,postgres" if postgres_admin_url() else "sqlite"
    databases = [d.strip() for d in str(values["databases"]).split(",") if d.strip()]
    for name in databases:
        if name not in ("sqlite", "postgres"):
            parser.error(f"unknown database {name!r}")
        if name == "postgres" and not postgres_admin_url():
            parser.error("postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL")
    return Options(
        sections=[int(s) for s in str(values["sections"]).split(",") if s.strip()],
        databases=databases,
        clients=[int(c) for c in str(values["clients"]).split(",") if c.strip()],
        reps=int(values["reps"]),
        seconds=float(values["seconds"]),
        requests=int(values["requests"]),
        small=int(values["small"]),
        big=int(values["big"]),
        channels=int(values["channels"]),
        per_channel=int(values["per_channel"]),
        ingest=int(values["ingest"]),
        ingest_clients=int(values["ingest_clients"]),
        query_budget=float(values["query_budget"]),
        digest_channels=int(values["digest_channels"]),
        digest_records=int(values["digest_records"]),
        workers=int(values["workers"]),
        fresh=values["fresh"].lower() in ("yes", "y", "1", "true"),
        out=Path(values["out"]) if values["out"] else None,
        keep=bool(args.keep),
    )


@dataclass
class Figures:
    """One figure set (p50, p99, req/s) per run; the table shows the medians."""

    runs: list[Result] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return median([percentile(r.latencies, 50) for r in self.runs if r.latencies])

    @property
    def p99(self) -> float:
        return median([percentile(r.latencies, 99) for r in self.runs if r.latencies])

    @property
    def throughput(self) -> float:
        return median([r.throughput for r in self.runs])

    @property
    def failed(self) -> int:
        return sum(r.failed for r in self.runs)


class Bench:
    def __init__(self, options: Options, workdir: Path) -> None:
        self.options = options
        self.workdir = workdir
        # the people the bench acts as, known to the stand-in (channel members, users.info)
        people = {PERSON: {"real_name": "Anne"}, "U0JENS": {"real_name": "Jens"}}
        self.standin = StandIn(users=people, clock=NOW.timestamp)
        self.run_ids = itertools.count(1)
        self.floor: Server | None = None
        self.tables: list[Table] = []
        self.problems: list[str] = []  # what went wrong but did not stop the run

    # -- plumbing -------------------------------------------------------------

    def spec(self, server: Server, scenario: Scenario, clients: int, **kw: object) -> Spec:
        values: dict[str, object] = {
            "port": server.port,
            "secret": SECRET,
            "kind": scenario.kind,
            "text": scenario.text,
            "team": SMALL_TEAM,
            "channel": INGEST if scenario.kind == "message" else SMALL,
            "user": "U0JENS" if scenario.kind == "message" else PERSON,
            "clients": clients,
            "requests": self.options.requests,
            "seconds": self.options.seconds,
            "run_id": next(self.run_ids),
            "response_url": self.standin.response_url(),
        }
        values.update(kw)
        return Spec(**values)  # type: ignore[arg-type]

    def load(self, spec: Spec) -> Result:
        """One bounded load run, from its own process."""
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.load"],
            input=json.dumps(asdict(spec)),
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=spec.seconds + 600,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"load generator failed:\n{done.stderr[-3000:]}")
        data = json.loads(done.stdout)
        return Result(**data)

    def replies(self) -> int:
        return len(calls_to(self.standin, "chat.postMessage"))

    def wait_replies(self, count: int, timeout: float) -> float | None:
        """Wait (with a deadline) until `count` replies reached the stand-in; when the
        last of them arrived (time.time()), or None if they did not all come."""
        try:
            calls = self.standin.wait_for("chat.postMessage", count, timeout=timeout)
        except AssertionError:
            return None
        return calls[count - 1].at

    def check(self, server: Server, scenario: Scenario, **kw: object) -> None:
        """One request, before any timing: the answer must be what a person would see."""
        spec = self.spec(server, scenario, 1, **kw)
        before = self.replies()
        status, body, _ = send_one(spec)
        if status != 200:
            raise RuntimeError(f"{server.name}: {scenario.name} answered {status}: {body[:300]}")
        if scenario.kind == "command" and scenario.expect:
            try:
                shown = json.dumps(json.loads(body), ensure_ascii=False)
            except ValueError:
                shown = body
            if scenario.expect not in shown:
                raise RuntimeError(f"{server.name}: {scenario.name} answered {shown[:500]!r}")
        if scenario.kind == "message" and scenario.expect:
            if self.wait_replies(before + 1, 30) is None:
                raise RuntimeError(f"{server.name}: no thread reply to {scenario.name}")
            text = str(calls_to(self.standin, "chat.postMessage")[before].args.get("text"))
            if scenario.expect not in text:
                raise RuntimeError(f"{server.name}: thread reply was {text[:300]!r}")

    def floor_server(self) -> Server:
        if self.floor is None:
            log(f"starting the floor (bare Bolt app, gunicorn, {self.options.workers} workers)")
            self.floor = Server.floor(self.standin.url, self.workdir, self.options.workers).start()
            for scenario in FLOOR.values():
                self.check(self.floor, scenario)
        return self.floor

    def database(self, kind: str, name: str, **sizes: int) -> Database:
        database = Database.create(kind, name, self.workdir)
        started = time.perf_counter()
        seed(database.url, **sizes)
        log(f"seeded {database.label} ({name}: {sizes}) in {time.perf_counter() - started:.1f} s")
        return database

    # -- the run --------------------------------------------------------------

    def run(self) -> list[Table]:
        options = self.options
        self.standin.start()
        try:
            wanted = set(options.sections)
            request_table = Table(
                f"1. Requests over HTTP: `referat serve` (gunicorn, {options.workers} workers) "
                "against the floor",
                [
                    "request",
                    "database",
                    "clients",
                    "p50 ms",
                    "p99 ms",
                    "req/s",
                    "floor req/s",
                    "share of floor",
                    "failed",
                    "target",
                    "target met?",
                ],
            )
            ingest_table = Table(
                "2. Ingestion: message event in → record stored → thread reply posted",
                [
                    "database",
                    "messages a run",
                    "clients",
                    "msg/s (median)",
                    "runs",
                    "target",
                    "target met?",
                ],
            )
            query_table = Table(
                f"3. Queries at size: {options.big:,} actions and {options.big:,} decisions in "
                f"one channel among {options.channels:,} (others {options.per_channel} records "
                f"each), against {options.small} and {options.small} in a small workspace",
                [
                    "query",
                    "database",
                    f"at {options.small}",
                    f"at {options.big:,}",
                    "ratio",
                    "target",
                    "target met?",
                ],
            )
            for kind in options.databases:
                if wanted & {1, 2, 3}:
                    self.serve_sections(kind, wanted, request_table, ingest_table, query_table)
            if 1 in wanted:
                self.tables.append(request_table)
            if 2 in wanted:
                self.tables.append(ingest_table)
            if 3 in wanted:
                self.tables.append(query_table)
            if 4 in wanted:
                self.tables.append(self.digest_section())
            if 5 in wanted:
                self.tables.append(self.startup_section())
        finally:
            if self.floor is not None:
                self.floor.stop()
            self.standin.stop()
        for log_path in sorted(self.workdir.glob("*.log")):
            errors = logged_errors(log_path)
            if errors:
                self.problems.append(
                    f"{len(errors)} error(s) in {log_path.name}, the first: {errors[0][:500]}"
                )
        return self.tables

    def serve_sections(
        self,
        kind: str,
        wanted: set[int],
        request_table: Table,
        ingest_table: Table,
        query_table: Table,
    ) -> None:
        """One database for sections 1–3, always with both workspaces (so a request in
        the small channel is measured beside 400,000 other records, as in production);
        a fresh server for section 3 and another for sections 1 and 2, so the memory
        the queries at size leave behind does not weigh on the latency runs."""
        options = self.options
        database = self.database(
            kind,
            "serve",
            small=options.small,
            big=options.big,
            channels=options.channels,
            per_channel=options.per_channel,
        )
        try:
            server = self.referat(database)
            try:
                if 3 in wanted:
                    self.query_section(server, database, query_table)
                    if options.fresh and wanted & {1, 2}:
                        server.stop()
                        server = self.referat(database)
                if 1 in wanted:
                    self.request_section(server, database, request_table)
                if 2 in wanted:
                    self.ingest_section(server, database, ingest_table)
            finally:
                server.stop()
        finally:
            database.drop()

    def referat(self, database: Database) -> Server:
        server = Server.referat(
            database.url, self.standin.url, self.workdir, self.options.workers
        ).start()
        log(f"referat serve on {database.label} answered /healthz in {server.startup:.2f} s")
        return server

    # -- 1. requests ----------------------------------------------------------

    def request_section(self, server: Server, database: Database, table: Table) -> None:
        options = self.options
        floor = self.floor_server()
        for scenario in SCENARIOS:
            self.check(server, scenario)
        log(f"warming up ({database.label})")
        for target, scenario in [(floor, s) for s in FLOOR.values()] + [
            (server, s) for s in SCENARIOS
        ]:
            self.measure(target, scenario, 4, requests=min(40, self.options.requests), seconds=5.0)
        figures: dict[tuple[str, int], Figures] = {}
        for clients in options.clients:
            for rep in range(options.reps):
                log(f"{database.label}: {clients} client(s), run {rep + 1}/{options.reps}")
                for target, scenario in [(floor, s) for s in FLOOR.values()] + [
                    (server, s) for s in SCENARIOS
                ]:
                    result = self.measure(target, scenario, clients)
                    figures.setdefault((scenario.name, clients), Figures()).runs.append(result)
        for scenario in [*FLOOR.values(), *SCENARIOS]:
            is_floor = scenario in FLOOR.values()
            for clients in options.clients:
                f = figures[(scenario.name, clients)]
                base = figures[(FLOOR[scenario.kind].name, clients)].throughput
                share = f.throughput / base if base else float("nan")
                goal, ok = self.request_target(scenario, database, clients, f, share)
                table.add(
                    scenario.name,
                    database.label,
                    clients,
                    ms(f.p50),
                    ms(f.p99),
                    number(f.throughput),
                    "" if is_floor else number(base),
                    "" if is_floor else f"{share:.2f}",
                    f.failed,
                    goal,
                    met(ok),
                )

    def measure(self, server: Server, scenario: Scenario, clients: int, **kw: object) -> Result:
        before = self.replies()
        result = self.load(self.spec(server, scenario, clients, **kw))
        if scenario.kind == "message" and server.name == "referat":
            # let the lazy thread replies of this run finish before the next run starts
            if self.wait_replies(before + result.ok, 60 + result.ok / 20) is None:
                self.problems.append(
                    f"{scenario.name}, {clients} clients: not every thread reply arrived"
                )
        return result

    @staticmethod
    def request_target(
        scenario: Scenario, database: Database, clients: int, f: Figures, share: float
    ) -> tuple[str, bool | None]:
        targets: list[str] = []
        checks: list[bool] = []
        if scenario.ratio is not None and clients >= 10:
            targets.append(f"≥ 1/{round(1 / scenario.ratio)} of floor")
            checks.append(share >= scenario.ratio)
        if scenario.ratio is not None and scenario.kind == "command":
            if clients == 1:
                targets.append("p50 < 3 ms")
                checks.append(f.p50 < 0.003)
            if clients >= 50 and database.kind == "postgres":
                targets.append("p99 < 100 ms")
                checks.append(f.p99 < 0.100)
        if f.failed:
            checks.append(False)
        if not targets:
            return "—", (False if f.failed else None)
        return "; ".join(targets), all(checks)

    # -- 2. ingestion ---------------------------------------------------------

    def ingest_section(self, server: Server, database: Database, table: Table) -> None:
        options = self.options
        scenario = SCENARIOS[-1]
        self.check(server, scenario)
        rates = []
        for rep in range(options.reps):
            log(f"{database.label}: ingestion run {rep + 1}/{options.reps}")
            before = self.replies()
            spec = self.spec(
                server,
                scenario,
                options.ingest_clients,
                requests=options.ingest,
                seconds=600.0,
            )
            result = self.load(spec)
            last = self.wait_replies(before + result.ok, 60 + options.ingest / 10)
            if last is None or result.failed:
                arrived = self.replies() - before
                self.problems.append(
                    f"ingestion on {database.label}: {result.failed} failed, "
                    f"{arrived} of {result.ok} replies arrived"
                )
                rates.append(0.0)
                continue
            rates.append(result.ok / (last - result.started_wall))
        rate = median(rates)
        table.add(
            database.label,
            options.ingest,
            options.ingest_clients,
            number(rate),
            len(rates),
            "≥ 300 msg/s with the reply posted",
            met(rate >= 300),
        )

    # -- 3. queries at size ---------------------------------------------------

    def time_query(self, server: Server, scenario: Scenario, team: str, channel: str) -> float:
        """Median seconds of up to `reps` sequential requests (15 when the first is
        under 0.2 s), after one warm-up (unless that one alone took half the budget),
        within the query budget. A request that
        takes longer than QUERY_TIMEOUT counts as infinite and ends the series."""
        options = self.options
        spent = 0.0
        times: list[float] = []
        wanted = options.reps
        attempt = 0
        while len(times) < wanted:
            if attempt and spent > options.query_budget:
                break
            try:
                took = self.one_query(server, scenario, team, channel, check=attempt == 0)
            except TimeoutError:
                self.problems.append(
                    f"{scenario.name} in {team}/{channel}: no answer in {QUERY_TIMEOUT} s"
                )
                times.append(float("inf"))
                break
            spent += took
            if attempt == 0 and took < 0.2 and options.reps > 1:
                wanted = max(wanted, 15)  # fast: more samples cost little and steady the median
            if attempt or (took > options.query_budget / 2):
                times.append(took)
            attempt += 1
        return median(times)

    def one_query(
        self, server: Server, scenario: Scenario, team: str, channel: str, check: bool
    ) -> float:
        """Seconds for one query; with `check`, its answer must hold `scenario.expect`."""
        if scenario.kind == "command":
            spec = self.spec(server, scenario, 1, team=team, channel=channel)
            status, body, took = send_one(spec, timeout=QUERY_TIMEOUT)
            if status != 200:
                raise RuntimeError(f"{scenario.text} in {channel} answered {status}: {body[:300]}")
            if check:
                self.expect(scenario, f"{team}/{channel}", body)
            return took
        spec = self.spec(server, scenario, 1, team=team, user=PERSON)
        before = len(calls_to(self.standin, "views.publish"))
        sent = time.time()
        status, body, _ = send_one(spec, timeout=QUERY_TIMEOUT)
        if status != 200:
            raise RuntimeError(f"app_home_opened answered {status}: {body[:300]}")
        try:
            calls = self.standin.wait_for("views.publish", before + 1, timeout=QUERY_TIMEOUT)
        except AssertionError as error:
            raise TimeoutError("App Home was not published") from error
        if not calls[before].result.get("ok"):
            self.problems.append(f"views.publish refused: {calls[before].result.get('error')}")
        if check:
            self.expect(scenario, f"{team} for {PERSON}", calls[before].args.get("view"))
        return calls[before].at - sent

    @staticmethod
    def expect(scenario: Scenario, where: str, answer: object) -> None:
        if isinstance(answer, str):
            try:
                answer = json.loads(answer)
            except ValueError:
                pass
        shown = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
        if scenario.expect not in shown:
            raise RuntimeError(
                f"{scenario.name} in {where}: {scenario.expect!r} not in {shown[:500]!r}"
            )

    def query_section(self, server: Server, database: Database, table: Table) -> None:
        results: dict[tuple[str, str], float] = {}
        rss: dict[str, float] = {}
        for size, team, channel in (("small", SMALL_TEAM, SMALL), ("big", BIG_TEAM, BIG)):
            for name, kind, text, expect in QUERIES:
                log(f"{database.label}: {name} in the {size} channel")
                scenario = Scenario(name, kind, text, expect)
                results[(name, size)] = self.time_query(server, scenario, team, channel)
            _, workers = server.peak_rss_mb()
            rss[size] = max(workers) if workers else float("nan")
        for name, *_ in QUERIES:
            small, big = results[(name, "small")], results[(name, "big")]
            ratio = big / small if small else float("nan")
            table.add(
                name,
                database.label,
                f"{ms(small)} ms",
                f"{ms(big)} ms",
                f"{ratio:,.1f}×" if ratio < 10 else f"{ratio:,.0f}×",
                f"< 50 ms, ≤ 2× at {self.options.small}",
                met(big < 0.050 and ratio <= 2),
            )
        table.add(
            "peak RSS per worker (VmHWM, largest worker)",
            database.label,
            f"{number(rss['small'])} MB",
            f"{number(rss['big'])} MB",
            f"{rss['big'] / rss['small']:.1f}×" if rss["small"] else "—",
            "< 200 MB",
            met(rss["big"] < 200),
        )

    # -- 4. digests -----------------------------------------------------------

    def digest_section(self) -> Table:
        options = self.options
        table = Table(
            f"4. Digests: one scheduler pass for {options.digest_channels:,} channels "
            f"× {options.digest_records} records, posted to the stand-in",
            [
                "database",
                "seeded in",
                "first pass (all due)",
                "runs",
                "ms a channel",
                "posted",
                "second pass (none due)",
                "target",
                "target met?",
            ],
        )
        for kind in options.databases:
            database = Database.create(kind, "digest", self.workdir)
            try:
                label = database.label
                log(f"{label}: digests for {options.digest_channels} channels")
                run = digests.measure(
                    database.url,
                    options.digest_channels,
                    options.digest_records,
                    options.reps,
                    budget=options.query_budget,
                )
            finally:
                database.drop()
            first = median(run.first)
            target = "< 15 s" if kind == "postgres" else "—"
            table.add(
                label,
                f"{run.seeded:.1f} s",
                f"{first:.2f} s",
                len(run.first),
                f"{first / max(1, run.posted) * 1000:.1f}",
                f"{run.posted} ({run.refused} refused)",
                f"{median(run.second):.2f} s",
                target,
                met(first < 15 and run.refused == 0) if kind == "postgres" else "—",
            )
        return table

    # -- 5. start-up ----------------------------------------------------------

    def startup_section(self) -> Table:
        options = self.options
        table = Table(
            "5. Start-up: process start until /healthz answers; peak RSS after 20 requests",
            ["server", "database", "start-up (median)", "runs", "master MB", "largest worker MB"],
        )
        for kind in ["—", *options.databases]:
            database = None if kind == "—" else self.database(kind, "startup", small=options.small)
            try:
                times, masters, workers = [], [], []
                for rep in range(options.reps):
                    log(f"start-up {kind} {rep + 1}/{options.reps}")
                    if database is None:
                        server = Server.floor(self.standin.url, self.workdir, options.workers)
                    else:
                        server = Server.referat(
                            database.url, self.standin.url, self.workdir, options.workers
                        )
                    server.start()
                    try:
                        times.append(server.startup)
                        self.load(self.spec(server, SCENARIOS[0], 4, requests=20, seconds=30.0))
                        master, peaks = server.peak_rss_mb()
                        masters.append(master or float("nan"))
                        workers.append(max(peaks) if peaks else float("nan"))
                    finally:
                        server.stop()
                table.add(
                    "floor" if database is None else "`referat serve`",
                    "—" if database is None else database.label,
                    f"{median(times):.2f} s",
                    len(times),
                    number(median(masters)),
                    number(median(workers)),
                )
            finally:
                if database is not None:
                    database.drop()
        return table


def render(tables: Sequence[Table], options: Options, problems: Sequence[str]) -> str:
    parts = [
        "## Latest `make bench` figures",
        "",
        machine() + ".",
        f"Each figure is the median of {options.reps} run(s); load runs last "
        f"{options.seconds} s or {options.requests} requests, whichever comes first; "
        "the floor is measured in the same run.",
        "",
    ]
    parts += [t.markdown() for t in tables]
    if problems:
        parts.append("Problems seen during the run:\n")
        parts += [f"- {p}" for p in problems]
        parts.append("")
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> str:
    options = parse(argv)
    workdir = Path(tempfile.mkdtemp(prefix="referat-bench-"))
    started = time.perf_counter()
    bench = Bench(options, workdir)
    try:
        tables = bench.run()
    except BaseException:
        log(f"failed; logs kept in {workdir}")
        raise
    text = render(tables, options, bench.problems)
    print(text, flush=True)
    if options.out:
        options.out.write_text(text, encoding="utf-8")
    log(f"done in {time.perf_counter() - started:.0f} s")
    if not options.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return text


if __name__ == "__main__":
    main()

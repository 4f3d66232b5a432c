"""Parsing speed: whole minutes (the seeds) and single channel messages, warm.

Run: .venv/bin/python benchmarks/parse_minutes.py [--fixtures tests/fixtures]
Prints the median and spread over repeated runs in this one process.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

from bot.documents.read import extract_text
from bot.minutes_score import SUFFIXES
from bot.parsing.dates import warm_up
from bot.parsing.messages import parse_message
from bot.parsing.minutes import parse_minutes

TODAY = date(2026, 11, 23)
MESSAGE = "Handling: Slagelse og Køge bidrager til oplægget, frist 15/1\nBeslutning: godkendt"


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return runs


def report(name: str, runs: list[float]) -> None:
    runs.sort()
    print(
        f"{name:<34} median {statistics.median(runs):7.2f} ms   "
        f"min {runs[0]:7.2f}   p90 {runs[int(len(runs) * 0.9)]:7.2f}   n={len(runs)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    fixtures = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
    parser.add_argument("--fixtures", default=str(fixtures))
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    warm_up()
    seeds = sorted((Path(args.fixtures) / "seeds").glob("*.txt"))
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        parse_minutes(text, today=TODAY)  # warm
        report(
            f"minutes {seed.name} ({len(text)} ch)",
            timed(lambda t=text: parse_minutes(t, today=TODAY), args.repeat),
        )
    big = "\n".join(seed.read_text(encoding="utf-8") for seed in seeds) * 12
    report(
        f"minutes, ~100 pages ({len(big)} ch)",
        timed(lambda: parse_minutes(big, today=TODAY), max(3, args.repeat // 10)),
    )
    report(
        "one channel message", timed(lambda: parse_message(MESSAGE, today=TODAY), args.repeat * 10)
    )
    corpus = Path(args.fixtures).parent / "corpus" / "minutes"
    slowest: tuple[float, str] = (0.0, "")
    for path in sorted(corpus.glob("*")):
        if path.suffix not in SUFFIXES or not path.with_suffix(".json").is_file():
            continue
        text = extract_text(path.read_bytes(), path.name)
        parse_minutes(text, today=TODAY)  # warm
        runs = timed(lambda t=text: parse_minutes(t, today=TODAY), 5)
        slowest = max(slowest, (statistics.median(runs), f"{path.name} ({len(text)} ch)"))
    if slowest[1]:
        print(f"slowest corpus document: {slowest[1]}, median {slowest[0]:.2f} ms")


if __name__ == "__main__":
    main()

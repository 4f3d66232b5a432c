"""`referat serve` as the benchmarks start it: the real command, with one workaround.

`referat serve` migrates a SQLite file in the gunicorn master (`open_storage` in
bot/cli.py) and leaves that engine, with an open SQLite connection, to be freed by the
garbage collector some time later: before or after gunicorn forks the workers. When it
is freed after the fork, the workers hold copies of a SQLite connection they never
opened, and the master's late close deletes the `-shm` and `-wal` files the workers are
using; the database then answers "disk I/O error" and "file is not a database" (seen in
a `make bench` run on 2026-11-24). Collecting garbage before every fork frees that engine
in the master before any worker exists. Once bot/cli.py disposes of the engine itself,
this wrapper changes nothing and can go (run `python -m bot.cli serve` instead).

Run: python -m benchmarks.serve --port 3000 --workers 2   (the arguments of `referat serve`)
"""

from __future__ import annotations

import gc
import os
import sys

from bot.cli import main

if __name__ == "__main__":
    os.register_at_fork(before=gc.collect)
    raise SystemExit(main(["serve", *sys.argv[1:]]))

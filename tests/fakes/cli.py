"""`referat …` inside the test's own process: bot.cli.main() with the environment given,
its stdout and stderr captured, as subprocess.run would hand them back. For tests about
what a command does; tests about the process itself (signals, exit on a dead database,
the console script) still start one."""

from __future__ import annotations

import io
import logging
import os
import subprocess
from collections.abc import Mapping
from contextlib import redirect_stderr, redirect_stdout

from bot.cli import main


def run_cli(*args: str, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    out, err = io.StringIO(), io.StringIO()
    environ = dict(os.environ)
    root, alembic = logging.getLogger(), logging.getLogger("alembic")
    handlers, levels = list(root.handlers), (root.level, alembic.level)
    os.environ.update(env)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit:  # argparse on a usage error, as `python -m` would
                code = exit.code if isinstance(exit.code, int) else 1
    finally:
        # main() sets up logging for a process of its own, and drops the Slack secrets
        # from the environment: the test process gets both back as they were
        os.environ.clear()
        os.environ.update(environ)
        root.handlers[:] = handlers
        root.setLevel(levels[0])
        alembic.setLevel(levels[1])
    return subprocess.CompletedProcess(["referat", *args], code, out.getvalue(), err.getvalue())

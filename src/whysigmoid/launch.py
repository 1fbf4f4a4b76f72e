"""The ``whysigmoid`` command's entry point: start in the render environment, then run the CLI.

A render of one work with one job runs in the command's own process
(:func:`whysigmoid.delivery.engine.tasks.render_many`, ``in_process``), which must
draw exactly as a render worker does: with the fixed string-hash seed and
glibc's malloc thresholds (:mod:`whysigmoid.delivery.engine.process_env`). Python
reads both when a process starts, so the command re-executes the interpreter
once with them set, before importing anything heavy (about 0.05 s). If that
is not possible it runs as it is, and renders in workers. Floor 4, with
:mod:`whysigmoid.cli`.
"""

from __future__ import annotations

import os
import sys

from .delivery.engine import process_env

__all__ = ["main"]

#: Set in the re-executed process: never re-execute twice.
LAUNCHED = "WHYSIGMOID_LAUNCHED"


def main() -> None:
    """Console-script entry point (``whysigmoid``)."""
    if not process_env.prepared() and LAUNCHED not in os.environ:
        env = process_env.environment()
        env[LAUNCHED] = "1"
        argv = [sys.executable, "-m", "whysigmoid.launch", *sys.argv[1:]]
        try:
            os.execve(sys.executable, argv, env)
        except OSError:
            pass  # run as we are: renders go to workers
    from .cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()

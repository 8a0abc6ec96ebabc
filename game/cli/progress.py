"""The one progress line of the commands that can take a while (``balance``, ``lint``,
``results report``, ``shots``).

It goes to stderr, never stdout, so ``--json`` output stays one clean JSON document. It is
drawn only when stderr is a terminal (a person is watching) and erased when the work ends, so
logs and pipes get nothing; ``AGEN_PROGRESS=1`` draws it anyway (``0`` never). Its words come
from the catalogs, Indonesian then English: ``with ProgressLine() as line:
step = line.task("progress.replay", total=n)``, then ``step()`` after each piece of work.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from game.i18n import both

Step = Callable[..., None]


def shown(stream: TextIO) -> bool:
    """Whether the line is drawn on ``stream``: a terminal, unless ``AGEN_PROGRESS`` says."""
    wish = os.environ.get("AGEN_PROGRESS", "").strip()
    if wish in ("0", "1"):
        return wish == "1"
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream: no line
        return False


class ProgressLine:
    """A context holding one or more counted tasks, drawn as one line each on stderr."""

    def __init__(self, stream: TextIO | None = None) -> None:
        out = stream if stream is not None else sys.stderr
        on = shown(out)
        console = Console(file=out, force_terminal=on or None, highlight=False)
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not on,
        )

    def __enter__(self) -> ProgressLine:
        self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def task(self, key: str, total: int | None, **fields: object) -> Step:
        """A new task labelled by catalog ``key`` (both languages); call the result with the
        number of pieces just done (default 1)."""
        label = both(key, **fields)
        task_id = self._progress.add_task(label, total=total, start=False)
        started = False

        def step(count: int = 1) -> None:
            nonlocal started
            if not started:  # its clock starts with its first piece, not with the command
                self._progress.start_task(task_id)
                started = True
            self._progress.advance(task_id, count)

        return step

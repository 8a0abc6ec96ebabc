"""The ``agen`` command: thin; parses arguments, calls the packages, prints.

One module per command group (``core``: validate, simulate; ``play``; ``results``;
``authoring``), each adding its commands to the one app in :mod:`game.cli.common` through
``register(app)``. Every failure goes through :func:`game.cli.common.fail`.
"""

from __future__ import annotations

import sys
from typing import Any

import typer

from game.cli.common import CliText, app, fail
from game.i18n import both

__all__ = ["app", "fail", "main", "register_commands"]

_registered: list[bool] = []


def register_commands() -> None:
    """Add every command group to the app (once)."""
    if _registered:
        return
    from game.cli import authoring, classroom, core, play, results

    for module in (core, play, results, authoring, classroom):
        module.register(app)
    _registered.append(True)


def main(argv: list[str] | None = None) -> Any:
    """Entry point of the ``agen`` console script."""
    register_commands()
    try:
        return app(
            args=argv if argv is not None else sys.argv[1:], prog_name="agen", standalone_mode=True
        )
    except KeyboardInterrupt:
        typer.echo(both(CliText.CANCELLED), err=True)
        raise SystemExit(130) from None

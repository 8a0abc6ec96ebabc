"""What every ``agen`` command shares: the typer app and the one way to fail with a message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from game.errors import AgenError, Problem, ScenarioError

if TYPE_CHECKING:
    from game.scenario import LoadedScenario

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    help="Agen Perubahan — permainan simulasi kepemimpinan / a leadership simulation.",
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error to stderr and return the Exit to raise."""
    typer.echo(message, err=True)
    return typer.Exit(code)


def check_files(
    command: str,
    paths: list[Path],
    findings: Callable[[LoadedScenario], list[Problem]],
    summary: Callable[[Path, list[Problem]], str],
    lang: str = "en",
) -> NoReturn:
    """The loop ``agen validate`` and ``agen lint`` share: every scenario file under
    ``paths`` is loaded and its ``findings`` printed one per line; a file that cannot be
    loaded prints its problems. Exits 1 when any file was refused, 2 when none was found."""
    from game.scenario import load_scenario
    from game.scenario.loader import scenario_files

    files = scenario_files(paths)
    if not files:
        raise fail(f"agen {command}: no .toml files found / tidak ada berkas .toml", 2)
    bad = False
    for file in files:
        try:
            loaded = load_scenario(file)
            problems = findings(loaded)
        except ScenarioError as exc:
            bad = True
            for problem in exc.problems:
                typer.echo(problem.format(lang))
            continue
        except AgenError as exc:
            bad = True
            typer.echo(f"{file}: {exc}")
            continue
        for problem in problems:
            typer.echo(problem.format(lang))
        typer.echo(summary(file, problems), err=True)
    raise typer.Exit(1 if bad else 0)

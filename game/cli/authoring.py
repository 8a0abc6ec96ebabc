"""Commands for trainers who write scenarios: ``new``, ``schema``, ``check``, ``balance``, ``lint``.

Thin: parse, call :mod:`game.authoring`, print. Bad input is one clear line and changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from game.cli.common import CliText, Quarters, check_files, fail, played_as, scenario_path
from game.errors import AgenError, Problem, ScenarioError
from game.i18n import both, english_first, say

if TYPE_CHECKING:
    from game.scenario import LoadedScenario


def _load(path: Path) -> Any:
    from game.scenario import load_scenario

    try:
        return load_scenario(path)
    except ScenarioError as exc:
        raise fail(str(exc)) from None


def new(
    scenario_id: Annotated[
        str, typer.Argument(metavar="ID", help="Scenario id, e.g. dukcapil-sleman")
    ],
    out: Annotated[Path | None, typer.Option(help="File to write (default: ID.toml here)")] = None,
) -> None:
    """Write a commented scenario to start from."""
    from game.authoring.json_schema import schema_text
    from game.authoring.template import write_new

    try:
        written = write_new(scenario_id, out, schema_text())
    except AgenError as exc:
        raise fail(f"agen new: {exc}") from None
    for path in written:
        typer.echo(f"{both(CliText.WRITTEN, path=str(path))}")


def schema() -> None:
    """Print the JSON Schema of the scenario format (for editors)."""
    from game.authoring.json_schema import schema_text

    typer.echo(schema_text(), nl=False)


def check(
    scenario: Annotated[Path, typer.Argument(help=english_first(CliText.HELP_SCENARIO_FILE))],
    quarters: Quarters = None,
) -> None:
    """Run the scenario's [[expect]] blocks like tests."""
    from game.authoring.expect import number, run_all
    from game.scenario.loader import read_toml
    from game.scenario.locate import KeyLines

    scenario = scenario_path(scenario, "check")
    loaded = played_as(_load(scenario), quarters, "check")
    results = run_all(loaded)
    if not results:
        typer.echo(f"{scenario}: {both(CliText.NO_EXPECT)}")
        raise typer.Exit(0)
    lines = KeyLines(read_toml(scenario)[0])
    failed = 0
    for i, r in enumerate(results):
        where = f"{scenario}:{lines.line_of(('expect', i))}"
        mark = both(CliText.PASS) if r.passed else both(CliText.FAIL)
        failed += not r.passed
        title = f" — {r.label}" if r.label else ""
        typer.echo(f"{where}: {mark}  {r.id}{title}")
        if r.error is not None:
            typer.echo(f"    {both(CliText.PLAN_REFUSED)}: {r.error}")
            continue
        found = ", ".join(f"{k} = {number(v)}" for k, v in r.values.items())
        typer.echo(f"    {r.assertion}" + (f"  ({both(CliText.FOUND)}: {found})" if found else ""))
    passed = len(results) - failed
    typer.echo(both(CliText.PASSED_FAILED, passed=passed, failed=failed))
    raise typer.Exit(1 if failed else 0)


def balance(
    scenario: Annotated[Path, typer.Argument(help=english_first(CliText.HELP_SCENARIO_FILE))],
    runs: Annotated[
        int, typer.Option(min=1, max=1_000_000, help=english_first(CliText.HELP_BOT_GAMES))
    ] = 10_000,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    out: Annotated[Path | None, typer.Option(help="Folder for PNG charts and report.json")] = None,
    seed_start: Annotated[
        int | None, typer.Option(help="First seed (default: the scenario's)")
    ] = None,
    jobs: Annotated[int | None, typer.Option(min=1, help="Processes (default: all cores)")] = None,
    quarters: Quarters = None,
) -> None:
    """Bots over many seeds: score spread, best path, dominant and dead policies."""
    from rich.console import Console

    from game.authoring.balance import best_goals, build_report
    from game.authoring.balance_render import render
    from game.authoring.lint import games_found, lint_problems, static_found

    loaded = played_as(_load(scenario_path(scenario, "balance")), quarters, "balance")
    err = Console(stderr=True)
    try:
        rows, best, alloc, seconds = _with_progress(loaded, runs, jobs, seed_start)
        report = build_report(loaded, rows, best, alloc, seconds, _cores(jobs), seed_start)
        found = static_found(loaded) + games_found(loaded, rows, best_goals(loaded, best))
        warnings = [say(w, "en") for w in [*loaded.warnings, *lint_problems(loaded, found)]]
    except AgenError as exc:
        raise fail(str(exc)) from None
    report["warnings"] = warnings
    if out is not None:
        try:
            from game.authoring.balance_charts import write_charts

            written = write_charts(report, out)
            (out / "report.json").write_text(
                json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8"
            )
        except OSError as exc:
            raise fail(f"{out}: {both(CliText.CANNOT_WRITE, reason=str(exc.strerror))}") from None
        for path in [*written, out / "report.json"]:
            err.print(both(CliText.WRITTEN, path=str(path)), highlight=False)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    console = Console(width=max(100, Console().width), soft_wrap=False)
    render(report, console)
    for line in warnings:
        typer.echo(line)


def lint(
    paths: Annotated[list[Path], typer.Argument(help=english_first(CliText.HELP_LINT_FILES))],
    runs: Annotated[int, typer.Option(min=1, max=1_000_000, help="Bot games per file")] = 1000,
    jobs: Annotated[int | None, typer.Option(min=1, help="Processes (default: all cores)")] = None,
) -> None:
    """Warnings beyond validity, from the definitions and from bot games (FILE:LINE: ...)."""
    from game.authoring.balance import best_goals
    from game.authoring.lint import games_found, lint_problems, static_found

    def findings(loaded: LoadedScenario) -> list[Problem]:
        rows, best, _, _ = _with_progress(loaded, runs, jobs, None)
        found = static_found(loaded) + games_found(loaded, rows, best_goals(loaded, best))
        return list(loaded.warnings) + lint_problems(loaded, found)

    check_files(
        "lint",
        paths,
        findings,
        lambda file, problems: f"{file}: {both(CliText.LINT_SUMMARY, n=len(problems))}",
    )


def _cores(jobs: int | None) -> int:
    import os

    return jobs or os.cpu_count() or 1


def _with_progress(
    loaded: LoadedScenario, runs: int, jobs: int | None, seed_start: int | None
) -> Any:
    """``run_balance`` with a progress line: the bot games, then the best-path search."""
    from game.authoring.balance import run_balance
    from game.authoring.batch import Task, allocate
    from game.cli.progress import ProgressLine

    categories = sorted({p.category for p in loaded.scenario.policies})
    alloc = allocate(runs, categories)
    with ProgressLine() as line:
        games = line.task("progress.bot_games", sum(alloc.games.values()))
        plays = line.task("progress.best_path", alloc.search_evaluations)

        def advance(task: Task) -> None:
            (games if task.kind == "bot" else plays)(task.count)

        return run_balance(loaded, runs, jobs, seed_start, advance)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `agen` app."""
    app.command("new", help=f"{english_first(CliText.HELP_NEW)}.")(new)
    app.command("schema", help=f"{english_first(CliText.HELP_SCHEMA)}.")(schema)
    app.command("check", help=escape(f"{english_first(CliText.HELP_CHECK)}."))(check)
    app.command("balance")(balance)
    app.command("lint")(lint)

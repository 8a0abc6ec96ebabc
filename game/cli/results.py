"""``agen results ...``: the facilitator's tools (import, list, leaderboard, compare, export, report;
``aksi`` lives in :mod:`game.cli.aksi_command`).

Thin: parses options, calls :mod:`game.results`, prints rich tables with bilingual headers.
Every failure is one line on stderr and exit 1.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from game.cli.common import CliText, fail
from game.cli.compare_tables import difference_table, number_cell, score_table
from game.errors import AgenError
from game.i18n import both, english_first
from game.results.export import formats_help
from game.results.verify import ScenarioLibrary
from game.safe_text import terminal_text

if TYPE_CHECKING:
    from game.results.store import ResultStore

results_app = typer.Typer(
    help=f"{both(CliText.HELP_RESULTS)}.",
    no_args_is_help=True,
)

Db = Annotated[
    str | None, typer.Option("--db", help="Database file or URL (sqlite / postgresql://...)")
]
Scenarios = Annotated[
    Path | None,
    typer.Option("--scenarios", help="Folder of scenario files (default: the shipped ones)"),
]
Cohorts = Annotated[
    list[str] | None, typer.Option("--cohort", help=english_first(CliText.HELP_COHORTS))
]
ScenarioOpt = Annotated[str | None, typer.Option("--scenario", help="Scenario ID or ID@VERSION")]


def _console() -> Console:
    # no markup and no :emoji: codes: names and class codes are printed as typed
    return Console(soft_wrap=False, width=180, markup=False, emoji=False, highlight=False)


def _same(group: int | None) -> str:
    return "" if group is None else f"={group}"


def _same_note(console: Console, flagged: bool) -> None:
    if flagged:
        console.print(f"=N: {both(CliText.SAME_DECISIONS)}; ? = {both(CliText.ORIGIN_UNKNOWN)}")


def _library(folder: Path | None) -> ScenarioLibrary:
    library = ScenarioLibrary.of(folder)
    library.check_folders()
    return library


def _nothing_found(
    command: str, store: Any, cohorts: list[str], scenario: str | None
) -> typer.Exit:
    """No results: name the filter that found none. A class that played other scenarios than
    ``--scenario`` hears which ones; a class with no results at all hears that."""
    who = terminal_text(", ".join(cohorts))
    if scenario:
        played = sorted({v for c in cohorts for v, _ in store.versions(c)})
        if played:
            return fail(
                f"agen results {command}: --scenario {terminal_text(scenario)}: "
                f"{both(CliText.SCENARIO_NOT_PLAYED, cohorts=who)}; "
                f"{both(CliText.PLAYED)}: {terminal_text(', '.join(played))}"
            )
    return fail(f"agen results {command}: {both(CliText.COMPARE_EMPTY, cohorts=who)}")


@results_app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help=english_first(CliText.HELP_RESULT_FILES))],
    db: Db = None,
    scenarios: Scenarios = None,
) -> None:
    """Verify result files by replay and store them; one line per refused file."""
    from game.results.store import open_store

    try:
        library = _library(scenarios)
        store = open_store(db)
        report = store.import_files(paths, library)
    except AgenError as exc:
        raise fail(f"agen results import: {exc}") from None
    for path, reason in report.refused:
        typer.echo(f"{path}: {both(CliText.IMPORT_REFUSED, reason=str(reason))}", err=True)
    typer.echo(
        both(
            CliText.IMPORTED,
            imported=len(report.imported),
            duplicates=len(report.duplicates),
            refused=len(report.refused),
        )
    )
    raise typer.Exit(0 if report.ok else 1)


@results_app.command("list")
def list_(cohort: Cohorts = None, scenario: ScenarioOpt = None, db: Db = None) -> None:
    """List stored results (oldest first), how each was made, and identical decision paths."""
    from game.results.duplicates import group_numbers
    from game.results.store import open_store

    try:
        items = open_store(db).results(cohort or (), scenario)
    except AgenError as exc:
        raise fail(f"agen results list: {exc}") from None
    same = group_numbers([i.record for i in items])
    table = Table(title=both(CliText.STORED_RESULTS, n=len(items)))
    for head in (
        both(CliText.COL_CLASS),
        both(CliText.COL_NAME),
        both(CliText.COL_NIP),
        both(CliText.COL_SCENARIO),
        both(CliText.COL_SCORE),
        both(CliText.COL_GRADE),
        both(CliText.COL_GOALS),
        both(CliText.COL_ENDED),
        both(CliText.COL_ORIGIN),
        both(CliText.COL_PATH),
    ):
        table.add_column(
            head,
            justify="right" if head.startswith(("Skor", "Sasaran")) else "left",
            overflow="fold",  # a long name wraps; it is never cut short
        )
    for item, group in zip(items, same, strict=True):
        r = item.record
        table.add_row(
            terminal_text(r.cohort),
            terminal_text(r.player),
            terminal_text(r.player_id or ""),
            f"{r.scenario_id}@{r.scenario_version}",
            number_cell(r.score),
            r.grade or "-",
            str(len(r.goals)),
            r.ended.strftime("%Y-%m-%d %H:%M"),
            terminal_text(r.origin_label() or "?"),
            _same(group),
        )
    console = _console()
    console.print(table)
    _same_note(console, any(g is not None for g in same))


@results_app.command("leaderboard")
def leaderboard(
    cohort: Annotated[str, typer.Option("--cohort", help=english_first(CliText.HELP_CLASS_CODE))],
    scenario: ScenarioOpt = None,
    limit: Annotated[int, typer.Option(help="Rows to show")] = 50,
    db: Db = None,
) -> None:
    """Rank a class: rank, name, score, grade, goals (one table per scenario version)."""
    from game.results.store import open_store

    try:
        store = open_store(db)
        versions = store.versions(cohort, scenario)
        boards = [
            (f"{v}{' / short' if short else ''}", rows)
            for v, _ in versions
            for short in (False, True)
            if (rows := store.leaderboard(v, cohort, limit, short=short))
        ]
    except AgenError as exc:
        raise fail(f"agen results leaderboard: {exc}") from None
    if not boards:
        raise _nothing_found("leaderboard", store, [cohort], scenario)
    console = _console()
    flagged = False
    if len(boards) > 1:
        console.print(both(CliText.VERSIONS_APART))
    for version, rows in boards:
        table = Table(
            title=both(CliText.LEADERBOARD, cohort=terminal_text(cohort), version=version)
        )
        for head in (
            both(CliText.COL_RANK),
            both(CliText.COL_NAME),
            both(CliText.COL_SCORE),
            both(CliText.COL_GRADE),
            both(CliText.COL_GOALS),
            both(CliText.COL_PATH),
        ):
            table.add_column(
                head,
                justify="left" if head.startswith(("Nama", "Predikat", "Jalur")) else "right",
                overflow="fold",
            )
        for row in rows:
            table.add_row(
                str(row.rank),
                terminal_text(row.player),
                number_cell(row.score),
                row.grade or "-",
                str(row.goals),
                _same(row.same_path),
            )
            flagged = flagged or row.same_path is not None
        console.print(table)
    _same_note(console, flagged)


@results_app.command("compare")
def compare(
    cohort: Annotated[
        list[str], typer.Option("--cohort", help=english_first(CliText.HELP_COMPARE_COHORTS))
    ],
    scenario: ScenarioOpt = None,
    scenarios: Scenarios = None,
    lang: Annotated[str, typer.Option(help="Language of metric names: id | en")] = "id",
    db: Db = None,
) -> None:
    """Compare cohorts: n, mean, median, spread, 95% CI of the difference, effect size."""
    from game.results.compare import compare_group, compared_metrics, group_results
    from game.results.store import open_store

    cohorts = list(dict.fromkeys(cohort))
    if len(cohorts) < 2:
        raise fail(f"agen results compare: {both(CliText.COMPARE_TWO)}")
    try:
        store = open_store(db)
        items = store.results(cohorts, scenario)
        empty = [c for c in cohorts if not any(i.record.cohort == c for i in items)]
        if empty:
            raise _nothing_found("compare", store, empty, scenario)
    except AgenError as exc:
        raise fail(f"agen results compare: {exc}") from None
    groups, skipped = group_results(items, cohorts)
    first = terminal_text(cohorts[0])
    console = _console()
    for line in skipped:
        console.print(terminal_text(line), style="yellow")
    if not groups:
        raise fail(f"agen results compare: {both(CliText.COMPARE_NO_COMMON)}")
    library = ScenarioLibrary.of(scenarios)
    for group in groups:
        measures = compare_group(group, cohorts, compared_metrics(group, library, lang))
        console.print(score_table(group.name, measures[0]))
        console.print(difference_table(group.name, measures, cohorts))
        console.print(both(CliText.DIFFERENCE_NOTE, first=first))


@results_app.command(
    "export", help=f"One row per player, per decision and per prediction ({formats_help()})."
)
def export(
    out: Annotated[Path, typer.Option("--out", help="Output file; its suffix names the format")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="Format (default: from --out); a wrong one lists them"),
    ] = None,
    cohort: Cohorts = None,
    scenario: ScenarioOpt = None,
    db: Db = None,
    force: Annotated[bool, typer.Option("--force", help=english_first(CliText.HELP_FORCE))] = False,
) -> None:
    """The help is derived from the formats' table (game.results.export.WRITERS)."""
    from game.results.export import export as do_export
    from game.results.store import open_store

    chosen = (fmt or out.suffix.lstrip(".") or "csv").lower()
    try:
        items = open_store(db).results(cohort or (), scenario)
        written = do_export(items, out, chosen, force)
    except AgenError as exc:
        raise fail(f"agen results export: {exc}") from None
    for path in written:
        typer.echo(both(CliText.EXPORTED, path=str(path), n=len(items)))


@results_app.command("report")
def report(
    cohort: Annotated[str, typer.Option("--cohort", help=english_first(CliText.HELP_CLASS_CODE))],
    out: Annotated[Path, typer.Option("--out", help="Folder for the PNG charts and index.html")],
    scenario: ScenarioOpt = None,
    scenarios: Scenarios = None,
    lang: Annotated[str, typer.Option(help="Language of names in the charts: id | en")] = "id",
    db: Db = None,
    quarters: Annotated[
        int | None,
        typer.Option(help="Only games of this length: a short form's turns, 0 the full game"),
    ] = None,
) -> None:
    """Charts (PNG) and a one-page HTML report of one class."""
    from game.cli.progress import ProgressLine
    from game.results.class_report import CHARTS, write_report
    from game.results.store import open_store

    try:
        library = _library(scenarios)
        store = open_store(db)
        items = store.results([cohort], scenario)
        if not items and scenario:
            raise _nothing_found("report", store, [cohort], scenario)
        if quarters is not None:
            items = [i for i in items if (i.record.quarters or 0) == quarters]
        with ProgressLine() as line, tempfile.TemporaryDirectory(prefix="agen-report-") as tmp:
            library = _with_class_scenario(library, store, cohort, Path(tmp))
            steps = {
                "replay": line.task("progress.replay", len(items)),
                "chart": line.task("progress.charts", CHARTS),
            }
            page = write_report(items, cohort, out, library, lang, lambda kind: steps[kind]())
    except AgenError as exc:
        raise fail(f"agen results report: {exc}") from None
    typer.echo(f"{page}")


def _with_class_scenario(
    library: ScenarioLibrary, store: ResultStore, cohort: str, folder: Path
) -> ScenarioLibrary:
    """The library, and the scenario file a live class stored when ``cohort`` is one (its
    file may exist nowhere else: the class server handed it out)."""
    from game.classroom.class_store import stored_scenario

    data = stored_scenario(store, cohort)
    if data is None:
        return library
    (folder / "scenario.toml").write_bytes(data)
    return ScenarioLibrary.of([*library.folders, folder])


def register(app: typer.Typer) -> None:
    """Add ``agen results ...`` to the ``agen`` app."""
    from game.cli.aksi_command import aksi

    results_app.command("aksi")(aksi)
    app.add_typer(results_app, name="results")

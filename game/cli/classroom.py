"""``agen class serve``: run a live class on the local network."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from game.cli.common import CliText, fail
from game.errors import AgenError, ScenarioError
from game.i18n import both, english_first, say

class_app = typer.Typer(
    help=f"{both(CliText.HELP_CLASS)}.",
    no_args_is_help=True,
)


@class_app.command("serve")
def serve(
    scenario: Annotated[Path, typer.Argument(help=english_first(CliText.HELP_SCENARIO_FILE))],
    code: Annotated[
        str,
        typer.Option("--code", help=f"{english_first(CliText.HELP_CLASS_CODE)}, e.g. PKA-II-2026"),
    ],
    seed: Annotated[
        int | None, typer.Option(help="One seed for the class (default: the scenario's)")
    ] = None,
    lang: Annotated[
        Literal["id", "en"], typer.Option(help=english_first(CliText.HELP_CLASS_LANG))
    ] = "id",
    lockstep: Annotated[
        bool, typer.Option("--lockstep", help=english_first(CliText.HELP_LOCKSTEP))
    ] = False,
    minutes_per_quarter: Annotated[
        float | None, typer.Option(help=english_first(CliText.HELP_TIMER))
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "0.0.0.0",
    port: Annotated[int, typer.Option(help="Port")] = 8765,
    db: Annotated[
        str | None, typer.Option("--db", help="Results database file or postgresql://... URL")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes")] = 1,
    allow_bots: Annotated[
        bool, typer.Option("--allow-bots", help="Accept agen simulate results (rehearsals)")
    ] = False,
    quarters: Annotated[
        int | None,
        typer.Option(help=english_first(CliText.HELP_CLASS_QUARTERS)),
    ] = None,
    take_over: Annotated[
        bool,
        typer.Option("--take-over", help="Serve the class even if another live server serves it"),
    ] = False,
    alongside: Annotated[
        bool,
        typer.Option(
            "--alongside",
            help="One more server for a class another live server serves (same database, "
            "e.g. behind a load balancer)",
        ),
    ] = False,
    predict: Annotated[
        str | None,
        typer.Option(
            help=english_first(CliText.HELP_PREDICT),
        ),
    ] = None,
) -> None:
    """Serve a class: participants join from the game; the projector page shows it live."""
    from game.classroom.serve import port_free, prepare, run
    from game.cli.common import predict_first, scenario_path
    from game.scenario import load_scenario
    from game.scenario.reflection_keys import check_quarters, offered

    try:
        first = predict_first(predict)
    except ValueError:
        raise fail(both("class.cli.predict", value=predict), 2) from None
    scenario = scenario_path(scenario, "class serve")  # a file, or a shipped scenario's id
    try:
        loaded = load_scenario(scenario)
    except ScenarioError as exc:
        raise fail("\n".join(say(p, lang) for p in exc.problems)) from None
    if check_quarters(loaded.scenario, quarters) is not None:
        lengths = list(offered(loaded.scenario))
        text = both("class.cli.quarters", n=quarters, scenario=loaded.scenario.id, offered=lengths)
        raise fail(f"agen class serve: {text}", 2)
    if not port_free(host, port):
        raise fail(
            f"agen class serve: {both(CliText.PORT_IN_USE, port=port, host=host)}: "
            f"{both(CliText.CHOOSE_PORT)}"
        )
    try:
        served = prepare(
            loaded,
            code,
            seed=seed,
            language=lang,
            lockstep=lockstep,
            minutes_per_quarter=minutes_per_quarter,
            allow_bots=allow_bots,
            host=host,
            port=port,
            db=db,
            quarters=quarters,
            predict_first=first,
            take_over=take_over,
            alongside=alongside,
        )
    except AgenError as exc:
        raise fail(f"agen class serve: {exc}") from None
    if served.resumed:
        typer.echo(served.resumed)
    typer.echo(served.form)
    for line in _settings(lockstep, minutes_per_quarter, allow_bots):
        typer.echo(line)
    _announce(served.join_url, served.code, served.projector_url, served.control_url)
    try:
        run(served, host, port, workers)
    except KeyboardInterrupt:
        pass
    typer.echo(both(CliText.CLASS_STOPPED))


def _settings(lockstep: bool, minutes: float | None, allow_bots: bool) -> list[str]:
    """One line for each setting that changes how the class runs, when it is set."""
    lines = []
    if lockstep:
        lines.append(both("class.cli.lockstep"))
    if minutes is not None:
        lines.append(both("class.cli.timer", minutes=f"{minutes:g}"))
    if allow_bots:
        lines.append(both("class.cli.bots"))
    return lines


def _announce(join_url: str, code: str, projector: str, control: str) -> None:
    """Where participants join (with the QR code), then the facilitator's three next steps."""
    import segno

    labels = [both(CliText.PARTICIPANT_ADDRESS), both(CliText.CLASS_CODE)]
    width = max(map(len, labels))
    for label, value in zip(labels, (join_url, code)):
        typer.echo(f"{label:<{width}} : {value}")
    segno.make(f"{join_url}/p/{code}", error="m").terminal(out=sys.stdout, compact=True)
    typer.echo(f"{both('class.cli.next')}:")
    typer.echo(f"  1. {both('class.cli.next_projector')} ({both(CliText.PROJECTOR_PAGE)}):")
    typer.echo(f"     {projector}")
    typer.echo(
        f"  2. {both('class.cli.next_control')} ({both(CliText.CONTROL)}, {both(CliText.SECRET)}):"
    )
    typer.echo(f"     {control}")
    typer.echo(f"  3. {both('class.cli.next_scan')}")
    typer.echo(f"Ctrl+C: {both(CliText.STOP)}")
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    """Add ``agen class ...``."""
    app.add_typer(class_app, name="class")

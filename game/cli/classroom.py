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
    predict: Annotated[
        str | None,
        typer.Option(
            help=english_first(CliText.HELP_PREDICT),
        ),
    ] = None,
) -> None:
    """Serve a class: participants join from the game; the projector page shows it live."""
    from game.classroom.serve import port_free, prepare, run
    from game.cli.common import predict_first
    from game.scenario import load_scenario
    from game.scenario.reflection_keys import check_quarters, offered

    try:
        first = predict_first(predict)
    except ValueError:
        raise fail(both("class.cli.predict", value=predict), 2) from None
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
        )
    except AgenError as exc:
        raise fail(f"agen class serve: {exc}") from None
    typer.echo(served.form)
    _announce(served.join_url, served.code, served.projector_url, served.control_url)
    try:
        run(served, host, port, workers)
    except KeyboardInterrupt:
        pass
    typer.echo(both(CliText.CLASS_STOPPED))


def _announce(join_url: str, code: str, projector: str, control: str) -> None:
    import segno

    labels = [
        both(CliText.PARTICIPANT_ADDRESS),
        both(CliText.CLASS_CODE),
        both(CliText.PROJECTOR_PAGE),
    ]
    width = max(map(len, labels))
    for label, value in zip(labels, (join_url, code, projector)):
        typer.echo(f"{label:<{width}} : {value}")
    segno.make(f"{join_url}/class/{code}", error="m").terminal(out=sys.stdout, compact=True)
    typer.echo(f"{both(CliText.CONTROL)} ({both(CliText.SECRET)}): {control}")
    typer.echo(f"Ctrl+C: {both(CliText.STOP)}")
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    """Add ``agen class ...``."""
    app.add_typer(class_app, name="class")

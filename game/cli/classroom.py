"""``agen class serve``: run a live class on the local network."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from game.cli.common import CliText, fail
from game.errors import AgenError, ScenarioError
from game.i18n import both, english_first, say

if TYPE_CHECKING:
    from game.classroom.serve import Served
    from game.scenario import LoadedScenario

class_app = typer.Typer(
    help=f"{both(CliText.HELP_CLASS)}.",
    no_args_is_help=True,
)


# The longer options of ``agen class serve``, named here so the command reads as its steps.
SeedOption = Annotated[
    int | None, typer.Option(help="One seed for the class (default: the scenario's)")
]
QuartersOption = Annotated[
    int | None, typer.Option(help=english_first(CliText.HELP_CLASS_QUARTERS))
]
ClassCodeOption = Annotated[
    str,
    typer.Option("--code", help=f"{english_first(CliText.HELP_CLASS_CODE)}, e.g. PKA-II-2026"),
]
DatabaseOption = Annotated[
    str | None, typer.Option("--db", help="Results database file or postgresql://... URL")
]
AllowBotsOption = Annotated[
    bool, typer.Option("--allow-bots", help="Accept agen simulate results (rehearsals)")
]
TakeOverOption = Annotated[
    bool,
    typer.Option("--take-over", help="Serve the class even if another live server serves it"),
]
AlongsideOption = Annotated[
    bool,
    typer.Option(
        "--alongside",
        help="One more server for a class another live server serves (same database, "
        "e.g. behind a load balancer)",
    ),
]


@class_app.command("serve")
def serve(
    scenario: Annotated[Path, typer.Argument(help=english_first(CliText.HELP_SCENARIO_FILE))],
    code: ClassCodeOption,
    seed: SeedOption = None,
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
    db: DatabaseOption = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes")] = 1,
    allow_bots: AllowBotsOption = False,
    quarters: QuartersOption = None,
    take_over: TakeOverOption = False,
    alongside: AlongsideOption = False,
    predict: Annotated[str | None, typer.Option(help=english_first(CliText.HELP_PREDICT))] = None,
) -> None:
    """Serve a class: participants join from the game; the projector page shows it live."""
    from game.classroom.serve import prepare, run
    from game.cli.common import predict_first

    try:
        first = predict_first(predict)
    except ValueError:
        raise fail(both("class.cli.predict", value=predict), 2) from None
    loaded = _class_scenario(scenario, lang, quarters)
    _check_port(host, port)
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
    _tell_facilitator(served, _settings(lockstep, minutes_per_quarter, allow_bots))
    try:
        run(served, host, port, workers)
    except KeyboardInterrupt:
        pass
    typer.echo(both(CliText.CLASS_STOPPED))


def _class_scenario(scenario: Path, lang: str, quarters: int | None) -> LoadedScenario:
    """The scenario the class plays (a file, or a shipped scenario's id), refused with the
    loader's lines or the forms it offers when it cannot be played in ``quarters``."""
    from game.cli.common import scenario_path
    from game.scenario import load_scenario
    from game.scenario.reflection_keys import check_quarters, offered

    scenario = scenario_path(scenario, "class serve")  # a file, or a shipped scenario's id
    try:
        loaded = load_scenario(scenario)
    except ScenarioError as exc:
        raise fail("\n".join(say(p, lang) for p in exc.problems)) from None
    if check_quarters(loaded.scenario, quarters) is not None:
        lengths = list(offered(loaded.scenario))
        text = both("class.cli.quarters", n=quarters, scenario=loaded.scenario.id, offered=lengths)
        raise fail(f"agen class serve: {text}", 2)
    return loaded


def _check_port(host: str, port: int) -> None:
    """Refuse a port another program listens on, before the class is stored, so the
    facilitator can choose another one."""
    from game.classroom.serve import port_free

    if not port_free(host, port):
        raise fail(
            f"agen class serve: {both(CliText.PORT_IN_USE, port=port, host=host)}: "
            f"{both(CliText.CHOOSE_PORT)}"
        )


def _tell_facilitator(served: Served, settings: list[str]) -> None:
    """What the terminal shows before the class runs: a class taken up again, its form, the
    settings that change how it runs, and where everyone goes next."""
    if served.resumed:
        typer.echo(served.resumed)
    typer.echo(served.form)
    for line in settings:
        typer.echo(line)
    _announce(served.join_url, served.code, served.projector_url, served.control_url)


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

"""``agen class serve``: run a live class on the local network."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from game.cli.common import CliText, fail
from game.errors import AgenError, ScenarioError
from game.i18n import both

class_app = typer.Typer(
    help="Kelas langsung di jaringan lokal / a live class on the local network.",
    no_args_is_help=True,
)


@class_app.command("serve")
def serve(
    scenario: Annotated[Path, typer.Argument(help="Scenario file / berkas skenario")],
    code: Annotated[str, typer.Option("--code", help="Class code / kode kelas, e.g. PKA-II-2026")],
    seed: Annotated[
        int | None, typer.Option(help="One seed for the class (default: the scenario's)")
    ] = None,
    lang: Annotated[Literal["id", "en"], typer.Option(help="Class language / bahasa kelas")] = "id",
    lockstep: Annotated[
        bool, typer.Option("--lockstep", help="Quarters opened by the facilitator / serempak")
    ] = False,
    minutes_per_quarter: Annotated[
        float | None, typer.Option(help="A timer per quarter, in minutes / pengatur waktu")
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
) -> None:
    """Serve a class: participants join from the game; the projector page shows it live."""
    from game.classroom.serve import port_free, prepare, run
    from game.scenario import load_scenario

    try:
        loaded = load_scenario(scenario)
    except ScenarioError as exc:
        raise fail("\n".join(p.format(lang) for p in exc.problems)) from None
    if not port_free(host, port):
        raise fail(
            f"agen class serve: port {port} di {host} sudah dipakai / is already in use: "
            "pilih --port lain / choose another --port"
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
        )
    except AgenError as exc:
        raise fail(f"agen class serve: {exc}") from None
    _announce(served.join_url, served.code, served.projector_url, served.control_url)
    try:
        run(served, host, port, workers)
    except KeyboardInterrupt:
        pass
    typer.echo(both(CliText.CLASS_STOPPED))


def _announce(join_url: str, code: str, projector: str, control: str) -> None:
    import segno

    typer.echo(f"Alamat peserta / participant address : {join_url}")
    typer.echo(f"Kode kelas / class code               : {code}")
    typer.echo(f"Layar proyektor / projector page      : {projector}")
    segno.make(f"{join_url}/class/{code}", error="m").terminal(out=sys.stdout, compact=True)
    typer.echo(f"Kendali fasilitator / control (rahasia / secret): {control}")
    typer.echo("Ctrl+C: berhenti / stop")
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    """Add ``agen class ...``."""
    app.add_typer(class_app, name="class")

"""Commands of the play area of `agen`: `play`, `shots`, and `open_game` (no command)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer


def _quiet_pygame() -> None:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def run_game(
    scenario: Path | None = None,
    results_dir: Path | None = None,
    playtest: bool = False,
    plan: Path | None = None,
    start_turn: int | None = None,
) -> None:
    """Open the window and play until it closes; bad input is one line and exit 1."""
    _quiet_pygame()
    from game.errors import AgenError, ScenarioError

    if scenario is not None and not scenario.is_file():
        typer.echo(f"{scenario}: file not found / berkas tidak ditemukan", err=True)
        raise typer.Exit(1)
    if playtest and scenario is None:
        typer.echo("agen play --playtest: give the scenario file / sebutkan berkas skenario", err=True)
        raise typer.Exit(2)
    if (plan is not None or start_turn is not None) and not playtest:
        typer.echo("agen play: --plan and --start-turn need --playtest", err=True)
        raise typer.Exit(2)
    import pygame

    from game.ui.app import App, Options

    options = Options(scenario=scenario, results_dir=results_dir, playtest=playtest, plan=plan, start_turn=start_turn)
    try:
        app = App(options)
        if playtest:
            assert scenario is not None
            from game.ui.playtest import start_playtest
            from game.ui.screens.turn import TurnScreen

            start_playtest(app, scenario, plan, start_turn)
            app.autosave()
            app.switch(TurnScreen.enter(app))
        app.run()
    except ScenarioError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    except AgenError as exc:
        typer.echo(f"{plan or scenario}: {exc}", err=True)
        raise typer.Exit(1) from None
    except pygame.error as exc:
        typer.echo(f"agen play: cannot open a window / jendela tidak bisa dibuka: {exc}", err=True)
        raise typer.Exit(1) from None
    finally:
        pygame.quit()


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `agen` app."""

    @app.command()
    def play(
        scenario: Annotated[Path | None, typer.Argument(help="Scenario file / berkas skenario")] = None,
        results_dir: Annotated[Path | None, typer.Option(help="Folder for result files / folder hasil")] = None,
        playtest: Annotated[bool, typer.Option(help="Trainer's playtest: F5 reloads the file")] = False,
        plan: Annotated[Path | None, typer.Option(help="Plan to play before --start-turn")] = None,
        start_turn: Annotated[int | None, typer.Option(min=1, help="Start the playtest at this turn")] = None,
    ) -> None:
        """Open the game / buka permainan."""
        run_game(scenario, results_dir, playtest, plan, start_turn)

    @app.command()
    def shots(
        out: Annotated[Path, typer.Option(help="Folder for the PNGs / folder gambar")],
        scenario: Annotated[Path | None, typer.Option(help="Scenario to show")] = None,
    ) -> None:
        """Render every screen to PNG without a window / simpan gambar tiap layar."""
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        _quiet_pygame()
        from game.errors import AgenError
        from game.ui.shots import render_shots

        try:
            files = render_shots(out, scenario)
        except (AgenError, OSError) as exc:
            typer.echo(f"agen shots: {exc}", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"{len(files)} PNG -> {out}")


def open_game(scenario: str | None) -> None:
    """Open the game window (``agen`` without a command)."""
    run_game(Path(scenario) if scenario else None)

"""Commands of the play area of `agen`: `play`, `shots`, and `open_game` (no command)."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from game.cli.common import CliText, Quarters
from game.i18n import both, english_first, say

# Set to 1 to treat SDL_VIDEODRIVER as SDL's own fallback rather than the user's choice
# (how a test stands in for a machine without a display).
FALLBACK_DRIVER_FLAG = "AGEN_VIDEODRIVER_IS_FALLBACK"


def _quiet_pygame() -> None:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    # The game has no sound: keep SDL from opening (and complaining about) the sound card.
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    _runtime_folder()


def _runtime_folder() -> None:
    """Give SDL a private, empty XDG_RUNTIME_DIR when none is set (removed at exit).

    Without one, SDL's Wayland probe prints "XDG_RUNTIME_DIR is invalid or not set" before
    the game can say there is no display; with it, the game's own line is the only one."""
    if os.environ.get("XDG_RUNTIME_DIR") or sys.platform in ("win32", "darwin"):
        return
    folder = tempfile.mkdtemp(prefix="agen-runtime-")
    os.environ["XDG_RUNTIME_DIR"] = folder
    atexit.register(shutil.rmtree, folder, True)


def no_real_display(driver: str, chosen_by_user: bool) -> bool:
    """Whether SDL fell back to a driver that shows nothing, without anyone asking for it."""
    return driver in ("offscreen", "dummy") and not chosen_by_user


def run_game(
    scenario: Path | None = None,
    results_dir: Path | None = None,
    playtest: bool = False,
    plan: Path | None = None,
    start_turn: int | None = None,
    quarters: int | None = None,
    predict: str | None = None,
) -> None:
    """Open the window and play until it closes; bad input is one line and exit 1."""
    _quiet_pygame()
    from game.errors import AgenError, ScenarioError

    if scenario is not None:
        from game.cli.common import scenario_path

        scenario = scenario_path(scenario, "play")  # a folder, no such file: one line, exit 1
    _check_play_options(scenario, playtest, plan, start_turn)
    predict_first = _predict_first(predict)
    if scenario is not None and not playtest and quarters is None:
        _say_why_not_loaded(scenario)  # the window then shows the same lines
    if scenario is not None and quarters is not None:
        _check_quarters(scenario, quarters)
    import pygame

    from game.ui.app import App
    from game.ui.options import Options

    _refuse_without_display()
    options = Options(
        scenario=scenario,
        results_dir=results_dir,
        playtest=playtest,
        plan=plan,
        start_turn=start_turn,
        quarters=quarters,
        predict_first=predict_first,
    )
    try:
        app = App(options)
        if playtest:
            assert scenario is not None
            from game.ui.playtest import start_playtest

            start_playtest(app, scenario, plan, start_turn)
            app.autosave()
            app.switch(app.go("turn"))
        app.run()
    except ScenarioError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    except AgenError as exc:
        typer.echo(f"{plan or scenario}: {exc}", err=True)
        raise typer.Exit(1) from None
    except pygame.error as exc:
        typer.echo(f"agen play: {both(CliText.NO_WINDOW, reason=str(exc))}", err=True)
        raise typer.Exit(1) from None
    finally:
        pygame.quit()


def _check_play_options(
    scenario: Path | None, playtest: bool, plan: Path | None, start_turn: int | None
) -> None:
    """Refuse (exit 2) options that go only with --playtest, or --playtest without a file."""
    if playtest and scenario is None:
        typer.echo(f"agen play --playtest: {both(CliText.PLAYTEST_FILE)}", err=True)
        raise typer.Exit(2)
    if (plan is not None or start_turn is not None) and not playtest:
        typer.echo("agen play: --plan and --start-turn need --playtest", err=True)
        raise typer.Exit(2)


def _check_quarters(scenario: Path, quarters: int) -> None:
    """Refuse (exit 1) a short form the scenario does not offer, before any window opens."""
    from game.errors import ScenarioError
    from game.scenario import load_scenario
    from game.scenario.reflection_keys import check_quarters

    try:
        why_not = check_quarters(load_scenario(scenario).scenario, quarters)
    except ScenarioError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    if why_not is not None:
        typer.echo(f"agen play --quarters: {scenario}: {why_not}", err=True)
        raise typer.Exit(1)


def _refuse_without_display() -> None:
    """Exit 1 with one line when SDL fell back to a driver that shows nothing unasked."""
    import pygame

    chosen_by_user = (
        bool(os.environ.get("SDL_VIDEODRIVER")) and os.environ.get(FALLBACK_DRIVER_FLAG) != "1"
    )
    try:
        pygame.display.init()
        driver = pygame.display.get_driver()
    except pygame.error:
        driver = "offscreen"
    if no_real_display(driver, chosen_by_user):
        pygame.quit()
        typer.echo(both(CliText.NO_DISPLAY), err=True)
        raise typer.Exit(1)


def _say_why_not_loaded(scenario: Path) -> None:
    """A scenario file that does not load: the loader's lines on the terminal (in $AGEN_LANG,
    else English, as ``agen validate``), then one line saying the window opens anyway."""
    from game.errors import ScenarioError
    from game.i18n import both
    from game.scenario import load_scenario

    try:
        load_scenario(scenario)
    except ScenarioError as exc:
        lang = os.environ.get("AGEN_LANG", "en")
        for problem in exc.problems:
            typer.echo(say(problem, lang), err=True)
        typer.echo(f"agen play: {both('cli.play_broken', file=scenario)}", err=True)


def _predict_first(predict: str | None) -> int | None:
    """``--predict``: all, off or a number of adoptions; None leaves it to the scenario."""
    from game.cli.common import predict_first

    try:
        return predict_first(predict)
    except ValueError:
        pass
    typer.echo(
        f"agen play --predict {predict}: {both(CliText.BAD_PREDICT)}",
        err=True,
    )
    raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the `agen` app."""

    @app.command(help=f"{english_first(CliText.HELP_PLAY)}.")
    def play(
        scenario: Annotated[
            Path | None, typer.Argument(help=english_first(CliText.HELP_SCENARIO_FILE))
        ] = None,
        results_dir: Annotated[
            Path | None, typer.Option(help=english_first(CliText.HELP_RESULTS_FOLDER))
        ] = None,
        playtest: Annotated[
            bool, typer.Option(help="Trainer's playtest: F5 reloads the file")
        ] = False,
        plan: Annotated[Path | None, typer.Option(help="Plan to play before --start-turn")] = None,
        start_turn: Annotated[
            int | None, typer.Option(min=1, help="Start the playtest at this turn")
        ] = None,
        quarters: Quarters = None,
        predict: Annotated[
            str | None,
            typer.Option(
                help="Ask predictions: all, off, or the first N adoptions (default: the scenario's)"
            ),
        ] = None,
    ) -> None:
        """Open the game."""
        run_game(scenario, results_dir, playtest, plan, start_turn, quarters, predict)

    @app.command(help=f"{english_first(CliText.HELP_SHOTS)}.")
    def shots(
        out: Annotated[Path, typer.Option(help=english_first(CliText.HELP_SHOTS_OUT))],
        scenario: Annotated[Path | None, typer.Option(help="Scenario to show")] = None,
        size: Annotated[str, typer.Option(help=english_first(CliText.HELP_SIZE))] = "1280x720",
    ) -> None:
        """Render every screen to PNG without a window."""
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        _quiet_pygame()
        from game.cli.progress import ProgressLine
        from game.errors import AgenError
        from game.ui.shots import clipped_texts, parse_size, render_shots

        try:
            with ProgressLine() as line:
                step = line.task("progress.shots", None)
                files = render_shots(out, scenario, parse_size(size), lambda _png: step())
        except (AgenError, OSError) as exc:
            typer.echo(f"agen shots: {exc}", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"{len(files)} PNG -> {out}")
        typer.echo(f"clipped texts: {len(clipped_texts(out))}")


def open_game(scenario: str | None) -> None:
    """Open the game window (``agen`` without a command)."""
    run_game(Path(scenario) if scenario else None)

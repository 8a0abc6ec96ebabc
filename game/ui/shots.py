"""`agen shots`: every screen rendered to PNG without a window, in both languages and in a
mid-game state (an event dialog open, a turn report, the debrief of a finished game).
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

import pygame

from game import paths
from game.atomic import write_atomic
from game.engine import BOTS, Choose
from game.errors import AgenError, Codes, ScenarioError
from game.i18n import LANGUAGES, english_first
from game.scenario import load_scenario
from game.session import Player, Session
from game.ui.app import App
from game.ui.options import Options
from game.ui.reveals import sample_predictions
from game.ui.screens.base import Screen, Stage
from game.ui.text_layer import RECORD
from game.ui.theme import MIN_SIZE, scale_for

SIZE = (1280, 720)
PLAYER = Player("Siti Rahmawati", "198703122010012004", "PKA-2026-B")


def pick_scenario(given: Path | None = None) -> Path:
    """The scenario to show: the given one, else dukcapil, else the tutorial."""
    candidates = (
        [given]
        if given is not None
        else [paths.SCENARIOS / "dukcapil.toml", paths.SCENARIOS / "tutorial.toml"]
    )
    for path in candidates:
        if path is None:
            continue
        try:
            load_scenario(path)
        except (ScenarioError, OSError):
            continue
        return path
    raise AgenError(english_first(ShotsText.NO_SCENARIO))


class ShotsText(Codes):
    """Why ``agen shots`` cannot start."""

    NO_SCENARIO = "shots.no_scenario"
    SIZE_FORM = "shots.size_form"
    SIZE_RANGE = "shots.size_range"


def mid_game(session: Session, until: int = 3) -> None:
    """Play a few turns with the random bot, stopping at a turn with an event if one comes."""
    game = session.game
    rng = random.Random(7)
    while not game.over and game.turn < until + 3:
        if game.turn >= until and game.pending_events():
            return
        for event in game.pending_events():
            game.act(Choose(event, game.default_choice(event)))
        BOTS["random"](game, rng)
        if game.turn >= until + 2:
            return
        game.end_turn()


def finish(session: Session) -> None:
    """Play the rest with the greedy bot."""
    game = session.game
    rng = random.Random(11)
    while not game.over:
        BOTS["greedy"](game, rng)
        game.end_turn()


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` as (1920, 1080); raise AgenError naming the problem otherwise."""
    w, sep, h = text.lower().replace("×", "x").partition("x")
    if not sep or not w.strip().isdigit() or not h.strip().isdigit():
        raise AgenError(f"--size {text}: {english_first(ShotsText.SIZE_FORM)}")
    size = (int(w), int(h))
    if size[0] < MIN_SIZE[0] or size[1] < MIN_SIZE[1] or size[0] > 7680 or size[1] > 4320:
        smallest = f"{MIN_SIZE[0]}x{MIN_SIZE[1]}"
        line = english_first(ShotsText.SIZE_RANGE, min=smallest, max="7680x4320")
        raise AgenError(f"--size {text}: {line}")
    return size


Saved = Callable[[Path], None]
# the buttons of each picture of the last run, by its name (read by the tests)
BUTTONS: dict[str, list[tuple[str, pygame.Rect]]] = {}
CLIPPED = "clipped.json"
SMALL = "small.json"
SMALLEST = 16  # px at 1280×720: the least a participant reads on a projector


def small(size: tuple[int, int]) -> list[dict[str, object]]:
    """Every text drawn smaller than 16 px at 1280×720 (scaled with the window), once per
    picture and text."""
    least = round(SMALLEST * scale_for(size))
    seen: set[tuple[object, object]] = set()
    found: list[dict[str, object]] = []
    for entry in RECORD.sizes:
        key = (entry["where"], entry["text"])
        if int(str(entry["px"])) >= least or key in seen:
            continue
        seen.add(key)
        lang, _, screen = str(entry["where"]).partition("-")
        found.append({"screen": screen, "lang": lang, "size": f"{size[0]}x{size[1]}", **entry})
    return found


def clipped(size: tuple[int, int]) -> list[dict[str, object]]:
    """Every text cut in the pictures drawn so far, once per picture: which (screen and
    language), at which window size, the whole text, what was shown, and the box."""
    seen: set[tuple[object, object]] = set()
    found: list[dict[str, object]] = []
    for cut in RECORD.cuts:
        key = (cut["where"], cut["text"])
        if key in seen:
            continue
        seen.add(key)
        lang, _, screen = str(cut["where"]).partition("-")
        found.append({"screen": screen, "lang": lang, "size": f"{size[0]}x{size[1]}", **cut})
    return found


def clipped_texts(out: Path) -> list[dict[str, object]]:
    """The cut texts ``render_shots`` wrote into ``out``."""
    data: list[dict[str, object]] = json.loads((out / CLIPPED).read_text(encoding="utf-8"))
    return data


def write_clipped(path: Path, cuts: list[dict[str, object]]) -> None:
    """The cut texts as JSON (read by a person and by the tests)."""
    text = json.dumps(cuts, ensure_ascii=False, indent=1) + "\n"

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    write_atomic(path, write)


def render_shots(
    out: Path,
    scenario: Path | None = None,
    size: tuple[int, int] = SIZE,
    saved: Saved | None = None,
) -> list[Path]:
    """Write the PNGs into ``out`` and the texts they cut into ``out/clipped.json``; return
    the PNGs' paths (see :func:`render_by_screen`)."""
    RECORD.clear()
    try:
        by_screen = render_by_screen(out, scenario, size, saved)
        write_clipped(out / CLIPPED, clipped(size))
        write_clipped(out / SMALL, small(size))
    finally:
        RECORD.clear()
    return sorted((p for paths_ in by_screen.values() for p in paths_), key=lambda p: p.name)


def render_by_screen(
    out: Path,
    scenario: Path | None = None,
    size: tuple[int, int] = SIZE,
    saved: Saved | None = None,
) -> dict[str, list[Path]]:
    """Write the PNGs into ``out``; return them by the name of the screen they show
    (``saved(path)`` is called after each one, for a progress line).

    The screens come from the app's table (``App.SCREENS``); each says in its ``shots()``
    what to draw at each stage of a sample game. Saves, settings and results go to a
    temporary folder that is removed afterwards, so the player's own data folders are never
    read or written. Each language starts from a fresh data folder (the same title screen in
    both); the results folder is shared, so the leaderboard holds a game finished in each
    language.
    """
    out.mkdir(parents=True, exist_ok=True)
    BUTTONS.clear()
    path = pick_scenario(scenario).resolve()
    found: dict[str, list[Path]] = {}
    with tempfile.TemporaryDirectory(prefix="agen-shots-") as tmp:
        pygame.display.init()
        pygame.display.set_mode((1, 1))
        for lang in LANGUAGES:
            options = Options(
                scenario=path,
                data_dir=Path(tmp) / lang / "data",
                config_dir=Path(tmp) / lang / "config",
                results_dir=Path(tmp) / "results",
            )
            app = App(options, headless_size=size)
            app.lang = lang
            for name, files in _walk_stages(app, path, out, lang, saved).items():
                found.setdefault(name, []).extend(files)
    return found


def _walk_stages(
    app: App, path: Path, out: Path, lang: str, saved: Saved | None = None
) -> dict[str, list[Path]]:
    """Play the sample game and let every screen of the table draw at every stage."""
    files: dict[str, list[Path]] = {}

    def stage(name: str, turn: Screen | None = None, reported: int = 0) -> None:
        moment = Stage(name, app, PLAYER, turn, reported)
        for screen_name in App.SCREENS:
            for shot in App.screen_class(screen_name).shots(moment):
                app.screen = shot.make()
                app.mouse = shot.mouse
                RECORD.start(f"{lang}-{shot.file}")
                surface = app.render()
                BUTTONS[f"{lang}-{shot.file}"] = [(b.key, b.rect) for b in app.screen.buttons()]
                target = out / f"{lang}-{shot.file}.png"
                pygame.image.save(surface, str(target))
                files.setdefault(screen_name, []).append(target)
                if saved is not None:
                    saved(target)
                app.toasts = []

    app.session = None
    stage("start")
    loaded = load_scenario(path)
    session = Session(path, loaded, PLAYER, lang, loaded.scenario.seed)
    app.session = session
    game = session.game
    first = app.make("turn")
    stage("first_turn", first)
    _answer_events(session)
    stage("first_turn_answered", first)
    mid_game(session)
    turn = app.make("turn")
    stage("mid_turn", turn)
    _answer_events(session)
    stage("mid_turn_answered", turn)
    reported = game.turn
    sample_predictions(session, reported)  # so the report reveals them and the debrief scores them
    game.end_turn()
    stage("report", turn, reported)
    finish(session)
    session.write_result(app.results_dir)
    stage("over")
    return files


def _answer_events(session: Session) -> None:
    game = session.game
    for event in game.pending_events():
        game.act(Choose(event, game.default_choice(event)))

"""Screens reach each other by name through the app's table, never by importing each other."""

from __future__ import annotations

import ast
from pathlib import Path

from game.engine import Choose
from game.scenario import load_scenario
from game.session import Player, Session
from game.ui.app import App
from tests.files import EXAMPLE
from tests.ui.driving import make_options

SCREENS_DIR = Path(__file__).resolve().parents[2] / "game" / "ui" / "screens"
UI_DIR = SCREENS_DIR.parent


def _imports(tree: ast.AST) -> list[tuple[str, ast.AST]]:
    found: list[tuple[str, ast.AST]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, node))
            found += [(f"{node.module}.{a.name}", node) for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(a.name, node) for a in node.names]
    return found


def test_no_screen_imports_another_screen() -> None:
    screen_modules = {target.partition(":")[0] for target in App.SCREENS.values()}
    for path in SCREENS_DIR.glob("*.py"):
        own = path.stem
        for name, _ in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            parts = name.split(".")
            if parts[:3] == ["game", "ui", "screens"] and len(parts) > 3:
                assert parts[3] not in screen_modules - {own}, f"{path.name} imports {name}"


def test_no_import_inside_a_function_in_the_ui() -> None:
    for path in UI_DIR.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = [n for n in ast.walk(fn) if isinstance(n, ast.Import | ast.ImportFrom)]
                assert not inner, f"{path.name}: import inside {fn.name}()"


def test_every_entry_of_the_table_opens(app: App) -> None:
    for name in App.SCREENS:
        cls = App.screen_class(name)
        assert cls.name == name
        assert cls.__module__ == f"game.ui.screens.{App.SCREENS[name].partition(':')[0]}"


def test_going_to_the_turn_shows_what_stands_in_front(tmp_path: Path) -> None:
    app = App(make_options(tmp_path), headless_size=(1280, 720))
    path = EXAMPLE
    loaded = load_scenario(path)
    app.session = Session(path, loaded, Player("A", None, "K"), "id", 1)
    game = app.session.game
    shown = app.go("turn")
    pending = game.pending_events()
    assert shown.name == ("event" if pending else "turn")
    for event in pending:
        game.act(Choose(event, game.default_choice(event)))
    assert app.go("turn").name == "turn"
    while not game.over:
        game.end_turn()
        for event in game.pending_events():
            game.act(Choose(event, game.default_choice(event)))
    assert app.go("turn").name == "debrief"
    assert app.go("title").name == "title"

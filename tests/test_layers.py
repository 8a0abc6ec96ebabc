"""Dependencies point one way: the core packages work with pygame blocked."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CODE = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "pygame" or name.startswith("pygame.") or name.startswith("pygame_gui"):
            raise ImportError("pygame is blocked in this test")
        return None
sys.meta_path.insert(0, Block())
import importlib, pkgutil, game
for pkg in ("game.scenario", "game.engine", "game.results", "game.authoring", "game.session"):
    module = importlib.import_module(pkg)
    for info in pkgutil.walk_packages(module.__path__, pkg + "."):
        importlib.import_module(info.name)
print("ok")
"""


def test_core_packages_import_without_pygame() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# -- the allow-list, checked over every import statement (inside functions too) -------------

GAME = Path(__file__).resolve().parent.parent / "game"
LEAVES = {"errors", "paths", "atomic", "safe_text", "nesting", "__version__"}
# package (or top-level module) of game/ -> the parts of game/ it may import
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "paths": set(),
    "atomic": set(),
    "safe_text": set(),
    "nesting": set(),
    "i18n": {"paths", "errors"},
    "scenario": {"errors", "paths", "nesting"},
    "engine": {"scenario", "errors", "paths"},
    "results": {"engine", "scenario", "i18n", *LEAVES},
    "authoring": {"engine", "scenario", "i18n", *LEAVES},
    # a game being played and the player's actions, for the window and the browser game
    "session": {"engine", "scenario", "results", *LEAVES},
    # class mode is two programs that meet only over HTTP: the server, and the game's link to
    # it (client, outbox, participant); neither imports the other
    "classroom": {"scenario", "engine", "results", "authoring", "session", "i18n", *LEAVES},
    "classlink": {"scenario", "engine", "results", "session", "i18n", *LEAVES},
    "ui": {
        "scenario",
        "engine",
        "results",
        "authoring",
        "session",
        "classlink",
        "i18n",
        *LEAVES,
    },
    "cli": {
        "scenario",
        "engine",
        "results",
        "authoring",
        "session",
        "classroom",
        "classlink",
        "ui",
        "i18n",
        *LEAVES,
    },
    "__main__": {"cli"},
    "__init__": {"i18n"},  # so every Message can be said, even by the core's str()
}
# third-party packages only some layers may use
ONLY_IN = {
    "pygame": {"ui", "cli"},
    "pygame_gui": {"ui"},
    "typer": {"cli"},
    "httpx": {"classlink"},
    "fastapi": {"classroom"},
    "starlette": {"classroom"},
    "uvicorn": {"classroom"},
}


def _part_of_game(path: Path) -> str:
    rel = path.relative_to(GAME).parts
    return rel[0] if len(rel) > 1 else rel[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every import in the file, at any depth; relative ones as '.'."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                found.append((node.lineno, "."))
            elif node.module == "game":
                found += [(node.lineno, f"game.{alias.name}") for alias in node.names]
            elif node.module:
                found.append((node.lineno, node.module))
    return found


def test_every_import_keeps_to_the_allow_list() -> None:
    wrong: list[str] = []
    for path in sorted(GAME.rglob("*.py")):
        part = _part_of_game(path)
        assert part in ALLOWED, f"{path}: a new part of game/ needs its line in ALLOWED"
        for line, name in _imports(path):
            where = f"{path.relative_to(GAME.parent)}:{line}"
            parts = name.split(".")
            if name == ".":
                wrong.append(f"{where}: relative import (write game.<package>...)")
            elif parts[0] == "game" and len(parts) > 1:
                if parts[1] != part and parts[1] not in ALLOWED[part]:
                    wrong.append(f"{where}: {part} may not import {name}")
            elif parts[0] in ONLY_IN and part not in ONLY_IN[parts[0]]:
                wrong.append(f"{where}: {part} may not import {parts[0]}")
    assert not wrong, "\n".join(wrong)


def test_production_code_and_benchmarks_never_read_tests() -> None:
    root = GAME.parent
    for path in [*GAME.rglob("*.py"), *(root / "benchmarks").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        assert '"tests"' not in text and "'tests'" not in text and "tests/" not in text, path


def _module_graph() -> dict[str, set[str]]:
    """Module -> the game modules it imports (for type checking too; ``from package import
    module`` counts as importing that module, not the package's ``__init__``)."""
    modules = {
        ".".join(path.relative_to(GAME.parent).with_suffix("").parts).removesuffix(
            ".__init__"
        ): path
        for path in GAME.rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                named = {f"{node.module}.{alias.name}" for alias in node.names}
                found |= named if named <= modules.keys() else {node.module, *named}
        graph[module] = {m for m in found if m in modules and m != module}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_circle_in_game() -> None:
    """Counting imports for type checking too: no module of game/ imports, through others,
    itself (packages' __init__ included)."""
    assert _circles(_module_graph()) == []


def test_the_circle_check_sees_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _circles(graph) == [["a", "b", "c"]]


# -- private names stay private ------------------------------------------------------------

ROOT = GAME.parent


def _on_self(node: ast.Attribute) -> bool:
    return isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")


def _own_private_names(tree: ast.AST) -> set[str]:
    """The private names a file defines: its ``_functions`` and the ``self._fields`` it sets."""
    names = {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    }
    names |= {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and _on_self(node)
    }
    return {name for name in names if name.startswith("_")}


def _reaches_into(path: Path) -> list[str]:
    """Where a file takes another module's private name: ``from game.x import _y``, or
    ``thing._y`` where ``_y`` is not the file's own (``self._y`` always is)."""
    found: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _own_private_names(tree)
    for node in ast.walk(tree):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("game"):
            found += [
                f"{where}: imports {node.module}.{a.name}"
                for a in node.names
                if a.name.startswith("_") and not a.name.startswith("__")
            ]
        elif (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and node.attr not in own
            and not _on_self(node)
        ):
            found.append(f"{where}: reads {ast.unparse(node)}")
    return found


def test_no_module_of_game_takes_anothers_private_name() -> None:
    wrong = [line for path in sorted(GAME.rglob("*.py")) for line in _reaches_into(path)]
    assert not wrong, "\n".join(wrong)


def _private_fields_of_game() -> set[str]:
    """The names ``Game`` keeps to itself: every ``self._x`` that game/engine/game.py sets."""
    tree = ast.parse((GAME / "engine" / "game.py").read_text(encoding="utf-8"))
    return {
        target.attr
        for node in ast.walk(tree)
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == "self"
        and target.attr.startswith("_")
    }


def test_the_game_is_read_through_its_named_view_outside_the_engine() -> None:
    """Outside game/engine/ (tests and benchmarks too) nobody reads Game's own fields (its
    compiled scenario, the state vectors, pending events): only its named view."""
    private = _private_fields_of_game()
    assert {"_compiled", "_state", "_pending"} <= private
    files = [
        *GAME.rglob("*.py"),
        *(ROOT / "tests").rglob("*.py"),
        *(ROOT / "benchmarks").rglob("*.py"),
    ]
    wrong = [
        f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}"
        for path in sorted(files)
        if GAME / "engine" not in path.parents
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr in private and not _on_self(node)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_private_name_checks_see_a_reach(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from game.engine.game import _x\n"
        "print(game._state.values, self._ok, other._mine)\n"
        "class A:\n    def __init__(self):\n        self._mine = 1\n"
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = _reaches_into(sample)
    finally:
        ROOT = saved
    assert found == ["sample.py:1: imports game.engine.game._x", "sample.py:2: reads game._state"]

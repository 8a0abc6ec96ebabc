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
for pkg in ("game.scenario", "game.engine", "game.results", "game.authoring"):
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
    "errors": {"scenario"},  # only Problem.format's Indonesian text, until message codes land
    "paths": set(),
    "atomic": set(),
    "safe_text": set(),
    "nesting": set(),
    "i18n": {"paths", "errors"},
    "scenario": {"errors", "paths", "nesting"},
    "engine": {"scenario", "errors", "paths"},
    "results": {"engine", "scenario", "i18n", *LEAVES},
    "authoring": {"engine", "scenario", "i18n", *LEAVES},
    "classroom": {"scenario", "engine", "results", "authoring", "i18n", *LEAVES},
    "ui": {"scenario", "engine", "results", "authoring", "classroom", "i18n", *LEAVES},
    "cli": {"scenario", "engine", "results", "authoring", "classroom", "ui", "i18n", *LEAVES},
    "__main__": {"cli"},
    "__init__": {"i18n"},  # so every Message can be said, even by the core's str()
}
# third-party packages only some layers may use
ONLY_IN = {"pygame": {"ui", "cli"}, "pygame_gui": {"ui"}, "typer": {"cli"}}


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


def test_no_import_circle_in_the_engine() -> None:
    """Counting imports for type checking too: a module never imports, through others, itself."""
    graph: dict[str, set[str]] = {}
    for path in GAME.rglob("*.py"):
        module = ".".join(path.relative_to(GAME.parent).with_suffix("").parts)
        graph[module] = {name for _, name in _imports(path) if name.startswith("game.")}
    for module in graph:
        graph[module] = {m for m in graph[module] if m in graph and m != module}

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in graph[start]:
            if nxt == target:
                return True
            if nxt not in seen:
                seen.add(nxt)
                if reaches(nxt, target, seen):
                    return True
        return False

    circles = [m for m in graph if m.startswith("game.engine") and reaches(m, m, set())]
    assert not circles, circles

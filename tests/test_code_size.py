"""No function under ``game/`` over 60 lines and no module over 400 (issue 18): a function
that long hides several steps that deserve names, a module that long several jobs."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.files import ROOT

MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400


def _modules() -> list[Path]:
    return sorted((ROOT / "game").rglob("*.py"))


def test_no_function_over_60_lines() -> None:
    too_long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                end = node.end_lineno if node.end_lineno is not None else node.lineno
                lines = end - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    where = path.relative_to(ROOT)
                    too_long.append(f"{where}:{node.lineno}: {node.name} ({lines} lines)")
    assert not too_long, "split into named helpers:\n" + "\n".join(too_long)


def test_no_module_over_400_lines() -> None:
    too_long = []
    for path in _modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(ROOT)} ({lines} lines)")
    assert not too_long, "move a coherent part into a module of its own:\n" + "\n".join(too_long)

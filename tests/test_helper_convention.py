"""One convention for shared test code (docs/contributing.md): fixtures live in a package's
``conftest.py``; what test modules import lives in a module named for what it holds."""

from __future__ import annotations

import ast

from tests.files import ROOT


def _imports(tree: ast.AST) -> list[str]:
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


def test_no_test_code_imports_a_conftest_or_a_test_module() -> None:
    wrong = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for module in _imports(tree):
            last = module.rsplit(".", 1)[-1]
            if module.startswith("tests") and (last == "conftest" or last.startswith("test_")):
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert wrong == []


def test_the_check_sees_imports_inside_functions_too() -> None:
    tree = ast.parse("def f():\n    from tests.ui.conftest import key\n")
    assert _imports(tree) == ["tests.ui.conftest"]

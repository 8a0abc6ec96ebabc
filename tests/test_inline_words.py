"""No module under game/ writes a message as an inline "English / Indonesian" pair: the words
live in the catalogs and a front end pairs them (``both()``, ``english_first()``)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import game

GAME = Path(game.__file__).resolve().parent

# A pair's seam: a word (or its closing punctuation) on the left of " / ", a word on the right;
# or a string that starts with "/ word" or ends with "word /" (the pair split by an f-string).
PAIR = re.compile(r"(?:[0-9A-Za-z\])\.,:?'\"!]|^)\s?/\s(?:[\[A-Za-z(]|$)|[A-Za-z)]\s/\s?$")

# The scenario template is the text of a file written for trainers (its comments are content).
SKIPPED = {"authoring/template.py"}

# Strings with a " / " that is not a pair of languages, each by its module.
NOT_PAIRS = {
    ("authoring/json_schema.py", "Apa yang terjadi / teks yang dibaca pemain."),
    ("cli/results.py", "Database file or URL (sqlite / postgresql://...)"),
    ("cli/results.py", " / short"),
    ("engine/fused.py", "    x *= k / "),  # generated code: a ramp's k / ramp
    ("engine/fused_parts.py", "        x *= k / "),
}


def _docstrings(tree: ast.Module) -> set[int]:
    """The docstrings that are no command's help: modules, classes and private functions (a
    public function of game/cli may be a command whose docstring typer shows as its help)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            found.add(id(body[0].value))
    return found


def inline_pairs(root: Path) -> list[tuple[str, int, str]]:
    """Every string constant (f-string parts too) under ``root`` that holds a language pair."""
    hits: list[tuple[str, int, str]] = []
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if name in SKIPPED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        if name.startswith("cli/"):
            docs -= {
                id(node.body[0].value)
                for node in ast.walk(tree)
                if isinstance(node, ast.FunctionDef)
                and not node.name.startswith("_")
                and isinstance(node.body[0], ast.Expr)
                and isinstance(node.body[0].value, ast.Constant)
            }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docs
                and node.value.strip() != "/"  # the seam itself, as the pairing helpers join
                and PAIR.search(node.value)
                and (name, node.value) not in NOT_PAIRS
            ):
                hits.append((name, node.lineno, node.value))
    return sorted(hits)


def test_no_inline_language_pairs_under_game() -> None:
    assert inline_pairs(GAME) == []


def test_the_pair_finder_finds_pairs(tmp_path: Path) -> None:
    (tmp_path / "cli").mkdir()
    (tmp_path / "cli" / "x.py").write_text(
        'def run(path: str) -> None:\n    """Run it / jalankan."""\n'
        '    print(f"{path}: not found / tidak ada")\n'
        '    print("Kebijakan / Policies", 10 / 2)\n'
        'def _quiet() -> None:\n    """A private helper / pembantu."""\n',
        encoding="utf-8",
    )
    found = [(line, text) for _, line, text in inline_pairs(tmp_path)]
    assert found == [
        (2, "Run it / jalankan."),
        (3, ": not found / tidak ada"),
        (4, "Kebijakan / Policies"),
    ]

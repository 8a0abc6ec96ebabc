"""No two modules under ``game/`` share a file name (``__init__.py`` aside): a module's name
says what it holds, so a name met in a traceback, an import or a search is one place."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

GAME = Path(__file__).resolve().parent.parent / "game"


def shared_names(root: Path) -> dict[str, list[str]]:
    """File names used by more than one module below ``root``, with their places."""
    places: dict[str, list[str]] = defaultdict(list)
    for path in sorted(root.rglob("*.py")):
        if path.name != "__init__.py":
            places[path.name].append(str(path.relative_to(root)))
    return {name: where for name, where in places.items() if len(where) > 1}


def test_no_two_modules_of_game_share_a_file_name() -> None:
    assert shared_names(GAME) == {}


def test_the_check_sees_two_modules_of_one_name(tmp_path: Path) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "__init__.py").write_text("")
    (tmp_path / "a" / "words.py").write_text("")
    (tmp_path / "b" / "words.py").write_text("")
    (tmp_path / "c" / "other.py").write_text("")
    assert shared_names(tmp_path) == {"words.py": ["a/words.py", "b/words.py"]}

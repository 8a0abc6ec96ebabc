"""Finding result files: the paths given on the command line, folders searched for ``*.json``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from game.i18n import english_first
from game.results.result_text import ResultText


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Result files under ``paths`` (files as given, folders searched), and the paths refused."""
    files: list[Path] = []
    refused: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*.json")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                refused.append((path, english_first(ResultText.NO_JSON)))
        elif path.exists():
            found = [path]
        else:
            refused.append((path, english_first(ResultText.NOT_FOUND)))
            found = []
        for file in found:
            real = file.resolve()  # once: resolving a path costs a system call per folder
            if real not in seen:
                seen.add(real)
                files.append(file)
    return files, refused

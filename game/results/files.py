"""Finding result files: the paths given on the command line, folders searched for ``*.json``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


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
                refused.append(
                    (path, "no .json result files in this folder / tidak ada berkas hasil")
                )
        elif path.exists():
            found = [path]
        else:
            refused.append((path, "file or folder not found / berkas atau folder tidak ada"))
            found = []
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                files.append(file)
    return files, refused

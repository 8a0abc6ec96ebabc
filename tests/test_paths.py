"""Data folders are found beside the package, or under <prefix>/share after `pip install .`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game import paths


def test_checkout_folders_are_used_in_place() -> None:
    assert (paths.ASSETS / "i18n" / "id.toml").is_file()
    assert (paths.SCENARIOS / "dukcapil.toml").is_file()


def test_installed_folders_under_share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "_CHECKOUT", tmp_path / "site-packages")
    shared = tmp_path / "prefix" / "share" / paths.APP_NAME / "scenarios"
    shared.mkdir(parents=True)
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    assert paths.data_folder("scenarios") == shared


def test_the_name_and_the_user_folders_are_defined_only_here() -> None:
    root = Path(paths.__file__).resolve().parent
    for source in root.rglob("*.py"):
        if source.name == "paths.py" and source.parent == root:
            continue
        text = source.read_text(encoding="utf-8")
        assert '"agen-perubahan"' not in text, source
        assert "platformdirs" not in text, source
        for name in ('"autosave.json"', '"settings.json"', '"results.sqlite"'):
            assert name not in text, (source, name)


def test_user_folders_follow_the_data_folder(tmp_path: Path) -> None:
    assert paths.results_dir(tmp_path) == tmp_path / "results"
    assert paths.store_path(tmp_path).parent == tmp_path
    assert paths.autosave_path(tmp_path) != paths.autosave_path(tmp_path, playtest=True)
    assert paths.settings_path(tmp_path).parent == tmp_path

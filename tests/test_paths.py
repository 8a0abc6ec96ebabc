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

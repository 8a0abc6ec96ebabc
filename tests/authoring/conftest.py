"""Fixtures of the authoring tests: the example's variants written for them, and the CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.variants import BROKEN_EXPECT, LINT_ME, UNBALANCED

_REGISTERED: list[typer.Typer] = []


@pytest.fixture(scope="session")
def app() -> typer.Typer:
    """The ``agen`` app with every area's commands registered (once)."""
    from game import cli

    if not _REGISTERED:
        cli.register_commands()
        _REGISTERED.append(cli.app)
    return _REGISTERED[0]


@pytest.fixture()
def runner() -> CliRunner:
    """A CLI runner (stderr kept apart from stdout)."""
    return CliRunner()


@pytest.fixture(scope="session")
def variants(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with unbalanced.toml, lint_me.toml and broken_expect.toml (tests/variants.py)."""
    folder = tmp_path_factory.mktemp("variants")
    for variant in (UNBALANCED, LINT_ME, BROKEN_EXPECT):
        variant.write(folder)
    return folder


@pytest.fixture(scope="session")
def unbalanced(variants: Path) -> Path:
    """The example with one cheap policy that wins everything."""
    return variants / "unbalanced.toml"


@pytest.fixture(scope="session")
def lint_me(variants: Path) -> Path:
    """The example with bait for each of lint's warnings."""
    return variants / "lint_me.toml"


@pytest.fixture(scope="session")
def broken_expect(variants: Path) -> Path:
    """The example with two expectations that fail."""
    return variants / "broken_expect.toml"

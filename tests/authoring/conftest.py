"""Fixtures of the authoring tests: scenario files written for them, and the CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "format_example.toml"
UNBALANCED = FIXTURES / "unbalanced.toml"
BROKEN_EXPECT = FIXTURES / "broken_expect.toml"
LINT_ME = FIXTURES / "lint_me.toml"

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

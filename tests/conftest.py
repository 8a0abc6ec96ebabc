"""Shared fixtures: the format's own example scenario."""

from __future__ import annotations

import pytest

from game.scenario import LoadedScenario, load_scenario
from tests.files import EXAMPLE


@pytest.fixture(scope="session")
def example() -> LoadedScenario:
    """The complete example of SCENARIO-FORMAT.md, loaded."""
    return load_scenario(EXAMPLE)


@pytest.fixture()
def example_text() -> str:
    """The example's text, for tests that break it."""
    return EXAMPLE.read_text(encoding="utf-8")

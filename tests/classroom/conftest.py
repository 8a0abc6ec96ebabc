"""Fixtures of the class tests: real class servers (see tests/classroom/server.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.classroom.server import Server, start_server


@pytest.fixture(scope="module")
def bots_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A class of the tutorial that accepts bots (a rehearsal)."""
    db = str(tmp_path_factory.mktemp("class") / "results.sqlite")
    server = start_server(db, "PKA-UJI-1", "--allow-bots", "--lang", "en")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def strict_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A class of the tutorial that refuses bots, with the same seed as the scenario's."""
    db = str(tmp_path_factory.mktemp("class") / "results.sqlite")
    server = start_server(db, "PKA-UJI-2")
    yield server
    server.stop()

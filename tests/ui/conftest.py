"""UI tests run with SDL's dummy drivers: no window, no sound."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from tests.ui.driving import SIZE, make_options


@pytest.fixture(autouse=True)
def _display() -> Iterator[None]:
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    pygame.event.clear()
    yield
    pygame.event.clear()


@pytest.fixture
def app(tmp_path: Path) -> App:
    """A headless app with its files in tmp_path."""
    return App(make_options(tmp_path), headless_size=SIZE)

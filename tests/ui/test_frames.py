"""Every screen draws, in both languages, and changes the pixels (never timed)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.ui.shots import render_shots

FIXTURE = Path(__file__).parent / "fixtures" / "example.toml"


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    return render_shots(tmp_path_factory.mktemp("shots"), FIXTURE)


def test_every_screen_draws_in_both_languages(shots: list[Path]) -> None:
    names = {p.name.split("-", 1)[1] for p in shots}
    for screen in (
        "01-title.png",
        "02-player.png",
        "03-scenario.png",
        "05-turn1.png",
        "08-turn-mid-why.png",
        "10-policy.png",
        "11-menu.png",
        "12-report.png",
        "13-debrief.png",
        "14-debrief-decisions.png",
        "15-leaderboard.png",
    ):
        assert screen in names
    for lang in ("id", "en"):
        assert any(p.name.startswith(f"{lang}-") for p in shots)


def test_screens_change_pixels(shots: list[Path]) -> None:
    for path in shots:
        image = pygame.image.load(str(path))
        assert image.get_size() == (1280, 720)
        colors = {
            tuple(image.get_at((x, y))) for x in range(0, 1280, 37) for y in range(0, 720, 23)
        }
        assert len(colors) > 8, f"{path.name} looks blank"


def test_the_two_languages_differ(shots: list[Path]) -> None:
    by_name = {p.name: p for p in shots}
    a = pygame.image.tobytes(pygame.image.load(str(by_name["id-05-turn1.png"])), "RGB")
    b = pygame.image.tobytes(pygame.image.load(str(by_name["en-05-turn1.png"])), "RGB")
    assert a != b

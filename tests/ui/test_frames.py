"""Every screen of the app's table draws, in both languages, and changes the pixels (never timed)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.shots import render_by_screen
from tests.files import EXAMPLE


@pytest.fixture(scope="module")
def by_screen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """The shots of the format's example, its event made certain in turn 3 (so that the
    sample game meets it mid-game and the event dialog is drawn)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in (
        ("turns = [2, 8] ", "at = 3 "),
        ('chance = "0.10 + 0.003 * max(0, 70 - service_quality)"', "chance = 1"),
        ('when = "public_trust < 60"', ""),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    scenario = tmp_path_factory.mktemp("scenario") / "example.toml"
    scenario.write_text(text, encoding="utf-8")
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    return render_by_screen(tmp_path_factory.mktemp("shots"), scenario)


@pytest.fixture(scope="module")
def shots(by_screen: dict[str, list[Path]]) -> list[Path]:
    return [p for paths in by_screen.values() for p in paths]


def test_the_table_names_each_screen_by_its_own_name() -> None:
    for name in App.SCREENS:
        assert App.screen_class(name).name == name


def test_every_screen_of_the_table_draws_in_both_languages(
    by_screen: dict[str, list[Path]],
) -> None:
    assert set(by_screen) == set(App.SCREENS)
    for name, paths in by_screen.items():
        langs = {p.name.split("-", 1)[0] for p in paths}
        assert langs == {"id", "en"}, name


def test_the_shots_keep_their_names(shots: list[Path]) -> None:
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

"""Getting into a live class from the window: "Gabung kelas" on the title screen, and a class
code typed into the cohort field (any case) offers the class instead of a game alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.classlink import link as class_link
from game.ui import class_play
from game.ui.app import App
from game.ui.screens.class_join import ClassJoinScreen
from game.ui.screens.player import PlayerScreen
from game.ui.screens.scenario_choice import ScenarioScreen
from game.ui.screens.title import TitleScreen
from tests.files import EXAMPLE
from tests.ui.class_fakes import FakeClass, settle
from tests.ui.driving import SIZE, click, key, make_options, type_text

ADDRESS = "192.168.1.10:8765"


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> FakeClass:
    fake = FakeClass(EXAMPLE.read_bytes())
    monkeypatch.setattr(class_play, "CLIENT_FACTORY", fake.client)
    monkeypatch.setattr(class_link, "RETRY", 0.05)
    return fake


@pytest.fixture
def capp(tmp_path: Path, server: FakeClass) -> Iterator[App]:
    app = App(make_options(tmp_path), headless_size=SIZE)
    yield app
    if app.class_link is not None:
        app.class_link.stop()


def test_title_screen_has_join_a_class(capp: App) -> None:
    assert isinstance(capp.screen, TitleScreen)
    join = next(b for b in capp.screen.buttons() if b.key == "join")
    assert join.label == capp.t("class.join_button_player") == "Gabung kelas"
    assert all(b.rect.bottom <= SIZE[1] for b in capp.screen.buttons())
    click(capp, join.rect.center)
    assert isinstance(capp.screen, ClassJoinScreen)
    key(capp, pygame.K_ESCAPE)
    key(capp, pygame.K_ESCAPE)
    assert isinstance(capp.screen, TitleScreen)
    key(capp, pygame.K_g)
    assert isinstance(capp.screen, ClassJoinScreen)


def _player_with_cohort(app: App, cohort: str) -> None:
    key(app, pygame.K_n)
    assert isinstance(app.screen, PlayerScreen)
    assert (
        "angkatan" in app.t("player.cohort").lower()
        and "kode kelas" not in app.t("player.cohort").lower()
    )
    type_text(app, "Budi Santoso")
    key(app, pygame.K_TAB)
    key(app, pygame.K_TAB)
    type_text(app, cohort)
    key(app, pygame.K_RETURN)


@pytest.mark.parametrize("typed", ["PKA-UJI", "pka-uji"])
def test_a_live_class_code_in_the_cohort_field_offers_the_class(
    capp: App, server: FakeClass, typed: str
) -> None:
    capp.settings.class_address = ADDRESS
    _player_with_cohort(capp, typed)
    screen = capp.screen
    assert isinstance(screen, PlayerScreen)
    settle(capp, lambda: screen.offer is not None)
    assert screen.offer == server.code
    assert [b.key for b in screen.buttons()] == ["offer_join", "offer_solo"]
    key(capp, pygame.K_RETURN)
    join = capp.screen
    assert isinstance(join, ClassJoinScreen)
    assert join.values()["code"] == server.code and join.values()["address"] == ADDRESS
    assert join.values()["name"] == "Budi Santoso"


def test_declining_the_offer_plays_alone_with_the_label(capp: App, server: FakeClass) -> None:
    capp.settings.class_address = ADDRESS
    _player_with_cohort(capp, server.code)
    screen = capp.screen
    assert isinstance(screen, PlayerScreen)
    settle(capp, lambda: screen.offer is not None)
    key(capp, pygame.K_ESCAPE)
    assert isinstance(capp.screen, ScenarioScreen)


def test_a_cohort_that_is_no_live_class_goes_straight_on(capp: App, server: FakeClass) -> None:
    capp.settings.class_address = ADDRESS
    _player_with_cohort(capp, "ANGKATAN-LAIN")
    settle(capp, lambda: not isinstance(capp.screen, PlayerScreen))
    assert isinstance(capp.screen, ScenarioScreen)
    server.up = False  # and a server that does not answer: no offer, no wait beyond the check
    key(capp, pygame.K_ESCAPE)

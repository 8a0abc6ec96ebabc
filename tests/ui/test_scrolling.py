"""Long scenario texts are never cut: the briefing, event texts with many choices, policy
descriptions and endings scroll (wheel, keys, scrollbar) to their last line; the Esc menu
opens the briefing again over the turn screen."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.engine import Choose
from game.i18n import LANGUAGES
from game.scenario import load_scenario
from game.session import Player, Session
from game.ui import scroll
from game.ui.app import App
from game.ui.screens.briefing import BriefingOverlay
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.event_dialog import EventDialog
from game.ui.screens.menu import MenuOverlay
from game.ui.screens.policy_dialog import PolicyDialog
from game.ui.screens.scenario_choice import ScenarioScreen
from game.ui.screens.turn import TurnScreen
from game.ui.widgets import Ink
from tests.files import EXAMPLE
from tests.ui.driving import click, key, make_options, pump

PLAYER = Player("Ani", "", "PKA-9")
LAST = {"id": "AKHIR-PENGARAHAN sasaran ada di sini.", "en": "END-OF-BRIEFING the goals are here."}


def _long(lang: str, n: int, last: str) -> str:
    word = "Paragraf" if lang == "id" else "Paragraph"
    body = " ".join(
        f"{word} {{i}} kalimat {k} tentang antrean, berkas dan warga." for k in range(6)
    )
    return "\n\n".join(body.format(i=i) for i in range(n)) + "\n\n" + last


def long_scenario(folder: Path, ending_at: int | None = None) -> Path:
    """The example scenario with a long briefing, a long policy description, a long event
    with five choices on turn 1, and (when ``ending_at``) a long ending from that turn."""
    text = EXAMPLE.read_text(encoding="utf-8")
    brief = f'briefing = {{ id = """{_long("id", 8, LAST["id"])}""", en = """{_long("en", 8, LAST["en"])}""" }}'
    text = text.replace(
        'briefing = { id = """Antrean mengular sejak subuh.""", en = """The queue starts at dawn.""" }',
        brief,
    )
    desc = f'description = {{ id = """{_long("id", 3, "AKHIR")}""", en = """{_long("en", 3, "END")}""" }}'
    text = text.replace(
        'description = { id = "Paling banyak 2 hari sepekan di luar kantor.", '
        'en = "At most 2 days a week away from the office." }',
        desc,
    )
    if ending_at is not None:
        text = text.replace(
            'condition = "processing_days > 3 and turn >= 4"', f'condition = "turn >= {ending_at}"'
        )
        ending = (
            f'text = {{ id = """{_long("id", 2, "AKHIR")}""", en = """{_long("en", 2, "END")}""" }}'
        )
        text = text.replace(
            'text = { id = "Anda diberhentikan.", en = "You are dismissed." }', ending
        )
    choices = "".join(
        f'\n[[events.choices]]\nid = "c{i}"\nlabel = {{ id = "Pilihan nomor {i} yang cukup panjang untuk dua baris '
        f'di layar kecil", en = "Choice number {i}, long enough to need two lines on a small screen" }}\n'
        for i in range(1, 6)
    )
    text += (
        f'\n[[events]]\nid = "long_event"\ntitle = {{ id = "Peristiwa panjang", en = "A long event" }}\n'
        f'text = {{ id = """{_long("id", 3, "AKHIR")}""", en = """{_long("en", 3, "END")}""" }}\nat = 1\n'
        + choices
    )
    target = folder / "scenarios" / "example.toml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    load_scenario(target)  # it must load
    return target


@pytest.fixture
def long_app(tmp_path: Path) -> App:
    long_scenario(tmp_path)
    return App(make_options(tmp_path), headless_size=(1280, 720))


def wheel(app: App, pos: tuple[int, int], y: int) -> None:
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )
    pygame.event.post(
        pygame.event.Event(
            pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0, precise_y=float(y)
        )
    )
    pump(app)


def last_line_inside(view: scroll.TextView, offset: int, panel: pygame.Rect) -> bool:
    last = view.line_rect(len(view.block.lines) - 1, offset)
    return view.view.contains(last) and panel.contains(last)


def start(app: App, lang: str = "en") -> Session:
    app.lang = lang
    path = app.options.scenarios_dir / "example.toml"
    loaded = load_scenario(path)
    session = Session(path, loaded, PLAYER, lang, loaded.scenario.seed)
    app.session = session
    return session


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_wheel_scrolls_the_briefing_to_its_last_line(long_app: App, lang: str) -> None:
    long_app.lang = lang
    screen = ScenarioScreen(long_app, PLAYER)
    long_app.screen = screen
    view = screen.briefing_view()
    assert view is not None and view.limit > 0
    assert view.block.lines[-1] == LAST[lang]
    assert not last_line_inside(view, 0, view.area)  # cut at first ...
    for _ in range(40):
        wheel(long_app, view.view.center, -1)
    assert long_app.screen is screen and screen.offset == view.limit
    assert last_line_inside(view, screen.offset, view.area)  # ... readable at the end
    wheel(long_app, view.view.center, 1)
    assert screen.offset < view.limit
    wheel(long_app, (5, 5), -1)  # the wheel elsewhere leaves it
    assert screen.offset < view.limit


def test_keys_scroll_the_briefing_and_tab_changes_scenario(long_app: App) -> None:
    screen = ScenarioScreen(long_app, PLAYER)
    long_app.screen = screen
    view = screen.briefing_view()
    assert view is not None
    key(long_app, pygame.K_DOWN)
    assert screen.offset == view.block.step
    key(long_app, pygame.K_PAGEDOWN)
    assert screen.offset > view.block.step
    for _ in range(30):
        key(long_app, pygame.K_PAGEDOWN)
    assert screen.offset == view.limit and last_line_inside(view, screen.offset, view.area)
    key(long_app, pygame.K_HOME)
    assert screen.offset == 0
    key(long_app, pygame.K_UP)
    assert screen.offset == 0 and screen.selected == 0
    key(long_app, pygame.K_END)
    assert screen.offset == view.limit


def test_a_click_on_the_scrollbar_pages_down(long_app: App) -> None:
    screen = ScenarioScreen(long_app, PLAYER)
    long_app.screen = screen
    view = screen.briefing_view()
    assert view is not None
    bar = view.bar()
    click(long_app, (bar.centerx, bar.bottom - 2))
    assert screen.offset > 0
    assert long_app.screen is screen


def test_a_short_briefing_shows_whole_without_a_scrollbar(app: App) -> None:
    screen = ScenarioScreen(app, PLAYER)
    view = screen.briefing_view()
    assert view is not None and view.limit == 0 and view.view.width == view.area.width
    key(app, pygame.K_PAGEDOWN)
    assert screen.offset == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_menu_opens_the_briefing_and_esc_returns_to_the_turn(long_app: App, lang: str) -> None:
    session = start(long_app, lang)
    for event in session.game.pending_events():
        session.game.act(Choose(event, session.game.default_choice(event)))
    turn = TurnScreen(long_app)
    long_app.screen = turn
    key(long_app, pygame.K_ESCAPE)
    menu = long_app.screen
    assert isinstance(menu, MenuOverlay)
    item = next(b for b in menu.buttons() if b.key == "briefing")
    assert item.label == long_app.t("menu.briefing")
    click(long_app, item.rect.center)
    overlay = long_app.screen
    assert isinstance(overlay, BriefingOverlay) and overlay.parent is turn
    view = overlay.view()
    assert view.limit > 0 and view.block.lines[-1] == LAST[lang]
    for _ in range(40):
        key(long_app, pygame.K_PAGEDOWN)
    assert overlay.offset == view.limit and last_line_inside(view, overlay.offset, overlay._rect())
    key(long_app, pygame.K_ESCAPE)
    assert long_app.screen is turn
    key(long_app, pygame.K_ESCAPE)
    key(long_app, pygame.K_p)  # the menu's shortcut opens it too
    assert isinstance(long_app.screen, BriefingOverlay)
    click(long_app, (3, 3))  # a click outside closes it
    assert long_app.screen is turn


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_long_event_with_five_choices_scrolls_and_every_choice_can_be_clicked(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    long_scenario(tmp_path)
    app = App(make_options(tmp_path), headless_size=size)
    session = start(app)
    assert "long_event" in session.game.pending_events()
    dialog = EventDialog(app, TurnScreen(app), "long_event")
    app.screen = dialog
    rect = dialog._rect()
    assert app.surface.get_rect().contains(rect)
    pane = dialog.pane()
    assert pane.limit > 0
    last = dialog.buttons()[-1]
    assert not pane.view.contains(last.rect)  # below the fold at first
    for _ in range(40):
        wheel(app, pane.view.center, -1)
    assert dialog.offset == pane.limit
    last = dialog.buttons()[-1]
    assert pane.view.contains(last.rect) and rect.contains(last.rect)
    click(app, last.rect.center)
    assert dialog.chosen == "c5"
    assert ("long_event", "c5") in [
        (d.action.event, d.action.choice)
        for d in session.game.decisions
        if isinstance(d.action, Choose)
    ]


def test_a_hidden_choice_is_not_clicked_through_the_dialog_edge(long_app: App) -> None:
    start(long_app)
    dialog = EventDialog(long_app, TurnScreen(long_app), "long_event")
    long_app.screen = dialog
    pane = dialog.pane()
    hidden = [b for b in dialog.buttons() if b.rect.top >= pane.view.bottom]
    assert hidden
    click(long_app, (hidden[-1].rect.centerx, min(hidden[-1].rect.centery, long_app.size[1] - 1)))
    assert dialog.chosen is None


def test_a_long_policy_description_scrolls_to_its_end(long_app: App) -> None:
    start(long_app)
    turn = TurnScreen(long_app)
    dialog = PolicyDialog(long_app, turn, "hybrid_work", 1)
    long_app.screen = dialog
    view = dialog.description_view()
    assert view is not None and view.limit > 0 and view.block.lines[-1] == "END"
    assert view.area.bottom < dialog.buttons()[0].rect.top
    for _ in range(20):
        key(long_app, pygame.K_DOWN)
    assert dialog.offset == view.limit and last_line_inside(view, dialog.offset, dialog._rect())
    assert long_app.screen is dialog


def test_a_long_ending_scrolls_on_the_debrief(tmp_path: Path) -> None:
    long_scenario(tmp_path, ending_at=2)
    app = App(make_options(tmp_path), headless_size=(1280, 720))
    session = start(app)
    game = session.game
    while not game.over:
        game.end_turn()
    assert game.ending == "dismissed"
    screen = DebriefScreen(app)
    app.screen = screen
    view = screen.ending_view()
    assert view is not None and view.limit > 0 and view.block.lines[-1] == "END"
    for _ in range(20):
        wheel(app, view.view.center, -1)
    assert screen.offset == view.limit and last_line_inside(view, screen.offset, screen._card())
    key(app, pygame.K_DOWN)  # Up/Down still move the buttons' focus
    assert screen.offset == view.limit


def test_the_wrapped_briefing_is_built_once_not_every_frame(long_app: App) -> None:
    screen = ScenarioScreen(long_app, PLAYER)
    long_app.screen = screen
    long_app.render()
    before = scroll.render_block.cache_info()
    for _ in range(5):
        key(long_app, pygame.K_DOWN)
    after = scroll.render_block.cache_info()
    assert after.misses == before.misses and after.hits > before.hits
    ink = Ink(long_app.surface)
    assert ink.scale == 1.0

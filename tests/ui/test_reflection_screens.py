"""The reflection layer in the window, both languages: the prediction prompt on the card,
the reveal in the turn report, the reflection pages and the Aksi Perubahan save dialog,
and the short form. Driven with posted events on the dummy video driver."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from docx import Document

from game.engine import Choose
from game.results.record import read_result
from game.session import Player, Session
from game.ui.app import App
from game.ui.reveals import due_reveals
from game.ui.screens.aksi_dialog import AksiDialog
from game.ui.screens.debrief import DebriefScreen
from game.ui.screens.policy_dialog import PolicyDialog
from game.ui.screens.prediction_prompt import PredictionPrompt
from game.ui.screens.reflection import ReflectionScreen
from game.ui.screens.turn import TurnScreen
from game.ui.screens.turn_report import TurnReportScreen
from tests.ui.driving import SIZE, click, key, make_options, type_text

DUKCAPIL = Path(__file__).parents[2] / "scenarios" / "dukcapil.toml"


def _start(tmp_path: Path, lang: str, quarters: int | None = None) -> App:
    app = App(make_options(tmp_path), headless_size=SIZE)
    app.lang = lang
    app.session = Session.start(DUKCAPIL, Player("Rina Wati", "1990", "PKA-7"), lang, 3, quarters)
    _answer_events(app)
    app.screen = TurnScreen(app)
    return app


def _answer_events(app: App) -> None:
    game = app.session.game  # type: ignore[union-attr]
    for e in game.pending_events():
        game.act(Choose(e, game.default_choice(e)))


def _open_card(app: App, policy: str) -> PolicyDialog:
    dialog = PolicyDialog(app, app.screen, policy, 1)
    app.screen = dialog
    return dialog


@pytest.mark.parametrize("lang", ["id", "en"])
def test_adopting_asks_first_and_keeps_the_answers(tmp_path: Path, lang: str) -> None:
    app = _start(tmp_path, lang)
    game = app.session.game  # type: ignore[union-attr]
    _open_card(app, "online_services")
    key(app, pygame.K_RETURN)
    prompt = app.screen
    assert isinstance(prompt, PredictionPrompt) and not game.active("online_services")
    assert len(prompt.metrics) >= 2 and prompt.by == 2
    first, second = prompt.metrics[:2]
    click(app, prompt.choice_rects()[(first, "up")].center)
    key(app, pygame.K_2)  # the keys answer the next line: "down"
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, TurnScreen) and game.active("online_services")
    made = {(p.metric, p.expect) for p in app.session.predictions}  # type: ignore[union-attr]
    assert made == {(first, "up"), (second, "down")}


def test_escape_adopts_without_predicting(tmp_path: Path) -> None:
    app = _start(tmp_path, "id")
    _open_card(app, "simplify_sop")
    key(app, pygame.K_RETURN)
    assert isinstance(app.screen, PredictionPrompt)
    key(app, pygame.K_ESCAPE)
    assert app.session.game.active("simplify_sop")  # type: ignore[union-attr]
    assert app.session.predictions == []  # type: ignore[union-attr]


def test_the_report_of_the_quarter_reveals_the_prediction(tmp_path: Path) -> None:
    app = _start(tmp_path, "en")
    game = app.session.game  # type: ignore[union-attr]
    _open_card(app, "online_services")
    key(app, pygame.K_RETURN)
    prompt = app.screen
    assert isinstance(prompt, PredictionPrompt)
    key(app, pygame.K_1)  # capacity or whatever comes first: up
    key(app, pygame.K_RETURN)
    game.end_turn()
    assert due_reveals(app, 1) == []
    _answer_events(app)
    game.end_turn()
    reveals = due_reveals(app, 2)
    assert len(reveals) == 1 and reveals[0].prediction.expect == "up"
    app.screen = TurnReportScreen(app, 2)
    app.render()  # draws the reveal panel under the metrics


def _finish(app: App) -> None:
    game = app.session.game  # type: ignore[union-attr]
    while not game.over:
        _answer_events(app)
        game.end_turn()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_reflection_pages_and_the_saved_draft(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("game.ui.screens.aksi_dialog.default_folder", lambda: tmp_path / "docs")
    app = _start(tmp_path, lang)
    _open_card(app, "volume_bonus")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1)
    key(app, pygame.K_RETURN)
    _finish(app)
    app.screen = DebriefScreen(app)
    button = next(b for b in app.screen.buttons() if b.key == "reflect")
    click(app, button.rect.center)
    pages = app.screen
    assert isinstance(pages, ReflectionScreen) and pages.page == 0
    head, text = pages.predictions_text()
    assert ("1" in head) and text  # "n of 1 predictions right" and the details
    key(app, pygame.K_RIGHT)
    assert pages.page == 1
    key(app, pygame.K_RIGHT)
    assert pages.page == 2 and pages.question_texts()
    assert all("{" not in q for q in pages.question_texts())
    key(app, pygame.K_s)
    dialog = app.screen
    assert isinstance(dialog, AksiDialog)
    for _ in range(len(dialog.filename)):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "draf-saya")
    key(app, pygame.K_RETURN)
    saved = tmp_path / "docs" / "draf-saya.docx"
    assert dialog.saved == saved and saved.is_file()
    text = "\n".join(p.text for p in Document(str(saved)).paragraphs)
    assert ("DRAF" in text) if lang == "id" else ("DRAFT" in text)
    key(app, pygame.K_ESCAPE)
    assert app.screen is pages


def test_short_form_ends_after_its_quarters_and_says_so_in_the_result(tmp_path: Path) -> None:
    app = _start(tmp_path, "id", quarters=4)
    session = app.session
    assert session is not None and session.quarters == 4
    _finish(app)
    assert session.game.turn == 4 and session.game.turns_played == 4
    path = session.write_result(tmp_path / "results")
    assert path is not None and read_result(path).quarters == 4


def test_a_short_form_the_scenario_does_not_offer_is_refused(tmp_path: Path) -> None:
    from game.errors import AgenError

    with pytest.raises(AgenError, match="5 turns is not offered"):
        Session.start(DUKCAPIL, Player("X"), "id", None, 5)

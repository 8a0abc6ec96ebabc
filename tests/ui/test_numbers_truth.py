"""Numbers that tell the truth (issue 22, part 2), each driven through the real screens or the
functions they draw from: chart ranges, the passive score, prediction reveals, requirements
in words, plain Indonesian, the legend and counts a participant needs, toasts, focus rings,
the NIP field and the leaderboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.engine import Adopt, Choose
from game.engine.prediction import Prediction
from game.i18n import tr
from game.results.store import LeaderRow
from game.scenario import load_scenario
from game.session import Player, Session
from game.ui import facts, theme
from game.ui.app import App
from game.ui.debrief_summary import passive_text
from game.ui.reveals import due_reveals, report_line
from game.ui.screens.event_dialog import EventDialog
from game.ui.screens.leaderboard import best_per_player
from game.ui.screens.player import PlayerScreen
from game.ui.screens.policy_dialog import PolicyDialog
from game.ui.screens.prediction_prompt import PredictionPrompt
from game.ui.screens.turn import TurnScreen
from game.ui.screens.turn_report import TurnReportScreen
from game.ui.text_layer import RECORD
from tests.ui.driving import SIZE, key, make_options, pump, type_text

DUKCAPIL = Path(__file__).parents[2] / "scenarios" / "dukcapil.toml"


@pytest.fixture(autouse=True)
def _fresh_record() -> Iterator[None]:
    RECORD.clear()
    yield
    RECORD.clear()


def _start(tmp_path: Path, lang: str) -> App:
    app = App(make_options(tmp_path), headless_size=SIZE)
    app.lang = lang
    app.session = Session.start(DUKCAPIL, Player("Rina Wati", "1990", "PKA-7"), lang, 3)
    return app


def _answer(app: App) -> None:
    game = app.session.game  # type: ignore[union-attr]
    for e in game.pending_events():
        game.act(Choose(e, game.default_choice(e)))


def _drawn(app: App) -> list[str]:
    RECORD.start("test")
    app.render()
    return [str(s["text"]) for s in RECORD.sizes]


def test_a_chart_spans_a_fifth_of_its_metric_range_at_least() -> None:
    s = load_scenario(DUKCAPIL).scenario
    competence = s.metrics["competence"]
    lo, hi = facts.chart_range(s, "competence", [55, 55, 52, 52, 53])
    assert hi - lo >= 0.2 * (competence.max - competence.min) - 1e-9
    assert lo <= 52 and hi >= 55 and competence.min <= lo and hi <= competence.max
    # a fall of 3 on a 0-100 scale takes at most a sixth of the chart's height
    assert (55 - 52) / (hi - lo) <= 1 / 6 + 1e-9
    lo, hi = facts.chart_range(s, "competence", [99.0, 100.0])
    assert hi == competence.max and lo < 99
    lo, hi = facts.chart_range(s, "competence", [10.0, 90.0])
    assert (lo, hi) == (10.0, 90.0)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("id", ["52,7", "4,1 poin lebih rendah"]), ("en", ["52.7", "4.1 points lower"])],
)
def test_the_passive_score_says_which_way_the_decisions_went(lang: str, words: list[str]) -> None:
    text = passive_text(48.6, 52.7, lang)
    assert all(w in text for w in words), text
    assert "−" not in text and "-4" not in text
    higher = passive_text(60.0, 52.7, lang)
    assert ("lebih tinggi" if lang == "id" else "higher") in higher


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_reveal_names_the_policy_and_the_quarters_it_covers(tmp_path: Path, lang: str) -> None:
    app = _start(tmp_path, lang)
    session = app.session
    assert session is not None
    game = session.game
    _answer(app)
    game.act(Adopt("online_services"))
    session.predictions.append(Prediction(1, "online_services", "capacity", 3, "up"))
    for _ in range(3):
        _answer(app)
        game.end_turn()
    (reveal,) = due_reveals(app, 3)
    line = report_line(app, reveal)
    name = game.policy("online_services").name
    assert (name[lang] if isinstance(name, dict) else name) in line
    word = "triwulan" if lang == "id" else "quarters"
    assert f"{word} 1–3" in line, line
    app.screen = TurnReportScreen(app, 3)
    assert line in _drawn(app)


@pytest.mark.parametrize(
    ("lang", "words"), [("id", "Jejaring mitra minimal 45"), ("en", "Partner network at least 45")]
)
def test_a_choice_requirement_is_said_in_words(tmp_path: Path, lang: str, words: str) -> None:
    app = _start(tmp_path, lang)
    game = app.session.game  # type: ignore[union-attr]
    _answer(app)
    game.end_turn()  # the school enrolment season comes in quarter 2
    assert "school_surge" in game.pending_events()
    dialog = EventDialog(app, TurnScreen(app), "school_surge")
    assert game.why_not_choose("school_surge", "school_outreach") is not None
    said = dialog.refused("school_outreach")
    assert said is not None and words in said and ">=" not in said and "network >=" not in said
    app.screen = dialog
    assert said in _drawn(app)


def test_indonesian_words_where_english_was_left() -> None:
    assert tr("reflect.predict_adopt", "id") == tr("policy.adopt", "id")
    assert "debrief" not in tr("reflect.questions_title", "id").lower()
    for code in ("cause.drift", "cause.limit"):
        assert len(tr(code, "id").split()) >= 5  # a phrase that explains, not a term
    assert "tidak bisa melewati" in tr("cause.limit", "id")
    assert "Tidak pernah bergerak" not in tr("reflect.never_paid", "id")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_turn_screen_says_the_actions_left_and_explains_plus_minus(
    tmp_path: Path, lang: str
) -> None:
    app = _start(tmp_path, lang)
    _answer(app)
    app.screen = TurnScreen(app)  # the first category: hybrid work moves morale either way
    drawn = _drawn(app)
    per = app.session.game.scenario.actions_per_turn  # type: ignore[union-attr]
    assert tr("turn.actions_count", lang, left=per, total=per) in drawn
    assert tr("card.either_way", lang) in drawn


def test_a_category_tab_says_its_name_under_the_pointer(tmp_path: Path) -> None:
    app = _start(tmp_path, "id")
    _answer(app)
    turn = TurnScreen(app)
    app.screen = turn
    cats = turn.categories()
    tabs = turn.layout().tab_rects(len(cats), turn.category)
    name = tr(f"category.{cats[-1]}", "id")
    assert name not in _drawn(app)
    app.mouse = tabs[-1].center
    assert name in _drawn(app)


def test_the_adopted_notice_does_not_follow_into_the_turn_report(tmp_path: Path) -> None:
    app = _start(tmp_path, "id")
    _answer(app)
    turn = TurnScreen(app)
    app.switch(turn)
    app.switch(PolicyDialog(app, turn, "simplify_sop", 1))
    key(app, pygame.K_RETURN)  # adopt: the prediction prompt opens
    key(app, pygame.K_ESCAPE)  # adopt without predicting
    assert app.screen is turn and app.toasts  # "Diterapkan: ..." over the turn screen
    key(app, pygame.K_RETURN)  # end the turn
    assert isinstance(app.screen, TurnReportScreen)
    assert app.toasts == []


def test_no_focus_ring_on_buttons_the_keys_do_not_reach(tmp_path: Path) -> None:
    app = _start(tmp_path, "id")
    _answer(app)
    turn = TurnScreen(app)
    app.switch(turn)
    app.switch(PolicyDialog(app, turn, "simplify_sop", 1))
    key(app, pygame.K_RETURN)
    prompt = app.screen
    assert isinstance(prompt, PredictionPrompt)
    key(app, pygame.K_DOWN)  # the keys move between the answer lines
    assert app.keyboard_focus
    surface = app.render()
    skip = prompt.buttons()[0].rect
    menu = turn.layout().menu
    for rect in (skip, menu):
        edge = [
            surface.get_at((rect.left + 1, y))[:3] for y in range(rect.top + 12, rect.bottom - 12)
        ]
        assert theme.ACCENT not in edge


def test_the_nip_field_takes_digits_only(tmp_path: Path) -> None:
    app = App(make_options(tmp_path), headless_size=SIZE)
    screen = PlayerScreen(app)
    app.switch(screen)
    screen.form.focus("nip")
    type_text(app, "1987ab03")
    for ch in "12-2010 012004999":
        type_text(app, ch)
    pump(app)
    nip = screen.form.texts()["nip"]
    assert nip.isdigit() and nip.startswith("198703") and len(nip) == 18


def test_the_leaderboard_lists_each_player_once() -> None:
    rows = [
        LeaderRow(1, "Siti Rahmawati", 71.7, "B", 3, "198703122010012004", "PKA-2026-B"),
        LeaderRow(1, "Siti Rahmawati", 71.7, "B", 3, "198703122010012004", "PKA-2026-B"),
        LeaderRow(3, "Budi", 65.0, "C", 2, None, "PKA-2026-B"),
        LeaderRow(4, "budi", 60.0, "C", 1, None, "PKA-2026-B"),
        LeaderRow(5, "Budi", 55.0, "C", 1, None, "PKA-2026-A"),
    ]
    board = best_per_player(rows)
    assert [(r.rank, r.player, r.cohort) for r in board] == [
        (1, "Siti Rahmawati", "PKA-2026-B"),
        (2, "Budi", "PKA-2026-B"),
        (3, "Budi", "PKA-2026-A"),
    ]


def test_the_turn_screen_under_a_dialog_is_redrawn_when_the_game_moves(tmp_path: Path) -> None:
    """A dialog keeps its dimmed parent drawn once (frame time), yet a choice that moves the
    numbers shows at once under it."""
    app = _start(tmp_path, "id")
    game = app.session.game  # type: ignore[union-attr]
    _answer(app)
    game.end_turn()  # quarter 2 brings the school enrolment season
    turn = TurnScreen(app)
    event = game.pending_events()[0]
    dialog = EventDialog(app, turn, event)
    app.screen = dialog
    heading = tr("turn.metrics", "id")
    assert heading in _drawn(app)
    RECORD.clear()
    assert heading not in _drawn(app)  # the same parent: kept, not drawn again
    RECORD.clear()
    dialog.choose(game.default_choice(event))
    assert heading in _drawn(app)

"""Files nested absurdly deep (100,000 brackets) are refused in one clear line, never with a
RecursionError: the autosave, the settings, a result file, a plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.errors import AgenError, ResultError, ScenarioError
from game.results.record import read_result
from game.scenario import load_plan, load_scenario
from game.session import Session
from game.ui.app import App
from game.ui.screens.title import TitleScreen
from game.ui.settings import Settings
from tests.files import EXAMPLE
from tests.ui.driving import make_options

DEEP = "[" * 100_000


def test_a_deep_autosave_is_a_clear_message(tmp_path: Path) -> None:
    save = tmp_path / "autosave.json"
    save.write_text(DEEP, encoding="utf-8")
    with pytest.raises(AgenError, match="nested too deeply") as info:
        Session.resume(save)
    assert "\n" not in str(info.value) and str(save) in str(info.value)


def test_continue_on_a_deep_autosave_shows_the_message(tmp_path: Path) -> None:
    app = App(make_options(tmp_path), headless_size=(1280, 720))
    app.save_path.parent.mkdir(parents=True, exist_ok=True)
    app.save_path.write_text(DEEP, encoding="utf-8")
    app = App(make_options(tmp_path), headless_size=(1280, 720))
    title = app.screen
    assert isinstance(title, TitleScreen)
    assert app.lang == "id"  # the window speaks Indonesian first, and so does the reason
    assert title.press("continue") is title
    app.render()
    said = [t.text for t in app.toasts]
    assert any("rusak (bersarang terlalu dalam)" in t for t in said), said
    app.set_language("en")
    assert title.press("continue") is title
    said = [t.text for t in app.toasts]
    assert any("damaged (nested too deeply)" in t for t in said), said


def test_deep_settings_fall_back_to_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(DEEP, encoding="utf-8")
    assert Settings.load(tmp_path) == Settings()


def test_a_deep_result_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hasil.json"
    path.write_text(DEEP, encoding="utf-8")
    with pytest.raises(ResultError, match=r"nested too deeply \(line 1\)"):
        read_result(path)


def test_a_deep_plan_is_refused_with_its_line(tmp_path: Path) -> None:
    scenario = load_scenario(EXAMPLE).scenario
    plan = tmp_path / "rencana.toml"
    plan.write_text("# rencana\n\nplan = " + DEEP + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_plan(plan, scenario)
    text = str(info.value)
    assert "\n" not in text and "nested too deeply" in text and "rencana.toml:3" in text


def test_a_plan_over_5_mb_is_called_a_plan(tmp_path: Path) -> None:
    scenario = load_scenario(EXAMPLE).scenario
    plan = tmp_path / "rencana.toml"
    plan.write_text("plan = []\n#" + "x" * 5_100_000 + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_plan(plan, scenario)
    assert "too large for a plan" in str(info.value)
    assert "rencana" in info.value.problems[0].format("id")

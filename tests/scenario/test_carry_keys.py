"""The carry-over keys refused where they cannot work: one clear line naming the place."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.errors import ScenarioError
from game.i18n import say
from game.scenario import load_scenario
from tests.files import EXAMPLE


def _problems(tmp_path: Path, old: str, new: str) -> list[str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    return [say(p, "en") for p in info.value.problems] + [say(p, "id") for p in info.value.problems]


def test_outlives_cancel_on_a_choice_effect_is_refused(tmp_path: Path) -> None:
    lines = _problems(
        tmp_path,
        "[[events.choices.effects]]      # same keys as policy effects; delay counts from the choice\n",
        "[[events.choices.effects]]\noutlives_cancel = true\n",
    )
    assert len(lines) == 2
    en, id_ = lines
    assert en.endswith(
        "events[0].choices[0].effects[0].outlives_cancel: outlives_cancel is for a policy's "
        "effects only; an event choice's effects always run their course"
    )
    assert "outlives_cancel hanya untuk dampak kebijakan" in id_
    assert en.split(":")[1].isdigit()  # FILE:LINE: the line is named


def test_arrears_without_a_budget_is_refused(tmp_path: Path) -> None:
    lines = _problems(tmp_path, 'budget = "budget"', "arrears = { stall = 0.5 }")
    assert any(
        line.endswith(
            'arrears: [arrears] needs a budget: name the metric costs and upkeep are paid from with budget = "..."'
        )
        for line in lines
    )


def test_a_stall_that_breaks_the_language_is_refused(tmp_path: Path) -> None:
    lines = _problems(
        tmp_path, 'budget = "budget"', 'budget = "budget"\narrears = { stall = "arears * 2" }'
    )
    assert len(lines) == 2
    assert "arrears.stall:" in lines[0] and "'arears'" in lines[0] and "arrears" in lines[0]


def test_arrears_names_are_reserved(tmp_path: Path) -> None:
    lines = _problems(tmp_path, "[metrics.backlog]", "[metrics.arrears]")
    assert any("metrics.arrears: 'arrears' is a reserved word" in line for line in lines)

"""The short form grades play sensibly (issue 13, part 5): in a 45-minute class, skilled play
earns "Baik" (Good), doing nothing or playing at random does not, and "Istimewa" stays rare,
on every seed 1-30. A goal whose bar differs in the short form says so in its label."""

from __future__ import annotations

import ast
from collections.abc import Iterator

import pytest

from game.scenario.expressions import parse
from game.scenario.format_model import Scenario
from tests.engine.lessons import SEEDS, bot_games, grade_name, scenario

SHIPPED = ("dukcapil", "dpmptsp", "basarnas")
GOOD_OR_BETTER = {"Baik", "Istimewa"}


def grades(name: str, bot: str) -> list[str]:
    """The grade (its Indonesian name) the bot earns in the short form on seeds 1-30."""
    return [grade_name(game) for game in bot_games(name, bot, SEEDS, "short")]


@pytest.mark.parametrize("name", SHIPPED)
def test_skilled_play_earns_good_in_the_short_form(name: str) -> None:
    earned = grades(name, "greedy")
    good = sum(g in GOOD_OR_BETTER for g in earned)
    assert good >= len(SEEDS) * 2 / 3, earned
    # the top grade is not handed out in a year
    assert earned.count("Istimewa") <= len(SEEDS) / 10, earned


@pytest.mark.parametrize("name", SHIPPED)
def test_doing_nothing_never_earns_good_in_the_short_form(name: str) -> None:
    earned = grades(name, "passive")
    assert not set(earned) & GOOD_OR_BETTER, earned


@pytest.mark.parametrize("name", SHIPPED)
def test_random_play_rarely_earns_good_in_the_short_form(name: str) -> None:
    earned = grades(name, "random")
    assert sum(g in GOOD_OR_BETTER for g in earned) <= len(SEEDS) / 10, earned


@pytest.mark.parametrize("name", SHIPPED)
def test_the_short_form_separates_skilled_from_passive_play(name: str) -> None:
    """Not only the grade: on every seed the skilled game outscores doing nothing by a margin
    a class can see."""
    greedy = bot_games(name, "greedy", SEEDS, "short")
    passive = bot_games(name, "passive", SEEDS, "short")
    for seed, g, p in zip(SEEDS, greedy, passive, strict=True):
        assert g.outcome is not None and p.outcome is not None
        assert g.outcome.score >= p.outcome.score + 5, seed


def reads(expression: str | float | bool, s: Scenario, seen: frozenset[str] = frozenset()) -> bool:
    """Whether an expression reads ``turns``, itself or through the derived values it reads."""
    if not isinstance(expression, str):
        return False
    names = {n.id for n in ast.walk(parse(expression)) if isinstance(n, ast.Name)}
    if "turns" in names:
        return True
    return any(reads(s.derived[n].formula, s, seen | {n}) for n in names - seen if n in s.derived)


def form_dependent_goals(s: Scenario) -> Iterator[tuple[str, dict[str, str] | str]]:
    for goal in s.scoring.goals:
        if reads(goal.condition, s):
            yield goal.id, goal.label


@pytest.mark.parametrize("name", SHIPPED)
def test_a_goal_with_a_short_form_bar_says_so(name: str) -> None:
    s = scenario(name).scenario
    found = list(form_dependent_goals(s))
    assert found, "the short form's goals are the tool that makes it grade sensibly"
    for goal_id, label in found:
        assert isinstance(label, dict), goal_id
        assert "versi pendek" in label["id"], goal_id
        assert "short form" in label["en"], goal_id


@pytest.mark.parametrize("name", SHIPPED)
def test_the_short_forms_scoring_terms_vanish_in_the_full_game(name: str) -> None:
    """What the short form adds to the score (the year's progress) is zero in the full game,
    so the full game scores exactly as before."""
    for game in bot_games(name, "random", range(1, 11), "full"):
        for value in game.history_of("year_gain"):
            assert value == 0
    short = bot_games(name, "random", range(1, 11), "short")
    assert any(game.value("year_gain") != 0 for game in short)

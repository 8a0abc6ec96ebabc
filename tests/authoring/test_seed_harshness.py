"""`agen balance` says how harsh each seed is (issue 10, point 11)."""

from __future__ import annotations

from rich.console import Console

from game.authoring.balance_render import render_seeds
from game.authoring.harshness import harshness, seed_profile, shocks
from game.scenario import load_scenario
from tests.files import SCENARIOS


def test_a_shock_is_an_event_every_answer_of_which_harms() -> None:
    loaded = load_scenario(SCENARIOS / "dukcapil.toml")
    found = shocks(loaded)
    assert {"school_surge", "siak_outage", "budget_cut"} <= found
    # an opportunity, and an event with a good answer, are not shocks
    assert "innovation_contest" not in found and "fee_hoax" not in found


def test_the_old_class_seed_is_reported_crowded_and_the_new_one_fair() -> None:
    loaded = load_scenario(SCENARIOS / "dukcapil.toml")
    old = seed_profile(loaded, 2026)
    assert old["crowded_turns"]["2"] == ["school_surge", "siak_outage"]
    report = harshness(loaded, 1, count=10)
    assert report["default"]["seed"] == loaded.scenario.seed
    assert report["default_fair"] and loaded.scenario.seed in report["fair_seeds"]
    assert report["checked"] == 11
    ranks = [p["seed"] for p in report["harshest"]]
    assert len(ranks) == 5 and loaded.scenario.seed not in ranks[:1]


def test_every_shipped_class_seed_is_fair() -> None:
    for path in sorted(SCENARIOS.glob("*.toml")):
        report = harshness(load_scenario(path), 1, count=5)
        assert report["default_fair"], (path.name, report["default"])


def test_the_report_prints_the_class_seed_and_the_harshest() -> None:
    loaded = load_scenario(SCENARIOS / "dukcapil.toml")
    console = Console(record=True, width=140)
    render_seeds(harshness(loaded, 2020, count=8), console)
    text = console.export_text()
    assert "Class seed" in text and "2020" in text and "fair" in text
    assert "Harshest seeds" in text

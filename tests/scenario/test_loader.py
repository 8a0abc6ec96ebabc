"""Loading scenarios: the format's example loads; each way of breaking it gives one located line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.errors import ScenarioError
from game.scenario import load_scenario
from tests.files import EXAMPLE


def test_format_example_loads_without_warnings() -> None:
    loaded = load_scenario(EXAMPLE)
    assert loaded.warnings == ()
    s = loaded.scenario
    assert s.id == "dukcapil-sukamaju"
    assert [p.id for p in s.policies] == [
        "output_skp",
        "hybrid_work",
        "full_wfa",
        "online_services",
        "citizen_assist",
    ]
    assert s.events[0].turns == (2, 8)
    assert s.expect[0].assert_ == "public_trust >= 40"
    assert len(loaded.sha256) == 64


def _break(tmp_path: Path, text: str, old: str, new: str, count: int = 1) -> tuple[list[str], int]:
    assert old in text, old
    broken = text.replace(old, new, count)
    changed_line = next(
        i + 1 for i, (a, b) in enumerate(zip(text.splitlines(), broken.splitlines())) if a != b
    )
    path = tmp_path / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    return [p.format() for p in info.value.problems], changed_line


CASES = [
    # (old, new, expected fragment)
    (
        'metric = "public_trust"\ndelta = 1',
        'metric = "trust"\ndelta = 1',
        "no metric 'trust' (did you mean 'public_trust'?)",
    ),
    ("cost = 25  ", "cots = 25  ", "unknown key 'cots' (did you mean 'cost'?)"),
    ("delay = 2\n", 'delay = "two"\n', "expected a whole number"),
    ("start = 600", "start = 60000", "outside min..max"),
    (
        'requires = ["output_skp"]',
        'requires = ["output_sk"]',
        "no policy 'output_sk' (did you mean 'output_skp'?)",
    ),
    (
        'category = "flexible_work"      #',
        'category = "flexible_wrk"      #',
        "did you mean 'flexible_work'",
    ),
    ('when = "digital < 2.6"', "when = \"__import__('os').system('x')\"", "attribute access"),
    ('when = "digital < 2.6"', 'when = "digital.real < 2.6"', "attribute access"),
    (
        'when = "digital < 2.6"',
        'when = "digitl < 2.6"',
        "unknown name 'digitl' (did you mean 'digital'?)",
    ),
    ('when = "digital < 2.6"', 'when = "digital ** 10 ** 10 > 1"', "exponent too large"),
    ('when = "digital < 2.6"', 'when = "(lambda: 1)()"', "not allowed"),
    ('when = "digital < 2.6"', 'when = "[1][0]"', "not allowed"),
    ("turns = [2, 8]", "turns = [2, 12]", "after the last turn"),
    ('id = "deny"', 'id = "apologise"', "used twice"),
    ('values = ["adaptif"]\n', 'values = ["adaptive"]\n', "did you mean 'adaptif'"),
    ("format = 1 ", "format = 2 ", "must be 1"),
    ('id = "dukcapil-sukamaju"', 'id = "Dukcapil Sukamaju"', "may use only lowercase"),
    (
        'plan = [{ turn = 1, adopt = ["online_services"] }',
        'plan = [{ turn = 1, adopt = ["online_service"] }',
        "no policy 'online_service'",
    ),
    ('chance = "0.10', 'chance = "0.10 + *', "not a valid expression"),
]


@pytest.mark.parametrize(("old", "new", "fragment"), CASES)
def test_each_break_is_one_located_line(
    tmp_path: Path, example_text: str, old: str, new: str, fragment: str
) -> None:
    lines, changed = _break(tmp_path, example_text, old, new)
    assert len(lines) == 1, lines
    assert fragment in lines[0]
    assert lines[0].startswith(f"{tmp_path / 'broken.toml'}:{changed}: "), (lines[0], changed)


def test_key_path_is_named(tmp_path: Path, example_text: str) -> None:
    lines, _ = _break(
        tmp_path, example_text, 'metric = "public_trust"\ndelta = 1', 'metric = "trust"\ndelta = 1'
    )
    assert ": policies[4].effects[0].metric: " in lines[0]


def test_requires_cycle_is_refused(tmp_path: Path, example_text: str) -> None:
    text = example_text.replace(
        'cost = 15\nvalues = ["akuntabel", "kompeten"]',
        'cost = 15\nrequires = ["hybrid_work"]\nvalues = ["akuntabel", "kompeten"]',
    )
    path = tmp_path / "cycle.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert any("cycle" in p.message for p in info.value.problems)


def test_invalid_toml_names_the_line(tmp_path: Path, example_text: str) -> None:
    lines = example_text.splitlines()
    lines[30] = "label = { id = 'x' "
    path = tmp_path / "bad.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    (problem,) = info.value.problems
    assert problem.line == 31
    assert "not valid TOML" in problem.message


def test_missing_budget_when_costs_exist(tmp_path: Path, example_text: str) -> None:
    lines, _ = _break(tmp_path, example_text, 'budget = "budget"', "# no budget")
    assert len(lines) == 1 and "'budget' must name" in lines[0]


def test_derived_cannot_be_changed(tmp_path: Path, example_text: str) -> None:
    lines, _ = _break(
        tmp_path,
        example_text,
        'metric = "public_trust"\ndelta = 1',
        'metric = "processing_days"\ndelta = 1',
    )
    assert "derived value" in lines[0]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path / "nope.toml")
    assert "file not found" in str(info.value)
    with pytest.raises(ScenarioError):
        load_scenario(tmp_path)


def test_warnings_missing_translation_and_unmoved_metric(tmp_path: Path, example_text: str) -> None:
    text = example_text.replace(
        'label = { id = "Semangat pegawai", en = "Staff morale" }',
        'label = { id = "Semangat pegawai" }',
    )
    text = text.replace(
        "[metrics.budget]",
        '[metrics.idle]\nlabel = "Idle"\nstart = 1\nmin = 0\nmax = 2\n\n[metrics.budget]',
    )
    path = tmp_path / "warn.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_scenario(path)
    messages = [w.format() for w in loaded.warnings]
    assert any(
        "missing translation: en" in m and "metrics.staff_morale.label" in m for m in messages
    )
    assert any("nothing changes metric 'idle'" in m for m in messages)
    assert all(": warning: " in m for m in messages)


def test_unaffordable_policy_warning(tmp_path: Path, example_text: str) -> None:
    text = example_text.replace("cost = 300\n", "cost = 30000\n")
    path = tmp_path / "dear.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_scenario(path)
    assert any(
        "nobody can ever afford policy 'online_services'" in w.message for w in loaded.warnings
    )


def test_minimal_scenario_without_optional_parts(tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_text(
        'format = 1\nid = "mini"\nversion = "0.1"\nlanguages = ["en"]\nturns = 3\nactions_per_turn = 1\n'
        'title = "Mini"\nbriefing = "Short."\n[metrics.q]\nlabel = "Q"\nstart = 5\nmin = 0\nmax = 10\n'
        'drift = { toward = 7, rate = 0.5 }\n[scoring]\nformula = "q"\n',
        encoding="utf-8",
    )
    loaded = load_scenario(path)
    assert loaded.scenario.policies == ()
    assert loaded.warnings == ()

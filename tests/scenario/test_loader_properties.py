"""Property tests of the loader: any edit of a valid file loads or is refused cleanly."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.errors import ScenarioError
from game.scenario import load_plan, load_scenario
from tests.files import EXAMPLE

TEXT = EXAMPLE.read_text(encoding="utf-8")
LINES = TEXT.splitlines()
JUNK = st.sampled_from(
    [
        "",
        "x = 1",
        "[metrics.extra]",
        "[[policies]]",
        "delta = \"__import__('os')\"",
        "delay = -1",
        "chance = 2",
        'metric = "nope"',
        "turns = [9, 2]",
        "start = 1e999",
        "= 3",
        "[[events.choices]]",
        'requires = ["full_wfa"]',
        "ramp = 0",
        'when = "turn >"',
        "min = 200",
        '"""',
        "label = 5",
    ]
)


def _check(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.toml"
        path.write_text(text, encoding="utf-8")
        try:
            loaded = load_scenario(path)
        except ScenarioError as exc:
            assert exc.problems
            n = text.count("\n") + 1
            for p in exc.problems:
                assert 0 <= p.line <= n
                line = p.format()
                assert line.startswith(str(path)) and "\n" not in line
            return
        assert loaded.scenario.id


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(LINES) - 1), JUNK)
def test_replacing_a_line_never_crashes(index: int, junk: str) -> None:
    lines = list(LINES)
    lines[index] = junk
    _check("\n".join(lines))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(LINES) - 1), st.integers(1, 6))
def test_deleting_lines_never_crashes(index: int, count: int) -> None:
    lines = list(LINES)
    del lines[index : index + count]
    _check("\n".join(lines))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_crashes(text: str) -> None:
    _check(text)


def test_the_plan_example_of_the_format_loads(tmp_path: Path) -> None:
    scenario = load_scenario(EXAMPLE).scenario
    path = tmp_path / "plan.toml"
    path.write_text(
        'plan = [{ turn = 1, adopt = ["online_services"] }, { turn = 2, adopt = ["citizen_assist"] },\n'
        '        { turn = 3, cancel = ["online_services"], choose = { viral_complaint = "deny" } }]\n',
        encoding="utf-8",
    )
    steps = load_plan(path, scenario)
    assert [s.turn for s in steps] == [1, 2, 3]
    assert steps[2].choose == {"viral_complaint": "deny"}

"""A metric's start and limits must be finite numbers: nan and inf are refused by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.errors import ScenarioError
from game.scenario import load_scenario


@pytest.mark.parametrize("key", ["start", "min", "max"])
@pytest.mark.parametrize("bad", ["nan", "inf", "-inf"])
def test_non_finite_limits_are_refused(
    example_text: str, tmp_path: Path, key: str, bad: str
) -> None:
    text = re.sub(
        r"(\[metrics\.service_quality\][^\[]*?\n" + key + r" = )[^\n]+",
        r"\g<1>" + bad,
        example_text,
        count=1,
    )
    assert text != example_text
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    first = info.value.problems[0]
    assert first.path == f"metrics.service_quality.{key}"
    assert "must be finite" in first.format() and "terhingga" in first.format("id")

"""``[short_form.events]``: events timed anew for the short form, checked when the file loads
and played only in the short form."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import BOTS, Game, play_bot
from game.errors import ScenarioError
from game.scenario import load_scenario
from game.scenario.forms import NotOffered, played_as
from game.scenario.reflection_keys import is_short, with_turns
from tests.files import EXAMPLE

# the example's viral complaint may fire in turns 2-8; the short form brings it to turn 3
SHORT = "\n[short_form]\nturns = 4\n\n[short_form.events.viral_complaint]\nat = 3\n"


def _file(tmp_path: Path, tail: str) -> Path:
    """The canonical example with ``tail`` appended."""
    path = tmp_path / "s.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + tail, encoding="utf-8")
    return path


def test_events_timed_anew_in_the_short_form_only(tmp_path: Path) -> None:
    loaded = load_scenario(_file(tmp_path, SHORT))
    full = loaded.compiled
    short = played_as(loaded, 4)
    index = full.event_index["viral_complaint"]
    assert (full.events[index].first, full.events[index].last) == (2, 8)
    assert (short.compiled.events[index].first, short.compiled.events[index].last) == (3, 3)
    assert short.scenario.turns == 4 and is_short(short.scenario) and not is_short(loaded.scenario)
    assert with_turns(full, 4) is short.compiled  # compiled once, then kept
    assert played_as(loaded, 8) is loaded and played_as(loaded, None) is loaded
    for seed in range(1, 40):
        game = play_bot(Game(short.compiled, seed), BOTS["random"], seed)
        assert all(turn == 3 for turn, e in game.fired_log if e == "viral_complaint"), seed
    with pytest.raises(NotOffered) as info:
        played_as(loaded, 5)
    assert info.value.offered == (4, 8)


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (
            "\n[short_form]\nturns = 4\n\n[short_form.events.viral_complain]\nat = 3\n",
            "short_form.events.viral_complain: no event 'viral_complain' (did you mean "
            "'viral_complaint'?)",
        ),
        (
            "\n[short_form]\nturns = 4\n\n[short_form.events.viral_complaint]\nturns = [3, 6]\n",
            "short_form.events.viral_complaint.turns: turn 6 is after the last turn (4)",
        ),
        (
            "\n[short_form]\nturns = 4\n\n[short_form.events.viral_complaint]\nchance = 1\n",
            "unknown key 'chance'",
        ),
        (
            "\n[short_form]\nturns = 4\n\n[short_form.events.viral_complaint]\n",
            "give either turns = [first, last] or at = N",
        ),
    ],
)
def test_a_bad_retiming_is_refused_with_its_line(tmp_path: Path, tail: str, expected: str) -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario(_file(tmp_path, tail))
    message = str(info.value)
    assert expected in message, message
    assert f"{tmp_path / 's.toml'}:" in message

"""``agen play --quarters`` and ``--predict``: refused input is one line, before any window."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from game.cli import app, register_commands

DUKCAPIL = Path(__file__).parents[2] / "scenarios" / "dukcapil.toml"


def test_a_short_form_the_scenario_lacks_is_refused() -> None:
    register_commands()
    result = CliRunner().invoke(app, ["play", str(DUKCAPIL), "--quarters", "5"])
    assert result.exit_code == 1
    assert "5 turns is not offered by 'dukcapil' (it offers 4, 8)" in result.output
    assert "Traceback" not in result.output


def test_predict_takes_all_off_or_a_number() -> None:
    register_commands()
    result = CliRunner().invoke(app, ["play", str(DUKCAPIL), "--predict", "maybe"])
    assert result.exit_code == 2 and "use all, off or a number" in result.output

"""The command line's small answers: help that reads right, one clear line for bad options."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from game import cli

cli.register_commands()
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_help_shows_expect_blocks_and_flags_as_flags() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "[[expect]]" in out
    code, out, _ = run("simulate", "--help")
    assert code == 0 and "--json" in out and "<bool>" not in out


def test_an_unknown_language_is_refused() -> None:
    code, _, err = run("simulate", "tutorial", "--bot", "passive", "--lang", "xx")
    assert code == 2 and "xx" in err and "id" in err and "en" in err
    assert len(err.strip().splitlines()) == 1


def test_a_shipped_scenario_is_found_by_id_from_anywhere(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    code, _, err = run("simulate", "tutorial", "--bot", "passive")
    assert code == 0, err
    code, _, err = run("simulate", "nope", "--bot", "passive")
    assert code == 1 and "tutorial" in err and "dukcapil" in err


def test_result_out_prints_the_path_it_wrote(tmp_path: Path) -> None:
    code, out, err = run(
        "simulate", "tutorial", "--bot", "passive", "--result-out", str(tmp_path / "r")
    )
    assert code == 0, err
    written = list((tmp_path / "r").glob("*.json"))
    assert len(written) == 1 and str(written[0]) in out + err


def test_bad_player_and_seed_blame_the_option_not_the_scenario(tmp_path: Path) -> None:
    out_dir = str(tmp_path / "r")
    code, _, err = run(
        "simulate", "tutorial", "--bot", "passive", "--player", " ", "--result-out", out_dir
    )
    assert code == 2 and "--player" in err and "tutorial.toml" not in err
    code, _, err = run("simulate", "tutorial", "--bot", "passive", "--seed", "1e23")
    assert code == 2 and "--seed" in err
    code, _, err = run(
        "simulate", "tutorial", "--bot", "passive", "--seed", str(2**70), "--result-out", out_dir
    )
    assert code == 2 and "--seed" in err and "tutorial.toml" not in err

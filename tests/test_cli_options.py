"""A wrong option value is one line naming the command and the option: no box, no usage
block, no pydantic wording, and nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.files import ROOT


def agen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("simulate", "dukcapil", "--bot", "greedy", "--seed", "1e23"),
            "agen simulate: --seed: bukan bilangan bulat / not a whole number",
        ),
        (
            ("simulate", "dukcapil", "--bot", "greedy", "--bot-seed", "x"),
            "agen simulate: --bot-seed: bukan bilangan bulat / not a whole number",
        ),
        (
            ("balance", "dukcapil", "--runs", "0"),
            "agen balance: --runs: paling sedikit 1 / at least 1",
        ),
        (("results", "report", "--out", "x"), "agen results report: Missing option '--cohort'."),
    ],
)
def test_one_line_naming_the_option(args: tuple[str, ...], line: str, tmp_path: Path) -> None:
    out = tmp_path / "r"
    done = agen(*args, "--result-out", str(out)) if args[0] == "simulate" else agen(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(line), done.stderr
    assert "╭" not in done.stderr and "Input should" not in done.stderr
    assert not out.exists()


def test_an_empty_player_name_names_the_option(tmp_path: Path) -> None:
    out = tmp_path / "r"
    done = agen("simulate", "dukcapil", "--bot", "greedy", "--player", "", "--result-out", str(out))
    assert (done.returncode, done.stderr) == (
        2,
        "agen simulate: --player: nama kosong / empty name\n",
    )
    assert not out.exists()

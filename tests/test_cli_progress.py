"""The progress line of the long commands: on stderr, in both languages, only for a person
watching a terminal (or with AGEN_PROGRESS=1), and never in the way of ``--json``."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from game import cli
from game.cli.progress import ProgressLine
from tests.files import EXAMPLE, ROOT

cli.register_commands()
runner = CliRunner()


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_the_line_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGEN_PROGRESS", raising=False)
    screen = Terminal()
    with ProgressLine(screen) as line:
        step = line.task("progress.replay", 3)
        for _ in range(3):
            step()
    shown = screen.getvalue()
    assert "memutar ulang hasil / replaying the results" in shown
    assert "3/3" in shown


def test_a_pipe_gets_nothing_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AGEN_PROGRESS", raising=False)
    pipe = io.StringIO()
    with ProgressLine(pipe) as line:
        line.task("progress.replay", 2)(2)
    assert pipe.getvalue() == ""
    monkeypatch.setenv("AGEN_PROGRESS", "1")
    with ProgressLine(pipe) as line:
        line.task("progress.replay", 2)(2)
    assert "replaying the results" in pipe.getvalue()
    monkeypatch.setenv("AGEN_PROGRESS", "0")
    screen = Terminal()
    with ProgressLine(screen) as line:
        line.task("progress.replay", 2)(2)
    assert screen.getvalue() == ""


def test_balance_json_stays_json_with_the_line_on_a_real_terminal() -> None:
    """stderr is a pseudo-terminal, stdout a pipe: the line is drawn, stdout is pure JSON."""
    parent, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "AGEN_PROGRESS"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "game",
            "balance",
            str(EXAMPLE),
            *("--runs", "60", "--jobs", "1"),
            "--json",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=child,
        env=env,
    )
    os.close(child)
    err = b""
    while True:
        try:
            chunk = os.read(parent, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        err += chunk
    out, _ = proc.communicate(timeout=300)
    os.close(parent)
    assert proc.returncode == 0, err.decode(errors="replace")
    report = json.loads(out)
    assert report["games"] == 60
    assert "permainan bot / bot games" in err.decode("utf-8", errors="replace")


def test_lint_shows_the_line_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGEN_PROGRESS", "1")
    result = runner.invoke(cli.app, ["lint", str(EXAMPLE), "--runs", "40", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    assert "permainan bot / bot games" in result.stderr
    assert "permainan bot" not in result.stdout


def test_shots_counts_the_screens_it_saves(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AGEN_PROGRESS", "1")
    result = runner.invoke(cli.app, ["shots", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    saved = len(list(tmp_path.glob("*.png")))
    assert result.stdout.strip().splitlines() == [f"{saved} PNG -> {tmp_path}", "clipped texts: 0"]
    assert (tmp_path / "clipped.json").is_file()
    assert "layar disimpan / screens saved" in result.stderr
    assert f"{saved}/?" in result.stderr or f" {saved} " in result.stderr


def test_simulate_counts_the_turns_and_keeps_its_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGEN_PROGRESS", "1")
    result = runner.invoke(cli.app, ["simulate", "tutorial", "--bot", "greedy", "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["scenario"] == "tutorial"
    assert "giliran dimainkan / turns played" in result.stderr and "4/4" in result.stderr

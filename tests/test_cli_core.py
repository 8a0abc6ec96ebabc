"""`agen validate` and `agen simulate` as a trainer uses them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.files import EXAMPLE

AGEN = [sys.executable, "-m", "game"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*AGEN, *args], capture_output=True, text=True, timeout=120)


def test_validate_exit_codes(tmp_path: Path) -> None:
    ok = run("validate", str(EXAMPLE))
    assert ok.returncode == 0, ok.stderr
    broken = tmp_path / "b.toml"
    broken.write_text(
        EXAMPLE.read_text().replace(
            'metric = "public_trust"\ndelta = 1', 'metric = "trust"\ndelta = 1'
        )
    )
    bad = run("validate", str(broken))
    assert bad.returncode == 1
    assert "Traceback" not in bad.stdout + bad.stderr
    assert f"{broken}:" in bad.stdout and "did you mean 'public_trust'" in bad.stdout
    assert run("validate").returncode == 2
    assert run("validate", str(tmp_path / "empty_dir_none")).returncode == 1


def test_simulate_is_deterministic_and_explains(tmp_path: Path) -> None:
    a = run("simulate", str(EXAMPLE), "--bot", "random", "--seed", "5")
    b = run("simulate", str(EXAMPLE), "--bot", "random", "--seed", "5")
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout
    assert "score" in a.stdout
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'plan = [{ turn = 1, adopt = ["online_services"] }, { turn = 2, adopt = ["citizen_assist"] }]\n'
    )
    c = run("simulate", str(EXAMPLE), "--plan", str(plan), "--json")
    assert c.returncode == 0, c.stderr
    report = json.loads(c.stdout)
    assert report["turns"][0]["decisions"] == [{"turn": 1, "adopt": "online_services"}]
    capacity = report["turns"][0]["metrics"]["capacity"]
    assert capacity["change"] == -500
    assert capacity["causes"][0]["source"] == "online_services"
    assert c.stdout == run("simulate", str(EXAMPLE), "--plan", str(plan), "--json").stdout


def test_simulate_refused_plan_is_one_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('plan = [{ turn = 1, adopt = ["citizen_assist"] }]\n')
    r = run("simulate", str(EXAMPLE), "--plan", str(plan))
    assert r.returncode == 1
    assert (
        r.stderr.strip().count("\n") == 0 and "turn 1" in r.stderr and "Traceback" not in r.stderr
    )
    plan.write_text('plan = [{ turn = 1, adopt = ["citizen_asist"] }]\n')
    r = run("simulate", str(EXAMPLE), "--plan", str(plan))
    assert (
        r.returncode == 1 and f"{plan}:1: plan[0].adopt[0]: no policy 'citizen_asist'" in r.stderr
    )


def test_a_refused_plan_step_names_its_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(
        "plan = [\n"
        '  { turn = 1, adopt = ["online_services"] },\n'
        '  { turn = 2, adopt = ["online_services"] },\n'
        "]\n"
    )
    twice = run("simulate", str(EXAMPLE), "--plan", str(plan))
    assert twice.returncode == 1 and "Traceback" not in twice.stderr
    assert twice.stderr.strip().startswith(f"{plan}:3: plan[1].adopt[0]: turn 2: adopt ")
    assert "is already in force" in twice.stderr
    plan.write_text(
        '[[plan]]\nturn = 1\nadopt = ["online_services"]\n\n'
        '[[plan]]\nturn = 2\nadopt = ["citizen_assist"]\ncancel = ["citizen_assist"]\n'
    )
    cancel = run("simulate", str(EXAMPLE), "--plan", str(plan), "--lang", "id")
    assert cancel.returncode == 1
    assert cancel.stderr.strip().startswith(
        f"{plan}:8: plan[1].cancel[0]: giliran 2: batalkan 'citizen_assist': "
    )
    assert "tidak sedang berjalan" in cancel.stderr


def test_simulate_usage_errors() -> None:
    assert run("simulate", str(EXAMPLE)).returncode == 2
    assert run("simulate", str(EXAMPLE), "--bot", "clever").returncode == 2


def test_bot_seed_varies_players_of_one_class() -> None:
    outputs = {
        run(
            "simulate",
            str(EXAMPLE),
            "--bot",
            "random",
            "--seed",
            "9",
            "--bot-seed",
            str(n),
            "--json",
        ).stdout
        for n in range(6)
    }
    assert len(outputs) > 1
    seeds = {json.loads(o)["seed"] for o in outputs}
    assert seeds == {9}

"""Start-up: the title screen's first frame loads only what it draws. The engine, the
scenario models (pydantic), the session and the network client load with the first game or
class, so ``startup_s`` stays near a bare pygame window's (benchmarks/bench_ui.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_BEFORE_THE_TITLE = (
    "pydantic",
    "game.engine.game",
    "game.scenario.format_model",
    "game.session.session",
    "game.results.record",
    "httpx",
)
FIRST_FRAME = """
import json, sys, tempfile
from pathlib import Path
from game.ui.app import App
from game.ui.options import Options
tmp = Path(tempfile.mkdtemp())
app = App(Options(data_dir=tmp / "d", config_dir=tmp / "c"))
app.render()
print(json.dumps([app.screen.name, sorted(sys.modules)]))
"""


def test_the_title_screens_first_frame_loads_no_engine_models_or_network(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "HOME": str(tmp_path),
    }
    proc = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    screen, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    assert screen == "title"
    loaded = [name for name in NOT_BEFORE_THE_TITLE if name in modules]
    assert loaded == [], f"loaded before the title's first frame: {loaded}"
    assert "pygame" in modules and "game.ui.screens.title" in modules  # the check can see

"""UI figures: frame_ms per screen (full redraw at 1280×720, and at 1920×1080 under
``<screen>@1920x1080``, dummy driver), idle_cpu_pct,
startup_s (to the first frame) and bare_pygame_startup_s, each in a subprocess where needed."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ENV = {
    **os.environ,
    "SDL_VIDEODRIVER": "dummy",
    "SDL_AUDIODRIVER": "dummy",
    "PYGAME_HIDE_SUPPORT_PROMPT": "1",
}

FRAMES = """
import json, random, statistics, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {root!r})
import pygame
pygame.display.init(); pygame.display.set_mode((1, 1))
from game.ui.app import App
from game.ui.options import Options
from game.ui import shots
from game.session import Session
from game.scenario import load_scenario
from game.engine import Choose

def frames(size):
    tmp = Path(tempfile.mkdtemp())
    path = shots.pick_scenario().resolve()
    options = Options(scenario=path, data_dir=tmp / "d", config_dir=tmp / "c", results_dir=tmp / "r")
    app = App(options, headless_size=size)
    loaded = load_scenario(path)
    s = Session(path, loaded, shots.PLAYER, "id", loaded.scenario.seed)
    app.session = s
    shots.mid_game(s)
    turn = app.make("turn")
    screens = {{"title": app.make("title"), "player": app.make("player", shots.PLAYER),
               "scenario": app.make("scenario", shots.PLAYER), "turn": turn,
               "policy": app.make("policy", turn, turn.policies()[0].id, 1)}}
    ev = s.game.pending_events()
    if ev:
        screens["event"] = app.make("event", turn, ev[0])
        for e in ev:
            s.game.act(Choose(e, s.game.default_choice(e)))
    t = s.game.turn
    s.game.end_turn()
    screens["report"] = app.make("report", t)
    shots.finish(s)
    screens["debrief"] = app.make("debrief")
    screens["leaderboard"] = app.make("leaderboard", screens["title"])
    out = {{}}
    for name, screen in screens.items():
        app.screen = screen
        app.render()
        times = []
        for _ in range(30):
            a = time.perf_counter(); app.render(); times.append((time.perf_counter() - a) * 1000)
        out[name] = round(statistics.median(times), 3)
    return out

out = frames((1280, 720))
out.update({{f"{{k}}@1920x1080": v for k, v in frames((1920, 1080)).items()}})
print(json.dumps(out))
"""

IDLE = """
import sys, threading, time, tempfile
from pathlib import Path
sys.path.insert(0, {root!r})
import pygame
from game.ui.app import App
from game.ui.options import Options
from game.ui import shots
from game.session import Session
from game.scenario import load_scenario
tmp = Path(tempfile.mkdtemp())
path = shots.pick_scenario().resolve()
app = App(Options(scenario=path, data_dir=tmp / "d", config_dir=tmp / "c", results_dir=tmp / "r"))
loaded = load_scenario(path)
app.session = Session(path, loaded, shots.PLAYER, "id", loaded.scenario.seed)
for e in app.session.game.pending_events():
    app.session.game.act(__import__("game.engine", fromlist=["Choose"]).Choose(e, app.session.game.default_choice(e)))
app.switch(app.make("turn"))
app.render()
pygame.event.clear()
def stop():
    time.sleep(5.0); pygame.event.post(pygame.event.Event(pygame.QUIT))
threading.Thread(target=stop, daemon=True).start()
c0, w0 = time.process_time(), time.perf_counter()
app.run()
print(100 * (time.process_time() - c0) / (time.perf_counter() - w0))
"""

FIRST_FRAME = """
import time; t0 = time.perf_counter()
import sys, tempfile; sys.path.insert(0, {root!r})
from pathlib import Path
from game.ui.app import App
from game.ui.options import Options
tmp = Path(tempfile.mkdtemp())
app = App(Options(data_dir=tmp / "d", config_dir=tmp / "c"))
app.render(); import pygame; pygame.display.flip()
print(time.perf_counter() - t0)
"""

BARE = """
import time; t0 = time.perf_counter()
import pygame
pygame.init(); s = pygame.display.set_mode((1280, 720)); s.fill((0, 0, 0)); pygame.display.flip()
print(time.perf_counter() - t0)
"""


def _run(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        timeout=120,
    )
    if proc.returncode != 0:
        raise RuntimeError(
            proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"
        )
    return proc.stdout.strip().splitlines()[-1]


def _timed(code: str, repeats: int = 5) -> float:
    """Median seconds to first frame, counting the interpreter's start."""
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        _run(code)
        runs.append(time.perf_counter() - t0)
    return round(statistics.median(runs), 3)


def measure() -> dict[str, Any]:
    """The UI figures for benchmarks/run.py."""
    frame_ms: dict[str, float] = json.loads(_run(FRAMES))
    idle = round(float(_run(IDLE)), 2)
    return {
        "frame_ms": frame_ms,
        "idle_cpu_pct": idle,
        "startup_s": _timed(FIRST_FRAME),
        "bare_pygame_startup_s": _timed(BARE),
    }


if __name__ == "__main__":
    print(json.dumps(measure(), indent=2))

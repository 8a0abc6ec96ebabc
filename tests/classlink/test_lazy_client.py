"""The game's link to a class loads the HTTP client (httpx) on first use: the title screen's
first frame never waits for it, and the plain imports stay visible to the layer test."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.files import ROOT

FIRST_FRAME = textwrap.dedent("""
    import os, sys, tempfile
    from pathlib import Path
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    import pygame
    from game.ui.app import App
    from tests.ui.driving import SIZE, make_options
    pygame.display.init(); pygame.display.set_mode((1, 1))
    app = App(make_options(Path(tempfile.mkdtemp())), headless_size=SIZE)
    app.render()
    print(type(app.screen).__name__, "httpx" in sys.modules)
    from game import classlink
    classlink.ClassClient  # the package's lazy name loads it now
    print("httpx" in sys.modules)
""")


def test_the_title_screen_is_drawn_without_loading_httpx() -> None:
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-3:] == ["TitleScreen", "False", "True"]

"""Dependencies point one way: the core packages work with pygame blocked."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "pygame" or name.startswith("pygame.") or name.startswith("pygame_gui"):
            raise ImportError("pygame is blocked in this test")
        return None
sys.meta_path.insert(0, Block())
import importlib, pkgutil, game
for pkg in ("game.scenario", "game.engine", "game.results", "game.authoring"):
    module = importlib.import_module(pkg)
    for info in pkgutil.walk_packages(module.__path__, pkg + "."):
        importlib.import_module(info.name)
print("ok")
"""


def test_core_packages_import_without_pygame() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"

"""Each class's scenario, loaded once per server process from the bytes the store keeps
(every process plays exactly the file the facilitator started the class with). The loader
reads files, so the bytes are written to a temporary folder, removed when the process ends.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from game.scenario import LoadedScenario, load_scenario


class ScenarioCache:
    """The scenarios this process has loaded, by SHA-256 of their file."""

    def __init__(self) -> None:
        self._loaded: dict[str, LoadedScenario] = {}

    def keep(self, loaded: LoadedScenario) -> None:
        """Remember a scenario already loaded (the one a class was just created with)."""
        self._loaded[loaded.sha256] = loaded

    def get(self, sha256: str, name: str, read: Callable[[], bytes]) -> LoadedScenario:
        """The scenario of this SHA-256; on first use written as ``name`` from ``read()``
        into a temporary folder and loaded."""
        found = self._loaded.get(sha256)
        if found is None:
            folder = Path(tempfile.mkdtemp(prefix="agen-class-"))
            atexit.register(shutil.rmtree, folder, True)
            path = folder / name
            path.write_bytes(read())
            found = load_scenario(path)
            self._loaded[sha256] = found
        return found

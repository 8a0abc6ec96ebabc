"""The player's saved settings (language, results folder, class address) and where files live.

Settings are a small JSON file in the platform's user config folder; saves and results
go to the user data folder unless the settings or the command line name another.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.atomic import write_text_atomic
from game.i18n import DEFAULT_LANGUAGE, LANGUAGES
from game.paths import settings_path


@dataclass
class Settings:
    """What the player chose last time."""

    language: str = DEFAULT_LANGUAGE
    results_dir: str | None = None
    class_address: str | None = None  # the class server last joined (class mode)

    @staticmethod
    def load(config_dir: Path | None = None) -> Settings:
        """Read the settings file; a missing or unreadable file gives the defaults."""
        path = settings_path(config_dir)
        try:
            data: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # damaged: the defaults, as if missing
            return Settings()
        if not isinstance(data, dict):
            return Settings()
        lang = data.get("language")
        folder = data.get("results_dir")
        address = data.get("class_address")
        return Settings(
            language=lang if lang in LANGUAGES else DEFAULT_LANGUAGE,
            results_dir=folder if isinstance(folder, str) and folder else None,
            class_address=address if isinstance(address, str) and 0 < len(address) < 300 else None,
        )

    def save(self, config_dir: Path | None = None) -> None:
        """Write the settings file (quietly gives up on a read-only disk)."""
        path = settings_path(config_dir)
        data = {
            "language": self.language,
            "results_dir": self.results_dir,
            "class_address": self.class_address,
        }
        try:
            write_text_atomic(path, json.dumps(data, indent=2))
        except OSError:
            pass

"""Where files live: the one place for the application's name and every folder.

- The project's data folders (``assets``, ``scenarios``): beside the package in a checkout or
  an editable install, else under ``<prefix>/share/agen-perubahan`` where ``pip install .``
  puts them.
- The user's folders: data (autosaves, results, the local results store) and config (the
  settings file), in the platform's usual places unless the command line names others.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "agen-perubahan"
_CHECKOUT = Path(__file__).resolve().parent.parent


def data_folder(name: str) -> Path:
    """The ``assets`` or ``scenarios`` folder, wherever this installation keeps it."""
    beside = _CHECKOUT / name
    if beside.is_dir():
        return beside
    for prefix in (sys.prefix, sys.base_prefix):
        shared = Path(prefix) / "share" / APP_NAME / name
        if shared.is_dir():
            return shared
    return beside


ASSETS = data_folder("assets")
SCENARIOS = data_folder("scenarios")


# -- the user's folders ---------------------------------------------------------------------


def user_data_dir() -> Path:
    """Where autosaves, result files and the local results store live by default."""
    return Path(platformdirs.user_data_dir(APP_NAME))


def user_config_dir() -> Path:
    """Where the settings file lives by default."""
    return Path(platformdirs.user_config_dir(APP_NAME))


def user_documents_dir() -> Path:
    """The user's documents folder (where a written document is offered to go)."""
    return Path(platformdirs.user_documents_dir())


def results_dir(data_dir: Path | None = None) -> Path:
    """Where the game writes finished games' result files."""
    return (data_dir or user_data_dir()) / "results"


def store_path(data_dir: Path | None = None) -> Path:
    """The local SQLite results store (the leaderboard, ``agen results`` without --db)."""
    return (data_dir or user_data_dir()) / "results.sqlite"


def autosave_path(data_dir: Path | None = None, playtest: bool = False) -> Path:
    """The autosave of the game in progress (a play-test keeps its own)."""
    name = "playtest-autosave.json" if playtest else "autosave.json"
    return (data_dir or user_data_dir()) / name


def settings_path(config_dir: Path | None = None) -> Path:
    """The player's settings file."""
    return (config_dir or user_config_dir()) / "settings.json"

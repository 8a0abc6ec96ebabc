"""Where the project's data folders are: beside the package in a checkout or an editable
install, else under ``<prefix>/share/agen-perubahan`` where ``pip install .`` puts them."""

from __future__ import annotations

import sys
from pathlib import Path

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

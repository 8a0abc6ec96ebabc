"""The class server's API is a contract: its OpenAPI document is committed
(``tests/classroom/openapi.json``), so a changed endpoint is a visible change in review.

After a deliberate change of the API, write the document anew and commit it:
``AGEN_WRITE_OPENAPI=1 pytest tests/classroom/test_openapi.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from game.classroom.server_app import create_app

CONTRACT = Path(__file__).resolve().parent / "openapi.json"


def current(tmp: Path) -> dict[str, Any]:
    """The app's OpenAPI document, without the version (it changes with every release)."""
    document: dict[str, Any] = create_app(str(tmp / "contract.sqlite")).openapi()
    document["info"].pop("version", None)
    read_back: dict[str, Any] = json.loads(json.dumps(document))  # as read back from the file
    return read_back


def test_the_api_is_the_committed_contract(tmp_path: Path) -> None:
    document = current(tmp_path)
    if os.environ.get("AGEN_WRITE_OPENAPI"):
        text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
        CONTRACT.write_text(text + "\n", encoding="utf-8")
    committed = json.loads(CONTRACT.read_text(encoding="utf-8"))
    changed = sorted(
        set(committed["paths"]).symmetric_difference(document["paths"])
        | {p for p in committed["paths"] if document["paths"].get(p) != committed["paths"][p]}
    )
    assert not changed, f"endpoints changed (see the module's docstring): {changed}"
    assert document == committed


def test_every_endpoint_says_what_it_answers(tmp_path: Path) -> None:
    """Each operation has a summary and names its success answer."""
    for path, operations in current(tmp_path)["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method.upper()} {path}"
            assert any(code.startswith("2") for code in operation["responses"]), path

"""``agen results aksi RESULT_FILE --out FILE.docx``: a participant's Aksi Perubahan draft.

The result file is verified by replay first (like ``agen results import``), so the draft
holds the player's real numbers; it is written in the result's language unless ``--lang``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from game.cli.common import CliText, fail
from game.errors import AgenError
from game.i18n import both, english_first


def aksi(
    result_file: Annotated[Path, typer.Argument(help=english_first(CliText.HELP_RESULT_FILE))],
    out: Annotated[Path, typer.Option("--out", help="The Word file to write (.docx)")],
    scenarios: Annotated[
        Path | None,
        typer.Option("--scenarios", help="Folder of scenario files (default: the shipped ones)"),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="id | en (default: the language played)")
    ] = None,
) -> None:
    """Write a participant's draft Aksi Perubahan (.docx) from their result file."""
    from game.results.aksi import Author, write_aksi
    from game.results.record import read_result
    from game.results.verify import ScenarioLibrary, verify

    if lang is not None and lang not in ("id", "en"):
        raise fail(f"agen results aksi: --lang {lang}: {both(CliText.AKSI_LANG)}")
    try:
        record = read_result(result_file)
    except AgenError as exc:
        raise fail(f"agen results aksi: {result_file}: {exc}") from None
    try:
        library = ScenarioLibrary.of(scenarios)
        library.check_folders()
        game = verify(record, library)
        author = Author(record.player, record.player_id, record.cohort)
        language = lang or (record.language if record.language in ("id", "en") else "id")
        path = write_aksi(game, author, record.prediction_objects(), language, out)
    except AgenError as exc:
        raise fail(f"agen results aksi: {result_file}: {exc}") from None
    typer.echo(str(path))

"""The browser debrief's pages: ``/p/{code}/debrief`` and its Word draft
``/p/{code}/debrief/aksi.docx``.

Both rebuild the seat's game from the store (``load_seat``), so any server process answers
them. A browser without a seat is sent to the join page, a seat whose game is not over yet
to its quarter. The routes are registered on the browser game's one router.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from game.classroom.web import debrief_view
from game.classroom.web.render import page_lang, render
from game.classroom.web.seat_pages import classes_of, common, load_seat, router
from game.classroom.web.seat_play import SeatGame
from game.results.aksi import Author, write_aksi

__all__ = ["aksi", "aksi_name", "debrief", "router"]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _finished(request: Request, code: str) -> SeatGame | Response:
    """The seat's finished game; else the page to show instead (the join page without a
    seat, the class's play page while the game is still going)."""
    found = load_seat(request, code)
    if not isinstance(found, SeatGame):
        return found
    if not found.game.over or found.game.outcome is None:
        return RedirectResponse(f"/p/{quote(code)}/play", status_code=303)
    return found


def aksi_name(code: str, player: str) -> str:
    """The draft's file name: the class code and the player's name, letters and digits."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", player).strip("-")[:40] or "peserta"
    return f"aksi-perubahan-{code}-{slug}.docx"


@router.get("/p/{code}/debrief")
def debrief(code: str, request: Request) -> Response:
    """The debrief of the seat's finished game."""
    sg = _finished(request, code)
    if not isinstance(sg, SeatGame):
        return sg
    lang = page_lang(request, sg.room.language)
    return render(
        request,
        "play/debrief.html",
        lang,
        d=debrief_view.build(sg.game, sg.predictions, lang),
        aksi_url=f"/p/{quote(sg.room.code)}/debrief/aksi.docx?lang={lang}",
        **common(classes_of(request), sg.room, lang),
    )


@router.get("/p/{code}/debrief/aksi.docx")
def aksi(code: str, request: Request) -> Response:
    """The Aksi Perubahan draft of the seat's finished game, in the page's language."""
    sg = _finished(request, code)
    if not isinstance(sg, SeatGame):
        return sg
    lang = page_lang(request, sg.room.language)
    author = Author(sg.seat.player, sg.seat.player_id, sg.room.code)
    name = aksi_name(sg.room.code, sg.seat.player)
    with tempfile.TemporaryDirectory(prefix="agen-aksi-") as folder:
        path = write_aksi(sg.game, author, tuple(sg.predictions), lang, Path(folder) / name)
        data = path.read_bytes()
    return Response(
        data,
        media_type=DOCX,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )

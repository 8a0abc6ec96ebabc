"""The browser debrief's pages: ``/p/{code}/debrief`` and its Word draft
``/p/{code}/debrief/aksi.docx``.

Both rebuild the seat's game from the store (``seat_game``), so any server process answers
them. A seat whose game is not over yet, or a browser without a seat, is sent to the
class's play page, which knows where it stands.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from game.classroom.refusal import Refusal
from game.classroom.rooms import ClassStore
from game.classroom.web import debrief_view
from game.classroom.web.render import page_lang, render, token_of
from game.classroom.web.seat_play import SeatGame, seat_game
from game.results.aksi import Author, write_aksi
from game.scenario import localize

router = APIRouter(include_in_schema=False)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _classes(request: Request) -> ClassStore:
    classes: ClassStore = request.app.state.classes
    return classes


def _finished(request: Request, code: str) -> SeatGame | None:
    """The seat's finished game, or None (no class, no seat, or the game still going)."""
    try:
        sg = seat_game(_classes(request), code, token_of(request, code))
    except Refusal:
        return None
    return sg if sg.game.over and sg.game.outcome is not None else None


def aksi_name(code: str, player: str) -> str:
    """The draft's file name: the class code and the player's name, letters and digits."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", player).strip("-")[:40] or "peserta"
    return f"aksi-perubahan-{code}-{slug}.docx"


@router.get("/p/{code}/debrief")
def debrief(code: str, request: Request) -> Response:
    """The debrief of the seat's finished game."""
    sg = _finished(request, code)
    if sg is None:
        return RedirectResponse(f"/p/{quote(code)}", status_code=303)
    lang = page_lang(request, sg.room.language)
    view = debrief_view.build(sg.game, sg.predictions, lang)
    s = sg.loaded.scenario
    return render(
        request,
        "play/debrief.html",
        lang,
        d=view,
        code=sg.room.code,
        title=localize(s.title, lang, s.default_language),
        aksi_url=f"/p/{quote(code)}/debrief/aksi.docx?lang={lang}",
    )


@router.get("/p/{code}/debrief/aksi.docx")
def aksi(code: str, request: Request) -> Response:
    """The Aksi Perubahan draft of the seat's finished game, in the page's language."""
    sg = _finished(request, code)
    if sg is None:
        return RedirectResponse(f"/p/{quote(code)}", status_code=303)
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

"""The class's web pages: projector (public), control (secret token), debrief, Excel, QR.

Jinja2 with autoescaping: every name a participant typed is shown as text. Words come
from the catalogs (``class.page.*``) in the page's language (``?lang=``, else the class's).
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import segno
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from game.classroom.class_store import ClassStore
from game.classroom.refusal import NotAllowed, Refusal
from game.classroom.rooms import Room
from game.classroom.snapshot import COPY_MOVES, COPY_TURNS
from game.engine.prediction import PREDICT_ALL
from game.i18n import LANGUAGES, english_plural, tr
from game.scenario import localize

router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).resolve().parent / "templates"
env = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), auto_reload=False
)

WORDS = [
    "projector",
    "control",
    "join_title",
    "join_how",
    "scan_to_play",
    "class_code",
    "joined",
    "finished",
    "who",
    "leaderboard",
    "choices",
    "offline",
    "nobody",
    "same_path",
    "no_results",
    "no_adoptions",
    "no_quarters",
    "adopted",
    "state_open",
    "state_paused",
    "state_closed",
    "open_up_to",
    "free_play",
    "control_note",
    "act_open",
    "act_pause",
    "act_next",
    "act_close",
    "act_remove",
    "confirm_close",
    "confirm_remove",
    "open_projector",
    "open_debrief",
    "download_xlsx",
    "name",
    "members",
    "progress",
    "score",
    "in_quarter",
    "done",
    "done_open",
    "done_pause",
    "done_next",
    "done_close",
    "done_remove",
    "debrief",
    "debrief_wait",
    "summary",
    "players",
    "mean",
    "median",
    "sd",
    "grades",
    "score_dist",
    "paths",
    "paths_note",
    "policies",
    "values",
    "groups",
    "groups_note",
    "questions",
    "questions_none",
    "compare",
    "compare_none",
    "difference",
    "effect",
    "mean_score",
    "typical",
    "duplicates_title",
    "duplicates_none",
    "no_class",
    "no_access",
    "index",
    "banner_paused",
    "banner_closed",
    "closed_title",
    "closed_how",
    "page_of",
    "same_path_note",
    "ranking",
    "questions_class",
    "class_average",
    "timer_title",
    "act_timer_start",
    "act_timer_add",
    "act_timer_stop",
    "timer_off",
    "timer_up",
    "expiry_title",
    "expiry_nothing",
    "expiry_end_quarter",
    "done_timer_start",
    "done_timer_add",
    "done_timer_stop",
    "done_expiry_nothing",
    "done_expiry_end_quarter",
]


def words(lang: str) -> dict[str, str]:
    """The page words in one language."""
    out = {w: tr(f"class.page.{w}", lang) for w in WORDS}
    out["same_path_note"] = tr(
        "class.page.same_path_note", lang, turns=COPY_TURNS, moves=COPY_MOVES
    )
    return out


def _classes(request: Request) -> ClassStore:
    classes: ClassStore = request.app.state.classes
    return classes


def _lang(lang: str | None, room: Room | None) -> str:
    if lang in LANGUAGES:
        return str(lang)
    return room.language if room is not None else "id"


def _render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(env.get_template(name).render(**context), status_code=status)


def refused_page(exc: Refusal, asked: str | None, status: int) -> HTMLResponse:
    """A page's refusal as a page (the app's exception handler calls this for the pages of
    PAGE_REFUSALS; ``asked``: the ``lang`` query parameter, ``status`` the refusal's)."""
    lang = _lang(asked, None)
    t = words(lang)
    heading = t["no_access"] if isinstance(exc, NotAllowed) else t["no_class"]
    body = exc.body(lang)
    return _render(
        "message.html",
        status,
        lang=lang,
        code="",
        heading=heading,
        message=body["message"],
        other=body["message_en" if lang == "id" else "message_id"],
    )


def form_text(classes: ClassStore, room: Room, lang: str) -> tuple[str, str]:
    """Which form the class plays ("Short form: 4 of 8 quarters") and how it asks for
    predictions, in ``lang``."""
    s = classes.loaded(room).scenario
    label = localize(s.turn_label, lang, s.default_language).lower()
    labels = english_plural(label) if lang == "en" else label
    if room.quarters is None:
        form = tr("class.page.form_full", lang, n=s.turns, labels=labels)
    else:
        form = tr("class.page.form_short", lang, n=room.quarters, full=s.turns, labels=labels)
    first = room.predict_first
    if first is None:
        predict = tr("class.page.predict_scenario", lang)
    elif first == 0:
        predict = tr("class.page.predict_off", lang)
    elif first >= PREDICT_ALL:
        predict = tr("class.page.predict_all", lang)
    else:
        predict = tr("class.page.predict_first", lang, n=first)
    return form, predict


def _common(classes: ClassStore, room: Room, lang: str, keep: str = "") -> dict[str, Any]:
    s = classes.loaded(room).scenario
    dl = s.default_language
    label = localize(s.turn_label, lang, dl)
    t = words(lang)
    turns = classes.turns(room)
    step = (
        t["open_up_to"].format(label=label, q=room.open_quarter, n=turns)
        if room.lockstep
        else t["free_play"].format(
            labels=(english_plural(label) if lang == "en" else label).lower(), n=turns
        )
    )
    form, predict = form_text(classes, room, lang)
    return {
        "lang": lang,
        "code": room.code,
        "title": localize(s.title, lang, dl),
        "state": room.state,
        "step": step,
        "t": t,
        "words": t,
        "keep": keep,
        "join_url": room.join_url,
        "lockstep": room.lockstep,
        "form": form,
        "short": room.quarters is not None,
        "predict": predict,
        "timer_note": (
            tr("class.page.timer_note", lang, minutes=f"{room.minutes_per_quarter:g}")
            if room.minutes_per_quarter
            else ""
        ),
    }


@router.get("/")
def index(request: Request) -> Response:
    codes = _classes(request).codes()
    if len(codes) >= 1:
        return RedirectResponse(f"/class/{codes[0]}")
    return _render(
        "message.html",
        404,
        lang="id",
        code="",
        heading="Agen Perubahan",
        message=tr("class.page.index", "id"),
        other=tr("class.page.index", "en"),
    )


@router.get("/class/{code}", response_class=HTMLResponse)
def projector(code: str, request: Request, lang: str | None = None) -> HTMLResponse:
    classes = _classes(request)
    room = classes.room(code)
    return _render("projector.html", **_common(classes, room, _lang(lang, room)))


def _qr_svg(text: str) -> Response:
    buffer = io.BytesIO()
    segno.make(text, error="m").save(
        buffer, kind="svg", scale=10, border=2, dark="#14233c", xmldecl=False
    )
    return Response(buffer.getvalue(), media_type="image/svg+xml")


@router.get("/class/{code}/qr.svg")
def qr(code: str, request: Request) -> Response:
    room = _classes(request).room(code)
    return _qr_svg(f"{room.join_url}/p/{room.code}")  # the game in the browser


@router.get("/class/{code}/debrief-qr.svg")
def debrief_qr(code: str, request: Request) -> Response:
    """Where the projector sends the room once the class is closed."""
    room = _classes(request).room(code)
    return _qr_svg(f"{room.join_url}/class/{room.code}/debrief")


@router.get("/class/{code}/control", response_class=HTMLResponse)
def control(
    code: str, request: Request, token: str | None = None, lang: str | None = None
) -> HTMLResponse:
    classes = _classes(request)
    room = classes.check_control(code, token)
    context = _common(classes, room, _lang(lang, room), keep=f"&token={token}")
    return _render("control.html", token=token, **context)


@router.get("/class/{code}/debrief", response_class=HTMLResponse)
def debrief_page(
    code: str, request: Request, token: str | None = None, lang: str | None = None
) -> HTMLResponse:
    classes = _classes(request)
    room = classes.room(code)
    if token:
        classes.check_control(code, token)
    chosen = _lang(lang, room)
    from game.classroom import class_debrief  # matplotlib: imported on first use, not at start-up

    cache: dict[tuple[str, str], tuple[int, class_debrief.ClassDebrief]] = (
        request.app.state.debriefs
    )
    version = classes.last_change(code)
    found = cache.get((code, chosen))
    if found is None or found[0] != version:
        found = (version, class_debrief.build(classes, code, chosen))
        cache[(code, chosen)] = found
    keep = f"&token={token}" if token else ""
    return _render("debrief.html", d=found[1], token=token, **_common(classes, room, chosen, keep))


@router.get("/class/{code}/export.xlsx")
def excel(code: str, request: Request, token: str | None = None) -> Response:
    classes = _classes(request)
    classes.check_control(code, token)
    from game.results.export import export

    items = classes.store.results([code])
    with tempfile.TemporaryDirectory(prefix="agen-export-") as folder:
        out = Path(folder) / f"{code}.xlsx"
        export(items, out, "xlsx")
        data = out.read_bytes()
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{code}.xlsx"'},
    )


# The pages whose refusals are answered as a page, not as JSON (see app.py's handler).
PAGE_REFUSALS = frozenset({projector, control, debrief_page, excel})

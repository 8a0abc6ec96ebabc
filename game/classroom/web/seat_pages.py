"""The pages before and around play: join (``/p/CODE``), the briefing, the class state the
wait screen and the timer read. Shared helpers: finding the class by a code typed in any
case, and reading the seat from its cookie.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from game.classroom import replay_checks
from game.classroom.api_text import ApiText
from game.classroom.class_store import ClassStore
from game.classroom.pages import form_text
from game.classroom.refusal import Conflict, NotAllowed, NotFound, Refusal
from game.classroom.rooms import Room
from game.classroom.web import render as R
from game.classroom.web.expiry import end_if_due, end_on_expiry
from game.classroom.web.seat_play import SeatGame, has_steps, seat_game, store_progress
from game.classroom.web.view import turn_label
from game.i18n import tr
from game.scenario import localize

router = APIRouter(include_in_schema=False)
MAX_MEMBERS = 12  # as the window's join form (game/ui/join_worker.py)


def classes_of(request: Request) -> ClassStore:
    """The app's class store."""
    classes: ClassStore = request.app.state.classes
    return classes


def find_room(classes: ClassStore, code: str) -> Room:
    """The class whose code this is, typed in any case (a 404 refusal when none)."""
    try:
        room: Room = classes.room(code)
        return room
    except NotFound:
        wanted = code.casefold()
        for known in classes.codes():
            if known.casefold() == wanted:
                found: Room = classes.room(known)
                return found
        raise


def title_of(classes: ClassStore, room: Room, lang: str) -> str:
    """The scenario's title in ``lang``."""
    s = classes.loaded(room).scenario
    return localize(s.title, lang, s.default_language)


def refused_page(request: Request, exc: Refusal, lang: str, code: str = "") -> Response:
    """A refusal as a page, with the app's HTTP status of its kind: the reason, and the way
    back (to joining without a seat, else to the game)."""
    if isinstance(exc, NotFound):
        heading, link, back = "web.no_class", "", ""
    elif isinstance(exc, NotAllowed):
        heading, link, back = "web.no_access", f"/p/{code}", "web.to_join"
    else:  # too fast, closed, paused...: the game is still there
        heading, link, back = "web.not_now", f"/p/{code}/play", "web.back_to_game"
    return R.render(
        request,
        "play/message.html",
        lang,
        request.app.state.http_status(exc),
        code=code,
        title="Agen Perubahan",
        heading=tr(heading, lang),
        message=exc.body(lang)["message"],
        tone="bad",
        link=link if code else "",
        link_text=tr(back, lang) if back else "",
    )


def load_seat(request: Request, code: str) -> SeatGame | Response:
    """The seat of this browser and its game; else the page to show instead (the join page
    when the browser holds no seat of this class, a message when the seat was removed)."""
    classes = classes_of(request)
    try:
        room = find_room(classes, code)
    except Refusal as exc:
        return refused_page(request, exc, R.page_lang(request, "id"))
    if room.code != code:
        return RedirectResponse(f"/p/{room.code}{request.url.path[len(code) + 3 :]}", 303)
    token = R.token_of(request, code)
    if token is None:
        return RedirectResponse(f"/p/{code}", 303)
    lang = R.page_lang(request, room.language)
    try:
        sg = seat_game(classes, code, token, lang)
    except Refusal as exc:
        if exc.code in (ApiText.BAD_TOKEN, ApiText.NO_TOKEN):
            return RedirectResponse(f"/p/{code}", 303)
        return refused_page(request, exc, lang, code)
    store_progress(classes, sg)
    ended = end_on_expiry(classes, code, token, sg, lang)
    if ended is not None:  # the timer ended the quarter: its report, as after a tap
        return RedirectResponse(f"/p/{code}/report/{ended[0]}", 303)
    return sg


def common(classes: ClassStore, room: Room, lang: str) -> dict[str, Any]:
    """What every play page of a class shows in its bar."""
    return {"code": room.code, "title": title_of(classes, room, lang)}


def _join_form(
    request: Request, room: Room, lang: str, status: int = 200, **context: Any
) -> Response:
    classes = classes_of(request)
    closed = tr("class.err.closed", lang, code=room.code) if room.state == "closed" else ""
    form = context.pop("form", {"name": "", "nip": "", "members": ""})
    return R.render(
        request,
        "play/join.html",
        lang,
        status,
        closed=closed,
        form=form,
        **common(classes, room, lang),
        **context,
    )


@router.get("/p/{code}")
def join_page(code: str, request: Request) -> Response:
    classes = classes_of(request)
    try:
        room = find_room(classes, code)
    except Refusal as exc:
        return refused_page(request, exc, R.page_lang(request, "id"))
    if room.code != code:
        return RedirectResponse(f"/p/{room.code}", 303)
    lang = R.page_lang(request, room.language)
    token = R.token_of(request, code)
    if token is not None:
        try:
            classes.seat_by_token(code, token)
            return RedirectResponse(f"/p/{code}/play", 303)
        except Refusal:
            pass  # an old seat of this browser: join again
    return _join_form(request, room, lang)


def check_join(name: str, nip: str, members: str) -> tuple[str, str] | None:
    """The field and catalog key of the first problem of the join form, or None."""
    if any(replay_checks.has_control(x) for x in (name, nip, members)):
        bad = next(f for f, x in (("name", name), ("nip", nip), ("members", members)) if x)
        return bad, "class.err.control"
    if not " ".join(name.split()):
        return "name", "class.err.need_name"
    if len([m for m in members.split(",") if m.strip()]) > MAX_MEMBERS:
        return "members", "class.err.members"
    return None


@router.post("/p/{code}/join")
async def join(code: str, request: Request) -> Response:
    form = await R.form_fields(request)
    return await run_in_threadpool(_join, code, request, form)


def _join(code: str, request: Request, form: dict[str, str]) -> Response:
    classes = classes_of(request)
    try:
        room = find_room(classes, code)
    except Refusal as exc:
        return refused_page(request, exc, R.page_lang(request, "id"))
    lang = R.page_lang(request, room.language)
    typed = {k: form.get(k, "")[:600] for k in ("name", "nip", "members")}
    problem = check_join(typed["name"], typed["nip"], typed["members"])
    if problem is not None:
        field, key = problem
        error = tr(key, lang, n=MAX_MEMBERS)
        return _join_form(request, room, lang, 422, form=typed, error=error, error_field=field)
    player = " ".join(typed["name"].split())[:80]
    members = tuple(" ".join(m.split()) for m in typed["members"].split(",") if m.strip())
    try:
        _playing(classes, room, player)
        _seat, token = classes.join(room, player, typed["nip"].strip()[:40] or None, members)
    except Refusal as exc:
        error = exc.body(lang)["message"]
        status = request.app.state.http_status(exc)
        return _join_form(request, room, lang, status, form=typed, error=error, error_field="name")
    response = RedirectResponse(f"/p/{room.code}/briefing", 303)
    R.set_seat(response, room.code, token)
    return response


def _playing(classes: ClassStore, room: Room, player: str) -> None:
    """Refuse a name whose seat already plays in a browser: the class store hands an
    untouched seat back to its name, and a browser seat's moves of the current quarter are
    not yet progress (the window's are not either, but stay on its laptop)."""
    wanted = player.casefold()
    for seat in classes.seats(room.code):
        if seat.player.casefold() == wanted and has_steps(classes, seat.id):
            raise Conflict(ApiText.NAME_TAKEN, player=player)


@router.get("/p/{code}/briefing")
def briefing(code: str, request: Request) -> Response:
    found = load_seat(request, code)
    if not isinstance(found, SeatGame):
        return found
    classes, room = classes_of(request), found.room
    lang = R.page_lang(request, room.language)
    s = found.game.scenario
    form, _predict = form_text(classes, room, lang)
    unit = turn_label(s, lang).lower()
    how = tr("class.how_lockstep" if room.lockstep else "class.how_free", lang, unit=unit)
    started = found.steps > 0
    return R.render(
        request,
        "play/briefing.html",
        lang,
        player=found.seat.player,
        form=form,
        how=how,
        briefing=localize(s.briefing, lang, s.default_language),
        start=tr("web.back_to_game" if started else "web.start", lang),
        **common(classes, room, lang),
    )


@router.get("/p/{code}/state")
def state(code: str, request: Request) -> Response:
    """What the wait screen and the timer need: may this seat play now, and the time left."""
    classes = classes_of(request)
    try:
        room, seat = classes.seat_in(code, R.token_of(request, code))
    except Refusal as exc:
        return JSONResponse(
            {"code": exc.code.value}, status_code=request.app.state.http_status(exc)
        )
    try:
        ended = end_if_due(classes, code, R.token_of(request, code), room, seat)
    except Refusal:  # too many requests: the next poll tries again
        ended = None
    turn = seat.turn_done + 1 if ended is None else ended + 1
    ready = room.state == "open" and not (room.lockstep and turn > room.open_quarter)
    return JSONResponse(
        {
            "state": room.state,
            "open_quarter": room.open_quarter if room.lockstep else None,
            "seconds_left": room.seconds_left(),
            "ready": ready,
            "quarter": turn,
        },
        headers={"Cache-Control": "no-store"},
    )

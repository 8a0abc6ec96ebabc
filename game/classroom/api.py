"""The JSON API under /api/v1: class, scenario, seats, progress, results, control, live feed."""

from __future__ import annotations

from contextlib import suppress
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from game.classroom import replay_checks
from game.classroom.api_text import ApiText
from game.classroom.class_store import ClassStore
from game.classroom.live import Feed
from game.classroom.models import (
    Answer,
    ClassOut,
    ControlIn,
    JoinIn,
    ProgressIn,
    SeatOut,
    TimerOut,
)
from game.classroom.refusal import Invalid, Refusal, pick_language
from game.classroom.rooms import Room
from game.classroom.snapshot import timer_out
from game.i18n import tr
from game.scenario import localize

router = APIRouter(prefix="/api/v1")
Auth = Annotated[str | None, Header(alias="Authorization", include_in_schema=False)]
Lang = Annotated[str | None, Header(alias="Accept-Language", include_in_schema=False)]


def _classes(request: Request) -> ClassStore:
    classes: ClassStore = request.app.state.classes
    return classes


def _bearer(value: str | None) -> str | None:
    if value and value.lower().startswith("bearer "):
        return value[7:].strip() or None
    return None


def class_out(classes: ClassStore, room: Room) -> ClassOut:
    """The public description of a class."""
    s = classes.loaded(room).scenario
    return ClassOut(
        code=room.code,
        title=localize(s.title, room.language, s.default_language),
        scenario_id=room.scenario_id,
        scenario_version=room.scenario_version,
        scenario_sha256=room.scenario_sha256,
        seed=room.seed,
        language=room.language,
        state=room.state,  # type: ignore[arg-type]
        lockstep=room.lockstep,
        open_quarter=room.open_quarter if room.lockstep else None,
        turns=classes.turns(room),
        full_turns=s.turns,
        quarters=room.quarters,
        predict_first=room.predict_first,
        seconds_left=room.seconds_left(),
        timer=None if (t := timer_out(room)) is None else TimerOut(**t),
    )


def _answer(status: int, code: ApiText, lang: str) -> Response:
    return Response(_answer_body(code, lang), status_code=status, media_type="application/json")


@lru_cache(maxsize=64)
def _answer_body(code: ApiText, lang: str) -> bytes:
    """An answer's JSON, made once per code and language: its words never change while the
    server runs, and every progress and result POST ends with one."""
    body = Answer(
        code=code.value,
        message=tr(code.value, lang),
        message_id=tr(code.value, "id"),
        message_en=tr(code.value, "en"),
    )
    return bytes(JSONResponse(body.model_dump()).body)


@router.get("/classes", summary="Codes of the classes in this store")
def list_classes(request: Request) -> list[str]:
    return _classes(request).codes()


@router.get("/classes/{code}", response_model=ClassOut, summary="The class")
def get_class(code: str, request: Request) -> ClassOut:
    classes = _classes(request)
    return class_out(classes, classes.room(code))


@router.get(
    "/classes/{code}/scenario",
    summary="The scenario file the class plays (its SHA-256 is the class's scenario_sha256)",
    response_class=Response,
)
def get_scenario(code: str, request: Request) -> Response:
    classes = _classes(request)
    room = classes.room(code)
    return Response(
        classes.scenario_bytes(code),
        media_type="application/toml",
        headers={
            "ETag": f'"{room.scenario_sha256}"',
            "Content-Disposition": f'attachment; filename="{room.scenario_name}"',
        },
    )


@router.post("/classes/{code}/seats", status_code=201, response_model=SeatOut, summary="Join")
def join(code: str, body: JoinIn, request: Request, authorization: Auth = None) -> SeatOut:
    classes = _classes(request)
    room = classes.room(code)
    resume = _bearer(authorization)
    names = [body.player, body.player_id or "", *body.members]
    if any(replay_checks.has_control(n) for n in names):
        raise Invalid(ApiText.BAD_NAME)
    player = " ".join(body.player.split())
    if not player:
        raise Invalid(ApiText.BAD_NAME)
    members = tuple(" ".join(m.split()) for m in body.members if m.strip())
    player_id = (body.player_id or "").strip() or None
    seat, token = classes.join(room, player, player_id, members, resume)
    return SeatOut(
        code=code,
        seat=seat.id,
        token=token,
        player=seat.player,
        player_id=seat.player_id,
        members=list(seat.members),
        turn_done=seat.turn_done,
    )


def _lang(request: Request, room: Room) -> str:
    return pick_language(request.headers.get("accept-language"), room.language)


@router.post(
    "/classes/{code}/progress",
    status_code=201,
    response_model=Answer,
    responses={409: {"model": Answer}, 422: {"model": Answer}, 423: {"model": Answer}},
    summary="Decisions so far (Authorization: Bearer SEAT-TOKEN); replayed up to that turn",
)
async def progress(
    code: str, body: ProgressIn, request: Request, authorization: Auth = None
) -> Any:
    # Progress and results run on the event loop, not in a worker thread: their work is a
    # replay (CPU, a few ms) and short SQLite/PostgreSQL statements, and a thread only adds
    # hand-offs of the interpreter lock (measured: 175 -> 280 results/s over HTTP).
    classes = _classes(request)
    room, seat = classes.seat_in(code, _bearer(authorization), count=True)
    replay_checks.playable(room, body.turn)
    decisions = replay_checks.check_progress(
        classes.compiled(room), room.seed, body.turn, body.decisions
    )
    new = classes.save_progress(seat, body.turn, decisions)
    lang = _lang(request, room)
    return _answer(201, ApiText.STORED, lang) if new else _answer(409, ApiText.ALREADY, lang)


def _result(classes: ClassStore, code: str, token: str | None, data: bytes, accept: str) -> Any:
    # Read, replay, then one write that stores the result and counts the request (a result
    # is the costliest request: two write transactions would halve what a store takes).
    room, seat = classes.seat_in(code, token, rate=True)
    lang = pick_language(accept, room.language)
    try:
        record = replay_checks.read_result(data)
        keyed = record.canonical_and_key()
        key = keyed[1]
        if seat.result_key is not None and seat.result_key == key:
            with suppress(Refusal):  # the answer stays "already stored"
                classes.count_request(seat.id)
            return _answer(409, ApiText.ALREADY, lang)
        replay_checks.playable(room, record.turns_played)
        replay_checks.check_result(room, seat, record, classes.loaded(room))
    except Refusal:
        with suppress(Refusal):  # the refusal keeps its own reason
            classes.count_request(seat.id)
        raise
    new = classes.save_result(seat, record, keyed, count=True)
    return _answer(201, ApiText.STORED, lang) if new else _answer(409, ApiText.ALREADY, lang)


@router.post(
    "/classes/{code}/results",
    status_code=201,
    response_model=Answer,
    responses={409: {"model": Answer}, 422: {"model": Answer}, 423: {"model": Answer}},
    summary="A finished game's result file (Authorization: Bearer SEAT-TOKEN), verified by replay",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
async def result(code: str, request: Request) -> Any:
    # the headers read here, not declared as parameters (which are left out of the schema
    # anyway): FastAPI checking them cost more than reading them
    data = await request.body()
    accept = request.headers.get("accept-language") or ""
    token = _bearer(request.headers.get("authorization"))
    return _result(_classes(request), code, token, data, accept)


@router.post(
    "/classes/{code}/control",
    response_model=ClassOut,
    summary="The facilitator's actions (Authorization: Bearer CONTROL-TOKEN)",
)
def control(code: str, body: ControlIn, request: Request, authorization: Auth = None) -> ClassOut:
    classes = _classes(request)
    room = classes.check_control(code, _bearer(authorization))
    room = classes.control(room, body.action, body.seat)
    return class_out(classes, room)


@router.get("/classes/{code}/snapshot", summary="What the projector page shows, as JSON")
def get_snapshot(code: str, request: Request, lang: str | None = None) -> dict[str, Any]:
    from game.classroom.snapshot import snapshot

    classes = _classes(request)
    room = classes.room(code)
    return snapshot(classes, code, lang if lang in ("id", "en") else room.language)


@router.get(
    "/classes/{code}/live",
    summary="Server-sent events: the projector's data now and after every change",
    response_class=StreamingResponse,
)
async def live(code: str, request: Request, lang: str | None = None) -> StreamingResponse:
    classes = _classes(request)
    room = await run_in_threadpool(classes.room, code)
    feed: Feed = request.app.state.feed
    chosen = lang if lang in ("id", "en") else room.language
    return StreamingResponse(
        feed.events(code, chosen),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )

"""The class server: a FastAPI app over one results store (SQLite file or PostgreSQL).

``create_app(db)`` builds it; ``app_from_env()`` is the factory uvicorn's worker processes
call (``--workers N``), reading the store's URL from ``AGEN_CLASS_DB``. Every process reads
and writes the same store, so any of them can answer any participant or projector.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from game import __version__
from game.classroom import api, pages, validation
from game.classroom.api_text import ApiText
from game.classroom.class_store import ClassStore
from game.classroom.code_case import CodeCase
from game.classroom.guards import BodyLimit
from game.classroom.live import Feed
from game.classroom.models import MAX_BODY
from game.classroom.rate_limit import RATE
from game.classroom.refusal import (
    Conflict,
    Invalid,
    NotAllowed,
    NotFound,
    NotYet,
    Refusal,
    StoreBusy,
    TooFast,
    TooLarge,
    pick_language,
)
from game.classroom.web import routes as web_routes
from game.errors import ResultError
from game.results.store import open_store

ENV_DB = "AGEN_CLASS_DB"
ENV_RATE = "AGEN_CLASS_RATE"  # "N/S": at most N requests per seat in S seconds (tests)
STATIC = Path(__file__).resolve().parent / "static"
# The one place a kind of refusal becomes an HTTP status (the store and the checks raise
# domain errors, game/classroom/refusal.py, and know nothing of HTTP).
STATUS: dict[type[Refusal], int] = {
    NotAllowed: 401,
    NotFound: 404,
    Conflict: 409,
    TooLarge: 413,
    Invalid: 422,
    NotYet: 423,
    TooFast: 429,
    StoreBusy: 503,
}


def http_status(exc: Refusal) -> int:
    """The HTTP status of a refusal: its kind's, or the nearest kind above it."""
    return next(STATUS[kind] for kind in type(exc).__mro__ if kind in STATUS)


def _lang(request: Request) -> str:
    return pick_language(request.headers.get("accept-language"), "id")


def create_app(db: str | None = None, classes: ClassStore | None = None) -> FastAPI:
    """The ASGI app serving every class of the store at ``db``."""
    if classes is None:
        classes = ClassStore(open_store(db), rate_from_env())
    feed = Feed(classes)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        feed.start()
        yield
        await feed.stop()

    app = FastAPI(
        title="Agen Perubahan — class server",
        version=__version__,
        description="Live class mode: join, progress and results, verified by replay.",
        lifespan=lifespan,
    )
    app.state.classes = classes
    app.state.feed = feed
    app.state.http_status = http_status  # the play pages show a refusal as a page

    @app.exception_handler(Refusal)
    async def refused(request: Request, exc: Refusal) -> Response:
        """A refusal of the API as JSON; of a page (``pages.PAGE_REFUSALS``) as its page."""
        if request.scope.get("endpoint") in pages.PAGE_REFUSALS:
            return pages.refused_page(exc, request.query_params.get("lang"), http_status(exc))
        return JSONResponse(exc.body(_lang(request)), status_code=http_status(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
        refusal = Invalid(ApiText.BAD_REQUEST, where=where, reason=validation.reason(first))
        return JSONResponse(refusal.body(_lang(request)), status_code=http_status(refusal))

    @app.exception_handler(ResultError)
    async def store_error(request: Request, exc: ResultError) -> JSONResponse:
        refusal = StoreBusy(ApiText.STORE_BUSY, reason=str(exc))
        return JSONResponse(refusal.body(_lang(request)), status_code=http_status(refusal))

    app.state.debriefs = {}
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(web_routes.router)  # the game in the browser (/p/CODE)
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, limit=MAX_BODY, status=STATUS[TooLarge])
    app.add_middleware(CodeCase, codes=classes.codes)  # a class code in any case
    app.add_middleware(GZipMiddleware, minimum_size=500)  # phones on a busy class Wi-Fi
    return app


def rate_from_env() -> tuple[int, float]:
    """The per-seat rate limit: ``AGEN_CLASS_RATE`` ("N/S") or 8 requests a second."""
    n, _, span = os.environ.get(ENV_RATE, "").partition("/")
    try:
        return (int(n), float(span)) if int(n) > 0 and float(span) > 0 else RATE
    except ValueError:
        return RATE


def app_from_env() -> Any:
    """The app of one uvicorn worker process: the store's URL comes from ``AGEN_CLASS_DB``."""
    return create_app(os.environ.get(ENV_DB) or None)

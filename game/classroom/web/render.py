"""How every browser play page is made: the page's language, its words, the seat cookie, and
rendering a template of ``templates/play/`` (which all extend ``play/base.html``).

A page's language is ``?lang=`` when given (then kept in a cookie), else the cookie, else
the class's (the facilitator's choice wins over the phone's own setting; the ID/EN toggle
on every page changes it). The seat cookie holds only the seat
token: HttpOnly, SameSite=Strict, path ``/p/CODE``.
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import parse_qs

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from game.classroom.pages import env
from game.classroom.web.words import words
from game.i18n import LANGUAGES

LANG_COOKIE = "agen_lang"
SEAT_COOKIE = "agen_seat"  # one per class: its path is the class's /p/CODE
SEAT_MAX_AGE = 14 * 24 * 3600  # a seat outlives a two-week course's sessions


def seat_path(code: str) -> str:
    """Where the seat cookie of class ``code`` is sent: its play pages only."""
    return f"/p/{code}"


def token_of(request: Request, code: str) -> str | None:
    """The seat token the browser holds for class ``code``, if any."""
    return request.cookies.get(SEAT_COOKIE) or None


def set_seat(response: Response, code: str, token: str) -> None:
    """Give the browser its seat (the token only)."""
    response.set_cookie(
        SEAT_COOKIE,
        token,
        max_age=SEAT_MAX_AGE,
        path=seat_path(code),
        httponly=True,
        samesite="strict",
    )


def page_lang(request: Request, default: str) -> str:
    """The language of this page (see the module's text)."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return str(asked)
    kept = request.cookies.get(LANG_COOKIE)
    if kept in LANGUAGES:
        return str(kept)
    return default if default in LANGUAGES else "id"


async def form_fields(request: Request) -> dict[str, str]:
    """A posted form (``application/x-www-form-urlencoded``, as every play page sends) as
    text by field name; the first value of a repeated field. Read here rather than with
    FastAPI's form support, which would need another package for what a page sends."""
    body = (await request.body()).decode("utf-8", errors="replace")
    fields = parse_qs(body, keep_blank_values=True, max_num_fields=100)
    return {k: v[0] for k, v in fields.items() if v}


def new_key() -> str:
    """An idempotency key for one rendered form."""
    return secrets.token_urlsafe(16)


def render(
    request: Request, name: str, lang: str, http_status: int = 200, **context: Any
) -> HTMLResponse:
    """A play page: ``name`` under templates/, with ``lang``, the words ``t``, the path
    ``here`` (for the language links), ``new_key()`` (an idempotency key for a form) and the
    caller's context (``t`` there adds to the words). A ``?lang=`` choice is kept."""
    t = {**words(lang), **context.pop("t", {})}  # a page may add words of its own
    page = env.get_template(name).render(
        lang=lang, t=t, here=request.url.path, new_key=new_key, **context
    )
    response = HTMLResponse(page, status_code=http_status)
    response.headers["Cache-Control"] = "no-store"
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
    return response

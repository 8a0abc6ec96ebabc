"""The class server's refusals as domain errors: what is wrong (a kind, below) and why (an
:class:`~game.classroom.api_text.ApiText` code with its fields). The store and the checks
raise them without knowing HTTP; the one table that gives each kind its HTTP status is
``STATUS`` in :mod:`game.classroom.server_app`, applied by its exception handler.

The words come from the catalogs (``class.api.*`` keys), in the language the participant
asked for (``Accept-Language``) and in both languages, so the client can show either.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from game.classroom.api_text import ApiText
from game.errors import AgenError
from game.i18n import LANGUAGES, tr


class Words(NamedTuple):
    """A field whose text differs by language (e.g. the replay's own reason)."""

    id: str
    en: str


def _fields(fields: dict[str, object], lang: str) -> dict[str, object]:
    return {
        k: (v.id if lang == "id" else v.en) if isinstance(v, Words) else v
        for k, v in fields.items()
    }


class Refusal(AgenError):
    """The server says no: a code and its fields; the subclass says which kind of no."""

    def __init__(self, code: ApiText, /, **fields: object) -> None:
        super().__init__(tr(code.value, "en", **_fields(fields, "en")))
        self.code = code
        self.fields = fields

    def body(self, lang: str) -> dict[str, Any]:
        """The JSON answer: code, message in ``lang``, and the message in each language."""
        code = self.code.value
        return {
            "code": code,
            "message": tr(code, lang, **_fields(self.fields, lang)),
            "message_id": tr(code, "id", **_fields(self.fields, "id")),
            "message_en": tr(code, "en", **_fields(self.fields, "en")),
        }


class NotFound(Refusal):
    """No such class, or no such seat in it."""


class NotAllowed(Refusal):
    """The token is missing or wrong, or its seat was removed."""


class Conflict(Refusal):
    """What is asked collides with what is stored (a name already seated)."""


class Invalid(Refusal):
    """The request cannot be done as asked: bad input, or not in this state of the class."""


class NotYet(Refusal):
    """Not now: the class is paused, or the quarter is not open yet (ask again later)."""


class TooFast(Refusal):
    """Too many requests from one seat in the rate limit's window."""


class TooLarge(Refusal):
    """The request's body is over the limit."""


class StoreBusy(Refusal):
    """The results database cannot be used right now."""


def pick_language(header: str | None, default: str) -> str:
    """The first supported language of an ``Accept-Language`` header, else ``default``."""
    for part in (header or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGUAGES:
            return tag
    return default if default in LANGUAGES else "id"

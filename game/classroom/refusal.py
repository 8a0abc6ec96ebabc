"""A refusal of the class server: an HTTP status, a message code and its fields.

The words come from the catalogs (``class.api.*`` keys), in the language the participant
asked for (``Accept-Language``) and in both languages, so the client can show either.
"""

from __future__ import annotations

from typing import Any, NamedTuple

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
    """The server says no: ``status`` (401, 404, 409, 413, 422, 423, 429), ``code``, fields."""

    def __init__(self, status: int, code: str, /, **fields: object) -> None:
        super().__init__(tr(code, "en", **_fields(fields, "en")))
        self.status = status
        self.code = code
        self.fields = fields

    def body(self, lang: str) -> dict[str, Any]:
        """The JSON answer: code, message in ``lang``, and the message in each language."""
        return {
            "code": self.code,
            "message": tr(self.code, lang, **_fields(self.fields, lang)),
            "message_id": tr(self.code, "id", **_fields(self.fields, "id")),
            "message_en": tr(self.code, "en", **_fields(self.fields, "en")),
        }


def pick_language(header: str | None, default: str) -> str:
    """The first supported language of an ``Accept-Language`` header, else ``default``."""
    for part in (header or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGUAGES:
            return tag
    return default if default in LANGUAGES else "id"

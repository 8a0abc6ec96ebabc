"""Why a request's body was refused, in the reader's language (never pydantic's English line
inside an Indonesian sentence): each kind of validation error has its own catalog words."""

from __future__ import annotations

from typing import Any

from game.classroom.refusal import Words
from game.i18n import tr

# pydantic's error types -> catalog keys (class.api.invalid_*); anything else: "invalid value"
KINDS = {
    "literal_error": "class.api.invalid_choice",
    "enum": "class.api.invalid_choice",
    "missing": "class.api.invalid_missing",
    "extra_forbidden": "class.api.invalid_extra",
    "string_too_long": "class.api.invalid_too_long",
    "string_too_short": "class.api.invalid_too_short",
    "too_long": "class.api.invalid_too_many",
    "string_type": "class.api.invalid_text",
    "int_parsing": "class.api.invalid_number",
    "int_type": "class.api.invalid_number",
    "int_from_float": "class.api.invalid_number",
    "json_invalid": "class.api.invalid_json",
    "model_attributes_type": "class.api.invalid_object",
    "dict_type": "class.api.invalid_object",
    "list_type": "class.api.invalid_list",
}


def reason(error: dict[str, Any]) -> Words:
    """The reason for one pydantic error, in Indonesian and in English."""
    key = KINDS.get(str(error.get("type", "")), "class.api.invalid_value")
    ctx = error.get("ctx") or {}
    fields = {
        "expected": str(ctx.get("expected", "")),
        "limit": str(ctx.get("max_length", ctx.get("min_length", ""))),
    }
    return Words(tr(key, "id", **fields), tr(key, "en", **fields))

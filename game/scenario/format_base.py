"""The building blocks of the scenario format's models (the fixed vocabularies are
:mod:`game.scenario.vocabulary`): the value types a trainer writes (bilingual text, a number or an expression, a condition) and the strict
frozen table every model derives from. The models themselves are :mod:`format_model`.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from game.scenario.codes import LoadCode as C
from game.scenario.suggest import did_you_mean

LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$")
_TEXT_EXAMPLE = '{ id = "...", en = "..." }'
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")


def refuse(code: C, **fields: Any) -> PydanticCustomError:
    """A validation error whose type is the loader's message code (the loader says it)."""
    return PydanticCustomError(code.value, code.value, fields)


def _text(value: Any) -> str | dict[str, str]:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        if not value:
            raise refuse(C.TEXT_EMPTY, example=_TEXT_EXAMPLE)
        for lang, text in value.items():
            if not LANG_RE.match(str(lang)):
                raise refuse(C.NOT_A_LANGUAGE, lang=str(lang))
            if not isinstance(text, str):
                raise refuse(C.TEXT_NOT_QUOTED, lang=str(lang))
        return dict(value)
    raise refuse(C.WANT_TEXT_OR_TABLE, example=_TEXT_EXAMPLE)


def _number_or_expression(value: Any) -> float | str:
    if isinstance(value, bool):
        raise refuse(C.WANT_NUMBER_NOT_BOOL)
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise refuse(C.NOT_FINITE)
        return float(value)
    if isinstance(value, str):
        return value
    raise refuse(C.WANT_NUMBER_OR_EXPRESSION)


def _condition(value: Any) -> bool | str:
    if isinstance(value, (bool, str)):
        return value
    raise refuse(C.WANT_CONDITION, example='"turn >= 2"')


Text = Annotated[
    str | dict[str, str],
    PlainValidator(_text),
    WithJsonSchema(
        {
            "description": 'Text shown to players: a string, or a table of languages such as { id = "...", en = "..." }.',
            "anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}},
            ],
        }
    ),
]
NumExpr = Annotated[
    float | str,
    PlainValidator(_number_or_expression),
    WithJsonSchema(
        {
            "description": 'A number, or an expression in quotes that reads the state, e.g. "0.1 * (70 - service_quality)".',
            "anyOf": [{"type": "number"}, {"type": "string"}],
        }
    ),
]
Condition = Annotated[
    bool | str,
    PlainValidator(_condition),
    WithJsonSchema(
        {
            "description": 'A condition in quotes that reads the state, e.g. "turn >= 2 and public_trust < 60".',
            "anyOf": [{"type": "string"}, {"type": "boolean"}],
        }
    ),
]


class Table(BaseModel):
    """Base of every table: frozen, strict, unknown keys refused with a suggestion."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, populate_by_name=False)

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            allowed = [f.alias or name for name, f in cls.model_fields.items()]
            for key in data:
                if key not in allowed:
                    raise refuse(C.UNKNOWN_KEY, key=key, hint=did_you_mean(str(key), allowed))
            # TOML arrays arrive as lists; the frozen models hold tuples.
            return {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
        if not isinstance(data, BaseModel):
            raise refuse(C.WANT_TABLE)  # the loader adds the value written
        return data

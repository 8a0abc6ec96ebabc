"""tomllib's and Python's parser complaints, classified into codes with their fields.

Both libraries speak English only. The loader quotes their complaint inside its own message
("not valid TOML: ...", "not a valid expression: ..."); here the known complaints become a
code of :class:`LoadCode` (so each front end words them) and the variable part a field. A
complaint no pattern knows is kept as written.
"""

from __future__ import annotations

import re

from game.errors import Message
from game.scenario.codes import LoadCode as C

_AT_END = " (at end of document)"

Table = tuple[tuple[re.Pattern[str], C], ...]


def _table(*rows: tuple[str, C]) -> Table:
    """(pattern matching the whole complaint, its code); named groups become fields."""
    return tuple((re.compile(pattern, re.DOTALL), code) for pattern, code in rows)


_TOML = _table(
    (r"Invalid statement", C.TOML_STATEMENT),
    (r"Expected newline or end of document after a statement", C.TOML_NEWLINE),
    (r"Expected '=' after a key in a key/value pair", C.TOML_EQUALS),
    (r"Expected '\]' at the end of a table declaration", C.TOML_TABLE_END),
    (r"Expected '\]\]' at the end of an array declaration", C.TOML_ARRAY_TABLE_END),
    (r"Expected (?P<what>.+)", C.TOML_EXPECTED),
    (r"Found invalid character (?P<what>.+)", C.TOML_INVALID_CHARACTER),
    (r"Illegal character (?P<what>.+)", C.TOML_ILLEGAL_CHARACTER),
    (r"Cannot declare (?P<what>.+) twice", C.TOML_DECLARED_TWICE),
    (r"Cannot overwrite a value", C.TOML_OVERWRITE),
    (r"Cannot mutate immutable namespace (?P<what>.+)", C.TOML_IMMUTABLE),
    (r"Cannot redefine namespace (?P<what>.+)", C.TOML_REDEFINE),
    (r"Invalid initial character for a key part", C.TOML_KEY_START),
    (r"Unclosed array", C.TOML_UNCLOSED_ARRAY),
    (r"Unclosed inline table", C.TOML_UNCLOSED_TABLE),
    (r"Duplicate inline table key (?P<what>.+)", C.TOML_DUPLICATE_KEY),
    (r"Unescaped '\\' in a string", C.TOML_BACKSLASH),
    (r"Invalid hex value", C.TOML_HEX),
    (r"Escaped character is not a Unicode scalar value", C.TOML_ESCAPE),
    (r"Unterminated string", C.TOML_UNTERMINATED),
    (r"Invalid date or datetime", C.TOML_DATE),
    (r"Invalid value", C.TOML_VALUE),
    (r"nested too deeply", C.NESTED_TOO_DEEPLY),
)

_PYTHON = _table(
    (r"too long or too deeply nested", C.PY_TOO_NESTED),
    (r"invalid syntax\. Perhaps you forgot a comma\?", C.PY_COMMA),
    (r"invalid syntax\. Maybe you meant '==' or ':=' instead of '='\?", C.PY_EQUALS),
    (r"invalid syntax", C.PY_SYNTAX),
    (r"'(?P<bracket>.)' was never closed", C.PY_NEVER_CLOSED),
    (r"unmatched '(?P<bracket>.)'", C.PY_UNMATCHED),
    (
        r"closing parenthesis '(?P<close>.)' does not match opening parenthesis '(?P<open>.)'",
        C.PY_MISMATCH,
    ),
    (r"unterminated string literal \(detected at line (?P<line>\d+)\)", C.PY_UNTERMINATED),
    (r"invalid decimal literal", C.PY_DECIMAL),
    (r"invalid character (?P<what>.+)", C.PY_CHARACTER),
    (r"invalid non-printable character (?P<what>.+)", C.PY_NON_PRINTABLE),
    (r"leading zeros in decimal integer literals are not permitted.*", C.PY_LEADING_ZEROS),
    (r"unexpected EOF while parsing", C.PY_EOF),
    (r"too many nested parentheses", C.PY_PARENTHESES),
    (r"invalid hexadecimal literal", C.PY_HEX),
    (r"source code string cannot contain null bytes", C.PY_NULL),
)


def _classify(text: str, table: Table) -> Message | str:
    for pattern, code in table:
        match = pattern.fullmatch(text)
        if match:
            return Message.of(code, **match.groupdict())
    return text


def toml_complaint(text: str) -> Message:
    """``not valid TOML: <complaint>`` for tomllib's complaint (its position already cut)."""
    end: Message | str = ""
    if text.endswith(_AT_END):
        text, end = text[: -len(_AT_END)], Message.of(C.AT_END)
    return Message.of(C.NOT_TOML, detail=_classify(text, _TOML), end=end)


def python_complaint(text: str) -> Message:
    """``not a valid expression: <complaint>`` for Python's parser complaint."""
    return Message.of(C.EXPR_SYNTAX, detail=_classify(text, _PYTHON))

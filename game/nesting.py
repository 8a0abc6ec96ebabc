"""Where a text (TOML or JSON) nests brackets too deeply for its parser.

Python's JSON and TOML parsers recurse once per ``[`` or ``{``; a damaged or hostile file
with thousands of them ends in RecursionError, which has no line. This finds the line.
"""

from __future__ import annotations

LIMIT = 200


def too_deep_line(text: str, limit: int = LIMIT) -> int:
    """The line (1-based) where brackets outside strings first nest deeper than ``limit``;
    the last line if they never do (the parser gave up for another reason)."""
    depth, line, quote, i = 0, 1, "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\n":
            line += 1
        elif quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return line
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return line

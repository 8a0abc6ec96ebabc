"""Text that participants typed (names, NIP, class codes), made safe to show.

The stored text always stays exactly as given; only what is drawn or printed is cleaned:

- ``screen_text``: for pygame, which refuses NUL and draws a box for a line break: control
  characters are dropped and line breaks and tabs fold into one space.
- ``terminal_text``: for a terminal, where ESC and other control characters would move the
  cursor or recolour the screen, and bidirectional overrides would reorder the rest of the
  line: those are dropped, line breaks fold into one space.
- ``sheet_text``: for an Excel cell, which cannot hold the characters openpyxl calls illegal
  (C0 controls other than tab, line feed and carriage return): those are dropped.

All three replace a lone surrogate (text that is not valid Unicode and cannot be encoded)
with U+FFFD, so that no name can stop a screen, a table or an export.
"""

from __future__ import annotations

import re

# line breaks and tabs of every kind (C0, NEL, Unicode line and paragraph separators)
_BREAKS = re.compile(r"[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# bidirectional embeddings, overrides and isolates: in a terminal they reorder what follows
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SHEET_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _no_surrogates(text: str) -> str:
    return _SURROGATES.sub("\ufffd", text)


def screen_text(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` as pygame can draw it (one line, unless ``keep_newlines``)."""
    if text.isascii() and text.isprintable():
        return text
    text = _no_surrogates(text)
    if keep_newlines:
        lines = text.replace("\r\n", "\n").split("\n")
        return "\n".join(screen_text(line) for line in lines)
    return _CONTROLS.sub("", _BREAKS.sub(" ", text))


def terminal_text(text: str) -> str:
    """``text`` as one line that cannot steer a terminal."""
    if text.isascii() and text.isprintable():
        return text
    text = _no_surrogates(text)
    return _BIDI.sub("", _CONTROLS.sub("", _BREAKS.sub(" ", text)))


def sheet_text(text: str) -> str:
    """``text`` as an Excel cell can hold it (tab, line feed and carriage return stay)."""
    if text.isascii() and text.isprintable():
        return text
    return _SHEET_ILLEGAL.sub("", _no_surrogates(text))

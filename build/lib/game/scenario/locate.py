"""Where each key of a TOML file stands: key path -> line number.

``tomllib`` gives values without positions, so this module walks the text once, tracking
table headers, arrays of tables, dotted keys, inline tables and arrays (strings and comments
skipped), and records the line of every key and array element. Error messages then name the
line of the key they are about, or of its nearest parent when the key itself is absent.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")


class KeyLines:
    """Lines of the keys of one TOML document."""

    def __init__(self, text: str) -> None:
        self.lines: dict[Path, int] = {}
        self._text = text
        self._pos = 0
        self._line = 1
        self._arrays: dict[Path, int] = {}
        try:
            self._document()
        except (IndexError, ValueError):
            pass  # a broken document: keep what was found so far

    def line_of(self, path: Path) -> int:
        """The line of ``path``, or of its nearest recorded parent; 1 when nothing matches."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return 1

    # -- scanning -------------------------------------------------------------------------

    def _peek(self) -> str:
        return self._text[self._pos] if self._pos < len(self._text) else ""

    def _advance(self, n: int = 1) -> None:
        chunk = self._text[self._pos : self._pos + n]
        self._line += chunk.count("\n")
        self._pos += n

    def _skip_space(self, newlines: bool) -> None:
        while self._pos < len(self._text):
            ch = self._text[self._pos]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self._advance()
            elif ch == "#":
                end = self._text.find("\n", self._pos)
                self._advance((len(self._text) if end < 0 else end) - self._pos)
            else:
                return

    def _document(self) -> None:
        table: Path = ()
        while True:
            self._skip_space(newlines=True)
            if self._pos >= len(self._text):
                return
            if self._text.startswith("[[", self._pos):
                line = self._line
                self._advance(2)
                keys = self._keys()
                self._skip_to("]]", 2)
                table = self._resolve(keys, array=True)
                self.lines.setdefault(table, line)
                self.lines.setdefault(table[:-1], line)
            elif self._peek() == "[":
                line = self._line
                self._advance(1)
                keys = self._keys()
                self._skip_to("]", 1)
                table = self._resolve(keys, array=False)
                self.lines.setdefault(table, line)
            else:
                self._key_value(table)

    def _skip_to(self, token: str, size: int) -> None:
        end = self._text.find(token, self._pos)
        if end < 0:
            raise ValueError("unterminated header")
        self._advance(end - self._pos + size)

    def _resolve(self, keys: list[str], array: bool) -> Path:
        path: Path = ()
        for i, key in enumerate(keys):
            path = (*path, key)
            last = i == len(keys) - 1
            if last and array:
                index = self._arrays.get(path, -1) + 1
                self._arrays[path] = index
                path = (*path, index)
            elif path in self._arrays:
                path = (*path, self._arrays[path])
        return path

    def _keys(self) -> list[str]:
        keys: list[str] = []
        while True:
            self._skip_space(newlines=False)
            ch = self._peek()
            if ch in "\"'":
                start = self._pos + 1
                end = self._text.find(ch, start)
                if end < 0:
                    raise ValueError("unterminated key")
                keys.append(self._text[start:end])
                self._advance(end - self._pos + 1)
            else:
                match = _BARE.match(self._text, self._pos)
                if not match:
                    raise ValueError("bad key")
                keys.append(match.group())
                self._advance(match.end() - self._pos)
            self._skip_space(newlines=False)
            if self._peek() == ".":
                self._advance()
                continue
            return keys

    def _key_value(self, table: Path) -> None:
        line = self._line
        keys = self._keys()
        path = (*table, *keys)
        self.lines.setdefault(path, line)
        self._skip_space(newlines=False)
        if self._peek() != "=":
            raise ValueError("expected =")
        self._advance()
        self._skip_space(newlines=False)
        self._value(path)

    def _value(self, path: Path) -> None:
        ch = self._peek()
        if ch in "\"'":
            self._string()
        elif ch == "[":
            self._advance()
            index = 0
            while True:
                self._skip_space(newlines=True)
                if self._peek() == "]":
                    self._advance()
                    return
                if self._peek() == ",":
                    self._advance()
                    continue
                self.lines.setdefault((*path, index), self._line)
                self._value((*path, index))
                index += 1
        elif ch == "{":
            self._advance()
            while True:
                self._skip_space(newlines=False)
                if self._peek() == "}":
                    self._advance()
                    return
                if self._peek() == ",":
                    self._advance()
                    continue
                self._key_value(path)
        else:
            while self._pos < len(self._text) and self._text[self._pos] not in ",]}\n#":
                self._advance()

    def _string(self) -> None:
        quote = self._peek()
        if self._text.startswith(quote * 3, self._pos):
            end = self._text.find(quote * 3, self._pos + 3)
            if end < 0:
                raise ValueError("unterminated string")
            while self._text.startswith(quote, end + 3):
                end += 1
            self._advance(end + 3 - self._pos)
            return
        i = self._pos + 1
        while i < len(self._text) and self._text[i] != quote and self._text[i] != "\n":
            i += 2 if quote == '"' and self._text[i] == "\\" else 1
        self._advance(i + 1 - self._pos)


def format_path(path: Path) -> str:
    """``('policies', 3, 'effects', 0, 'metric')`` -> ``policies[3].effects[0].metric``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out

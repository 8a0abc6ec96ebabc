"""The one exception tree of the project.

::

    AgenError                  anything the user can be told about in one line
    ├── ScenarioError          a scenario (or plan) file is refused; holds its Problems
    ├── ActionRefused          a player action breaks a rule (no budget, excluded, ...)
    ├── PlanError              a plan step could not be carried out
    └── ResultError            a result file is malformed or does not verify

Every one of them renders as plain lines for the terminal and never as a traceback.

What the program tells a person is a :class:`Message`: a stable code (a member of a
:class:`Codes` table, whose value is its catalog key) and its fields. This module holds no
words: ``game.i18n`` installs the one function that says a Message in a language
(:func:`use_words`), and the front ends call ``game.i18n.say`` directly. ``str()`` of a
Message, a Problem or a ScenarioError is English, through that function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Union


class Codes(str, Enum):
    """Base of every table of message codes; each area subclasses it (``class LoadCode(Codes)``).

    A member's value is its catalog key (``"load.file_not_found"``): the text in
    ``assets/i18n/{id,en}.toml``. Every ``Message`` is made from a member, so the set of codes
    the program can say is the union of these tables (a test checks
    each has its text in both catalogs).
    """

    def __str__(self) -> str:
        return str(self.value)


@dataclass(frozen=True)
class Localized:
    """A scenario's own text as a field (a policy's name): said in the reader's language, else
    in the first language the text has. ``Localized.of(text)`` takes a string or a table."""

    texts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, text: str | Mapping[str, str]) -> Localized:
        """The text as written in a scenario: one string, or ``{lang: text}``."""
        if isinstance(text, str):
            return cls((("", text),))
        return cls(tuple(text.items()))

    def get(self, lang: str) -> str:
        """The text in ``lang``, else the first one given."""
        return next(
            (t for la, t in self.texts if la == lang), self.texts[0][1] if self.texts else ""
        )


# a field: words as they are, a number, another Message, a scenario's text, or several of these
Value = Union[str, int, float, "Message", Localized, tuple["Value", ...]]


@dataclass(frozen=True)
class Message:
    """Something to tell a person: a stable code and its fields, not yet words.

    A field may itself be a Message (the "did you mean" hint, the kind of thing written); the
    front ends turn the whole into words of one language with ``game.i18n.say``.
    """

    code: Codes
    fields: tuple[tuple[str, Value], ...] = ()

    @classmethod
    def of(cls, code: Codes, /, **fields: Value) -> Message:
        """``Message.of(LoadCode.NO_METRIC, id="trust", hint=...)``."""
        return cls(code, tuple(fields.items()))

    def field(self, name: str) -> Value:
        """The value of one field (KeyError when absent)."""
        for key, value in self.fields:
            if key == name:
                return value
        raise KeyError(name)

    def __str__(self) -> str:
        return words(self, "en")


# The front end that turns a Message into words (game.i18n installs it when imported, and
# ``game/__init__.py`` imports it); the core never holds words itself.
_SAY: list[Callable[[Message, str], str]] = []


def use_words(say: Callable[[Message, str], str]) -> None:
    """Install the function that turns a Message into words (called once by game.i18n)."""
    _SAY[:] = [say]


def words(message: Message, lang: str = "en") -> str:
    """The message in ``lang`` through the installed front end (its code and fields without one)."""
    if _SAY:
        return _SAY[0](message, lang)
    shown = ", ".join(f"{k}={v}" for k, v in message.fields)
    return f"{message.code.value}({shown})" if shown else message.code.value


class AgenError(Exception):
    """Base of every error the user sees as a message rather than a traceback.

    ``said`` is the Message of an error the core raises (``game.i18n.say_error`` words it);
    None for an error that still carries its text.
    """

    said: Message | None = None

    def __init__(self, what: str | Message = "") -> None:
        if isinstance(what, Message):
            self.said = what
        super().__init__(what)

    def __str__(self) -> str:
        return str(self.said) if self.said is not None else super().__str__()


class ProblemCode(Codes):
    """The frame of a located finding: ``FILE:LINE: key.path: message``."""

    LINE = "problem.line"
    WARNING_LINE = "problem.warning_line"


@dataclass(frozen=True)
class Problem:
    """One finding about a file: where it stands and what is wrong (a Message, not words)."""

    file: str
    line: int
    path: str
    what: Message
    warning: bool = False

    @property
    def code(self) -> Codes:
        """The stable code of what is wrong (``load.no_metric``)."""
        return self.what.code

    @property
    def fields(self) -> dict[str, Value]:
        """The fields of what is wrong (ids, values, hints)."""
        return dict(self.what.fields)

    @property
    def message(self) -> str:
        """What is wrong, in English (the words the front end installed)."""
        return words(self.what, "en")

    def as_message(self) -> Message:
        """The whole line as a Message: place, key path and what is wrong."""
        where = f"{self.file}:{self.line}" if self.line > 0 else self.file
        path = f"{self.path}: " if self.path else ""
        code = ProblemCode.WARNING_LINE if self.warning else ProblemCode.LINE
        return Message.of(code, where=where, path=path, message=self.what)

    def format(self, lang: str = "en") -> str:
        """``FILE:LINE: key.path: message`` in ``lang`` (warnings marked as such)."""
        return words(self.as_message(), lang)

    def __str__(self) -> str:
        return self.format()


@dataclass
class ScenarioError(AgenError):
    """A file was refused; ``problems`` holds one entry per error found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)


class ActionRefused(AgenError):
    """A player action is not allowed now: ``reason`` is its stable code for the program
    (``no_budget``, ``excluded``, ...), ``said`` the Message a front end words."""

    said: Message

    def __init__(self, reason: str, said: Message) -> None:
        self.reason = reason
        self.said = said
        super().__init__(said)

    def __str__(self) -> str:
        return str(self.said)


class PlanError(AgenError):
    """A plan step or a recorded decision could not be carried out; ``said`` says why.

    ``path`` is the key path of the refused entry inside its plan (``("plan", 2, "adopt", 0)``),
    from which a front end holding the file finds its line; empty for a recorded decision.
    """

    said: Message

    def __init__(self, said: Message, path: tuple[str | int, ...] = ()) -> None:
        self.said = said
        self.path = path
        super().__init__(said)

    def __str__(self) -> str:
        return str(self.said)


class ResultError(AgenError):
    """A result file is malformed, of an unknown scenario version, or does not verify.

    Raised with a Message (``said``: a front end words it in its reader's language; ``str``
    gives the English line the CLI prints) or with a line already in both languages."""

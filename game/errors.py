"""The one exception tree of the project.

::

    AgenError                  anything the user can be told about in one line
    ├── ScenarioError          a scenario (or plan) file is refused; holds its Problems
    ├── ActionRefused          a player action breaks a rule (no budget, excluded, ...)
    ├── PlanError              a plan step could not be carried out
    └── ResultError            a result file is malformed or does not verify

Every one of them renders as plain lines for the terminal and never as a traceback.

The core never holds words: it says what happened as a :class:`Message` (a stable code and
its fields), and only a front end (ui, cli, classroom, a report) turns it into words with
``game.i18n.render``, from the catalogs ``assets/i18n/{id,en}.toml`` where the code is the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


class Message:
    """A stable code and the fields its text needs, e.g.
    ``Message("refused.no_budget", cost=12.0, budget=3.0)``.

    The code is a key of both catalogs; its text may name the fields (``{cost:g}``). A field is
    a number or a plain string (shown as it is), a table of languages (a scenario's own text,
    shown in the reader's language), another Message (rendered in the same language), or a
    list of these (joined with ", ").
    """

    __slots__ = ("code", "fields")

    def __init__(self, code: str, /, **fields: object) -> None:
        self.code = code
        self.fields: Mapping[str, object] = fields

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Message)
            and other.code == self.code
            and dict(other.fields) == dict(self.fields)
        )

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.fields.items())
        return f"Message({self.code!r}{args})"

    def __str__(self) -> str:
        """The code and its fields, for logs (a front end renders the words)."""
        if not self.fields:
            return self.code
        return f"{self.code}({', '.join(f'{k}={v}' for k, v in self.fields.items())})"


class AgenError(Exception):
    """Base of every error the user sees as a message rather than a traceback.

    ``said`` is the Message of an error raised by the core (rendered by ``game.i18n.render``);
    None for an error that still carries its text.
    """

    said: Message | None = None


@dataclass(frozen=True)
class Problem:
    """One finding about a file: where it stands and what is wrong."""

    file: str
    line: int
    path: str
    message: str
    warning: bool = False

    def format(self, lang: str = "en") -> str:
        """Render as ``FILE:LINE: key.path: message`` (warnings marked as such).

        ``lang="id"`` gives the message in Bahasa Indonesia (``peringatan:`` for warnings);
        the file, line, key path, ids and values stay as written. Any other language is English.
        """
        where = f"{self.file}:{self.line}" if self.line > 0 else self.file
        path = f"{self.path}: " if self.path else ""
        if lang == "id":
            from game.scenario.messages_id import to_indonesian

            kind = "peringatan: " if self.warning else ""
            return f"{where}: {kind}{path}{to_indonesian(self.message)}"
        kind = "warning: " if self.warning else ""
        return f"{where}: {kind}{path}{self.message}"


@dataclass
class ScenarioError(AgenError):
    """A file was refused; ``problems`` holds one entry per error found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)


class ActionRefused(AgenError):
    """A player action is not allowed now: ``reason`` is the stable code (``no_budget``,
    ``excluded``, ...); ``said`` the Message ``refused.<reason>`` (or ``code`` when one reason
    has several texts) with its fields."""

    said: Message

    def __init__(self, reason: str, /, code: str | None = None, **fields: object) -> None:
        self.reason = reason
        self.said = Message(code or f"refused.{reason}", **fields)
        super().__init__(str(self.said))


class PlanError(AgenError):
    """A plan step or a recorded decision could not be carried out; ``said`` says why.

    ``path`` is the key path of the refused entry inside its plan (``("plan", 2, "adopt", 0)``),
    from which a front end holding the file finds its line; empty for a recorded decision.
    """

    said: Message

    def __init__(self, said: Message, path: tuple[str | int, ...] = ()) -> None:
        self.said = said
        self.path = path
        super().__init__(str(said))


class ResultError(AgenError):
    """A result file is malformed, of an unknown scenario version, or does not verify."""

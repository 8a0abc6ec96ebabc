"""The one exception tree of the project.

::

    AgenError                  anything the user can be told about in one line
    ├── ScenarioError          a scenario (or plan) file is refused; holds its Problems
    ├── ActionRefused          a player action breaks a rule (no budget, excluded, ...)
    ├── PlanError              a plan step could not be carried out
    └── ResultError            a result file is malformed or does not verify

Every one of them renders as plain lines for the terminal and never as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class AgenError(Exception):
    """Base of every error the user sees as a message rather than a traceback."""


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
    """A player action is not allowed now; ``reason`` is a stable code, the text is bilingual."""

    def __init__(self, reason: str, message_id: str, message_en: str) -> None:
        super().__init__(message_en)
        self.reason = reason
        self.message_id = message_id
        self.message_en = message_en

    def message(self, lang: str) -> str:
        """The explanation in the player's language."""
        return self.message_id if lang == "id" else self.message_en


class PlanError(AgenError):
    """A plan step could not be applied (refused action in a plan, expectation, result)."""

    def __init__(self, message_en: str, message_id: str | None = None) -> None:
        super().__init__(message_en)
        self.message_id = message_id or message_en

    def message(self, lang: str) -> str:
        """The explanation in the reader's language."""
        return self.message_id if lang == "id" else str(self)


class ResultError(AgenError):
    """A result file is malformed, of an unknown scenario version, or does not verify."""

"""The result file: one finished game as JSON (format 1), written atomically, read strictly.

A record holds what is needed to replay the game (scenario id, version and hash, seed and
the decisions) plus the outcome as a convenience; importing a record replays it and refuses
it if the stored outcome differs (see :mod:`game.results.verify`).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from game import __version__ as APP_VERSION
from game.atomic import write_text_atomic
from game.engine import Decision, Game
from game.engine.prediction import Prediction
from game.errors import Message, ResultError
from game.nesting import too_deep_line
from game.results.result_text import ResultText
from game.scenario import LoadedScenario, localize

FORMAT: Literal[1] = 1
MAX_RESULT_BYTES = 5_000_000
_UNSAFE = re.compile(r"[^A-Za-z0-9-]+")


class Origin(BaseModel):
    """How a result was made: in the game window, in a browser seat of a live class (played
    on the class server), or by ``agen simulate`` with a bot or a plan."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    tool: Literal["game", "browser", "simulate"] = "game"
    bot: str | None = Field(None, max_length=100)
    plan: str | None = Field(None, max_length=300)

    @property
    def is_bot(self) -> bool:
        """Whether no person made the decisions (a bot or a plan file played them)."""
        return self.tool == "simulate"

    def label(self) -> str:
        """``game``, ``browser``, ``simulate:BOT`` or ``simulate:plan:FILE`` (as stored and
        exported)."""
        if self.tool != "simulate":
            return self.tool
        if self.plan is not None:
            return f"simulate:plan:{self.plan}"
        return f"simulate:{self.bot}" if self.bot is not None else "simulate"


class ReadDecisions(tuple[dict[str, Any], ...]):
    """A record's decisions as stored (a tuple like any other: equal, dumped and hashed as
    one), carrying the engine objects read from them when the record was checked: reading
    them again for the replay cost as much as checking them."""

    objects: tuple[Decision, ...] = ()

    @classmethod
    def of(cls, stored: tuple[dict[str, Any], ...], objects: list[Decision]) -> ReadDecisions:
        """The stored decisions with the objects read from them."""
        read = cls(stored)
        read.objects = tuple(objects)
        return read


# Fields added after format 1 was first written: left out of a file (and of its key) while
# they hold their empty default, so a file written before them keeps its key.
LATER_FIELDS: tuple[str, ...] = ("origin", "predictions", "quarters")


class ResultRecord(BaseModel):
    """One finished game, as stored in a result file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal[1] = FORMAT
    app_version: str
    scenario_id: str = Field(min_length=1, max_length=200)
    scenario_version: str = Field(min_length=1, max_length=100)
    scenario_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    seed: int = Field(ge=-(2**63), lt=2**63)
    language: str = Field(min_length=1, max_length=20)
    player: str = Field(min_length=1, max_length=200)
    player_id: str | None = Field(None, max_length=100)
    cohort: str = Field(min_length=1, max_length=100)
    started: datetime
    ended: datetime
    decisions: tuple[dict[str, Any], ...]
    metrics: dict[str, float]
    score: float
    grade: str | None
    goals: tuple[str, ...]
    ending: str | None
    turns_played: int = Field(ge=0)
    origin: Origin | None = None
    predictions: tuple[dict[str, Any], ...] = ()
    quarters: int | None = Field(None, ge=1, le=100)

    @field_validator("predictions")
    @classmethod
    def _predictions_readable(cls, value: tuple[dict[str, Any], ...]) -> tuple[dict[str, Any], ...]:
        for i, item in enumerate(value):
            try:
                Prediction.from_json(item)
            except ResultError as exc:
                raise ValueError(f"prediction {i + 1}: {exc}") from None
        return value

    def prediction_objects(self) -> tuple[Prediction, ...]:
        """The predictions as engine objects."""
        return tuple(Prediction.from_json(p) for p in self.predictions)

    @property
    def short(self) -> bool:
        """Whether this was a short-form game (ranked apart from full games)."""
        return self.quarters is not None

    @field_validator("decisions")
    @classmethod
    def _decisions_readable(cls, value: tuple[dict[str, Any], ...]) -> tuple[dict[str, Any], ...]:
        objects = []
        for i, item in enumerate(value):
            try:
                objects.append(Decision.from_json(item))
            except ResultError as exc:
                raise ValueError(f"decision {i + 1}: {exc}") from None
        return ReadDecisions.of(value, objects)

    @field_validator("started", "ended")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)

    def origin_label(self) -> str | None:
        """How the result was made, as one word (None: a file older than the field)."""
        return self.origin.label() if self.origin is not None else None

    def decision_objects(self) -> list[Decision]:
        """The decisions as engine objects (for replay): those read when the record was
        checked, unless its decisions were given afterwards (``model_copy(update=...)``)."""
        if isinstance(self.decisions, ReadDecisions):
            return list(self.decisions.objects)
        return [Decision.from_json(d) for d in self.decisions]

    def to_json(self) -> dict[str, Any]:
        """The JSON-ready form written to a file (later fields only when they hold something)."""
        data = self.model_dump(mode="json")
        for name in LATER_FIELDS:
            if data.get(name) in (None, [], {}, ()):
                data.pop(name, None)
        return data

    def canonical(self) -> str:
        """A stable text of the record: sorted keys, no spaces (the basis of its key)."""
        return json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def key(self) -> str:
        """SHA-256 of the canonical record: the same result imported twice has the same key."""
        return self.canonical_and_key()[1]

    def canonical_and_key(self) -> tuple[str, str]:
        """:meth:`canonical` and :meth:`key` for the price of one."""
        text = self.canonical()
        return text, hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_from_game(
    game: Game,
    loaded: LoadedScenario,
    *,
    player: str,
    player_id: str | None,
    cohort: str,
    language: str,
    started: datetime | None = None,
    ended: datetime | None = None,
    origin: Origin | None = None,
    predictions: tuple[Prediction, ...] = (),
) -> ResultRecord:
    """The record of a finished game; raise ResultError if it is not over or a field is bad."""
    if not game.over or game.outcome is None:
        raise ResultError(Message.of(ResultText.NOT_FINISHED))
    outcome = game.outcome
    s = game.scenario  # the short form's, when it was played short
    finished = ended or datetime.now(timezone.utc)
    grade = None
    if outcome.grade is not None:
        grade = localize(s.scoring.grades[outcome.grade].name, language, s.default_language)
    try:
        return ResultRecord(
            app_version=APP_VERSION,
            scenario_id=s.id,
            scenario_version=s.version,
            scenario_sha256=loaded.sha256,
            seed=game.seed,
            language=language,
            player=player.strip(),
            player_id=(player_id or "").strip() or None,
            cohort=cohort.strip(),
            started=started or finished,
            ended=finished,
            decisions=tuple(d.to_json() for d in game.decisions),
            metrics=game.values_after(game.turns_played),
            score=outcome.score,
            grade=grade,
            goals=outcome.goals,
            ending=outcome.ending,
            turns_played=outcome.turns_played,
            origin=origin,
            predictions=tuple(p.to_json() for p in predictions),
            quarters=s.turns if s.turns != loaded.scenario.turns else None,
        )
    except ValidationError as exc:
        raise ResultError(_first_error(exc)) from None


def _safe(text: str, limit: int = 40) -> str:
    """Letters kept as far as ASCII allows (É -> E, Ⅱ -> II), then anything else as "-"."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return _UNSAFE.sub("-", plain).strip("-")[:limit] or "x"


def result_file_name(record: ResultRecord) -> str:
    """``<cohort>_<player>_<scenario>_<timestamp>.json`` in safe characters only."""
    stamp = record.ended.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    parts = (_safe(record.cohort), _safe(record.player), _safe(record.scenario_id), stamp)
    return "_".join(parts) + ".json"


def write_result(record: ResultRecord, path: Path) -> Path:
    """Write atomically (temporary file in the same folder, then rename); return the final path.

    A path whose name ends in ``.json`` is the file to write; any other path is a folder
    (created if missing) in which a file name is chosen that does not overwrite another.
    """
    path = Path(path)
    try:
        if path.suffix.lower() == ".json" and not path.is_dir():
            folder, target = path.parent, path
            folder.mkdir(parents=True, exist_ok=True)
        else:
            folder = path
            folder.mkdir(parents=True, exist_ok=True)
            name = result_file_name(record)
            target, n = folder / name, 2
            while target.exists():
                target = folder / f"{name.removesuffix('.json')}-{n}.json"
                n += 1
        text = json.dumps(record.to_json(), ensure_ascii=False, indent=2) + "\n"
        write_text_atomic(target, text)
    except OSError as exc:
        raise ResultError(
            Message.of(ResultText.WRITE_RESULT, path=str(path), reason=exc.strerror or str(exc))
        ) from None
    return target


def parse_result(data: bytes) -> ResultRecord:
    """Parse the bytes of a result file; raise ResultError with a one-line reason."""
    if len(data) > MAX_RESULT_BYTES:
        raise ResultError(Message.of(ResultText.TOO_LARGE))
    try:
        text = data.decode("utf-8")
        raw = json.loads(text)
    except UnicodeDecodeError:
        raise ResultError(Message.of(ResultText.NOT_UTF8)) from None
    except json.JSONDecodeError as exc:
        raise ResultError(Message.of(ResultText.NOT_JSON, line=exc.lineno)) from None
    except RecursionError:
        raise ResultError(Message.of(ResultText.TOO_DEEP, line=too_deep_line(text))) from None
    if not isinstance(raw, dict) or "format" not in raw:
        raise ResultError(Message.of(ResultText.NO_FORMAT))
    version = raw["format"]
    if version != FORMAT or isinstance(version, bool):
        found = f"{version!r:.20}"
        raise ResultError(Message.of(ResultText.OTHER_FORMAT, found=found, format=FORMAT))
    try:
        return ResultRecord.model_validate(raw)
    except ValidationError as exc:
        raise ResultError(_first_error(exc)) from None


def read_result(path: Path) -> ResultRecord:
    """Read and check a result file; raise ResultError with a one-line reason."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ResultError(Message.of(ResultText.FILE_NOT_FOUND)) from None
    except IsADirectoryError:
        raise ResultError(Message.of(ResultText.IS_FOLDER)) from None
    except OSError as exc:
        raise ResultError(
            Message.of(ResultText.CANNOT_READ, reason=exc.strerror or str(exc))
        ) from None
    return parse_result(data)


def _first_error(exc: ValidationError) -> str:
    errors = exc.errors()
    first = errors[0]
    where = ".".join(str(p) for p in first["loc"]) or "record"
    message = str(first["msg"]).removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}"

"""Verification by replay: a result counts only if its decisions reproduce its outcome.

The scenario is found by id and version in a scenarios folder and must be byte-for-byte the
file that was played (same SHA-256). The decisions are replayed on it with the recorded
seed; any refused decision or any difference in score, grade, goals, ending or final
metrics refuses the record.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from game import paths
from game.engine import Game, replay
from game.engine.prediction import check_predictions
from game.errors import Message, PlanError, ResultError, ScenarioError
from game.i18n import english_first
from game.results.record import ResultRecord
from game.results.result_text import ResultText
from game.scenario import LoadedScenario, load_scenario, localize
from game.scenario.reflection_keys import check_quarters, with_turns

# The engine rounds metrics and scores to 9 decimals, and JSON keeps floats exactly, so a
# replay on the same scenario gives the same digits; one unit in the 9th decimal is allowed
# for a last-bit difference of the C maths library between machines.
TOLERANCE = 1.5e-9


def default_scenarios_dir() -> Path:
    """The scenarios shipped with the game (the repository's ``scenarios/`` folder)."""
    return paths.SCENARIOS


@dataclass
class ScenarioLibrary:
    """The scenarios of one or more folders, loaded on first use: a record names its file's
    SHA-256, so only the files with that hash are loaded (loading a scenario costs far more
    than hashing every file); the full index by id and version is built only to explain a
    record whose scenario is not there."""

    folders: tuple[Path, ...]
    _by_key: dict[tuple[str, str], list[LoadedScenario]] | None = None
    broken: dict[str, str] = field(default_factory=dict)
    _hashes: list[tuple[Path, str]] | None = field(default=None, repr=False, compare=False)
    _loaded: dict[Path, LoadedScenario | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def of(cls, folders: Path | Iterable[Path] | None = None) -> ScenarioLibrary:
        """A library of the given folders (default: the shipped scenarios)."""
        if folders is None:
            return cls((default_scenarios_dir(),))
        if isinstance(folders, Path):
            return cls((folders,))
        return cls(tuple(folders))

    def check_folders(self) -> None:
        """Raise ResultError naming a scenarios folder that does not exist."""
        for folder in self.folders:
            if not folder.is_dir():
                raise ResultError(f"{folder}: {english_first(ResultText.NO_SCENARIOS_FOLDER)}")

    def _files(self) -> list[Path]:
        """The scenario files, in the order the library searches them."""
        files: list[Path] = []
        for folder in self.folders:
            files += sorted(folder.rglob("*.toml")) if folder.is_dir() else [folder]
        return files

    def _load(self, file: Path) -> LoadedScenario | None:
        """The file loaded (once); None, and its first line in ``broken``, if it does not load."""
        if file not in self._loaded:
            try:
                self._loaded[file] = load_scenario(file)
            except ScenarioError as exc:
                self.broken[str(file)] = str(exc).splitlines()[0] if str(exc) else "invalid"
                self._loaded[file] = None
        return self._loaded[file]

    def _with_hash(self, sha256: str) -> Iterator[LoadedScenario]:
        """The loadable scenarios whose file has this SHA-256, in search order (a file that
        cannot be read is left to the full index, which names it)."""
        if self._hashes is None:
            hashes: list[tuple[Path, str]] = []
            for file in self._files():
                with suppress(OSError):
                    hashes.append((file, hashlib.sha256(file.read_bytes()).hexdigest()))
            self._hashes = hashes
        for file, digest in self._hashes:
            if digest == sha256:
                loaded = self._load(file)
                if loaded is not None and loaded.sha256 == sha256:
                    yield loaded

    def _index(self) -> dict[tuple[str, str], list[LoadedScenario]]:
        if self._by_key is None:
            index: dict[tuple[str, str], list[LoadedScenario]] = {}
            for file in self._files():
                loaded = self._load(file)
                if loaded is not None:
                    key = (loaded.scenario.id, loaded.scenario.version)
                    index.setdefault(key, []).append(loaded)
            self._by_key = index
        return self._by_key

    def find(self, record: ResultRecord) -> LoadedScenario:
        """The scenario the record was played on; raise ResultError if missing or changed."""
        name = (record.scenario_id, record.scenario_version)
        for loaded in self._with_hash(record.scenario_sha256):
            if (loaded.scenario.id, loaded.scenario.version) == name:
                return loaded
        candidates = self._index().get(name, [])
        for loaded in candidates:
            if loaded.sha256 == record.scenario_sha256:
                return loaded
        where = ", ".join(str(f) for f in self.folders)
        words = {"id": record.scenario_id, "version": record.scenario_version}
        if candidates:
            path = candidates[0].path
            raise ResultError(english_first(ResultText.SCENARIO_CHANGED, **words, path=path))
        raise ResultError(english_first(ResultText.UNKNOWN_SCENARIO, **words, where=where))

    def by_hash(self, sha256: str) -> LoadedScenario | None:
        """The loaded scenario with this file hash, if any."""
        return next(self._with_hash(sha256), None)


def verify(record: ResultRecord, library: ScenarioLibrary) -> Game:
    """Replay the record on its scenario; return the replayed game or raise ResultError."""
    loaded = library.find(record)
    return verify_on(record, loaded)


def verify_on(record: ResultRecord, loaded: LoadedScenario) -> Game:
    """Replay the record on a given (already matched) scenario; raise ResultError on mismatch."""
    decisions = record.decision_objects()
    why_not = check_quarters(loaded.scenario, record.quarters)
    if why_not is not None:
        raise ResultError(Message.of(ResultText.QUARTERS, reason=why_not))
    try:
        game = replay(with_turns(loaded.compiled, record.quarters), record.seed, decisions)
    except PlanError as exc:
        raise ResultError(Message.of(ResultText.NOT_REPLAYED, reason=exc.said)) from None
    played = [d.to_json() for d in game.decisions]
    if played != list(record.decisions):
        given = len(record.decisions)
        raise ResultError(Message.of(ResultText.INCOMPLETE, made=len(played), given=given))
    check_predictions(game, record.prediction_objects())
    outcome = game.outcome
    assert outcome is not None  # replay always plays to the end
    s = loaded.scenario
    grade = None
    if outcome.grade is not None:
        grade = localize(s.scoring.grades[outcome.grade].name, record.language, s.default_language)
    if not _same(outcome.score, record.score):
        raise ResultError(
            Message.of(
                ResultText.SCORE_DIFFERS,
                stored=f"{record.score:g}",
                replayed=f"{outcome.score:g}",
            )
        )
    checks: list[tuple[ResultText, object, object]] = [
        (ResultText.GRADE, record.grade, grade),
        (ResultText.GOALS, tuple(record.goals), outcome.goals),
        (ResultText.ENDING, record.ending, outcome.ending),
        (ResultText.TURNS_PLAYED, record.turns_played, outcome.turns_played),
    ]
    for what, stored, replayed in checks:
        if stored != replayed:
            raise ResultError(
                Message.of(
                    ResultText.FIELD_DIFFERS,
                    what=Message.of(what),
                    stored=repr(stored),
                    replayed=repr(replayed),
                )
            )
    final = game.values_after(game.turns_played)
    if set(final) != set(record.metrics):
        raise ResultError(Message.of(ResultText.METRICS_DIFFER))
    for name, value in final.items():
        if not _same(value, record.metrics[name]):
            raise ResultError(
                Message.of(
                    ResultText.METRIC_DIFFERS,
                    metric=name,
                    stored=f"{record.metrics[name]:g}",
                    replayed=f"{value:g}",
                )
            )
    return game


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.0, abs_tol=TOLERANCE)

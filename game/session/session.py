"""A game being played: the engine game plus who plays it, saved as it goes, and the
player's actions as use-cases (act, end the quarter, finish), so that the window and the
browser game run the same sequence and each front end only says what happened.

The autosave (JSON) holds the scenario path and SHA-256, seed, player, class, language,
start time and the decisions; resuming replays the decisions onto the same file. Where it
is kept and where a live class hears of the game are the front end's (:mod:`.ports`). No
pygame here: the session is tested without a window.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.engine import Action, Adopt, Decision, Game, replay
from game.engine.bots import passive_score
from game.engine.prediction import Prediction
from game.errors import AgenError, Codes, Message, ScenarioError
from game.nesting import too_deep_line
from game.results.record import (
    Origin,
    ResultRecord,
    record_from_game,
    result_file_name,
    write_result,
)
from game.scenario import Compiled, LoadedScenario, load_scenario
from game.scenario.reflection_keys import check_quarters, with_turns
from game.session.ports import ClassSink, JoinedClass, Keeper, Notice, SessionText

SAVE_FORMAT = 1


def now_iso() -> str:
    """The current time, UTC, ISO 8601."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ResumeText(Codes):
    """Why a saved game cannot be continued, or a game of that length not started."""

    NOT_OFFERED = "resume.not_offered"
    CANNOT_READ = "resume.cannot_read"
    TOO_DEEP = "resume.too_deep"
    OTHER_VERSION = "resume.other_version"
    SCENARIO_CHANGED = "resume.scenario_changed"
    DAMAGED = "resume.damaged"


@dataclass
class Player:
    """Who plays: name, optional id (NIP) and class code."""

    name: str
    player_id: str | None = None
    cohort: str = ""


@dataclass
class Session:
    """One player's game of one scenario."""

    path: Path
    loaded: LoadedScenario
    player: Player
    language: str
    seed: int
    game: Game = field(init=False)
    started: str = field(default_factory=now_iso)
    result_path: Path | None = None
    result_error: str | None = None
    joined: JoinedClass | None = None  # a game of a live class (class mode)
    result_json: dict[str, Any] | None = None  # the result file as written
    quarters: int | None = None  # the short form's turns, when played short
    predictions: list[Prediction] = field(default_factory=list)
    predict_first: int | None = None  # the class's or command line's override
    # the front end's: where the game is kept, where a live class hears of it, and the
    # folders its result file may go to, in order (none: the result is not written to a file)
    keeper: Keeper | None = field(default=None, repr=False, compare=False)
    sink: ClassSink | None = field(default=None, repr=False, compare=False)
    result_folders: tuple[Path, ...] = ()
    finished: bool = False  # the result has been kept (finish() ran to its end)
    origin: Origin = field(default_factory=Origin)  # "game"; a browser seat: "browser"

    def __post_init__(self) -> None:
        self.game = Game(self.compiled, self.seed)

    @property
    def compiled(self) -> Compiled:
        """The scenario as played: its short form when one was chosen."""
        return with_turns(self.loaded.compiled, self.quarters)

    @staticmethod
    def start(
        path: Path,
        player: Player,
        language: str,
        seed: int | None = None,
        quarters: int | None = None,
    ) -> Session:
        """A new game (raises ScenarioError when the file does not load, AgenError when the
        scenario offers no game of ``quarters`` turns)."""
        path = path.resolve()
        loaded = load_scenario(path)
        why_not = check_quarters(loaded.scenario, quarters)
        if why_not is not None:
            raise AgenError(Message.of(ResumeText.NOT_OFFERED, path=str(path), reason=why_not))
        if quarters == loaded.scenario.turns:
            quarters = None
        return Session(
            path,
            loaded,
            player,
            language,
            loaded.scenario.seed if seed is None else seed,
            quarters=quarters,
        )

    def to_json(self) -> dict[str, Any]:
        """The autosave."""
        return {
            "format": SAVE_FORMAT,
            "scenario": str(self.path),
            "sha256": self.loaded.sha256,
            "seed": self.seed,
            "player": self.player.name,
            "player_id": self.player.player_id,
            "cohort": self.player.cohort,
            "language": self.language,
            "started": self.started,
            "turn": self.game.turn,
            "decisions": [d.to_json() for d in self.game.decisions],
            **({"class": self.joined.to_json()} if self.joined is not None else {}),
            "quarters": self.quarters,
            "predictions": [p.to_json() for p in self.predictions],
        }

    # -- the player's actions -----------------------------------------------------------

    def autosave(self) -> list[Notice]:
        """Keep the game in progress. A finished game is not saved: its save stays until its
        result file is written (see finish), so a failed write loses nothing."""
        if self.game.over or self.keeper is None:
            return []
        try:
            self.keeper.save(self.to_json())
        except OSError as exc:
            return [Notice(Message.of(SessionText.SAVE_FAILED, error=str(exc)))]
        return []

    def act(self, action: Action) -> list[Notice]:
        """Adopt, cancel or answer an event, then autosave. A refused action raises
        ActionRefused (an AgenError) and changes nothing, not even the save."""
        self.game.act(action)
        return self.autosave()

    def adopt_predicting(self, policy: str, predictions: Sequence[Prediction]) -> list[Notice]:
        """Adopt ``policy`` and keep what the player predicted of it, then autosave."""
        self.game.act(Adopt(policy))
        self.predictions += predictions
        return self.autosave()

    def end_quarter(
        self, blocked: Callable[[], str | None] | None = None
    ) -> tuple[int, list[Notice]] | None:
        """End the current quarter: the quarter that ended and what to tell the player, or
        None when ``blocked`` (the class's gate, the caller's) names a reason not to. Then
        autosave, tell the class, and when the game is over, finish it."""
        if blocked is not None and blocked() is not None:
            return None
        turn = self.game.turn
        self.game.end_turn()
        notices = self.autosave()
        if self.joined is not None and self.sink is not None:
            decisions = [d.to_json() for d in self.game.decisions if d.turn <= turn]
            notices += self._to_class(lambda s, j: s.progress(j, turn, decisions))
        if self.game.over:
            notices += self.finish()
        return turn, notices

    def finish(self) -> list[Notice]:
        """The game is over: write its result file into the first of ``result_folders`` that
        takes it, then drop the save and queue the result for the class. When no folder takes
        it the save is kept, so that "continue" brings the player back and nothing is lost."""
        if not self.game.over or self.finished:
            return []
        notices: list[Notice] = []
        errors: list[str] = []
        for folder in self.result_folders:
            if self.write_result(folder) is not None:
                break
            errors.append(self.result_error or "?")
        if self.result_folders and self.result_path is None:
            return [Notice(Message.of(SessionText.RESULT_FAILED, error=errors[-1]))]
        if errors:
            notices.append(Notice(Message.of(SessionText.RESULT_FAILED, error=errors[0])))
        self.finished = True
        if self.keeper is not None:
            self.keeper.drop()
        if self.result_path is not None:
            saved = Message.of(SessionText.RESULT_SAVED, path=str(self.result_path))
            notices.append(Notice(saved, good=True))
        if not self.result_folders and self.joined is not None and self.sink is not None:
            self.result_json = self.record().to_json()  # no file: the class keeps the result
        if self.joined is not None and self.result_json is not None:
            result, turn = self.result_json, self.game.scenario.turns + 1
            notices += self._to_class(lambda s, j: s.result(j, turn, result))
        return notices

    def _to_class(self, send: Callable[[ClassSink, JoinedClass], None]) -> list[Notice]:
        """Queue something for the class; a sink that cannot even queue it is a notice."""
        if self.sink is None or self.joined is None:
            return []
        try:
            send(self.sink, self.joined)
        except OSError as exc:
            return [Notice(Message.of(SessionText.SAVE_FAILED, error=exc.strerror or str(exc)))]
        return []

    @staticmethod
    def resume(save_path: Path) -> Session:
        """The saved game, replayed to the turn it was saved at; AgenError when impossible."""
        try:
            text = save_path.read_text(encoding="utf-8")
            data: Any = json.loads(text)
        except (OSError, ValueError) as exc:
            raise AgenError(
                Message.of(ResumeText.CANNOT_READ, path=str(save_path), reason=str(exc))
            ) from None
        except RecursionError:
            line = too_deep_line(text)
            raise AgenError(
                Message.of(ResumeText.TOO_DEEP, path=str(save_path), line=line)
            ) from None
        if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
            raise AgenError(Message.of(ResumeText.OTHER_VERSION, path=str(save_path)))
        try:
            path = Path(str(data["scenario"]))
            loaded = load_scenario(path)
            if loaded.sha256 != data["sha256"]:
                raise AgenError(Message.of(ResumeText.SCENARIO_CHANGED, path=str(path)))
            player = Player(str(data["player"]), data.get("player_id"), str(data.get("cohort", "")))
            quarters = data.get("quarters")
            session = Session(
                path,
                loaded,
                player,
                str(data["language"]),
                int(data["seed"]),
                quarters=int(quarters) if quarters is not None else None,
            )
            session.started = str(data.get("started") or now_iso())
            session.joined = JoinedClass.from_json(data.get("class"))
            decisions = [Decision.from_json(d) for d in data["decisions"]]
            session.predictions = [Prediction.from_json(p) for p in data.get("predictions", [])]
            session.game = replay(
                session.compiled, session.seed, decisions, until_turn=int(data.get("turn", 1))
            )
        except ScenarioError as exc:
            raise AgenError(str(exc).splitlines()[0]) from None
        except (KeyError, TypeError, ValueError) as exc:
            raise AgenError(
                Message.of(ResumeText.DAMAGED, path=str(save_path), reason=str(exc))
            ) from None
        return session

    def passive_score(self) -> float:
        """The score of doing nothing on the same seed."""
        return passive_score(Game(self.compiled, self.seed))

    def record(self) -> ResultRecord:
        """The finished game's result record (AgenError or ValueError when it cannot be made)."""
        return record_from_game(
            self.game,
            self.loaded,
            player=self.player.name,
            player_id=self.player.player_id,
            cohort=self.player.cohort,
            language=self.language,
            started=datetime.fromisoformat(self.started),
            origin=self.origin,
            predictions=tuple(self.predictions),
        )

    def write_result(self, folder: Path) -> Path | None:
        """Write the finished game's result file into ``folder``; remember any failure."""
        try:
            record = self.record()
            target = write_result(record, folder / result_file_name(record))
        except (AgenError, OSError, ValueError) as exc:
            self.result_error = str(exc)
            return None
        self.result_path = target
        self.result_json = record.to_json()
        return target

"""A game being played in the window: the engine game plus who plays it, saved as it goes.

The autosave (JSON) holds the scenario path and SHA-256, seed, player, class, language,
start time and the decisions; resuming replays the decisions onto the same file. No
pygame here: the session is tested without a window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.atomic import write_text_atomic
from game.engine import BOTS, Decision, Game, play_bot, replay
from game.engine.prediction import Prediction
from game.errors import AgenError, Codes, Message, ScenarioError
from game.nesting import too_deep_line
from game.results.record import Origin, record_from_game, result_file_name, write_result
from game.scenario import Compiled, LoadedScenario, load_scenario
from game.scenario.reflection import check_quarters, with_turns

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


@dataclass(frozen=True)
class JoinedClass:
    """The live class a game belongs to: where its server is and this player's seat there."""

    base_url: str
    code: str
    token: str
    members: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """As kept in the autosave."""
        return {
            "base_url": self.base_url,
            "code": self.code,
            "token": self.token,
            "members": list(self.members),
        }

    @staticmethod
    def from_json(data: Any) -> JoinedClass | None:
        """Read back from the autosave; None when absent."""
        if not isinstance(data, dict):
            return None
        members = data.get("members") or []
        return JoinedClass(
            str(data["base_url"]),
            str(data["code"]),
            str(data["token"]),
            tuple(str(m) for m in members) if isinstance(members, list) else (),
        )


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

    def autosave(self, save_path: Path) -> None:
        """Save the game in progress atomically. A finished game is not saved: its save stays
        until its result file is written (see App.finish_game), so a failed write loses nothing."""
        if self.game.over:
            return
        write_text_atomic(save_path, json.dumps(self.to_json(), ensure_ascii=False, indent=1))

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
        bot = play_bot(Game(self.compiled, self.seed), BOTS["passive"], self.seed)
        assert bot.outcome is not None
        return bot.outcome.score

    def write_result(self, folder: Path) -> Path | None:
        """Write the finished game's result file into ``folder``; remember any failure."""
        try:
            record = record_from_game(
                self.game,
                self.loaded,
                player=self.player.name,
                player_id=self.player.player_id,
                cohort=self.player.cohort,
                language=self.language,
                started=datetime.fromisoformat(self.started),
                origin=Origin(tool="game"),
                predictions=tuple(self.predictions),
            )
            target = write_result(record, folder / result_file_name(record))
        except (AgenError, OSError, ValueError) as exc:
            self.result_error = str(exc)
            return None
        self.result_path = target
        self.result_json = record.to_json()
        return target

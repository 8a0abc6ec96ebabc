"""A headless participant: joins a class, plays with a bot or a plan, sends as the game does.

Used by ``agen simulate --join``, by the tests and by the benchmarks. It fetches the
class's scenario (checked by SHA-256) and seed, takes a seat, sends its decisions so far
after every quarter (waiting, in lockstep, until the facilitator opens it) and its result
file at the end. A bot's game does not depend on when it is played, so it is played whole
first; the server sees exactly what a player keeping to the lockstep rule would send. The
class's form (short or full) is played as the class says. A network drop or a busy server is waited out and the same thing sent
again; a refusal (422) stops it with the server's reason.
"""

from __future__ import annotations

import re
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from game.classlink.client import (
    ClassClient,
    ClassInfo,
    ClassRefused,
    ClassUnreachable,
    Reply,
    Seat,
)
from game.engine import BOTS, Game, play_bot, play_plan
from game.i18n import tr
from game.results.record import Origin, ResultRecord, record_from_game, write_result
from game.scenario import LoadedScenario, load_plan, load_scenario
from game.scenario.reflection_keys import with_turns

T = TypeVar("T")


@dataclass
class Participation:
    """What one headless participant did."""

    seat: Seat
    record: ResultRecord
    replies: list[Reply] = field(default_factory=list)
    waited_s: float = 0.0

    @property
    def result_reply(self) -> Reply:
        """The server's answer to the result file."""
        return self.replies[-1]


_LOADED: dict[str, LoadedScenario] = {}


def fetch_scenario(
    client: ClassClient, info: ClassInfo, folder: Path | None = None
) -> LoadedScenario:
    """Download the class's scenario (checked by its SHA-256) and load it: into ``folder``
    when given (the file stays), else through a temporary folder removed once the file is
    loaded. A file already loaded in this process is not parsed again."""
    if folder is None and info.scenario_sha256 in _LOADED:
        client.scenario()
        return _LOADED[info.scenario_sha256]
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="agen-join-") as where:
            return _load_into(client, info, Path(where))
    return _load_into(client, info, folder)


def _load_into(client: ClassClient, info: ClassInfo, folder: Path) -> LoadedScenario:
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", f"{info.scenario_id}-{info.scenario_sha256[:12]}")
    path = folder / f"{safe[:80]}.toml"  # the server's words never name a place outside it
    path.write_bytes(client.scenario())
    loaded = load_scenario(path)
    _LOADED[loaded.sha256] = loaded
    return loaded


def _play(
    info: ClassInfo, loaded: LoadedScenario, bot: str | None, plan: Path | None, own: int
) -> Game:
    compiled = with_turns(loaded.compiled, info.quarters)  # the class's form, short or full
    if plan is not None:
        return play_plan(compiled, load_plan(plan, loaded.scenario), info.seed)
    return play_bot(Game(compiled, info.seed), BOTS[bot or "random"], own)


def _until_sent(
    send: Callable[[], Reply], patience_s: float, pause_s: float, notice: Callable[[str], None]
) -> Reply:
    """Send until the server gives a final answer; wait out drops, pauses and closed quarters."""
    deadline = time.monotonic() + patience_s
    while True:
        try:
            reply = send()
        except (ClassUnreachable, ClassRefused) as exc:
            if isinstance(exc, ClassRefused) and not exc.retry:
                raise
            if time.monotonic() > deadline:
                raise
            notice(exc.message_en)
            time.sleep(pause_s)
            continue
        if reply.status == 422:
            raise ClassRefused(422, reply.code, reply.message, reply.message)
        return reply


def take_part(
    client: ClassClient,
    player: str,
    *,
    player_id: str | None = None,
    members: tuple[str, ...] = (),
    bot: str | None = "random",
    plan: Path | None = None,
    bot_seed: int | None = None,
    result_out: Path | None = None,
    patience_s: float = 3600.0,
    pause_s: float = 0.5,
    notice: Callable[[str], None] = lambda _m: None,
) -> Participation:
    """Join, play the whole game, send progress per quarter and the result; return what happened."""
    info = _patiently(client.info, patience_s, pause_s, notice)
    loaded = _patiently(lambda: fetch_scenario(client, info), patience_s, pause_s, notice)
    seat = _patiently(lambda: client.join(player, player_id, members), patience_s, pause_s, notice)
    own = bot_seed if bot_seed is not None else zlib.crc32(player.encode("utf-8"))
    game = _play(info, loaded, bot, plan, own)
    origin = Origin(
        tool="simulate", bot=None if plan else (bot or "random"), plan=plan.name if plan else None
    )
    record = record_from_game(
        game,
        loaded,
        player=seat.player,
        player_id=seat.player_id,
        cohort=info.code,
        language=client.language,
        origin=origin,
    )
    if result_out is not None:
        write_result(record, result_out)
    run = Participation(seat, record)
    decisions: list[dict[str, Any]] = list(record.decisions)
    for quarter in range(1, record.turns_played + 1):
        started = time.monotonic()
        info = _until_open(client, info, quarter, patience_s, pause_s, notice)
        run.waited_s += time.monotonic() - started
        so_far = [d for d in decisions if d["turn"] <= quarter]

        def send(q: int = quarter, s: list[dict[str, Any]] = so_far) -> Reply:
            return client.send_progress(seat, q, s)

        run.replies.append(_until_sent(send, patience_s, pause_s, notice))
    run.replies.append(
        _until_sent(lambda: client.send_result(seat, record.to_json()), patience_s, pause_s, notice)
    )
    return run


def _until_open(
    client: ClassClient,
    info: ClassInfo,
    quarter: int,
    patience_s: float,
    pause_s: float,
    notice: Callable[[str], None],
) -> ClassInfo:
    """The class once a player may finish ``quarter``: in lockstep a player waits for the
    facilitator to open it, as the game's window does; a class closed meanwhile refuses."""
    while not info.may_finish(quarter):
        if info.state == "closed":
            raise ClassRefused(
                422,
                "class.api.closed",
                tr("class.api.closed", "id"),
                tr("class.api.closed", "en"),
            )
        notice(f"waiting: quarter {quarter} not open yet")
        time.sleep(pause_s)
        info = _patiently(client.info, patience_s, pause_s, notice)
    return info


def _patiently(
    call: Callable[[], T], patience_s: float, pause_s: float, notice: Callable[[str], None]
) -> T:
    """``call()``, tried again while the server is unreachable or says "later" (as the game
    does on its join screen); a refusal for good is raised at once."""
    deadline = time.monotonic() + patience_s
    while True:
        try:
            return call()
        except (ClassUnreachable, ClassRefused) as exc:
            if isinstance(exc, ClassRefused) and not exc.retry:
                raise
            if time.monotonic() > deadline:
                raise
            notice(exc.message_en)
            time.sleep(pause_s)

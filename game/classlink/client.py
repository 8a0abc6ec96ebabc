"""The HTTP client of a live class: what the game and ``agen simulate --join`` share.

Synchronous, httpx only (no pygame). Every call raises :class:`ClassUnreachable` when the
server cannot be reached (the caller keeps what it meant to send and tries again later) or
:class:`ClassRefused` when the server answered no. ``send_progress`` and ``send_result``
return a :class:`Reply` for the three final answers: 201 stored, 409 already stored,
422 refused (with the reason in the asked language); anything else is ``ClassRefused``,
whose ``retry`` says whether sending the same thing later can succeed.

Lockstep rule (``ClassInfo.lockstep``): ``open_quarter`` is the highest quarter a participant
may *finish*, and so also the highest one they may play. Quarters ``1 .. open_quarter`` are
played as usual, ending ``open_quarter`` included; the game then shows the wait screen
instead of quarter ``open_quarter + 1`` (no deciding ahead) until the facilitator opens it,
polling :meth:`info` every few seconds. The server holds to the same rule: progress with
``turn = q`` (quarters completed) or a result whose ``turns_played`` is ``q`` is accepted
only while ``q <= open_quarter``; earlier it answers 423 (``ClassRefused``, ``retry=True``,
code ``class.api.wait_quarter``) and the sender keeps it to send again. A paused class
answers 423 ``class.api.paused`` to progress and results alike; a closed one 422. Without
lockstep ``open_quarter`` is None and every quarter is open.

Form: ``ClassInfo.quarters`` is the short form's number of turns when the class plays the
scenario's short form (None: the full game), and ``predict_first`` the class's prediction
setting (None: the scenario's; 0 never; N the first N adoptions of a game).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import quote

import httpx

from game.classlink import listen
from game.errors import AgenError
from game.i18n import tr
from game.paths import APP_NAME

API = "/api/v1"
RETRY_STATUSES = frozenset({408, 423, 425, 429, 500, 502, 503, 504})
_CLASS_SUFFIX = re.compile(r"/(class|api/v1/classes)/[^/]*/?.*$")


class ClassError(AgenError):
    """A class-mode failure: a message code and the words in both languages."""

    def __init__(self, code: str, message_id: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_id = message_id
        self.message_en = message_en

    def message(self, lang: str) -> str:
        """The explanation in the reader's language."""
        return self.message_id if lang == "id" else self.message_en


class ClassUnreachable(ClassError):
    """The server did not answer (network down, server stopped, timeout): queue and retry."""

    def __init__(self, address: str, detail: str = "") -> None:
        super().__init__(
            "class.client.unreachable",
            tr("class.client.unreachable", "id", address=address),
            tr("class.client.unreachable", "en", address=address),
        )
        self.detail = detail


class ClassRefused(ClassError):
    """The server answered no; ``retry`` is True when the same request may succeed later."""

    def __init__(
        self,
        status: int,
        code: str,
        message_id: str,
        message_en: str,
        message: str | None = None,
    ) -> None:
        super().__init__(code, message_id, message_en)
        self.status = status
        self.reply_message = message or message_en
        self.retry = status in RETRY_STATUSES


@dataclass(frozen=True)
class ClassInfo:
    """A class as the server describes it."""

    code: str
    scenario_id: str
    scenario_version: str
    scenario_sha256: str
    seed: int
    language: str
    state: Literal["open", "paused", "closed"]
    lockstep: bool
    open_quarter: int | None
    seconds_left: float | None
    quarters: int | None = None  # the short form's turns; None: the full game
    predict_first: int | None = None  # None: the scenario's setting; 0 never; N first N
    timer_round: int = 0  # how many times the facilitator started the quarter timer
    on_expiry: str = "nothing"  # when it runs out: "nothing" or "end_quarter" (end it as it is)
    # when this answer was read (time.monotonic): the timer counts down from here, so the
    # window shows the server's seconds whatever the two machines' clocks say
    at: float = field(default_factory=time.monotonic, compare=False)

    def left(self, now: float) -> float | None:
        """Seconds left on the quarter timer at ``now`` (monotonic); None when it is not
        running. It counts only while the class is open (a pause keeps the seconds)."""
        if self.seconds_left is None or self.state == "closed":
            return None
        if self.state == "paused":
            return self.seconds_left
        return max(0.0, self.seconds_left - (now - self.at))

    def news(self, other: ClassInfo | None) -> bool:
        """Whether ``other`` says something this answer does not (the timer: more than a
        second apart), so a fresh copy of the same class state redraws nothing."""
        if other is None:
            return True
        if replace(other, seconds_left=self.seconds_left) != self:
            return True
        mine, theirs = self.seconds_left, other.seconds_left
        if mine is None or theirs is None:
            return (mine is None) != (theirs is None)
        if self.state == "open":  # counting: compare when each says the time is up
            return abs((self.at + mine) - (other.at + theirs)) > 1.0
        return abs(mine - theirs) > 1.0

    def heard(self, event: dict[str, Any], at: float) -> ClassInfo:
        """This class as a live event (the projector's snapshot) describes it now;
        ValueError when the event does not say it plainly."""
        state = event.get("state")
        if state not in ("open", "paused", "closed") or not isinstance(event.get("lockstep"), bool):
            raise ValueError("state")
        left = event.get("seconds_left")
        if left is not None and (isinstance(left, bool) or not isinstance(left, int | float)):
            raise ValueError("seconds_left")
        try:
            quarter = _whole(event.get("open_quarter"))
        except TypeError:
            raise ValueError("open_quarter") from None
        try:
            timer_round, on_expiry = _timer(event.get("timer"))
        except (TypeError, ValueError):
            raise ValueError("timer") from None
        return replace(
            self,
            state=state,
            lockstep=event["lockstep"],
            open_quarter=quarter,
            seconds_left=None if left is None else float(left),
            timer_round=timer_round,
            on_expiry=on_expiry,
            at=at,
        )

    def may_finish(self, quarter: int) -> bool:
        """Whether quarter ``quarter`` (1-based) may be ended now (the lockstep rule)."""
        if self.state != "open":
            return False
        return self.open_quarter is None or quarter <= self.open_quarter


@dataclass(frozen=True)
class Seat:
    """A participant's place in a class; ``token`` authorises what it sends."""

    code: str
    token: str
    player: str
    player_id: str | None
    members: tuple[str, ...]


@dataclass(frozen=True)
class Reply:
    """A final answer to a progress or result: 201 stored, 409 already stored, 422 refused."""

    status: int
    code: str
    message: str

    @property
    def stored(self) -> bool:
        """Whether the server holds what was sent (newly or from before)."""
        return self.status in (200, 201, 409)


def _whole(value: Any) -> int | None:
    """An optional whole number of the server's answer (TypeError/ValueError otherwise)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(value)
    return value


def _timer(value: Any) -> tuple[int, str]:
    """The quarter timer's round and what its end does (TypeError/ValueError when unclear);
    a class without a timer: round 0, nothing."""
    if value is None:
        return 0, "nothing"
    if not isinstance(value, dict):
        raise TypeError(value)
    on_expiry = value.get("on_expiry", "nothing")
    if on_expiry not in ("nothing", "end_quarter"):
        raise ValueError(on_expiry)
    return _whole(value.get("round")) or 0, on_expiry


def base_of(address: str) -> str:
    """The server's base URL from what a participant typed: a scheme is added, a class path cut."""
    text = address.strip()
    if "://" not in text:
        text = "http://" + text
    return _CLASS_SUFFIX.sub("", text.rstrip("/")).rstrip("/")


class ClassClient:
    """One participant's (or one tool's) connection to one class on one server."""

    def __init__(
        self, base_url: str, code: str, *, language: str = "id", timeout: float = 5.0
    ) -> None:
        self.base_url = base_of(base_url)
        self.code = code.strip()
        self.language = language
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=timeout,
            headers={"Accept-Language": language, "User-Agent": APP_NAME},
        )

    def close(self) -> None:
        """Release the connection pool."""
        self._http.close()

    def __enter__(self) -> ClassClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def _path(self) -> str:
        return f"{API}/classes/{quote(self.code, safe='')}"

    def _request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        content: bytes | None = None,
        token: str | None = None,
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if content is not None:
            headers["Content-Type"] = "application/json"
        try:
            return self._http.request(method, path, json=body, content=content, headers=headers)
        except httpx.HTTPError as exc:
            raise ClassUnreachable(self.base_url, str(exc)) from None

    def _refused(self, response: httpx.Response) -> ClassRefused:
        try:
            body = response.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        code = str(body.get("code") or "class.api.http")
        en = str(body.get("message_en") or body.get("message") or f"HTTP {response.status_code}")
        ind = str(body.get("message_id") or en)
        return ClassRefused(response.status_code, code, ind, en, str(body.get("message") or en))

    def _ok(self, response: httpx.Response) -> dict[str, Any]:
        if response.status_code >= 400:
            raise self._refused(response)
        try:
            body = response.json()
        except ValueError:
            raise self._refused(response) from None
        if not isinstance(body, dict):
            raise self._refused(response)
        return body

    def info(self) -> ClassInfo:
        """The class: scenario, seed, state and the lockstep quarter."""
        b = self._ok(self._request("GET", self._path))
        try:
            return ClassInfo(
                code=str(b["code"]),
                scenario_id=str(b["scenario_id"]),
                scenario_version=str(b["scenario_version"]),
                scenario_sha256=str(b["scenario_sha256"]),
                seed=int(b["seed"]),
                language=str(b["language"]),
                state=b["state"],
                lockstep=bool(b["lockstep"]),
                open_quarter=None if b.get("open_quarter") is None else int(b["open_quarter"]),
                seconds_left=None if b.get("seconds_left") is None else float(b["seconds_left"]),
                quarters=_whole(b.get("quarters")),
                predict_first=_whole(b.get("predict_first")),
                timer_round=_timer(b.get("timer"))[0],
                on_expiry=_timer(b.get("timer"))[1],
                at=time.monotonic(),
            )
        except (KeyError, TypeError, ValueError):
            raise ClassRefused(
                502,
                "class.client.bad_answer",
                tr("class.client.bad_answer", "id"),
                tr("class.client.bad_answer", "en"),
            ) from None

    def live(self) -> Iterator[dict[str, Any] | None]:
        """The class's live events (what the projector pages hear): each snapshot as a dict,
        and None for a keep-alive (the caller may stop there); ends when the server ends the
        stream. ``ClassUnreachable`` when the line drops or stays silent too long."""
        try:
            yield from listen.events(self._http, f"{self._path}/live", self.language)
        except httpx.HTTPError as exc:
            raise ClassUnreachable(self.base_url, str(exc)) from None
        except listen.Refused as exc:
            raise self._refused(exc.response) from None

    def scenario(self) -> bytes:
        """The scenario file the class plays, checked against the SHA-256 of :meth:`info`."""
        expected = self.info().scenario_sha256
        response = self._request("GET", f"{self._path}/scenario")
        if response.status_code >= 400:
            raise self._refused(response)
        data = response.content
        if hashlib.sha256(data).hexdigest() != expected:
            raise ClassRefused(
                502,
                "class.client.bad_scenario",
                tr("class.client.bad_scenario", "id"),
                tr("class.client.bad_scenario", "en"),
            )
        return data

    def join(
        self,
        player: str,
        player_id: str | None = None,
        members: tuple[str, ...] = (),
        *,
        token: str | None = None,
    ) -> Seat:
        """Take a seat (or, with the ``token`` of a seat taken before, take it again)."""
        body = {"player": player, "player_id": player_id, "members": list(members)}
        b = self._ok(self._request("POST", f"{self._path}/seats", body=body, token=token))
        return Seat(
            code=str(b["code"]),
            token=str(b["token"]),
            player=str(b["player"]),
            player_id=b.get("player_id"),
            members=tuple(str(m) for m in b.get("members") or ()),
        )

    def _reply(self, response: httpx.Response) -> Reply:
        if response.status_code in (200, 201, 409, 422):
            try:
                body = response.json()
            except ValueError:
                body = {}
            if isinstance(body, dict) and "code" in body:
                return Reply(response.status_code, str(body["code"]), str(body.get("message", "")))
        raise self._refused(response)

    def send_progress(self, seat: Seat, turn: int, decisions: list[dict[str, Any]]) -> Reply:
        """Send the decisions after ``turn`` quarters completed (decisions as in a result file)."""
        body = {"turn": turn, "decisions": decisions}
        return self._reply(
            self._request("POST", f"{self._path}/progress", body=body, token=seat.token)
        )

    def send_result(self, seat: Seat, result: dict[str, Any]) -> Reply:
        """Send the finished game's result file (its JSON, as written to disk)."""
        data = json.dumps(result, ensure_ascii=False).encode("utf-8")
        return self._reply(
            self._request("POST", f"{self._path}/results", content=data, token=seat.token)
        )

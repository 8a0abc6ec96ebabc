"""Joining a live class: the join form checked, then the class's info, its scenario file (kept
under the user data folder as ``classes/CODE/<sha256>.toml``, loaded with the normal loader)
and a seat. Runs on a background thread; no pygame here.

Every refusal is a ``JoinFailed`` with a catalog key, so the screen says it in the player's
language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from game.atomic import write_atomic
from game.classlink.client import ClassClient, ClassInfo, ClassRefused, ClassUnreachable
from game.errors import AgenError, Message, Problem, ScenarioError
from game.i18n import say, tr
from game.scenario import LoadedScenario, load_scenario
from game.session import JoinedClass, Player

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$")
HOST = re.compile(r"^[A-Za-z0-9.-]{1,253}$|^[0-9A-Fa-f:.]{2,45}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
MAX_MEMBERS = 12


class JoinFailed(AgenError):
    """The class could not be joined; ``key`` and ``fields`` say why (catalog text)."""

    def __init__(self, key: str, field: str | None = None, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.field = field  # the form field to put the cursor in
        self.fields = fields

    def message(self, lang: str) -> str:
        """The reason in ``lang`` (a field that knows its own words gives them in ``lang``)."""
        fields = {k: _in_language(v, lang) for k, v in self.fields.items()}
        return tr(self.key, lang, **fields)


def _in_language(value: object, lang: str) -> object:
    if isinstance(value, (Message, Problem)):
        return say(value, lang)
    words = getattr(value, "message", None)
    return words(lang) if isinstance(value, AgenError) and callable(words) else value


@dataclass(frozen=True)
class JoinForm:
    """What the player typed, checked: where the class is and who joins it."""

    base_url: str
    code: str
    player: Player
    members: tuple[str, ...]


@dataclass(frozen=True)
class Joined:
    """A class joined: its info, its scenario as loaded here, the seat."""

    info: ClassInfo
    path: Path
    loaded: LoadedScenario
    joined: JoinedClass
    player: Player


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in text)


def parse_address(text: str) -> tuple[str, str | None]:
    """``192.168.1.10:8765`` (or a pasted ``http://…/class/CODE``) as a base URL and any class
    code found in its path; JoinFailed when it is not an address."""
    raw = text.strip()
    if not raw or _has_control(raw) or any(ch.isspace() for ch in raw) or len(raw) > 300:
        raise JoinFailed("class.err.address", "address")
    if "://" not in raw:
        raw = "http://" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise JoinFailed("class.err.address", "address") from None
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not HOST.match(host):
        raise JoinFailed("class.err.address", "address")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise JoinFailed("class.err.address", "address")
    netloc = f"[{host}]" if ":" in host else host
    base = f"{parts.scheme}://{netloc}" + (f":{port}" if port is not None else "")
    segments = [s for s in parts.path.split("/") if s]
    code = segments[1] if len(segments) >= 2 and segments[0] in ("class", "join") else None
    return base, code if code is not None and CODE.match(code) else None


def check_form(address: str, code: str, name: str, nip: str, members: str) -> JoinForm:
    """The typed form as a JoinForm; JoinFailed naming the first field that is wrong."""
    base, code_in_address = parse_address(address)
    code = code.strip() or (code_in_address or "")
    if not code:
        raise JoinFailed("class.err.need_code", "code")
    if not CODE.match(code):
        raise JoinFailed("class.err.code", "code")
    name = " ".join(name.split())
    if not name:
        raise JoinFailed("class.err.need_name", "name")
    for field, value in (("name", name), ("nip", nip), ("members", members)):
        if _has_control(value):
            raise JoinFailed("class.err.control", field)
    team = tuple(" ".join(m.split()) for m in members.split(",") if m.strip())
    if len(team) > MAX_MEMBERS:
        raise JoinFailed("class.err.members", "members", n=MAX_MEMBERS)
    return JoinForm(base, code, Player(name, nip.strip() or None, code), team)


def scenario_path(data_dir: Path, code: str, sha256: str) -> Path:
    """Where a class's scenario file is kept on this computer."""
    return data_dir / "classes" / code / f"{sha256}.toml"


def live_class(
    address: str, code: str, language: str, make_client: Any = ClassClient
) -> str | None:
    """The code of the live (not closed) class ``code`` at ``address``, as the server spells
    it; None when there is none or the server does not answer (network: a background thread)."""
    try:
        base, _ = parse_address(address)
    except JoinFailed:
        return None
    if not CODE.match(code.strip()):
        return None
    try:
        client = make_client(base, code.strip(), language=language, timeout=2.0)
    except Exception:
        return None
    try:
        info: ClassInfo = client.info()
    except Exception:  # unreachable, refused or unreadable: no class to offer
        return None
    finally:
        close = getattr(client, "close", None)
        if callable(close):
            close()
    return info.code if info.state != "closed" else None


def join_class(
    form: JoinForm, data_dir: Path, language: str, make_client: Any = ClassClient
) -> Joined:
    """Ask the class server for the class, its scenario file and a seat (network: call this on
    a background thread); JoinFailed with the reason."""
    client = make_client(form.base_url, form.code, language=language)
    try:
        return _join(client, form, data_dir)
    finally:
        close = getattr(client, "close", None)
        if callable(close):
            close()


def _join(client: Any, form: JoinForm, data_dir: Path) -> Joined:
    where = form.base_url.split("://", 1)[-1]
    try:
        info: ClassInfo = client.info()
        if info.code.casefold() == form.code.casefold():  # codes are case-insensitive: the
            form = JoinForm(  # class's own spelling names its folder and labels the result
                form.base_url, info.code, replace(form.player, cohort=info.code), form.members
            )
        if info.state == "closed":
            raise JoinFailed("class.err.closed", "code", code=form.code)
        if not SHA256.match(info.scenario_sha256):  # it names a file here: nothing else passes
            raise JoinFailed("class.err.scenario", reason=f"SHA-256 {info.scenario_sha256[:20]!r}")
        path = scenario_path(data_dir, form.code, info.scenario_sha256)
        loaded = _cached(path, info.scenario_sha256)
        if loaded is None:
            _keep(path, client.scenario())
            loaded = load_scenario(path)
        if loaded.sha256 != info.scenario_sha256:
            raise JoinFailed("class.err.scenario", reason=f"SHA-256 {loaded.sha256[:12]}…")
        seat = client.join(form.player.name, form.player.player_id, form.members)
    except ClassUnreachable:
        raise JoinFailed("class.err.unreachable", "address", address=where) from None
    except ClassRefused as exc:
        raise JoinFailed("class.err.refused", "code", reason=exc) from None
    except ScenarioError as exc:
        first = exc.problems[0] if exc.problems else str(exc)
        raise JoinFailed("class.err.scenario", reason=first) from None
    except OSError as exc:
        raise JoinFailed("class.err.disk", reason=exc.strerror or str(exc)) from None
    joined = JoinedClass(form.base_url, form.code, seat.token, form.members)
    return Joined(info, path, loaded, joined, form.player)


def _keep(path: Path, data: bytes) -> None:
    """Write the class's scenario file byte for byte (its SHA-256 is the class's)."""

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    write_atomic(path, write)


def _cached(path: Path, sha256: str) -> LoadedScenario | None:
    """The scenario file kept from an earlier join, when it is still the class's version."""
    if not path.is_file():
        return None
    try:
        loaded = load_scenario(path)
    except (ScenarioError, OSError):
        return None
    return loaded if loaded.sha256 == sha256 else None

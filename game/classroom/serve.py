"""Starting a class: the class row in the store, the addresses to print, uvicorn itself."""

from __future__ import annotations

import contextlib
import os
import re
import socket
from dataclasses import dataclass

from game.classroom.class_store import ClassStore
from game.classroom.pages import form_text
from game.classroom.words import ServeText
from game.errors import ResultError
from game.i18n import english_first, tr
from game.results.store import open_store, resolve_url
from game.scenario import LoadedScenario

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def lan_address() -> str:
    """This machine's address on the local network (127.0.0.1 when it has none)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("10.255.255.255", 1))  # no packet is sent; this only picks the interface
        address = str(s.getsockname()[0])
        if not address.startswith("0."):
            return address
    return "127.0.0.1"


def port_free(host: str, port: int) -> bool:
    """Whether ``host:port`` can be listened on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


@dataclass(frozen=True)
class Served:
    """A class ready to be served: where participants, the projector and the facilitator go."""

    code: str
    db_url: str
    join_url: str
    projector_url: str
    control_url: str
    control_token: str
    form: str = ""  # which form the class plays and how it asks for predictions


def prepare(
    loaded: LoadedScenario,
    code: str,
    *,
    seed: int | None,
    language: str,
    lockstep: bool,
    minutes_per_quarter: float | None,
    allow_bots: bool,
    host: str,
    port: int,
    db: str | None,
    quarters: int | None = None,
    predict_first: int | None = None,
) -> Served:
    """Create (or take up again) the class in the store; raise ResultError with one line."""
    if not CODE_PATTERN.match(code):
        raise ResultError(f"class code '{code:.80}': {english_first(ServeText.CODE_SHAPE)}")
    if minutes_per_quarter is not None and not 0 < minutes_per_quarter <= 240:
        raise ResultError(f"--minutes-per-quarter: {english_first(ServeText.MINUTES)}")
    url = resolve_url(db)
    public = lan_address() if host in ("0.0.0.0", "::", "") else host
    join_url = f"http://{public}:{port}"
    classes = ClassStore(open_store(url))
    try:
        token = classes.create(
            loaded,
            code,
            seed=loaded.scenario.seed if seed is None else seed,
            language=language,
            lockstep=lockstep,
            minutes_per_quarter=minutes_per_quarter,
            allow_bots=allow_bots,
            join_url=join_url,
            quarters=quarters,
            predict_first=predict_first,
        )
        room = classes.room(code)
        (form_id, predict_id), (form_en, predict_en) = (
            form_text(classes, room, lang) for lang in ("id", "en")
        )
        form = tr("class.cli.form", "id", form=form_id, predict=predict_id)
        form += "\n" + tr("class.cli.form", "en", form=form_en, predict=predict_en)
    finally:
        classes.store.close()
    local = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return Served(
        code=code,
        db_url=url,
        join_url=join_url,
        projector_url=f"http://{local}:{port}/class/{code}",
        control_url=f"http://{local}:{port}/class/{code}/control?token={token}",
        control_token=token,
        form=form,
    )


def run(served: Served, host: str, port: int, workers: int) -> None:
    """Serve until interrupted: one process, or ``workers`` processes sharing the store."""
    import uvicorn

    common = {
        "host": host,
        "port": port,
        "log_level": os.environ.get("AGEN_CLASS_LOG", "warning"),
        "timeout_graceful_shutdown": 2,
    }
    if workers <= 1:
        from game.classroom.app import create_app

        uvicorn.run(create_app(served.db_url), **common)  # type: ignore[arg-type]
        return
    os.environ["AGEN_CLASS_DB"] = served.db_url  # read by app_from_env in each worker
    uvicorn.run(
        "game.classroom.app:app_from_env",
        factory=True,
        workers=workers,
        **common,  # type: ignore[arg-type]
    )

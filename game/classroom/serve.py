"""Starting a class: the class row in the store, the addresses to print, uvicorn itself."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import threading
from dataclasses import dataclass

from sqlalchemy import select

from game.classroom import tables as T
from game.classroom import tenancy
from game.classroom.class_store import ClassStore
from game.classroom.pages import form_text
from game.classroom.rooms import Room
from game.classroom.serve_text import ServeText
from game.classroom.stopping import QuietStop
from game.errors import ResultError
from game.i18n import both, english_first, tr
from game.results.store import open_store, resolve_url
from game.scenario import LoadedScenario

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def lan_address() -> str:
    """This machine's address on the local network (127.0.0.1 when it has none).

    The interface of the default route first; without one (a laptop sharing its own hotspot,
    with no internet) the first address the machine's name has that is not a loopback."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("10.255.255.255", 1))  # no packet is sent; this only picks the interface
        address = str(s.getsockname()[0])
        if not address.startswith("0."):
            return address
    with contextlib.suppress(OSError):
        for address in socket.gethostbyname_ex(socket.gethostname())[2]:
            if not address.startswith(("127.", "0.", "169.254.")):
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
    resumed: str = ""  # "class resumed: ..." when the class was there already (a restart)
    server: tenancy.Server | None = None  # this process, holding the class


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
    take_over: bool = False,
    alongside: bool = False,
) -> Served:
    """Create (or take up again) the class in the store; raise ResultError with one line,
    also when another live server serves the class (unless ``take_over``, or ``alongside``:
    one more process for the same class on purpose, e.g. behind a load balancer)."""
    _check_settings(code, minutes_per_quarter)
    url = resolve_url(db)
    public = lan_address() if host in ("0.0.0.0", "::", "") else host
    join_url = f"http://{public}:{port}"
    classes = ClassStore(open_store(url))
    me = tenancy.Server.here(join_url)
    try:
        code = next((c for c in classes.codes() if c.casefold() == code.casefold()), code)
        before = _hold(classes, code, None if alongside else me, take_over)
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
        form = _form_lines(classes, classes.room(code))
        resumed = _resumed(classes, code) if before else ""
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
        resumed=resumed,
        server=None if alongside else me,
    )


def _check_settings(code: str, minutes_per_quarter: float | None) -> None:
    """Refuse a class code participants could not type, or a timer no class would use,
    before anything is stored."""
    if not CODE_PATTERN.match(code):
        raise ResultError(f"class code '{code:.80}': {english_first(ServeText.CODE_SHAPE)}")
    if minutes_per_quarter is not None and not 0 < minutes_per_quarter <= 240:
        raise ResultError(f"--minutes-per-quarter: {english_first(ServeText.MINUTES)}")


def _form_lines(classes: ClassStore, room: Room) -> str:
    """The class's form (short or full, predictions or not) in Indonesian, then English, for
    the facilitator's terminal."""
    (form_id, predict_id), (form_en, predict_en) = (
        form_text(classes, room, lang) for lang in ("id", "en")
    )
    form = tr("class.cli.form", "id", form=form_id, predict=predict_id)
    form += "\n" + tr("class.cli.form", "en", form=form_en, predict=predict_en)
    return form


def _hold(classes: ClassStore, code: str, me: tenancy.Server | None, take_over: bool) -> bool:
    """Hold the class for this process (ResultError naming the live server that holds it;
    ``me`` None: serve alongside, holding nothing); keep the facilitator token of an earlier
    start valid. Whether the class existed."""
    store = classes.store
    tenancy.ensure(store)
    other = None if me is None else tenancy.claim(store, code, me, take_over=take_over)
    if other is not None:
        raise ResultError(
            english_first(
                ServeText.SERVED,
                code=code,
                pid=other.pid,
                host=other.host,
                address=other.address,
                since=other.since_text(),
            )
        )
    with classes.store.engine.connect() as conn:
        row = conn.execute(select(T.rooms.c.control_hash).where(T.rooms.c.code == code)).first()
    if row is not None:
        tenancy.keep_token_hash(store, code, str(row.control_hash))
    return row is not None


def _resumed(classes: ClassStore, code: str) -> str:
    """ "kelas dilanjutkan / class resumed: ..." with the state the class is in."""
    room = classes.room(code)
    seats = classes.seats(code)
    done = sum(seat.result_key is not None for seat in seats)
    turns = classes.turns(room)
    lines = []
    for lang in ("id", "en"):
        state = tr(f"class.page.state_{room.state}", lang)
        where = (
            tr("class.cli.resumed_lockstep", lang, q=room.open_quarter, n=turns)
            if room.lockstep
            else ""
        )
        lines.append(
            tr("class.cli.resumed", lang, state=state, where=where, seats=len(seats), done=done)
        )
    return " / ".join(lines)


def quiet_app_from_env() -> QuietStop:
    """One worker process's app, stopping without tracebacks (see stopping.py)."""
    from game.classroom.server_app import app_from_env

    return QuietStop(app_from_env())


def run(served: Served, host: str, port: int, workers: int) -> None:
    """Serve until interrupted: one process, or ``workers`` processes sharing the store;
    meanwhile hold the class (a heartbeat), and let it go on the way out."""
    holding = _Heartbeat(served)
    holding.start()
    try:
        _uvicorn(served, host, port, workers)
    finally:
        holding.stop()


class _Heartbeat(threading.Thread):
    """Renews this process's hold on the class; when another server took it over
    deliberately, says so in one line and stops this one."""

    def __init__(self, served: Served) -> None:
        super().__init__(name="agen-class-heartbeat", daemon=True)
        self.served = served
        self.store = open_store(served.db_url)
        self.done = threading.Event()

    def run(self) -> None:
        me = self.served.server
        if me is None:
            return
        while not self.done.wait(tenancy.BEAT_S):
            try:
                held = tenancy.beat(self.store, self.served.code, me)
            except Exception:  # a busy or restarting database: try again at the next beat
                continue
            if not held:
                print(both("class.cli.taken_over", code=self.served.code), flush=True)
                self.done.set()
                os.kill(os.getpid(), signal.SIGINT)

    def stop(self) -> None:
        self.done.set()
        if self.served.server is not None:
            tenancy.release(self.store, self.served.code, self.served.server)
        self.store.close()


def _uvicorn(served: Served, host: str, port: int, workers: int) -> None:
    import uvicorn

    common = {
        "host": host,
        "port": port,
        "log_level": os.environ.get("AGEN_CLASS_LOG", "warning"),
        "timeout_graceful_shutdown": 2,
    }
    if workers <= 1:
        from game.classroom.server_app import create_app

        uvicorn.run(QuietStop(create_app(served.db_url)), **common)  # type: ignore[arg-type]
        return
    os.environ["AGEN_CLASS_DB"] = served.db_url  # read by app_from_env in each worker
    uvicorn.run(
        "game.classroom.serve:quiet_app_from_env",
        factory=True,
        workers=workers,
        **common,  # type: ignore[arg-type]
    )

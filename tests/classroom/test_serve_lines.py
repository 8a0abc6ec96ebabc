"""What ``agen class serve`` prints: what was set up, the three next steps, one line on Ctrl+C.

Real server processes (tests/classroom/server.py); a real SIGINT while two live pages
(server-sent event streams) are connected.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from tests.classroom.server import Server, start_server
from tests.files import ROOT


def _until_ctrl_c(server: Server) -> str:
    """The start-up lines after the control address, up to the last ("Ctrl+C: ...")."""
    lines: list[str] = []
    while not (lines and lines[-1].startswith("Ctrl+C")):
        lines.append(server.process.stdout.readline())  # type: ignore[union-attr]
        assert lines[-1], "the server stopped"
    return "".join(lines)


def _listen(server: Server, opened: threading.Event) -> None:
    try:
        url = f"{server.url}/api/v1/classes/{server.code}/live"
        with httpx.stream("GET", url, timeout=30) as answer:
            for line in answer.iter_lines():
                if line.startswith("event: snapshot"):
                    opened.set()
    except httpx.HTTPError:
        pass


def test_ctrl_c_prints_one_line_with_pages_connected(tmp_path: Path) -> None:
    server = start_server(str(tmp_path / "r.sqlite"), "PKA-STOP-1")
    try:
        opened = [threading.Event() for _ in range(3)]
        for event in opened:
            threading.Thread(target=_listen, args=(server, event), daemon=True).start()
        assert all(event.wait(20) for event in opened)
        rest = server.process.stdout.read  # type: ignore[union-attr]
        _until_ctrl_c(server)
        began = time.monotonic()
        server.process.send_signal(signal.SIGINT)
        after = rest()
        server.process.wait(timeout=20)
    finally:
        server.stop()
    assert after.splitlines() == ["kelas berhenti / class server stopped"], after
    assert server.process.returncode == 0
    assert time.monotonic() - began < 15


def test_startup_says_what_was_set_and_what_to_do_next(tmp_path: Path) -> None:
    server = start_server(
        str(tmp_path / "r.sqlite"),
        "PKA-AWAL-1",
        "--lockstep",
        "--minutes-per-quarter",
        "5",
        "--allow-bots",
        scenario=Path("dukcapil"),  # a shipped scenario's id, as agen play and simulate take
    )
    try:
        lines = server.output + _until_ctrl_c(server)
    finally:
        server.stop()
    for expected in (
        "Lockstep: you open the quarters one at a time",
        "Timer: 5 menit per triwulan / Timer: 5 minutes per quarter",
        "--allow-bots: results made by bots (agen simulate) are accepted",
        "Next steps",
        "1. Tampilkan halaman proyektor di layar ruangan / Put the projector page on the room's",
        f"     {server.url}/class/PKA-AWAL-1\n",
        "2. Buka halaman kendali di layar Anda sendiri / Open the control page on your own screen",
        "3. Minta peserta memindai kode QR",
        "Tell participants to scan the QR code",
        "Ctrl+C: berhenti / stop",
    ):
        assert expected in lines, lines
    assert lines.index("1. ") < lines.index("2. ") < lines.index("3. ")


def test_plain_class_prints_no_settings(strict_server: Server) -> None:
    out = strict_server.output
    assert "Lockstep:" not in out and "Timer:" not in out and "--allow-bots" not in out


def test_every_command_taking_a_scenario_takes_an_id(tmp_path: Path) -> None:
    for args in (["validate", "dukcapil"], ["class", "serve", "nosuch", "--code", "X"]):
        done = subprocess.run(
            [sys.executable, "-m", "game", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if args[0] == "validate":
            assert done.returncode == 0, done.stdout + done.stderr
        else:  # an unknown id: one line naming the shipped ones
            lines = (done.stdout + done.stderr).strip().splitlines()
            assert done.returncode == 1 and len(lines) == 1, lines
            assert "nosuch" in lines[0] and "dukcapil" in lines[0]
    assert ROOT.is_dir()

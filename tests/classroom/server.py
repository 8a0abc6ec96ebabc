"""A real class server for tests: ``agen class serve`` as a uvicorn process on 127.0.0.1, a free port."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.files import ROOT, TUTORIAL


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running class server and what it printed."""

    url: str
    code: str
    token: str
    db: str
    process: subprocess.Popen[str]
    output: str

    def control(self, action: str, seat: int | None = None) -> httpx.Response:
        return httpx.post(
            f"{self.url}/api/v1/classes/{self.code}/control",
            json={"action": action, "seat": seat},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=10,
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(
    db: str, code: str, *args: str, scenario: Path = TUTORIAL, port: int | None = None
) -> Server:
    """Start ``agen class serve`` and wait until it answers."""
    port = port or free_port()
    cmd = [
        sys.executable,
        "-m",
        "game",
        "class",
        "serve",
        str(scenario),
        "--code",
        code,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--db",
        db,
        *args,
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    lines: list[str] = []
    token = None
    assert process.stdout is not None
    while token is None:
        line = process.stdout.readline()
        if not line:
            process.wait(timeout=10)
            raise AssertionError("class server did not start:\n" + "".join(lines))
        lines.append(line)
        found = re.search(r"token=([\w-]+)", line)
        if found:
            token = found.group(1)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(f"{url}/api/v1/classes/{code}", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise AssertionError("class server did not answer:\n" + "".join(lines))
        time.sleep(0.1)
    return Server(url, code, token, db, process, "".join(lines))

"""One live server per class, and a restart that keeps the facilitator's open page working.

Real server processes on one store (a SQLite file; PostgreSQL too when AGEN_TEST_PG_URL is
set): a second ``agen class serve`` of a served class refuses in one line naming the process
and address, ``--take-over`` takes it deliberately; Ctrl+C and a start on the same store
says "class resumed" and the control page left open in Chromium still acts.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from game.errors import ResultError
from game.results.store import open_store
from tests.classroom.browser import set_size, start_browser, wait_for
from tests.classroom.server import Server, free_port, start_server
from tests.files import ROOT, TUTORIAL

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "results.sqlite")
    url = os.environ.get("AGEN_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL restart test skipped: AGEN_TEST_PG_URL is not set")
    try:
        open_store(url).close()
    except ResultError as exc:
        pytest.skip(f"PostgreSQL restart test skipped: server unreachable ({exc})")
    return url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def _serve(db: str, code: str, port: int, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "game", "class", "serve", str(TUTORIAL), "--code", code]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--db", db, *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60)


def _interrupt(server: Server) -> str:
    server.process.send_signal(signal.SIGINT)
    out = server.process.stdout.read()  # type: ignore[union-attr]
    server.process.wait(timeout=20)
    return out


def test_a_second_server_refuses_a_served_class_until_taken_over(db: str) -> None:
    code = f"PKA-DUA-{secrets.token_hex(3)}"
    first = start_server(db, code)
    try:
        again = _serve(db, code, free_port())
        lines = (again.stdout + again.stderr).strip().splitlines()
        assert again.returncode == 1 and len(lines) == 1, lines
        assert f"process {first.process.pid}" in lines[0] and first.url in lines[0]
        assert "--take-over" in lines[0]
        assert first.control("pause").status_code == 200, "the first server still runs it"
        page = httpx.get(f"{first.url}/class/{code}").text
        assert first.url in page and "--take-over" not in page
        second = start_server(db, code, "--take-over")
        try:
            out = _interrupt_when_gone(first)
            assert "taken over" in out, out
            page = httpx.get(f"{second.url}/class/{code}").text
            assert second.url in page
        finally:
            second.stop()
    finally:
        first.stop()


def _interrupt_when_gone(server: Server) -> str:
    """What a server printed until it stopped by itself (after it lost its class)."""
    deadline = time.monotonic() + 30
    while server.process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert server.process.poll() is not None, "the server that lost its class still runs"
    return server.process.stdout.read()  # type: ignore[union-attr]


def test_a_restart_keeps_the_open_control_page_working(db: str, browser: WebDriver) -> None:
    from selenium.webdriver.common.by import By

    code = f"PKA-ULANG-{secrets.token_hex(3)}"
    port = free_port()
    first = start_server(db, code, "--lockstep", port=port)
    d = browser
    d.get(f"{first.url}/class/{code}/control?token={first.token}&lang=en")
    set_size(d, 1366, 768)
    wait_for(lambda: "running" in d.find_element(By.ID, "state").text)
    assert first.control("next").status_code == 200  # quarter 2 open: a state to resume
    _interrupt(first)
    second = start_server(db, code, "--lockstep", port=port)
    try:
        assert "kelas dilanjutkan" in second.output and "class resumed" in second.output
        assert "running, quarters open up to 2 of 4" in second.output, second.output
        assert second.token != first.token
        d.execute_script("window.confirm = function () { return true; }")
        d.find_element(By.ID, "act-pause").click()
        wait_for(lambda: "paused" in d.find_element(By.ID, "state").text, timeout=20)
        assert "err" not in (d.find_element(By.ID, "msg").get_attribute("class") or "")
        assert second.control("open").status_code == 200, "the new token works as well"
    finally:
        second.stop()

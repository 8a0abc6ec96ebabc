"""The clipping check finds what a reader cannot see whole, and nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

from tests.classroom.browser import set_size, start_browser
from tests.classroom.clip_check import base_font_px, clipped, small_texts

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

PAGE = """<!doctype html><html><body style="margin:0;font-size:16px">
<div id="ok" style="width:300px">A sentence that wraps over two lines because the box is narrow.</div>
<div id="dots" style="width:80px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis">Butuh Perbaikan sekali</div>
<div id="card" style="width:200px;overflow:hidden;border:1px solid #000">
  <table style="width:260px"><tr><td>Name</td><td id="score" style="width:60px">99.5</td></tr></table></div>
<div style="height:40px;overflow:hidden"><p style="margin:0">row 1</p><p style="margin:0">row 2</p>
  <p id="under" style="margin:0">row 3</p></div>
<div style="height:40px;overflow:auto"><p style="margin:0">row a</p><p style="margin:0">row b</p>
  <p style="margin:0">row c is reachable</p></div>
<div id="spill" style="width:40px;white-space:nowrap">Needs improvement</div>
<div style="position:absolute;left:5000px;top:0" id="far">far right</div>
<div style="display:none">hidden overflow that nobody sees at all at all</div>
<a href="#ok" style="position:absolute;left:-9999px">Skip to the content</a>
<small id="tiny" style="font-size:11px">tiny</small>
</body></html>"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = start_browser(tmp_path_factory.mktemp("chromium"))
    yield driver
    driver.quit()


def test_finds_each_kind_of_cut_and_only_those(browser: WebDriver) -> None:
    browser.get("data:text/html;charset=utf-8," + quote(PAGE))
    set_size(browser, 1024, 768)
    found = {c["text"]: c for c in clipped(browser)}
    assert set(found) == {
        "Butuh Perbaikan sekali",
        "99.5",
        "row 3",
        "Needs improvement",
        "far right",
    }, found
    assert found["99.5"]["why"].startswith("cut by div#card")
    assert found["Needs improvement"]["why"] == "text wider than its box"
    assert "td#score" in found["99.5"]["selector"]
    _x, _y, w, h = found["Butuh Perbaikan sekali"]["box"]
    assert w > 80 and h > 0
    assert [c["text"] for c in small_texts(browser, 12)] == ["tiny"]
    assert base_font_px(browser) == 16

"""Driving the browser game in a real headless Chromium: start the driver, size the page,
tap, wait, check the page's layout rules (no horizontal scroll, 16 px text, 44 px targets),
screenshots into $AGEN_CLASS_SHOTS, and a plan file from a stored result's decisions."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.classroom.browser import set_size as set_size
from tests.classroom.browser import start_browser

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

PHONE = (390, 844)
LAPTOP = (1366, 768)


def start_chromium(profile: Path) -> WebDriver:
    """The shared headless Chromium (``tests/classroom/browser.py``), sized as a phone."""
    driver = start_browser(profile)
    set_size(driver, *PHONE)
    return driver


def wait_for(condition: Callable[[], object], timeout: float = 20.0) -> Any:
    """Wait until ``condition()`` is truthy; return it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = condition()
        except Exception:  # the page is between two documents
            found = None
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError("the page did not change in time")


def css(driver: WebDriver, selector: str) -> list[WebElement]:
    """The elements matching ``selector``."""
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def tap(driver: WebDriver, selector: str, leaves: bool = True) -> None:
    """Tap the first element matching ``selector`` (scrolled into view first); when the tap
    ``leaves`` the page, wait until the next page has loaded."""
    element = wait_for(lambda: next(iter(css(driver, selector)), None))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    old = css(driver, "html")[0]
    element.click()
    if leaves:
        wait_for(lambda: gone(old))
        wait_for(lambda: driver.execute_script("return document.readyState") == "complete")


def gone(element: WebElement) -> bool:
    from selenium.common.exceptions import StaleElementReferenceException

    try:
        element.tag_name  # noqa: B018  (reading it fails once the page is replaced)
    except StaleElementReferenceException:
        return True
    return False


def path(driver: WebDriver) -> str:
    """The address's path (and query)."""
    url = str(driver.current_url)
    return url.split("//", 1)[-1].partition("/")[2]


# Why the page breaks the phone rules: elements wider than the page, text under 16 px, a
# control smaller than 44 px (hidden elements and the skip link left out).
LAYOUT_JS = """
const out = [];
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > width + 1) out.push('horizontal scroll');
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || el.closest('.sr, .skip, svg')) continue;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden') continue;
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (own && parseFloat(style.fontSize) < 16) out.push('small text: ' + el.textContent.trim().slice(0, 40));
  if (r.right > width + 1) out.push('past the edge: ' + el.tagName + ' ' + el.className);
  if (el.matches('button, a.button, summary, input[type=text], .langs a, .cats a, .dirs label')
      && (r.height < 44 || r.width < 44)) out.push('small target: ' + el.textContent.trim().slice(0, 30));
}
return out.slice(0, 10);
"""


def layout_problems(driver: WebDriver) -> list[str]:
    """What breaks the phone rules on the page shown (empty when nothing)."""
    return list(driver.execute_script(LAYOUT_JS))


def shots_folder() -> Path | None:
    """Where screenshots go ($AGEN_CLASS_SHOTS), or None when they are not asked for."""
    folder = os.environ.get("AGEN_CLASS_SHOTS")
    if not folder:
        return None
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    return out


def shoot(driver: WebDriver, name: str, back: str = "id") -> None:
    """When screenshots are asked for: the page at the phone and laptop sizes, in both
    languages, whole (tall pages as tall images), as NAME-WxH-LANG.png; then the page again
    in language ``back``."""
    folder = shots_folder()
    if folder is None:
        return
    here = driver.current_url.split("?")[0]
    for lang in ("id", "en"):
        driver.get(f"{here}?lang={lang}")
        for width, height in (PHONE, LAPTOP):
            set_size(driver, width, height)
            tall = int(driver.execute_script("return document.documentElement.scrollHeight"))
            set_size(driver, width, min(max(height, tall), 6000))
            driver.save_screenshot(str(folder / f"{name}-{width}x{height}-{lang}.png"))
    set_size(driver, *PHONE)
    driver.get(f"{here}?lang={back}")


def plan_text(decisions: list[dict[str, Any]]) -> str:
    """A plan file (``agen simulate --plan``) holding exactly these decisions."""
    by_turn: dict[int, dict[str, Any]] = {}
    for d in decisions:
        step = by_turn.setdefault(d["turn"], {"adopt": [], "cancel": [], "choose": {}})
        if "adopt" in d:
            step["adopt"].append(d["adopt"])
        elif "cancel" in d:
            step["cancel"].append(d["cancel"])
        else:
            step["choose"][d["choose"][0]] = d["choose"][1]
    lines = []
    for turn, step in sorted(by_turn.items()):
        adopt = ", ".join(f'"{p}"' for p in step["adopt"])
        cancel = ", ".join(f'"{p}"' for p in step["cancel"])
        choose = ", ".join(f'{e} = "{c}"' for e, c in step["choose"].items())
        lines.append(
            f"  {{ turn = {turn}, adopt = [{adopt}], cancel = [{cancel}], choose = {{ {choose} }} }},"
        )
    return "plan = [\n" + "\n".join(lines) + "\n]\n"

"""axe-core in a selenium page: the accessibility check every play-page test can call.

axe-core (vendored for the tests only, ``tests/classroom/vendor/``) is injected into the
page as it stands and run there; ``assert_accessible(driver, "name")`` fails with one line
per "serious" or "critical" violation: the rule, how many elements, the first element's
selector and axe's own summary of what to fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING = ("serious", "critical")

_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ["violations"]})
  .then(r => done(r.violations.map(v => ({
     id: v.id, impact: v.impact, help: v.help,
     nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary || ""}))
  }))))
  .catch(e => done([{id: "axe-error", impact: "critical", help: String(e), nodes: []}]));
"""


def violations(driver: WebDriver) -> list[dict[str, Any]]:
    """Every violation axe-core finds in the page as it stands now."""
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    found: list[dict[str, Any]] = driver.execute_async_script(_RUN)
    return found


def blocking(driver: WebDriver) -> list[str]:
    """The serious and critical violations, one readable line each."""
    lines = []
    for v in violations(driver):
        if v["impact"] not in BLOCKING:
            continue
        first = v["nodes"][0] if v["nodes"] else {"target": "", "summary": ""}
        summary = " ".join(str(first["summary"]).split())
        lines.append(
            f"{v['impact']} {v['id']} ({len(v['nodes'])}x) at {first['target']}: "
            f"{v['help']}. {summary}"
        )
    return lines


def assert_accessible(driver: WebDriver, page: str) -> None:
    """Fail unless axe-core finds no serious or critical violation on ``page`` (a name for
    the failure message)."""
    found = blocking(driver)
    assert not found, f"{page}: axe-core found:\n" + "\n".join(found)

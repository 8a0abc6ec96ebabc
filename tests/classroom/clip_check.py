"""The browser clipping check: every text on a page that a reader cannot see whole.

Run in a real browser through selenium's ``execute_script``. A text is *clipped* when

- its element uses ``text-overflow: ellipsis`` (or ``overflow: hidden``) and the text is wider or
  taller than the element's box (``scrollWidth > clientWidth``);
- its glyphs spill out of the element's own box (a block whose text overflows into its neighbour,
  e.g. two labels drawn on top of each other);
- an ancestor with ``overflow: hidden`` / ``clip`` cuts part of it (a score pushed out of its card,
  rows under the bottom of a fixed-height card);
- it lies, even partly, right of the window's right edge or left of its left edge (a projector
  cannot scroll sideways), or below the bottom of a page that cannot scroll.

A text placed wholly left of or above the page on purpose (a skip link at ``left: -9999px``,
shown on focus) is not counted. Text inside an ancestor that scrolls (``overflow: auto`` / ``scroll``) is *reachable*, not clipped:
a long list may scroll. Hidden elements (``display: none``, ``visibility: hidden``, zero size,
``aria-hidden``) are skipped. Each finding is ``{"selector", "text", "box", "why"}`` where ``box``
is ``[x, y, width, height]`` of the text in CSS pixels.

``small_texts`` lists the visible texts drawn under a given size (the back of a room).
Used by the class pages' tests and the browser game's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver


class Clipped(TypedDict):
    """One text that is not seen whole."""

    selector: str
    text: str
    box: list[float]
    why: str


_COMMON = r"""
const SLACK = 1.5;
function selectorOf(el) {
  const parts = [];
  for (let e = el; e && e.nodeType === 1 && parts.length < 5; e = e.parentElement) {
    let part = e.tagName.toLowerCase();
    if (e.id) { parts.unshift(part + '#' + e.id); break; }
    const cls = Array.from(e.classList).slice(0, 2).join('.');
    if (cls) part += '.' + cls;
    const parent = e.parentElement;
    if (parent) {
      const same = Array.from(parent.children).filter(c => c.tagName === e.tagName);
      if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
    }
    parts.unshift(part);
  }
  return parts.join(' > ');
}
function hidden(el) {
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return true;
    if (e.getAttribute('aria-hidden') === 'true') return true;
  }
  const r = el.getBoundingClientRect();
  return r.width === 0 || r.height === 0;
}
function ownText(el) {
  let t = '';
  for (const n of el.childNodes) if (n.nodeType === 3) t += n.textContent;
  return t.replace(/\s+/g, ' ').trim();
}
function textRect(el) {
  let box = null;
  for (const n of el.childNodes) {
    if (n.nodeType !== 3 || !n.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width === 0 && r.height === 0) continue;
      box = box ? {left: Math.min(box.left, r.left), top: Math.min(box.top, r.top),
                   right: Math.max(box.right, r.right), bottom: Math.max(box.bottom, r.bottom)}
                : {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
    }
  }
  return box;
}
function texts() {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION'].includes(el.tagName)) continue;
    if (el.closest('svg')) continue;
    const text = ownText(el);
    if (!text || hidden(el)) continue;
    out.push([el, text]);
  }
  return out;
}
"""

_CLIPPED_JS = (
    _COMMON
    + r"""
const found = [];
const vw = document.documentElement.clientWidth, vh = window.innerHeight;
const rootStyle = getComputedStyle(document.documentElement), bodyStyle = getComputedStyle(document.body);
const pageScrolls = !['hidden', 'clip'].includes(rootStyle.overflowY)
  && !['hidden', 'clip'].includes(bodyStyle.overflowY);
for (const [el, text] of texts()) {
  const t = textRect(el);
  if (!t) continue;
  if (t.right <= 0 || t.bottom <= 0) continue;  // wholly off-screen on purpose (a skip link)
  const box = [t.left, t.top, t.right - t.left, t.bottom - t.top].map(v => Math.round(v));
  const add = why => found.push({selector: selectorOf(el), text: text.slice(0, 200), box, why});
  const s = getComputedStyle(el);
  const block = s.display !== 'inline' && s.display !== 'contents';
  if (block && (s.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(s.overflowX))
      && el.scrollWidth > el.clientWidth + SLACK) { add('ellipsis or hidden overflow (width)'); continue; }
  if (block && ['hidden', 'clip'].includes(s.overflowY) && el.scrollHeight > el.clientHeight + SLACK) {
    add('hidden overflow (height)'); continue;
  }
  if (block) {
    const r = el.getBoundingClientRect();
    if (t.left < r.left - SLACK || t.right > r.right + SLACK) { add('text wider than its box'); continue; }
  }
  if (t.left < -SLACK || t.right > vw + SLACK) { add('outside the window (sideways)'); continue; }
  if (!pageScrolls && t.bottom > vh + SLACK) { add('below a page that cannot scroll'); continue; }
  for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
    const as = getComputedStyle(a);
    const scrolls = v => v === 'auto' || v === 'scroll';
    const clips = v => v === 'hidden' || v === 'clip';
    if (scrolls(as.overflowX) || scrolls(as.overflowY)) break;  // reachable by scrolling
    if (!clips(as.overflowX) && !clips(as.overflowY)) continue;
    const r = a.getBoundingClientRect();
    const bl = parseFloat(as.borderLeftWidth), br = parseFloat(as.borderRightWidth);
    const bt = parseFloat(as.borderTopWidth), bb = parseFloat(as.borderBottomWidth);
    const outX = t.left < r.left + bl - SLACK || t.right > r.right - br + SLACK;
    const outY = t.top < r.top + bt - SLACK || t.bottom > r.bottom - bb + SLACK;
    if ((clips(as.overflowX) && outX) || (clips(as.overflowY) && outY)) {
      add('cut by ' + selectorOf(a)); break;
    }
  }
}
return found;
"""
)

_SMALL_JS = (
    _COMMON
    + r"""
const limit = arguments[0];
const found = [];
for (const [el, text] of texts()) {
  const px = parseFloat(getComputedStyle(el).fontSize);
  if (px + 0.01 < limit) {
    const r = el.getBoundingClientRect();
    found.push({selector: selectorOf(el), text: text.slice(0, 200),
                box: [r.left, r.top, r.width, r.height].map(v => Math.round(v)), why: px + 'px'});
  }
}
return found;
"""
)


def _one(item: dict[str, Any]) -> Clipped:
    return Clipped(
        selector=str(item["selector"]),
        text=str(item["text"]),
        box=[float(v) for v in item["box"]],
        why=str(item["why"]),
    )


def clipped(driver: WebDriver) -> list[Clipped]:
    """Every visible text on the current page that is cut, overflows its box or the window."""
    found: list[Any] = driver.execute_script(_CLIPPED_JS)
    return [_one(item) for item in found]


def small_texts(driver: WebDriver, min_px: float) -> list[Clipped]:
    """Every visible text on the current page drawn smaller than ``min_px`` CSS pixels."""
    found: list[Any] = driver.execute_script(_SMALL_JS, min_px)
    return [_one(item) for item in found]


def base_font_px(driver: WebDriver) -> float:
    """The body text's size in CSS pixels."""
    return float(
        driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
    )


def describe(found: list[Clipped]) -> str:
    """One line per finding, for an assertion message."""
    return "\n".join(f"{c['why']}: {c['selector']} {c['text']!r} at {c['box']}" for c in found)

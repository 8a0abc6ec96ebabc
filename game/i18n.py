"""UI strings in Bahasa Indonesia and English, read from assets/i18n/<lang>.toml.

Catalogs are flat tables of ``key = "text"``; a text may hold ``{name}`` fields filled
by :func:`tr`. Indonesian is the first language; English stands in for a key a catalog
lacks (and the key itself stands in when both lack it, so a missing string never crashes).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
CATALOG_DIR = Path(__file__).resolve().parent.parent / "assets" / "i18n"


@cache
def catalog(lang: str) -> dict[str, str]:
    """The strings of one language (empty when the catalog is missing)."""
    path = CATALOG_DIR / f"{lang}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return {str(k): str(v) for k, v in data.items()}


def tr(key: str, lang: str, **fields: object) -> str:
    """The text for ``key`` in ``lang``, with ``{fields}`` filled in."""
    text = catalog(lang).get(key) or catalog("en").get(key) or key
    if fields:
        try:
            return text.format(**fields)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def other_language(lang: str) -> str:
    """The next language in the ID/EN switch."""
    i = LANGUAGES.index(lang) if lang in LANGUAGES else -1
    return LANGUAGES[(i + 1) % len(LANGUAGES)]

"""Both catalogs have every key, and every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

from game.i18n import LANGUAGES, catalog, other_language, tr
from game.scenario import CATEGORIES, VALUES

UI = Path(__file__).resolve().parents[2] / "game" / "ui"
LITERAL = re.compile(r'"([a-z_]+(?:\.[a-z0-9_]+)?)"')


def used_keys() -> set[str]:
    prefixes = {k.split(".")[0] for k in catalog("en")}
    found = set()
    for file in UI.rglob("*.py"):
        for key in LITERAL.findall(file.read_text(encoding="utf-8")):
            if "." in key and key.split(".")[0] in prefixes:
                found.add(key)
    found |= {f"category.{c}" for c in CATEGORIES} | {f"value.{v}" for v in VALUES}
    return found | {"save_failed"}


def test_both_languages_have_the_same_keys() -> None:
    assert set(catalog("id")) == set(catalog("en"))
    assert len(catalog("id")) > 50


def test_every_key_used_in_code_exists() -> None:
    keys = used_keys()
    assert len(keys) > 40
    for lang in LANGUAGES:
        missing = sorted(k for k in keys if k not in catalog(lang))
        assert not missing, f"{lang}: {missing}"


def test_fields_are_filled_and_texts_differ() -> None:
    assert tr("result.saved", "id", path="X") == "Hasil disimpan: X"
    assert tr("title.new", "id") != tr("title.new", "en")
    assert tr("no.such.key", "id") == "no.such.key"
    assert other_language("id") == "en" and other_language("en") == "id"

"""One catalog per language holds every word: each message code has its text in both catalogs
(with the same fields), every catalog key is used somewhere, and both files keep one order."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
import sys
from collections.abc import Iterator
from pathlib import Path

import game
from game.errors import Codes
from game.i18n import LANGUAGES, catalog, catalog_files

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GAME = Path(game.__file__).resolve().parent

# Keys the code builds from a prefix and a value (an f-string); each prefix must still be
# written so somewhere under game/ (checked below), and names what fills it.
DYNAMIC = {
    "category.": "a policy category (format_model.CATEGORIES)",
    "value.": "a core value (format_model.VALUES)",
    "class.page.": "the words of the class pages (classroom/pages.py WORDS)",
    "class.field_": "the fields of the class join screen",
    "reflect.": "up/down/same of a prediction (prediction_prompt)",
    "reflect.p.": "a principle (format_model.PRINCIPLES)",
    "reflect.guard.": "the guard of a principle",
    "reflect.aspect.": "an aspect of the reflection screen",
    "reflect.group.": "a group of the class reflection page",
    "reflect.said_": "what a player predicted",
    "reflect.did_": "what the policy did",
    "reflect.surprise_": "a surprise, by prediction",
    "reflect.class_wrong_": "the class's wrong predictions, by prediction",
}


def _subclasses(cls: type[Codes]) -> Iterator[type[Codes]]:
    sub: type[Codes]
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def all_codes() -> set[Codes]:
    """Every member of every Codes table under game/ (each module imported once)."""
    for info in pkgutil.walk_packages([str(GAME)], "game."):
        if info.name not in sys.modules:
            importlib.import_module(info.name)
    tables = [t for t in _subclasses(Codes) if t.__module__.startswith("game.")]
    assert len(tables) >= 2
    return {code for table in tables for code in table}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _strings_in_code() -> tuple[set[str], set[str]]:
    """(every string constant, every literal start of an f-string) under game/."""
    constants: set[str] = set()
    prefixes: set[str] = set()
    for path in GAME.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    prefixes.add(first.value)
    return constants, prefixes


def test_every_code_has_text_in_both_catalogs_with_the_same_fields() -> None:
    codes = all_codes()
    assert len(codes) > 150
    for code in codes:
        texts = {lang: catalog(lang).get(code.value) for lang in LANGUAGES}
        assert all(texts.values()), f"{code.value}: {texts}"
        assert _fields(texts["id"] or "") == _fields(texts["en"] or ""), code.value


def test_every_catalog_key_is_used() -> None:
    codes = {code.value for code in all_codes()}
    constants, prefixes = _strings_in_code()
    stale = [p for p in DYNAMIC if p not in prefixes]
    assert not stale, f"no f-string under game/ starts with {stale}"

    def used(key: str) -> bool:
        base = key.removesuffix("_one")
        return (
            key in codes
            or key in constants
            or base in constants
            or any(key.startswith(p) for p in DYNAMIC)
        )

    unused = sorted(k for k in catalog("en") if not used(k))
    assert unused == []


def test_both_catalogs_hold_the_same_keys_in_the_same_order() -> None:
    orders: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        orders[lang] = []
        for path in catalog_files(lang):
            with path.open("rb") as fh:
                orders[lang] += list(tomllib.load(fh))
    assert orders["id"] == orders["en"]


def test_no_key_is_in_two_catalog_files() -> None:
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for path in catalog_files(lang):
            with path.open("rb") as fh:
                for key in tomllib.load(fh):
                    assert key not in seen, f"{key} in {seen.get(key)} and {path.name}"
                    seen[key] = path.name


# Functions whose first argument is a catalog key: ``tr``, ``tr_n`` and the screens' and the
# app's ``t`` (``self.t``, ``app.t``); ``say`` takes a Message, whose code is a Codes member.
KEYED = {"tr", "tr_n", "t"}


def _keys_passed(path: Path) -> list[tuple[int, str]]:
    """(line, key) of every string literal passed as the key to a KEYED function."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        fn = node.func
        name = (
            fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
        )
        first = node.args[0]
        if name in KEYED and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append((node.lineno, first.value))
    return found


def test_every_key_passed_to_tr_is_in_both_catalogs() -> None:
    """Whatever its prefix: a misspelt key would show the key itself to the player."""
    keys = {lang: set(catalog(lang)) for lang in LANGUAGES}
    wrong = [
        f"{path.relative_to(GAME.parent)}:{line}: {key!r}"
        for path in sorted(GAME.rglob("*.py"))
        for line, key in _keys_passed(path)
        if any(key not in have for have in keys.values())
    ]
    assert len([k for p in GAME.rglob("*.py") for k in _keys_passed(p)]) > 200
    assert wrong == []


def test_the_key_check_sees_a_misspelt_key(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('tr("turn.end", "id")\nself.t("trun.end")\ntr_n(k, 2, "id")\n')
    assert _keys_passed(sample) == [(1, "turn.end"), (2, "trun.end")]

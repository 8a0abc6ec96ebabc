"""UI strings in Bahasa Indonesia and English, read from assets/i18n/<lang>.toml.

Catalogs are flat tables of ``key = "text"``; a text may hold ``{name}`` fields filled
by :func:`tr`. Indonesian is the first language; English stands in for a key a catalog
lacks (and the key itself stands in when both lack it, so a missing string never crashes).

Counts use :func:`tr_n`: ``key`` holds the plural form and ``key_one`` the singular one
(Indonesian gives both the same text). A scenario's own noun (its turn label) is passed
as ``{label}`` and, pluralised by English rules, as ``{labels}``; each catalog picks one.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from game import errors, paths
from game.errors import Codes, Localized, Message, Problem, Value

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
CATALOG_DIR = paths.ASSETS / "i18n"


def catalog_files(lang: str) -> list[Path]:
    """The files of one language's catalog: ``<lang>.toml``, then ``<lang>.<part>.toml`` by name.

    A part file holds the words of one area (e.g. ``id.web.toml`` for the browser game), so
    that areas grow their catalogs without touching one another's lines.
    """
    main = CATALOG_DIR / f"{lang}.toml"
    parts = sorted(CATALOG_DIR.glob(f"{lang}.*.toml"))
    return ([main] if main.is_file() else []) + parts


@cache
def catalog(lang: str) -> dict[str, str]:
    """The strings of one language (empty when the catalog is missing)."""
    merged: dict[str, str] = {}
    for path in catalog_files(lang):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        merged.update({str(k): str(v) for k, v in data.items()})
    return merged


def tr(key: str, lang: str, **fields: object) -> str:
    """The text for ``key`` in ``lang``, with ``{fields}`` filled in."""
    text = catalog(lang).get(key) or catalog("en").get(key) or key
    if fields:
        try:
            return text.format(**fields)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def say(message: Message | Problem, lang: str) -> str:
    """A Message in words of ``lang``: its code's text with the fields filled in.

    Fields that are Messages themselves (a hint, the name of a kind of thing) are said first,
    in the same language. A Problem is said as its line, ``FILE:LINE: key.path: message``.
    The one way a message code becomes words, for every front end. Message texts always
    write a literal brace doubled (``{{``), as ``str.format`` reads them.
    """
    if isinstance(message, Problem):
        message = message.as_message()
    fields = {name: _said(value, lang) for name, value in message.fields}
    text = tr(message.code.value, lang)
    try:
        return text.format(**fields)
    except (KeyError, IndexError, ValueError):
        return text


def _said(value: Value, lang: str) -> object:
    if isinstance(value, Message):
        return say(value, lang)
    if isinstance(value, Localized):
        return value.get(lang)
    if isinstance(value, tuple):
        return ", ".join(str(_said(v, lang)) for v in value)
    return value


def say_error(exc: BaseException, lang: str) -> str:
    """An error's words in ``lang``: its Message when the core said one, else its own text."""
    said = getattr(exc, "said", None)
    return say(said, lang) if isinstance(said, Message) else str(exc)


def both(message: Message | Codes | str, /, **fields: object) -> str:
    """Indonesian, then English, for a reader whose language is not known: "ada / found".

    ``both(CliText.WRITTEN, path=p)`` is ``both(Message.of(CliText.WRITTEN, path=p))``; a plain
    string is a catalog key, its fields filled in as :func:`tr` does.
    """
    return " / ".join(_in(message, lang, fields) for lang in ("id", "en"))


def english_first(message: Message | Codes | str, /, **fields: object) -> str:
    """English, then Indonesian: "Scenario file / berkas skenario".

    The order of the command's help texts and of the error lines written before the
    catalogs held them; arguments as for :func:`both`.
    """
    return " / ".join(_in(message, lang, fields) for lang in ("en", "id"))


def _in(message: Message | Codes | str, lang: str, fields: dict[str, object]) -> str:
    if isinstance(message, Message):
        return say(message, lang)
    return tr(message.value if isinstance(message, Codes) else message, lang, **fields)


def tr_n(key: str, n: int, lang: str, **fields: object) -> str:
    """The counted text for ``n``: ``key_one`` when ``n`` is 1 (if the catalog has it), else ``key``."""
    one = f"{key}_one"
    if n == 1 and (one in catalog(lang) or one in catalog("en")):
        return tr(one, lang, n=n, **fields)
    return tr(key, lang, n=n, **fields)


def english_plural(word: str) -> str:
    """A noun's English plural by the regular rules ("quarter" -> "quarters", "policy" -> "policies")."""
    if not word:
        return word
    last_word = word.split()[-1].lower()
    if last_word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if last_word.endswith("y") and len(last_word) > 1 and last_word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def other_language(lang: str) -> str:
    """The next language in the ID/EN switch."""
    i = LANGUAGES.index(lang) if lang in LANGUAGES else -1
    return LANGUAGES[(i + 1) % len(LANGUAGES)]


errors.use_words(say)

"""Player-facing text: a plain string or a table of languages."""

from __future__ import annotations

from collections.abc import Mapping

Text = str | Mapping[str, str]


def localize(text: Text | None, lang: str, default: str) -> str:
    """The text in ``lang``, else in the scenario's default language, else any language."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if lang in text:
        return text[lang]
    if default in text:
        return text[default]
    return next(iter(text.values()), "")

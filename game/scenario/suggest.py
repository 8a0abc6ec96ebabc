"""'Did you mean' hints for misspelt ids and keys."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from game.errors import Message
from game.scenario.codes import LoadCode


def did_you_mean(word: str, choices: Iterable[str]) -> Message | str:
    """The hint `` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    pool = list(choices)
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in pool}
        if word.lower() in lowered:
            close = [lowered[word.lower()]]
        else:
            close = [c for c in pool if word and (word in c or c in word)][:1]
    return Message.of(LoadCode.HINT, word=close[0]) if close else ""

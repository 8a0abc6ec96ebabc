"""Expressions of the scenario language written by hypothesis, over the atoms a test gives:
every operator, ``x if c else y``, and every number function (``round`` with and without its
digits)."""

from __future__ import annotations

from hypothesis import strategies as st

OPERATORS = ["+", "-", "*", "/", "**", "<", ">=", "==", "and", "or"]


def expressions(atoms: st.SearchStrategy[str], depth: int) -> st.SearchStrategy[str]:
    """Expressions nested up to ``depth`` levels over ``atoms``."""
    if depth == 0:
        return atoms
    sub = expressions(atoms, depth - 1)
    return st.one_of(
        sub,
        st.tuples(sub, st.sampled_from(OPERATORS), sub).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(sub, sub, sub).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        st.tuples(st.sampled_from(["min", "max"]), sub, sub).map(
            lambda t: f"{t[0]}({t[1]}, {t[2]})"
        ),
        st.tuples(sub, sub, sub).map(lambda t: f"clamp({t[0]}, {t[1]}, {t[2]})"),
        sub.map(lambda s: f"round({s})"),
        st.tuples(sub, st.sampled_from(["0", "1", "3", "12"])).map(
            lambda t: f"round({t[0]}, {t[1]})"
        ),
        sub.map(lambda s: f"abs({s})"),
        sub.map(lambda s: f"(not {s})"),
    )

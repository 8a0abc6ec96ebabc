"""The one table of expression functions: the compiler, the arity check, the error messages,
the reserved names and the JSON Schema all read it."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.authoring.json_schema import schema_text
from game.scenario.checks import RESERVED
from game.scenario.expressions import ExpressionError, Namespace, compile_expression
from game.scenario.functions import FUNCTIONS, Function

NS = Namespace({"a": 0, "turn": 1, "turns": 2}, {"p": 0}, {"e": (0, {"x": 0})})
IDS = {"policy": "p", "event": "e", "choice": "x"}


def _call(f: Function, n: int) -> str:
    if f.ids:
        return f"{f.name}(" + ", ".join(f'"{IDS[k]}"' for k in f.ids) + ")"
    return f"{f.name}(" + ", ".join(str(i + 1) for i in range(n)) + ")"


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_each_function_compiles_and_is_reserved(name: str) -> None:
    f = FUNCTIONS[name]
    value = compile_expression(_call(f, f.min_args), NS)([5.0, 1.0, 8.0], [2], {0})
    assert math.isfinite(value)
    assert name in RESERVED


@pytest.mark.parametrize("name", [n for n, f in FUNCTIONS.items() if not f.ids])
def test_wrong_arity_names_the_count_from_the_table(name: str) -> None:
    f = FUNCTIONS[name]
    wrong = f.max_args + 1 if f.max_args < 99 else f.min_args - 1
    lo, hi = f.min_args, f.max_args
    want = f"{lo}" if lo == hi else f"{lo} or more" if hi > 3 else f"{lo} or {hi}"
    with pytest.raises(ExpressionError, match=rf"{name}\(\) takes {want} arguments, not {wrong}"):
        compile_expression(_call(f, wrong), NS)


def test_unknown_call_lists_the_table() -> None:
    with pytest.raises(ExpressionError) as info:
        compile_expression("sqr(a)", NS)
    for name in FUNCTIONS:
        assert name in str(info.value)


def test_the_schema_names_every_function() -> None:
    text = schema_text()
    for f in FUNCTIONS.values():
        assert f.usage.replace('"', '\\"') in text


@given(st.lists(st.floats(-1e6, 1e6), min_size=3, max_size=3))
def test_number_functions_stay_finite(xs: list[float]) -> None:
    for f in FUNCTIONS.values():
        if f.apply is not None:
            for count in {f.min_args, min(f.max_args, 3)}:
                assert math.isfinite(f.apply(*xs[:count]))


PAIR_NS = Namespace({"a": 0, "b": 1, "turn": 2, "turns": 3}, {}, {})
ANY_FLOAT = st.floats(allow_nan=True, allow_infinity=True)


@settings(max_examples=300)
@given(ANY_FLOAT, ANY_FLOAT)
def test_min_and_max_of_two_pick_what_the_builtins_pick(a: float, b: float) -> None:
    """min/max of two are written without a call (``Function.pair``): the same value, to the
    sign of a zero and the NaN the builtin keeps, nested or not."""
    v = [a, b, 1.0, 8.0]
    cases = {
        "min(a, b)": min(a, b),
        "max(a, b)": max(a, b),
        "min(b, a)": min(b, a),
        "max(min(a, b), min(b, a))": max(min(a, b), min(b, a)),
        "min(max(a, 0), max(b, a)) + min(a, b, 0)": min(max(a, 0.0), max(b, a)) + min(a, b, 0.0),
    }
    for src, want in cases.items():
        got = compile_expression(src, PAIR_NS)(v, [], set())
        assert repr(got) == repr(want), src


def test_min_of_two_is_written_without_a_call() -> None:
    body = compile_expression("min(a, max(b, 2))", PAIR_NS).body
    assert "_min(" not in body and "_max(" not in body
    assert "_min(" in compile_expression("min(a, b, 2)", PAIR_NS).body  # three: the builtin

"""The expression language: what it computes, what it refuses, and that nothing else gets in."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.expressions import CHOICE_KEY, ExpressionError, Namespace, compile_expression
from tests.expression_grammar import expressions

NS = Namespace(
    {"a": 0, "b": 1, "turn": 2, "turns": 3}, {"p": 0, "q": 1}, {"e": (0, {"x": 0, "y": 1})}
)
V = [80.0, 2.0, 3.0, 8.0]


def ev(src: str, h: list[int] | None = None, c: set[int] | None = None) -> float:
    return compile_expression(src, NS)(list(V), h or [0, 0], c or set())


@pytest.mark.parametrize(
    ("src", "value"),
    [
        ("0.15 * (a - 75)", 0.75),
        ("a / 0", 0.0),
        ("2 ** 3", 8.0),
        ("max(a, b, 100)", 100.0),
        ("min(a, b)", 2.0),
        ("abs(b - a)", 78.0),
        ("round(2.567, 1)", 2.6),
        ("clamp(a, 0, 50)", 50.0),
        ("1 if a > 50 and not b > 5 else 0", 1.0),
        ("turn + turns", 11.0),
        ("1 < b < 3", True),
        ("-a", -80.0),
    ],
)
def test_values(src: str, value: float) -> None:
    assert ev(src) == value


def test_policy_and_event_calls() -> None:
    assert ev('active("p")', h=[2, 0]) is True
    assert ev('active("q")', h=[2, 0]) is False
    assert ev('held("p") * 10', h=[3, 0]) == 30
    assert ev('chosen("e", "y")', c={0 * CHOICE_KEY + 1}) is True
    assert ev('chosen("e", "x")', c={1}) is False


@pytest.mark.parametrize(
    ("src", "fragment"),
    [
        ("__import__('os')", "cannot be called"),
        ("a.__class__", "attribute access"),
        ("().__class__.__bases__[0]", "not allowed"),
        ("a[0]", "subscripts"),
        ("lambda: 1", "lambda"),
        ("9 ** 9 ** 9", "exponent too large"),
        ("10 ** 1000", "exponent too large"),
        ("[x for x in a]", "not allowed"),
        ("open('/etc/passwd')", "cannot be called"),
        ("eval('1')", "cannot be called"),
        ("c", "unknown name 'c'"),
        ("aa + 1", "did you mean 'a'"),
        ('active("r")', "no policy 'r'"),
        ("active(p)", "ids in quotes"),
        ('chosen("e", "z")', "has no choice 'z'"),
        ("a % 2", "operator '%'"),
        ("a // 2", "operator '//'"),
        ("a if b", "not a valid expression"),
        ("'text'", "may only stand inside"),
        ("min(a)", "takes 2 or more arguments"),
        ("x := 1", "not a valid expression"),
        ("f'{a}'", "not allowed"),
        ("a is b", "comparison 'is'"),
        ("1e400", "number too large"),
        ("", "empty expression"),
        ("not " * 100 + "a", "too deeply nested"),
        ("a" + "+a" * 450, "too complex"),
    ],
)
def test_refused(src: str, fragment: str) -> None:
    with pytest.raises(ExpressionError) as info:
        compile_expression(src, NS)
    assert fragment in str(info.value)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_any_text_compiles_or_is_refused_cleanly(src: str) -> None:
    try:
        expr = compile_expression(src, NS)
    except ExpressionError:
        return
    result = expr(list(V), [1, 0], set())
    assert isinstance(result, (int, float, bool))


_ATOMS = st.sampled_from(
    [
        "a",
        "b",
        "turn",
        "turns",
        "1",
        "0",
        "2.5",
        "-3",
        'held("p")',
        'active("q")',
        'chosen("e", "x")',
    ]
)
_HOSTILE = st.sampled_from(
    [
        "__import__('os')",
        "a.b",
        "a[0]",
        "lambda: 0",
        "open(a)",
        "9 ** 9999",
        "x",
        "(a for a in b)",
        "globals()",
    ]
)


def _expr(depth: int) -> st.SearchStrategy[str]:
    return expressions(_ATOMS, depth)


@settings(max_examples=300, deadline=None)
@given(
    _expr(3),
    st.lists(st.floats(-1e6, 1e6), min_size=4, max_size=4),
    st.lists(st.integers(0, 9), min_size=2, max_size=2),
)
def test_grammar_expressions_evaluate_without_error(
    src: str, values: list[float], held: list[int]
) -> None:
    try:
        expr = compile_expression(src, NS)
    except ExpressionError as exc:  # a constant part folded at load time, e.g. 0 ** -3
        assert "out of range" in str(exc)
        return
    result = expr(values, held, {1})
    assert isinstance(result, (int, float, bool))


@settings(max_examples=300, deadline=None)
@given(_expr(2), _HOSTILE, st.sampled_from(["+", "*", "and", "<"]))
def test_hostile_fragment_anywhere_is_refused(src: str, hostile: str, op: str) -> None:
    with pytest.raises(ExpressionError):
        compile_expression(f"({src}) {op} ({hostile})", NS)

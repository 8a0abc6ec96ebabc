"""The functions an expression may call: one table read by the compiler, its arity and
argument checks, its error messages, the reserved names and the JSON Schema's help.

Adding a function is one entry in :data:`FUNCTIONS` (plus a test, and a line in
``docs/format-reference.md``). Two kinds exist:

- a *number function* (``min``, ``clamp``...): ``apply`` is called with the evaluated
  arguments and must return a finite float for finite input and never raise;
- a *state reader* (``active``, ``held``, ``chosen``, ``fired``): its arguments are ids in
  quotes of the kinds in ``ids`` (``"policy"``, ``"event"``, or ``"event", "choice"``); ``read``
  turns their slots into the generated code that reads the state (``h`` held turns, ``c``
  chosen keys; for ``"event"`` alone: its slot and its number of choices).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from dataclasses import dataclass

from game.errors import Message
from game.scenario.codes import LoadCode

CHOICE_KEY = 4096  # chosen(e, c) -> e * CHOICE_KEY + c


@dataclass(frozen=True)
class Function:
    """One callable name of the expression language."""

    name: str
    usage: str  # how it is written, e.g. clamp(x, lo, hi)
    help_en: str
    help_id: str
    min_args: int = 1
    max_args: int = 1
    apply: Callable[..., float] | None = None  # number functions
    ids: tuple[str, ...] = ()  # state readers: the kinds of their quoted ids
    read: Callable[[tuple[int, ...]], str] | None = None  # state readers: code from slots
    check: Callable[[list[ast.expr]], Message | None] | None = None  # an extra argument check
    # of two arguments, the second is taken when it compares so with the first (min "<", max
    # ">": what the builtin picks, ties and NaN included), so the code needs no call
    pair: str | None = None


def arity_message(function: Function, given: int) -> Message:
    """``f() takes 1 or 2 arguments, not 3`` ("1", "2 or more", "1 or 2")."""
    lo, hi, fn = function.min_args, function.max_args, function.name
    if lo == hi:
        return Message.of(LoadCode.EXPR_ARITY, fn=fn, lo=lo, n=given)
    if hi > 3:
        return Message.of(LoadCode.EXPR_ARITY_MORE, fn=fn, lo=lo, n=given)
    return Message.of(LoadCode.EXPR_ARITY_RANGE, fn=fn, lo=lo, hi=hi, n=given)


def _clamp(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


def _round(x: float, n: float = 0) -> float:
    if not math.isfinite(x):
        return x
    return float(round(x, int(n)))


def _round_digits_constant(args: list[ast.expr]) -> Message | None:
    if len(args) == 2 and not _is_number(args[1]):
        return Message.of(LoadCode.EXPR_ROUND_DIGITS)
    return None


def _is_number(node: ast.AST) -> bool:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return _is_number(node.operand)
    if isinstance(node, ast.BinOp):
        return _is_number(node.left) and _is_number(node.right)
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, (int, float))
        and not isinstance(node.value, bool)
    )


FUNCTIONS: dict[str, Function] = {
    f.name: f
    for f in (
        Function(
            "active",
            'active("policy_id")',
            "1 while the policy is in force, else 0",
            "1 selama kebijakan berlaku, selain itu 0",
            ids=("policy",),
            read=lambda s: f"(h[{s[0]}] > 0)",
        ),
        Function(
            "held",
            'held("policy_id")',
            "turns the policy has been in force, this one included (0 when not)",
            "berapa giliran kebijakan sudah berlaku, termasuk giliran ini (0 bila tidak)",
            ids=("policy",),
            read=lambda s: f"h[{s[0]}]",
        ),
        Function(
            "chosen",
            'chosen("event_id", "choice_id")',
            "1 once that answer was given to the event, else 0",
            "1 bila jawaban itu pernah dipilih pada peristiwa tersebut, selain itu 0",
            min_args=2,
            max_args=2,
            ids=("event", "choice"),
            read=lambda s: f"({s[0] * CHOICE_KEY + s[1]} in c)",
        ),
        Function(
            "fired",
            'fired("event_id")',
            "1 once the event has happened (and so was answered), else 0",
            "1 bila peristiwa itu pernah terjadi (dan karena itu dijawab), selain itu 0",
            ids=("event",),
            read=lambda s: (
                "(not c.isdisjoint({"
                + ", ".join(str(s[0] * CHOICE_KEY + j) for j in range(s[1]))
                + "}))"
            ),
        ),
        Function(
            "min", "min(a, b, ...)", "the smallest", "yang terkecil", 2, 99, apply=min, pair="<"
        ),
        Function(
            "max", "max(a, b, ...)", "the largest", "yang terbesar", 2, 99, apply=max, pair=">"
        ),
        Function("abs", "abs(x)", "the size without sign", "nilai mutlak", 1, 1, apply=abs),
        Function(
            "round",
            "round(x, n)",
            "x rounded to n decimals (n a plain number, default 0)",
            "x dibulatkan ke n desimal (n angka biasa, bawaan 0)",
            1,
            2,
            apply=_round,
            check=_round_digits_constant,
        ),
        Function(
            "clamp",
            "clamp(x, lo, hi)",
            "x held inside [lo, hi]",
            "x dijaga di dalam [lo, hi]",
            3,
            3,
            apply=_clamp,
        ),
    )
}

NAMES = tuple(FUNCTIONS)


def names_text() -> str:
    """The callable names as a list in words: ``active, held, ..., clamp``."""
    return ", ".join(NAMES)


def readers() -> list[str]:
    """The names of the state readers: ``active``, ``held``, ``chosen``."""
    return [f.name for f in FUNCTIONS.values() if f.read is not None]


def help_text(lang: str) -> str:
    """One line per function, ``usage: what it gives``, for the schema and the docs."""
    return "; ".join(
        f"{f.usage}: {f.help_id if lang == 'id' else f.help_en}" for f in FUNCTIONS.values()
    )


def runtime_globals() -> dict[str, object]:
    """What generated code may call: each number function as ``_<name>``."""
    return {f"_{f.name}": f.apply for f in FUNCTIONS.values() if f.apply is not None}

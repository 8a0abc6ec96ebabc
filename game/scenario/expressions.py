"""The small expression language of scenario files: parse, check, compile.

An expression is parsed with :mod:`ast` only to obtain a tree; the tree is then checked
against a whitelist (numbers, the state's names, the listed calls, arithmetic, comparisons,
``and/or/not`` and ``x if c else y``). Anything else is refused when the file loads.

A checked tree is compiled once into a Python function whose source is generated *by this
module* from the tree: names become slots of the state vector ``v``, policy ids become
slots of the held-turns vector ``h``, ``chosen`` pairs become integer keys of the set
``c``, numbers are re-emitted with ``repr(float)``. No text of the scenario reaches the
compiler, and the function's globals hold no builtins, so an expression can read the
state and nothing else. Division by zero gives 0; a power that overflows saturates.
"""

from __future__ import annotations

import ast
import math
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from game.errors import Message, Value
from game.scenario.codes import LoadCode as C
from game.scenario.constant_folding import MAX_EXPONENT, constant_value
from game.scenario.details import python_complaint
from game.scenario.functions import (
    CHOICE_KEY,
    FUNCTIONS,
    arity_message,
    names_text,
    readers,
    runtime_globals,
)
from game.scenario.suggest import did_you_mean

MAX_LENGTH = 2000
MAX_NODES = 400
MAX_DEPTH = 60
__all__ = [
    "CHOICE_KEY",
    "FUNCTIONS",
    "Evaluator",
    "Expression",
    "ExpressionError",
    "Namespace",
    "compile_expression",
    "generated_globals",
    "parse",
]

Evaluator = Callable[[list[float], list[int], "set[int] | frozenset[int]"], float]


class ExpressionError(ValueError):
    """An expression breaks the rules of the language; ``message`` says how (a code)."""

    def __init__(self, code: C | Message, **fields: Value) -> None:
        self.message = code if isinstance(code, Message) else Message.of(code, **fields)
        super().__init__(self.message.code.value)

    def __str__(self) -> str:
        return str(self.message)

    def __reduce__(self) -> tuple[type[ExpressionError], tuple[Message]]:
        return (ExpressionError, (self.message,))  # a copy in another process keeps its code


@dataclass(frozen=True)
class Namespace:
    """What an expression may read: value slots, policy slots, event and choice slots."""

    values: Mapping[str, int]
    policies: Mapping[str, int]
    events: Mapping[str, tuple[int, Mapping[str, int]]]


@dataclass(frozen=True)
class Expression:
    """A checked, compiled expression."""

    source: str
    fn: Evaluator
    names: frozenset[str] = field(default_factory=frozenset)
    policies: frozenset[str] = field(default_factory=frozenset)
    events: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    constant: float | None = None
    # the generated Python text of ``fn``'s body (reading ``v``, ``h``, ``c``), for the engine
    # to inline into its per-scenario turn code; never text of the scenario itself
    body: str = ""

    def __call__(self, v: list[float], h: list[int], c: set[int] | frozenset[int]) -> float:
        return self.fn(v, h, c)


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _pow(a: float, b: float) -> float:
    try:
        r = math.pow(a, b)
    except OverflowError:
        return 1e300 if a > 0 or (float(b).is_integer() and int(b) % 2 == 0) else -1e300
    except (ValueError, ZeroDivisionError):
        return 0.0
    return r


_GLOBALS: dict[str, object] = {
    "__builtins__": {},
    "_div": _div,
    "_pow": _pow,
    **runtime_globals(),
}


def generated_globals() -> dict[str, object]:
    """A fresh copy of what generated expression code may call (no builtins), for code that
    inlines expression bodies (the engine's per-scenario turn code)."""
    return dict(_GLOBALS)


_BINOPS: dict[type[ast.operator], str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*"}
_CMPOPS: dict[type[ast.cmpop], str] = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
}
_REFUSED: dict[type[ast.AST], C] = {
    ast.Attribute: C.EXPR_ATTRIBUTE,
    ast.Subscript: C.EXPR_SUBSCRIPT,
    ast.Lambda: C.EXPR_LAMBDA,
    ast.ListComp: C.EXPR_COMPREHENSION,
    ast.GeneratorExp: C.EXPR_COMPREHENSION,
    ast.DictComp: C.EXPR_COMPREHENSION,
    ast.SetComp: C.EXPR_COMPREHENSION,
    ast.NamedExpr: C.EXPR_ASSIGNMENT,
    ast.List: C.EXPR_LIST,
    ast.Tuple: C.EXPR_TUPLE,
    ast.Dict: C.EXPR_TABLE,
    ast.Set: C.EXPR_SET,
    ast.JoinedStr: C.EXPR_FSTRING,
    ast.Await: C.EXPR_AWAIT,
    ast.Starred: C.EXPR_STARRED,
    ast.Slice: C.EXPR_SLICE,
}


# CPython 3.11 keeps ast.parse's recursion counter per interpreter, not per thread: two
# threads parsing at once (the class server loads scenarios while a test or another request
# does) can fail with "AST constructor recursion depth mismatch" (CPython gh-106905)
_PARSE_LOCK = threading.Lock()


def parse(source: str) -> ast.expr:
    """Parse an expression string into a tree, refusing anything beyond the language."""
    if not isinstance(source, str):
        raise ExpressionError(C.EXPR_NOT_TEXT)
    text = source.strip()
    if not text:
        raise ExpressionError(C.EXPR_EMPTY)
    if len(text) > MAX_LENGTH:
        raise ExpressionError(C.EXPR_TOO_LONG, n=MAX_LENGTH)
    try:
        with _PARSE_LOCK:
            tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(python_complaint(exc.msg)) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError(python_complaint("too long or too deeply nested")) from None
    body = tree.body
    count = sum(1 for _ in ast.walk(body))
    if count > MAX_NODES:
        raise ExpressionError(C.EXPR_TOO_COMPLEX, n=MAX_NODES)
    if _depth(body) > MAX_DEPTH:
        raise ExpressionError(C.EXPR_TOO_DEEP, n=MAX_DEPTH)
    return body


def _depth(node: ast.AST) -> int:
    deepest, stack = 0, [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in ast.iter_child_nodes(current))
    return deepest


@dataclass
class _Emitter:
    ns: Namespace
    names: set[str] = field(default_factory=set)
    policies: set[str] = field(default_factory=set)
    events: set[tuple[str, str]] = field(default_factory=set)
    temps: int = 0  # names ``_w0``, ``_w1``... taken for a pair's values

    def emit(self, node: ast.AST) -> str:
        for kind, why in _REFUSED.items():
            if isinstance(node, kind):
                raise ExpressionError(why)
        method = getattr(self, "_" + type(node).__name__, None)
        if method is None:
            raise ExpressionError(C.EXPR_NODE, node=type(node).__name__)
        result: str = method(node)
        return result

    def _Constant(self, node: ast.Constant) -> str:
        value = node.value
        if isinstance(value, bool):
            return "True" if value else "False"
        if isinstance(value, (int, float)):
            try:
                number = float(value)
            except OverflowError:
                raise ExpressionError(C.EXPR_NUMBER_TOO_LARGE) from None
            if not math.isfinite(number) or abs(number) > 1e15:
                raise ExpressionError(C.EXPR_NUMBER_TOO_LARGE)
            return repr(number)
        if isinstance(value, str):
            calls = [f"{name}()" for name in readers()]
            raise ExpressionError(
                C.EXPR_TEXT_OUTSIDE, text=value, calls=", ".join(calls[:-1]), last=calls[-1]
            )
        raise ExpressionError(C.EXPR_NODE, node=repr(value))

    def _Name(self, node: ast.Name) -> str:
        slot = self.ns.values.get(node.id)
        if slot is None:
            if node.id in FUNCTIONS:
                raise ExpressionError(C.EXPR_IS_FUNCTION, name=node.id)
            hint = did_you_mean(node.id, self.ns.values)
            raise ExpressionError(C.EXPR_UNKNOWN_NAME, name=node.id, hint=hint)
        self.names.add(node.id)
        return f"v[{slot}]"

    def _BinOp(self, node: ast.BinOp) -> str:
        left, right = self.emit(node.left), self.emit(node.right)
        if isinstance(node.op, ast.Div):
            return f"_div({left}, {right})"
        if isinstance(node.op, ast.Pow):
            exponent = constant_value(node.right)
            if exponent is not None and abs(exponent) > MAX_EXPONENT:
                raise ExpressionError(C.EXPR_EXPONENT, n=f"{MAX_EXPONENT:g}")
            base = constant_value(node.left)
            if base is not None and exponent is not None:
                try:
                    math.pow(base, exponent)
                except (OverflowError, ValueError, ZeroDivisionError):
                    raise ExpressionError(C.EXPR_POWER_RANGE) from None
            return f"_pow({left}, {right})"
        op = _BINOPS.get(type(node.op))
        if op is None:
            raise ExpressionError(C.EXPR_OPERATOR, op=_op_text(node.op))
        return f"({left} {op} {right})"

    def _UnaryOp(self, node: ast.UnaryOp) -> str:
        inner = self.emit(node.operand)
        if isinstance(node.op, ast.USub):
            return f"(-{inner})"
        if isinstance(node.op, ast.UAdd):
            return f"(+{inner})"
        if isinstance(node.op, ast.Not):
            return f"(not {inner})"
        raise ExpressionError(C.EXPR_OPERATOR, op="~")

    def _BoolOp(self, node: ast.BoolOp) -> str:
        op = " and " if isinstance(node.op, ast.And) else " or "
        return "(" + op.join(self.emit(v) for v in node.values) + ")"

    def _Compare(self, node: ast.Compare) -> str:
        parts = [self.emit(node.left)]
        for op, comp in zip(node.ops, node.comparators):
            sym = _CMPOPS.get(type(op))
            if sym is None:
                raise ExpressionError(C.EXPR_COMPARISON, op=_op_text(op))
            parts.append(sym)
            parts.append(self.emit(comp))
        return "(" + " ".join(parts) + ")"

    def _IfExp(self, node: ast.IfExp) -> str:
        return f"({self.emit(node.body)} if {self.emit(node.test)} else {self.emit(node.orelse)})"

    def _Call(self, node: ast.Call) -> str:
        if not isinstance(node.func, ast.Name):
            self.emit(node.func)  # names what is wrong with it (attribute, lambda, ...)
            raise ExpressionError(C.EXPR_ONLY_CALLS, names=names_text())
        fname = node.func.id
        if node.keywords:
            raise ExpressionError(C.EXPR_NO_KEYWORDS, fn=fname)
        args = node.args
        function = FUNCTIONS.get(fname)
        if function is None:
            hint = did_you_mean(fname, FUNCTIONS)
            raise ExpressionError(C.EXPR_CANNOT_CALL, fn=fname, hint=hint, names=names_text())
        if function.read is not None:
            ids = _string_args(fname, args, len(function.ids), function.usage)
            return function.read(self._slots(function.ids, ids))
        if not function.min_args <= len(args) <= function.max_args:
            raise ExpressionError(arity_message(function, len(args)))
        problem = function.check(args) if function.check is not None else None
        if problem is not None:
            raise ExpressionError(problem)
        inner = [self.emit(a) for a in args]
        if function.pair is not None and len(inner) == 2:  # each value computed once
            a, b, self.temps = f"_w{self.temps}", f"_w{self.temps + 1}", self.temps + 2
            return f"({b} if ({b} := {inner[1]}) {function.pair} ({a} := {inner[0]}) else {a})"
        return f"_{fname}(" + ", ".join(inner) + ")"

    def _slots(self, kinds: tuple[str, ...], ids: list[str]) -> tuple[int, ...]:
        """The state slots of quoted ids: a policy's, an event's with its number of choices, or
        an event's and one of its choices'."""
        if kinds == ("policy",):
            pid = ids[0]
            slot = self.ns.policies.get(pid)
            if slot is None:
                raise ExpressionError(C.NO_POLICY, id=pid, hint=did_you_mean(pid, self.ns.policies))
            self.policies.add(pid)
            return (slot,)
        eid = ids[0]
        entry = self.ns.events.get(eid)
        if entry is None:
            raise ExpressionError(C.NO_EVENT, id=eid, hint=did_you_mean(eid, self.ns.events))
        eslot, choices = entry
        if kinds == ("event",):
            return (eslot, len(choices))
        cid = ids[1]
        cslot = choices.get(cid)
        if cslot is None:
            hint = did_you_mean(cid, choices)
            raise ExpressionError(C.NO_CHOICE, event=eid, choice=cid, hint=hint)
        self.events.add((eid, cid))
        return (eslot, cslot)


def _string_args(fname: str, args: list[ast.expr], count: int, usage: str) -> list[str]:
    if len(args) != count or not all(
        isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
    ):
        raise ExpressionError(C.EXPR_IDS_IN_QUOTES, fn=fname, usage=usage)
    return [str(a.value) for a in args if isinstance(a, ast.Constant)]


def _op_text(op: ast.AST) -> str:
    return {
        "Mod": "%",
        "FloorDiv": "//",
        "MatMult": "@",
        "BitAnd": "&",
        "BitOr": "|",
        "BitXor": "^",
        "LShift": "<<",
        "RShift": ">>",
        "Is": "is",
        "IsNot": "is not",
        "In": "in",
        "NotIn": "not in",
    }.get(type(op).__name__, type(op).__name__)


def compile_expression(source: str | float | int | bool, ns: Namespace) -> Expression:
    """Check and compile a number or an expression string; raise ExpressionError if refused."""
    if isinstance(source, bool):
        value = 1.0 if source else 0.0
        return Expression(str(source).lower(), _const_fn(value), constant=value, body=repr(value))
    if isinstance(source, (int, float)):
        value = float(source)
        if not math.isfinite(value):
            raise ExpressionError(C.EXPR_NOT_FINITE)
        return Expression(repr(value), _const_fn(value), constant=value, body=repr(value))
    tree = parse(source)
    emitter = _Emitter(ns)
    body = emitter.emit(tree)
    constant = constant_value(tree)
    code = compile(f"lambda v, h, c: {body}", "<scenario expression>", "eval")
    fn: Evaluator = eval(code, dict(_GLOBALS))
    if constant is not None and not math.isfinite(constant):
        raise ExpressionError(C.EXPR_VALUE_RANGE)
    return Expression(
        source,
        fn,
        names=frozenset(emitter.names),
        policies=frozenset(emitter.policies),
        events=frozenset(emitter.events),
        constant=constant,
        body=body,
    )


def _const_fn(value: float) -> Evaluator:
    def fn(v: list[float], h: list[int], c: set[int] | frozenset[int]) -> float:
        return value

    return fn

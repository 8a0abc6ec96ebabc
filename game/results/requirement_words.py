"""A requirement a trainer wrote as an expression, said in words a participant reads.

``network >= 45`` becomes "Jejaring mitra minimal 45" / "Partner network at least 45";
``active('a') or active('b')`` becomes "A atau B sedang berjalan" / "A or B is running".
Every word comes from the catalog (``req.*`` keys) and the scenario's own labels (metric,
derived value, policy, event and choice names, the turn label); numbers are written in the
language's style ("45,5" in Indonesian). The expression is parsed by the scenario's own
parser (:func:`game.scenario.expressions.parse`) and only its tree is read: nothing is
evaluated. A requirement that carries the trainer's own words (``requires_text`` on a choice,
``available_text`` on a policy, ``requires_text`` on a grade) is said in those words instead.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.engine.numbers import number
from game.errors import Message
from game.i18n import english_plural, say, tr, tr_n
from game.scenario.expressions import ExpressionError, parse
from game.scenario.format_model import Scenario
from game.scenario.text import Text, localize

__all__ = ["say_requirement"]

# comparison -> (its words, the words of its negation)
_COMPARE: dict[type[ast.cmpop], tuple[str, str]] = {
    ast.GtE: ("req.at_least", "req.below"),
    ast.LtE: ("req.at_most", "req.above"),
    ast.Gt: ("req.above", "req.at_most"),
    ast.Lt: ("req.below", "req.at_least"),
    ast.Eq: ("req.equals", "req.differs"),
    ast.NotEq: ("req.differs", "req.equals"),
}
# a comparison read from the other side: 45 <= network is network >= 45
_FLIP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.GtE: ast.LtE,
    ast.LtE: ast.GtE,
    ast.Gt: ast.Lt,
    ast.Lt: ast.Gt,
    ast.Eq: ast.Eq,
    ast.NotEq: ast.NotEq,
}
_TURN: dict[str, str] = {
    "req.at_least": "req.turn_from",
    "req.above": "req.turn_after",
    "req.at_most": "req.turn_until",
    "req.below": "req.turn_before",
    "req.equals": "req.turn_at",
    "req.differs": "req.turn_not",
}
# a condition (1 or 0) compared with 0 or 1: whether that says it holds (True) or not
_TRUTH: dict[tuple[str, float], bool] = {
    ("req.at_least", 1.0): True,
    ("req.above", 0.0): True,
    ("req.equals", 1.0): True,
    ("req.differs", 0.0): True,
    ("req.below", 1.0): False,
    ("req.at_most", 0.0): False,
    ("req.equals", 0.0): False,
    ("req.differs", 1.0): False,
}
_ARITHMETIC: dict[type[ast.operator], tuple[str, int]] = {
    ast.Add: ("req.plus", 1),
    ast.Sub: ("req.minus", 1),
    ast.Mult: ("req.times", 2),
    ast.Div: ("req.divided", 2),
    ast.Pow: ("req.power", 3),
}
_CONDITIONS = (ast.Compare, ast.BoolOp)
# how a part of a conditional is said: as a condition or as a value
_Say = Callable[[ast.expr], str]


def say_requirement(
    expr: str | bool | float, scenario: Scenario, lang: str, own: Text | None = None
) -> str:
    """The requirement ``expr`` in words of ``lang``; the trainer's ``own`` words when given.

    Never raises: an expression the parser refuses (never one a loaded scenario holds) is
    said as "a condition set by the scenario".
    """
    if own is not None and localize(own, lang, scenario.default_language).strip():
        return localize(own, lang, scenario.default_language).strip()
    if isinstance(expr, bool):
        return _capital(tr("req.always" if expr else "req.never", lang))
    if isinstance(expr, (int, float)):
        return _capital(tr("req.always" if expr else "req.never", lang))
    try:
        tree = parse(expr)
        text = _Worder(scenario, lang).condition(tree)
    except (ExpressionError, _Unworded, RecursionError):
        text = tr("req.unworded", lang)
    return _capital(text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Unworded(Exception):
    """A part of the tree this module has no words for (never in a loaded scenario)."""


@dataclass(frozen=True)
class _Worder:
    scenario: Scenario
    lang: str

    # --- names from the scenario -------------------------------------------------------
    def _local(self, text: Text | None) -> str:
        return localize(text, self.lang, self.scenario.default_language)

    def _value_label(self, name: str) -> str:
        s = self.scenario
        item = s.metrics.get(name) or s.derived.get(name)
        if item is None:
            raise _Unworded(name)
        return self._local(item.label) or name

    def _policy(self, node: ast.expr) -> str:
        pid = _quoted(node)
        for p in self.scenario.policies:
            if p.id == pid:
                return self._local(p.name)
        raise _Unworded(pid)

    def _chosen(self, call: ast.Call) -> tuple[str, str]:
        eid, cid = _quoted(call.args[0]), _quoted(call.args[1])
        for ev in self.scenario.events:
            for ch in ev.choices:
                if ev.id == eid and ch.id == cid:
                    return self._local(ev.title), self._local(ch.label)
        raise _Unworded(f"{eid}/{cid}")

    def _turn_word(self, plural: bool = False) -> str:
        s = self.scenario
        word = self._local(s.turn_label) if s.turn_label is not None else ""
        word = word or tr("turn.label", self.lang)
        return english_plural(word) if plural and self.lang == "en" else word

    # --- conditions ---------------------------------------------------------------------
    def condition(self, node: ast.expr, negate: bool = False) -> str:
        """``node`` read as a condition (true or false); ``negate``: its opposite."""
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return self.condition(node.operand, not negate)
        if isinstance(node, ast.BoolOp):
            return self._boolop(node, negate)
        if isinstance(node, ast.Compare):
            return self._compare(node, negate)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "active":
                key = "req.not_running" if negate else "req.running"
                return tr(key, self.lang, names=self._policy(node.args[0]))
            if node.func.id == "chosen":
                event, choice = self._chosen(node)
                key = "req.not_chosen" if negate else "req.chosen"
                return tr(key, self.lang, event=event, choice=choice)
        n = _constant(node)
        if n is not None:
            return tr("req.always" if bool(n) != negate else "req.never", self.lang)
        if isinstance(node, ast.IfExp):
            text = self._ifexp(node, self.condition)
            return tr("req.not", self.lang, a=f"({text})") if negate else text
        key = "req.zero" if negate else "req.nonzero"
        return tr(key, self.lang, a=self.value(node))

    def _boolop(self, node: ast.BoolOp, negate: bool) -> str:
        if negate:  # not (a and b): said as such, the group in brackets
            return tr("req.not", self.lang, a=f"({self._boolop(node, False)})")
        both = isinstance(node.op, ast.And)
        if all(_is_call(v, "active") for v in node.values):
            names = self._list([self._policy(_call(v).args[0]) for v in node.values], both)
            return tr("req.running_all" if both else "req.running", self.lang, names=names)
        parts = []
        for v in node.values:
            text = self.condition(v)
            if isinstance(v, (ast.BoolOp, ast.IfExp)):
                text = f"({text})"
            parts.append(text)
        return self._list(parts, both)

    def _list(self, items: Sequence[str], both: bool) -> str:
        last = items[-1]
        if len(items) == 1:
            return last
        head = ", ".join(items[:-1])
        return tr("req.and" if both else "req.or", self.lang, a=head, b=last)

    def _compare(self, node: ast.Compare, negate: bool) -> str:
        pairs = []
        left = node.left
        for op, right in zip(node.ops, node.comparators):
            pairs.append(self._pair(left, op, right, negate))
            left = right
        if len(pairs) == 1:
            return pairs[0]
        # a < b < c is "a < b and b < c"; its negation "a >= b or b >= c"
        return self._list(pairs, not negate)

    def _pair(self, left: ast.expr, op: ast.cmpop, right: ast.expr, negate: bool) -> str:
        kind: type[ast.cmpop] = type(op)
        if _constant(left) is not None and _constant(right) is None:
            left, right, kind = right, left, _FLIP[kind]
        key = _COMPARE[kind][1 if negate else 0]
        n = _constant(right)
        if isinstance(left, ast.Name) and left.id == "turn" and n is not None and n.is_integer():
            return tr(_TURN[key], self.lang, turn=self._turn_word(), n=self._number(n))
        if n in (0.0, 1.0) and _is_condition(left):  # active('a') == 0: a is not running
            truth = _TRUTH.get((key, n))
            if truth is not None:
                return self.condition(left, negate=not truth)
        if _is_call(left, "held") and key == "req.at_least" and n is not None and n >= 1:
            return tr(
                "req.held_at_least",
                self.lang,
                policy=self._policy(_call(left).args[0]),
                n=self._number(n),
                turns=self._turn_word(plural=n != 1).lower(),
            )
        a, b = self.value(left, _level(left) == 0), self.value(right, _level(right) == 0)
        return tr(key, self.lang, a=a, b=b)

    # --- values ---------------------------------------------------------------------------
    def value(self, node: ast.expr, grouped: bool = False) -> str:
        """``node`` read as a number; ``grouped``: bracket it when it is not one word."""
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return self._number(float(node.value))
        if isinstance(node, ast.Name):
            if node.id == "turn":
                return tr("req.turn", self.lang, turn=self._turn_word().lower())
            if node.id == "turns":
                return tr("req.turns", self.lang, turns=self._turn_word(plural=True).lower())
            return self._value_label(node.id)
        if isinstance(node, ast.UnaryOp):
            return self._unary(node)
        if isinstance(node, ast.BinOp):
            text = self._binop(node)
        elif isinstance(node, ast.IfExp):
            text = self._ifexp(node, self.value)
        elif isinstance(node, ast.Call):
            text = self._function(node)
        elif isinstance(node, _CONDITIONS):
            text = tr("req.as_number", self.lang, a=self.condition(node))
        else:
            raise _Unworded(type(node).__name__)
        return f"({text})" if grouped else text

    def _unary(self, node: ast.UnaryOp) -> str:
        if isinstance(node.op, ast.Not):
            return f"({tr('req.as_number', self.lang, a=self.condition(node))})"
        inner = self.value(node.operand, grouped=True)
        if isinstance(node.op, ast.UAdd):
            return inner
        n = _constant(node.operand)
        return self._number(-n) if n is not None else tr("req.negative", self.lang, a=inner)

    def _binop(self, node: ast.BinOp) -> str:
        key, level = _ARITHMETIC[type(node.op)]
        a = self.value(node.left, grouped=_level(node.left) < level)
        right_level = _level(node.right)
        tight = right_level < level or (right_level == level and not _associative(node.op))
        b = self.value(node.right, grouped=tight)
        return tr(key, self.lang, a=a, b=b)

    def _ifexp(self, node: ast.IfExp, say: _Say) -> str:
        return tr(
            "req.if",
            self.lang,
            a=say(node.body),
            test=self.condition(node.test),
            b=say(node.orelse),
        )

    def _function(self, node: ast.Call) -> str:
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        args = node.args
        if name in ("active", "chosen"):
            return tr("req.as_number", self.lang, a=self.condition(node))
        if name == "held":
            return tr(
                "req.held",
                self.lang,
                policy=self._policy(args[0]),
                turns=self._turn_word(plural=True).lower(),
            )
        said = [self.value(a, grouped=not _simple(a)) for a in args]
        if name in ("min", "max"):
            items = self._list(said, True)
            return tr("req.min" if name == "min" else "req.max", self.lang, items=items)
        if name == "abs":
            return tr("req.abs", self.lang, a=said[0])
        if name == "round":
            places = _constant(args[1]) if len(args) == 2 else 0.0
            if not places:
                return tr("req.round", self.lang, a=said[0])
            n = self._number(places)
            return tr_n("req.round_to", int(places), self.lang, a=said[0], places=n)
        if name == "clamp":
            return tr("req.clamp", self.lang, a=said[0], lo=said[1], hi=said[2])
        raise _Unworded(name)

    def _number(self, value: float) -> str:
        """A number as written, in the language's style (0.5 -> "0,5"; 4200 -> "4.200")."""
        text = f"{abs(value):.6f}".rstrip("0")
        places = len(text.partition(".")[2])
        return number(value, places, self.lang)


def _level(node: ast.expr) -> int:
    """How tightly a value binds: 1 for + and -, 2 for * and /, 3 for **, 9 for one word."""
    if isinstance(node, ast.BinOp):
        return _ARITHMETIC[type(node.op)][1]
    if isinstance(node, (ast.IfExp, *_CONDITIONS)):
        return 0
    return 9


def _simple(node: ast.expr) -> bool:
    """A value said in one piece: a number, a name, a negative number."""
    return isinstance(node, (ast.Constant, ast.Name)) or _constant(node) is not None


def _associative(op: ast.operator) -> bool:
    return isinstance(op, (ast.Add, ast.Mult))


def _constant(node: ast.expr) -> float | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _constant(node.operand)
        return None if inner is None else -inner if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.Constant) and isinstance(node.value, (bool, int, float)):
        return float(node.value)
    return None


def _is_condition(node: ast.expr) -> bool:
    """A part that is true or false (1 or 0) rather than a quantity."""
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, ast.Not)
    return isinstance(node, _CONDITIONS) or _is_call(node, "active") or _is_call(node, "chosen")


def _is_call(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name


def _call(node: ast.expr) -> ast.Call:
    assert isinstance(node, ast.Call)
    return node


def _quoted(node: ast.expr) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    raise _Unworded("id")


def say_held_below(message: Message, scenario: Scenario, lang: str) -> str:
    """Why the score was held below a grade (``Outcome.held_below``), its condition in words.

    The engine names the grade's requirement as written (``morale >= 55``); a player reads it
    from the metric labels ("Semangat pegawai minimal 55"), or the author's ``requires_text``.
    """
    condition = str(message.field("condition"))
    grade = next((g for g in scenario.scoring.grades if str(g.requires) == condition), None)
    own = grade.requires_text if grade is not None else None
    worded = say_requirement(condition, scenario, lang, own)
    fields = tuple(
        (key, worded[:1].lower() + worded[1:] if key == "condition" else value)
        for key, value in message.fields
    )
    return say(Message(message.code, fields), lang)

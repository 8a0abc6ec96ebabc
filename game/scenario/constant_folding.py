"""Constant folding for the expression language: the value of a sub-tree made only of
numbers and arithmetic, known when the file loads.

The checker uses it to refuse an exponent too large to be meant (``2 ** 1000``) and a
constant that is not a finite number; the compiled expression keeps it (``constant``) so
the loader's checks can judge a rate, a chance or a cost written as a plain number.
Folding follows the language's rule that division by zero gives 0; anything that
overflows is infinite, so the checker can refuse it.
"""

from __future__ import annotations

import ast
import math

MAX_EXPONENT = 100.0


def constant_value(node: ast.AST) -> float | None:
    """The value of a constant sub-tree made of numbers and arithmetic, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        try:
            return float(node.value)
        except OverflowError:
            return math.inf
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = constant_value(node.operand)
        if inner is None:
            return None
        return -inner if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        a, b = constant_value(node.left), constant_value(node.right)
        if a is None or b is None:
            return None
        try:
            if isinstance(node.op, ast.Add):
                return a + b
            if isinstance(node.op, ast.Sub):
                return a - b
            if isinstance(node.op, ast.Mult):
                return a * b
            if isinstance(node.op, ast.Div):
                return a / b if b else 0.0
            if isinstance(node.op, ast.Pow):
                if abs(b) > MAX_EXPONENT:
                    return math.inf
                return math.pow(a, b)
        except (OverflowError, ValueError, ZeroDivisionError):
            return math.inf
    return None

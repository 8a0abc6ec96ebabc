"""The writer of generated engine code: how it names the scenario's values (as globals, never
in the source), inlines an expression, makes a number finite and rounds one, exactly as the
readable steps do. ``fused.py`` says why the engine generates code and what it writes."""

from __future__ import annotations

from collections.abc import Callable

from game.engine.carryover import settle_arrears
from game.engine.state import DIGITS, finite
from game.scenario.compiled import Compiled
from game.scenario.expressions import Expression, generated_globals

# ``{target} = round({x}, DIGITS)`` to the bit, without round()'s trip through a decimal
# string where it is safe: y = x * 10**DIGITS is then within 0.012 of the exact product, so
# an integer n within 0.48 of y is the exact product correctly rounded (no tie), and n / 10**DIGITS
# (an exact integer over an exact power of ten, one IEEE division) is the double nearest that
# decimal, which is what round() returns. A zero (either sign; ``x`` is always a float here)
# is its own rounding; ties, values under 10**-DIGITS, huge and non-finite ones take round().
# n is found as (y + 0.5) // 1.0: the floor as a float, exact below 2**53 (|y| < 1e14 here),
# so it divides and subtracts as the integer would, without a call.
ROUNDED = (
    "y = {x} * {scale}",
    "if y and -1e14 < y < 1e14:",
    "    n = (y + 0.5) // 1.0",
    "    d = y - n",
    "    {target} = n / {scale} if n and -0.48 < d < 0.48 else G_round({x}, {digits})",
    "elif y == 0.0:",
    "    {target} = {x}",
    "else:",
    "    {target} = G_round({x}, {digits})",
)
SCALE = repr(float(10**DIGITS))


class SourceWriter:
    """Writes generated source, passing every value of the scenario as a global."""

    def __init__(self, compiled: Compiled) -> None:
        self.c = compiled
        self.globals: dict[str, object] = generated_globals()
        self.globals.update(
            G_finite=finite,
            G_round=round,
            G_set=set,
            G_tuple=tuple,
            G_settle=settle_arrears,
        )
        self.names: dict[tuple[type, object], str] = {}

    def const(self, value: object) -> str:
        """A global name holding ``value`` (one per distinct value)."""
        key = (type(value), value)
        name = self.names.get(key)
        if name is None:
            name = f"K{len(self.names)}"
            self.names[key] = name
            self.globals[name] = value
        return name

    def expr(self, e: Expression) -> str:
        """The expression inline: its generated body, or a call of its function."""
        if e.body:
            return f"({e.body})"
        return f"{self.const(e.fn)}(v, h, c)"

    def number(self, x: str) -> list[str]:
        """``x`` made a finite float, as ``state.finite`` does (``* 1.0`` keeps -0.0)."""
        return [f"x = {x} * 1.0", "if x - x:", "    x = G_finite(x)"]


def rounded(x: str, target: str) -> list[str]:
    """Lines setting ``target`` to ``round(x, DIGITS)`` (see ``ROUNDED``)."""
    return [line.format(x=x, target=target, scale=SCALE, digits=DIGITS) for line in ROUNDED]


def rounding() -> Callable[[float], float]:
    """``round(x, DIGITS)`` written as the generated code writes it (for the tests)."""
    source = "\n".join(["def r(x):", *indent(rounded("x", "out"), 4), "    return out"])
    namespace: dict[str, object] = {"__builtins__": {}, "G_round": round}
    exec(compile(source, "<rounding>", "exec"), namespace)
    return namespace["r"]  # type: ignore[return-value]


def indent(lines: list[str], spaces: int) -> list[str]:
    pad = " " * spaces
    return [pad + line for line in lines]

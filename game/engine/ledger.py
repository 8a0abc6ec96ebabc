"""The ledger: every change to every metric, with its source, so any move can be explained."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

# kinds of source
COST = "cost"  # one-off cost of a policy
UPKEEP = "upkeep"  # per-turn upkeep of a policy
POLICY = "policy"  # an effect of a policy
CHOICE_COST = "choice_cost"
CHOICE = "choice"  # an effect of an event choice; source "event/choice"
RULE = "rule"
DRIFT = "drift"
LIMIT = "limit"  # held inside [min, max]
ARREARS = "arrears"  # what the budget could not pay, carried over as arrears
ARREARS_PAID = "arrears_paid"  # arrears paid off from later income
STALL = "stall"  # a policy's favourable effect stalled while arrears are owed; source policy

Entry = tuple[int, int, str, str, float]  # turn, metric slot, kind, source id, delta


@dataclass(frozen=True)
class Cause:
    """One named cause of a metric's change in a turn."""

    kind: str
    source: str
    delta: float


class Ledger:
    """An append-only list of changes."""

    __slots__ = ("entries",)

    def __init__(self, entries: list[Entry] | None = None) -> None:
        self.entries: list[Entry] = entries if entries is not None else []

    def add(self, turn: int, metric: int, kind: str, source: str, delta: float) -> None:
        """Record one change."""
        self.entries.append((turn, metric, kind, source, delta))

    def copy(self) -> Ledger:
        """An independent copy."""
        return Ledger(list(self.entries))

    def causes(self, turn: int, metric: int) -> list[Cause]:
        """The causes of a metric's change in a turn, largest first, same sources summed."""
        total: dict[tuple[str, str], float] = defaultdict(float)
        for t, m, kind, source, delta in self.entries:
            if t == turn and m == metric:
                total[(kind, source)] += delta
        causes = [Cause(k, s, d) for (k, s), d in total.items() if abs(d) > 1e-12]
        return sorted(causes, key=lambda c: -abs(c.delta))

    def net(self, turn: int, metric: int) -> float:
        """The sum of a metric's changes in a turn."""
        return sum(e[4] for e in self.entries if e[0] == turn and e[1] == metric)

"""What outlasts a turn beyond the metrics: arrears, and effects that outlive a cancellation.

Arrears (docs/format-reference.md, "Arrears"): what the budget cannot pay at its minimum is
not written off but owed; later income pays it off before the budget can rise again; while
it is owed, the favourable effects of the policies whose upkeep is due stall (a share set by
``[arrears] stall``, growing the longer the arrears last), and the scenario's rules may read
``arrears`` and ``arrears_turns``. A cancelled policy's effects marked ``outlives_cancel``
keep acting for what the policy set in motion while in force.
"""

from __future__ import annotations

from game.engine import ledger as L
from game.engine.ledger import Ledger
from game.engine.state import DIGITS, Lingering, State, finite
from game.scenario.compiled import Compiled, CompiledPolicy

Change = tuple[int, str, str, float]  # metric slot, kind of source (ledger), source id, amount


def settle_arrears(compiled: Compiled, state: State, ledger: Ledger, raw: float) -> float:
    """The budget's value after this turn's sums (``raw``), arrears settled: a shortfall below
    the minimum is owed; income above it pays what is owed first. Counts the turns owed."""
    b, a = compiled.budget, compiled.arrears_slot
    assert b is not None
    v, low, owed = state.values, compiled.minimum[b], state.values[compiled.arrears_slot]
    if raw < low:
        short = low - raw
        ledger.add(state.turn, b, L.ARREARS, compiled.metric_ids[b], short)
        owed, raw = owed + short, low
    elif owed > 0 and raw > low:
        repay = min(owed, raw - low)
        ledger.add(state.turn, b, L.ARREARS_PAID, compiled.metric_ids[b], -repay)
        owed, raw = owed - repay, raw - repay
    owed = round(owed, DIGITS)
    v[a] = owed if owed > 10**-DIGITS else 0.0
    v[a + 1] = v[a + 1] + 1 if v[a] > 0 else 0.0
    return raw


def stalled(
    compiled: Compiled, state: State, effects: list[Change], paying: set[str]
) -> list[Change]:
    """While arrears are owed: the share of each favourable effect of a policy whose upkeep
    is due that stalls (to the ledger as a cause of its own, named for the policy)."""
    if compiled.stall is None or state.values[compiled.arrears_slot] <= 0:
        return []
    share = finite(compiled.stall.fn(state.values, state.held, state.answers))
    share = 0.0 if share < 0 else 1.0 if share > 1 else share
    if not share:
        return []
    better = compiled.better
    return [
        (metric, L.STALL, source, -share * amount)
        for metric, _kind, source, amount in effects
        if source in paying and (amount > 0) == better[metric]
    ]


def outlive(policy: CompiledPolicy, state: State) -> None:
    """A policy is cancelled: its ``outlives_cancel`` effects keep what it set in motion —
    with a duration, their whole run; without, one acting turn per turn it was in force."""
    adopted = state.adopted_at[policy.index]
    in_force = state.turn - adopted  # resolutions it was in force (not the current one)
    if not adopted or in_force < 1:
        return
    for effect in policy.outliving:
        last = effect.duration if effect.duration is not None else in_force
        now = state.turn - adopted - effect.delay + 1  # the k of this turn's resolution
        if last >= max(now, 1):
            state.lingering.append(Lingering(effect, adopted, last, policy.id))

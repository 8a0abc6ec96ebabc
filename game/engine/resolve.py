"""Ending a turn: step 2 of "What a turn does, in order" in docs/format-reference.md.

Upkeep is paid first. Then every effect of a policy in force, every rule, every drift and
every event choice's effect scheduled for this turn is evaluated against the state as it
stands after the upkeep (all at once, so their order in the file never matters); the sums are
added; each metric is held inside its [min, max]; derived values are recomputed. When an
effect acts, and how strongly, is "Timing, exactly" of the same document. Every change goes
to the ledger with its source, so the game can always answer "why did this number move?".
"""

from __future__ import annotations

from game.engine import ledger as L
from game.engine.carryover import Change, settle_arrears, stalled
from game.engine.fused import Add, Fused, fused
from game.engine.ledger import Ledger
from game.engine.state import DIGITS, Lingering, Scheduled, State, finite
from game.scenario.compiled import Compiled, CompiledEffect, CompiledPolicy


def end_of_turn(compiled: Compiled, state: State, ledger: Ledger | None) -> None:
    """Step 2 of a turn, as :func:`end_of_turn_by_steps` says it, run as the scenario's
    generated code (``engine.fused``: the same steps unrolled, the same result to the bit).

    Each cause goes to the ledger and to its metric's sum as it is found, in the order the
    readable steps list them, so the sums add up in the same order too. Without a ledger
    (a bot's game, a look-ahead) nothing is recorded and the values are the same."""
    f = fused(compiled)
    steps = f.recorded if ledger is not None else f.quiet
    ledger = ledger if ledger is not None else Ledger()  # quiet: what is still written, dropped
    v, h, answers, turn, at = state.values, state.held, state.answers, state.turn, state.adopted_at
    entries = ledger.entries
    add = entries.append
    sums = [0.0] * f.metrics
    paying = steps.upkeep(v, h, answers, at, turn, add)
    if paying and v[compiled.arrears_slot] > 0:  # stalling reads this turn's effects
        mark = len(entries)
        f.recorded.effects(v, h, answers, at, turn, add, sums)
        effects = [(m, kind, source, x) for _t, m, kind, source, x in entries[mark:]]
        _add_changes(stalled(compiled, state, effects, paying), turn, add, sums)
    else:
        steps.effects(v, h, answers, at, turn, add, sums)
    if state.lingering:
        _add_changes(lingering_effects(state), turn, add, sums)
    steps.rules_and_drifts(v, h, answers, at, turn, add, sums)
    if state.scheduled:
        _scheduled(f, state, add if steps is f.recorded else None, sums)
    steps.limits(v, sums, turn, add, compiled, state, ledger)
    f.derived(v, h, answers)


def _scheduled(f: Fused, state: State, add: Add | None, sums: list[float]) -> None:
    """:func:`scheduled_choice_effects` with each effect's generated amount: the same effects
    in the same order, each to its metric's sum (and its cause to the ledger, when ``add``)
    as it is found."""
    v, h, answers, turn, amounts = state.values, state.held, state.answers, state.turn, f.amounts
    for waiting, k in acting_now(state):
        effect = waiting.effect
        amount = amounts[id(effect)](v, h, answers, k)
        if amount:
            if add is not None:
                add((turn, effect.metric, L.CHOICE, waiting.source, amount))
            sums[effect.metric] += amount


def _add_changes(changes: list[Change], turn: int, add: Add, sums: list[float]) -> None:
    for metric, kind, source, amount in changes:
        add((turn, metric, kind, source, amount))
        sums[metric] += amount


def end_of_turn_by_steps(compiled: Compiled, state: State, ledger: Ledger) -> None:
    """Step 2 of a turn: upkeep; then effects, rules, drift and scheduled choice effects,
    all evaluated on the state after upkeep; the sums added; limits; derived values.

    The readable statement of the steps, one loop per kind of cause; the game runs the same
    steps generated per scenario (:func:`end_of_turn`), and the tests hold the two equal."""
    in_force = policies_in_force(compiled, state)
    paying = pay_upkeep(compiled, state, ledger, in_force)
    effects = policy_effects(state, in_force)
    owed = paying and state.values[compiled.arrears_slot] > 0
    changes = [
        *effects,
        *(stalled(compiled, state, effects, paying) if owed else ()),
        *(lingering_effects(state) if state.lingering else ()),
        *rules(compiled, state),
        *drifts(compiled, state),
        *scheduled_choice_effects(state),
    ]
    for metric, kind, source, amount in changes:
        ledger.add(state.turn, metric, kind, source, amount)
    add_within_limits(compiled, state, ledger, changes)
    recompute_derived(compiled, state)


def policies_in_force(compiled: Compiled, state: State) -> list[CompiledPolicy]:
    """The policies adopted and not cancelled, in file order."""
    return [p for p in compiled.policies if state.adopted_at[p.index]]


def pay_upkeep(
    compiled: Compiled, state: State, ledger: Ledger, in_force: list[CompiledPolicy]
) -> set[str]:
    """Each policy in force pays its upkeep from the budget (before anything else is read);
    the ids of those with upkeep due."""
    budget = compiled.budget
    paying: set[str] = set()
    if budget is None:
        return paying
    values = state.values
    for p in in_force:
        upkeep = p.upkeep.fn(values, state.held, state.answers)
        if upkeep:
            values[budget] -= upkeep
            ledger.add(state.turn, budget, L.UPKEEP, p.id, -upkeep)
            if upkeep > 0:
                paying.add(p.id)
    return paying


def policy_effects(state: State, in_force: list[CompiledPolicy]) -> list[Change]:
    """Each effect of a policy in force that acts this turn (after its delay, within its
    duration), ramped up over its first turns."""
    found: list[Change] = []
    for p in in_force:
        adopted = state.adopted_at[p.index]
        for effect in p.effects:
            k = state.turn - adopted - effect.delay + 1  # this is its k-th acting turn
            if k < 1 or (effect.duration is not None and k > effect.duration):
                continue
            amount = effect_amount(effect, k, state)
            if amount:
                found.append((effect.metric, L.POLICY, p.id, amount))
    return found


def lingering_effects(state: State) -> list[Change]:
    """Each effect of a cancelled policy still acting (``outlives_cancel``), counted from the
    policy's adoption as if it were in force; those done are dropped."""
    if not state.lingering:
        return []
    found: list[Change] = []
    later: list[Lingering] = []
    for waiting in state.lingering:
        effect = waiting.effect
        k = state.turn - waiting.adopted - effect.delay + 1
        if k < waiting.last:
            later.append(waiting)
        if not 1 <= k <= waiting.last:
            continue
        amount = effect_amount(effect, k, state)
        if amount:
            found.append((effect.metric, L.POLICY, waiting.source, amount))
    state.lingering = later
    return found


def rules(compiled: Compiled, state: State) -> list[Change]:
    """Each rule whose condition holds adds its delta to its metric."""
    v, h, answers = state.values, state.held, state.answers
    found: list[Change] = []
    for rule in compiled.rules:
        if rule.when is not None and not rule.when.fn(v, h, answers):
            continue
        amount = finite(rule.delta.fn(v, h, answers))
        if amount:
            found.append((rule.metric, L.RULE, rule.id, amount))
    return found


def drifts(compiled: Compiled, state: State) -> list[Change]:
    """Each drift moves its metric ``rate`` of the way toward ``toward``."""
    v, h, answers = state.values, state.held, state.answers
    found: list[Change] = []
    for drift in compiled.drifts:
        rate, toward = drift.rate.fn(v, h, answers), drift.toward.fn(v, h, answers)
        amount = finite(rate * (toward - v[drift.metric]))
        if amount:
            found.append((drift.metric, L.DRIFT, compiled.metric_ids[drift.metric], amount))
    return found


def scheduled_choice_effects(state: State) -> list[Change]:
    """Each event choice's effect whose turn has come; those with turns still to act stay
    scheduled (a choice's effect without ``duration`` acts once)."""
    found: list[Change] = []
    for waiting, k in acting_now(state):
        effect = waiting.effect
        amount = effect_amount(effect, k, state)
        if amount:
            found.append((effect.metric, L.CHOICE, waiting.source, amount))
    return found


def acting_now(state: State) -> list[tuple[Scheduled, int]]:
    """Each scheduled choice effect acting this turn, with its k (its k-th acting turn); only
    those with turns still to act stay scheduled."""
    now: list[tuple[Scheduled, int]] = []
    later: list[Scheduled] = []
    turn = state.turn
    for waiting in state.scheduled:
        effect = waiting.effect
        k = turn - waiting.chosen_turn - effect.delay + 1
        length = effect.duration if effect.duration is not None else 1
        if k < length:
            later.append(waiting)
        if 1 <= k <= length:
            now.append((waiting, k))
    state.scheduled = later
    return now


def effect_amount(effect: CompiledEffect, k: int, state: State) -> float:
    """An effect's change in its k-th acting turn: 0 when its condition fails; with a ramp,
    min(1, k / ramp) of its delta."""
    v, h, answers = state.values, state.held, state.answers
    if effect.when is not None and not effect.when.fn(v, h, answers):
        return 0.0
    amount = finite(effect.delta.fn(v, h, answers))
    if effect.ramp is not None and k < effect.ramp:
        amount *= k / effect.ramp
    return amount


def add_within_limits(
    compiled: Compiled, state: State, ledger: Ledger, changes: list[Change]
) -> None:
    """The sums added to the metrics, each held inside [min, max] (what is cut off goes to
    the ledger as a limit); values rounded to DIGITS decimals."""
    sums = [0.0] * len(compiled.metric_ids)
    for metric, _kind, _source, amount in changes:
        sums[metric] += amount
    values = state.values
    carry = compiled.budget if compiled.carry_arrears else None
    for m, total in enumerate(sums):
        raw = values[m] + total
        low, high = compiled.minimum[m], compiled.maximum[m]
        if m == carry and (raw < low or values[compiled.arrears_slot] > 0):
            raw = settle_arrears(compiled, state, ledger, raw)
        held = low if raw < low else high if raw > high else raw
        if held != raw:
            ledger.add(state.turn, m, L.LIMIT, compiled.metric_ids[m], held - raw)
        values[m] = round(held, DIGITS)


def recompute_derived(compiled: Compiled, state: State) -> None:
    """Derived values from the metrics, each after those it reads."""
    v, h, answers = state.values, state.held, state.answers
    for slot, formula in compiled.derived:
        v[slot] = round(finite(formula.fn(v, h, answers)), DIGITS)

"""The article's question answered with the player's own game: "Netflix culture for ASN?".

For each principle (a policy's ``principles``): the quarters the player practised it, with
or without its safeguard, and what the policies practising it did to service quality,
trust, integrity and staff, summed from the ledger. A safeguard counts only when a policy
not itself tagged with the principle provides it (a quota bonus is an output measure, but
not the due process for its own sanctions).
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import ledger as L
from game.engine.actions import Adopt
from game.engine.game import Game
from game.engine.timeline import turns_in_force
from game.scenario.format_model import Scenario
from game.scenario.vocabulary import PRINCIPLES

# principle -> the principle whose presence (from another policy) safeguards it
SAFEGUARDS: dict[str, str] = {
    "freedom": "output_measure",  # flexibility judged by output (PermenPANRB 4/2025, SKP)
    "consequence": "output_measure",  # due process: SKP appraisal and dialogue (UU 20/2023)
    "tech_literacy": "citizen_innovation",  # assisted service for citizens not online
    "output_measure": "consequence",  # a measure that counts for something
}

# what the page reports on, and the metric ids that stand for it in the shipped scenarios
ASPECTS: dict[str, tuple[str, ...]] = {
    "quality": ("ikm", "service_quality", "satisfaction", "quality"),
    "trust": ("trust", "public_trust"),
    "integrity": ("integrity",),
    "staff": ("morale", "staff_morale"),
}


@dataclass(frozen=True)
class PrincipleUse:
    """How one principle was practised in one game."""

    principle: str
    policies: tuple[str, ...]  # ids of the adopted policies tagged with it
    quarters: tuple[int, ...]  # resolved turns in which at least one was in force
    guarded: tuple[int, ...]  # of those, the turns its safeguard was in force too
    effects: dict[str, float]  # aspect -> sum of those policies' own effects

    @property
    def practised(self) -> bool:
        """Whether any policy with this principle was in force."""
        return bool(self.quarters)

    @property
    def safeguard(self) -> str | None:
        """The principle that safeguards this one, if any."""
        return SAFEGUARDS.get(self.principle)


def aspect_metrics(s: Scenario) -> dict[str, str]:
    """The scenario's metric for each aspect it has (quality, trust, integrity, staff)."""
    out = {}
    for aspect, names in ASPECTS.items():
        hit = next((n for n in names if n in s.metrics), None)
        if hit is not None:
            out[aspect] = hit
    return out


def tagged(s: Scenario, principle: str) -> list[str]:
    """Ids of the scenario's policies tagged with a principle."""
    return [p.id for p in s.policies if principle in p.principles]


def principle_uses(game: Game) -> list[PrincipleUse]:
    """Every principle, in the fixed order, with how this game practised it."""
    s, c = game.scenario, game.compiled
    adopted = {d.action.policy for d in game.decisions if isinstance(d.action, Adopt)}
    in_force = {pid: turns_in_force(game, pid) for pid in adopted}
    aspects = aspect_metrics(s)
    out = []
    for principle in PRINCIPLES:
        mine = [pid for pid in tagged(s, principle) if pid in adopted]
        quarters = set().union(*(in_force[p] for p in mine)) if mine else set()
        guard = SAFEGUARDS.get(principle)
        guarded: set[int] = set()
        if guard is not None:
            helpers = [p for p in tagged(s, guard) if p in adopted and p not in mine]
            guard_turns = set().union(*(in_force[p] for p in helpers)) if helpers else set()
            guarded = quarters & guard_turns
        slots = {c.slot(m): a for a, m in aspects.items()}
        effects = dict.fromkeys(aspects, 0.0)
        for _t, m, kind, source, delta in game.ledger.entries:
            if kind == L.POLICY and source in mine and m in slots:
                effects[slots[m]] += delta
        out.append(
            PrincipleUse(
                principle,
                tuple(mine),
                tuple(sorted(quarters)),
                tuple(sorted(guarded)),
                effects,
            )
        )
    return out


def group_of(use: PrincipleUse) -> str:
    """The class-report group of a principle's use: 'none', 'alone' or 'guarded' (the
    safeguard in force for at least half of the quarters it was practised)."""
    if not use.practised:
        return "none"
    if use.safeguard is None:
        return "practised"
    return "guarded" if 2 * len(use.guarded) >= len(use.quarters) else "alone"

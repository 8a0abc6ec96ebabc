"""The article's question answered with the player's own game: "Netflix culture for ASN?".

For each principle (a policy's ``principles``): the quarters the player practised it, with
or without its safeguard, and what the policies practising it did to service quality,
trust, integrity and staff, summed from the ledger. A safeguard counts only when a policy
not itself tagged with the principle provides it (a quota bonus is an output measure, but
not the due process for its own sanctions).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import ledger as L
from game.engine.actions import Adopt
from game.engine.game import Game
from game.engine.timeline import turns_in_force
from game.errors import Codes, Localized, Message
from game.scenario.format_model import PRINCIPLES, Scenario

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
    """How one principle was practised in one game, and what the whole game did meanwhile."""

    principle: str
    policies: tuple[str, ...]  # ids of the adopted policies tagged with it
    quarters: tuple[int, ...]  # resolved turns in which at least one was in force
    guarded: tuple[int, ...]  # of those, the turns its safeguard was in force too
    effects: dict[str, float]  # aspect -> its metric's whole change over those turns
    direct: dict[str, float] = field(default_factory=dict)  # aspect -> those policies' own
    guards: tuple[str, ...] = ()  # the scenario's policies that safeguard it (declared)
    ending: str | None = None  # the early ending the game met while it was practised

    @property
    def practised(self) -> bool:
        """Whether any policy with this principle was in force."""
        return bool(self.quarters)

    @property
    def safeguard(self) -> str | None:
        """What safeguards this one: the principle (by default) or the declared policies."""
        if self.guards:
            return ", ".join(self.guards)
        return SAFEGUARDS.get(self.principle)


class CultureText(Codes):
    """The one sentence at the top of the "Netflix culture" page when the game ended badly."""

    ENDED_UNGUARDED = "culture.ended_unguarded"
    ENDED = "culture.ended"


class PrincipleName(Codes):
    """A principle's name (the catalog's ``reflect.p.*``), as a field of a sentence."""

    FREEDOM = "reflect.p.freedom"
    OUTPUT_MEASURE = "reflect.p.output_measure"
    CONSEQUENCE = "reflect.p.consequence"
    TECH_LITERACY = "reflect.p.tech_literacy"
    COLLABORATION = "reflect.p.collaboration"
    CITIZEN_INNOVATION = "reflect.p.citizen_innovation"


def aspect_metrics(s: Scenario) -> dict[str, str]:
    """The scenario's metric for each aspect it has (quality, trust, integrity, staff): the
    metric declaring that ``role``, else one of the shipped ids that stand for it."""
    out = {}
    for aspect, names in ASPECTS.items():
        declared = next((mid for mid, m in s.metrics.items() if m.role == aspect), None)
        hit = declared or next((n for n in names if n in s.metrics), None)
        if hit is not None:
            out[aspect] = hit
    return out


def tagged(s: Scenario, principle: str) -> list[str]:
    """Ids of the scenario's policies tagged with a principle."""
    return [p.id for p in s.policies if principle in p.principles]


def declared_guards(s: Scenario, principle: str) -> list[str]:
    """Ids of the policies declared to safeguard a principle (``safeguards``)."""
    return [p.id for p in s.policies if principle in p.safeguards]


def principle_uses(game: Game) -> list[PrincipleUse]:
    """Every principle, in the fixed order, with how this game practised it."""
    s = game.scenario
    adopted = {d.action.policy for d in game.decisions if isinstance(d.action, Adopt)}
    in_force = {pid: turns_in_force(game, pid) for pid in adopted}
    aspects = aspect_metrics(s)
    out = []
    for principle in PRINCIPLES:
        mine = [pid for pid in tagged(s, principle) if pid in adopted]
        quarters = set().union(*(in_force[p] for p in mine)) if mine else set()
        guards = declared_guards(s, principle)
        guarded = quarters & _guard_turns(s, principle, guards, mine, in_force)
        ended = game.ending if game.turns_played in quarters else None
        out.append(
            PrincipleUse(
                principle,
                tuple(mine),
                tuple(sorted(quarters)),
                tuple(sorted(guarded)),
                _moved(game, aspects, quarters),
                _direct(game, aspects, mine),
                tuple(guards),
                ended,
            )
        )
    return out


def _guard_turns(
    s: Scenario, principle: str, guards: list[str], mine: list[str], in_force: dict[str, set[int]]
) -> set[int]:
    """Turns a safeguard was in force: a declared one, else (by default) a policy of the
    safeguarding principle not itself tagged with this one."""
    if not guards:
        guard = SAFEGUARDS.get(principle)
        guards = [p for p in tagged(s, guard) if p not in mine] if guard else []
    helpers = [p for p in guards if p in in_force]
    return set().union(*(in_force[p] for p in helpers)) if helpers else set()


def _moved(game: Game, aspects: dict[str, str], quarters: set[int]) -> dict[str, float]:
    """Each aspect's metric's whole change over the turns the principle was practised."""
    return {
        a: sum(game.value_at(t, m) - game.value_at(t - 1, m) for t in quarters)
        for a, m in aspects.items()
    }


def _direct(game: Game, aspects: dict[str, str], mine: list[str]) -> dict[str, float]:
    """Each aspect's change from the practising policies' own effects (the ledger)."""
    slots = {game.compiled.slot(m): a for a, m in aspects.items()}
    effects = dict.fromkeys(aspects, 0.0)
    for _t, m, kind, source, delta in game.ledger.entries:
        if kind == L.POLICY and source in mine and m in slots:
            effects[slots[m]] += delta
    return effects


def culture_verdict(game: Game, uses: list[PrincipleUse] | None = None) -> Message | None:
    """The page's top sentence when the game ended early in a loss while principles were
    practised: which, how often without their safeguard, and the ending's own words."""
    if game.ending is None:
        return None
    ending = next(e for e in game.scenario.endings if e.id == game.ending)
    at_end = [u for u in uses or principle_uses(game) if u.ending is not None]
    if ending.kind != "lose" or not at_end:
        return None
    names = tuple(Message.of(PrincipleName(f"reflect.p.{u.principle}")) for u in at_end)
    why = Localized.of(ending.text)
    unguarded = [
        u for u in at_end if u.safeguard is not None and 2 * len(u.guarded) < len(u.quarters)
    ]
    if not unguarded:
        return Message.of(CultureText.ENDED, principles=names, ending=why)
    bare = sum(len(u.quarters) - len(u.guarded) for u in unguarded)
    total = sum(len(u.quarters) for u in unguarded)
    return Message.of(
        CultureText.ENDED_UNGUARDED,
        principles=names,
        unguarded=tuple(Message.of(PrincipleName(f"reflect.p.{u.principle}")) for u in unguarded),
        bare=bare,
        total=total,
        ending=why,
    )


def group_of(use: PrincipleUse) -> str:
    """The class-report group of a principle's use: 'none', 'alone' or 'guarded' (the
    safeguard in force for at least half of the quarters it was practised)."""
    if not use.practised:
        return "none"
    if use.safeguard is None:
        return "practised"
    return "guarded" if 2 * len(use.guarded) >= len(use.quarters) else "alone"

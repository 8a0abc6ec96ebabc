"""A game in progress: state built from the definitions, actions, and the turn's resolution.

The order of a turn is that of docs/format-reference.md ("What a turn does"): the player acts (adopt, cancel, answer
events; costs paid at once); ending the turn pays upkeep, then evaluates every effect, rule,
drift and scheduled event effect against the state after upkeep, adds the sums, holds each
metric inside [min, max] and recomputes derived values; then endings are checked and the
next turn's events drawn. Every change goes to the ledger with its source.
"""

from __future__ import annotations

from game.engine import ledger as L
from game.engine.actions import Action, Adopt, Cancel, Choose, Decision, Refusal, Verdict
from game.engine.chance import draw
from game.engine.ledger import Ledger
from game.engine.resolve import Scheduled, recompute_derived, resolve
from game.engine.scoring import Outcome, score
from game.errors import ActionRefused, Localized, Message, Value
from game.scenario.compiled import Compiled, CompiledChoice, CompiledPolicy
from game.scenario.expressions import CHOICE_KEY, Expression
from game.scenario.format_model import Event, Policy, Scenario


class Game:
    """One player's game. Mutate only through :meth:`act` / :meth:`end_turn`."""

    def __init__(self, compiled: Compiled, seed: int | None = None) -> None:
        self.c = compiled
        self.seed = compiled.scenario.seed if seed is None else seed
        s = compiled.scenario
        n = len(compiled.metric_ids) + len(compiled.derived_ids)
        self.v: list[float] = [
            *compiled.start,
            *([0.0] * len(compiled.derived_ids)),
            1.0,
            float(s.turns),
        ]
        assert len(self.v) == n + 2
        self.turn = 1
        self.adopted_at: list[int] = [0] * len(compiled.policies)
        self.h: list[int] = [0] * len(compiled.policies)
        self.chosen: set[int] = set()
        self.pending: list[int] = []
        self.fired_at: dict[int, int] = {}
        self.scheduled: list[Scheduled] = []
        self.actions_left = s.actions_per_turn
        self.ledger = Ledger()
        self.decisions: list[Decision] = []
        self.over = False
        self.ending: str | None = None
        self.outcome: Outcome | None = None
        self._recompute_derived()
        self.history: list[list[float]] = [list(self.v[:n])]
        self.fired_log: list[tuple[int, str]] = []
        self._draw_events()

    # -- the named read-only view (use these outside game/engine/) --------------------------

    @property
    def scenario(self) -> Scenario:
        """The scenario's definitions as written in its file (texts, policies, events...)."""
        return self.c.scenario

    @property
    def compiled(self) -> Compiled:
        """The scenario compiled for the engine (slots, compiled expressions)."""
        return self.c

    def policy(self, policy_id: str) -> Policy:
        """The definition of one policy (KeyError when there is none)."""
        return self.c.scenario.policies[self.c.policy_index[policy_id]]

    def event(self, event_id: str) -> Event:
        """The definition of one event (KeyError when there is none)."""
        return self.c.scenario.events[self.c.event_index[event_id]]

    @property
    def values(self) -> dict[str, float]:
        """Current value of every metric and derived value, by id, in file order."""
        names = [*self.c.metric_ids, *self.c.derived_ids]
        return dict(zip(names, self.v, strict=False))

    def value_at(self, turn: int, name: str) -> float:
        """A metric's or derived value's value after ``turn`` (0 = at the start)."""
        return self.history[turn][self.c.slot(name)]

    def history_of(self, name: str) -> list[float]:
        """A metric's or derived value's values: at the start, then after each turn played."""
        slot = self.c.slot(name)
        return [row[slot] for row in self.history]

    @property
    def turns_played(self) -> int:
        """Turns resolved so far."""
        return len(self.history) - 1

    def cost_of(self, policy_id: str) -> float:
        """What adopting the policy would cost now."""
        return self.c.policies[self.c.policy_index[policy_id]].cost.fn(self.v, self.h, self.chosen)

    def upkeep_of(self, policy_id: str) -> float:
        """What the policy costs each turn it is in force, on the current state."""
        p = self.c.policies[self.c.policy_index[policy_id]]
        return p.upkeep.fn(self.v, self.h, self.chosen)

    def can_adopt(self, policy_id: str) -> Verdict:
        """Whether the policy can be adopted now; ``.reason`` holds the refusal when not."""
        return Verdict(self.why_not_adopt(policy_id))

    def can_cancel(self, policy_id: str) -> Verdict:
        """Whether the policy can be cancelled now; ``.reason`` holds the refusal when not."""
        return Verdict(self.why_not_cancel(policy_id))

    def can_choose(self, event_id: str, choice_id: str) -> Verdict:
        """Whether the event choice can be taken now; ``.reason`` holds the refusal when not."""
        return Verdict(self.why_not_choose(event_id, choice_id))

    def evaluate(self, expression: str | float | Expression) -> float:
        """An expression of the scenario's language (or a compiled one) on the current state.

        Raises ExpressionError when the text is not a valid expression for this scenario.
        """
        if not isinstance(expression, Expression):
            expression = self.c.expression(expression)
        return expression.fn(self.v, self.h, self.chosen)

    # -- reading ------------------------------------------------------------------------

    @property
    def lang_default(self) -> str:
        """The scenario's default language."""
        return self.c.scenario.default_language

    def value(self, name: str) -> float:
        """Current value of a metric or derived id."""
        return self.v[self.c.slot(name)]

    def active(self, policy: str) -> bool:
        """Whether a policy is in force."""
        return self.adopted_at[self.c.policy_index[policy]] > 0

    def active_policies(self) -> list[str]:
        """Ids of the policies in force, in file order."""
        return [p.id for p in self.c.policies if self.adopted_at[p.index] > 0]

    def held(self, policy: str) -> int:
        """Turns the policy has been in force, the current one included."""
        return self.h[self.c.policy_index[policy]]

    def pending_events(self) -> list[str]:
        """Events that fired for this turn and still await an answer."""
        return [self.c.events[i].id for i in self.pending]

    def clone(self) -> Game:
        """An independent copy (for look-ahead)."""
        g = Game.__new__(Game)
        g.c, g.seed, g.turn = self.c, self.seed, self.turn
        g.v, g.adopted_at, g.h = list(self.v), list(self.adopted_at), list(self.h)
        g.chosen, g.pending, g.fired_at = set(self.chosen), list(self.pending), dict(self.fired_at)
        g.scheduled = list(self.scheduled)
        g.actions_left, g.ledger, g.decisions = (
            self.actions_left,
            self.ledger.copy(),
            list(self.decisions),
        )
        g.over, g.ending, g.outcome = self.over, self.ending, self.outcome
        g.history, g.fired_log = [list(r) for r in self.history], list(self.fired_log)
        return g

    # -- checks -------------------------------------------------------------------------

    def _name(self, policy: CompiledPolicy) -> Localized:
        """The policy's name as the scenario gives it (a front end shows it in its language)."""
        return Localized.of(self.c.scenario.policies[policy.index].name)

    def adopt_blocker(self, idx: int) -> str | None:
        """Fast check (no messages): the reason code that blocks adopting policy ``idx``."""
        if self.over:
            return "game_over"
        if self.adopted_at[idx]:
            return "already_active"
        if self.pending:
            return "event_pending"
        p = self.c.policies[idx]
        v, h, ch = self.v, self.h, self.chosen
        if p.available is not None and not p.available.fn(v, h, ch):
            return "not_available"
        adopted = self.adopted_at
        for r in p.requires:
            if not adopted[r]:
                return "requires"
        for x in p.excludes:
            if adopted[x]:
                return "excluded"
        if self.actions_left <= 0:
            return "no_actions"
        b = self.c.budget
        if b is not None:
            cost = p.cost.fn(v, h, ch)
            if cost > 0 and v[b] - cost < self.c.minimum[b]:
                return "no_budget"
        return None

    def why_not_adopt(self, policy_id: str) -> ActionRefused | None:
        """The reason a policy cannot be adopted now, or None if it can."""
        idx = self.c.policy_index.get(policy_id)
        if idx is None:
            return _refuse("unknown", Refusal.UNKNOWN_POLICY, policy=policy_id)
        code = self.adopt_blocker(idx)
        if code is None:
            return None
        p = self.c.policies[idx]
        if code == "requires":
            missing = [self.c.policies[r] for r in p.requires if not self.adopted_at[r]]
            return _refuse(code, Refusal.REQUIRES, missing=tuple(self._name(m) for m in missing))
        if code == "excluded":
            clash = [self.c.policies[x] for x in p.excludes if self.adopted_at[x]]
            return _refuse(code, Refusal.EXCLUDED, clash=tuple(self._name(m) for m in clash))
        if code == "no_budget":
            cost = p.cost.fn(self.v, self.h, self.chosen)
            have = self.v[self.c.budget or 0]
            return _refuse(code, Refusal.NO_BUDGET, cost=cost, budget=have)
        return _refuse(code, Refusal(f"refused.{code}"), policy=self._name(p))

    def why_not_cancel(self, policy_id: str) -> ActionRefused | None:
        """The reason a policy cannot be cancelled now, or None if it can."""
        if self.over:
            return _refuse("game_over", Refusal.GAME_OVER)
        idx = self.c.policy_index.get(policy_id)
        if idx is None:
            return _refuse("unknown", Refusal.UNKNOWN_POLICY, policy=policy_id)
        if not self.adopted_at[idx]:
            return _refuse(
                "not_active", Refusal.NOT_ACTIVE, policy=self._name(self.c.policies[idx])
            )
        if self.pending:
            return _refuse("event_pending", Refusal.EVENT_PENDING)
        if self.actions_left <= 0:
            return _refuse("no_actions", Refusal.NO_ACTIONS)
        return None

    def why_not_choose(self, event_id: str, choice_id: str) -> ActionRefused | None:
        """The reason an event choice cannot be taken now, or None if it can."""
        if self.over:
            return _refuse("game_over", Refusal.GAME_OVER)
        eidx = self.c.event_index.get(event_id)
        if eidx is None or eidx not in self.pending:
            return _refuse("no_event", Refusal.NO_EVENT, event=event_id)
        ev = self.c.events[eidx]
        choice = next((x for x in ev.choices if x.id == choice_id), None)
        if choice is None:
            return _refuse("unknown", Refusal.UNKNOWN_CHOICE, event=event_id, choice=choice_id)
        return self._choice_refusal(choice)

    def _choice_refusal(self, choice: CompiledChoice) -> ActionRefused | None:
        v, h, ch = self.v, self.h, self.chosen
        if choice.requires is not None and not choice.requires.fn(v, h, ch):
            return _refuse("requires", Refusal.CONDITION, condition=str(choice.requires.source))
        cost = choice.cost.fn(v, h, ch)
        if (
            cost > 0
            and self.c.budget is not None
            and self.v[self.c.budget] - cost < self.c.minimum[self.c.budget]
        ):
            have = self.v[self.c.budget]
            return _refuse("no_budget", Refusal.NO_BUDGET, cost=cost, budget=have)
        return None

    def _is_fallback(self, event_id: str, choice_id: str) -> bool:
        """Whether this is the last choice of a pending event none of whose choices is open:
        it is then taken anyway, its cost paid as far as the budget allows."""
        eidx = self.c.event_index.get(event_id)
        if eidx is None or eidx not in self.pending:
            return False
        ev = self.c.events[eidx]
        if ev.choices[-1].id != choice_id:
            return False
        return all(self._choice_refusal(ch) is not None for ch in ev.choices)

    def default_choice(self, event_id: str) -> str:
        """The first choice that can be taken, or the last when none can."""
        ev = self.c.events[self.c.event_index[event_id]]
        for choice in ev.choices:
            if self._choice_refusal(choice) is None:
                return choice.id
        return ev.choices[-1].id

    # -- acting -------------------------------------------------------------------------

    def act(self, action: Action) -> None:
        """Carry out a player action or raise ActionRefused with the reason."""
        if isinstance(action, Adopt):
            refusal = self.why_not_adopt(action.policy)
            if refusal:
                raise refusal
            self._adopt(self.c.policies[self.c.policy_index[action.policy]])
        elif isinstance(action, Cancel):
            refusal = self.why_not_cancel(action.policy)
            if refusal:
                raise refusal
            idx = self.c.policy_index[action.policy]
            self.adopted_at[idx] = 0
            self.h[idx] = 0
            self.actions_left -= 1
        else:
            refusal = self.why_not_choose(action.event, action.choice)
            forced = refusal is not None and self._is_fallback(action.event, action.choice)
            if refusal and not forced:
                raise refusal
            self._choose(self.c.event_index[action.event], action.choice, forced=forced)
        self.decisions.append(Decision(self.turn, action))

    def _adopt(self, p: CompiledPolicy) -> None:
        cost = p.cost.fn(self.v, self.h, self.chosen)
        if cost and self.c.budget is not None:
            self.v[self.c.budget] -= cost
            self.ledger.add(self.turn, self.c.budget, L.COST, p.id, -cost)
        self.adopted_at[p.index] = self.turn
        self.h[p.index] = 1
        self.actions_left -= 1

    def _choose(self, eidx: int, choice_id: str, forced: bool) -> None:
        ev = self.c.events[eidx]
        choice = next(x for x in ev.choices if x.id == choice_id)
        cost = choice.cost.fn(self.v, self.h, self.chosen)
        source = f"{ev.id}/{choice.id}"
        if cost and self.c.budget is not None:
            b = self.c.budget
            paid = cost if not forced else min(cost, max(0.0, self.v[b] - self.c.minimum[b]))
            self.v[b] -= paid
            self.ledger.add(self.turn, b, L.CHOICE_COST, source, -paid)
        self.chosen.add(eidx * CHOICE_KEY + choice.index)
        self.pending.remove(eidx)
        for effect in choice.effects:
            self.scheduled.append(Scheduled(effect, self.turn, source))

    def end_turn(self) -> None:
        """Resolve the turn: defaults for unanswered events, upkeep, effects, endings, draws."""
        if self.over:
            raise _refuse("game_over", Refusal.GAME_OVER)
        for eidx in list(self.pending):
            event_id = self.c.events[eidx].id
            choice_id = self.default_choice(event_id)
            self._choose(eidx, choice_id, forced=True)
            self.decisions.append(Decision(self.turn, Choose(event_id, choice_id)))
        resolve(self)
        self._after_resolution()

    def _after_resolution(self) -> None:
        c, t = self.c, self.turn
        nm = len(c.metric_ids) + len(c.derived_ids)
        self.history.append(list(self.v[:nm]))
        for en in c.endings:
            if en.condition.fn(self.v, self.h, self.chosen):
                self.ending = en.id
                self._finish()
                return
        if t >= c.scenario.turns:
            self._finish()
            return
        self.turn = t + 1
        self.v[c.turn_slot] = float(self.turn)
        for i, at in enumerate(self.adopted_at):
            if at:
                self.h[i] = self.turn - at + 1
        self.actions_left = c.scenario.actions_per_turn
        self._draw_events()

    def _recompute_derived(self) -> None:
        recompute_derived(self)

    def _draw_events(self) -> None:
        t, v, h, ch = self.turn, self.v, self.h, self.chosen
        for ev in self.c.events:
            if not ev.first <= t <= ev.last:
                continue
            last = self.fired_at.get(ev.index)
            if last is not None and (not ev.repeats or t <= last + ev.cooldown):
                continue
            if ev.when is not None and not ev.when.fn(v, h, ch):
                continue
            chance = ev.chance.fn(v, h, ch)
            if chance <= 0:
                continue
            if chance >= 1 or draw(self.seed, t, ev.id) < chance:
                self.pending.append(ev.index)
                self.fired_at[ev.index] = t
                self.fired_log.append((t, ev.id))

    def _finish(self) -> None:
        self.over = True
        self.pending = []
        self.outcome = score(self)


def _refuse(reason: str, code: Refusal, /, **fields: Value) -> ActionRefused:
    return ActionRefused(reason, Message.of(code, **fields))

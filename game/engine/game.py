"""A game in progress: the player's actions, the turn's end, and the named view of the state.

A turn is that of docs/format-reference.md ("What a turn does, in order"): the player acts
(adopt, cancel, answer events; costs paid at once: :meth:`Game.act`); ending the turn
(:meth:`Game.end_turn`) resolves it (``resolve.end_of_turn``: upkeep, effects, rules, drift,
scheduled choice effects, limits, derived values), then checks the endings and draws the next
turn's events, or scores the game (``scoring.score``). Every change goes to the ledger with
its source. The state the expressions read is a :class:`~game.engine.state.State`, kept
private: outside ``game/engine/`` read the game through its named view below.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import TypeVar

from game.engine import ledger as L
from game.engine.actions import Action, Adopt, Cancel, Choose, Decision, Refusal, Verdict
from game.engine.carryover import outlive
from game.engine.ledger import Cause, Ledger
from game.engine.refusals import Refusals, refused
from game.engine.scoring import Outcome, score
from game.engine.state import Scheduled, State
from game.engine.turn_rules import turn_rules
from game.scenario.compiled import Compiled, CompiledChoice, CompiledPolicy
from game.scenario.expressions import CHOICE_KEY, Expression
from game.scenario.format_model import Event, Policy, Scenario
from game.scenario.kept import kept


class Game(Refusals):
    """One player's game. Mutate only through :meth:`act` / :meth:`end_turn`."""

    def __init__(
        self,
        compiled: Compiled,
        seed: int | None = None,
        quiet: bool = False,
        by_steps: bool = False,
    ) -> None:
        """A new game; ``quiet``: its ledger is not kept (a bot's game whose causes nobody
        asks for: every value, event and score is the same, the turns are cheaper);
        ``by_steps``: its turns run as the readable steps say them, not as the scenario's
        generated code (the same game, slower: to check the generated code)."""
        s = compiled.scenario
        self._compiled = compiled
        self.seed = s.seed if seed is None else seed
        n = len(compiled.metric_ids) + len(compiled.derived_ids)
        start = [*compiled.start, *([0.0] * len(compiled.derived_ids))]
        values = [*start, 1.0, float(s.turns), 0.0, 0.0]  # ..., turn, turns, arrears (+ turns)
        policies = len(compiled.policies)
        self._state = State(values, [0] * policies, set(), [0] * policies, [], 1)
        self._pending: list[int] = []  # events fired for this turn, not yet answered
        self._fired_at: dict[int, int] = {}  # the last turn each event fired
        self.actions_left = s.actions_per_turn
        self.ledger = Ledger()
        self.quiet = quiet
        self._rules = turn_rules(compiled, by_steps)
        self.decisions: list[Decision] = []
        self.over = False
        self.ending: str | None = None
        self.outcome: Outcome | None = None
        self._rules.derive(self._state)
        self._history: list[list[float]] = [list(values[:n])]  # values by slot after each turn
        self.fired_log: list[tuple[int, str]] = []
        self._draw_events()

    @property
    def turn(self) -> int:
        """The turn being played (1 = the first)."""
        return self._state.turn

    # -- the named read-only view (use these outside game/engine/) --------------------------

    @property
    def scenario(self) -> Scenario:
        """The scenario's definitions as written in its file (texts, policies, events...)."""
        return self._compiled.scenario

    @property
    def compiled(self) -> Compiled:
        """The scenario compiled for the engine (slots, compiled expressions)."""
        return self._compiled

    def policy(self, policy_id: str) -> Policy:
        """The definition of one policy (KeyError when there is none)."""
        return self._compiled.scenario.policies[self._compiled.policy_index[policy_id]]

    def event(self, event_id: str) -> Event:
        """The definition of one event (KeyError when there is none)."""
        return self._compiled.scenario.events[self._compiled.event_index[event_id]]

    @property
    def values(self) -> dict[str, float]:
        """Current value of every metric and derived value, by id, in file order."""
        names = [*self._compiled.metric_ids, *self._compiled.derived_ids]
        return dict(zip(names, self._state.values, strict=False))

    def value_at(self, turn: int, name: str) -> float:
        """A metric's or derived value's value after ``turn`` (0 = at the start)."""
        return self._history[turn][self._compiled.slot(name)]

    def values_after(self, turn: int) -> dict[str, float]:
        """Every metric's and derived value's value after ``turn`` (0 = at the start), by id."""
        names = [*self._compiled.metric_ids, *self._compiled.derived_ids]
        return dict(zip(names, self._history[turn], strict=True))

    def history_of(self, name: str) -> list[float]:
        """A metric's or derived value's values: at the start, then after each turn played."""
        slot = self._compiled.slot(name)
        return [row[slot] for row in self._history]

    def causes(self, turn: int, name: str) -> list[Cause]:
        """Why a metric moved in ``turn``: its causes, largest first, same sources summed."""
        return self.ledger.causes(turn, self._compiled.slot(name))

    def moved_by(self, name: str) -> set[str]:
        """Ids of the policies whose effects have moved a metric so far."""
        slot = self._compiled.slot(name)
        return {s for _t, m, kind, s, _d in self.ledger.entries if m == slot and kind == L.POLICY}

    @property
    def arrears(self) -> float:
        """What the budget owes now: unpaid upkeep and bills carried over (0 when none)."""
        return self._state.values[self._compiled.arrears_slot]

    def arrears_after(self, turn: int) -> float:
        """What the budget owed after ``turn`` (0 = at the start), from the ledger."""
        kinds = (L.ARREARS, L.ARREARS_PAID)
        return sum(e[4] for e in self.ledger.entries if e[0] <= turn and e[2] in kinds)

    @property
    def turns_played(self) -> int:
        """Turns resolved so far."""
        return len(self._history) - 1

    def cost_of(self, policy_id: str) -> float:
        """What adopting the policy would cost now."""
        return self.evaluate(self._compiled.policies[self._compiled.policy_index[policy_id]].cost)

    def upkeep_of(self, policy_id: str) -> float:
        """What the policy costs each turn it is in force, on the current state."""
        return self.evaluate(self._compiled.policies[self._compiled.policy_index[policy_id]].upkeep)

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
            expression = self._compiled.expression(expression)
        state = self._state
        return expression.fn(state.values, state.held, state.answers)

    # -- reading ------------------------------------------------------------------------

    def value(self, name: str) -> float:
        """Current value of a metric or derived id."""
        return self._state.values[self._compiled.slot(name)]

    def active(self, policy: str) -> bool:
        """Whether a policy is in force."""
        return self._state.adopted_at[self._compiled.policy_index[policy]] > 0

    def active_policies(self) -> list[str]:
        """Ids of the policies in force, in file order."""
        return [p.id for p in self._compiled.policies if self._state.adopted_at[p.index] > 0]

    def held(self, policy: str) -> int:
        """Turns the policy has been in force, the current one included."""
        return self._state.held[self._compiled.policy_index[policy]]

    def pending_events(self) -> list[str]:
        """Events that fired for this turn and still await an answer."""
        return [self._compiled.events[i].id for i in self._pending]

    def clone(self, quiet: bool | None = None) -> Game:
        """An independent copy (for look-ahead); ``quiet=True``: one that keeps no ledger from
        here on and starts with an empty one (a look-ahead that reads only values and score);
        by default as quiet as this game."""
        g = Game.__new__(Game)
        g._compiled, g.seed, g._state = self._compiled, self.seed, self._state.copy()
        g._pending, g._fired_at = list(self._pending), dict(self._fired_at)
        g.quiet, g._rules = self.quiet if quiet is None else quiet, self._rules
        g.actions_left, g.ledger, g.decisions = (
            self.actions_left,
            Ledger() if g.quiet else self.ledger.copy(),
            list(self.decisions),
        )
        g.over, g.ending, g.outcome = self.over, self.ending, self.outcome
        # the rows are never changed once written (a turn appends a new one): share them
        g._history, g.fired_log = list(self._history), list(self.fired_log)
        return g

    def future_key(self) -> tuple[object, ...]:
        """Everything the rest of the game depends on, as one hashable value: two games of
        equal keys, played on alike, reach the same states, events and score (a look-ahead
        bot remembers a rollout's score by it). Left out is what only records the past: the
        ledger, the decisions, the fired log, the history but for its length. Floats go in by
        their bits, so a key never equates two values that could print differently."""
        s = self._state
        return (
            id(self._compiled),
            self.seed,
            self.over,
            self.ending,
            len(self._history),
            self.actions_left,
            s.turn,
            array("d", s.values).tobytes(),
            tuple(s.held),
            tuple(s.answers),
            tuple(s.adopted_at),
            tuple((id(x.effect), x.chosen_turn, x.source) for x in s.scheduled),
            tuple((id(x.effect), x.adopted, x.last, x.source) for x in s.lingering),
            tuple(self._pending),
            tuple(self._fired_at.items()),
        )

    # -- acting -------------------------------------------------------------------------

    def act(self, action: Action) -> None:
        """Carry out a player action or raise ActionRefused with the reason."""
        if isinstance(action, Adopt):
            refusal = self.why_not_adopt(action.policy)
            if refusal:
                raise refusal
            self._adopt(self._compiled.policies[self._compiled.policy_index[action.policy]])
        elif isinstance(action, Cancel):
            refusal = self.why_not_cancel(action.policy)
            if refusal:
                raise refusal
            idx = self._compiled.policy_index[action.policy]
            outlive(self._compiled.policies[idx], self._state)
            self._state.adopted_at[idx] = 0
            self._state.held[idx] = 0
            self.actions_left -= 1
        else:
            refusal = self.why_not_choose(action.event, action.choice)
            forced = refusal is not None and self._is_fallback(action.event, action.choice)
            if refusal and not forced:
                raise refusal
            eidx = self._compiled.event_index[action.event]
            choices = self._compiled.events[eidx].choices
            self._choose(eidx, next(ch for ch in choices if ch.id == action.choice), forced)
        self.decisions.append(Decision(self._state.turn, action))

    def adopt_one(self, pick: Callable[[list[CompiledPolicy]], CompiledPolicy]) -> bool:
        """Adopt the policy ``pick`` takes from those :meth:`open_policies` gives now (as
        :meth:`act` would adopt it, its checks passed once); False when none is open."""
        options = self.open_policies()
        if not options:
            return False
        p = _one_of(options, pick(options))
        self._adopt(p)
        self.decisions.append(Decision(self._state.turn, _actions(self._compiled)[0][p.index]))
        return True

    def answer_one(
        self, event_id: str, pick: Callable[[list[CompiledChoice]], CompiledChoice]
    ) -> bool:
        """Answer a pending event with the choice ``pick`` takes from those
        :meth:`open_choices` gives (as :meth:`act` would); False when none is open."""
        eidx = self._compiled.event_index[event_id]
        options = self.open_choices(eidx)
        if not options:
            return False
        choice = _one_of(options, pick(options))
        self._choose(eidx, choice, forced=False)
        answer = _actions(self._compiled)[1][eidx][choice.index]
        self.decisions.append(Decision(self._state.turn, answer))
        return True

    def _adopt(self, p: CompiledPolicy) -> None:
        state, budget = self._state, self._compiled.budget
        cost = p.cost.fn(state.values, state.held, state.answers)
        if cost and budget is not None:
            state.values[budget] -= cost
            if not self.quiet:
                self.ledger.add(state.turn, budget, L.COST, p.id, -cost)
        state.adopted_at[p.index] = state.turn
        state.held[p.index] = 1
        self.actions_left -= 1

    def _choose(self, eidx: int, choice: CompiledChoice, forced: bool) -> None:
        ev, state = self._compiled.events[eidx], self._state
        cost = choice.cost.fn(state.values, state.held, state.answers)
        source = f"{ev.id}/{choice.id}"
        if cost and self._compiled.budget is not None:
            b = self._compiled.budget
            paid = (
                cost
                if not forced
                else min(cost, max(0.0, state.values[b] - self._compiled.minimum[b]))
            )
            state.values[b] -= paid
            if not self.quiet:
                self.ledger.add(state.turn, b, L.CHOICE_COST, source, -paid)
        state.answers.add(eidx * CHOICE_KEY + choice.index)
        self._pending.remove(eidx)
        if choice.effects:
            state.scheduled += [Scheduled(e, state.turn, source) for e in choice.effects]

    def end_turn(self) -> None:
        """End the turn: steps 2 to 4 of "What a turn does, in order" (docs/format-reference.md).

        Unanswered events take their default choice; the turn resolves (upkeep, effects, rules,
        drift, scheduled choice effects, limits, derived values: ``resolve.end_of_turn``); then
        the endings are checked and the next turn's events drawn, or the game is scored.
        """
        if self.over:
            raise refused(Refusal.GAME_OVER)
        self._answer_by_default()
        self._rules.resolve(self._state, None if self.quiet else self.ledger)
        c = self._compiled
        self._history.append(self._state.values[: len(c.metric_ids) + len(c.derived_ids)])
        ending = self._rules.ending(self._state)
        if ending is not None or self.turn >= c.scenario.turns:
            self.ending = ending
            self._finish()
            return
        self._next_turn()

    def _answer_by_default(self) -> None:
        """Each event still unanswered takes its default choice (the first open one)."""
        answers = _actions(self._compiled)[1]
        for eidx in list(self._pending):
            open_now = self.open_choices(eidx)  # the default: the first open, else the last
            choice = open_now[0] if open_now else self._compiled.events[eidx].choices[-1]
            self._choose(eidx, choice, forced=True)
            self.decisions.append(Decision(self._state.turn, answers[eidx][choice.index]))

    def _next_turn(self) -> None:
        """The turn counter moves on, policies in force count one more turn held, the actions
        are renewed and the next turn's events are drawn."""
        state, c = self._state, self._compiled
        state.turn += 1
        state.values[c.turn_slot] = float(state.turn)
        after = state.turn + 1  # a policy not in force holds 0 turns (cancel sets it so)
        state.held[:] = [after - at if at else 0 for at in state.adopted_at]
        self.actions_left = c.scenario.actions_per_turn
        self._draw_events()

    def _draw_events(self) -> None:
        """The events that fire for this turn are pending, in the log, and rest from now."""
        for eidx in self._rules.draw(self._state, self.seed, self._fired_at):
            self._pending.append(eidx)
            self._fired_at[eidx] = self.turn
            self.fired_log.append((self.turn, self._compiled.events[eidx].id))

    def _finish(self) -> None:
        self.over = True
        self._pending = []
        self.outcome = score(self, self._rules.score_parts(self._state))


Option = TypeVar("Option", CompiledPolicy, CompiledChoice)


def _one_of(options: list[Option], picked: Option) -> Option:
    """``picked``, which must be one of ``options`` (ValueError if not; found at C speed:
    the very object is matched first)."""
    options.index(picked)
    return picked


Actions = tuple[tuple[Adopt, ...], tuple[tuple[Choose, ...], ...]]


def _actions(compiled: Compiled) -> Actions:
    """Each policy's adoption and each event's answers as actions, made once per scenario
    (they are immutable, and a bot's games take many)."""
    return kept(compiled, "actions", _make_actions)


def _make_actions(compiled: Compiled) -> Actions:
    return (
        tuple(Adopt(p.id) for p in compiled.policies),
        tuple(tuple(Choose(ev.id, ch.id) for ch in ev.choices) for ev in compiled.events),
    )

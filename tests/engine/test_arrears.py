"""Arrears: what the budget cannot pay is owed, paid first from later income, and hurts."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Adopt, Cancel, Game
from game.engine import ledger as L
from game.engine.explain import cause_label
from game.i18n import say_error
from game.scenario import LoadedScenario, load_scenario
from tests.engine.carry_scenario import CARRY


def _load(folder: Path, text: str = CARRY) -> LoadedScenario:
    path = folder / "carry.toml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path)


@pytest.fixture()
def carry(tmp_path: Path) -> LoadedScenario:
    return _load(tmp_path)


def test_unpaid_upkeep_is_owed_and_paid_first_from_income(carry: LoadedScenario) -> None:
    game = Game(carry.compiled)
    game.act(Adopt("prog"))
    game.end_turn()  # 10 - 20 upkeep + 5 income = -5: owed, the budget held at 0
    assert (game.value("money"), game.arrears, game.value("arrears_turns")) == (0, 5, 1)
    game.end_turn()  # 0 - 20 + 5: 15 more owed
    assert (game.arrears, game.value("arrears_turns")) == (20, 2)
    game.act(Cancel("prog"))
    game.end_turn()  # income 5 pays arrears first: the budget stays at 0
    assert (game.value("money"), game.arrears, game.value("arrears_turns")) == (0, 15, 3)
    assert [game.arrears_after(t) for t in range(4)] == [0, 5, 20, 15]
    for _ in range(3):
        game.end_turn()
    assert game.over and game.arrears == 0 and game.value("arrears_turns") == 0
    assert game.value("money") == 0  # the last 5 of income paid the last 5 owed


def test_arrears_stall_favourable_effects_more_the_longer_they_last(
    carry: LoadedScenario,
) -> None:
    game = Game(carry.compiled)
    game.act(Adopt("prog"))
    game.end_turn()
    game.end_turn()  # owed since turn 1: a quarter of the programme's gain stalls
    game.end_turn()  # owed two turns: half
    stalled = [sum(c.delta for c in game.causes(t, "x") if c.kind == L.STALL) for t in (1, 2, 3)]
    assert stalled == [0, -2.5, -5]
    # the unfavourable effect (morale -1) is never stalled; arrears hurt morale, growing
    morale = [c for c in game.causes(3, "morale") if c.kind == L.STALL]
    assert morale == []
    hurt = {c.source: c.delta for c in game.causes(3, "morale")}
    assert hurt == {"unpaid_allowances": -4, "prog": -1}


def test_the_turn_report_names_arrears_in_both_languages(carry: LoadedScenario) -> None:
    game = Game(carry.compiled)
    game.act(Adopt("prog"))
    game.end_turn()
    game.end_turn()
    labels = {
        lang: [cause_label(game.compiled, c, lang) for c in game.causes(2, "money")]
        for lang in ("en", "id")
    }
    assert "Arrears (unpaid, carried over)" in labels["en"]
    assert "Tunggakan (belum terbayar, menjadi tunggakan)" in labels["id"]
    stall = [cause_label(game.compiled, c, "en") for c in game.causes(2, "x")]
    assert "Programme (stalled: arrears unpaid)" in stall


def test_nothing_new_is_bought_while_arrears_are_owed(carry: LoadedScenario) -> None:
    game = Game(carry.compiled)
    assert game.can_adopt("kit")
    game.act(Adopt("prog"))
    game.end_turn()
    verdict = game.can_adopt("kit")
    assert not verdict and verdict.reason is not None
    assert verdict.reason.reason == "no_budget"
    assert say_error(verdict.reason, "en") == (
        "Not enough budget: needs 5, and 5 in arrears must be paid first from the coming income."
    )
    assert "tunggakan 5 harus dilunasi" in say_error(verdict.reason, "id")


def test_carry_false_writes_off_as_format_1_did(tmp_path: Path) -> None:
    game = Game(_load(tmp_path, CARRY + "\n[arrears]\ncarry = false\n").compiled)
    game.act(Adopt("prog"))
    game.end_turn()
    game.end_turn()
    assert game.arrears == 0 and game.value("money") == 0
    assert any(c.kind == L.LIMIT for c in game.causes(2, "money"))
    assert not any(c.kind == L.STALL for c in game.causes(2, "x"))


def test_a_scenario_names_and_tunes_its_arrears(tmp_path: Path) -> None:
    extra = '\n[arrears]\nstall = "0.5 if arrears > 10 else 0"\nlabel = { en = "Debts" }\n'
    game = Game(_load(tmp_path, CARRY + extra).compiled)
    game.act(Adopt("prog"))
    for _ in range(3):
        game.end_turn()
    stalled = [sum(c.delta for c in game.causes(t, "x") if c.kind == L.STALL) for t in (2, 3)]
    assert stalled == [0, -5]  # 5 owed after turn 1 stalls nothing; 20 after turn 2 half
    assert "Debts (unpaid, carried over)" in [
        cause_label(game.compiled, c, "en") for c in game.causes(1, "money")
    ]


PLANS = st.lists(
    st.tuples(
        st.integers(1, 6),
        st.sampled_from(["adopt", "cancel"]),
        st.sampled_from(["prog", "pulse", "habit", "grant"]),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(PLANS)
def test_no_debt_is_ever_lost(plan: list[tuple[int, str, str]]) -> None:
    """Whatever is played, budget − arrears equals the start plus every payment and income
    (the budget never reaches its maximum here): nothing the budget owes is written off."""
    game = Game(_CARRY.compiled)
    for turn in range(1, 7):
        for when, what, pid in plan:
            if when != turn:
                continue
            allowed = game.can_adopt(pid) if what == "adopt" else game.can_cancel(pid)
            if allowed:
                game.act(Adopt(pid) if what == "adopt" else Cancel(pid))
        game.end_turn()
        slot = game.compiled.slot("money")
        flows = sum(
            e[4]
            for e in game.ledger.entries
            if e[1] == slot and e[2] not in (L.ARREARS, L.ARREARS_PAID, L.LIMIT)
        )
        assert game.value("money") >= 0 and game.arrears >= 0
        assert game.value("money") - game.arrears == pytest.approx(10 + flows)
        assert game.arrears_after(turn) == pytest.approx(game.arrears)
        assert (game.arrears > 0) == (game.value("arrears_turns") > 0)
        assert game.value("money") == 0 or game.arrears == 0  # income pays the debt first


def _loaded_once() -> LoadedScenario:
    with tempfile.TemporaryDirectory() as folder:
        return _load(Path(folder))


_CARRY = _loaded_once()

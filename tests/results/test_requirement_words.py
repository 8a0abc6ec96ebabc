"""Requirements said in words: the metric and policy labels, the catalog's words, numbers in
the reader's style; never the expression's own code, for any expression the loader accepts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from game.i18n import tr
from game.results.requirement_words import say_requirement
from game.scenario import load_scenario
from game.scenario.compiled import Compiled
from game.scenario.expressions import ExpressionError
from game.scenario.format_model import Scenario
from tests.files import EXAMPLE, ROOT, SCENARIOS

DUKCAPIL = load_scenario(ROOT / "scenarios" / "dukcapil.toml")
S: Scenario = DUKCAPIL.scenario
C: Compiled = DUKCAPIL.compiled
CODE = re.compile(r">=|<=|==|!=|\*\*|active\(|held\(|chosen\(|min\(|max\(|abs\(|round\(|clamp\(")


def words(expr: str, lang: str) -> str:
    return say_requirement(expr, S, lang)


@pytest.mark.parametrize(
    ("expr", "id_words", "en_words"),
    [
        ("network >= 45", "Jejaring mitra minimal 45", "Partner network at least 45"),
        (
            "active('citizen_assist') or active('village_outreach')",
            "Pendampingan warga untuk layanan daring atau Jemput bola bersama desa sedang berjalan",
            "Help for residents going online or Village outreach with partners is running",
        ),
        ("45.5 <= network", "Jejaring mitra minimal 45,5", "Partner network at least 45.5"),
        ("backlog > 4200", "Berkas tertunda di atas 4.200", "Files waiting above 4,200"),
        ("turn >= 2", "Mulai Triwulan 2", "From Quarter 2 on"),
        ("turn < 5", "Sebelum Triwulan 5", "Before Quarter 5"),
        ("not network < 50", "Jejaring mitra minimal 50", "Partner network at least 50"),
        ("morale != 3", "Semangat pegawai tidak sama dengan 3", "Staff morale not equal to 3"),
    ],
)
def test_the_issues_examples_and_plain_comparisons(expr: str, id_words: str, en_words: str) -> None:
    assert words(expr, "id") == id_words
    assert words(expr, "en") == en_words


def test_policies_and_answers_by_their_names() -> None:
    assert words("not active('online_services')", "id").endswith("tidak sedang berjalan")
    both = words("active('online_services') and active('citizen_assist')", "en")
    assert both.endswith("are running") and " and " in both
    assert words("active('online_services') == 0", "id") == words(
        "not active('online_services')", "id"
    )
    assert words("active('online_services') >= 1", "en") == words("active('online_services')", "en")
    assert words("(network > 40) + (morale > 40) >= 2", "en").endswith("at least 2")
    held = words("held('integrity_zone') >= 4", "id")
    assert held == "Zona Integritas yang sungguhan sudah berjalan minimal 4 triwulan"
    assert words("held('integrity_zone') >= 1", "en").endswith("at least 1 quarter")
    ev = next(e for e in S.events if len(e.choices) > 1)
    said = words(f"chosen('{ev.id}', '{ev.choices[1].id}')", "en")
    assert said == f"“{ev.choices[1].label['en']}” was chosen for “{ev.title['en']}”"  # type: ignore[index]


@pytest.mark.parametrize(
    ("expr", "id_words"),
    [
        ("(network - 5) * 2 >= 60", "(Jejaring mitra dikurangi 5) dikali 2 minimal 60"),
        ("network - (morale - 5) > 1", "Jejaring mitra dikurangi (Semangat pegawai dikurangi 5) di atas 1"),
        ("min(network, morale) >= 40", "Yang terkecil dari Jejaring mitra dan Semangat pegawai minimal 40"),
        ("abs(network - 50) <= 3", "Nilai mutlak (Jejaring mitra dikurangi 50) maksimal 3"),
        ("round(digital, 1) >= 2.5", "Indeks SPBE dibulatkan ke 1 desimal minimal 2,5"),
        ("clamp(network, 0, 60) > 10", "Jejaring mitra dijaga antara 0 dan 60 di atas 10"),
        ("network >= (50 if turns >= 8 else 40)", "Jejaring mitra minimal (50 jika jumlah triwulan permainan minimal 8, selain itu 40)"),
        ("turn ** 2 / turns < 3", "Triwulan saat ini pangkat 2 dibagi jumlah triwulan permainan di bawah 3"),
        ("(network > 40 or morale > 40) and turn >= 2", "(Jejaring mitra di atas 40 atau Semangat pegawai di atas 40) dan mulai Triwulan 2"),
        ("not (network > 40 and morale > 40)", "Tidak benar bahwa (Jejaring mitra di atas 40 dan Semangat pegawai di atas 40)"),
        ("40 < network < 60", "Jejaring mitra di atas 40 dan Jejaring mitra di bawah 60"),
        ("-network < -40", "Minus Jejaring mitra di bawah −40"),
    ],
)  # fmt: skip
def test_arithmetic_functions_and_grouping(expr: str, id_words: str) -> None:
    assert words(expr, "id") == id_words


def test_the_trainers_own_words_win_and_a_refused_expression_is_said_plainly() -> None:
    own = {"id": "Sudah lulus Diklat PIM", "en": "Has passed leadership training"}
    assert say_requirement("network >= 45", S, "en", own) == own["en"]
    assert say_requirement("network >= 45", S, "id", own) == own["id"]
    assert say_requirement(True, S, "id") == "Selalu terpenuhi"
    assert say_requirement(False, S, "en") == "Never met"
    assert say_requirement("__import__('os')", S, "id") == "Syarat khusus dari skenario"
    assert say_requirement("no_such_metric > 1", S, "en") == "A condition set by the scenario"


def test_an_authors_own_words_load_from_the_scenario_file(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'requires = "budget >= 20"',
        'requires = "budget >= 20"\nrequires_text = { id = "Dana darurat tersedia", en = "Emergency funds at hand" }',
    )
    (tmp_path / "own.toml").write_text(text, encoding="utf-8")
    s = load_scenario(tmp_path / "own.toml").scenario
    choice = next(c for e in s.events for c in e.choices if c.requires is not None)
    assert choice.requires is not None
    assert (
        say_requirement(choice.requires, s, "en", choice.requires_text) == "Emergency funds at hand"
    )
    assert say_requirement(choice.requires, s, "id") == "Anggaran (Rp juta) minimal 20"


def _conditions(s: Scenario) -> Iterator[str | bool]:
    """Every condition a scenario holds: what a player may be shown as a requirement."""
    for p in s.policies:
        if p.available is not None:
            yield p.available
        yield from (e.when for e in p.effects if e.when is not None)
    for ev in s.events:
        if ev.when is not None:
            yield ev.when
        yield from (c.requires for c in ev.choices if c.requires is not None)
    yield from (g.condition for g in s.scoring.goals)
    yield from (g.requires for g in s.scoring.grades if g.requires is not None)
    yield from (e.condition for e in s.endings)


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.stem)
def test_every_condition_of_every_shipped_scenario_has_words(path: Path) -> None:
    s = load_scenario(path).scenario
    found = list(_conditions(s))
    assert found
    for expr in found:
        for lang in ("id", "en"):
            said = say_requirement(expr, s, lang)
            assert said and not CODE.search(said) and "_" not in said, (expr, said)
            assert said != tr("req.unworded", lang).capitalize(), expr


# -- any expression the loader accepts ------------------------------------------------------
NAMES = [*S.metrics, *S.derived, "turn", "turns"]
POLICIES = [p.id for p in S.policies]
ANSWERS = [(e.id, c.id) for e in S.events for c in e.choices]

numbers = st.one_of(
    st.integers(0, 20000).map(str),
    st.floats(0, 1000, allow_nan=False).map(lambda x: f"{x:.2f}"),
)
leaves = st.one_of(
    numbers,
    st.sampled_from(NAMES),
    st.sampled_from(POLICIES).map(lambda p: f"held('{p}')"),
)


cmp = st.sampled_from([">=", "<=", ">", "<", "==", "!="])


def _grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    ops = st.sampled_from(["+", "-", "*", "/", ">=", "<=", ">", "<", "==", "!=", "and", "or"])
    return st.one_of(
        st.tuples(inner, ops, inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda a: f"not {a}"),
        inner.map(lambda a: f"-{a}"),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
        st.tuples(st.sampled_from(["min", "max"]), st.lists(inner, min_size=2, max_size=3)).map(
            lambda t: f"{t[0]}({', '.join(t[1])})"
        ),
        inner.map(lambda a: f"abs({a})"),
        inner.map(lambda a: f"round({a}, 1)"),
        st.tuples(inner, inner, inner).map(lambda t: f"clamp({t[0]}, {t[1]}, {t[2]})"),
        st.sampled_from(POLICIES).map(lambda p: f"active('{p}')"),
        st.sampled_from(ANSWERS).map(lambda a: f"chosen('{a[0]}', '{a[1]}')"),
        st.tuples(inner, st.integers(2, 3)).map(lambda t: f"{t[0]} ** {t[1]}"),
        st.tuples(inner, cmp, inner, cmp, inner).map(lambda t: "(" + " ".join(t) + ")"),
        inner.map(lambda a: f"+{a}"),
        st.sampled_from(["True", "False"]),
    )


expressions = st.recursive(leaves, _grow, max_leaves=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions, st.sampled_from(["id", "en"]))
def test_every_expression_the_loader_accepts_gets_words(expr: str, lang: str) -> None:
    try:
        C.expression(expr)
    except ExpressionError:
        assume(False)
    said = say_requirement(expr, S, lang)
    assert said and not CODE.search(said), (expr, said)
    assert "_" not in said and "('" not in said and "{" not in said and "req." not in said
    assert said != tr("req.unworded", lang).capitalize(), expr

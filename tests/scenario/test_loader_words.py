"""The loader's messages: each broken file gets the right code, at the right place, with the
right fields (BREAKS); every message the loader makes has its text in English and Bahasa
Indonesia with the same fields (the catalogs hold the words: they are not copied here, but for
a few worded examples); and the CLI follows --lang."""

from __future__ import annotations

import os
import pickle
import string
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from game.errors import Codes, Message, Problem, ScenarioError
from game.i18n import catalog, say
from game.scenario import load_plan, load_scenario
from game.scenario.codes import LoadCode
from game.scenario.codes import LoadCode as C
from game.scenario.details import python_complaint, toml_complaint
from game.scenario.expressions import ExpressionError, Namespace, compile_expression, parse
from game.scenario.reflection_keys import check_quarters
from tests.files import EXAMPLE

# A few messages worded in full, English and Indonesian (the rest: code and fields, BREAKS).
WORDED = [
    ("file not found", "berkas tidak ditemukan"),
    ("expected a whole number, got 'two'", "harus bilangan bulat, tertulis 'two'"),
    (
        "unknown key 'cots' (did you mean 'cost'?)",
        "kunci tidak dikenal 'cots' (maksud Anda 'cost'?)",
    ),
    ("max (5) is below min (6)", "max (5) lebih kecil daripada min (6)"),
    (
        "once = true and cooldown cannot both be set",
        "once = true dan cooldown tidak boleh diisi bersamaan",
    ),
    ("'turn' is a reserved word; choose another id", "'turn' adalah kata khusus; pilih id lain"),
]


# tomllib's and Python's own complaints, worded by code (known ones) or kept as written.
DETAILS = [
    (
        toml_complaint("Unclosed array (at end of document)"),
        "not valid TOML: Unclosed array (at end of document)",
        "bukan TOML yang sah: daftar [ ... ] tidak ditutup (di akhir dokumen)",
    ),
    (
        toml_complaint("Invalid value"),
        "not valid TOML: Invalid value",
        "bukan TOML yang sah: nilai tidak sah",
    ),
    (
        toml_complaint("Cannot declare ('metrics', 'x') twice"),
        "not valid TOML: Cannot declare ('metrics', 'x') twice",
        "bukan TOML yang sah: ('metrics', 'x') dinyatakan dua kali",
    ),
    (
        toml_complaint("Unescaped '\\' in a string"),
        "not valid TOML: Unescaped '\\' in a string",
        "bukan TOML yang sah: tanda '\\' di dalam teks harus ditulis '\\\\'",
    ),
    (
        toml_complaint("nested too deeply"),
        "not valid TOML: nested too deeply",
        "bukan TOML yang sah: bertingkat terlalu dalam",
    ),
    (
        toml_complaint("A brand-new complaint (at end of document)"),
        "not valid TOML: A brand-new complaint (at end of document)",
        "bukan TOML yang sah: A brand-new complaint (di akhir dokumen)",
    ),
    (
        python_complaint("invalid syntax"),
        "not a valid expression: invalid syntax",
        "bukan ekspresi yang sah: penulisan tidak sah",
    ),
    (
        python_complaint("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
        "not a valid expression: invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        "bukan ekspresi yang sah: penulisan tidak sah; mungkin maksudnya '==', bukan '='?",
    ),
    (
        python_complaint("invalid non-printable character U+00A0"),
        "not a valid expression: invalid non-printable character U+00A0",
        "bukan ekspresi yang sah: ada karakter tak terlihat U+00A0",
    ),
    (
        python_complaint("a brand-new parser complaint"),
        "not a valid expression: a brand-new parser complaint",
        "bukan ekspresi yang sah: a brand-new parser complaint",
    ),
    (
        python_complaint("closing parenthesis ']' does not match opening parenthesis '('"),
        "not a valid expression: closing parenthesis ']' does not match opening parenthesis '('",
        "bukan ekspresi yang sah: kurung tutup ']' tidak cocok dengan kurung buka '('",
    ),
]


@pytest.mark.parametrize(("message", "english", "indonesian"), DETAILS)
def test_parser_complaints_are_worded_by_code(
    message: Message, english: str, indonesian: str
) -> None:
    assert say(message, "en") == english == str(message)
    assert say(message, "id") == indonesian


# -- every message the loader really makes is translated --------------------------------------


class Broken(NamedTuple):
    """One change that breaks a file, and the first problem the loader must report for it."""

    old: str
    new: str
    path: str  # the key path the problem names
    code: LoadCode
    fields: dict[str, Any]  # the problem's plain fields (a hint or an inner message aside)


# One broken file a line: the change, then the first problem's place, code and fields.
# fmt: off
BREAKS: list[Broken] = [
    Broken('format = 1 ', '# no format ', 'format', C.MISSING, {}),
    Broken('format = 1 ', 'format = 2 ', 'format', C.MUST_BE, {'expected': '1', 'shown': '2'}),
    Broken('delay = 2\n', 'delay = "two"\n', 'policies[0].effects[0].delay', C.WANT_WHOLE, {'shown': "'two'"}),
    Broken('delay = 2\n', 'delay = -1\n', 'policies[0].effects[0].delay', C.AT_LEAST, {'shown': '-1', 'limit': '0'}),
    Broken('decimals = 2', 'decimals = 9', 'metrics.digital.decimals', C.AT_MOST, {'shown': '9', 'limit': '6'}),
    Broken('start = 71', 'start = "x"', 'metrics.service_quality.start', C.WANT_NUMBER, {'shown': "'x'"}),
    Broken('start = 71', 'start = 1979-01-01', 'metrics.service_quality.start', C.WANT_NUMBER, {}),
    Broken('start = 71', 'start = [1]', 'metrics.service_quality.start', C.WANT_NUMBER, {}),
    Broken('start = 71', 'start = {}', 'metrics.service_quality.start', C.WANT_NUMBER, {}),
    Broken('start = 71', 'start = 1979-05-27T07:32:00', 'metrics.service_quality.start', C.WANT_NUMBER, {}),
    Broken('start = 71', 'start = 07:32:00', 'metrics.service_quality.start', C.WANT_NUMBER, {}),
    Broken('id = "trust_follows_quality"', 'id = "trust follows"', 'rules[0].id', C.BAD_ID, {'id': 'trust follows'}),
    Broken('id = "output_skp"', 'id = "output skp"', 'policies[0].id', C.BAD_ID, {'id': 'output skp'}),
    Broken('id = "viral_complaint"', 'id = "viral complaint"', 'events[0].id', C.BAD_ID, {'id': 'viral complaint'}),
    Broken('id = "ikm_b"', 'id = "ikm b"', 'scoring.goals[0].id', C.BAD_ID, {'id': 'ikm b'}),
    Broken('id = "dismissed"', 'id = "dis missed"', 'endings[0].id', C.BAD_ID, {'id': 'dis missed'}),
    Broken('id = "digital_first_builds_trust"', 'id = "digital first"', 'expect[0].id', C.BAD_ID, {'id': 'digital first'}),
    Broken('version = "1.0.0"', 'version = 1', 'version', C.WANT_TEXT, {'shown': '1'}),
    Broken('hidden = false', 'hidden = 1', 'metrics.service_quality.hidden', C.WANT_BOOL, {'shown': '1'}),
    Broken('requires = ["output_skp"]', 'requires = "output_skp"', 'policies[1].requires', C.WANT_LIST, {'shown': "'output_skp'"}),
    Broken('plan = [{ turn = 1, adopt', 'plan = [{ turn = 1, choose = 1, adopt', 'expect[0].plan[0].choose', C.WANT_TABLE, {'shown': '1'}),
    Broken('languages = ["id", "en"]', 'languages = []', 'languages', C.EMPTY, {}),
    Broken('languages = ["id", "en"]', 'languages = ["id", "id"]', 'languages', C.LANGUAGE_TWICE, {}),
    Broken('languages = ["id", "en"]', 'languages = ["Indonesian", "en"]', 'languages', C.NOT_A_LANGUAGE, {'lang': 'Indonesian'}),
    Broken('turns = [2, 8]', 'turns = [2]', 'events[0].turns[1]', C.MISSING, {}),
    Broken('turns = [2, 8]', 'turns = [2, 3, 4]', 'events[0].turns', C.TOO_MANY, {}),
    Broken('turns = [2, 8]', 'turns = [5, 2]', 'events[0]', C.TURNS_ORDER, {}),
    Broken('turns = [2, 8]', 'turns = [2, 8]\nat = 3', 'events[0]', C.TURNS_AND_AT, {}),
    Broken('once = true', 'once = true\ncooldown = 2', 'events[0]', C.ONCE_AND_COOLDOWN, {}),
    Broken('id = "dukcapil-sukamaju"', 'id = "Dukcapil Sukamaju"', 'id', C.SCENARIO_ID, {'shown': "'Dukcapil Sukamaju'"}),
    Broken('category = "flexible_work"      #', 'category = "flexible_wrk"      #', 'policies[1].category', C.NOT_ONE_OF, {'got': 'flexible_wrk'}),
    Broken('values = ["adaptif"]\n', 'values = ["adaptive"]\n', 'policies[2].values[0]', C.NOT_ONE_OF, {'got': 'adaptive'}),
    Broken('text = { id = "Anda diberhentikan."', 'kind = "menang"\ntext = { id = "Anda diberhentikan."', 'endings[0].kind', C.MUST_BE_EITHER, {'options': "'lose'", 'last': "'win'", 'shown': "'menang'"}),
    Broken('cost = 25  ', 'cots = 25  ', 'policies[1].cots', C.UNKNOWN_KEY, {'key': 'cots'}),
    Broken('drift = { toward = 70, rate = 0.1 }', 'drift = 1', 'metrics.service_quality.drift', C.WANT_TABLE, {'shown': '1'}),
    Broken('label = { id = "Semangat pegawai", en = "Staff morale" }', 'label = {}', 'metrics.staff_morale.label', C.TEXT_EMPTY, {'example': '{ id = "...", en = "..." }'}),
    Broken('label = { id = "Semangat pegawai", en = "Staff morale" }', 'label = { IND = "x" }', 'metrics.staff_morale.label', C.NOT_A_LANGUAGE, {'lang': 'IND'}),
    Broken('label = { id = "Semangat pegawai", en = "Staff morale" }', 'label = { id = 1 }', 'metrics.staff_morale.label', C.TEXT_NOT_QUOTED, {'lang': 'id'}),
    Broken('label = { id = "Semangat pegawai", en = "Staff morale" }', 'label = 1', 'metrics.staff_morale.label', C.WANT_TEXT_OR_TABLE, {'example': '{ id = "...", en = "..." }'}),
    Broken('delta = 300', 'delta = true', 'policies[0].effects[0].delta', C.WANT_NUMBER_NOT_BOOL, {}),
    Broken('delta = 300', 'delta = inf', 'policies[0].effects[0].delta', C.NOT_FINITE, {}),
    Broken('delta = 300', 'delta = [1]', 'policies[0].effects[0].delta', C.WANT_NUMBER_OR_EXPRESSION, {}),
    Broken('when = "turn > 1"', 'when = 1', 'rules[0].when', C.WANT_CONDITION, {'example': '"turn >= 2"'}),
    Broken('[metrics.digital]', '[metrics.Digital]', 'metrics.Digital', C.NOT_A_NAME, {'name': 'Digital'}),
    Broken('[metrics.digital]', '[metrics.turn]', 'metrics.turn', C.RESERVED, {'name': 'turn'}),
    Broken('[derived.processing_days]', '[derived.backlog]', 'derived.backlog', C.ALREADY_METRIC, {'name': 'backlog'}),
    Broken('min = 1\nmax = 5', 'min = 6\nmax = 5', 'metrics.digital.max', C.MAX_BELOW_MIN, {'max': '5', 'min': '6'}),
    Broken('start = 600', 'start = 60000', 'metrics.budget.start', C.START_OUTSIDE, {'start': '60000', 'min': '0', 'max': '10000'}),
    Broken('id = "deny"', 'id = "a b"', 'events[0].choices[1].id', C.BAD_ID, {'id': 'a b'}),
    Broken('id = "deny"', 'id = "apologise"', 'events[0].choices[1].id', C.ID_TWICE, {'id': 'apologise'}),
    Broken('budget = "budget"', '# no budget', 'budget', C.BUDGET_NEEDED, {}),
    Broken('cost = 15\nvalues = ["akuntabel", "kompeten"]', 'cost = 15\nrequires = ["hybrid_work"]\nvalues = ["akuntabel", "kompeten"]', 'policies[0].requires', C.REQUIRES_CYCLE, {'cycle': 'output_skp -> hybrid_work -> output_skp'}),
    Broken('plan = [{ turn = 1, adopt', 'plan = [{ turn = 99, adopt', 'expect[0].plan[0].turn', C.AFTER_LAST_TURN, {'turn': 99, 'last': 8}),
    Broken('plan = [{ turn = 1, adopt = ["online_services"] }', 'plan = [{ turn = 1, adopt = ["online_service"] }', 'expect[0].plan[0].adopt[0]', C.NO_POLICY, {'id': 'online_service'}),
    Broken('plan = [{ turn = 1, adopt', 'plan = [{ turn = 1, choose = { viral = "deny" }, adopt', 'expect[0].plan[0].choose.viral', C.NO_EVENT, {'id': 'viral'}),
    Broken('plan = [{ turn = 1, adopt', 'plan = [{ turn = 1, choose = { viral_complaint = "apologize" }, adopt', 'expect[0].plan[0].choose.viral_complaint', C.NO_CHOICE, {'event': 'viral_complaint', 'choice': 'apologize'}),
    Broken('assert = "public_trust >= 40"', 'assert = "trust >= 40"', 'expect[0].assert', C.EXPR_UNKNOWN_NAME, {'name': 'trust'}),
    Broken('metric = "public_trust"\ndelta = 1', 'metric = "processing_days"\ndelta = 1', 'policies[4].effects[0].metric', C.DERIVED_READ_ONLY, {'name': 'processing_days'}),
    Broken('metric = "public_trust"\ndelta = 1', 'metric = "trust"\ndelta = 1', 'policies[4].effects[0].metric', C.NO_METRIC, {'id': 'trust'}),
    Broken('excludes = ["full_wfa"]', 'excludes = ["hybrid_work"]', 'policies[1].excludes[0]', C.NAMES_ITSELF, {'id': 'hybrid_work'}),
    Broken('rate = 0.1', 'rate = 1.5', 'metrics.service_quality.drift.rate', C.NOT_A_SHARE, {'key': 'rate', 'value': '1.5'}),
    Broken('turns = [2, 8]', 'turns = [2, 12]', 'events[0].turns', C.AFTER_LAST_TURN, {'turn': 12, 'last': 8}),
    Broken('chance = "0.10 + 0.003 * max(0, 70 - service_quality)"', 'chance = 2', 'events[0].chance', C.NOT_A_SHARE, {'key': 'chance', 'value': '2'}),
    Broken('formula = "0.5 + 60 * backlog / max(capacity, 1)"', 'formula = "processing_days + 1"', 'derived.processing_days.formula', C.DERIVED_CYCLE, {'cycle': 'processing_days -> processing_days'}),
    Broken('label = { id = "Semangat pegawai", en = "Staff morale" }', 'label = { id = "Semangat pegawai" }', 'metrics.staff_morale.label', C.MISSING_TRANSLATION, {'langs': 'en'}),
    Broken('label = { id = "Semangat pegawai", en = "Staff morale" }', 'label = { id = "Semangat", en = "Morale", fr = "Moral" }', 'metrics.staff_morale.label', C.EXTRA_LANGUAGE, {'langs': 'fr'}),
    Broken('[metrics.budget]', '[metrics.idle]\nlabel = "Idle"\nstart = 1\nmin = 0\nmax = 2\n\n[metrics.budget]', 'metrics.idle', C.METRIC_UNMOVED, {'id': 'idle'}),
    Broken('cost = 300\n', 'cost = 30000\n', 'policies[3].cost', C.NEVER_AFFORDABLE, {'id': 'online_services', 'cost': '30000', 'ceiling': '600'}),
    Broken('chance = "0.10 + 0.003 * max(0, 70 - service_quality)"', 'chance = 0', 'events[0].chance', C.NEVER_FIRES, {'id': 'viral_complaint', 'chance': '0'}),
    Broken('budget = "budget"', 'arrears = { carry = true }', 'budget', C.BUDGET_NEEDED, {}),
    Broken('[[events.choices.effects]]      # same keys as policy effects; delay counts from the choice\n', '[[events.choices.effects]]\noutlives_cancel = true\n', 'events[0].choices[0].effects[0].outlives_cancel', C.OUTLIVES_CHOICE, {}),
    Broken('max = 100\n\n[metrics.staff_morale]\n', 'max = 100\nrole = "trust"\n\n[metrics.staff_morale]\nrole = "trust"\n', 'metrics.staff_morale.role', C.ROLE_TWICE, {'role': 'trust', 'other': 'public_trust'}),
    Broken('values = ["akuntabel", "kompeten"]', 'values = ["akuntabel", "kompeten"]\nprinciples = ["freedom"]\nsafeguards = ["freedom"]', 'policies[0].safeguards[0]', C.SAFEGUARDS_ITSELF, {'principle': 'freedom'}),
]
# fmt: on

# The reflection keys, broken in a shipped scenario that has them all.
DUKCAPIL = Path(__file__).resolve().parents[2] / "scenarios" / "dukcapil.toml"
# fmt: off
REFLECTION_BREAKS: list[Broken] = [
    Broken('[short_form]\nturns = 4', '[short_form]\nturns = 40', 'short_form.turns', C.SHORT_FORM_TURNS, {'turns': 8, 'short': 40}),
    Broken('id = "digital_j_curve"', 'id = "reported_vs_true"', 'debrief[1].id', C.ID_TWICE, {'id': 'reported_vs_true'}),
    Broken('{volume_bonus.quarters} quarters)', '{volume_bonus} quarters)', 'debrief[0].question', C.PLACEHOLDER_NEEDS_FIELD, {'text': 'volume_bonus', 'name': 'ikm'}),
    Broken('{capacity.low} at its lowest', '{capacity.lowest} at its lowest', 'debrief[1].question', C.PLACEHOLDER, {'text': 'capacity.lowest'}),
    Broken('{online_services.first}; capacity', '{online_services.last}; capacity', 'debrief[1].question', C.PLACEHOLDER, {'text': 'online_services.last'}),
    Broken('{morale.end}. Which', '{moral.end}. Which', 'debrief[2].question', C.PLACEHOLDER, {'text': 'moral.end'}),
    Broken('{integrity.before.volume_bonus} to', '{integrity.before.volume_bonu} to', 'debrief[0].question', C.PLACEHOLDER, {'text': 'integrity.before.volume_bonu'}),
]
# fmt: on


# Expression sources for each ExpressionError the compiler raises.
EXPRESSIONS: list[Any] = [
    "",
    "1 + " * 1001 + "1",
    "1 +",
    "x\x00",
    "+".join(["x"] * 300),
    "-" * 100 + "x",
    "x.real",
    "x[0]",
    "lambda: 1",
    "[x for x in y]",
    "(y := 1)",
    "[1]",
    "(1, 2)",
    "{1: 2}",
    "{1}",
    "f'{x}'",
    "await x",
    "max(*x, 1)",
    "None",
    "1e20",
    "'a'",
    "min",
    "y",
    "xx",
    "x ** 1000",
    "0 ** -1",
    "x % 2",
    "~x",
    "x in x",
    "(1)(2)",
    "min(x, y=1)",
    "active(x)",
    "active('zz')",
    "chosen('zz', 'c')",
    "chosen('e', 'zz')",
    "abs()",
    "min(x)",
    "round(1, 2, 3)",
    "round(x, x)",
    "foo(1)",
    "mn(x, 1)",
    "*".join(["1e15"] * 21),
    float("inf"),
]

TOML_TEXTS = [
    "a = ",
    "a = [1",
    "a = { b = 1",
    "a = 1\na = 2",
    "[t]\n[t]",
    "a = 'x",
    'a = "\\q"',
    "a = 1 b",
    "= 1",
    "[t",
    "[[t]\n",
    "a = 1979-13-40",
    "a = {b = 1, b = 2}",
    "a.b = 1\na = 2",
    "x = " + "[" * 3000,
]

# Codes no file given to the loader produces here: reading needs a permission error (the
# tests may run as root) and an unknown OS error; pydantic's recursion limit and an error type
# the loader does not know; slices (refused as subscripts first); a fixed-size list that is
# too short (pydantic names the missing item); a plan file over 5 MB (tests/ui/test_deep_files.py);
# pieces of tomllib's and Python's complaints the files here do not make (DETAILS has some);
# a value that overflows while a game is played (tests/engine/test_too_large.py).
UNREACHED = {
    LoadCode.CANNOT_READ,
    LoadCode.PERMISSION_DENIED,
    LoadCode.NESTED_TOO_DEEPLY,
    LoadCode.INVALID,
    LoadCode.EXPR_SLICE,
    LoadCode.TOO_FEW,
    LoadCode.FILE_PLAN,
    LoadCode.EXPR_TOO_LARGE,
    *(code for code in LoadCode if code.value.startswith(("load.toml.", "load.py."))),
}


def _problems_from_files(tmp_path: Path) -> list[Problem]:
    text = EXAMPLE.read_text(encoding="utf-8")
    found: list[Problem] = []

    def load(path: Path) -> None:
        try:
            loaded = load_scenario(path)
        except ScenarioError as exc:
            found.extend(exc.problems)
        else:
            found.extend(loaded.warnings)

    for i, (old, new, *_) in enumerate(BREAKS):
        assert old in text, old
        path = tmp_path / f"break{i}.toml"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        load(path)
    shipped = DUKCAPIL.read_text(encoding="utf-8")
    for i, (old, new, *_) in enumerate(REFLECTION_BREAKS):
        assert old in shipped, old
        path = tmp_path / f"reflection{i}.toml"
        path.write_text(shipped.replace(old, new, 1), encoding="utf-8")
        load(path)
    for i, toml in enumerate(TOML_TEXTS):
        path = tmp_path / f"toml{i}.toml"
        path.write_text(toml, encoding="utf-8")
        load(path)
    load(tmp_path / "missing.toml")
    load(tmp_path)
    (tmp_path / "latin1.toml").write_bytes(b"title = '\xe9'\n")
    load(tmp_path / "latin1.toml")
    (tmp_path / "huge.toml").write_bytes(b"#" * 5_000_001)
    load(tmp_path / "huge.toml")
    plan = tmp_path / "plan.toml"
    plan.write_text('plan = [{ turn = 1, adopt = ["citizen_asist"] }]\n', encoding="utf-8")
    try:
        load_plan(plan, load_scenario(EXAMPLE).scenario)
    except ScenarioError as exc:
        found.extend(exc.problems)
    return found


def _messages_from_expressions() -> list[Message]:
    ns = Namespace({"x": 0}, {"p": 0}, {"e": (0, {"c": 0})})
    messages: list[Message] = []
    for source in EXPRESSIONS:
        with pytest.raises(ExpressionError) as info:
            compile_expression(source, ns)
        messages.append(info.value.message)
    with pytest.raises(ExpressionError) as info:
        parse(None)  # type: ignore[arg-type]
    messages.append(info.value.message)
    return messages


def _fields_of(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _codes_in(message: Message) -> list[Message]:
    """The message and every Message inside its fields."""
    inner = [m for _, v in message.fields if isinstance(v, Message) for m in _codes_in(v)]
    return [message, *inner]


@pytest.mark.parametrize(
    ("broken", "source"),
    [(b, EXAMPLE) for b in BREAKS] + [(b, DUKCAPIL) for b in REFLECTION_BREAKS],
    ids=lambda x: x.new[:30] if isinstance(x, Broken) else "",
)
def test_each_broken_file_gets_its_code_place_and_fields(
    broken: Broken, source: Path, tmp_path: Path
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(source.read_text(encoding="utf-8").replace(broken.old, broken.new, 1))
    try:
        problems = list(load_scenario(path).warnings)
    except ScenarioError as exc:
        problems = exc.problems
    assert problems, broken.new
    first = problems[0]
    assert (first.path, first.what.code) == (broken.path, broken.code)
    assert {k: v for k, v in first.what.fields if k in broken.fields} == broken.fields


def test_every_message_the_loader_makes_is_said_in_both_languages(tmp_path: Path) -> None:
    problems = _problems_from_files(tmp_path)
    not_offered = check_quarters(load_scenario(DUKCAPIL).scenario, 5)
    assert not_offered is not None
    messages = [p.what for p in problems] + _messages_from_expressions() + [not_offered]
    reached: set[Codes] = set()
    for message in messages:
        for part in _codes_in(message):
            reached.add(part.code)
            for lang in ("en", "id"):
                text = catalog(lang)[part.code.value]
                assert _fields_of(text) == {name for name, _ in part.fields}, (lang, part)
        english, indonesian = say(message, "en"), say(message, "id")
        assert english == str(message) and indonesian != english, english
    # The worded examples, as the files make them.
    said = {say(m, "en"): say(m, "id") for m in messages}
    for english, indonesian in WORDED:
        assert said.get(english) == indonesian, english
    # ... and together they reach every code but the few no file here can make.
    missing = sorted(code.value for code in LoadCode if code not in reached | UNREACHED)
    assert missing == [], missing
    # Problems say their whole line: English by default, each language on demand.
    for problem in problems:
        assert str(problem) == problem.format() == say(problem, "en")
        assert problem.format("id") == say(problem, "id")
        assert say(problem, "id").endswith(say(problem.what, "id"))


# -- Problem.format and the command line ---------------------------------------------------------


def test_problem_format_in_indonesian_keeps_place_path_and_values() -> None:
    hint = Message.of(LoadCode.HINT, word="public_trust")
    error = Problem(
        "s.toml",
        12,
        "policies[4].effects[0].metric",
        Message.of(LoadCode.NO_METRIC, id="trust", hint=hint),
    )
    assert (
        error.format()
        == "s.toml:12: policies[4].effects[0].metric: no metric 'trust' (did you mean 'public_trust'?)"
    )
    assert (
        error.format("id")
        == "s.toml:12: policies[4].effects[0].metric: tidak ada metrik 'trust' (maksud Anda 'public_trust'?)"
    )
    missing = Message.of(LoadCode.MISSING_TRANSLATION, langs="en")
    warning = Problem("s.toml", 3, "metrics.x.label", missing, warning=True)
    assert warning.format("en") == "s.toml:3: warning: metrics.x.label: missing translation: en"
    assert warning.format("id") == "s.toml:3: peringatan: metrics.x.label: terjemahan belum ada: en"
    assert (
        say(Problem("s.toml", 0, "", Message.of(LoadCode.FILE_NOT_FOUND)), "id")
        == "s.toml: berkas tidak ditemukan"
    )


AGEN = [sys.executable, "-m", "game"]


def _run(*args: str, lang_env: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "AGEN_LANG"}
    if lang_env is not None:
        env["AGEN_LANG"] = lang_env
    return subprocess.run([*AGEN, *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture()
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('metric = "public_trust"\ndelta = 1', 'metric = "trust"\ndelta = 1')
    text = text.replace(
        'label = { id = "Semangat pegawai", en = "Staff morale" }',
        'label = { id = "Semangat pegawai" }',
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_in_indonesian(broken: Path) -> None:
    r = _run("validate", "--lang", "id", str(broken))
    assert r.returncode == 1
    assert (
        f"{broken}:154: policies[4].effects[0].metric: tidak ada metrik 'trust' (maksud Anda 'public_trust'?)"
        in r.stdout.splitlines()
    )
    assert "did you mean" not in r.stdout and "Traceback" not in r.stderr
    same = _run("validate", str(broken), lang_env="id")
    assert same.stdout == r.stdout


def test_validate_warnings_in_indonesian(tmp_path: Path) -> None:
    path = tmp_path / "warn.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            'label = { id = "Semangat pegawai", en = "Staff morale" }',
            'label = { id = "Semangat pegawai" }',
        ),
        encoding="utf-8",
    )
    r = _run("validate", "--lang", "id", str(path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        f"{path}:31: peringatan: metrics.staff_morale.label: terjemahan belum ada: en"
    ]
    assert r.stderr.strip() == f"{path}: ok (1 peringatan)"


def test_validate_default_stays_english(broken: Path) -> None:
    r = _run("validate", str(broken))
    assert r.returncode == 1
    assert (
        f"{broken}:154: policies[4].effects[0].metric: no metric 'trust' (did you mean 'public_trust'?)"
        in r.stdout.splitlines()
    )
    assert "tidak ada" not in r.stdout
    assert _run("validate", "--lang", "en", str(broken), lang_env="id").stdout == r.stdout


def test_validate_refuses_an_unknown_language(broken: Path) -> None:
    assert _run("validate", "--lang", "fr", str(broken)).returncode == 2
    assert _run("validate", str(broken), lang_env="fr").returncode == 2


def test_simulate_error_lines_follow_lang(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('plan = [{ turn = 1, adopt = ["citizen_asist"] }]\n', encoding="utf-8")
    r = _run("simulate", str(EXAMPLE), "--plan", str(plan), "--lang", "id")
    assert r.returncode == 1
    assert (
        r.stderr.strip()
        == f"{plan}:1: plan[0].adopt[0]: tidak ada kebijakan 'citizen_asist' (maksud Anda 'citizen_assist'?)"
    )
    english = _run("simulate", str(EXAMPLE), "--plan", str(plan))
    assert (
        english.stderr.strip()
        == f"{plan}:1: plan[0].adopt[0]: no policy 'citizen_asist' (did you mean 'citizen_assist'?)"
    )


def test_an_expression_error_keeps_its_code_in_another_process() -> None:
    with pytest.raises(ExpressionError) as info:
        compile_expression("xx", Namespace({"x": 0}, {}, {}))
    copy = pickle.loads(pickle.dumps(info.value))
    assert copy.message == info.value.message
    assert say(copy.message, "id") == "nama tidak dikenal 'xx' (maksud Anda 'x'?)"

"""Bahasa Indonesia for the loader's messages: every pattern, every message the loader makes, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from game.errors import Problem, ScenarioError
from game.scenario import load_plan, load_scenario
from game.scenario.expressions import ExpressionError, Namespace, compile_expression, parse
from game.scenario.messages_id import PATTERNS, to_indonesian
from tests.conftest import EXAMPLE

# One representative message per pattern, with its exact Indonesian.
TABLE = [
    ("file not found", "berkas tidak ditemukan"),
    ("is a folder, not a file", "ini sebuah folder, bukan berkas"),
    ("cannot read: Permission denied", "tidak dapat dibaca: tidak ada izin membaca"),
    (
        "file too large for a scenario (over 5 MB)",
        "berkas terlalu besar untuk sebuah skenario (lebih dari 5 MB)",
    ),
    (
        "file too large for a plan (over 5 MB)",
        "berkas terlalu besar untuk sebuah rencana (lebih dari 5 MB)",
    ),
    ("not UTF-8 text: save the file as UTF-8", "bukan teks UTF-8: simpan berkas sebagai UTF-8"),
    (
        "not valid TOML: Expected '=' after a key in a key/value pair",
        "bukan TOML yang sah: seharusnya ada '=' setelah nama kunci",
    ),
    ("nested too deeply", "bertingkat terlalu dalam"),
    ("required key is missing", "wajib diisi"),
    ("expected a whole number, got '8'", "harus bilangan bulat, tertulis '8'"),
    ("expected a number, got a list", "harus angka, tertulis sebuah daftar"),
    ("expected text in quotes, got 1", "harus teks dalam tanda kutip, tertulis 1"),
    ("expected true or false, got 'yes'", "harus true atau false, tertulis 'yes'"),
    ("expected a list [ ... ], got 'output_skp'", "harus daftar [ ... ], tertulis 'output_skp'"),
    ("expected a table, got 1", "harus tabel, tertulis 1"),
    ("must not be empty", "tidak boleh kosong"),
    ("too few items", "isinya terlalu sedikit"),
    ("too many items", "isinya terlalu banyak"),
    (
        "'Dukcapil Sukamaju' may use only lowercase letters, digits and '-'",
        "'Dukcapil Sukamaju' hanya boleh berisi huruf kecil, angka, dan '-'",
    ),
    (
        "'flexible_wrk' is not one of: flexible_work, output_targets (did you mean 'flexible_work'?)",
        "'flexible_wrk' bukan salah satu dari: flexible_work, output_targets (maksud Anda 'flexible_work'?)",
    ),
    ("must be 'lose' or 'win', got 'menang'", "harus 'lose' atau 'win', tertulis 'menang'"),
    (
        "-1 is out of range: must be greater than or equal to 0",
        "-1 di luar rentang: harus minimal 0",
    ),
    (
        "unknown key 'cots' (did you mean 'cost'?)",
        "kunci tidak dikenal 'cots' (maksud Anda 'cost'?)",
    ),
    ("expected a table of keys", "harus tabel berisi kunci"),
    (
        'empty text table: give e.g. {{ id = "...", en = "..." }}',
        'tabel teks kosong: isi misalnya { id = "...", en = "..." }',
    ),
    ("'IND' is not a language code such as id or en", "'IND' bukan kode bahasa seperti id atau en"),
    ("the 'en' text must be a string in quotes", "teks 'en' harus ditulis dalam tanda kutip"),
    (
        'expected text: a string or a table like {{ id = "...", en = "..." }}',
        'harus teks: teks dalam tanda kutip atau tabel seperti { id = "...", en = "..." }',
    ),
    (
        "expected a number or an expression in quotes, got true/false",
        "harus angka atau ekspresi dalam tanda kutip, tertulis true/false",
    ),
    ("expected a number or an expression in quotes", "harus angka atau ekspresi dalam tanda kutip"),
    ("the number must be finite", "angkanya harus terhingga"),
    (
        'expected a condition in quotes, e.g. "turn >= 2"',
        'harus syarat dalam tanda kutip, misalnya "turn >= 2"',
    ),
    (
        "give either turns = [first, last] or at = N, not both",
        "isi turns = [first, last] atau at = N, jangan keduanya",
    ),
    (
        "turns must be [first, last] with 1 <= first <= last",
        "turns harus [first, last] dengan 1 <= first <= last",
    ),
    (
        "once = true and cooldown cannot both be set",
        "once = true dan cooldown tidak boleh diisi bersamaan",
    ),
    ("a language is listed twice", "ada bahasa yang tercantum dua kali"),
    (
        "'Trust' cannot be used in expressions: use lowercase letters, digits and _ , starting with a letter",
        "'Trust' tidak dapat dipakai dalam ekspresi: gunakan huruf kecil, angka, dan _ , diawali huruf",
    ),
    ("'turn' is a reserved word; choose another id", "'turn' adalah kata khusus; pilih id lain"),
    ("max (5) is below min (10)", "max (5) lebih kecil daripada min (10)"),
    ("start 600 is outside min..max (0..100)", "start 600 di luar min..max (0..100)"),
    ("'backlog' is already a metric", "'backlog' sudah dipakai sebagai metrik"),
    (
        "policy id 'a b' may use only letters, digits, _ and -",
        "id kebijakan 'a b' hanya boleh berisi huruf, angka, _ dan -",
    ),
    ("choice id 'deny' is used twice", "id pilihan 'deny' dipakai dua kali"),
    (
        "costs or upkeep are set, so 'budget' must name the metric they are paid from",
        "ada cost atau upkeep, jadi 'budget' harus menyebut metrik tempat biaya itu dibayar",
    ),
    ("requires forms a cycle: a -> b -> a", "requires membentuk lingkaran: a -> b -> a"),
    (
        "derived values depend on each other in a cycle: x -> y -> x",
        "nilai turunan saling bergantung dalam lingkaran: x -> y -> x",
    ),
    ("turn 12 is after the last turn (8)", "giliran 12 melewati giliran terakhir (8)"),
    (
        "no metric 'trust' (did you mean 'public_trust'?)",
        "tidak ada metrik 'trust' (maksud Anda 'public_trust'?)",
    ),
    (
        "no policy 'output_sk' (did you mean 'output_skp'?)",
        "tidak ada kebijakan 'output_sk' (maksud Anda 'output_skp'?)",
    ),
    ("no event 'viral'", "tidak ada peristiwa 'viral'"),
    (
        "event 'viral_complaint' has no choice 'apologize' (did you mean 'apologise'?)",
        "peristiwa 'viral_complaint' tidak punya pilihan 'apologize' (maksud Anda 'apologise'?)",
    ),
    (
        "'processing_days' is a derived value and cannot be changed directly",
        "'processing_days' adalah nilai turunan dan tidak dapat diubah langsung",
    ),
    (
        "policy 'hybrid_work' cannot name itself",
        "kebijakan 'hybrid_work' tidak boleh menyebut dirinya sendiri",
    ),
    (
        "chance 1.5 is out of range: must be between 0 and 1",
        "chance 1.5 di luar rentang: harus antara 0 dan 1",
    ),
    ("missing translation: en", "terjemahan belum ada: en"),
    (
        "language fr is not in 'languages' and is never shown",
        "bahasa fr tidak tercantum di 'languages' sehingga tidak pernah ditampilkan",
    ),
    (
        "nothing changes metric 'idle': no policy, event, rule or drift moves it",
        "tidak ada yang mengubah metrik 'idle': tidak ada kebijakan, peristiwa, aturan, atau drift yang menggerakkannya",
    ),
    (
        "nobody can ever afford policy 'online_services': it costs 30000, the budget never exceeds 10000",
        "kebijakan 'online_services' tidak akan pernah terjangkau: biayanya 30000, anggaran tidak pernah melebihi 10000",
    ),
    (
        "event 'viral_complaint' can never fire: its chance is 0",
        "peristiwa 'viral_complaint' tidak akan pernah terjadi: peluangnya 0",
    ),
    ("an expression must be a string or a number", "ekspresi harus berupa teks atau angka"),
    ("empty expression", "ekspresi kosong"),
    (
        "expression too long (more than 2000 characters)",
        "ekspresi terlalu panjang (lebih dari 2000 karakter)",
    ),
    (
        "not a valid expression: '(' was never closed",
        "bukan ekspresi yang sah: '(' tidak pernah ditutup",
    ),
    (
        "expression too complex (more than 400 parts)",
        "ekspresi terlalu rumit (lebih dari 400 bagian)",
    ),
    (
        "expression too deeply nested (more than 60 levels)",
        "ekspresi bertingkat terlalu dalam (lebih dari 60 tingkat)",
    ),
    ("attribute access (a.b) is not allowed", "akses atribut (a.b) tidak diizinkan"),
    ("subscripts (a[...]) are not allowed", "indeks (a[...]) tidak diizinkan"),
    ("lambda is not allowed", "lambda tidak diizinkan"),
    ("comprehensions are not allowed", "comprehension tidak diizinkan"),
    ("assignment (:=) is not allowed", "penugasan (:=) tidak diizinkan"),
    ("lists are not allowed", "daftar tidak diizinkan"),
    ("tuples are not allowed", "tuple tidak diizinkan"),
    ("tables are not allowed", "tabel tidak diizinkan"),
    ("sets are not allowed", "himpunan tidak diizinkan"),
    ("f-strings are not allowed", "f-string tidak diizinkan"),
    ("await is not allowed", "await tidak diizinkan"),
    ("starred arguments are not allowed", "argumen berbintang (*) tidak diizinkan"),
    ("slices are not allowed", "potongan (a[x:y]) tidak diizinkan"),
    ("'None' is not allowed in expressions", "'None' tidak diizinkan dalam ekspresi"),
    ("number too large", "angka terlalu besar"),
    (
        "text 'a' may only stand inside active(), held() or chosen()",
        "teks 'a' hanya boleh berada di dalam active(), held() atau chosen()",
    ),
    ("'min' is a function: call it as min(...)", "'min' adalah fungsi: tulis sebagai min(...)"),
    (
        "unknown name 'digitl' (did you mean 'digital'?)",
        "nama tidak dikenal 'digitl' (maksud Anda 'digital'?)",
    ),
    ("exponent too large (at most 100)", "pangkat terlalu besar (maksimal 100)"),
    ("power out of range", "hasil pangkat di luar rentang"),
    ("operator '%' is not allowed", "operator '%' tidak diizinkan"),
    ("comparison 'in' is not allowed", "perbandingan 'in' tidak diizinkan"),
    (
        "only active, held, chosen, min, max, abs, round, clamp may be called",
        "hanya active, held, chosen, min, max, abs, round, clamp yang boleh dipanggil",
    ),
    ("min() takes no keyword arguments", "min() tidak menerima argumen bernama"),
    ("min() takes 2 or more arguments, not 1", "min() menerima 2 atau lebih argumen, bukan 1"),
    (
        'held() takes ids in quotes, e.g. held("policy_id")',
        'held() menerima id dalam tanda kutip, misalnya held("policy_id")',
    ),
    ("round(x, n): n must be a plain number", "round(x, n): n harus angka biasa"),
    (
        "'mn' cannot be called (did you mean 'min'?): only active, held, chosen, min, max, abs, round, clamp",
        "'mn' tidak dapat dipanggil (maksud Anda 'min'?): hanya active, held, chosen, min, max, abs, round, clamp",
    ),
    ("number must be finite", "angka harus terhingga"),
    ("value out of range", "nilai di luar rentang"),
]


@pytest.mark.parametrize(("english", "indonesian"), TABLE)
def test_each_pattern_translates_exactly(english: str, indonesian: str) -> None:
    assert to_indonesian(english) == indonesian


def _first_pattern(message: str) -> int | None:
    return next((i for i, (p, _) in enumerate(PATTERNS) if p.fullmatch(message)), None)


def test_the_table_reaches_every_pattern() -> None:
    assert {_first_pattern(m) for m, _ in TABLE} == set(range(len(PATTERNS)))


@pytest.mark.parametrize(
    ("english", "indonesian"),
    [
        (
            "not valid TOML: Unclosed array (at end of document)",
            "bukan TOML yang sah: daftar [ ... ] tidak ditutup (di akhir dokumen)",
        ),
        ("not valid TOML: Invalid value", "bukan TOML yang sah: nilai tidak sah"),
        (
            "not valid TOML: Cannot declare ('metrics', 'x') twice",
            "bukan TOML yang sah: ('metrics', 'x') dinyatakan dua kali",
        ),
        (
            "not valid TOML: Unescaped '\\' in a string",
            "bukan TOML yang sah: tanda '\\' di dalam teks harus ditulis '\\\\'",
        ),
        ("not valid TOML: nested too deeply", "bukan TOML yang sah: bertingkat terlalu dalam"),
        ("not a valid expression: invalid syntax", "bukan ekspresi yang sah: penulisan tidak sah"),
        (
            "not a valid expression: invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            "bukan ekspresi yang sah: penulisan tidak sah; mungkin maksudnya '==', bukan '='?",
        ),
        (
            "not a valid expression: invalid non-printable character U+00A0",
            "bukan ekspresi yang sah: ada karakter tak terlihat U+00A0",
        ),
        (
            "not a valid expression: a brand-new parser complaint",
            "bukan ekspresi yang sah: a brand-new parser complaint",
        ),
        ("expected a number, got date", "harus angka, tertulis sebuah tanggal"),
        ("max() takes 1 or 2 arguments, not 3", "max() menerima 1 atau 2 argumen, bukan 3"),
        (
            "5 is out of range: must be less than or equal to 3",
            "5 di luar rentang: harus maksimal 3",
        ),
        ("0 is out of range: must be greater than 0", "0 di luar rentang: harus lebih dari 0"),
    ],
)
def test_details_inside_messages(english: str, indonesian: str) -> None:
    assert to_indonesian(english) == indonesian


def test_unknown_message_stays_english() -> None:
    assert to_indonesian("something new went wrong") == "something new went wrong"
    assert to_indonesian("") == ""


# -- every message the loader really makes is translated --------------------------------------

BREAKS: list[tuple[str, str]] = [
    # the shape of the file
    ("format = 1 ", "# no format "),
    ("format = 1 ", "format = 2 "),
    ("delay = 2\n", 'delay = "two"\n'),
    ("delay = 2\n", "delay = -1\n"),
    ("decimals = 2", "decimals = 9"),
    ("start = 71", 'start = "x"'),
    ('version = "1.0.0"', "version = 1"),
    ("hidden = false", "hidden = 1"),
    ('requires = ["output_skp"]', 'requires = "output_skp"'),
    ("plan = [{ turn = 1, adopt", "plan = [{ turn = 1, choose = 1, adopt"),
    ('languages = ["id", "en"]', "languages = []"),
    ('languages = ["id", "en"]', 'languages = ["id", "id"]'),
    ('languages = ["id", "en"]', 'languages = ["Indonesian", "en"]'),
    ("turns = [2, 8]", "turns = [2]"),
    ("turns = [2, 8]", "turns = [2, 3, 4]"),
    ("turns = [2, 8]", "turns = [5, 2]"),
    ("turns = [2, 8]", "turns = [2, 8]\nat = 3"),
    ("once = true", "once = true\ncooldown = 2"),
    ('id = "dukcapil-sukamaju"', 'id = "Dukcapil Sukamaju"'),
    ('category = "flexible_work"      #', 'category = "flexible_wrk"      #'),
    ('values = ["adaptif"]\n', 'values = ["adaptive"]\n'),
    ('text = { id = "Anda diberhentikan."', 'kind = "menang"\ntext = { id = "Anda diberhentikan."'),
    ("cost = 25  ", "cots = 25  "),
    ("drift = { toward = 70, rate = 0.1 }", "drift = 1"),
    ('label = { id = "Semangat pegawai", en = "Staff morale" }', "label = {}"),
    ('label = { id = "Semangat pegawai", en = "Staff morale" }', 'label = { IND = "x" }'),
    ('label = { id = "Semangat pegawai", en = "Staff morale" }', "label = { id = 1 }"),
    ('label = { id = "Semangat pegawai", en = "Staff morale" }', "label = 1"),
    ("delta = 300", "delta = true"),
    ("delta = 300", "delta = inf"),
    ("delta = 300", "delta = [1]"),
    ('when = "turn > 1"', "when = 1"),
    # ids and references
    ("[metrics.digital]", "[metrics.Digital]"),
    ("[metrics.digital]", "[metrics.turn]"),
    ("[derived.processing_days]", "[derived.backlog]"),
    ("min = 1\nmax = 5", "min = 6\nmax = 5"),
    ("start = 600", "start = 60000"),
    ('id = "deny"', 'id = "a b"'),
    ('id = "deny"', 'id = "apologise"'),
    ('budget = "budget"', "# no budget"),
    (
        'cost = 15\nvalues = ["akuntabel", "kompeten"]',
        'cost = 15\nrequires = ["hybrid_work"]\nvalues = ["akuntabel", "kompeten"]',
    ),
    ("plan = [{ turn = 1, adopt", "plan = [{ turn = 99, adopt"),
    (
        'plan = [{ turn = 1, adopt = ["online_services"] }',
        'plan = [{ turn = 1, adopt = ["online_service"] }',
    ),
    ("plan = [{ turn = 1, adopt", 'plan = [{ turn = 1, choose = { viral = "deny" }, adopt'),
    (
        "plan = [{ turn = 1, adopt",
        'plan = [{ turn = 1, choose = { viral_complaint = "apologize" }, adopt',
    ),
    ('assert = "public_trust >= 40"', 'assert = "trust >= 40"'),
    ('metric = "public_trust"\ndelta = 1', 'metric = "processing_days"\ndelta = 1'),
    ('metric = "public_trust"\ndelta = 1', 'metric = "trust"\ndelta = 1'),
    ('excludes = ["full_wfa"]', 'excludes = ["hybrid_work"]'),
    ("rate = 0.1", "rate = 1.5"),
    ("turns = [2, 8]", "turns = [2, 12]"),
    ('chance = "0.10 + 0.003 * max(0, 70 - service_quality)"', "chance = 2"),
    ('formula = "0.5 + 60 * backlog / max(capacity, 1)"', 'formula = "processing_days + 1"'),
    # warnings
    (
        'label = { id = "Semangat pegawai", en = "Staff morale" }',
        'label = { id = "Semangat pegawai" }',
    ),
    (
        'label = { id = "Semangat pegawai", en = "Staff morale" }',
        'label = { id = "Semangat", en = "Morale", fr = "Moral" }',
    ),
    (
        "[metrics.budget]",
        '[metrics.idle]\nlabel = "Idle"\nstart = 1\nmin = 0\nmax = 2\n\n[metrics.budget]',
    ),
    ("cost = 300\n", "cost = 30000\n"),
    ('chance = "0.10 + 0.003 * max(0, 70 - service_quality)"', "chance = 0"),
]

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

# Messages no file given to the loader produces here: reading needs a permission error (the tests
# may run as root); pydantic's recursion limit; slices (refused as subscripts first); a fixed-size
# list that is too short (pydantic names the missing item) and a non-table where a table belongs
# (pydantic's own type check answers before the schema's) -- kept in the loader as safety nets.
UNREACHED = {
    "cannot read: Permission denied",
    "nested too deeply",
    "slices are not allowed",
    "too few items",
    "expected a table of keys",
    "file too large for a plan (over 5 MB)",  # a plan file: tested in tests/ui/test_deep_files.py
}


def _messages_from_files(tmp_path: Path) -> list[str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    messages: list[str] = []

    def load(path: Path) -> None:
        try:
            loaded = load_scenario(path)
        except ScenarioError as exc:
            messages.extend(p.message for p in exc.problems)
        else:
            messages.extend(p.message for p in loaded.warnings)

    for i, (old, new) in enumerate(BREAKS):
        assert old in text, old
        path = tmp_path / f"break{i}.toml"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
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
        messages.extend(p.message for p in exc.problems)
    return messages


def _messages_from_expressions() -> list[str]:
    ns = Namespace({"x": 0}, {"p": 0}, {"e": (0, {"c": 0})})
    messages: list[str] = []
    for source in EXPRESSIONS:
        with pytest.raises(ExpressionError) as info:
            compile_expression(source, ns)
        messages.append(str(info.value))
    with pytest.raises(ExpressionError) as info:
        parse(None)  # type: ignore[arg-type]
    messages.append(str(info.value))
    return messages


def test_every_message_the_loader_makes_is_translated(tmp_path: Path) -> None:
    messages = _messages_from_files(tmp_path) + _messages_from_expressions()
    untranslated = sorted({m for m in messages if to_indonesian(m) == m})
    assert untranslated == []
    # TOML's and Python's own details are translated too, not only the frame around them.
    for m in messages:
        for frame in ("not valid TOML: ", "not a valid expression: "):
            if m.startswith(frame):
                assert m.removeprefix(frame) not in to_indonesian(m), m
    # ... and together they reach every pattern but the few no file can trigger here.
    reached = {_first_pattern(m) for m in messages} | {_first_pattern(m) for m in UNREACHED}
    missing = [PATTERNS[i][0].pattern for i in range(len(PATTERNS)) if i not in reached]
    assert missing == []


# -- Problem.format and the command line ---------------------------------------------------------


def test_problem_format_in_indonesian_keeps_place_path_and_values() -> None:
    error = Problem(
        "s.toml",
        12,
        "policies[4].effects[0].metric",
        "no metric 'trust' (did you mean 'public_trust'?)",
    )
    assert (
        error.format()
        == "s.toml:12: policies[4].effects[0].metric: no metric 'trust' (did you mean 'public_trust'?)"
    )
    assert (
        error.format("id")
        == "s.toml:12: policies[4].effects[0].metric: tidak ada metrik 'trust' (maksud Anda 'public_trust'?)"
    )
    warning = Problem("s.toml", 3, "metrics.x.label", "missing translation: en", warning=True)
    assert warning.format("en") == "s.toml:3: warning: metrics.x.label: missing translation: en"
    assert warning.format("id") == "s.toml:3: peringatan: metrics.x.label: terjemahan belum ada: en"
    assert (
        Problem("s.toml", 0, "", "file not found").format("id") == "s.toml: berkas tidak ditemukan"
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

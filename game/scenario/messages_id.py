"""Bahasa Indonesia for the loader's messages (``agen validate --lang id``).

The loader writes its findings in English (the contract and the tests read English). This
module turns one such message into Indonesian with an ordered list of regular expressions:
the first pattern that matches the whole message gives the template, and its named groups
carry ids, keys, numbers and quoted values across unchanged. A few groups are translated on
the way (the "did you mean" hint, the kind of value written, TOML and Python syntax details).
A message no pattern knows is returned as it came, in English, so nothing is ever lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from game.scenario.functions import names_text

# -- pieces translated inside a message ----------------------------------------------------

_HINT = re.compile(r" \(did you mean '(.*)'\?\)")

_WHAT = {
    "rule": "aturan",
    "policy": "kebijakan",
    "event": "peristiwa",
    "choice": "pilihan",
    "goal": "sasaran",
    "ending": "akhir permainan",
    "expectation": "pemeriksaan",
}

_SHOWN = {
    "a list": "sebuah daftar",
    "a table": "sebuah tabel",
    "date": "sebuah tanggal",
    "datetime": "sebuah tanggal dan jam",
    "time": "sebuah jam",
}

_RANGE = (
    (re.compile(r"greater than or equal to (.+)"), r"minimal \1"),
    (re.compile(r"less than or equal to (.+)"), r"maksimal \1"),
    (re.compile(r"greater than (.+)"), r"lebih dari \1"),
    (re.compile(r"less than (.+)"), r"kurang dari \1"),
)

# Details quoted from tomllib (after "not valid TOML: ") and from Python's parser (after
# "not a valid expression: "); unknown ones stay in English.
_DETAILS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), template)
    for pattern, template in (
        # tomllib
        (r"Invalid statement", "pernyataan tidak sah"),
        (
            r"Expected newline or end of document after a statement",
            "setelah satu pernyataan harus ganti baris",
        ),
        (r"Expected '=' after a key in a key/value pair", "seharusnya ada '=' setelah nama kunci"),
        (
            r"Expected '\]' at the end of a table declaration",
            "seharusnya ada ']' di akhir judul tabel",
        ),
        (
            r"Expected '\]\]' at the end of an array declaration",
            "seharusnya ada ']]' di akhir judul tabel berulang",
        ),
        (r"Expected (.+)", r"seharusnya ada \1"),
        (r"Found invalid character (.+)", r"ada karakter tidak sah \1"),
        (r"Illegal character (.+)", r"ada karakter terlarang \1"),
        (r"Cannot declare (.+) twice", r"\1 dinyatakan dua kali"),
        (r"Cannot overwrite a value", "nilai yang sudah ada tidak boleh ditimpa"),
        (
            r"Cannot mutate immutable namespace (.+)",
            r"tabel \1 sudah ditutup dan tidak dapat diubah",
        ),
        (r"Cannot redefine namespace (.+)", r"tabel \1 tidak dapat didefinisikan ulang"),
        (r"Invalid initial character for a key part", "awal nama kunci tidak sah"),
        (r"Unclosed array", "daftar [ ... ] tidak ditutup"),
        (r"Unclosed inline table", "tabel { ... } tidak ditutup"),
        (r"Duplicate inline table key (.+)", r"kunci \1 muncul dua kali dalam tabel { ... }"),
        (r"Unescaped '\\' in a string", "tanda '\\\\' di dalam teks harus ditulis '\\\\\\\\'"),
        (r"Invalid hex value", "nilai heksadesimal tidak sah"),
        (
            r"Escaped character is not a Unicode scalar value",
            "karakter escape bukan karakter Unicode yang sah",
        ),
        (r"Unterminated string", "teks tanpa tanda kutip penutup"),
        (r"Invalid date or datetime", "tanggal atau waktu tidak sah"),
        (r"Invalid value", "nilai tidak sah"),
        # both
        (r"nested too deeply", "bertingkat terlalu dalam"),
        # Python's parser
        (r"too long or too deeply nested", "terlalu panjang atau bertingkat terlalu dalam"),
        (
            r"invalid syntax\. Perhaps you forgot a comma\?",
            "penulisan tidak sah; mungkin ada koma yang terlupa?",
        ),
        (
            r"invalid syntax\. Maybe you meant '==' or ':=' instead of '='\?",
            "penulisan tidak sah; mungkin maksudnya '==', bukan '='?",
        ),
        (r"invalid syntax", "penulisan tidak sah"),
        (r"'(.)' was never closed", r"'\1' tidak pernah ditutup"),
        (r"unmatched '(.)'", r"'\1' tidak punya pasangan"),
        (
            r"closing parenthesis '(.)' does not match opening parenthesis '(.)'",
            r"kurung tutup '\1' tidak cocok dengan kurung buka '\2'",
        ),
        (
            r"unterminated string literal \(detected at line (\d+)\)",
            r"teks tanpa tanda kutip penutup (baris \1)",
        ),
        (r"invalid decimal literal", "angka tidak sah"),
        (r"invalid character (.+)", r"karakter tidak sah \1"),
        (r"invalid non-printable character (.+)", r"ada karakter tak terlihat \1"),
        (
            r"leading zeros in decimal integer literals are not permitted.*",
            "angka bulat tidak boleh diawali nol",
        ),
        (r"unexpected EOF while parsing", "ekspresi terputus di tengah"),
        (r"too many nested parentheses", "terlalu banyak tanda kurung bertingkat"),
        (r"invalid hexadecimal literal", "angka heksadesimal tidak sah"),
        (
            r"source code string cannot contain null bytes",
            "ada karakter kosong (null) di dalam teks",
        ),
        # the operating system (cannot read: ...)
        (r"Permission denied", "tidak ada izin membaca"),
    )
)

_AT_END = " (at end of document)"


def _hint(text: str) -> str:
    return _HINT.sub(r" (maksud Anda '\1'?)", text)


def _what(text: str) -> str:
    return _WHAT.get(text, text)


def _shown(text: str) -> str:
    return _SHOWN.get(text, text)


def _or(text: str) -> str:
    return text.replace(" or ", " atau ")


def _want(text: str) -> str:
    return _or(text.replace(" or more", " atau lebih"))


def _example(text: str) -> str:
    # The English template shows pydantic's escaped braces "{{ ... }}"; show them single.
    return text.replace("{{", "{").replace("}}", "}")


def _range(text: str) -> str:
    for pattern, template in _RANGE:
        match = pattern.fullmatch(text)
        if match:
            return match.expand(template)
    return text


def _detail(text: str) -> str:
    suffix = ""
    if text.endswith(_AT_END):
        text, suffix = text[: -len(_AT_END)], " (di akhir dokumen)"
    for pattern, template in _DETAILS:
        match = pattern.fullmatch(text)
        if match:
            return match.expand(template) + suffix
    return text + (_AT_END if suffix else "")


# Named groups translated before they fill a template; every other group is kept as written.
_GROUPS: dict[str, Callable[[str], str]] = {
    "hint": _hint,
    "what": _what,
    "shown": _shown,
    "expected": _or,
    "want": _want,
    "range": _range,
    "example": _example,
    "detail": _detail,
}

H = r"(?P<hint>(?: \(did you mean '.*'\?\))?)"  # the optional " (did you mean 'x'?)"
FUNCS = names_text()

# (pattern, template): the pattern must match the whole message; {group} fills the template.
_TABLE: tuple[tuple[str, str], ...] = (
    # -- reading the file (loader.read_toml) -----------------------------------------------
    (r"file not found", "berkas tidak ditemukan"),
    (r"is a folder, not a file", "ini sebuah folder, bukan berkas"),
    (r"cannot read: (?P<detail>.*)", "tidak dapat dibaca: {detail}"),
    (
        r"file too large for a scenario \(over 5 MB\)",
        "berkas terlalu besar untuk sebuah skenario (lebih dari 5 MB)",
    ),
    (
        r"file too large for a plan \(over 5 MB\)",
        "berkas terlalu besar untuk sebuah rencana (lebih dari 5 MB)",
    ),
    (r"not UTF-8 text: save the file as UTF-8", "bukan teks UTF-8: simpan berkas sebagai UTF-8"),
    (r"not valid TOML: (?P<detail>.*)", "bukan TOML yang sah: {detail}"),
    (r"nested too deeply", "bertingkat terlalu dalam"),
    # -- the shape of the file (loader._message, schema) ----------------------------------
    (r"required key is missing", "wajib diisi"),
    (r"expected a whole number, got (?P<shown>.*)", "harus bilangan bulat, tertulis {shown}"),
    (r"expected a number, got (?P<shown>.*)", "harus angka, tertulis {shown}"),
    (
        r"expected text in quotes, got (?P<shown>.*)",
        "harus teks dalam tanda kutip, tertulis {shown}",
    ),
    (r"expected true or false, got (?P<shown>.*)", "harus true atau false, tertulis {shown}"),
    (r"expected a list \[ \.\.\. \], got (?P<shown>.*)", "harus daftar [ ... ], tertulis {shown}"),
    (r"expected a table, got (?P<shown>.*)", "harus tabel, tertulis {shown}"),
    (r"must not be empty", "tidak boleh kosong"),
    (r"too few items", "isinya terlalu sedikit"),
    (r"too many items", "isinya terlalu banyak"),
    (
        r"(?P<shown>.*) may use only lowercase letters, digits and '-'",
        "{shown} hanya boleh berisi huruf kecil, angka, dan '-'",
    ),
    (
        r"'(?P<got>.*)' is not one of: (?P<pool>.*?)" + H,
        "'{got}' bukan salah satu dari: {pool}{hint}",
    ),
    (r"must be (?P<expected>.*), got (?P<shown>.*)", "harus {expected}, tertulis {shown}"),
    (
        r"(?P<shown>.*) is out of range: must be (?P<range>(?:greater|less) than.*)",
        "{shown} di luar rentang: harus {range}",
    ),
    (r"unknown key '(?P<key>.*)'" + H, "kunci tidak dikenal '{key}'{hint}"),
    (r"expected a table of keys", "harus tabel berisi kunci"),
    (
        r"empty text table: give e\.g\. (?P<example>\{.*\})",
        "tabel teks kosong: isi misalnya {example}",
    ),
    (
        r"'(?P<lang>.*)' is not a language code such as id or en",
        "'{lang}' bukan kode bahasa seperti id atau en",
    ),
    (
        r"the '(?P<lang>.*)' text must be a string in quotes",
        "teks '{lang}' harus ditulis dalam tanda kutip",
    ),
    (
        r"expected text: a string or a table like (?P<example>\{.*\})",
        "harus teks: teks dalam tanda kutip atau tabel seperti {example}",
    ),
    (
        r"expected a number or an expression in quotes, got true/false",
        "harus angka atau ekspresi dalam tanda kutip, tertulis true/false",
    ),
    (
        r"expected a number or an expression in quotes",
        "harus angka atau ekspresi dalam tanda kutip",
    ),
    (r"the number must be finite", "angkanya harus terhingga"),
    (
        r"expected a condition in quotes, e\.g\. (?P<example>.*)",
        "harus syarat dalam tanda kutip, misalnya {example}",
    ),
    (
        r"give either turns = \[first, last\] or at = N, not both",
        "isi turns = [first, last] atau at = N, jangan keduanya",
    ),
    (
        r"turns must be \[first, last\] with 1 <= first <= last",
        "turns harus [first, last] dengan 1 <= first <= last",
    ),
    (
        r"once = true and cooldown cannot both be set",
        "once = true dan cooldown tidak boleh diisi bersamaan",
    ),
    (r"a language is listed twice", "ada bahasa yang tercantum dua kali"),
    # -- ids and references (checks, compiled) ---------------------------------------------
    (
        r"'(?P<name>.*)' cannot be used in expressions: use lowercase letters, digits and _ , starting with a letter",
        "'{name}' tidak dapat dipakai dalam ekspresi: gunakan huruf kecil, angka, dan _ , diawali huruf",
    ),
    (
        r"'(?P<name>.*)' is a reserved word; choose another id",
        "'{name}' adalah kata khusus; pilih id lain",
    ),
    (
        r"max \((?P<max>.*)\) is below min \((?P<min>.*)\)",
        "max ({max}) lebih kecil daripada min ({min})",
    ),
    (
        r"start (?P<start>\S+) is outside min\.\.max \((?P<span>.*)\)",
        "start {start} di luar min..max ({span})",
    ),
    (r"'(?P<name>.*)' is already a metric", "'{name}' sudah dipakai sebagai metrik"),
    (
        r"(?P<what>\w+) id '(?P<id>.*)' may use only letters, digits, _ and -",
        "id {what} '{id}' hanya boleh berisi huruf, angka, _ dan -",
    ),
    (r"(?P<what>\w+) id '(?P<id>.*)' is used twice", "id {what} '{id}' dipakai dua kali"),
    (
        r"costs or upkeep are set, so 'budget' must name the metric they are paid from",
        "ada cost atau upkeep, jadi 'budget' harus menyebut metrik tempat biaya itu dibayar",
    ),
    (r"requires forms a cycle: (?P<cycle>.*)", "requires membentuk lingkaran: {cycle}"),
    (
        r"derived values depend on each other in a cycle: (?P<cycle>.*)",
        "nilai turunan saling bergantung dalam lingkaran: {cycle}",
    ),
    (
        r"turn (?P<turn>\S+) is after the last turn \((?P<last>.*)\)",
        "giliran {turn} melewati giliran terakhir ({last})",
    ),
    (r"no metric '(?P<id>.*)'" + H, "tidak ada metrik '{id}'{hint}"),
    (r"no policy '(?P<id>.*)'" + H, "tidak ada kebijakan '{id}'{hint}"),
    (r"no event '(?P<id>.*)'" + H, "tidak ada peristiwa '{id}'{hint}"),
    (
        r"event '(?P<event>.*)' has no choice '(?P<choice>.*)'" + H,
        "peristiwa '{event}' tidak punya pilihan '{choice}'{hint}",
    ),
    (
        r"'(?P<name>.*)' is a derived value and cannot be changed directly",
        "'{name}' adalah nilai turunan dan tidak dapat diubah langsung",
    ),
    (
        r"policy '(?P<id>.*)' cannot name itself",
        "kebijakan '{id}' tidak boleh menyebut dirinya sendiri",
    ),
    (
        r"(?P<key>rate|chance) (?P<value>\S+) is out of range: must be between 0 and 1",
        "{key} {value} di luar rentang: harus antara 0 dan 1",
    ),
    # -- warnings (checks) -------------------------------------------------------------------
    (r"missing translation: (?P<langs>.*)", "terjemahan belum ada: {langs}"),
    (
        r"language (?P<langs>.*) is not in 'languages' and is never shown",
        "bahasa {langs} tidak tercantum di 'languages' sehingga tidak pernah ditampilkan",
    ),
    (
        r"nothing changes metric '(?P<id>.*)': no policy, event, rule or drift moves it",
        "tidak ada yang mengubah metrik '{id}': tidak ada kebijakan, peristiwa, aturan, atau drift yang menggerakkannya",
    ),
    (
        r"nobody can ever afford policy '(?P<id>.*)': it costs (?P<cost>\S+), the budget never exceeds (?P<ceiling>\S+)",
        "kebijakan '{id}' tidak akan pernah terjangkau: biayanya {cost}, anggaran tidak pernah melebihi {ceiling}",
    ),
    (
        r"event '(?P<id>.*)' can never fire: its chance is (?P<chance>\S+)",
        "peristiwa '{id}' tidak akan pernah terjadi: peluangnya {chance}",
    ),
    # -- expressions (expressions.ExpressionError) -----------------------------------------
    (r"an expression must be a string or a number", "ekspresi harus berupa teks atau angka"),
    (r"empty expression", "ekspresi kosong"),
    (
        r"expression too long \(more than (?P<n>\d+) characters\)",
        "ekspresi terlalu panjang (lebih dari {n} karakter)",
    ),
    (r"not a valid expression: (?P<detail>.*)", "bukan ekspresi yang sah: {detail}"),
    (
        r"expression too complex \(more than (?P<n>\d+) parts\)",
        "ekspresi terlalu rumit (lebih dari {n} bagian)",
    ),
    (
        r"expression too deeply nested \(more than (?P<n>\d+) levels\)",
        "ekspresi bertingkat terlalu dalam (lebih dari {n} tingkat)",
    ),
    (r"attribute access \(a\.b\) is not allowed", "akses atribut (a.b) tidak diizinkan"),
    (r"subscripts \(a\[\.\.\.\]\) are not allowed", "indeks (a[...]) tidak diizinkan"),
    (r"lambda is not allowed", "lambda tidak diizinkan"),
    (r"comprehensions are not allowed", "comprehension tidak diizinkan"),
    (r"assignment \(:=\) is not allowed", "penugasan (:=) tidak diizinkan"),
    (r"lists are not allowed", "daftar tidak diizinkan"),
    (r"tuples are not allowed", "tuple tidak diizinkan"),
    (r"tables are not allowed", "tabel tidak diizinkan"),
    (r"sets are not allowed", "himpunan tidak diizinkan"),
    (r"f-strings are not allowed", "f-string tidak diizinkan"),
    (r"await is not allowed", "await tidak diizinkan"),
    (r"starred arguments are not allowed", "argumen berbintang (*) tidak diizinkan"),
    (r"slices are not allowed", "potongan (a[x:y]) tidak diizinkan"),
    (r"'(?P<node>.*)' is not allowed in expressions", "'{node}' tidak diizinkan dalam ekspresi"),
    (r"number too large", "angka terlalu besar"),
    (
        r"text '(?P<text>.*)' may only stand inside active\(\), held\(\) or chosen\(\)",
        "teks '{text}' hanya boleh berada di dalam active(), held() atau chosen()",
    ),
    (
        r"'(?P<name>.*)' is a function: call it as (?P<call>.*)",
        "'{name}' adalah fungsi: tulis sebagai {call}",
    ),
    (r"unknown name '(?P<name>.*)'" + H, "nama tidak dikenal '{name}'{hint}"),
    (r"exponent too large \(at most (?P<n>\S+)\)", "pangkat terlalu besar (maksimal {n})"),
    (r"power out of range", "hasil pangkat di luar rentang"),
    (r"operator '(?P<op>.*)' is not allowed", "operator '{op}' tidak diizinkan"),
    (r"comparison '(?P<op>.*)' is not allowed", "perbandingan '{op}' tidak diizinkan"),
    (r"only " + FUNCS + r" may be called", "hanya " + FUNCS + " yang boleh dipanggil"),
    (r"(?P<fn>\w+)\(\) takes no keyword arguments", "{fn}() tidak menerima argumen bernama"),
    (
        r"(?P<fn>\w+)\(\) takes (?P<want>\d+(?: or \w+)?) arguments, not (?P<n>\d+)",
        "{fn}() menerima {want} argumen, bukan {n}",
    ),
    (
        r"(?P<fn>\w+)\(\) takes ids in quotes, e\.g\. (?P<usage>.*)",
        "{fn}() menerima id dalam tanda kutip, misalnya {usage}",
    ),
    (r"round\(x, n\): n must be a plain number", "round(x, n): n harus angka biasa"),
    (
        r"'(?P<fn>.*)' cannot be called" + H + r": only " + FUNCS,
        "'{fn}' tidak dapat dipanggil{hint}: hanya " + FUNCS,
    ),
    (r"number must be finite", "angka harus terhingga"),
    (r"value out of range", "nilai di luar rentang"),
)

PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), template) for pattern, template in _TABLE
)


def to_indonesian(message: str) -> str:
    """The loader's ``message`` in Bahasa Indonesia; the English text when no pattern knows it."""
    for pattern, template in PATTERNS:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        fields = {
            name: _GROUPS[name](value) if name in _GROUPS else value
            for name, value in match.groupdict(default="").items()
        }
        return template.format(**fields)
    return message

"""``agen new ID``: a short, valid scenario to start from, commented in both languages.

The template uses every main part of the format (metrics with drift, a derived value, a rule,
policies with requires/excludes/available, an event with choices, scoring with goals and
grades, an ending and an ``[[expect]]``); a test loads it and requires no warnings.
"""

from __future__ import annotations

import re
from pathlib import Path

from game.errors import AgenError

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
SCHEMA_FILE = "agen-schema.json"

TEMPLATE = '''#:schema ./agen-schema.json
# id: Skenario baru "__ID__" dari `agen new`. Ubah angka dan teksnya, lalu jalankan:
#     agen validate __ID__.toml   (apakah berkas sah?)
#     agen check __ID__.toml      (apakah [[expect]] terpenuhi?)
#     agen balance __ID__.toml    (apakah permainan adil?)
# en: New scenario "__ID__" from `agen new`. Change its numbers and texts, then run the
#     three commands above (is it valid? do the [[expect]] checks pass? is it fair?).
# id: Baris pertama (#:schema) membuat editor (VS Code + "Even Better TOML") melengkapi kunci.
# en: The first line (#:schema) lets editors (VS Code + "Even Better TOML") complete keys.

format = 1                    # id: versi format, selalu 1 / en: format version, always 1
id = "__ID__"                 # id: huruf kecil, angka, tanda - / en: lowercase letters, digits, -
version = "0.1.0"             # id: versi Anda sendiri; tercatat di hasil / en: your own version; results record it
languages = ["id", "en"]      # id: bahasa yang disediakan, pertama = bawaan / en: languages given, first = default
turns = 6                     # id: jumlah giliran / en: number of turns
turn_label = { id = "Bulan", en = "Month" }   # id: sebutan satu giliran / en: what a turn is called
actions_per_turn = 2          # id: ambil/batal kebijakan per giliran / en: adoptions + cancellations per turn
seed = 2026                   # id: benih acak bawaan kelas / en: the class's default random seed
author = "Nama Widyaiswara"   # id: penulis (boleh dihapus) / en: author (optional)
budget = "budget"             # id: metrik sumber biaya / en: the metric costs are paid from
title = { id = "Loket Pelayanan Unit Anda", en = "Your Unit's Service Counter" }   # id: judul / en: title
# id: pengantar sebelum bermain (teks panjang di antara """) / en: the briefing read before play (long text between """)
briefing = { id = """
Anda baru memimpin unit layanan ini. Warga mengeluh antrean lama. Naikkan mutu layanan dan
kepercayaan warga dalam enam bulan tanpa menghabiskan anggaran.
""", en = """
You have just taken charge of this service unit. Residents complain about long queues. Raise
service quality and public trust within six months without running out of budget.
""" }

# id: METRIK: angka yang dibawa dari giliran ke giliran. / en: METRICS: stocks carried turn to turn.
[metrics.service_quality]     # id: nama metrik dipakai di rumus / en: the metric's id, used in formulas
label = { id = "Mutu layanan (IKM)", en = "Service quality (IKM)" }   # id: nama tampil / en: shown name
start = 70                    # id: nilai awal / en: starting value
min = 25                      # id: batas bawah / en: lowest value
max = 100                     # id: batas atas / en: highest value
decimals = 1                  # id: desimal yang ditampilkan / en: decimals shown
drift = { toward = 68, rate = 0.1 }   # id: tiap giliran bergeser 10% ke 68 / en: drifts 10% toward 68 each turn

[metrics.public_trust]
label = { id = "Kepercayaan warga", en = "Public trust" }   # id: nama tampil / en: shown name
start = 50                    # id: nilai awal / en: starting value
min = 0                       # id: batas bawah / en: lowest value
max = 100                     # id: batas atas / en: highest value

[metrics.budget]
label = { id = "Anggaran (Rp juta)", en = "Budget (Rp million)" }   # id: nama tampil / en: shown name
start = 200                   # id: nilai awal / en: starting value
min = 0                       # id: tak bisa di bawah nol / en: cannot go below zero
max = 1000                    # id: batas atas / en: highest value
higher_is_better = true       # id: naik = hijau / en: going up is shown green

# id: NILAI TURUNAN: dihitung dari metrik tiap giliran. / en: DERIVED: computed from metrics each turn.
[derived.service_index]
label = { id = "Indeks layanan", en = "Service index" }   # id: nama tampil / en: shown name
formula = "0.6 * service_quality + 0.4 * public_trust"    # id: rumus / en: formula
decimals = 1                  # id: desimal yang ditampilkan / en: decimals shown

# id: ATURAN: berlaku tiap giliran apa pun keputusan pemain. / en: RULES: act every turn, whatever the player does.
[[rules]]
id = "trust_follows_quality"  # id: pengenal unik / en: unique id
label = { id = "Kepercayaan mengikuti mutu", en = "Trust follows quality" }   # id: nama sebab / en: cause name
metric = "public_trust"       # id: metrik yang diubah / en: the metric it changes
delta = "0.2 * (service_quality - 70)"   # id: perubahan per giliran / en: change per turn
when = "turn > 1"             # id: syarat (boleh dihapus) / en: condition (optional)

# id: KEBIJAKAN: kartu yang bisa diambil pemain. / en: POLICIES: cards the player may adopt.
[[policies]]
id = "service_standard"       # id: pengenal unik / en: unique id
category = "service_process"  # id: salah satu kategori tetap / en: one of the fixed categories
name = { id = "Standar pelayanan", en = "Service standard" }   # id: nama kartu / en: card name
# id: penjelasan kartu (boleh dihapus) / en: what the card is (optional)
description = { id = "Waktu dan syarat layanan diumumkan.", en = "Times and requirements are published." }   # id: penjelasan / en: description
cost = 20                     # id: biaya sekali saat diambil / en: paid once on adoption
values = ["akuntabel", "berorientasi_pelayanan"]   # id: nilai BerAKHLAK / en: BerAKHLAK values
sources = ["UU 25/2009 tentang Pelayanan Publik"]   # id: dasar (boleh dihapus) / en: sources (optional)

[[policies.effects]]          # id: dampak kebijakan / en: what the policy does
metric = "service_quality"    # id: metrik yang diubah / en: the metric it changes
delta = 2                     # id: perubahan per giliran selama berlaku / en: change per turn while in force
delay = 1                     # id: jeda sebelum terasa / en: turns before it starts

[[policies]]
id = "online_queue"           # id: pengenal unik / en: unique id
category = "digital_services" # id: kategori / en: category
name = { id = "Antrean daring", en = "Online queue" }   # id: nama kartu / en: card name
cost = 60                     # id: biaya sekali / en: one-off cost
upkeep = 5                    # id: biaya rutin tiap giliran / en: paid every turn while in force
requires = ["service_standard"]   # id: harus ada kebijakan ini dulu / en: needs this policy in force first
available = "turn >= 2"       # id: baru ditawarkan mulai giliran 2 / en: offered from turn 2
values = ["adaptif"]          # id: nilai BerAKHLAK / en: BerAKHLAK values

[[policies.effects]]
metric = "service_quality"    # id: metrik yang diubah / en: the metric it changes
delta = 4                     # id: perubahan per giliran / en: change per turn
delay = 1                     # id: jeda / en: delay
ramp = 2                      # id: naik bertahap selama 2 giliran / en: grows to full strength over 2 turns

[[policies.effects]]
metric = "public_trust"       # id: metrik yang diubah / en: the metric it changes
delta = -3                    # id: warga bingung di awal / en: residents are confused at first
duration = 1                  # id: hanya satu giliran / en: for one turn only

[[policies]]
id = "extra_counter"          # id: pengenal unik / en: unique id
category = "people"           # id: kategori / en: category
name = { id = "Loket tambahan", en = "Extra counter" }   # id: nama kartu / en: card name
cost = 30                     # id: biaya sekali / en: one-off cost
upkeep = 10                   # id: biaya rutin / en: upkeep per turn
excludes = ["online_queue"]   # id: tak bisa bersamaan / en: cannot run together with it
values = ["berorientasi_pelayanan"]   # id: nilai BerAKHLAK / en: BerAKHLAK values

[[policies.effects]]
metric = "service_quality"    # id: metrik yang diubah / en: the metric it changes
delta = "3 if budget > 50 else 1"   # id: boleh berupa rumus / en: may be a formula

# id: PERISTIWA: kejadian dengan pilihan jawaban. / en: EVENTS: happenings the player answers.
[[events]]
id = "viral_complaint"        # id: pengenal unik / en: unique id
title = { id = "Keluhan viral", en = "A complaint goes viral" }   # id: judul / en: headline
text = { id = "Video antrean beredar.", en = "A video of the queue spreads." }   # id: apa yang terjadi / en: what happened
turns = [2, 5]                # id: rentang giliran (atau at = 3) / en: window of turns (or at = 3)
chance = 0.5                  # id: peluang 0..1 tiap giliran / en: chance 0..1 each turn
when = "public_trust < 70"    # id: syarat (boleh dihapus) / en: condition (optional)

[[events.choices]]            # id: pilihan pertama = bawaan / en: the first choice is the default
id = "apologise"              # id: pengenal pilihan / en: choice id
label = { id = "Minta maaf dan perbaiki", en = "Apologise and fix it" }   # id: teks pilihan / en: choice text
outcome = { id = "Warga menunggu bukti.", en = "Residents wait for proof." }   # id: hasil / en: outcome text
requires = "budget >= 10"     # id: syarat pilihan / en: condition for the choice
cost = 10                     # id: biaya pilihan / en: cost of the choice
values = ["akuntabel"]        # id: nilai BerAKHLAK / en: BerAKHLAK values

[[events.choices.effects]]
metric = "public_trust"       # id: metrik yang diubah / en: the metric it changes
delta = 3                     # id: perubahan / en: change
duration = 2                  # id: selama 2 giliran / en: for 2 turns

[[events.choices]]
id = "ignore"                 # id: pengenal pilihan / en: choice id
label = { id = "Diamkan saja", en = "Ignore it" }   # id: teks pilihan / en: choice text

[[events.choices.effects]]
metric = "public_trust"       # id: metrik yang diubah / en: the metric it changes
delta = -8                    # id: perubahan sekali / en: a one-off change

# id: SKOR: dihitung di akhir permainan. / en: SCORING: computed at the end of the game.
[scoring]
formula = "service_index"     # id: rumus skor / en: score formula

[[scoring.goals]]
id = "ikm_b"                  # id: pengenal sasaran / en: goal id
label = { id = "IKM minimal 76,61 (mutu B)", en = "IKM at least 76.61 (grade B)" }   # id: teks sasaran / en: goal text
condition = "service_quality >= 76.61"   # id: syarat di akhir / en: condition at the end
bonus = 10                    # id: tambahan skor / en: points added

[[scoring.grades]]            # id: predikat, min tertinggi dulu / en: grades, highest min first
name = { id = "Sangat baik", en = "Excellent" }   # id: nama predikat / en: grade name
min = 75                      # id: skor minimal / en: lowest score

[[scoring.grades]]
name = { id = "Perlu perbaikan", en = "Needs work" }   # id: nama predikat / en: grade name
min = 0                       # id: skor minimal / en: lowest score

# id: AKHIR DINI: permainan berhenti bila syarat terpenuhi. / en: ENDINGS: stop the game early.
[[endings]]
id = "trust_collapse"         # id: pengenal / en: id
condition = "public_trust < 20"   # id: dicek tiap akhir giliran / en: checked after every turn
title = { id = "Kepercayaan runtuh", en = "Trust collapses" }   # id: judul / en: headline
text = { id = "Warga berhenti datang.", en = "Residents stop coming." }   # id: teks akhir / en: ending text

# id: HARAPAN: uji Anda sendiri, dijalankan oleh `agen check`. / en: EXPECT: your own tests, run by `agen check`.
[[expect]]
id = "standard_then_online"   # id: pengenal / en: id
label = "Standar + antrean daring menaikkan mutu"   # id: maksud uji / en: what you intend
plan = [{ turn = 1, adopt = ["service_standard"] }, { turn = 2, adopt = ["online_queue"] }]   # id: rencana / en: plan
assert = "service_quality >= 76.61"   # id: harus benar di akhir / en: must hold at the end
'''


class NewScenarioError(AgenError):
    """``agen new`` refused its input (bad id, file already there)."""


def scenario_text(scenario_id: str) -> str:
    """The starter scenario for ``scenario_id`` (checked by :func:`check_id`)."""
    check_id(scenario_id)
    return TEMPLATE.replace("__ID__", scenario_id)


def check_id(scenario_id: str) -> None:
    """Refuse an id the format would refuse, with the rule in both languages."""
    if not ID_PATTERN.match(scenario_id):
        raise NewScenarioError(
            f"'{scenario_id}' bukan id skenario yang sah: pakai huruf kecil, angka dan '-', "
            "maks. 64 karakter / not a valid scenario id: use lowercase letters, digits and '-', "
            "at most 64 characters (e.g. dukcapil-sleman)"
        )


def write_new(scenario_id: str, out: Path | None, schema_json: str) -> list[Path]:
    """Write ``ID.toml`` (and ``agen-schema.json`` beside it if absent); never overwrite."""
    text = scenario_text(scenario_id)
    target = out if out is not None else Path(f"{scenario_id}.toml")
    if target.exists():
        raise NewScenarioError(
            f"{target}: sudah ada, tidak ditimpa / already exists, not overwritten"
        )
    if not target.parent.is_dir():
        raise NewScenarioError(f"{target.parent}: folder tidak ada / no such folder")
    written = [target]
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
        schema = target.parent / SCHEMA_FILE
        if not schema.exists():
            schema.write_text(schema_json, encoding="utf-8")
            written.append(schema)
    except OSError as exc:
        raise NewScenarioError(
            f"{target}: tidak bisa ditulis / cannot write: {exc.strerror}"
        ) from None
    return written

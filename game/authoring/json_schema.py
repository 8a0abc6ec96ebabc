"""``agen schema``: the JSON Schema of the scenario format, for editors.

Built from the format's own models (``Scenario.model_json_schema``), then made friendly to
the editors trainers use: draft-07 form (``definitions``, tuple ``items``; Taplo and the
"Even Better TOML" extension read it through a ``#:schema ./agen-schema.json`` line), no
``null`` alternatives (TOML has none: an optional key is simply left out), and every
description given in Bahasa Indonesia first, then English.
"""

from __future__ import annotations

import json
from typing import Any

from game.authoring.authoring_text import AuthoringText
from game.i18n import both, english_first
from game.scenario.format_model import NAME_RE, Scenario
from game.scenario.functions import FUNCTIONS
from game.scenario.vocabulary import CATEGORIES, VALUES

SCHEMA_ID = "https://agen-perubahan.id/schema/scenario-1.json"

# Indonesian for each table (definition) of the format.
TABLES_ID = {
    "Scenario": "Satu berkas skenario Agen Perubahan (format 1).",
    "Band": "Rentang bernama pada nilai metrik (mis. mutu IKM A mulai 88,31).",
    "Drift": "Tarikan tiap giliran ke suatu nilai: rate × (toward − nilai).",
    "Metric": "Angka yang dibawa dari giliran ke giliran.",
    "Derived": "Nilai yang dihitung dari metrik setiap giliran; hanya bisa dibaca.",
    "Rule": "Aliran yang berlaku tiap giliran, apa pun keputusan pemain.",
    "Effect": "Dampak kebijakan atau pilihan peristiwa pada satu metrik.",
    "Policy": "Kartu kebijakan yang bisa diambil pemain.",
    "Choice": "Satu jawaban atas peristiwa.",
    "Event": "Kejadian dengan pilihan jawaban.",
    "Goal": "Sasaran yang dicek di akhir; bila tercapai, bonusnya menambah skor.",
    "Grade": "Predikat: yang pertama (min tertinggi) yang dicapai skor menjadi predikatnya.",
    "Scoring": "Cara keadaan akhir menjadi skor, sasaran dan predikat.",
    "Ending": "Mengakhiri permainan lebih awal bila syaratnya terpenuhi.",
    "PlanStep": "Satu giliran rencana: kebijakan yang diambil/dibatalkan, jawaban peristiwa.",
    "Expect": "Uji penulis sendiri: mainkan rencana, lalu cek satu syarat (agen check).",
    "Debrief": "Pertanyaan debrief; angka pemain sendiri diisikan ke dalamnya.",
    "ShortForm": "Versi pendek untuk satu sesi kelas; skornya diperingkat terpisah.",
    "Retime": "Kapan peristiwa boleh terjadi dalam versi pendek (pengganti waktunya sendiri).",
    "Predictions": "Kapan kartu meminta pemain menebak dampak kebijakan sebelum berlaku.",
    "Arrears": "Tambahan: biaya rutin dan tagihan yang tak terbayar anggaran menjadi tunggakan.",
}

# Indonesian for the keys; the same key name has the same meaning everywhere it appears.
KEYS_ID = {
    "format": "Versi format; selalu 1.",
    "id": "Pengenal unik (huruf, angka, _ atau -).",
    "version": "Versi buatan Anda sendiri; tercatat di hasil.",
    "languages": "Bahasa yang disediakan; yang pertama menjadi bawaan.",
    "turns": "Jumlah giliran (atau, pada peristiwa: rentang [awal, akhir]).",
    "turn_label": 'Sebutan satu giliran, mis. { id = "Triwulan", en = "Quarter" }.',
    "actions_per_turn": "Jumlah ambil + batal kebijakan per giliran.",
    "seed": "Benih acak bawaan.",
    "title": "Judul.",
    "briefing": "Pengantar yang dibaca pemain sebelum mulai.",
    "author": "Penulis.",
    "budget": "Metrik sumber pembayaran biaya dan biaya rutin.",
    "metrics": "Metrik: angka yang dibawa dari giliran ke giliran.",
    "derived": "Nilai turunan yang dihitung dari metrik.",
    "rules": "Aturan yang berlaku tiap giliran.",
    "policies": "Kartu kebijakan.",
    "events": "Peristiwa dengan pilihan.",
    "scoring": "Skor, sasaran dan predikat.",
    "endings": "Akhir dini.",
    "expect": "Uji penulis sendiri, dijalankan oleh agen check.",
    "label": "Nama yang dilihat pemain.",
    "start": "Nilai awal.",
    "min": "Nilai terendah.",
    "max": "Nilai tertinggi.",
    "decimals": "Jumlah desimal yang ditampilkan.",
    "higher_is_better": "Arah yang baik: naik diberi warna hijau bila true.",
    "hidden": "Disembunyikan dari pemain, tetapi tetap bekerja.",
    "drift": "Tarikan tiap giliran ke suatu nilai.",
    "description": "Penjelasan satu-dua kalimat.",
    "bands": "Rentang bernama, mis. mutu IKM.",
    "toward": "Nilai tujuan tarikan.",
    "rate": "Bagian selisih yang tertutup tiap giliran, 0 sampai 1.",
    "formula": "Rumus.",
    "metric": "Metrik yang diubah.",
    "delta": "Perubahan per giliran (angka atau rumus).",
    "when": "Syarat yang dicek tiap giliran (boleh tidak diisi).",
    "delay": "Jeda giliran sebelum mulai bekerja (0 = giliran itu juga).",
    "ramp": "Giliran untuk tumbuh bertahap sampai kekuatan penuh.",
    "duration": "Berapa giliran bekerja setelah mulai.",
    "category": "Salah satu kategori tetap.",
    "name": "Nama.",
    "cost": "Biaya sekali bayar dari metrik anggaran.",
    "upkeep": "Biaya rutin tiap giliran selama berlaku.",
    "requires": "Syarat: kebijakan yang harus berlaku (atau, pada pilihan dan predikat: "
    "syarat berupa rumus).",
    "excludes": "Kebijakan yang tidak bisa berlaku bersamaan.",
    "available": "Syarat agar kebijakan ditawarkan.",
    "available_text": "Tambahan: syarat available dengan kata-kata penulis, ditampilkan ke pemain.",
    "requires_text": "Tambahan: syarat requires dengan kata-kata penulis, ditampilkan ke pemain.",
    "values": "Nilai BerAKHLAK yang diwujudkan.",
    "breaches": "Tambahan: nilai BerAKHLAK yang dilanggar (tampil di samping values).",
    "sources": "Aturan dan kajian yang menjadi dasar dampaknya.",
    "effects": "Dampak.",
    "outcome": "Teks yang muncul setelah memilih.",
    "text": "Apa yang terjadi / teks yang dibaca pemain.",
    "at": "Giliran tertentu (pengganti rentang turns).",
    "chance": "Peluang 0..1 terjadi di giliran yang memungkinkan (bawaan 1).",
    "once": "Hanya sekali (bawaan true, kecuali cooldown diisi).",
    "cooldown": "Giliran jeda setelah terjadi sebelum boleh terjadi lagi.",
    "choices": "Pilihan jawaban; yang pertama menjadi bawaan.",
    "condition": "Syarat.",
    "bonus": "Tambahan skor bila tercapai.",
    "goals": "Sasaran dengan bonus.",
    "grades": "Predikat, min tertinggi dulu.",
    "kind": '"lose" (bawaan) atau "win" (menang lebih awal).',
    "turn": "Giliran keputusan ini (mulai 1).",
    "adopt": "Kebijakan yang diambil.",
    "cancel": "Kebijakan yang dibatalkan.",
    "choose": "Jawaban peristiwa: id peristiwa -> id pilihan.",
    "plan": "Keputusan per giliran.",
    "assert": "Syarat yang harus benar di akhir.",
    "principles": "Prinsip 'budaya Netflix' yang dipraktikkan: freedom (kebebasan tempat/waktu), "
    "output_measure (dinilai dari output), consequence (penghargaan dan sanksi terukur), "
    "tech_literacy (melek teknologi), collaboration (kolaborasi pemangku kepentingan), "
    "citizen_innovation (inovasi dari keluhan warga).",
    "debrief": "Pertanyaan debrief dengan angka pemain.",
    "question": "Pertanyaan; {metrik.start}, {metrik.end}, {metrik.change}, {metrik.low}, "
    "{metrik.high}, {metrik.before.kebijakan}, {metrik.after.kebijakan}, {kebijakan.quarters} "
    "dan {kebijakan.first} diisi angka pemain.",
    "otherwise": "Pertanyaan pengganti bila salah satu kebijakannya tidak pernah diambil.",
    "short_form": "Versi pendek permainan untuk satu sesi kelas.",
    "predictions": "Kapan pemain diminta menebak dampak kebijakan.",
    "first": "Hanya untuk N pengambilan kebijakan pertama (0 = tidak pernah; bawaan: setiap kali).",
    "horizon": "Berapa triwulan setelah triwulan pengambilan yang ditebak (bawaan 1).",
    "arrears": "Tambahan: yang tak terbayar anggaran menjadi tunggakan; cara tunggakan "
    "menyendat program (bawaan: tunggakan terbawa, tersendat 25% per giliran).",
    "carry": "Apakah kekurangan anggaran di bawah min menjadi tunggakan (bawaan true); "
    "false menghapusnya seperti semula.",
    "stall": "Selama ada tunggakan, bagian (0 sampai 1) dampak baik kebijakan berbiaya rutin "
    "yang tersendat; boleh membaca arrears dan arrears_turns.",
    "outlives_cancel": "Tambahan (hanya dampak kebijakan): apa yang sudah digerakkan selama "
    "berlaku tetap terjadi setelah dibatalkan; dengan duration seluruhnya, tanpa duration satu "
    "giliran untuk setiap giliran kebijakan berlaku.",
    "safeguards": "Tambahan: prinsip yang dibuat aman oleh kebijakan ini (mis. ukuran output "
    "bagi kebebasan); bukan prinsip yang dijalankannya sendiri.",
    "role": "Tambahan: peran metrik di halaman 'Budaya Netflix' (quality, trust, integrity, "
    "staff); satu metrik untuk satu peran.",
}

CATEGORY_HELP = (
    "flexible_work (kerja fleksibel), output_targets (target kinerja), digital_services "
    "(layanan digital), partnerships (kemitraan), integrity (integritas), people (SDM), "
    "service_process (proses layanan), communication (komunikasi)"
)
VALUE_HELP = ", ".join(VALUES) + " (BerAKHLAK)"
EXPRESSION_TYPES = (
    [{"type": "number"}, {"type": "string"}],
    [{"type": "string"}, {"type": "boolean"}],
)


def function_help() -> str:
    """The functions an expression may call, from the one table of them."""
    return ", ".join(f.usage for f in FUNCTIONS.values())


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of a scenario file, with bilingual descriptions."""
    raw = Scenario.model_json_schema(by_alias=True)
    definitions = raw.pop("$defs", {})
    root = _clean(raw)
    root["description"] = _both(
        TABLES_ID["Scenario"], "A scenario file of Agen Perubahan (format 1)."
    )
    defs = {name: _clean(body) for name, body in definitions.items()}
    for name, body in defs.items():
        body["description"] = _both(TABLES_ID.get(name, ""), str(body.get("description", "")))
    for body in [root, *defs.values()]:
        _describe_keys(body)
    for key in ("metrics", "derived"):
        root["properties"][key]["propertyNames"] = {"pattern": NAME_RE.pattern}
    out: dict[str, Any] = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": f"Agen Perubahan — {both(AuthoringText.SCHEMA_TITLE)} (format 1)",
        **{k: v for k, v in root.items() if k != "title"},
        "definitions": defs,
        "x-taplo": {"initKeys": list(root.get("required", []))},
    }
    return out


def schema_text() -> str:
    """The schema as the text ``agen schema`` prints (and ``agen new`` writes)."""
    return json.dumps(scenario_schema(), ensure_ascii=False, indent=2) + "\n"


def _both(indonesian: str, english: str) -> str:
    english = english.strip()
    if not indonesian:
        return english
    return f"{indonesian}\n\n{english}" if english else indonesian


def _describe_keys(table: dict[str, Any]) -> None:
    for key, prop in table.get("properties", {}).items():
        english = str(prop.get("description", ""))
        if key == "category":
            english += f" {english_first(AuthoringText.SCHEMA_ONE_OF)}: {CATEGORY_HELP}."
        if key == "values" and _mentions_values(prop):
            english += f" {english_first(AuthoringText.SCHEMA_EACH_ONE_OF)}: {VALUE_HELP}."
        if prop.get("anyOf") in EXPRESSION_TYPES:
            english += f" {english_first(AuthoringText.SCHEMA_FUNCTIONS)}: {function_help()}."
        prop["description"] = _both(KEYS_ID.get(key, ""), english)


def _mentions_values(prop: dict[str, Any]) -> bool:
    items = prop.get("items")
    return isinstance(items, dict) and items.get("enum") == list(VALUES)


def _clean(node: Any) -> Any:
    """Draft-07 form, no null alternatives, no generated titles on keys."""
    if isinstance(node, list):
        return [_clean(x) for x in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str):
            out[key] = value.replace("#/$defs/", "#/definitions/")
        elif key == "prefixItems":
            out["items"] = _clean(value)
            out["additionalItems"] = False
        elif key == "const":
            out["enum"] = [value]
        elif key == "default" and value is None:
            continue
        elif key == "properties":
            out[key] = {k: _strip_title(_clean(v)) for k, v in value.items()}
        else:
            out[key] = _clean(value)
    options = out.get("anyOf")
    if isinstance(options, list):
        kept = [o for o in options if o != {"type": "null"}]
        if len(kept) == 1 and len(kept) < len(options):
            del out["anyOf"]
            inner = kept[0]
            description = out.get("description")
            merged = {**inner, **{k: v for k, v in out.items() if k != "description"}}
            merged["description"] = description or inner.get("description", "")
            out = merged
        elif len(kept) < len(options):
            out["anyOf"] = kept
    if (
        out.get("type") == "string"
        and out.get("enum") is None
        and "category" in out.get("title", "")
    ):
        out["enum"] = list(CATEGORIES)
    return out


def _strip_title(prop: Any) -> Any:
    if isinstance(prop, dict):
        prop.pop("title", None)
    return prop

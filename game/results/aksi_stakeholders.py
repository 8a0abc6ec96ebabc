"""Who the player worked with: the stakeholders of the Aksi Perubahan draft.

A PKA change plan maps its stakeholders with their role and how they are engaged (the
"pemetaan stakeholder" of the Rancangan Aksi Perubahan). In a game they show up in two
ways: the partnerships the player started (policies of the ``partnerships`` category or
practising ``collaboration``), and the events the player answered that involved someone:
the Satpol PP in a crackdown on brokers, the Ombudsman's review, the Regent's contest, a
campaign team's request. The parties are recognised by name in the scenario's own texts
(event, answer, outcome, partnership) from the table below, in any of its languages; a
partnership naming no known party is a stakeholder under its own name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from game.engine.actions import Adopt, Choose
from game.engine.game import Game
from game.engine.timeline import spells
from game.i18n import tr
from game.scenario.text import Text, localize


@dataclass(frozen=True)
class Party:
    """A kind of stakeholder, its catalog words and how a scenario's text names it."""

    name: str  # catalog key of its name
    role: str  # catalog key of its role
    pattern: str  # matched, ignoring case, against every language of the text


PARTIES: tuple[Party, ...] = (
    Party("aksi.sh_satpol_pp", "aksi.sh_satpol_pp_role", r"\bSatpol PP\b|municipal police"),
    Party("aksi.sh_ombudsman", "aksi.sh_ombudsman_role", r"\bOmbudsman\b"),
    Party("aksi.sh_regent", "aksi.sh_regent_role", r"\bBupati\b|\bRegent\b"),
    Party("aksi.sh_mayor", "aksi.sh_mayor_role", r"\bWali ?Kota\b|\bMayor\b"),
    Party("aksi.sh_campaign", "aksi.sh_campaign_role", r"tim sukses|campaign team"),
    Party(
        "aksi.sh_politician",
        "aksi.sh_politician_role",
        r"calon legislatif|politikus|politician|legislative candidate",
    ),
    Party("aksi.sh_inspectorate", "aksi.sh_inspectorate_role", r"\binspektorat\b|inspectorate"),
    Party(
        "aksi.sh_police",
        "aksi.sh_police_role",
        r"\bpolisi\b|(?<!municipal )\bpolice\b|Polairud|\bPolri\b",
    ),
    Party("aksi.sh_navy", "aksi.sh_navy_role", r"\bTNI\b|Lantamal|\bnavy\b"),
    Party("aksi.sh_bpbd", "aksi.sh_bpbd_role", r"\bBPBD\b"),
    Party(
        "aksi.sh_village",
        "aksi.sh_village_role",
        r"perangkat desa|balai desa|bersama desa|kepala desa|village (?:staff|partners|halls?|heads?)|with villages",
    ),
    Party("aksi.sh_schools", "aksi.sh_schools_role", r"\bsekolah\b|\bschools?\b"),
    Party("aksi.sh_fishers", "aksi.sh_fishers_role", r"\bnelayan\b|\bfishers?\b|fishermen"),
    Party("aksi.sh_volunteers", "aksi.sh_volunteers_role", r"\brelawan\b|volunteers?|Potensi SAR"),
    Party(
        "aksi.sh_families",
        "aksi.sh_families_role",
        r"keluarga korban|dengan keluarga|keluarga (?:menunggu|memohon|ikut)|\bfamil(?:y|ies)\b(?! cards?)",
    ),
    Party(
        "aksi.sh_media",
        "aksi.sh_media_role",
        r"wartawan|\bpers\b|media massa|media nasional|journalists?|reporters?|\bthe press\b"
        r"|press release|(?<!social )\bmedia\b(?! sosial)",
    ),
    Party("aksi.sh_dprd", "aksi.sh_dprd_role", r"\bDPRD\b|regional council"),
    Party("aksi.sh_bawaslu", "aksi.sh_bawaslu_role", r"\bBawaslu\b|election supervisor"),
    Party("aksi.sh_province", "aksi.sh_province_role", r"\bprovinsi\b|\bprovince\b"),
    Party(
        "aksi.sh_central",
        "aksi.sh_central_role",
        r"\bkementerian\b|\bministry\b|\bpusat\b|headquarters|Kepala Basarnas|national SIAK",
    ),
    Party(
        "aksi.sh_csr", "aksi.sh_csr_role", r"\bCSR\b|bank daerah|\bkampus\b|regional bank|universit"
    ),
    Party(
        "aksi.sh_business",
        "aksi.sh_business_role",
        r"\bUMKM\b|pelaku usaha|\binvestors?\b|small firms|small business|business owners",
    ),
    Party(
        "aksi.sh_developers",
        "aksi.sh_developers_role",
        r"asosiasi pengembang|developers' association|\bpengembang\b|\bdevelopers?\b",
    ),
    Party(
        "aksi.sh_agencies",
        "aksi.sh_agencies_role",
        r"dinas teknis|\bPUPR\b|technical agencies|public works",
    ),
    Party("aksi.sh_mpp", "aksi.sh_mpp_role", r"Mal Pelayanan Publik|\bMPP\b|public service mall"),
    Party(
        "aksi.sh_community",
        "aksi.sh_community_role",
        r"RT/RW|neighbourhood heads|kelompok difabel|disability groups|rumah sakit|hospitals?",
    ),
    Party(
        "aksi.sh_assessors",
        "aksi.sh_assessors_role",
        r"Tim Penilai Nasional|\bTPN\b|national (?:assessment )?team",
    ),
    Party("aksi.sh_ferry", "aksi.sh_ferry_role", r"operator feri|ferry operators?"),
)
_COMPILED = tuple((party, re.compile(party.pattern, re.IGNORECASE)) for party in PARTIES)


@dataclass
class Stakeholder:
    """One row of the stakeholder table: who, their role, how the player engaged them."""

    name: str
    role: str
    how: list[str] = field(default_factory=list)
    first: int = 0  # the turn of the first engagement, for the order of the rows


def _all_languages(*texts: Text | None) -> str:
    parts: list[str] = []
    for text in texts:
        if isinstance(text, str):
            parts.append(text)
        elif text is not None:
            parts.extend(text.values())
    return "\n".join(parts)


def parties_in(*texts: Text | None) -> list[Party]:
    """The known parties a text names, in the table's order."""
    joined = _all_languages(*texts)
    return [party for party, rx in _COMPILED if rx.search(joined)]


def stakeholders(game: Game, lang: str, span: Callable[[int, int], str]) -> list[Stakeholder]:
    """Everyone the player engaged: through partnerships started and events answered.

    ``span(first, last)`` says a run of turns ("Triwulan 2–8"; one turn: "Triwulan 2").
    """
    s = game.scenario
    dl = s.default_language
    found: dict[str, Stakeholder] = {}

    def engage(key: str, name: str, role: str, how: str, turn: int) -> None:
        row = found.setdefault(key, Stakeholder(name, role, first=turn))
        if how not in row.how:
            row.how.append(how)
        row.first = min(row.first, turn)

    for pid in dict.fromkeys(
        d.action.policy for d in game.decisions if isinstance(d.action, Adopt)
    ):
        p = game.policy(pid)
        if p.category != "partnerships" and "collaboration" not in p.principles:
            continue
        runs = spells(game, pid)
        if not runs:
            continue
        when = ", ".join(span(a, b) for a, b in runs)
        how = tr("aksi.engaged_policy", lang, policy=localize(p.name, lang, dl), when=when)
        named = parties_in(p.name, p.description)
        for party in named:
            engage(party.name, tr(party.name, lang), tr(party.role, lang), how, runs[0][0])
        if not named:
            role = localize(p.description, lang, dl) or tr("aksi.sh_partner_role", lang)
            engage(pid, localize(p.name, lang, dl), role, how, runs[0][0])
    for d in game.decisions:
        if not isinstance(d.action, Choose):
            continue
        ev = game.event(d.action.event)
        choice = next((c for c in ev.choices if c.id == d.action.choice), None)
        if choice is None:
            continue
        how = tr(
            "aksi.engaged_event",
            lang,
            when=span(d.turn, d.turn),
            event=localize(ev.title, lang, dl),
            choice=localize(choice.label, lang, dl),
        )
        for party in parties_in(ev.title, ev.text, choice.label, choice.outcome):
            engage(party.name, tr(party.name, lang), tr(party.role, lang), how, d.turn)
    return sorted(found.values(), key=lambda row: row.first)

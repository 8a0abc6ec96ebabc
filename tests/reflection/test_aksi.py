"""The Aksi Perubahan draft, read back with python-docx from a real game: each section holds
what the player's own game showed (stakeholders from event answers and partnerships, the
reform from the policies kept, indicators with targets and no internal counters), on A4
with official margins, in the player's language and number style; a tampered result
writes nothing. Converting to PDF with LibreOffice is tested in test_aksi_pdf.py."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Length
from typer.testing import CliRunner

from game.cli import app, register_commands
from game.engine import BOTS, Game, play_bot
from game.engine.numbers import number, show
from game.engine.prediction import Prediction
from game.i18n import tr
from game.results.aksi import build, terms
from game.results.aksi_content import indicators
from game.results.record import record_from_game, write_result
from game.scenario import load_scenario, localize
from tests.files import SCENARIOS
from tests.reflection.aksi_games import AUTHOR, DUKCAPIL, planned_game, wrong_predictions


@pytest.fixture(scope="module")
def game() -> Game:
    return planned_game()


@pytest.fixture(scope="module")
def docs(game: Game) -> dict[str, DocxDocument]:
    preds = wrong_predictions(game)
    return {lang: build(game, AUTHOR, preds, lang) for lang in ("id", "en")}


def blocks(doc: DocxDocument) -> list[str | list[list[str]]]:
    """The body in order: a paragraph's text, or a table as rows of cell texts."""
    out: list[str | list[list[str]]] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            rows = []
            for tr_ in child.iter(qn("w:tr")):
                cells = []
                for tc in tr_.iter(qn("w:tc")):
                    paras = [
                        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))
                    ]
                    cells.append("\n".join(paras))
                rows.append(cells)
            out.append(rows)
    return out


def section(
    doc: DocxDocument, start_key: str, end_key: str | None, lang: str
) -> list[str | list[list[str]]]:
    """The blocks from one heading (a catalog key) to the next one given."""
    body = blocks(doc)
    start = body.index(tr(start_key, lang))
    end = body.index(tr(end_key, lang), start) if end_key else len(body)
    return body[start + 1 : end]


def text_of(part: list[str | list[list[str]]]) -> str:
    lines: list[str] = []
    for b in part:
        if isinstance(b, str):
            lines.append(b)
        else:
            lines += [" | ".join(row) for row in b]
    return "\n".join(lines)


def table_in(part: list[str | list[list[str]]]) -> list[list[str]]:
    return next(b for b in part if isinstance(b, list))


def test_terms_cover_every_quarter_once() -> None:
    for n in range(1, 13):
        spans = terms(n)
        covered = [t for _, a, b in spans for t in range(a, b + 1)]
        assert covered == list(range(1, n + 1))
    assert [k for k, _, _ in terms(8)] == ["aksi.term_short", "aksi.term_medium", "aksi.term_long"]


@pytest.mark.parametrize(("lang", "tag"), [("id", "id-ID"), ("en", "en-GB")])
def test_a4_official_margins_language_and_properties(
    docs: dict[str, DocxDocument], lang: str, tag: str
) -> None:
    doc = docs[lang]
    sec = doc.sections[0]
    size = [round(Length(x or 0).mm) for x in (sec.page_width, sec.page_height)]
    assert size == [210, 297]  # A4
    margins = [sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin]
    assert [round(Length(m or 0).cm, 2) for m in margins] == [2.0, 2.5, 3.0, 2.0]
    langs = {e.get(qn("w:val")) for e in doc.styles.element.iter(qn("w:lang"))}
    assert langs == {tag}  # every style, and the defaults: no en-US left to mark it misspelt
    theme = doc.settings.element.find(qn("w:themeFontLang"))
    assert theme is not None and theme.get(qn("w:val")) == tag
    props = doc.core_properties
    assert props.author == AUTHOR.player and props.language == tag
    assert props.title == blocks(doc)[4]  # the working title on the cover
    assert props.created is not None
    assert abs(props.created - datetime.now(timezone.utc)) < timedelta(minutes=10)
    first = blocks(doc)[0]
    assert isinstance(first, str) and first.startswith("DRAF" if lang == "id" else "DRAFT")
    assert doc.sections[0].footer.paragraphs[0].text.startswith("DRAF" if lang == "id" else "DRAFT")


def test_cover_has_the_player_the_score_in_their_style_and_marked_blanks(
    game: Game, docs: dict[str, DocxDocument]
) -> None:
    assert game.outcome is not None
    for lang in ("id", "en"):
        cover = text_of(blocks(docs[lang])[:8])
        assert AUTHOR.player in cover and str(AUTHOR.player_id) in cover and AUTHOR.cohort in cover
        assert number(game.outcome.score, 1, lang) in cover
        for key in ("aksi.f_position", "aksi.f_unit", "aksi.f_mentor", "aksi.f_coach"):
            row = next(r for r in table_in(blocks(docs[lang])) if r[0] == tr(key, lang))
            assert tr("aksi.fill_participant", lang) in row[1]
    assert "," in number(game.outcome.score, 1, "id") and "." in number(game.outcome.score, 1, "en")
    approval = text_of(section(docs["id"], "aksi.h_approval", None, "id"))
    assert "(diisi coach)" in approval and "(diisi mentor)" in approval


def test_background_is_the_unit_its_gaps_and_causes_not_the_briefing(
    game: Game, docs: dict[str, DocxDocument]
) -> None:
    s = game.scenario
    part = text_of(section(docs["id"], "aksi.h_background", "aksi.h_aims", "id"))
    assert "Dukcapil Sukamaju" in part
    assert "Anda" not in part  # not addressed to the player
    briefing = localize(s.briefing, "id", "id")
    assert not any(line.strip() in part for line in briefing.split(".") if len(line.strip()) > 30)
    ikm = next(i for i in indicators(game) if i.name == "ikm")
    assert f"{show(s, 'ikm', ikm.start, 'id')}; sasaran ≥ " in part  # the gap, in Indonesian style
    rules = [localize(r.label, "id", "id") for r in s.rules if r.label]
    assert any(f"{label}: " in part for label in rules)  # a cause seen in the game
    aims = text_of(section(docs["id"], "aksi.h_aims", "aksi.h_benefits", "id"))
    assert game.outcome is not None
    for goal in s.scoring.goals:
        key = "aksi.goal_met" if goal.id in game.outcome.goals else "aksi.goal_missed"
        assert tr(key, "id", goal=localize(goal.label, "id", "id")) in aims


def test_milestones_are_the_policies_kept_not_the_event_answers(
    game: Game, docs: dict[str, DocxDocument]
) -> None:
    s = game.scenario
    rows = table_in(section(docs["en"], "aksi.h_milestones", "aksi.h_stakeholders", "en"))
    activities = "\n".join(r[1] for r in rows[1:])
    kept = game.active_policies()
    assert kept and "image_campaign" not in kept
    for pid in kept:
        assert localize(game.policy(pid).name, "en", "id") in activities
    assert localize(game.policy("image_campaign").name, "en", "id") not in activities  # cancelled
    labels = [localize(c.label, "en", "id") for e in s.events for c in e.choices]
    assert not any(label in activities for label in labels)
    assert [r[0].split("\n")[0] for r in rows[1:] if r[0]] == [
        "Short term",
        "Medium term",
        "Long term",
    ]
    outputs = [r[2] for r in rows[1:] if r[2] and not r[2].startswith("…")]
    assert len(outputs) == len(kept) and all(o.startswith("Running for ") for o in outputs)
    empty = [r for r in rows[1:] if tr("aksi.nothing_kept", "en") in r[1]]
    assert empty and all(tr("aksi.fill_participant", "en") in r[1] for r in empty)
    criteria = [r[3] for r in rows[1:] if r[3]]
    assert any(" at least " in c or " at most " in c for c in criteria)  # a target, in words


def test_stakeholders_come_from_event_answers_and_partnerships(
    game: Game, docs: dict[str, DocxDocument]
) -> None:
    rows = table_in(section(docs["id"], "aksi.h_stakeholders", "aksi.h_indicators", "id"))
    by_name = {r[0]: r for r in rows[1:]}

    def label_of(event: str, choice: str) -> str:
        ev = game.event(event)
        return localize(next(c for c in ev.choices if c.id == choice).label, "id", "id")

    satpol = by_name[tr("aksi.sh_satpol_pp", "id")]
    assert label_of("brokers_at_gate", "crackdown") in satpol[2]
    assert satpol[1] == tr("aksi.sh_satpol_pp_role", "id")
    campaign = by_name[tr("aksi.sh_campaign", "id")]
    assert label_of("pilkada", "stay_neutral") in campaign[2]
    assert (
        label_of("ombudsman_review", "meet_standards") in by_name[tr("aksi.sh_ombudsman", "id")][2]
    )
    village = by_name[tr("aksi.sh_village", "id")]
    assert localize(game.policy("village_outreach").name, "id", "id") in village[2]
    assert sum(tr("aksi.fill_participant", "id") in r[0] for r in rows) == 2  # rows to add


def test_indicators_have_baseline_result_target_one_source_and_no_counters(
    game: Game, docs: dict[str, DocxDocument]
) -> None:
    s = game.scenario
    rows = table_in(section(docs["id"], "aksi.h_indicators", "aksi.h_risks", "id"))[1:]
    found = indicators(game)
    assert [r[0] for r in rows] == [
        localize((s.metrics.get(i.name) or s.derived[i.name]).label, "id", "id") for i in found
    ]
    counters = ["overdue", "gaming", "risks_in_force", "year_gain", s.budget]
    labels = [localize((s.metrics.get(n) or s.derived[n]).label, "id", "id") for n in counters if n]
    assert not any(r[0] in labels for r in rows)
    end = game.turns_played
    for row, ind in zip(rows, found, strict=True):
        assert row[1] == show(s, ind.name, game.value_at(0, ind.name), "id")
        assert row[2] == show(s, ind.name, game.value_at(end, ind.name), "id")
        assert row[3][0] in "≥≤" and row[3][2:].replace(".", "").replace(",", "").isdigit()
        assert row[4] and ";" not in row[4]  # one source each
    assert not any("+0,0" in c for r in rows for c in r)


def test_risks_are_the_events_met_and_how_they_were_handled(
    game: Game, docs: dict[str, DocxDocument]
) -> None:
    rows = table_in(section(docs["en"], "aksi.h_risks", "aksi.h_values", "en"))[1:]
    answered = [(d.turn, d.action) for d in game.decisions if type(d.action).__name__ == "Choose"]
    assert len(rows) == len(answered)
    for row, (turn, action) in zip(rows, answered, strict=True):
        ev = game.event(action.event)  # type: ignore[union-attr]
        choice = next(c for c in ev.choices if c.id == action.choice)  # type: ignore[union-attr]
        assert row[0] == f"Quarter {turn}: {localize(ev.title, 'en', 'id')}"
        assert row[1] == localize(choice.label, "en", "id")


def test_an_early_ending_is_a_risk_met() -> None:
    loaded = load_scenario(DUKCAPIL)
    lost = play_bot(Game(loaded.compiled, 7), BOTS["passive"], 7)
    assert lost.ending is not None
    ending = next(e for e in loaded.scenario.endings if e.id == lost.ending)
    part = text_of(section(build(lost, AUTHOR, (), "id"), "aksi.h_risks", "aksi.h_values", "id"))
    assert tr("aksi.risk_ending", "id") in part and localize(ending.text, "id", "id") in part


def test_values_shown_and_breached_name_the_decisions() -> None:
    loaded = load_scenario(DUKCAPIL)
    played = play_bot(Game(loaded.compiled, 7), BOTS["random"], 7)
    part = text_of(
        section(build(played, AUTHOR, (), "id"), "aksi.h_values", "aksi.h_reflection", "id")
    )
    shown_part, _, breached_part = part.partition(tr("aksi.values_breached", "id"))
    breaches = []
    for d in played.decisions:
        a = d.action
        if type(a).__name__ == "Choose":
            ev = played.event(a.event)  # type: ignore[union-attr]
            ch = next(c for c in ev.choices if c.id == a.choice)  # type: ignore[union-attr]
            breaches += [(v, localize(ch.label, "id", "id")) for v in ch.breaches]
    assert breaches, "the random player answered no event against a value"
    for value, label in breaches:
        line = next(
            x for x in breached_part.split("\n") if x.startswith(tr(f"value.{value}", "id"))
        )
        assert label in line
    assert "×" in shown_part


def test_reflection_lists_the_wrong_predictions_in_the_first_person(
    game: Game, docs: dict[str, DocxDocument]
) -> None:
    part = text_of(section(docs["id"], "aksi.h_differently", "aksi.h_approval", "id"))
    preds = wrong_predictions(game)
    assert "dugaan dampak kebijakan tepat" in part and "Saya menduga" in part
    assert part.count("Lain kali: ") == len(preds)  # a lesson for each wrong prediction
    for p in preds:
        assert localize(game.policy(p.policy).name, "id", "id") in part
    assert localize(game.policy("image_campaign").name, "id", "id") in part  # stopped early


def test_cli_writes_the_draft_from_a_verified_result(game: Game, tmp_path: Path) -> None:
    loaded = load_scenario(DUKCAPIL)
    record = record_from_game(
        game, loaded, player=AUTHOR.player, player_id=AUTHOR.player_id, cohort=AUTHOR.cohort,
        language="id", predictions=wrong_predictions(game),
    )  # fmt: skip
    result = write_result(record, tmp_path / "r.json")
    register_commands()
    out = tmp_path / "draf"
    done = CliRunner().invoke(app, ["results", "aksi", str(result), "--out", str(out)])
    assert done.exit_code == 0, done.output
    doc = Document(str(tmp_path / "draf.docx"))
    assert doc.core_properties.author == AUTHOR.player and doc.core_properties.language == "id-ID"
    ikm = show(loaded.scenario, "ikm", game.value_at(game.turns_played, "ikm"), "id")
    assert ikm in text_of(blocks(doc))  # the player's real final IKM, replayed
    english = CliRunner().invoke(
        app, ["results", "aksi", str(result), "--out", str(tmp_path / "e.docx"), "--lang", "en"]
    )
    assert english.exit_code == 0
    assert Document(str(tmp_path / "e.docx")).core_properties.language == "en-GB"
    bad = tmp_path / "bad.json"
    bad.write_text(
        result.read_text(encoding="utf-8").replace('"score": ', '"score": 1', 1), "utf-8"
    )
    refused = CliRunner().invoke(app, ["results", "aksi", str(bad), "--out", str(tmp_path / "x")])
    assert refused.exit_code == 1 and "score does not match" in refused.output
    assert "Traceback" not in refused.output and not (tmp_path / "x.docx").exists()


def test_predictions_of_the_fixture_are_really_wrong(game: Game) -> None:
    from game.engine.prediction import calibration

    preds: tuple[Prediction, ...] = wrong_predictions(game)
    assert preds and calibration(game, preds).surprises


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.stem)
def test_every_shipped_scenario_gets_a_whole_draft(path: Path) -> None:
    loaded = load_scenario(path)
    for bot in ("greedy", "passive"):
        played = play_bot(Game(loaded.compiled, 3), BOTS[bot], 3)
        for lang in ("id", "en"):
            said = text_of(blocks(build(played, AUTHOR, (), lang)))
            assert "{" not in said and "aksi." not in said and "req." not in said, (bot, lang)
            assert "_" not in said.replace(AUTHOR.player, ""), (bot, lang)  # no ids
            for key in (
                "aksi.h_background",
                "aksi.h_milestones",
                "aksi.h_indicators",
                "aksi.h_approval",
            ):
                assert tr(key, lang) in said
    idle = play_bot(Game(loaded.compiled, 3), BOTS["passive"], 3)
    said = text_of(blocks(build(idle, AUTHOR, (), "id")))
    if not idle.active_policies():
        assert tr("aksi.idea_none", "id") in said


# the order OOXML's schema requires inside these elements (Word refuses a file that breaks it;
# LibreOffice does not, so the PDF test alone would not notice)
ORDER = {
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect "
    "bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark",
}


def test_the_xml_keeps_the_order_word_requires(docs: dict[str, DocxDocument]) -> None:
    for doc in docs.values():
        for parent in (doc.styles.element, doc.element.body):
            for kind, names in ORDER.items():
                order = names.split()
                for element in parent.iter(qn(f"w:{kind}")):
                    tags = [child.tag.rpartition("}")[2] for child in element]
                    ranks = [order.index(t) for t in tags]
                    assert ranks == sorted(ranks), (kind, tags)

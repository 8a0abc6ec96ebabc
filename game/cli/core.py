"""``agen validate`` and ``agen simulate``: the core's own commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from game.cli.common import (
    CliText,
    Quarters,
    check_files,
    fail,
    known_language,
    played_as,
    scenario_path,
)
from game.errors import AgenError, PlanError, Problem, ScenarioError
from game.i18n import both, english_first, say, say_error, tr


def _root(ctx: typer.Context) -> None:
    """Without a command, open the game."""
    if ctx.invoked_subcommand is None:
        from game.cli import play

        play.open_game(None)


def validate(
    paths: Annotated[list[Path], typer.Argument(help=english_first(CliText.HELP_SCENARIO_FILES))],
    lang: Annotated[
        Literal["id", "en"],
        typer.Option(
            envvar="AGEN_LANG",
            help=english_first(CliText.HELP_LANG),
        ),
    ] = "en",
) -> None:
    """Check scenario files: errors and warnings as FILE:LINE: key.path: message."""

    def summary(file: Path, warnings: list[Problem]) -> str:
        if not warnings:
            return f"{file}: ok"
        return tr(CliText.VALIDATE_OK_WARNINGS.value, lang, file=str(file), n=len(warnings))

    check_files("validate", paths, lambda loaded: list(loaded.warnings), summary, lang)


BotSeed = Annotated[
    int | None,
    typer.Option(
        help="Seed of the bot's own choices (default: --seed); vary it to simulate different players of one class"
    ),
]
SimLang = Annotated[
    str | None,
    typer.Option(
        envvar="AGEN_LANG",
        help="Language of the report and of the error lines: id | en (default: $AGEN_LANG)",
    ),
]
SimSeed = Annotated[
    int | None, typer.Option(help="Class seed for the events (default: the scenario's)")
]
SimScenario = Annotated[
    Path | None, typer.Argument(help=english_first(CliText.HELP_SIMULATE_SCENARIO))
]
PlayerId = Annotated[str | None, typer.Option(help="Player id (e.g. NIP) for --result-out")]
Join = Annotated[str | None, typer.Option(help=english_first(CliText.HELP_JOIN))]
JoinCode = Annotated[str | None, typer.Option(help=english_first(CliText.HELP_JOIN_CODE))]


def simulate(
    scenario: SimScenario = None,
    bot: Annotated[str | None, typer.Option(help=english_first(CliText.HELP_BOT))] = None,
    plan: Annotated[Path | None, typer.Option(help="Plan file: plan = [ ... ]")] = None,
    seed: SimSeed = None,
    bot_seed: BotSeed = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    player: Annotated[str, typer.Option(help="Player name for --result-out")] = "Simulasi",
    player_id: PlayerId = None,
    cohort: Annotated[str, typer.Option(help="Class code for --result-out")] = "SIM",
    lang: SimLang = None,
    result_out: Annotated[Path | None, typer.Option(help="Write a result file here")] = None,
    join: Join = None,
    code: JoinCode = None,
    quarters: Quarters = None,
) -> None:
    """Play without a window; print the metrics per turn, the main causes and the score.

    With --join URL --code CODE: a headless participant of a live class (the scenario and
    seed come from the server); it sends its decisions every quarter and its result at the end.
    """
    _check_simulate(bot, plan, join, code, quarters, scenario)
    if join is not None and code is not None:
        _join_class(join, code, player, player_id, bot, plan, bot_seed, lang, result_out, as_json)
        return
    assert scenario is not None
    known_language(lang, "simulate")
    if result_out is not None and not player.strip():
        raise fail(f"agen simulate: --player: {both(CliText.EMPTY_PLAYER)}", 2)
    if seed is not None and not -(2**63) <= seed < 2**63:
        raise fail(f"agen simulate: --seed: {both(CliText.SEED_TOO_LARGE)}", 2)
    scenario = scenario_path(scenario, "simulate")
    try:
        report = _simulated(
            scenario,
            bot,
            plan,
            seed,
            bot_seed,
            quarters,
            lang,
            result_out,
            (player, player_id, cohort),
        )
    except ScenarioError as exc:
        raise fail("\n".join(say(p, lang or "en") for p in exc.problems)) from None
    except AgenError as exc:
        source = plan if plan is not None else scenario
        raise fail(f"{_where(source, exc)}: {say_error(exc, lang or 'en')}") from None
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        from game.engine.game_report import render_text

        typer.echo(render_text(report))


def _check_simulate(
    bot: str | None,
    plan: Path | None,
    join: str | None,
    code: str | None,
    quarters: int | None,
    scenario: Path | None,
) -> None:
    """Refuse (exit 2) a combination of options ``agen simulate`` cannot play."""
    from game.engine import BOTS

    if (bot is None) == (plan is None):
        raise fail(f"agen simulate: {both(CliText.BOT_OR_PLAN)}", 2)
    if bot is not None and bot not in BOTS:
        raise fail(f"agen simulate: {both(CliText.UNKNOWN_BOT, bot=bot, bots=', '.join(BOTS))}", 2)
    if join is not None or code is not None:
        if quarters is not None:
            raise fail(f"agen simulate --join --quarters: {both('shortform.join_quarters')}", 2)
        if scenario is not None or join is None or code is None:
            raise fail(f"agen simulate: {both(CliText.JOIN_WITHOUT_FILE)}", 2)
    elif scenario is None:
        raise fail(f"agen simulate: {both(CliText.GIVE_SCENARIO)}", 2)


def _simulated(
    scenario: Path,
    bot: str | None,
    plan: Path | None,
    seed: int | None,
    bot_seed: int | None,
    quarters: int | None,
    lang: str | None,
    result_out: Path | None,
    who: tuple[str, str | None, str],
) -> dict[str, Any]:
    """Play the game (a plan, or a bot with a progress line), write the result file when
    asked, and return the report. Raises AgenError."""
    from game.cli.progress import ProgressLine
    from game.engine import BOTS, Game, play_bot, play_plan
    from game.engine.game_report import game_report
    from game.scenario import load_plan, load_scenario

    loaded = load_scenario(scenario)
    played = played_as(loaded, quarters, "simulate")
    the_seed = seed if seed is not None else loaded.scenario.seed
    if plan is not None:
        game = play_plan(played.compiled, load_plan(plan, loaded.scenario), the_seed)
    else:
        assert bot is not None
        own = bot_seed if bot_seed is not None else the_seed
        with ProgressLine() as line:  # a greedy game on a large scenario takes a while
            turns = line.task("progress.turns", played.scenario.turns)
            game = play_bot(Game(played.compiled, the_seed), BOTS[bot], own, turns)
    language = lang or loaded.scenario.default_language
    if result_out is not None:
        from game.results.record import Origin, record_from_game, write_result

        player, player_id, cohort = who
        origin = Origin(tool="simulate", bot=bot, plan=plan.name if plan is not None else None)
        record = record_from_game(
            game,
            loaded,
            player=player,
            player_id=player_id,
            cohort=cohort,
            language=language,
            origin=origin,
        )
        written = write_result(record, result_out)
        typer.echo(both(CliText.RESULT_WRITTEN, path=str(written)), err=True)
    return game_report(game, language)


def _where(source: Path, exc: AgenError) -> str:
    """``FILE``, or ``FILE:LINE: key.path`` when the error is about an entry of that plan file."""
    from game.scenario.locate import KeyLines, format_path

    if not isinstance(exc, PlanError) or not exc.path:
        return str(source)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return str(source)
    return f"{source}:{KeyLines(text).line_of(exc.path)}: {format_path(exc.path)}"


def _join_class(
    url: str,
    code: str,
    player: str,
    player_id: str | None,
    bot: str | None,
    plan: Path | None,
    bot_seed: int | None,
    lang: str | None,
    result_out: Path | None,
    as_json: bool,
) -> None:
    """``agen simulate --join``: join, play, send, and say what the server answered."""
    from game.classlink.client import ClassClient, ClassError
    from game.classlink.participant import take_part

    language = lang if lang in ("id", "en") else "id"
    try:
        with ClassClient(url, code, language=language) as client:
            run = take_part(
                client,
                player,
                player_id=player_id,
                bot=bot,
                plan=plan,
                bot_seed=bot_seed,
                result_out=result_out,
                patience_s=600.0,
                notice=lambda m: typer.echo(m, err=True),
            )
    except ClassError as exc:
        raise fail(f"agen simulate --join: {exc.message(language)}") from None
    except ScenarioError as exc:
        raise fail("\n".join(say(p, language) for p in exc.problems)) from None
    except AgenError as exc:
        where = f"{_where(plan, exc)}: " if plan is not None and isinstance(exc, PlanError) else ""
        raise fail(f"agen simulate --join: {where}{say_error(exc, language)}") from None
    reply = run.result_reply
    if as_json:
        out = {
            "code": code,
            "player": run.seat.player,
            "score": run.record.score,
            "grade": run.record.grade,
            "status": reply.status,
            "message": reply.message,
        }
        typer.echo(json.dumps(out, ensure_ascii=False))
    else:
        typer.echo(
            f"{run.seat.player}: {run.record.score:.2f} ({run.record.grade or '-'}) — "
            f"{reply.status} {reply.message}"
        )


def register(app: typer.Typer) -> None:
    """Add the root callback, ``validate`` and ``simulate`` to the ``agen`` app."""
    app.callback()(_root)
    app.command("validate")(validate)
    app.command("simulate")(simulate)

"""The game's pages: the quarter (indicators, budget, policy cards, events), the prediction
prompt, the wait screen, the turn report, and the one form target every action posts to.

Every action is a POST answered with a redirect (POST-redirect-GET), so a refresh or the
back button never sends it again; its form carries an idempotency key, so a double tap or
a resubmitted page is answered from the log, never applied twice. Pages are ``no-store``:
the back button shows the game as it is now.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from game.classroom.refusal import Refusal
from game.classroom.web import render as R
from game.classroom.web import view as V
from game.classroom.web.seat_pages import classes_of, common, load_seat, refused_page, router
from game.classroom.web.seat_play import KINDS, SeatGame, Step, logged, take
from game.engine import Game
from game.engine.indicators import label, visible
from game.engine.numbers import number, show
from game.engine.prediction import DIRECTIONS, Direction, Prediction, asks, due_turn, moved_metrics
from game.i18n import tr
from game.scenario import localize

__all__ = ["router"]


def blocked(sg: SeatGame) -> str | None:
    """Why the seat may not play its quarter now: "paused", "lockstep", or None."""
    room = sg.room
    if sg.game.over or room.state == "closed":
        return None
    if room.state == "paused":
        return "paused"
    if room.lockstep and sg.game.turn > room.open_quarter:
        return "lockstep"
    return None


def status(sg: SeatGame, lang: str) -> dict[str, object]:
    """The status strip: quarter, budget, actions left, timer, the class's state."""
    game, room = sg.game, sg.room
    s = game.scenario
    word = V.turn_label(s, lang)
    return {
        "quarter": tr("web.quarter_of", lang, label=word, n=game.turn, total=s.turns),
        "turn": game.turn,
        "budget_label": label(s, s.budget, lang) if s.budget else "",
        "budget": show(s, s.budget, game.value(s.budget), lang) if s.budget else "",
        "actions": game.actions_left,
        "seconds_left": room.seconds_left() if room.state == "open" else None,
        "paused": room.state == "paused",
        "state": room.state,
        "closed": tr("web.closed", lang) if room.state == "closed" else "",
    }


def _flash(request: Request, sg: SeatGame, lang: str) -> tuple[str, str]:
    """What became of the action whose key the address carries: (tone, words)."""
    key = request.query_params.get("k")
    found = logged(classes_of(request), sg.seat.id, key[:64]) if key else None
    if found is None:
        return "", ""
    step, outcome = found
    if step is None:
        return "bad", outcome.say(lang)
    game = sg.game
    dl = game.scenario.default_language
    if step.kind in ("adopt", "cancel"):
        name = localize(game.policy(step.policy).name, lang, dl)
        key = "policy.adopted" if step.kind == "adopt" else "policy.stopped"
        return "good", tr(key, lang, name=name)
    if step.kind == "choose":
        ev = game.event(step.event)
        choice = next(ch for ch in ev.choices if ch.id == step.choice)
        said = localize(choice.label, lang, dl)
        told = localize(choice.outcome, lang, dl) if choice.outcome is not None else ""
        return "good", tr("web.chose", lang, event=localize(ev.title, lang, dl), choice=said) + (
            f" {told}" if told else ""
        )
    return "", ""


def _end_label(sg: SeatGame, lang: str) -> str:
    """ "End quarter", or "End, then wait" when the next quarter is not open yet."""
    room, game = sg.room, sg.game
    word = V.turn_label(sg.game.scenario, lang)
    if (
        room.lockstep
        and room.state == "open"
        and game.turn < game.scenario.turns
        and room.open_quarter <= game.turn
    ):
        return tr("class.end_then_wait", lang)
    return tr("web.end_quarter", lang, label=word.lower())


@router.get("/p/{code}/play")
def play(code: str, request: Request) -> Response:
    found = load_seat(request, code)
    if not isinstance(found, SeatGame):
        return found
    sg, lang = found, R.page_lang(request, found.room.language)
    classes, game = classes_of(request), found.game
    base: dict[str, Any] = {**common(classes, sg.room, lang), "status": status(sg, lang)}
    if game.over:
        return RedirectResponse(f"/p/{code}/report/{game.turns_played}", 303)
    tone, flash = _flash(request, sg, lang)
    why = blocked(sg)
    if why is not None:
        return _wait(request, sg, lang, why, base)
    pending = game.pending_events()
    if pending:
        return R.render(
            request,
            "play/event.html",
            lang,
            event=V.event_view(game, pending[0], lang),
            turn=game.turn,
            flash=flash,
            tone=tone,
            **base,
        )
    first = sg.room.predict_first
    return R.render(
        request,
        "play/turn.html",
        lang,
        metrics=[V.metric_view(game, m, lang) for m in visible(game.scenario)],
        categories=V.categories(game, lang),
        in_force=[
            localize(game.policy(p).name, lang, game.scenario.default_language)
            for p in game.active_policies()
        ],
        predict=asks(game, first),
        turn=game.turn,
        end_label=_end_label(sg, lang),
        flash=flash,
        tone=tone,
        **base,
    )


def _wait(request: Request, sg: SeatGame, lang: str, why: str, base: dict[str, Any]) -> Response:
    word = V.turn_label(sg.game.scenario, lang)
    n = sg.game.turn
    if why == "paused":
        heading, body = tr("class.paused_title", lang), tr("class.paused_body", lang)
    else:
        heading = tr("class.wait_title", lang, label=word, n=n)
        body = tr("class.wait_body", lang, label=word, n=n, unit=word.lower())
    done = sg.game.turns_played
    return R.render(
        request,
        "play/wait.html",
        lang,
        heading=heading,
        body=body,
        why=why,
        last_report=done,
        last_report_label=tr("web.report_of", lang, label=word, n=done),
        **base,
    )


@router.get("/p/{code}/predict/{policy}")
def predict(code: str, policy: str, request: Request) -> Response:
    found = load_seat(request, code)
    if not isinstance(found, SeatGame):
        return found
    sg, lang = found, R.page_lang(request, found.room.language)
    game = sg.game
    if policy not in game.compiled.policy_index or game.over or blocked(sg):
        return RedirectResponse(f"/p/{code}/play", 303)
    s = game.scenario
    by = due_turn(game, game.turn)
    word = V.turn_label(s, lang)
    name = localize(game.policy(policy).name, lang, s.default_language)
    return R.render(
        request,
        "play/predict.html",
        lang,
        policy=policy,
        ask=tr("reflect.predict_ask", lang, policy=name, turn=f"{word} {by}"),
        metrics=[(m, label(s, m, lang)) for m in moved_metrics(game, policy)],
        directions=[(d, tr(f"reflect.{d}", lang)) for d in DIRECTIONS],
        turn=game.turn,
        **common(classes_of(request), sg.room, lang),
        status=status(sg, lang),
    )


@router.post("/p/{code}/act")
async def act(code: str, request: Request) -> Response:
    fields = await R.form_fields(request)
    return await run_in_threadpool(_act, code, request, fields)


def _step(sg: SeatGame, form: dict[str, str]) -> Step | None:
    """The step a form asks for (None: not a step this game knows)."""
    kind = form.get("kind", "")
    if kind not in KINDS:
        return None
    predictions: list[Prediction] = []
    policy = form.get("policy", "")
    if kind == "adopt" and form.get("with") == "predictions":
        game = sg.game
        by = due_turn(game, game.turn)
        for metric in moved_metrics(game, policy) if policy in game.compiled.policy_index else []:
            said = form.get(f"p_{metric}", "")
            if said in DIRECTIONS:
                expect: Direction = said  # type: ignore[assignment]
                predictions.append(Prediction(game.turn, policy, metric, by, expect))
    return Step(
        kind,  # type: ignore[arg-type]
        policy[:200],
        form.get("event", "")[:200],
        form.get("choice", "")[:200],
        tuple(predictions),
    )


def _act(code: str, request: Request, form: dict[str, str]) -> Response:
    found = load_seat(request, code)
    if not isinstance(found, SeatGame):
        return found
    lang = R.page_lang(request, found.room.language)
    step, key = _step(found, form), form.get("key", "")[:64]
    try:
        at = int(form.get("turn", "0"))
    except ValueError:
        at = 0
    if step is None or not key:
        return RedirectResponse(f"/p/{code}/play", 303)
    try:
        token = R.token_of(request, code)
        outcome, sg = take(classes_of(request), code, token, (key, step, at), lang)
    except Refusal as exc:
        return refused_page(request, exc, lang, code)
    if step.kind == "end" and outcome.applied:
        return RedirectResponse(f"/p/{code}/report/{max(1, sg.game.turns_played)}", 303)
    return RedirectResponse(f"/p/{code}/play?k={key}", 303)


def _ending(game: Game, lang: str) -> tuple[str, str] | None:
    """The early ending that closed the game, if one did: (headline, text)."""
    found = next((e for e in game.scenario.endings if e.id == game.ending), None)
    if found is None:
        return None
    dl = game.scenario.default_language
    title = localize(found.title, lang, dl) if found.title is not None else ""
    return title, localize(found.text, lang, dl)


@router.get("/p/{code}/report/{turn}")
def report(code: str, turn: int, request: Request) -> Response:
    found = load_seat(request, code)
    if not isinstance(found, SeatGame):
        return found
    sg, lang = found, R.page_lang(request, found.room.language)
    game = sg.game
    if not 1 <= turn <= game.turns_played:
        return RedirectResponse(f"/p/{code}/play", 303)
    s = game.scenario
    word = V.turn_label(s, lang)
    last = game.over and turn == game.turns_played
    return R.render(
        request,
        "play/report.html",
        lang,
        heading=tr("report.title", lang, label=word, n=turn),
        metrics=[V.metric_view(game, m, lang, turn) for m in visible(s)],
        reveals=V.reveal_lines(game, sg.predictions, turn, lang),
        last=last,
        next_label=tr(
            "report.to_debrief" if last else "web.next_quarter", lang, label=word.lower()
        ),
        next_link=f"/p/{code}/debrief" if last else f"/p/{code}/play",
        score=number(game.outcome.score, 1, lang) if last and game.outcome else "",
        ending=_ending(game, lang) if last else None,
        **common(classes_of(request), sg.room, lang),
    )

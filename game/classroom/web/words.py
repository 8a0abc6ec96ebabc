"""The words of the play pages: a template reads ``t.NAME``; the catalog key is beside it.

Many are the window's own keys (the same game, the same words); the browser's own are
``web.*`` in ``assets/i18n/{id,en}.web.toml``.
"""

from __future__ import annotations

from functools import cache

from game.i18n import tr

WORDS = {
    "skip": "web.skip",
    "language": "web.language",
    "join_kicker": "web.join_kicker",
    "join_title": "class.join_title",
    "join_intro": "web.join_intro",
    "join_note": "web.join_note",
    "field_name": "class.field_name",
    "field_nip": "class.field_nip",
    "field_members": "class.field_members",
    "members_hint": "class.members_hint",
    "join_button": "class.join_button",
    "welcome_kicker": "web.welcome_kicker",
    "welcome": "class.joined_title",
    "briefing": "web.briefing",
    "actions_left": "turn.actions_left",
    "paused": "class.paused_banner",
    "time_left": "web.time_left",
    "indicators": "web.indicators",
    "tap_indicator": "web.tap_indicator",
    "band": "web.band",
    "why_title": "why.title",
    "policies": "web.policies",
    "on_this_page": "web.on_this_page",
    "categories": "web.categories",
    "cost": "card.cost",
    "upkeep": "card.upkeep",
    "delay": "card.delay",
    "moves": "card.moves",
    "adopt": "policy.adopt",
    "cancel": "policy.stop",
    "in_force": "turn.in_force",
    "none_in_force": "web.none_in_force",
    "event": "event.kicker",
    "your_decision": "event.you_chose",
    "predict_title": "reflect.predict_title",
    "predict_note": "reflect.predict_note",
    "predict_adopt": "reflect.predict_adopt",
    "predict_skip": "reflect.predict_skip",
    "back": "common.back",
    "waiting": "web.waiting",
    "check_again": "web.check_again",
    "report_kicker": "report.kicker",
    "final_score": "web.final_score",
    "reveal_title": "reflect.reveal_title",
    "right": "reflect.right",
    "wrong": "reflect.wrong",
}


@cache
def words(lang: str) -> dict[str, str]:
    """Every word of the play pages in ``lang``, by the name the templates use."""
    return {name: tr(key, lang) for name, key in WORDS.items()}

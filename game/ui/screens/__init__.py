"""The screens of the game, one per module, and the table that names them.

A screen never imports another screen: it returns ``self.go("debrief")`` (with the screen's
arguments) and the app builds the screen this table names. ``agen shots`` and the frame test
read the same table, so a new screen is one module here, one line below and its catalog
keys (docs/contributing.md, "Adding a screen").
"""

from __future__ import annotations

# name -> "module:Class" inside game.ui.screens; the class's ``name`` is the same name.
# Modules are imported when a screen is first opened, so start-up loads only the title.
SCREENS: dict[str, str] = {
    "title": "title:TitleScreen",
    "player": "player:PlayerScreen",
    "scenario": "scenario_choice:ScenarioScreen",
    "turn": "turn:TurnScreen",
    "event": "event_dialog:EventDialog",
    "policy": "policy_dialog:PolicyDialog",
    "menu": "menu:MenuOverlay",
    "briefing": "briefing:BriefingOverlay",
    "report": "turn_report:TurnReportScreen",
    "debrief": "debrief:DebriefScreen",
    "leaderboard": "leaderboard:LeaderboardScreen",
    "class_join": "class_join:ClassJoinScreen",
    "class_briefing": "class_briefing:ClassBriefingScreen",
    "class_wait": "class_wait:ClassWaitScreen",
    "predict": "prediction_prompt:PredictionPrompt",
    "reflection": "reflection:ReflectionScreen",
    "aksi": "aksi_dialog:AksiDialog",
}

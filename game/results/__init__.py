"""Results: result files, their verification by replay, the store and the facilitator's tools.

Depends on ``game.engine`` and ``game.scenario``; nothing here imports pygame.
"""

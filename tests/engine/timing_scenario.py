"""The small scenario of the turn-timing tests (delays, ramps, durations, refusals)."""

BASE = """
format = 1
id = "timing"
version = "1"
languages = ["en"]
turns = 8
actions_per_turn = 2
title = "T"
briefing = "B"
budget = "money"
seed = 7

[metrics.x]
label = "X"
start = 0
min = -1000
max = 1000

[metrics.y]
label = "Y"
start = 0
min = 0
max = 10

[metrics.money]
label = "Money"
start = 100
min = 0
max = 1000

[derived.double_x]
label = "2X"
formula = "2 * x"

[[policies]]
id = "slow"
category = "people"
name = "Slow"
cost = 10
upkeep = 1
[[policies.effects]]
metric = "x"
delta = 10
delay = 2
ramp = 2
duration = 3

[[policies]]
id = "counter"
category = "people"
name = "Counter"
[[policies.effects]]
metric = "x"
delta = "held('counter')"

[[policies]]
id = "needs_slow"
category = "people"
name = "Needs slow"
requires = ["slow"]
excludes = ["counter"]

[[policies]]
id = "later"
category = "people"
name = "Later"
available = "turn >= 3"

[[policies]]
id = "dear"
category = "people"
name = "Dear"
cost = 95

[[events]]
id = "shock"
title = "Shock"
text = "Something happens"
at = 2
[[events.choices]]
id = "pay"
label = "Pay"
cost = 50
requires = "money >= 50"
[[events.choices.effects]]
metric = "x"
delta = 100
delay = 1
[[events.choices]]
id = "ignore"
label = "Ignore"
[[events.choices.effects]]
metric = "x"
delta = -1
duration = 2

[scoring]
formula = "x"
[[scoring.goals]]
id = "big"
label = "Big"
condition = "x >= 10"
bonus = 5
[[scoring.grades]]
name = "Good"
min = 10
[[scoring.grades]]
name = "Poor"
min = -1e9
"""

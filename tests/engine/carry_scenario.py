"""The small scenario of the carry-over tests: arrears and effects outliving a cancellation."""

CARRY = """
format = 1
id = "carry"
version = "1"
languages = ["en"]
turns = 6
actions_per_turn = 2
title = "T"
briefing = "B"
budget = "money"

[metrics.money]
label = "Money"
start = 10
min = 0
max = 1000

[metrics.morale]
label = "Morale"
start = 50
min = 0
max = 100

[metrics.x]
label = "X"
start = 0
min = -100
max = 100

[[rules]]
id = "income"
metric = "money"
delta = 5

[[rules]]
id = "unpaid_allowances"
label = "Unpaid allowances"
metric = "morale"
delta = "-2 * arrears_turns if arrears > 0 else 0"

[[policies]]
id = "prog"
category = "people"
name = "Programme"
upkeep = 20
[[policies.effects]]
metric = "x"
delta = 10
[[policies.effects]]
metric = "morale"
delta = -1

[[policies]]
id = "pulse"
category = "communication"
name = "Pulse"
[[policies.effects]]
metric = "x"
delta = 4
duration = 1
[[policies.effects]]
metric = "x"
delta = -3
delay = 2
outlives_cancel = true

[[policies]]
id = "habit"
category = "output_targets"
name = "Habit"
[[policies.effects]]
metric = "morale"
delta = -1
delay = 1
duration = 3
outlives_cancel = true

[[policies]]
id = "grant"
category = "partnerships"
name = "Grant"
cost = 0
[[policies.effects]]
metric = "money"
delta = 30

[[policies]]
id = "kit"
category = "digital_services"
name = "Kit"
cost = 5

[scoring]
formula = "x + morale"
"""

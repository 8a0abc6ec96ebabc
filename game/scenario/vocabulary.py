"""The format's fixed vocabularies (categories, ASN values, principles), each written once
as a type and the tuple read from it.

A module of its own, with no pydantic, so the title screen can draw the categories without
loading the scenario models (start-up time; see docs/contributing.md).
"""

from __future__ import annotations

from typing import Literal, get_args

# The fixed vocabularies: each written once, as the type; the tuple is read from it.
Category = Literal[
    "flexible_work",
    "output_targets",
    "digital_services",
    "partnerships",
    "integrity",
    "people",
    "service_process",
    "communication",
]
Value = Literal[
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
]
CATEGORIES: tuple[str, ...] = get_args(Category)
VALUES: tuple[str, ...] = get_args(Value)

Principle = Literal[
    "freedom",
    "output_measure",
    "consequence",
    "tech_literacy",
    "collaboration",
    "citizen_innovation",
]
PRINCIPLES: tuple[str, ...] = get_args(Principle)

# what a metric stands for on the "Netflix culture" page (a trainer's own ids get the page too)
Role = Literal["quality", "trust", "integrity", "staff"]
ROLES: tuple[str, ...] = get_args(Role)

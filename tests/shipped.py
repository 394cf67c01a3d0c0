"""The handbook's own drills: the one list of drills whose content the tests check.

A club's drills are held to the drill format alone, never to the handbook's
editorial choices (its wording, figures, sources, how its names rank in search).
Tests about those choices check only the drills named here, so that a club can add
drills and still run ``make test``. A club that removes one of these drills from
``drills/`` removes it here too.
"""

DRILLS = (
    "a-skip", "ankling", "b-skip", "bounding", "butt-kickers", "carioca", "fast-leg", "high-knees",
    "lateral-shuffle", "leg-swings", "pogo-jumps", "power-skip", "straight-leg-bounds", "strides", "walking-lunge",
)

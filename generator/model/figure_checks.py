"""Checks of what a figure draws, from its computed points: the ground-contact errors of
the format ("Ground contact in a keyframe") and the advisories that catch a drawing
a coach would question (arms that never swing against the legs, a mistake's figure
that hardly differs from its variant's).

Errors are ``(location, message)`` pairs like the other rules; advisories are
``(location, message)`` pairs that ``advisories`` turns into notes.
"""

from __future__ import annotations

import math

from ..figure import kinematics as k
from .drill import Drill, Figure

BELOW = 0.005          # metres a point may sink below the ground (rounding, a rolled toe)
BOTH_UP = 0.02         # metres the second foot of ``both`` may stand above the ground
CLOSE_ANGLE = 15.0     # degrees: a mistake's figure differs when one angle differs this much...
CLOSE_POINT = 0.08     # ...or one point this far, at some time of the cycle
CLOSE_TIMES = tuple(n / 20 for n in range(20))   # 0, 0.05, ..., 0.95
SWING = 10.0           # degrees apart, the arms and the legs, to count as swinging


def _cm(metres: float) -> str:
    return f"{max(1, round(metres * 100))} cm"


def _parts(pose: k.Pose, contact: str | None):
    """Each part that could reach the ground, by name, with its height; without the
    contact foot itself."""
    yield "the hips", pose.hip[1]
    yield "the shoulders", pose.shoulder[1]
    yield "the head", pose.head[1] - pose.head_radius
    for name in ("near", "far"):
        side = getattr(pose, name)
        yield f"the {name} knee", side.knee[1]
        yield f"the {name} elbow", side.elbow[1]
        yield f"the {name} hand", side.hand[1]
        if contact not in (name, "both"):
            yield f"the {name} foot", k.foot_low(side)


def contact_rules(figure: Figure, loc: tuple):
    """The format's ground-contact errors, each at its keyframe (or its ``lift``)."""
    for i, frame in enumerate(figure.keyframes):
        at = loc + ("keyframes", i)
        if frame.contact is None:
            continue
        if frame.contact == "none":
            if frame.lift <= 0:
                yield at + ("contact",), "none (flight) needs lift above 0: how high, in metres, the lowest point is off the ground"
            continue
        if frame.lift > 0:
            yield at + ("lift",), f"must be 0 or left out: contact {frame.contact} puts a foot on the ground; for flight write contact: none"
            continue
        pose = k.body(frame)
        ground = k.base(pose, frame.contact)
        if frame.contact == "both":
            up = max(k.foot_low(pose.near), k.foot_low(pose.far)) - ground
            if up > BOTH_UP:
                higher = "near" if k.foot_low(pose.near) > k.foot_low(pose.far) else "far"
                yield at, (f"contact both, but the {higher} foot would be {_cm(up)} above the ground "
                           f"(at most {_cm(BOTH_UP)}); lower it, or write contact: {'far' if higher == 'near' else 'near'}")
                continue
        name, lowest = min(_parts(pose, frame.contact), key=lambda part: part[1])
        if ground - lowest > BELOW:
            yield at, (f"{name} would be {_cm(ground - lowest)} below the ground with the {frame.contact} "
                       f"foot on it; change the pose, or say which foot is on the ground")


def _swings_against(figure: Figure) -> bool:
    """Whether at some keyframe an arm is ahead while the leg of its side is behind."""
    for f in figure.keyframes:
        legs = f.near.hip - f.far.hip
        arms = f.near.shoulder - f.far.shoulder
        if abs(legs) >= SWING and abs(arms) >= SWING and legs * arms < 0:
            return True
    return False


def _alternates(figure: Figure) -> bool:
    """A cycle that moves forward on alternating legs with the arms apart at some time:
    what arms swing against (arms that move together, overhead or in a jump, do not)."""
    frames = figure.keyframes
    return (figure.travel > 0 and any(abs(f.near.hip - f.far.hip) >= 3 * SWING for f in frames)
            and any(abs(f.near.shoulder - f.far.shoulder) >= SWING for f in frames))


def _angles(frame) -> list[float]:
    return [frame.trunk, *frame.near, *frame.far]


def _points(frame) -> list[tuple[float, float]]:
    pose = k.body(frame)
    dy = frame.lift - k.base(pose, frame.contact)
    head = (pose.head[0], pose.head[1] + dy)
    return [head, *((x, y + dy) for x, y in pose.points())]


def too_close(correct: Figure, faulty: Figure) -> bool:
    """Whether ``faulty`` hardly differs from ``correct``: at every time 0, 0.05, ... 0.95
    of the cycle (the poses between keyframes as the animation moves them), no angle
    differs by ``CLOSE_ANGLE`` or more and no point (the hips over one spot, as the
    comparison draws them) by ``CLOSE_POINT`` or more."""
    for t in CLOSE_TIMES:   # the angles first, a time at a time: most faulty figures differ there at once
        a, b = k.frame_at(correct, t), k.frame_at(faulty, t)
        if any(abs(x - y) >= CLOSE_ANGLE for x, y in zip(_angles(a), _angles(b))):
            return False
    pairs = list(zip(k.frames_at(correct, CLOSE_TIMES), k.frames_at(faulty, CLOSE_TIMES)))
    for a, b in pairs:
        if any(math.dist(p, q) >= CLOSE_POINT for p, q in zip(_points(a), _points(b))):
            return False
    return True


def advisory_rules(drill: Drill):
    """Advisories about a drill's figures: (location, message) pairs."""
    for i, variant in enumerate(drill.variants):
        if _alternates(variant.figure) and not _swings_against(variant.figure):
            yield (("variants", i, "figure"),
                   "no keyframe swings an arm forward while the leg of its side is back; runners and skippers swing each arm with the opposite leg")
    for j, mistake in enumerate(drill.mistakes):
        if mistake.figure is None:
            continue
        for variant in drill.variants:
            if mistake.id in variant.mistakes and too_close(variant.figure, mistake.figure):
                message = (f"hardly differs from the figure of the variant '{variant.id}': no angle differs by "
                           f"{CLOSE_ANGLE:.0f}° and no point by {_cm(CLOSE_POINT)} at any time; make the fault plain to see")
                yield ("mistakes", j, "figure"), message
                break

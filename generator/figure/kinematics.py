"""Forward kinematics of the side-view figure: joint angles in, joint positions out.

Pure functions over the model's keyframes. Coordinates are metres, x forward
(to the right), y up, the ground at y = 0. Segment lengths are fixed fractions of
body height from the anthropometric table in D. A. Winter, *Biomechanics and
Motor Control of Human Movement* (4th ed., 2009), fig. 4.1, so every figure in
the handbook has one body.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from ..model import Figure, Keyframe, Limb

HEIGHT = 1.75
TRUNK = 0.288 * HEIGHT       # hip joint (0.530 H) to shoulder (0.818 H)
NECK = 0.052 * HEIGHT        # shoulder to chin (0.870 H)
HEAD = 0.130 * HEIGHT        # chin to crown
THIGH = 0.245 * HEIGHT
SHANK = 0.246 * HEIGHT
ANKLE_HEIGHT = 0.039 * HEIGHT
FOOT = 0.152 * HEIGHT
HEEL_SHARE = 0.25            # share of the foot behind the point under the ankle
UPPER_ARM = 0.186 * HEIGHT
FOREARM = 0.146 * HEIGHT     # elbow to wrist
HAND = 0.108 * HEIGHT / 2    # wrist to the middle of the hand

Point = tuple[float, float]


_MEMOS: list[dict] = []


def remembered(function):
    """Remember a figure function's result by the identity of its arguments.

    One figure is drawn on its variant page, its card, the mistakes page and in every
    comparison; the models are immutable, so each result is computed once per build.
    Each entry keeps its arguments alive, so an id is never reused while it is
    remembered; ``forget`` empties every memo when a build is done."""
    memo: dict[tuple, tuple[tuple, object]] = {}
    _MEMOS.append(memo)

    @functools.wraps(function)
    def wrapper(*args):
        key = tuple(id(a) for a in args)
        kept = memo.get(key)
        if kept is not None and all(a is b for a, b in zip(kept[0], args)):
            return kept[1]
        result = function(*args)
        memo[key] = (args, result)
        return result

    return wrapper


def forget() -> None:
    """Drop every remembered result (the figures of a finished build)."""
    for memo in _MEMOS:
        memo.clear()


def direction(angle: float) -> Point:
    """Unit vector at ``angle`` degrees from the downward vertical, + turning forward."""
    rad = math.radians(angle)
    return (math.sin(rad), -math.cos(rad))


def _step(origin: Point, angle: float, length: float) -> Point:
    dx, dy = direction(angle)
    return (origin[0] + dx * length, origin[1] + dy * length)


@dataclass(frozen=True)
class Side:
    """Joint positions of one leg and arm."""

    knee: Point
    ankle: Point
    heel: Point
    toe: Point
    elbow: Point
    hand: Point


@dataclass(frozen=True)
class Pose:
    """Joint positions of the whole body, standing on the ground line."""

    hip: Point
    shoulder: Point
    neck: Point
    head: Point          # centre of the head
    head_radius: float
    near: Side
    far: Side

    def points(self) -> list[Point]:
        sides = [p for s in (self.near, self.far) for p in (s.knee, s.ankle, s.heel, s.toe, s.elbow, s.hand)]
        return [self.hip, self.shoulder, self.neck, *sides]

    def lowest(self) -> float:
        return min(min(y for _, y in self.points()), self.head[1] - self.head_radius)

    def moved(self, dx: float, dy: float) -> "Pose":
        def m(p: Point) -> Point:
            return (p[0] + dx, p[1] + dy)

        def ms(s: Side) -> Side:
            return Side(*(m(p) for p in (s.knee, s.ankle, s.heel, s.toe, s.elbow, s.hand)))

        return Pose(m(self.hip), m(self.shoulder), m(self.neck), m(self.head), self.head_radius, ms(self.near), ms(self.far))


def _side(hip: Point, shoulder: Point, trunk: float, limb: Limb) -> Side:
    thigh = limb.hip - trunk
    shank = thigh - limb.knee
    knee = _step(hip, thigh, THIGH)
    ankle = _step(knee, shank, SHANK)
    foot = shank + 90 + limb.ankle
    # The foot turns about the ankle joint: the sole lies ANKLE_HEIGHT below it, square
    # to the foot (along the shank only at ankle 0).
    sole = _step(ankle, foot - 90, ANKLE_HEIGHT)
    heel = _step(sole, foot, -FOOT * HEEL_SHARE)
    toe = _step(sole, foot, FOOT * (1 - HEEL_SHARE))
    upper_arm = limb.shoulder - trunk
    elbow = _step(shoulder, upper_arm, UPPER_ARM)
    wrist = _step(elbow, upper_arm + limb.elbow, FOREARM)
    hand = _step(wrist, upper_arm + limb.elbow, HAND)
    return Side(knee, ankle, heel, toe, elbow, hand)


def body(frame: Keyframe) -> Pose:
    """The pose with the hip at the origin (before it is placed on the ground)."""
    hip = (0.0, 0.0)
    up = 180 - frame.trunk  # the trunk points up from the hip, leaning forward when +
    shoulder = _step(hip, up, TRUNK)
    neck = _step(shoulder, up, NECK)
    radius = HEAD / 2
    head = _step(neck, up, radius)
    return Pose(hip, shoulder, neck, head, radius, _side(hip, shoulder, frame.trunk, frame.near), _side(hip, shoulder, frame.trunk, frame.far))


def place(frame: Keyframe, at: float, travel: float) -> Pose:
    """The pose as the format places it: lowest point ``lift`` above the ground,
    forward by ``at × travel``."""
    pose = body(frame)
    return pose.moved(at * travel, frame.lift - pose.lowest())


@remembered
def poses(figure: Figure) -> list[Pose]:
    """Every keyframe of the cycle, placed."""
    return [place(k, t, figure.travel) for k, t in zip(figure.keyframes, figure.times())]


JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow")


def _mix(a: float, b: float, w: float) -> float:
    return a + (b - a) * w


@dataclass(frozen=True, slots=True)
class Angles:
    """A limb's angles between two keyframes (what ``_side`` reads of a ``Limb``)."""

    hip: float
    knee: float
    ankle: float
    shoulder: float
    elbow: float


@dataclass(frozen=True, slots=True)
class Frame:
    """A pose between two keyframes (what ``body`` and ``place`` read of a ``Keyframe``)."""

    label: str
    at: float
    lift: float
    trunk: float
    near: Angles
    far: Angles


def _mix_limb(a: Limb, b: Limb, w: float) -> Angles:
    return Angles(*(_mix(getattr(a, j), getattr(b, j), w) for j in JOINTS))


@remembered
def _times(figure: Figure) -> list[float]:
    return figure.times()


def frame_at(figure: Figure, t: float) -> Frame:
    """The pose at time ``t`` of the cycle (0 <= t < 1): every angle and the lift move
    linearly from one keyframe to the next, and from the last back to the first, as the
    animation moves them."""
    frames, times = figure.keyframes, _times(figure)
    t %= 1.0
    i = max(j for j, start in enumerate(times) if start <= t)
    a, b = frames[i], frames[(i + 1) % len(frames)]
    end = times[i + 1] if i + 1 < len(times) else 1.0
    w = (t - times[i]) / (end - times[i])
    return Frame(a.label, t, _mix(a.lift, b.lift, w), _mix(a.trunk, b.trunk, w),
                 _mix_limb(a.near, b.near, w), _mix_limb(a.far, b.far, w))


@remembered
def heel_path(figure: Figure, samples: int = 36) -> tuple[Point, ...]:
    """The near heel over one cycle, ``samples`` points evenly spaced in time, with x
    measured from the hip (so forward travel does not stretch it) and y above the ground."""
    out = []
    for n in range(samples):
        pose = place(frame_at(figure, n / samples), 0, 0)
        out.append((pose.near.heel[0] - pose.hip[0], pose.near.heel[1]))
    return tuple(out)

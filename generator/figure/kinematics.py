"""Forward kinematics of the side-view figure: joint angles in, joint positions out.

Pure functions over the model's keyframes (``draw.Figures`` remembers their results
for one build). Coordinates are metres, x forward (to the right), y up, the ground
at y = 0. Segment lengths are fixed fractions of body height from the
anthropometric table in D. A. Winter, *Biomechanics and Motor Control of Human
Movement* (4th ed., 2009), fig. 4.1, so every figure in the handbook has one body.
"""

from __future__ import annotations

import bisect
import math
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:   # the model's checks use this geometry, so the model is not imported at run time
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


def direction(angle: float) -> Point:
    """Unit vector at ``angle`` degrees from the downward vertical, + turning forward."""
    rad = math.radians(angle)
    return (math.sin(rad), -math.cos(rad))


class Side(NamedTuple):
    """Joint positions of one leg and arm, with the hip and shoulder joints they hang from
    (in a side view, the pelvis and the top of the trunk)."""

    knee: Point
    ankle: Point
    heel: Point
    toe: Point
    elbow: Point
    hand: Point
    hip: Point
    shoulder: Point


class Pose(NamedTuple):
    """Joint positions of the whole body, standing on the ground line.

    Named tuples, not dataclasses: a build makes hundreds of thousands of poses
    (every heel path samples its cycle), and a tuple is the cheapest to make."""

    hip: Point
    shoulder: Point
    neck: Point
    head: Point          # centre of the head
    head_radius: float
    near: Side
    far: Side
    order: tuple[str, ...] = ("far", "trunk", "near")   # drawn first to last: the nearest last

    def points(self) -> list[Point]:
        return [self.hip, self.shoulder, self.neck, *self.near, *self.far]

    def lowest(self) -> float:
        n, f = self.near, self.far
        return min(self.hip[1], self.shoulder[1], self.neck[1], self.head[1] - self.head_radius,
                   n[0][1], n[1][1], n[2][1], n[3][1], n[4][1], n[5][1], f[0][1], f[1][1], f[2][1], f[3][1], f[4][1], f[5][1])

    def moved(self, dx: float, dy: float) -> Pose:
        def ms(s: Side) -> Side:
            return Side(*((x + dx, y + dy) for x, y in s))

        (hx, hy), (sx, sy), (nx, ny), (cx, cy) = self.hip, self.shoulder, self.neck, self.head
        return Pose((hx + dx, hy + dy), (sx + dx, sy + dy), (nx + dx, ny + dy), (cx + dx, cy + dy), self.head_radius,
                    ms(self.near), ms(self.far), self.order)


_HEEL = FOOT * HEEL_SHARE
_TOE = FOOT * (1 - HEEL_SHARE)
_HAND = FOREARM + HAND


def _side(hip: Point, shoulder: Point, trunk: float, limb: Limb | Angles) -> Side:
    """One leg and arm, each segment turned by its joint from the one above it."""
    sin, cos = math.sin, math.cos
    thigh = math.radians(limb.hip - trunk)
    kx, ky = hip[0] + sin(thigh) * THIGH, hip[1] - cos(thigh) * THIGH
    shank = math.radians(limb.hip - trunk - limb.knee)
    ax, ay = kx + sin(shank) * SHANK, ky - cos(shank) * SHANK
    # The foot turns about the ankle joint: the sole lies ANKLE_HEIGHT below it, square
    # to the foot (along the shank only at ankle 0); the heel and toes lie along the sole.
    foot = math.radians(limb.hip - trunk - limb.knee + 90 + limb.ankle)
    fx, fy = sin(foot), -cos(foot)
    sx, sy = ax + fy * ANKLE_HEIGHT, ay - fx * ANKLE_HEIGHT
    upper_arm = math.radians(limb.shoulder - trunk)
    ex, ey = shoulder[0] + sin(upper_arm) * UPPER_ARM, shoulder[1] - cos(upper_arm) * UPPER_ARM
    forearm = math.radians(limb.shoulder - trunk + limb.elbow)
    return Side((kx, ky), (ax, ay), (sx - fx * _HEEL, sy - fy * _HEEL), (sx + fx * _TOE, sy + fy * _TOE),
                (ex, ey), (ex + sin(forearm) * _HAND, ey - cos(forearm) * _HAND), hip, shoulder)


def in_plane(frame: Keyframe | Frame) -> bool:
    """Whether every joint of the pose turns in the picture plane of a side view."""
    n, f = frame.near, frame.far
    return not (frame.trunk_side or frame.pelvis_turn or frame.shoulder_turn
                or n.hip_out or n.hip_turn or n.shoulder_out or f.hip_out or f.hip_turn or f.shoulder_out)


def body(frame: Keyframe | Frame, view: str = "side") -> Pose:
    """The pose as seen in ``view``, with the pelvis at the origin (before it is placed
    on the ground). ``frame`` is a ``Keyframe`` or a ``Frame`` between two.

    A side-view pose in the picture plane is drawn directly; any other is posed in 3D
    (``body.pose3``) and projected (``view.project``)."""
    if view != "side" or not in_plane(frame):
        from .view import projected  # the 3D body builds on this module's chains
        return projected(frame, view)
    return plane(frame)


def plane(frame: Keyframe | Frame) -> Pose:
    """The side view of the pose's flexion angles alone (every joint turning in the
    picture plane), the pelvis at the origin."""
    ux, uy = direction(180 - frame.trunk)  # the trunk points up from the hip, leaning forward when +
    hip = (0.0, 0.0)
    shoulder = (ux * TRUNK, uy * TRUNK)
    neck = (ux * (TRUNK + NECK), uy * (TRUNK + NECK))
    radius = HEAD / 2
    head = (ux * (TRUNK + NECK + radius), uy * (TRUNK + NECK + radius))
    return Pose(hip, shoulder, neck, head, radius, _side(hip, shoulder, frame.trunk, frame.near), _side(hip, shoulder, frame.trunk, frame.far))


def foot_low(side: Side) -> float:
    """The height of a foot's lowest point (heel or toes)."""
    return min(side.heel[1], side.toe[1])


def base(pose: Pose, contact: str | None) -> float:
    """The height that the format puts on the ground line (or ``lift`` below it):
    the lowest point of the foot in contact, the lower foot for ``both``, else the
    lowest point of the body."""
    if contact == "near":
        return foot_low(pose.near)
    if contact == "far":
        return foot_low(pose.far)
    if contact == "both":
        return min(foot_low(pose.near), foot_low(pose.far))
    return pose.lowest()


def place(frame: Keyframe | Frame, at: float, travel: float, view: str = "side") -> Pose:
    """The pose as the format places it: its contact foot on the ground (or its lowest
    point ``lift`` above it), forward by ``at × travel``."""
    pose = body(frame, view)
    return pose.moved(at * travel, frame.lift - base(pose, frame.contact))


def poses(figure: Figure) -> list[Pose]:
    """Every keyframe of the cycle, placed."""
    return [place(k, t, figure.travel, figure.view) for k, t in zip(figure.keyframes, figure.times())]


JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow")


class Angles(NamedTuple):
    """A limb's angles between two keyframes (what ``_side`` reads of a ``Limb``)."""

    hip: float
    knee: float
    ankle: float
    shoulder: float
    elbow: float
    hip_out: float = 0.0
    hip_turn: float = 0.0
    shoulder_out: float = 0.0


class Frame(NamedTuple):
    """A pose between two keyframes (what ``body`` and ``place`` read of a ``Keyframe``)."""

    label: str
    at: float
    lift: float
    trunk: float
    near: Angles
    far: Angles
    contact: str | None = None
    trunk_side: float = 0.0
    pelvis_turn: float = 0.0
    shoulder_turn: float = 0.0


def _mix_flat(a: Limb, b: Limb, w: float) -> Angles:
    return Angles(a.hip + (b.hip - a.hip) * w, a.knee + (b.knee - a.knee) * w, a.ankle + (b.ankle - a.ankle) * w,
                  a.shoulder + (b.shoulder - a.shoulder) * w, a.elbow + (b.elbow - a.elbow) * w)


def _mix_limb(a: Limb, b: Limb, w: float) -> Angles:
    return Angles(a.hip + (b.hip - a.hip) * w, a.knee + (b.knee - a.knee) * w, a.ankle + (b.ankle - a.ankle) * w,
                  a.shoulder + (b.shoulder - a.shoulder) * w, a.elbow + (b.elbow - a.elbow) * w,
                  a.hip_out + (b.hip_out - a.hip_out) * w, a.hip_turn + (b.hip_turn - a.hip_turn) * w,
                  a.shoulder_out + (b.shoulder_out - a.shoulder_out) * w)


def frames_at(figure: Figure, ts) -> list[Frame]:
    """The poses at times ``ts`` of the cycle (each 0 <= t < 1): every angle and the lift
    move linearly from one keyframe to the next, and from the last back to the first, as
    the animation moves them. Between two keyframes with one contact the pose stands on
    that contact; between two contacts, on its lowest point."""
    frames, times = figure.keyframes, figure.times()
    ends = [*times[1:], 1.0]
    flat = [in_plane(f) for f in frames]
    out = []
    for t in ts:
        t %= 1.0
        i = bisect.bisect_right(times, t) - 1
        j = (i + 1) % len(frames)
        a, b = frames[i], frames[j]
        w = (t - times[i]) / (ends[i] - times[i])
        contact = a.contact if w == 0 or a.contact == b.contact else None
        lift, trunk = a.lift + (b.lift - a.lift) * w, a.trunk + (b.trunk - a.trunk) * w
        if flat[i] and flat[j]:   # in the picture plane: the turns out of it stay 0
            out.append(Frame(a.label, t, lift, trunk, _mix_flat(a.near, b.near, w), _mix_flat(a.far, b.far, w), contact))
            continue
        out.append(Frame(a.label, t, lift, trunk, _mix_limb(a.near, b.near, w), _mix_limb(a.far, b.far, w), contact,
                         a.trunk_side + (b.trunk_side - a.trunk_side) * w, a.pelvis_turn + (b.pelvis_turn - a.pelvis_turn) * w,
                         a.shoulder_turn + (b.shoulder_turn - a.shoulder_turn) * w))
    return out


def frame_at(figure: Figure, t: float) -> Frame:
    """The pose at time ``t`` of the cycle (see ``frames_at``)."""
    return frames_at(figure, [t])[0]


def heel_path(figure: Figure, samples: int = 36) -> tuple[Point, ...]:
    """The near heel over one cycle, ``samples`` points evenly spaced in time, with x
    measured from the hip (so forward travel does not stretch it) and y above the ground."""
    out = []
    for frame in frames_at(figure, [n / samples for n in range(samples)]):
        pose = body(frame, figure.view)   # the hip at the origin; ``place`` would raise every point by lift - base
        x, y = pose.near.heel
        out.append((x, y + frame.lift - base(pose, frame.contact)))
    return tuple(out)

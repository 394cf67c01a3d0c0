"""The figure's body in three dimensions: a pose as 3D points, and every keyframe as named
points in metres.

Each limb keeps the chain of the side-view figure (``kinematics``: flexion angles in
its own plane), and the optional angles out of that plane turn the chains as rigid
bodies: a thigh out to its side about the hip, an arm out to its side about the
shoulder, the trunk leaning sideways, the pelvis and the shoulders turning about the
vertical. With every such angle 0 the points are those of the side view, z apart.

This is what the open data publishes, so its shape stays stable: one mapping per
keyframe, placed on the ground and forward along the cycle exactly as the
animation draws it. x is the direction of travel (0 at the pelvis of the first
keyframe), y is up (the ground at 0), z runs across, positive towards the viewer
of a side view, so the near side of a side view is at +z.

The hips and shoulders stand half the body's hip and shoulder width either side of
the pelvis and the top of the trunk. The widths come from the same table as the
segment lengths (``kinematics``): D. A. Winter, *Biomechanics and Motor Control of
Human Movement* (4th ed., 2009), fig. 4.1, where the width across the hips is
0.191 H and across the shoulders 0.259 H.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from . import kinematics as k

if TYPE_CHECKING:
    from ..model import Figure, Keyframe

HIP_WIDTH = 0.191 * k.HEIGHT
SHOULDER_WIDTH = 0.259 * k.HEIGHT

Point3 = tuple[float, float, float]
SIDES = ("near", "far")
LEG = ("knee", "ankle", "heel", "toe")
ARM = ("elbow", "hand")
NAMES = ("head", "neck", "pelvis", *(f"{side}.{part}" for side in SIDES for part in ("hip", *LEG, "shoulder", *ARM)))


class Pose3(NamedTuple):
    """A pose in 3D: the pelvis (``hip``), the top of the trunk, the neck, the head's centre
    and each side's joints (``kinematics.Side`` with 3D points), the pelvis at the origin."""

    hip: Point3
    shoulder: Point3
    neck: Point3
    head: Point3
    head_radius: float
    near: k.Side
    far: k.Side

    def mapped(self, f) -> Pose3:
        """Every point through ``f``."""
        return Pose3(f(self.hip), f(self.shoulder), f(self.neck), f(self.head), self.head_radius,
                     k.Side(*map(f, self.near)), k.Side(*map(f, self.far)))


def _turn_x(p, cos: float, sin: float) -> Point3:
    """``p`` turned about the forward axis (towards +z when the angle is positive, for a point above)."""
    x, y, z = p if len(p) == 3 else (*p, 0.0)
    return (x, y * cos - z * sin, y * sin + z * cos)


def _turn_y(p: Point3, cos: float, sin: float) -> Point3:
    """``p`` turned about the vertical: a positive angle brings +z forward."""
    x, y, z = p
    return (x * cos + z * sin, y, -x * sin + z * cos)


def _about(p, axis, origin, cos: float, sin: float) -> Point3:
    """``p`` turned about the line through ``origin`` along the unit vector ``axis`` (Rodrigues)."""
    v = (p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]) if len(p) == 3 else (p[0] - origin[0], p[1] - origin[1], -origin[2])
    kx, ky, kz = axis
    dot = kx * v[0] + ky * v[1] + kz * v[2]
    cross = (ky * v[2] - kz * v[1], kz * v[0] - kx * v[2], kx * v[1] - ky * v[0])
    return tuple(origin[i] + v[i] * cos + cross[i] * sin + axis[i] * dot * (1 - cos) for i in range(3))


def _trig(degrees: float) -> tuple[float, float]:
    rad = math.radians(degrees)
    return math.cos(rad), math.sin(rad)


def _add(a: Point3, b: Point3) -> Point3:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def pose3(frame: Keyframe | k.Frame) -> Pose3:
    """The pose in 3D, facing +x as in a side view, the pelvis at the origin."""
    lean = _trig(frame.trunk_side)
    pelvis = _trig(frame.pelvis_turn)
    shoulders = _trig(frame.shoulder_turn)
    flat = k.plane(frame)

    def up(p) -> Point3:            # a point of the trunk, leaning sideways
        return _turn_x(p, *lean)

    centre = up(flat.shoulder)
    sides = []
    for name, sign in (("near", 1.0), ("far", -1.0)):
        limb, chain = getattr(frame, name), getattr(flat, name)
        thigh = _trig(-sign * limb.hip_out)
        arm = _trig(-sign * limb.shoulder_out)
        hip = _turn_y((0.0, 0.0, sign * HIP_WIDTH / 2), *pelvis)
        joint = _add(centre, _turn_y(up((0.0, 0.0, sign * SHOULDER_WIDTH / 2)), *shoulders))

        knee = (chain.knee[0], chain.knee[1], 0.0)
        along = (knee[0] / k.THIGH, knee[1] / k.THIGH, 0.0)
        roll = _trig(sign * limb.hip_turn)

        def leg(p, hip=hip, thigh=thigh, knee=knee, along=along, roll=roll, below=True) -> Point3:
            if roll[1] and below:   # below the knee: turned with the thigh about its length
                p = _about(p, along, knee, *roll)
            return _add(hip, _turn_y(_turn_x(p, *thigh), *pelvis))

        def hand(p, joint=joint, arm=arm) -> Point3:
            x, y = p[0] - flat.shoulder[0], p[1] - flat.shoulder[1]
            return _add(joint, _turn_y(up(_turn_x((x, y), *arm)), *shoulders))

        sides.append(k.Side(leg(chain.knee, below=False), leg(chain.ankle), leg(chain.heel), leg(chain.toe),
                            hand(chain.elbow), hand(chain.hand), hip, joint))
    return Pose3((0.0, 0.0, 0.0), centre, up(flat.neck), up(flat.head), flat.head_radius, *sides)


def named(pose: Pose3) -> dict[str, Point3]:
    """One placed 3D pose by name."""
    out: dict[str, Point3] = {"head": pose.head, "neck": pose.neck, "pelvis": pose.hip}
    for side in SIDES:
        limbs = getattr(pose, side)
        for part in ("hip", *LEG, "shoulder", *ARM):
            out[f"{side}.{part}"] = getattr(limbs, part)
    return out


def _side_by_side(pose: k.Pose) -> Pose3:
    """A placed side-view pose in the picture plane as 3D points: each side's hip and
    shoulder (and the limbs below them) half the body's widths either side."""
    def side(limbs: k.Side, sign: float) -> k.Side:
        hip, shoulder = sign * HIP_WIDTH / 2, sign * SHOULDER_WIDTH / 2
        return k.Side(*((x, y, hip) for x, y in limbs[:4]), *((x, y, shoulder) for x, y in limbs[4:6]),
                      (*limbs.hip, hip), (*limbs.shoulder, shoulder))
    return Pose3((*pose.hip, 0.0), (*pose.shoulder, 0.0), (*pose.neck, 0.0), (*pose.head, 0.0), pose.head_radius,
                 side(pose.near, 1.0), side(pose.far, -1.0))


def named_points(figure: Figure) -> list[dict[str, Point3]]:
    """Every keyframe of ``figure`` as named 3D points in metres, placed as drawn:
    keys ``head``, ``neck``, ``pelvis`` and, for ``near`` and ``far``, ``hip``, ``knee``,
    ``ankle``, ``heel``, ``toe``, ``shoulder``, ``elbow``, ``hand`` (``near.knee``...)."""
    from .view import turned  # the view module projects these poses

    out = []
    for frame, at in zip(figure.keyframes, figure.times()):
        placed = k.place(frame, at, figure.travel, figure.view)
        if figure.view == "side" and k.in_plane(frame):   # the common case, without the 3D turns
            out.append(named(_side_by_side(placed)))
            continue
        shown = turned(pose3(frame), figure.view)
        dx, dy = placed.hip[0] - shown.hip[0], placed.hip[1] - shown.hip[1]
        out.append(named(shown.mapped(lambda p, dx=dx, dy=dy: (p[0] + dx, p[1] + dy, p[2]))))
    return out

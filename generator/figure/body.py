"""The figure's body in three dimensions: every keyframe as named points, in metres.

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

from ..model import Figure
from . import kinematics as k

HIP_WIDTH = 0.191 * k.HEIGHT
SHOULDER_WIDTH = 0.259 * k.HEIGHT

Point3 = tuple[float, float, float]
SIDES = ("near", "far")
LEG = ("knee", "ankle", "heel", "toe")
ARM = ("elbow", "hand")
NAMES = ("head", "neck", "pelvis", *(f"{side}.{part}" for side in SIDES for part in ("hip", *LEG, "shoulder", *ARM)))


def named(pose: k.Pose) -> dict[str, Point3]:
    """One placed pose as named 3D points."""
    out: dict[str, Point3] = {
        "head": (*pose.head, 0.0),
        "neck": (*pose.neck, 0.0),
        "pelvis": (*pose.hip, 0.0),
    }
    for side, sign in (("near", 1.0), ("far", -1.0)):
        limbs = getattr(pose, side)
        hip_z, shoulder_z = sign * HIP_WIDTH / 2, sign * SHOULDER_WIDTH / 2
        out[f"{side}.hip"] = (*pose.hip, hip_z)
        for part in LEG:
            out[f"{side}.{part}"] = (*getattr(limbs, part), hip_z)
        out[f"{side}.shoulder"] = (*pose.shoulder, shoulder_z)
        for part in ARM:
            out[f"{side}.{part}"] = (*getattr(limbs, part), shoulder_z)
    return out


def named_points(figure: Figure) -> list[dict[str, Point3]]:
    """Every keyframe of ``figure`` as named 3D points in metres, placed as drawn:
    keys ``head``, ``neck``, ``pelvis`` and, for ``near`` and ``far``, ``hip``, ``knee``,
    ``ankle``, ``heel``, ``toe``, ``shoulder``, ``elbow``, ``hand`` (``near.knee``...)."""
    return [named(pose) for pose in k.poses(figure)]

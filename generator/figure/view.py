"""The picture of a 3D pose: the side view or the front view, and what is drawn over what.

Both views look along -z at the x-y plane, so a point's drawn position is its x and y
and its depth is z (larger is nearer the viewer). A side view shows the body facing
+x, the direction of travel; a front view turns the body a quarter turn about the
vertical so that it faces the viewer while it travels across the picture to the
right (its near side, the right, trailing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import kinematics as k
from .body import Pose3, pose3

if TYPE_CHECKING:
    from ..model import Keyframe

PARTS = ("far", "trunk", "near")


def _front(p):
    x, y, z = p
    return (-z, y, x)


def turned(pose: Pose3, view: str) -> Pose3:
    """The pose turned for ``view``: as it is for a side view, facing the viewer for a front view."""
    return pose.mapped(_front) if view == "front" else pose


def _depth(side: k.Side) -> float:
    return sum(p[2] for p in side) / len(side)


def project(pose: Pose3) -> k.Pose:
    """The drawn pose: every point's x and y, and the far side, trunk and near side in
    the order they are drawn (the one nearest the viewer last)."""
    def flat(p):
        return (p[0], p[1])

    depth = {"far": _depth(pose.far), "trunk": (pose.hip[2] + pose.shoulder[2]) / 2, "near": _depth(pose.near)}
    order = tuple(sorted(PARTS, key=lambda part: depth[part]))
    return k.Pose(flat(pose.hip), flat(pose.shoulder), flat(pose.neck), flat(pose.head), pose.head_radius,
                  k.Side(*map(flat, pose.near)), k.Side(*map(flat, pose.far)), order)


def projected(frame: Keyframe | k.Frame, view: str) -> k.Pose:
    """The pose of ``frame`` posed in 3D, turned for ``view`` and projected."""
    return project(turned(pose3(frame), view))

"""SVG drawing data for the figures: rounded coordinates for the templates.

Geometry comes from ``kinematics``; markup and wording live in
``templates/figures/``. Everything here is deterministic: coordinates are rounded
to 0.1 px, so the same drill always gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Figure
from .kinematics import Point, Pose, Side, poses

SCALE = 100.0     # px per metre
GAP = 0.95        # metres between the poses of a strip
MARGIN = 0.25


def num(value: float) -> str:
    """A coordinate rounded to 0.1 px, written short (no ``-0``, no ``.0``)."""
    text = f"{round(value, 1) + 0.0:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _xy(p: Point, dx: float) -> str:
    return f"{num((p[0] + dx) * SCALE)},{num(-p[1] * SCALE)}"


def _polyline(points: list[Point], dx: float) -> str:
    return " ".join(_xy(p, dx) for p in points)


@dataclass(frozen=True)
class Limbs:
    leg: str
    arm: str


@dataclass(frozen=True)
class Drawn:
    """One pose as polylines: far side, trunk and head, near side."""

    far: Limbs
    near: Limbs
    trunk: str
    head: tuple[str, str, str]   # cx, cy, r
    label: str
    x: str                        # where the label is centred


def _limbs(pose: Pose, side: Side, dx: float) -> Limbs:
    leg = _polyline([pose.hip, side.knee, side.ankle, side.heel, side.toe, side.ankle], dx)
    arm = _polyline([pose.shoulder, side.elbow, side.hand], dx)
    return Limbs(leg, arm)


def drawn(pose: Pose, label: str, dx: float) -> Drawn:
    cx, cy = _xy(pose.head, dx).split(",")
    return Drawn(
        far=_limbs(pose, pose.far, dx),
        near=_limbs(pose, pose.near, dx),
        trunk=_polyline([pose.hip, pose.neck], dx),
        head=(cx, cy, num(pose.head_radius * SCALE)),
        label=label,
        x=num((pose.hip[0] + dx) * SCALE),
    )


@dataclass(frozen=True)
class Strip:
    """The keyframes side by side along a ground line."""

    view_box: str
    width: str
    ground: tuple[str, str]
    poses: list[Drawn]
    label_y: str


def strip(figure: Figure) -> Strip:
    placed = poses(figure)
    # Each pose keeps its own forward travel, spread by a fixed gap so none overlap.
    drawn_poses = [drawn(p.moved(-p.hip[0], 0), k.label, i * GAP) for i, (p, k) in enumerate(zip(placed, figure.keyframes))]
    left = -0.55
    right = (len(placed) - 1) * GAP + 0.55
    top = -1.85
    bottom = 0.3
    return Strip(
        view_box=f"{left * SCALE:.0f} {top * SCALE:.0f} {(right - left) * SCALE:.0f} {(bottom - top) * SCALE:.0f}",
        width=f"{(right - left) * SCALE:.0f}",
        ground=(f"{left * SCALE:.0f}", f"{right * SCALE:.0f}"),
        poses=drawn_poses,
        label_y=f"{0.2 * SCALE:.0f}",
    )

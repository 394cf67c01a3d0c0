"""SVG drawing data for the figures: rounded coordinates for the templates.

Geometry comes from ``kinematics``; markup and wording live in
``templates/figures/``. Everything here is deterministic: coordinates are rounded
to 0.1 px, so the same drill always gives the same bytes. ``Figures`` draws the
figures of one build and remembers each drawing for as long as the build lasts.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from ..model import Figure
from . import kinematics as k
from .kinematics import Point, Pose, Side

T = TypeVar("T")

SCALE = 100.0     # px per metre
GAP = 0.95        # metres between the poses of a strip
PATH_SAMPLES = 36  # points of a heel path over one cycle
STEPS = 4         # root positions per keyframe interval of the animation, so the feet stay on the ground
TOP = 1.9         # metres above the ground a drawing shows at least
BOTTOM = 0.3      # metres below the ground (the phase numbers)

# The pictogram's proportions, in metres, shared by the strip, the comparison and the animation
# (the CSS gives each part its thickness). The drawn head is smaller than the head's reach and the
# trunk stops short of the shoulders, so a clear gap parts the head from the body.
HEAD_R = 0.098
TRUNK_SHORT = 0.05
# The shoe in the foot's own frame, (along the sole from the point under the ankle, up from the
# sole): heel, toe, toe cap, instep, collar behind the ankle.
SHOE = ((-k.FOOT * k.HEEL_SHARE, 0.0), (k.FOOT * (1 - k.HEEL_SHARE), 0.0), (k.FOOT * (1 - k.HEEL_SHARE) - 0.045, 0.042),
        (0.035, k.ANKLE_HEIGHT + 0.005), (-k.FOOT * k.HEEL_SHARE + 0.012, k.ANKLE_HEIGHT + 0.005))
GROUNDED = 0.02   # a foot whose lowest point is this close to the ground stands on it
SHADOW = 0.2      # half width of the animation's shadow before it is stretched to the feet


def num(value: float) -> str:
    """A coordinate rounded to 0.1 px, written short (no ``-0``, no ``.0``)."""
    text = f"{value:.1f}"
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text


def _xy(p: Point, dx: float) -> str:
    return f"{num((p[0] + dx) * SCALE)},{num(-p[1] * SCALE)}"


def _joined(xys: list[str], every: bool = False) -> str:
    """Written points as SVG text, a point equal to the one before it left out (unless
    ``every``: the poses of an animation keep as many points as each other)."""
    out: list[str] = []
    for xy in xys:
        if every or not out or out[-1] != xy:
            out.append(xy)
    return " ".join(out)


def _polyline(points: list[Point], dx: float, every: bool = False) -> str:
    """Points as SVG text (see ``_joined``)."""
    return _joined([_xy(p, dx) for p in points], every)


def _box(left: float, right: float, shown: list[Pose]) -> tuple[str, str]:
    """``viewBox`` and width of a drawing from ``left`` to ``right`` metres, tall enough for
    the highest head of ``shown`` (a figure in flight)."""
    top = max(TOP, *(p.head[1] + p.head_radius + 0.08 for p in shown))
    view_box = f"{left * SCALE:.0f} {-top * SCALE:.0f} {(right - left) * SCALE:.0f} {(BOTTOM + top) * SCALE:.0f}"
    return view_box, f"{(right - left) * SCALE:.0f}"


@dataclass(frozen=True)
class Limbs:
    """One side as the pictogram draws it: the leg (hip, knee, ankle), the thigh over it (drawn
    thicker), the shoe's outline and the arm (shoulder, elbow, hand), each as polyline points."""

    leg: str
    thigh: str
    shoe: str
    arm: str


@dataclass(frozen=True)
class Drawn:
    """One pose as shapes: far side, trunk and head, near side, and its shadow on the ground."""

    far: Limbs
    near: Limbs
    trunk: str
    head: tuple[str, str, str]   # cx, cy, r
    label: str
    x: str                        # where the label is centred (the hip's x)
    heel: tuple[str, str] = ("0", "0")   # the near heel, where it sits on its path
    hip_y: str = "0"
    shadow: tuple[str, str] = ("0", "0")   # centre x and half width of the shadow on the ground
    order: tuple[str, ...] = ("far", "trunk", "near")   # drawn first to last (``kinematics.Pose.order``)
    y: str = "0"                  # the ground under it (a card's strip has rows)
    label_y: str = "22"           # where its number sits, under the ground


def _shoe(side: Side) -> list[Point]:
    """The shoe's outline on the foot as drawn: ``SHOE`` mapped by the foot's drawn sole
    (heel to toe) and its drawn height (sole to ankle), so it foreshortens with the foot in
    any view."""
    (hx, hy), (tx, ty), (ax, ay) = side.heel, side.toe, side.ankle
    ux, uy = (tx - hx) / k.FOOT, (ty - hy) / k.FOOT                  # per metre along the sole
    heel = -SHOE[0][0]
    vx, vy = (ax - hx - ux * heel) / k.ANKLE_HEIGHT, (ay - hy - uy * heel) / k.ANKLE_HEIGHT   # per metre up
    return [(hx + ux * (u + heel) + vx * v, hy + uy * (u + heel) + vy * v) for u, v in SHOE]


def _limbs(pose: Pose, side: Side, dx: float, every: bool) -> Limbs:
    """A leg from the pelvis through its hip joint, an arm from the top of the trunk through
    its shoulder (one point in a side view, apart in a front view). ``every`` keeps every
    point, so the poses of an animation have as many as each other."""
    pelvis, hip, knee, ankle = (_xy(p, dx) for p in (pose.hip, side.hip, side.knee, side.ankle))
    return Limbs(
        leg=_joined([pelvis, hip, knee, ankle], every),
        thigh=_joined([hip, knee], every),
        shoe=_polyline(_shoe(side), dx, True),
        arm=_polyline([pose.shoulder, side.shoulder, side.elbow, side.hand], dx, every),
    )


def _trunk_top(pose: Pose) -> Point:
    """Where the drawn trunk ends: ``TRUNK_SHORT`` below the shoulder, along the trunk."""
    (hx, hy), (sx, sy) = pose.hip, pose.shoulder
    share = 1 - TRUNK_SHORT / k.TRUNK
    return (hx + (sx - hx) * share, hy + (sy - hy) * share)


def standing(pose: Pose) -> list[Side]:
    """The sides whose foot is on the ground (none in flight)."""
    return [s for s in (pose.near, pose.far) if min(s.heel[1], s.toe[1]) <= GROUNDED]


def _shadow(pose: Pose) -> tuple[float, float]:
    """The shadow under the feet on the ground (centre x, half width), or a small one under the
    hip when the body is in the air."""
    feet = standing(pose)
    if not feet:
        return pose.hip[0], 0.12
    xs = [x for s in feet for x in (s.heel[0], s.toe[0])]
    return (min(xs) + max(xs)) / 2, (max(xs) - min(xs)) / 2 + 0.06


def drawn(pose: Pose, label: str, dx: float, every: bool = False) -> Drawn:
    cx, cy = _xy(pose.head, dx).split(",")
    hx, hy = _xy(pose.near.heel, dx).split(",")
    shadow_x, shadow_w = _shadow(pose)
    return Drawn(
        far=_limbs(pose, pose.far, dx, every),
        near=_limbs(pose, pose.near, dx, every),
        trunk=_polyline([pose.hip, _trunk_top(pose)], dx),
        head=(cx, cy, num(HEAD_R * SCALE)),
        label=label,
        x=num((pose.hip[0] + dx) * SCALE),
        heel=(hx, hy),
        hip_y=num(-pose.hip[1] * SCALE),
        shadow=(num((shadow_x + dx) * SCALE), num(shadow_w * SCALE)),
        order=pose.order,
    )


@dataclass(frozen=True)
class Strip:
    """The keyframes side by side along a ground line, in the order of the cycle
    (which is the order of travel: the figure faces and moves right); on a card, in rows."""

    view_box: str
    width: str
    grounds: list[tuple[str, str, str]]   # x1, x2 and y of each row's ground line
    poses: list[Drawn]
    heel_path: str = ""          # points with the hip at x = 0; each pose draws it from its hip


def _reach(pose: Pose, path: tuple[Point, ...]) -> tuple[float, float]:
    """How far a pose and its heel path reach behind and ahead of its hip (at x = 0)."""
    xs = [x for x, _ in [*pose.points(), *path]] + [pose.head[0] - pose.head_radius, pose.head[0] + pose.head_radius]
    return min(xs), max(xs)


def _spread(reach: list[tuple[float, float]], gap: float = GAP, margin: float = 0.12,
            edge: float = 0.55) -> tuple[list[float], float, float]:
    """Hip positions left to right, at least ``gap`` apart and ``margin`` more than it takes for
    no two neighbours to overlap; with the drawing's left and right edges, at least ``edge``
    from the first and last hip."""
    xs = [0.0]
    for (_, right), (left, _) in itertools.pairwise(reach):
        xs.append(xs[-1] + max(gap, right - left + margin))
    return xs, min(-edge, reach[0][0] - 0.1), xs[-1] + max(edge, reach[-1][1] + 0.1)


def _strip(figure: Figure, poses: list[Pose], path: tuple[Point, ...], heel_line: str) -> Strip:
    placed = [p.moved(-p.hip[0], 0) for p in poses]   # each pose drops its own travel
    xs, left, right = _spread([_reach(p, path) for p in placed])
    view_box, width = _box(left, right, placed)
    return Strip(
        view_box=view_box,
        width=width,
        grounds=[(f"{left * SCALE:.0f}", f"{right * SCALE:.0f}", "0")],
        poses=[drawn(p, frame.label, x) for p, frame, x in zip(placed, figure.keyframes, xs)],
        heel_path=heel_line,
    )


# A card's strip is drawn at one scale on every card, a standing body CARD_BODY_MM tall, in rows no
# wider than the card's front (CARD_WIDTH_MM inside its margins); each row CARD_TOP above its
# highest head and CARD_BOTTOM below the ground (the numbers): about 30 mm a row.
CARD_BODY_MM = 26
CARD_WIDTH_MM = 89
CARD_TOP = 0.04
CARD_BOTTOM = 0.24
_CARD_ROW = CARD_WIDTH_MM / CARD_BODY_MM * k.HEIGHT   # metres


def _rows(reach: list[tuple[float, float]]) -> list[tuple[range, tuple[list[float], float, float]]]:
    """The fewest rows of about equal length, each no wider than the card."""
    n = len(reach)
    for count in range(1, n + 1):
        per = -(-n // count)
        rows = [range(i, min(i + per, n)) for i in range(0, n, per)]
        laid = [(r, _spread([reach[i] for i in r], gap=0.75, margin=0.04, edge=0.4)) for r in rows]
        if per == 1 or all(right - left <= _CARD_ROW for _, (_, left, right) in laid):
            return laid
    raise AssertionError("unreachable")


def _card_strip(figure: Figure, poses: list[Pose], heel_line: str) -> Strip:
    placed = [p.moved(-p.hip[0], 0) for p in poses]
    # Neighbours may share the room of their heel paths: only the bodies keep apart.
    top = max(p.head[1] + HEAD_R for p in placed) + CARD_TOP
    height = top + CARD_BOTTOM
    rows = _rows([_reach(p, ()) for p in placed])
    width = max(right - left for _, (_, left, right) in rows)
    shown, grounds = [], []
    for n, (members, (xs, left, _)) in enumerate(rows):
        dy = n * height
        grounds.append(("0", f"{width * SCALE:.0f}", num(dy * SCALE)))
        for i, x in zip(members, xs):
            label = figure.keyframes[i].label
            on_ground = drawn(placed[i], label, x - left)    # its shadow, found on the first row's ground
            shown.append(replace(drawn(placed[i].moved(0, -dy), label, x - left), shadow=on_ground.shadow,
                                 y=num(dy * SCALE), label_y=num((dy + 0.19) * SCALE)))
    return Strip(
        view_box=f"0 {-top * SCALE:.0f} {width * SCALE:.0f} {height * len(rows) * SCALE:.0f}",
        width=f"{width * CARD_BODY_MM / k.HEIGHT:.1f}mm",   # its printed size: the same scale on every card
        grounds=grounds,
        poses=shown,
        heel_path=heel_line,
    )


@dataclass(frozen=True)
class Joint:
    """One rotation of the animated body: a fixed angle, or keyframes ``[(percent, degrees)]``.

    Degrees are SVG rotations (clockwise on screen), ready for ``rotate()``."""

    name: str
    fixed: str | None
    stops: list[tuple[str, str]]


@dataclass(frozen=True)
class Animation:
    """One figure looping through its cycle: a jointed body whose joints turn through the
    keyframes (the browser interpolates the angles) while the whole body moves forward
    and up or down so that its lowest point stays on the ground."""

    view_box: str
    width: str
    ground: tuple[str, str]
    lengths: dict[str, str]          # px: segments, and the neck's and head's distance up from the hip
    joints: dict[str, Joint]         # trunk, near-hip, ..., far-elbow
    root: list[tuple[str, str, str]]  # (percent, x, y) of the hip
    heel_path: str
    shoe: str = ""                    # the shoe's outline in the ankle's frame (y down the shank)
    shadow: list[tuple[str, str, str]] = field(default_factory=list)   # (percent, x, width scale) of the shadow
    frames: list[Drawn] = field(default_factory=list)   # a body that leaves the picture plane: its poses in turn
    times: str = ""                                      # when each of ``frames`` is shown, 0 to 1 (SVG keyTimes)


# Each joint's SVG rotation from the format's angle: + forward turns a segment that
# hangs down towards the right, which is a negative (anticlockwise) SVG rotation.
_SIGNS = {"hip": -1, "knee": 1, "ankle": -1, "shoulder": -1, "elbow": -1}


def _percent(t: float) -> str:
    return num(t * 100)


def _animation(figure: Figure, poses: list[Pose], heel_line: str) -> Animation:
    times = figure.times()
    frames = figure.keyframes
    marks = [*times, 1.0]

    def joint(name: str, values: list[float]) -> Joint:
        degrees = [num(v) for v in values]
        if len(set(degrees)) == 1:
            return Joint(name, degrees[0], [])
        return Joint(name, None, [(_percent(t), d) for t, d in zip(marks, [*degrees, degrees[0]])])

    joints = {"trunk": joint("trunk", [f.trunk for f in frames])}
    for side in ("near", "far"):
        for j in k.JOINTS:
            joints[f"{side}-{j}"] = joint(f"{side}-{j}", [_SIGNS[j] * getattr(getattr(f, side), j) for f in frames])

    steps = [start + (end - start) * s / STEPS for start, end in zip(times, marks[1:]) for s in range(STEPS)]
    root, shadow = [], []
    for t, frame in zip(steps, k.frames_at(figure, steps)):
        pose = k.place(frame, t, figure.travel, figure.view)
        root.append((_percent(t), num(pose.hip[0] * SCALE), num(-pose.hip[1] * SCALE)))
        x, w = _shadow(pose)
        shadow.append((_percent(t), num(x * SCALE), f"{w / SHADOW:.2f}"))
    first = k.place(frames[0], 0, 0, figure.view)
    root.append(("100", num(figure.travel * SCALE), num(-first.hip[1] * SCALE)))
    x, _ = _shadow(first)
    shadow.append(("100", num((x + figure.travel) * SCALE), shadow[0][2]))

    # Wide enough for the body at both ends of its travel, arms out to the side included.
    reach = [_reach(p.moved(-p.hip[0], 0), ()) for p in poses]
    left = min(-0.55, min(r[0] for r in reach) - 0.05)
    right = figure.travel + max(0.55, max(r[1] for r in reach) + 0.05)
    view_box, width = _box(left, right, poses)
    lengths = {
        "trunk": k.TRUNK, "trunk_drawn": k.TRUNK - TRUNK_SHORT, "head_centre": k.TRUNK + k.NECK + k.HEAD / 2, "head": HEAD_R,
        "thigh": k.THIGH, "shank": k.SHANK, "upper_arm": k.UPPER_ARM, "forearm": k.FOREARM + k.HAND, "shadow": SHADOW,
    }
    return Animation(
        view_box=view_box,
        width=width,
        ground=(f"{left * SCALE:.0f}", f"{right * SCALE:.0f}"),
        lengths={name: num(v * SCALE) for name, v in lengths.items()},
        joints=joints,
        root=root,
        heel_path=heel_line,
        shoe=" ".join(f"{num(u * SCALE)},{num((k.ANKLE_HEIGHT - v) * SCALE)}" for u, v in SHOE),
        shadow=shadow,
        **(_flipbook(figure, times, marks) if _posed_in_3d(figure) else {}),
    )


def _posed_in_3d(figure: Figure) -> bool:
    """Whether the jointed side-view body cannot draw the figure (a front view, or a joint
    turning out of the picture plane), so the animation moves between drawn poses."""
    return figure.view != "side" or not all(k.in_plane(f) for f in figure.keyframes)


FLIP_STEPS = 2   # drawn poses per keyframe interval of an animation posed in 3D; the browser moves between them


def _flipbook(figure: Figure, times: list[float], marks: list[float]) -> dict:
    """The animation's poses in turn, each where it is at its time, back to the first one
    a cycle further on."""
    steps = [start + (end - start) * s / FLIP_STEPS for start, end in zip(times, marks[1:]) for s in range(FLIP_STEPS)]
    moving = [k.place(frame, t, figure.travel, figure.view) for t, frame in zip(steps, k.frames_at(figure, steps))]
    last = k.place(figure.keyframes[0], 1.0, figure.travel, figure.view)
    shown = [drawn(p, "", 0, every=True) for p in [*moving, last]]
    return {"frames": shown, "times": ";".join(f"{t:.4f}".rstrip("0").rstrip(".") for t in [*steps, 1.0])}


def _peak(placed: list[Pose]) -> int:
    """The keyframe where the near heel is highest: the moment a coach looks at."""
    return max(range(len(placed)), key=lambda i: (round(placed[i].near.heel[1], 6), -i))


@dataclass(frozen=True)
class Comparison:
    """The correct variant and the faulty movement side by side, each at its highest
    near heel, each with its heel path and a vertical line through the hip."""

    view_box: str
    width: str
    ground: tuple[str, str]
    correct: Drawn
    faulty: Drawn
    correct_path: str
    faulty_path: str
    correct_back: int   # how far, in cm, each heel path goes behind the hip at most
    faulty_back: int


def _behind(path: tuple[Point, ...]) -> int:
    """How far a heel path goes behind the hip, in whole centimetres."""
    return max(0, round(-min(x for x, _ in path) * 100))


class Figures:
    """The drawings of one build's figures, each computed once.

    One figure is drawn on its variant page, its card, the mistakes page and in every
    comparison; the models are immutable, so each result is remembered by the identity
    of its figures until the build (and this object) is dropped. Each entry keeps its
    figures alive, so an id is never reused while it is remembered. A cache that
    outlives the build would key the drawings (``strip``, ``animation``,
    ``comparison``: plain data) by the figures' content instead, in ``_remember``."""

    def __init__(self) -> None:
        self._memo: dict[tuple, tuple[tuple, object]] = {}

    def _remember(self, kind: str, figures: tuple[Figure, ...], make: Callable[[], T]) -> T:
        key = (kind, *map(id, figures))
        kept = self._memo.get(key)
        if kept is None:
            kept = self._memo[key] = (figures, make())
        return kept[1]

    def poses(self, figure: Figure) -> list[Pose]:
        """Every keyframe of the cycle, placed."""
        return self._remember("poses", (figure,), lambda: k.poses(figure))

    def heel_points(self, figure: Figure) -> tuple[Point, ...]:
        """The near heel over the cycle (see ``kinematics.heel_path``)."""
        return self._remember("heel", (figure,), lambda: k.heel_path(figure, PATH_SAMPLES))

    def heel_path(self, figure: Figure) -> str:
        """The near heel's path over the cycle as polyline points, x from the hip (at 0)."""
        return self._remember("heel line", (figure,), lambda: _polyline(self.heel_points(figure), 0))

    def strip(self, figure: Figure) -> Strip:
        return self._remember("strip", (figure,), lambda: _strip(
            figure, self.poses(figure), self.heel_points(figure), self.heel_path(figure)))

    def card_strip(self, figure: Figure) -> Strip:
        """The strip for a card's front: bodies close together, in rows as wide as the card."""
        return self._remember("card strip", (figure,), lambda: _card_strip(figure, self.poses(figure), self.heel_path(figure)))

    def animation(self, figure: Figure) -> Animation:
        return self._remember("animation", (figure,), lambda: _animation(figure, self.poses(figure), self.heel_path(figure)))

    def behind(self, figure: Figure) -> int:
        """How far the near heel goes behind the hip over the cycle, in whole centimetres."""
        return _behind(self.heel_points(figure))

    def comparison(self, correct: Figure, faulty: Figure) -> Comparison:
        return self._remember("comparison", (correct, faulty), lambda: self._comparison(correct, faulty))

    def _comparison(self, correct: Figure, faulty: Figure) -> Comparison:
        figures = (correct, faulty)
        paths = [self.heel_points(f) for f in figures]
        peaks = [f.keyframes[_peak(self.poses(f))] for f in figures]
        placed = [k.place(frame, 0, 0, figure.view) for frame, figure in zip(peaks, figures)]
        xs, left, right = _spread([_reach(p, path) for p, path in zip(placed, paths)])
        shown = [drawn(p, frame.label, x) for p, frame, x in zip(placed, peaks, xs)]
        view_box, width = _box(left, right, [*self.poses(correct), *self.poses(faulty)])
        return Comparison(
            view_box=view_box,
            width=width,
            ground=(f"{left * SCALE:.0f}", f"{right * SCALE:.0f}"),
            correct=shown[0],
            faulty=shown[1],
            correct_path=self.heel_path(correct),
            faulty_path=self.heel_path(faulty),
            correct_back=_behind(paths[0]),
            faulty_back=_behind(paths[1]),
        )

"""The figure's named 3D points (what the open data publishes), against the format's
sections "The figure" and "Ground contact in a keyframe"; and every figure written in
format v1 placed exactly where the side-view code of v1 placed it."""

from __future__ import annotations

import json
import math

import pytest

from generator.figure import body as b
from generator.figure import kinematics as k
from generator.model import Figure
from tests.conftest import DATA
from tests.unit.test_kinematics import data

V1 = json.loads((DATA / "figures-v1-points.json").read_text(encoding="utf-8"))
# The v1 data names the top of the trunk "shoulder"; the 3D body has one shoulder a side.
V1_NAME = {"shoulder": "near.shoulder"}


def figure(*frames, travel=0.0) -> Figure:
    return Figure.model_validate({"travel": travel, "keyframes": list(frames)})


def test_widths_are_winters_fractions_of_height():
    assert b.HIP_WIDTH == pytest.approx(0.191 * k.HEIGHT)
    assert b.SHOULDER_WIDTH == pytest.approx(0.259 * k.HEIGHT)


def test_one_mapping_of_every_named_point_per_keyframe():
    fig = figure(data(), data(near={"hip": 60, "knee": 90}), data(far={"hip": 60}))
    points = b.named_points(fig)
    assert len(points) == 3
    expected = {"head", "neck", "pelvis"} | {f"{s}.{p}" for s in ("near", "far") for p in
                                             ("hip", "knee", "ankle", "heel", "toe", "shoulder", "elbow", "hand")}
    for frame in points:
        assert set(frame) == expected
        assert all(len(p) == 3 and all(math.isfinite(c) for c in p) for p in frame.values())


def test_standing_figure_stands_on_the_ground_with_its_widths_across():
    (frame, _) = b.named_points(figure(data(), data()))
    assert frame["pelvis"][:2] == pytest.approx((0, 0.530 * k.HEIGHT))
    assert min(y for _, y, _ in frame.values()) == pytest.approx(0, abs=1e-9)
    near, far = frame["near.hip"], frame["far.hip"]
    assert near[2] - far[2] == pytest.approx(b.HIP_WIDTH) and near[2] > 0
    assert frame["near.shoulder"][2] - frame["far.shoulder"][2] == pytest.approx(b.SHOULDER_WIDTH)
    # A leg hangs in the plane of its hip, an arm in the plane of its shoulder.
    assert frame["near.toe"][2] == near[2] and frame["far.hand"][2] == frame["far.shoulder"][2]


def test_points_move_forward_along_the_cycle_and_rise_with_lift():
    fig = figure(data(), data(lift=0.1), data(), data(), travel=2.0)
    points = b.named_points(fig)
    assert [p["pelvis"][0] for p in points] == pytest.approx([0, 0.5, 1.0, 1.5])
    assert points[1]["pelvis"][1] - points[0]["pelvis"][1] == pytest.approx(0.1)


@pytest.mark.parametrize("case", V1, ids=[c["where"] for c in V1])
def test_every_v1_figure_keeps_its_points(case):
    """Each figure of the handbook when format v1 was current, with the points v1 drew
    (``tests/data/figures-v1-points.json``, written once by that code): the same x and y
    within 1 mm."""
    points = b.named_points(Figure.model_validate(case["figure"]))
    for now, then in zip(points, case["points"], strict=True):
        for name, (x, y) in then.items():
            got = now[V1_NAME.get(name, name)]
            assert math.hypot(got[0] - x, got[1] - y) < 0.001, name


# ---- the 3D body and the views ----------------------------------------------------

def posed(**kw):
    from generator.model import Keyframe
    return Keyframe.model_validate(data(**kw))


def test_out_of_plane_angles_turn_the_limbs_out_of_the_picture_plane():
    from generator.figure import view as v
    straight = b.pose3(posed())
    out = b.pose3(posed(near={"hip_out": 30}, far={"shoulder_out": 90}))
    # The near thigh swings out to +z by 30 degrees about the hip: the ankle moves out and up.
    leg = k.THIGH + k.SHANK
    assert out.near.ankle[2] - out.near.hip[2] == pytest.approx(leg * math.sin(math.radians(30)))
    assert out.near.ankle[1] == pytest.approx(-leg * math.cos(math.radians(30)))
    # The far arm, raised 90 degrees out to its side, points straight out to -z.
    assert out.far.elbow[2] - out.far.shoulder[2] == pytest.approx(-k.UPPER_ARM)
    assert out.far.elbow[1] == pytest.approx(out.far.shoulder[1])
    assert straight.near.ankle[2] == pytest.approx(b.HIP_WIDTH / 2)
    # A turn of the pelvis brings the near hip forward; a side lean lowers the near shoulder.
    turned = b.pose3(posed(pelvis_turn=90))
    assert turned.near.hip == pytest.approx((b.HIP_WIDTH / 2, 0, 0))
    leaning = b.pose3(posed(trunk_side=20))
    assert leaning.near.shoulder[1] < leaning.far.shoulder[1] and leaning.neck[2] > 0
    # In the side view a point is drawn at its x and y.
    drawn = v.projected(posed(near={"hip_out": 30}), "side")
    assert drawn.near.ankle == pytest.approx(out.near.ankle[:2])


def test_the_front_view_faces_the_viewer_and_travels_across():
    from generator.figure import view as v
    p = b.pose3(posed(near={"hip": 40, "knee": 60}))
    front = v.turned(p, "front")
    # Facing the viewer: what was forward (+x) now comes towards the viewer (+z)...
    assert front.near.knee[2] == pytest.approx(p.near.knee[0])
    # ...and the hips lie across the picture, the near (right) hip on the left, trailing.
    assert front.near.hip == pytest.approx((-b.HIP_WIDTH / 2, 0, 0))
    drawn = v.project(front)
    assert drawn.near.knee == pytest.approx(front.near.knee[:2])
    # The raised knee comes towards the viewer: the near side is drawn last, over the body.
    assert drawn.order[-1] == "near"


def test_a_side_view_draws_the_far_side_first_and_the_near_side_last():
    assert k.body(posed()).order == ("far", "trunk", "near")
    from generator.figure import view as v
    assert v.projected(posed(), "side").order == ("far", "trunk", "near")


def test_a_front_view_figure_publishes_the_hips_along_the_direction_of_travel():
    fig = figure(data(), data(), travel=1.0).model_copy(update={"view": "front"})
    for frame in b.named_points(fig):
        dx, _, dz = (a - c for a, c in zip(frame["far.hip"], frame["near.hip"]))
        assert abs(dx) > 5 * abs(dz) and dx > 0


@pytest.mark.parametrize("seed", range(20))
def test_the_3d_body_draws_every_in_plane_pose_as_the_side_view_does(seed):
    import random
    rnd = random.Random(seed)

    def limb():
        return {"hip": rnd.uniform(-60, 130), "knee": rnd.uniform(0, 165), "ankle": rnd.uniform(-60, 40),
                "shoulder": rnd.uniform(-90, 180), "elbow": rnd.uniform(0, 165)}
    from generator.figure import view as v
    frame = posed(trunk=rnd.uniform(-30, 60), near=limb(), far=limb())
    fast, slow = k.body(frame), v.projected(frame, "side")
    def flat(pose):
        return [c for p in (*pose.points(), pose.head) for c in p]
    assert flat(fast) == pytest.approx(flat(slow), abs=1e-12)


def test_a_thigh_turned_out_brings_the_foot_of_a_bent_knee_in():
    bent = {"hip": 60, "knee": 90}
    plain, turned = b.pose3(posed(near=bent)), b.pose3(posed(near={**bent, "hip_turn": 30}))
    assert turned.near.knee == pytest.approx(plain.near.knee)
    assert turned.near.ankle[2] < plain.near.ankle[2]          # towards the middle of the body
    assert math.dist(turned.near.ankle, turned.near.knee) == pytest.approx(k.SHANK)
    far = b.pose3(posed(far={**bent, "hip_turn": 30}))
    assert far.far.ankle[2] > plain.far.ankle[2]


@pytest.mark.parametrize("seed", range(5))
def test_named_points_of_an_in_plane_pose_match_the_3d_body(seed):
    """The quick way for side-view poses in the picture plane gives the 3D body's points."""
    import random

    from generator.figure import view as v
    rnd = random.Random(seed)
    frame = data(trunk=rnd.uniform(-30, 60), near={"hip": rnd.uniform(-60, 130), "knee": rnd.uniform(0, 165)},
                 far={"shoulder": rnd.uniform(-90, 180), "elbow": rnd.uniform(0, 165)})
    (quick, _) = b.named_points(figure(frame, frame))
    slow = b.named(v.turned(b.pose3(posed(**{key: frame[key] for key in ("trunk", "near", "far")})), "side"))
    dy = quick["pelvis"][1] - slow["pelvis"][1]
    for name, p in slow.items():
        assert quick[name] == pytest.approx((p[0], p[1] + dy, p[2]), abs=1e-9), name

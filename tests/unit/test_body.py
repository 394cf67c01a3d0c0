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

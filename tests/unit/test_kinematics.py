"""The figure's geometry against the format's section "The figure", with exact values."""

from __future__ import annotations

import math

import pytest

from generator.figure import kinematics as k
from generator.model import Figure, Keyframe

H = 1.75


def limb(**angles) -> dict:
    return {"hip": 0, "knee": 0, "ankle": 0, "shoulder": 0, "elbow": 0, **angles}


def data(trunk=0, near=None, far=None, lift=0, label="pose", **more) -> dict:
    return {"label": label, "trunk": trunk, "lift": lift, "near": limb(**(near or {})), "far": limb(**(far or {})), **more}


def frame(**kw) -> Keyframe:
    return Keyframe.model_validate(data(**kw))


def close(p, q, tol=1e-9):
    return math.isclose(p[0], q[0], abs_tol=tol) and math.isclose(p[1], q[1], abs_tol=tol)


def test_segment_lengths_are_winters_fractions_of_height():
    assert k.HEIGHT == H
    assert k.THIGH == pytest.approx(0.245 * H)
    assert k.SHANK == pytest.approx(0.246 * H)
    assert k.TRUNK == pytest.approx((0.818 - 0.530) * H)
    assert k.UPPER_ARM == pytest.approx(0.186 * H)
    assert k.FOREARM == pytest.approx(0.146 * H)
    assert k.FOOT == pytest.approx(0.152 * H)


def test_standing_straight_puts_the_ankle_under_the_hip_and_the_hip_at_its_height():
    pose = k.place(frame(), 0, 0)
    assert close(pose.near.knee, (0, pose.hip[1] - k.THIGH))
    assert close(pose.near.ankle, (0, pose.hip[1] - k.THIGH - k.SHANK))
    # The sole is on the ground: heel and toes at 0, the hip at Winter's 0.530 H (ankle 0.039 H + legs).
    assert pose.near.heel[1] == pytest.approx(0) and pose.near.toe[1] == pytest.approx(0)
    assert pose.hip[1] == pytest.approx(0.530 * H)
    assert pose.near.heel[0] == pytest.approx(-k.FOOT * k.HEEL_SHARE)
    assert pose.near.toe[0] == pytest.approx(k.FOOT * (1 - k.HEEL_SHARE))
    # The head's top is the body's height.
    assert pose.head[1] + pose.head_radius == pytest.approx(H)


def test_a_folded_knee_brings_the_heel_close_to_pelvis_height():
    pose = k.body(frame(near={"knee": 160}))
    # The shank folds back up along the thigh: the ankle is 20 degrees behind it, near the hip.
    ankle = (-k.SHANK * math.sin(math.radians(20)), -k.THIGH + k.SHANK * math.cos(math.radians(20)))
    assert close(pose.near.ankle, ankle)
    assert abs(pose.near.heel[1] - pose.hip[1]) < 0.1


def test_hip_flexion_turns_the_thigh_forward_and_trunk_lean_takes_it_back():
    forward = k.body(frame(near={"hip": 90}))
    assert close(forward.near.knee, (k.THIGH, 0))
    leaning = k.body(frame(trunk=30, near={"hip": 30}))
    assert close(leaning.near.knee, (0, -k.THIGH))      # thigh angle = hip - trunk = 0
    assert leaning.shoulder[0] == pytest.approx(k.TRUNK * math.sin(math.radians(30)))


def test_a_bent_knee_takes_the_foot_back():
    pose = k.body(frame(near={"knee": 90}))
    assert close(pose.near.ankle, (-k.SHANK, -k.THIGH))


def test_ankle_angle_turns_the_foot_about_the_ankle():
    flat = k.body(frame())
    up = k.body(frame(near={"ankle": 30}))
    pointed = k.body(frame(near={"ankle": -30}))
    assert up.near.toe[1] > flat.near.toe[1] > pointed.near.toe[1]
    # The sole stays ANKLE_HEIGHT from the ankle, square to the foot, whatever the angle.
    for pose in (flat, up, pointed):
        (hx, hy), (tx, ty), (ax, ay) = pose.near.heel, pose.near.toe, pose.near.ankle
        cross = (tx - hx) * (ay - hy) - (ty - hy) * (ax - hx)
        assert cross / math.dist((hx, hy), (tx, ty)) == pytest.approx(k.ANKLE_HEIGHT)
        assert math.dist((hx, hy), (tx, ty)) == pytest.approx(k.FOOT)


def test_arms_follow_shoulder_and_elbow():
    pose = k.body(frame(near={"shoulder": 90, "elbow": 90}))
    assert close(pose.near.elbow, (k.UPPER_ARM, k.TRUNK))
    assert close(pose.near.hand, (k.UPPER_ARM, k.TRUNK + k.FOREARM + k.HAND))  # forearm straight up
    hanging = k.body(frame(trunk=20))
    assert hanging.near.elbow[0] == pytest.approx(k.TRUNK * math.sin(math.radians(20)) - k.UPPER_ARM * math.sin(math.radians(20)))


def test_placement_lift_and_travel():
    figure = Figure.model_validate({"travel": 1.0, "keyframes": [data(label="a"), data(label="b", lift=0.1, at=0.25)]})
    first, second = k.poses(figure)
    assert min(y for _, y in first.points()) == pytest.approx(0)
    assert min(y for _, y in second.points()) == pytest.approx(0.1)
    assert second.hip[0] - first.hip[0] == pytest.approx(0.25)


def test_frames_between_keyframes_mix_the_angles_linearly_and_loop():
    figure = Figure.model_validate({"keyframes": [data(near={"knee": 0}), data(near={"knee": 100}, lift=0.2)]})
    assert k.frame_at(figure, 0.25).near.knee == pytest.approx(50)
    assert k.frame_at(figure, 0.25).lift == pytest.approx(0.1)
    assert k.frame_at(figure, 0.75).near.knee == pytest.approx(50)   # back towards the first
    assert k.frame_at(figure, 1.0).near.knee == 0


def test_heel_path_is_measured_from_the_hip_above_the_ground():
    figure = Figure.model_validate({"travel": 2.0, "keyframes": [data(), data()]})
    path = k.heel_path(figure, 8)
    assert len(path) == 8
    assert all(close(p, (-k.FOOT * k.HEEL_SHARE, 0)) for p in path)

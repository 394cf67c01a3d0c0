"""Ground contact (the format's "Ground contact in a keyframe") and the figure advisories,
from the computed points; and what the shipped drills' figures must show."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from generator.__main__ import main
from generator.build import Build
from generator.figure import body as b
from generator.figure import kinematics as k
from generator.model import Figure
from generator.model import figure_checks as fc
from tests.shipped import DRILLS as SHIPPED
from tests.unit.test_kinematics import data

LANDING = {"hip": 20, "knee": 5, "ankle": -5, "shoulder": 0, "elbow": 90}
TRAILING = {"hip": -20, "knee": 60, "ankle": -20, "shoulder": 0, "elbow": 90}


def figure(*frames, travel=0.0) -> Figure:
    return Figure.model_validate({"travel": travel, "keyframes": list(frames)})


def lowest(points: dict, side: str) -> float:
    return min(points[f"{side}.heel"][1], points[f"{side}.toe"][1])


def test_the_contact_foot_stands_on_the_ground():
    frame = data(near=LANDING, far=TRAILING, contact="near")
    (placed, _) = b.named_points(figure(frame, frame))
    assert lowest(placed, "near") == pytest.approx(0, abs=1e-9)
    assert lowest(placed, "far") > 0.01


def test_both_stands_on_the_lower_foot_and_none_on_lift():
    both, flight = b.named_points(figure(data(contact="both"), data(near=TRAILING, contact="none", lift=0.2)))
    assert min(lowest(both, "near"), lowest(both, "far")) == pytest.approx(0, abs=1e-9)
    assert min(y for _, y, _ in flight.values()) == pytest.approx(0.2)


def test_between_two_keyframes_on_one_foot_the_pose_stays_on_it():
    fig = figure(data(near=LANDING, far=TRAILING, contact="near"), data(near={**LANDING, "hip": -5}, far={**TRAILING, "hip": 30}, contact="near"))
    for frame in k.frames_at(fig, [0.1, 0.25, 0.4]):
        assert k.foot_low(k.place(frame, 0, 0).near) == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize(("frame", "words"), [
    (data(near=LANDING, far={**TRAILING, "knee": 0, "ankle": -40}, contact="near"), ["far foot", "below the ground"]),
    (data(near=LANDING, far=TRAILING, contact="both"), ["contact both", "far foot", "above the ground"]),
    (data(contact="none"), ["lift above 0"]),
    (data(contact="near", lift=0.1), ["0 or left out"]),
])
def test_contact_errors(frame, words):
    (message,) = [m for _, m in fc.contact_rules(figure(frame, data()), ())]
    assert all(w in message for w in words), message


def test_without_contact_the_pose_is_placed_as_before():
    frame = data(near=LANDING, far={**TRAILING, "knee": 0, "ankle": -40})
    assert list(fc.contact_rules(figure(frame, frame), ())) == []
    (placed, _) = b.named_points(figure(frame, frame))
    assert min(y for _, y, _ in placed.values()) == pytest.approx(0, abs=1e-9)


# ---- advisories -------------------------------------------------------------------

RUN = [data(near={"hip": 40, "knee": 60, "shoulder": -40, "elbow": 90}, far={"hip": -20, "knee": 20, "shoulder": 40, "elbow": 90}, contact="far"),
       data(near={"hip": -20, "knee": 20, "shoulder": 40, "elbow": 90}, far={"hip": 40, "knee": 60, "shoulder": -40, "elbow": 90}, contact="near")]


def test_a_figure_is_too_close_to_itself_and_not_to_a_different_one():
    run = figure(*RUN, travel=1)
    assert fc.too_close(run, run)
    nudged = figure(*({**f, "near": {**f["near"], "elbow": 100}} for f in RUN), travel=1)   # 10 degrees: the hand moves < 8 cm
    assert fc.too_close(run, nudged)
    leaning = figure(*({**f, "trunk": -15} for f in RUN), travel=1)
    assert not fc.too_close(run, leaning)
    # 10 degrees at the trunk keeps every angle within 15 but moves the head more than 8 cm.
    assert not fc.too_close(run, figure(*({**f, "trunk": 10} for f in RUN), travel=1))


def test_too_close_looks_between_the_keyframes_as_the_animation_does():
    """Two figures with the same keyframes at different times differ in between."""
    early = figure(*RUN, data(contact="both"), travel=1)
    late = figure(*({**f, "at": at} for f, at in zip([*RUN, data(contact="both")], (0, 0.6, 0.9))), travel=1)
    assert not fc.too_close(early, late)


def test_arms_that_swing_with_the_leg_of_their_side_are_noted():
    same_side = [{**f, "near": {**f["near"], "shoulder": -f["near"]["shoulder"]}, "far": {**f["far"], "shoulder": -f["far"]["shoulder"]}} for f in RUN]
    assert fc._swings_against(figure(*RUN, travel=1))
    assert fc._alternates(figure(*same_side, travel=1)) and not fc._swings_against(figure(*same_side, travel=1))


def _drill_with(project, mistake_figure: dict, variant_figure: dict) -> str:
    path = project / "drills" / "butt-kickers.yaml"
    for translation in path.parent.glob("butt-kickers.*.yaml"):   # its labels follow the figure replaced here
        translation.unlink()
    drill = yaml.safe_load(path.read_text(encoding="utf-8"))
    drill["variants"][0]["figure"] = variant_figure
    index = next(i for i, m in enumerate(drill["mistakes"]) if m["id"] in drill["variants"][0]["mistakes"])
    drill["mistakes"][index]["figure"] = mistake_figure
    text = yaml.safe_dump(json.loads(json.dumps(drill)), sort_keys=False, allow_unicode=True)   # no shared nodes: no anchors
    path.write_text(text, encoding="utf-8")
    return f"mistakes[{index}].figure"


def test_check_prints_advisories_as_notes_at_the_figure_and_exits_0(project, capsys):
    same_side = [{**f, "near": {**f["near"], "shoulder": -f["near"]["shoulder"]}, "far": {**f["far"], "shoulder": -f["far"]["shoulder"]}} for f in RUN]
    field = _drill_with(project, {"travel": 1, "keyframes": same_side}, {"travel": 1, "keyframes": same_side})
    status = main(["--root", str(project), "check"])
    _, err = capsys.readouterr()
    assert status == 0, err
    notes = err.splitlines()
    text = (project / "drills" / "butt-kickers.yaml").read_text(encoding="utf-8").splitlines()
    mistake = next(n for n in notes if f": {field}: note: " in n)
    line = int(re.match(r"drills/butt-kickers.yaml:(\d+):\d+: ", mistake).group(1))
    assert text[line - 1].strip().startswith("figure:") and "hardly differs" in mistake
    assert any(": variants[0].figure: note: " in n and "opposite leg" in n for n in notes)
    assert "problem" not in err       # no error count: advisories never fail


def test_a_build_reports_advisories_and_does_not_stop(project):
    _drill_with(project, {"travel": 1, "keyframes": RUN}, {"travel": 1, "keyframes": RUN})
    build = Build(project)
    build.handbook()
    assert any(p.severity == "note" and "hardly differs" in p.message for p in build.reported)


# ---- the shipped drills -------------------------------------------------------------

def _figures(handbook):
    for drill in handbook.drills:
        if drill.id in SHIPPED:
            for v in drill.variants:
                yield drill, v.figure
            for m in drill.mistakes:
                if m.figure:
                    yield drill, m.figure


def test_every_shipped_keyframe_states_its_contact_and_stands_as_it_says(handbook):
    for drill, fig in _figures(handbook):
        for frame, points in zip(fig.keyframes, b.named_points(fig)):
            where = f"{drill.id}: {frame.label}"
            assert frame.contact is not None, where
            ground = min(y for _, y, _ in points.values())
            assert ground >= -fc.BELOW, where
            if frame.contact == "none":
                assert ground == pytest.approx(frame.lift, abs=0.001), where
            else:
                feet = [lowest(points, s) for s in ("near", "far") if frame.contact in (s, "both")]
                assert min(feet) == pytest.approx(0, abs=0.001), where
                assert max(feet) <= fc.BOTH_UP, where


def _flights(fig):
    return [f for f in fig.keyframes if f.contact == "none" and f.lift >= 0.05]


def test_bounds_fly(handbook):
    for drill_id in {"straight-leg-bounds", "bounding"} & set(SHIPPED):
        drill = handbook.drill(drill_id)
        assert any(_flights(v.figure) for v in drill.variants if v.figure.travel >= 1), drill_id


def test_bounding_floats_with_the_thighs_split_at_least_90_degrees(handbook):
    if "bounding" not in SHIPPED:
        pytest.skip("the handbook does not ship bounding")
    for variant in handbook.drill("bounding").variants:
        assert max(abs(f.near.hip - f.far.hip) for f in _flights(variant.figure)) >= 90, variant.id


def test_butt_kickers_thigh_at_heel_to_pelvis_is_halfway_to_level_as_the_steps_say(handbook):
    """At its highest heel the thigh is 40 to 45 degrees forward (the coach's "about 40-45");
    a step that says how far the thigh comes forward says halfway to level."""
    if "butt-kickers" not in SHIPPED:
        pytest.skip("the handbook does not ship butt kickers")
    for variant in handbook.drill("butt-kickers").variants:
        peak = max(variant.figure.keyframes, key=lambda f: k.body(f).near.heel[1])
        assert 40 <= peak.near.hip - peak.trunk <= 45, variant.id
        for step in variant.steps:
            if "thigh" in step:
                assert "halfway to level" in step, step


def test_no_shipped_mistake_figure_is_too_close_to_its_variant(handbook):
    for drill in handbook.drills:
        if drill.id in SHIPPED:
            for mistake in drill.mistakes:
                for variant in drill.variants:
                    if mistake.figure and mistake.id in variant.mistakes:
                        assert not fc.too_close(variant.figure, mistake.figure), (drill.id, mistake.id, variant.id)

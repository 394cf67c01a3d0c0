"""The open data (``data/handbook.json``): valid against its generated schema, complete
(every drill, variant and mistake of the handbook, a club's included), placing each
figure's joints where the drawings put them, the same bytes every build, and holding
no HTML that a drill file did not allow."""

from __future__ import annotations

import html.parser
import json
import math
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest

from generator import data, paths
from generator.build import Build, Settings
from generator.export import export_files
from generator.figure.draw import SCALE
from generator.model import Drill
from generator.paths import Paths, Site
from generator.text import Text
from tests.conftest import DATA, ROOT, copy_handbook


@pytest.fixture(scope="module")
def pages() -> dict[str, str | bytes]:
    return Build(ROOT, Settings()).pages()


@pytest.fixture(scope="module")
def opened(pages) -> dict:
    return json.loads(pages[paths.DATA])


def _fields(model) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def test_the_data_validates_against_its_schema(pages, opened):
    schema = json.loads(pages[paths.DATA_SCHEMA])
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(opened)
    assert opened["version"] == data.VERSION and opened["language"] == Site().language


def test_the_schema_refuses_what_the_data_does_not_hold(pages, opened):
    """No key slips through unchecked: an unknown key in a drill is refused."""
    schema = json.loads(pages[paths.DATA_SCHEMA])
    changed = json.loads(json.dumps(opened))
    changed["drills"][0]["not_a_field"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(changed)


def test_every_drill_variant_and_mistake_is_in_it_with_its_address(handbook, opened, pages):
    by_id = {d["id"]: d for d in opened["drills"]}
    assert list(by_id) == [d.id for d in handbook.drills]
    for drill in handbook.drills:
        out = by_id[drill.id]
        assert out["url"] == Site().path(paths.drill(drill.id))
        assert [v["id"] for v in out["variants"]] == [v.id for v in drill.variants]
        assert [m["id"] for m in out["mistakes"]] == [m.id for m in drill.mistakes]
        for v in out["variants"]:
            assert paths.variant(drill.id, v["id"]) in pages and v["url"] == Site().path(paths.variant(drill.id, v["id"]))
        for m, mistake in zip(out["mistakes"], drill.mistakes):
            assert m["url"].endswith("#" + paths.anchor(drill.id, m["id"]))
            assert (m["figure"] is None) == (mistake.figure is None)


def test_every_session_is_in_it_with_its_blocks_address_and_length(handbook, opened, pages):
    assert [s["id"] for s in opened["sessions"]] == [s.id for s in handbook.sessions]
    for session, out in zip(handbook.sessions, opened["sessions"]):
        assert paths.session(session.id) in pages and out["url"] == Site().path(paths.session(session.id))
        assert out["minutes"] == pytest.approx(sum(b.minutes for b in session.blocks), abs=1e-3)
        assert [b["name"] for b in out["blocks"]] == [b.name for b in session.blocks]
        assert [[d["drill"] for d in b["drills"]] for b in out["blocks"]] == [[d.drill for d in b.drills] for b in session.blocks]


def test_a_drill_carries_every_field_of_its_file_under_the_same_key(handbook, opened):
    """Each field as the file has it, each text with its HTML beside it."""
    drill, out = handbook.drills[0], opened["drills"][0]
    assert _fields(Drill) <= set(out)
    assert out["name"] == drill.name and out["summary"] == drill.summary
    assert out["name_html"] and out["summary_html"]
    assert out["muscles"]["primary"] == list(drill.muscles.primary)
    variant = out["variants"][0]
    assert variant["steps"] == list(drill.variants[0].steps) and len(variant["steps_html"]) == len(variant["steps"])
    for name in _fields(type(drill.variants[0])) - {"figure"}:
        assert name in variant


def test_a_figure_fills_in_what_its_file_leaves_out(handbook, opened):
    by_id = {d["id"]: d for d in opened["drills"]}
    for drill in handbook.drills:
        for variant, out in zip(drill.variants, by_id[drill.id]["variants"]):
            figure = out["figure"]
            assert figure["view"] in ("side", "front")
            assert figure["travel"] == pytest.approx(variant.figure.travel, abs=1e-3)
            times = variant.figure.times()
            for i, (frame, k) in enumerate(zip(variant.figure.keyframes, figure["keyframes"])):
                assert k["label"] == frame.label
                assert k["at"] == pytest.approx(times[i], abs=1e-3)
                assert k["lift"] == pytest.approx(frame.lift, abs=1e-3)
                assert k["contact"] == frame.contact
                assert {"head", "neck", "pelvis"} <= set(k["points"])
                for side, towards_viewer in (("near", True), ("far", False)):
                    for joint in ("hip", "knee", "ankle", "heel", "toe", "shoulder", "elbow", "hand"):
                        if figure["view"] == "side":   # a front view turns the near side to trail the travel
                            assert (k["points"][f"{side}.{joint}"][2] > 0) == towards_viewer
            for k in figure["keyframes"]:   # forward along the cycle, from the first pelvis
                assert k["points"]["pelvis"][0] == pytest.approx(k["at"] * figure["travel"], abs=2e-3)
            ground = min(p[1] for k in figure["keyframes"] for p in k["points"].values())
            assert ground >= -0.005


class _Strip(html.parser.HTMLParser):
    """The poses of the first phase strip of a page: each pose's polyline vertices, and its hip."""

    def __init__(self):
        super().__init__()
        self.poses: list[dict] = []
        self.inside = False
        self.done = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and "dh-strip" in (a.get("class") or "") and not self.done:
            self.inside = True
        elif self.inside and tag == "g" and "dh-pose" in (a.get("class") or ""):
            self.poses.append({"vertices": [], "hip": None, "head": None})
        elif self.inside and tag in ("polyline", "polygon") and self.poses:
            points = [tuple(map(float, p.split(","))) for p in (a.get("points") or "").split()]
            self.poses[-1]["vertices"] += points
            if "dh-trunk" in (a.get("class") or ""):
                self.poses[-1]["hip"], self.poses[-1]["top"] = points[0], points[-1]
        elif self.inside and tag == "circle" and "dh-head" in (a.get("class") or "") and self.poses:
            self.poses[-1]["head"] = (float(a["cx"]), float(a["cy"]))

    def handle_endtag(self, tag):
        if tag == "svg" and self.inside:
            self.inside, self.done = False, True


@pytest.mark.parametrize("which", [0, -1])
def test_each_keyframe_places_the_figure_as_the_strip_draws_it(which, handbook, opened, pages):
    """The strip draws each pose with its hip at its own place along the line: every joint
    of the data, moved the same way, is a corner of the pose's lines (0.1 px rounding)."""
    drill = handbook.drills[which]
    by_id = {d["id"]: d for d in opened["drills"]}
    for variant, out in zip(drill.variants, by_id[drill.id]["variants"]):
        strip = _Strip()
        strip.feed(pages[paths.variant(drill.id, variant.id)])
        assert len(strip.poses) == len(out["figure"]["keyframes"])
        for pose, frame in zip(strip.poses, out["figure"]["keyframes"]):
            points = frame["points"]
            hx, hy = pose["hip"]
            assert hy == pytest.approx(-points["pelvis"][1] * SCALE, abs=0.2)
            for name, (x, y, _) in points.items():
                want = (hx + (x - points["pelvis"][0]) * SCALE, -y * SCALE)
                if name == "head":   # the centre of the head's circle
                    assert pose["head"] == pytest.approx(want, abs=0.2)
                    continue
                if name == "neck":   # the drawn trunk stops short of it, on the line to it
                    (tx, ty), (nx, ny) = pose["top"], want
                    assert abs((tx - hx) * (ny - hy) - (ty - hy) * (nx - hx)) <= 0.5 * math.dist((hx, hy), want)
                    assert math.dist((hx, hy), (tx, ty)) < math.dist((hx, hy), want)
                    continue
                assert any(abs(vx - want[0]) <= 0.2 and abs(vy - want[1]) <= 0.2 for vx, vy in pose["vertices"]), \
                    f"{drill.id}/{variant.id}: {name} at {want} is no corner of the drawing"


def test_the_same_handbook_gives_the_same_bytes(pages):
    again = Build(ROOT, Settings()).pages()
    assert again[paths.DATA] == pages[paths.DATA]
    assert again[paths.DATA_SCHEMA] == pages[paths.DATA_SCHEMA]
    assert data.dumps(json.loads(pages[paths.DATA])) == pages[paths.DATA], "keys not sorted, or spaces"
    assert not re.search(r"\d\.\d{4,}", pages[paths.DATA]), "a number is not rounded to the millimetre"


def test_the_exported_tree_holds_the_data(pages):
    files = export_files(ROOT, pages)
    assert files[f"docs/{paths.DATA}"] == pages[paths.DATA]
    assert f"docs/{paths.DATA_SCHEMA}" in files


def test_another_language_has_its_data_under_its_prefix():
    assert Site(language="en").path(paths.DATA) == paths.DATA
    assert Site(language="en").path(paths.DATA, "fr") == f"fr/{paths.DATA}"


def test_a_club_drill_is_in_the_data(tmp_path, handbook):
    """A copy of the handbook with one more drill (one of its own, with no old ids, under a new id)."""
    project = copy_handbook(tmp_path / "handbook")
    model = next(d for d in handbook.drills if not d.former_ids and not any(v.former_ids for v in d.variants))
    text = (project / "drills" / f"{model.id}.yaml").read_text(encoding="utf-8")
    (project / "drills/club-extra.yaml").write_text(re.sub(r"(?m)^id: .*$", "id: club-extra", text, count=1), encoding="utf-8")
    opened = json.loads(Build(project, Settings()).pages()[paths.DATA])
    extra = next(d for d in opened["drills"] if d["id"] == "club-extra")
    assert extra["url"] == Site().path(paths.drill("club-extra"))
    assert extra["variants"] and extra["mistakes"]


_ALLOWED_TAGS = {"a", "em", "strong", "code", "br"}


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def _html_fields(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _html_fields(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _html_fields(v, key)
    elif isinstance(value, str) and key.endswith("_html"):
        yield key, value


def test_injected_markup_comes_out_inert(tmp_path):
    """Every text of the payload drill, in the data's HTML, is only the inline Markdown
    the format allows: no element but a link or emphasis, no handler, no unsafe link."""
    project = copy_handbook(tmp_path / "handbook")
    shutil.copy(DATA / "injection" / "payloads.yaml", project / "drills" / "payloads.yaml")
    opened = json.loads(Build(project, Settings()).pages()[paths.DATA])
    drill = next(d for d in opened["drills"] if d["id"] == "payloads")
    fields = list(_html_fields(drill))
    assert len(fields) > 20
    for key, value in fields:
        tags = _Tags()
        tags.feed(value)
        for tag, attrs in tags.found:
            assert tag in _ALLOWED_TAGS, f"{key}: <{tag}> in {value[:80]}"
            assert set(attrs) <= {"href"}, f"{key}: attributes {attrs}"
            if "href" in attrs:
                href = attrs["href"].strip()
                parts = urlsplit(href)
                assert parts.scheme in ("", "http", "https") and not href.startswith("//"), f"{key}: link {href}"


def test_the_data_file_is_not_a_page():
    """A file beside the pages, never one MkDocs renders (and so never indexed by the search)."""
    assert not paths.DATA.endswith(".md") and Path(paths.DATA).suffix == ".json"
    assert paths.page_url(paths.DATA, True) == paths.DATA


def _properties(schema: dict) -> set[str]:
    out = set(schema.get("properties", {}))
    for sub in schema.get("$defs", {}).values():
        out |= set(sub.get("properties", {}))
    return out


def test_the_open_data_page_names_every_key_the_files_do_not_have(pages):
    """The drill format documents the files' keys; the open data page every key the JSON adds."""
    from generator import model

    format_keys = set().union(*(_fields(m) for m in vars(model).values()
                                if isinstance(m, type) and hasattr(m, "model_fields")))
    added = {k for k in _properties(json.loads(pages[paths.DATA_SCHEMA])) - format_keys if not k.endswith("_html")}
    assert {"points", "version"} <= added
    page = (ROOT / "docs" / "open-data.md").read_text(encoding="utf-8")
    missing = sorted(k for k in added if f"`{k}`" not in page and f"[].{k}`" not in page)
    assert not missing, f"docs/open-data.md does not describe {missing}"


def test_a_build_in_another_language_says_so_and_links_its_pages(handbook):
    text = Text()
    opened = json.loads(data.files(handbook, text, Paths.of(handbook, text), Site(), "fr")[paths.DATA])
    assert opened["language"] == "fr"
    assert opened["drills"][0]["url"] == Site().path(paths.drill(handbook.drills[0].id), "fr")
    assert opened["drills"][0]["url"].startswith("fr/")

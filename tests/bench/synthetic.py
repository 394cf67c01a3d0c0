"""A deterministic synthetic handbook for the benchmark: N drills × 3 variants × 3 mistakes, with figures.

The same N always gives the same files, byte for byte, so two benchmark runs
build the same site. The text is varied (words drawn by a seeded generator) so
that the search index and the page sizes look like a real club's handbook.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

VARIANTS = 3
MISTAKES = 3
KEYFRAMES = 4
PROJECT_PARTS = ("mkdocs.yml", "docs", "templates", "generator")
GUIDE = Path("drills/guides/footwear.yaml")

WORDS = ["stride", "heel", "knee", "hip", "ankle", "arm", "rhythm", "contact", "ground", "push", "lift", "fold", "swing", "drive", "balance", "posture", "trunk", "shoulder", "elbow", "foot", "toes", "spring", "bounce", "step", "pace", "tempo", "lane", "track", "grass", "cone", "marker", "line", "quick", "soft", "tall", "relaxed", "forward", "upright", "light", "short", "long", "fast", "slow", "steady", "smooth", "elastic", "compact", "athlete", "coach", "sprinter", "runner", "squad", "session", "warm-up", "stretch", "mobility", "power", "speed", "agility", "control"]
ADJECTIVES = ["Quick", "Soft", "Tall", "High", "Low", "Wide", "Narrow", "Lateral", "Backward", "Forward", "Bouncing", "Skipping", "Crossing", "Alternating", "Single", "Double"]
NOUNS = ["Skip", "Shuffle", "Bound", "Hop", "Kick", "March", "Drive", "Step", "Lunge", "Run", "Jog", "Skater", "Stride", "Switch", "Reach", "Pull"]
MUSCLES = ("hamstrings", "glutes", "quadriceps", "hip-flexors", "adductors", "abductors", "calves", "shins", "feet", "core")
SPORTS = ("athletics", "football", "basketball", "rugby", "handball", "tennis", "hockey", "volleyball")
SURFACES = ("track", "grass", "turf", "indoor", "road", "sand")
LEVELS = ("beginner", "intermediate", "advanced")
CRITERIA = ("sport-specific", "light", "flexible", "adequate-sole")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Plain YAML: no anchors or aliases (the format refuses them)."""

    def ignore_aliases(self, data):
        return True


def drill_id(i: int) -> str:
    return f"drill-{i:04d}"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _limb(rng: random.Random) -> dict:
    return {
        "hip": rng.randint(-20, 90), "knee": rng.randint(0, 140), "ankle": rng.randint(-30, 20),
        "shoulder": rng.randint(-60, 60), "elbow": rng.randint(60, 110),
    }


def _figure(rng: random.Random) -> dict:
    return {
        "travel": round(rng.uniform(0, 1.5), 2),
        "keyframes": [
            {"label": _sentence(rng, 4), "trunk": rng.randint(0, 15), "near": _limb(rng), "far": _limb(rng)}
            for _ in range(KEYFRAMES)
        ],
    }


def drill(i: int, count: int) -> dict:
    """Drill number ``i`` of a handbook of ``count`` drills, as plain data in the drill format."""
    rng = random.Random(f"drill-{i}")
    mistakes = [
        {
            "id": f"mistake-{m + 1}",
            "name": _sentence(rng, 5),
            "why": _sentence(rng, 30),
            "fix": _sentence(rng, 25),
            "cue": _sentence(rng, 4),
            "seen_in": [rng.choice(SPORTS)],
            "figure": _figure(rng),
        }
        for m in range(MISTAKES)
    ]
    variants = [
        {
            "id": f"variant-{v + 1}",
            "name": _sentence(rng, 3)[:-1],
            "label": rng.choice(["Technique focus", "Speed", "Most common"]),
            "intent": _sentence(rng, 30),
            "steps": [_sentence(rng, 14) for _ in range(4)],
            "cues": [_sentence(rng, 4) for _ in range(3)],
            "dosage": {"distance_m": 20, "sets": 2},
            "mistakes": [m["id"] for m in mistakes],
            "easier": _sentence(rng, 10),
            "harder": _sentence(rng, 10),
            "figure": _figure(rng),
        }
        for v in range(VARIANTS)
    ]
    data = {
        "schema": 1,
        "id": drill_id(i),
        "name": f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {i}",
        "aliases": [_sentence(rng, 2)[:-1]],
        "summary": _sentence(rng, 18),
        "purpose": " ".join(_sentence(rng, 20) for _ in range(4)),
        "level": LEVELS[i % 3],
        "muscles": {"primary": [MUSCLES[i % len(MUSCLES)]], "secondary": rng.sample(MUSCLES, 2)},
        "sports": sorted(rng.sample(SPORTS, 3)),
        "surfaces": sorted(rng.sample(SURFACES, 2)),
        "dosage": {"distance_m": 20, "sets": 3, "rest": "Walk back to the start"},
        "when": _sentence(rng, 10),
        "safety": [_sentence(rng, 12) for _ in range(2)],
        "footwear": sorted(rng.sample(CRITERIA, 2)),
        "sources": [{"title": _sentence(rng, 6), "url": f"https://example.org/drills/{i}"}],
        "variants": variants,
        "mistakes": mistakes,
    }
    if i + 1 < count:
        data["progressions"] = [drill_id(i + 1)]
    if i > 0:
        data["regressions"] = [drill_id(i - 1)]
    return data


def session(i: int, count: int) -> dict:
    """A warm-up of four blocks naming five of the drills; one session per ten drills."""
    rng = random.Random(10_000 + i)
    picks = [drill_id((i * 10 + k * 3) % count) for k in range(5)]
    drills = [{"drill": d, "variant": f"variant-{1 + k % VARIANTS}"} for k, d in enumerate(picks)]
    drills[0]["dosage"] = {"distance_m": 20, "sets": 2, "rest": "Walk back"}
    return {
        "schema": 1, "id": f"session-{i:03d}", "name": f"Warm-up {i + 1}", "summary": _sentence(rng, 12),
        "occasion": rng.choice(("training", "race", "match")), "level": rng.choice(LEVELS), "sports": [rng.choice(SPORTS)],
        "notes": _sentence(rng, 30),
        "blocks": [
            {"name": "Easy jog", "minutes": 5, "what": _sentence(rng, 10)},
            {"name": "Mobility", "minutes": 4, "drills": drills[:2]},
            {"name": "Drills", "minutes": 7.5, "what": _sentence(rng, 8), "drills": drills[2:]},
            {"name": "Strides", "minutes": 4, "what": _sentence(rng, 10)},
        ],
    }


def write_drills(root: Path, count: int) -> None:
    """``count`` drill files, and a session per ten drills, under ``root/drills``."""
    folder = root / "drills"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = yaml.dump(drill(i, count), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        (folder / f"{drill_id(i)}.yaml").write_text(text, encoding="utf-8")
    (folder / "sessions").mkdir(exist_ok=True)
    for i in range(count // 10):
        text = yaml.dump(session(i, count), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        (folder / "sessions" / f"session-{i:03d}.yaml").write_text(text, encoding="utf-8")


def copy_project(project: Path, dest: Path, parts=PROJECT_PARTS) -> Path:
    """The site's source without its drills: config, hand-written pages, templates, generator."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = project / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def make_handbook(project: Path, dest: Path, count: int) -> Path:
    """A copy of ``project``'s site with ``count`` synthetic drills and the project's footwear guide."""
    copy_project(project, dest)
    (dest / GUIDE).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(project / GUIDE, dest / GUIDE)
    write_drills(dest, count)
    return dest

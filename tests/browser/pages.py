"""One page of each kind the handbook has, by path under the site root (directory URLs).

The browser tests and ``make audit`` go through this list: a new kind of page is one line here.
"""

PAGES = {
    "home": "",
    "drills index": "drills/",
    "drill": "drills/butt-kickers/",
    "variant": "drills/butt-kickers/heels-pelvis/",
    "mistakes": "mistakes/",
    "footwear": "footwear/",
    "tags": "tags/",
    "sessions": "sessions/",
    "session": "sessions/sprint-training/",
    "session builder": "session-builder/",
    "cards": "cards/",
    "drill cards": "cards/?drills=butt-kickers",
    "sources": "sources/",
    "open data": "open-data/",
}

# The pages Lighthouse audits (make audit): the busiest kinds, those that exist.
AUDITED = [name for name in ("home", "variant", "cards") if name in PAGES]

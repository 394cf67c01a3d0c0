"""The progression path: drills linked by ``progressions`` and ``regressions``, in steps
from easiest to hardest, for the drill list."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Drill


def progression_steps(drills: Sequence[Drill]) -> list[list[Drill]]:
    """Drills linked by progressions, in steps from easiest to hardest; ``drills`` is in
    the order each step lists them.

    An edge goes from a drill to each of its progressions, and from each of its
    regressions to it. Edges that would close a loop are dropped; a drill's step is
    then the length of the longest chain of easier drills before it, so the steps
    read as a learning path. Drills without links are left out."""
    ids = {d.id for d in drills}
    harder: dict[str, set[str]] = {d.id: set() for d in drills}
    for drill in drills:
        harder[drill.id] |= set(drill.progressions) & ids
        for easier in set(drill.regressions) & ids:
            harder[easier].add(drill.id)
    linked = {i for i, nxt in harder.items() if nxt} | {n for nxt in harder.values() for n in nxt}
    forward = _without_loops(harder, sorted(linked))
    incoming = {i: 0 for i in linked}
    for nxt in forward.values():
        for n in nxt:
            incoming[n] += 1
    step = {i: 0 for i in linked}
    ready = sorted(i for i in linked if incoming[i] == 0)
    while ready:
        current = ready.pop()
        for n in sorted(forward[current]):
            step[n] = max(step[n], step[current] + 1)
            incoming[n] -= 1
            if incoming[n] == 0:
                ready.append(n)
    steps: list[list[Drill]] = [[] for _ in range(max(step.values(), default=-1) + 1)]
    for drill in drills:
        if drill.id in step:
            steps[step[drill.id]].append(drill)
    return steps


def _without_loops(edges: dict[str, set[str]], order: list[str]) -> dict[str, set[str]]:
    """The edges less those that lead back to a drill on the current path (depth first, no recursion)."""
    kept: dict[str, set[str]] = {i: set() for i in edges}
    state: dict[str, int] = {}  # 1 on the path, 2 done
    for root in order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(sorted(edges[root])))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) != 1:
                kept[node].add(child)
                if child not in state:
                    state[child] = 1
                    stack.append((child, iter(sorted(edges[child]))))
    return kept

"""Which processes of a process group are still alive (read from /proc)."""

from __future__ import annotations

from pathlib import Path


def alive_in_group(pgid: int) -> list[int]:
    """The pids of the group's processes that are neither gone nor zombies."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive

"""Start-up time of the command line: ``kg --help`` and a command's ``--help``, each in a
fresh interpreter, as a person typing them waits for it.

Each command line is run ``--repeat`` times after one warm-up (which fills the OS file
cache); prints the median, min and max wall time in ms, and the same for ``python -c pass``,
the floor any command pays.

    python bench/bench_cli_startup.py --repeat 20
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

LINES = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "kg --help": [sys.executable, "-m", "kg", "--help"],
    "kg query --help": [sys.executable, "-m", "kg", "query", "--help"],
    "kg serve --help": [sys.executable, "-m", "kg", "serve", "--help"],
    "kg build --help": [sys.executable, "-m", "kg", "build", "--help"],
}


def wall_ms(argv: list[str]) -> float:
    """Milliseconds from starting ``argv`` to its exit."""
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print(f"{'command':<18} {'median':>8} {'min':>8} {'max':>8}  (ms, {args.repeat} runs)")
    for name, argv in LINES.items():
        wall_ms(argv)
        times = [wall_ms(argv) for _ in range(args.repeat)]
        print(f"{name:<18} {statistics.median(times):8.0f} {min(times):8.0f} {max(times):8.0f}")


if __name__ == "__main__":
    main()

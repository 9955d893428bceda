"""python -m bench NAME|all [--quick]"""

from __future__ import annotations

import importlib
import sys

NAMES = ("annotate_speed", "grouping", "web_load")


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    names = [a for a in argv if not a.startswith("--")] or ["all"]
    for name in NAMES if names == ["all"] else names:
        if name not in NAMES:
            print(f"unknown benchmark {name!r}; choose from {', '.join(NAMES)}", file=sys.stderr)
            return 2
        print(f"== {name}", flush=True)
        for line in importlib.import_module(f"bench.{name}").run(quick=quick):
            print(f"  {line}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

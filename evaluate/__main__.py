"""python -m evaluate NAME|all [--fast]"""

from __future__ import annotations

import importlib
import sys

from evaluate import CAPABILITIES


def main(argv: list[str]) -> int:
    fast = "--fast" in argv
    names = [a for a in argv if not a.startswith("--")] or ["all"]
    if names == ["all"]:
        names = list(CAPABILITIES)
    for name in names:
        if name not in CAPABILITIES:
            print(f"unknown capability {name!r}; choose from: {', '.join(CAPABILITIES)}", file=sys.stderr)
            return 2
        try:
            module = importlib.import_module(f"evaluate.{name}")
        except ModuleNotFoundError as error:
            print(f"== {name}: not available ({error})")
            continue
        print(module.run(fast=fast).format(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

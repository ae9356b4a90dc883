#!/usr/bin/env python3
"""Runs OpenKB's own structural lint (openkb/lint.py::run_structural_lint) on a KB, as one process.

The yardstick for `openkb lint` in docs/performance.md. OpenKB's code is not part of this repository:
pass the path of a checkout of https://github.com/VectifyAI/OpenKB (see docs/performance.md).

    python3 bench/scripts/openkb_structural_lint.py OPENKB_CHECKOUT KB_DIR

Only openkb/lint.py is loaded (it needs nothing beyond the standard library), by file path, so the
package's __init__ and its LLM dependencies are not imported; `openkb lint` itself would run the same
structural lint and then an LLM "knowledge lint", which has no place in a timing. Prints the report
and exits 0, like OpenKB's structural part.
"""
import importlib.util
import sys
from pathlib import Path


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    checkout, kb = Path(sys.argv[1]), Path(sys.argv[2])
    lint_py = checkout / "openkb" / "lint.py"
    spec = importlib.util.spec_from_file_location("openkb_lint", lint_py)
    if spec is None or not lint_py.is_file():
        print(f"no openkb/lint.py under {checkout}", file=sys.stderr)
        return 2
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    print("Running structural lint...")
    print(module.run_structural_lint(kb))
    return 0


if __name__ == "__main__":
    sys.exit(main())

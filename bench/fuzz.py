"""The long fuzzing run: the suite's fuzz tests (tests/ingest/test_fuzz.py) with thousands of
examples each instead of a handful. Prints the examples run, the time, and the suite's own
setting as the baseline measured in the same run; exits non-zero when any reader failed.

    python bench/fuzz.py [--examples 2000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = "tests/ingest/test_fuzz.py"
SUITE_EXAMPLES = 25


def run(examples: int) -> tuple[int, float]:
    env = {**os.environ, "CROSSWIRE_FUZZ_EXAMPLES": str(examples)}
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                           TESTS], cwd=ROOT, env=env)  # fmt: skip
    return done.returncode, time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples per fuzz test")
    args = parser.parse_args()
    base_rc, base_s = run(SUITE_EXAMPLES)
    rc, seconds = run(args.examples)
    print(f"baseline (suite, {SUITE_EXAMPLES} examples a test): "
          f"{'pass' if base_rc == 0 else 'FAIL'} in {base_s:.1f} s")  # fmt: skip
    print(f"long run ({args.examples} examples a test): "
          f"{'pass' if rc == 0 else 'FAIL'} in {seconds:.1f} s")  # fmt: skip
    return 0 if rc == 0 and base_rc == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Build cost in CPU instructions, which a noisy machine cannot blur.

    python3 bench/instructions.py --n 100                       # hooks (2 editions) / plain
    python3 bench/instructions.py --n 100 --variants hooks2 hooks3   # the Traditional edition's cost

Wall-clock builds on shared machines vary by 15-40 % from one run to the next. This script
builds the synthetic course of ``bench/synthetic.py`` (N lessons per language) as
``python -m mkdocs build`` under Valgrind's cachegrind (``--cache-sim=no``: instruction
counts only) and prints the instructions each build executed. Counts repeat to within a
fraction of a percent. Variants:

- ``plain``: plain Material + mkdocs-static-i18n from the same Markdown (English and
  Simplified Chinese), no hooks;
- ``hooks2``: the project's hooks, English and Simplified Chinese;
- ``hooks3``: the project's hooks with the Traditional Chinese edition as well.

Each build takes about 60 times as long as without Valgrind (N = 100: about ten minutes);
two run side by side. Needs ``valgrind`` (Debian package). The last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402
from measure import build_env, compile_hooks  # noqa: E402

TOTAL = re.compile(r"==(\d+)== I\s+refs:\s+([\d,]+)")
VARIANTS = ("plain", "hooks2", "hooks3")


def count(project: Path, site: Path, log: Path) -> int:
    """Instructions executed by one ``mkdocs build`` of ``project``."""
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               f"--log-file={log}", sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=project, env=build_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{project.name}: build failed under valgrind:\n{result.stderr[-3000:]}")
    total = TOTAL.search(log.read_text(errors="replace"))
    return int(total[2].replace(",", ""))


def prepare(work: Path, variant: str, n: int) -> Path:
    project = work / variant
    if variant == "plain":
        synthetic.plain_from_hooks_project(prepare(work, "hooks2", n), project)
    elif not project.exists():
        synthetic.hooks_project(project, n, editions=3 if variant == "hooks3" else 2)
        compile_hooks(project)
    return project


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="lessons per language (default 100)")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=["plain", "hooks2"],
                        help="builds to count (default: plain hooks2); the first is the baseline")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory(prefix="ctpat-instructions-") as tmp:
        work = Path(tmp)
        projects = {variant: prepare(work, variant, args.n) for variant in args.variants}
        with ThreadPoolExecutor(max_workers=2) as pool:  # a count does not depend on the load
            jobs = {variant: pool.submit(count, project, work / f"site-{variant}", work / f"{variant}.log")
                    for variant, project in projects.items()}
            counts = {variant: job.result() for variant, job in jobs.items()}
    base = args.variants[0]
    for variant, value in counts.items():
        print(f"N={args.n} {variant}: {value / 1e9:.2f} G instructions, {value / counts[base]:.3f} x {base}")
    print(json.dumps({"n": args.n, "counts": counts,
                      "ratios": {v: round(c / counts[base], 4) for v, c in counts.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build cost in CPU instructions, which a noisy machine cannot blur.

    python bench/instructions.py --n 100

Wall-clock builds on shared machines vary by 15-40 % from one run to the next (README,
Performance). This script builds the synthetic course of ``bench/build.py`` once plain and
once with the hooks, each as ``python -m mkdocs build`` under Valgrind's cachegrind
(``--cache-sim=no``: instruction counts only), and prints the instructions executed by the
build process and, separately, by any process it forked (the quiz check's worker runs on
another core). Valgrind copies a process's counts into the child it forks, so a worker's
count includes everything the build had run before ``on_pre_build`` forked it: read it as
an upper bound of the worker's own work, not as work done twice. Counts repeat to within a
fraction of a percent. Each build takes about 60 times as long as without Valgrind; the two
run side by side (N = 100: about ten minutes). Needs ``valgrind`` (Debian package).
The last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
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


def count(project: Path, site: Path, log: Path) -> dict:
    """Instructions of the build process and of the processes it forked (not exec'd tools)."""
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
               f"--cachegrind-out-file={log.parent}/cachegrind.%p", f"--log-file={log}.%p",
               sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=project, env=build_env(),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed under valgrind:\n{result.stderr[-3000:]}")
    counts = {}
    for path in log.parent.glob(f"{log.name}.*"):
        text = path.read_text(errors="replace")
        total = TOTAL.search(text)
        if total:
            counts[int(total[1])] = (int(total[2].replace(",", "")), "Command: " in text and
                                     sys.executable in text)
    # The build is the biggest Python process; other Python processes are its forks.
    pythons = sorted((n for n, is_python in counts.values() if is_python), reverse=True)
    return {"build": pythons[0], "forked": sum(pythons[1:])}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="lessons per language (default 100)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory(prefix="ctpat-instructions-") as tmp:
        work = Path(tmp)
        synthetic.hooks_project(work / "hooks", args.n)
        synthetic.plain_from_hooks_project(work / "hooks", work / "plain")
        compile_hooks(work / "hooks")
        for variant in ("plain", "hooks"):
            (work / f"logs-{variant}").mkdir()
        # Side by side: a count does not depend on what else the machine runs.
        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs = {variant: pool.submit(count, work / variant, work / f"site-{variant}",
                                         work / f"logs-{variant}" / "valgrind")
                    for variant in ("plain", "hooks")}
            results = {variant: job.result() for variant, job in jobs.items()}
    plain, hooks = results["plain"]["build"], results["hooks"]["build"]
    print(f"N={args.n}: instructions of the build process: plain {plain / 1e9:.2f} G, "
          f"hooks {hooks / 1e9:.2f} G, ratio {hooks / plain:.3f}; forked worker "
          f"{results['hooks']['forked'] / 1e9:.2f} G (on another core; counted from the fork's "
          "parent's count at the fork)")
    print(json.dumps({"n": args.n, "plain": plain, "hooks": hooks,
                      "ratio": round(hooks / plain, 4), "hooks_forked": results["hooks"]["forked"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

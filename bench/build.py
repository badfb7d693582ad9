"""Build time of the project beside plain Material, in one run: the real course and a synthetic one.

    python bench/build.py [--n 100] [--repeat K] [--no-real] [--traditional] [--keep]
    python bench/build.py --dry-run [--n 2]     # write and check the projects, build nothing

Every build is a fresh ``python -m mkdocs build`` process (bytecode caching on, the hooks
precompiled: bench/measure.py ``build_env``). Variants:

* real course (a copy of the project): ``hooks`` as shipped (English, Simplified and
  Traditional Chinese), ``hooks2`` (the Traditional edition off) and ``plain``: the same
  Markdown built by plain Material + mkdocs-static-i18n (English and Simplified Chinese);
* synthetic course of N lessons per language (bench/synthetic.py, default N = 100):
  ``hooks2`` and ``plain`` (``--traditional`` adds ``hooks``, three editions).

Builds alternate (A B C, C B A, ...) after an untimed warm-up; each variant is built K times
(default 9 up to N = 100, 3 above). Reported per variant: median wall seconds with the fastest
and slowest, median CPU seconds, peak RSS, pages, warnings; ratios of medians against plain.
On a loaded machine wall time moves 10-40 % between runs; CPU seconds move less, and
bench/instructions.py (Valgrind) gives a noise-free instruction ratio.

About 7-10 minutes with the defaults on two busy cores. Progress goes to stderr; the report to
stdout, with one JSON object as its LAST line (also in bench/out/build-<time>.json, build logs
in bench/out/logs/).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402
from measure import (ROOT, compile_hooks, count_pages, machine, progress, project_state,  # noqa: E402
                     spread, timed_build)

OUT = ROOT / "bench" / "out"


def default_repeat(n: int) -> int:
    # Single builds on shared machines vary by 10-40 %: with medians of 9 alternating runs
    # one slow build no longer decides the ratio; long builds vary less.
    return 9 if n <= 100 else 3


def run_order(variants: list[str], repeat: int) -> list[str]:
    """A B C, C B A, A B C ...: each variant as often first as last."""
    order = []
    for r in range(repeat):
        order += variants if r % 2 == 0 else list(reversed(variants))
    return order


def prepare(target: str, n: int, work: Path, traditional: bool) -> dict:
    """{variant: project folder} under ``work``, for ``real`` or ``synthetic``."""
    base = work
    source = base / "source"
    if target == "real":
        synthetic.copy_real_project(source)
        wanted = {"plain": 2, "hooks2": 2, "hooks": 3}
    else:
        synthetic.hooks_project(source, n, editions=3)
        wanted = {"plain": 2, "hooks2": 2, **({"hooks": 3} if traditional else {})}
    projects = {}
    for variant, editions in wanted.items():
        project = base / variant
        if variant == "plain":
            synthetic.plain_from_hooks_project(source, project)
        else:
            shutil.copytree(source, project)
            config = project / "mkdocs.yml"
            config.write_text(synthetic.set_edition(config.read_text(encoding="utf-8"), "zh-hant", editions == 3),
                              encoding="utf-8")
            compile_hooks(project)
        projects[variant] = project
    shutil.rmtree(source)
    return projects


def bench_target(label: str, projects: dict, repeat: int, work: Path, logs: Path) -> dict:
    runs: dict[str, list] = {v: [] for v in projects}
    failures = []
    for i, variant in enumerate(run_order(list(projects), repeat)):
        site = work / f"site-{label}-{variant}"
        shutil.rmtree(site, ignore_errors=True)
        r = timed_build(projects[variant], site, logs / f"{label}-{i + 1}-{variant}.log")
        r["pages"] = count_pages(site) if r["returncode"] == 0 else 0
        r["loadavg"] = round(os.getloadavg()[0], 2)
        progress(f"{label}: build {i + 1} {variant}: {r['seconds']:.2f} s wall, {r['cpu_seconds']:.2f} s CPU, "
                 f"{r['peak_mb']:.0f} MB, {r['warnings']} warnings, exit {r['returncode']}, load {r['loadavg']}")
        if r["returncode"] != 0:
            failures.append(f"{variant} build failed (exit {r['returncode']}), log {r['log']}:\n{r['tail']}")
        runs[variant].append(r)
    entry: dict = {"repeat": repeat, "variants": {}}
    for variant, rs in runs.items():
        ok = [r for r in rs if r["returncode"] == 0]
        if not ok:
            continue
        entry["variants"][variant] = {
            "wall_s": spread(r["seconds"] for r in ok),
            "cpu_s": spread(r["cpu_seconds"] for r in ok),
            "peak_mb": round(max(r["peak_mb"] for r in ok), 1),
            "pages": ok[-1]["pages"],
            "warnings": ok[-1]["warnings"],
            "runs_s": [round(r["seconds"], 3) for r in rs],
        }
    v = entry["variants"]
    if "plain" in v:
        for variant in v:
            if variant != "plain":
                entry[f"{variant}/plain"] = round(v[variant]["wall_s"]["median"] / v["plain"]["wall_s"]["median"], 3)
                entry[f"{variant}/plain cpu"] = round(v[variant]["cpu_s"]["median"] / v["plain"]["cpu_s"]["median"], 3)
    entry["ok"] = not failures
    if failures:
        entry["failures"] = failures
    return entry


def print_report(result: dict) -> None:
    print("\nBuild time, seconds: median [fastest-slowest] of K alternating fresh builds; CPU = user+system")
    print(f"{'course':<14} {'variant':<8} {'K':>2} {'wall s':>22} {'CPU s':>8} {'MB':>6} {'pages':>6} "
          f"{'warnings':>8}")
    for label, e in result["targets"].items():
        for variant, v in e["variants"].items():
            w = v["wall_s"]
            print(f"{label:<14} {variant:<8} {e['repeat']:>2} {w['median']:>8.2f} [{w['min']:.2f}-{w['max']:.2f}]"
                  f"{v['cpu_s']['median']:>9.2f} {v['peak_mb']:>6.0f} {v['pages']:>6} {v['warnings']:>8}")
        ratios = {k: e[k] for k in e if "/plain" in k}
        print(f"{'':<14} ratios of medians: {ratios}" + ("" if e["ok"] else "  BUILD FAILED"))
    print("  pages: HTML pages of every edition (hooks builds also generate the library, print, "
          "facilitator and other pages plain Material has not); synthetic warnings are mostly the "
          "real home and sources pages linking to real lessons, and lesson durations")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100],
                        help="synthetic lessons per language (default 100; several sizes allowed)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="builds per variant (default 9 up to N = 100, 3 above; real course 9)")
    parser.add_argument("--no-real", action="store_true", help="leave out the real course")
    parser.add_argument("--traditional", action="store_true",
                        help="synthetic course: also the hooks build with the Traditional edition")
    parser.add_argument("--dry-run", action="store_true", help="write and check the projects; build nothing")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and sites")
    args = parser.parse_args(argv)
    if any(n < 1 for n in args.n) or (args.repeat is not None and args.repeat < 1):
        parser.error("--n and --repeat must be at least 1")

    work = Path(tempfile.mkdtemp(prefix="ctpat-bench-"))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    logs = OUT / "logs" / stamp
    plan = ([("real", 0)] if not args.no_real else []) + [(f"synthetic {n}", n) for n in args.n]
    result = {"targets": {}, "machine": machine(), "project": project_state(),
              "started": time.strftime("%Y-%m-%dT%H:%M:%S")}
    try:
        if args.dry_run:
            out = {}
            for label, n in plan:
                projects = prepare("real" if n == 0 else "synthetic", n, work / label.replace(" ", "-"),
                                   args.traditional)
                out[label] = {v: str(p) for v, p in projects.items()}
            print(json.dumps({"dry_run": True, "targets": out}, ensure_ascii=False))
            return 0
        progress(f"working in {work}; logs in {logs}")
        # Untimed warm-up: imports, bytecode, jieba's dictionary cache, the OS file cache.
        warm = prepare("synthetic", 4, work / "warmup", True)
        for variant, project in warm.items():
            timed_build(project, work / "warmup" / f"site-{variant}", logs / f"warmup-{variant}.log")
        shutil.rmtree(work / "warmup", ignore_errors=True)
        for label, n in plan:
            progress(f"{label}: writing the projects")
            projects = prepare("real" if n == 0 else "synthetic", n, work / label.replace(" ", "-"),
                               args.traditional)
            repeat = args.repeat or (9 if n == 0 else default_repeat(n))
            result["targets"][label] = bench_target(label.replace(" ", "-"), projects, repeat, work, logs)
            if not args.keep:
                shutil.rmtree(work / label.replace(" ", "-"), ignore_errors=True)
    finally:
        if args.keep:
            progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    result["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    print_report(result)
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"build-{stamp}.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0 if all(e["ok"] for e in result["targets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Memory across repeated rebuilds in ONE process, the way ``mkdocs serve`` rebuilds.

    python bench/serve_memory.py [--n 100] [--rebuilds 15] [--no-tracemalloc]

Writes the synthetic course of ``--n`` lessons (bench/synthetic.py), then, like
``mkdocs.commands.serve``: loads the config once, runs the plugins' ``on_startup`` with
``command='serve'``, builds, and for every further rebuild reloads the config
(``mkdocs.config.load_config``) and calls ``mkdocs.commands.build.build`` again into the same
site folder. Before each rebuild one lesson (both languages) and its quiz are touched, as an
author's save would, so caches keyed on modification times are exercised.

After each build (and a ``gc.collect()``) it records the process's resident memory
(``/proc/self/statm``) and the memory traced by ``tracemalloc``; it reports the growth between
rebuild 3 and the last one, and the source lines whose allocations grew most in that span.
The last line of the output is one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402
from measure import machine, project_state  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 2**20


def touch(project: Path, lesson: dict) -> None:
    now = time.time()
    rel = f"lessons/{synthetic.MODULE_FOLDERS[lesson['module']]}/{lesson['id']}.md"
    for path in (project / "docs" / rel, project / "docs_zh" / rel,
                 project / "quizzes" / f"{lesson['id']}.yml"):
        if path.exists():
            os.utime(path, (now, now))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--rebuilds", type=int, default=15)
    parser.add_argument("--no-tracemalloc", action="store_true",
                        help="RSS only (tracemalloc makes each build 2-3x slower)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    if args.rebuilds < 4:
        parser.error("--rebuilds must be at least 4 (growth is measured from rebuild 3)")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    work = Path(tempfile.mkdtemp(prefix="ctpat-serve-mem-"))
    project, site = work / "hooks", work / "site"
    plan = synthetic.hooks_project(project, args.n)
    config_file = str(project / "mkdocs.yml")
    serve_url = "http://127.0.0.1:8000/"
    os.chdir(project)

    def get_config():
        config = load_config(config_file=config_file, site_dir=str(site))
        config.site_url = serve_url
        return config

    tracing = not args.no_tracemalloc
    rows, snapshots = [], {}
    print(f"N={args.n}, {args.rebuilds} builds in one process (pid {os.getpid()}), "
          f"tracemalloc {'on' if tracing else 'off'}", file=sys.stderr, flush=True)
    try:
        config = get_config()
        config.plugins.on_startup(command="serve", dirty=False)
        for i in range(1, args.rebuilds + 1):
            if i > 1:
                touch(project, plan[i % len(plan)])
                config = get_config()
            if tracing and i == 2:
                # From the first rebuild on: the first build's one-time work (imports, jieba's
                # dictionary of 350,000 words) would make tracing very slow and is not growth.
                tracemalloc.start(1)
            start = time.perf_counter()
            build(config, serve_url=serve_url, dirty=False)
            seconds = time.perf_counter() - start
            config = None
            gc.collect()
            row = {"build": i, "seconds": round(seconds, 2), "rss_mb": round(rss_mb(), 1)}
            if tracemalloc.is_tracing():
                current, peak = tracemalloc.get_traced_memory()
                row["traced_mb"] = round(current / 2**20, 2)
                row["traced_peak_mb"] = round(peak / 2**20, 1)
                tracemalloc.reset_peak()
                if i in (3, args.rebuilds):
                    snapshots[i] = tracemalloc.take_snapshot().filter_traces(
                        [tracemalloc.Filter(False, tracemalloc.__file__)])
            rows.append(row)
            print(f"  build {i:>2}: {row['seconds']:>6.2f} s  RSS {row['rss_mb']:>7.1f} MB"
                  + (f"  traced {row['traced_mb']:>7.2f} MB (peak {row['traced_peak_mb']} MB)"
                     if "traced_mb" in row else ""), file=sys.stderr, flush=True)
    finally:
        config = None
        os.chdir("/")
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    third, last = rows[2], rows[-1]
    half = rows[max(2, len(rows) // 2)]
    result = {
        "n": args.n, "rebuilds": args.rebuilds, "builds": rows,
        "rss_growth_mb": round(last["rss_mb"] - third["rss_mb"], 1),
        "rss_growth_per_rebuild_mb": round((last["rss_mb"] - third["rss_mb"]) / (len(rows) - 3), 2),
        # The second half alone: caches filled and the allocator's high-water mark reached,
        # what is left is growth that would go on for as long as serve runs.
        "second_half_from": half["build"],
        "rss_growth_second_half_mb": round(last["rss_mb"] - half["rss_mb"], 1),
        "machine": machine(), "project": project_state(),
    }
    top = []
    if tracing:
        result["traced_growth_mb"] = round(last["traced_mb"] - third["traced_mb"], 2)
        result["traced_growth_per_rebuild_kb"] = round(
            1024 * (last["traced_mb"] - third["traced_mb"]) / (len(rows) - 3), 1)
        result["traced_growth_second_half_kb"] = round(1024 * (last["traced_mb"] - half["traced_mb"]), 1)
        diff = snapshots[args.rebuilds].compare_to(snapshots[3], "lineno")
        for stat in diff[:12]:
            frame = stat.traceback[0]
            top.append({"where": f"{frame.filename}:{frame.lineno}",
                        "growth_kb": round(stat.size_diff / 1024, 1), "count_diff": stat.count_diff})
        result["top_growth"] = top

    print(f"\nRebuilds of the N={args.n} course in one process (like mkdocs serve)")
    print(f"{'build':>5} {'seconds':>8} {'RSS MB':>8}" + (f" {'traced MB':>10}" if tracing else ""))
    for row in rows:
        print(f"{row['build']:>5} {row['seconds']:>8.2f} {row['rss_mb']:>8.1f}"
              + (f" {row['traced_mb']:>10.2f}" if "traced_mb" in row else ""))
    print(f"Growth from rebuild 3 to rebuild {args.rebuilds}: RSS {result['rss_growth_mb']:+.1f} MB "
          f"({result['rss_growth_per_rebuild_mb']:+.2f} MB per rebuild)"
          + (f", traced {result['traced_growth_mb']:+.2f} MB "
             f"({result['traced_growth_per_rebuild_kb']:+.1f} KB per rebuild)" if tracing else ""))
    print(f"Second half (rebuild {half['build']} to {args.rebuilds}): RSS "
          f"{result['rss_growth_second_half_mb']:+.1f} MB"
          + (f", traced {result['traced_growth_second_half_kb']:+.1f} KB" if tracing else ""))
    if top:
        print("Where traced memory grew most (rebuild 3 -> last):")
        for item in top:
            print(f"  {item['growth_kb']:>+9.1f} KB {item['count_diff']:>+7} blocks  {item['where']}")
    print(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where the build time goes: cProfile of the hooks build and the plain build of one course.

    python bench/profile_build.py --n 500 [--top 25]

Both builds run in this process (``mkdocs.commands.build.build``, as ``mkdocs build`` does),
each under cProfile. The report lists:

1. the hook event functions (files under the project's hooks/) by cumulative time;
2. the hooks' own code (hooks/ and hooks/coursekit/) by self time;
3. the functions whose self time grew most from the plain to the hooks build: this is where
   hook-caused work shows up even when it runs inside MkDocs, Markdown or a plugin (for
   example Markdown parsing the HTML a hook inserted, or the abbr extension matching the
   glossary's abbreviations).

Profiles are saved to bench/out/profile-<variant>-<n>.prof (open with ``python -m pstats`` or
snakeviz). cProfile slows Python code down by roughly 1.5-2x; compare shares, not seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402
from measure import ROOT  # noqa: E402

OUT = ROOT / "bench" / "out"


def profile_build(project: Path, site: Path, out: Path) -> tuple[pstats.Stats, float]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cwd = os.getcwd()
    os.chdir(project)  # as `mkdocs build` run in the project folder
    try:
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
        build(config)
        profiler.disable()
        wall = time.perf_counter() - start
    finally:
        os.chdir(cwd)
    profiler.dump_stats(str(out))
    return pstats.Stats(str(out)), wall


def _label(func: tuple, root: Path) -> str:
    filename, line, name = func
    try:
        filename = str(Path(filename).resolve().relative_to(root))
    except ValueError:
        marker = "site-packages/"
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line}({name})"


def report(hooks_stats: pstats.Stats, plain_stats: pstats.Stats, project: Path, top: int,
           walls: dict) -> str:
    hooks_dir = str((project / "hooks").resolve())
    hs, ps = hooks_stats.stats, plain_stats.stats
    total_h = sum(v[2] for v in hs.values())
    total_p = sum(v[2] for v in ps.values())
    lines = [f"profiled wall: hooks {walls['hooks']:.2f} s, plain {walls['plain']:.2f} s "
             f"(sum of self time: hooks {total_h:.2f} s, plain {total_p:.2f} s)"]

    # Event functions: hook code that MkDocs' plugin machinery calls (mkdocs/plugins.py).
    events = [(func, v) for func, v in hs.items()
              if func[0].startswith(hooks_dir)
              and any(caller[0].endswith(os.path.join("mkdocs", "plugins.py")) for caller in v[4])]
    events.sort(key=lambda item: -item[1][3])
    lines += ["", "1. Hook event functions, cumulative time (includes what they call)",
              f"{'cum s':>8} {'% build':>7} {'calls':>7}  function"]
    for func, (cc, nc, tt, ct, callers) in events[:top]:
        lines.append(f"{ct:>8.2f} {100 * ct / total_h:>6.1f}% {nc:>7}  {_label(func, project)}")

    own = [(func, v) for func, v in hs.items() if func[0].startswith(hooks_dir)]
    own.sort(key=lambda item: -item[1][2])
    lines += ["", "2. Project hook code (hooks/, hooks/coursekit/), self time",
              f"{'self s':>8} {'cum s':>8} {'calls':>7}  function"]
    for func, (cc, nc, tt, ct, callers) in own[:top]:
        lines.append(f"{tt:>8.3f} {ct:>8.2f} {nc:>7}  {_label(func, project)}")

    grown = []
    for func, v in hs.items():
        key = (func[0] if not func[0].startswith(hooks_dir) else func[0], func[1], func[2])
        before = ps.get(key, (0, 0, 0.0, 0.0, {}))
        grown.append((v[2] - before[2], v[3] - before[3], v[1], before[1], func))
    grown.sort(key=lambda item: -item[0])
    lines += ["", "3. Self time grown from the plain to the hooks build (where the extra time is spent;",
              "   on a busy machine self times carry noise: trust the call counts beside them)",
              f"{'+self s':>8} {'+cum s':>8} {'calls h':>8} {'calls p':>8}  function"]
    for dt, dc, nh, np_, func in grown[:top]:
        lines.append(f"{dt:>8.2f} {dc:>8.2f} {nh:>8} {np_:>8}  {_label(func, project)}")

    markers = {
        "Markdown conversion (markdown.core.Markdown.convert)": ("markdown/core.py", "convert"),
        "abbr extension (treeprocessor run)": ("markdown/extensions/abbr.py", "run"),
        "jieba cut": ("jieba/__init__.py", "cut"),
        "search plugin on_page_context": ("material/plugins/search/plugin.py", "on_page_context"),
        "theme template rendering (_build_page)": ("mkdocs/commands/build.py", "_build_page"),
        "mkdocs-static-i18n on_post_build (the zh build)": ("mkdocs_static_i18n/plugin.py", "on_post_build"),
        "mkdocs-static-i18n search de-duplication (O(entries²))": ("mkdocs_static_i18n/reconfigure.py",
                                                                   "reconfigure_search_duplicates"),
        "Material nav rendering (partials/nav-item.html)": ("material/templates/partials/nav-item.html", "macro"),
    }
    lines += ["", "4. Subsystems, cumulative time: plain -> hooks",
              f"{'plain s':>8} {'hooks s':>8}  subsystem"]
    for label, (path, name) in markers.items():
        def cum(stats):
            return sum(v[3] for f, v in stats.items() if f[0].endswith(path) and f[2] == name)
        lines.append(f"{cum(ps):>8.2f} {cum(hs):>8.2f}  {label}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500, help="lessons in the synthetic course")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.ERROR)  # warnings are counted by bench/build.py, not here

    import jieba  # load its dictionary now, so neither profile pays for it

    jieba.setLogLevel(60)
    jieba.initialize()
    work = Path(tempfile.mkdtemp(prefix="ctpat-profile-"))
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        synthetic.hooks_project(work / "hooks", args.n)
        synthetic.plain_from_hooks_project(work / "hooks", work / "plain")
        stats, walls = {}, {}
        for variant in ("plain", "hooks"):  # plain first: it pays the import costs both share
            out = OUT / f"profile-{variant}-{args.n}.prof"
            print(f"profiling the {variant} build of N={args.n} ...", file=sys.stderr, flush=True)
            stats[variant], walls[variant] = profile_build(work / variant, work / f"site-{variant}", out)
        text = report(stats["hooks"], stats["plain"], work / "hooks", args.top, walls)
        (OUT / f"profile-{args.n}.txt").write_text(text + "\n", encoding="utf-8")
        print(text)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Where the build time goes, in real seconds: every plugin and hook event timed, no profiler.

    python bench/event_times.py --n 100 [--repeat 3]

cProfile (bench/profile_build.py) shows which functions run but slows Python down 1.5-2x,
unevenly. This script builds the synthetic course once with the hooks and once plain, in
this process, and times each (event, plugin) pair with ``time.perf_counter`` by wrapping
MkDocs' ``PluginCollection.run_event``, plus Markdown conversion and the Jinja page render.
An event's time includes what it calls (the i18n plugin's ``on_post_build`` is the whole
Chinese build), so rows overlap; compare the hooks column with the plain one.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402


def timed_build(project: Path, site: Path) -> tuple[dict, float]:
    import markdown
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    totals: dict[str, float] = defaultdict(float)
    original_run_event = PluginCollection.run_event
    original_convert = markdown.Markdown.convert

    def run_event(self, name, item=None, **kwargs):
        # Time each plugin's method of this event separately.
        events = self.events[name]
        saved = list(events)
        wrapped = []
        for method in saved:
            owner = getattr(method, "__self__", None)
            label = (type(owner).__name__ if owner is not None and not isinstance(owner, type)
                     else getattr(method, "__module__", "?"))
            if label == "module":
                label = getattr(owner, "__name__", "hook")

            def timed(*args, _method=method, _key=f"{name} {label}", **kw):
                start = time.perf_counter()
                try:
                    return _method(*args, **kw)
                finally:
                    totals[_key] += time.perf_counter() - start
            wrapped.append(timed)
        events[:] = wrapped
        try:
            return original_run_event(self, name, item, **kwargs)
        finally:
            events[:] = saved

    def convert(self, source):
        start = time.perf_counter()
        try:
            return original_convert(self, source)
        finally:
            totals["(Markdown.convert, all callers)"] += time.perf_counter() - start

    # MkDocs' own build steps, so that time outside every event shows too.
    import mkdocs.commands.build as build_module
    from mkdocs.structure import files as files_module
    phases = {build_module: ("get_files", "get_navigation", "_populate_page", "_build_page",
                             "_build_theme_template", "_build_extra_template"),
              files_module.Files: ("copy_static_files",)}
    originals = {(owner, name): getattr(owner, name) for owner, names in phases.items()
                 for name in names}

    def phase(function, key):
        def timed(*args, **kw):
            start = time.perf_counter()
            try:
                return function(*args, **kw)
            finally:
                totals[key] += time.perf_counter() - start
        return timed

    # Garbage collection, wherever it strikes: objects the hooks keep alive make each
    # collection longer, and their allocations make collections more frequent.
    import gc
    gc_started = []

    def gc_timer(phase_name, info):
        if phase_name == "start":
            gc_started.append(time.perf_counter())
        elif gc_started:
            elapsed = time.perf_counter() - gc_started.pop()
            totals[f"(garbage collection, generation {info['generation']})"] += elapsed
            totals["(garbage collections, count)"] += 1

    cwd = os.getcwd()
    os.chdir(project)
    gc.callbacks.append(gc_timer)
    PluginCollection.run_event = run_event
    markdown.Markdown.convert = convert
    for (owner, name), function in originals.items():
        setattr(owner, name, phase(function, f"(build step {name})"))
    import jinja2
    import mkdocs.utils
    original_render, original_write = jinja2.Template.render, mkdocs.utils.write_file

    def render(self, *args, **kw):
        start = time.perf_counter()
        try:
            return original_render(self, *args, **kw)
        finally:
            totals[f"(Jinja render {self.name})"] += time.perf_counter() - start
    jinja2.Template.render = render
    mkdocs.utils.write_file = phase(original_write, "(write_file)")
    try:
        start = time.perf_counter()
        build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site)))
        wall = time.perf_counter() - start
    finally:
        PluginCollection.run_event = original_run_event
        markdown.Markdown.convert = original_convert
        for (owner, name), function in originals.items():
            setattr(owner, name, function)
        jinja2.Template.render, mkdocs.utils.write_file = original_render, original_write
        gc.callbacks.remove(gc_timer)
        os.chdir(cwd)
    return dict(totals), wall


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="lessons per language (default 100)")
    parser.add_argument("--min", type=float, default=0.02, help="hide rows under this many seconds")
    parser.add_argument("--repeat", type=int, default=3,
                        help="builds per variant, alternating; each row keeps its fastest (default 3)")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="ctpat-events-") as tmp:
        work = Path(tmp)
        synthetic.hooks_project(work / "hooks", args.n)
        synthetic.plain_from_hooks_project(work / "hooks", work / "plain")
        sys.path.insert(0, str(work / "hooks" / "hooks"))
        timed_build(work / "plain", work / "warm")  # imports, jieba's dictionary: not measured
        runs = {"plain": [], "hooks": []}
        for _ in range(args.repeat):  # alternating, so drifts of a noisy machine hit both
            for variant in runs:
                runs[variant].append(timed_build(work / variant, work / f"site-{variant}"))
        plain, plain_wall = _fastest(runs["plain"])
        hooks, hooks_wall = _fastest(runs["hooks"])
    print(f"N={args.n}: wall plain {plain_wall:.2f} s, hooks {hooks_wall:.2f} s, "
          f"ratio {hooks_wall / plain_wall:.3f}")
    print(f"{'plain s':>8} {'hooks s':>8} {'delta':>7}  event plugin")
    for key in sorted(set(plain) | set(hooks), key=lambda k: -(hooks.get(k, 0) - plain.get(k, 0))):
        p, h = plain.get(key, 0.0), hooks.get(key, 0.0)
        if max(p, h) >= args.min:
            print(f"{p:8.2f} {h:8.2f} {h - p:+7.2f}  {key}")
    return 0


def _fastest(runs: list[tuple[dict, float]]) -> tuple[dict, float]:
    """Each row's fastest time over the runs, and the fastest wall time."""
    keys = set().union(*(totals for totals, _ in runs))
    return ({key: min(totals.get(key, 0.0) for totals, _ in runs) for key in keys},
            min(wall for _, wall in runs))


if __name__ == "__main__":
    sys.exit(main())

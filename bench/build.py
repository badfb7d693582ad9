"""Build cost and page weight of the project, side by side with plain Material, in one run.

    python bench/build.py --sizes 100 500 1000 [--repeat K] [--keep]

For each size N it writes a synthetic course of N lessons in both languages (bench/synthetic.py)
and builds it, each build a fresh ``python -m mkdocs build`` process, as:

* hooks: the project as it builds itself (its mkdocs.yml, hooks, overrides, data);
* plain: plain Material + mkdocs-static-i18n from the same Markdown (docs/ + docs/zh/, no
  hooks, no custom_dir, same theme, plugins and Markdown extensions).

The order alternates (plain, hooks, hooks, plain, ...; the first variant also alternates
between sizes) and the best of K runs counts. Wall time, CPU time and the build process's peak
RSS are recorded, and warnings are counted (builds are not --strict: unfinished hooks may warn).

Page weight is measured on the real project (a copy, built with its hooks) for one lesson with
its quiz and the same lesson with the quiz marker removed, in both languages.

Progress goes to stderr; the report to stdout, with one JSON object as its LAST line.
Logs and the JSON are also kept in bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402
import weight  # noqa: E402
from measure import (ROOT, compile_hooks, count_pages, file_sizes, machine, project_state,  # noqa: E402
                     timed_build)

OUT = ROOT / "bench" / "out"
WEIGHT_LESSON = "lessons/practice/seals-vvtt"
QUIZ_ASSETS = ("assets/ctpat/quiz.js", "assets/ctpat/quiz.css")
QUIZ_BUDGET_GZ = 6 * 1024
RATIO_TARGET = 1.10


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def default_repeat(n: int) -> int:
    # Single builds on these shared machines vary by 10-40 % run to run (the same N = 100
    # build: 5.9 to 8.9 s): alternate and keep the fastest, with more runs where builds are
    # short; at least three, as two runs let one slow build decide the ratio.
    # bench/instructions.py gives the noise-free ratio.
    return 9 if n <= 100 else 3


def run_order(repeat: int, plain_first: bool) -> list[str]:
    """plain, hooks, hooks, plain, plain, hooks ... (or starting with hooks)."""
    a, b = ("plain", "hooks") if plain_first else ("hooks", "plain")
    order = []
    for r in range(repeat):
        order += [a, b] if r % 2 == 0 else [b, a]
    return order


def search_indexes(hooks_site: Path, plain_site: Path | None, stock_site: Path | None = None) -> dict:
    """Index sizes: the project's per-language indexes; the plain build's (one per language
    when the project sets ``reconfigure_search: false``, as it does since b772ed7); and, if
    given, the stock build's merged index (mkdocs-static-i18n's default,
    ``reconfigure_search: true``: one index with every language in it)."""
    result = {}
    candidates = [("hooks_en", hooks_site / "search/search_index.json"),
                  ("hooks_zh", hooks_site / "zh/search/search_index.json")]
    if plain_site is not None:
        candidates += [("plain_en", plain_site / "search/search_index.json"),
                       ("plain_zh", plain_site / "zh/search/search_index.json")]
    if stock_site is not None:
        candidates.append(("stock_merged", stock_site / "search/search_index.json"))
    for label, path in candidates:
        result[label] = file_sizes(path) if path.exists() else None
    if plain_site is not None and result.get("plain_en") and not result.get("plain_zh"):
        # One index for both languages: the plain build's search plugin merges them anyway.
        docs = json.loads((plain_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
        if any(doc.get("location", "").startswith("zh/") for doc in docs):
            result["plain_merged"] = result.pop("plain_en")
            result.pop("plain_zh")
    return result


def bench_size(n: int, repeat: int, plain_first: bool, work: Path, logs: Path) -> dict:
    base = work / f"n{n}"
    projects = {"hooks": base / "hooks", "plain": base / "plain"}
    progress(f"N={n}: writing the synthetic course")
    synthetic.hooks_project(projects["hooks"], n)
    synthetic.plain_from_hooks_project(projects["hooks"], projects["plain"])
    compile_hooks(projects["hooks"])
    runs = {"plain": [], "hooks": []}
    failures = []
    for i, variant in enumerate(run_order(repeat, plain_first)):
        site = base / f"site-{variant}"
        shutil.rmtree(site, ignore_errors=True)
        result = timed_build(projects[variant], site, logs / f"n{n}-{i + 1}-{variant}.log")
        progress(f"N={n}: build {i + 1} {variant}: {result['seconds']:.2f} s, "
                 f"{result['peak_mb']:.0f} MB, {result['warnings']} warnings, exit {result['returncode']}")
        if result["returncode"] != 0:
            failures.append(f"{variant} build failed (exit {result['returncode']}), log {result['log']}:\n"
                            f"{result['tail']}")
        runs[variant].append(result)
    hooks_site, plain_site = base / "site-hooks", base / "site-plain"
    pages = count_pages(hooks_site) if hooks_site.exists() else 0
    plain_pages = count_pages(plain_site) if plain_site.exists() else 0
    best = {v: min(r["seconds"] for r in runs[v]) for v in runs}
    best_cpu = {v: min(r["cpu_seconds"] for r in runs[v]) for v in runs}
    peak = {v: max(r["peak_mb"] for r in runs[v]) for v in runs}
    entry = {
        "plain_s": round(best["plain"], 3),
        "hooks_s": round(best["hooks"], 3),
        "ratio": round(best["hooks"] / best["plain"], 3),
        "peak_mb": round(peak["hooks"], 1),
        "pages": pages,
        "plain_pages": plain_pages,
        "lessons": n,
        "repeat": repeat,
        "plain_peak_mb": round(peak["plain"], 1),
        "hooks_peak_mb": round(peak["hooks"], 1),
        "plain_cpu_s": round(best_cpu["plain"], 3),
        "hooks_cpu_s": round(best_cpu["hooks"], 3),
        "cpu_ratio": round(best_cpu["hooks"] / best_cpu["plain"], 3),
        # The fastest run counts, but one lucky plain build moves it: the medians, beside it.
        "median_ratio": round(statistics.median(r["seconds"] for r in runs["hooks"])
                              / statistics.median(r["seconds"] for r in runs["plain"]), 3),
        "plain_ms_per_page": round(1000 * best["plain"] / max(plain_pages, 1), 2),
        "hooks_ms_per_page": round(1000 * best["hooks"] / max(pages, 1), 2),
        "runs_s": {v: [round(r["seconds"], 3) for r in runs[v]] for v in runs},
        "warnings": {v: runs[v][-1]["warnings"] for v in runs},
        "warnings_missing_links": {v: runs[v][-1]["warnings_missing_links"] for v in runs},
        "search_index": search_indexes(hooks_site, plain_site),
        "ok": not failures,
    }
    if failures:
        entry["failures"] = failures
    return entry


def bench_weight(work: Path, logs: Path, lesson: str) -> dict:
    """Real project: lesson with its quiz vs without; plus the plain build's merged index."""
    base = work / "weight"
    with_dir, without_dir, plain_dir = base / "with", base / "without", base / "plain"
    synthetic.copy_real_project(with_dir)
    synthetic.copy_real_project(without_dir)
    synthetic.remove_quiz(without_dir, f"{lesson}.md")
    synthetic.plain_from_hooks_project(with_dir, plain_dir, stock_search=True)
    failures, sites = [], {}
    for label, project in (("with", with_dir), ("without", without_dir), ("stock", plain_dir)):
        site = base / f"site-{label}"
        result = timed_build(project, site, logs / f"weight-{label}.log")
        progress(f"page weight: {label} build {result['seconds']:.2f} s, exit {result['returncode']}")
        if result["returncode"] != 0:
            failures.append(f"{label} build of the real project failed, log {result['log']}:\n{result['tail']}")
        sites[label] = site
    if failures:
        return {"ok": False, "failures": failures}
    report = {"lesson": f"/{lesson}/", "ok": True}
    for lang, prefix in (("en", ""), ("zh", "zh/")):
        url = f"{prefix}{lesson}/"
        with_quiz = weight.page_weight(sites["with"], url)
        without_quiz = weight.page_weight(sites["without"], url)
        report[lang] = {"with_quiz": with_quiz, "without_quiz": without_quiz,
                        "delta": weight.delta(with_quiz, without_quiz),
                        "loaded_only_with_quiz": weight.extra_assets(with_quiz, without_quiz)}
    quiz = {}
    for rel in QUIZ_ASSETS:
        path = sites["with"] / rel
        quiz[Path(rel).name] = file_sizes(path) if path.exists() else None
    present = [v for v in quiz.values() if v]
    quiz["total"] = ({key: sum(v[key] for v in present) for key in ("raw", "gz")}
                     if present else None)
    quiz["budget_gz"] = QUIZ_BUDGET_GZ
    report["quiz_assets"] = quiz
    report["search_index"] = search_indexes(sites["with"], None, stock_site=sites["stock"])
    return report


# ---- report ----------------------------------------------------------------------------------

def _kb(value: int | None) -> str:
    return "-" if value is None else f"{value / 1024:.1f}"


def _pair(s: dict | None) -> str:
    return "missing" if not s else f"{_kb(s['raw'])}/{_kb(s['gz'])}"


def print_report(result: dict) -> None:
    sizes = result["sizes"]
    print("\nBuild time: best of k runs, wall seconds (CPU seconds in brackets); each build a fresh process;"
          " median = median hooks run / median plain run")
    print(f"{'N':>5} {'pages':>6} {'k':>2} {'plain s':>15} {'hooks s':>15} {'ratio':>6} {'median':>6} "
          f"{'cpu ratio':>9} "
          f"{'plain ms/pg':>11} {'hooks ms/pg':>11} {'plain MB':>8} {'hooks MB':>8} {'warn p/h (links)':>17}")
    for n, e in sizes.items():
        warn = f"{e['warnings']['plain']}/{e['warnings']['hooks']} ({e['warnings_missing_links']['hooks']})"
        print(f"{n:>5} {e['pages']:>6} {e['repeat']:>2} "
              f"{e['plain_s']:>7.2f} ({e['plain_cpu_s']:>5.1f}) {e['hooks_s']:>7.2f} ({e['hooks_cpu_s']:>5.1f}) "
              f"{e['ratio']:>6.3f} {e['median_ratio']:>6.3f} {e['cpu_ratio']:>9.3f} "
              f"{e['plain_ms_per_page']:>11.2f} "
              f"{e['hooks_ms_per_page']:>11.2f} {e['plain_peak_mb']:>8.0f} {e['hooks_peak_mb']:>8.0f} {warn:>17}"
              + ("" if e["ok"] else "  BUILD FAILED"))
    print("  pages = HTML pages of the hooks build, both languages (plain builds "
          + ", ".join(f"{e['plain_pages']}" for e in sizes.values()) + "); "
          "warnings (links) = hooks-build warnings about links to real lessons not in the synthetic course")

    print("\nSearch index, KiB raw/gzip: the project's per-language indexes vs the plain build's "
          "(same plugin settings)")
    print(f"{'N':>5} {'hooks en':>16} {'hooks zh':>16} {'plain en':>16} {'plain zh':>16} {'plain merged':>16}")
    for n, e in sizes.items():
        si = e["search_index"]
        print(f"{n:>5} {_pair(si['hooks_en']):>16} {_pair(si['hooks_zh']):>16} "
              f"{_pair(si.get('plain_en')) if 'plain_en' in si else '-':>16} "
              f"{_pair(si.get('plain_zh')) if 'plain_zh' in si else '-':>16} "
              f"{_pair(si.get('plain_merged')) if 'plain_merged' in si else '-':>16}")

    pw = result.get("page_weight") or {}
    if pw.get("ok"):
        print(f"\nPage weight of {pw['lesson']} (real project, hooks build), KiB raw/gzip")
        kinds = ("html", "css", "js", "search worker", "search index", "icon", "img")
        print(f"{'lang':<4} {'variant':<13}" + "".join(f"{k:>15}" for k in kinds) + f"{'total':>15}")
        for lang in ("en", "zh"):
            for variant in ("with_quiz", "without_quiz"):
                w = pw[lang][variant]
                cells = [_pair(w["html"])] + [_pair(w["by_kind"][k]) if k in w["by_kind"] else "-"
                                              for k in kinds[1:]]
                print(f"{lang:<4} {variant.replace('_', ' '):<13}" + "".join(f"{c:>15}" for c in cells)
                      + f"{_pair(w['total']):>15}")
            d = pw[lang]["delta"]
            print(f"{lang:<4} {'quiz adds':<13}{'':>{15 * len(kinds)}}{_kb(d['raw']) + '/' + _kb(d['gz']):>15}"
                  f"   files only with the quiz: {', '.join(pw[lang]['loaded_only_with_quiz']) or 'none'}")
        q = pw["quiz_assets"]
        total_gz = q["total"]["gz"] if q["total"] else None
        print(f"Quiz assets: quiz.js {_pair(q['quiz.js'])}, quiz.css {_pair(q['quiz.css'])}, "
              f"total gzip {total_gz if total_gz is not None else '-'} bytes (budget {QUIZ_BUDGET_GZ})")
        si = pw["search_index"]
        print(f"Search index of the real site, KiB raw/gzip: en {_pair(si['hooks_en'])}, "
              f"zh {_pair(si['hooks_zh'])}; stock mkdocs-static-i18n (reconfigure_search: true) "
              f"merged index {_pair(si['stock_merged'])}")
        inline = {f"{lang} {v.split('_')[0]}": pw[lang][v]["inline_scripts"]
                  for lang in ("en", "zh") for v in ("with_quiz", "without_quiz")}
        external = {lang: pw[lang]["with_quiz"]["external"] for lang in ("en", "zh")}
        print(f"Inline <script> blocks (excluding JSON): {inline}; requests to other hosts: {external}")
    else:
        print("\nPage weight: not measured:", "\n".join(pw.get("failures", ["skipped"])))

    print("\nTargets")
    for line in result["targets"]:
        print(f"  {line}")


def targets(result: dict) -> list[str]:
    lines = []
    sizes = {n: e for n, e in result["sizes"].items() if e["ok"]}
    failed = [n for n, e in result["sizes"].items() if not e["ok"]]
    if failed:
        lines.append(f"[FAIL] builds failed at N={', '.join(failed)}: no timing there (see the logs)")
    if sizes:
        worst = max(e["ratio"] for e in sizes.values())
        ratios = ", ".join(f"N={n}: {e['ratio']:.3f}" for n, e in sizes.items())
        lines.append(f"[{'PASS' if worst <= RATIO_TARGET else 'FAIL'}] hooks/plain build time <= "
                     f"{RATIO_TARGET} at every N ({ratios})")
        ns = sorted(sizes, key=int)
        small, large = sizes[ns[0]], sizes[ns[-1]]
        if len(ns) > 1:
            ok = large["hooks_ms_per_page"] <= small["hooks_ms_per_page"]
            lines.append(f"[{'PASS' if ok else 'FAIL'}] time per page at N={ns[-1]} "
                         f"({large['hooks_ms_per_page']:.1f} ms) no worse than at N={ns[0]} "
                         f"({small['hooks_ms_per_page']:.1f} ms); plain: {large['plain_ms_per_page']:.1f} "
                         f"vs {small['plain_ms_per_page']:.1f} ms")
            # What the hooks themselves add per page, apart from Material's own growth.
            added = {n: sizes[n]["hooks_ms_per_page"] - sizes[n]["plain_ms_per_page"] for n in ns}
            lines.append(f"[{'PASS' if added[ns[-1]] <= added[ns[0]] else 'FAIL'}] time the hooks "
                         f"add per page at N={ns[-1]} ({added[ns[-1]]:.1f} ms) no more than at "
                         f"N={ns[0]} ({added[ns[0]]:.1f} ms)")
    pw = result.get("page_weight") or {}
    quiz_total = (pw.get("quiz_assets") or {}).get("total")
    if quiz_total:
        lines.append(f"[{'PASS' if quiz_total['gz'] <= QUIZ_BUDGET_GZ else 'FAIL'}] quiz assets "
                     f"<= 6 KB gzipped ({quiz_total['gz']} bytes)")
    else:
        lines.append("[----] quiz assets <= 6 KB gzipped: quiz.js/quiz.css not in the built site yet")
    lines.append("[----] serve memory growth: see bench/serve_memory.py")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000],
                        help="numbers of lessons (each in both languages)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="builds per variant and size, best counts (default 9 up to N=100, "
                             "3 above)")
    parser.add_argument("--weight-lesson", default=WEIGHT_LESSON,
                        help="lesson of the real project for page weight (default %(default)s)")
    parser.add_argument("--no-weight", action="store_true", help="skip the page-weight builds")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and sites")
    parser.add_argument("--workdir", type=Path, default=None, help="where to build (default: a temp dir)")
    args = parser.parse_args(argv)

    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    work = Path(tempfile.mkdtemp(prefix="ctpat-bench-", dir=args.workdir))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    logs = OUT / "logs" / stamp
    result = {"sizes": {}, "page_weight": None, "machine": machine(), "project": project_state(),
              "started": started}
    try:
        progress(f"working in {work}; logs in {logs}")
        # Untimed warm-up: imports, bytecode, jieba's dictionary cache, the OS file cache.
        warm = work / "warmup"
        synthetic.hooks_project(warm / "hooks", 4)
        synthetic.plain_from_hooks_project(warm / "hooks", warm / "plain")
        for variant in ("plain", "hooks"):
            timed_build(warm / variant, warm / f"site-{variant}", logs / f"warmup-{variant}.log")
        shutil.rmtree(warm, ignore_errors=True)

        for i, n in enumerate(args.sizes):
            repeat = args.repeat or default_repeat(n)
            result["sizes"][str(n)] = bench_size(n, repeat, plain_first=(i % 2 == 0), work=work, logs=logs)
            if not args.keep:
                shutil.rmtree(work / f"n{n}", ignore_errors=True)
        if not args.no_weight:
            result["page_weight"] = bench_weight(work, logs, args.weight_lesson.strip("/"))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            progress(f"kept {work}")
    result["machine"]["loadavg_end"] = machine()["loadavg"]
    result["targets"] = targets(result)
    print_report(result)
    ok = all(e["ok"] for e in result["sizes"].values()) and (
        args.no_weight or (result["page_weight"] or {}).get("ok", False))
    OUT.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    (OUT / f"build-{stamp}.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

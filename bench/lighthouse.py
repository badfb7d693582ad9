"""Lighthouse scores of the built site: home page, a lesson with its quiz, the library.

    python bench/lighthouse.py [--site DIR | --with-site-url] [--runs 3] [--preset mobile|desktop]
    python bench/lighthouse.py --dry-run      # check node, Lighthouse and Chromium; run nothing

Builds the real project as shipped (or takes ``--site``), serves it on 127.0.0.1 with gzip
(bench/measure.py ``serve_static``: Lighthouse simulates a slow network from the transfer
sizes, so they must be what a real server sends) and runs Lighthouse (bench/package.json,
pinned in package-lock.json: ``npm ci --prefix bench``, run here if it is missing) with
Debian's Chromium (``CHROME_PATH``, default /usr/bin/chromium), mobile preset by default, on
the home page (English, Simplified, Traditional), lessons/practice/seals-vvtt/ (English,
Simplified) and the library (English, Simplified).

The project ships without ``site_url`` (no canonical link, no hreflang links: the site works
from any folder). ``--with-site-url`` builds with ``site_url`` set to the local server's own
address, as a deployment sets it to its own: canonical, hreflang and sitemap links absolute
and on the same origin. (A foreign ``site_url`` such as https://training.example.com/ would
only add console errors here: Material fetches sitemap.xml from each language link's origin,
which does not resolve on this machine.) Lighthouse treats http://127.0.0.1 as a secure
origin, so ``is-on-https`` passes; a deployment must be served over HTTPS to keep it.

About 2 minutes per run of the seven pages. Prints the four category scores per page and
every audit that costs points in a category (id, title, the elements concerned), then one
JSON object as the LAST line. Full reports: bench/out/lighthouse/<page>.report.json (the run
with the median performance score).
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import ROOT, build_env, free_port, machine, progress, serve_static  # noqa: E402

BENCH = ROOT / "bench"
OUT = BENCH / "out" / "lighthouse"
LIGHTHOUSE_CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --disable-dev-shm-usage")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home-en": "", "home-zh": "zh/", "home-zh-hant": "zh-hant/",
    "lesson-en": "lessons/practice/seals-vvtt/", "lesson-zh": "zh/lessons/practice/seals-vvtt/",
    "library-en": "library/", "library-zh": "zh/library/",
}


def lighthouse_version() -> str | None:
    package = BENCH / "node_modules" / "lighthouse" / "package.json"
    if not package.exists():
        return None
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def ensure_lighthouse() -> None:
    if LIGHTHOUSE_CLI.exists():
        return
    if not shutil.which("npm"):
        sys.exit("npm is not installed: install Node.js 18+ and npm, then run this again")
    progress("installing Lighthouse into bench/node_modules (npm ci, from bench/package-lock.json)")
    subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"], check=True)


def build_site(site: Path, site_url: str | None, work: Path) -> None:
    """The real project as shipped; with ``site_url`` set in a copy of mkdocs.yml if asked."""
    project = ROOT
    if site_url:
        import synthetic

        project = work / "project"
        synthetic.copy_real_project(project)
        config = project / "mkdocs.yml"
        text, count = re.subn(r'^site_url:.*$', f'site_url: "{site_url}"',
                              config.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
        if count != 1:
            sys.exit("mkdocs.yml has no site_url line to set")
        config.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=build_env())
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stderr[-4000:]}")


def run_lighthouse(url: str, report_path: Path, preset: str) -> dict:
    command = ["node", str(LIGHTHOUSE_CLI), url, "--output=json", f"--output-path={report_path}",
               f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES),
               "--quiet"]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "CHROME_PATH": CHROME})
    if result.returncode != 0 or not report_path.exists():
        raise RuntimeError(f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(report_path.read_text(encoding="utf-8"))


def _elements(audit: dict) -> list[str]:
    """The elements (selector or snippet) or URLs an audit names, a few of them."""
    items = (audit.get("details") or {}).get("items") or []
    found = []
    for item in items:
        node = item.get("node") if isinstance(item, dict) else None
        if node:
            found.append(node.get("selector") or node.get("snippet", "")[:120])
        elif isinstance(item, dict):
            location = item.get("url") or (item.get("sourceLocation") or {}).get("url")
            if location:
                found.append(str(location)[:160])
    return found[:8]


def summarize(report: dict) -> dict:
    scores = {c: (round(report["categories"][c]["score"] * 100)
                  if report["categories"][c]["score"] is not None else None) for c in CATEGORIES}
    failing = {}
    for category in CATEGORIES:
        items = []
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            mode = audit.get("scoreDisplayMode")
            if audit.get("score") is None or mode in ("notApplicable", "manual", "informative"):
                continue
            if audit["score"] < 1 and (ref.get("weight", 0) > 0 or mode == "metricSavings"):
                items.append({"id": ref["id"], "title": audit["title"], "score": audit["score"],
                              "weight": ref.get("weight", 0), "display": audit.get("displayValue", ""),
                              "elements": _elements(audit)})
        failing[category] = items
    metrics = {}
    for audit_id in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                     "cumulative-layout-shift", "speed-index"):
        audit = report["audits"].get(audit_id)
        if audit:
            metrics[audit_id] = audit.get("displayValue", "")
    return {"scores": scores, "failing": failing, "metrics": metrics,
            "lighthouse": report.get("lighthouseVersion"),
            # Lighthouse's own CPU speed estimate of this machine (higher is faster).
            "benchmark_index": (report.get("environment") or {}).get("benchmarkIndex"),
            "warnings": report.get("runWarnings", [])}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build the project)")
    parser.add_argument("--with-site-url", action="store_true",
                        help="build with site_url set to the local server's address")
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    parser.add_argument("--no-gzip", action="store_true", help="serve files uncompressed")
    parser.add_argument("--runs", type=int, default=1,
                        help="runs per page; the run with the median performance score is reported")
    parser.add_argument("--pages", nargs="+", choices=tuple(PAGES), default=list(PAGES))
    parser.add_argument("--dry-run", action="store_true",
                        help="check node, Lighthouse and Chromium and print the plan; run nothing")
    args = parser.parse_args(argv)
    if args.site and args.with_site_url:
        parser.error("--with-site-url builds the site: leave out --site")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.dry_run:
        print(json.dumps({"dry_run": True, "node": shutil.which("node"), "chrome": CHROME,
                          "chrome_found": Path(CHROME).exists(), "lighthouse": lighthouse_version(),
                          "pages": {name: "/" + PAGES[name] for name in args.pages}}))
        return 0
    if not Path(CHROME).exists():
        sys.exit(f"{CHROME} not found: install Debian's chromium or set CHROME_PATH")
    ensure_lighthouse()
    OUT.mkdir(parents=True, exist_ok=True)
    temp = None
    site = args.site
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/" if args.with_site_url else None
    if site is None:
        temp = Path(tempfile.mkdtemp(prefix="ctpat-lh-"))
        site = temp / "site"
        progress("building the site" + (f" with site_url {site_url}" if site_url else ""))
        build_site(site, site_url, temp)
    base_url, server = serve_static(site, use_gzip=not args.no_gzip, port=port)
    results = {}
    try:
        for name in args.pages:
            path = PAGES[name]
            runs = []
            for run in range(1, args.runs + 1):
                progress(f"lighthouse ({args.preset}) on /{path}, run {run}")
                report_path = OUT / f"{name}-{run}.report.json"
                runs.append((summarize(run_lighthouse(base_url + path, report_path, args.preset)),
                             report_path))
            # The performance score moves between runs on a shared machine: keep the median run.
            runs.sort(key=lambda item: item[0]["scores"]["performance"] or 0)
            median, report_path = runs[len(runs) // 2]
            shutil.copyfile(report_path, OUT / f"{name}.report.json")
            results[name] = {"url": "/" + path, **median,
                             "performance_runs": [r[0]["scores"]["performance"] for r in runs]}
    finally:
        server.shutdown()
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)

    version = next(iter(results.values()))["lighthouse"] if results else lighthouse_version()
    print(f"\nLighthouse {version}, {args.preset} preset, Chromium {CHROME}, served "
          f"{'with gzip' if not args.no_gzip else 'without compression'} on 127.0.0.1"
          + (f"; built with site_url {site_url}" if site_url else "; built as shipped (no site_url)"))
    print(f"{'page':<14} {'url':<34}" + "".join(f"{c:>15}" for c in CATEGORIES))
    for name, r in results.items():
        print(f"{name:<14} {r['url']:<34}" + "".join(f"{str(r['scores'][c]):>15}" for c in CATEGORIES))
    for name, r in results.items():
        print(f"\n{name} {r['url']} (performance over {len(r['performance_runs'])} run(s): "
              f"{r['performance_runs']}; median run shown): "
              + ", ".join(f"{k} {v}" for k, v in r["metrics"].items()))
        for category in CATEGORIES:
            for item in r["failing"][category]:
                print(f"  {category}: {item['id']} - {item['title']} (score {item['score']}"
                      f"{', ' + item['display'] if item['display'] else ''})"
                      + (f"; elements: {item['elements']}" if item["elements"] else ""))
        for warning in r["warnings"]:
            print(f"  lighthouse warning: {warning}")
    print(json.dumps({"preset": args.preset, "gzip": not args.no_gzip, "site_url": site_url,
                      "pages": results, "machine": machine()}, ensure_ascii=False, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

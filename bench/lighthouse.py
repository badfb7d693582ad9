"""Lighthouse scores of a lesson with its quiz, in both languages.

    python bench/lighthouse.py [--site built/site] [--runs 3] [--preset mobile|desktop] [--no-gzip]

Builds the real project (or takes ``--site``), serves it on 127.0.0.1 and runs npm's
``lighthouse@12.2.3`` (installed into bench/node_modules on first use, from bench/package.json)
with Debian's Chromium (``CHROME_PATH=/usr/bin/chromium``), mobile preset by default, on
/lessons/practice/seals-vvtt/ and /zh/lessons/practice/seals-vvtt/.

The local server gzips text responses, as any production web server or CDN does (Lighthouse
throttles the network in simulation from the transfer sizes); ``--no-gzip`` serves raw files.

Prints the four category scores per page and the audits that cost points (id and title), then
one JSON object as the LAST line. Full reports: bench/out/lighthouse-<lang>.report.json
(the median run; every run is kept as lighthouse-<lang>-<run>.report.json).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import ROOT, machine  # noqa: E402

BENCH = ROOT / "bench"
OUT = BENCH / "out"
LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"en": "lessons/practice/seals-vvtt/", "zh": "zh/lessons/practice/seals-vvtt/"}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    gzip_enabled = True

    def log_message(self, format, *args):
        pass

    def send_head(self):
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not url_path.endswith("/"):
                return super().send_head()  # its redirect to the folder URL
            path = os.path.join(path, "index.html")
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.gzip_enabled and accepts_gzip and path.endswith(COMPRESSIBLE)
                and os.path.isfile(path)):
            return super().send_head()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(site: Path, use_gzip: bool):
    handler = functools.partial(type("Handler", (_Handler,), {"gzip_enabled": use_gzip}),
                                directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def ensure_lighthouse() -> None:
    if LIGHTHOUSE_CLI.exists():
        return
    if not shutil.which("npm"):
        sys.exit("npm is not installed: install Node.js 18+ and npm, then run this again")
    print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into bench/node_modules ...", file=sys.stderr)
    subprocess.run(["npm", "install", "--prefix", str(BENCH), "--save-exact", "--no-audit", "--no-fund",
                    f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)


def build_site(site: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stderr[-4000:]}")


def run_lighthouse(url: str, report_path: Path, preset: str) -> dict:
    command = ["node", str(LIGHTHOUSE_CLI), url, "--output=json", f"--output-path={report_path}",
               f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES),
               "--quiet"]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "CHROME_PATH": CHROME})
    if result.returncode != 0 or not report_path.exists():
        raise RuntimeError(f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(report_path.read_text(encoding="utf-8"))


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
                              "weight": ref.get("weight", 0),
                              "display": audit.get("displayValue", "")})
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
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    parser.add_argument("--no-gzip", action="store_true", help="serve files uncompressed")
    parser.add_argument("--runs", type=int, default=1,
                        help="runs per page; the run with the median performance score is reported")
    args = parser.parse_args(argv)
    if not Path(CHROME).exists():
        sys.exit(f"{CHROME} not found: install Debian's chromium or set CHROME_PATH")
    ensure_lighthouse()
    OUT.mkdir(parents=True, exist_ok=True)
    temp = None
    site = args.site
    if site is None:
        temp = Path(tempfile.mkdtemp(prefix="ctpat-lh-"))
        site = temp / "site"
        print("building the site ...", file=sys.stderr, flush=True)
        build_site(site)
    base_url, server = serve(site, use_gzip=not args.no_gzip)
    results = {}
    try:
        for lang, path in PAGES.items():
            runs = []
            for run in range(1, args.runs + 1):
                print(f"lighthouse ({args.preset}) on /{path}, run {run} ...", file=sys.stderr, flush=True)
                report_path = OUT / f"lighthouse-{lang}-{run}.report.json"
                runs.append((summarize(run_lighthouse(base_url + path, report_path, args.preset)),
                             report_path))
            # Lighthouse's performance score moves between runs on a shared machine: keep the median.
            runs.sort(key=lambda item: item[0]["scores"]["performance"] or 0)
            median, report_path = runs[len(runs) // 2]
            shutil.copyfile(report_path, OUT / f"lighthouse-{lang}.report.json")
            results[lang] = {"url": "/" + path, **median,
                             "performance_runs": [r[0]["scores"]["performance"] for r in runs]}
    finally:
        server.shutdown()
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)

    print(f"\nLighthouse {LIGHTHOUSE_VERSION}, {args.preset} preset, Chromium {CHROME}, "
          f"served {'with gzip' if not args.no_gzip else 'without compression'} on 127.0.0.1")
    print(f"{'page':<36}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for lang, r in results.items():
        print(f"{r['url']:<36}" + "".join(f"{str(r['scores'][c]):>16}" for c in CATEGORIES))
    for lang, r in results.items():
        print(f"\n{r['url']} (performance over {len(r['performance_runs'])} run(s): "
              f"{r['performance_runs']}; median run shown): "
              + ", ".join(f"{k} {v}" for k, v in r["metrics"].items()))
        for category in CATEGORIES:
            for item in r["failing"][category]:
                print(f"  {category}: {item['id']} - {item['title']} (score {item['score']}"
                      f"{', ' + item['display'] if item['display'] else ''})")
        for warning in r["warnings"]:
            print(f"  lighthouse warning: {warning}")
    print(json.dumps({"preset": args.preset, "gzip": not args.no_gzip, "pages": results,
                      "machine": machine()}, ensure_ascii=False, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

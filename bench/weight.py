"""Page weight: what a first visit downloads, gzipped, beside plain Material's same page.

    python bench/weight.py [--hooks-site DIR --plain-site DIR] [--dry-run]

Builds a copy of the real project as shipped (hooks, three editions) and the same Markdown as
plain Material + mkdocs-static-i18n (bench/synthetic.py's ``plain_from_hooks_project``),
serves each site on 127.0.0.1 with gzip (level 6, as common web servers do), and opens each
page in Debian's Chromium (Playwright, a fresh profile per page, so nothing is cached) until
the network is idle. Every request is recorded, including the search worker's fetch of the
search index, which Material makes on every page load. Bytes are the response bodies as sent
(gzipped where the type compresses; HTTP headers not counted); failed requests (404) are
counted as requests, with no bytes.

Pages, in English and Simplified Chinese: the home page, a lesson with its quiz
(lessons/practice/seals-vvtt/) and the training library (a generated page: plain Material has
no counterpart). Requests to any host other than the local server are counted and blocked;
the site should make none.

About a minute (two builds, ten page loads). Prints a table and one JSON object as the LAST
line (also saved in bench/out/weight-<time>.json).
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
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402
from measure import (COMPRESSIBLE, ROOT, machine, progress, project_state, serve_static,  # noqa: E402
                     sizes, timed_build)

OUT = ROOT / "bench" / "out"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
PAGES = {"home": "", "lesson": "lessons/practice/seals-vvtt/", "library": "library/"}
EDITIONS = {"en": "", "zh": "zh/"}
KINDS = {"document": "html", "stylesheet": "css", "script": "js", "xhr": "json", "fetch": "json",
         "image": "img", "font": "font"}


def sent_bytes(site: Path, url_path: str) -> int | None:
    """Bytes the loopback server sends for this path: gzip level 6 where the type compresses."""
    path = unquote(url_path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    file = site / path
    if not file.is_file():
        return None
    data = file.read_bytes()
    return sizes(data)["gz"] if file.name.endswith(COMPRESSIBLE) else len(data)


def load_page(browser, base: str, site: Path, path: str) -> dict:
    """Open ``base + path`` in a fresh context; every request, its kind and bytes."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    local = urlsplit(base).netloc
    external: list[str] = []

    def route(route):
        if urlsplit(route.request.url).netloc != local and not route.request.url.startswith("data:"):
            external.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route("**/*", route)
    requests = []
    context.on("request", lambda request: requests.append(request))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(base + path, wait_until="networkidle", timeout=120_000)
    page.wait_for_timeout(500)
    rows = []
    for request in requests:
        parts = urlsplit(request.url)
        if parts.scheme == "data" or parts.netloc != local:
            continue
        answer = request.response()
        status = answer.status if answer else None
        rows.append({"path": parts.path.lstrip("/") or "/", "type": request.resource_type,
                     "kind": kind(request.resource_type, parts.path), "status": status,
                     "bytes": sent_bytes(site, parts.path) if status == 200 else 0})
    context.close()
    total = sum(r["bytes"] or 0 for r in rows)
    by_kind: dict[str, int] = {}
    for r in rows:
        by_kind[r["kind"]] = by_kind.get(r["kind"], 0) + (r["bytes"] or 0)
    return {"page": "/" + path, "status": response.status if response else None, "requests": len(rows),
            "failed": [r["path"] for r in rows if r["status"] != 200], "bytes": total, "by_kind": by_kind,
            "external_requests": external, "errors": errors, "files": rows}


def kind(resource_type: str, path: str) -> str:
    if path.endswith("search_index.json"):
        return "search index"
    if "/workers/" in path:
        return "search worker"
    if resource_type == "other" and path.endswith((".svg", ".png", ".ico")):
        return "icon"
    return KINDS.get(resource_type, resource_type)


def build(project: Path, site: Path, logs: Path, label: str) -> None:
    result = timed_build(project, site, logs / f"weight-{label}.log")
    progress(f"{label} build: {result['seconds']:.1f} s, exit {result['returncode']}")
    if result["returncode"] != 0:
        raise SystemExit(f"the {label} build failed:\n{result['tail']}")


def measure_sites(hooks_site: Path, plain_site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    report: dict = {}
    servers = []
    try:
        bases = {}
        for label, site in (("hooks", hooks_site), ("plain", plain_site)):
            base, server = serve_static(site)
            servers.append(server)
            bases[label] = (base, site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for name, rel in PAGES.items():
                    for lang, prefix in EDITIONS.items():
                        entry = {}
                        for label, (base, site) in bases.items():
                            if not sent_bytes(site, prefix + rel):
                                entry[label] = None  # plain Material has no such page
                                continue
                            entry[label] = load_page(browser, base, site, prefix + rel)
                        if entry.get("hooks") and entry.get("plain"):
                            entry["ratio"] = round(entry["hooks"]["bytes"] / entry["plain"]["bytes"], 3)
                        report[f"{name} {lang}"] = entry
                        progress(f"{name} {lang}: " + ", ".join(
                            f"{k} {v['bytes']} B in {v['requests']} requests" for k, v in entry.items()
                            if isinstance(v, dict)))
            finally:
                browser.close()
    finally:
        for server in servers:
            server.shutdown()
    return report


def print_report(report: dict) -> None:
    kinds = ("html", "css", "js", "search worker", "search index", "img", "icon")
    print("\nFirst visit, gzipped bytes (KiB) and requests; hooks = this project, plain = plain Material "
          "from the same Markdown")
    print(f"{'page':<12} {'site':<6} {'requests':>8} {'total KiB':>10}" + "".join(f"{k:>14}" for k in kinds)
          + f"{'failed':>7}{'other hosts':>12}")
    for page, entry in report.items():
        for label in ("hooks", "plain"):
            w = entry.get(label)
            if w is None:
                print(f"{page:<12} {label:<6} {'-':>8} {'(no such page)':>10}")
                continue
            cells = "".join(f"{w['by_kind'][k] / 1024:>14.1f}" if k in w["by_kind"] else f"{'-':>14}"
                            for k in kinds)
            print(f"{page:<12} {label:<6} {w['requests']:>8} {w['bytes'] / 1024:>10.1f}{cells}"
                  f"{len(w['failed']):>7}{len(w['external_requests']):>12}")
        if "ratio" in entry:
            print(f"{'':<12} hooks/plain bytes: {entry['ratio']}")
    lesson = report.get("lesson en", {}).get("hooks")
    if lesson:
        own = [f for f in lesson["files"] if f["path"].startswith("assets/ctpat/")]
        plain = report["lesson en"].get("plain") or {}
        if plain.get("failed"):
            print("Failed requests (404) of plain Material on the English lesson: " + ", ".join(plain["failed"])
                  + " (Material looks for sitemap.xml beside each language link)")
        print("The project's own assets on the English lesson: "
              + ", ".join(f"{f['path'].removeprefix('assets/ctpat/')} {f['bytes']} B" for f in own))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hooks-site", type=Path, help="an already built site of the project")
    parser.add_argument("--plain-site", type=Path, help="an already built plain Material site")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and sites")
    parser.add_argument("--dry-run", action="store_true",
                        help="check Chromium, Playwright and the page list; build and open nothing")
    args = parser.parse_args(argv)
    if bool(args.hooks_site) != bool(args.plain_site):
        parser.error("give both --hooks-site and --plain-site, or neither")
    if args.dry_run:
        import playwright.sync_api  # noqa: F401  (installed with the test extras)

        print(json.dumps({"dry_run": True, "chromium": CHROMIUM, "chromium_found": Path(CHROMIUM).exists(),
                          "pages": {f"{n} {l}": p + r for n, r in PAGES.items() for l, p in EDITIONS.items()}}))
        return 0
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} not found: install Debian's chromium or set CHROMIUM")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    work = Path(tempfile.mkdtemp(prefix="ctpat-weight-"))
    try:
        if args.hooks_site:
            hooks_site, plain_site = args.hooks_site, args.plain_site
        else:
            logs = OUT / "logs" / stamp
            project, plain = work / "hooks", work / "plain"
            synthetic.copy_real_project(project)
            synthetic.plain_from_hooks_project(project, plain)
            # Plain Material has no project stylesheet (it lives in overrides/, not copied).
            config = plain / "mkdocs.yml"
            config.write_text(synthetic._drop_top_level_block(config.read_text(encoding="utf-8"), "extra_css"),
                              encoding="utf-8")
            hooks_site, plain_site = work / "site-hooks", work / "site-plain"
            build(project, hooks_site, logs, "hooks")
            build(plain, plain_site, logs, "plain")
        report = measure_sites(hooks_site, plain_site)
    finally:
        if args.keep:
            progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print_report(report)
    result = {"pages": report, "machine": machine(), "project": project_state()}
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"weight-{stamp}.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

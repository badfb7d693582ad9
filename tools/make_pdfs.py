"""The workshop kit as PDF files: ``python3 tools/make_pdfs.py`` (needs the ``pdf`` extra).

Builds the site (or takes a built one with ``--site DIR``), serves it on 127.0.0.1 and prints
pages to A4 PDF with Chromium through Playwright, exactly as a browser's "Save as PDF" would
with the site's print styles. For each language (``--languages en zh``, default every edition
the site has) it writes, under ``--out`` (default ``pdf/``)::

    <language>/course.pdf                 the whole course: cover, contents, every lesson
    <language>/module-<n>-<folder>.pdf    one per module
    <language>/facilitator.pdf            objectives, timed agenda and the answer key
    <language>/training-matrix.pdf        roles x lessons, lessons x MSC categories
    <language>/handouts/<lesson>.pdf      one handout per lesson (its quiz as a worksheet)
    sign-in/<workshop>.pdf                one bilingual sheet per workshop of extra.workshops

Chinese text stays text, selectable and searchable, in WenQuanYi Micro Hei (Debian and
Ubuntu: ``apt install fonts-wqy-microhei``). The PDFs name it before the screen's fonts:
Chromium writes text set in Noto Sans CJK with the look-alike Kangxi radical characters
(U+2F00-U+2FD5) for some common characters, so a search for 小时 would not find "⼩时".
Chromium: Debian's ``chromium`` package, or set ``CHROMIUM`` to another executable.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
# Page numbers at the foot of every page; the site's @page rule gives the margins room.
PDF_FONT = "WenQuanYi Micro Hei"
PDF_FONT_CSS = (f'html[lang] {{ --md-text-font: Arial, "{PDF_FONT}", sans-serif; '
                f'font-family: Arial, "{PDF_FONT}", sans-serif; }}')
FOOTER = ('<div style="font-size:7pt;width:100%;text-align:center;color:#555">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


def chromium_path() -> str | None:
    """The Chromium to drive: $CHROMIUM, else the system's, else Playwright's own (None)."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next((path for path in CHROMIUM_CANDIDATES if Path(path).exists()), None)


def warn_without_pdf_font() -> None:
    try:
        found = subprocess.run(["fc-list", PDF_FONT], capture_output=True, text=True).stdout.strip()
    except OSError:
        found = ""
    if not found:
        print(f"warning: font '{PDF_FONT}' not found (apt install fonts-wqy-microhei): Chinese in "
              "the PDFs may be missing or copy as look-alike characters", file=sys.stderr)


def build_site(root: Path, site: Path) -> None:
    print(f"building the site into {site} ...", flush=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=root, env=env, check=True)


def editions(site: Path) -> dict[str, str]:
    """Language code -> URL prefix of every edition the site was built with."""
    found = {}
    for catalog in sorted(site.glob("**/library/catalog.json")):
        language = json.loads(catalog.read_text(encoding="utf-8"))["language"]
        found[language] = catalog.parent.parent.relative_to(site).as_posix().strip(".") + "/"
    return {code: ("" if prefix == "/" else prefix) for code, prefix in found.items()}


def jobs(site: Path, languages: list[str]) -> list[tuple[str, str]]:
    """(site path, PDF file) pairs for every document of the kit."""
    found = editions(site)
    unknown = [code for code in languages if code not in found]
    if unknown:
        raise SystemExit(f"the site has no edition {', '.join(unknown)}; it has: {', '.join(found)}")
    work = []
    for code in languages:
        prefix = found[code]
        base = site / prefix
        work.append((f"{prefix}print/", f"{code}/course.pdf"))
        catalog = json.loads((base / "library" / "catalog.json").read_text(encoding="utf-8"))  # URLs from the site root
        folders = sorted(path.parent.name for path in (base / "print").glob("*/index.html"))
        for module in catalog["modules"]:
            folder = next((f for f in folders if any(
                e["url"].startswith(f"{prefix}lessons/{f}/") for e in catalog["lessons"] if e["module"]["number"] == module["number"])), None)
            if folder:
                work.append((f"{prefix}print/{folder}/", f"{code}/module-{module['number']}-{folder}.pdf"))
        work.append((f"{prefix}facilitator/", f"{code}/facilitator.pdf"))
        work.append((f"{prefix}training-matrix/", f"{code}/training-matrix.pdf"))
        for lesson in catalog["lessons"]:
            work.append((lesson["url"], f"{code}/handouts/{lesson['id']}.pdf"))
    # The sign-in sheets are bilingual: one each, from the first language asked for.
    prefix = found[languages[0]]
    for sheet in sorted((site / prefix / "sign-in").glob("*/index.html")):
        work.append((f"{prefix}sign-in/{sheet.parent.name}/", f"sign-in/{sheet.parent.name}.pdf"))
    return work


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def print_pages(base_url: str, work: list[tuple[str, str]], out: Path, footer: bool = True,
                browser=None) -> list[Path]:
    """Each (path under base_url, PDF file under out) printed to A4 PDF; the files written.
    Uses ``browser`` (a Playwright Chromium) when given, else launches one."""
    warn_without_pdf_font()
    if browser is not None:
        return _print_with(browser, base_url, work, out, footer)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("PDFs need Playwright: pip install '.[pdf]' (see README.md)") from None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path())
        try:
            return _print_with(browser, base_url, work, out, footer)
        finally:
            browser.close()


def _print_with(browser, base_url, work, out, footer) -> list[Path]:
    written = []
    page = browser.new_page()
    page.emulate_media(media="print")
    for path, name in work:
        response = page.goto(base_url + path, wait_until="load")
        if response is not None and not response.ok:
            raise SystemExit(f"{base_url + path}: HTTP {response.status}; is the site complete?")
        page.add_style_tag(content=PDF_FONT_CSS)
        page.evaluate("document.fonts.ready.then(() => true)")
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True,
                 display_header_footer=footer, header_template="<span></span>",
                 footer_template=FOOTER if footer else "<span></span>")
        written.append(target)
        print(f"  {target}", flush=True)
    page.close()
    return written


def pdf_of_files(files: list[Path], out: Path, browser=None) -> list[Path]:
    """Standalone HTML files (certificates) of one folder printed to PDF in ``out``."""
    files = [Path(f).resolve() for f in files]
    server, base_url = serve(files[0].parent)
    try:
        return print_pages(base_url, [(f.name, f.with_suffix(".pdf").name) for f in files], Path(out),
                           footer=False, browser=browser)
    finally:
        server.shutdown()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--out", type=Path, default=ROOT / "pdf", help="folder for the PDFs (default pdf/)")
    parser.add_argument("--languages", nargs="+", help="edition codes, e.g. en zh (default: all)")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    args = parser.parse_args(argv)
    temporary = None
    site = args.site
    if site is None:
        temporary = tempfile.mkdtemp(prefix="ctpat-pdf-")
        site = Path(temporary) / "site"
        build_site(args.root, site)
    try:
        languages = args.languages or list(editions(site))
        work = jobs(site, languages)
        server, base_url = serve(site)
        try:
            written = print_pages(base_url, work, args.out)
        finally:
            server.shutdown()
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
    print(f"wrote {len(written)} PDF files under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared fixtures: a real MkDocs build, a loopback web server, and Debian's Chromium.

Three depths of test share these: pure functions need none; site tests use ``built_site``
(the real project, built once per session with ``--strict``) or ``build_fixture_site``
(a small site assembled in a temporary folder); browser tests add ``site_server`` and
``page``, which fails the test on any request to another host or any console error.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium's own background traffic would be blocked by this machine's closed network.
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
PROJECT_PARTS = ("mkdocs.yml", "docs", "docs_zh", "docs_zh_hant", "quizzes", "hooks", "overrides", "data")


def run_mkdocs_build(project: Path, site_dir: Path, strict: bool = True, *options: str) -> subprocess.CompletedProcess:
    """Run the real ``mkdocs build`` in ``project``; return the finished process (never raises)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir), *options]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=env,
                          timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project, built once with ``--strict``; the test run fails if that fails."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr[-6000:]}", pytrace=False)
    return site


def copy_project(dest: Path, extra: tuple = ()) -> Path:
    """The project's sources and hooks (and the ``extra`` parts, e.g. ``tools``) in ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in (*PROJECT_PARTS, *extra):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def without_workshops(config: str) -> str:
    """mkdocs.yml with ``extra.workshops: []``: the real workshops name lessons of the real
    course, which a small test course does not have (its build would stop on them)."""
    out, skipping = [], False
    for line in config.split("\n"):
        if line.rstrip() == "  workshops:":
            out.append("  workshops: []")
            skipping = True
            continue
        if skipping and (line.startswith("    ") or not line.strip()):
            continue
        skipping = False
        out.append(line)
    assert "  workshops: []" in out, "mkdocs.yml no longer has extra.workshops where these tests expect it"
    return "\n".join(out)


@pytest.fixture
def fixture_project(tmp_path) -> Path:
    """A copy of the project in a temporary folder, for tests that add or break files."""
    return copy_project(tmp_path / "project")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static host like the ones consultancies use: missing paths get the site's 404.html."""

    def log_message(self, format, *args):  # keep pytest output readable
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve_directory(directory: Path):
    """Serve ``directory`` on a free loopback port; returns (base_url, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def site_server(built_site):
    """The built site on a loopback port: ``http://127.0.0.1:PORT/``."""
    base_url, server = serve_directory(built_site)
    yield base_url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download its own here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (see .ci/run)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """What a page did that a reader would not want: outside requests, console errors."""

    def __init__(self, allowed_host: str):
        self.allowed_host = allowed_host
        self.outside_requests: list[str] = []
        self.console_errors: list[str] = []
        self.failed_responses: list[str] = []

    def on_request(self, request):
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if urlsplit(url).netloc != self.allowed_host:
            self.outside_requests.append(url)

    def on_console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def on_response(self, response):
        if response.status >= 400:
            self.failed_responses.append(f"{response.status} {response.url}")


@pytest.fixture
def page(browser, site_server):
    """A fresh browser context on the built site. Fails the test if the page made any
    request to another host, logged a console error, or got an HTTP error response."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # Requests to any other host are answered locally and recorded, never sent.
    context.route(lambda url: urlsplit(url).netloc != urlsplit(site_server).netloc
                  and not url.startswith(("data:", "blob:")),
                  lambda route: route.abort())
    page = context.new_page()
    watch = PageWatch(urlsplit(site_server).netloc)
    page.on("request", watch.on_request)
    page.on("console", watch.on_console)
    page.on("response", watch.on_response)
    page.on("pageerror", lambda error: watch.console_errors.append(f"pageerror: {error}"))
    page.watch = watch
    page.base_url = site_server
    yield page
    context.close()
    problems = []
    if watch.outside_requests:
        problems.append(f"requests to other hosts: {watch.outside_requests}")
    if watch.console_errors:
        problems.append(f"console errors: {watch.console_errors}")
    if watch.failed_responses:
        problems.append(f"HTTP errors: {watch.failed_responses}")
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)


MINI_INFRA = ("mkdocs.yml", "hooks", "overrides", "data", "docs_zh_hant")


def make_mini_project(root: Path, pages: dict[str, str], quizzes: dict[str, str] | None = None) -> Path:
    """A small project: the real configuration, hooks, theme and data, with only ``pages``
    (``{"docs/index.md": "...", "docs_zh/index.md": "..."}``) and ``quizzes``."""
    project = root / "mini"
    project.mkdir(parents=True)
    for part in MINI_INFRA:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / part)
    for folder in ("docs", "docs_zh", "docs_zh_hant", "quizzes"):
        (project / folder).mkdir(exist_ok=True)
    shutil.copytree(ROOT / "docs/assets", project / "docs/assets", dirs_exist_ok=True)
    for rel, text in {**pages, **{f"quizzes/{k}.yml": v for k, v in (quizzes or {}).items()}}.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


@pytest.fixture
def mini_project(tmp_path):
    """Factory: ``mini_project(pages, quizzes=None)`` -> project folder (see make_mini_project)."""
    return lambda pages, quizzes=None: make_mini_project(tmp_path, pages, quizzes)

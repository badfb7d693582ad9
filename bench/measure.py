"""Measuring helpers shared by the bench scripts: builds, the machine, a loopback web server.

``build_env`` and ``compile_hooks`` are used by every script that builds (instructions.py too);
``serve_static`` is the gzip-serving loopback server of weight.py and lighthouse.py.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import platform
import socket
import socketserver
import statistics
import subprocess
import sys
import threading
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions",
            "pymdownx-cjk-autojoin", "Markdown", "jieba", "opencc", "PyYAML", "Jinja2")


def build_env() -> dict:
    """The environment of every benchmarked build: Python's defaults for bytecode.

    Some machines (this project's sandboxes among them) set PYTHONDONTWRITEBYTECODE=1, so
    the hooks, copied to a fresh temporary project, would be compiled from source on every
    build, while MkDocs, Material and every other installed package load compiled bytecode.
    On an author's machine Python caches the hooks' bytecode at the first build; the
    benchmark compiles them once beforehand (``compile_hooks``), so both variants load
    bytecode, as they do for an author from the second build on.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_hooks(project: Path) -> None:
    """Write the bytecode cache of a project's hooks, as Python does at their first import."""
    import compileall

    if (project / "hooks").is_dir():
        compileall.compile_dir(str(project / "hooks"), quiet=1)


def timed_build(project: Path, site_dir: Path, log_path: Path) -> dict:
    """``python -m mkdocs build`` in a fresh process: wall seconds, peak RSS, warnings.

    Peak memory comes from ``os.wait4`` (the rusage of exactly this child, ``ru_maxrss`` in
    KiB on Linux). Default verbosity, not ``-q``: ``-q`` raises MkDocs' log level to ERROR, so
    warnings would not even be created and could not be counted.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    env = build_env()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    warnings = [line for line in text.splitlines() if line.startswith("WARNING")]
    return {
        "seconds": wall,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "returncode": process.returncode,
        "warnings": len(warnings),
        "log": str(log_path),
        "tail": "\n".join(text.splitlines()[-15:]) if process.returncode else "",
    }


def sizes(data: bytes) -> dict:
    """Raw and gzipped bytes (gzip level 6, what common web servers use)."""
    return {"raw": len(data), "gz": len(gzip.compress(data, compresslevel=6, mtime=0))}


def count_pages(site: Path) -> int:
    """Built HTML pages (every language), without 404 pages."""
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "mem_gib": mem_gib,
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": versions,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }


def project_state() -> dict:
    """Which commit was measured, and whether the working tree had changes on top of it."""
    def git(*args):
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                                  timeout=20).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""
    return {"commit": git("rev-parse", "--short", "HEAD"),
            "uncommitted_changes": bool(git("status", "--porcelain"))}


def spread(values) -> dict:
    """Median, fastest and slowest of repeated measurements (seconds), and how many."""
    values = sorted(values)
    return {"median": round(statistics.median(values), 3), "min": round(values[0], 3),
            "max": round(values[-1], 3), "n": len(values)}


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- a loopback web server that gzips, as any production server or CDN does ---------------

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")


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
            body = gzip.compress(f.read(), compresslevel=6, mtime=0)
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


def serve_static(site: Path, use_gzip: bool = True, port: int = 0):
    """Serve a built site on 127.0.0.1 (``port``, or a free one) from a thread: (base URL,
    server). Call ``server.shutdown()`` when done."""
    handler = functools.partial(type("Handler", (_Handler,), {"gzip_enabled": use_gzip}),
                                directory=str(site))
    server = _Server(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server

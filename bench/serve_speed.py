"""Preview speed: seconds from saving a lesson to the reloaded page under ``mkdocs serve``.

    python bench/serve_speed.py [--n 200] [--rounds 5] [--groups real synthetic] [--no-dirty]
    python bench/serve_speed.py --dry-run [--n 2]     # write the projects, check them, no server

Starts real ``python -m mkdocs serve`` processes (the venv's Python, free loopback ports) for
two groups of variants, one group at a time, every server of a group running side by side:

* real: a copy of the project as shipped (``hooks``: three editions), the same with the
  Traditional edition off (``hooks2``), the same Markdown as plain Material +
  mkdocs-static-i18n (``plain``: English and Simplified Chinese), and ``hooks-dirty``
  (``mkdocs serve --dirty``);
* synthetic: bench/synthetic.py's course of N lessons per language (default 200), with the
  hooks (two editions) and as plain Material, each also with ``--dirty``.

After every server's first build, each round saves one lesson in every variant of the group,
one variant at a time (the order reverses each round: A B C, C B A, ...): the English lesson
gets one sentence with a token unique to the round, and the lesson's URL is fetched every
50 ms until the page contains it. MkDocs holds a request while it rebuilds, so the time
measured is what an author waits for: the watcher noticing the save (it polls every 0.5 s),
the rebuild, and the page. The server's log gives MkDocs' own "Documentation built in"
seconds beside it, and /proc the server's CPU seconds over the same span (steadier than wall
time on a loaded machine). Median, fastest and slowest per variant; ratios of medians.

``--dirty`` is checked as well as timed: after its last round (``--dirty-rounds``, default 3)
each dirty server's pages (every address of the clean server's sitemaps), search indexes and
catalogues are fetched and compared with its clean twin's, which had the same edits
(livereload script, port and QR codes normalized); then it is stopped.

About 10-20 minutes on two busy cores (the N = 200 rebuilds dominate). Progress goes to
stderr; the report to stdout, one JSON object as its LAST line (also saved in
bench/out/serve-<time>.json, with the servers' logs).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402
from measure import (ROOT, build_env, compile_hooks, free_port, machine, progress,  # noqa: E402
                     project_state, spread)

OUT = ROOT / "bench" / "out"
REAL_LESSON = "lessons/practice/seals-vvtt.md"
POLL = 0.05          # seconds between two requests of the edited page
STARTUP_TIMEOUT = 900
EDIT_TIMEOUT = 600
SETTLE = 1.5         # seconds to wait after a reload, to see whether a second rebuild follows
LIVERELOAD = re.compile(r"<script>\s*var livereload = function.*?</script>", re.DOTALL)
# A lesson's QR code (print) encodes its absolute URL, which holds the server's port.
QR_PATH = re.compile(r'(<path[^>]*class="qrline"[^>]*\bd=")[^"]*"')
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


@dataclass
class Variant:
    name: str
    kind: str          # hooks | plain
    editions: int      # 2 or 3 (plain: always 2)
    dirty: bool = False

    @property
    def twin(self) -> str:
        """The clean variant a dirty one is compared with."""
        return self.name.removesuffix("-dirty")


GROUPS = {
    "real": [Variant("hooks", "hooks", 3), Variant("hooks2", "hooks", 2), Variant("plain", "plain", 2),
             Variant("hooks-dirty", "hooks", 3, dirty=True)],
    "synthetic": [Variant("hooks", "hooks", 2), Variant("plain", "plain", 2),
                  Variant("hooks-dirty", "hooks", 2, dirty=True),
                  Variant("plain-dirty", "plain", 2, dirty=True)],
}


# ---- the projects ----------------------------------------------------------------------------

def prepare(group: str, variants: list[Variant], n: int, work: Path) -> tuple[dict, str]:
    """One project folder per variant (each is edited on its own): {name: path}, lesson rel."""
    source = work / group / "source"
    if group == "real":
        synthetic.copy_real_project(source)
        lesson = REAL_LESSON
    else:
        plan = synthetic.hooks_project(source, n, editions=2)
        middle = plan[len(plan) // 2]
        lesson = f"lessons/{synthetic.MODULE_FOLDERS[middle['module']]}/{middle['id']}.md"
    plain = work / group / "plain-source"
    synthetic.plain_from_hooks_project(source, plain)
    projects = {}
    for variant in variants:
        project = work / group / variant.name
        shutil.copytree(plain if variant.kind == "plain" else source, project)
        if variant.kind == "hooks":
            config = project / "mkdocs.yml"
            text = synthetic.set_edition(config.read_text(encoding="utf-8"), "zh-hant", variant.editions == 3)
            config.write_text(text, encoding="utf-8")
            compile_hooks(project)
        if not (project / "docs" / lesson).is_file():
            raise SystemExit(f"{group}/{variant.name}: no {lesson} to edit")
        projects[variant.name] = project
    return projects, lesson


def lesson_url(rel: str) -> str:
    return rel[:-len(".md")] + "/"


# ---- one server ------------------------------------------------------------------------------

class Server:
    """``python -m mkdocs serve`` on a free port; its log lines timestamped as they arrive."""

    def __init__(self, variant: Variant, project: Path, log_path: Path):
        self.variant, self.project = variant, project
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"]
        if variant.dirty:
            command.append("--dirty")
        self.lines: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.log_file = open(log_path, "w", encoding="utf-8")
        env = {**build_env(), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, env=env, text=True,
                                        encoding="utf-8", errors="replace", start_new_session=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            now = time.monotonic()
            with self.lock:
                self.lines.append((now, line.rstrip("\n")))
            self.log_file.write(f"{now:.3f} {line}")
            self.log_file.flush()

    def since(self, t: float) -> list[tuple[float, str]]:
        with self.lock:
            return [(when, line) for when, line in self.lines if when >= t]

    def wait_for(self, pattern: str, after: float, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        while time.monotonic() < deadline:
            for when, line in self.since(after):
                if regex.search(line):
                    return when
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.variant.name}: mkdocs serve exited "
                                   f"({self.process.returncode}); see {self.log_file.name}")
            time.sleep(0.1)
        raise RuntimeError(f"{self.variant.name}: waited {timeout} s for {pattern!r}; see {self.log_file.name}")

    def get(self, path: str, timeout: float = EDIT_TIMEOUT) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def stop(self) -> None:
        """Ctrl-C, as an author stops it (MkDocs then deletes its temporary site folder);
        SIGKILL if it does not exit."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        self.reader.join(timeout=5)
        self.log_file.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def save(path: Path, text: str) -> None:
    """Write ``text`` over the file in one write call, as an editor saving in place does.

    Truncating first (``open(path, "w")``) would leave a moment in which the file is empty,
    and the watcher, which compares sizes and times every 0.5 s, could see two changes and
    rebuild twice. The new text is never shorter than the old here (the lesson plus one
    sentence of fixed length), so writing over it and cutting at its end is one change."""
    data = text.encode("utf-8")
    before = path.stat().st_mtime_ns
    fd = os.open(path, os.O_WRONLY)
    try:
        written = os.write(fd, data)
        if written != len(data):
            raise OSError(f"short write to {path}")
        os.ftruncate(fd, len(data))
    finally:
        os.close(fd)
    if path.stat().st_mtime_ns <= before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def edit_once(server: Server, lesson: str, original: str, token: str) -> dict:
    """Save the lesson with ``token`` in it; seconds until its page shows the token."""
    path = server.project / "docs" / lesson
    url = lesson_url(lesson)
    text = original.rstrip("\n") + f"\n\nThis sentence was added by the preview benchmark ({token}).\n"
    cpu_start = cpu_seconds(server.process.pid)
    start = time.monotonic()
    save(path, text)
    status, body = 0, b""
    while time.monotonic() - start < EDIT_TIMEOUT:
        status, body = server.get(url)
        if token.encode() in body:
            break
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.variant.name}: mkdocs serve exited; see {server.log_file.name}")
        time.sleep(POLL)
    else:
        raise RuntimeError(f"{server.variant.name}: {url} never showed the edit (last status {status})")
    seen = time.monotonic()
    cpu = cpu_seconds(server.process.pid) - cpu_start
    time.sleep(SETTLE)
    # A second rebuild (the watcher saw the save twice): let it finish, so that it does not
    # run during the next variant's measurement; it is counted.
    while True:
        lines = server.since(start)
        detected_n = sum(1 for _, line in lines if "Detected file changes" in line)
        reloads = sum(1 for _, line in lines if "Reloading browsers" in line)
        if reloads >= detected_n or time.monotonic() - start > EDIT_TIMEOUT:
            break
        time.sleep(0.2)
    detected = next((w for w, line in lines if "Detected file changes" in line), None)
    built = [float(m[1]) for _, line in lines if (m := BUILT.search(line))]
    return {
        "seconds": seen - start,
        "cpu_s": round(cpu, 2),
        "detected_after": None if detected is None else round(detected - start, 3),
        "mkdocs_build_s": built[0] if built else None,
        "rebuilds": sum(1 for _, line in lines if "Detected file changes" in line),
        "errors": [line for _, line in lines if line.startswith(("ERROR", "Traceback")) or "Error" in line[:40]],
        "status": status,
    }


# ---- --dirty: the same pages as its clean twin? ----------------------------------------------

def site_paths(server: Server, editions: int) -> list[str]:
    """Every page address of the site (from each edition's sitemap), and the data files."""
    prefixes = ["", "zh/"] + (["zh-hant/"] if editions == 3 else [])
    paths = []
    for prefix in prefixes:
        _, body = server.get(prefix + "sitemap.xml", timeout=60)
        for loc in re.findall(r"<loc>([^<]*)</loc>", body.decode("utf-8", "replace")):
            loc = loc.replace(server.base, "")
            if loc.startswith("./"):
                loc = loc[2:]
            if loc not in paths:
                paths.append(loc)
        paths += [prefix + "search/search_index.json"]
        paths += [prefix + "library/catalog.json"] if server.variant.kind == "hooks" else []
    return paths


def normalize(body: bytes, server: Server) -> bytes:
    text = body.decode("utf-8", "replace")
    text = LIVERELOAD.sub("", text).replace(f"127.0.0.1:{server.port}", "HOST")
    return QR_PATH.sub(r'\1QR"', text).encode()


def first_difference(a: bytes, b: bytes) -> str:
    """The first differing lines of two pages (split at tags), clean then dirty, shortened."""
    import difflib
    split = lambda data: data.decode("utf-8", "replace").replace("><", ">\n<").splitlines()
    removed, added = None, None
    for line in difflib.unified_diff(split(a), split(b), n=0, lineterm=""):
        if line.startswith(("---", "+++", "@@")):
            if removed is not None or added is not None:
                break
            continue
        if line.startswith("-") and removed is None:
            removed = line[1:].strip()[:100]
        elif line.startswith("+") and added is None:
            added = line[1:].strip()[:100]
    return f"clean {removed!r} / dirty {added!r}"


def compare(dirty: Server, clean: Server, lesson: str, token: str) -> dict:
    paths = site_paths(clean, clean.variant.editions)
    differ, missing, examples, sizes, skipped = [], [], {}, {}, 0
    for path in paths:
        status_clean, clean_body = clean.get(path, timeout=120)
        status_dirty, dirty_body = dirty.get(path, timeout=120)
        if status_clean == status_dirty == 404:
            skipped += 1
            continue  # plain Material: no per-edition search index
        if status_dirty != status_clean:
            missing.append(f"{path} ({status_dirty}, clean {status_clean})")
            continue
        a, b = normalize(clean_body, clean), normalize(dirty_body, dirty)
        if a != b:
            differ.append(path)
            sizes[path] = {"clean": len(a), "dirty": len(b)}
            if len(examples) < 6:
                examples[path] = first_difference(a, b)
    _, page = dirty.get(lesson_url(lesson))
    _, index = dirty.get("search/search_index.json")
    try:
        docs = len(json.loads(index)["docs"])
    except (ValueError, KeyError):
        docs = None
    _, clean_index = clean.get("search/search_index.json")
    try:
        clean_docs = len(json.loads(clean_index)["docs"])
    except (ValueError, KeyError):
        clean_docs = None
    compared = len(paths) - skipped
    return {"compared": compared, "identical": compared - len(differ) - len(missing),
            "differ": differ, "status_differs": missing, "examples": examples, "sizes": sizes,
            "edited_page_updated": token.encode() in page,
            "search_docs": {"dirty": docs, "clean": clean_docs}}


# ---- a group of servers ----------------------------------------------------------------------

def run_group(group: str, variants: list[Variant], n: int, rounds: int, dirty_rounds: int, work: Path,
              logs: Path) -> dict:
    progress(f"{group}: writing {len(variants)} projects")
    projects, lesson = prepare(group, variants, n, work)
    originals = {v.name: (projects[v.name] / "docs" / lesson).read_text(encoding="utf-8") for v in variants}
    servers: dict[str, Server] = {}
    result = {"lesson": lesson, "url": "/" + lesson_url(lesson), "variants": {}}
    try:
        started = time.monotonic()
        for v in variants:
            servers[v.name] = Server(v, projects[v.name], logs / f"{group}-{v.name}.log")
        first = {}
        for v in variants:
            servers[v.name].wait_for(r"Serving on http", started, STARTUP_TIMEOUT)
            built = [float(m[1]) for _, line in servers[v.name].since(started) if (m := BUILT.search(line))]
            first[v.name] = built[0] if built else None
        progress(f"{group}: first builds done ({', '.join(f'{k} {v}s' for k, v in first.items())})")
        time.sleep(2)
        runs: dict[str, list] = {v.name: [] for v in variants}
        checks = {}
        for r in range(rounds):
            token = f"svb{r}x{uuid.uuid4().hex[:10]}"
            active = [v for v in variants if not v.dirty or r < dirty_rounds]
            order = active if r % 2 == 0 else list(reversed(active))
            for v in order:
                m = edit_once(servers[v.name], lesson, originals[v.name], token)
                m["loadavg"] = round(os.getloadavg()[0], 2)
                runs[v.name].append(m)
                progress(f"{group} round {r + 1}/{rounds} {v.name}: {m['seconds']:.2f} s to the page, "
                         f"{m['cpu_s']:.2f} s CPU "
                         f"(MkDocs: built in {m['mkdocs_build_s']} s; change seen after "
                         f"{m['detected_after']} s; load {m['loadavg']})")
            if r == min(dirty_rounds, rounds) - 1:
                # The dirty servers' last round: compare each with its clean twin, which had
                # the same edits, then stop it (its search index grows with every rebuild).
                for v in active:
                    if v.dirty and v.twin in servers:
                        progress(f"{group}: comparing {v.name} with {v.twin}, page by page")
                        checks[v.name] = compare(servers[v.name], servers[v.twin], lesson, token)
                    if v.dirty:
                        servers[v.name].stop()
        for v in variants:
            rs = runs[v.name]
            result["variants"][v.name] = {
                "kind": v.kind, "editions": v.editions, "dirty": v.dirty,
                "first_build_s": first[v.name],
                "save_to_page_s": spread(r["seconds"] for r in rs),
                "cpu_s": spread(r["cpu_s"] for r in rs),
                "mkdocs_build_s": spread(r["mkdocs_build_s"] for r in rs if r["mkdocs_build_s"] is not None)
                if any(r["mkdocs_build_s"] is not None for r in rs) else None,
                "detected_after_s": spread(r["detected_after"] for r in rs if r["detected_after"] is not None)
                if any(r["detected_after"] is not None for r in rs) else None,
                "runs_s": [round(r["seconds"], 3) for r in rs],
                "extra_rebuilds": sum(max(r["rebuilds"] - 1, 0) for r in rs),
                "errors": sorted({e for r in rs for e in r["errors"]})[:10],
            }
        for name, check in checks.items():
            result["variants"][name]["check"] = check
        result["ratios"] = ratios(result["variants"])
        result["cpu_ratios"] = ratios(result["variants"], "cpu_s")
    finally:
        for server in servers.values():
            server.stop()
    return result


def ratios(variants: dict, key: str = "save_to_page_s") -> dict:
    """Ratios of the medians of ``key`` (wall seconds to the page, or ``cpu_s``)."""
    def med(name):
        v = variants.get(name)
        return v[key]["median"] if v and v.get(key) else None
    out = {}
    for a, b in (("hooks", "plain"), ("hooks2", "plain"), ("hooks-dirty", "hooks"),
                 ("plain-dirty", "plain"), ("hooks-dirty", "plain")):
        if med(a) and med(b):
            out[f"{a}/{b}"] = round(med(a) / med(b), 3)
    return out


# ---- report ----------------------------------------------------------------------------------

def _cell(s: dict | None) -> str:
    return f"{s['median']:.2f} [{s['min']:.2f}-{s['max']:.2f}]" if s else "-"


def print_report(result: dict) -> None:
    print("\nSave -> reloaded page under mkdocs serve, seconds: median [fastest-slowest] of "
          f"{result['rounds']} saves; MkDocs' own build time beside it")
    print(f"{'group':<10} {'variant':<12} {'first build':>11} {'save->page':>24} {'MkDocs build':>24} "
          f"{'seen after':>10} {'CPU s':>22}")
    for group, g in result["groups"].items():
        for name, v in g["variants"].items():
            seen = v["detected_after_s"]
            print(f"{group:<10} {name:<12} {v['first_build_s'] or '-':>11} {_cell(v['save_to_page_s']):>24} "
                  f"{_cell(v['mkdocs_build_s']):>24} {(seen or {}).get('median', '-'):>10} {_cell(v['cpu_s']):>22}")
        print(f"{'':<10} ratios of medians, save->page: {g['ratios']}; CPU: {g['cpu_ratios']}")
        for name, v in g["variants"].items():
            if v["errors"] or v["extra_rebuilds"]:
                print(f"  {name}: errors {v['errors']}, extra rebuilds {v['extra_rebuilds']}")
            check = v.get("check")
            if check:
                verdict = "identical to" if not check["differ"] and not check["status_differs"] else "DIFFERS from"
                print(f"  {name}: {verdict} {name.removesuffix('-dirty')} "
                      f"after the edits on {check['identical']} of {check['compared']} addresses; edited page "
                      f"updated: {check['edited_page_updated']}; search index documents "
                      f"{check['search_docs']['dirty']} (clean {check['search_docs']['clean']})")
                for path in (check["differ"] + check["status_differs"])[:12]:
                    size = check["sizes"].get(path)
                    print(f"      differs: {path}" + (f" ({size['dirty']} bytes, clean {size['clean']})" if size else ""))
                for path, line in check["examples"].items():
                    print(f"      first difference in {path}: {line}")
                if len(check["differ"]) + len(check["status_differs"]) > 12:
                    print(f"      ... {len(check['differ']) + len(check['status_differs']) - 12} more")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="synthetic lessons per language (default 200)")
    parser.add_argument("--rounds", type=int, default=5, help="saves per variant (default 5)")
    parser.add_argument("--groups", nargs="+", choices=tuple(GROUPS), default=list(GROUPS))
    parser.add_argument("--no-dirty", action="store_true", help="leave out the --dirty variants")
    parser.add_argument("--dirty-rounds", type=int, default=3,
                        help="saves per --dirty variant (default 3: their search index grows with "
                             "every rebuild, so they are compared with their clean twin and stopped then)")
    parser.add_argument("--dry-run", action="store_true",
                        help="write and check the projects and print the plan; start no server")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    args = parser.parse_args(argv)
    if args.n < 1 or args.rounds < 1 or args.dirty_rounds < 1:
        parser.error("--n, --rounds and --dirty-rounds must be at least 1")
    groups = {g: [v for v in GROUPS[g] if not (args.no_dirty and v.dirty)] for g in args.groups}

    work = Path(tempfile.mkdtemp(prefix="ctpat-serve-"))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    logs = OUT / f"serve-{stamp}"
    try:
        if args.dry_run:
            plan = {}
            for group, variants in groups.items():
                projects, lesson = prepare(group, variants, args.n, work)
                plan[group] = {"lesson": lesson, "url": "/" + lesson_url(lesson),
                               "variants": {v.name: {"kind": v.kind, "editions": v.editions, "dirty": v.dirty,
                                                     "project": str(projects[v.name])} for v in variants}}
            print(json.dumps({"dry_run": True, "n": args.n, "rounds": args.rounds, "groups": plan},
                             ensure_ascii=False, separators=(",", ":")))
            return 0
        logs.mkdir(parents=True, exist_ok=True)
        result = {"n": args.n, "rounds": args.rounds, "dirty_rounds": args.dirty_rounds, "groups": {}, "machine": machine(),
                  "project": project_state(), "started": time.strftime("%Y-%m-%dT%H:%M:%S")}
        for group, variants in groups.items():
            result["groups"][group] = run_group(group, variants, args.n, args.rounds, args.dirty_rounds,
                                                work, logs)
        result["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        if args.keep:
            progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print_report(result)
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"serve-{stamp}.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

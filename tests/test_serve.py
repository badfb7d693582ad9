"""`mkdocs serve` for authors: a broken quiz is reported on every save (MkDocs drops a log
record that repeats the one before, so the second save is the point), every page of the
preview lists the problem, and fixing the file brings the real pages back."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import course_files as disk

# Startup, three rebuilds and some 100 page requests: more than the suite's 300 s only when stuck.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

STARTUP = 120   # seconds for the first build of the whole course
REBUILD = 90    # seconds for one rebuild after a save
BROKEN_QUIZ = """\
id: {id}
title: {{en: "Check yourself", zh: "自测"}}
pass_mark: 80
questions:
  - id: q1
    type: single
    prompt: {{en: "Which seal class does CTPAT require?", zh: "CTPAT 要求哪一级封条？"}}
    options:
      - {{id: a, text: {{en: "Class H", zh: "H 级"}}}}
      - {{id: b, text: {{en: "Class I", zh: "I 级"}}}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A real `python -m mkdocs serve` on a copy of the project, its log in a file."""

    def __init__(self, project: Path, log: Path):
        self.port = free_port()
        self.log_path = log
        self.log_file = open(log, "w", encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project, stdout=self.log_file, stderr=subprocess.STDOUT, env=env, start_new_session=True)

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, pattern: str, after: int, timeout: float) -> str:
        """The log after offset ``after`` once it matches ``pattern``; fails after ``timeout``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.log[after:]
            if re.search(pattern, text, re.MULTILINE):
                return text
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve exited ({self.process.returncode}):\n{self.log[-4000:]}")
            time.sleep(0.25)
        pytest.fail(f"waited {timeout} s for {pattern!r}; the log ends:\n{self.log[-4000:]}")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=20) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)
        self.log_file.close()


# A rebuild is over when MkDocs asks the browsers to reload.
REBUILT = r"Reloading browsers"


def save(path: Path, text: str) -> None:
    """Write ``text`` so that the watcher sees a change even within one second."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def markdown_pages() -> list[str]:
    """Every page with a Markdown source, in every edition (directory URLs)."""
    return [disk.PREFIX[edition] + page for edition in disk.EDITIONS for page in disk.pages(edition)]


def generated_pages() -> list[str]:
    """Pages without a Markdown file (the library), and an address that does not exist."""
    return [disk.PREFIX[edition] + "library/" for edition in disk.EDITIONS] + ["no-such-page/"]


@dataclass
class Session:
    message: str
    lesson: disk.DiskLesson
    saves: list = field(default_factory=list)       # the log after each broken save
    broken: dict = field(default_factory=dict)      # page -> (status, HTML) while broken
    fixed: dict = field(default_factory=dict)       # page -> (status, HTML) once fixed


@pytest.fixture(scope="module")
def session(tmp_path_factory) -> Session:
    """One preview: started, its quiz broken and saved twice, every page fetched, then fixed."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("serve") / "project")
    lesson = next(lesson for lesson in disk.lessons("en") if lesson.quiz)
    quiz_file = project / "quizzes" / f"{lesson.quiz}.yml"
    original = quiz_file.read_text(encoding="utf-8")
    broken = BROKEN_QUIZ.format(id=lesson.quiz)
    options_line = broken.split("\n").index("    options:") + 1
    message = (f"quizzes/{lesson.quiz}.yml:{options_line}: question q1: no option is marked correct; "
               "mark the right one with 'correct: true'")
    result = Session(message, lesson)

    server = Server(project, project.parent / "serve.log")
    try:
        server.wait_for(r"Serving on http://", 0, STARTUP)
        status, html = server.get(lesson.site_path("en"))
        assert status == 200 and BeautifulSoup(html, "html.parser").select_one(f'[data-quiz-id="{lesson.quiz}"]')

        for text in (broken, broken + "# saved again\n"):
            offset = len(server.log)
            save(quiz_file, text)
            # The end of the rebuild that read the whole file (one that caught it half-written
            # may come first); a save whose message never comes fails here, after REBUILD s.
            server.wait_for(re.escape(message) + r"[\s\S]*" + REBUILT + "|Traceback", offset, REBUILD)
            result.saves.append(server.log[offset:])
            if "Traceback" in result.saves[-1]:
                pytest.fail(f"mkdocs serve crashed on the broken quiz:\n{result.saves[-1][-3000:]}", pytrace=False)
        for page in markdown_pages() + generated_pages():
            result.broken[page] = server.get(page)

        offset = len(server.log)
        save(quiz_file, original)
        server.wait_for(REBUILT, offset, REBUILD)
        deadline = time.monotonic() + REBUILD
        while message in server.get(lesson.site_path("en"))[1] and time.monotonic() < deadline:
            server.wait_for(REBUILT, len(server.log), REBUILD)  # a second rebuild is under way
        for edition in disk.EDITIONS:
            for page in (lesson.site_path(edition), disk.PREFIX[edition] + "library/"):
                result.fixed[page] = server.get(page)
    finally:
        server.stop()
    return result


def lists_problem(html: str, message: str) -> bool:
    items = [" ".join(li.get_text().split()) for li in BeautifulSoup(html, "html.parser").select("li")]
    return message in items


def test_every_save_logs_the_full_problem_again(session):
    """MkDocs drops a log record identical to the one before: the second save must not."""
    assert len(session.saves) == 2
    for number, log in enumerate(session.saves, 1):
        assert "Traceback" not in log, f"save {number}:\n{log[-3000:]}"
        assert session.message in log, f"save {number}: the problem is not in the log:\n{log[-3000:]}"


def test_every_page_of_the_preview_lists_the_problem(session):
    for page in markdown_pages():
        status, html = session.broken[page]
        assert lists_problem(html, session.message), f"/{page} ({status}) does not list the problem"


@pytest.mark.parametrize("page", generated_pages())
def test_generated_pages_and_unknown_addresses_list_the_problem_too(session, page):
    status, html = session.broken[page]
    assert lists_problem(html, session.message), f"/{page} ({status}) does not list the problem"


def test_fixing_the_file_brings_the_real_pages_back(session):
    lesson = session.lesson
    for edition in disk.EDITIONS:
        status, html = session.fixed[lesson.site_path(edition)]
        soup = BeautifulSoup(html, "html.parser")
        assert status == 200, lesson.site_path(edition)
        assert soup.select_one(f'section.ctpat-quiz[data-quiz-id="{lesson.quiz}"]'), lesson.site_path(edition)
        assert soup.select_one(".ctpat-summary") is not None
        assert soup.html["lang"] == disk.HTML_LANG[edition]
        status, html = session.fixed[disk.PREFIX[edition] + "library/"]
        assert status == 200 and BeautifulSoup(html, "html.parser").select("tr[data-ctpat-lesson]")

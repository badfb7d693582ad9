"""The quiz check on a second core: the same result as in this process, errors included."""

from __future__ import annotations

import os
import pickle
import signal
import threading
import time

import pytest

from conftest import ROOT
from coursekit import course_quizzes
from coursekit.background import Background, can_fork
from coursekit.errors import AuthorError

PAGE_DIRS = {"en": "docs", "zh": "docs_zh"}


def _pid_and(value):
    return os.getpid(), value


def _fail(message):
    raise ValueError(message)


def test_a_forked_job_runs_in_another_process_and_returns_its_value():
    job = Background(_pid_and, {"answer": 42}, fork=True)
    assert job.forked
    pid, value = job.result()
    assert pid != os.getpid()
    assert value == {"answer": 42}


def test_an_error_in_the_worker_is_raised_where_the_result_is_asked_for():
    job = Background(_fail, "quiz folder unreadable", fork=True)
    with pytest.raises(ValueError, match="quiz folder unreadable"):
        job.result()


def _sleep_unless_in(parent_pid):
    if os.getpid() != parent_pid:
        time.sleep(60)
    return os.getpid()


def _children() -> set[int]:
    children = set()
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{task}/children") as f:
            children.update(int(pid) for pid in f.read().split())
    return children


def _has_exited(pid: int) -> bool:
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0] == "Z"  # a zombie: done, not yet reaped


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads /proc (Linux)")
def test_the_worker_exits_as_soon_as_its_job_is_done_not_when_collected():
    """While a forked child lives, each page this process writes is copied first: a worker
    idling until the build collects its result made the build slower than no worker."""
    job = Background(_pid_and, "x", fork=True)
    worker = job.worker_pid
    assert worker in _children()
    deadline = time.monotonic() + 10
    while not _has_exited(worker) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _has_exited(worker)
    assert job.result() == (worker, "x")
    assert worker not in _children()  # reaped


def test_a_killed_worker_means_the_job_runs_here_instead():
    job = Background(_sleep_unless_in, os.getpid(), fork=True)
    worker = job.worker_pid
    os.kill(worker, signal.SIGKILL)
    assert job.result() == os.getpid()
    with pytest.raises(ChildProcessError):  # reaped: no zombie left behind
        os.waitpid(worker, os.WNOHANG)


def test_a_cancelled_worker_is_stopped_and_reaped():
    job = Background(_sleep_unless_in, os.getpid(), fork=True)
    worker = job.worker_pid
    started = time.monotonic()
    job.cancel()
    assert time.monotonic() - started < 5  # not the worker's 60 s
    with pytest.raises(ChildProcessError):
        os.waitpid(worker, os.WNOHANG)


def test_with_other_threads_running_the_job_runs_here_instead():
    """mkdocs serve answers requests from threads: a fork would copy their held locks."""
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        assert not can_fork()
        job = Background(_pid_and, "x")
        assert not job.forked
        assert job.result() == (os.getpid(), "x")
    finally:
        stop.set()
        server.join()


def test_author_errors_survive_the_trip_back_from_the_worker():
    error = AuthorError("quizzes/seals.yml", 12, "question q1: no option is marked correct",
                        "add 'correct: true' to the right option")
    copy = pickle.loads(pickle.dumps(error))
    assert copy == error
    assert str(copy) == str(error)


def test_the_forked_check_of_the_real_course_equals_the_check_in_this_process():
    here = course_quizzes.check(ROOT, ROOT / "quizzes", PAGE_DIRS)
    job = Background(course_quizzes.check, ROOT, ROOT / "quizzes", PAGE_DIRS, fork=True)
    there = job.result()
    assert job.forked
    assert there == here
    assert len(there.quizzes) >= 10  # the real course: a quiz per lesson
    assert [q.hash for q in there.quizzes.values()] == [q.hash for q in here.quizzes.values()]


def test_a_saved_file_starts_a_new_check_and_an_unchanged_one_does_not(tmp_path):
    """Both language builds share one check; an author's save is seen by the next rebuild."""
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs_zh").mkdir()
    quiz = (ROOT / "quizzes" / "seals-vvtt.yml").read_text(encoding="utf-8")
    (tmp_path / "quizzes" / "seals-vvtt.yml").write_text(quiz, encoding="utf-8")
    for folder in PAGE_DIRS.values():
        (tmp_path / folder / "seals.md").write_text("# Seals\n\n<!-- quiz: seals-vvtt -->\n",
                                                    encoding="utf-8")
    course_quizzes.start(tmp_path, tmp_path / "quizzes", PAGE_DIRS)
    first = course_quizzes.result()
    assert list(first.quizzes) == ["seals-vvtt"] and not first.problems and not first.warnings

    course_quizzes.start(tmp_path, tmp_path / "quizzes", PAGE_DIRS)
    assert course_quizzes.result() is first  # nothing changed: no second parse

    (tmp_path / "docs_zh" / "seals.md").write_text("# 封条\n\n<!-- quiz: seal-vvtt -->\n",
                                                   encoding="utf-8")
    course_quizzes.start(tmp_path, tmp_path / "quizzes", PAGE_DIRS)
    second = course_quizzes.result()
    assert [str(p) for p in second.problems] == [
        "docs_zh/seals.md:3: the quiz marker names 'seal-vvtt', but there is no "
        "quizzes/seal-vvtt.yml; did you mean '<!-- quiz: seals-vvtt -->'?"]

"""Run one pure function in a second process while the build goes on.

MkDocs builds on one core. Reading and checking every quiz file is pure work on files (no
MkDocs object in or out), so ``mkdocs build`` hands it to a forked process on another core
and collects the result when the pages need it; meanwhile the build converts the Markdown.

    job = Background(load_everything, root)   # starts now
    ...                                        # the build goes on
    result = job.result()                      # waits if needed; raises what it raised

The function runs in this process instead (when ``result()`` is called) where a fork is
unsafe or useless: off Linux, with one CPU, or when other threads run (``mkdocs serve``
serves pages from threads, and a forked child inherits their locks). The result is
the same either way; only its arguments and return value must pickle.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from typing import Any, Callable


def can_fork() -> bool:
    """True where a forked worker is safe and can run beside this process: Linux (macOS
    system libraries may abort a forked child), more than one CPU, no other thread."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork")
            and hasattr(os, "memfd_create")
            and (os.cpu_count() or 1) > 1 and threading.active_count() == 1)


class Background:
    """``function(*args)``, started in a forked worker when ``can_fork()`` (or ``fork``).

    The worker writes its outcome (pickled) to an anonymous in-memory file and exits at
    once. Exiting early matters: while a forked child lives, every memory page this
    process writes is copied first (copy-on-write), and page faults are not cheap on
    virtual machines. A pool worker that idled until collected cost more than the check.
    """

    def __init__(self, function: Callable[..., Any], /, *args: Any, fork: bool | None = None):
        self._call = (function, args)
        self._pid: int | None = None
        self._outcome_fd: int | None = None
        self.forked = False
        if fork if fork is not None else can_fork():
            self._fork()

    def _fork(self) -> None:
        try:
            fd = os.memfd_create("ctpat-background", os.MFD_CLOEXEC)
        except OSError:
            return
        try:
            pid = os.fork()
        except OSError:  # no processes left, say: run here
            os.close(fd)
            return
        if pid == 0:
            _run_and_exit(self._call, fd)
        self._pid, self._outcome_fd, self.forked = pid, fd, True

    @property
    def worker_pid(self) -> int | None:
        """The worker's process id while it has not been collected; else None."""
        return self._pid

    def result(self) -> Any:
        """The function's return value (or its exception, raised here)."""
        outcome = self._collect()
        if outcome is None:  # not forked, or the worker died (killed, out of memory)
            function, args = self._call
            return function(*args)
        ok, value = outcome
        if not ok:
            raise value
        return value

    def _collect(self) -> tuple[bool, Any] | None:
        pid, fd = self._pid, self._outcome_fd
        if pid is None or fd is None:
            return None
        self._pid = self._outcome_fd = None
        with os.fdopen(fd, "rb") as outcome:  # closed whatever happens
            try:
                _, status = os.waitpid(pid, 0)
                if os.waitstatus_to_exitcode(status) != 0:
                    return None
                outcome.seek(0)  # the worker wrote through the same open file
                return pickle.load(outcome)
            except (OSError, EOFError, pickle.UnpicklingError):
                return None

    def cancel(self) -> None:
        """Stop a worker whose result is no longer wanted (a newer job replaced it)."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except OSError:
                pass
        self._collect()


def _run_and_exit(call: tuple, fd: int) -> None:
    """In the worker: run, write ``(ok, value)`` to ``fd``, leave without any clean-up of
    the parent's state (``os._exit``: no atexit handlers, no second flush of its buffers)."""
    code = 1
    try:
        function, args = call
        try:
            outcome = (True, function(*args))
        except Exception as exc:  # raised again in the parent, by result()
            outcome = (False, exc)
        with os.fdopen(fd, "wb", closefd=False) as out:
            pickle.dump(outcome, out, protocol=pickle.HIGHEST_PROTOCOL)
        code = 0
    finally:
        os._exit(code)

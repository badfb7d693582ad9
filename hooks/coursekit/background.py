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

import multiprocessing
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable


def can_fork() -> bool:
    """True where a forked worker is safe and can run beside this process: Linux (macOS
    system libraries may abort a forked child), more than one CPU, no other thread."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork")
            and (os.cpu_count() or 1) > 1 and threading.active_count() == 1)


class Background:
    """``function(*args)``, started in a worker process when ``can_fork()`` (or ``fork``)."""

    def __init__(self, function: Callable[..., Any], /, *args: Any, fork: bool | None = None):
        self._call = (function, args)
        self._executor: ProcessPoolExecutor | None = None
        self._future: Future | None = None
        self.forked = False
        if fork if fork is not None else can_fork():
            try:
                self._executor = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("fork"))
                self._future = self._executor.submit(function, *args)
                self.forked = True
            except (OSError, ValueError, RuntimeError):  # no processes left, say: run here
                self._close()

    def result(self) -> Any:
        """The function's return value (or its exception, raised here)."""
        if self._future is not None:
            try:
                return self._future.result()
            except BrokenProcessPool:  # the worker died (killed, out of memory): run here
                pass
            finally:
                self._close()
        function, args = self._call
        return function(*args)

    def _close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor, self._future = None, None

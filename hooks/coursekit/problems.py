"""Author-facing problems that read like a compiler's: ``file:line: what is wrong; how to fix``.

Every check in the course returns problems instead of raising, so one build can list all of
them, sorted by file and line, whatever kind of source they come from (``mkdocs.yml``, the
glossary, a lesson, a quiz).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem(Exception):
    """A mistake in the course sources that an author or a consultancy can fix.

    ``path`` is relative to the project folder (``quizzes/seals.yml``); ``line`` is 1-based,
    or ``None`` when the problem has no single line (a missing file, say). ``key`` names the
    setting for configuration problems (``extra.workshops[2].date``).
    """

    path: str
    line: int | None
    problem: str
    fix: str = ""
    key: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.key}: {self.problem}" if self.key else f"{where}: {self.problem}"
        return f"{text}; {self.fix}" if self.fix else text

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.key, self.problem)


class Problems(Exception):
    """Several problems found in one pass (raised by a loader that cannot return a value)."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def report(problems: list[Problem], what: str) -> str:
    """``"3 problems to fix:\\n<one per line, by file and line>"``; ``what`` must read right
    after "1 problem" and "3 problems" alike."""
    count = len(problems)
    lines = [str(p) for p in sorted(problems, key=lambda p: p.sort_key)]
    return f"{count} {'problem' if count == 1 else 'problems'} {what}:\n" + "\n".join(lines)

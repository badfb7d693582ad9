"""Author-facing errors that read like a compiler's: ``file:line: what is wrong; how to fix``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuthorError(Exception):
    """A mistake in the course sources that an author can fix.

    ``path`` is relative to the project root (``quizzes/seals.yml``); ``line`` is 1-based
    or ``None`` when the problem has no single line (a missing file, say).
    """

    path: str
    line: int | None
    problem: str
    fix: str = ""

    def __reduce__(self):
        # Exceptions pickle their ``args``, which a dataclass leaves empty: the fields instead
        # (quiz checks run in a worker process, coursekit/background.py).
        return (type(self), (self.path, self.line, self.problem, self.fix))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.problem}"
        return f"{text}; {self.fix}" if self.fix else text


class AuthorErrors(Exception):
    """Several author errors found in one pass, so one build lists every problem."""

    def __init__(self, errors: list[AuthorError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

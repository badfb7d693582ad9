"""What the lesson and quiz files on disk say, read independently of the hooks' code.

The site and browser tests compare the built pages with this, so a bug in coursekit cannot
hide itself by producing both the page and the expectation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {"en": ROOT / "docs", "zh": ROOT / "docs_zh"}


def extra() -> dict:
    """``extra:`` of mkdocs.yml, read without executing its !!python tags."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["extra"]


@dataclass(frozen=True)
class DiskLesson:
    rel: str                # lessons/practice/seals-vvtt.md
    content_language: str   # the language of the file that is shown
    meta: dict

    @property
    def id(self) -> str:
        return self.meta["id"]

    @property
    def key(self) -> tuple:
        return (self.meta["module"], self.meta["order"])

    def site_path(self, language: str) -> str:
        """``zh/lessons/practice/seals-vvtt/`` (directory URLs)."""
        prefix = "" if language == "en" else f"{language}/"
        return prefix + self.rel[:-len(".md")] + "/"


def front_matter(path: Path) -> dict:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].strip() == "---", path
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    return yaml.safe_load("\n".join(lines[1:end]))


def lessons(language: str) -> list[DiskLesson]:
    """The lessons a reader of ``language`` gets, in curriculum order (module, order):
    the Chinese file where there is one, else the English file (the fallback)."""
    found = {}
    for source_language in ("en", language):
        base = SOURCES[source_language]
        for path in (base / "lessons").rglob("*.md"):
            if path.name == "index.md":
                continue
            rel = path.relative_to(base).as_posix()
            found[rel] = DiskLesson(rel, source_language, front_matter(path))
    return sorted(found.values(), key=lambda lesson: lesson.key)


def quiz(quiz_id: str) -> dict:
    return yaml.safe_load((ROOT / "quizzes" / f"{quiz_id}.yml").read_text(encoding="utf-8"))


def question_count(quiz_id: str | None) -> int:
    return len(quiz(quiz_id)["questions"]) if quiz_id else 0


def hours_minutes(minutes: int, language: str) -> str:
    hours, rest = divmod(minutes, 60)
    if language == "zh":
        parts = ([f"{hours} 小时"] if hours else []) + ([f"{rest} 分钟"] if rest or not hours else [])
    else:
        parts = ([f"{hours} h"] if hours else []) + ([f"{rest} min"] if rest or not hours else [])
    return " ".join(parts)

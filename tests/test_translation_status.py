"""The translation status command on a tree with missing and stale translations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def git(repo: Path, *args: str, when: int | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when} +0000"
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def write(repo: Path, rel: str, text: str) -> None:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def tree(tmp_path) -> Path:
    repo = tmp_path / "course"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, "docs/index.md", "# Home\n")
    write(repo, "docs_zh/index.md", "# 首页\n")
    write(repo, "docs/lessons/seals.md", "# Seals\n")
    write(repo, "docs_zh/lessons/seals.md", "# 封条\n")
    write(repo, "docs/lessons/only-english.md", "# Only English\n")
    write(repo, "docs_zh/lessons/only-chinese.md", "# 只有中文\n")
    write(repo, "quizzes/seals.yml", "id: seals\ntitle: {en: Seals, zh: 封条}\nquestions:\n"
                                     "  - id: q1\n    prompt:\n      en: Which class?\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "first", when=1_700_000_000)
    write(repo, "docs/lessons/seals.md", "# Seals\n\nNew paragraph.\n")
    git(repo, "commit", "-qam", "English changed", when=1_700_100_000)
    return repo


def run(tree: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "tools/translation_status.py"), "--root", str(tree), *args],
                          capture_output=True, text=True)


def test_lists_missing_and_stale_translations_and_fails(tree):
    result = run(tree)
    assert result.returncode == 1
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.startswith("  ") and line.split()}
    assert "missing Chinese" in lines["lessons/only-english.md"]
    assert "add docs_zh/lessons/only-english.md" in lines["lessons/only-english.md"]
    assert "missing English" in lines["lessons/only-chinese.md"]
    assert "Chinese older than English" in lines["lessons/seals.md"]
    assert lines["index.md"].split()[-1] == "ok"
    assert "quizzes/seals.yml:6: questions[q1].prompt has no 'zh' text" in result.stdout


def test_complete_tree_passes_but_strict_fails_on_stale(tree):
    (tree / "docs/lessons/only-english.md").unlink()
    (tree / "docs_zh/lessons/only-chinese.md").unlink()
    (tree / "quizzes/seals.yml").write_text(
        "id: seals\ntitle: {en: Seals, zh: 封条}\n", encoding="utf-8")
    git(tree, "add", "-A")
    git(tree, "commit", "-qm", "tidy", when=1_700_000_500)
    # seals.md: English still changed after its Chinese twin.
    assert run(tree).returncode == 0
    assert run(tree, "--strict").returncode == 1


def test_updating_the_chinese_clears_the_stale_mark(tree):
    write(tree, "docs_zh/lessons/seals.md", "# 封条\n\n新段落。\n")
    git(tree, "commit", "-qam", "Chinese updated", when=1_700_200_000)
    line = next(l for l in run(tree).stdout.splitlines() if "lessons/seals.md" in l)
    assert line.split()[-1] == "ok"

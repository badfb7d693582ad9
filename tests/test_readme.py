"""The README's promises stay true: its common errors are the messages the tests assert."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent


def _corpus_text() -> str:
    """Every message the test suite asserts: test sources (joined string literals) and the
    expected.txt (and <case>.expected.txt) files of the bad-input corpus."""
    parts = []
    for path in TESTS.rglob("*"):
        if path.suffix == ".py" and path.name != "test_readme.py":
            # The parser joins adjacent literals, so messages wrapped over lines match whole.
            tree = ast.parse(path.read_text(encoding="utf-8"))
            parts += [node.value for node in ast.walk(tree)
                      if isinstance(node, ast.Constant) and isinstance(node.value, str)]
        elif path.name == "expected.txt" or path.name.endswith(".expected.txt"):
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def _common_errors() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Common errors", 1)[1]
    blocks = re.findall(r"```text\n(.*?)```", section, flags=re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_every_common_error_in_the_readme_is_asserted_by_a_test():
    corpus = _corpus_text()
    lines = _common_errors()
    assert len(lines) >= 10
    missing = [line for line in lines if line not in corpus]
    assert missing == [], "README quotes messages no test asserts (update README.md):\n" + "\n".join(missing)


def test_readme_names_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # One line each, in a virtual environment (Debian 12 and Ubuntu 24.04 refuse system-wide pip).
    assert "python3 -m venv .venv && .venv/bin/pip install -q . && .venv/bin/mkdocs serve" in readme
    assert "bash .ci/run" in readme


def test_readme_stays_under_250_lines():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) < 250

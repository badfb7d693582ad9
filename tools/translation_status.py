"""Which pages lack a translation, which trail their source: ``python3 tools/translation_status.py``.

Pages and quizzes missing in English or Simplified Chinese; Chinese pages older than their
English source; and for the Traditional edition, each page generated from Simplified
Chinese, hand-written in docs_zh_hant/, or hand-written and older than its Simplified source.

"Older" is read from git history: a Chinese page whose last commit is older than the last
commit of its English source may need an update. Uncommitted edits count as newest (by file
time), so an author sees the effect before committing. Without git history the age check
says so instead of guessing.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from coursekit.languages import SOURCE_DIRS  # noqa: E402
from coursekit.model.source import load_yaml  # noqa: E402

OK, MISSING_ZH, MISSING_EN, STALE_ZH, UNKNOWN_AGE = (
    "ok", "missing Chinese", "missing English", "Chinese older than English", "age unknown")
GENERATED, HAND_WRITTEN, STALE_HANT, ORPHAN_HANT = (
    "generated", "hand-written", "hand-written, older than Simplified", "hand-written, no Simplified source")


@dataclass(frozen=True)
class Status:
    kind: str  # "page" or "quiz"
    name: str  # path relative to docs/ (pages) or quizzes/ (quizzes)
    state: str
    detail: str = ""


def _pages(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def _dirty(root: Path) -> set[str]:
    try:
        out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=root,
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return set()
    return {line[3:].strip().strip('"') for line in out.splitlines() if line}


def _commit_time(root: Path, rel: str) -> int | None:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", rel], cwd=root,
                             capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return int(out) if out else None


def _age(root: Path, rel: str, dirty: set[str]) -> float | None:
    """When ``rel`` last changed: its file time if uncommitted, else its last commit."""
    if rel in dirty:
        return (root / rel).stat().st_mtime
    return _commit_time(root, rel)


def page_statuses(root: Path) -> list[Status]:
    en_dir, zh_dir = root / SOURCE_DIRS["en"], root / SOURCE_DIRS["zh"]
    en, zh = _pages(en_dir), _pages(zh_dir)
    dirty = _dirty(root)
    statuses = []
    for name in sorted(en | zh):
        if name not in zh:
            statuses.append(Status("page", name, MISSING_ZH, f"add {SOURCE_DIRS['zh']}/{name}"))
        elif name not in en:
            statuses.append(Status("page", name, MISSING_EN, f"add {SOURCE_DIRS['en']}/{name}"))
        else:
            en_age = _age(root, f"{SOURCE_DIRS['en']}/{name}", dirty)
            zh_age = _age(root, f"{SOURCE_DIRS['zh']}/{name}", dirty)
            if en_age is None or zh_age is None:
                statuses.append(Status("page", name, UNKNOWN_AGE, "no git history for this file"))
            elif en_age > zh_age:
                statuses.append(Status("page", name, STALE_ZH,
                                       f"docs/{name} changed after docs_zh/{name}; review the Chinese"))
            else:
                statuses.append(Status("page", name, OK))
    return statuses


def traditional_statuses(root: Path) -> list[Status]:
    """Each page of the Traditional edition: converted at build time, or hand-written."""
    zh_dir, hant_dir = root / SOURCE_DIRS["zh"], root / SOURCE_DIRS["zh-hant"]
    zh, hant = _pages(zh_dir), _pages(hant_dir)
    dirty = _dirty(root)
    statuses = []
    for name in sorted(zh | hant):
        if name not in hant:
            statuses.append(Status("traditional", name, GENERATED))
        elif name not in zh:
            statuses.append(Status("traditional", name, ORPHAN_HANT,
                                   f"add {SOURCE_DIRS['zh']}/{name} or remove the override"))
        else:
            zh_age = _age(root, f"{SOURCE_DIRS['zh']}/{name}", dirty)
            hant_age = _age(root, f"{SOURCE_DIRS['zh-hant']}/{name}", dirty)
            if zh_age is not None and hant_age is not None and zh_age > hant_age:
                statuses.append(Status("traditional", name, STALE_HANT,
                                       f"{SOURCE_DIRS['zh']}/{name} changed after it; review {SOURCE_DIRS['zh-hant']}/{name}"))
            else:
                statuses.append(Status("traditional", name, HAND_WRITTEN))
    return statuses


def _missing_texts(node, where: str = "") -> list[tuple[str, str, int]]:
    """Every ``{en: .., zh: ..}`` text lacking one language: (language, field path, line)."""
    found = []
    if isinstance(node, dict):
        if ("en" in node or "zh" in node) and set(node) <= {"en", "zh"}:
            for lang in ("en", "zh"):
                if not isinstance(node.get(lang), str) or not node.get(lang).strip():
                    found.append((lang, where, getattr(node, "line", 0)))
            return found
        for key, value in node.items():
            found += _missing_texts(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            label = value.get("id") if isinstance(value, dict) and value.get("id") else index
            found += _missing_texts(value, f"{where}[{label}]")
    return found


def quiz_statuses(root: Path) -> list[Status]:
    statuses = []
    for path in sorted((root / "quizzes").glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        try:
            data = load_yaml(path.read_text(encoding="utf-8"), rel)
        except Exception as exc:  # noqa: BLE001 - report any unreadable file, never crash
            statuses.append(Status("quiz", path.name, "unreadable", str(exc)))
            continue
        missing = _missing_texts(data)
        if not missing:
            statuses.append(Status("quiz", path.name, OK))
        for lang, where, line in missing:
            state = MISSING_ZH if lang == "zh" else MISSING_EN
            statuses.append(Status("quiz", path.name, state, f"{rel}:{line}: {where} has no '{lang}' text"))
    return statuses


def report(statuses: list[Status]) -> str:
    width = max((len(s.name) for s in statuses), default=10) + 2
    lines = []
    for kind, title in (("page", "Pages (docs/ and docs_zh/)"), ("quiz", "Quizzes (quizzes/)"),
                        ("traditional", "Traditional edition (converted from docs_zh/, or docs_zh_hant/)")):
        rows = [s for s in statuses if s.kind == kind]
        lines.append(title)
        for s in rows:
            detail = f"  {s.detail}" if s.detail else ""
            lines.append(f"  {s.name:<{width}}{s.state}{detail}")
        counts = {}
        for s in rows:
            counts[s.state] = counts.get(s.state, 0) + 1
        lines.append("  " + ", ".join(f"{n} {state}" for state, n in sorted(counts.items())) + "\n")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1],
                        help="project folder (default: this checkout)")
    parser.add_argument("--strict", action="store_true",
                        help="also fail when a page is older than its source (Chinese than English, "
                             "a hand-written Traditional page than its Simplified one)")
    args = parser.parse_args(argv)
    statuses = page_statuses(args.root) + quiz_statuses(args.root) + traditional_statuses(args.root)
    print(report(statuses))
    failing = {MISSING_ZH, MISSING_EN, "unreadable", ORPHAN_HANT} | ({STALE_ZH, STALE_HANT} if args.strict else set())
    return 1 if any(s.state in failing for s in statuses) else 0


if __name__ == "__main__":
    raise SystemExit(main())

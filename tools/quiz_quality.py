"""The self-checks' test-taking cues and decision share: ``python3 tools/quiz_quality.py``.

Prints, per quiz and for the course, where the correct answers sit, how often the correct
option is the longest, true/false share and balance, multiple-select questions with mostly
correct options and the share of decision questions; then every warning with its file and
question. Exits 1 when there is a warning (CI runs it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from coursekit.model.course import load_course  # noqa: E402
from coursekit.model.quality import quiz_report, quiz_warnings  # noqa: E402
from coursekit.model.source import load_config_yaml  # noqa: E402


def load(root: Path):
    config = load_config_yaml((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    return load_course(root, config.get("extra") or {}, config)


def _row(stats) -> str:
    positions = " ".join(f"{p}{stats.positions.get(p, 0)}" for p in "abcd")
    share = f"{stats.decisions}/{stats.questions}"
    return (f"{stats.name:<30} {stats.questions:>3} q  decisions {share:>6}  answers {positions}  "
            f"longest {stats.longest}/{stats.single}  true/false {stats.true_false} ({stats.true_answers} true)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    args = parser.parse_args(argv)
    course = load(args.root)
    per_quiz, per_module, total = quiz_report(course)
    for stats in [*per_quiz.values(), *(per_module[m] for m in sorted(per_module)), total]:
        print(_row(stats))
    warnings = quiz_warnings(course)
    for warning in warnings:
        print(f"WARNING: {warning}")
    print(f"{len(warnings)} warning(s)")
    return 1 if warnings else 0


if __name__ == "__main__":
    sys.exit(main())

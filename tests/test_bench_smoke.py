"""Smoke run of the build benchmark (bench/build.py) on a 20-lesson synthetic course.

It checks that the benchmark still runs against the current hooks and reports what the
README's performance section is built from: build times of the project and of plain
Material, peak memory, pages, and the page weight of a lesson with and without its quiz.
Timings are never asserted: this machine's speed is not the project's business.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_benchmark_smoke_run_reports_documented_json():
    result = subprocess.run(
        [sys.executable, "bench/build.py", "--sizes", "20", "--repeat", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (
        f"bench/build.py failed (exit {result.returncode}):\n"
        f"{result.stderr[-4000:]}\n{result.stdout[-4000:]}")

    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"sizes", "page_weight", "machine"} <= set(report)

    size = report["sizes"]["20"]
    for key in ("plain_s", "hooks_s", "ratio", "median_ratio", "peak_mb", "pages"):
        assert isinstance(size[key], (int, float)) and size[key] > 0, (key, size[key])
    # 20 lessons in two languages, plus the home, glossary, workshops... pages.
    assert size["pages"] >= 40

    weight = report["page_weight"]
    assert weight["ok"], weight.get("failures")
    for language in ("en", "zh"):
        with_quiz, without_quiz = weight[language]["with_quiz"], weight[language]["without_quiz"]
        for variant in (with_quiz, without_quiz):
            assert variant["html"]["raw"] > 0 and variant["total"]["gz"] > 0
            assert variant["by_kind"]["search index"]["raw"] > 0
            assert variant["external"] == [], f"{language}: requests to other hosts"
        # The quiz costs something, and only on the page that has one.
        assert with_quiz["total"]["raw"] > without_quiz["total"]["raw"]
    assert weight["quiz_assets"]["total"]["gz"] > 0
    assert weight["search_index"]["hooks_zh"]["raw"] > 0

    machine = report["machine"]
    assert machine["nproc"] > 0 and machine["python"]


@pytest.mark.slow
def test_event_timing_lists_the_hooks_events_beside_plain_material():
    result = subprocess.run(
        [sys.executable, "bench/event_times.py", "--n", "3", "--repeat", "1", "--min", "0"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("N=3: wall plain ") and " ratio " in lines[0]
    events = {line.split(None, 3)[3] for line in lines[2:] if len(line.split(None, 3)) == 4}
    # The quiz hook renders after search indexing; both builds run Material's search.
    assert {"page_context hooks/quizzes.py", "page_context SearchPlugin",
            "(Markdown.convert, all callers)"} <= events, events

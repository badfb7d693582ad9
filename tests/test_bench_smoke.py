"""The benchmark scripts still fit the project: the synthetic course loads as the build loads a
course, and every script parses its arguments and runs its dry mode. No build, no browser, no
server (the whole file runs in a few seconds); the benchmarks themselves are run by hand."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import sys
import urllib.request
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from coursekit.model.course import load_course
from coursekit.model.source import load_config_yaml

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.timeout(60)  # seconds; the whole file takes a few
BENCH = ROOT / "bench"


def bench_module(name: str):
    """bench/<name>.py under the name bench_<name> (bench/ has no package; its scripts import
    each other by plain name, so bench/ goes on sys.path as the scripts put it there)."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    key = f"bench_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, BENCH / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


def last_json(text: str) -> dict:
    return json.loads(text.strip().splitlines()[-1])


def load(project: Path):
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    return load_course(project, yaml_load(text)["extra"], load_config_yaml(text))


# ---- the synthetic course --------------------------------------------------------------------

@pytest.fixture(scope="module")
def synthetic_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("synthetic") / "hooks"
    bench_module("synthetic").hooks_project(project, 2)
    return project


def test_synthetic_course_loads_without_problems(synthetic_project):
    course = load(synthetic_project)
    assert [str(p) for p in course.problems] == []
    for language in ("en", "zh"):
        assert len(course.lessons[language]) == 2
    assert {lesson.id for lesson in course.lessons["en"]} <= set(course.quizzes)


def test_plain_project_has_the_same_markdown_without_the_hooks(synthetic_project, tmp_path):
    synthetic = bench_module("synthetic")
    plain = tmp_path / "plain"
    synthetic.plain_from_hooks_project(synthetic_project, plain)
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nhooks:" not in config and "custom_dir" not in config and "\nwatch:" not in config
    for rel in (synthetic_project / "docs_zh").rglob("*.md"):
        relative = rel.relative_to(synthetic_project / "docs_zh")
        assert (plain / "docs" / "zh" / relative).read_bytes() == rel.read_bytes()
    # MkDocs can read the plain configuration (no hooks, only installed plugins).
    assert yaml_load(config)["plugins"]


def test_editions_switch(synthetic_project):
    synthetic = bench_module("synthetic")
    text = (synthetic_project / "mkdocs.yml").read_text(encoding="utf-8")
    on = synthetic.set_edition(text, "zh-hant", True)
    off = synthetic.set_edition(on, "zh-hant", False)
    def languages(config: str) -> dict:
        i18n = next(p["i18n"] for p in yaml_load(config)["plugins"] if isinstance(p, dict) and "i18n" in p)
        return {language["locale"]: language["build"] for language in i18n["languages"]}

    assert languages(on)["zh-hant"] is True and languages(off)["zh-hant"] is False


# ---- measure.py (instructions.py imports build_env and compile_hooks) ------------------------

def test_measure_helpers(tmp_path, monkeypatch):
    measure = bench_module("measure")
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = measure.build_env()
    assert "PYTHONDONTWRITEBYTECODE" not in env and env["NO_MKDOCS_2_WARNING"] == "1"
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "x.py").write_text("X = 1\n")
    measure.compile_hooks(tmp_path)
    assert list((tmp_path / "hooks" / "__pycache__").glob("x.*.pyc"))
    assert measure.spread([3.0, 1.0, 2.0]) == {"median": 2.0, "min": 1.0, "max": 3.0, "n": 3}
    instructions = bench_module("instructions")
    assert instructions.build_env is measure.build_env or instructions.build_env.__name__ == "build_env"


def test_static_server_gzips(tmp_path):
    measure = bench_module("measure")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>hello</p>" * 100)
    base, server = measure.serve_static(tmp_path)
    try:
        request = urllib.request.Request(base + "page/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = response.read()
    finally:
        server.shutdown()
    assert gzip.decompress(body) == b"<p>hello</p>" * 100
    assert len(body) == measure.sizes(b"<p>hello</p>" * 100)["gz"]


# ---- the scripts' arguments and dry modes ----------------------------------------------------

def test_build_dry_run(capsys):
    build = bench_module("build")
    assert build.main(["--dry-run", "--n", "2", "--no-real"]) == 0
    plan = last_json(capsys.readouterr().out)
    assert set(plan["targets"]["synthetic 2"]) == {"plain", "hooks2"}
    assert build.run_order(["a", "b", "c"], 2) == ["a", "b", "c", "c", "b", "a"]
    with pytest.raises(SystemExit):
        build.main(["--n", "0"])


def test_serve_speed_dry_run_and_helpers(capsys):
    serve = bench_module("serve_speed")
    assert serve.main(["--dry-run", "--n", "2", "--groups", "synthetic", "--no-dirty"]) == 0
    plan = last_json(capsys.readouterr().out)["groups"]["synthetic"]
    assert set(plan["variants"]) == {"hooks", "plain"}
    assert plan["url"].startswith("/lessons/") and plan["url"].endswith("/")
    with pytest.raises(SystemExit):
        serve.main(["--rounds", "0"])

    class FakeServer:
        port = 8123
    page = (b'<a href="http://127.0.0.1:8123/x/">x</a><path transform="scale(3)" class="qrline" '
            b'stroke="#000" d="M4 4.5h7"/><script>\nvar livereload = function(epoch) {};\n</script></body>')
    assert serve.normalize(page, FakeServer) == b'<a href="http://HOST/x/">x</a><path transform="scale(3)" ' \
        b'class="qrline" stroke="#000" d="QR"/></body>'
    assert serve.first_difference(b"<a><b>x</b></a>", b"<a><b>None</b></a>") == "clean '<b>x</b>' / dirty '<b>None</b>'"
    medians = {name: {"save_to_page_s": {"median": m}} for name, m in (("hooks", 3.0), ("plain", 2.0))}
    assert serve.ratios(medians) == {"hooks/plain": 1.5}


def test_weight_dry_run_and_sizes(capsys, tmp_path):
    weight = bench_module("weight")
    assert weight.main(["--dry-run"]) == 0
    assert "lesson zh" in last_json(capsys.readouterr().out)["pages"]
    with pytest.raises(SystemExit):
        weight.main(["--hooks-site", str(tmp_path)])
    (tmp_path / "index.html").write_text("<html>" + "x" * 1000 + "</html>")
    (tmp_path / "a.png").write_bytes(b"\x89PNG" + bytes(100))
    assert 0 < weight.sent_bytes(tmp_path, "/") < 1000
    assert weight.sent_bytes(tmp_path, "/a.png") == 104
    assert weight.sent_bytes(tmp_path, "/missing.css") is None
    assert weight.kind("xhr", "/zh/search/search_index.json") == "search index"
    assert weight.kind("script", "/assets/javascripts/workers/search.js") == "search worker"


def test_lighthouse_dry_run_and_summary(capsys):
    lighthouse = bench_module("lighthouse")
    assert lighthouse.main(["--dry-run", "--pages", "lesson-en"]) == 0
    assert last_json(capsys.readouterr().out)["pages"] == {"lesson-en": "/lessons/practice/seals-vvtt/"}
    with pytest.raises(SystemExit):
        lighthouse.main(["--site", "x", "--with-site-url"])
    categories = {c: {"score": 1 if c != "seo" else 0.9,
                      "auditRefs": [{"id": f"{c}-audit", "weight": 1}]} for c in lighthouse.CATEGORIES}
    audits = {f"{c}-audit": {"title": c, "score": 1, "scoreDisplayMode": "binary"} for c in lighthouse.CATEGORIES}
    audits["seo-audit"] = {"title": "Links are crawlable", "score": 0, "scoreDisplayMode": "binary",
                           "details": {"items": [{"node": {"selector": "a.md-skip"}}]}}
    summary = lighthouse.summarize({"categories": categories, "audits": audits})
    assert summary["scores"]["seo"] == 90
    assert summary["failing"]["seo"] == [{"id": "seo-audit", "title": "Links are crawlable", "score": 0,
                                          "weight": 1, "display": "", "elements": ["a.md-skip"]}]
    assert summary["failing"]["accessibility"] == []


def test_bench_scripts_state_their_command_and_json():
    for name in ("build", "weight", "lighthouse", "serve_speed"):
        doc = " ".join(bench_module(name).__doc__.split())
        assert f"python bench/{name}.py" in doc, name
        assert "JSON" in doc and "LAST line" in doc, name
    assert os.path.exists(BENCH / "package-lock.json")

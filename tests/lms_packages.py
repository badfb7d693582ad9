"""The LMS tests' packages, built once per test session and shared by test_lms_export.py and
test_lms_browser.py: the real course exported by ``tools/lms_export.py`` (run as the
consultancy runs it), and a small course of one lesson, one self-check and a small final
assessment pool whose texts and answers these tests know (the real course's content is being
revised by other authors).

Expectations come from the quiz files read here with PyYAML (course_files.py), never from
the exporter's output.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, make_mini_project, without_workshops
from course_files import i18n_languages

TOOL = ROOT / "tools" / "lms_export.py"
_MEMO: dict = {}

SELF_CHECK = "seals-vvtt"
POOL = "final-assessment"
LESSON_REL = "lessons/practice/seals-vvtt"

QUIZ = """\
id: seals-vvtt
title: {en: "Check yourself: seals", zh: "自测：封条"}
pass_mark: 75
questions:
  - id: q1
    type: single
    prompt: {en: "Which ISO 17712 seal class does CTPAT require?", zh: "CTPAT 要求哪一级 ISO 17712 封条？"}
    options:
      - {id: a, text: {en: "Class H", zh: "H 级"}, correct: true, feedback: {en: "Right: only class H.", zh: "对：只接受 H 级。"}}
      - {id: b, text: {en: "Class I", zh: "I 级"}, feedback: {en: "Indicative seals only show tampering.", zh: "指示性封条只能显示被动过。"}}
      - {id: c, text: {en: "Class S", zh: "S 级"}}
    explanation: {en: "MSC 6.2 asks for **class H**.", zh: "MSC 6.2 要求 **H 级**。"}
  - id: q2
    type: multiple
    prompt: {en: "What does a class H seal carry? Tick all that apply.", zh: "H 级封条上有什么？请选出所有正确项。"}
    options:
      - {id: a, text: {en: "A unique number", zh: "唯一编号"}, correct: true}
      - {id: b, text: {en: "An H marking", zh: "H 字标识"}, correct: true}
      - {id: c, text: {en: "The container number", zh: "集装箱箱号"}, feedback: {en: "The seal log links them.", zh: "由封条登记簿对应。"}}
    explanation: {en: "A unique number, the maker's name or logo, and an H.", zh: "唯一编号、制造商名称或标志和 H 字。"}
  - id: q3
    type: true_false
    prompt: {en: "CBP issues CTPAT certificates to factories in China.", zh: "CBP 向中国工厂颁发 CTPAT 证书。"}
    answer: false
    explanation: {en: "CBP issues no certificate to factories.", zh: "CBP 不向工厂颁发证书。"}
"""

POOL_QUIZ = """\
id: final-assessment
title: {en: "Final assessment", zh: "结业测评"}
pass_mark: 80
shuffle: true
draw: {3: 2}
questions:
  - id: f1
    module: 3
    lesson: seals-vvtt
    type: single
    prompt: {en: "When is a container sealed?", zh: "集装箱什么时候施封？"}
    options:
      - {id: a, text: {en: "Right after stuffing", zh: "装货完毕后立即施封"}, correct: true}
      - {id: b, text: {en: "When the driver arrives", zh: "等司机到了再施封"}}
      - {id: c, text: {en: "At the port", zh: "到港口再施封"}}
  - id: f2
    module: 3
    lesson: seals-vvtt
    type: single
    prompt: {en: "Which VVTT step finds a seal head that unscrews?", zh: "VVTT 哪一步能发现会拧开的封条头？"}
    options:
      - {id: a, text: {en: "Twist", zh: "扭转"}, correct: true}
      - {id: b, text: {en: "View", zh: "查看"}}
  - id: f3
    module: 3
    lesson: seals-vvtt
    type: true_false
    prompt: {en: "A cut seal may be replaced quietly if the new number is logged.", zh: "封条被剪断后，只要登记新号码，就可以悄悄换上新封条。"}
    answer: false
  - id: f4
    module: 3
    lesson: seals-vvtt
    type: multiple
    prompt: {en: "Which belong in the seal log? Tick all that apply.", zh: "封条登记簿应记录哪些内容？请选出所有正确项。"}
    options:
      - {id: a, text: {en: "The seal number", zh: "封条号"}, correct: true}
      - {id: b, text: {en: "The container number", zh: "集装箱箱号"}, correct: true}
      - {id: c, text: {en: "The weather", zh: "天气"}}
"""


def _lesson(language: str) -> str:
    if language == "en":
        title, objectives = "High-security seals", ["Tell a class H seal from others", "Check a seal with VVTT"]
        body = ["Seals are the last physical control before a container leaves the dock.", "",
                "## Key points", "", "- Use class H seals.", "- Check every seal with VVTT.", "",
                "## Check yourself", "", f"<!-- quiz: {SELF_CHECK} -->", ""]
    else:
        title, objectives = "高度安全封条", ["区分 H 级封条与其他封条", "用 VVTT 检查封条"]
        body = ["封条是集装箱离开码头前的最后一道实物控制。", "", "## 要点", "", "- 使用 H 级封条。",
                "- 每个封条都要做 VVTT 检查。", "", "## 自测", "", f"<!-- quiz: {SELF_CHECK} -->", ""]
    front = ["---", f"id: {SELF_CHECK}", "module: 3", "order: 1", f"title: {title}", "duration: 3",
             "level: intermediate", "audience: [manufacturer]", "roles: [guard-loader]", "objectives:",
             *[f"  - {o}" for o in objectives], f"quiz: {SELF_CHECK}", "---", "", f"# {title}", ""]
    return "\n".join(front + body) + "\n"


PAGES = {
    "docs/index.md": "# CTPAT Training\n\nWelcome.\n",
    "docs_zh/index.md": "# CTPAT 培训\n\n欢迎。\n",
    f"docs/{LESSON_REL}.md": _lesson("en"),
    f"docs_zh/{LESSON_REL}.md": _lesson("zh"),
}


def built_editions() -> list[str]:
    """The editions mkdocs.yml builds (the i18n plugin's languages without ``build: false``)."""
    return [code for code, entry in i18n_languages().items() if entry.get("build", True) is not False]


def run_export(root: Path, out: Path) -> subprocess.CompletedProcess:
    """``python tools/lms_export.py --out OUT --root ROOT``, as a consultancy runs it."""
    return subprocess.run([sys.executable, str(TOOL), "--out", str(out), "--root", str(root)],
                          capture_output=True, text=True, timeout=900)


def _exported(key: str, tmp_path_factory, project: Path | None) -> Path:
    if key not in _MEMO:
        out = tmp_path_factory.mktemp(f"lms-{key}")
        result = run_export(project or ROOT, out)
        _MEMO[key] = (out, result)
    out, result = _MEMO[key]
    if result.returncode != 0:
        pytest.fail(f"tools/lms_export.py failed ({key}):\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}",
                    pytrace=False)
    return out


def real_export(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The real course's packages and question files (built once per session)."""
    out = _exported("real", tmp_path_factory, None)
    return out, _MEMO["real"][1]


def mini_project(tmp_path_factory, with_pool: bool = True) -> Path:
    root = tmp_path_factory.mktemp("lms-mini-project")
    quizzes = {SELF_CHECK: QUIZ, **({POOL: POOL_QUIZ} if with_pool else {})}
    project = make_mini_project(root, PAGES, quizzes)
    config = project / "mkdocs.yml"
    config.write_text(without_workshops(config.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def mini_export(tmp_path_factory, with_pool: bool = True) -> Path:
    """The small course's packages (built once per session, with or without a pool)."""
    key = "mini" if with_pool else "mini-no-pool"
    if key not in _MEMO:
        project = mini_project(tmp_path_factory, with_pool)
        return _exported(key, tmp_path_factory, project)
    return _exported(key, tmp_path_factory, None)


def unzip(archive: Path, destination: Path) -> Path:
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(destination)
    return destination


def hash_of(data: dict) -> str:
    """A quiz's progress hash as README.md defines it (course_files.quiz_hash, for a quiz given
    as data rather than by its file): the first 12 hex digits of the SHA-256 of ``{"quiz": id,
    "questions": sorted [id, type, sorted [option id, correct]]}``."""
    questions = []
    for question in data["questions"]:
        if "answer" in question:
            options = [["true", question["answer"] is True], ["false", question["answer"] is False]]
        else:
            options = [[str(o["id"]), o.get("correct") is True] for o in question["options"]]
        questions.append([str(question["id"]), question["type"], sorted(options)])
    text = json.dumps({"quiz": data["id"], "questions": sorted(questions)}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

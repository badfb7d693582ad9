"""A small bilingual site with one lesson and its quiz, for the quiz build and browser tests.

The real lessons are still being written, so these tests use their own controlled lesson
(made with conftest's ``make_mini_project``: the real configuration, hooks and theme).
"""

from __future__ import annotations

from pathlib import Path

from conftest import make_mini_project, run_mkdocs_build

QUIZ_ID = "seals-vvtt"
LESSON = "lessons/practice/seals-vvtt/"

QUIZ = """\
id: seals-vvtt
title:
  en: "Check yourself: high-security seals"
  zh: "自测：高度安全封条"
pass_mark: 75
questions:
  - id: q1
    type: single
    prompt:
      en: "Which ISO 17712 seal class does CTPAT require?"
      zh: "CTPAT 要求使用 ISO 17712 的哪一级封条？"
    options:
      - id: a
        text: {en: "Class H (High Security)", zh: "H 级（高度安全）"}
        correct: true
        feedback: {en: "Right: only class H is accepted.", zh: "对：只接受 H 级。"}
      - id: b
        text: {en: "Class I (Indicative)", zh: "I 级（指示性）"}
        feedback: {en: "Indicative seals only show tampering.", zh: "指示性封条只能显示被动过。"}
      - id: c
        text: {en: "Class S (Security)", zh: "S 级（安全）"}
    explanation:
      en: "MSC 6.2 asks for a seal that meets ISO 17712 **class H**."
      zh: "MSC 6.2 要求封条符合 ISO 17712 **H 级**。"
  - id: q2
    type: multiple
    shuffle: true
    prompt:
      en: "What does a class H seal carry? Tick all that apply."
      zh: "H 级封条上有哪些标识？请选出所有正确项。"
    options:
      - {id: a, text: {en: "A unique number", zh: "唯一编号"}, correct: true}
      - {id: b, text: {en: "An \\"H\\" marking", zh: "「H」字标识"}, correct: true}
      - {id: c, text: {en: "The container number", zh: "集装箱箱号"}, feedback: {en: "The seal log links them.", zh: "由封条登记簿对应。"}}
    explanation:
      en: "A class H seal carries a unique number, the maker's name or logo and an H."
      zh: "H 级封条上有唯一编号、制造商名称或标志和 H 字。"
  - id: q3
    type: true_false
    prompt:
      en: "CBP issues CTPAT certificates to factories in China."
      zh: "CBP 向中国工厂颁发 CTPAT 证书。"
    answer: false
    explanation:
      en: "CBP issues no certificate to factories."
      zh: "CBP 不向工厂颁发证书。"
  - id: q4
    type: single
    prompt:
      en: "Which step of VVTT confirms the seal is properly affixed?"
      zh: "VVTT 中哪一步确认封条安装牢固？"
    options:
      - {id: a, text: {en: "Tug", zh: "拉扯"}, correct: true}
      - {id: b, text: {en: "View", zh: "查看"}}
    explanation:
      en: "Tug confirms the seal is affixed; Twist that its parts do not separate."
      zh: "拉扯确认安装牢固；扭转确认部件不会分离。"
"""


def lesson(language: str) -> str:
    if language == "en":
        head = ("High-security seals and the VVTT check", ["Tell a class H seal from others",
                "Check a seal with VVTT", "Keep a seal log"])
        body = ["Seals are the last physical control before a container leaves the dock.", "",
                "## Key points", "", "- Use class H seals.", "- Check every seal with VVTT.", "",
                "## Check yourself", "", f"<!-- quiz: {QUIZ_ID} -->", "",
                "## Sources", "", "- [CBP CTPAT](https://www.cbp.gov/border-security/ports-entry/cargo-security/ctpat)"]
    else:
        head = ("高度安全封条与 VVTT 检查", ["区分 H 级封条与其他封条", "用 VVTT 检查封条", "做好封条登记"])
        body = ["封条是集装箱离开码头前的最后一道实物控制。", "",
                "## 要点", "", "- 使用 H 级封条。", "- 每个封条都要做 VVTT 检查。", "",
                "## 自测", "", f"<!-- quiz: {QUIZ_ID} -->", "",
                "## 资料来源", "", "- [CBP CTPAT](https://www.cbp.gov/border-security/ports-entry/cargo-security/ctpat)"]
    title, objectives = head
    front = ["---", f"id: {QUIZ_ID}", "module: 3", "order: 3", f"title: {title}", "duration: 20",
             "level: intermediate", "audience: [manufacturer, highway-carrier]", "objectives:",
             *[f"  - {o}" for o in objectives], f"quiz: {QUIZ_ID}", "---", "", f"# {title}", ""]
    return "\n".join(front + body) + "\n"


PAGES = {
    "docs/index.md": "# CTPAT Training\n\nWelcome.\n",
    "docs_zh/index.md": "# CTPAT 培训\n\n欢迎。\n",
    "docs/lessons/practice/seals-vvtt.md": lesson("en"),
    "docs_zh/lessons/practice/seals-vvtt.md": lesson("zh"),
}


def build_quiz_site(root: Path) -> Path:
    """Build the small site with --strict; return the site folder (fails loudly)."""
    project = make_mini_project(root, PAGES, {QUIZ_ID: QUIZ})
    site = root / "site"
    result = run_mkdocs_build(project, site, strict=True)
    assert result.returncode == 0, result.stderr[-4000:]
    return site

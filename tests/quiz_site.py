"""The browser tests' helpers: a small controlled course site, a watched browser page, and
the quiz widget seen the way a trainee sees it.

``build_quiz_site`` builds one lesson with one quiz in every edition (English, Simplified,
and the Traditional edition converted from it) with the real configuration, hooks and
theme (conftest's ``make_mini_project``), so a test can assert exact content without
depending on the course's lessons, which other authors are still revising.

Answers, marks and scores are derived from the quiz YAML (this module's ``QUIZ`` or the real
``quizzes/<id>.yml`` through course_files), never from the site's own output.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import PageWatch, make_mini_project, run_mkdocs_build, without_workshops

QUIZ_ID = "seals-vvtt"
LESSON = "lessons/practice/seals-vvtt/"
EDITIONS = ("en", "zh", "zh-hant")
PREFIX = {"en": "", "zh": "zh/", "zh-hant": "zh-hant/"}

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
      - {id: b, text: {en: "An \\"H\\" marking", zh: "“H”字标识"}, correct: true}
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
QUIZ_DATA = yaml.safe_load(QUIZ)


def lesson(language: str) -> str:
    if language == "en":
        title, objectives = ("High-security seals and the VVTT check",
                             ["Tell a class H seal from others", "Check a seal with VVTT", "Keep a seal log"])
        body = ["Seals are the last physical control before a container leaves the dock.", "",
                "## Key points", "", "- Use class H seals.", "- Check every seal with VVTT.", "",
                "## Check yourself", "", f"<!-- quiz: {QUIZ_ID} -->", "",
                "## Sources", "", "- [CBP CTPAT](https://www.cbp.gov/border-security/ports-entry/cargo-security/ctpat)"]
    else:
        title, objectives = ("高度安全封条与 VVTT 检查", ["区分 H 级封条与其他封条", "用 VVTT 检查封条", "做好封条登记"])
        body = ["封条是集装箱离开码头前的最后一道实物控制。", "",
                "## 要点", "", "- 使用 H 级封条。", "- 每个封条都要做 VVTT 检查。", "",
                "## 自测", "", f"<!-- quiz: {QUIZ_ID} -->", "",
                "## 资料来源", "", "- [CBP CTPAT](https://www.cbp.gov/border-security/ports-entry/cargo-security/ctpat)"]
    # duration: about what the course check estimates for this short text and quiz.
    front = ["---", f"id: {QUIZ_ID}", "module: 3", "order: 3", f"title: {title}", "duration: 5",
             "level: intermediate", "audience: [manufacturer, highway-carrier]",
             "roles: [guard-loader, shipping-clerk]", "objectives:",
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
    config = project / "mkdocs.yml"
    config.write_text(without_workshops(config.read_text(encoding="utf-8")), encoding="utf-8")
    site = root / "site"
    result = run_mkdocs_build(project, site, strict=True)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


def two_copies(site: Path, root: Path) -> Path:
    """A folder holding ``site`` twice, at ``a/`` and ``b/``: two courses on one host."""
    for name in ("a", "b"):
        shutil.copytree(site, root / name)
    return root


# ---- a watched page on any server -----------------------------------------------------------

def guarded_context(browser, base_url: str, **options):
    """A browser context whose requests to any other host are answered locally, never sent."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    host = urlsplit(base_url).netloc
    context.route(lambda url: urlsplit(url).netloc != host and not url.startswith(("data:", "blob:")),
                  lambda route: route.abort())
    return context


@contextlib.contextmanager
def watched(context, base_url: str, *, allowed_errors=()):
    """A new page in ``context``, watched like conftest's ``page``: the test fails on any
    request to another host, console error or HTTP error response (except the error
    responses, and their console lines, of the URLs in ``allowed_errors``)."""
    page = context.new_page()
    watch = PageWatch(urlsplit(base_url).netloc)
    page.on("request", watch.on_request)
    page.on("console", lambda message: None if (
        message.location.get("url") in allowed_errors and message.text.startswith("Failed to load resource")
    ) else watch.on_console(message))
    page.on("response", watch.on_response)
    page.on("pageerror", lambda error: watch.console_errors.append(f"pageerror: {error}"))
    page.watch = watch
    page.base_url = base_url
    yield page
    page.close()
    failed = [r for r in watch.failed_responses if r.split(" ", 1)[1] not in allowed_errors]
    problems = [f"{what}: {found}" for what, found in (
        ("requests to other hosts", watch.outside_requests), ("console errors", watch.console_errors),
        ("HTTP errors", failed)) if found]
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)


@contextlib.contextmanager
def watched_page(browser, base_url: str, *, allowed_errors=(), **context_options):
    """:func:`watched` in a context of its own (``context_options``: viewport, JavaScript...)."""
    context = guarded_context(browser, base_url, **context_options)
    try:
        with watched(context, base_url, allowed_errors=allowed_errors) as page:
            yield page
    finally:
        context.close()


# ---- progress in localStorage ---------------------------------------------------------------

def storage_key(site_path: str, quiz_id: str) -> str:
    """Where the quiz widget keeps progress: ``ctpat:<site root path>:quiz:<quiz id>``."""
    return f"ctpat:{site_path}:quiz:{quiz_id}"


def stored(page, key: str):
    return json.loads(page.evaluate("k => localStorage.getItem(k)", key) or "null")


def ctpat_keys(page) -> list[str]:
    return sorted(k for k in page.evaluate("() => Object.keys(localStorage)") if k.startswith("ctpat:"))


# Storage that throws for the course's own scripts (progress.js, quiz.js, library.js), as a
# private mode or a blocked-storage policy makes it. Material's own inline palette script reads
# localStorage without a guard; it keeps working storage here, so that a failure seen is ours.
_OURS = "new Error().stack.indexOf('/assets/ctpat/') >= 0"
THROWING_STORAGE = {
    "every call throws": f"""(() => {{
        for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {{
          const real = Storage.prototype[name];
          Storage.prototype[name] = function () {{
            if ({_OURS}) throw new DOMException('The operation is insecure.', 'SecurityError');
            return real.apply(this, arguments);
          }};
        }} }})();""",
    "the storage itself cannot be reached": f"""(() => {{
        const real = window.localStorage;
        Object.defineProperty(window, 'localStorage', {{configurable: true, get() {{
          if ({_OURS}) throw new DOMException('Access is denied for this document.', 'SecurityError');
          return real;
        }}}}); }})();""",
    "writes exceed the quota": f"""(() => {{
        const real = Storage.prototype.setItem;
        Storage.prototype.setItem = function () {{
          if ({_OURS}) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return real.apply(this, arguments);
        }}; }})();""",
}


# ---- the quiz widget ------------------------------------------------------------------------

def open_quiz(page, url: str):
    """Go to ``url`` and wait until its quiz widget is running (its Check buttons show)."""
    page.goto(url)
    page.wait_for_selector(".ctpat-quiz[data-ready] .ctpat-quiz__check", state="visible")
    return page.locator(".ctpat-quiz").first


def question(quiz, qid: str):
    return quiz.locator(f'fieldset[data-question="{qid}"]')


def option(quiz, qid: str, oid: str):
    return question(quiz, qid).locator(f'li[data-option="{oid}"]')


def answer(quiz, qid: str, *oids: str, check: bool = True):
    for oid in oids:
        option(quiz, qid, oid).locator("input").check()
    if check:
        question(quiz, qid).locator(".ctpat-quiz__check").click()


def marks(quiz, qid: str) -> dict[str, str]:
    """``{option id: the mark shown beside it}`` for the options that carry one."""
    return question(quiz, qid).evaluate(
        "f => Object.fromEntries([...f.querySelectorAll('li[data-option]')]"
        ".filter(li => li.querySelector('.ctpat-quiz__mark'))"
        ".map(li => [li.dataset.option, li.querySelector('.ctpat-quiz__mark').textContent.trim()]))")


def checked_ids(quiz, qid: str) -> list[str]:
    return sorted(question(quiz, qid).evaluate(
        "f => [...f.querySelectorAll('li[data-option]')].filter(li => li.querySelector('input').checked)"
        ".map(li => li.dataset.option)"))


def option_order(quiz, qid: str) -> list[str]:
    return question(quiz, qid).evaluate("f => [...f.querySelectorAll('li[data-option]')].map(li => li.dataset.option)")


def right_ids(data: dict) -> list[str]:
    """The ids of a question's right options, from its YAML (true_false: 'true' or 'false')."""
    if data["type"] == "true_false":
        return ["true" if data["answer"] else "false"]
    return [o["id"] for o in data["options"] if o.get("correct")]


def option_ids(data: dict) -> list[str]:
    return ["true", "false"] if data["type"] == "true_false" else [o["id"] for o in data["options"]]


def wrong_id(data: dict) -> str:
    """A wrong option of a question, one with feedback where there is one."""
    wrong = [o for o in data.get("options", []) if not o.get("correct")]
    with_feedback = [o["id"] for o in wrong if o.get("feedback")]
    if with_feedback:
        return with_feedback[0]
    return wrong[0]["id"] if wrong else ("false" if data["answer"] else "true")


def score(right: int, total: int) -> int:
    """The quiz's score in percent, rounded half up (as the widget's rule says)."""
    return int(100 * right / total + 0.5)


def plain(markdown: str) -> str:
    """What inline Markdown reads as: emphasis and code marks dropped, links as their text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*`]", "", text)
    return " ".join(text.split())


def text_of(locator) -> str:
    return " ".join(locator.inner_text().split())

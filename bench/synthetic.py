"""A synthetic CTPAT course of any size, and the two projects the benchmark builds from it.

``write_course(root, n)`` writes ``n`` lessons in both languages (``docs/lessons/<module>/<id>.md``,
``docs_zh/lessons/...``) and one five-question quiz per lesson (``quizzes/<id>.yml``), in the
formats of README.md ("Add a lesson", "Add a quiz"). Text is generated from course vocabulary with a fixed seed,
so the same ``n`` always gives the same course: English of roughly 800-1,200 words, Chinese built
from real course words (so jieba has real segmentation work), each lesson with headings, a
table, a checklist, an admonition, key points, the quiz marker and sources.

``project_variant(...)`` assembles a buildable project folder from it:

* ``hooks``: the project as it builds itself: its real mkdocs.yml, hooks/, overrides/, data/
  and its home, glossary, workshops and sources pages, with the synthetic lessons and quizzes;
* ``plain``: what plain Material + mkdocs-static-i18n would build from the same Markdown: the
  Chinese pages moved to ``docs/zh/`` (the plugin's folder structure), ``hooks:``, ``watch:``
  and ``theme.custom_dir`` removed, everything else (theme, plugins, Markdown extensions) the
  same. Quiz and page markers stay in the Markdown as inert HTML comments.

No MkDocs import here: this module only writes files.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MODULE_FOLDERS = {1: "foundations", 2: "security-criteria", 3: "practice", 4: "mutual-recognition"}
LEVELS = ("foundation", "intermediate", "advanced")
AUDIENCES = ("importer", "exporter", "manufacturer", "highway-carrier", "sea-air-rail-carrier",
             "customs-broker", "logistics-provider")
# Pages copied from the real project (when they exist), in both languages.
REAL_PAGES = ("index.md", "glossary.md", "workshops.md", "sources.md")
# Sources the lessons cite.
SOURCES = [
    ("CTPAT: how to apply (CBP)", "https://www.cbp.gov/border-security/ports-entry/cargo-security/c-tpat-customs-trade-partnership-against-terrorism/apply"),
    ("6 U.S.C. 969, revalidation", "https://www.law.cornell.edu/uscode/text/6/969"),
    ("CTPAT for foreign manufacturers (CBP)", "https://www.cbp.gov/travel/trusted-traveler-programs/fast/c-tpat-foreign-manufacturers"),
    ("CTPAT Trade Compliance FAQs (CBP)", "https://www.cbp.gov/site-page/ctpat-trade-compliance-faqs"),
    ("Highway carrier security guidelines (CBP)", "https://cbp.gov/border-security/ports-entry/cargo-security/ctpat/security-guidelines/highway-carriers"),
    ("Conveyance inspection procedures (copy of CBP SCSS training)", "https://vdocuments.site/download/conveyance-inspection-procedures"),
    ("Five-step risk assessment (copy of CBP guide)", "https://pdfslide.net/documents/5-step-risk-assessment-process.html"),
    ("CTPAT best practices framework (CBP)", "https://www.cbp.gov/border-security/ports-entry/cargo-security/c-tpat-customs-trade-partnership-against-terrorism/bestpractices"),
]

# ---- English vocabulary ---------------------------------------------------------------------
EN_TOPICS = [
    "Seal control", "Container inspection", "Truck and trailer inspection", "Risk assessment",
    "Business partner screening", "Access control", "Personnel security", "Cybersecurity basics",
    "Agricultural contamination", "Procedural security", "Security training", "Audit preparation",
    "Validation visit", "Profile review", "Incident reporting", "Seal log keeping",
    "Gate procedures", "Cargo flow mapping", "Threat assessment", "Mutual recognition",
]
EN_SUBJECTS = [
    "The security manager", "Each loader", "The dock supervisor", "The guard at the gate",
    "The importer's compliance team", "The Supply Chain Security Specialist (SCSS)",
    "The shipping clerk", "A highway carrier", "The factory", "Every business partner",
    "The warehouse lead", "The driver", "CBP", "The customs broker", "The trainer",
    "The forwarder", "Senior management", "The receiving clerk",
]
EN_VERBS = [
    "checks", "records", "verifies", "reviews", "documents", "inspects", "reports", "updates",
    "confirms", "signs off", "trains staff on", "compares", "keeps a copy of", "tests",
    "walks through", "explains", "follows up on", "approves",
]
EN_OBJECTS = [
    "the seal number against the shipping documents", "the seven-point container inspection",
    "the security profile in the CTPAT Portal", "the seal log", "the five-step risk assessment",
    "access to the loading area", "the business partner screening results",
    "the 17-point tractor and trailer inspection", "the written security procedures",
    "the Minimum Security Criteria (MSC)", "the VVTT check on every high-security seal",
    "the visitor log at the main gate", "the list of people allowed to hold seal stock",
    "the action plan from last year's assessment", "the cargo flow from factory to port",
    "each empty container before stuffing", "the training records of new staff",
    "the corrective action for a failed inspection", "the password rules for shipping systems",
    "the ISO 17712 class H marking on delivered seals",
]
EN_TAILS = [
    "before the truck leaves", "every time a container is stuffed", "at least once a year",
    "when a new partner is onboarded", "during the annual profile review", "after any incident",
    "in line with the MSC", "so that CBP can validate it", "with a signature and a time",
    "without exception", "on every shift", "before the validation visit", "in both languages",
    "and keeps the evidence for the SCSS", "so that the next shift can see what was done",
    "and escalates any gap to the security manager",
]
EN_CONNECTORS = [
    "In practice,", "For example,", "At the dock,", "In most factories,", "Under the MSC,",
    "Before a validation,", "When in doubt,", "As a rule,", "On a busy day,", "Each year,", "",
    "", "",
]
EN_REASONS = [
    "A gap here is what an auditor or a Supply Chain Security Specialist (SCSS) looks for first.",
    "CBP expects the written procedure and the daily practice to match.",
    "Without a record, nobody can prove later that the step was done.",
    "Most seal discrepancies found at the port start with a skipped step at the factory.",
    "The Minimum Security Criteria (MSC) label this a Must, not a Should.",
    "A mutual recognition arrangement (MRA) means other customs services may rely on the same evidence.",
    "Training makes the step routine, so it still happens on the busiest day of the month.",
]
EN_SECTION_HEADINGS = [
    "Why this step matters", "What the criteria require", "Who does what", "Doing it on the floor",
    "Common mistakes", "Keeping the evidence", "When something goes wrong", "How CBP checks it",
    "Working with partners", "Training the team", "Records and retention", "Planning the year",
]
EN_VERBS_OBJECTIVES = ["Describe", "Explain", "Apply", "Record", "Check", "Plan", "Recognize"]

# ---- Chinese vocabulary (real course words: jieba has something to segment) -----------------
ZH_TOPICS = [
    "封条管理", "集装箱检查", "卡车与拖车检查", "风险评估", "商业伙伴筛查", "出入管控", "人员安全",
    "网络安全基础", "农业污染防控", "程序安全", "安全培训", "审核准备", "验证访问", "安全概况年度审查",
    "事件报告", "封条登记", "门岗程序", "货物流向梳理", "威胁评估", "互认安排",
]
ZH_SUBJECTS = [
    "安全经理", "每位装货人员", "码头主管", "门岗保安", "进口商的合规团队", "供应链安全专家（SCSS）",
    "船务文员", "公路承运商", "工厂", "每个商业伙伴", "仓库组长", "司机", "美国海关与边境保护局（CBP）",
    "报关行", "培训讲师", "货代", "高层管理人员", "收货文员",
]
ZH_MODALS = ["必须", "应当", "需要", "要", "每次都要", "务必"]
ZH_TIMES = [
    "在卡车离厂之前", "每次装柜时", "每年至少一次", "新伙伴加入时", "在安全概况年度审查期间",
    "发生任何事件之后", "按照最低安全标准（MSC）", "在验证访问之前", "每个班次", "装货完毕后立即",
    "在门岗放行之前", "收货时",
]
ZH_VERBS = ["检查", "记录", "核对", "审查", "登记", "查验", "报告", "更新", "确认", "签字确认",
            "培训员工掌握", "比对", "保存", "测试", "复核", "说明", "跟进", "批准"]
ZH_OBJECTS = [
    "封条号与运输单据", "七点检查", "海关-商贸反恐联盟（CTPAT）门户中的安全概况", "封条登记簿",
    "五步风险评估", "装货区的出入权限", "商业伙伴筛查结果", "十七点检查", "书面安全程序",
    "最低安全标准（MSC）", "每个高度安全封条的VVTT检查", "大门的访客登记", "有权保管封条库存的人员名单",
    "去年评估的行动计划", "从工厂到港口的货物流向", "装货前的每个空集装箱", "新员工的培训记录",
    "检查不合格后的纠正措施", "船务系统的密码规则", "到货封条上的ISO 17712 H级标识",
]
ZH_TAILS = [
    "并保留证据供供应链安全专家查看", "让下一班能看到已完成的工作", "发现问题立即上报安全经理",
    "由主管签字确认", "并写明日期和时间", "不得有任何例外", "以便美国海关与边境保护局验证",
    "同时更新封条登记簿", "并在年度审查时复核",
]
ZH_CONNECTORS = ["实际工作中，", "例如，", "在码头上，", "在大多数工厂，", "按照最低安全标准，",
                 "验证之前，", "有疑问时，", "一般来说，", "繁忙的日子里，", "每年，", "", "", ""]
ZH_REASONS = [
    "审核员或供应链安全专家首先会查看这一环节。",
    "美国海关与边境保护局希望书面程序与日常做法一致。",
    "没有记录，事后就无法证明这一步已经完成。",
    "港口发现的封条不符问题，大多源于工厂漏掉了某一步。",
    "最低安全标准把这一条列为“必须”，而不是“应当”。",
    "有了互认安排（MRA），其他国家的海关也可能采信同样的证据。",
    "培训让这一步成为习惯，即使在月底最忙的时候也不会漏掉。",
]
ZH_SECTION_HEADINGS = [
    "这一步为什么重要", "标准有哪些要求", "谁负责什么", "现场怎么做", "常见错误", "保留证据",
    "出了问题怎么办", "CBP如何检查", "与商业伙伴合作", "培训团队", "记录与保存期限", "全年计划",
]
ZH_VERBS_OBJECTIVES = ["说明", "解释", "运用", "记录", "检查", "规划", "识别"]


def lesson_plan(n: int) -> list[dict]:
    """``n`` lessons spread over the four modules: unique id, unique (module, order)."""
    plan, next_order = [], {m: 0 for m in MODULE_FOLDERS}
    for i in range(n):
        module = i % 4 + 1
        next_order[module] += 1
        topic = i % len(EN_TOPICS)
        slug = re.sub(r"[^a-z0-9]+", "-", EN_TOPICS[topic].lower()).strip("-")
        plan.append({"index": i, "id": f"{slug}-{i + 1:04d}", "module": module,
                     "order": next_order[module], "topic": topic})
    for k, lesson in enumerate(plan):  # link to the previous lesson, as real lessons do
        lesson["previous"] = plan[k - 1] if k else None
    return plan


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.-]*", text))


def _en_sentence(rng: random.Random) -> str:
    connector = rng.choice(EN_CONNECTORS)
    subject = rng.choice(EN_SUBJECTS)
    if connector:
        subject = subject if subject.startswith("CBP") else subject[0].lower() + subject[1:]
    core = f"{subject} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} {rng.choice(EN_TAILS)}."
    return f"{connector} {core}".strip()


def _en_paragraph(rng: random.Random) -> str:
    sentences = [_en_sentence(rng) for _ in range(rng.randint(3, 5))]
    if rng.random() < 0.6:
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(EN_REASONS))
    return " ".join(sentences)


def _zh_sentence(rng: random.Random) -> str:
    return (f"{rng.choice(ZH_CONNECTORS)}{rng.choice(ZH_SUBJECTS)}{rng.choice(ZH_MODALS)}"
            f"{rng.choice(ZH_TIMES)}{rng.choice(ZH_VERBS)}{rng.choice(ZH_OBJECTS)}，"
            f"{rng.choice(ZH_TAILS)}。")


def _zh_paragraph(rng: random.Random) -> str:
    sentences = [_zh_sentence(rng) for _ in range(rng.randint(3, 5))]
    if rng.random() < 0.6:
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(ZH_REASONS))
    # Real Chinese sources wrap lines; cjk_autojoin joins Han-Han line breaks.
    text, lines, start = "".join(sentences), [], 0
    for i in range(1, len(text)):
        if i - start >= 60 and _HAN.match(text[i - 1]) and _HAN.match(text[i]):
            lines.append(text[start:i])
            start = i
    return "\n".join(lines + [text[start:]])


def _front_matter(lesson: dict, rng: random.Random, lang: str) -> str:
    topic = lesson["topic"]
    number = lesson["index"] + 1
    if lang == "en":
        title = f"{EN_TOPICS[topic]}: practice unit {number}"
        objectives = [f"{verb} {rng.choice(EN_OBJECTS)} {rng.choice(EN_TAILS)}"
                      for verb in rng.sample(EN_VERBS_OBJECTIVES, rng.randint(3, 5))]
    else:
        title = f"{ZH_TOPICS[topic]}：实务第{number}课"
        objectives = [f"{verb}{rng.choice(ZH_OBJECTS)}" for verb in
                      rng.sample(ZH_VERBS_OBJECTIVES, rng.randint(3, 5))]
    return title, objectives


def _shared_meta(lesson: dict) -> dict:
    rng = random.Random(f"meta-{lesson['id']}")
    return {
        "duration": rng.choice((15, 20, 25, 30, 35, 40, 45)),
        "level": LEVELS[lesson["index"] % 3],
        "audience": sorted(rng.sample(AUDIENCES, rng.randint(1, 4)), key=AUDIENCES.index),
    }


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lesson_markdown(lesson: dict, lang: str, with_quiz: bool = True) -> str:
    rng = random.Random(f"{lang}-{lesson['id']}")
    meta = _shared_meta(lesson)
    title, objectives = _front_matter(lesson, rng, lang)
    front = ["---", f"id: {lesson['id']}", f"module: {lesson['module']}", f"order: {lesson['order']}",
             f"title: {_yaml_str(title)}", f"duration: {meta['duration']}", f"level: {meta['level']}",
             f"audience: [{', '.join(meta['audience'])}]", "objectives:"]
    front += [f"  - {_yaml_str(o)}" for o in objectives]
    if with_quiz:
        front.append(f"quiz: {lesson['id']}")
    front.append("---")
    body = (_english_body if lang == "en" else _chinese_body)(lesson, rng, title, with_quiz)
    return "\n".join(front) + "\n\n" + body


def _english_body(lesson, rng, title, with_quiz) -> str:
    target = rng.randint(800, 1200)
    out = [f"# {title}", "", _en_paragraph(rng), ""]
    prev = lesson["previous"]
    if prev:
        rel = f"../{MODULE_FOLDERS[prev['module']]}/{prev['id']}.md"
        out += [f"This unit builds on [the previous unit]({rel}); read it first if the seal log or "
                "the inspection steps are new to you.", ""]
    headings = rng.sample(EN_SECTION_HEADINGS, len(EN_SECTION_HEADINGS))
    fixed = 0
    for k, heading in enumerate(headings):
        out += [f"## {heading}", "", _en_paragraph(rng), ""]
        if k % 3 == 1:
            out += [f"### {rng.choice(EN_TOPICS)} in detail", "", _en_paragraph(rng), ""]
        if k == 1:
            out += ['!!! note "Sources vary"', "    " + _en_sentence(rng) + " " + rng.choice(EN_REASONS), ""]
        if k == 2:
            out += ["## Who checks what", "", "| Step | Who | Record |", "|---|---|---|"]
            out += [f"| {rng.choice(EN_OBJECTS).capitalize()} | {rng.choice(EN_SUBJECTS)} | "
                    f"{rng.choice(('Seal log', 'Inspection sheet', 'Visitor log', 'Portal', 'Training record'))} |"
                    for _ in range(6)]
            out += [""]
        if k == 3:
            out += ["## Checklist before the truck leaves", ""]
            out += [f"- [ ] {rng.choice(EN_VERBS).capitalize()} {rng.choice(EN_OBJECTS)}" for _ in range(6)]
            out += [""]
            fixed = 1
        if fixed and _words("\n".join(out)) >= target - 120:
            break
    out += ["## Key points", ""]
    out += [f"- {_en_sentence(rng)}" for _ in range(5)]
    out += ["", "## Check yourself", ""]
    if with_quiz:
        out += [f"<!-- quiz: {lesson['id']} -->", ""]
    out += ["## Sources", ""]
    out += [f"- [{name}]({url}) — background for this unit" for name, url in rng.sample(SOURCES, 2)]
    return "\n".join(out) + "\n"


def _chinese_body(lesson, rng, title, with_quiz) -> str:
    target = rng.randint(1400, 2100)  # Han characters, about the volume of the English text
    out = [f"# {title}", "", _zh_paragraph(rng), ""]
    prev = lesson["previous"]
    if prev:
        rel = f"../{MODULE_FOLDERS[prev['module']]}/{prev['id']}.md"
        out += [f"本课以[上一课]({rel})为基础；如果还不熟悉封条登记簿或检查步骤，请先学习上一课。", ""]
    headings = rng.sample(ZH_SECTION_HEADINGS, len(ZH_SECTION_HEADINGS))
    fixed = 0
    for k, heading in enumerate(headings):
        out += [f"## {heading}", "", _zh_paragraph(rng), ""]
        if k % 3 == 1:
            out += [f"### {rng.choice(ZH_TOPICS)}详解", "", _zh_paragraph(rng), ""]
        if k == 1:
            out += ['!!! note "注意"', "    " + _zh_sentence(rng) + rng.choice(ZH_REASONS), ""]
        if k == 2:
            out += ["## 谁检查什么", "", "| 步骤 | 负责人 | 记录 |", "|---|---|---|"]
            out += [f"| {rng.choice(ZH_OBJECTS)} | {rng.choice(ZH_SUBJECTS)} | "
                    f"{rng.choice(('封条登记簿', '检查表', '访客登记', '门户', '培训记录'))} |" for _ in range(6)]
            out += [""]
        if k == 3:
            out += ["## 卡车离厂前检查清单", ""]
            out += [f"- [ ] {rng.choice(ZH_VERBS)}{rng.choice(ZH_OBJECTS)}" for _ in range(6)]
            out += [""]
            fixed = 1
        if fixed and len(re.findall(r"[\u4e00-\u9fff]", "\n".join(out))) >= target - 200:
            break
    out += ["## 要点", ""]
    out += [f"- {_zh_sentence(rng)}" for _ in range(5)]
    out += ["", "## 自测", ""]
    if with_quiz:
        out += [f"<!-- quiz: {lesson['id']} -->", ""]
    out += ["## 资料来源", ""]
    out += [f"- [{name}]({url})：本课的背景资料" for name, url in rng.sample(SOURCES, 2)]
    return "\n".join(out) + "\n"


def _pair(rng) -> tuple[str, str]:
    k = rng.randrange(len(EN_OBJECTS))
    return EN_OBJECTS[k], ZH_OBJECTS[k]


def quiz_yaml(lesson: dict) -> str:
    """Five questions, real format: single, multiple, true_false, single, multiple."""
    rng = random.Random(f"quiz-{lesson['id']}")
    lines = [f"id: {lesson['id']}", "title:",
             f"  en: {_yaml_str('Check yourself: ' + EN_TOPICS[lesson['topic']].lower())}",
             f"  zh: {_yaml_str('自测：' + ZH_TOPICS[lesson['topic']])}",
             "pass_mark: 80", "questions:"]
    kinds = ("single", "multiple", "true_false", "single", "multiple")
    for q, kind in enumerate(kinds, start=1):
        en_obj, zh_obj = _pair(rng)
        lines += [f"  - id: q{q}", f"    type: {kind}", "    prompt:"]
        if kind == "true_false":
            lines += [f"      en: {_yaml_str(f'Only the security manager may check {en_obj}.')}",
                      f"      zh: {_yaml_str(f'只有安全经理才可以检查{zh_obj}。')}",
                      f"    answer: {str(rng.random() < 0.5).lower()}"]
        else:
            lines += [f"      en: {_yaml_str(f'Who should check {en_obj} before the truck leaves?')}",
                      f"      zh: {_yaml_str(f'卡车离厂前，应当由谁检查{zh_obj}？')}",
                      "    options:"]
            count = 4 if kind == "single" else 5
            picks = rng.sample(range(len(EN_SUBJECTS)), count)
            correct = {0} if kind == "single" else set(rng.sample(range(count), 2))
            for o, pick in enumerate(picks):
                option = (f"      - {{id: {'abcde'[o]}, text: {{en: {_yaml_str(EN_SUBJECTS[pick])}, "
                          f"zh: {_yaml_str(ZH_SUBJECTS[pick])}}}")
                if o in correct:
                    option += ", correct: true"
                elif rng.random() < 0.5:
                    option += (", feedback: {en: \"Not quite: this person does not hold the seal "
                               "log.\", zh: \"不对：此人不保管封条登记簿。\"}")
                lines.append(option + "}")
        lines += ["    explanation:",
                  f"      en: {_yaml_str(rng.choice(EN_REASONS) + ' ' + _en_sentence(rng))}",
                  f"      zh: {_yaml_str(rng.choice(ZH_REASONS) + _zh_sentence(rng))}"]
    return "\n".join(lines) + "\n"


def write_course(root: Path, n: int) -> list[dict]:
    """Write the synthetic lessons and quizzes under ``root`` (docs/, docs_zh/, quizzes/)."""
    plan = lesson_plan(n)
    for lesson in plan:
        rel = f"lessons/{MODULE_FOLDERS[lesson['module']]}/{lesson['id']}.md"
        for lang, folder in (("en", "docs"), ("zh", "docs_zh")):
            path = root / folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(lesson_markdown(lesson, lang), encoding="utf-8")
        quiz = root / "quizzes" / f"{lesson['id']}.yml"
        quiz.parent.mkdir(parents=True, exist_ok=True)
        quiz.write_text(quiz_yaml(lesson), encoding="utf-8")
    return plan


def _copy_infrastructure(project: Path, editions: int) -> None:
    """The real configuration, hooks, theme and data, and the real non-lesson pages.

    ``editions``: 3 builds the Traditional edition too, 2 turns it off (``build: false``).
    The workshops' ``lessons:`` lists name real lessons, which the synthetic course lacks."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^ +lessons: \[.*\]\n", "", config, flags=re.MULTILINE)
    if editions == 2:
        config = set_edition(config, "zh-hant", False)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for part in ("hooks", "overrides", "data", "docs_zh_hant"):
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, project / part, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
    if (ROOT / "docs/assets").is_dir():
        shutil.copytree(ROOT / "docs/assets", project / "docs/assets", dirs_exist_ok=True)
    for folder in ("docs", "docs_zh"):
        for page in REAL_PAGES:
            if (ROOT / folder / page).exists():
                (project / folder).mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / folder / page, project / folder / page)


def set_edition(config: str, locale: str, build: bool) -> str:
    """mkdocs.yml text with the i18n language ``locale`` built or not."""
    pattern = re.compile(rf"(- locale: {re.escape(locale)}\n(?:[ \t]+.*\n)*?[ \t]+build:) (true|false)")
    return pattern.sub(lambda m: f"{m[1]} {'true' if build else 'false'}", config, count=1)


def hooks_project(project: Path, n: int, editions: int = 2) -> list[dict]:
    """The project as it builds itself, with ``n`` synthetic lessons."""
    project.mkdir(parents=True, exist_ok=True)
    _copy_infrastructure(project, editions)
    return write_course(project, n)


def plain_config(text: str) -> str:
    """mkdocs.yml for plain Material + mkdocs-static-i18n: no hooks, no watch, no custom_dir
    and no course stylesheet (it lives in the overrides), English and Simplified Chinese only
    (the Traditional edition needs the hooks)."""
    text = set_edition(text, "zh-hant", False)
    text = _drop_top_level_block(text, "hooks")
    text = _drop_top_level_block(text, "extra_css")
    text = _drop_top_level_block(text, "watch")
    text = re.sub(r"^[ \t]+custom_dir:.*\n", "", text, flags=re.MULTILINE)
    return text


def _drop_top_level_block(text: str, key: str) -> str:
    lines, out, skipping = text.splitlines(keepends=True), [], False
    for line in lines:
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and line.strip() and not line[0].isspace():
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


def plain_from_hooks_project(hooks_dir: Path, plain_dir: Path, stock_search: bool = False) -> None:
    """The same Markdown arranged for the stock plugin: docs/ + docs/zh/, no hooks, no overrides.

    ``stock_search``: use mkdocs-static-i18n's default ``reconfigure_search: true`` (one merged
    index) instead of the project's setting; for comparing index sizes, not build times."""
    plain_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(hooks_dir / "docs", plain_dir / "docs", dirs_exist_ok=True)
    if (hooks_dir / "docs_zh").is_dir():
        shutil.copytree(hooks_dir / "docs_zh", plain_dir / "docs" / "zh", dirs_exist_ok=True)
    config = (hooks_dir / "mkdocs.yml").read_text(encoding="utf-8")
    config = plain_config(config)
    if stock_search:
        config = re.sub(r"^(\s+reconfigure_search:)\s*false\b", r"\1 true", config, flags=re.MULTILINE)
    (plain_dir / "mkdocs.yml").write_text(config, encoding="utf-8")


def copy_real_project(project: Path) -> None:
    """A copy of the real project (for page weight: real lessons, real quizzes)."""
    project.mkdir(parents=True, exist_ok=True)
    for part in ("mkdocs.yml", "docs", "docs_zh", "docs_zh_hant", "quizzes", "hooks", "overrides", "data"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, project / part)


def remove_quiz(project: Path, rel: str) -> None:
    """Make ``rel`` (e.g. lessons/practice/seals-vvtt.md) a lesson without a quiz, both languages:
    drop its quiz marker and its ``quiz:`` front-matter key."""
    for folder in ("docs", "docs_zh"):
        path = project / folder / rel
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"^[ \t]*<!--\s*quiz:.*-->[ \t]*\n", "", text, flags=re.MULTILINE)
        text = re.sub(r"^quiz:.*\n", "", text, count=1, flags=re.MULTILINE)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":  # python bench/synthetic.py N FOLDER: write a course to look at
    import sys

    count, folder = int(sys.argv[1]), Path(sys.argv[2])
    hooks_project(folder / "hooks", count)
    plain_from_hooks_project(folder / "hooks", folder / "plain")
    print(folder)

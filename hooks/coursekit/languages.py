"""Which language a build or a page is in, and the interface strings of the widgets."""

from __future__ import annotations

import posixpath

LANGUAGES = ("en", "zh")
DEFAULT = "en"
# Where each language's sources live, relative to the project root.
SOURCE_DIRS = {"en": "docs", "zh": "docs_zh"}


def language_of_url(url: str) -> str:
    """``zh/lessons/x/`` -> ``zh``; everything else is the default language."""
    first = url.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT else DEFAULT


def twin_url(url: str, language: str) -> str:
    """The URL of the same page in ``language`` (site-root relative, no leading slash)."""
    bare = url.lstrip("/")
    current = language_of_url(bare)
    if current != DEFAULT:
        bare = bare[len(current) + 1:]
    return bare if language == DEFAULT else posixpath.join(language, bare) if bare else f"{language}/"


def pick(text, language: str):
    """Pick ``language`` from a ``{en: .., zh: ..}`` mapping, or return plain text as is."""
    if isinstance(text, dict):
        return text.get(language) or text.get(DEFAULT) or ""
    return text


# Interface strings: one table per language. The page's language decides.
STRINGS = {
    "en": {
        "untranslated_title": "Not yet translated · 尚未翻译",
        "untranslated_body": "This page has no Chinese version yet, so the English original is shown.",
        "untranslated_body_other": "本页尚无中文版本，以下为英文原文。",
        "duration": "Duration",
        "minutes": "{n} min",
        "level": "Level",
        "audience": "For",
        "objectives": "Learning objectives",
        "module": "Module {n}",
        "term": "Term",
        "other_language": "Chinese",
        "abbr": "Abbreviation",
        "taiwan": "Taiwan usage",
        "definition": "Definition",
        "glossary_table": "Glossary terms",
        "upcoming": "Upcoming workshops",
        "upcoming_id": "upcoming-workshops",
        "none_upcoming": "No workshops are scheduled at the moment. Contact us to arrange one.",
        "past": "Past workshops",
        "venue": "Venue",
        "taught_in": "Language",
        "register": "Register",
        "contact": "Contact",
        "contact_id": "contact",
        "email": "Email",
        "phone": "Phone",
        "wechat": "WeChat",
        "lang_en": "English",
        "lang_zh": "Chinese",
        "overview_module": "Module",
        "overview_lessons": "Lessons",
        "overview_time": "Study time",
        "overview_first": "Start with",
        "overview_total": "Whole course",
        # Lesson summary box and training library (hooks/lessons.py, hooks/library.py).
        "hours": "{h} h",
        "hours_minutes": "{h} h {m} min",
        "summary_label": "Lesson at a glance",
        "lessons_section": "Lessons",
        "library_title": "Training library",
        "library_intro": "Every lesson of the course, module by module: how long it takes, its level, who it is for and how many quiz questions it has.",
        "library_storage": "Your quiz results are kept in this browser only, and show here in both languages.",
        "library_summary_label": "The course in numbers",
        "library_lessons": "Lessons",
        "library_total_time": "Total time",
        "library_questions": "Quiz questions",
        "library_filter_label": "Show lessons for",
        "library_all_roles": "All roles",
        "library_shown": "Showing {shown} of {total} lessons ({time}).",
        "library_none_shown": "No lesson is marked for this role.",
        "library_col_lesson": "Lesson",
        "library_col_duration": "Duration",
        "library_col_level": "Level",
        "library_col_audience": "For",
        "library_col_objectives": "Objectives",
        "library_col_questions": "Quiz questions",
        "library_col_status": "Your progress",
        "library_module_total": "Module total",
        "library_lesson_count": "{n} lessons",
        "library_no_quiz": "No quiz",
        "library_status_not_started": "Not started",
        "library_status_in_progress": "In progress",
        "library_status_passed": "Passed, best score {best}%",
        "library_continue": "Continue where you left off:",
        "library_start": "Start with:",
        "library_next": "Next lesson:",
        "library_all_passed": "You have passed every quiz in the course.",
        "library_progress": "{passed} of {total} quizzes passed.",
        "library_catalog": "Download the catalogue as JSON",
        "library_untranslated": "English only",
    },
    "zh": {
        "untranslated_title": "尚未翻译 · Not yet translated",
        "untranslated_body": "本页尚无中文版本，以下为英文原文。",
        "untranslated_body_other": "This page has no Chinese version yet, so the English original is shown.",
        "duration": "时长",
        "minutes": "{n} 分钟",
        "level": "难度",
        "audience": "适用对象",
        "objectives": "学习目标",
        "module": "第 {n} 单元",
        "term": "术语",
        "other_language": "英文",
        "abbr": "缩写",
        "taiwan": "台湾用语",
        "definition": "释义",
        "glossary_table": "术语表",
        "upcoming": "近期培训",
        "upcoming_id": "upcoming-workshops",
        "none_upcoming": "目前暂无已排期的培训。如需安排，请与我们联系。",
        "past": "往期培训",
        "venue": "地点",
        "taught_in": "授课语言",
        "register": "报名",
        "contact": "联系方式",
        "contact_id": "contact",
        "email": "电子邮件",
        "phone": "电话",
        "wechat": "微信",
        "lang_en": "英语",
        "lang_zh": "中文",
        "overview_module": "单元",
        "overview_lessons": "课数",
        "overview_time": "学习时长",
        "overview_first": "从这里开始",
        "overview_total": "全部课程",
        # 课程概览框与培训资料库（hooks/lessons.py、hooks/library.py）。
        "hours": "{h} 小时",
        "hours_minutes": "{h} 小时 {m} 分钟",
        "summary_label": "本课概览",
        "lessons_section": "课程",
        "library_title": "培训资料库",
        "library_intro": "按单元列出本课程的全部课程：每课所需时间、难度、适用对象和测验题数量。",
        "library_storage": "测验成绩只保存在本浏览器中，中英文页面都会显示。",
        "library_summary_label": "课程总览",
        "library_lessons": "课程数",
        "library_total_time": "总时长",
        "library_questions": "测验题",
        "library_filter_label": "显示适用于以下对象的课程",
        "library_all_roles": "所有对象",
        "library_shown": "显示 {shown} 课，共 {total} 课（{time}）。",
        "library_none_shown": "没有课程标注为适用于该对象。",
        "library_col_lesson": "课程",
        "library_col_duration": "时长",
        "library_col_level": "难度",
        "library_col_audience": "适用对象",
        "library_col_objectives": "学习目标",
        "library_col_questions": "测验题",
        "library_col_status": "学习进度",
        "library_module_total": "本单元合计",
        "library_lesson_count": "{n} 课",
        "library_no_quiz": "无测验",
        "library_status_not_started": "未开始",
        "library_status_in_progress": "进行中",
        "library_status_passed": "已通过，最高 {best}%",
        "library_continue": "从上次中断处继续：",
        "library_start": "从这里开始：",
        "library_next": "下一课：",
        "library_all_passed": "本课程的全部测验均已通过。",
        "library_progress": "已通过 {passed}/{total} 个测验。",
        "library_catalog": "下载课程目录（JSON 格式）",
        "library_untranslated": "仅有英文版",
    },
}


def t(language: str, key: str, **values) -> str:
    text = STRINGS.get(language, STRINGS[DEFAULT]).get(key) or STRINGS[DEFAULT][key]
    return text.format(**values) if values else text


def strings(language: str) -> dict:
    """The whole interface table of ``language`` (falling back to English key by key)."""
    return {**STRINGS[DEFAULT], **STRINGS.get(language, {})}


# Interface strings of the quiz widget, one table per language. The hook renders them into
# the page (visible text, and ``data-strings`` for the keys quiz.js needs), so quiz.js holds
# no language text. ``true``/``false`` label the options of an ``answer: true|false`` question.
QUIZ_STRINGS = {
    "en": {
        "intro": "Questions: {n} · Pass mark: {pass_mark}%",
        "question_n": "Question {n} of {total}",
        "hint_single": "Choose one answer.",
        "hint_multiple": "Choose all answers that apply.",
        "hint_true_false": "True or false? Choose one.",
        "true": "True",
        "false": "False",
        "check": "Check answer",
        "show_answer": "Show answer",
        "answer_one": "Correct answer:",
        "answer_many": "Correct answers:",
        "about_options": "About the options:",
        "why": "Why:",
        "retry": "Try again",
        "clear": "Clear my progress",
        # Used by quiz.js (see coursekit.quiz_render.JS_STRINGS).
        "right": "✓ Correct.",
        "wrong": "✗ Incorrect.",
        "mark_ok": "✓ Correct",
        "mark_bad": "✗ Incorrect",
        "mark_missed": "✓ Correct answer",
        "choose": "Choose an answer first.",
        "progress": "{checked} of {total} questions checked, {correct} correct.",
        "score": "Your score: {score}% ({correct} of {total} correct).",
        "passed": "✓ Passed: the pass mark is {pass}%.",
        "failed": "✗ Not passed yet: the pass mark is {pass}%. Choose “Try again” to take the quiz again.",
        "best": "Your best score: {best}%.",
        "restored": "Your earlier answers have been restored.",
        "cleared": "Your progress on this quiz has been cleared.",
    },
    "zh": {
        "intro": "共 {n} 题 · 及格线：{pass_mark}%",
        "question_n": "第 {n} 题（共 {total} 题）",
        "hint_single": "请选择一个答案。",
        "hint_multiple": "请选择所有正确答案（可多选）。",
        "hint_true_false": "请判断对错。",
        "true": "正确",
        "false": "错误",
        "check": "检查答案",
        "show_answer": "查看答案",
        "answer_one": "正确答案：",
        "answer_many": "正确答案：",
        "about_options": "各选项说明：",
        "why": "解析：",
        "retry": "重新作答",
        "clear": "清除我的进度",
        "right": "✓ 回答正确。",
        "wrong": "✗ 回答错误。",
        "mark_ok": "✓ 选对了",
        "mark_bad": "✗ 选错了",
        "mark_missed": "✓ 正确答案",
        "choose": "请先选择答案。",
        "progress": "已检查 {checked}/{total} 题，答对 {correct} 题。",
        "score": "您的得分：{score}%（{total} 题中答对 {correct} 题）。",
        "passed": "✓ 已通过：及格线为 {pass}%。",
        "failed": "✗ 尚未通过：及格线为 {pass}%。可点击“重新作答”再试一次。",
        "best": "您的最高分：{best}%。",
        "restored": "已恢复您上次的作答。",
        "cleared": "本测验的进度已清除。",
    },
}


def quiz_strings(language: str) -> dict:
    """The quiz widget's interface table of ``language`` (English key by key as fallback)."""
    return {**QUIZ_STRINGS[DEFAULT], **QUIZ_STRINGS.get(language, {})}

"""The question bank as Moodle XML (Question bank > Import > Moodle XML format).

One ``category`` pseudo-question per quiz (its path under the course, its bilingual title as
the description, the quiz id as its idnumber), then the quiz's questions:

- ``single`` and ``multiple`` -> ``multichoice`` with ``<single>true</single>`` or ``false``;
  a multiple-answer question's right options share 100 % and each wrong one is worth -100 %
  (Moodle never gives less than 0 for a question): any wrong tick loses the question, as on
  the site; a partly right selection earns part of the mark (Moodle's core types have no
  all-or-nothing multiple choice).
- ``true_false`` -> ``truefalse``, the answers named ``true`` and ``false`` as Moodle expects.
- per-answer feedback from the options' ``feedback``, general feedback from ``explanation``.
- name and idnumber ``<quiz id>/<question id>``.

Texts are HTML inside CDATA (``]]>`` split across two sections); names are XML-escaped.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from . import Category, question_bank

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def cdata(text: str) -> str:
    text = _INVALID_XML.sub("", text)
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(tag: str, html: str, attrs: str = ' format="html"', indent: str = "    ") -> str:
    inner = cdata(html) if html else ""
    return f"{indent}<{tag}{attrs}><text>{inner}</text></{tag}>"


def _plain(tag: str, value: str, indent: str = "    ") -> str:
    return f"{indent}<{tag}>{escape(_INVALID_XML.sub('', value))}</{tag}>"


def category_xml(category: Category) -> list[str]:
    return [
        "  <question type=\"category\">",
        f"    <category><text>{escape(category.path)}</text></category>",
        _text("info", category.title),
        _plain("idnumber", category.id),
        "  </question>",
    ]


def question_xml(question) -> list[str]:
    head = [
        f"    <name><text>{escape(question.name)}</text></name>",
        _text("questiontext", question.prompt),
        _text("generalfeedback", question.explanation),
        "    <defaultgrade>1</defaultgrade>",
    ]
    if question.type == "true_false":
        lines = ["  <question type=\"truefalse\">", *head, "    <penalty>1</penalty>", "    <hidden>0</hidden>",
                 _plain("idnumber", question.name)]
        for answer in question.answers:  # the options 'true' and 'false'
            lines += [f"    <answer fraction=\"{'100' if answer.correct else '0'}\" format=\"moodle_auto_format\">",
                      f"      <text>{escape(answer.id)}</text>",
                      _text("feedback", answer.feedback, indent="      "),
                      "    </answer>"]
        return lines + ["  </question>"]
    single = question.type == "single"
    lines = ["  <question type=\"multichoice\">", *head, "    <penalty>0.3333333</penalty>", "    <hidden>0</hidden>",
             _plain("idnumber", question.name),
             f"    <single>{'true' if single else 'false'}</single>",
             f"    <shuffleanswers>{'true' if question.shuffle else 'false'}</shuffleanswers>",
             "    <answernumbering>abc</answernumbering>",
             "    <showstandardinstruction>1</showstandardinstruction>",
             _text("correctfeedback", ""), _text("partiallycorrectfeedback", ""), _text("incorrectfeedback", "")]
    if not single:
        lines.append("    <shownumcorrect/>")
    for answer in question.answers:
        lines += [f"    <answer fraction={quoteattr(answer.percent)} format=\"html\">",
                  f"      <text>{cdata(answer.text)}</text>",
                  _text("feedback", answer.feedback, indent="      "),
                  "    </answer>"]
    return lines + ["  </question>"]


def to_moodle_xml(categories: list[Category], comment: str = "") -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    if comment:
        lines.append(f"<!-- {comment.replace('--', '- -')} -->")
    lines.append("<quiz>")
    for category in categories:
        lines += category_xml(category)
        for question in category.questions:
            lines += question_xml(question)
    lines.append("</quiz>")
    return "\n".join(lines) + "\n"


def moodle_xml(quizzes, md=None, convert=None, course_name: str = "Course", comment: str = "") -> str:
    """The Moodle XML file of ``quizzes`` (see :func:`coursekit.export.question_bank`)."""
    return to_moodle_xml(question_bank(quizzes, md, convert, course_name), comment)

"""The lesson summary box's HTML: module, duration, level, audience and objectives.

``hooks/lessons.py`` puts it under each lesson's H1 in the finished page, in the page's
language. The objectives arrive as HTML already (inline Markdown, rendered by the caller)
and stay in the lesson's own language: an untranslated lesson under /zh/ keeps its English
objectives, marked ``lang="en"``. Everything else is escaped here.

Written in Python rather than a Jinja template, as the quiz widget is (coursekit.quiz_render):
every lesson page renders one box, and compiling and running the template cost more than the
box itself. One HTML block per line, no blank line.
"""

from __future__ import annotations

from markupsafe import escape


def render_summary(model: dict, strings: dict, module_number_label: str,
                   objectives_id: str = "") -> str:
    """The box for ``model`` (``coursekit.lessons.summary_model``, its objectives as HTML);
    ``strings`` are the page language's interface strings (``languages.strings``);
    ``objectives_id`` the anchor of its "Learning objectives" heading, if any."""
    s = strings
    roles = "".join(f'<li data-role="{escape(role["role"])}">{escape(role["label"])}</li>\n'
                    for role in model["audience"])
    objectives = "".join(f"<li>{objective}</li>\n" for objective in model["objectives"])
    heading_id = f' id="{escape(objectives_id)}"' if objectives_id else ""
    lang = (f' lang="{escape(model["content_language"])}"'
            if model["content_language"] != model["language"] else "")
    return (
        f'<section class="ctpat-summary" aria-label="{escape(s["summary_label"])}">\n'
        '<dl class="ctpat-summary__facts">\n'
        '<div class="ctpat-summary__fact">\n'
        f'<dt>{escape(module_number_label)}</dt>\n'
        f'<dd>{escape(model["module_title"])}</dd>\n'
        '</div>\n'
        '<div class="ctpat-summary__fact">\n'
        f'<dt>{escape(s["duration"])}</dt>\n'
        f'<dd><time datetime="PT{int(model["duration_minutes"])}M">{escape(model["duration"])}</time></dd>\n'
        '</div>\n'
        '<div class="ctpat-summary__fact">\n'
        f'<dt>{escape(s["level"])}</dt>\n'
        f'<dd data-level="{escape(model["level"])}">{escape(model["level_label"])}</dd>\n'
        '</div>\n'
        '<div class="ctpat-summary__fact ctpat-summary__fact--wide">\n'
        f'<dt>{escape(s["audience"])}</dt>\n'
        '<dd>\n'
        '<ul class="ctpat-summary__roles">\n'
        f'{roles}'
        '</ul>\n'
        '</dd>\n'
        '</div>\n'
        '</dl>\n'
        f'<h2 class="ctpat-summary__title"{heading_id}>{escape(s["objectives"])}</h2>\n'
        f'<ul class="ctpat-summary__objectives"{lang}>\n'
        f'{objectives}'
        '</ul>\n'
        '</section>'
    )

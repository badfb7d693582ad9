"""HTML of the page parts the hooks generate: the glossary table, the workshops list, the
contact block and the course overview table (``hooks/pages.py``, at their markers), and the
training library's body (``hooks/library.py``).

Each takes plain data, already in the page's language, and the page language's interface
strings ``s`` (``languages.strings``); every value is escaped here. Written in Python rather
than Jinja templates, like the quiz widget and the summary box: each build compiled the
templates again, which cost more than rendering them (bench/event_times.py). One HTML block
per line and no blank line, since Markdown reads these as raw HTML blocks.
"""

from __future__ import annotations

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import escape


def _lines(parts: list[str]) -> str:
    return "\n".join(parts)


def glossary_table(terms: list[dict], language: str, s: dict) -> str:
    """``terms``: dicts with anchor, name, other_name, other_lang, abbr, zh_tw, definition.

    The wrapper scrolls sideways on narrow screens, so keyboard users must be able to focus
    it (axe: scrollable-region-focusable): a named region with tabindex="0", like the
    library's tables."""
    out = [
        f'<div class="ctpat-glossary md-typeset__scrollwrap" role="region" '
        f'aria-label="{escape(s["glossary_table"])}" tabindex="0">',
        '<table class="ctpat-glossary__table">',
        "<thead><tr>",
        *(f'<th scope="col">{escape(s[key])}</th>'
          for key in ("term", "other_language", "abbr", "taiwan", "definition")),
        "</tr></thead>",
        "<tbody>",
    ]
    for term in terms:
        abbr = (f'<abbr title="{escape(term["name"])}">{escape(term["abbr"])}</abbr>'
                if term["abbr"] else "")
        out += [
            f'<tr id="term-{escape(term["anchor"])}">',
            f'<th scope="row" lang="{escape(language)}">{escape(term["name"])}</th>',
            f'<td lang="{escape(term["other_lang"])}">{escape(term["other_name"])}</td>',
            f"<td>{abbr}</td>",
            f'<td lang="zh-Hant-TW">{escape(term["zh_tw"])}</td>',
            f'<td>{escape(term["definition"])}</td>',
            "</tr>",
        ]
    out += ["</tbody>", "</table>", "</div>"]
    return _lines(out)


def workshops_list(upcoming: list[dict], past: list[dict], s: dict) -> str:
    """``upcoming`` and ``past``: dicts with iso, date, title, city, venue, register, language."""
    out = ['<div class="ctpat-workshops">']
    if upcoming:
        out += [f'<h2 id="{escape(s["upcoming_id"])}">{escape(s["upcoming"])}</h2>',
                '<ul class="ctpat-workshops__list">']
        for w in upcoming:
            out += [
                '<li class="ctpat-workshop">',
                f'<p class="ctpat-workshop__when"><time datetime="{escape(w["iso"])}">'
                f'{escape(w["date"])}</time> · {escape(w["city"])}</p>',
                f'<p class="ctpat-workshop__title"><strong>{escape(w["title"])}</strong></p>',
            ]
            if w["venue"]:
                out.append(f'<p>{escape(s["venue"])}: {escape(w["venue"])}</p>')
            if w["language"]:
                out.append(f'<p>{escape(s["taught_in"])}: {escape(w["language"])}</p>')
            if w["register"]:
                out.append(f'<p><a href="{escape(w["register"])}">{escape(s["register"])}</a></p>')
            out.append("</li>")
        out.append("</ul>")
    else:
        out.append(f'<p>{escape(s["none_upcoming"])}</p>')
    if past:
        out += ['<details class="ctpat-workshops__past">',
                f'<summary>{escape(s["past"])}</summary>', "<ul>"]
        out += [f'<li><time datetime="{escape(w["iso"])}">{escape(w["date"])}</time> · '
                f'{escape(w["city"])} · {escape(w["title"])}</li>' for w in past]
        out += ["</ul>", "</details>"]
    out.append("</div>")
    return _lines(out)


def contact_block(name: str, items: list[tuple[str, str, str]], s: dict) -> str:
    """``items``: ``(kind, text, href)`` with ``kind`` a key of ``s`` (email, wechat, ...);
    nothing at all without a name or an item."""
    if not (items or name):
        return ""
    out = ['<div class="ctpat-contact">',
           f'<h2 id="{escape(s["contact_id"])}">{escape(s["contact"])}</h2>']
    if name:
        out.append(f"<p><strong>{escape(name)}</strong></p>")
    out.append("<ul>")
    for kind, text, href in items:
        value = (f'<a href="{escape(href)}">{escape(text)}</a>' if href
                 else f"<span>{escape(text)}</span>")
        out.append(f"<li>{escape(s[kind])}: {value}</li>")
    out += ["</ul>", "</div>"]
    return _lines(out)


def course_overview_table(modules: list[dict], total_lessons: int, total_time: str,
                          s: dict) -> str:
    """``modules``: dicts with label, lessons, time, first_title, first_url."""
    out = [
        '<div class="ctpat-overview md-typeset__scrollwrap">',
        '<table class="ctpat-overview__table">',
        "<thead><tr>",
        *(f'<th scope="col">{escape(s[key])}</th>'
          for key in ("overview_module", "overview_lessons", "overview_time", "overview_first")),
        "</tr></thead>",
        "<tbody>",
    ]
    for m in modules:
        first = (f'<a href="{escape(m["first_url"])}">{escape(m["first_title"])}</a>'
                 if m["first_url"] else "")
        out += ["<tr>",
                f'<th scope="row">{escape(m["label"])}</th>',
                f'<td>{escape(m["lessons"])}</td>',
                f'<td>{escape(m["time"])}</td>',
                f"<td>{first}</td>",
                "</tr>"]
    out += ["</tbody>",
            "<tfoot><tr>",
            f'<th scope="row">{escape(s["overview_total"])}</th>',
            f"<td>{escape(total_lessons)}</td>",
            f"<td>{escape(total_time)}</td>",
            "<td></td>",
            "</tr></tfoot>",
            "</table>",
            "</div>"]
    return _lines(out)


def library_body(model: dict) -> str:
    """The training library page's body (after its H1), from ``coursekit.library.page_model``.

    Every lesson is listed without JavaScript; library.js adds the role filter, each
    lesson's status from saved quiz progress and the "continue" link (the parts marked
    hidden, or hidden by CSS, until it runs). ``markdown="1"`` on the containers lets the
    module headings reach the table of contents. Each table's scroll box is the module's one
    named region (labelled by its heading); the <section> around it carries no name, or
    there would be two landmarks with the same name (axe: landmark-unique).
    """
    s, totals = model["s"], model["totals"]
    out = [
        f'<div class="ctpat-library" data-ctpat-library '
        f'data-storage-prefix="{escape(model["storage_prefix"])}" '
        f"data-strings='{htmlsafe_json_dumps(model['script_strings'], sort_keys=True)}' "
        'markdown="1">',
        f'<p class="ctpat-library__intro">{escape(s["library_intro"])} '
        f'{escape(s["library_storage"])}</p>',
        f'<dl class="ctpat-library__totals" aria-label="{escape(s["library_summary_label"])}">',
        '<div class="ctpat-library__total">',
        f'<dt>{escape(s["library_lessons"])}</dt>',
        f'<dd data-ctpat-total="lessons">{escape(totals["lessons"])}</dd>',
        "</div>",
        '<div class="ctpat-library__total">',
        f'<dt>{escape(s["library_total_time"])}</dt>',
        f'<dd data-ctpat-total="duration" data-minutes="{escape(totals["duration"])}">'
        f'{escape(totals["duration_text"])}</dd>',
        "</div>",
        '<div class="ctpat-library__total">',
        f'<dt>{escape(s["library_questions"])}</dt>',
        f'<dd data-ctpat-total="questions">{escape(totals["questions"])}</dd>',
        "</div>",
        "</dl>",
        '<div class="ctpat-library__progress" data-ctpat-progress hidden>',
        '<p class="ctpat-library__continue" data-ctpat-continue></p>',
        '<p class="ctpat-library__passed" data-ctpat-passed></p>',
        "</div>",
        '<form class="ctpat-library__filter" data-ctpat-filter hidden>',
        f'<label class="ctpat-library__filter-label" for="ctpat-library-role">'
        f'{escape(s["library_filter_label"])}</label>',
        '<select id="ctpat-library-role" name="role" data-ctpat-role>',
        f'<option value="">{escape(s["library_all_roles"])}</option>',
        *(f'<option value="{escape(role["value"])}">{escape(role["label"])}</option>'
          for role in model["roles"]),
        "</select>",
        '<p class="ctpat-library__shown" role="status" data-ctpat-shown></p>',
        "</form>",
    ]
    for module in model["modules"]:
        anchor = escape(module["anchor"])
        out += [
            f'<section class="ctpat-library__module" data-ctpat-module="{escape(module["number"])}" '
            'markdown="1">',
            f'<h2 id="{anchor}">{escape(module["heading"])}</h2>',
            f'<div class="ctpat-library__scroll" role="region" aria-labelledby="{anchor}" '
            'tabindex="0">',
            "<table>",
            "<thead>",
            "<tr>",
            f'<th scope="col">{escape(s["library_col_lesson"])}</th>',
            f'<th scope="col">{escape(s["library_col_duration"])}</th>',
            f'<th scope="col">{escape(s["library_col_level"])}</th>',
            f'<th scope="col">{escape(s["library_col_audience"])}</th>',
            f'<th scope="col" class="ctpat-library__number">{escape(s["library_col_objectives"])}</th>',
            f'<th scope="col" class="ctpat-library__number">{escape(s["library_col_questions"])}</th>',
            f'<th scope="col" class="ctpat-library__status">{escape(s["library_col_status"])}</th>',
            "</tr>",
            "</thead>",
            "<tbody>",
        ]
        out += [_library_row(row, s) for row in module["rows"]]
        out += [
            "</tbody>",
            "<tfoot>",
            "<tr>",
            f'<th scope="row">{escape(s["library_module_total"])} · '
            f'<span data-ctpat-module-count>{escape(module["lessons_text"])}</span></th>',
            f'<td data-ctpat-module-duration>{escape(module["duration_text"])}</td>',
            "<td></td>",
            "<td></td>",
            "<td></td>",
            f'<td class="ctpat-library__number" data-ctpat-module-questions>'
            f'{escape(module["questions"])}</td>',
            '<td class="ctpat-library__status"></td>',
            "</tr>",
            "</tfoot>",
            "</table>",
            "</div>",
            "</section>",
        ]
    out += [f'<p class="ctpat-library__catalog"><a href="{escape(model["catalog_href"])}" '
            f'type="application/json">{escape(s["library_catalog"])}</a></p>',
            "</div>"]
    return _lines(out)


def _library_row(row: dict, s: dict) -> str:
    """One lesson of the library table, as a single line."""
    language = escape(row["content_language"])
    lang = f' hreflang="{language}" lang="{language}"' if row["untranslated"] else ""
    note = (f' <span class="ctpat-library__note">{escape(s["library_untranslated"])}</span>'
            if row["untranslated"] else "")
    roles = (escape(s["library_all_roles"]) if row["all_roles"] else
             '<ul class="ctpat-library__roles">'
             + "".join(f"<li>{escape(label)}</li>" for label in row["audience_labels"]) + "</ul>")
    questions = escape(row["questions"]) if row["questions"] is not None else "—"
    status = "" if row["quiz_id"] else escape(s["library_no_quiz"])
    return (
        f'<tr class="ctpat-library__lesson" data-ctpat-lesson="{escape(row["id"])}" '
        f'data-audience="{" ".join(escape(role) for role in row["audience"])}" '
        f'data-duration="{escape(row["duration"])}" data-questions="{escape(row["questions"] or 0)}" '
        f'data-quiz-id="{escape(row["quiz_id"])}" data-quiz-hash="{escape(row["quiz_hash"])}">\n'
        f'<th scope="row"><a class="ctpat-library__link" href="{escape(row["href"])}"{lang}>'
        f'{escape(row["title"])}</a>{note}</th>\n'
        f'<td>{escape(row["duration_text"])}</td>\n'
        f'<td data-level="{escape(row["level"])}">{escape(row["level_label"])}</td>\n'
        f"<td>{roles}</td>\n"
        f'<td class="ctpat-library__number">{escape(row["objectives"])}</td>\n'
        f'<td class="ctpat-library__number">{questions}</td>\n'
        f'<td class="ctpat-library__status" data-ctpat-status>{status}</td>\n'
        "</tr>"
    )

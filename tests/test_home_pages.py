"""The home page of each language tells how long the course takes and where to start."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

import course_files


@pytest.mark.parametrize("language, page", [("en", "index.html"), ("zh", "zh/index.html")])
def test_home_page_overview_matches_the_lessons_on_disk(built_site, language, page):
    soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
    table = soup.select_one(".ctpat-overview table")
    assert table is not None, "the <!-- course-overview --> marker was not rendered"
    lessons = course_files.lessons(language)
    modules = sorted({lesson.meta["module"] for lesson in lessons})
    rows = table.select("tbody tr")
    assert len(rows) == len(modules)
    for row, module in zip(rows, modules):
        in_module = [lesson for lesson in lessons if lesson.meta["module"] == module]
        cells = [cell.get_text(strip=True) for cell in row.select("td")]
        assert cells[0] == str(len(in_module))
        minutes = sum(lesson.meta["duration"] for lesson in in_module)
        assert cells[1] == course_files.hours_minutes(minutes, language)
        link = row.select_one("a")
        target = (built_site / page).parent / link["href"] / "index.html"
        assert target.resolve() == (built_site / in_module[0].site_path(language) / "index.html").resolve()
        assert " ".join(link.get_text().split()) == in_module[0].meta["title"]
    total = table.select_one("tfoot").get_text(" ", strip=True)
    assert str(len(lessons)) in total
    assert course_files.hours_minutes(sum(l.meta["duration"] for l in lessons), language) in total

"""Every internal link and anchor of the built site resolves, in both languages."""

from __future__ import annotations

from pathlib import Path

from coursekit.linkcheck import check_site


def test_built_site_has_no_broken_internal_link_or_anchor(built_site):
    broken = check_site(built_site)
    assert broken == [], "\n".join(str(b) for b in broken)


def test_the_check_covers_generated_pages(built_site):
    """The library and the quizzes are not Markdown links MkDocs validates: they are checked
    here, so a real link from them must be among what the checker resolves."""
    library = (built_site / "zh/library/index.html").read_text(encoding="utf-8")
    assert 'href="../lessons/practice/seals-vvtt/"' in library


def page(root: Path, rel: str, body: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")


def test_broken_links_anchors_and_script_links_are_reported(tmp_path):
    page(tmp_path, "index.html", '<a href="lessons/seals/">ok</a> <a href="lessons/gone/">gone</a>'
                                 '<a href="lessons/seals/#vvtt">ok</a> <a href="lessons/seals/#nope">x</a>'
                                 '<a href="javascript:alert(1)">x</a> <a href="https://example.com/">out</a>'
                                 '<a href="mailto:a@example.com">mail</a> <a href="#top">top</a>')
    page(tmp_path, "lessons/seals/index.html", '<h2 id="vvtt">VVTT</h2><a href="../../">home</a>'
                                               '<img src="../../assets/missing.png">')
    problems = sorted(str(b) for b in check_site(tmp_path))
    assert problems == sorted([
        "index.html: link 'lessons/gone/' points to a missing page or file",
        "index.html: link 'lessons/seals/#nope' points to a missing anchor '#nope' in lessons/seals/index.html",
        "index.html: link 'javascript:alert(1)' runs script; only web, mailto: and tel: links are allowed",
        "index.html: link '#top' points to a missing anchor '#top' in index.html",
        "lessons/seals/index.html: link '../../assets/missing.png' points to a missing page or file",
    ])

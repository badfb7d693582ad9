"""The workshop kit as a consultancy uses it: lessons printed as handouts, the course as one
printable book, the facilitator's answer key, sign-in sheets, certificates that verify on
/verify/, and the whole kit as PDF files whose text reads back in English and Chinese.

Print tests run in Chromium with print media emulated, so they see what paper would.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import course_files as cf
from conftest import ROOT, make_mini_project, run_mkdocs_build, serve_directory

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROME = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search")
LESSON = "lessons/practice/container-inspection"
QUIZ = "container-inspection"


def quiz_explanations(quiz_id: str, language: str) -> list[str]:
    data = cf.quiz(quiz_id)
    return [q["explanation"][language] for q in data["questions"] if q.get("explanation")]


def visible_text(page) -> str:
    return page.evaluate("document.body.innerText")


def first_words(text: str, count: int = 6) -> str:
    """The opening words of a Markdown text as the page shows them (no ** or backticks)."""
    plain = re.sub(r"[*`_]|\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(plain.split()[:count]) if " " in plain.strip() else plain.strip()[:12]


@pytest.mark.parametrize("edition, language", [("", "en"), ("zh/", "zh")])
def test_a_lesson_prints_as_a_handout_without_chrome_or_answers(page, edition, language):
    page.goto(f"{page.base_url}{edition}{LESSON}/")
    page.emulate_media(media="print")
    for selector in CHROME:
        assert not page.locator(selector).first.is_visible(), f"{selector} shows on the printed handout"
    text = page.locator(".ctpat-quiz").inner_text()
    # The worksheet keeps the questions and drops every explanation and feedback.
    questions = cf.quiz(QUIZ)["questions"]
    assert first_words(questions[0]["prompt"][language]) in text
    for explanation in quiz_explanations(QUIZ, language):
        assert first_words(explanation) not in text, "an answer's explanation prints on the trainee handout"
    for option in questions[0]["options"]:
        assert first_words(option["feedback"][language]) not in text, "feedback prints on the trainee handout"
    assert page.locator(".ctpat-summary").is_visible(), "the summary box is missing from the handout"
    # A link to another site prints with its address.
    address = page.evaluate("""() => {
        const link = [...document.querySelectorAll('.md-content a[href^="http"]')][0];
        return link ? getComputedStyle(link, '::after').content : null; }""")
    assert address is None or "http" in address


@pytest.mark.parametrize("edition, language", [("", "en"), ("zh/", "zh")])
def test_the_facilitator_pack_prints_the_answer_key(page, edition, language):
    page.goto(f"{page.base_url}{edition}facilitator/")
    page.emulate_media(media="print")
    text = visible_text(page)
    for explanation in quiz_explanations(QUIZ, language):
        assert first_words(explanation) in text, "the answer key lacks an explanation"
    correct = [o for q in cf.quiz(QUIZ)["questions"] for o in q["options"] if o.get("correct")]
    right = page.locator(f"#lesson-{QUIZ} .ctpat-facilitator__right").all_inner_texts()
    assert len(right) == len(correct)
    assert all(first_words(o["text"][language], 3) in " ".join(right) for o in correct)
    robots = page.locator('meta[name="robots"]').get_attribute("content")
    assert "noindex" in robots


@pytest.mark.parametrize("edition, language", [("", "en"), ("zh/", "zh")])
def test_the_course_print_page_holds_every_lesson_in_curriculum_order(built_site, edition, language):
    soup = cf.soup_of(built_site / edition / "print" / "index.html")
    printed = [cf.heading_text(h) for h in soup.select(".ctpat-print__lesson h1")]
    expected = [lesson.meta["title"] for lesson in cf.lessons(language)]
    assert printed == expected
    contents = [cf.text_of(a) for a in soup.select(".ctpat-print__toc a")]
    assert all(any(title in entry for entry in contents) for title in expected)


def test_a_sign_in_sheet_holds_the_workshops_date_trainer_and_topics(built_site):
    workshop = next(w for w in cf.extra()["workshops"] if w.get("lessons"))
    slug = str(workshop["date"])
    titles = {l.id: l.meta["title"] for l in cf.lessons("en")}
    titles_zh = {l.id: l.meta["title"] for l in cf.lessons("zh")}
    sheet = cf.soup_of(built_site / "zh" / "sign-in" / slug / "index.html").select_one(".ctpat-signin")
    text = cf.text_of(sheet)
    for lesson in workshop["lessons"]:
        assert titles[lesson] in text and titles_zh[lesson] in text
    trainer = workshop["trainer"]
    for name in (trainer.values() if isinstance(trainer, dict) else [trainer]):
        assert name in text
    assert len(sheet.select(".ctpat-signin__sheet tbody tr")) >= 15, "too few rows to sign"


def test_a_sign_in_sheet_repeats_its_header_on_every_printed_page(page):
    workshop = next(w for w in cf.extra()["workshops"] if w.get("lessons"))
    page.goto(f"{page.base_url}sign-in/{workshop['date']}/")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.ctpat-signin__sheet thead')).display") \
        == "table-header-group"
    pdf = page.pdf(format="A4")
    from io import BytesIO

    from pypdf import PdfReader

    pages = PdfReader(BytesIO(pdf)).pages
    sheet_pages = [p.extract_text() for p in pages if "Signature" in p.extract_text()]
    assert len(sheet_pages) >= 2 and all(workshop["title"]["en"][:30] in " ".join(t.split()) for t in sheet_pages)


# ---- certificates --------------------------------------------------------------------------------

ATTENDEES = "name,company,role\nZhang San,Shenzhen Example Electronics,Security manager\n王小明,深圳示例电子,门卫\n"


@pytest.fixture(scope="module")
def certified_site(tmp_path_factory):
    """A small project with certificates issued by tools/certificates.py, then built."""
    root = tmp_path_factory.mktemp("certs")
    project = make_mini_project(root, {"docs/index.md": "# Home\n", "docs_zh/index.md": "# 首页\n"})
    cf.standalone_config(project, site_url="https://training.example.com/")
    csv_file = root / "2027-03-18-shenzhen.csv"
    csv_file.write_text(ATTENDEES, encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "certificates.py"), str(csv_file),
                             "--root", str(project), "--out", str(root / "out")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    html = (root / "out" / "certificates.html").read_text(encoding="utf-8")
    ids = re.findall(r'class="id">([A-Z0-9-]+)<', html)
    built = run_mkdocs_build(project, root / "site")
    assert built.returncode == 0, built.stderr[-3000:]
    base_url, server = serve_directory(root / "site")
    yield {"ids": ids, "html": html, "base_url": base_url, "out": root / "out", "project": project}
    server.shutdown()


def test_a_certificate_names_its_holder_workshop_and_a_qr_code_to_verify(certified_site):
    html = certified_site["html"]
    assert len(certified_site["ids"]) == 2 and len(set(certified_site["ids"])) == 2
    assert html.count('class="certificate"') == 2
    for text in ("Zhang San", "王小明", "18 March 2027", "2027 年 3 月 18 日", "https://training.example.com/verify/"):
        assert text in html
    assert html.count("<svg") == 2, "each certificate carries a QR code"
    published = (certified_site["project"] / "data" / "certificates.json").read_text(encoding="utf-8")
    assert "Zhang San" not in published and "王小明" not in published, "names must never be published"


def verify(browser, base_url, language_prefix, certificate_id, name) -> str:
    page = browser.new_page()
    try:
        page.goto(f"{base_url}{language_prefix}verify/")
        page.fill("#ctpat-verify-id", certificate_id)
        page.fill("#ctpat-verify-name", name)
        page.click(".ctpat-verify__form button")
        return page.locator("[data-ctpat-verify-result]").inner_text()
    finally:
        page.close()


def test_an_issued_certificate_verifies_and_a_tampered_one_does_not(browser, certified_site):
    first, second = certified_site["ids"]
    base = certified_site["base_url"]
    assert verify(browser, base, "", first, "Zhang San").startswith("✓")
    # Case and spacing do not matter; the ID or the name changed does.
    assert verify(browser, base, "", first.lower().replace("-", " -"), "  zhang   san ").startswith("✓")
    assert verify(browser, base, "zh/", second, "王小明").startswith("✓")
    tampered = first[:-1] + ("2" if first[-1] != "2" else "3")
    assert verify(browser, base, "", tampered, "Zhang San").startswith("✗")
    assert verify(browser, base, "", first, "Zhang Sen").startswith("✗")
    assert verify(browser, base, "", second, "Zhang San").startswith("✗"), "an ID verifies only with its own name"


# ---- PDFs ----------------------------------------------------------------------------------------

def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


KANGXI = re.compile("[\u2f00-\u2fd5]")


def test_the_kit_prints_to_pdf_with_real_english_and_chinese_text(browser, built_site, site_server, tmp_path):
    import make_pdfs

    en, zh = cf.lessons("en"), cf.lessons("zh")
    lesson_en = next(l for l in en if l.id == QUIZ)
    lesson_zh = next(l for l in zh if l.id == QUIZ)
    work = [w for w in make_pdfs.jobs(built_site, ["zh", "en", "zh-hant"])
            if w[1].endswith((f"handouts/{QUIZ}.pdf", "facilitator.pdf", "training-matrix.pdf"))
            or w[1].startswith("sign-in/") or re.search(r"module-4-", w[1])]
    written = make_pdfs.print_pages(site_server, work, tmp_path, browser=browser)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {f"en/handouts/{QUIZ}.pdf", f"zh/handouts/{QUIZ}.pdf", "zh/facilitator.pdf"} <= names
    handout_zh = pdf_text(tmp_path / "zh" / "handouts" / f"{QUIZ}.pdf")
    assert lesson_zh.meta["title"] in handout_zh and lesson_zh.meta["objectives"][0][:8] in handout_zh
    assert not KANGXI.search(handout_zh), "Chinese copied from the PDF holds look-alike radicals"
    handout_en = pdf_text(tmp_path / "en" / "handouts" / f"{QUIZ}.pdf")
    assert lesson_en.meta["title"] in handout_en
    assert first_words(quiz_explanations(QUIZ, "en")[0]) not in " ".join(handout_en.split())
    hant = pdf_text(tmp_path / "zh-hant" / "handouts" / f"{QUIZ}.pdf")
    assert "貨櫃" in hant and "集装箱" not in hant
    key = " ".join(pdf_text(tmp_path / "zh" / "facilitator.pdf").split())
    assert first_words(quiz_explanations(QUIZ, "zh")[0]) in key.replace(" ", "") or \
        quiz_explanations(QUIZ, "zh")[0][:10] in key.replace(" ", "")
    signin = [n for n in names if n.startswith("sign-in/")]
    assert signin, "no sign-in sheet printed"
    sheet = pdf_text(tmp_path / signin[0])
    assert "Signature" in sheet and "签名" in sheet


def test_certificates_print_to_pdf_with_both_languages(browser, certified_site):
    import make_pdfs

    written = make_pdfs.pdf_of_files([certified_site["out"] / "certificates.html"], certified_site["out"],
                                     browser=browser)
    text = pdf_text(written[0])
    assert "Certificate of attendance" in text and "培训证明" in text
    for certificate_id in certified_site["ids"]:
        assert certificate_id in text
    assert unicodedata.normalize("NFC", "王小明") in text

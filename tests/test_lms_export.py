"""tools/lms_export.py: the SCORM 1.2 packages and the question bank for Moodle.

- Packages (the real course, exported once per session as a consultancy runs the tool): the
  manifest validates against the SCORM 1.2 schemas committed in tools/lms/schemas/ (lxml),
  the course is one SCO launched by scorm.html, every file is listed, every link inside a
  package resolves to a file in it, and a package holds one edition.
- The launch page carries each edition's quizzes, hashes and pass marks as the quiz files on
  disk define them.
- The question bank: Moodle XML (parsed with lxml) and GIFT (parsed by a small reader written
  here) give back, for every question of every quiz file read with PyYAML, its prompt, its
  options in order, the right answers, each option's feedback and the explanation, in English
  and Chinese, under a stable name.
- Pure functions: the package link check and the bank's escaping and grades, with hand-written
  good and bad input.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree
from lxml import html as lxml_html

import course_files as disk
import lms_export
import lms_packages as lms
from conftest import ROOT

EDITIONS = lms.built_editions()
SCHEMAS = ROOT / "tools" / "lms" / "schemas"
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
XSDS = {"imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd"}
MOODLE_LANG = {"en": "en", "zh": "zh_cn", "zh-hant": "zh_tw"}
# The grades Moodle accepts for an answer, in percent (Moodle docs, "Multiple Choice question type").
MOODLE_GRADES = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
                 14.28571, 12.5, 11.11111, 10, 5, 0]


# ---- what the quiz files say (PyYAML, independent of coursekit) ---------------------------------

def quiz_files() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((ROOT / "quizzes").glob("*.yml"))}


def options_of(question: dict) -> list[dict]:
    """A question's options in the authors' order (``answer: x`` stands for true and false)."""
    if "answer" in question:
        return [{"id": "true", "correct": question["answer"] is True},
                {"id": "false", "correct": question["answer"] is False}]
    return [dict(o, id=str(o["id"]).lower() if isinstance(o["id"], bool) else str(o["id"]))
            for o in question["options"]]


def plain(markdown: str) -> str:
    """What inline Markdown reads as: emphasis and code marks dropped, links as their text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", str(markdown))
    text = re.sub(r"[*`]", "", text)
    return " ".join(text.split())


def languages(fragment: str) -> dict[str, str]:
    """``{moodle language: text}`` of multi-language HTML, checking the markup Moodle's filter
    needs: nothing but consecutive ``<span lang class="multilang">`` elements."""
    if not fragment:
        return {}
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    assert not (root.text or "").strip(), fragment
    found = {}
    for span in root:
        assert span.tag == "span" and span.get("class") == "multilang", fragment
        assert not (span.tail or "").strip(), fragment
        assert not span.findall(".//span"), f"a span inside a multilang span ends it early: {fragment}"
        found[span.get("lang")] = " ".join(span.text_content().split())
    return found


def expected_languages(value: dict | None) -> dict[str, str]:
    if not value:
        return {}
    return {"en": plain(value["en"]), "zh_cn": plain(value["zh"])}


def assert_text(fragment: str, value: dict | None, where: str) -> None:
    found = languages(fragment)
    if "zh-hant" in EDITIONS and value:
        traditional = found.pop("zh_tw", None)
        assert traditional, f"{where}: no zh_tw text although the Traditional edition is built"
        assert not set(traditional) & disk.SIMPLIFIED_ONLY, f"{where}: zh_tw text has Simplified characters"
    assert found == expected_languages(value), where


# ---- the real course's export --------------------------------------------------------------------

@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out, _ = lms.real_export(tmp_path_factory)
    return out


@pytest.fixture(scope="module")
def packages(exported) -> dict[str, dict[str, bytes]]:
    return {edition: lms_export.zip_members(exported / f"ctpat-scorm-{edition}.zip") for edition in EDITIONS}


def soup(data: bytes) -> BeautifulSoup:
    return BeautifulSoup(data.decode("utf-8"), "html.parser")


@pytest.mark.slow
def test_the_export_writes_a_package_per_built_edition_and_both_question_files(exported, tmp_path_factory):
    _, result = lms.real_export(tmp_path_factory)
    expected = {f"ctpat-scorm-{edition}.zip" for edition in EDITIONS} | {"questions-moodle.xml", "questions.gift"}
    assert {path.name for path in exported.iterdir()} == expected
    for edition in EDITIONS:
        assert zipfile.is_zipfile(exported / f"ctpat-scorm-{edition}.zip")
        assert f"ctpat-scorm-{edition}.zip" in result.stdout
    # The temporary build configuration next to mkdocs.yml is gone.
    assert not list(ROOT.glob(".lms-build*")), list(ROOT.glob(".lms-build*"))


@pytest.mark.slow
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_manifest_validates_against_the_committed_scorm_1_2_schemas(packages, edition, tmp_path):
    files = packages[edition]
    assert "imsmanifest.xml" in files, "the manifest must be at the root of the zip"
    for name in XSDS:  # the schema files the manifest names sit beside it, as committed
        assert files[name] == (SCHEMAS / name).read_bytes(), name
    manifest = etree.fromstring(files["imsmanifest.xml"])
    locations = manifest.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()
    assert set(locations[1::2]) <= set(files), locations
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "adlcp_rootv1p2.xsd")))
    assert schema.validate(manifest), schema.error_log


@pytest.mark.parametrize("break_it", [
    lambda m: m.find(".//cp:resource", NS).set(f"{ADLCP}scormtype", "lesson"),
    lambda m: m.find(".//cp:resource", NS).attrib.pop("type"),
    lambda m: m.find(".//cp:item", NS).attrib.pop("identifier"),
    lambda m: m.find(".//cp:file", NS).attrib.pop("href"),
], ids=["unknown scormtype", "resource without type", "item without identifier", "file without href"])
def test_the_schemas_reject_a_broken_manifest(break_it):
    """The schema check is not vacuous: a hand-written valid manifest passes, broken ones fail."""
    manifest = etree.fromstring(f"""<manifest xmlns="{NS['cp']}" xmlns:adlcp="{NS['adlcp']}" identifier="m" version="1">
      <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
      <organizations default="o"><organization identifier="o"><title>T</title>
        <item identifier="i" identifierref="r"><title>T</title></item></organization></organizations>
      <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="a.html">
        <file href="a.html"/></resource></resources></manifest>""".encode())
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "adlcp_rootv1p2.xsd")))
    assert schema.validate(manifest), schema.error_log
    break_it(manifest)
    assert not schema.validate(manifest)


@pytest.mark.slow
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_course_is_one_sco_launched_by_scorm_html_and_every_file_is_listed(packages, edition):
    files = packages[edition]
    manifest = etree.fromstring(files["imsmanifest.xml"])
    organizations = manifest.findall("cp:organizations/cp:organization", NS)
    assert len(organizations) == 1
    items = organizations[0].findall(".//cp:item", NS)
    assert len(items) == 1, "one SCO for the whole course"
    resources = manifest.findall("cp:resources/cp:resource", NS)
    assert len(resources) == 1
    resource = resources[0]
    assert items[0].get("identifierref") == resource.get("identifier")
    assert resource.get(f"{ADLCP}scormtype") == "sco" and resource.get("href") == "scorm.html"
    # No mastery score: the LMS would set passed or failed from the score on its own.
    assert manifest.find(".//adlcp:masteryscore", NS) is None
    listed = [f.get("href") for f in resource.findall("cp:file", NS)]
    assert len(listed) == len(set(listed))
    assert set(listed) == set(files) - XSDS - {"imsmanifest.xml"}
    title = disk.i18n_languages()[edition].get("site_name") or disk.mkdocs_config()["site_name"]
    assert organizations[0].find("cp:title", NS).text == title


@pytest.mark.slow
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_link_in_each_package_resolves_to_a_file_in_it(packages, edition):
    files = packages[edition]
    assert lms_export.broken_links(files) == []
    pages = [name for name in files if name.endswith(".html")]
    links = sum(len(lms_export.links_of(name, files[name])) for name in pages)
    assert links > 10 * len(pages), "the check saw too few links to mean anything"


@pytest.mark.slow
@pytest.mark.parametrize("edition", EDITIONS)
def test_a_package_holds_one_edition_without_a_language_switcher(packages, edition):
    files = packages[edition]
    prefix = disk.PREFIX[edition]
    others = tuple(p for code, p in disk.PREFIX.items() if code != edition and p)
    assert not [name for name in files if name.startswith(others)]
    if prefix:  # beside its own folder, only shared files: no page of another edition
        assert all(name.startswith((prefix, "assets/")) or "/" not in name for name in files)
        assert not [n for n in files if n.endswith(".html") and "/" not in n and n != "scorm.html"]
    for lesson in disk.lessons(edition):
        assert prefix + lesson.rel[:-len(".md")] + ".html" in files, lesson.rel
    catalogs = [name for name in files if name.endswith("library/catalog.json")]
    assert catalogs == [f"{prefix}library/catalog.json"]
    assert json.loads(files[catalogs[0]])["language"] == edition
    for name in (n for n in files if n.endswith(".html")):
        page = soup(files[name])
        assert page.html.get("lang") == disk.HTML_LANG[edition], name
        assert not page.select("a[hreflang], link[rel~=alternate][hreflang]"), f"{name}: a link to another edition"


@pytest.mark.slow
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_launch_page_carries_the_editions_quizzes_as_the_quiz_files_define_them(packages, edition):
    files = packages[edition]
    page = soup(files["scorm.html"])
    assert page.html.get("lang") == disk.HTML_LANG[edition]
    title = disk.i18n_languages()[edition].get("site_name") or disk.mkdocs_config()["site_name"]
    assert page.title.get_text() == title
    frame = page.select_one("iframe")
    assert frame.get("title") == title
    scripts = page.find_all("script")
    assert all(s.get("src") or s.get("type") == "application/json" for s in scripts), "no inline script"
    assert [s["src"] for s in scripts if s.get("src")] == ["scorm.js"] and "scorm.js" in files
    settings = json.loads(page.select_one("script[type='application/json']").get_text())
    assert settings["home"] == f"{disk.PREFIX[edition]}index.html" and settings["home"] in files

    quizzes = [lesson.quiz for lesson in disk.lessons(edition) if lesson.quiz]
    data = quiz_files()
    assert [q["id"] for q in settings["quizzes"]] == list(dict.fromkeys(quizzes))
    for quiz in settings["quizzes"]:
        assert quiz["hash"] == disk.quiz_hash(quiz["id"]), quiz["id"]
        assert quiz["pass"] == data[quiz["id"]].get("pass_mark", 80), quiz["id"]
    pools = [quiz_id for quiz_id, quiz in data.items() if "draw" in quiz]
    if lms.POOL in pools:
        assert settings["assessment"] == {"id": lms.POOL, "hash": disk.quiz_hash(lms.POOL),
                                          "pass": data[lms.POOL].get("pass_mark", 80)}
    else:
        assert settings["assessment"] is None


# ---- the package link check (pure) -----------------------------------------------------------------

PAGE = b'<a href="%s">x</a>'


@pytest.mark.parametrize("name, url", [
    ("index.html", "lessons/a.html"), ("lessons/a.html", "../index.html"), ("lessons/a.html", "a.html#top"),
    ("index.html", "lessons/a.html?x=1"), ("index.html", "#top"), ("index.html", "https://www.cbp.gov/"),
    ("index.html", "mailto:training@example.com"), ("index.html", ""), ("index.html", "lessons/a%2Ehtml"),
])
def test_links_that_resolve_inside_the_package_pass(name, url):
    files = {"index.html": b"", "lessons/a.html": b"", name: PAGE % url.encode()}
    assert lms_export.broken_links(files) == []


@pytest.mark.parametrize("page, problem", [
    (b'<a href="lessons/b.html">x</a>', "points to lessons/b.html, which is not in the package"),
    (b'<a href="lessons/">x</a>', "names a folder"),
    (b'<a href="/lessons/a.html">x</a>', "starts at the host's root"),
    (b'<a href="../x.html">x</a>', "points outside the package"),
    (b'<img src="pic.png">', "pic.png, which is not in the package"),
    (b'<link rel="stylesheet" href="s.css">', "s.css, which is not in the package"),
    (b'<script src="https://cdn.example.com/x.js"></script>', "loads from another host"),
    (b'<iframe src="zh/index.html"></iframe>', "zh/index.html, which is not in the package"),
    (b'<a href="javascript:alert(1)">x</a>', "runs script"),
    (b'<img srcset="a.png 1x, big.png 2x" src="a.png">', "big.png, which is not in the package"),
])
def test_links_that_cannot_work_in_the_package_are_reported(page, problem):
    files = {"index.html": page, "lessons/a.html": b"", "a.png": b""}
    found = lms_export.broken_links(files)
    assert len(found) == 1 and found[0].startswith("index.html: ") and problem in found[0], found


def test_stylesheet_urls_are_checked_too():
    files = {"assets/s.css": b"@font-face{src:url('f.woff2')} .a{background:url(\"img/ok.svg\")} .b{background:url(data:image/png;base64,AA)}",
             "assets/img/ok.svg": b""}
    assert lms_export.broken_links(files) == ["assets/s.css: 'f.woff2' points to assets/f.woff2, which is not in the package"]


# ---- the question bank (the real quizzes) ---------------------------------------------------------

def moodle_questions(text: str) -> list[tuple[etree._Element, list[etree._Element]]]:
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "quiz"
    categories = []
    for question in root.findall("question"):
        if question.get("type") == "category":
            categories.append((question, []))
        else:
            assert categories, "a question before any category"
            categories[-1][1].append(question)
    return categories


def fraction_ok(value: float) -> bool:
    return any(abs(abs(value) - grade) < 0.00001 for grade in MOODLE_GRADES)


@pytest.mark.slow
def test_moodle_xml_gives_back_every_question_of_every_quiz_file(exported):
    text = (exported / "questions-moodle.xml").read_text(encoding="utf-8")
    categories = moodle_questions(text)
    data = quiz_files()
    assert sorted(c.findtext("idnumber") for c, _ in categories) == sorted(data)
    for category, questions in categories:
        quiz_id = category.findtext("idnumber")
        quiz = data[quiz_id]
        assert category.findtext("category/text").startswith("$course$/top/")
        assert category.findtext("category/text").endswith("/" + quiz_id)
        assert_text(category.findtext("info/text"), quiz["title"], f"{quiz_id} title")
        assert [q.findtext("name/text") for q in questions] == [f"{quiz_id}/{q['id']}" for q in quiz["questions"]]
        for element, question in zip(questions, quiz["questions"]):
            where = f"{quiz_id}/{question['id']}"
            assert element.findtext("idnumber") == where
            assert_text(element.findtext("questiontext/text"), question["prompt"], where)
            assert element.find("questiontext").get("format") == "html"
            assert_text(element.findtext("generalfeedback/text") or "", question.get("explanation"), where)
            options = options_of(question)
            answers = element.findall("answer")
            assert len(answers) == len(options), where
            if question["type"] == "true_false":
                assert element.get("type") == "truefalse", where
                by_text = {a.findtext("text"): a for a in answers}
                assert set(by_text) == {"true", "false"}, where
                for option in options:
                    answer = by_text[option["id"]]
                    assert float(answer.get("fraction")) == (100 if option["correct"] else 0), where
                    assert_text(answer.findtext("feedback/text") or "", option.get("feedback"), where)
                continue
            assert element.get("type") == "multichoice", where
            assert element.findtext("single") == ("true" if question["type"] == "single" else "false"), where
            right = [a for a, o in zip(answers, options) if o.get("correct")]
            for answer, option in zip(answers, options):  # in the authors' order
                assert_text(answer.findtext("text"), option["text"], f"{where} option {option['id']}")
                assert_text(answer.findtext("feedback/text") or "", option.get("feedback"), f"{where} option {option['id']}")
                fraction = float(answer.get("fraction"))
                assert fraction_ok(fraction), f"{where}: {fraction} is not a grade Moodle accepts"
                if question["type"] == "single":
                    assert fraction == (100 if option.get("correct") else 0), where
                else:
                    assert (fraction > 0) == bool(option.get("correct")), where
            if question["type"] == "multiple":
                assert abs(sum(float(a.get("fraction")) for a in right) - 100) < 0.01, where


# A small GIFT reader for these tests (Moodle's rules: backslash escapes, '::name::', '[html]',
# '{...}' answers, '=' right, '~' wrong, '~%w%' weighted, '#' feedback, '####' general feedback).

def _chars(text: str) -> list[tuple[str, bool]]:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append(("\n" if nxt == "n" else nxt, True))
            i += 2
        else:
            out.append((text[i], False))
            i += 1
    return out


def _string(chars) -> str:
    return "".join(c for c, _ in chars).strip()


def _find(chars, token: str, start: int = 0, last: bool = False) -> int:
    hits = [i for i in range(start, len(chars) - len(token) + 1)
            if all(chars[i + k] == (token[k], False) for k in range(len(token)))]
    return (hits[-1] if last else hits[0]) if hits else -1


def _split(chars, marks: str) -> list[list]:
    parts, current = [], []
    for char in chars:
        if not char[1] and char[0] in marks:
            parts.append(current)
            current = [char]
        else:
            current.append(char)
    return parts + [current]


def parse_gift(text: str) -> list[dict]:
    categories = []
    for block in re.split(r"\n[ \t]*\n", text):
        body = "\n".join(line for line in block.split("\n") if not line.strip().startswith("//")).strip()
        if not body:
            continue
        if body.startswith("$CATEGORY:"):
            categories.append({"path": body[len("$CATEGORY:"):].strip(), "questions": []})
            continue
        chars = _chars(body)
        assert _find(chars, "::") == 0, body[:80]
        end = _find(chars, "::", 2)
        name = _string(chars[2:end])
        rest = chars[end + 2:]
        assert _string(rest[:6]) == "[html]", body[:80]
        open_, close = _find(rest, "{"), _find(rest, "}", last=True)
        assert open_ > 0 and close == len(rest) - 1, f"{name}: the answers must close the question"
        prompt, answers = rest[6:open_], rest[open_ + 1:close]
        general = ""
        cut = _find(answers, "####", last=True)
        if cut >= 0:
            general, answers = _string(answers[cut + 4:]), answers[:cut]
        question = {"name": name, "prompt": _string(prompt), "general": general, "answers": []}
        head = _string(answers)
        if head.split("#")[0] in ("TRUE", "FALSE", "T", "F"):
            bits = [_string(p) for p in _split(answers, "#")]
            question["truefalse"] = bits[0] in ("TRUE", "T")
            question["wrong_feedback"] = bits[1][1:] if len(bits) > 1 else ""
            question["right_feedback"] = bits[2][1:] if len(bits) > 2 else ""
        else:
            for part in _split(answers, "~=")[1:]:
                mark, rest_of = part[0][0], part[1:]
                weight = 100.0 if mark == "=" else 0.0
                if mark == "~" and rest_of and rest_of[0] == ("%", False):
                    end_weight = _find(rest_of, "%", 1)
                    weight = float(_string(rest_of[1:end_weight]))
                    rest_of = rest_of[end_weight + 1:]
                feedback_at = _find(rest_of, "#")
                text_part = rest_of if feedback_at < 0 else rest_of[:feedback_at]
                feedback = "" if feedback_at < 0 else _string(rest_of[feedback_at + 1:])
                question["answers"].append({"text": _string(text_part), "weight": weight, "feedback": feedback,
                                            "single_mark": mark == "="})
        categories[-1]["questions"].append(question)
    return categories


@pytest.mark.slow
def test_gift_gives_back_every_question_of_every_quiz_file(exported):
    categories = parse_gift((exported / "questions.gift").read_text(encoding="utf-8"))
    data = quiz_files()
    assert sorted(c["path"].rsplit("/", 1)[1] for c in categories) == sorted(data)
    for category in categories:
        quiz_id = category["path"].rsplit("/", 1)[1]
        assert category["path"].startswith("$course$/top/")
        quiz = data[quiz_id]
        assert [q["name"] for q in category["questions"]] == [f"{quiz_id}/{q['id']}" for q in quiz["questions"]]
        for parsed, question in zip(category["questions"], quiz["questions"]):
            where = parsed["name"]
            assert_text(parsed["prompt"], question["prompt"], where)
            assert_text(parsed["general"], question.get("explanation"), where)
            options = options_of(question)
            if question["type"] == "true_false":
                right = next(o for o in options if o["correct"])
                wrong = next(o for o in options if not o["correct"])
                assert parsed["truefalse"] is (right["id"] == "true"), where
                assert_text(parsed["right_feedback"], right.get("feedback"), where)
                assert_text(parsed["wrong_feedback"], wrong.get("feedback"), where)
                continue
            assert len(parsed["answers"]) == len(options), where
            for answer, option in zip(parsed["answers"], options):
                assert_text(answer["text"], option["text"], f"{where} option {option['id']}")
                assert_text(answer["feedback"], option.get("feedback"), f"{where} option {option['id']}")
                if question["type"] == "single":  # '=' marks the one right answer
                    assert answer["single_mark"] is bool(option.get("correct")), where
                else:  # weights only: Moodle then allows several answers
                    assert not answer["single_mark"] and (answer["weight"] > 0) == bool(option.get("correct")), where
                    assert fraction_ok(answer["weight"]), where
            if question["type"] == "multiple":
                assert abs(sum(a["weight"] for a in parsed["answers"] if a["weight"] > 0) - 100) < 0.01, where


# ---- the question bank's escaping and limits (pure) ---------------------------------------------

HOSTILE = {"en": 'A <script>alert("x")</script> & ]]> {a} ~b =c #d :e \\f', "zh": "封条 <b>粗</b> & ]]> {甲}~=#:"}


def _quiz(tmp_path, body: str):
    from coursekit.model.quizzes import load_quiz

    path = tmp_path / "hostile.yml"
    path.write_text(body, encoding="utf-8")
    return load_quiz(path, "quizzes/hostile.yml")


def _hostile_quiz(tmp_path):
    text = json.dumps(HOSTILE, ensure_ascii=False)
    return _quiz(tmp_path, f"""id: hostile
title: {text}
questions:
  - id: q1
    type: multiple
    prompt: {text}
    options:
      - {{id: a, text: {text}, correct: true, feedback: {text}}}
      - {{id: b, text: {{en: "plain", zh: "普通"}}, correct: true}}
      - {{id: c, text: {{en: "wrong", zh: "错"}}}}
    explanation: {text}
  - id: q2
    type: true_false
    prompt: {text}
    options:
      - {{id: "true", text: {{en: "True", zh: "对"}}, feedback: {text}}}
      - {{id: "false", text: {{en: "False", zh: "错"}}, correct: true}}
""")


def test_special_characters_survive_moodle_xml_as_text(tmp_path):
    from coursekit.export.moodle import moodle_xml

    xml = moodle_xml([_hostile_quiz(tmp_path)], course_name="A/B course")
    categories = moodle_questions(xml)
    expected = {"en": " ".join(HOSTILE["en"].split()), "zh_cn": HOSTILE["zh"]}
    category, questions = categories[0]
    assert category.findtext("category/text") == "$course$/top/A//B course/hostile"
    assert languages(category.findtext("info/text")) == expected
    first = questions[0]
    assert languages(first.findtext("questiontext/text")) == expected
    assert "<script" not in first.findtext("questiontext/text")  # shown as text, never run
    assert languages(first.findall("answer")[0].findtext("feedback/text")) == expected
    assert [a.get("fraction") for a in first.findall("answer")] == ["50", "50", "-100"]
    true_false = questions[1]
    assert {a.findtext("text"): a.get("fraction") for a in true_false.findall("answer")} == {"true": "0", "false": "100"}


def test_special_characters_survive_gift_as_text(tmp_path):
    from coursekit.export.gift import gift

    categories = parse_gift(gift([_hostile_quiz(tmp_path)], course_name="Course"))
    expected = {"en": " ".join(HOSTILE["en"].split()), "zh_cn": HOSTILE["zh"]}
    question = categories[0]["questions"][0]
    assert question["name"] == "hostile/q1"
    assert languages(question["prompt"]) == expected and languages(question["general"]) == expected
    assert languages(question["answers"][0]["text"]) == expected
    assert languages(question["answers"][0]["feedback"]) == expected
    assert [a["weight"] for a in question["answers"]] == [50, 50, -100]
    true_false = categories[0]["questions"][1]
    assert true_false["truefalse"] is False
    assert languages(true_false["wrong_feedback"]) == expected and true_false["right_feedback"] == ""


def test_markdown_in_quiz_text_reaches_moodle_as_html(tmp_path):
    from coursekit.export.moodle import moodle_xml

    quiz = _quiz(tmp_path, """id: hostile
title: {en: "T", zh: "题"}
questions:
  - id: q1
    type: single
    prompt: {en: "Is it a **Must**? See [CBP](https://www.cbp.gov/)", zh: "这是 **Must** 吗？"}
    options:
      - {id: a, text: {en: "Yes", zh: "是"}, correct: true}
      - {id: b, text: {en: "No", zh: "否"}}
""")
    prompt = moodle_questions(moodle_xml([quiz]))[0][1][0].findtext("questiontext/text")
    english = lxml_html.fragment_fromstring(prompt, create_parent="div")[0]
    assert english.find("strong").text == "Must" and english.find("a").get("href") == "https://www.cbp.gov/"


def test_a_traditional_chinese_text_is_added_only_when_asked_for(tmp_path):
    from coursekit.export import question_bank

    quiz = _hostile_quiz(tmp_path)
    assert set(languages(question_bank([quiz])[0].questions[0].prompt)) == {"en", "zh_cn"}
    with_traditional = question_bank([quiz], convert=lambda text: text.replace("粗", "麤"))[0].questions[0].prompt
    assert languages(with_traditional)["zh_tw"] == HOSTILE["zh"].replace("粗", "麤")


def test_a_multiple_answer_question_moodle_cannot_grade_is_refused_by_name(tmp_path):
    from coursekit.export import ExportError, question_bank

    options = "\n".join(f"      - {{id: o{i}, text: {{en: \"o{i}\", zh: \"项{i}\"}}, correct: true}}" for i in range(11))
    quiz = _quiz(tmp_path, f"""id: hostile
title: {{en: "T", zh: "题"}}
questions:
  - id: q9
    type: multiple
    prompt: {{en: "Tick all", zh: "全选"}}
    options:
{options}
      - {{id: x, text: {{en: "x", zh: "叉"}}}}
""")
    with pytest.raises(ExportError, match=r"hostile/q9: a right answer is worth 9\.091%"):
        question_bank([quiz])


@pytest.mark.parametrize("fraction, written", [(1, "100"), (0.5, "50"), (1 / 3, "33.33333"), (1 / 6, "16.66667"),
                                               (1 / 7, "14.28571"), (-1, "-100"), (0, "0")])
def test_grades_are_written_as_moodle_writes_them(fraction, written):
    from coursekit.export import percent

    assert percent(fraction) == written


def test_the_export_package_never_imports_mkdocs():
    import subprocess
    import sys

    code = ("import sys; sys.path.insert(0, 'hooks'); import coursekit.export.moodle, coursekit.export.gift; "
            "print(sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_gift_escapes_its_special_characters_as_moodle_reads_them():
    from coursekit.export.gift import escape

    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


# ---- when the export cannot be made ----------------------------------------------------------------

@pytest.mark.slow
def test_a_site_that_does_not_build_stops_the_export_with_mkdocs_own_message(tmp_path_factory, tmp_path):
    project = lms.mini_project(tmp_path_factory)
    lesson = project / "docs" / f"{lms.LESSON_REL}.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nSee [the seal log](seal-log.md).\n", encoding="utf-8")
    result = lms.run_export(project, tmp_path / "out")
    assert result.returncode == 1
    assert "the site does not build (mkdocs build --strict)" in result.stderr
    assert "seal-log.md" in result.stderr  # MkDocs' own warning, passed on
    assert not list(project.glob(".lms-build*")), "the temporary configuration was left behind"
    assert not list((tmp_path / "out").glob("*.zip"))


def test_a_course_with_problems_stops_the_export_before_building(tmp_path_factory, tmp_path):
    project = lms.mini_project(tmp_path_factory)
    quiz = project / "quizzes" / f"{lms.SELF_CHECK}.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace(", correct: true, feedback: {en: \"Right: only class H.\"",
                                                             ", feedback: {en: \"Right: only class H.\""), encoding="utf-8")
    result = lms.run_export(project, tmp_path / "out")
    assert result.returncode == 1
    assert "the course has problems to fix first" in result.stderr
    assert f"quizzes/{lms.SELF_CHECK}.yml:" in result.stderr and "no option is marked correct" in result.stderr
    assert "Building the site" not in result.stdout

"""The consultancy's settings under ``extra:`` in mkdocs.yml (coursekit.model.settings):
branding, contact, workshops and the course declarations, checked like content. Every
mistake names mkdocs.yml, the line and the key path; nothing is silently dropped.

Most tests read the YAML the way the build does: ``extra`` as MkDocs' own loader gives it and
the same text with lines (``load_config_yaml``). The bad-input corpus is in
``tests/bad_input/settings/`` (README.md there)."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from coursekit.model.settings import Settings, Workshop, check_settings, format_date, split_upcoming
from coursekit.model.source import load_config_yaml

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "bad_input" / "settings"

COURSE = """\
course:
  modules:
    3: {folder: practice, en: Practice on the factory floor, zh: 现场实务}
    1: {folder: foundations, en: CTPAT foundations, zh: CTPAT 基础知识}
  levels:
    foundation: {en: Foundation, zh: 入门}
    advanced: {en: Advanced, zh: 高级}
  audiences:
    manufacturer: {en: Manufacturer, zh: 制造商}
    importer: {en: Importer, zh: 进口商}
  roles:
    guard-loader: {en: Gate guard or loader, zh: 门卫或装柜员}
  criteria:
    seal-security: {en: Seal Security, zh: 封条安全}
"""


def config_text(snippet: str, course: bool = True) -> str:
    """A mkdocs.yml whose ``extra:`` holds ``snippet`` (written at the indentation of extra's
    keys) and, unless told otherwise, a valid course declaration after it."""
    body = textwrap.dedent(snippet).strip("\n") + "\n" + (COURSE if course else "")
    return "site_name: Course\nextra:\n" + textwrap.indent(body, "  ")


def check(snippet: str, docs_dir: Path | None = None, course: bool = True, via: str = "mkdocs"):
    """``(settings, [problem strings sorted as the build's report], mkdocs.yml text)``.

    ``via="mkdocs"``: ``extra`` as MkDocs' loader gives it (dates as dates, module numbers as
    ints); ``via="lines"``: the tree of ``load_config_yaml`` for both (what MkDocs cannot load,
    such as an unquoted impossible date)."""
    text = config_text(snippet, course)
    lines = load_config_yaml(text)
    extra = yaml_load(text)["extra"] if via == "mkdocs" else lines["extra"]
    settings, problems = check_settings(extra, lines, docs_dir)
    return settings, [str(p) for p in sorted(problems, key=lambda p: p.sort_key)], text


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of ``text`` holding ``fragment`` (the expectation's own line count)."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if fragment in line)


@pytest.fixture
def docs(tmp_path) -> Path:
    folder = tmp_path / "docs"
    (folder / "assets" / "brand").mkdir(parents=True)
    (folder / "assets" / "brand" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    return folder


# ---- the whole of extra -------------------------------------------------------------------

def test_the_shipped_mkdocs_yml_has_no_problem():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    settings, problems = check_settings(yaml_load(text)["extra"], load_config_yaml(text), ROOT / "docs")
    assert [str(p) for p in problems] == []
    assert settings.brand_name and settings.modules and settings.levels and settings.audiences


FULL = """\
brand:
  name: {en: Example Training Co., zh: 示例培训公司}
  logo: assets/brand/logo.svg
  footer: Course material for workshop participants.
  contact:
    email: training@example.com
    wechat: example-training
    phone: "+86 755 0000 0000"
workshops:
  - date: 2027-04-22
    title: {en: Preparing for an audit, zh: 如何准备审核}
    city: Online
    language: en
    register: https://example.com/register?course=ctpat&seat=1
    lessons: [audit-validation-prep]
  - date: 2027-03-18
    title: Seals
    city: {en: Shenzhen, zh: 深圳}
    venue: {en: Futian District, zh: 福田区}
    trainer: Li Wei
    language: zh-hant
    register: mailto:training@example.com
    lessons: [seals-vvtt, container-inspection]
  - date: 2027-03-18
    title: Seals, afternoon
    city: Shenzhen
    register: tel:+867550000000
"""


def test_complete_settings_give_everything_the_pages_show(docs):
    settings, problems, _ = check(FULL, docs)
    assert problems == []
    assert settings.brand_name == {"en": "Example Training Co.", "zh": "示例培训公司"}
    footer = "Course material for workshop participants."
    assert settings.footer == {"en": footer, "zh": footer}  # one text serves both languages
    assert settings.logo == "assets/brand/logo.svg"
    assert settings.contact == (
        ("email", "training@example.com", "mailto:training@example.com"),
        ("phone", "+86 755 0000 0000", "tel:+8675500000000"),
        ("wechat", "example-training", ""),
    )
    # Modules in number order, whatever order they are declared in; labels in declared order.
    assert [(m.number, m.folder) for m in settings.modules.values()] == [(1, "foundations"), (3, "practice")]
    assert settings.module_of_folder("practice").number == 3
    assert settings.module_of_folder("misc") is None
    assert list(settings.audiences) == ["manufacturer", "importer"]
    assert settings.label("levels", "advanced", "zh") == {"en": "Advanced", "zh": "高级"}
    assert settings.label("modules", 1, "en") == {"en": "CTPAT foundations", "zh": "CTPAT 基础知识"}
    # Workshops by date; two on one day get their own sign-in sheet address.
    assert [(w.slug, w.title["en"]) for w in settings.workshops] == [
        ("2027-03-18", "Seals"), ("2027-03-18-2", "Seals, afternoon"), ("2027-04-22", "Preparing for an audit")]
    seals = settings.workshops[0]
    assert (seals.date, seals.language, seals.lessons) == (dt.date(2027, 3, 18), "zh-hant",
                                                          ("seals-vvtt", "container-inspection"))
    assert seals.city == {"en": "Shenzhen", "zh": "深圳"} and seals.trainer == {"en": "Li Wei", "zh": "Li Wei"}


@pytest.mark.parametrize("extra", [None, {}, "extra", []], ids=repr)
def test_no_usable_extra_says_what_to_declare(extra):
    settings, problems = check_settings(extra)
    assert isinstance(settings, Settings)
    assert str(problems[0]) == ("mkdocs.yml: extra.course: is missing; declare the course's modules, "
                                "levels, audiences, roles and criteria there")
    # One problem for the missing section, not one more for each key it should hold.
    assert [p.key for p in problems] == ["extra.course"]


def test_without_lines_problems_still_name_the_key():
    extra = yaml_load(config_text("brand: {name: {en: Example}}"))["extra"]
    _, problems = check_settings(extra)
    assert [str(p) for p in problems] == [
        "mkdocs.yml: extra.brand.name: has no Chinese text ('zh'); add 'zh: ...' beside the other "
        "language, or give one text for both"]


# ---- reader-facing texts: one text, or one per language ------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("Example Training Co.", {"en": "Example Training Co.", "zh": "Example Training Co."}),
    ("{en: Example Training Co., zh: 示例培训公司}", {"en": "Example Training Co.", "zh": "示例培训公司"}),
    ('"  Example  "', {"en": "Example", "zh": "Example"}),
    ("2027", {"en": "2027", "zh": "2027"}),
    ('"Tom & Jerry <Training>"', {"en": "Tom & Jerry <Training>", "zh": "Tom & Jerry <Training>"}),
], ids=["plain", "bilingual", "spaces", "number", "markup-kept-as-text"])
def test_a_brand_name_is_one_text_or_one_per_language(value, expected):
    settings, problems, _ = check(f"brand:\n  name: {value}\n")
    assert problems == []
    assert settings.brand_name == expected


@pytest.mark.parametrize("value, key, message", [
    ("{en: Example Training Co.}", "extra.brand.name",
     "has no Chinese text ('zh'); add 'zh: ...' beside the other language, or give one text for both"),
    ("{zh: 示例培训公司}", "extra.brand.name",
     "has no English text ('en'); add 'en: ...' beside the other language, or give one text for both"),
    ('{en: Example, zh: ""}', "extra.brand.name",
     "has no Chinese text ('zh'); add 'zh: ...' beside the other language, or give one text for both"),
    ("{en: Example, zh: 示例, fr: Exemple}", "extra.brand.name.fr",
     "is not a language of the course; give the text as 'en:' and 'zh:' (the Traditional edition is "
     "converted from 'zh')"),
    ("[Example, 示例]", "extra.brand.name",
     "must be text, got [Example, 示例]; write one text, or one per language: '{en: ..., zh: ...}'"),
    ("true", "extra.brand.name",
     "must be text, got 'true'; write one text, or one per language: '{en: ..., zh: ...}'"),
], ids=["english-only", "chinese-only", "empty-chinese", "third-language", "a-list", "a-boolean"])
def test_a_brand_name_in_one_language_only_is_an_error_naming_the_key(value, key, message):
    settings, problems, text = check(f"brand:\n  name: {value}\n")
    assert problems == [f"mkdocs.yml:{line_of(text, '  name:')}: {key}: {message}"]
    assert settings.brand_name == {} or key.endswith(".fr")


# ---- workshop dates --------------------------------------------------------------------------

WORKSHOP = """\
workshops:
  - date: {date}
    title: Seals
    city: Shenzhen
"""


def test_an_impossible_date_names_line_key_and_form():
    """Unquoted, as a consultancy types it: MkDocs' own loader cannot build that date (see the
    settings corpus README), so this reads the tree with lines for both."""
    _, problems, text = check(WORKSHOP.format(date="2027-13-01"), via="lines")
    assert problems == [f"mkdocs.yml:{line_of(text, '2027-13-01')}: extra.workshops[0].date: '2027-13-01' "
                        "is not a date; write YYYY-MM-DD, e.g. 'date: 2027-03-18'"]


MKDOCS_READS_DATES = """\
import importlib.util, json, sys
sys.path.insert(0, "hooks")
spec = importlib.util.spec_from_file_location("ctpat_config_dates", "hooks/sitebuild/config_dates.py")
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
module.install()
from mkdocs.utils.yaml import yaml_load
from coursekit.model.settings import check_settings
from coursekit.model.source import load_config_yaml
text = json.loads(sys.stdin.read())
settings, problems = check_settings(yaml_load(text)["extra"], load_config_yaml(text))
print(json.dumps([[str(p) for p in problems], [w.date.isoformat() for w in settings.workshops]]))
"""


def test_an_unquoted_impossible_date_reaches_the_check_through_mkdocs_own_loader():
    """What `mkdocs build` does once hooks/sitebuild/config_dates.py is loaded (a .pth line
    loads it when mkdocs starts): MkDocs' loader keeps the impossible date as text, valid dates
    stay dates. Run in a fresh interpreter, so the patched loader stays there."""
    text = config_text(WORKSHOP.format(date="2027-13-01") + WORKSHOP.format(date="2027-03-18")
                       .replace("workshops:\n", ""))
    result = subprocess.run([sys.executable, "-c", MKDOCS_READS_DATES], input=json.dumps(text), cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    problems, dates = json.loads(result.stdout)
    assert problems == [f"mkdocs.yml:{line_of(text, '2027-13-01')}: extra.workshops[0].date: '2027-13-01' is "
                        "not a date; write YYYY-MM-DD, e.g. 'date: 2027-03-18'"]
    assert dates == ["2027-03-18"]


@pytest.mark.parametrize("date", ['"2027-13-01"', "18/03/2027", "2027-3-18", '"next spring"', "20270318",
                                  '""'], ids=repr)
def test_a_date_that_is_not_yyyy_mm_dd_is_an_error(date):
    settings, problems, text = check(WORKSHOP.format(date=date))
    shown = "'" + date.strip('"') + "'"
    assert problems == [f"mkdocs.yml:{line_of(text, '- date:')}: extra.workshops[0].date: {shown} is not a "
                        "date; write YYYY-MM-DD, e.g. 'date: 2027-03-18'"]
    assert settings.workshops == ()  # not listed with a wrong date


def test_a_workshop_without_date_is_an_error():
    _, problems, text = check("workshops:\n  - title: Seals\n    city: Shenzhen\n")
    assert problems == [f"mkdocs.yml:{line_of(text, '- title:')}: extra.workshops[0].date: is missing; "
                        "write YYYY-MM-DD, e.g. 'date: 2027-03-18'"]


@pytest.mark.parametrize("date", ["2027-03-18", '"2027-03-18"', "2027-03-18 09:30:00"], ids=repr)
def test_a_date_as_mkdocs_reads_it_is_a_date(date):
    settings, problems, _ = check(WORKSHOP.format(date=date))
    assert problems == []
    assert settings.workshops[0].date == dt.date(2027, 3, 18)


# ---- logo ------------------------------------------------------------------------------------

@pytest.mark.parametrize("logo, expected", [
    ("assets/brand/logo.svg", "assets/brand/logo.svg"),
    ("/assets/brand/logo.svg", "assets/brand/logo.svg"),
], ids=["relative", "leading-slash"])
def test_a_logo_under_docs_is_used(docs, logo, expected):
    settings, problems, _ = check(f"brand:\n  logo: {logo}\n", docs)
    assert problems == [] and settings.logo == expected


def test_a_missing_logo_file_is_an_error(docs):
    settings, problems, text = check("brand:\n  logo: assets/brand/logo.png\n", docs)
    assert problems == [f"mkdocs.yml:{line_of(text, 'logo:')}: extra.brand.logo: 'assets/brand/logo.png' "
                        "does not exist under docs/; add the file docs/assets/brand/logo.png or correct the path"]
    assert settings.logo == ""


@pytest.mark.parametrize("logo", [
    "https://cdn.example.com/logo.svg", "http://example.com/logo.png", "//cdn.example.com/logo.svg",
    "HTTPS://CDN.EXAMPLE.COM/LOGO.SVG", '"data:image/svg+xml;base64,PHN2Zy8+"',
], ids=["https", "http", "protocol-relative", "upper-case", "data-uri"])
def test_a_logo_on_another_host_is_an_error(docs, logo):
    settings, problems, text = check(f"brand:\n  logo: {logo}\n", docs)
    assert problems == [f"mkdocs.yml:{line_of(text, 'logo:')}: extra.brand.logo: '{logo.strip(chr(34))}' is on "
                        "another host; the site loads nothing from other hosts; put the file under docs/ "
                        "(e.g. docs/assets/brand/logo.svg) and give its path"]
    assert settings.logo == ""


def test_a_logo_that_is_not_a_path_is_an_error(docs):
    _, problems, text = check("brand:\n  logo: [a, b]\n", docs)
    assert problems == [f"mkdocs.yml:{line_of(text, 'logo:')}: extra.brand.logo: must be a file path, "
                        "got [a, b]; write e.g. 'assets/brand/logo.svg'"]


# ---- contact ----------------------------------------------------------------------------------

@pytest.mark.parametrize("field, value, expected", [
    ("email", "training@example.com", ("email", "training@example.com", "mailto:training@example.com")),
    ("email", "li.wei+ctpat@example.com.cn", ("email", "li.wei+ctpat@example.com.cn",
                                              "mailto:li.wei+ctpat@example.com.cn")),
    ("phone", '"+86 755 0000 0000"', ("phone", "+86 755 0000 0000", "tel:+8675500000000")),
    ("phone", '"0755-8888 0000"', ("phone", "0755-8888 0000", "tel:075588880000")),
    ("phone", "8675500000000", ("phone", "8675500000000", "tel:8675500000000")),
    ("phone", '"(0755) 8888-0000"', ("phone", "(0755) 8888-0000", "tel:075588880000")),
    ("wechat", "example-training", ("wechat", "example-training", "")),
], ids=["email", "email-plus", "phone-international", "phone-local", "phone-unquoted", "phone-area-code-in-brackets",
        "wechat"])
def test_contact_channels_get_links(field, value, expected):
    settings, problems, _ = check(f"brand:\n  contact:\n    {field}: {value}\n")
    assert problems == [] and settings.contact == (expected,)


@pytest.mark.parametrize("field, value, message", [
    ("email", "training at example.com", "'training at example.com' is not an e-mail address; "
                                         "write e.g. 'email: training@example.com'"),
    ("email", "training@example", "'training@example' is not an e-mail address; "
                                  "write e.g. 'email: training@example.com'"),
    ("email", '"<a@b.com>"', "'<a@b.com>' is not an e-mail address; write e.g. 'email: training@example.com'"),
    ("email", '"a@b.com\\" onclick=\\"x"', "'a@b.com\" onclick=\"x' is not an e-mail address; "
                                           "write e.g. 'email: training@example.com'"),
    ("phone", "call us", "'call us' is not a phone number; write it in quotes with digits, spaces and '+', "
                         "e.g. 'phone: \"+86 755 0000 0000\"'"),
    ("phone", '"123"', "'123' is not a phone number; write it in quotes with digits, spaces and '+', "
                       "e.g. 'phone: \"+86 755 0000 0000\"'"),
    ("phone", "true", "'true' is not a phone number; write it in quotes with digits, spaces and '+', "
                      "e.g. 'phone: \"+86 755 0000 0000\"'"),
    ("wechat", "[a, b]", "must be the WeChat id as text, got [a, b]; write e.g. 'wechat: example-training'"),
], ids=["email-words", "email-no-dot", "email-brackets", "email-quotes", "phone-words", "phone-short",
        "phone-boolean", "wechat-list"])
def test_a_wrong_contact_is_an_error_on_its_line(field, value, message):
    settings, problems, text = check(f"brand:\n  contact:\n    {field}: {value}\n")
    assert problems == [f"mkdocs.yml:{line_of(text, f'{field}:')}: extra.brand.contact.{field}: {message}"]
    assert settings.contact == ()


def test_contact_that_is_not_a_mapping_is_an_error():
    _, problems, text = check("brand:\n  contact: training@example.com\n")
    assert problems == [f"mkdocs.yml:{line_of(text, 'contact:')}: extra.brand.contact: must be a mapping of "
                        "keys, got 'training@example.com'; write 'contact: {email: ..., wechat: ..., phone: ...}'"]


# ---- unknown keys ------------------------------------------------------------------------------

@pytest.mark.parametrize("snippet, where, key, fix", [
    ("brand:\n  logos: assets/brand/logo.svg\n", "logos:", "extra.brand.logos", "did you mean 'logo'?"),
    ("brand:\n  footr: Text\n", "footr:", "extra.brand.footr", "did you mean 'footer'?"),
    ("brand:\n  website: https://example.com\n", "website:", "extra.brand.website",
     "the keys here are: name, logo, share_image, contact, footer"),
    ("brand:\n  contact:\n    mail: a@example.com\n", "mail:", "extra.brand.contact.mail", "did you mean 'email'?"),
    ("brand:\n  contact:\n    fax: 1\n", "fax:", "extra.brand.contact.fax", "the keys here are: email, wechat, phone"),
    ("workshops:\n  - date: 2027-03-18\n    title: T\n    city: C\n    langauge: zh\n", "langauge:",
     "extra.workshops[0].langauge", "did you mean 'language'?"),
    ("workshops:\n  - date: 2027-03-18\n    title: T\n    city: C\n    registration: mailto:a@example.com\n",
     "registration:", "extra.workshops[0].registration", "did you mean 'register'?"),
], ids=["brand-logos", "brand-footr", "brand-website", "contact-mail", "contact-fax", "workshop-langauge",
        "workshop-registration"])
def test_an_unknown_key_is_named_with_a_suggestion(snippet, where, key, fix):
    _, problems, text = check(snippet)
    assert problems == [f"mkdocs.yml:{line_of(text, where)}: {key}: unknown key; {fix}"]


def test_an_unknown_course_key_is_named_and_the_section_it_was_meant_as_is_missing():
    text_course = COURSE.replace("  criteria:", "  criterion:")
    text = "site_name: Course\nextra:\n" + textwrap.indent(text_course, "  ")
    _, problems = check_settings(yaml_load(text)["extra"], load_config_yaml(text))
    assert [str(p) for p in sorted(problems, key=lambda p: p.sort_key)] == [
        f"mkdocs.yml:{line_of(text, 'course:')}: extra.course.criteria: is missing; declare at least one, e.g. "
        "'seal-security: {en: ..., zh: ...}'",
        f"mkdocs.yml:{line_of(text, 'criterion:')}: extra.course.criterion: unknown key; did you mean 'criteria'?",
    ]


# ---- workshops ----------------------------------------------------------------------------------

def workshop(**fields) -> str:
    entry = {"date": "2027-03-18", "title": "Seals", "city": "Shenzhen", **fields}
    return "workshops:\n" + "".join(
        f"{'  - ' if n == 0 else '    '}{k}: {v}\n" for n, (k, v) in enumerate(entry.items()))


@pytest.mark.parametrize("language", ["en", "zh", "zh-hant"])
def test_a_workshop_language_is_an_edition(language):
    settings, problems, _ = check(workshop(language=language))
    assert problems == [] and settings.workshops[0].language == language


EDITIONS_FIX = "write en (English), zh (Simplified Chinese) or zh-hant (Traditional Chinese)"


@pytest.mark.parametrize("language, fix", [
    ("zh-CN", f"did you mean 'zh'? {EDITIONS_FIX}"),
    ("zh-Hant", f"did you mean 'zh-hant'? {EDITIONS_FIX}"),
    ("english", f"did you mean 'en'? {EDITIONS_FIX}"),
    ("fr", EDITIONS_FIX),
    ("de-DE", EDITIONS_FIX),
    ("zn", EDITIONS_FIX),
], ids=["zh-CN", "zh-Hant", "english", "french", "german", "no-guess-from-spelling"])
def test_an_unknown_workshop_language_is_an_error_with_a_suggestion(language, fix):
    settings, problems, text = check(workshop(language=language))
    assert problems == [f"mkdocs.yml:{line_of(text, 'language:')}: extra.workshops[0].language: '{language}' "
                        f"is not a language of the course; {fix}"]
    assert settings.workshops[0].language == ""  # still listed, without a language


@pytest.mark.parametrize("language, meant", [
    ("cn", "zh"), ("zh-TW", "zh-hant"), ("zh-HK", "zh-hant"), ("zh-Hans", "zh"), ("EN", "en"),
])
def test_a_common_language_code_is_answered_with_the_edition_it_means(language, meant):
    # Spelling distance would answer 'cn' with 'en' and 'zh-TW' with 'zh' (Simplified): wrong edition.
    settings, problems, text = check(workshop(language=language))
    assert problems == [f"mkdocs.yml:{line_of(text, 'language:')}: extra.workshops[0].language: '{language}' "
                        f"is not a language of the course; did you mean '{meant}'? {EDITIONS_FIX}"]
    assert settings.workshops[0].language == ""


@pytest.mark.parametrize("register", [
    "https://example.com/register?course=ctpat&seat=1", "http://example.com/register",
    "mailto:training@example.com", "tel:+8675500000000", "tel:+86-755-0000-0000",
], ids=["https", "http", "mailto", "tel", "tel-dashes"])
def test_a_register_link_is_a_web_mail_or_phone_link(register):
    settings, problems, _ = check(workshop(register=register))
    assert problems == [] and settings.workshops[0].register == register


def test_a_tel_register_link_with_spaces_is_refused_naming_the_spaces():
    # Written like brand.contact.phone (which accepts spaces): the message must say what is wrong
    # (the spaces), not that a tel: link is not a tel: link.
    settings, problems, text = check(workshop(register="tel:+86 755 0000 0000"))
    assert problems == [f"mkdocs.yml:{line_of(text, 'register:')}: extra.workshops[0].register: "
                        "'tel:+86 755 0000 0000' contains spaces, quotes or angle brackets; write the link "
                        "without them, e.g. 'register: tel:+867550000000'"]
    assert settings.workshops[0].register == ""


@pytest.mark.parametrize("register", [
    "javascript:alert(1)", "JavaScript:alert(1)", "www.example.com/register",
    "data:text/html,hi", "ftp://example.com/form", "javascript:alert('a b')",
], ids=["javascript", "javascript-mixed-case", "no-scheme", "data", "ftp", "javascript-with-quotes-and-space"])
def test_a_register_link_of_another_scheme_is_an_error(register):
    settings, problems, text = check(workshop(register=register))
    value = yaml_load(f"v: {register}")["v"]
    assert problems == [f"mkdocs.yml:{line_of(text, 'register:')}: extra.workshops[0].register: '{value}' is "
                        "not a web, mailto: or tel: link; write e.g. 'register: mailto:training@example.com' or "
                        "'register: https://...'"]
    assert settings.workshops[0].register == ""


@pytest.mark.parametrize("register", [
    "'https://example.com/\" onclick=\"alert(1)'", "\"https://example.com/'x'\"",
    "https://example.com/<script>", "https://example.com/a form", "'mailto:a@example.com?subject=a\tb'",
], ids=["double-quote", "single-quote", "angle-bracket", "space", "tab"])
def test_a_web_link_that_could_break_out_of_its_attribute_is_an_error(register):
    settings, problems, text = check(workshop(register=register))
    value = yaml_load(f"v: {register}")["v"]
    assert problems == [f"mkdocs.yml:{line_of(text, 'register:')}: extra.workshops[0].register: '{value}' "
                        "contains spaces, quotes or angle brackets; write the link without them, e.g. "
                        "'register: tel:+867550000000'"]
    assert settings.workshops[0].register == ""


@pytest.mark.parametrize("lessons, shown", [
    ("seals-vvtt", "'seals-vvtt'"),
    ("[seals-vvtt, 3]", "[seals-vvtt, 3]"),
    ("[{id: seals-vvtt}]", "[{'id': 'seals-vvtt'}]"),
    ("{seals-vvtt: 1}", "'seals-vvtt: 1'"),
], ids=["a-text", "a-number-in-the-list", "mappings", "a-mapping"])
def test_workshop_lessons_must_be_a_list_of_ids(lessons, shown):
    settings, problems, text = check(workshop(lessons=lessons))
    assert problems == [f"mkdocs.yml:{line_of(text, 'lessons:')}: extra.workshops[0].lessons: must be a list of "
                        f"lesson ids, got {shown}; write e.g. 'lessons: [container-inspection, seals-vvtt]'"]
    assert settings.workshops[0].lessons == ()


@pytest.mark.parametrize("missing", ["title", "city"])
def test_a_workshop_needs_title_and_city(missing):
    entry = workshop().replace(f"    {missing}: {'Seals' if missing == 'title' else 'Shenzhen'}\n", "")
    settings, problems, text = check(entry)
    assert problems == [f"mkdocs.yml:{line_of(text, '- date:')}: extra.workshops[0].{missing}: is missing; "
                        f"write '{missing}: ...' or '{missing}: {{en: ..., zh: ...}}'"]
    assert settings.workshops == ()


@pytest.mark.parametrize("snippet, where, message", [
    ("workshops:\n  date: 2027-03-18\n  title: Seals\n", "workshops:",
     "extra.workshops: must be a list, got 'date: 2027-03-18, title: Seals'; write one '- date: YYYY-MM-DD' "
     "entry per workshop"),
    ("workshops:\n  - 2027-03-18 Seals in Shenzhen\n", "- 2027",
     "extra.workshops[0]: must be a mapping, got '2027-03-18 Seals in Shenzhen'; give it date, title, city, "
     "venue and register"),
], ids=["a-mapping", "a-line-of-text"])
def test_workshops_must_be_a_list_of_mappings(snippet, where, message):
    _, problems, text = check(snippet)
    assert problems == [f"mkdocs.yml:{line_of(text, where)}: {message}"]


# ---- the course declarations ---------------------------------------------------------------------

MODULES = """\
course:
  modules:
    1: {folder: foundations, en: CTPAT foundations, zh: CTPAT 基础知识}
    2: {en: The Minimum Security Criteria, zh: 最低安全标准}
    3: {folder: Practice, en: Practice, zh: 现场实务}
    4: {folder: foundations, en: Mutual recognition, zh: 互认安排}
    5: {folder: extra, en: Extra lessons}
    five: {folder: more, en: More, zh: 更多}
    6: Practice on the factory floor
    7: {folder: seven, foldr: seven, en: Seven, zh: 七}
  levels: {foundation: {en: Foundation, zh: 入门}}
  audiences: {importer: {en: Importer, zh: 进口商}}
  roles: {guard-loader: {en: Guard, zh: 门卫}}
  criteria: {seal-security: {en: Seal Security, zh: 封条安全}}
"""

MODULE_PROBLEMS = [  # (line fragment, key path end, problem; fix)
    ("2: {en", "[2].folder", "must name the module's folder under lessons/, got nothing; write e.g. "
                             "'folder: foundations' (lower-case letters, digits and hyphens)"),
    ("3: {folder", "[3].folder", "must name the module's folder under lessons/, got 'Practice'; write e.g. "
                                 "'folder: foundations' (lower-case letters, digits and hyphens)"),
    ("4: {folder", "[4].folder", "'foundations' is also module 1's folder; give each module its own folder"),
    ("5: {folder", "[5]", "has no Chinese text ('zh'); add 'zh: ...' beside the other language, or give one "
                          "text for both"),
    ("five:", ".five", "'five' is not a module number; write e.g. '1: {folder: foundations, en: ..., zh: ...}'"),
    ("6: Practice", "[6]", "must be {folder: ..., en: ..., zh: ...}, got 'Practice on the factory floor'; give "
                           "the module's folder under lessons/ and its title in both languages"),
    ("7: {folder", "[7].foldr", "unknown key; did you mean 'folder'?"),
]


def test_module_declarations_need_a_folder_of_their_own_and_both_titles():
    settings, problems = check_settings(yaml_load(config_text(MODULES, course=False))["extra"])
    assert sorted((p.key, f"{p.problem}; {p.fix}") for p in problems) == sorted(
        (f"extra.course.modules{end}", message) for _, end, message in MODULE_PROBLEMS)
    assert [(m.number, m.folder) for m in settings.modules.values()] == [(1, "foundations"), (7, "seven")]


def test_a_module_problem_is_on_the_module_s_own_line():
    text = config_text(MODULES, course=False)
    _, problems = check_settings(yaml_load(text)["extra"], load_config_yaml(text))
    assert sorted((p.line, p.key) for p in problems) == sorted(
        (line_of(text, fragment), f"extra.course.modules{end}") for fragment, end, _ in MODULE_PROBLEMS)


@pytest.mark.parametrize("section, value, key, message", [
    ("levels", "[foundation, advanced]", "extra.course.levels",
     "must be a mapping of keys, got [foundation, advanced]; write e.g. 'foundation: {en: ..., zh: ...}'"),
    ("audiences", "{Customs_Broker: {en: Customs broker, zh: 报关行}}", "extra.course.audiences.Customs_Broker",
     "'Customs_Broker' is not a usable id; use lower-case letters, digits and hyphens, e.g. 'gate-guard'"),
    ("roles", "{guard-loader: {en: Gate guard}}", "extra.course.roles.guard-loader",
     "has no Chinese text ('zh'); add 'zh: ...' beside the other language, or give one text for both"),
    ("criteria", "{seal-security: }", "extra.course.criteria.seal-security",
     "is missing; write 'seal-security: ...' or 'seal-security: {en: ..., zh: ...}'"),
    ("levels", None, "extra.course.levels",
     "is missing; declare at least one, e.g. 'foundation: {en: ..., zh: ...}'"),
    ("modules", None, "extra.course.modules",
     "is missing; declare each module, e.g. '1: {folder: foundations, en: ..., zh: ...}'"),
], ids=["levels-a-list", "audience-id", "role-one-language", "criterion-empty", "levels-missing", "modules-missing"])
def test_course_labels_are_ids_with_both_languages(section, value, key, message):
    course = re.sub(rf"(?m)^  {section}:\n(    .*\n)+", f"  {section}: {value}\n" if value else "", COURSE)
    text = "site_name: Course\nextra:\n" + textwrap.indent(course, "  ")
    _, problems = check_settings(yaml_load(text)["extra"], load_config_yaml(text))
    line = line_of(text, f"  {section}:" if value else "course:")
    assert [str(p) for p in problems] == [f"mkdocs.yml:{line}: {key}: {message}"]


@pytest.mark.parametrize("section, fix", [
    ("modules", "declare each module, e.g. '1: {folder: foundations, en: ..., zh: ...}'"),
    ("levels", "declare at least one, e.g. 'foundation: {en: ..., zh: ...}'"),
    ("audiences", "declare at least one, e.g. 'importer: {en: ..., zh: ...}'"),
    ("roles", "declare at least one, e.g. 'gate-guard: {en: ..., zh: ...}'"),
    ("criteria", "declare at least one, e.g. 'seal-security: {en: ..., zh: ...}'"),
])
def test_an_empty_course_section_is_reported(section, fix):
    # An empty section would otherwise drop every lesson that uses it without a word.
    course = re.sub(rf"(?m)^  {section}:\n(    .*\n)+", f"  {section}: {{}}\n", COURSE)
    text = "site_name: Course\nextra:\n" + textwrap.indent(course, "  ")
    _, problems = check_settings(yaml_load(text)["extra"], load_config_yaml(text))
    assert [str(p) for p in problems] == [
        f"mkdocs.yml:{line_of(text, f'  {section}: {{}}')}: extra.course.{section}: is empty; {fix}"]


# ---- every problem: key path and line --------------------------------------------------------------

EVERYTHING_WRONG = """\
brand:
  name: {en: Example, zh: 示例, fr: Exemple}
  footer: [a, b]
  logo: https://cdn.example.com/logo.svg
  logos: x
  contact: {email: nope, phone: call us, wechat: [a], fax: 1}
workshops:
  - date: 18/03/2027
    title: {en: Seals}
    city: Shenzhen
    language: fr
    register: javascript:alert(1)
    lessons: seals-vvtt
    langauge: zh
  - 2027-04-22
course:
  modules:
    1: {folder: Foundations, en: CTPAT foundations, zh: CTPAT 基础知识}
    2: {folder: practice, en: Practice, zh: 实务, foldr: x}
  levels: {Foundation: {en: Foundation, zh: 入门}}
  audiences: {importer: {en: Importer}}
  roles: {guard-loader: [a]}
  criteria: {seal-security: {en: Seal Security, zh: 封条安全, jp: x}}
  criterion: {}
"""


def _points_at_its_key(problem, text: str) -> bool:
    line = text.split("\n")[problem.line - 1]
    last = re.findall(r"\[\d+\]|[^.\[\]]+", problem.key)[-1]
    return line.strip().startswith("-") if last.startswith("[") else f"{last}:" in line


@pytest.mark.parametrize("via", ["lines", "mkdocs"])
def test_every_problem_carries_its_key_path_and_the_line_of_that_key(via):
    text = config_text(EVERYTHING_WRONG, course=False)
    lines = load_config_yaml(text)
    extra = yaml_load(text)["extra"] if via == "mkdocs" else lines["extra"]
    _, problems = check_settings(extra, lines)
    assert len(problems) >= 20
    for problem in problems:
        assert problem.path == "mkdocs.yml" and problem.key.startswith("extra."), problem
        assert problem.line and _points_at_its_key(problem, text), str(problem)
        assert str(problem).startswith(f"mkdocs.yml:{problem.line}: {problem.key}: ")


# ---- dates on the pages ----------------------------------------------------------------------------

@pytest.mark.parametrize("date, language, expected", [
    (dt.date(2027, 3, 18), "en", "18 March 2027"),
    (dt.date(2027, 12, 1), "en", "1 December 2027"),
    (dt.date(2027, 3, 18), "zh", "2027 年 3 月 18 日"),
    (dt.date(2027, 12, 1), "zh-hant", "2027 年 12 月 1 日"),
])
def test_format_date_reads_naturally_in_each_edition(date, language, expected):
    assert format_date(date, language) == expected


def _workshop(day: dt.date) -> Workshop:
    return Workshop(day.isoformat(), day, {"en": "T", "zh": "T"}, {}, {}, "", "", {}, ())


def test_split_upcoming_keeps_today_upcoming_and_shows_the_latest_past_first():
    days = [dt.date(2027, 1, 5), dt.date(2027, 3, 18), dt.date(2027, 3, 19), dt.date(2027, 2, 1)]
    upcoming, past = split_upcoming(sorted(map(_workshop, days), key=lambda w: w.date), dt.date(2027, 3, 18))
    assert [w.date for w in upcoming] == [dt.date(2027, 3, 18), dt.date(2027, 3, 19)]
    assert [w.date for w in past] == [dt.date(2027, 2, 1), dt.date(2027, 1, 5)]


def test_split_upcoming_with_no_workshops():
    assert split_upcoming((), dt.date(2027, 1, 1)) == ([], [])


# ---- the bad-input corpus ----------------------------------------------------------------------------

def _settings_cases() -> list:
    cases = []
    for path in sorted(BAD.glob("*.yml")):
        xfail = path.with_name(f"{path.stem}.xfail.txt")
        marks = [pytest.mark.xfail(strict=True, reason=xfail.read_text(encoding="utf-8").splitlines()[0])] \
            if xfail.exists() else []
        cases.append(pytest.param(path.stem, marks=marks, id=path.stem))
    return cases


@pytest.mark.parametrize("case", _settings_cases())
def test_bad_settings_give_exactly_the_expected_messages(case):
    text = (BAD / f"{case}.yml").read_text(encoding="utf-8")
    expected = (BAD / f"{case}.expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{case}.expected.txt is empty: a settings case is a mistake with its messages"
    _, problems = check_settings(yaml_load(text)["extra"], load_config_yaml(text), BAD / "docs")
    assert [str(p) for p in sorted(problems, key=lambda p: p.sort_key)] == expected


def test_every_settings_case_has_its_expected_messages():
    cases = {p.stem for p in BAD.glob("*.yml")}
    expected = {p.name[:-len(".expected.txt")] for p in BAD.glob("*.expected.txt")}
    assert cases == expected and len(cases) >= 10

"""Packages for a client's LMS: ``python3 tools/lms_export.py --out DIR``.

Writes into DIR:

- ``ctpat-scorm-en.zip``, ``ctpat-scorm-zh.zip`` (and ``ctpat-scorm-zh-hant.zip`` when the
  Traditional edition is built): SCORM 1.2 packages, one edition each, one SCO for the whole
  course. The launch page ``scorm.html`` (tools/lms/launcher/) shows the edition's home page
  in a frame and reports score, status and progress to the LMS from the progress the course's
  own pages keep in the browser.
- ``questions-moodle.xml`` and ``questions.gift``: every self-check and the final
  assessment's pool, bilingual in Moodle's multi-language filter markup.

The site is built once, with ``--strict``, from a temporary configuration next to
mkdocs.yml (``INHERIT: mkdocs.yml``, file URLs that name their file, no language switcher),
its links are checked (tools/check_links.py), and every link inside each package must
resolve to a file in that package before it is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
LAUNCHER = HERE / "lms" / "launcher"
SCHEMAS = HERE / "lms" / "schemas"
SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(HERE))

from check_links import check_site  # noqa: E402
from coursekit.export import ExportError, quiz_order  # noqa: E402
from coursekit.export.gift import gift  # noqa: E402
from coursekit.export.moodle import moodle_xml  # noqa: E402
from coursekit.languages import DEFAULT, Edition  # noqa: E402
from coursekit.model.course import load_course  # noqa: E402
from coursekit.model.source import load_config_yaml  # noqa: E402

LAUNCH_PAGE = "scorm.html"
# Pages an LMS never serves: the 404 page's links start at the host's root by design.
LEFT_OUT = ("404.html",)
SUSPEND_LIMIT = 4096  # SCORM 1.2's cmi.suspend_data
# The launch page's own words, per edition (the course's pages bring their own).
LAUNCHER_TEXT = {
    "en": {"no_lms": "No learning management system (LMS) was found: your progress is kept in this "
                     "browser only and nothing is reported.",
           "noscript": "This course needs JavaScript. Without it, open the course here:"},
    "zh": {"no_lms": "未找到学习管理系统（LMS）：学习进度只保存在本浏览器中，不会上报。",
           "noscript": "本课程需要启用 JavaScript。未启用时，请从这里打开课程："},
    "zh-hant": {"no_lms": "找不到學習管理系統（LMS）：學習進度只儲存在本瀏覽器中，不會回報。",
                "noscript": "本課程需要啟用 JavaScript。未啟用時，請從這裡開啟課程："},
}
NS_CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
NS_ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"


class ExportFailed(Exception):
    """The export cannot go on; the message says why and what to do."""


# ---- links inside a package ---------------------------------------------------------------------

class _Links(HTMLParser):
    """The URLs an HTML page links to or loads: [(tag, attribute, value)]."""

    ATTRIBUTES = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src",
                  "iframe": "src", "frame": "src", "source": "src", "video": "src", "audio": "src",
                  "track": "src", "embed": "src", "object": "data", "input": "src"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = self.ATTRIBUTES.get(tag)
        if name and attrs.get(name) is not None:
            self.found.append((tag, name, attrs[name]))
        if tag in ("img", "source") and attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                if candidate.strip():
                    self.found.append((tag, "srcset", candidate.split()[0]))
        if tag == "video" and attrs.get("poster"):
            self.found.append((tag, "poster", attrs["poster"]))

    handle_startendtag = handle_starttag


_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""")


def links_of(name: str, data: bytes) -> list[tuple[str, str]]:
    """``[(kind, url)]`` of one package file: ``kind`` is ``link`` (a reader follows it) or
    ``load`` (the browser fetches it with the page)."""
    if name.endswith((".html", ".htm")):
        parser = _Links()
        parser.feed(data.decode("utf-8", errors="replace"))
        parser.close()
        return [("link" if tag in ("a", "area") else "load", value) for tag, _, value in parser.found]
    if name.endswith(".css"):
        text = data.decode("utf-8", errors="replace")
        found = [next(g for g in m.groups() if g is not None) for m in _CSS_URL.finditer(text)]
        found += [next(g for g in m.groups() if g is not None) for m in _CSS_IMPORT.finditer(text)]
        return [("load", url) for url in found]
    return []


def link_target(name: str, url: str) -> tuple[str | None, str | None]:
    """``(package path, None)`` for a link inside the package, ``(None, problem)`` for one that
    cannot work there, ``(None, None)`` for what is not the package's business (another host
    for a reader to follow, mailto:, a fragment of the same page)."""
    url = url.strip()
    if not url or url.startswith("#"):
        return None, None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, None
    if url.startswith("/"):
        return None, "starts at the host's root, which is the LMS's, not the package's"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
    if target == ".." or target.startswith("../"):
        return None, "points outside the package"
    if parts.path.endswith("/") or target == ".":
        return None, "names a folder; an LMS serves files by exact path and maps no folder to index.html"
    return target, None


def broken_links(files: dict[str, bytes]) -> list[str]:
    """Every link or load in the package's HTML and CSS files that does not resolve to one of
    its files, or loads from another host: ``"page: 'url' problem"``. ``files``: package path ->
    content (a zip's members)."""
    problems = []
    for name in sorted(files):
        for kind, url in links_of(name, files[name]):
            parts = urlsplit(url.strip())
            if kind == "load" and parts.scheme in ("http", "https", "") and parts.netloc:
                problems.append(f"{name}: '{url}' loads from another host")
                continue
            if kind == "link" and parts.scheme.lower() in ("javascript", "vbscript"):
                problems.append(f"{name}: '{url}' runs script")
                continue
            target, problem = link_target(name, url)
            if problem:
                problems.append(f"{name}: '{url}' {problem}")
            elif target is not None and target not in files:
                problems.append(f"{name}: '{url}' points to {target}, which is not in the package")
    return problems


def zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}


# ---- the configuration --------------------------------------------------------------------------

@dataclass
class Course:
    root: Path
    config: dict
    editions: list[str]                 # built editions, the default first
    names: dict[str, str]               # edition -> its site name
    site_name: str


def read_config(root: Path) -> Course:
    path = root / "mkdocs.yml"
    config = load_config_yaml(path.read_text(encoding="utf-8"))
    if not isinstance(config, dict):
        raise ExportFailed(f"{path} cannot be read as YAML: run 'mkdocs build' to see the mistake")
    site_name = str(config.get("site_name") or "Course")
    editions, names = [], {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in (plugin["i18n"] or {}).get("languages") or []:
                if language.get("build", True) is False:
                    continue
                code = str(language["locale"])
                editions.append(code)
                names[code] = str(language.get("site_name") or site_name)
    if not editions:
        editions, names = [DEFAULT], {DEFAULT: site_name}
    editions.sort(key=lambda code: code != DEFAULT)
    return Course(root, config, editions, names, site_name)


# ---- the build ----------------------------------------------------------------------------------

LMS_CONFIG = """\
# Written by tools/lms_export.py for one build, then removed.
INHERIT: mkdocs.yml
# LMS players serve files by exact path and map no folder to index.html.
use_directory_urls: false
site_url: ""
extra:
  package: lms
"""


def build_site(root: Path, site: Path) -> None:
    """``mkdocs build --strict`` of the project with the LMS settings, into ``site``."""
    handle, config = tempfile.mkstemp(prefix=".lms-build-", suffix=".yml", dir=root)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(LMS_CONFIG)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)]
        # A package is served over http by the LMS: never the file:// (offline) variant.
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CTPAT_OFFLINE": "false"}
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
    finally:
        Path(config).unlink(missing_ok=True)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise ExportFailed(f"the site does not build (mkdocs build --strict):\n{output[-8000:]}")
    broken = check_site(site)
    if broken:
        listed = "\n".join(f"  {link}" for link in broken[:50])
        raise ExportFailed(f"{len(broken)} broken link(s) in the built site (tools/check_links.py):\n{listed}")


# ---- one edition's package ----------------------------------------------------------------------

@dataclass
class Package:
    edition: str
    files: dict[str, bytes] = field(default_factory=dict)   # package path -> content
    settings: dict = field(default_factory=dict)


class _Assessment(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: dict | None = None
        self.lang = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang") or ""
        if "data-ctpat-assessment" in attrs and self.found is None:
            self.found = {"id": attrs.get("data-id"), "hash": attrs.get("data-hash"),
                          "pass": int(attrs.get("data-pass-mark") or 0)}


def _edition_files(site: Path, edition: str, editions: list[str]) -> dict[str, Path]:
    """The site's files of one edition: English = all but the other editions' folders; another
    edition = its folder, the shared assets/ and any other shared file its pages use."""
    prefixes = {code: Edition(code).prefix for code in editions}
    others = tuple(p for code, p in prefixes.items() if code != edition and p)
    everything = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}
    everything = {rel: p for rel, p in everything.items() if rel not in LEFT_OUT}
    own = prefixes[edition]
    if not own:
        return {rel: p for rel, p in everything.items() if not rel.startswith(others)}
    chosen = {rel: p for rel, p in everything.items() if rel.startswith((own, "assets/"))}
    pending = list(chosen)
    while pending:  # shared files the pages load (none today beside assets/); never a page of
        name = pending.pop()  # the English edition: such a link is reported as broken instead
        for _, url in links_of(name, chosen[name].read_bytes()):
            target, _ = link_target(name, url)
            if (target and target not in chosen and target in everything and not target.startswith(others)
                    and not target.endswith((".html", ".htm"))):
                chosen[target] = everything[target]
                pending.append(target)
    return chosen


def _quiz_settings(site: Path, edition: str, files: dict[str, Path]) -> tuple[list, dict | None, str]:
    prefix = Edition(edition).prefix
    catalog_path = site / prefix / "library" / "catalog.json"
    if not catalog_path.is_file():
        raise ExportFailed(f"{prefix}library/catalog.json is missing from the built site")
    catalog = json.loads(catalog_path.read_text(encoding="utf-8"))
    quizzes, seen = [], set()
    for lesson in catalog.get("lessons", []):
        quiz = lesson.get("quiz")
        if quiz and quiz["id"] not in seen:
            seen.add(quiz["id"])
            quizzes.append({"id": quiz["id"], "hash": quiz["hash"], "pass": quiz["pass_mark"]})
    assessment, lang = None, ""
    for rel, path in files.items():
        if rel.endswith(".html") and rel.startswith(prefix):
            parser = _Assessment()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            if rel == f"{prefix}index.html":
                lang = parser.lang
            if parser.found and assessment is None:
                assessment = parser.found
    return quizzes, assessment, lang


def suspend_worst_case(quizzes: list, assessment: dict | None) -> int:
    """The longest suspend_data the launcher writes without answers (every quiz passed, 100 %,
    dated in year 2199, the assessment attempted 99,999 times)."""
    entries = [f"|{q['id']}.hhhh.100.pa.65535." for q in quizzes]
    if assessment:
        entries.append(f"|{assessment['id']}.hhhh.100.pa.65535.99999")
    return len("C1" + "".join(entries))


def launch_page(settings: dict, lang: str, title: str, text: dict) -> bytes:
    template = (LAUNCHER / LAUNCH_PAGE).read_text(encoding="utf-8")
    data = json.dumps(settings, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>: no "</" can end the block early, no "<!--" can open a comment state.
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    page = (template.replace("@@SETTINGS@@", data)
            .replace("@@LANG@@", escape(lang or "en"))
            .replace("@@TITLE@@", escape(title))
            .replace("@@NOSCRIPT@@", escape(text["noscript"]))
            .replace("@@HOME@@", escape(settings["home"])))
    return page.encode("utf-8")


def manifest(package: Package, title: str) -> bytes:
    ET.register_namespace("", NS_CP)
    ET.register_namespace("adlcp", NS_ADLCP)
    ET.register_namespace("xsi", NS_XSI)
    digest = hashlib.sha256()
    for name in sorted(package.files):
        digest.update(name.encode("utf-8") + b"\0" + package.files[name])
    root = ET.Element(f"{{{NS_CP}}}manifest", {
        "identifier": f"ctpat-course-{package.edition}", "version": digest.hexdigest()[:12],
        f"{{{NS_XSI}}}schemaLocation": f"{NS_CP} imscp_rootv1p1p2.xsd {NS_ADLCP} adlcp_rootv1p2.xsd"})
    metadata = ET.SubElement(root, f"{{{NS_CP}}}metadata")
    ET.SubElement(metadata, f"{{{NS_CP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{NS_CP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{NS_CP}}}organizations", {"default": "ctpat-organization"})
    organization = ET.SubElement(organizations, f"{{{NS_CP}}}organization", {"identifier": "ctpat-organization"})
    ET.SubElement(organization, f"{{{NS_CP}}}title").text = title
    item = ET.SubElement(organization, f"{{{NS_CP}}}item", {
        "identifier": "ctpat-course", "identifierref": "ctpat-sco", "isvisible": "true"})
    ET.SubElement(item, f"{{{NS_CP}}}title").text = title
    # No adlcp:masteryscore: the LMS would then set passed/failed from the score on its own,
    # and a self-check average above it would pass a trainee who never took the assessment.
    resources = ET.SubElement(root, f"{{{NS_CP}}}resources")
    resource = ET.SubElement(resources, f"{{{NS_CP}}}resource", {
        "identifier": "ctpat-sco", "type": "webcontent", f"{{{NS_ADLCP}}}scormtype": "sco", "href": LAUNCH_PAGE})
    for name in sorted(package.files, key=lambda n: (n != LAUNCH_PAGE, n)):
        ET.SubElement(resource, f"{{{NS_CP}}}file", {"href": name})
    ET.indent(root, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def make_package(site: Path, course: Course, edition: str) -> Package:
    files = _edition_files(site, edition, course.editions)
    quizzes, assessment, lang = _quiz_settings(site, edition, files)
    home = f"{Edition(edition).prefix}index.html"
    if home not in files:
        raise ExportFailed(f"the {edition} edition has no home page ({home})")
    if suspend_worst_case(quizzes, assessment) > SUSPEND_LIMIT:
        raise ExportFailed(f"the course has too many quizzes for SCORM 1.2's {SUSPEND_LIMIT} characters of "
                           "suspend_data: shorten quiz ids or split the course")
    text = LAUNCHER_TEXT.get(edition) or LAUNCHER_TEXT[DEFAULT]
    settings = {"edition": edition, "home": home, "quizzes": quizzes, "assessment": assessment,
                "strings": {"no_lms": text["no_lms"]}}
    package = Package(edition, {rel: path.read_bytes() for rel, path in files.items()}, settings)
    title = course.names.get(edition, course.site_name)
    package.files[LAUNCH_PAGE] = launch_page(settings, lang, title, text)
    package.files["scorm.js"] = (LAUNCHER / "scorm.js").read_bytes()
    broken = broken_links(package.files)
    if broken:
        listed = "\n".join(f"  {problem}" for problem in broken[:50])
        raise ExportFailed(f"{len(broken)} link(s) of the {edition} package do not resolve inside it:\n{listed}")
    for name in SCHEMA_FILES:
        package.files[name] = (SCHEMAS / name).read_bytes()
    content = {n: d for n, d in package.files.items() if n not in SCHEMA_FILES}
    package.files["imsmanifest.xml"] = manifest(Package(edition, content), title)
    return package


def write_zip(package: Package, path: Path) -> None:
    """A reproducible zip: the manifest first, then every file in order, one fixed date."""
    order = sorted(package.files, key=lambda n: (n != "imsmanifest.xml", n))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, package.files[name])


# ---- the question bank --------------------------------------------------------------------------

def question_files(course: Course) -> tuple[str, str]:
    model = load_course(course.root, course.config.get("extra") or {}, course.config)
    if model.problems:
        listed = "\n".join(f"  {problem}" for problem in model.problems)
        raise ExportFailed(f"the course has problems to fix first:\n{listed}")
    convert = None
    if "zh-hant" in course.editions:
        from coursekit.model.glossary import traditional_phrases
        from coursekit.traditional import Converter

        convert = Converter(traditional_phrases(model.glossary))
    quizzes = quiz_order(model)
    comment = (f"{course.site_name}: question bank written by tools/lms_export.py from quizzes/*.yml. "
               "Names are <quiz id>/<question id>. Turn on the multi-language content filter.")
    try:
        return (moodle_xml(quizzes, convert=convert, course_name=course.site_name, comment=comment),
                gift(quizzes, convert=convert, course_name=course.site_name, comment=comment))
    except ExportError as exc:
        raise ExportFailed(str(exc)) from None


# ---- the command --------------------------------------------------------------------------------

def export(root: Path, out: Path, log=print) -> list[Path]:
    """Build the site and write every package and question file into ``out``; return them."""
    course = read_config(root)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    moodle, gift_text = question_files(course)  # before the build: a course problem stops at once
    with tempfile.TemporaryDirectory(prefix="ctpat-lms-") as temp:
        site = Path(temp) / "site"
        log(f"Building the site for the LMS ({', '.join(course.editions)})...")
        build_site(root, site)
        for edition in course.editions:
            package = make_package(site, course, edition)
            path = out / f"ctpat-scorm-{edition}.zip"
            write_zip(package, path)
            written.append(path)
            log(f"{path}: SCORM 1.2, {edition}, {len(package.files)} files, "
                f"{path.stat().st_size / 1e6:.1f} MB")
    for name, text in (("questions-moodle.xml", moodle), ("questions.gift", gift_text)):
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
        log(f"{path}: question bank")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the SCORM 1.2 packages and the Moodle question bank.")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the files into")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    args = parser.parse_args(argv)
    try:
        export(args.root.resolve(), args.out.resolve())
    except ExportFailed as exc:
        print(f"lms_export: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

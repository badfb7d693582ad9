"""Certificates of attendance for a workshop: ``python3 tools/certificates.py ATTENDEES.csv``.

Reads an attendee list (CSV with a header row: ``name,company`` and optionally ``role``)
for a workshop of ``extra.workshops`` in mkdocs.yml (``--workshop 2027-03-18``, or the date at
the start of the file name, e.g. ``attendees/2027-03-18-shenzhen.csv``) and writes, under
``--out`` (default ``certificates/<workshop>/``), ``certificates.html``: one bilingual A4
certificate per person with the workshop, date, lessons, trainer, a certificate ID and a QR
code to the site's verification page. It adds each certificate's fingerprint (SHA-256 of its
ID and the name, never the name itself) to ``data/certificates.json``; rebuild and publish
the site so that ``/verify/`` knows them. ``--pdf`` also prints the certificates to PDF
(needs the optional ``pdf`` extra and Chromium, see README.md).

Keep attendee lists out of the repository: they hold personal data.
"""

from __future__ import annotations

import argparse
import base64
import csv
import mimetypes
import re
import sys
from pathlib import Path

from markupsafe import Markup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from coursekit.model.certificates import add_certificates, fingerprint, new_id  # noqa: E402
from coursekit.model.course import load_course  # noqa: E402
from coursekit.model.settings import format_date  # noqa: E402
from coursekit.model.source import load_config_yaml  # noqa: E402
from coursekit.render import render  # noqa: E402

DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def read_attendees(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    people = []
    for number, row in enumerate(rows, 2):
        row = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if not row.get("name"):
            raise SystemExit(f"{path}:{number}: no name; the first row names the columns: name,company[,role]")
        people.append({"name": row["name"], "company": row.get("company", ""), "role": row.get("role", "")})
    if not people:
        raise SystemExit(f"{path}: no attendees; write a header row 'name,company' and one row per person")
    return people


def data_uri(path: Path) -> str:
    """The logo as a data: URL in an <img>, where an SVG's scripts never run."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("attendees", type=Path, help="CSV file: name,company[,role]")
    parser.add_argument("--workshop", help="the workshop's date (YYYY-MM-DD), as in extra.workshops")
    parser.add_argument("--out", type=Path, help="folder for certificates.html (default certificates/<workshop>/)")
    parser.add_argument("--pdf", action="store_true", help="also write certificates.pdf (Chromium)")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this checkout)")
    args = parser.parse_args(argv)
    config = load_config_yaml((args.root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    course = load_course(args.root, config.get("extra") or {}, config)
    wanted = args.workshop or (DATE.match(args.attendees.name) or [None, None])[1]
    workshops = {w.slug: w for w in course.settings.workshops}
    workshop = workshops.get(wanted or "")
    if workshop is None:
        known = ", ".join(workshops) or "none"
        raise SystemExit(f"no workshop '{wanted}' in extra.workshops of mkdocs.yml (workshops: {known}); "
                         "give --workshop YYYY-MM-DD")
    people = read_attendees(args.attendees)
    titles = course.titles()
    site_url = (config.get("site_url") or "").rstrip("/")
    settings = course.settings
    certificates, entries = [], []
    for person in people:
        certificate_id = new_id(workshop.slug)
        verify = f"{site_url}/verify/#id={certificate_id}" if site_url else ""
        qr = ""
        if verify:
            import segno

            # segno writes the SVG from the URL's bits alone: no author text reaches it
            qr = Markup(segno.make(verify, error="m").svg_inline(scale=3, omitsize=True))
        certificates.append({**person, "id": certificate_id, "verify": verify, "qr": qr})
        entries.append({"fingerprint": fingerprint(certificate_id, person["name"]),
                        "workshop": workshop.slug, "date": workshop.date.isoformat()})
    out = args.out or args.root / "certificates" / workshop.slug
    out.mkdir(parents=True, exist_ok=True)
    logo = data_uri(args.root / "docs" / settings.logo) if settings.logo else ""
    html = render("certificate.html", certificates=certificates, workshop=workshop,
                  date_en=format_date(workshop.date, "en"), date_zh=format_date(workshop.date, "zh"),
                  lessons=[titles.get(i, {"en": i}) for i in workshop.lessons],
                  brand=settings.brand_name, logo=logo,
                  verify_page=f"{site_url}/verify/" if site_url else "/verify/")
    target = out / "certificates.html"
    target.write_text(str(html), encoding="utf-8")
    add_certificates(args.root, entries)
    if not site_url:
        print("note: mkdocs.yml has no site_url, so the certificates carry no QR code and name "
              "the verification page as /verify/; set site_url for a full address", file=sys.stderr)
    print(f"wrote {len(certificates)} certificate(s) to {target}; added their fingerprints to "
          "data/certificates.json: rebuild and publish the site so /verify/ knows them")
    if args.pdf:
        from make_pdfs import pdf_of_files

        pdf_of_files([target], out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Certificates of attendance that anyone can verify without a published list of names.

``tools/certificates.py`` issues one certificate per attendee: an ID that cannot be guessed
and, in ``data/certificates.json``, the certificate's *fingerprint*: SHA-256 of its ID and
the attendee's name, normalised. The site's verification page publishes only fingerprints
(with the workshop and date); whoever holds the paper certificate types its ID and name, and
the page recomputes the fingerprint in the browser (verify.js does the same normalisation).
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import unicodedata
from pathlib import Path

CERTIFICATES_FILE = "data/certificates.json"
ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read from paper without doubt


def normalise_name(name: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip().lower()


def normalise_id(certificate_id: str) -> str:
    return re.sub(r"\s+", "", certificate_id).upper()


def fingerprint(certificate_id: str, name: str) -> str:
    text = normalise_id(certificate_id) + "\n" + normalise_name(name)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def new_id(workshop_slug: str) -> str:
    """``CT-20270318-7F3K-9Q2M``: the workshop's date and eight random characters."""
    random_part = "".join(secrets.choice(ID_ALPHABET) for _ in range(8))
    return f"CT-{workshop_slug.replace('-', '')[:8]}-{random_part[:4]}-{random_part[4:]}"


def read_certificates(root: Path) -> list[dict]:
    """The issued certificates' fingerprints (empty when none were issued)."""
    path = Path(root) / CERTIFICATES_FILE
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [entry for entry in data.get("certificates", [])
            if isinstance(entry, dict) and re.fullmatch(r"[0-9a-f]{64}", str(entry.get("fingerprint", "")))]


def add_certificates(root: Path, entries: list[dict]) -> None:
    """Append fingerprints (``{"fingerprint", "workshop", "date"}``) to the published list."""
    path = Path(root) / CERTIFICATES_FILE
    existing = read_certificates(root)
    known = {entry["fingerprint"] for entry in existing}
    merged = existing + [entry for entry in entries if entry["fingerprint"] not in known]
    path.write_text(json.dumps({"certificates": merged}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

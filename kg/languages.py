"""The languages kg reads: each has a resource file in ``kg/resources/lang`` (its words,
read by :mod:`kg.extract.lang`), and every stage that names places or countries in the
articles' languages asks here which they are, so a third language is a new file.

>>> "en" in available() and "id" in available()
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["LANG_DIR", "available"]

LANG_DIR = Path(__file__).resolve().parent / "resources" / "lang"


def available() -> tuple[str, ...]:
    """Codes of the languages that have a resource file."""
    return tuple(sorted(p.stem for p in LANG_DIR.glob("*.yaml") if p.stem != "schema"))

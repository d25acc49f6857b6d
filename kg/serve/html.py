"""Small HTML building blocks; every piece of text from data goes through :func:`esc`.

>>> esc('<script>alert("x")</script>')
'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
>>> link("javascript:alert(1)", "x")
'x'

An IRI under the dataset's base links to its page on this server, whatever host the IRIs
name, and shows the full IRI as the link's title:

>>> iri_link("https://example.org/kg/id/russia", base="https://example.org/kg/")
'<a href="/id/russia" title="https://example.org/kg/id/russia">/id/russia</a>'
>>> iri_link("http://www.wikidata.org/entity/Q159", base="https://example.org/kg/", text="Q159")
'<a href="http://www.wikidata.org/entity/Q159" title="http://www.wikidata.org/entity/Q159">Q159</a>'
"""

from __future__ import annotations

import html
from urllib.parse import quote

from kg.rdf.namespaces import PREFIXES

__all__ = [
    "esc",
    "iri_link",
    "iri_name",
    "link",
    "local_path",
    "page",
    "pick_label",
    "preferred_languages",
]


def esc(text: str) -> str:
    """``text`` escaped for HTML content and attribute values."""
    return html.escape(text, quote=True)


def link(
    href: str,
    text: str,
    *,
    css: str | None = None,
    title: str | None = None,
    rel: str | None = None,
) -> str:
    """A link; only http(s) and local (``/``) targets become links, anything else plain text.

    >>> link("/id/x?list=evidence&page=2", "next page", rel="next")
    '<a href="/id/x?list=evidence&amp;page=2" rel="next">next page</a>'
    """
    if not (href.startswith(("http://", "https://")) or href.startswith("/")):
        return esc(text)
    safe = quote(href, safe=":/?#[]@!$&'()*+,;=%-._~")
    cls = f' class="{esc(css)}"' if css else ""
    tip = f' title="{esc(title)}"' if title else ""
    relation = f' rel="{esc(rel)}"' if rel else ""
    return f'<a href="{esc(safe)}"{cls}{tip}{relation}>{esc(text)}</a>'


def local_path(iri: str, base: str) -> str | None:
    """The path on this server of an IRI under ``base`` (served at the root), else None.

    >>> local_path("https://example.org/kg/ontology#Deployment", "https://example.org/kg/")
    '/ontology#Deployment'
    >>> local_path("https://example.org/other", "https://example.org/kg/") is None
    True
    """
    if base and iri.startswith(base):
        return "/" + iri[len(base) :]
    return None


def iri_name(iri: str, base: str) -> str:
    """How an IRI without a label reads: a prefixed name for the vocabularies kg uses,
    the path on this server for one under the base, else the IRI itself.

    >>> iri_name("https://schema.org/headline", "https://example.org/kg/")
    'schema:headline'
    >>> iri_name("https://example.org/kg/id/location/kazakhstan", "https://example.org/kg/")
    '/id/location/kazakhstan'
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return local_path(iri, base) or iri


def iri_link(iri: str, *, base: str, text: str | None = None) -> str:
    """A link to ``iri``: to its page here when it is under ``base``, else to the IRI
    itself; ``text`` (default :func:`iri_name`) is shown and the full IRI is the title."""
    href = local_path(iri, base) or iri
    return link(href, iri_name(iri, base) if text is None else text, title=iri)


def preferred_languages(accept_language: str | None) -> list[str]:
    """Language tags from Accept-Language, best first, with their primary subtags.

    >>> preferred_languages("id-ID,id;q=0.9,en;q=0.5")
    ['id-id', 'id', 'en']
    """
    ranked = []
    for index, part in enumerate((accept_language or "").split(",")):
        tag, *params = (p.strip() for p in part.split(";"))
        if not tag or tag == "*":
            continue
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, index, tag.lower()))
    out: list[str] = []
    for _, _, tag in sorted(ranked):
        for candidate in (tag, tag.split("-")[0]):
            if candidate not in out:
                out.append(candidate)
    return out


def pick_label(labels: list[tuple[str, str | None]], languages: list[str]) -> str | None:
    """The label to show: in the first preferred language that has one, else English, else
    any; within a language a full name before an acronym or an all-capitals form."""
    if not labels:
        return None

    def rank(item: tuple[str, str | None]) -> tuple[bool, int, str]:
        text = item[0]
        return (text.isupper() and len(text) > 4, -len(text) if len(text) < 80 else 0, text)

    for lang in [*languages, "en"]:
        matching = [lab for lab in labels if (lab[1] or "").lower().split("-")[0] == lang]
        if matching:
            return min(matching, key=rank)[0]
    return min(labels, key=rank)[0]


def page(title: str, body: str, *, lang: str = "en", head: str = "") -> str:
    """A complete page with kg's stylesheet and navigation; ``title`` is escaped here."""
    return (
        f'<!doctype html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{esc(title)} · kg</title><link rel="icon" href="data:,">'
        f'<link rel="stylesheet" href="/static/kg.css">{head}'
        '</head><body><header><a href="/" class="brand">kg</a> <nav>'
        '<a href="/">query</a> <a href="/sparql">service</a> '
        '<a href="/.well-known/void">VoID</a> <a href="/dumps/dataset.trig">dump</a></nav></header>'
        f"<main>{body}</main></body></html>\n"
    )

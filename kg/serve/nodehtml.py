"""The HTML of a resource's page (:mod:`kg.serve.pages`) from what its queries found.

Statements are grouped by property, one table body a property: its name and count in
the first row, then one row a value with the graphs that state it, then, for a list
longer than a page, where the page stands (``1–50 of 1,159``), the previous and next
pages and a link that opens the list's query on the query page. Evidence, provenance
and the statements that refer to the resource follow, paged the same way. Items of a
page are sorted by what the reader sees (a label, a headline, a value). Every piece of
text from data goes through :func:`kg.serve.html.esc`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from urllib.parse import quote, urlencode

from rdflib import RDFS, Graph, Literal

from kg.rdf.namespaces import KGO
from kg.serve import nodequeries as q
from kg.serve.describe import ONTOLOGY
from kg.serve.events import ACTOR_PROPERTIES
from kg.serve.html import esc, iri_link, iri_name, link, local_path, pick_label
from kg.serve.pagedata import Group
from kg.serve.paging import ListName, Want
from kg.serve.values import Statements, group_digits, value_html
from kg.store.base import Term

__all__ = ["Content", "View", "ontology_labels", "render"]


_EVENT_ROLES = frozenset(KGO + name for name in ACTOR_PROPERTIES)
"""The properties by which an event names an entity: its page links to their timeline."""
_EVENTS_LINK = "Timeline and map of its deployments and protests"


@lru_cache(maxsize=1)
def ontology_labels() -> dict[str, list[tuple[str, str | None]]]:
    """Labels of the ontology's terms (English and Indonesian), by IRI."""
    labels: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    if ONTOLOGY.is_file():
        g = Graph()
        g.parse(ONTOLOGY, format="turtle")
        for s, o in g.subject_objects(RDFS.label):
            if isinstance(o, Literal):
                labels[str(s)].append((str(o), o.language))
    return dict(labels)


class View:
    """What one page needs to render values: labels, languages, the base, and the
    statements of the counts and dates the page shows as text."""

    def __init__(
        self,
        base: str,
        labels: dict[str, list[tuple[str, str | None]]],
        langs: list[str],
        values: dict[str, Statements],
    ) -> None:
        self.base = base
        self.labels = labels
        self.langs = langs
        self.lang = langs[0].split("-")[0] if langs else "en"
        self.values = values

    def name(self, iri: str) -> str:
        found = pick_label(self.labels.get(iri, []) + ontology_labels().get(iri, []), self.langs)
        return found or iri_name(iri, self.base)

    def iri(self, iri: str, text: str | None = None) -> str:
        """A link to the IRI's page here (under the base) or elsewhere; the IRI as title."""
        return iri_link(iri, base=self.base, text=self.name(iri) if text is None else text)

    def text(self, props: Statements) -> str | None:
        """A count or a date as text (see :mod:`kg.serve.values`), or None."""
        return value_html(props, name=self.name, lang=self.lang)

    def number(self, n: int) -> str:
        """A count as the reader writes it (``1,159``; ``1.159`` in Indonesian)."""
        return group_digits(str(n), self.lang)

    def count(self, n: int) -> str:
        """A list's total after its name; nothing for one item."""
        return f' <span class="count">({self.number(n)})</span>' if n > 1 else ""

    def sort_key(self, term: Term) -> tuple[str, str]:
        return (
            (self.name(term.value) if term.kind == "iri" else term.value).casefold(),
            term.value,
        )

    def value(self, term: Term) -> str:
        if term.kind == "iri":
            shown = self.text(self.values.get(term.value, {}))
            if shown is not None:
                node = link(
                    local_path(term.value, self.base) or term.value,
                    "node",
                    css="node",
                    title=term.value,
                )
                return f'<span class="value">{shown}</span> {node}'
            return self.iri(term.value)
        if term.kind == "bnode":
            return esc(f"_:{term.value}")
        note = ""
        if term.language:
            note = f' <span class="tag">@{esc(term.language)}</span>'
        elif term.datatype and not term.datatype.endswith("#string"):
            note = f' <span class="tag">{esc(self.name(term.datatype))}</span>'
        return f"{esc(term.value)}{note}"


@dataclass
class Content:
    """What a page shows, as :mod:`kg.serve.pages` gathered it."""

    out: list[Group]
    incoming: list[Group]
    evidence: list[dict[str, Term]]
    evidence_total: int
    graphs: list[str]
    graph_total: int
    provenance: dict[str, list[dict[str, Term]]]
    stated_in: dict[tuple[str, Term], list[str]]
    view: View
    reports: list[dict[str, Term]] = field(default_factory=list)
    reports_total: int = 0


class _Render:
    """The HTML of a page from its :class:`Content`."""

    def __init__(self, view: View, node: Term, want: Want, path: str) -> None:
        self.view, self.node, self.want, self.path = view, node, want, path

    def body(self, title: str, content: Content, *, own: str | None) -> str:
        view, want = self.view, self.want
        parts = [f"<h1>{esc(title)}</h1>", f'<p class="iri">{esc(self.node.value)}</p>']
        if own is not None:
            parts.append(f'<p class="value">{own}</p>')
        if any(g.prop in _EVENT_ROLES and g.total for g in content.incoming):
            events = link("/events?actor=" + quote(self.node.value, safe=""), _EVENTS_LINK)
            parts.append(f'<p class="alt">{events}</p>')
        if want.name is None:
            parts.append(
                '<p class="alt">Also as <a href="?format=turtle">Turtle</a> · '
                '<a href="?format=jsonld">JSON-LD</a> · <a href="?format=ntriples">N-Triples</a>'
                "</p>"
            )
        else:
            back = link(self.path, title)
            parts.append(f'<p class="alt">One list of the page of {back}.</p>')
        if content.reports:
            parts.append(self.reports(content))
        if any(g.rows for g in content.out) or want.name is ListName.STATEMENTS:
            parts.append(self.statements(content))
        if content.evidence or want.name is ListName.EVIDENCE:
            total = content.evidence_total
            parts.append(f"<h2>Evidence{view.count(total)}</h2>")
            parts.extend(self.quote(row) for row in content.evidence)
            more = self.more(ListName.EVIDENCE, None, total, q.evidence_sparql(self.node))
            parts.append(f'<p class="more alt">{more}</p>' if more else "")
        if content.graphs or want.name is ListName.PROVENANCE:
            parts.append(self.provenance(content))
        if any(g.rows for g in content.incoming) or want.name is ListName.REFERENCES:
            parts.append(self.references(content))
        return "".join(parts)

    def more(self, name: ListName, prop: str | None, total: int, sparql: str) -> str:
        """Where a list stands (``1–50 of 1,159``) with its previous and next pages and its
        query on the query page; empty for a list that fits on one page."""
        want = replace(self.want, name=name, prop=prop)
        shown = min(total, want.offset + want.size)
        if total <= want.size and want.page == 1:
            return ""
        number = self.view.number
        parts = [f"{number(want.offset + 1)}–{number(shown)} of {number(total)}"]
        if want.page > 1:
            href = want.href(self.path, want.page - 1)
            parts.append(link(href, "previous page", rel="prev"))
        if shown < total:
            parts.append(link(want.href(self.path, want.page + 1), "next page", rel="next"))
        parts.append(link("/?" + urlencode({"text": sparql}), "open the query"))
        return " · ".join(parts)

    def reports(self, content: Content) -> str:
        """A real-world event's reports side by side: one row a report with its source,
        publication date, status, figures, dates and first quote; past a page, a link to
        the event-reports query with every report."""
        view = self.view
        heads = ("report", "source", "published", "status", "troops", "participants")
        parts = [
            f"<h2>Reports{view.count(content.reports_total)}</h2>"
            '<div class="table-scroll"><table class="results-table"><thead><tr>'
            + "".join(f"<th>{h}</th>" for h in (*heads, "start", "end", "quote"))
            + "</tr></thead><tbody>"
        ]
        for row in content.reports:

            def cell(name: str, row: dict[str, Term] = row) -> str:
                return view.value(row[name]) if name in row else ""

            article = row.get("article")
            source = ""
            if article is not None:
                headline = row["headline"].value if "headline" in row else None
                source = view.iri(article.value, headline)
                if "publisher" in row:
                    source = f"{esc(row['publisher'].value)}: {source}"
            quote = f"<q>{esc(row['quote'].value)}</q>" if "quote" in row else ""
            cells = [
                view.iri(row["report"].value, "report"),
                source,
                esc(row["published"].value) if "published" in row else "",
                view.iri(row["status"].value) if "status" in row else "",
                *(cell(name) for name in ("troops", "participants", "start", "end")),
                quote,
            ]
            parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        parts.append("</tbody></table></div>")
        if content.reports_total > len(content.reports):
            every = "/queries/event-reports?" + urlencode({"event": self.node.value})
            shown = view.number(len(content.reports))
            total = view.number(content.reports_total)
            parts.append(
                f'<p class="more alt">{shown} of {total} · {link(every, "every report")}</p>'
            )
        return "".join(parts)

    def statements(self, content: Content) -> str:
        view = self.view
        parts = [
            "<h2>Statements</h2><table><thead><tr><th>property</th><th>value</th>"
            "<th>stated in</th></tr></thead>"
        ]
        for group in content.out:
            parts.append("<tbody>")
            rows = sorted(group.rows, key=lambda r: view.sort_key(r["o"]))
            for number, row in enumerate(rows):
                head = view.iri(group.prop) + view.count(group.total) if number == 0 else ""
                graphs = self.stated_in(group.prop, row, content.stated_in)
                parts.append(
                    f"<tr><td>{head}</td><td>{view.value(row['o'])}</td><td>{graphs}</td></tr>"
                )
            sparql = q.statements_sparql(self.node, Term.iri(group.prop))
            more = self.more(ListName.STATEMENTS, group.prop, group.total, sparql)
            if more:
                head = "" if rows else view.iri(group.prop) + view.count(group.total)
                parts.append(f'<tr class="more"><td>{head}</td><td colspan="2">{more}</td></tr>')
            parts.append("</tbody>")
        parts.append("</table>")
        return "".join(parts)

    def stated_in(
        self, prop: str, row: dict[str, Term], found: dict[tuple[str, Term], list[str]]
    ) -> str:
        """The graphs that state one statement: all of them up to ``GRAPHS_SHOWN``
        (:mod:`kg.serve.paging`), else one and how many more, with the query that lists
        them."""
        count = int(row["graphs"].value)
        graphs = sorted(found.get((prop, row["o"]), []))
        if not graphs and "graph" in row:
            graphs = [row["graph"].value]
        shown = ", ".join(self.view.iri(g) for g in graphs)
        if count <= len(graphs):
            return shown
        sparql = q.stated_in_sparql(self.node, Term.iri(prop), row["o"])
        rest = link(
            "/?" + urlencode({"text": sparql}), f"{self.view.number(count - len(graphs))} more"
        )
        return f"{shown} and {rest}" if shown else rest

    def quote(self, row: dict[str, Term]) -> str:
        view = self.view
        article = row["article"].value
        headline = row["headline"].value if "headline" in row else view.name(article)
        publisher = f", {esc(row['publisher'].value)}" if "publisher" in row else ""
        return (
            f'<figure class="evidence"><blockquote>{esc(row["quote"].value)}</blockquote>'
            f"<figcaption>{view.iri(article, headline)}"
            f"{publisher}, characters {esc(row['start'].value)}–{esc(row['end'].value)}"
            "</figcaption></figure>"
        )

    def provenance(self, content: Content) -> str:
        view = self.view
        parts = [
            f"<h2>Provenance{view.count(content.graph_total)}</h2><table><thead><tr>"
            "<th>graph</th><th>derived from</th><th>activity</th><th>tool</th><th>by</th>"
            "<th>ended</th></tr></thead><tbody>"
        ]
        for graph in sorted(content.graphs):
            rows = content.provenance.get(graph) or [{"g": Term.iri(graph)}]
            for row in sorted(rows, key=lambda r: r["kind"].value if "kind" in r else ""):
                agents = (
                    sorted(a for a in row["agents"].value.split("\n") if a)
                    if "agents" in row
                    else []
                )
                cells = [
                    view.iri(graph),
                    view.iri(row["article"].value) if "article" in row else "",
                    view.iri(row["kind"].value) if "kind" in row else "",
                    view.value(row["tool"]) if "tool" in row else "",
                    esc(", ".join(agents)),
                    view.value(row["ended"]) if "ended" in row else "",
                ]
                parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        sparql = q.provenance_sparql(self.node)
        more = self.more(ListName.PROVENANCE, None, content.graph_total, sparql)
        parts.append("</tbody></table>")
        if more:
            parts.append(f'<p class="more alt">{more}</p>')
        return "".join(parts)

    def references(self, content: Content) -> str:
        view = self.view
        parts = [
            "<h2>Referenced by</h2><table><thead><tr><th>property</th><th>from</th></tr></thead>"
        ]
        for group in content.incoming:
            parts.append("<tbody>")
            rows = sorted(group.rows, key=lambda r: view.sort_key(r["x"]))
            for number, row in enumerate(rows):
                head = view.iri(group.prop) + view.count(group.total) if number == 0 else ""
                parts.append(f"<tr><td>{head}</td><td>{view.iri(row['x'].value)}</td></tr>")
            sparql = q.references_sparql(self.node, Term.iri(group.prop))
            more = self.more(ListName.REFERENCES, group.prop, group.total, sparql)
            if more:
                head = "" if rows else view.iri(group.prop) + view.count(group.total)
                parts.append(f'<tr class="more"><td>{head}</td><td>{more}</td></tr>')
            parts.append("</tbody>")
        parts.append("</table>")
        return "".join(parts)


def render(content: Content, node: Term, want: Want, *, path: str, title: str) -> str:
    """The ``<main>`` of the page of ``node`` (at ``path``): every list's first page, or
    the page of one list that ``want`` names."""
    view = content.view
    own: dict[str, list[Term]] = {g.prop: [r["o"] for r in g.rows] for g in content.out}
    shown = view.text(own) if want.name is None else None
    return _Render(view, node, want, path).body(title, content, own=shown)

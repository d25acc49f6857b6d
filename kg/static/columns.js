// The column picker of a result table: one checkbox a column, above the table. Columns
// that another one shows (an IRI beside its label, a count's bounds and phrase) start
// hidden and say where they are shown. Used by the query page (after each run) and by a
// named query's page (its server-rendered table). No inline script: the CSP forbids it.
"use strict";

(function () {
  function show(table, index, visible) {
    for (const row of table.rows) {
      if (row.cells[index]) row.cells[index].hidden = !visible;
    }
  }

  function picker(table) {
    const heads = Array.from(table.tHead.rows[0].cells);
    const details = document.createElement("details");
    details.className = "columns";
    const summary = document.createElement("summary");
    const list = document.createElement("div");
    list.className = "column-list";
    const boxes = [];

    function count() {
      const shown = boxes.filter((box) => box.checked).length;
      summary.textContent = "Columns: " + shown + " of " + boxes.length + " shown";
    }

    heads.forEach(function (th, index) {
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = !th.hidden;
      box.value = th.textContent;
      box.addEventListener("change", function () {
        show(table, index, box.checked);
        count();
      });
      const label = document.createElement("label");
      label.append(box, " " + th.textContent);
      if (th.dataset.shownIn) {
        const note = document.createElement("span");
        note.className = "tag";
        note.textContent = " (in " + th.dataset.shownIn + ")";
        label.append(note);
      }
      boxes.push(box);
      list.append(label);
    });
    count();
    details.append(summary, list);
    return details;
  }

  // Puts the picker before the table's scrolling box (or the table itself).
  window.kgColumns = function (table) {
    if (!table.tHead || table.dataset.columns === "true") return;
    table.dataset.columns = "true";
    const box = table.parentElement.classList.contains("table-scroll")
      ? table.parentElement
      : table;
    box.before(picker(table));
  };

  for (const table of document.querySelectorAll("table.results-table")) {
    window.kgColumns(table);
  }
})();

/* mkdocs-prd: sorting and filtering for the PRD index. No framework, no network.
 *
 * The server renders a complete table; this script only adds behaviour:
 * click a column heading to sort (again to reverse), filter by status, owner and
 * free text, status badges in the summary act as filters, and a count of visible
 * rows. Init is idempotent and re-runs on each page of Material's instant
 * navigation (document$), else once on DOMContentLoaded.
 */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell ? cell.getAttribute("data-prd-sort") || "" : "";
  }

  function compare(a, b, numeric) {
    if (numeric) return parseFloat(a) - parseFloat(b);
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function sortTable(table, index, numeric, descending) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (x, y) {
      var a = cellValue(x, index), b = cellValue(y, index);
      // Empty values stay last in both directions; ties keep the server's order.
      if (!a || !b) {
        if (a !== b) return a ? -1 : 1;
      } else {
        var c = compare(a, b, numeric);
        if (c !== 0) return descending ? -c : c;
      }
      return x.prdOrder - y.prdOrder;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function setup(root) {
    if (root.hasAttribute("data-prd-ready")) return;
    root.setAttribute("data-prd-ready", "");
    var tables = Array.prototype.slice.call(root.querySelectorAll("table[data-prd-table]"));
    var rows = [];
    tables.forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (row, i) {
        row.prdOrder = i;
        row.prdText = row.textContent.toLowerCase();
        rows.push(row);
      });
    });
    var state = { status: "", owner: "", text: "", column: null, descending: false };
    var controls = root.querySelector(".prd-index__controls");
    var statusSelect = root.querySelector('select[data-prd-filter="status"]');
    var ownerSelect = root.querySelector('select[data-prd-filter="owner"]');
    var textInput = root.querySelector('input[data-prd-filter="text"]');
    // Any other select (the traceability matrix's priority and verified) filters rows
    // on the attribute data-prd-<its name>.
    var extraSelects = Array.prototype.filter.call(root.querySelectorAll("select[data-prd-filter]"), function (s) {
      var key = s.getAttribute("data-prd-filter");
      return key !== "status" && key !== "owner";
    });
    var count = root.querySelector("[data-prd-count]");
    var empty = root.querySelector("[data-prd-empty]");
    var template = root.getAttribute("data-prd-count-template") || "{shown} / {total}";
    var chips = [];

    // PRDs, not rows: with group_by: owner a PRD of two owners has a row in each group.
    function distinct(list) {
      var seen = {}, n = 0;
      list.forEach(function (row) {
        var key = row.getAttribute("data-prd-key");
        if (key === null) { n += 1; return; }
        if (!Object.prototype.hasOwnProperty.call(seen, key)) { seen[key] = true; n += 1; }
      });
      return n;
    }
    var total = distinct(rows);

    function apply() {
      var visibleRows = [];
      rows.forEach(function (row) {
        var ok = (!state.status || row.getAttribute("data-prd-status") === state.status) &&
          // Several owners are listed ";"-separated: the row matches any of them.
          (!state.owner || (row.getAttribute("data-prd-owner") || "").split(";").indexOf(state.owner) !== -1) &&
          (!state.text || row.prdText.indexOf(state.text) !== -1) &&
          extraSelects.every(function (s) {
            return !s.value || row.getAttribute("data-prd-" + s.getAttribute("data-prd-filter")) === s.value;
          });
        row.hidden = !ok;
        if (ok) visibleRows.push(row);
      });
      var shown = distinct(visibleRows);
      tables.forEach(function (table) {
        // A group whose rows are all filtered out disappears with its heading.
        var visible = Array.prototype.some.call(table.tBodies[0].rows, function (r) { return !r.hidden; });
        table.hidden = !visible && (tables.length > 1 || rows.length > 0);
        // The table sits in its scroll box; the group heading comes before that box.
        var box = table.closest(".prd-index__scroll") || table;
        box.hidden = table.hidden;
        var heading = box.previousElementSibling;
        if (heading && heading.classList.contains("prd-index__group")) heading.hidden = table.hidden;
      });
      chips.forEach(function (chip) {
        chip.setAttribute("aria-pressed", String(chip.getAttribute("data-prd-value") === state.status && !!state.status));
      });
      if (statusSelect) statusSelect.value = state.status;
      if (count) count.textContent = template.replace("{shown}", shown).replace("{total}", total);
      // Filtering down to nothing says so, instead of leaving an empty table.
      if (empty) empty.hidden = shown > 0;
      markRuns();
      markOverflow();
    }

    // A cell with data-prd-run (the matrix's PRD) shows its text once per run of equal
    // values among the visible rows, in their current order.
    function markRuns() {
      tables.forEach(function (table) {
        var previous = null;
        Array.prototype.forEach.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (row) {
          var cell = row.querySelector("[data-prd-run]");
          if (!cell || row.hidden) return;
          var value = cell.getAttribute("data-prd-run");
          cell.classList.toggle("prd-index__repeat", value === previous);
          previous = value;
        });
      });
    }

    function sortBy(th) {
      var column = th.getAttribute("data-prd-col");
      state.descending = state.column === column ? !state.descending : false;
      state.column = column;
      var numeric = th.getAttribute("data-prd-type") === "num";
      tables.forEach(function (table) {
        var heads = table.tHead ? table.tHead.rows[0].cells : [];
        Array.prototype.forEach.call(heads, function (h, index) {
          if (h.getAttribute("data-prd-col") === column) {
            h.setAttribute("aria-sort", state.descending ? "descending" : "ascending");
            sortTable(table, index, numeric, state.descending);
            markRuns();
          } else {
            h.removeAttribute("aria-sort");
          }
        });
      });
    }

    tables.forEach(function (table) {
      if (!table.tHead) return;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "prd-index__sort";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        button.addEventListener("click", function () { sortBy(th); });
        // The server order is sorted by the configured column: the first click reverses it.
        if (th.hasAttribute("aria-sort")) {
          state.column = th.getAttribute("data-prd-col");
          state.descending = th.getAttribute("aria-sort") === "descending";
        }
      });
    });

    Array.prototype.forEach.call(root.querySelectorAll("[data-prd-filter-status]"), function (item) {
      var chip = document.createElement("button");
      chip.type = "button";
      chip.className = "prd-index__status-filter";
      chip.setAttribute("data-prd-value", item.getAttribute("data-prd-filter-status"));
      chip.setAttribute("aria-pressed", "false");
      while (item.firstChild) chip.appendChild(item.firstChild);
      item.appendChild(chip);
      chip.addEventListener("click", function () {
        var value = chip.getAttribute("data-prd-value");
        state.status = state.status === value ? "" : value;
        apply();
      });
      chips.push(chip);
    });

    // A scroll box is a tab stop only while its table is wider than it (keyboard scrolling);
    // otherwise it would be an empty stop, e.g. around the stacked cards of a narrow screen.
    var boxes = Array.prototype.slice.call(root.querySelectorAll(".prd-index__scroll"));
    function markOverflow() {
      boxes.forEach(function (box) {
        if (box.scrollWidth > box.clientWidth + 1) box.setAttribute("tabindex", "0");
        else box.removeAttribute("tabindex");
      });
    }
    if (typeof ResizeObserver === "function") {
      var observer = new ResizeObserver(markOverflow);
      boxes.forEach(function (box) { observer.observe(box); });
      tables.forEach(function (table) { observer.observe(table); });
    }

    if (controls) controls.hidden = false;
    if (statusSelect) statusSelect.addEventListener("change", function () { state.status = statusSelect.value; apply(); });
    if (ownerSelect) ownerSelect.addEventListener("change", function () { state.owner = ownerSelect.value; apply(); });
    extraSelects.forEach(function (s) { s.addEventListener("change", apply); });
    if (textInput) textInput.addEventListener("input", function () { state.text = textInput.value.trim().toLowerCase(); apply(); });
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-prd-index]"), setup);
  }

  if (typeof window.document$ !== "undefined" && window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

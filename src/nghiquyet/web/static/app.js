/* nghiquyet pages: small behaviours htmx does not cover. Local file, no other host. */
(function () {
  "use strict";

  // Upload progress: htmx reports the XHR's progress on the form that sent it.
  document.addEventListener("htmx:xhr:progress", function (evt) {
    var bar = document.getElementById("upload-progress");
    if (bar && evt.detail.lengthComputable && evt.detail.total > 0) {
      bar.value = Math.round((evt.detail.loaded / evt.detail.total) * 100);
      bar.textContent = bar.value + "%";
    }
  });

  // Review screen: an item's button highlights the source lines it was read from.
  function highlight(button) {
    var from = parseInt(button.getAttribute("data-line"), 10);
    var to = parseInt(button.getAttribute("data-line-end") || button.getAttribute("data-line"), 10);
    if (!from) { return; }
    document.querySelectorAll(".source li.hl").forEach(function (li) { li.classList.remove("hl"); });
    clearMarks();
    document.querySelectorAll(".item.active").forEach(function (it) { it.classList.remove("active"); });
    var first = null;
    for (var n = from; n <= Math.max(from, to); n++) {
      var li = document.getElementById("L" + n);
      if (li) { li.classList.add("hl"); first = first || li; }
    }
    var item = button.closest(".item");
    if (item) { item.classList.add("active"); }
    // An item that shares its line with others (a page on one line, "(1) … (2) …") is marked at its place.
    var column = parseInt(button.getAttribute("data-column"), 10);
    var mark = first && column >= 0 ? markSpan(first, column, button.getAttribute("data-text") || "") : null;
    var status = document.getElementById("hl-status");
    if (status) {
      status.textContent = "Đang tô sáng dòng " + from + (to > from ? "–" + to : "") +
        (mark ? ", từ ký tự " + (column + 1) : "") + " của văn bản.";
    }
    var shown = mark || first;
    if (shown) { shown.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }

  function clearMarks() {
    document.querySelectorAll(".source mark.hl-span").forEach(function (m) {
      var tx = m.parentNode;
      tx.textContent = tx.textContent;
    });
  }

  // Where the item's words start in the line as shown: the occurrence of its opening words nearest
  // its column (the column counts in the normalised text, which may space a few characters
  // differently), else the column itself.
  function locate(shown, column, text) {
    var probe = text.slice(0, 30).trim();
    var best = -1;
    for (var at = probe ? shown.indexOf(probe) : -1; at >= 0; at = shown.indexOf(probe, at + 1)) {
      if (best < 0 || Math.abs(at - column) < Math.abs(best - column)) { best = at; }
    }
    return best >= 0 ? best : (column < shown.length ? column : -1);
  }

  function markSpan(li, column, text) {
    clearMarks();
    var tx = li.querySelector(".tx");
    if (!tx) { return null; }
    var shown = tx.textContent;
    var start = locate(shown, column, text);
    if (start < 0) { return null; }
    var end = Math.min(shown.length, start + Math.max(text.length, 1));
    var mark = document.createElement("mark");
    mark.className = "hl-span";
    mark.textContent = shown.slice(start, end);
    tx.textContent = "";
    tx.append(shown.slice(0, start), mark, shown.slice(end));
    return mark;
  }

  document.addEventListener("click", function (evt) {
    var button = evt.target.closest("[data-line]");
    if (button && button.matches("button, a")) { highlight(button); }
  });

  // A link to a source line (#L12, from a search hit) highlights it the way an item's button does.
  function highlightHash() {
    var m = /^#L(\d+)$/.exec(window.location.hash);
    if (!m || !document.getElementById("L" + m[1])) { return; }
    var probe = document.createElement("a");
    probe.setAttribute("data-line", m[1]);
    highlight(probe);
  }
  document.addEventListener("DOMContentLoaded", highlightHash);
  window.addEventListener("hashchange", highlightHash);

  // Quick target editor: rows of metric / comparator / value / unit / year. Tab from the last field
  // of the last row adds a row and moves into it (unless that row is still empty: then Tab leaves
  // the table as usual); "Thêm dòng" does the same.
  function fieldsOf(row) {
    return Array.prototype.slice.call(row.querySelectorAll("input:not([type=hidden]), select"));
  }

  function numberRows(form) {
    form.querySelectorAll("[data-rows] [data-row]").forEach(function (row, i) {
      var n = i + 1;
      row.querySelector("[data-row-number]").textContent = n;
      row.querySelectorAll("[data-label]").forEach(function (field) {
        field.setAttribute("aria-label", field.getAttribute("data-label") + ", dòng " + n);
      });
    });
  }

  function addRow(form) {
    var template = form.querySelector("template[data-row-template]");
    var row = template.content.querySelector("[data-row]").cloneNode(true);
    form.querySelector("[data-rows]").appendChild(row);
    numberRows(form);
    fieldsOf(row)[0].focus();
    return row;
  }

  function rowIsEmpty(row) {
    return ["metric", "value", "unit"].every(function (name) {
      var field = row.querySelector("[name=" + name + "]");
      return !field || !field.value.trim();
    });
  }

  document.addEventListener("keydown", function (evt) {
    if (evt.key !== "Tab" || evt.shiftKey || evt.altKey || evt.ctrlKey || evt.metaKey) { return; }
    var form = evt.target.closest("[data-quick-targets]");
    var row = evt.target.closest("[data-row]");
    if (!form || !row) { return; }
    var rows = form.querySelectorAll("[data-rows] [data-row]");
    var fields = fieldsOf(row);
    if (row !== rows[rows.length - 1] || evt.target !== fields[fields.length - 1] || rowIsEmpty(row)) { return; }
    evt.preventDefault();
    addRow(form);
  });

  document.addEventListener("click", function (evt) {
    var button = evt.target.closest("[data-add-row]");
    var form = button && button.closest("[data-quick-targets]");
    if (form) { addRow(form); }
  });

  // When the editor arrives, the cursor goes where typing starts: the first wrong field, else the
  // first field of the last (empty) row.
  // (An outerHTML swap replaces the element the event names, so the new form is looked up by its mark.)
  document.addEventListener("htmx:afterSettle", function () {
    var form = document.querySelector("[data-quick-targets]:not([data-focused])");
    if (!form) { return; }
    form.setAttribute("data-focused", "");
    var wrong = form.querySelector("[data-rows] [aria-invalid=true]");
    var rows = form.querySelectorAll("[data-rows] [data-row]");
    var target = wrong || (rows.length ? fieldsOf(rows[rows.length - 1])[0] : null);
    if (target) { target.focus(); }
  });

  // A filter select that submits its form when changed (no inline onchange: the CSP forbids it).
  document.addEventListener("change", function (evt) {
    var select = evt.target.closest("select[data-submit-on-change]");
    if (select && select.form) { select.form.submit(); }
  });

  // Select-all checkbox for bulk assignment.
  document.addEventListener("change", function (evt) {
    var all = evt.target.closest("[data-check-all]");
    if (!all) { return; }
    document.querySelectorAll(all.getAttribute("data-check-all")).forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();

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
    document.querySelectorAll(".item.active").forEach(function (it) { it.classList.remove("active"); });
    var first = null;
    for (var n = from; n <= Math.max(from, to); n++) {
      var li = document.getElementById("L" + n);
      if (li) { li.classList.add("hl"); first = first || li; }
    }
    var item = button.closest(".item");
    if (item) { item.classList.add("active"); }
    var status = document.getElementById("hl-status");
    if (status) { status.textContent = "Đang tô sáng dòng " + from + (to > from ? "–" + to : "") + " của văn bản."; }
    if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
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

  // Select-all checkbox for bulk assignment.
  document.addEventListener("change", function (evt) {
    var all = evt.target.closest("[data-check-all]");
    if (!all) { return; }
    document.querySelectorAll(all.getAttribute("data-check-all")).forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();

/* Sổ tay đảng viên: search inside the document, the offline banner, and the service worker.
   Local file (no inline script, no other host). */
(function () {
  "use strict";

  // Folding as the server's search does: drop diacritics, đ → d, lower case. Each NFC character folds
  // to one character, so a match found in the folded text sits at the same offsets in the original.
  function foldChar(c) {
    var f = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
    return f.length === 1 ? f : c.toLowerCase().charAt(0) || c;
  }
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) { out += foldChar(text.charAt(i)); }
    return out;
  }

  var hits = [];
  var current = -1;

  function clearMarks(spans) {
    spans.forEach(function (span) {
      if (span.dataset.text !== undefined) { span.textContent = span.dataset.text; }
    });
  }

  function markSpan(span, needle) {
    var text = span.dataset.text;
    var folded = fold(text);
    var at = folded.indexOf(needle);
    if (at < 0) { return; }
    var frag = document.createDocumentFragment();
    var from = 0;
    while (at >= 0) {
      frag.appendChild(document.createTextNode(text.slice(from, at)));
      var mark = document.createElement("mark");
      mark.className = "hb-hit";
      mark.textContent = text.slice(at, at + needle.length);
      frag.appendChild(mark);
      hits.push(mark);
      from = at + needle.length;
      at = folded.indexOf(needle, from);
    }
    frag.appendChild(document.createTextNode(text.slice(from)));
    span.textContent = "";
    span.appendChild(frag);
  }

  function show(index) {
    if (!hits.length) { return; }
    if (current >= 0 && hits[current]) { hits[current].classList.remove("hb-current"); }
    current = (index + hits.length) % hits.length;
    hits[current].classList.add("hb-current");
    hits[current].scrollIntoView({ block: "center" });
    say((current + 1) + "/" + hits.length + " kết quả");
  }

  function say(text) {
    var found = document.getElementById("hb-found");
    if (found) { found.textContent = text; }
  }

  function search(query) {
    var spans = Array.prototype.slice.call(document.querySelectorAll("#hb-text .hb-t"));
    spans.forEach(function (s) { if (s.dataset.text === undefined) { s.dataset.text = s.textContent; } });
    clearMarks(spans);
    hits = [];
    current = -1;
    var needle = fold(query.trim());
    if (needle.length < 2) { say(needle ? "Gõ ít nhất 2 ký tự" : ""); return; }
    spans.forEach(function (s) { markSpan(s, needle); });
    if (!hits.length) { say("Không tìm thấy “" + query.trim() + "” trong văn bản"); return; }
    show(0);
  }

  function setupSearch() {
    var input = document.getElementById("hb-q");
    if (!input) { return; }
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(input.value); }, 150);
    });
    document.getElementById("hb-search").addEventListener("submit", function (evt) {
      evt.preventDefault();
      if (hits.length) { show(current + 1); } else { search(input.value); }
    });
    document.getElementById("hb-next").addEventListener("click", function () { show(current + 1); });
    document.getElementById("hb-prev").addEventListener("click", function () { show(current - 1); });
  }

  function offlineBanner() {
    var banner = document.getElementById("hb-offline");
    if (banner) { banner.hidden = navigator.onLine; }
  }

  function markSaved() {
    document.documentElement.dataset.offline = "ready";
    var saved = document.getElementById("hb-saved");
    if (saved) { saved.textContent = "Đã lưu trang này để đọc khi không có mạng."; }
  }

  // The service worker keeps the last documents opened; it answers when this page is stored.
  function setupWorker() {
    if (!("serviceWorker" in navigator)) { return; }
    navigator.serviceWorker.addEventListener("message", function (evt) {
      if (evt.data && evt.data.type === "saved" && evt.data.url === location.href.split("#")[0]) {
        // Ready only once the worker also controls this page (its claim may land after the reply).
        if (navigator.serviceWorker.controller) { markSaved(); }
        else { navigator.serviceWorker.addEventListener("controllerchange", markSaved, { once: true }); }
      }
    });
    navigator.serviceWorker.register("/sw.js", { scope: "/so-tay" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      if (reg.active && navigator.onLine) {
        reg.active.postMessage({ type: "save", url: location.href.split("#")[0] });
      }
    }).catch(function () { /* no worker (private mode...): the page still works online */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupSearch();
    offlineBanner();
    setupWorker();
  });
  window.addEventListener("online", offlineBanner);
  window.addEventListener("offline", offlineBanner);
})();

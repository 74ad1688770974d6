/* Sổ tay đảng viên service worker (served at /sw.js, scope /so-tay).
   Pages: network first, the stored copy when the network fails; the last KEEP documents opened are
   kept. Its own assets: cache first. A signed-out answer (a redirect to the login page) or a logout
   empties the stored pages, so the next person on a shared phone does not read them. */
"use strict";

var VERSION = "v1";
var ASSETS = "nq-handbook-assets-" + VERSION;
var PAGES = "nq-handbook-pages-" + VERSION;
var KEEP = 5;
var ASSET_URLS = ["/static/handbook.css", "/static/handbook.js", "/static/handbook.webmanifest",
  "/static/handbook-192.png", "/static/favicon.svg"];

self.addEventListener("install", function (evt) {
  evt.waitUntil(caches.open(ASSETS).then(function (c) { return c.addAll(ASSET_URLS); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (evt) {
  evt.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf("nq-handbook-") === 0 && k !== ASSETS && k !== PAGES;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function isPage(url) {
  return url.origin === self.location.origin && (url.pathname === "/so-tay" || url.pathname.indexOf("/so-tay/") === 0);
}

function pageKey(href) {
  var url = new URL(href);
  return url.origin + url.pathname;  // one stored copy per document, whatever the query or anchor
}

// Keep the index and the KEEP documents opened last (a put moves a page to the end of the list).
function store(key, response) {
  return caches.open(PAGES).then(function (cache) {
    return cache.delete(key).then(function () { return cache.put(key, response); }).then(function () {
      return cache.keys();
    }).then(function (keys) {
      var docs = keys.filter(function (r) { return new URL(r.url).pathname !== "/so-tay"; });
      return Promise.all(docs.slice(0, Math.max(0, docs.length - KEEP)).map(function (r) { return cache.delete(r); }));
    });
  });
}

function forget() {
  return caches.delete(PAGES);
}

function fromCache(key) {
  return caches.open(PAGES).then(function (cache) { return cache.match(key); }).then(function (hit) {
    if (!hit) {
      return new Response("<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>" +
        "<title>Không có mạng</title><p style='font-size:1.2rem;padding:1rem'>Không có mạng và trang này chưa được lưu." +
        " Hãy mở lại khi có mạng.</p>", { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
    // Marked so a reader (and a test) can tell the stored copy from a fresh one.
    var headers = new Headers(hit.headers);
    headers.set("X-Nghiquyet-Offline", "1");
    return hit.blob().then(function (body) { return new Response(body, { status: 200, headers: headers }); });
  });
}

function fetchPage(request, key) {
  return fetch(request).then(function (response) {
    if (response.type === "opaqueredirect" || response.redirected || response.status === 401) {
      return forget().then(function () { return response; });
    }
    if (response.ok) {
      var copy = response.clone();
      return store(key, copy).then(function () { return response; });
    }
    return response;
  });
}

self.addEventListener("fetch", function (evt) {
  var request = evt.request;
  var url = new URL(request.url);
  if (request.method === "POST" && url.pathname === "/dang-xuat") {
    evt.respondWith(forget().then(function () { return fetch(request); }));
    return;
  }
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (isPage(url)) {
    var key = pageKey(request.url);
    evt.respondWith(fetchPage(request, key).catch(function () { return fromCache(key); }));
    return;
  }
  if (ASSET_URLS.indexOf(url.pathname) >= 0) {
    evt.respondWith(caches.match(url.pathname).then(function (hit) { return hit || fetch(request); }));
  }
});

// The page asks for itself to be stored (its first visit happened before this worker was in control).
self.addEventListener("message", function (evt) {
  var data = evt.data || {};
  if (data.type !== "save" || !data.url || !isPage(new URL(data.url))) { return; }
  var key = pageKey(data.url);
  var source = evt.source;
  // Loaded through this worker, the page is stored already; else it is fetched once more and stored.
  var stored = caches.open(PAGES).then(function (cache) { return cache.match(key); });
  evt.waitUntil(stored.then(function (hit) {
    if (hit) { return true; }
    return fetch(data.url, { credentials: "same-origin", redirect: "manual" }).then(function (response) {
      if (response.ok) { return store(key, response).then(function () { return true; }); }
      return false;
    });
  }).catch(function () { return false; }).then(function (saved) {
    if (saved && source) { source.postMessage({ type: "saved", url: data.url }); }
  }));
});

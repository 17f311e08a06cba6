// Expertpass app's service worker: keeps the app's own files so that it opens without network (its accounts and
// last card are in IndexedDB, not here). Network first, so a new version reaches the phone at its next online
// start; the cache answers when the network fails. Calls to the API (outside this scope) are left alone.
"use strict";
var CACHE = "expertpass-app-1";
var SHELL = ["./", "app.js", "protocol.js", "scanner.js", "app.css", "manifest.webmanifest", "icon.svg",
  "icon-192.png", "icon-512.png", "vendor/jsQR.js", "vendor/qrcode.js", "messages-fr.json", "messages-en.json"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(SHELL); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(self.registration.scope) !== 0) {
    return;
  }
  var key = request.mode === "navigate" ? "./" : request;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(CACHE).then(function (cache) { return cache.match(key, { ignoreSearch: true }); })
      .then(function (cached) { return cached || Response.error(); });
  }));
});

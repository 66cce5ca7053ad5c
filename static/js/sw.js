/* The reporter's service worker (docs/architecture.md, "Drafts and the offline queue").
   Served at /sw.js (reporting/offline.py) so that its scope is the whole site, but it answers
   only for the reporter's pages: "My activities" (/my/) and the report form
   (/reports/<n>/edit/), network first, from its cache when there is no connection, and the
   site's static files (stale while revalidate). Every other request goes to the network as if
   there were no worker. Saves are queued by the page itself (static/js/report-draft.js), not
   here: the worker never sees a POST. Signing out clears its cache (Clear-Site-Data). */
"use strict";

var CACHE = "wps-reporter-v1";
var PAGES = /^\/(my\/|reports\/\d+\/edit\/)$/;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf("wps-reporter-") === 0 && name !== CACHE;
            })
            .map(function (name) {
              return caches.delete(name);
            })
        );
      })
      .then(function () {
        return self.clients.claim();
      })
  );
});

// The page that registered the worker asks it to control the page at once (report-draft.js).
self.addEventListener("message", function (event) {
  if (event.data === "claim") event.waitUntil(self.clients.claim());
});

function keep(request, response) {
  // Only a whole, ordinary answer: not a redirect (to the sign-in page, or to the read-only
  // report once it is submitted), not an error.
  if (response && response.ok && response.type === "basic" && !response.redirected) {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) {
      cache.put(request.url, copy);
    });
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && PAGES.test(url.pathname)) {
    event.respondWith(
      fetch(request)
        .then(function (response) {
          return keep(request, response);
        })
        .catch(function () {
          return caches.match(request.url, { ignoreSearch: true }).then(function (hit) {
            return hit || Response.error();
          });
        })
    );
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(
      caches.match(request.url).then(function (hit) {
        var fresh = fetch(request).then(function (response) {
          return keep(request, response);
        });
        if (hit) {
          event.waitUntil(fresh.catch(function () {}));
          return hit;
        }
        return fresh;
      })
    );
  }
});

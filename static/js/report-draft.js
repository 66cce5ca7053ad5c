/* Drafts that survive a bad connection (docs/architecture.md, "Drafts and the offline queue").
   Loaded on the reporter's pages (My activities, the report form) with
   data-user (the signed-in person's id) and data-sw (the service worker's address).

   - The report form (form[data-draft-key]) keeps what the person types in IndexedDB, under
     their user id and the report, and offers it back when the page opens with other values
     (after a reload, a failed save, an expired session).
   - Saving goes through XMLHttpRequest (upload progress); without a connection the save is
     queued in IndexedDB and sent when the connection returns, with the report's version as the
     form was opened: the server refuses it as a conflict if the report changed meanwhile.
   - Without JavaScript the form posts as usual. */
(function () {
  "use strict";
  var script = document.currentScript;
  var user = script && script.dataset.user;
  if (!user || !window.indexedDB || !window.Promise) return;

  var CACHE = "wps-reporter-v1";
  var DRAFT_DAYS = 30;
  var texts = document.getElementById("offline-texts");
  var form = null;
  var status = null;
  var replaying = false;

  function t(key, values) {
    var node = texts && texts.content.querySelector('[data-t="' + key + '"]');
    var text = node ? node.textContent : key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(values[name]);
    });
    return text;
  }

  function when(at) {
    var lang = document.documentElement.lang || undefined;
    try {
      return new Date(at).toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
    } catch (error) {
      return new Date(at).toLocaleString();
    }
  }

  /* IndexedDB, plain: one database, stores "drafts" and "queue" keyed by "u<user>:r<report>",
     and "meta" (whose pages the worker's cache holds). */
  var opening = null;
  function db() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = indexedDB.open("wps-offline", 1);
        request.onupgradeneeded = function () {
          ["drafts", "queue", "meta"].forEach(function (name) {
            request.result.createObjectStore(name, { keyPath: "key" });
          });
        };
        request.onsuccess = function () {
          resolve(request.result);
        };
        request.onerror = function () {
          reject(request.error);
        };
      });
    }
    return opening;
  }
  function run(store, mode, action) {
    return db().then(function (database) {
      return new Promise(function (resolve, reject) {
        var tx = database.transaction(store, mode);
        var request = action(tx.objectStore(store));
        tx.oncomplete = function () {
          resolve(request && request.result);
        };
        tx.onerror = tx.onabort = function () {
          reject(tx.error);
        };
      });
    });
  }
  function get(store, key) {
    return run(store, "readonly", function (s) {
      return s.get(key);
    });
  }
  function put(store, value) {
    return run(store, "readwrite", function (s) {
      return s.put(value);
    });
  }
  function del(store, key) {
    return run(store, "readwrite", function (s) {
      return s.delete(key);
    });
  }
  function all(store) {
    return run(store, "readonly", function (s) {
      return s.getAll();
    });
  }

  /* The status line above the form: what is kept, queued, sent. */
  function say(message, kind, actions) {
    if (!status || !document.contains(status)) {
      status = document.createElement("div");
      status.className = "draft-status";
      status.setAttribute("role", "status");
      var main = document.querySelector("main");
      var h1 = main && main.querySelector("h1");
      if (!main) return;
      if (h1) h1.after(status);
      else main.prepend(status);
    }
    status.replaceChildren();
    if (!message) {
      status.hidden = true;
      return;
    }
    status.hidden = false;
    var box = document.createElement("div");
    box.className = kind === "ok" ? "messages" : "notice";
    var p = document.createElement("p");
    if (kind === "ok") p.className = "message success";
    p.textContent = message;
    box.append(p);
    (actions || []).forEach(function (action) {
      var control;
      if (action.href) {
        control = document.createElement("a");
        control.href = action.href;
      } else {
        control = document.createElement("button");
        control.type = "button";
        control.className = "button secondary";
        control.addEventListener("click", action.run);
      }
      control.textContent = action.label;
      box.append(control, " ");
    });
    status.append(box);
    return box;
  }

  /* The form's values, as typed: everything but files, buttons, the token and the version. */
  function kept(element) {
    return (
      element.name &&
      !element.disabled &&
      ["file", "submit", "button", "reset"].indexOf(element.type) < 0 &&
      element.name !== "csrfmiddlewaretoken" &&
      element.name !== "version"
    );
  }
  function values() {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!kept(el)) return;
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) (out[el.name] = out[el.name] || []).push(el.value);
      } else if (el.multiple) {
        out[el.name] = Array.prototype.map.call(el.selectedOptions, function (o) {
          return o.value;
        });
      } else {
        out[el.name] = el.value;
      }
    });
    return out;
  }
  function fill(data) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!kept(el)) return;
      var value = data[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = (value || []).indexOf(el.value) >= 0;
      } else if (el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) {
          o.selected = (value || []).indexOf(o.value) >= 0;
        });
      } else if (value !== undefined) {
        el.value = value;
      }
    });
  }
  // Not form.action: the form's buttons are named "action", which form.action would return.
  function target() {
    return new URL(form.getAttribute("action") || location.pathname, location.href).href;
  }
  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function saveDraft() {
    return put("drafts", {
      key: form.dataset.draftKey,
      user: user,
      values: values(),
      version: form.elements.version ? form.elements.version.value : "",
      at: Date.now(),
    }).catch(function () {});
  }

  function offerDraft() {
    var key = form.dataset.draftKey;
    return Promise.all([get("drafts", key), get("queue", key)]).then(function (found) {
      var draft = found[0];
      var queued = found[1];
      var lines = [];
      if (queued) lines.push(t("waiting", { time: when(queued.at) }));
      if (!draft || draft.user !== user || same(draft.values, values())) {
        if (lines.length) say(lines.join(" "));
        return;
      }
      lines.push(t("offer", { time: when(draft.at) }));
      var version = form.elements.version && form.elements.version.value;
      if (draft.version && version && draft.version !== version) lines.push(t("changed"));
      say(lines.join(" "), "", [
        {
          label: t("restore"),
          run: function () {
            fill(draft.values);
            say(t("restored"));
          },
        },
        {
          label: t("discard"),
          run: function () {
            del("drafts", key).then(function () {
              say("");
            });
          },
        },
      ]);
    });
  }

  /* Sending: XMLHttpRequest for the upload's progress; "X-Draft-Save: 1" makes the server
     answer a success with {"redirect": url} (reporting/offline.py) and a conflict with 409. */
  function send(url, body, progress) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.setRequestHeader("X-Draft-Save", "1");
      if (progress) {
        xhr.upload.onprogress = function (event) {
          if (event.lengthComputable) progress.value = event.loaded / event.total;
        };
      }
      xhr.onload = function () {
        resolve({
          status: xhr.status,
          json: (xhr.getResponseHeader("Content-Type") || "").indexOf("json") >= 0,
          text: xhr.responseText,
        });
      };
      xhr.onerror = xhr.ontimeout = xhr.onabort = function () {
        resolve({ status: 0 });
      };
      xhr.send(body);
    });
  }

  function entries(body) {
    var out = [];
    body.forEach(function (value, name) {
      if (value instanceof Blob && !value.size && !value.name) return; // no file chosen
      out.push([name, value]);
    });
    return out;
  }

  function bodyOf(item, draft) {
    var body = new FormData();
    var token = document.querySelector('input[name="csrfmiddlewaretoken"]');
    var newer = draft && draft.user === user && draft.at > item.at ? draft.values : {};
    var done = {};
    item.entries.forEach(function (entry) {
      var name = entry[0];
      var value = entry[1];
      if (name === "csrfmiddlewaretoken" && token) value = token.value;
      if (Object.prototype.hasOwnProperty.call(newer, name)) {
        // Typed again after the save was queued (the draft, restored after a reload): send that.
        if (done[name]) return;
        done[name] = true;
        [].concat(newer[name]).forEach(function (v) {
          body.append(name, v);
        });
        return;
      }
      body.append(name, value);
    });
    return body;
  }

  function queue(body) {
    var h1 = document.querySelector("main h1");
    return put("queue", {
      key: form.dataset.draftKey,
      user: user,
      url: target(),
      page: location.pathname,
      title: h1 ? h1.textContent.trim() : "",
      entries: entries(body),
      at: Date.now(),
    }).then(
      function () {
        say(t("queued"));
      },
      function () {
        say(t("not_queued"));
      }
    );
  }

  /* Show the server's page (the form again with its message, the conflict, the signed-out
     page) in place of <main>, keeping this page's scripts. */
  function show(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var main = page.querySelector("main");
    var here = document.querySelector("main");
    if (!main || !here) return false;
    here.replaceWith(document.adoptNode(main));
    if (page.title) document.title = page.title;
    var summary = main.querySelector(".error-summary, [role=alert]");
    (summary || main).focus();
    init();
    return true;
  }

  /* What to do with the server's answer to a save of this page's report. */
  function answered(result, key, fromQueue) {
    if (result.status === 0) return false; // no connection
    if (result.status === 200 && result.json) {
      var redirect = JSON.parse(result.text).redirect;
      return Promise.all([del("drafts", key), del("queue", key)]).then(function () {
        location.assign(redirect);
        return true;
      });
    }
    if (result.status >= 500 || !result.text) {
      say(t("server_error"));
      return true;
    }
    // 401 signed out: the queued save waits for the next sign-in (with its new token).
    var done = fromQueue && result.status === 401 ? null : del("queue", key);
    return Promise.resolve(done).then(function () {
      if (!show(result.text)) say(t("server_error"));
      return true;
    });
  }

  function submit(event) {
    event.preventDefault();
    if (form.dataset.sending) return;
    clearTimeout(timer); // saved below; a late write must not bring back a draft just sent
    var body = new FormData(form);
    var submitter = event.submitter;
    if (submitter && submitter.name) body.append(submitter.name, submitter.value);
    var key = form.dataset.draftKey;
    saveDraft().then(function () {
      if (!navigator.onLine) return queue(body);
      form.dataset.sending = "1";
      var box = say(t("sending"));
      var progress = null;
      var file = Array.prototype.some.call(form.querySelectorAll("input[type=file]"), function (f) {
        return f.files && f.files.length;
      });
      if (file && box) {
        progress = document.createElement("progress");
        progress.max = 1;
        progress.value = 0;
        progress.setAttribute("aria-label", t("uploading"));
        box.append(progress);
      }
      return send(target(), body, progress).then(function (result) {
        delete form.dataset.sending;
        return Promise.resolve(answered(result, key, false)).then(function (handled) {
          if (!handled) return queue(body);
        });
      });
    });
  }

  /* Queued saves of this person, sent when the connection returns (on any reporter page). */
  function replay() {
    if (replaying || !navigator.onLine) return;
    replaying = true;
    all("queue")
      .then(function (items) {
        items = items.filter(function (item) {
          return item.user === user;
        });
        return items.reduce(function (chain, item) {
          return chain.then(function (online) {
            if (!online) return false;
            return get("drafts", item.key).then(function (draft) {
              return send(item.url, bodyOf(item, draft)).then(function (result) {
                if (result.status === 0) return false;
                if (form && form.dataset.draftKey === item.key) {
                  return Promise.resolve(answered(result, item.key, true)).then(function () {
                    return true;
                  });
                }
                return elsewhere(item, result).then(function () {
                  return true;
                });
              });
            });
          });
        }, Promise.resolve(true));
      })
      .catch(function () {})
      .then(function () {
        replaying = false;
      });
  }

  function elsewhere(item, result) {
    if (result.status === 200 && result.json) {
      return Promise.all([del("drafts", item.key), del("queue", item.key)]).then(function () {
        say(t("sent", { title: item.title }), "ok");
      });
    }
    if (result.status === 401 || result.status >= 500) return Promise.resolve();
    return del("queue", item.key).then(function () {
      say(t("refused", { title: item.title, time: when(item.at) }), "", [
        { label: t("open"), href: item.page },
      ]);
    });
  }

  /* Signing out: warn about unsent saves; the server's Clear-Site-Data then empties this
     browser's storage, and this does it too where that header is not honoured. */
  function guardLogout() {
    document.querySelectorAll('form[action$="/logout/"]').forEach(function (logout) {
      logout.addEventListener("submit", function (event) {
        if (logout.dataset.cleared) return;
        event.preventDefault();
        all("queue")
          .then(function (items) {
            var mine = items.filter(function (item) {
              return item.user === user;
            });
            if (mine.length && !window.confirm(t("logout_queue"))) return false;
            return forget().then(function () {
              return true;
            });
          })
          .catch(function () {
            return true;
          })
          .then(function (go) {
            if (!go) return;
            logout.dataset.cleared = "1";
            logout.submit();
          });
      });
    });
  }

  function forget() {
    var stores = ["drafts", "queue"].map(function (store) {
      return all(store).then(function (items) {
        return Promise.all(
          items
            .filter(function (item) {
              return item.user === user;
            })
            .map(function (item) {
              return del(store, item.key);
            })
        );
      });
    });
    if (window.caches) stores.push(caches.delete(CACHE));
    return Promise.all(stores);
  }

  /* The worker's cache holds one person's pages: another person signed in empties it; drafts
     older than DRAFT_DAYS go. */
  function tidy() {
    return get("meta", "owner")
      .then(function (owner) {
        var jobs = [put("meta", { key: "owner", user: user })];
        if (owner && owner.user !== user && window.caches) jobs.push(caches.delete(CACHE));
        return Promise.all(jobs);
      })
      .then(function () {
        return all("drafts");
      })
      .then(function (drafts) {
        var old = Date.now() - DRAFT_DAYS * 864e5;
        return Promise.all(
          drafts
            .filter(function (d) {
              return d.at < old;
            })
            .map(function (d) {
              return del("drafts", d.key);
            })
        );
      })
      .catch(function () {});
  }

  // Whether a worker served this page (the navigation's timing says so; a worker may also
  // take over a page it did not serve): if not, the page keeps itself for the worker's cache.
  var navigation = window.performance && performance.getEntriesByType
    ? performance.getEntriesByType("navigation")[0]
    : null;
  var servedByWorker = navigation
    ? navigation.workerStart > 0
    : Boolean(navigator.serviceWorker && navigator.serviceWorker.controller);

  function register() {
    if (!("serviceWorker" in navigator) || !script.dataset.sw) return;
    navigator.serviceWorker
      .register(script.dataset.sw, { scope: "/" })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        if (servedByWorker || !window.caches) return;
        // The first visit: ask the new worker to take this page in hand (its own claim() at
        // activation does not always reach a page that is still starting)...
        var tries = 0;
        (function claim() {
          if (navigator.serviceWorker.controller || tries++ > 40 || !registration.active) return;
          registration.active.postMessage("claim");
          setTimeout(claim, 500);
        })();
        // ...and keep this page and the files it needs (those not kept yet), which the worker
        // did not see load.
        var urls = [location.pathname];
        document.querySelectorAll("link[rel~=stylesheet], script[src]").forEach(function (el) {
          urls.push(el.href || el.src);
        });
        return caches.open(CACHE).then(function (cache) {
          return Promise.all(
            urls.map(function (url) {
              return cache.match(url).then(function (hit) {
                return hit ? null : url;
              });
            })
          ).then(function (missing) {
            return cache.addAll(missing.filter(Boolean));
          });
        });
      })
      .catch(function () {});
  }

  var timer = null;
  function init() {
    form = document.querySelector("form[data-draft-key]");
    status = null;
    if (!form) return;
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(saveDraft, 400);
    });
    form.addEventListener("change", saveDraft);
    form.addEventListener("submit", submit);
    var mine = form;
    offerDraft()
      .catch(function () {})
      .then(function () {
        mine.dataset.draftReady = "1"; // for the browser tests
      });
  }

  // The form listens at once (what is typed before the database opens is written with the
  // next key); the rest after the tidying.
  init();
  guardLogout();
  tidy().then(function () {
    register();
    replay();
  });
  window.addEventListener("online", replay);
  window.addEventListener("offline", function () {
    if (form) say(t("offline"));
  });
})();

/* Progress kept in this browser, shared by the quiz, the library and the final assessment.
   Keys: "ctpat:<site>:quiz:<quiz id>", where <site> is the path of the site's root (from the
   page's data-root, relative to the page), so two courses on one host or on file:// never
   mix and every edition of one course shares its progress. localStorage may be missing or
   throw (private modes, blocked storage): every call tolerates that. SHA-256 is computed
   here rather than with the browser's crypto API, which plain http pages (a training room's
   local server) do not get. */
(function () {
  "use strict";

  function prefix(root) {
    var path = "/";
    try { path = new URL((root || ".") + "/", window.location.href).pathname; } catch (e) { /* keep "/" */ }
    return "ctpat:" + path + ":quiz:";
  }

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function write(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }

  function remove(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing to remove */ }
  }

  /* The saved record of one quiz, or null when there is none or it cannot be used. */
  function record(key) {
    var data = null;
    try { data = JSON.parse(read(key)); } catch (e) { return null; }
    return data && typeof data === "object" && !Array.isArray(data) && data.v === 1 ? data : null;
  }

  function format(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match;
    });
  }

  /* Every saved record under a prefix: {quiz id: record}. */
  function all(keyPrefix) {
    var found = {};
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (key && key.indexOf(keyPrefix) === 0) {
          var data = record(key);
          if (data) found[key.slice(keyPrefix.length)] = data;
        }
      }
    } catch (e) { /* storage blocked: nothing saved */ }
    return found;
  }

  function strings(element) {
    try { return JSON.parse(element.getAttribute("data-strings")) || {}; } catch (e) { return {}; }
  }

  /* Run init when the page is ready (Material's document$ if it is there). */
  function ready(init) {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }

  window.ctpatProgress = {
    prefix: prefix, read: read, write: write, remove: remove, record: record, all: all,
    format: format, strings: strings, ready: ready
  };
})();

/* Progress kept in this browser, shared by the quiz, the library and the final assessment.
   Keys: "ctpat:<site>:quiz:<quiz id>", where <site> is the path of the site's root (from the
   page's data-root, relative to the page), so two courses on one host or on file:// never
   mix and every edition of one course shares its progress. localStorage may be missing or
   throw (private modes, blocked storage): every call tolerates that. */
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

  window.ctpatProgress = { prefix: prefix, read: read, write: write, remove: remove, record: record, format: format };
})();

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

  /* SHA-256 of a UTF-8 string, as lowercase hex. */
  function sha256(text) {
    var K = [], H = [], i, j;
    function frac(x) { return ((x - Math.floor(x)) * 4294967296) | 0; }
    for (i = 2, j = 0; j < 64; i++) {
      var prime = true;
      for (var d = 2; d * d <= i; d++) if (i % d === 0) { prime = false; break; }
      if (prime) { if (j < 8) H[j] = frac(Math.pow(i, 1 / 2)); K[j++] = frac(Math.pow(i, 1 / 3)); }
    }
    var bytes = new TextEncoder().encode(text), length = bytes.length * 8;
    var words = [];
    for (i = 0; i < bytes.length; i++) words[i >> 2] |= bytes[i] << (24 - (i % 4) * 8);
    words[bytes.length >> 2] |= 0x80 << (24 - (bytes.length % 4) * 8);
    words[(((bytes.length + 8) >> 6) + 1) * 16 - 1] = length;
    for (i = 0; i < words.length; i++) words[i] = words[i] | 0;
    function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
    for (i = 0; i < words.length; i += 16) {
      var w = words.slice(i, i + 16), a = H[0], b = H[1], c = H[2], d2 = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (j = 0; j < 64; j++) {
        if (j >= 16) {
          var x = w[j - 15], y = w[j - 2];
          w[j] = (w[j - 16] + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[j - 7] + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10))) | 0;
        }
        var t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[j] + (w[j] | 0)) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d2 + t1) | 0; d2 = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d2) | 0;
      H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
    }
    return H.map(function (v) { return ("00000000" + (v >>> 0).toString(16)).slice(-8); }).join("");
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
    format: format, sha256: sha256, strings: strings, ready: ready
  };
})();

/* Certificate verification (hooks: sitebuild/generated.py, page verify/). The ID and name
   typed are normalised as tools/certificates.py normalises them, hashed with SHA-256
   (progress.js) and looked up among the published fingerprints. Nothing typed leaves the
   browser. */
(function () {
  "use strict";

  function normaliseName(name) { return name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase(); }
  function normaliseId(id) { return id.replace(/\s+/g, "").toUpperCase(); }

  function init() {
    var root = document.querySelector("[data-ctpat-verify]");
    if (!root || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var strings = window.ctpatProgress.strings(root), issued = {};
    try { issued = JSON.parse(root.querySelector("[data-ctpat-certificates]").textContent) || {}; } catch (e) { /* none */ }
    var form = root.querySelector("[data-ctpat-verify-form]"), result = root.querySelector("[data-ctpat-verify-result]");
    var idInput = form.querySelector("[name=id]"), nameInput = form.querySelector("[name=name]");
    var hash = window.location.hash.match(/id=([^&]+)/);
    if (hash) idInput.value = decodeURIComponent(hash[1]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var id = normaliseId(idInput.value), name = normaliseName(nameInput.value);
      if (!id || !name) { result.textContent = strings.verify_missing; return; }
      var found = issued[window.ctpatSha256(id + "\n" + name)];
      result.className = "ctpat-verify__result " + (found ? "is-ok" : "is-bad");
      result.textContent = found
        ? window.ctpatProgress.format(strings.verify_ok, { issuer: root.getAttribute("data-issuer"), workshop: found.workshop, date: found.date })
        : strings.verify_bad;
    });
  }

  window.ctpatProgress.ready(init);
})();

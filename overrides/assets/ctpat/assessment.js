/* The final assessment (page assessment/). The pool travels encoded in the page
   (sitebuild/generated.py: JSON XOR-ed with a key stream from the pool's hash, in Base64):
   decoded here, a fixed number of questions drawn per module at random, answered in one
   submission and scored against the pass mark. The result is kept like self-check progress
   (progress.js, under the pool's id) with the best score, the date it was first passed and
   the number of attempts, so the library, the record of completion and the LMS bridge see it.
   All interface text comes from the page (data-strings). */
(function () {
  "use strict";
  var progress = window.ctpatProgress, format = progress.format;

  function decode(text, key) {
    var hex = window.ctpatSha256(key), stream = [], i;
    for (i = 0; i < 64; i += 2) stream.push(parseInt(hex.substr(i, 2), 16));
    var raw = atob(text.trim()), bytes = new Uint8Array(raw.length);
    for (i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i) ^ stream[i % stream.length];
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function shuffled(list) {
    var copy = list.slice(), i, j, t;
    for (i = copy.length - 1; i > 0; i--) { j = Math.floor(Math.random() * (i + 1)); t = copy[i]; copy[i] = copy[j]; copy[j] = t; }
    return copy;
  }

  /* {"all": 20} or {"1": 4, "3": 9}: questions drawn per module. */
  function draw(pool, counts) {
    var chosen = [];
    Object.keys(counts).forEach(function (module) {
      var candidates = pool.filter(function (q) { return module === "all" || String(q.module) === module; });
      chosen = chosen.concat(shuffled(candidates).slice(0, counts[module]));
    });
    return shuffled(chosen);
  }

  function element(tag, className, html) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (html !== undefined) node.innerHTML = html; /* HTML from the build's escaping renderer */
    return node;
  }

  function init() {
    var root = document.querySelector("[data-ctpat-assessment]");
    if (!root || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var strings = progress.strings(root), id = root.getAttribute("data-id"), hash = root.getAttribute("data-hash"),
      passMark = +root.getAttribute("data-pass-mark") || 0, counts = JSON.parse(root.getAttribute("data-draw")),
      key = progress.prefix(root.getAttribute("data-root")) + id,
      pool = decode(root.querySelector("[data-ctpat-pool]").textContent, hash),
      start = root.querySelector("[data-ctpat-start]"), form = root.querySelector("[data-ctpat-form]"),
      result = root.querySelector("[data-ctpat-result]"), bestLine = root.querySelector("[data-ctpat-best]"),
      current = [];

    function saved() {
      var data = progress.record(key);
      return data && data.hash === hash ? data : null;
    }

    function showBest() {
      var data = saved();
      if (!data || !(data.attempts || data.best || data.passed)) return;
      /* A result restored from a progress code knows its best score and day, not the attempts. */
      bestLine.textContent = format(strings.assessment_best, {
        best: data.best, attempts: data.attempts || 1,
        date: new Date(data.passedAt || data.updated).toLocaleDateString(document.documentElement.lang || undefined,
          { year: "numeric", month: "long", day: "numeric" })
      });
      bestLine.hidden = false;
    }

    function render() {
      current = draw(pool, counts);
      form.textContent = "";
      result.textContent = "";
      current.forEach(function (question, index) {
        var fieldset = element("fieldset", "ctpat-assessment__q"), name = "ctpat-a-" + index;
        var legend = element("legend", "ctpat-assessment__legend");
        legend.appendChild(element("span", "ctpat-quiz__num", ""));
        legend.firstChild.textContent = format(strings.question_n, { n: index + 1, total: current.length });
        legend.appendChild(document.createTextNode(" "));
        legend.appendChild(element("span", "ctpat-quiz__prompt", question.prompt));
        fieldset.appendChild(legend);
        var hint = element("p", "ctpat-quiz__hint");
        hint.textContent = question.hint;
        fieldset.appendChild(hint);
        var list = element("ul", "ctpat-quiz__opts");
        shuffled(question.options).forEach(function (option, n) {
          var item = element("li", "ctpat-quiz__opt"), input = document.createElement("input"),
            label = element("label", "", option.text);
          input.type = question.type === "multiple" ? "checkbox" : "radio";
          input.name = name;
          input.value = option.id;
          input.id = name + "-" + n;
          label.htmlFor = input.id;
          item.appendChild(input);
          item.appendChild(label);
          item.option = option;
          list.appendChild(item);
        });
        fieldset.appendChild(list);
        fieldset.appendChild(element("div", "ctpat-assessment__feedback"));
        form.appendChild(fieldset);
      });
      var submit = element("button", "md-button md-button--primary");
      submit.type = "submit";
      submit.textContent = strings.assessment_submit;
      form.appendChild(submit);
      form.hidden = false;
      start.parentNode.hidden = true;
      var first = form.querySelector("input");
      if (first) first.focus();
    }

    function score() {
      var fieldsets = form.querySelectorAll("fieldset"), left = 0, correct = 0;
      Array.prototype.forEach.call(fieldsets, function (fieldset) {
        if (!fieldset.querySelector("input:checked")) left++;
      });
      if (left) { result.textContent = format(strings.assessment_unanswered, { n: left }); return; }
      Array.prototype.forEach.call(fieldsets, function (fieldset, index) {
        var right = true, question = current[index];
        Array.prototype.forEach.call(fieldset.querySelectorAll(".ctpat-quiz__opt"), function (item) {
          var picked = item.querySelector("input").checked, ok = item.option.correct,
            kind = picked ? (ok ? "ok" : "bad") : (ok ? "missed" : "");
          if (picked !== ok) right = false;
          if (kind) {
            item.className = "ctpat-quiz__opt is-" + kind;
            item.querySelector("label").appendChild(element("span", "ctpat-quiz__mark", ""));
            item.querySelector(".ctpat-quiz__mark").textContent = strings["mark_" + kind];
          }
          item.querySelector("input").disabled = true;
        });
        if (right) correct++;
        var feedback = fieldset.querySelector(".ctpat-assessment__feedback");
        feedback.appendChild(element("p", "ctpat-quiz__verdict is-" + (right ? "ok" : "bad"), ""));
        feedback.firstChild.textContent = right ? strings.right : strings.wrong;
        if (question.explanation) feedback.appendChild(element("p", "ctpat-quiz__why", "<strong></strong>" + question.explanation));
        var why = feedback.querySelector(".ctpat-quiz__why strong");
        if (why) why.textContent = strings.why;
      });
      var total = current.length, percent = Math.round(100 * correct / total), passed = percent >= passMark,
        before = saved() || { v: 1, hash: hash, kind: "assessment", best: 0, attempts: 0, passed: false },
        now = new Date().toISOString(),
        data = {
          v: 1, hash: hash, kind: "assessment", score: percent, correct: correct, total: total,
          best: Math.max(before.best || 0, percent), attempts: (before.attempts || 0) + 1,
          passed: before.passed === true || passed, passedAt: before.passedAt || (passed ? now : null),
          answers: {}, checked: [], updated: now
        };
      progress.write(key, JSON.stringify(data));
      document.dispatchEvent(new CustomEvent("ctpat:progress", { detail: { quiz: id, pass: passMark, record: data } }));
      result.className = "ctpat-assessment__result " + (passed ? "is-ok" : "is-bad");
      result.textContent = format(strings.assessment_result, {
        score: percent, correct: correct, total: total,
        verdict: passed ? strings.assessment_passed : format(strings.assessment_failed, { pass: passMark })
      });
      var submit = form.querySelector("button[type=submit]");
      submit.textContent = strings.assessment_again;
      submit.type = "button";
      submit.onclick = render;
      showBest();
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); score(); });
    start.addEventListener("click", render);
    start.hidden = false;
    showBest();
  }

  progress.ready(init);
})();

/* CTPAT self-check quiz. The HTML comes from hooks/quizzes.py and works without this
   script (answers in <details>); this file checks answers, marks options by text and icon,
   scores, and keeps progress in localStorage under "ctpat:quiz:<id>":
   {v:1, hash, answers:{q1:["a"]}, checked:["q1"], correct, total, score, best, passed, updated}.
   Progress is kept while data-quiz-hash is unchanged, so it survives reloads and the other
   language. All interface text comes from the page (data-strings): none lives here. */
(function () {
  "use strict";
  var D = document;

  // localStorage may be missing or throw (private modes, blocked storage): never fatal.
  // value undefined: read; null: remove; a string: write.
  function store(key, value) {
    try {
      var s = window.localStorage;
      if (value === undefined) return s.getItem(key);
      if (value === null) s.removeItem(key); else s.setItem(key, value);
    } catch (e) { /* progress is simply not kept */ }
    return null;
  }

  function fmt(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) {
      return k in values ? values[k] : m;
    });
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function make(tag, name, text) {
    var e = D.createElement(tag);
    e.className = name;
    e.textContent = text || "";
    return e;
  }

  function setup(root) {
    if (root.hasAttribute("data-ready")) return; // document$ may emit again: set up once
    root.setAttribute("data-ready", "");
    var S = {};
    try { S = JSON.parse(root.getAttribute("data-strings")) || {}; } catch (e) { /* no text */ }
    var key = "ctpat:quiz:" + root.getAttribute("data-quiz-id"),
      hash = root.getAttribute("data-quiz-hash"),
      pass = +root.getAttribute("data-pass-mark") || 0,
      summary = root.querySelector(".ctpat-quiz__summary"),
      best = 0, passed = false;

    var qs = all(root, ".ctpat-quiz__q").map(function (fs) {
      var q = {
        id: fs.getAttribute("data-q"), lis: all(fs, ".ctpat-quiz__opt"),
        result: fs.querySelector(".ctpat-quiz__result"), btn: fs.querySelector(".ctpat-quiz__check")
      };
      var list = fs.querySelector(".ctpat-quiz__opts"), key = fs.querySelector(".ctpat-quiz__key"),
        feedback = {}, i, j, t;
      q.authored = q.lis.slice(); // stored answers keep the authors' order, whatever is shown
      if (fs.hasAttribute("data-shuffle")) {
        for (i = q.lis.length - 1; i > 0; i--) {
          j = Math.floor(Math.random() * (i + 1)); t = q.lis[i]; q.lis[i] = q.lis[j]; q.lis[j] = t;
        }
      }
      if (key) {
        all(key, "[data-fb]").forEach(function (fb) { feedback[fb.getAttribute("data-fb")] = fb; });
        q.why = key.querySelector(".ctpat-quiz__why");
        key.hidden = true; // the interactive flow shows answers after each check instead
      }
      q.lis.forEach(function (li) {
        list.appendChild(li);
        li.input = li.querySelector("input");
        li.fb = feedback[li.getAttribute("data-o")];
        if (li.fb) { li.fb.hidden = true; li.appendChild(li.fb); }
      });
      q.btn.parentNode.hidden = false;
      q.btn.addEventListener("click", function () { check(q, true); save(); });
      return q;
    });

    function chosen(q) {
      return q.authored.filter(function (li) { return li.input.checked; });
    }

    function check(q, focus) {
      q.result.textContent = "";
      if (!chosen(q).length) {
        q.result.appendChild(make("p", "ctpat-quiz__verdict", S.choose));
        if (focus) q.result.focus();
        return;
      }
      var ok = true;
      q.lis.forEach(function (li) {
        var right = li.hasAttribute("data-c"), picked = li.input.checked,
          kind = picked ? (right ? "ok" : "bad") : (right ? "missed" : ""),
          label = li.querySelector("label"), old = label.querySelector(".ctpat-quiz__mark");
        if (picked !== right) ok = false;
        li.className = "ctpat-quiz__opt" + (kind ? " is-" + kind : "");
        if (old) label.removeChild(old);
        if (kind) label.appendChild(make("span", "ctpat-quiz__mark", S["mark_" + kind]));
        if (li.fb) li.fb.hidden = !picked;
        li.input.disabled = true;
      });
      q.done = true; q.ok = ok; q.btn.disabled = true;
      q.result.appendChild(make("p", "ctpat-quiz__verdict is-" + (ok ? "ok" : "bad"), ok ? S.right : S.wrong));
      if (q.why) q.result.appendChild(q.why);
      update();
      if (focus) q.result.focus();
    }

    function reset(q) {
      q.done = q.ok = false; q.btn.disabled = false; q.result.textContent = "";
      q.lis.forEach(function (li) {
        var mark = li.querySelector(".ctpat-quiz__mark");
        if (mark) mark.parentNode.removeChild(mark);
        li.className = "ctpat-quiz__opt";
        li.input.checked = li.input.disabled = false;
        if (li.fb) li.fb.hidden = true;
      });
    }

    function tally() {
      var t = { total: qs.length, checked: 0, correct: 0, pass: pass };
      qs.forEach(function (q) { if (q.done) { t.checked++; if (q.ok) t.correct++; } });
      t.score = t.total ? Math.round(100 * t.correct / t.total) : 0;
      return t;
    }

    // The summary: progress while questions are open; score and pass/fail once all are checked.
    function update(note) {
      var t = tally(), done = t.checked === t.total, text = note ? note + " " : "";
      if (done) {
        if (t.score > best) best = t.score;
        if (t.score >= pass) passed = true;
      }
      t.best = best;
      if (done) text += fmt(S.score, t) + " " + fmt(t.score >= pass ? S.passed : S.failed, t);
      else if (t.checked) text += fmt(S.progress, t);
      if (best && (!done || best > t.score)) text += " " + fmt(S.best, t);
      summary.className = "ctpat-quiz__summary" + (done ? (t.score >= pass ? " is-ok" : " is-bad") : "");
      summary.textContent = text.trim();
      return t;
    }

    function save() {
      var t = tally(), answers = {}, checked = [];
      qs.forEach(function (q) {
        var ids = chosen(q).map(function (li) { return li.getAttribute("data-o"); });
        if (ids.length) answers[q.id] = ids;
        if (q.done) checked.push(q.id);
      });
      store(key, JSON.stringify({
        v: 1, hash: hash, answers: answers, checked: checked, correct: t.correct, total: t.total,
        score: t.score, best: best, passed: passed, updated: new Date().toISOString()
      }));
    }

    // Stored progress that is unreadable, foreign or for an older version of the quiz is
    // ignored; the next save replaces it.
    function load() {
      var data = null;
      try { data = JSON.parse(store(key)); } catch (e) { /* not ours */ }
      if (!data || typeof data !== "object" || data.v !== 1 || data.hash !== hash) return false;
      var answers = data.answers && typeof data.answers === "object" ? data.answers : {},
        checked = Array.isArray(data.checked) ? data.checked : [], any = false;
      if (typeof data.best === "number" && data.best >= 0 && data.best <= 100) best = data.best;
      passed = data.passed === true;
      qs.forEach(function (q) {
        var ids = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : null;
        if (!Array.isArray(ids)) return;
        q.lis.forEach(function (li) {
          if (ids.indexOf(li.getAttribute("data-o")) >= 0) { li.input.checked = true; any = true; }
        });
        if (checked.indexOf(q.id) >= 0) check(q, false);
      });
      return any || best > 0;
    }

    var retry = root.querySelector(".ctpat-quiz__retry"), clear = root.querySelector(".ctpat-quiz__clear");
    retry.parentNode.hidden = false;
    retry.addEventListener("click", function () {
      qs.forEach(reset);
      update();
      save();
      var first = root.querySelector(".ctpat-quiz__opt input");
      if (first) first.focus();
    });
    clear.addEventListener("click", function () {
      qs.forEach(reset);
      best = 0; passed = false;
      store(key, null);
      summary.className = "ctpat-quiz__summary";
      summary.textContent = S.cleared || "";
    });
    root.addEventListener("change", save);
    if (load()) update(S.restored);
  }

  function init() {
    all(D, ".ctpat-quiz").forEach(setup);
  }

  // Material's document$ emits on load and after each instant navigation; else plain DOM.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (D.readyState === "loading") D.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* CTPAT self-check quiz. The HTML (coursekit/render/templates/quiz.html) works without this
   script: answers wait in <details>. This script checks answers, marks options by text and
   icon, scores, and keeps progress in this browser (progress.js) under its quiz id:
     {v:1, hash, answers:{q1:["a"]}, checked:["q1"], correct, total, score, best, passed,
      passedAt, updated}
   Progress counts while data-quiz-hash is unchanged, so it survives reloads and every
   edition. After each save it tells the page ("ctpat:progress" event), for the LMS bridge.
   All interface text comes from the page (data-strings). */
(function () {
  "use strict";
  var doc = document;

  var progress = window.ctpatProgress, format = progress.format;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function element(tag, className, text) {
    var node = doc.createElement(tag);
    node.className = className;
    node.textContent = text || "";
    return node;
  }

  function setup(quiz) {
    if (quiz.hasAttribute("data-ready")) return; /* document$ may emit again: set up once */
    quiz.setAttribute("data-ready", "");
    var strings = {};
    try { strings = JSON.parse(quiz.getAttribute("data-strings")) || {}; } catch (e) { /* no text */ }
    var quizId = quiz.getAttribute("data-quiz-id"),
      storageKey = progress.prefix(quiz.getAttribute("data-root")) + quizId,
      hash = quiz.getAttribute("data-quiz-hash"),
      passMark = +quiz.getAttribute("data-pass-mark") || 0,
      summary = quiz.querySelector(".ctpat-quiz__summary"),
      best = 0, passed = false, passedAt = null;

    var questions = all(quiz, ".ctpat-quiz__q").map(function (fieldset) {
      var question = {
        id: fieldset.getAttribute("data-question"),
        options: all(fieldset, ".ctpat-quiz__opt"),
        result: fieldset.querySelector(".ctpat-quiz__result"),
        button: fieldset.querySelector(".ctpat-quiz__check")
      };
      var list = fieldset.querySelector(".ctpat-quiz__opts"),
        answerKey = fieldset.querySelector(".ctpat-quiz__key"),
        feedback = {}, i, j, swap;
      question.authored = question.options.slice(); /* answers are stored by id, in the authors' order */
      if (fieldset.hasAttribute("data-shuffle")) {
        for (i = question.options.length - 1; i > 0; i--) {
          j = Math.floor(Math.random() * (i + 1));
          swap = question.options[i]; question.options[i] = question.options[j]; question.options[j] = swap;
        }
      }
      if (answerKey) {
        all(answerKey, "[data-feedback-for]").forEach(function (note) {
          feedback[note.getAttribute("data-feedback-for")] = note;
        });
        question.why = answerKey.querySelector(".ctpat-quiz__why");
        answerKey.hidden = true; /* the interactive flow shows answers after each check */
      }
      question.options.forEach(function (option) {
        list.appendChild(option);
        option.input = option.querySelector("input");
        option.feedback = feedback[option.getAttribute("data-option")];
        if (option.feedback) { option.feedback.hidden = true; option.appendChild(option.feedback); }
        /* An answered question keeps its inputs in the tab order, to be reviewed, but locked. */
        option.input.addEventListener("click", function (event) {
          if (question.done) event.preventDefault();
        });
      });
      question.button.parentNode.hidden = false;
      question.button.addEventListener("click", function () {
        if (question.done) return;
        check(question, true);
        save();
      });
      return question;
    });

    function chosen(question) {
      return question.authored.filter(function (option) { return option.input.checked; });
    }

    function check(question, announce) {
      question.result.textContent = "";
      if (!chosen(question).length) {
        question.result.appendChild(element("p", "ctpat-quiz__verdict", strings.choose));
        return;
      }
      var right = true;
      question.options.forEach(function (option) {
        var correct = option.hasAttribute("data-correct"), picked = option.input.checked,
          kind = picked ? (correct ? "ok" : "bad") : (correct ? "missed" : ""),
          label = option.querySelector("label"), old = label.querySelector(".ctpat-quiz__mark");
        if (picked !== correct) right = false;
        option.className = "ctpat-quiz__opt" + (kind ? " is-" + kind : "");
        if (old) label.removeChild(old);
        if (kind) label.appendChild(element("span", "ctpat-quiz__mark", strings["mark_" + kind]));
        if (option.feedback) option.feedback.hidden = !picked;
        option.input.setAttribute("aria-disabled", "true");
      });
      question.done = true; question.right = right;
      question.button.setAttribute("aria-disabled", "true");
      var verdict = element("p", "ctpat-quiz__verdict is-" + (right ? "ok" : "bad"), right ? strings.right : strings.wrong);
      if (question.why) verdict.appendChild(doc.createTextNode(" ")), verdict.appendChild(question.why);
      /* One announcement per check: the status region's new text (focus stays on the button). */
      question.result.appendChild(verdict);
      update(announce ? "" : null);
    }

    function reset(question) {
      question.done = question.right = false;
      question.button.removeAttribute("aria-disabled");
      question.result.textContent = "";
      question.options.forEach(function (option) {
        var mark = option.querySelector(".ctpat-quiz__mark");
        if (mark) mark.parentNode.removeChild(mark);
        option.className = "ctpat-quiz__opt";
        option.input.checked = false;
        option.input.removeAttribute("aria-disabled");
        if (option.feedback) option.feedback.hidden = true;
      });
    }

    function tally() {
      var totals = { total: questions.length, checked: 0, correct: 0, pass: passMark };
      questions.forEach(function (question) {
        if (question.done) { totals.checked++; if (question.right) totals.correct++; }
      });
      totals.score = totals.total ? Math.round(100 * totals.correct / totals.total) : 0;
      return totals;
    }

    /* The summary: progress while questions are open; score and pass/fail once all are checked.
       Only the last check updates it, so a screen reader hears the score once. */
    function update(note) {
      var totals = tally(), finished = totals.checked === totals.total, text = note ? note + " " : "";
      if (finished) {
        if (totals.score > best) best = totals.score;
        if (totals.score >= passMark && !passed) { passed = true; passedAt = new Date().toISOString(); }
      }
      totals.best = best;
      if (finished) text += format(strings.score, totals) + " " + format(totals.score >= passMark ? strings.passed : strings.failed, totals);
      else if (totals.checked) text += format(strings.progress, totals);
      if (best && (!finished || best > totals.score)) text += " " + format(strings.best, totals);
      summary.className = "ctpat-quiz__summary" + (finished ? (totals.score >= passMark ? " is-ok" : " is-bad") : "");
      if (finished || note !== null) summary.textContent = text.trim();
      return totals;
    }

    function record() {
      var totals = tally(), answers = {}, checked = [];
      questions.forEach(function (question) {
        var ids = chosen(question).map(function (option) { return option.getAttribute("data-option"); });
        if (ids.length) answers[question.id] = ids;
        if (question.done) checked.push(question.id);
      });
      return {
        v: 1, hash: hash, answers: answers, checked: checked, correct: totals.correct,
        total: totals.total, score: totals.score, best: best, passed: passed, passedAt: passedAt,
        updated: new Date().toISOString()
      };
    }

    function save() {
      var data = record();
      progress.write(storageKey, JSON.stringify(data));
      doc.dispatchEvent(new CustomEvent("ctpat:progress", { detail: { quiz: quizId, pass: passMark, record: data } }));
    }

    /* Progress that is unreadable, foreign or for another version of the quiz is ignored. */
    function load() {
      var data = progress.record(storageKey);
      if (!data || data.hash !== hash) return false;
      var answers = data.answers && typeof data.answers === "object" ? data.answers : {},
        checked = Array.isArray(data.checked) ? data.checked : [], any = false;
      if (typeof data.best === "number" && data.best >= 0 && data.best <= 100) best = data.best;
      passed = data.passed === true;
      passedAt = passed ? (data.passedAt || data.updated || null) : null;
      questions.forEach(function (question) {
        var ids = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : null;
        if (!Array.isArray(ids)) return;
        question.options.forEach(function (option) {
          if (ids.indexOf(option.getAttribute("data-option")) >= 0) { option.input.checked = true; any = true; }
        });
        if (checked.indexOf(question.id) >= 0) check(question, false);
      });
      return any || best > 0;
    }

    var retry = quiz.querySelector(".ctpat-quiz__retry"), clear = quiz.querySelector(".ctpat-quiz__clear");
    retry.parentNode.hidden = false;
    retry.addEventListener("click", function () {
      questions.forEach(reset);
      update("");
      save();
      var first = quiz.querySelector(".ctpat-quiz__opt input");
      if (first) first.focus();
    });
    clear.addEventListener("click", function () {
      questions.forEach(reset);
      best = 0; passed = false; passedAt = null;
      progress.remove(storageKey);
      summary.className = "ctpat-quiz__summary";
      summary.textContent = strings.cleared || "";
      doc.dispatchEvent(new CustomEvent("ctpat:progress", { detail: { quiz: quizId, pass: passMark, record: null } }));
    });
    quiz.addEventListener("change", function (event) {
      if (event.target && event.target.getAttribute("aria-disabled") !== "true") save();
    });
    if (load()) update(strings.restored);
  }

  function init() {
    all(doc, ".ctpat-quiz").forEach(setup);
  }

  /* Material's document$ emits on load and after each instant navigation; else plain DOM. */
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* The record of completion (page record/): once every self-check of the course, or of one
   module, is passed in this browser, a printable record with the name the trainee types, the
   date, each lesson's best score and date passed, and the final assessment if passed. The
   name is only placed in the page (never stored or sent). */
(function () {
  "use strict";
  var progress = window.ctpatProgress, format = progress.format;

  function init() {
    var root = document.querySelector("[data-ctpat-record]");
    if (!root || root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    var strings = progress.strings(root), prefix = progress.prefix(root.getAttribute("data-root")), course = {};
    try { course = JSON.parse(root.querySelector("[data-ctpat-course]").textContent) || {}; } catch (e) { return; }
    var form = root.querySelector("[data-ctpat-record-form]"), status = root.querySelector("[data-ctpat-record-status]"),
      sheet = root.querySelector("[data-ctpat-record-sheet]"), lang = document.documentElement.lang || undefined;

    function passedRecord(quiz, hash) {
      var data = progress.record(prefix + quiz);
      return data && data.hash === hash && data.passed === true ? data : null;
    }

    function day(iso) {
      var date = iso ? new Date(iso) : new Date();
      return isNaN(date) ? "" : date.toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var scope = form.querySelector("[name=scope]").value, name = form.querySelector("[name=name]").value.trim();
      var lessons = course.lessons.filter(function (l) { return l.quiz && (!scope || String(l.module) === scope); });
      var passed = lessons.filter(function (l) { return passedRecord(l.quiz, l.hash); });
      if (!name) { status.textContent = strings.record_name_missing || ""; form.querySelector("[name=name]").focus(); return; }
      if (passed.length < lessons.length) {
        sheet.hidden = true;
        status.textContent = format(strings.record_not_yet, { passed: passed.length, total: lessons.length });
        return;
      }
      var rows = root.querySelector("[data-ctpat-record-rows]");
      rows.textContent = "";
      lessons.forEach(function (lesson) {
        var data = passedRecord(lesson.quiz, lesson.hash), row = document.createElement("tr");
        [lesson.title, (data.best || data.score) + "%", day(data.passedAt || data.updated)].forEach(function (text, i) {
          var cell = document.createElement(i ? "td" : "th");
          if (!i) cell.scope = "row";
          cell.textContent = text;
          row.appendChild(cell);
        });
        rows.appendChild(row);
      });
      var scopeText = scope ? course.modules[scope] : strings.record_scope_course;
      root.querySelector("[data-ctpat-record-who]").textContent = format(strings.record_for, { name: name, scope: scopeText });
      root.querySelector("[data-ctpat-record-date]").textContent = day();
      var assessmentLine = root.querySelector("[data-ctpat-record-assessment]"), final = course.assessment;
      var result = final && !scope ? passedRecord(final.id, final.hash) : null;
      assessmentLine.hidden = !result;
      if (result) assessmentLine.textContent = strings.record_assessment + ": " + result.best + "% " +
        strings.assessment_passed + " (" + day(result.passedAt) + ")";
      status.textContent = "";
      sheet.hidden = false;
      sheet.querySelector("h2").focus && sheet.scrollIntoView();
    });
    root.querySelector("[data-ctpat-record-print]").addEventListener("click", function () { window.print(); });
    form.hidden = false;
  }

  progress.ready(init);
})();

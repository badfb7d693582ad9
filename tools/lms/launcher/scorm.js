/* The SCORM 1.2 launcher of the course (tools/lms_export.py copies it into each package,
   beside scorm.html, whose JSON block gives this edition's settings: home page, self-checks
   and final assessment with their hashes and pass marks, interface text).

   The course's pages are the site's own: they keep progress in localStorage under
   "ctpat:<site root path>:quiz:<quiz id>" (overrides/assets/ctpat/progress.js). This page is
   at the package root, the site root too, so it reads the same keys, and the browser tells
   it (a "storage" event) whenever a page in the frame saves. Then it reports to the LMS:
     cmi.core.score.raw    the final assessment's best score once attempted, else the average
                           best score of the self-checks finished at least once (min 0, max 100)
     cmi.core.lesson_status  incomplete; passed once the final assessment is passed; failed
                           when it was attempted and never passed (a course without one:
                           passed when every self-check is passed). A pass is never taken back.
     cmi.suspend_data      every quiz's result in a compact text (below), then LMSCommit.
   On launch it merges cmi.suspend_data into localStorage before the course loads (each quiz
   keeps the better result: passed beats not passed, then the higher best score), so a new
   browser, or a new package revision at another address, shows the progress the LMS holds.
   On pagehide: cmi.core.exit "suspend" ("" once passed), session time, LMSCommit, LMSFinish.

   suspend_data: "C1" then, per quiz with a result, "|id.hhhh.best.flags.day.attempts.answers":
   hhhh the first 4 hex digits of the quiz's hash (a changed quiz's old result is dropped),
   flags "p" passed and "a" finished at least once, day = days since 2020-01-01 of the pass
   (or last save), attempts for the final assessment, answers "q1=a+b,q2~c" ("=" checked,
   "~" chosen, not yet checked). Under 4,096 characters (SCORM 1.2's limit): the answers are
   left out first if the course is too large for them. */
(function () {
  "use strict";

  var LIMIT = 4096, DAY = 86400000, EPOCH = Date.UTC(2020, 0, 1), ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
  var settings = JSON.parse(document.getElementById("ctpat-scorm-settings").textContent);
  var frame = document.querySelector("[data-ctpat-scorm-frame]");
  var note = document.querySelector("[data-ctpat-scorm-note]");
  var prefix = "ctpat:" + new URL("./", window.location.href).pathname + ":quiz:";
  var quizzes = settings.quizzes || [], assessment = settings.assessment || null;
  var all = assessment ? quizzes.concat([assessment]) : quizzes.slice(), byId = {};
  all.forEach(function (quiz) { byId[quiz.id] = quiz; });

  var api = null, readOnly = false, finished = false, everPassed = false, started = Date.now(), last = {};

  /* ---- the LMS: the API object in a parent window, else in the opener's chain ---------- */
  function findAPI(win) {
    for (var depth = 0; win && depth < 12; depth++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (e) { /* another origin: look further up */ }
      var parent = null;
      try { parent = win.parent; } catch (e) { parent = null; }
      if (!parent || parent === win) break;
      win = parent;
    }
    return null;
  }

  function getAPI() {
    var found = findAPI(window);
    if (!found) {
      try { if (window.opener && !window.opener.closed) found = findAPI(window.opener); } catch (e) { found = null; }
    }
    return found;
  }

  function get(key) {
    var value = api.LMSGetValue(key);
    return value === null || value === undefined ? "" : String(value);
  }

  function set(key, value) {
    return String(api.LMSSetValue(key, value)) === "true";
  }

  /* ---- the course's progress in this browser ------------------------------------------ */
  function storageWorks() {
    try {
      window.localStorage.setItem(prefix + "-", "1");
      window.localStorage.removeItem(prefix + "-");
      return true;
    } catch (e) { return false; }
  }

  function read(id) {
    try {
      var data = JSON.parse(window.localStorage.getItem(prefix + id));
      return data && typeof data === "object" && !Array.isArray(data) && data.v === 1 &&
        data.hash === byId[id].hash ? data : null;
    } catch (e) { return null; }
  }

  function write(id, data) {
    try { window.localStorage.setItem(prefix + id, JSON.stringify(data)); } catch (e) { /* full or blocked */ }
  }

  function percent(value) {
    var n = typeof value === "number" && isFinite(value) ? Math.round(value) : 0;
    return Math.max(0, Math.min(100, n));
  }

  function count(value) {
    return typeof value === "number" && isFinite(value) && value > 0 ? Math.floor(value) : 0;
  }

  /* A self-check finished at least once (its best score counts in the average). */
  function finishedOnce(record) {
    if (!record) return false;
    var checked = Array.isArray(record.checked) ? record.checked.length : 0;
    return record.passed === true || record.attempted === true || percent(record.best) > 0 ||
      (count(record.total) > 0 && checked >= record.total);
  }

  function summary() {
    var records = quizzes.map(function (quiz) { return read(quiz.id); });
    var result = { status: "incomplete", score: null };
    if (assessment) {
      var final = read(assessment.id);
      if (final && final.passed === true) result.status = "passed";
      else if (final && count(final.attempts) > 0) result.status = "failed";
      if (final && (count(final.attempts) > 0 || final.passed === true)) result.score = percent(final.best);
    } else if (quizzes.length && records.every(function (r) { return r && r.passed === true; })) {
      result.status = "passed";
    }
    if (result.score === null) {
      var done = records.filter(finishedOnce);
      if (done.length) {
        result.score = Math.round(done.reduce(function (sum, r) { return sum + percent(r.best); }, 0) / done.length);
      }
    }
    return result;
  }

  /* ---- suspend_data ------------------------------------------------------------------- */
  function day(record) {
    var time = Date.parse(record.passedAt || record.updated);
    return isFinite(time) ? Math.max(0, Math.round((time - EPOCH) / DAY)) : 0;
  }

  function answersCode(record) {
    var answers = record.answers && typeof record.answers === "object" ? record.answers : {};
    var checked = Array.isArray(record.checked) ? record.checked : [];
    return Object.keys(answers).filter(function (qid) {
      var ids = answers[qid];
      return ID.test(qid) && Array.isArray(ids) && ids.length && ids.every(function (id) { return ID.test(String(id)); });
    }).map(function (qid) {
      return qid + (checked.indexOf(qid) >= 0 ? "=" : "~") + answers[qid].join("+");
    }).join(",");
  }

  function entry(quiz, record, withAnswers) {
    var fields = [quiz.id, quiz.hash.slice(0, 4), percent(record.best),
      (record.passed === true ? "p" : "") + (finishedOnce(record) ? "a" : ""), day(record),
      quiz === assessment ? count(record.attempts) : ""];
    var answers = withAnswers && quiz !== assessment ? answersCode(record) : "";
    if (answers) fields.push(answers);
    return "|" + fields.join(".");
  }

  function encode() {
    var kept = all.map(function (quiz) { return [quiz, read(quiz.id)]; }).filter(function (pair) {
      var r = pair[1];
      return r && (r.passed === true || percent(r.best) > 0 || count(r.attempts) > 0 || finishedOnce(r) ||
        answersCode(r) !== "");
    });
    function text(withAnswers, list) {
      return "C1" + list.map(function (pair) { return entry(pair[0], pair[1], withAnswers); }).join("");
    }
    var code = text(true, kept);
    if (code.length > LIMIT) code = text(false, kept);
    while (code.length > LIMIT && kept.length) { kept = kept.slice(0, -1); code = text(false, kept); }
    return code;
  }

  function decode(code) {
    var found = {};
    if (typeof code !== "string" || code.slice(0, 2) !== "C1") return found;
    code.split("|").slice(1).forEach(function (item) {
      var f = item.split("."), quiz = byId[f[0]];
      if (!quiz || f.length < 5 || f[1] !== quiz.hash.slice(0, 4) || !/^\d{1,3}$/.test(f[2]) || +f[2] > 100) return;
      var passed = f[3].indexOf("p") >= 0, date = new Date(EPOCH + (parseInt(f[4], 10) || 0) * DAY).toISOString();
      var record = { v: 1, hash: quiz.hash, best: +f[2], score: +f[2], passed: passed, passedAt: passed ? date : null,
        updated: date, answers: {}, checked: [], attempted: f[3].indexOf("a") >= 0 };
      if (quiz === assessment) {
        record.kind = "assessment";
        record.attempts = parseInt(f[5], 10) || (record.attempted || passed ? 1 : 0);
      }
      (f[6] || "").split(",").forEach(function (part) {
        var m = /^([A-Za-z0-9][A-Za-z0-9_-]*)([=~])([A-Za-z0-9_+-]+)$/.exec(part);
        if (!m) return;
        record.answers[m[1]] = m[3].split("+");
        if (m[2] === "=") record.checked.push(m[1]);
      });
      found[quiz.id] = record;
    });
    return found;
  }

  /* The better of two results of one quiz: passed beats not passed, then the higher best. */
  function better(incoming, current) {
    if (!current) return true;
    if (incoming.passed === true && current.passed !== true) return true;
    if (incoming.passed !== true && current.passed === true) return false;
    return percent(incoming.best) > percent(current.best);
  }

  function merge(found) {
    Object.keys(found).forEach(function (id) {
      var incoming = found[id], current = read(id);
      if (better(incoming, current)) {
        if (current && count(current.attempts) > count(incoming.attempts)) incoming.attempts = current.attempts;
        write(id, incoming);
      } else if (count(incoming.attempts) > count(current.attempts)) {
        current.attempts = incoming.attempts;
        write(id, current);
      }
    });
  }

  /* ---- reporting ---------------------------------------------------------------------- */
  function report() {
    if (!api || finished || readOnly) return;
    var result = summary();
    if (result.status === "passed") everPassed = true;
    var values = [];
    if (result.score !== null) {
      values.push(["cmi.core.score.min", "0"], ["cmi.core.score.max", "100"], ["cmi.core.score.raw", String(result.score)]);
    }
    values.push(["cmi.core.lesson_status", everPassed ? "passed" : result.status], ["cmi.suspend_data", encode()]);
    var changed = false;
    values.forEach(function (pair) {
      if (last[pair[0]] !== pair[1] && set(pair[0], pair[1])) {
        last[pair[0]] = pair[1];
        changed = true;
      }
    });
    if (changed) api.LMSCommit("");
  }

  function timespan(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    function pad(n, width) { n = String(n); while (n.length < width) n = "0" + n; return n; }
    return pad(Math.min(9999, Math.floor(cs / 360000)), 2) + ":" + pad(Math.floor(cs / 6000) % 60, 2) + ":" +
      pad(Math.floor(cs / 100) % 60, 2) + "." + pad(cs % 100, 2);
  }

  function finish() {
    if (!api || finished) return;
    report();
    if (!readOnly) {
      set("cmi.core.exit", everPassed ? "" : "suspend");
      set("cmi.core.session_time", timespan(Date.now() - started));
    }
    finished = true;
    api.LMSCommit("");
    api.LMSFinish("");
  }

  function start() {
    api = getAPI();
    if (api && String(api.LMSInitialize("")) !== "true") api = null;
    if (!api) {
      note.textContent = settings.strings.no_lms;
      note.hidden = false;
    } else {
      var mode = get("cmi.core.lesson_mode");
      /* Review and browse record nothing; without storage the pages save nothing, and
         reporting would replace what the LMS holds with an empty course. */
      readOnly = mode === "review" || mode === "browse" || !storageWorks();
      ["cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max",
        "cmi.suspend_data"].forEach(function (key) { last[key] = get(key); });
      everPassed = last["cmi.core.lesson_status"] === "passed";
      if (!readOnly) merge(decode(last["cmi.suspend_data"]));
      report();
      window.addEventListener("storage", function (event) {
        if (!event.key || event.key.indexOf(prefix) === 0) report();
      });
      window.addEventListener("pagehide", finish);
      window.addEventListener("unload", finish);
    }
    frame.src = settings.home;
  }

  start();
})();

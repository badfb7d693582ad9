/* Training library (hooks/pages.py): the job-role filter, each lesson's status from the
   self-check progress saved in this browser (progress.js), and a "continue where you left
   off" link. Progress does not depend on the edition, so a quiz passed on an English page
   shows in the Chinese library too. A record that cannot be read, or whose hash is not the
   quiz's current one (data-quiz-hash), counts as not started. Without JavaScript the page
   still lists every lesson. */
(function () {
  "use strict";

  var ICONS = { "not-started": "\u25CB", "in-progress": "\u25D0", "passed": "\u2713" };

  var progress = window.ctpatProgress, format = progress.format;

  function minutesText(strings, minutes) {
    var hours = Math.floor(minutes / 60);
    var rest = minutes % 60;
    if (hours && rest) return format(strings.hours_minutes, { h: hours, m: rest });
    if (hours) return format(strings.hours, { h: hours });
    return format(strings.minutes, { n: rest });
  }

  function readStrings(root) {
    try {
      var parsed = JSON.parse(root.getAttribute("data-strings") || "{}");
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch (error) {
      return {};
    }
  }

  function number(value) {
    var parsed = Number(value);
    return typeof value !== "boolean" && value !== null && value !== "" && isFinite(parsed)
      ? parsed : null;
  }

  function statusOf(record, hash) {
    if (!record || typeof record.hash !== "string" || !hash || record.hash !== hash) {
      return { state: "not-started", updated: 0 };
    }
    var updated = Date.parse(record.updated);
    updated = isFinite(updated) ? updated : 0;
    if (record.passed === true) {
      var best = number(record.best);
      var score = number(record.score);
      var shown = Math.max(best === null ? 0 : best, score === null ? 0 : score);
      return { state: "passed", best: Math.round(shown), updated: updated };
    }
    var answers = record.answers && typeof record.answers === "object" &&
      Object.keys(record.answers).length > 0;
    var checked = Array.isArray(record.checked) && record.checked.length > 0;
    var tried = number(record.best) > 0; /* a result restored from a code has a best score, no answers */
    if (answers || checked || tried) return { state: "in-progress", updated: updated };
    return { state: "not-started", updated: 0 };
  }

  function statusText(strings, status) {
    if (status.state === "passed") return format(strings.library_status_passed, { best: status.best });
    if (status.state === "in-progress") return strings.library_status_in_progress;
    return strings.library_status_not_started;
  }

  function showStatus(row, strings, status) {
    var cell = row.querySelector("[data-ctpat-status]");
    if (!cell) return;
    var badge = document.createElement("span");
    badge.className = "ctpat-status ctpat-status--" + status.state;
    var icon = document.createElement("span");
    icon.className = "ctpat-status__icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = ICONS[status.state];
    badge.appendChild(icon);
    badge.appendChild(document.createTextNode(" " + statusText(strings, status)));
    cell.textContent = "";
    cell.appendChild(badge);
    row.setAttribute("data-status", status.state);
  }

  function lessonLink(row) {
    var link = row.querySelector("a[href]");
    var copy = document.createElement("a");
    copy.href = link ? link.getAttribute("href") : "#";
    copy.textContent = link ? link.textContent : "";
    if (link && link.getAttribute("lang")) copy.setAttribute("lang", link.getAttribute("lang"));
    copy.className = "ctpat-library__continue-link";
    return copy;
  }

  /* Statuses of every lesson with a quiz, then the "continue" line. */
  function refreshProgress(root, strings) {
    var prefix = progress.prefix(root.getAttribute("data-root"));
    var rows = Array.prototype.slice.call(root.querySelectorAll("tr[data-ctpat-lesson]"));
    var tracked = [];
    rows.forEach(function (row) {
      var quizId = row.getAttribute("data-quiz-id");
      if (!quizId) return;
      var status = statusOf(progress.record(prefix + quizId), row.getAttribute("data-quiz-hash"));
      showStatus(row, strings, status);
      tracked.push({ row: row, status: status });
    });

    var box = root.querySelector("[data-ctpat-progress]");
    var line = root.querySelector("[data-ctpat-continue]");
    var passedLine = root.querySelector("[data-ctpat-passed]");
    if (!box || !line || !tracked.length) return;
    var passed = tracked.filter(function (t) { return t.status.state === "passed"; }).length;
    var started = tracked.filter(function (t) { return t.status.state !== "not-started"; }).length;
    var inProgress = tracked.filter(function (t) { return t.status.state === "in-progress"; })
      .sort(function (a, b) { return b.status.updated - a.status.updated; });
    var notStarted = tracked.filter(function (t) { return t.status.state === "not-started"; });

    line.textContent = "";
    var target = null;
    var label = "";
    if (inProgress.length) {
      target = inProgress[0];
      label = strings.library_continue;
    } else if (notStarted.length) {
      target = notStarted[0]; /* rows are in curriculum order */
      label = started ? strings.library_next : strings.library_start;
    }
    if (target) {
      line.appendChild(document.createTextNode(label + " "));
      line.appendChild(lessonLink(target.row));
    } else {
      line.textContent = strings.library_all_passed;
    }
    passedLine.textContent = format(strings.library_progress, { passed: passed, total: tracked.length });
    box.hidden = false;
  }

  function applyFilter(root, strings, role) {
    var shown = 0;
    var total = 0;
    var minutes = 0;
    var sections = root.querySelectorAll("[data-ctpat-module]");
    Array.prototype.forEach.call(sections, function (section) {
      var count = 0;
      var sectionMinutes = 0;
      var questions = 0;
      Array.prototype.forEach.call(section.querySelectorAll("tr[data-ctpat-lesson]"), function (row) {
        var roles = (row.getAttribute("data-roles") || "").split(/\s+/);
        var visible = !role || roles.indexOf(role) !== -1;
        row.hidden = !visible;
        total += 1;
        if (visible) {
          count += 1;
          sectionMinutes += number(row.getAttribute("data-duration")) || 0;
          questions += number(row.getAttribute("data-questions")) || 0;
        }
      });
      section.hidden = count === 0;
      var countCell = section.querySelector("[data-ctpat-module-count]");
      var durationCell = section.querySelector("[data-ctpat-module-duration]");
      var questionsCell = section.querySelector("[data-ctpat-module-questions]");
      if (countCell) countCell.textContent = format(strings.library_lesson_count, { n: count });
      if (durationCell) durationCell.textContent = minutesText(strings, sectionMinutes);
      if (questionsCell) questionsCell.textContent = String(questions);
      shown += count;
      minutes += sectionMinutes;
    });
    var status = root.querySelector("[data-ctpat-shown]");
    if (status) {
      status.textContent = shown
        ? format(strings.library_shown, { shown: shown, total: total, time: minutesText(strings, minutes) })
        : strings.library_none_shown;
    }
  }

  function setupFilter(root, strings) {
    var form = root.querySelector("[data-ctpat-filter]");
    var select = root.querySelector("[data-ctpat-role]");
    if (!form || !select) return;
    var wanted = null;
    try {
      wanted = new URLSearchParams(window.location.search).get("role");
    } catch (error) {
      wanted = null;
    }
    var known = Array.prototype.some.call(select.options, function (option) {
      return option.value === wanted;
    });
    select.value = wanted && known ? wanted : "";
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    select.addEventListener("change", function () {
      applyFilter(root, strings, select.value);
      try {
        var url = new URL(window.location.href);
        if (select.value) url.searchParams.set("role", select.value);
        else url.searchParams.delete("role");
        window.history.replaceState(window.history.state, "", url.toString());
      } catch (error) { /* the filter still works without the address */ }
    });
    form.hidden = false;
    applyFilter(root, strings, select.value);
  }

  /* ---- Keeping progress: a file, or a code (and its QR code) for another device --------
     A file holds every record as it is. A code holds, per self-check, its position in the
     library, the first two hex digits of its hash, best score with the passed bit, and the
     day it was last saved: five bytes each, in Base64url behind "CTP1.". Restoring merges:
     each self-check keeps the better result (passed beats not passed, then the higher best
     score); anything that is not this course's progress changes nothing. */
  var DAY = 86400000, EPOCH = Date.UTC(2020, 0, 1);

  /* The library's self-checks in table order, then the final assessment: a code numbers them
     by this order, so anything new goes at the end and older codes stay valid. */
  function quizzes(root) {
    var rows = Array.prototype.slice.call(root.querySelectorAll("tr[data-quiz-id]"))
      .concat(Array.prototype.slice.call(root.querySelectorAll("[data-ctpat-extra-quiz]")));
    return rows.map(function (row) {
      return { id: row.getAttribute("data-quiz-id"), hash: row.getAttribute("data-quiz-hash") };
    }).filter(function (quiz) { return quiz.id; });
  }

  function better(incoming, current) {
    if (!current) return true;
    if (incoming.passed === true && current.passed !== true) return true;
    if (incoming.passed !== true && current.passed === true) return false;
    return (incoming.best || 0) > (current.best || 0);
  }

  function toCode(records, list) {
    var bytes = [];
    list.forEach(function (quiz, index) {
      var data = records[quiz.id];
      if (!data || data.hash !== quiz.hash || !(data.best || data.passed)) return;
      var at = new Date(data.passedAt || data.updated); /* the day as the trainee saw it here */
      var days = Math.max(0, Math.min(65535, Math.round((Date.UTC(at.getFullYear(), at.getMonth(), at.getDate()) - EPOCH) / DAY) || 0));
      bytes.push(index & 255, parseInt(quiz.hash.slice(0, 2), 16), (data.best & 127) | (data.passed ? 128 : 0), days >> 8, days & 255);
    });
    var text = String.fromCharCode.apply(null, bytes);
    return "CTP1." + btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromCode(code, list) {
    var match = /^CTP1\.([A-Za-z0-9_-]+)$/.exec(code.replace(/\s+/g, ""));
    if (!match) return null;
    var raw;
    try { raw = atob(match[1].replace(/-/g, "+").replace(/_/g, "/")); } catch (e) { return null; }
    if (!raw.length || raw.length % 5) return null;
    var records = {};
    for (var i = 0; i < raw.length; i += 5) {
      var quiz = list[raw.charCodeAt(i)], check = raw.charCodeAt(i + 1), value = raw.charCodeAt(i + 2),
        days = raw.charCodeAt(i + 3) * 256 + raw.charCodeAt(i + 4);
      if (!quiz || parseInt(quiz.hash.slice(0, 2), 16) !== check) return null;
      var day = new Date(EPOCH + days * DAY), passed = value >= 128, /* noon of that day, in this browser's time zone */
        date = new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12).toISOString();
      records[quiz.id] = { v: 1, hash: quiz.hash, best: value & 127, score: value & 127, passed: passed,
        passedAt: passed ? date : null, answers: {}, checked: [], updated: date };
    }
    return records;
  }

  function fromFile(text, list) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return null; }
    if (!data || data.format !== "ctpat-progress" || typeof data.records !== "object" || !data.records) return null;
    var known = {}, records = {}, any = false;
    list.forEach(function (quiz) { known[quiz.id] = quiz.hash; });
    Object.keys(data.records).forEach(function (id) {
      var record = data.records[id];
      if (known[id] && record && record.v === 1 && record.hash === known[id]) { records[id] = record; any = true; }
    });
    return any ? records : null;
  }

  function merge(prefix, records, status, strings) {
    var changed = 0, kept = 0;
    Object.keys(records).forEach(function (id) {
      var current = progress.record(prefix + id);
      if (current && current.hash !== records[id].hash) current = null; /* an older version's result counts as none */
      if (better(records[id], current)) { progress.write(prefix + id, JSON.stringify(records[id])); changed++; }
      else kept++;
    });
    status.textContent = changed ? format(strings.progress_restored, { changed: changed, kept: kept }) : strings.progress_nothing;
    return changed;
  }

  function showQr(box, text) {
    function draw() {
      var qr = window.qrcode(0, "M");
      qr.addData(text);
      qr.make();
      box.innerHTML = qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
    }
    if (window.qrcode) return draw();
    var script = document.createElement("script");
    script.src = box.getAttribute("data-qr-script");
    script.onload = draw;
    document.head.appendChild(script);
  }

  function setupKeep(root, strings) {
    var keep = root.querySelector("[data-ctpat-keep]");
    if (!keep) return;
    var prefix = progress.prefix(root.getAttribute("data-root")), list = quizzes(root),
      status = keep.querySelector("[data-ctpat-keep-status]"), codeBox = keep.querySelector("[data-ctpat-code]"),
      refresh = function () { refreshProgress(root, strings); };

    keep.querySelector("[data-ctpat-save-file]").addEventListener("click", function () {
      var records = progress.all(prefix);
      if (!Object.keys(records).length) { status.textContent = strings.progress_empty; return; }
      var blob = new Blob([JSON.stringify({ format: "ctpat-progress", version: 1, site: prefix, saved: new Date().toISOString(), records: records }, null, 1)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "ctpat-progress.json";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
    keep.querySelector("[data-ctpat-save-code]").addEventListener("click", function () {
      var code = toCode(progress.all(prefix), list);
      if (code === "CTP1.") { status.textContent = strings.progress_empty; return; }
      keep.querySelector("[data-ctpat-code-value]").textContent = code;
      var address = window.location.href.split("#")[0] + "#restore=" + code;
      codeBox.hidden = false;
      showQr(keep.querySelector("[data-ctpat-code-qr]"), address);
    });
    keep.querySelector("[data-ctpat-restore-file]").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var records = fromFile(String(reader.result), list);
        if (!records) status.textContent = strings.progress_bad;
        else if (merge(prefix, records, status, strings)) refresh();
        event.target.value = "";
      };
      reader.readAsText(file);
    });
    var form = keep.querySelector("[data-ctpat-restore-form]"), input = form.querySelector("input");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var records = fromCode(input.value, list);
      if (!records) status.textContent = strings.progress_bad;
      else if (merge(prefix, records, status, strings)) refresh();
    });
    var hash = window.location.hash.match(/restore=([^&]+)/);
    if (hash) input.value = decodeURIComponent(hash[1]);
    keep.hidden = false;
  }

  function init() {
    var root = document.querySelector("[data-ctpat-library]");
    if (!root || root.getAttribute("data-ctpat-ready")) return;
    root.setAttribute("data-ctpat-ready", "true");
    var strings = readStrings(root);
    root.classList.add("ctpat-library--live");
    setupFilter(root, strings);
    refreshProgress(root, strings);
    setupKeep(root, strings);
  }

  /* A quiz passed in another tab updates this one. */
  window.addEventListener("storage", function (event) {
    var root = document.querySelector("[data-ctpat-library][data-ctpat-ready]");
    if (root && (!event.key || event.key.indexOf(progress.prefix(root.getAttribute("data-root"))) === 0)) {
      refreshProgress(root, readStrings(root));
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); /* Material: every page, also with instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

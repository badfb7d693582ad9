/* The test player: window.API is scorm-again's Scorm12API, started from the cmi values the
   test gives in window.CMI_START (what an LMS holds from an earlier session), with every call
   the package makes recorded in window.CALLS. window.unloadCourse() removes the package's
   frame, as an LMS does when the trainee leaves. */
(function () {
  "use strict";
  var api = new window.Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 4 });
  if (window.CMI_START) api.loadFromJSON(window.CMI_START);
  var calls = window.CALLS = [];
  ["LMSInitialize", "LMSFinish", "LMSCommit", "LMSSetValue", "LMSGetValue"].forEach(function (name) {
    var real = api[name];
    api[name] = function () {
      var args = Array.prototype.slice.call(arguments), result = real.apply(api, args);
      calls.push({ name: name, args: args, result: result, error: String(api.LMSGetLastError()) });
      return result;
    };
  });
  window.API = api;
  document.addEventListener("DOMContentLoaded", function () {
    var pkg = new URLSearchParams(window.location.search).get("pkg") || "";
    var frame = document.createElement("iframe");
    frame.title = "Course";
    frame.src = pkg + "scorm.html";
    document.body.appendChild(frame);
    window.unloadCourse = function () { frame.remove(); };
  });
})();

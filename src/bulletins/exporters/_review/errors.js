// bulletins pages' error report, run before the page's own script (review.js, index.js): an
// uncaught error or rejection is listed in #errors and counted on <body data-errors>, so a person
// sees that the page's script failed and the Chromium tests can assert that it did not. The list
// is kept in bulletinsErrors, which each page's ?selftest=1 verdict reports.
"use strict";
var bulletinsErrors = (function () {
  var errors = [];
  function report(text) {
    errors.push(String(text));
    var box = document.getElementById("errors");
    if (box) { box.textContent = errors.join("\n"); }
    document.body.setAttribute("data-errors", String(errors.length));
  }
  window.addEventListener("error", function (event) {
    report((event.message || "error") + " @" + (event.lineno || 0));
  });
  window.addEventListener("unhandledrejection", function (event) { report("rejection: " + event.reason); });
  return errors;
})();

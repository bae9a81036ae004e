// bulletins review page: clicking a field marks and flashes its source lines.
// No data is read from the page as code: everything comes from data-* attributes.
"use strict";
(function () {
  var errors = bulletinsErrors;  // errors.js, run before this script
  function ranges(spec) {
    var out = [];
    (spec || "").split(" ").forEach(function (part) {
      var bounds = part.split("-");
      var lo = parseInt(bounds[0], 10), hi = parseInt(bounds[1] || bounds[0], 10);
      if (!isNaN(lo) && !isNaN(hi)) { out.push([lo, hi]); }
    });
    return out;
  }
  var marked = [], lit = [], current = null, testing = false;
  function clear() {
    marked.forEach(function (row) { row.classList.remove("marked", "flash"); });
    lit.forEach(function (m) { m.classList.remove("hit"); });
    if (current) { current.classList.remove("on"); }
    marked = []; lit = []; current = null;
  }
  function show(field) {
    clear();
    current = field;
    field.classList.add("on");
    var first = null;
    ranges(field.getAttribute("data-lines")).forEach(function (r) {
      for (var n = r[0]; n <= r[1]; n++) {
        var row = document.getElementById("L" + n);
        if (row) { marked.push(row); first = first || row; }
      }
    });
    marked.forEach(function (row) {
      if (!testing) { void row.offsetWidth; }  // restart the flash animation
      row.classList.add("marked", "flash");
    });
    var group = field.getAttribute("data-g"), number = field.getAttribute("data-n");
    if (group) {
      document.querySelectorAll('mark.name[data-g="' + group + '"]').forEach(function (m) {
        if (!number || m.getAttribute("data-n") === number) { m.classList.add("hit"); lit.push(m); }
      });
    }
    if (first && !testing) { first.scrollIntoView({ block: "center" }); }
    return marked;
  }
  // The other way: a source line shows the narrowest field that covers it.
  var index = null;
  function fieldFor(number) {
    if (index === null) {
      index = [];
      document.querySelectorAll("#record [data-lines]").forEach(function (field) {
        ranges(field.getAttribute("data-lines")).forEach(function (r) { index.push([r[0], r[1], field]); });
      });
    }
    var best = null;
    index.forEach(function (entry) {
      if (entry[0] <= number && number <= entry[1] && (!best || entry[1] - entry[0] < best[1] - best[0])) {
        best = entry;
      }
    });
    return best ? best[2] : null;
  }
  function reveal(row) {
    var field = fieldFor(parseInt(row.id.slice(1), 10));
    if (!field) { return null; }
    show(field);
    if (!testing) { field.scrollIntoView({ block: "center" }); }
    return field;
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    var field = target && target.closest ? target.closest("#record [data-lines]") : null;
    if (field) {
      show(field);
      if (field.tagName === "A") { event.preventDefault(); }
      return;
    }
    var row = target && target.closest ? target.closest("#source .ln") : null;
    if (row) { reveal(row); }
  });

  document.addEventListener("keydown", function (event) {  // fields are focusable: Enter shows one
    var field = event.target && event.target.closest ? event.target.closest("#record [data-lines]") : null;
    if (field && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); show(field); }
  });

  // ?selftest=1: click every field and check that exactly its lines (and names) are marked;
  // the verdict goes into #selftest for a headless browser's --dump-dom (tests/test_browser.py).
  function selftest() {
    var fields = document.querySelectorAll("#record [data-lines]");
    var failures = [], names = 0;
    testing = true;  // the same click handler, without scrolling and restarting animations
    fields.forEach(function (field, k) {
      field.click();
      var want = 0;
      ranges(field.getAttribute("data-lines")).forEach(function (r) {
        for (var n = r[0]; n <= r[1]; n++) {
          var row = document.getElementById("L" + n);
          if (!row || !row.classList.contains("marked")) { failures.push("field " + k + ": line " + n + " not marked"); }
          want++;
        }
      });
      var all = document.querySelectorAll(".ln.marked").length;
      if (all !== want) { failures.push("field " + k + ": " + all + " lines marked, expected " + want); }
      if (field.getAttribute("data-n")) {
        var hit = document.querySelectorAll("mark.name.hit").length;
        names++;
        if (hit < 1) { failures.push("field " + k + ": name " + field.textContent + " not lit"); }
      }
    });
    var rows = 0;
    document.querySelectorAll("#source .ln").forEach(function (row) {
      if (!row.querySelector("[data-h]")) { return; }  // a blank line belongs to no field
      rows++;
      row.click();
      var n = parseInt(row.id.slice(1), 10), ok = false;
      if (current) {
        ranges(current.getAttribute("data-lines")).forEach(function (r) { ok = ok || (r[0] <= n && n <= r[1]); });
      }
      if (!ok || !row.classList.contains("marked")) { failures.push("line " + n + ": no field shown"); }
    });
    clear();
    testing = false;
    var result = {
      fields: fields.length, names: names, rows: rows, failures: failures.slice(0, 50),
      failed: failures.length, errors: errors.slice(0)
    };
    var box = document.getElementById("selftest");
    box.textContent = JSON.stringify(result);
    document.body.setAttribute("data-selftest", failures.length || errors.length ? "fail" : "pass");
  }
  if (/[?&]selftest=1(&|$)/.test(window.location.search)) {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", selftest); }
    else { selftest(); }
  }
})();

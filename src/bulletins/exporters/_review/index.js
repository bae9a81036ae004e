// bulletins batch index: sort by any column (click its heading), filter rows by text and by kind.
// Nothing from the page is run as code: sort keys come from data-v attributes and text content.
// The state can be given in the address: ?sort=KEY&dir=desc&q=TEXT&show=diagnostics.
"use strict";
(function () {
  var errors = bulletinsErrors;  // errors.js, run before this script
  var table = document.querySelector("table.index");
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var filter = document.getElementById("filter");
  var show = document.getElementById("show");
  var shown = document.getElementById("shown");
  var state = { key: null, dir: 1 };

  function rows() { return Array.prototype.slice.call(body.rows); }
  function column(key) {
    for (var k = 0; k < heads.length; k++) { if (heads[k].getAttribute("data-key") === key) { return k; } }
    return -1;
  }
  function value(row, k, numeric) {
    var cell = row.cells[k];
    if (numeric) { return parseFloat(cell.getAttribute("data-v") || "0"); }
    return (cell.getAttribute("data-v") || cell.textContent || "").toLowerCase();
  }
  // A stable sort: rows equal on the key keep their input order (data-i).
  function sort(key, dir) {
    var k = column(key);
    if (k < 0) { return; }
    var numeric = heads[k].getAttribute("data-type") === "num";
    var list = rows();
    list.sort(function (a, b) {
      var x = value(a, k, numeric), y = value(b, k, numeric);
      if (x < y) { return -dir; }
      if (x > y) { return dir; }
      return parseInt(a.getAttribute("data-i"), 10) - parseInt(b.getAttribute("data-i"), 10);
    });
    list.forEach(function (row) { body.appendChild(row); });
    heads.forEach(function (th) { th.removeAttribute("aria-sort"); });
    heads[k].setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    state.key = key; state.dir = dir;
  }
  function matches(row, words, kind) {
    if (kind === "failed" && !row.classList.contains("failed")) { return false; }
    if (kind === "low" && !row.classList.contains("low")) { return false; }
    if (kind === "diagnostics" && !(parseInt(row.getAttribute("data-diagnostics"), 10) > 0)) { return false; }
    if (kind === "none" && (row.classList.contains("failed") || parseInt(row.getAttribute("data-bulletins"), 10) > 0)) {
      return false;
    }
    var text = row.textContent.toLowerCase();
    return words.every(function (w) { return text.indexOf(w) >= 0; });
  }
  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var kind = show.value, count = 0, all = 0;
    rows().forEach(function (row) {
      var ok = matches(row, words, kind);
      row.hidden = !ok;
      all++;
      if (ok) { count++; }
    });
    shown.textContent = count + " of " + all + " files shown";
  }
  heads.forEach(function (th) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      sort(key, state.key === key ? -state.dir : (th.getAttribute("data-type") === "num" ? -1 : 1));
    });
  });
  filter.addEventListener("input", apply);
  show.addEventListener("change", apply);

  var query = new URLSearchParams(window.location.search);
  if (query.get("q")) { filter.value = query.get("q"); }
  if (query.get("show")) { show.value = query.get("show"); }
  if (query.get("sort")) { sort(query.get("sort"), query.get("dir") === "desc" ? -1 : 1); }
  apply();

  // ?selftest=1: sort by every column both ways and check the order; filter by each row's file
  // name and check that the row is shown; the verdict goes into #selftest (tests/test_browser.py).
  function selftest() {
    var failures = [], sorts = 0, filters = 0;
    var before = rows();
    heads.forEach(function (th, k) {
      var key = th.getAttribute("data-key");
      if (!key) { return; }
      var numeric = th.getAttribute("data-type") === "num";
      [1, -1].forEach(function (dir) {
        sort(key, dir);
        sorts++;
        var list = rows();
        for (var n = 1; n < list.length; n++) {
          var x = value(list[n - 1], k, numeric), y = value(list[n], k, numeric);
          if ((dir > 0 && x > y) || (dir < 0 && x < y)) { failures.push(key + " " + dir + ": row " + n + " out of order"); }
        }
      });
    });
    before.forEach(function (row) {
      var name = row.cells[0].textContent;
      filter.value = name;
      apply();
      filters++;
      if (row.hidden) { failures.push("filter " + name + ": its row is hidden"); }
      rows().forEach(function (other) {
        if (!other.hidden && other.textContent.toLowerCase().indexOf(name.toLowerCase()) < 0) {
          failures.push("filter " + name + ": a row without it is shown");
        }
      });
    });
    filter.value = "";
    show.value = "all";
    before.forEach(function (row) { body.appendChild(row); });
    heads.forEach(function (th) { th.removeAttribute("aria-sort"); });
    state.key = null;
    apply();
    var result = { sorts: sorts, filters: filters, rows: before.length, failures: failures.slice(0, 50),
                   failed: failures.length, errors: errors.slice(0) };
    document.getElementById("selftest").textContent = JSON.stringify(result);
    document.body.setAttribute("data-selftest", failures.length || errors.length ? "fail" : "pass");
  }
  if (query.get("selftest") === "1") { selftest(); }
})();

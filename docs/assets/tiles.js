/* The drill filters of /drills/: level, muscle, sport, surface and "no equipment", kept in the
   address (?level=beginner&muscle=calves,glutes). Values of one filter: any of them; different
   filters: all of them. A filter searches the whole handbook through the compact index
   (drill-index.js, loaded as a script so it works from file:// too), not only this page of the
   list. Without JavaScript the form stays hidden and the full list shows. */
(function () {
  "use strict";
  var NAMES = ["level", "muscle", "sport", "surface", "equipment"];

  function words(form, selector) {
    var out = {};
    var t = form.querySelector(selector);
    if (!t) return out;
    t.content.querySelectorAll("span").forEach(function (s) { out[s.dataset.key || s.dataset.n] = s.textContent; });
    return out;
  }

  function chosenFromAddress() {
    var params = new URLSearchParams(window.location.search);
    var out = {};
    NAMES.forEach(function (name) {
      var values = [];
      params.getAll(name).forEach(function (v) { v.split(",").forEach(function (x) { x = x.trim(); if (x) values.push(x); }); });
      if (values.length) out[name] = values;
    });
    return out;
  }

  function chosenFromForm(form) {
    var out = {};
    NAMES.forEach(function (name) {
      var values = Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (b) { return b.value; });
      if (values.length) out[name] = values;
    });
    return out;
  }

  function keepInAddress(chosen) {
    var params = new URLSearchParams(window.location.search);
    NAMES.forEach(function (name) { params.delete(name); if (chosen[name]) params.set(name, chosen[name].join(",")); });
    var query = params.toString().replace(/%2C/g, ",");
    history.replaceState(history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  /* A drill of the index with its values written out: [id, name, level, primary, secondary, sports,
     surfaces, needs equipment, first variant]. */
  function expand(index, r) {
    var at = function (list) { return function (i) { return list[i]; }; };
    return [r[0], r[1], index.levels[r[2]], r[3].map(at(index.muscles)), r[4].map(at(index.muscles)),
      r[5].map(at(index.sports)), r[6].map(at(index.surfaces)), r[7], r[8][0]];
  }

  function matches(row, chosen) {
    var has = function (list, values) { return values.some(function (v) { return list.indexOf(v) >= 0; }); };
    if (chosen.level && chosen.level.indexOf(row[2]) < 0) return false;
    if (chosen.muscle && !has(row[3].concat(row[4]), chosen.muscle)) return false;
    if (chosen.sport && !has(row[5], chosen.sport)) return false;
    if (chosen.surface && !has(row[6], chosen.surface)) return false;
    if (chosen.equipment && chosen.equipment.indexOf("none") >= 0 && row[7] !== 0) return false;
    return true;
  }

  function tile(form, row, levels, muscles) {
    var li = document.createElement("li");
    li.className = "dh-tile";
    var a = document.createElement("a");
    a.href = form.dataset.drillHref.replace("DRILL-ID", row[0]);
    var fig = document.createElement("span");
    fig.className = "dh-tile-figure";
    var img = document.createElement("img");
    img.src = form.dataset.thumbHref.replace("DRILL-ID", row[0]).replace("VARIANT-ID", row[8]);
    img.alt = ""; img.width = 160; img.height = 80; img.loading = "lazy";
    fig.appendChild(img);
    var name = document.createElement("span");
    name.className = "dh-tile-name";
    name.textContent = row[1];
    a.appendChild(fig); a.appendChild(document.createTextNode("\n")); a.appendChild(name);
    var meta = document.createElement("span");
    meta.className = "dh-tile-meta";
    var level = document.createElement("span");
    level.className = "dh-level dh-level--" + row[2];
    level.textContent = levels[row[2]] || row[2];
    meta.appendChild(level);
    meta.appendChild(document.createTextNode(" · " + row[3].map(function (m) { return muscles[m] || m; }).join(", ")));
    li.appendChild(a); li.appendChild(document.createTextNode("\n")); li.appendChild(meta);
    return li;
  }

  function countText(form, n) {
    var w = words(form, ".dh-count-words");
    var total = Number(form.dataset.count);
    if (n === null) return w.all;
    if (n === 0) return w["0"];
    if (n === 1) return w["1"];
    return w.many.replace("N", String(n)).replace(String(total), String(total));
  }

  function setUp(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var root = form.closest(".dh-browse");
    var found = root.querySelector(".dh-tiles-found");
    var full = root.querySelector(".dh-tiles:not(.dh-tiles-found)");
    var status = form.querySelector(".dh-filter-count");
    var levels = words(form, ".dh-level-words");
    var muscles = words(form, ".dh-muscle-words");
    var pagers = document.querySelectorAll(".dh-pager");
    var loading = null;

    function index(then) {
      if (window.dhDrillIndex) return then(window.dhDrillIndex);
      if (!loading) {
        loading = [];
        var s = document.createElement("script");
        s.src = form.dataset.indexSrc;
        s.onload = function () { loading.forEach(function (f) { f(window.dhDrillIndex); }); };
        document.head.appendChild(s);
      }
      loading.push(then);
    }

    function apply() {
      var chosen = chosenFromForm(form);
      keepInAddress(chosen);
      if (!Object.keys(chosen).length) {
        found.hidden = true; full.hidden = false;
        pagers.forEach(function (p) { p.hidden = false; });
        status.textContent = countText(form, null);
        return;
      }
      index(function (data) {
        var now = chosenFromForm(form);
        if (JSON.stringify(now) !== JSON.stringify(chosen)) return;
        var rows = data.drills.map(function (r) { return expand(data, r); });
        var hits = rows.filter(function (r) { return matches(r, chosen); });
        found.replaceChildren.apply(found, hits.map(function (r) { return tile(form, r, levels, muscles); }));
        found.hidden = false; full.hidden = true;
        pagers.forEach(function (p) { p.hidden = true; });
        status.textContent = countText(form, hits.length);
      });
    }

    var start = chosenFromAddress();
    form.querySelectorAll("input[type=checkbox]").forEach(function (b) {
      b.checked = (start[b.name] || []).indexOf(b.value) >= 0;
    });
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    var box = form.querySelector("details");
    if (box && Object.keys(start).length) box.open = true;
    form.hidden = false;
    apply();
  }

  function run() { document.querySelectorAll("form.dh-filters").forEach(setUp); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
  if (window.document$) window.document$.subscribe(run);
})();

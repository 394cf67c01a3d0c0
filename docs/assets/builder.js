/* The session builder (/session-builder/): a warm-up of timed blocks naming the handbook's drills,
   kept whole in the address (?s=...; ?from=<id> starts from a shipped session), so it can be
   shared and works offline. The drill index and the variants' names, cues and dosages are
   loaded as scripts (file:// allows no fetch). Every word shown comes from the page's templates;
   text from the address is only ever set as text. */
(function () {
  "use strict";

  function loadScript(src, then) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = then;
    document.head.appendChild(s);
  }

  function setUp(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var ui = root.querySelector(".dh-b-ui");
    var W = {};
    root.querySelector(".dh-b-words").content.querySelectorAll("span").forEach(function (s) { W[s.dataset.key] = s.textContent; });
    var blockT = root.querySelector(".dh-b-block-template");
    var drillT = root.querySelector(".dh-b-drill-template");
    var list = root.querySelector(".dh-b-blocks");
    var status = root.querySelector(".dh-b-status");
    var nameInput = root.querySelector(".dh-b-name");
    var state = {name: "", blocks: []};
    var data, index;

    function number(m) { return String(Math.round(m * 100) / 100).replace(".", W.decimal || "."); }
    function clock(m) { var s = Math.round(m * 60); return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0"); }
    function variantOf(d) {
      var drill = data.drills[d.drill];
      return drill[1].filter(function (v) { return v[0] === d.variant; })[0] || drill[1][0];
    }
    function href(tpl, drill, variant) { return root.dataset[tpl].replace("DRILL-ID", drill).replace("VARIANT-ID", variant); }

    // ---- the address ----
    function toAddress() {
      var compact = [state.name, state.blocks.map(function (b) {
        return [b.name, b.minutes, b.what, b.drills.map(function (d) { return [d.drill, d.variant, d.dosage]; })];
      })];
      var params = new URLSearchParams(window.location.search);
      params.delete("from");
      params.set("s", JSON.stringify(compact));
      history.replaceState(history.state, "", window.location.pathname + "?" + params.toString() + window.location.hash);
    }

    function text(v, max) { return typeof v === "string" ? v.slice(0, max) : ""; }

    function fromCompact(compact) {
      var dropped = [];
      if (!Array.isArray(compact) || !Array.isArray(compact[1])) throw new Error("junk");
      var s = {name: text(compact[0], 120), blocks: []};
      compact[1].slice(0, 50).forEach(function (b) {
        if (!Array.isArray(b)) return;
        var minutes = Number(b[1]);
        var block = {name: text(b[0], 80), minutes: isFinite(minutes) && minutes > 0 ? Math.min(minutes, 600) : 1, what: text(b[2], 400), drills: []};
        (Array.isArray(b[3]) ? b[3] : []).slice(0, 30).forEach(function (d) {
          if (!Array.isArray(d) || typeof d[0] !== "string") return;
          if (!Object.prototype.hasOwnProperty.call(data.drills, d[0])) { dropped.push(d[0].slice(0, 40)); return; }
          var item = {drill: d[0], variant: "", dosage: text(d[2], 80)};
          item.variant = variantOf({drill: d[0], variant: d[1]})[0];
          block.drills.push(item);
        });
        s.blocks.push(block);
      });
      return {session: s, dropped: dropped};
    }

    function fromShipped(id) {
      var shipped = data.sessions.filter(function (s) { return s.id === id; })[0];
      if (!shipped) return null;
      return fromCompact([shipped.name, shipped.blocks]).session;
    }

    // ---- drawing the session ----
    function total() { return state.blocks.reduce(function (t, b) { return t + b.minutes; }, 0); }

    function button(item, cls, f) { item.querySelector(cls).addEventListener("click", f); }

    function move(arr, i, by) {
      var j = i + by;
      if (j < 0 || j >= arr.length) return false;
      var x = arr.splice(i, 1)[0];
      arr.splice(j, 0, x);
      return true;
    }

    function changed() { toAddress(); summary(); }

    function summary() {
      root.querySelector(".dh-b-total").textContent = W.total.replace("N", number(total()));
      var at = 0;
      list.querySelectorAll(":scope > .dh-b-block").forEach(function (li, i) {
        li.querySelector(".dh-b-clock").textContent = clock(at);
        at += state.blocks[i].minutes;
      });
      var to = root.querySelector(".dh-b-to");
      var keep = to.value;
      to.replaceChildren.apply(to, state.blocks.map(function (b, i) {
        var o = document.createElement("option");
        o.value = String(i);
        o.textContent = (i + 1) + ". " + (b.name || W.block);
        return o;
      }));
      if (keep && Number(keep) < state.blocks.length) to.value = keep; else if (state.blocks.length) to.value = String(state.blocks.length - 1);
      var ids = [];
      state.blocks.forEach(function (b) { b.drills.forEach(function (d) { if (ids.indexOf(d.drill) < 0) ids.push(d.drill); }); });
      root.querySelector(".dh-b-cards").href = root.dataset.cardsHref + (ids.length ? "?drills=" + ids.join(",") : "");
    }

    function render(focus) {
      nameInput.value = state.name;
      list.replaceChildren();
      state.blocks.forEach(function (b, i) {
        var li = blockT.content.firstElementChild.cloneNode(true);
        li.dataset.index = String(i);
        var nm = li.querySelector(".dh-b-block-name");
        nm.value = b.name;
        nm.addEventListener("input", function () { b.name = nm.value; changed(); });
        var mins = li.querySelector(".dh-b-minutes");
        mins.value = String(b.minutes);
        mins.addEventListener("input", function () { var v = Number(mins.value); if (isFinite(v) && v > 0) { b.minutes = Math.min(v, 600); changed(); } });
        var what = li.querySelector(".dh-b-what");
        what.value = b.what;
        what.addEventListener("input", function () { b.what = what.value; changed(); });
        button(li, ".dh-b-up", function () { if (move(state.blocks, i, -1)) redraw(["block", i - 1, ".dh-b-up"]); });
        button(li, ".dh-b-down", function () { if (move(state.blocks, i, 1)) redraw(["block", i + 1, ".dh-b-down"]); });
        button(li, ".dh-b-remove", function () { state.blocks.splice(i, 1); redraw(null); });
        dragAndDrop(li, state.blocks, i, "block");
        var drills = li.querySelector(".dh-b-drills");
        b.drills.forEach(function (d, j) {
          var dl = drillT.content.firstElementChild.cloneNode(true);
          var drill = data.drills[d.drill];
          var v = variantOf(d);
          dl.querySelector(".dh-b-figure").src = href("thumbHref", d.drill, v[0]);
          dl.querySelector(".dh-b-drill-name").textContent = drill[0];
          var sel = dl.querySelector(".dh-b-variant");
          drill[1].forEach(function (x) { var o = document.createElement("option"); o.value = x[0]; o.textContent = x[1]; sel.appendChild(o); });
          sel.value = v[0];
          sel.addEventListener("change", function () { d.variant = sel.value; redraw(["drill", i, j, ".dh-b-variant"]); });
          var dose = dl.querySelector(".dh-b-dosage");
          dose.value = d.dosage;
          dose.placeholder = v[3];
          dose.addEventListener("input", function () { d.dosage = dose.value; changed(); });
          button(dl, ".dh-b-up", function () { if (move(b.drills, j, -1)) redraw(["drill", i, j - 1, ".dh-b-up"]); });
          button(dl, ".dh-b-down", function () { if (move(b.drills, j, 1)) redraw(["drill", i, j + 1, ".dh-b-down"]); });
          button(dl, ".dh-b-remove", function () { b.drills.splice(j, 1); redraw(null); });
          dragAndDrop(dl, b.drills, j, "drill-" + i);
          drills.appendChild(dl);
        });
        list.appendChild(li);
      });
      summary();
      if (focus) {
        var blocks = list.querySelectorAll(":scope > .dh-b-block");
        var el = focus[0] === "block" ? blocks[focus[1]] && blocks[focus[1]].querySelector(".dh-b-block-head " + focus[2])
          : blocks[focus[1]] && blocks[focus[1]].querySelectorAll(".dh-b-drill")[focus[2]];
        if (el && focus[0] === "drill") el = el.querySelector(focus[3]);
        if (el) el.focus();
      }
    }

    function redraw(focus) { render(focus); toAddress(); }

    var dragging = null;
    function dragAndDrop(item, arr, i, group) {
      item.addEventListener("dragstart", function (e) {
        e.stopPropagation();
        dragging = {arr: arr, i: i, group: group};
        e.dataTransfer.effectAllowed = "move";
        e.dataTransfer.setData("text/plain", group + ":" + i);
      });
      item.addEventListener("dragover", function (e) { if (dragging && dragging.group === group) { e.preventDefault(); e.stopPropagation(); } });
      item.addEventListener("drop", function (e) {
        if (!dragging || dragging.group !== group) return;
        e.preventDefault(); e.stopPropagation();
        var x = arr.splice(dragging.i, 1)[0];
        arr.splice(i, 0, x);
        dragging = null;
        redraw(null);
      });
    }

    // ---- adding drills ----
    function picker() {
      var level = root.querySelector(".dh-b-level").value;
      var muscle = root.querySelector(".dh-b-muscle").value;
      var find = root.querySelector(".dh-b-find").value.trim().toLowerCase();
      var found = root.querySelector(".dh-b-found");
      var rows = index.drills.filter(function (r) {
        if (level && index.levels[r[2]] !== level) return false;
        if (muscle && r[3].concat(r[4]).map(function (m) { return index.muscles[m]; }).indexOf(muscle) < 0) return false;
        return !find || r[1].toLowerCase().indexOf(find) >= 0;
      }).slice(0, 40);
      found.replaceChildren.apply(found, rows.map(function (r) {
        var li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.className = "dh-b-add";
        b.textContent = W.add;
        b.dataset.drill = r[0];
        var name = document.createElement("span");
        name.textContent = " " + r[1];
        li.appendChild(b); li.appendChild(name);
        return li;
      }));
      if (!rows.length) { var li = document.createElement("li"); li.textContent = W["none-found"]; found.appendChild(li); }
    }

    root.querySelector(".dh-b-found").addEventListener("click", function (e) {
      var b = e.target.closest(".dh-b-add");
      if (!b) return;
      if (!state.blocks.length) { status.textContent = W["no-block"]; return; }
      var to = Number(root.querySelector(".dh-b-to").value || state.blocks.length - 1);
      state.blocks[to].drills.push({drill: b.dataset.drill, variant: data.drills[b.dataset.drill][1][0][0], dosage: ""});
      render(null);
      toAddress();
      b.focus();
    });
    ["dh-b-level", "dh-b-muscle", "dh-b-find"].forEach(function (c) {
      root.querySelector("." + c).addEventListener("input", picker);
    });

    root.querySelector(".dh-b-add-block").addEventListener("click", function () {
      state.blocks.push({name: W["new-block"], minutes: 5, what: "", drills: []});
      redraw(null);
      var names = list.querySelectorAll(".dh-b-block-name");
      names[names.length - 1].focus();
    });
    nameInput.addEventListener("input", function () { state.name = nameInput.value; toAddress(); });
    root.querySelector(".dh-b-load").addEventListener("click", function () {
      var id = root.querySelector("#dh-b-from").value;
      state = (id && fromShipped(id)) || {name: W.untitled, blocks: []};
      status.textContent = "";
      redraw(null);
    });

    // ---- the printed sheet: the same parts as a session's PDF sheet ----
    function el(tag, cls, textContent) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (textContent !== undefined) e.textContent = textContent;
      return e;
    }
    root.querySelector(".dh-b-print-sheet").addEventListener("click", function () {
      var sheet = root.querySelector(".dh-b-sheet");
      sheet.replaceChildren();
      sheet.appendChild(el("h1", "", state.name || W.untitled));
      sheet.appendChild(el("p", "dh-sh-facts", W.min.replace("N", number(total()))));
      var ol = el("ol", "dh-sh-blocks");
      var at = 0;
      state.blocks.forEach(function (b) {
        var li = el("li", "dh-sh-block");
        li.appendChild(el("p", "dh-sh-clock", clock(at)));
        at += b.minutes;
        var body = el("div", "dh-sh-body");
        var h = el("h2", "", b.name + " ");
        h.appendChild(el("span", "", W.min.replace("N", number(b.minutes))));
        body.appendChild(h);
        if (b.what) body.appendChild(el("p", "dh-sh-what", b.what));
        b.drills.forEach(function (d) {
          var v = variantOf(d);
          var step = el("div", "dh-sh-step");
          var fig = el("div", "dh-sh-figure");
          var img = el("img");
          img.src = href("thumbHref", d.drill, v[0]); img.alt = "";
          fig.appendChild(img);
          var t = el("div", "dh-sh-text");
          var name = el("p", "dh-sh-name");
          name.appendChild(el("strong", "", data.drills[d.drill][0] + ": " + v[1]));
          name.appendChild(document.createTextNode(" · " + (d.dosage || v[3])));
          t.appendChild(name);
          t.appendChild(el("p", "dh-sh-cues", v[2].map(function (c) { return "› " + c; }).join("   ")));
          step.appendChild(fig); step.appendChild(t);
          body.appendChild(step);
        });
        li.appendChild(body);
        ol.appendChild(li);
      });
      sheet.appendChild(ol);
      sheet.appendChild(el("p", "dh-sh-total", W.total.replace("N", number(total()))));
      sheet.appendChild(el("p", "dh-sh-cards", W["cards-title"] + root.querySelector(".dh-b-cards").href));
      window.print();
    });

    // ---- start ----
    var loaded = 0;
    function ready() {
      if (++loaded < 2) return;
      data = window.dhBuilderData; index = window.dhDrillIndex;
      var params = new URLSearchParams(window.location.search);
      if (params.get("s") !== null) {
        try {
          var got = fromCompact(JSON.parse(params.get("s")));
          state = got.session;
          if (got.dropped.length) { status.textContent = W.dropped + got.dropped.join(", "); toAddress(); }
        } catch (e) {
          state = {name: W.untitled, blocks: []};
          status.textContent = W.junk;
        }
      } else if (params.get("from")) {
        state = fromShipped(params.get("from")) || {name: W.untitled, blocks: []};
        if (!fromShipped(params.get("from"))) status.textContent = W.dropped + params.get("from").slice(0, 40);
        root.querySelector("#dh-b-from").value = fromShipped(params.get("from")) ? params.get("from") : "";
      } else {
        state = {name: W.untitled, blocks: []};
      }
      ui.hidden = false;
      render(null);
      picker();
    }
    loadScript(root.dataset.indexSrc, ready);
    loadScript(root.dataset.dataSrc, ready);
  }

  function run() { document.querySelectorAll(".dh-builder").forEach(setUp); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run); else run();
  if (window.document$) window.document$.subscribe(run);
})();

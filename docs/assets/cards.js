/* Drill cards: choose drills (kept in ?drills=a-skip,butt-kickers), see their cards, print.
   Each drill's cards are a small script (cards/js/<id>.js) added when the drill is chosen:
   scripts load from a copy opened from the file system too, where fetching files is blocked.
   Printed, each sheet's fronts come first, then its backs, mirrored to land behind them. */
(function () {
  "use strict";

  const loading = new Map();

  function cardsOf(box) {
    const id = box.value;
    if (!loading.has(id)) {
      loading.set(id, new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = box.dataset.script;
        script.onload = () => {
          const cards = (window.dhCards || {})[id];
          if (cards) resolve(cards.map(([front, back]) => ({ front: parse(front), back: parse(back) })));
          else reject(new Error("no cards in " + script.src));
        };
        script.onerror = () => { loading.delete(id); reject(new Error("cannot load " + script.src)); };
        document.head.appendChild(script);
      }));
    }
    return loading.get(id);
  }

  function parse(html) {
    const holder = document.createElement("template");
    holder.innerHTML = html;
    return holder.content.firstElementChild;
  }

  function chosenFromQuery(boxes) {
    const value = new URLSearchParams(window.location.search).get("drills");
    if (value === null) return boxes.map((b) => b.value);
    return value.split(",").map((s) => s.trim()).filter(Boolean);
  }

  function keepInQuery(boxes) {
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    const params = new URLSearchParams(window.location.search);
    if (chosen.length === boxes.length) params.delete("drills");
    else params.set("drills", chosen.join(","));
    const query = params.toString().replace(/%2C/g, ",");
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function setUpPicker(picker) {
    const boxes = Array.from(picker.querySelectorAll("input[name=drills]"));
    const deck = document.querySelector(".dh-deck");
    const fronts = document.querySelector(".dh-sheet-template");
    const backs = document.querySelector(".dh-back-template");
    const status = picker.querySelector(".dh-picker-status");
    const perSheet = Number(deck.dataset.sheetSize) || 4;
    const wanted = new Set(chosenFromQuery(boxes));
    boxes.forEach((b) => { b.checked = wanted.has(b.value); });

    let ready = Promise.resolve();
    let generation = 0;

    function gather() {
      const run = ++generation;
      deck.setAttribute("aria-busy", "true");
      status.textContent = "Gathering the cards…";
      const chosen = boxes.filter((b) => b.checked);
      ready = Promise.all(chosen.map(cardsOf)).then((lists) => {
        if (run !== generation) return;
        const cards = lists.flat();
        deck.replaceChildren();
        for (let i = 0; i < cards.length; i += perSheet) {
          // The back sheet's slots are mirrored left to right, so each back lands behind its
          // front when the sheet is turned over on its long edge.
          const frontSheet = fronts.content.firstElementChild.cloneNode(true);
          const backSheet = backs.content.firstElementChild.cloneNode(true);
          const frontSlots = frontSheet.querySelectorAll(".dh-slot");
          const backSlots = backSheet.querySelectorAll(".dh-slot");
          cards.slice(i, i + perSheet).forEach((card, j) => {
            const front = card.front.cloneNode(true);
            const back = card.back.cloneNode(true);
            front.style.order = 2 * (i + j);      // on screen, each front is followed by its back
            back.style.order = 2 * (i + j) + 1;
            frontSlots[j].appendChild(front);
            backSlots[j].appendChild(back);
          });
          deck.append(frontSheet, backSheet);
        }
        const sheets = Math.ceil(cards.length / perSheet);
        status.textContent = cards.length === 0
          ? "No drill chosen: tick at least one to print its cards."
          : `${cards.length} card${cards.length === 1 ? "" : "s"} on ${sheets} A4 sheet${sheets === 1 ? "" : "s"}, printed on both sides (turn over on the long edge).`;
      }).catch(() => {
        if (run === generation) status.textContent = "The cards could not be loaded; print the PDF decks instead.";
      }).finally(() => {
        if (run === generation) {
          deck.removeAttribute("aria-busy");
          deck.dataset.ready = "true";
        }
      });
      return ready;
    }

    boxes.forEach((b) => b.addEventListener("change", () => { deck.dataset.ready = "false"; keepInQuery(boxes); gather(); }));
    picker.querySelectorAll("[data-pick]").forEach((button) => button.addEventListener("click", () => {
      boxes.forEach((b) => { b.checked = button.dataset.pick === "all"; });
      deck.dataset.ready = "false";
      keepInQuery(boxes);
      gather();
    }));
    // A drill's "cards" link (?drills=<id>) changes only the address: choose that drill here.
    picker.querySelectorAll(".dh-picker-more a[href*='?drills=']").forEach((link) => link.addEventListener("click", (event) => {
      event.preventDefault();
      const id = new URL(link.href).searchParams.get("drills");
      boxes.forEach((b) => { b.checked = b.value === id; });
      deck.dataset.ready = "false";
      keepInQuery(boxes);
      gather().then(() => deck.scrollIntoView({ block: "start" }));
    }));
    gather();
    return () => ready;
  }

  function setUp() {
    const picker = document.querySelector(".dh-picker");
    const whenReady = picker ? setUpPicker(picker) : () => Promise.resolve();
    document.querySelectorAll(".dh-print").forEach((button) => {
      button.closest("[hidden]")?.removeAttribute("hidden");
      button.addEventListener("click", () => whenReady().then(() => window.print()));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

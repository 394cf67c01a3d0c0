/* Drill cards: choose drills (kept in ?drills=a-skip,butt-kickers), gather their cards, print.
   The cards themselves live on each drill's card page; this page fetches only the chosen ones. */
(function () {
  "use strict";

  const pages = new Map();

  function cardsOf(href) {
    if (!pages.has(href)) {
      pages.set(href, fetch(href)
        .then((r) => { if (!r.ok) throw new Error(r.status + " " + href); return r.text(); })
        .then((html) => {
          const doc = new DOMParser().parseFromString(html, "text/html");
          return Array.from(doc.querySelectorAll(".dh-deck .dh-card-front"))
            .map((front) => ({ front, back: doc.getElementById(front.id + "-back") }));
        }));
    }
    return pages.get(href);
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
    const template = document.querySelector(".dh-sheet-template");
    const backTemplate = document.querySelector(".dh-back-template");
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
      ready = Promise.all(chosen.map((b) => cardsOf(b.dataset.cards))).then((lists) => {
        if (run !== generation) return;
        const cards = lists.flat();
        deck.replaceChildren();
        for (let i = 0; i < cards.length; i += perSheet) {
          // Each sheet's fronts, then its backs: the back template mirrors the slots, so each
          // back lands behind its front when the sheet is turned over on its long edge.
          const fronts = template.content.firstElementChild.cloneNode(true);
          const backs = backTemplate.content.firstElementChild.cloneNode(true);
          const frontSlots = fronts.querySelectorAll(".dh-slot");
          const backSlots = backs.querySelectorAll(".dh-slot");
          cards.slice(i, i + perSheet).forEach((card, j) => {
            const front = document.importNode(card.front, true);
            const back = document.importNode(card.back, true);
            front.style.order = 2 * (i + j);      // on screen, each front is followed by its back
            back.style.order = 2 * (i + j) + 1;
            frontSlots[j].appendChild(front);
            backSlots[j].appendChild(back);
          });
          deck.append(fronts, backs);
        }
        const sheets = Math.ceil(cards.length / perSheet);
        status.textContent = cards.length === 0
          ? "No drill chosen: tick at least one to print its cards."
          : `${cards.length} card${cards.length === 1 ? "" : "s"} on ${sheets} A4 sheet${sheets === 1 ? "" : "s"}, printed on both sides (turn over on the long edge).`;
      }).catch(() => {
        if (run === generation) status.textContent = "The cards could not be loaded; open each drill's cards instead.";
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

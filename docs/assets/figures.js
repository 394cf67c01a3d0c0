// The figures' pause/play button: shown only when this script runs, it toggles the class that
// pauses the CSS animation. Event delegation, so it works however the page was loaded.
(function () {
  function show() {
    document.querySelectorAll(".dh-play[hidden]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".dh-play");
    if (button) button.closest(".dh-anim").classList.toggle("dh-paused");
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show); else show();
  if (window.document$) window.document$.subscribe(show);
})();

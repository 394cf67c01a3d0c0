// The figures' pause/play button: shown only when this script runs, it toggles the class that
// pauses the animation. Event delegation, so it works however the page was loaded.
(function () {
  function show() {
    document.querySelectorAll(".dh-play[hidden]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".dh-play");
    if (!button) return;
    var box = button.closest(".dh-anim"), svg = box.querySelector("svg");
    var paused = box.classList.toggle("dh-paused");
    // A figure posed in 3D moves by SVG animation, which the CSS class does not pause.
    if (svg && svg.pauseAnimations) { if (paused) svg.pauseAnimations(); else svg.unpauseAnimations(); }
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show); else show();
  if (window.document$) window.document$.subscribe(show);
})();

// The browser game: the facilitator's timer counting down, the wait screen moving on by
// itself when the quarter opens, and a form sent once per tap (the server also refuses a
// second send of the same form: this only spares the network).
(function () {
  "use strict";
  var timer = document.getElementById("timer");
  if (timer) {
    var end = Date.now() + 1000 * Number(timer.dataset.seconds || 0);
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      timer.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      if (left > 0) window.setTimeout(tick, 1000);
    };
    tick();
  }
  // while playing: the page follows the class (paused, closed, the timer started or stopped)
  var strip = document.getElementById("status");
  if (strip && !document.getElementById("wait")) {
    var watch = function () {
      var req = new XMLHttpRequest();
      req.open("GET", strip.dataset.state);
      req.onload = function () {
        try {
          var now = JSON.parse(req.responseText);
          var timed = timer ? "on" : "off", shown = now.seconds_left === null ? "off" : "on";
          var turn = Number(strip.dataset.turn || 0);
          if (req.status === 200 && turn > 0 && now.quarter > turn) {
            // the facilitator's timer ended this quarter: its report, as after a tap
            window.location.replace(strip.dataset.state.replace(/\/state$/, "/report/" + turn));
            return;
          }
          if (req.status === 200 && (now.state !== strip.dataset.classState ||
              (now.state === "open" && (!now.ready || timed !== shown)))) {
            window.location.replace(window.location.pathname);
            return;
          }
        } catch (e) { /* a broken answer: ask again */ }
        window.setTimeout(watch, 5000);
      };
      req.onerror = function () { window.setTimeout(watch, 5000); };
      req.send();
    };
    window.setTimeout(watch, 5000);
  }
  var wait = document.getElementById("wait");
  if (wait) {
    var poll = function () {
      var req = new XMLHttpRequest();
      req.open("GET", wait.dataset.state);
      req.onload = function () {
        try {
          if (req.status === 200 && JSON.parse(req.responseText).ready) {
            window.location.replace(window.location.pathname);
            return;
          }
        } catch (e) { /* a broken answer: ask again */ }
        window.setTimeout(poll, 2000);
      };
      req.onerror = function () { window.setTimeout(poll, 3000); };
      req.send();
    };
    window.setTimeout(poll, 2000);
  }
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.dataset.sent) { ev.preventDefault(); return; }
    form.dataset.sent = "1";
  });
  window.addEventListener("pageshow", function (ev) {
    if (ev.persisted) window.location.reload();  // never act on a page from the back cache
  });
})();

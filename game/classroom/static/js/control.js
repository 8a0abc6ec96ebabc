// The facilitator's control page: actions are POSTed with the control token in the
// Authorization header; the seat list follows the same live feed as the projector.
(function () {
  "use strict";
  var root = document.getElementById("control");
  var words = JSON.parse(document.getElementById("words").textContent);
  var code = root.dataset.code, lang = root.dataset.lang, token = root.dataset.token;
  var msg = document.getElementById("msg");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function fmt(template, fields) {
    return template.replace(/\{(\w+)\}/g, function (_m, k) { return fields[k] === undefined ? "" : fields[k]; });
  }
  function say(text, bad) { msg.textContent = text; msg.className = "msg" + (bad ? " err" : ""); }

  function act(action, seat) {
    return fetch("/api/v1/classes/" + encodeURIComponent(code) + "/control", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token, "Accept-Language": lang },
      body: JSON.stringify({ action: action, seat: seat === undefined ? null : seat })
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { say(body.message || ("HTTP " + r.status), true); return; }
        say(words["done_" + action] || words.done);
      });
    }).catch(function () { say(words.offline, true); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-choose]"), function (r) {
    r.addEventListener("change", function () { if (r.checked) act(r.dataset.choose); });
  });

  // The quarter timer: the seconds the server gives, counted down here between snapshots.
  var clock = null;
  function tick() {
    var box = document.getElementById("timer-left");
    if (!box) return;
    if (!clock || !clock.running || clock.left === null) { box.textContent = words.timer_off; return; }
    var left = clock.left - (clock.counting ? (Date.now() - clock.at) / 1000 : 0);
    left = Math.max(0, Math.round(left));
    var m = Math.floor(left / 60), sec = left % 60;
    box.textContent = left > 0 ? m + ":" + (sec < 10 ? "0" : "") + sec : words.timer_up;
    box.classList.toggle("low", left < 60);
  }
  setInterval(tick, 500);
  function timer(data) {
    var t = data.timer;
    if (!t || !document.getElementById("timer-card")) return;
    clock = { left: t.left, running: t.running, counting: data.state === "open", at: Date.now() };
    tick();
    var closed = data.state === "closed";
    document.getElementById("act-timer-start").disabled = closed;
    document.getElementById("act-timer-add").disabled = closed || !t.running;
    document.getElementById("act-timer-stop").disabled = closed || !t.running;
    document.getElementById("expiry-" + t.on_expiry).checked = true;
    document.getElementById("expiry-now").textContent = words["done_expiry_" + t.on_expiry];
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-action]"), function (b) {
    b.addEventListener("click", function () {
      if (b.dataset.confirm && !window.confirm(b.dataset.confirm)) return;
      act(b.dataset.action);
    });
  });

  function draw(data) {
    var state = document.getElementById("state");
    state.textContent = words["state_" + data.state];
    state.className = "badge " + data.state;
    document.getElementById("step").textContent = data.lockstep
      ? fmt(words.open_up_to, { label: data.turn_label, q: data.open_quarter, n: data.turns })
      : fmt(words.free_play, { labels: data.turn_labels, n: data.turns });
    var closed = data.state === "closed";
    document.getElementById("act-open").disabled = closed || data.state === "open";
    document.getElementById("act-pause").disabled = closed || data.state === "paused";
    document.getElementById("act-close").disabled = closed;
    var next = document.getElementById("act-next");
    if (next) next.disabled = closed || data.open_quarter >= data.turns;
    var body = document.getElementById("seats");
    while (body.firstChild) body.removeChild(body.firstChild);
    data.seats.forEach(function (s, i) {
      var tr = el("tr");
      tr.appendChild(el("td", null, i + 1));
      tr.appendChild(el("td", null, s.player + (s.duplicate ? "  \u26a0" + s.duplicate : "")));
      tr.appendChild(el("td", null, s.members.join(", ")));
      tr.appendChild(el("td", null, s.done ? words.finished : fmt(words.in_quarter, { label: data.turn_label, q: s.quarter })));
      tr.appendChild(el("td", null, s.score === null ? "" : s.score.toFixed(1)));
      var cell = el("td");
      var remove = el("button", "secondary", words.act_remove);
      remove.addEventListener("click", function () {
        if (window.confirm(fmt(words.confirm_remove, { name: s.player }))) act("remove", s.id);
      });
      cell.appendChild(remove);
      tr.appendChild(cell);
      body.appendChild(tr);
    });
    document.getElementById("n-seats").textContent = data.seats.length;
    timer(data);
  }

  var source = new EventSource("/api/v1/classes/" + encodeURIComponent(code) + "/live?lang=" + lang);
  source.addEventListener("snapshot", function (ev) { draw(JSON.parse(ev.data)); });
})();

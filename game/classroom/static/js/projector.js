// The projector page: one server-sent event per change, drawn with textContent only
// (every name arrives as data and is shown as text, never as markup).
(function () {
  "use strict";
  var root = document.getElementById("projector");
  var words = JSON.parse(document.getElementById("words").textContent);
  var code = root.dataset.code, lang = root.dataset.lang;
  var seen = {};
  var deadline = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function fill(id, nodes) {
    var box = document.getElementById(id);
    while (box.firstChild) box.removeChild(box.firstChild);
    nodes.forEach(function (n) { box.appendChild(n); });
    return box;
  }
  function fmt(template, fields) {
    return template.replace(/\{(\w+)\}/g, function (_m, k) { return fields[k] === undefined ? "" : fields[k]; });
  }
  function short(label) { return label.charAt(0).toUpperCase(); }

  function seats(data) {
    var chips = data.seats.slice().sort(function (a, b) {
      return (b.done - a.done) || (b.turn_done - a.turn_done) || a.player.localeCompare(b.player);
    }).map(function (s) {
      var chip = el("span", "chip" + (s.done ? " done" : "") + (s.duplicate ? " dup" : ""));
      chip.dataset.seat = s.id;
      var badge = s.done ? "\u2713 " + Math.round(s.score) : short(data.turn_label) + s.quarter;
      chip.appendChild(el("span", "q", badge));
      var name = s.player + (s.members.length ? " (" + s.members.length + ")" : "");
      chip.appendChild(el("span", "name", name));
      if (s.duplicate) chip.appendChild(el("span", "flag", "\u26a0" + s.duplicate));
      var key = s.turn_done + ":" + s.done;
      if (seen[s.id] !== undefined && seen[s.id] !== key) chip.className += " fresh";
      seen[s.id] = key;
      chip.title = s.player + (s.members.length ? ": " + s.members.join(", ") : "");
      return chip;
    });
    var box = fill("chips", chips.length ? chips : [el("span", "empty", words.nobody)]);
    box.classList.toggle("dense", chips.length > 30);
    document.getElementById("joined").textContent = data.counts.joined;
    document.getElementById("done").textContent = data.counts.done;
    var dups = data.duplicates.map(function (names, i) {
      return el("div", "alert", "\u26a0" + (i + 1) + " " + fmt(words.same_path, { names: names.join(", ") }));
    });
    fill("dups", dups);
  }

  function board(data) {
    var rows = data.board.map(function (r) {
      var tr = el("tr");
      tr.appendChild(el("td", "rank", r.rank));
      tr.appendChild(el("td", "player", r.player));
      tr.appendChild(el("td", "grade", r.grade || ""));
      tr.appendChild(el("td", "score", r.score.toFixed(1)));
      return tr;
    });
    fill("board", rows.length ? rows : [el("tr", "empty", words.no_results)]);
  }

  function choices(data) {
    var shown = data.choices.slice(-4).map(function (q) {
      var box = el("div", "quarter");
      box.appendChild(el("h3", null, data.turn_label + " " + q.quarter + " \u00b7 n=" + q.n));
      if (!q.items.length) box.appendChild(el("div", "empty", words.no_adoptions));
      q.items.forEach(function (it) {
        var row = el("div", "share");
        row.appendChild(el("b", null, it.share + "%"));
        var label = el("div", "label");
        var bar = el("div", "fill");
        bar.style.width = it.share + "%";
        label.appendChild(bar);
        label.appendChild(el("span", null, it.policy));
        label.title = fmt(words.adopted, { share: it.share, policy: it.policy, label: data.turn_label, q: q.quarter });
        row.appendChild(label);
        box.appendChild(row);
      });
      return box;
    });
    fill("quarters", shown.length ? shown : [el("div", "empty", words.no_quarters)]);
  }

  function header(data) {
    var state = document.getElementById("state");
    state.textContent = words["state_" + data.state];
    state.className = "badge " + data.state;
    var step = document.getElementById("step");
    step.textContent = data.lockstep
      ? fmt(words.open_up_to, { label: data.turn_label, q: data.open_quarter, n: data.turns })
      : fmt(words.free_play, { labels: data.turn_labels, n: data.turns });
    deadline = data.seconds_left === null ? null : { left: data.seconds_left, at: Date.now(), running: data.state === "open" };
    tick();
  }

  function tick() {
    var box = document.getElementById("timer");
    if (!deadline) { box.textContent = ""; return; }
    var left = deadline.left - (deadline.running ? (Date.now() - deadline.at) / 1000 : 0);
    left = Math.max(0, Math.round(left));
    var m = Math.floor(left / 60), s = left % 60;
    box.textContent = "\u23f1 " + m + ":" + (s < 10 ? "0" : "") + s;
    box.classList.toggle("low", left < 60);
  }
  setInterval(tick, 1000);

  function draw(data) {
    header(data); seats(data); board(data); choices(data);
    root.dataset.version = data.version;
    document.dispatchEvent(new CustomEvent("class-snapshot", { detail: data }));
  }

  var offline = document.getElementById("offline");
  function connect() {
    var source = new EventSource("/api/v1/classes/" + encodeURIComponent(code) + "/live?lang=" + lang);
    source.addEventListener("snapshot", function (ev) {
      offline.style.display = "none";
      draw(JSON.parse(ev.data));
    });
    source.onerror = function () { offline.style.display = "block"; };
  }
  connect();
})();

// The projector page: one server-sent event per change, drawn with textContent only
// (every name arrives as data and is shown as text, never as markup). Nobody scrolls a
// projector: a list longer than its card is shown a page at a time (PageDown/arrows turn it).
(function () {
  "use strict";
  var root = document.getElementById("projector");
  var words = JSON.parse(document.getElementById("words").textContent);
  var code = root.dataset.code, lang = root.dataset.lang;
  var seen = {};
  var deadline = null;
  var last = null;
  var PAGE_SECONDS = 10;

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

  // Pages of a list: the items that fit in the card, then the next ones, and so on.
  var pagers = {};
  function paginate(listId, cardId, pagerId) {
    var list = document.getElementById(listId), card = document.getElementById(cardId);
    var items = Array.prototype.slice.call(list.children);
    items.forEach(function (n) { n.style.display = ""; });
    var style = getComputedStyle(card);
    var bottom = card.getBoundingClientRect().bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth);
    var pages = [[]], shift = 0, first = null;
    items.forEach(function (n) {
      var r = n.getBoundingClientRect();
      if (first === null) first = r.top;
      if (r.bottom - shift > bottom + 0.5 && pages[pages.length - 1].length) {
        pages.push([]);
        shift = r.top - first;
      }
      pages[pages.length - 1].push(n);
    });
    var state = pagers[listId] || { page: 0 };
    state.pages = pages; state.pagerId = pagerId; state.list = list;
    state.page = Math.min(state.page, pages.length - 1);
    pagers[listId] = state;
    list.dataset.pages = pages.length;
    show(listId);
  }
  function show(listId) {
    var state = pagers[listId];
    state.pages.forEach(function (items, i) {
      items.forEach(function (n) { n.style.display = i === state.page ? "" : "none"; });
    });
    state.list.dataset.page = state.page + 1;
    document.getElementById(state.pagerId).textContent =
      state.pages.length > 1 ? fmt(words.page_of, { page: state.page + 1, pages: state.pages.length }) : "";
  }
  function turn(step) {
    Object.keys(pagers).forEach(function (id) {
      var state = pagers[id];
      state.page = (state.page + step + state.pages.length) % state.pages.length;
      show(id);
    });
  }
  setInterval(function () { turn(1); }, PAGE_SECONDS * 1000);
  document.addEventListener("keydown", function (ev) {
    if (["PageDown", "ArrowDown", "ArrowRight", " "].indexOf(ev.key) >= 0) { turn(1); ev.preventDefault(); }
    if (["PageUp", "ArrowUp", "ArrowLeft"].indexOf(ev.key) >= 0) { turn(-1); ev.preventDefault(); }
  });
  function layout() {
    paginate("chips", "chips", "chips-pager");
    paginate("board", "board-card", "board-pager");
  }
  window.addEventListener("resize", layout);

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
    if (dups.length) dups.push(el("div", "note small", words.same_path_note));
    fill("dups", dups);
  }

  function board(data) {
    var rows = data.board.map(function (r) {
      var tr = el("tr");
      tr.appendChild(el("td", "rank", r.rank));
      var who = el("td", "player");
      who.appendChild(el("div", "name", r.player));
      if (r.grade) who.appendChild(el("div", "grade", r.grade));
      tr.appendChild(who);
      tr.appendChild(el("td", "score", r.score.toFixed(1)));
      return tr;
    });
    var empty = el("tr", "empty");
    empty.appendChild(el("td", null, words.no_results));
    fill("board", rows.length ? rows : [empty]);
  }

  function choices(data) {
    var room = window.innerWidth < 1200 ? 2 : 4;
    var shown = data.choices.slice(-room).map(function (q) {
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
    var box = fill("quarters", shown.length ? shown : [el("div", "empty", words.no_quarters)]);
    box.style.gridTemplateColumns = "repeat(" + Math.max(1, shown.length) + ", minmax(0, 1fr))";
  }

  function header(data) {
    var state = document.getElementById("state");
    state.textContent = words["state_" + data.state];
    state.className = "badge " + data.state;
    root.className = "projector state-" + data.state;
    document.getElementById("banner-text").textContent =
      data.state === "open" ? "" : words["banner_" + data.state];
    var qr = document.querySelector("#join-closed img");
    if (data.state === "closed" && !qr.getAttribute("src")) qr.setAttribute("src", qr.dataset.src);
    var step = document.getElementById("step");
    step.textContent = data.lockstep
      ? fmt(words.open_up_to, { label: data.turn_label, q: data.open_quarter, n: data.turns })
      : fmt(words.free_play, { labels: data.turn_labels, n: data.turns });
    var t = data.timer;
    deadline = !t || !t.running || t.left === null
      ? null : { left: t.left, at: Date.now(), running: data.state === "open" };
    tick();
  }

  function tick() {
    var box = document.getElementById("timer");
    if (!deadline) { box.hidden = true; return; }
    box.hidden = false;
    var left = deadline.left - (deadline.running ? (Date.now() - deadline.at) / 1000 : 0);
    left = Math.max(0, Math.round(left));
    var m = Math.floor(left / 60), s = left % 60;
    document.getElementById("timer-text").textContent = m + ":" + (s < 10 ? "0" : "") + s;
    box.classList.toggle("low", left < 60);
  }
  setInterval(tick, 1000);

  function draw(data) {
    last = data;
    header(data); seats(data); board(data); choices(data);
    layout();
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
  window.addEventListener("resize", function () { if (last) { choices(last); layout(); } });
  connect();
})();

// The review desk's little bit of client code: progress polling, source highlighting,
// the live caveat check while the lead is edited, and accept. Text goes into the page with
// textContent only, never innerHTML.
(function () {
  "use strict";
  const body = document.body;
  const page = body.dataset.page;

  function postJSON(url, payload) {
    return fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload || {}) })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.message || r.statusText); return j; }); });
  }

  function poll(onStatus) {
    fetch(body.dataset.statusUrl).then(function (r) { return r.json(); }).then(function (s) {
      if (onStatus(s) !== false) setTimeout(function () { poll(onStatus); }, 500);
    });
  }

  // ---------------------------------------------------------------- list page
  if (page === "list") {
    const box = document.getElementById("progress"), bar = document.getElementById("progress-bar"),
      label = document.getElementById("progress-text");
    const track = function (s) {
      box.hidden = false; bar.max = Math.max(s.total, 1); bar.value = s.done;
      label.textContent = s.done + " / " + s.total + (s.current ? " · " + s.current : "");
      document.querySelectorAll("tr[data-name]").forEach(function (row) {
        const d = s.drafts[row.dataset.name], cell = row.querySelector(".status");
        if (d && cell) { cell.textContent = d.status; cell.className = "status status-" + d.status; }
      });
      if (!s.busy) { window.location.reload(); return false; }
    };
    document.getElementById("summarize-new").addEventListener("click", function () {
      postJSON(body.dataset.summarizeUrl).then(function (s) { if (s.queued) poll(track); });
    });
    if (!box.hidden) poll(track);
  }

  // ---------------------------------------------------------------- draft page
  if (page === "draft") {
    const name = body.dataset.name;
    const one = document.getElementById("summarize-one");
    const waitDone = function (s) {
      const d = s.drafts[name];
      if (d && d.status !== "queued") { window.location.reload(); return false; }
    };
    if (one) one.addEventListener("click", function () { postJSON(body.dataset.summarizeUrl).then(function () { poll(waitDone); }); });
    if (document.getElementById("draft-status").textContent === "queued") poll(waitDone);

    const view = document.getElementById("lead-view");
    if (!view) return;
    const edit = document.getElementById("lead-edit"), check = document.getElementById("check"),
      acceptBtn = document.getElementById("accept"), msg = document.getElementById("accept-msg"),
      editBtn = document.getElementById("edit-lead");

    function highlight(i, on) {
      document.querySelectorAll('.seg[data-src*=" ' + i + ' "]').forEach(function (el) { el.classList.toggle("hl", on); });
    }
    function bind(span) {
      const i = span.dataset.i;
      if (i === "" || i === undefined) return;
      span.addEventListener("mouseenter", function () { highlight(i, true); });
      span.addEventListener("mouseleave", function () { highlight(i, false); });
      span.addEventListener("focus", function () { highlight(i, true); });
      span.addEventListener("blur", function () { highlight(i, false); });
      span.addEventListener("click", function () {
        const first = document.querySelector('.seg[data-src*=" ' + i + ' "]');
        if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
      });
    }
    view.querySelectorAll(".ls").forEach(bind);

    function renderLead(sentences) {
      view.textContent = "";
      sentences.forEach(function (s) {
        const span = document.createElement("span"), badge = document.createElement("sup");
        span.className = "ls ls-" + s.source; span.tabIndex = 0;
        span.dataset.i = s.index === null ? "" : String(s.index);
        span.textContent = s.text;
        badge.className = "badge badge-" + s.source; badge.textContent = s.source;
        span.appendChild(badge); view.appendChild(span); view.appendChild(document.createTextNode(" "));
        bind(span);
      });
    }

    function renderCheck(r) {
      check.textContent = "";
      const line = function (cls, text) { const p = document.createElement("p"); p.className = cls; p.textContent = text; check.appendChild(p); return p; };
      if (r.passed) { line("ok", "Caveat check passed."); acceptBtn.textContent = "Accept"; return; }
      r.missing.forEach(function (k) { line("warn missing", "Missing mandated caveat: " + k + " (" + (r.labels[k] || k) + ")"); });
      r.overclaims.forEach(function (o) { line("warn overclaim", "Overclaim: " + o.text + " — " + o.reason); });
      if (!r.missing.length && !r.overclaims.length) line("warn", "The caveat filter would change this lead.");
      acceptBtn.textContent = "Accept anyway";
    }

    let timer = null, seq = 0;
    function runCheck() {
      const mine = ++seq;
      postJSON(body.dataset.checkUrl, { lead: edit.value }).then(function (r) {
        if (mine !== seq) return; // a newer edit is already being checked
        renderLead(r.sentences); renderCheck(r);
      }).catch(function (e) { check.textContent = "Check failed: " + e.message; });
    }
    edit.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(runCheck, 300); });
    editBtn.addEventListener("click", function () {
      const editing = edit.hidden;
      edit.hidden = !editing; view.hidden = editing;
      editBtn.textContent = editing ? "Done editing" : "Edit lead";
      if (editing) edit.focus();
    });
    acceptBtn.addEventListener("click", function () {
      postJSON(body.dataset.acceptUrl, { lead: edit.value }).then(function (r) {
        msg.textContent = "Accepted: " + r.txt;
        const st = document.getElementById("draft-status"); st.textContent = "accepted"; st.className = "status status-accepted";
      }).catch(function (e) { msg.textContent = "Accept failed: " + e.message; });
    });
  }
})();

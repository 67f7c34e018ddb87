// Insights dashboard: plain DOM and inline SVG, no external scripts (the machines are offline).
// Every value from the API is written with textContent, never as HTML.
(() => {
  const svgNs = "http://www.w3.org/2000/svg";
  const colors = ["#9aa5b1", "#3e7cb1", "#f0b429", "#27ab83"];
  const steps = [["policyAssigned", "Policy assigned"], ["prerequisitesPassed", "Prerequisites passed"], ["keyRegistered", "Key registered"], ["keyInAd", "Key in AD"]];
  const $ = (id) => document.getElementById(id);

  function el(name, attrs = {}, text) {
    const node = name.startsWith("svg:") ? document.createElementNS(svgNs, name.slice(4)) : document.createElement(name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Authorization: "ApiKey " + sessionStorage.getItem("whfb-key") } });
    if (response.status === 401 || response.status === 403) throw new Error("unauthorized");
    if (!response.ok) throw new Error(path + ": HTTP " + response.status);
    return response.json();
  }

  function bars(container, rows, label, value, color) {
    const max = Math.max(1, ...rows.map(value));
    const svg = el("svg:svg", { width: 440, height: rows.length * 22 + 4, role: "img" });
    rows.forEach((row, i) => {
      const y = i * 22 + 2, w = Math.round((value(row) / max) * 260);
      svg.append(el("svg:text", { x: 0, y: y + 14 }, label(row)));
      svg.append(el("svg:rect", { x: 150, y, width: Math.max(w, 1), height: 16, fill: color(row, i) }));
      svg.append(el("svg:text", { x: 155 + w, y: y + 14 }, String(value(row))));
    });
    container.append(svg);
  }

  function funnel(rows) {
    const box = $("funnel");
    box.replaceChildren();
    if (rows.length === 0) box.append(el("p", { class: "empty" }, "No devices assigned yet."));
    for (const ring of rows) {
      box.append(el("h3", {}, `${ring.rolloutName ?? "No rollout"} - ring ${ring.ringIndex ?? "-"} (overall ${pct(ring.overallRate)})`));
      bars(box, steps, (s) => s[1], (s) => ring[s[0]], (s, i) => colors[i]);
    }
  }

  function latency(buckets) {
    const box = $("latency");
    box.replaceChildren();
    if (buckets.length === 0) { box.append(el("p", { class: "empty" }, "No key has reached AD yet.")); return; }
    const width = 440, height = 160, max = Math.max(...buckets.map((b) => b.count)), last = Math.max(...buckets.map((b) => b.bucket)) + 1;
    const svg = el("svg:svg", { width, height: height + 20, role: "img", "aria-label": "latency histogram" });
    for (const b of buckets) {
      const h = Math.round((b.count / max) * height), x = Math.floor((b.bucket / last) * width);
      svg.append(el("svg:rect", { x, y: height - h, width: Math.max(2, Math.floor(width / last) - 1), height: h, fill: "#3e7cb1" }));
    }
    svg.append(el("svg:text", { x: 0, y: height + 15 }, "0 min"));
    svg.append(el("svg:text", { x: width - 60, y: height + 15 }, `${last} min`));
    box.append(svg);
  }

  function rings(rows) {
    const box = $("rings");
    box.replaceChildren();
    if (rows.length === 0) box.append(el("p", { class: "empty" }, "No rings yet."));
    bars(box, rows, (r) => `${r.rolloutName} ring ${r.ringIndex} (${r.status})`, (r) => r.keyInAd, (r) => (r.status === "halted" ? "#d64545" : "#27ab83"));
  }

  function table(id, rows, cells) {
    const body = $(id).querySelector("tbody");
    body.replaceChildren(...rows.map((row) => {
      const tr = el("tr");
      for (const c of cells(row)) tr.append(el("td", {}, c ?? ""));
      return tr;
    }));
  }

  // Key-stuck alerts folded into a stalled-pipeline alert are not listed; the pipeline alert says how many it holds.
  const folded = (alert) => (alert.folded > 0 ? ` (+${alert.folded.toLocaleString("en-US")} stuck keys folded in)` : "");
  // A key stuck before its device was known is told apart from the user's other keys by its Entra key id.
  const device = (key) => key.deviceId ?? (key.entraKeyId ? `not known yet (key ${key.entraKeyId})` : "");
  const pct = (rate) => (rate === null || rate === undefined ? "-" : Math.round(rate * 100) + "%");

  async function load() {
    try {
      const [f, l, r, s, a] = await Promise.all([
        api("/v1/analytics/funnel?groupBy=ring"), api("/v1/analytics/latency/histogram"), api("/v1/analytics/rings"),
        api("/v1/analytics/keys/stuck?limit=50"), api("/v1/alerts?state=open&limit=50")]);
      $("signin").hidden = true;
      $("board").hidden = false;
      funnel(f.funnel);
      latency(l.buckets);
      rings(r.rings);
      table("stuck-keys", s.keys, (k) => [k.userPrincipalName ?? k.userId, device(k), k.stuckSince, k.hints]);
      table("alerts", a.alerts, (x) => [x.kind, x.title + folded(x), x.openedAt, x.acknowledgedBy]);
      $("status").textContent = "Updated " + new Date().toLocaleTimeString();
    } catch (e) {
      if (e.message === "unauthorized") { sessionStorage.removeItem("whfb-key"); $("signin").hidden = false; $("board").hidden = true; }
      $("status").textContent = e.message;
    }
  }

  $("signin").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem("whfb-key", $("apikey").value);
    load();
  });
  if (sessionStorage.getItem("whfb-key")) load(); else $("signin").hidden = false;
  setInterval(() => { if (sessionStorage.getItem("whfb-key")) load(); }, 30000);
})();

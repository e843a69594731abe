"use strict";
const $ = (selector) => document.querySelector(selector);
let next = null;
// the page's folder without any user:password@ of the address, which fetch refuses
const BASE = location.origin + location.pathname.replace(/[^/]*$/, "");

function showError(text) { $("#error").textContent = text || ""; }

async function getJson(url) {
  const response = await fetch(BASE + url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  const body = await response.json().catch(() => ({ message: response.statusText }));
  if (!response.ok) { throw new Error(response.status + ": " + (body.message || body.error)); }
  return body;
}

function filterQuery() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($("#filters"))) { if (value.trim()) { params.set(name, value.trim()); } }
  return params;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text == null ? "" : text;
  if (className) { td.className = className; }
}

async function loadCalls(append) {
  showError("");
  const params = filterQuery();
  if (append && next) { params.set("after", next); }
  try {
    const page = await getJson("api/calls?" + params);
    const body = $("#calls tbody");
    if (!append) { body.textContent = ""; }
    for (const call of page.calls) {
      const row = body.insertRow();
      row.dataset.id = call.id;
      cell(row, call.startedAt);
      cell(row, call.httpMethod);
      cell(row, call.path, "path");
      cell(row, call.status);
      cell(row, call.durationNanos == null ? "" : (call.durationNanos / 1e6).toFixed(1));
      cell(row, call.outcome, call.outcome);
      cell(row, call.principal);
      row.addEventListener("click", () => { location.hash = "call=" + encodeURIComponent(call.id); });
    }
    next = page.next;
    $("#more").hidden = !next;
    $("#calls").dataset.loaded = String(body.rows.length);
  } catch (e) { showError(e.message); }
}

const FIELDS = ["correlationId", "traceId", "kind", "operation", "httpMethod", "path", "route", "query", "status",
  "outcome", "startedAt", "durationNanos", "principal", "clientAddress", "userAgent", "resourceClass", "resourceMethod",
  "requestHeaders", "requestBody", "arguments", "result", "responseHeaders", "responseBody", "exceptionType",
  "exceptionMessage", "stackTrace"];

async function showCall(id) {
  try {
    const call = await getJson("api/calls/" + encodeURIComponent(id));
    const fields = $("#fields");
    fields.textContent = "";
    for (const name of FIELDS) {
      let value = call[name];
      if (value == null || value === "") { continue; }
      if (typeof value === "object") { value = JSON.stringify(value, null, 1); }
      const dt = document.createElement("dt");
      dt.textContent = name;
      const dd = document.createElement("dd");
      const pre = document.createElement("pre");
      pre.textContent = String(value);
      pre.dataset.field = name;
      dd.appendChild(pre);
      fields.append(dt, dd);
    }
    $("#detail-id").textContent = call.id;
    $("#curl").href = BASE + "api/calls/" + encodeURIComponent(call.id) + "/curl";
    $("#detail").hidden = false;
    $("#detail").dataset.id = call.id;
    for (const row of document.querySelectorAll("#calls tbody tr")) { row.classList.toggle("selected", row.dataset.id === id); }
  } catch (e) { showError(e.message); }
}

async function loadStats() {
  try {
    const stats = await getJson("api/stats?slowest=0");
    const o = stats.overall;
    $("#summary").textContent = o.count + " calls in the last hour, " + (100 * o.errorRate).toFixed(1)
      + "% errors, p50 " + o.p50Millis + " ms, p95 " + o.p95Millis + " ms, p99 " + o.p99Millis + " ms";
    const select = $("#route");
    const chosen = select.value;
    select.length = 1;
    for (const route of stats.routes) {
      if (route.route) { select.add(new Option(route.route + " (" + route.count + ")", route.route)); }
    }
    select.value = chosen;
  } catch (e) { showError(e.message); }
}

async function drawChart() {
  const route = $("#route").value;
  try {
    const buckets = await getJson("api/series?buckets=60" + (route ? "&route=" + encodeURIComponent(route) : ""));
    const canvas = $("#chart");
    const g = canvas.getContext("2d");
    const w = canvas.width, h = canvas.height, pad = 30;
    g.clearRect(0, 0, w, h);
    const maxCount = Math.max(1, ...buckets.map(b => b.count));
    const maxMs = Math.max(1, ...buckets.map(b => b.p99Millis));
    const step = (w - 2 * pad) / buckets.length;
    g.fillStyle = "#9db4e0";
    buckets.forEach((b, i) => {
      const bar = (h - 2 * pad) * b.count / maxCount;
      g.fillRect(pad + i * step + 1, h - pad - bar, Math.max(1, step - 2), bar);
    });
    for (const [key, color] of [["p50Millis", "#19753b"], ["p95Millis", "#a15c00"], ["p99Millis", "#b3261e"]]) {
      g.strokeStyle = color;
      g.beginPath();
      let drawing = false;
      buckets.forEach((b, i) => {
        if (b.count === 0) { drawing = false; return; } // no calls, no latency: a gap, not a zero
        const x = pad + i * step + step / 2, y = h - pad - (h - 2 * pad) * b[key] / maxMs;
        if (drawing) { g.lineTo(x, y); } else { g.moveTo(x, y); g.fillRect(x - 1, y - 1, 2, 2); }
        drawing = true;
      });
      g.stroke();
    }
    g.fillStyle = "#555";
    g.fillText(maxCount + " calls", 2, pad - 8);
    g.fillText(maxMs.toFixed(1) + " ms (p99)", w - 110, pad - 8);
    canvas.dataset.rendered = "true";
    canvas.dataset.calls = String(buckets.reduce((sum, b) => sum + b.count, 0));
  } catch (e) { showError(e.message); }
}

function fromHash() {
  const match = /^#call=(.+)$/.exec(location.hash);
  if (match) { showCall(decodeURIComponent(match[1])); }
}

$("#filters").addEventListener("submit", (event) => { event.preventDefault(); loadCalls(false); drawChart(); });
$("#more").addEventListener("click", () => loadCalls(true));
$("#route").addEventListener("change", drawChart);
window.addEventListener("hashchange", fromHash);
loadStats().then(drawChart);
loadCalls(false).then(fromHash);

"use strict";
// The dashboard: a window of recorded calls as a chart (uPlot), a table per route and a list,
// one call in a side panel. What is shown lives in the address's fragment
// (#window=24h&route=/orders/{id}&call=ID), so a view can be bookmarked and sent.
// Everything recorded is put on the page as text (textContent), never as markup.
const $ = (selector) => document.querySelector(selector);
// the page's folder without any user:password@ of the address, which fetch refuses
const BASE = location.origin + location.pathname.replace(/[^/]*$/, "");
// a window: its length in seconds, how many buckets its chart has, and how it is named
const WINDOWS = {
  "15m": { seconds: 15 * 60, buckets: 60, name: "the last 15 minutes" },
  "1h": { seconds: 3600, buckets: 60, name: "the last hour" },
  "24h": { seconds: 86400, buckets: 96, name: "the last 24 hours" },
  "7d": { seconds: 7 * 86400, buckets: 168, name: "the last 7 days" },
};
const DEFAULT_WINDOW = "1h";
const FIELDS = ["attributes", "correlationId", "traceId", "spanId", "kind", "operation", "httpMethod", "path", "route", "query", "status",
  "outcome", "startedAt", "durationNanos", "principal", "clientAddress", "userAgent", "resourceClass", "resourceMethod",
  "requestHeaders", "requestBody", "arguments", "result", "responseHeaders", "responseBody", "exceptionType",
  "exceptionMessage", "stackTrace"];

const state = { window: DEFAULT_WINDOW, route: "", call: null, from: 0, to: 0, zoom: null, sort: "count", descending: true };
let routes = [];
let plot = null;
let next = null;
// each loader's latest request: an answer to an older one (the window changed meanwhile) is dropped
const latest = { stats: 0, chart: 0, calls: 0, call: 0 };

// ---- formatting: durations in ms with sensible precision, times in the viewer's zone (ISO on hover)

function millis(ms) {
  if (ms == null || Number.isNaN(ms)) { return ""; }
  if (ms >= 10000) { return (ms / 1000).toFixed(1) + " s"; }
  if (ms >= 100) { return Math.round(ms) + " ms"; }
  if (ms >= 10) { return ms.toFixed(1) + " ms"; }
  return ms.toFixed(2) + " ms";
}

function localTime(iso, withDate) {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  const time = date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return today && !withDate ? time : date.toLocaleDateString(undefined, { month: "short", day: "numeric" }) + " " + time;
}

// a label of the time axis: its ticks are `incr` seconds apart
function tick(seconds, incr) {
  const date = new Date(seconds * 1000);
  const day = date.toLocaleDateString(undefined, { month: "short", day: "numeric" });
  if (incr >= 86400) { return day; }
  const time = date.toLocaleTimeString(undefined, incr < 60
    ? { hour: "2-digit", minute: "2-digit", second: "2-digit" } : { hour: "2-digit", minute: "2-digit" });
  return incr >= 6 * 3600 ? day + " " + time : time;
}

function percent(rate) { return (100 * rate).toFixed(rate > 0 && rate < 0.001 ? 2 : 1) + " %"; }

// JSON text shown indented; anything else as it is
function pretty(value) {
  if (typeof value === "object") { return JSON.stringify(value, null, 2); }
  const text = String(value);
  if (/^\s*[[{]/.test(text)) {
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON after all */ }
  }
  return text;
}

// ---- the address's fragment

function readFragment() {
  const wanted = new URLSearchParams(location.hash.slice(1));
  return {
    window: WINDOWS[wanted.get("window")] ? wanted.get("window") : DEFAULT_WINDOW,
    route: wanted.get("route") || "",
    call: wanted.get("call"),
  };
}

function go(changes) {
  const wanted = Object.assign(readFragment(), changes);
  const fragment = new URLSearchParams();
  if (wanted.window !== DEFAULT_WINDOW) { fragment.set("window", wanted.window); }
  if (wanted.route) { fragment.set("route", wanted.route); }
  if (wanted.call) { fragment.set("call", wanted.call); }
  const text = fragment.toString();
  if (text === location.hash.slice(1)) { return; }
  if (text) { location.hash = text; } else { history.pushState(null, "", location.pathname + location.search); apply(); }
}

function apply() {
  const wanted = readFragment();
  const changed = wanted.window !== state.window || wanted.route !== state.route || !state.to;
  Object.assign(state, { window: wanted.window, route: wanted.route, call: wanted.call });
  if (changed) { refresh(); }
  if (state.call) { showCall(state.call); } else { closeDetail(); }
}

// ---- reading the API

function showError(text) { $("#error").textContent = text || ""; }

async function getJson(url) {
  const response = await fetch(BASE + url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  const body = await response.json().catch(() => ({ message: response.statusText }));
  if (!response.ok) { throw new Error(response.status + ": " + (body.message || body.code)); }
  return body;
}

function iso(millisSinceEpoch) { return new Date(millisSinceEpoch).toISOString(); }

// what the chart shows when it is not zoomed: the window, and the route chosen
function windowLabel() { return WINDOWS[state.window].name + (state.route ? ", route " + state.route : ""); }

function refresh() {
  showError("");
  state.to = Date.now();
  state.from = state.to - WINDOWS[state.window].seconds * 1000;
  state.zoom = null;
  $("#unzoom").hidden = true;
  for (const button of document.querySelectorAll("#windows button")) {
    button.setAttribute("aria-pressed", String(button.dataset.window === state.window));
  }
  $("#range").textContent = windowLabel();
  $("#route").value = state.route;
  return Promise.all([loadStats(), drawChart(), loadCalls(false)]);
}

// ---- the figures of the window: the summary line and the table per route

async function loadStats() {
  const mine = ++latest.stats;
  try {
    const stats = await getJson("api/stats?slowest=0&from=" + iso(state.from) + "&to=" + iso(state.to));
    if (mine !== latest.stats) { return; }
    const o = stats.overall;
    $("#summary").textContent = o.count === 0 ? "no calls in " + WINDOWS[state.window].name
      : o.count + " calls in " + WINDOWS[state.window].name + " · " + percent(o.errorRate) + " errors · p50 "
        + millis(o.p50Millis) + " · p95 " + millis(o.p95Millis) + " · p99 " + millis(o.p99Millis);
    routes = stats.routes;
    const select = $("#route");
    select.length = 1;
    for (const route of routes) {
      if (route.route) { select.add(new Option(route.route + " (" + route.count + ")", route.route)); }
    }
    if (state.route && !routes.some(r => r.route === state.route)) { select.add(new Option(state.route, state.route)); }
    select.value = state.route;
    drawRoutes();
  } catch (e) { showError(e.message); }
}

function drawRoutes() {
  const key = state.sort, sign = state.descending ? -1 : 1;
  const sorted = routes.slice().sort((a, b) => {
    const x = a[key] == null ? "" : a[key], y = b[key] == null ? "" : b[key];
    return x < y ? -sign : x > y ? sign : 0;
  });
  const body = $("#routes tbody");
  body.textContent = "";
  for (const route of sorted) {
    const row = body.insertRow();
    row.dataset.route = route.route || "";
    cell(row, route.route || "(no route: refused before a method was chosen)", "path");
    cell(row, route.count, "num");
    cell(row, route.errors ? route.errors + " (" + percent(route.errorRate) + ")" : "0", route.errors ? "num CLIENT_ERROR" : "num");
    for (const figure of ["p50Millis", "p95Millis", "p99Millis", "maxMillis"]) { cell(row, millis(route[figure]), "num"); }
    if (route.route) {
      row.classList.toggle("selected", route.route === state.route);
      row.title = "show only " + route.route + " below (again: all routes)";
      row.addEventListener("click", () => go({ route: route.route === state.route ? "" : route.route, call: null }));
    } else {
      row.classList.add("inert");
    }
  }
  for (const th of document.querySelectorAll("#routes th")) {
    th.classList.toggle("sorted", th.dataset.sort === key);
    th.setAttribute("aria-sort", th.dataset.sort === key ? (state.descending ? "descending" : "ascending") : "none");
  }
  $("#routes").dataset.sort = key;
  $("#all-routes").hidden = !state.route;
  const empty = $("#routes-empty");
  empty.hidden = routes.length > 0;
  empty.textContent = "No calls in " + WINDOWS[state.window].name + ". Call an endpoint your application records, "
    + "then choose a window above to look again.";
}

// ---- the chart: calls and errors as bars, p50/p95/p99 as lines, a time axis in the viewer's zone

async function drawChart() {
  const box = $("#chart");
  const mine = ++latest.chart;
  try {
    const chosen = WINDOWS[state.window];
    const buckets = await getJson("api/series?buckets=" + chosen.buckets + "&from=" + iso(state.from) + "&to=" + iso(state.to)
      + (state.route ? "&route=" + encodeURIComponent(state.route) : ""));
    if (mine !== latest.chart) { return; }
    const half = chosen.seconds / chosen.buckets / 2;
    // no calls, no latency: a gap in the lines, not a zero
    const latency = (key) => buckets.map(b => (b.count === 0 ? null : b[key]));
    // an empty bucket has no bar rather than a flat one
    const bar = (key) => buckets.map(b => b[key] || null);
    const data = [buckets.map(b => Date.parse(b.start) / 1000 + half), bar("count"), bar("errors"),
      latency("p50Millis"), latency("p95Millis"), latency("p99Millis")];
    const bars = uPlot.paths.bars({ size: [0.8, 48], gap: 1 });
    const line = (label, color) => ({ label, scale: "ms", stroke: color, width: 1.5, spanGaps: false,
      points: { show: true, size: 5, fill: color }, value: (u, v) => millis(v) });
    const options = {
      width: Math.max(320, box.clientWidth), height: 240,
      cursor: { drag: { x: true, y: false } },
      // durations on a logarithmic scale: one slow call (a first, cold one) leaves the others readable
      scales: { x: { time: true, range: (u, min, max) => [min - half, max + half] }, n: { range: (u, min, max) => [0, Math.max(1, max)] },
        ms: { distr: 3, log: 10 } },
      series: [
        { label: "time", value: (u, v) => (v == null ? "" : localTime(v * 1000, true)) },
        { label: "calls", scale: "n", fill: "rgba(91, 130, 210, 0.45)", stroke: "#5b82d2", paths: bars, points: { show: false } },
        { label: "errors", scale: "n", fill: "rgba(179, 38, 30, 0.75)", stroke: "#b3261e", paths: bars, points: { show: false } },
        line("p50", "#19753b"), line("p95", "#c07000"), line("p99", "#7b1fa2"),
      ],
      axes: [
        { grid: { stroke: "#eceef2" }, ticks: { stroke: "#dde1e7" }, space: 60,
          values: (u, splits, axis, space, incr) => {
            const labels = splits.map(s => tick(s, incr));
            box.dataset.xTicks = labels.join(" | ");
            return labels;
          } },
        { scale: "n", label: "calls", grid: { stroke: "#eceef2" }, ticks: { stroke: "#dde1e7" },
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 1e6, 1e7] },
        { scale: "ms", side: 1, label: "duration", size: 80, grid: { show: false }, values: (u, splits) => splits.map(millis) },
      ],
      hooks: { setScale: [(u, key) => { if (key === "x") { zoomed(u.scales.x.min, u.scales.x.max); } }] },
    };
    if (plot) { plot.destroy(); }
    box.textContent = "";
    plot = new uPlot(options, data, box);
    const total = buckets.reduce((sum, b) => sum + b.count, 0);
    box.dataset.rendered = "true";
    box.dataset.calls = String(total);
    const empty = $("#chart-empty");
    empty.hidden = total > 0;
    empty.textContent = "No calls in " + WINDOWS[state.window].name + (state.route ? " on " + state.route : "")
      + ". Choose a longer window above, or call the API and come back.";
  } catch (e) { showError(e.message); }
}

// a drag across the chart narrows the list to the part chosen; a double-click widens it again
function zoomed(min, max) {
  if (min == null || !state.to) { return; }
  const whole = WINDOWS[state.window].seconds;
  const zoom = (max - min) >= whole * 0.98 ? null : [Math.max(min * 1000, state.from), Math.min(max * 1000, state.to)];
  if (JSON.stringify(zoom) === JSON.stringify(state.zoom)) { return; }
  state.zoom = zoom;
  $("#unzoom").hidden = !zoom;
  $("#range").textContent = zoom ? localTime(zoom[0], true) + " – " + localTime(zoom[1], true)
    : windowLabel();
  loadCalls(false);
}

// ---- the list of calls

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text == null ? "" : text;
  if (className) { td.className = className; }
  return td;
}

function listQuery() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($("#filters"))) {
    if (name !== "route" && value.trim()) { params.set(name, value.trim()); }
  }
  if (state.route) { params.set("route", state.route); }
  const range = state.zoom || [state.from, state.to];
  if (!params.has("from")) { params.set("from", iso(range[0])); }
  if (!params.has("to") && state.zoom) { params.set("to", iso(range[1])); }
  return params;
}

async function loadCalls(append) {
  showError("");
  const params = listQuery();
  if (append && next) { params.set("after", next); }
  const mine = ++latest.calls;
  try {
    const page = await getJson("api/calls?" + params);
    if (mine !== latest.calls) { return; }
    const body = $("#calls tbody");
    if (!append) { body.textContent = ""; }
    for (const call of page.calls) {
      const row = body.insertRow();
      row.dataset.id = call.id;
      cell(row, localTime(call.startedAt)).title = call.startedAt;
      cell(row, call.httpMethod);
      cell(row, call.path, "path").title = call.route ? "route " + call.route : "";
      cell(row, call.status, "num");
      cell(row, call.durationNanos == null ? "" : millis(call.durationNanos / 1e6), "num");
      cell(row, call.outcome, call.outcome);
      cell(row, call.principal);
      cell(row, Object.entries(call.attributes || {}).map(([name, value]) => name + "=" + value).join(", "), "attributes");
      row.classList.toggle("selected", call.id === state.call);
      row.addEventListener("click", () => go({ call: call.id }));
    }
    next = page.next;
    $("#more").hidden = !next;
    $("#calls").dataset.loaded = String(body.rows.length);
    const empty = $("#calls-empty");
    empty.hidden = body.rows.length > 0;
    empty.textContent = "No calls match" + (state.zoom ? " in the part of the chart chosen" : " in " + WINDOWS[state.window].name)
      + ". Widen the window, or clear a filter.";
  } catch (e) { showError(e.message); }
}

// ---- one call, in the side panel

function field(name, value) {
  const dt = document.createElement("dt");
  dt.textContent = name;
  const dd = document.createElement("dd");
  const pre = document.createElement("pre");
  pre.dataset.field = name;
  if (name === "stackTrace") {
    // folded: the first line says what it is, the rest is one click away
    const text = String(value);
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = text.split("\n", 1)[0];
    pre.textContent = text;
    details.append(summary, pre);
    dd.appendChild(details);
  } else {
    pre.textContent = pretty(value);
    dd.appendChild(pre);
  }
  return [dt, dd];
}

async function showCall(id) {
  const mine = ++latest.call;
  try {
    const call = await getJson("api/calls/" + encodeURIComponent(id));
    if (mine !== latest.call) { return; }
    const fields = $("#fields");
    fields.textContent = "";
    for (const name of FIELDS) {
      const value = call[name];
      if (value == null || value === "" || (typeof value === "object" && Object.keys(value).length === 0)) { continue; }
      if (name === "startedAt") {
        fields.append(...field("started", localTime(value, true) + "  (" + value + ")"));
      } else if (name === "durationNanos") {
        fields.append(...field("duration", millis(value / 1e6)));
      } else {
        fields.append(...field(name, value));
      }
    }
    $("#detail-id").textContent = call.id;
    $("#curl").href = BASE + "api/calls/" + encodeURIComponent(call.id) + "/curl";
    const panel = $("#detail");
    panel.hidden = false;
    panel.dataset.id = call.id;
    panel.scrollTop = 0;
    document.body.classList.add("with-detail");
    for (const row of document.querySelectorAll("#calls tbody tr")) { row.classList.toggle("selected", row.dataset.id === id); }
    $("#close").focus({ preventScroll: true });
  } catch (e) { showError(e.message); }
}

function closeDetail() {
  $("#detail").hidden = true;
  document.body.classList.remove("with-detail");
  for (const row of document.querySelectorAll("#calls tbody tr.selected")) { row.classList.remove("selected"); }
}

// ---- wiring

$("#zone").textContent = "times in " + (Intl.DateTimeFormat().resolvedOptions().timeZone || "your time zone");
for (const button of document.querySelectorAll("#windows button")) {
  // the window shown already: its latest calls
  button.addEventListener("click", () => (button.dataset.window === state.window ? refresh() : go({ window: button.dataset.window })));
}
for (const th of document.querySelectorAll("#routes th")) {
  th.addEventListener("click", () => {
    state.descending = state.sort === th.dataset.sort ? !state.descending : th.dataset.sort !== "route";
    state.sort = th.dataset.sort;
    drawRoutes();
  });
}
$("#all-routes").addEventListener("click", () => go({ route: "" }));
$("#route").addEventListener("change", () => go({ route: $("#route").value }));
$("#filters").addEventListener("submit", (event) => { event.preventDefault(); loadCalls(false); });
$("#more").addEventListener("click", () => loadCalls(true));
$("#unzoom").addEventListener("click", () => { if (plot) { plot.setScale("x", { min: plot.data[0][0], max: plot.data[0][plot.data[0].length - 1] }); } });
$("#close").addEventListener("click", () => go({ call: null }));
document.addEventListener("keydown", (event) => { if (event.key === "Escape" && !$("#detail").hidden) { go({ call: null }); } });
window.addEventListener("hashchange", apply);
// the chart follows its box: the window resized, or the call panel opened or closed beside it
new ResizeObserver(() => {
  const width = Math.max(320, $("#chart").clientWidth);
  if (plot && Math.abs(plot.width - width) > 1) { plot.setSize({ width, height: 240 }); }
}).observe($("#chart"));
apply();

// dyad's dashboard: a filter bar whose state is the page URL, a world map,
// a time series, a table of events, the evidence of one event, the page of
// one article and a box that codes a pasted text. Every request goes to
// dyad's own JSON API (api/v1) and every asset is served by dyad: the page
// needs no outside network.
import { readState, stateURL, eventParams, hasNarrowing, get, saveToken, FILTER_KEYS } from "./api.js";
import { ROOTS, QUADS } from "./cameo.js";
import { WorldMap } from "./map.js";
import { drawSeries } from "./series.js";
import { highlight } from "./evidence.js";
import { renderText } from "./article.js";
import { setupCodeBox } from "./code.js";

// PAGE is the table's page size; MAP_LIMIT the most events placed on the map.
const PAGE = 25;
const MAP_LIMIT = 250;

const $ = (id) => document.getElementById(id);
const form = $("filters");
const status = $("status");

let state = readState();
let world = null; // a WorldMap once the outlines have loaded
let inflight = null; // the AbortController of the current load
let loads = 0; // loads completed
const pages = []; // cursors of the pages before this one

for (const [code, name] of Object.entries(ROOTS)) form.elements.root.add(new Option(`${code} ${name}`, code));

function text(tag, s, cls) {
  const e = document.createElement(tag);
  e.textContent = s;
  if (cls) e.className = cls;
  return e;
}

function fmt(n) {
  return Number(n).toLocaleString();
}

// say shows a message in the status line; errors are marked as such.
function say(msg, error = false) {
  status.textContent = msg;
  status.classList.toggle("error", error);
}

// fillForm puts the state into the filter bar.
function fillForm() {
  for (const k of FILTER_KEYS) form.elements[k].value = state[k];
  $("f-by").value = state.by || "week";
}

// go changes the state, records it in the URL (a new history entry unless
// replace) and loads what changed.
function go(next, { replace = false, data = true } = {}) {
  state = { ...state, ...next };
  const url = stateURL(state);
  if (url !== location.pathname + location.search) history[replace ? "replaceState" : "pushState"](null, "", url);
  if (data) load();
  showArticle();
  showEvent();
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const next = { cursor: "", event: "" };
  for (const k of FILTER_KEYS) next[k] = form.elements[k].value.trim();
  for (const k of ["a", "b", "country"]) next[k] = next[k].toUpperCase();
  next.by = $("f-by").value;
  pages.length = 0;
  go(next);
  fillForm();
});
// The period only changes the series.
$("f-by").addEventListener("change", () => {
  go({ by: $("f-by").value }, { data: false });
  loadSeries(eventParams(state), new AbortController().signal).catch((e) => say(e.message, true));
});
$("clear").addEventListener("click", () => {
  const next = { by: state.by, cursor: "", event: "" };
  for (const k of FILTER_KEYS) next[k] = "";
  pages.length = 0;
  go(next);
  fillForm();
});
window.addEventListener("popstate", () => {
  state = readState();
  pages.length = 0;
  fillForm();
  load();
  showArticle();
  showEvent();
});

// filterCountry narrows to a country chosen on the map or in a list.
function filterCountry(id) {
  if (!id) return;
  pages.length = 0;
  go({ country: id === state.country ? "" : id, cursor: "", event: "" });
  fillForm();
}

// load fetches everything the state shows, in parallel, cancelling the
// previous load.
async function load() {
  if (inflight) inflight.abort();
  const ctl = new AbortController();
  inflight = ctl;
  const signal = ctl.signal;
  const params = eventParams(state);
  const dates = {};
  if (state.from) dates.from = state.from;
  if (state.to) dates.to = state.to;
  say("Loading…");
  document.body.classList.add("loading");
  // What the first paint needs goes first; the top lists and the shading
  // by all events (aggregates over the whole store) follow, so as not to
  // compete with it.
  const first = await Promise.allSettled([loadTable(params, signal), loadMap(params, signal), loadSeries(params, signal)]);
  if (signal.aborted) return;
  const then = await Promise.allSettled([loadTop(dates, signal), loadShading(dates, signal)]);
  if (signal.aborted) return;
  const results = [...first, ...then];
  document.body.classList.remove("loading");
  const failed = results.find((r) => r.status === "rejected");
  if (failed) say(failed.reason.message, true);
  else say("");
  $("token-form").hidden = !(failed && failed.reason.code === "unauthorized");
  document.body.dataset.loaded = String(++loads);
  // Tests and benchmarks read these marks: the first complete load, and
  // (in loadTable and loadMap) the first table and markers, which make
  // the first meaningful paint.
  if (loads === 1) performance.mark("dyad-loaded");
}

// markOnce sets a performance mark the first time it is called by name.
function markOnce(name) {
  if (!performance.getEntriesByName(name, "mark").length) performance.mark(name);
}

async function loadTable(params, signal) {
  const body = $("table").tBodies[0];
  const p = { ...params, limit: PAGE };
  if (state.cursor) p.cursor = state.cursor;
  let page;
  try {
    page = await get("events", p, signal);
  } catch (e) {
    if (signal.aborted) return;
    body.replaceChildren();
    $("table-note").textContent = "";
    throw e;
  }
  if (signal.aborted) return;
  const rows = document.createDocumentFragment();
  for (const e of page.events) {
    const tr = document.createElement("tr");
    tr.className = `q${e.quad_class}`;
    const date = document.createElement("td");
    const a = text("a", e.date);
    a.href = stateURL({ ...state, event: e.id });
    a.dataset.event = e.id;
    a.setAttribute("aria-label", `${e.date}: ${e.source.code || "?"} ${ROOTS[e.root] || e.code} ${e.target.code || "?"}`);
    date.appendChild(a);
    tr.appendChild(date);
    tr.appendChild(actorCell(e.source));
    const code = document.createElement("td");
    code.append(text("span", "", `swatch q${e.quad_class}`), `${e.code} ${ROOTS[e.root] || ""}`);
    code.title = QUADS[e.quad_class];
    code.className = "event";
    tr.appendChild(code);
    tr.appendChild(actorCell(e.target));
    tr.appendChild(text("td", e.location ? e.location.name || e.location.country : "—", "opt"));
    tr.appendChild(text("td", e.goldstein.toFixed(1), "num opt"));
    tr.appendChild(text("td", fmt(e.num_mentions), "num opt"));
    rows.appendChild(tr);
  }
  if (!page.events.length) {
    const tr = document.createElement("tr");
    const td = text("td", "No events match these filters.", "empty");
    td.colSpan = 7;
    tr.appendChild(td);
    rows.appendChild(tr);
  }
  body.replaceChildren(rows);
  state.next = page.next;
  $("prev").disabled = !state.cursor;
  $("next").disabled = !page.next;
  $("page-no").textContent = `page ${pages.length + 1}`;
  $("table-note").textContent = page.events.length ? `${page.events.length} events, newest first` : "";
  markOnce("dyad-table");
}

function actorCell(a) {
  const td = text("td", a.code || "—");
  if (a.text) td.title = a.text;
  return td;
}

$("table").addEventListener("click", (ev) => {
  const a = ev.target.closest("a[data-event]");
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  go({ event: a.dataset.event }, { data: false });
});
$("next").addEventListener("click", () => {
  if (!state.next) return;
  pages.push(state.cursor);
  go({ cursor: state.next });
  $("events").focus();
});
$("prev").addEventListener("click", () => {
  go({ cursor: pages.pop() || "" });
  $("events").focus();
});

async function loadWorld() {
  if (world) return world;
  const res = await fetch(WORLD_URL);
  if (!res.ok) throw new Error(`map outlines: ${res.status}`);
  world = new WorldMap($("map"), await res.json(), filterCountry);
  return world;
}

// loadMap places the matching events on the map, shading the countries by
// those events.
async function loadMap(params, signal) {
  const [m, page] = await Promise.all([loadWorld(), get("events", { ...params, limit: MAP_LIMIT }, signal)]);
  if (signal.aborted) return;
  const sample = new Map();
  for (const e of page.events) if (e.location) sample.set(e.location.country, (sample.get(e.location.country) || 0) + 1);
  m.setCounts(sample, state.country);
  const n = m.setEvents(page.events, hasNarrowing(state));
  markOnce("dyad-map");
  const located = page.events.filter((e) => e.location).length;
  mapNote = `${fmt(located)} located of the ${page.next ? "latest " : ""}${fmt(page.events.length)} matching events, in ${fmt(n)} marker${n === 1 ? "" : "s"}; `;
  $("map-note").textContent = mapNote + "countries shaded by these events.";
  showTopCountries(sample);
}

let mapNote = "";

// loadShading shades the countries by all their events (in the date
// range) when nothing but dates narrows the view.
async function loadShading(dates, signal) {
  if (hasNarrowing(state) || !world) return;
  const all = await get("countries", { ...dates, limit: 300 }, signal);
  if (signal.aborted) return;
  const counts = new Map(all.counts.map((c) => [c.key, c.count]));
  world.setCounts(counts, state.country);
  $("map-note").textContent = mapNote + "countries shaded by all their events.";
  showTopCountries(counts);
}

function showTopCountries(counts) {
  const list = $("top-countries");
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  list.replaceChildren(
    ...top.map(([id, n]) => {
      const li = document.createElement("li");
      const b = text("button", `${world ? world.name(id) : id} `);
      b.type = "button";
      b.append(text("span", fmt(n), "count"));
      b.setAttribute("aria-pressed", String(id === state.country));
      b.addEventListener("click", () => filterCountry(id));
      li.appendChild(b);
      return li;
    }),
  );
}

async function loadTop(dates, signal) {
  const top = await get("top/actors", { ...dates, limit: 8 }, signal);
  if (signal.aborted) return;
  const list = $("top-actors");
  list.replaceChildren(
    ...top.counts.map((c) => {
      const li = document.createElement("li");
      const b = text("button", `${c.key} `);
      b.type = "button";
      b.append(text("span", fmt(c.count), "count"));
      b.title = `Show events of ${c.key}`;
      b.addEventListener("click", () => {
        // A first actor sets the actor; a second one makes a dyad.
        const next = state.a && state.a !== c.key && !state.b ? { b: c.key } : { a: c.key, b: "" };
        pages.length = 0;
        go({ ...next, cursor: "", event: "" });
        fillForm();
      });
      li.appendChild(b);
      return li;
    }),
  );
}

async function loadSeries(params, signal) {
  const box = $("series");
  const p = { by: state.by || "week" };
  if (params.dyad) p.dyad = params.dyad;
  else if (params.actor) p.actor = params.actor;
  else {
    lastSeries = null;
    box.replaceChildren(text("p", "Choose an actor, or two for a dyad, to chart their events over time: type CAMEO codes in the filter bar or pick from “Most events”.", "note"));
    return;
  }
  if (state.from) p.from = state.from;
  if (state.to) p.to = state.to;
  let res;
  try {
    res = await get("series", p, signal);
  } catch (e) {
    if (!signal.aborted) box.replaceChildren();
    throw e;
  }
  if (signal.aborted) return;
  lastSeries = [box, res.series, p.dyad ? p.dyad.replace(",", "–") : p.actor];
  drawSeries(...lastSeries);
}

// Markers and the chart are sized in pixels: draw them again when the
// window's width changes.
let lastSeries = null;
let resizeTimer = 0;
let lastWidth = window.innerWidth;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (window.innerWidth === lastWidth) return;
    lastWidth = window.innerWidth;
    if (world) world.redraw();
    if (lastSeries) drawSeries(...lastSeries);
  }, 150);
});

// showEvent opens or closes the event dialog to match state.event.
let shown = "";
async function showEvent() {
  const dlg = $("event");
  if (!state.event) {
    shown = "";
    if (dlg.open) dlg.close();
    return;
  }
  if (shown === state.event && dlg.open) return;
  shown = state.event;
  const bodyEl = $("event-body");
  bodyEl.replaceChildren(text("p", "Loading…", "note"));
  $("event-title").textContent = "Event";
  if (!dlg.open) dlg.showModal();
  let d;
  try {
    d = await get(`events/${encodeURIComponent(state.event)}`);
  } catch (e) {
    bodyEl.replaceChildren(text("p", e.message, "error"));
    return;
  }
  if (shown !== d.id) return;
  renderEvent(d);
}

function renderEvent(d) {
  $("event-title").textContent = `${d.source.code || "?"} → ${d.code} ${ROOTS[d.root] || ""} → ${d.target.code || "?"}`;
  const facts = document.createElement("dl");
  facts.className = "facts";
  const add = (k, v) => {
    if (v === undefined || v === null || v === "") return;
    facts.append(text("dt", k), text("dd", String(v)));
  };
  add("Date", `${d.date}${d.date_precision && d.date_precision !== "day" ? ` (${d.date_precision})` : ""}${d.date_source ? ` — from “${d.date_source}”` : ""}`);
  add("Source", `${d.source.code}${d.source.name ? ` (${d.source.name})` : ""}`);
  add("Target", `${d.target.code}${d.target.name ? ` (${d.target.name})` : ""}`);
  add("CAMEO", `${d.code} — root ${d.root} ${ROOTS[d.root] || ""}`);
  add("Quad class", `${d.quad_class} ${QUADS[d.quad_class]}`);
  add("Goldstein", d.goldstein.toFixed(1));
  if (d.plover && d.plover.type) add("PLOVER", `${d.plover.type}${d.plover.mode ? ` / ${d.plover.mode}` : ""}`);
  add("Modality", d.modality);
  if (d.location) add("Where", `${d.location.name}, ${d.location.country} (${d.location.lat.toFixed(2)}, ${d.location.lon.toFixed(2)})`);
  if (d.fatalities) add("Killed", `${d.fatalities.at_least ? "at least " : ""}${d.fatalities.count}`);
  add("Reported by", `${d.num_mentions} mention${d.num_mentions === 1 ? "" : "s"} in ${d.num_articles} article${d.num_articles === 1 ? "" : "s"} from ${d.num_sources} outlet${d.num_sources === 1 ? "" : "s"}`);
  if (d.issues && d.issues.length) add("Issues", d.issues.join(", "));

  const key = document.createElement("p");
  key.className = "key";
  key.append("In each sentence: ", text("mark", "source actor", "src"), " ", text("mark", "verb", "verb"), " ", text("mark", "target actor", "tgt"), ".");

  const list = document.createElement("ol");
  list.className = "mentions";
  for (const m of d.mentions) {
    const li = document.createElement("li");
    li.className = "mention";
    const head = document.createElement("p");
    head.className = "mention-head";
    head.append(text("strong", m.outlet || "unknown outlet"), " · ", text("time", (m.published || "").slice(0, 10)));
    if (m.url) {
      const link = text("a", m.title || m.url);
      link.href = m.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      head.append(" · ", link);
    } else if (m.title) {
      head.append(" · ", text("cite", m.title));
    }
    if (m.article_id) {
      const page = text("a", "article page", "to-article");
      page.href = stateURL({ ...state, event: "", article: m.article_id });
      page.dataset.article = m.article_id;
      head.append(" · ", page);
    }
    li.appendChild(head);
    li.appendChild(highlight(m));
    const why = document.createElement("p");
    why.className = "why";
    const pattern = m.evidence.pattern || d.pattern;
    if (pattern) why.append("Pattern ", text("code", pattern), m.evidence.pattern_ref ? " at " : "");
    else why.append("Verb-dictionary entry ");
    if (m.evidence.pattern_ref) why.append(text("code", m.evidence.pattern_ref));
    why.append(` fired on “${m.evidence.verb_text}”: ${m.source.code || "?"} (“${m.source.text || ""}”) → ${m.target.code || "?"} (“${m.target.text || ""}”).`);
    if (m.modality && m.modality !== "asserted") why.append(` Modality: ${m.modality}.`);
    if (m.attribution) why.append(` Attributed to ${m.attribution.by} (${m.attribution.verb}).`);
    li.appendChild(why);
    list.appendChild(li);
  }
  $("event-body").replaceChildren(facts, text("h3", `Mentions (${d.mentions.length})`), key, list);
}

$("event-body").addEventListener("click", (ev) => {
  const a = ev.target.closest("a[data-article]");
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  go({ event: "", article: a.dataset.article }, { data: false });
});

// showArticle shows the article page instead of the dashboard when
// state.article is set, and the dashboard otherwise.
let shownArticle = "";
async function showArticle() {
  const view = $("article-view");
  const id = state.article;
  $("dashboard").hidden = !!id;
  form.hidden = !!id;
  status.hidden = !!id;
  view.hidden = !id;
  $("article-back").href = stateURL({ ...state, article: "", event: "" });
  if (!id) {
    if (shownArticle) {
      shownArticle = "";
      document.title = TITLE;
    }
    return;
  }
  if (shownArticle === id) return;
  shownArticle = id;
  const title = $("article-title");
  const body = $("article-body");
  title.textContent = "Article";
  $("article-meta").textContent = "";
  body.replaceChildren(text("p", "Loading…", "note"));
  delete view.dataset.loaded;
  let a;
  try {
    a = await get(`articles/${encodeURIComponent(id)}`);
  } catch (e) {
    if (shownArticle === id) body.replaceChildren(text("p", e.message, "error"));
    return;
  }
  if (shownArticle !== id) return;
  title.textContent = a.title || "Untitled article";
  document.title = `${title.textContent} — dyad`;
  const meta = $("article-meta");
  meta.replaceChildren(text("strong", a.outlet || "unknown outlet"));
  if (a.published) meta.append(" · ", text("time", a.published.slice(0, 10)));
  if (a.url) {
    const link = text("a", "original");
    link.href = a.url;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    meta.append(" · ", link);
  }
  const coded = a.sentences.filter((s) => s.events.length).length;
  meta.append(` · ${fmt(a.sentences.length)} sentences, ${fmt(coded)} coded, ${fmt(a.events)} event mention${a.events === 1 ? "" : "s"}`);
  body.replaceChildren(renderText(a, (ev) => stateURL({ ...state, event: ev })));
  view.dataset.loaded = id;
  title.focus();
}

const TITLE = document.title;

$("article-back").addEventListener("click", (ev) => {
  if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  go({ article: "", event: "" }, { data: false });
  $("events").focus();
});
$("article-body").addEventListener("click", (ev) => {
  const a = ev.target.closest("a[data-event]");
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  go({ event: a.dataset.event }, { data: false });
});

setupCodeBox($("code-form"), $("code-result"));
$("to-code").addEventListener("click", (ev) => {
  if (!state.article) return;
  ev.preventDefault();
  go({ article: "", event: "" }, { data: false });
  $("code").scrollIntoView();
  $("code").focus();
});

$("token-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  saveToken($("token").value.trim());
  $("token").value = "";
  load();
});

$("close").addEventListener("click", () => $("event").close());
$("event").addEventListener("close", () => {
  if (state.event) go({ event: "" }, { data: false });
});

fillForm();
load();
showArticle();
showEvent();

// The time series: stacked bars of events per period by quad class, and a
// line of the mean Goldstein value (−10 conflict … +10 cooperation).
import { QUADS } from "./cameo.js";

const SVG = "http://www.w3.org/2000/svg";
const H = 230;
const M = { top: 22, right: 34, bottom: 24, left: 38 };

function el(name, attrs = {}, parent) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

// niceMax rounds a count up to a readable axis maximum.
function niceMax(n) {
  if (n <= 5) return 5;
  const p = Math.pow(10, Math.floor(Math.log10(n)));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * p >= n) return f * p;
  return 10 * p;
}

// drawSeries renders points (SeriesPoint JSON) into container, titled by
// what they are the series of.
export function drawSeries(container, points, what) {
  // The chart is drawn at the container's width so that its text keeps
  // its size on a phone.
  const W = Math.max(300, Math.min(1400, container.clientWidth || 640));
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "series-desc", class: "chart" });
  const total = points.reduce((s, p) => s + p.count, 0);
  el("desc", { id: "series-desc" }, svg).textContent =
    `Events per period for ${what}: ${total} events in ${points.length} periods, stacked by quad class, with the mean Goldstein value as a line.`;
  const iw = W - M.left - M.right, ih = H - M.top - M.bottom;
  const ymax = niceMax(Math.max(1, ...points.map((p) => p.count)));
  const n = Math.max(points.length, 1);
  const bw = iw / n;
  const y = (v) => M.top + ih - (v / ymax) * ih;
  const g = (v) => M.top + ih / 2 - (v / 10) * (ih / 2);

  const axes = el("g", { class: "axes" }, svg);
  for (let i = 0; i <= 4; i++) {
    const v = (ymax / 4) * i;
    el("line", { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: "grid" }, axes);
    el("text", { x: M.left - 4, y: y(v) + 3, class: "tick left" }, axes).textContent = Number.isInteger(v) ? v : v.toFixed(1);
  }
  for (const v of [-10, 0, 10]) {
    el("text", { x: W - M.right + 4, y: g(v) + 3, class: "tick right" }, axes).textContent = v > 0 ? `+${v}` : `${v}`;
  }
  el("line", { x1: M.left, x2: W - M.right, y1: g(0), y2: g(0), class: "zero" }, axes);

  const bars = el("g", { class: "bars" }, svg);
  points.forEach((p, i) => {
    let base = 0;
    const x = M.left + i * bw;
    for (let q = 0; q < 4; q++) {
      const v = p.quad[q];
      if (!v) continue;
      const r = el("rect", {
        x: (x + bw * 0.08).toFixed(2),
        width: Math.max(0.6, bw * 0.84).toFixed(2),
        y: y(base + v).toFixed(2),
        height: (y(base) - y(base + v)).toFixed(2),
        class: `q${q + 1}`,
      }, bars);
      el("title", {}, r).textContent = `${p.period}: ${v} ${QUADS[q + 1]}`;
      base += v;
    }
  });

  const pts = points.filter((p) => p.count > 0).map((p) => {
    const i = points.indexOf(p);
    return `${(M.left + (i + 0.5) * bw).toFixed(1)},${g(p.goldstein).toFixed(1)}`;
  });
  if (pts.length) {
    el("polyline", { points: pts.join(" "), class: "goldstein" }, svg);
    if (pts.length <= 60) {
      for (const xy of pts) {
        const [cx, cy] = xy.split(",");
        el("circle", { cx, cy, r: 2, class: "goldstein-dot" }, svg);
      }
    }
  }

  // Period labels along the bottom, one per 110 pixels at most.
  const step = Math.max(1, Math.ceil(points.length / Math.max(2, Math.floor(iw / 110))));
  for (let i = 0; i < points.length; i += step) {
    el("text", { x: M.left + (i + 0.5) * bw, y: H - 6, class: "tick bottom" }, axes).textContent = points[i].period;
  }
  el("text", { x: 4, y: 10, class: "axis-label" }, axes).textContent = "events";
  el("text", { x: W - 2, y: 10, class: "axis-label right" }, axes).textContent = "Goldstein";

  // The same numbers as a table, for screen readers and for copying.
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = "The numbers";
  details.appendChild(summary);
  const table = document.createElement("table");
  table.className = "series-table";
  const head = table.createTHead().insertRow();
  for (const h of ["Period", "Events", "Verbal coop.", "Material coop.", "Verbal conflict", "Material conflict", "Mean Goldstein"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const p of points) {
    const r = body.insertRow();
    for (const v of [p.period, p.count, ...p.quad, p.goldstein.toFixed(2)]) r.insertCell().textContent = v;
  }
  details.appendChild(table);

  const legend = document.createElement("p");
  legend.className = "note";
  legend.textContent = `${total.toLocaleString()} events involving ${what}; the line is the mean Goldstein value (right axis).`;
  container.replaceChildren(legend, svg, details);
}

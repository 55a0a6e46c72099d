// The world map: country outlines projected at build time (see build.mjs),
// shaded by event counts, with the located events drawn as markers that
// merge into clusters where they are dense.
import { geoNaturalEarth1 } from "d3-geo";
import { QUADS } from "./cameo.js";

const SVG = "http://www.w3.org/2000/svg";

// CELL is the clustering grid, in screen pixels: events closer than this
// share a marker.
const CELL = 16;

function el(name, attrs = {}, parent) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

// shade returns a colour between a pale and a dark slate blue for t in [0, 1].
function shade(t) {
  const lo = [232, 236, 242], hi = [70, 92, 128];
  const c = lo.map((x, i) => Math.round(x + (hi[i] - x) * t));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

// WorldMap draws into a container element. onCountry is called with an
// ISO alpha-3 code when a country or a marker is chosen.
export class WorldMap {
  constructor(container, world, onCountry) {
    this.world = world;
    this.projection = geoNaturalEarth1().scale(world.scale).translate(world.translate);
    this.names = new Map(world.countries.map((c) => [c.id, c.name]));
    const svg = el("svg", {
      viewBox: `0 0 ${world.width} ${world.height}`,
      role: "img",
      "aria-labelledby": "map-title map-desc",
      class: "world",
    });
    el("desc", { id: "map-desc" }, svg).textContent =
      "World map. Countries are shaded by their number of events; circles mark where events took place, coloured by quad class.";
    el("rect", { class: "sea", width: world.width, height: world.height }, svg);
    this.land = el("g", { class: "countries" }, svg);
    this.paths = new Map();
    for (const c of world.countries) {
      const p = el("path", { d: c.d, class: "country", fill: shade(0), "data-id": c.id }, this.land);
      el("title", {}, p).textContent = c.name;
      if (c.id) this.paths.set(c.id, p);
    }
    this.markers = el("g", { class: "markers" }, svg);
    svg.addEventListener("click", (ev) => {
      const t = ev.target.closest("[data-id]");
      if (t && t.dataset.id) onCountry(t.dataset.id);
    });
    container.replaceChildren(svg);
    this.svg = svg;
  }

  // redraw draws the last events again, for a new size of the map.
  redraw() {
    if (this.last) this.setEvents(...this.last);
  }

  // name returns a country's name, or its code.
  name(id) {
    return this.names.get(id) || id;
  }

  // setCounts shades each country by its count (a Map from ISO alpha-3
  // code to events), on a logarithmic scale, and outlines the selected one.
  setCounts(counts, selected) {
    let max = 0;
    for (const n of counts.values()) max = Math.max(max, n);
    const lmax = Math.log1p(max) || 1;
    for (const [id, p] of this.paths) {
      const n = counts.get(id) || 0;
      p.setAttribute("fill", shade(n ? 0.15 + 0.85 * (Math.log1p(n) / lmax) : 0));
      p.querySelector("title").textContent = `${this.name(id)}: ${n.toLocaleString()} event${n === 1 ? "" : "s"}`;
      p.classList.toggle("selected", id === selected);
    }
  }

  // setEvents draws the located events as markers, clustering those that
  // fall into the same grid cell. With zoom, the map closes in on the
  // events (never nearer than a fifth of the world's width). It returns
  // the number of markers.
  setEvents(events, zoom) {
    this.last = [events, zoom];
    const W = this.world.width, H = this.world.height;
    const points = [];
    for (const e of events) {
      const loc = e.location;
      if (!loc || (loc.lat === 0 && loc.lon === 0)) continue;
      const xy = this.projection([loc.lon, loc.lat]);
      if (xy) points.push([xy, e]);
    }
    let box = [0, 0, W, H];
    if (zoom && points.length) {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const [[x, y]] of points) {
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      }
      let w = Math.max((x1 - x0) * 1.5, (y1 - y0) * 1.5 * (W / H), W / 5);
      w = Math.min(w, W);
      const h = w * (H / W);
      const x = Math.max(0, Math.min(W - w, (x0 + x1) / 2 - w / 2));
      const y = Math.max(0, Math.min(H - h, (y0 + y1) / 2 - h / 2));
      box = [x, y, w, h];
    }
    this.svg.setAttribute("viewBox", box.map((v) => v.toFixed(1)).join(" "));
    // Markers and clusters are sized in screen pixels: k is view-box units
    // per pixel.
    const k = box[2] / (this.svg.clientWidth || W);
    this.svg.classList.toggle("zoomed", box[2] < W);
    const cells = new Map();
    for (const [xy, e] of points) {
      const loc = e.location;
      const key = `${Math.floor(xy[0] / (CELL * k))},${Math.floor(xy[1] / (CELL * k))}`;
      let c = cells.get(key);
      if (!c) {
        c = { x: 0, y: 0, n: 0, quad: [0, 0, 0, 0, 0], places: new Map() };
        cells.set(key, c);
      }
      c.x += xy[0];
      c.y += xy[1];
      c.n++;
      c.quad[e.quad_class] = (c.quad[e.quad_class] || 0) + 1;
      c.places.set(loc.country, (c.places.get(loc.country) || 0) + 1);
    }
    const list = [...cells.values()].sort((a, b) => b.n - a.n);
    const frag = document.createDocumentFragment();
    for (const c of list) {
      let quad = 1;
      for (let q = 2; q <= 4; q++) if (c.quad[q] > c.quad[quad]) quad = q;
      let country = "", best = 0;
      for (const [k, n] of c.places) if (n > best) (country = k), (best = n);
      const r = k * Math.min(14, 3 + Math.sqrt(c.n) * 1.2);
      const m = el("circle", {
        cx: (c.x / c.n).toFixed(1),
        cy: (c.y / c.n).toFixed(1),
        r: r.toFixed(1),
        class: `marker q${quad}${c.n > 1 ? " cluster" : ""}`,
        "data-id": country,
        "data-count": c.n,
      });
      const parts = [1, 2, 3, 4].filter((q) => c.quad[q]).map((q) => `${c.quad[q]} ${QUADS[q]}`);
      el("title", {}, m).textContent = `${c.n} event${c.n === 1 ? "" : "s"} in ${this.name(country)}: ${parts.join(", ")}`;
      frag.appendChild(m);
    }
    this.markers.replaceChildren(frag);
    return list.length;
  }
}

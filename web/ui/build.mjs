// build.mjs builds the dashboard into ../dist, the directory the Go package
// web embeds. It is deterministic: the same sources and packages give the
// same bytes, so scripts/check-web can compare a fresh build with the
// committed one.
//
//   index.html            the page, referring to the hashed assets below
//   assets/app-HASH.js    the bundled script (esbuild, minified)
//   assets/app-HASH.css   the style sheet (esbuild, minified)
//   assets/world-HASH.json country outlines as SVG paths, projected here
//                         with d3-geo from Natural Earth's 1:110m countries
//                         (the world-atlas package), keyed by ISO alpha-3
//   favicon.svg
//
// Usage: node build.mjs [outdir]
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries");
const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "src");
// The output directory is ../dist, or the first argument (scripts/check-web
// builds elsewhere and compares).
const dist = process.argv[2] ? resolve(process.argv[2]) : join(here, "..", "dist");

// MAP_WIDTH and MAP_HEIGHT are the map's SVG view box; src/map.js reads the
// projection's scale and translation from the generated file.
const MAP_WIDTH = 960;
const MAP_HEIGHT = 470;

function hash(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 10);
}

// world projects the countries once, at build time, so that the browser
// draws ready-made paths instead of decoding TopoJSON.
function world() {
  const topo = require("world-atlas/countries-110m.json");
  const fc = feature(topo, topo.objects.countries);
  // Antarctica holds no news events and half the map's height.
  fc.features = fc.features.filter((f) => f.id !== "010");
  const projection = geoNaturalEarth1().fitSize([MAP_WIDTH, MAP_HEIGHT], fc);
  const path = geoPath(projection).digits(1);
  const out = [];
  for (const f of fc.features) {
    // Three shapes lack an ISO number (N. Cyprus, Somaliland, Kosovo);
    // Kosovo has the user-assigned XKX, the others no code of their own.
    let id = f.id ? countries.numericToAlpha3(f.id) : undefined;
    if (!id && f.properties.name === "Kosovo") id = "XKX";
    out.push({ id: id || "", name: f.properties.name, d: path(f) });
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify({
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    scale: projection.scale(),
    translate: projection.translate(),
    source: "Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2",
    countries: out,
  });
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, "assets"), { recursive: true });

const worldJSON = world();
const worldName = `world-${hash(worldJSON)}.json`;
writeFileSync(join(dist, "assets", worldName), worldJSON);

const result = await esbuild.build({
  entryPoints: [join(src, "app.js"), join(src, "app.css")],
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  outdir: join(dist, "assets"),
  entryNames: "[name]-[hash]",
  legalComments: "none",
  charset: "utf8",
  define: { WORLD_URL: JSON.stringify(`assets/${worldName}`) },
  metafile: true,
  logLevel: "warning",
});

const names = {};
for (const [out, meta] of Object.entries(result.metafile.outputs)) {
  if (meta.entryPoint) names[meta.entryPoint.split("/").pop()] = out.split("/").pop();
}
let html = readFileSync(join(src, "index.html"), "utf8");
html = html
  .replace("{{APP_JS}}", `assets/${names["app.js"]}`)
  .replace("{{APP_CSS}}", `assets/${names["app.css"]}`)
  .replace("{{WORLD_JSON}}", `assets/${worldName}`);
writeFileSync(join(dist, "index.html"), html);
copyFileSync(join(src, "favicon.svg"), join(dist, "favicon.svg"));

for (const [out, meta] of Object.entries(result.metafile.outputs)) {
  console.log(`${out.split("/").slice(-2).join("/")}\t${meta.bytes} bytes`);
}
console.log(`assets/${worldName}\t${worldJSON.length} bytes`);

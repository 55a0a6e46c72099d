// The dashboard's state (in the URL) and its calls to dyad's JSON API.

// FILTER_KEYS are the URL parameters of the filter bar.
export const FILTER_KEYS = ["from", "to", "a", "b", "quad", "root", "country", "outlet", "q"];

// VIEW_KEYS are the other URL parameters: the series' period, the table's
// page, the open event and the open article.
const VIEW_KEYS = ["by", "cursor", "event", "article"];

// readState returns the dashboard state held in the page's URL.
export function readState(search = location.search) {
  const p = new URLSearchParams(search);
  const s = {};
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) s[k] = (p.get(k) || "").trim();
  return s;
}

// stateURL returns the page URL of a state, leaving out empty fields.
export function stateURL(s) {
  const p = new URLSearchParams();
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) {
    if (s[k] && !(k === "by" && s[k] === "week")) p.set(k, s[k]);
  }
  const q = p.toString();
  return location.pathname + (q ? "?" + q : "");
}

// eventParams turns a state into the API's event-filter parameters.
export function eventParams(s) {
  const p = {};
  for (const k of ["from", "to", "quad", "root", "country", "outlet", "q"]) if (s[k]) p[k] = s[k];
  const a = s.a.toUpperCase(), b = s.b.toUpperCase();
  if (a && b) p.dyad = `${a},${b}`;
  else if (a || b) p.actor = a || b;
  if (p.country) p.country = p.country.toUpperCase();
  return p;
}

// hasNarrowing reports whether the state filters more than dates.
export function hasNarrowing(s) {
  return ["a", "b", "quad", "root", "country", "outlet", "q"].some((k) => s[k]);
}

// APIError is an error the API answered with.
export class APIError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// get fetches an API path with parameters and returns the decoded JSON.
// Requests are relative to the page so that dyad can serve it under a
// prefix.
export async function get(path, params = {}, signal) {
  const q = new URLSearchParams(params).toString();
  const headers = { Accept: "application/json" };
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  return answer(path, await fetch(`api/v1/${path}${q ? "?" + q : ""}`, { signal, headers }));
}

// post sends a JSON body to a write endpoint with the write token and
// returns the decoded answer.
export async function post(path, body, token, signal) {
  const headers = { Accept: "application/json", "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  return answer(path, await fetch(`api/v1/${path}`, { method: "POST", signal, headers, body: JSON.stringify(body) }));
}

// answer decodes an API response, throwing an APIError for an error.
async function answer(path, res) {
  let body;
  try {
    body = await res.json();
  } catch {
    throw new APIError(res.status, "internal", `${path}: ${res.status} ${res.statusText}`);
  }
  if (!res.ok) {
    const e = body && body.error ? body.error : { code: "internal", message: res.statusText };
    throw new APIError(res.status, e.code, e.message);
  }
  return body;
}

// READ_KEY and WRITE_KEY are where the operator's tokens are kept for the
// browser tab's life (sessionStorage, never the URL): the read token when
// dyad serve requires one for reads, the write token of the code box.
const READ_KEY = "dyad-read-token";
const WRITE_KEY = "dyad-write-token";

function load(key) {
  try {
    return sessionStorage.getItem(key) || "";
  } catch {
    return "";
  }
}

function keep(key, token) {
  try {
    if (token) sessionStorage.setItem(key, token);
    else sessionStorage.removeItem(key);
  } catch {
    // Storage refused (private mode): the token lasts until the next load.
  }
}

// readToken returns the read token given in this tab, or "".
export function readToken() {
  return load(READ_KEY);
}

// saveToken keeps a read token for this tab.
export function saveToken(token) {
  keep(READ_KEY, token);
}

// writeToken returns the write token given in this tab, or "".
export function writeToken() {
  return load(WRITE_KEY);
}

// saveWriteToken keeps a write token for this tab.
export function saveWriteToken(token) {
  keep(WRITE_KEY, token);
}

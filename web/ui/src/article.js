// The article page: the text dyad extracted from a story, each coded
// sentence marked and followed by links to the events coded from it.
import { ROOTS } from "./cameo.js";

function escapeRE(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// find returns the [start, end) range of sentence s in text at or after
// from, or null. The sentence's words may be apart by other white space
// in the text (a line break where the sentence has a space).
function find(text, s, from) {
  const t = s.trim();
  if (!t) return null;
  const i = text.indexOf(t, from);
  if (i >= 0) return [i, i + t.length];
  const re = new RegExp(t.split(/\s+/).map(escapeRE).join("\\s+"), "gu");
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

// placeSentences finds the article's sentences in its text, in order. It
// returns the placed ones with their [start, end) ranges, and the ones the
// text does not hold (a headline coded before the text, a dateline cut
// from it).
export function placeSentences(text, sentences) {
  const placed = [];
  const unplaced = [];
  let at = 0;
  for (const s of sentences) {
    const r = find(text, s.text, at);
    if (r) {
      placed.push({ start: r[0], end: r[1], sentence: s });
      at = r[1];
    } else {
      unplaced.push(s);
    }
  }
  return { placed, unplaced };
}

// eventLabel names an event for a link: "PAK → 112 Accuse → AFG".
export function eventLabel(e) {
  return `${e.source.code || "?"} → ${e.code} ${ROOTS[e.root] || ""} → ${e.target.code || "?"}`.replace(/ {2,}/g, " ");
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

// codedSentence returns the mark of a coded sentence and the links to its
// events; href gives the address of an event.
function codedSentence(s, text, href) {
  const frag = document.createDocumentFragment();
  const mark = el("mark", text, "coded");
  mark.dataset.index = String(s.index);
  mark.id = `sentence-${s.index}`;
  frag.append(mark);
  const links = el("span", "", "event-links");
  for (const e of s.events) {
    const a = el("a", eventLabel(e), `event-link q${e.quad_class}`);
    a.href = href(e.id);
    a.dataset.event = e.id;
    links.append(" ", a);
  }
  frag.append(links);
  return frag;
}

// renderText returns the article's text with its coded sentences marked:
// a paragraph of the coded sentences the text does not hold, then the
// text (its line breaks kept by the style sheet).
export function renderText(article, href) {
  const { placed, unplaced } = placeSentences(article.text, article.sentences);
  const out = document.createDocumentFragment();
  const lead = unplaced.filter((s) => s.events.length);
  if (lead.length) {
    const p = el("p", "", "article-lead");
    for (const s of lead) p.append(codedSentence(s, s.text, href), " ");
    out.append(p);
  }
  const body = el("div", "", "article-text");
  let at = 0;
  for (const { start, end, sentence } of placed) {
    if (!sentence.events.length) continue;
    body.append(article.text.slice(at, start), codedSentence(sentence, article.text.slice(start, end), href));
    at = end;
  }
  body.append(article.text.slice(at));
  out.append(body);
  return out;
}

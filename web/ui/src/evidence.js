// Evidence highlighting: marks the source actor, the verb and the target in
// the sentence an event was coded from.
//
// The coder gives word spans (1-based word IDs of its tokenizer), not
// character offsets. words() splits the sentence the way the tokenizer does
// in the common cases (punctuation apart, clitics such as 's and n't as
// words of their own); each role is then placed on the occurrence of its
// words (Actor.Text, Evidence.VerbText) nearest its word ID, so that a
// difference in tokenizing shifts nothing. Only when the words are not
// found does the span alone decide.

const WORD = /[A-Za-z]\.(?:[A-Za-z]\.)+|\d+(?:[.,:]\d+)*|[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*|(.)\1*/gu;
const SPACE = /\s/u;

// words returns the [start, end) character ranges of the sentence's words.
export function words(text) {
  const out = [];
  for (const m of text.matchAll(WORD)) {
    if (SPACE.test(m[0])) continue;
    const a = m.index, z = a + m[0].length;
    const w = m[0];
    // Possessive 's and clitics n't, 're, 've, 'll, 'd, 'm are words.
    const cl = /^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$/iu.exec(w);
    if (cl) {
      out.push([a, a + cl[1].length], [a + cl[1].length, z]);
    } else if (/^cannot$/i.test(w)) {
      out.push([a, a + 3], [a + 3, z]);
    } else {
      out.push([a, z]);
    }
  }
  return out;
}

function escapeRE(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// place returns the [start, end) range of a role in text, or null. want is
// its words as written ("" when unknown); first and last its 1-based word
// span (0 when unknown).
export function place(text, ws, want, first, last) {
  const near = first > 0 && first <= ws.length ? ws[first - 1][0] : -1;
  const phrase = (want || "").trim();
  if (phrase) {
    const parts = phrase.split(/\s+/).map(escapeRE);
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join("\\s*")}(?![\\p{L}\\p{N}])`, "giu");
    let best = null;
    for (const m of text.matchAll(re)) {
      const r = [m.index, m.index + m[0].length];
      if (!best || (near >= 0 && Math.abs(r[0] - near) < Math.abs(best[0] - near))) best = r;
    }
    if (best) return best;
  }
  if (first > 0 && last >= first && last <= ws.length) return [ws[first - 1][0], ws[last - 1][1]];
  return null;
}

// highlight returns a paragraph with the sentence of mention m, its roles
// wrapped in <mark> elements of classes src, verb and tgt.
export function highlight(m) {
  const text = (m.sentence && m.sentence.text) || "";
  const ws = words(text);
  const roles = [
    { cls: "src", label: "source", r: place(text, ws, m.source.text, m.source.span.first, m.source.span.last) },
    { cls: "verb", label: "verb", r: place(text, ws, m.evidence.verb_text, m.evidence.verb, m.evidence.verb) },
    { cls: "tgt", label: "target", r: place(text, ws, m.target.text, m.target.span.first, m.target.span.last) },
  ].filter((x) => x.r);
  roles.sort((a, b) => a.r[0] - b.r[0]);
  const p = document.createElement("p");
  p.className = "sentence";
  let at = 0;
  for (const x of roles) {
    if (x.r[0] < at) continue; // overlapping roles: keep the first
    p.append(text.slice(at, x.r[0]));
    const mark = document.createElement("mark");
    mark.className = x.cls;
    mark.title = x.label;
    mark.textContent = text.slice(x.r[0], x.r[1]);
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = ` (${x.label})`;
    mark.append(hidden);
    p.append(mark);
    at = x.r[1];
  }
  p.append(text.slice(at));
  return p;
}

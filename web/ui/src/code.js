// The "code this text" box: a paragraph (and its date) sent to POST
// api/v1/code, which codes it without storing it; the answer's events are
// shown with their evidence and each sentence's parse as a dependency
// table.
import { post, writeToken, saveWriteToken } from "./api.js";
import { highlight } from "./evidence.js";
import { eventLabel } from "./article.js";

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== "") e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

// parseTable returns a sentence's parse as a table: each word with its
// lemma, part of speech, head word and relation.
export function parseTable(s) {
  const table = el("table", "", "parse");
  const cap = el("caption", s.text);
  table.append(cap);
  const head = table.createTHead().insertRow();
  for (const h of ["#", "Word", "Lemma", "POS", "Head", "Relation"]) {
    const th = el("th", h);
    th.scope = "col";
    head.append(th);
  }
  const body = table.createTBody();
  for (const t of s.tokens) {
    const tr = body.insertRow();
    const gov = t.head > 0 ? s.tokens[t.head - 1] : null;
    tr.append(
      el("td", String(t.id), "num"),
      el("td", t.form, "form"),
      el("td", t.lemma),
      el("td", t.upos),
      el("td", gov ? `${gov.id} ${gov.form}` : t.head === 0 ? "— (root)" : "?"),
      el("td", t.deprel, "rel"),
    );
  }
  return table;
}

// renderCoded returns the answer of api/v1/code: a summary, the events
// with their highlighted sentences, and the parses.
export function renderCoded(res) {
  const out = document.createDocumentFragment();
  const n = res.events.length;
  let summary = `${n} event${n === 1 ? "" : "s"} in ${res.sentences.length} sentence${res.sentences.length === 1 ? "" : "s"}`;
  if (res.published) summary += `, dated from ${res.published.slice(0, 10)}`;
  if (res.skipped) summary = `Not coded: ${res.skipped}.`;
  out.append(el("p", summary + (res.skipped ? "" : "."), "code-summary"));

  if (n) {
    const list = el("ol", "", "coded-events");
    for (const e of res.events) {
      const li = el("li", "", "coded-event");
      const title = el("p", "", "coded-title");
      title.append(el("strong", eventLabel(e)), ` · ${e.date}`);
      if (e.modality && e.modality !== "asserted") title.append(` · ${e.modality}`);
      if (e.location) title.append(` · ${e.location.name}`);
      li.append(title, highlight(e));
      const why = el("p", "", "why");
      const pattern = e.evidence.pattern || e.pattern;
      if (pattern) why.append("Pattern ", el("code", pattern));
      if (e.evidence.pattern_ref) why.append(" at ", el("code", e.evidence.pattern_ref));
      why.append(` fired on “${e.evidence.verb_text}”.`);
      li.append(why);
      list.append(li);
    }
    out.append(list);
  }

  if (res.sentences.length) {
    const parses = el("div", "", "parses");
    parses.append(el("h3", "Parse"));
    res.sentences.forEach((s, i) => {
      const d = el("details");
      d.open = i < 3;
      d.append(el("summary", `Sentence ${i + 1}: ${s.tokens.length} words`));
      const wrap = el("div", "", "parse-wrap");
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", `Parse of sentence ${i + 1}`);
      wrap.append(parseTable(s));
      d.append(wrap);
      parses.append(d);
    });
    const conll = el("details");
    conll.append(el("summary", "CoNLL-U"), el("pre", res.conllu, "conllu"));
    parses.append(conll);
    out.append(parses);
  }
  return out;
}

// setupCodeBox wires the form: the token field starts with the tab's
// write token, and each submission codes the text.
export function setupCodeBox(form, result) {
  const token = form.elements.token;
  token.value = writeToken();
  let inflight = null;
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = form.elements.text.value.trim();
    if (!text) return;
    saveWriteToken(token.value.trim());
    const body = { text };
    if (form.elements.date.value) body.date = form.elements.date.value;
    if (inflight) inflight.abort();
    const ctl = new AbortController();
    inflight = ctl;
    form.setAttribute("aria-busy", "true");
    result.replaceChildren(el("p", "Coding…", "note"));
    try {
      const res = await post("code", body, token.value.trim(), ctl.signal);
      if (ctl.signal.aborted) return;
      result.replaceChildren(renderCoded(res));
    } catch (e) {
      if (ctl.signal.aborted) return;
      let msg = e.message;
      if (e.code === "unauthorized") msg += " Give the operator's write token above.";
      result.replaceChildren(el("p", msg, "error"));
      if (e.code === "unauthorized") token.focus();
    } finally {
      if (inflight === ctl) {
        inflight = null;
        form.removeAttribute("aria-busy");
        result.dataset.done = String(Number(result.dataset.done || 0) + 1);
      }
    }
  });
}

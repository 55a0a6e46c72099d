// Tests of the evidence highlighter on events as the coder writes them
// (run by scripts/check-web: node --test web/ui/test).
import { test } from "node:test";
import assert from "node:assert/strict";
import { words, place } from "../src/evidence.js";

function roles(sentence, src, verb, tgt) {
  const ws = words(sentence);
  const cut = (r) => (r ? sentence.slice(r[0], r[1]) : null);
  return [
    cut(place(sentence, ws, src.text, src.span.first, src.span.last)),
    cut(place(sentence, ws, verb.text, verb.id, verb.id)),
    cut(place(sentence, ws, tgt.text, tgt.span.first, tgt.span.last)),
  ];
}

test("words splits clitics and punctuation as the tokenizer does", () => {
  const s = "Pakistan's army didn't shell U.S. posts, officials said.";
  assert.deepEqual(words(s).map(([a, z]) => s.slice(a, z)),
    ["Pakistan", "'s", "army", "did", "n't", "shell", "U.S.", "posts", ",", "officials", "said", "."]);
});

test("roles from the coder's output", () => {
  assert.deepEqual(
    roles("India's prime minister met Chinese President Xi Jinping in New Delhi.",
      { text: "India 's prime minister", span: { first: 1, last: 4 } }, { text: "met", id: 5 },
      { text: "Chinese President", span: { first: 6, last: 7 } }),
    ["India's prime minister", "met", "Chinese President"]);
});

test("the occurrence nearest the span wins", () => {
  assert.deepEqual(
    roles("Officials said Kabul said Kabul would talk to Islamabad.",
      { text: "Kabul", span: { first: 5, last: 5 } }, { text: "said", id: 4 },
      { text: "Islamabad", span: { first: 9, last: 9 } }),
    ["Kabul", "said", "Islamabad"]);
  const s = "Officials said Kabul said Kabul would talk to Islamabad.";
  assert.equal(place(s, words(s), "Kabul", 5, 5)[0], s.lastIndexOf("Kabul"));
});

test("the span alone when the words are not in the sentence", () => {
  assert.deepEqual(
    roles("Troops shelled posts.", { text: "", span: { first: 1, last: 1 } }, { text: "", id: 2 },
      { text: "border posts", span: { first: 3, last: 3 } }),
    ["Troops", "shelled", "posts"]);
});

test("no role when neither words nor span are known", () => {
  assert.deepEqual(
    roles("Troops shelled posts.", { text: "", span: { first: 0, last: 0 } }, { text: "shelled", id: 2 },
      { text: "", span: { first: 0, last: 0 } }),
    [null, "shelled", null]);
});

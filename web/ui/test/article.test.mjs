// Tests of the article page's placing of coded sentences in the text
// (run by scripts/check-web: node --test web/ui/test).
import { test } from "node:test";
import assert from "node:assert/strict";
import { placeSentences, eventLabel } from "../src/article.js";

const text = "KABUL, Oct 12 (Reuters) - Afghan forces fired on Pakistani posts.\nPakistan said it would respond.\n\nTalks are planned in Doha. Talks are planned in Doha.";

test("sentences are found in order, repeated ones at their own place", () => {
  const sents = [
    { index: 0, text: "Border clashes" },
    { index: 1, text: "Afghan forces fired on Pakistani posts." },
    { index: 2, text: "Pakistan said it would respond." },
    { index: 3, text: "Talks are planned in Doha." },
    { index: 4, text: "Talks are planned in Doha." },
  ];
  const { placed, unplaced } = placeSentences(text, sents);
  assert.deepEqual(unplaced.map((s) => s.index), [0]);
  assert.deepEqual(placed.map((p) => text.slice(p.start, p.end)), sents.slice(1).map((s) => s.text));
  assert.ok(placed[3].start > placed[2].start, "the second copy is placed after the first");
});

test("a sentence whose words the text breaks across lines", () => {
  const t = "The army said\nit had withdrawn.";
  const { placed } = placeSentences(t, [{ index: 0, text: "The army said it had withdrawn." }]);
  assert.equal(placed.length, 1);
  assert.equal(t.slice(placed[0].start, placed[0].end), t);
});

test("a sentence with regular-expression characters", () => {
  const t = "Prices rose (again) by 5.5% [officials said]?";
  const { placed } = placeSentences(t, [{ index: 0, text: "Prices rose (again) by 5.5%  [officials said]?" }]);
  assert.equal(placed.length, 1);
});

test("event labels", () => {
  assert.equal(eventLabel({ source: { code: "PAK" }, target: { code: "AFG" }, code: "112", root: "11" }), "PAK → 112 Disapprove → AFG");
  assert.equal(eventLabel({ source: { code: "" }, target: { code: "AFG" }, code: "190", root: "99" }), "? → 190 → AFG");
});

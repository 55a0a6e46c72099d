package ner

import (
	"math/bits"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/internal/wordform"
)

// vocabulary holds, for each lower-cased word of the training text, how
// often it occurs and how often it is capitalised away from the start of a
// sentence, packed as in packCount. Web text writes many names in lower
// case; a word that the training text usually capitalises is likely a
// name however it is written.
type vocabulary map[string]uint8

// wordCount counts the occurrences of a word: all, those not first in
// their sentence, and those of the latter that are capitalised.
type wordCount struct{ n, inner, capped int32 }

// countWords counts the words of sentences (their text only, not tags).
func countWords(sents []*dyad.Sentence, counts map[string]wordCount) {
	for _, s := range sents {
		for i, t := range s.Tokens {
			if !wordy(t.Form) {
				continue
			}
			l := strings.ToLower(wordform.Normalize(t.Form))
			c := counts[l]
			c.n++
			if i > 0 {
				c.inner++
				if capital(shape(t.Form)) {
					c.capped++
				}
			}
			counts[l] = c
		}
	}
}

// packCount packs a word's counts into a small class: a capitalisation
// class times four plus a frequency class.
func packCount(c wordCount) uint8 {
	capc := 4 // only ever at the start of a sentence
	if c.inner > 0 {
		switch r := float64(c.capped) / float64(c.inner); {
		case r == 0:
			capc = 0
		case r < 0.3:
			capc = 1
		case r < 0.7:
			capc = 2
		default:
			capc = 3
		}
	}
	return uint8(capc)<<2 | uint8(min(bits.Len32(uint32(c.n))/2, 3))
}

// newVocabulary packs counts.
func newVocabulary(counts map[string]wordCount) vocabulary {
	v := make(vocabulary, len(counts))
	for w, c := range counts {
		v[w] = packCount(c)
	}
	return v
}

// class returns the vocabulary class of lower-cased word l: 0 when unknown,
// else 1 + its packed counts.
func (v vocabulary) class(l string) int {
	x, ok := v[l]
	if !ok {
		return 0
	}
	return 1 + int(x)
}

// heldOut returns the vocabulary classes of words as counted in all
// documents but one, whose own counts are mine: training features then
// see words as unknown as new text will.
func heldOut(all, mine map[string]wordCount) func(string) int {
	return func(l string) int {
		c, m := all[l], mine[l]
		c.n -= m.n
		c.inner -= m.inner
		c.capped -= m.capped
		if c.n <= 0 {
			return 0
		}
		return 1 + int(packCount(c))
	}
}

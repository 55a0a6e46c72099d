// Package udeval scores predicted Universal Dependencies annotations
// against gold ones, as the CoNLL 2018 shared task does: tagging, lemma and
// attachment accuracy on gold tokenization, and token, sentence and word F1
// with aligned scores from raw text.
package udeval

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// Scores are percentages (0–100). Raw-text fields are zero when not
// measured.
type Scores struct {
	UPOS   float64 `json:"upos"`
	XPOS   float64 `json:"xpos"`
	Lemmas float64 `json:"lemmas"`
	UAS    float64 `json:"uas"`
	LAS    float64 `json:"las"`

	TokensF1    float64 `json:"tokens_f1,omitempty"`
	SentencesF1 float64 `json:"sentences_f1,omitempty"`
	WordsF1     float64 `json:"words_f1,omitempty"`

	Words     int `json:"words"`     // gold words scored
	Sentences int `json:"sentences"` // gold sentences
}

// Universal returns the universal part of a relation: "nsubj" for
// "nsubj:pass".
func Universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// Gold scores pred against gold sentence by sentence; the two must have the
// same words (gold tokenization). Sentences whose word counts differ count
// as wrong on every word.
func Gold(gold, pred []*dyad.Sentence) Scores {
	var n, upos, xpos, lemma, uas, las int
	for i, g := range gold {
		var p *dyad.Sentence
		if i < len(pred) {
			p = pred[i]
		}
		n += len(g.Tokens)
		if p == nil || len(p.Tokens) != len(g.Tokens) {
			continue
		}
		for j := range g.Tokens {
			gt, pt := &g.Tokens[j], &p.Tokens[j]
			if gt.UPOS == pt.UPOS {
				upos++
			}
			if gt.XPOS == pt.XPOS {
				xpos++
			}
			if gt.Lemma == pt.Lemma {
				lemma++
			}
			if gt.Head == pt.Head {
				uas++
				if Universal(gt.DepRel) == Universal(pt.DepRel) {
					las++
				}
			}
		}
	}
	pc := func(k int) float64 {
		if n == 0 {
			return 0
		}
		return 100 * float64(k) / float64(n)
	}
	return Scores{UPOS: pc(upos), XPOS: pc(xpos), Lemmas: pc(lemma), UAS: pc(uas), LAS: pc(las), Words: n, Sentences: len(gold)}
}

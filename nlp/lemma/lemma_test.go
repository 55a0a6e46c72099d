package lemma_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp/lemma"
	"github.com/dyad-events/dyad/nlp/treebank"
)

const tiny = `1	Troops	troop	NOUN	NNS	_	0	root	_	_
2	studies	study	NOUN	NNS	_	1	dep	_	_
3	bodies	body	NOUN	NNS	_	1	dep	_	_
4	was	be	AUX	VBD	_	1	dep	_	_
5	attacked	attack	VERB	VBD	_	1	dep	_	_
6	killed	kill	VERB	VBD	_	1	dep	_	_
7	Tigers	Tiger	PROPN	NNPS	_	1	dep	_	_
8	n't	not	PART	RB	_	1	dep	_	_
9	villages	village	NOUN	NNS	_	1	dep	_	_
10	parties	party	NOUN	NNS	_	1	dep	_	_
11	shelled	shell	VERB	VBD	_	1	dep	_	_

`

func TestLemma(t *testing.T) {
	train, err := treebank.Read(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	l := lemma.Train(train)
	var buf bytes.Buffer
	if _, err := l.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	l2, err := lemma.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ form, xpos, want string }{
		{"Troops", "NNS", "troop"}, // exact, lower-cased
		{"was", "VBD", "be"},       // exception
		{"WAS", "VBD", "be"},       // lower-cased exception
		{"n't", "RB", "not"},
		{"armies", "NNS", "army"},       // rule from studies/bodies/parties
		{"bombed", "VBD", "bomb"},       // rule from attacked/killed/shelled
		{"Pakistan", "NNP", "Pakistan"}, // proper nouns keep their case
		{"Gondor", "NNP", "Gondor"},
	}
	for _, tt := range tests {
		if got := l2.Lemma(tt.form, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.form, tt.xpos, got, tt.want)
		}
	}
}

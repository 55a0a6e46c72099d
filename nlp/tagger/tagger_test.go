package tagger_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/tagger"
	"github.com/dyad-events/dyad/nlp/treebank"
)

const tiny = `1	Troops	troop	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	village	village	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

1	They	they	PRON	PRP	_	2	nsubj	_	_
2	attack	attack	VERB	VBP	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	attack	attack	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

`

func TestTrainTagRoundTrip(t *testing.T) {
	train, err := treebank.Read(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	for _, onePass := range []bool{false, true} {
		tg := tagger.Train(train, tagger.TrainOptions{Epochs: 10, Seed: 1, OnePass: onePass})
		var buf bytes.Buffer
		if _, err := tg.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		tg2, err := tagger.Read(&buf)
		if err != nil {
			t.Fatal(err)
		}
		for _, gold := range train {
			s := &dyad.Sentence{}
			for _, tok := range gold.Tokens {
				s.Tokens = append(s.Tokens, dyad.Token{ID: tok.ID, Form: tok.Form})
			}
			tg2.Tag(s)
			for i, tok := range s.Tokens {
				if tok.UPOS != gold.Tokens[i].UPOS || tok.XPOS != gold.Tokens[i].XPOS {
					t.Errorf("onePass=%v: %q tagged %s %s, want %s %s", onePass, tok.Form, tok.UPOS, tok.XPOS, gold.Tokens[i].UPOS, gold.Tokens[i].XPOS)
				}
			}
		}
	}
}

func TestShape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pakistan", "Xx"}, {"U.S.", "X.X."}, {"5.5", "d.d"}, {"e-mail", "x-x"}, {"", ""},
	}
	for _, tt := range tests {
		if got := tagger.Shape(tt.in); got != tt.want {
			t.Errorf("Shape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

package depparse

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/treebank"
)

// sample is a small treebank with a non-projective sentence (the last).
const sample = `1	Troops	troop	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	village	village	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	shelled	shell	VERB	VBD	_	0	root	_	_
3	a	a	DET	DT	_	4	det	_	_
4	town	town	NOUN	NN	_	2	obj	_	_
5	in	in	ADP	IN	_	6	case	_	_
6	Kashmir	Kashmir	PROPN	NNP	_	2	obl	_	_
7	.	.	PUNCT	.	_	2	punct	_	_

1	A	a	DET	DT	_	2	det	_	_
2	hearing	hearing	NOUN	NN	_	3	nsubj:pass	_	_
3	is	be	AUX	VBZ	_	0	root	_	_
4	scheduled	schedule	VERB	VBN	_	3	xcomp	_	_
5	today	today	NOUN	NN	_	4	obl:tmod	_	_
6	on	on	ADP	IN	_	8	case	_	_
7	the	the	DET	DT	_	8	det	_	_
8	issue	issue	NOUN	NN	_	2	nmod	_	_
9	.	.	PUNCT	.	_	3	punct	_	_

`

func readSample(t *testing.T) []*dyad.Sentence {
	t.Helper()
	s, err := treebank.Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestOracle checks that the oracle's transitions rebuild a projective
// tree exactly and lose only the crossing arc of a non-projective one.
func TestOracle(t *testing.T) {
	train := readSample(t)
	labelOf := map[string]int{}
	for _, s := range train {
		for _, tok := range s.Tokens {
			if _, ok := labelOf[tok.DepRel]; !ok {
				labelOf[tok.DepRel] = len(labelOf)
			}
		}
	}
	nl := len(labelOf)
	for i, s := range train {
		g := newGold(s, labelOf)
		seq := oracle(s, g, nl, labelOf["root"])
		if len(seq) != 2*len(s.Tokens) {
			t.Errorf("sentence %d: %d transitions, want %d", i, len(seq), 2*len(s.Tokens))
		}
		st := newState(s, nl)
		for _, c := range seq {
			st.apply(c)
		}
		wrong := 0
		for w := range s.Tokens {
			if st.arcs[w].head != g.head[w] || st.arcs[w].label != g.label[w] {
				wrong++
			}
		}
		want := 0
		if i == 2 {
			want = 1 // "issue" attaches across "scheduled today"
		}
		if wrong != want {
			t.Errorf("sentence %d: %d wrong arcs, want %d", i, wrong, want)
		}
	}
}

// TestBeamOneIsGreedy checks that a beam of width 1 decodes exactly as
// the greedy parser, on the training sentences and on sentences it has
// not seen.
func TestBeamOneIsGreedy(t *testing.T) {
	train := readSample(t)
	p := Train(train, TrainOptions{Epochs: 3, Seed: 1})
	words := [][2]string{{"Troops", "NNS"}, {"in", "IN"}, {"the", "DT"}, {"town", "NN"}, {"attacked", "VBD"}, {"Kashmir", "NNP"}, {".", "."}}
	test := append([]*dyad.Sentence(nil), train...)
	for n := 1; n <= 30; n += 3 {
		s := &dyad.Sentence{}
		for i := range n {
			w := words[(i*5+n)%len(words)]
			s.Tokens = append(s.Tokens, dyad.Token{ID: i + 1, Form: w[0], XPOS: w[1], UPOS: "X"})
		}
		test = append(test, s)
	}
	for i, s := range test {
		g := p.greedy(s)
		b := newSearch(s, len(p.labels), p.root, 1).run(p.model.Score)
		if !slices.Equal(g.arcs, b.arcs) {
			t.Errorf("sentence %d: beam 1 arcs %v, greedy %v", i, b.arcs, g.arcs)
		}
	}
}

package depparse_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/depparse"
	"github.com/dyad-events/dyad/nlp/treebank"
)

const tiny = `1	Troops	troop	NOUN	NNS	_	2	nsubj	_	_
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

`

func TestTrainParseRoundTrip(t *testing.T) {
	train, err := treebank.Read(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	p := depparse.Train(train, depparse.TrainOptions{Epochs: 10, Seed: 1, Prune: 1e-6})
	var buf bytes.Buffer
	if _, err := p.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	p2, err := depparse.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, gold := range train {
		s := &dyad.Sentence{Tokens: append([]dyad.Token(nil), gold.Tokens...)}
		for i := range s.Tokens {
			s.Tokens[i].Head, s.Tokens[i].DepRel = -1, ""
		}
		p2.Parse(s)
		for i, tok := range s.Tokens {
			if tok.Head != gold.Tokens[i].Head || tok.DepRel != gold.Tokens[i].DepRel {
				t.Errorf("word %q: head %d %s, want %d %s", tok.Form, tok.Head, tok.DepRel, gold.Tokens[i].Head, gold.Tokens[i].DepRel)
			}
		}
	}
}

// TestSingleRoot checks that any sentence gets a tree with one root.
func TestSingleRoot(t *testing.T) {
	train, _ := treebank.Read(strings.NewReader(tiny))
	greedy := depparse.Train(train, depparse.TrainOptions{Epochs: 2, Seed: 1})
	for _, tc := range []struct {
		name string
		p    *depparse.Parser
	}{{"Greedy", greedy}, {"Beam3", greedy.WithBeam(3)}} {
		t.Run(tc.name, func(t *testing.T) { checkSingleRoot(t, tc.p) })
	}
}

func checkSingleRoot(t *testing.T, p *depparse.Parser) {
	for _, n := range []int{1, 2, 7, 40} {
		s := &dyad.Sentence{}
		for i := range n {
			s.Tokens = append(s.Tokens, dyad.Token{ID: i + 1, Form: "x", UPOS: "NOUN", XPOS: "NN"})
		}
		p.Parse(s)
		roots := 0
		for _, tok := range s.Tokens {
			if tok.Head == 0 {
				roots++
			}
			if tok.Head < 0 || tok.Head > n || tok.Head == tok.ID {
				t.Errorf("n=%d: bad head %d of word %d", n, tok.Head, tok.ID)
			}
		}
		if roots != 1 {
			t.Errorf("n=%d: %d roots", n, roots)
		}
	}
}

func TestReadCorrupt(t *testing.T) {
	if _, err := depparse.Read(strings.NewReader("not gzip")); err == nil {
		t.Error("Read accepted garbage")
	}
}

// TestBeamTrainParse trains globally with a beam, checks that the parser
// keeps its beam width through a file and parses its training sentences
// as annotated, with each update rule.
func TestBeamTrainParse(t *testing.T) {
	train, err := treebank.Read(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		early bool
	}{{"MaxViolation", false}, {"EarlyUpdate", true}} {
		t.Run(tc.name, func(t *testing.T) {
			p := depparse.Train(train, depparse.TrainOptions{Epochs: 10, Seed: 1, Prune: 1e-6, Beam: 4, EarlyUpdate: tc.early})
			var buf bytes.Buffer
			if _, err := p.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			p2, err := depparse.Read(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if p2.Beam() != 4 {
				t.Errorf("read beam width %d, want 4", p2.Beam())
			}
			if g := p2.WithBeam(1); g.Beam() != 1 || p2.Beam() != 4 {
				t.Errorf("WithBeam(1): widths %d and %d, want 1 and 4", g.Beam(), p2.Beam())
			}
			for _, gold := range train {
				s := &dyad.Sentence{Tokens: append([]dyad.Token(nil), gold.Tokens...)}
				for i := range s.Tokens {
					s.Tokens[i].Head, s.Tokens[i].DepRel = -1, ""
				}
				p2.Parse(s)
				for i, tok := range s.Tokens {
					if tok.Head != gold.Tokens[i].Head || tok.DepRel != gold.Tokens[i].DepRel {
						t.Errorf("word %q: head %d %s, want %d %s", tok.Form, tok.Head, tok.DepRel, gold.Tokens[i].Head, gold.Tokens[i].DepRel)
					}
				}
			}
		})
	}
}

package udeval_test

import (
	"math"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/treebank"
	"github.com/dyad-events/dyad/nlp/udeval"
)

const gold = `# newpar
# text = Pakistan's army left.
1-2	Pakistan's	_	_	_	_	_	_	_	_
1	Pakistan	Pakistan	PROPN	NNP	_	3	nmod:poss	_	_
2	's	's	PART	POS	_	1	case	_	_
3	army	army	NOUN	NN	_	4	nsubj	_	_
4	left	leave	VERB	VBD	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# text = It rained.
1	It	it	PRON	PRP	_	2	expl	_	_
2	rained	rain	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_

`

func load(t *testing.T) []*dyad.Sentence {
	t.Helper()
	s, err := treebank.Read(strings.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

func TestGold(t *testing.T) {
	g := load(t)
	p := load(t)
	p[0].Tokens[2].DepRel = "obj"         // wrong label: UAS ok, LAS wrong
	p[1].Tokens[0].DepRel = "nsubj:outer" // universal part differs from expl
	p[1].Tokens[1].UPOS = "NOUN"
	sc := udeval.Gold(g, p)
	if sc.Words != 8 || !near(sc.UAS, 100) || !near(sc.LAS, 75) || !near(sc.UPOS, 87.5) {
		t.Errorf("got %+v", sc)
	}
	p[1].Tokens[0].DepRel = "expl:pv" // same universal part
	if sc := udeval.Gold(g, p); !near(sc.LAS, 87.5) {
		t.Errorf("LAS %.2f, want 87.5 (subtypes ignored)", sc.LAS)
	}
}

func TestRaw(t *testing.T) {
	g := load(t)
	text, offsets := udeval.RawText(g)
	if text != "Pakistan's army left. It rained." {
		t.Fatalf("RawText = %q", text)
	}
	// A prediction that merges the two sentences and does not split
	// "Pakistan's".
	p := &dyad.Sentence{Text: text}
	forms := []string{"Pakistan's", "army", "left", ".", "It", "rained", "."}
	pos := 0
	for i, f := range forms {
		at := strings.Index(text[pos:], f) + pos
		p.Tokens = append(p.Tokens, dyad.Token{ID: i + 1, Form: f, Start: at, End: at + len(f), Head: 0})
		pos = at + len(f)
	}
	sc := udeval.Raw(g, offsets, text, []*dyad.Sentence{p}, []int{0})
	// Gold tokens: 7 (Pakistan's counts once); predicted 7, all matching.
	if !near(sc.TokensF1, 100) {
		t.Errorf("tokens F1 %.2f, want 100", sc.TokensF1)
	}
	// Gold words 8, predicted 7, matching 6 (not Pakistan, 's).
	if want := 100 * 2 * 6.0 / 15; !near(sc.WordsF1, want) {
		t.Errorf("words F1 %.2f, want %.2f", sc.WordsF1, want)
	}
	// Gold sentences 2, predicted 1, none matching.
	if sc.SentencesF1 != 0 {
		t.Errorf("sentences F1 %.2f, want 0", sc.SentencesF1)
	}
}

package nlp_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/conllu"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/treebank"
	"github.com/dyad-events/dyad/nlp/udeval"
)

// pipeline loads the embedded models once per test binary.
var pipeline = sync.OnceValues(nlp.Load)

func mustLoad(tb testing.TB) *nlp.Pipeline {
	tb.Helper()
	p, err := pipeline()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return p
}

// devSlice returns the first n sentences of EWT dev, skipping when the
// shared data is absent.
func devSlice(tb testing.TB, n int) []*dyad.Sentence {
	tb.Helper()
	dev, err := treebank.Load(treebank.SharedFile(tb, treebank.EWTDev))
	if err != nil {
		tb.Fatal(err)
	}
	if n > 0 && n < len(dev) {
		dev = dev[:n]
	}
	return dev
}

func words(in []*dyad.Sentence) []*dyad.Sentence {
	out := make([]*dyad.Sentence, len(in))
	for i, s := range in {
		c := &dyad.Sentence{ID: s.ID, Text: s.Text, Tokens: make([]dyad.Token, len(s.Tokens)), Multiwords: s.Multiwords}
		for j, t := range s.Tokens {
			c.Tokens[j] = dyad.Token{ID: t.ID, Form: t.Form, Head: -1, Start: -1, End: -1}
		}
		out[i] = c
	}
	return out
}

// TestFloors checks that the embedded models load and score above floors
// on a slice of EWT dev (CI runs it; the full figures are in
// docs/ACCURACY.md).
func TestFloors(t *testing.T) {
	n := 400
	if raceEnabled {
		n = 100
	}
	gold := devSlice(t, n)
	p := mustLoad(t)
	pred := words(gold)
	for _, s := range pred {
		p.Annotate(s)
	}
	got := udeval.Gold(gold, pred)
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"UPOS", got.UPOS, 93.5},
		{"XPOS", got.XPOS, 92.5},
		{"lemmas", got.Lemmas, 95.5},
		{"UAS", got.UAS, 80},
		{"LAS", got.LAS, 76},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s = %.2f on %d dev sentences, want >= %.2f", f.name, f.got, len(gold), f.floor)
		}
	}
	text, offsets := udeval.RawText(gold)
	sents, po := p.Parse(text)
	raw := udeval.Raw(gold, offsets, text, sents, po)
	if raw.TokensF1 < 98.5 || raw.SentencesF1 < 80 {
		t.Errorf("raw text: tokens F1 %.2f, sentences F1 %.2f, want >= 98.5 and >= 80", raw.TokensF1, raw.SentencesF1)
	}
	t.Logf("gold tokenization: UPOS %.2f XPOS %.2f lemmas %.2f UAS %.2f LAS %.2f; raw: tokens F1 %.2f sentences F1 %.2f LAS %.2f",
		got.UPOS, got.XPOS, got.Lemmas, got.UAS, got.LAS, raw.TokensF1, raw.SentencesF1, raw.LAS)
}

func TestParse(t *testing.T) {
	p := mustLoad(t)
	text := "Pakistan's army didn't attack the U.S. embassy on Oct. 5. Gen. Smith said so."
	sents, offsets := p.Parse(text)
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	for i, s := range sents {
		if got := text[offsets[i] : offsets[i]+len(s.Text)]; got != s.Text {
			t.Errorf("sentence %d: text at offset %q, want %q", i, got, s.Text)
		}
		roots := 0
		for _, tok := range s.Tokens {
			if tok.Head == 0 {
				roots++
			}
			if tok.Head < 0 || tok.Head > len(s.Tokens) || tok.UPOS == "" || tok.Lemma == "" || tok.DepRel == "" {
				t.Errorf("sentence %d: incomplete token %+v", i, tok)
			}
			if s.Text[tok.Start:tok.End] != tok.Form {
				t.Errorf("token %q at %d:%d is %q in the text", tok.Form, tok.Start, tok.End, s.Text[tok.Start:tok.End])
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d has %d roots", i, roots)
		}
	}
	var forms []string
	for _, tok := range sents[0].Tokens {
		forms = append(forms, tok.Form+"/"+tok.UPOS)
	}
	if got := strings.Join(forms, " "); !strings.HasPrefix(got, "Pakistan/PROPN 's/PART army/NOUN did/AUX n't/PART attack/VERB") {
		t.Errorf("got %s", got)
	}
}

func TestLoadTime(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("short or race: loading is measured by BenchmarkLoad")
	}
	start := time.Now()
	if _, err := nlp.Load(); err != nil {
		t.Fatal(err)
	}
	t.Logf("models loaded in %s", time.Since(start))
}

// TestCoNLLURoundTrip writes parsed text as CoNLL-U, reads it back and
// checks that nothing was lost.
func TestCoNLLURoundTrip(t *testing.T) {
	p := mustLoad(t)
	text := "Pakistan's army didn't attack the U.S. embassy on Oct. 5, officials said.\n\n\"We won't go,\" Gen. Smith (ret.) told 1,000 people -- again."
	sents, _ := p.Parse(text)
	var buf bytes.Buffer
	w := conllu.NewWriter(&buf)
	for _, s := range sents {
		if err := w.Write(s); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	back, err := treebank.Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("Read: %v\n%s", err, buf.String())
	}
	if len(back) != len(sents) {
		t.Fatalf("read %d sentences, wrote %d", len(back), len(sents))
	}
	for i, s := range sents {
		b := back[i]
		if b.Text != s.Text || len(b.Tokens) != len(s.Tokens) || len(b.Multiwords) != len(s.Multiwords) {
			t.Fatalf("sentence %d: read %q with %d words, wrote %q with %d", i, b.Text, len(b.Tokens), s.Text, len(s.Tokens))
		}
		for j, tok := range s.Tokens {
			bt := b.Tokens[j]
			if bt.Form != tok.Form || bt.Lemma != tok.Lemma || bt.UPOS != tok.UPOS || bt.XPOS != tok.XPOS || bt.Head != tok.Head || bt.DepRel != tok.DepRel || bt.Misc != underscore(tok.Misc) {
				t.Errorf("sentence %d word %d: read %+v, wrote %+v", i, j+1, bt, tok)
			}
		}
	}
}

// underscore returns v, or "_" for an empty value, as CoNLL-U writes it.
func underscore(v string) string {
	if v == "" {
		return "_"
	}
	return v
}

// TestHeadlineVerb: a headline's verb that the tagger reads as a plural
// noun is parsed as the verb, with its subject and object; a sentence
// with a full stop, or a nominal headline, keeps its tags.
func TestHeadlineVerb(t *testing.T) {
	p := mustLoad(t)
	for _, tt := range []struct {
		text, word, upos string
	}{
		{"Germany arrests three Russians suspected of plotting sabotage", "arrests", "VERB"},
		{"North Korea fires ballistic missiles ahead of APEC summit", "fires", "VERB"},
		{"Police made dozens of arrests.", "arrests", "NOUN"},
		{"Mass arrests in Tbilisi", "arrests", "NOUN"},
	} {
		sents, _ := p.Parse(tt.text)
		if len(sents) != 1 {
			t.Fatalf("%q: %d sentences", tt.text, len(sents))
		}
		for _, tok := range sents[0].Tokens {
			if tok.Form == tt.word && tok.UPOS != tt.upos {
				t.Errorf("%q: %q is %s, want %s", tt.text, tt.word, tok.UPOS, tt.upos)
			}
			if tok.Form == tt.word && tt.upos == "VERB" && tok.Head != 0 {
				t.Errorf("%q: %q is not the root", tt.text, tt.word)
			}
		}
	}
}

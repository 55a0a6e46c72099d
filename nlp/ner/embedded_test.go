package ner_test

import (
	"testing"

	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/ner"
	"github.com/dyad-events/dyad/nlp/treebank"
)

// devFile is the UniversalNER EWT dev file under the shared data directory.
const devFile = "ner/en_ewt/en_ewt-ud-dev.iob2.gz"

// minDevF1 is the floor for the embedded model's exact-span entity F1 on
// the UNER EWT dev set (docs/ACCURACY.md has the measured figure).
const minDevF1 = 0.69

// loadDev reads the dev set, skipping the test when the shared data is
// absent, and tags its words with the embedded part-of-speech tagger.
func loadDev(tb testing.TB, p *nlp.Pipeline) []*ner.Document {
	tb.Helper()
	docs, err := ner.LoadIOB2(treebank.SharedFile(tb, devFile))
	if err != nil {
		tb.Fatal(err)
	}
	for _, d := range docs {
		for _, s := range d.Sentences {
			p.Tagger.Tag(s)
		}
	}
	return docs
}

func TestEmbeddedModelDevF1(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the embedded models; skipped in -short mode")
	}
	p, err := nlp.Load()
	if err != nil {
		t.Fatal(err)
	}
	docs := loadDev(t, p)
	sc := ner.Evaluate(p.NER, docs)
	t.Logf("dev: %d gold entities, P %.4f R %.4f F1 %.4f", sc.All.Gold, sc.All.Precision(), sc.All.Recall(), sc.All.F1())
	if sc.All.Gold < 900 {
		t.Errorf("only %d gold entities read from the dev set", sc.All.Gold)
	}
	if f := sc.All.F1(); f < minDevF1 {
		t.Errorf("dev F1 %.4f is below the floor %.2f", f, minDevF1)
	}
}

// BenchmarkPredict tags the named entities of the UNER EWT dev set (words
// already POS-tagged) and reports tokens per second of wall-clock and of
// CPU time (the whole process's, garbage collection included). Run it on
// one core:
// go test ./nlp/ner -bench Predict -cpu 1 -count 5.
func BenchmarkPredict(b *testing.B) {
	p, err := nlp.Load()
	if err != nil {
		b.Fatal(err)
	}
	docs := loadDev(b, p)
	n := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			n += len(s.Tokens)
		}
	}
	b.ResetTimer()
	cpu := cpuTime()
	for range b.N {
		for _, d := range docs {
			p.NER.Predict(d.Sentences)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu; cpu > 0 {
		b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

package nlp_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/udeval"
)

// BenchmarkTagParse tags, lemmatizes and parses 500 EWT dev sentences on
// gold tokenization and reports tokens per second.
func BenchmarkTagParse(b *testing.B) {
	benchAnnotate(b, func(p *nlp.Pipeline, s *dyad.Sentence) {
		p.Tagger.Tag(s)
		p.Lemmatizer.Lemmatize(s)
		p.Parser.Parse(s)
	})
}

// BenchmarkAnnotate is BenchmarkTagParse plus named entities, all that
// Annotate does.
func BenchmarkAnnotate(b *testing.B) {
	benchAnnotate(b, (*nlp.Pipeline).Annotate)
}

func benchAnnotate(b *testing.B, annotate func(*nlp.Pipeline, *dyad.Sentence)) {
	gold := devSlice(b, 500)
	p := mustLoad(b)
	n := 0
	for _, s := range gold {
		n += len(s.Tokens)
	}
	b.ResetTimer()
	cpu := cpuTime()
	for range b.N {
		for _, s := range words(gold) {
			annotate(p, s)
		}
	}
	reportSpeed(b, n, cpuTime()-cpu)
}

// BenchmarkRawParse runs the whole pipeline, from raw text, on the text of
// 500 EWT dev sentences and reports gold tokens per second.
func BenchmarkRawParse(b *testing.B) {
	gold := devSlice(b, 500)
	p := mustLoad(b)
	text, _ := udeval.RawText(gold)
	n := 0
	for _, s := range gold {
		n += len(s.Tokens)
	}
	b.ResetTimer()
	cpu := cpuTime()
	for range b.N {
		p.Parse(text)
	}
	reportSpeed(b, n, cpuTime()-cpu)
}

// reportSpeed reports tokens per wall-clock second and, where measured,
// per CPU-second of the whole process (which also counts the garbage
// collector's work on other threads).
func reportSpeed(b *testing.B, tokens int, cpu time.Duration) {
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(tokens*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkLoad measures loading the embedded models.
func BenchmarkLoad(b *testing.B) {
	cpu := cpuTime()
	for range b.N {
		if _, err := nlp.Load(); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu; cpu > 0 {
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	}
}

// BenchmarkTagParseBeam is BenchmarkTagParse with the embedded parser's
// weights searched with beams of several widths.
func BenchmarkTagParseBeam(b *testing.B) {
	for _, k := range []int{1, 2, 4, 8} {
		b.Run(fmt.Sprintf("beam=%d", k), func(b *testing.B) {
			benchAnnotate(b, func(p *nlp.Pipeline, s *dyad.Sentence) {
				p.Tagger.Tag(s)
				p.Lemmatizer.Lemmatize(s)
				p.Parser.WithBeam(k).Parse(s)
			})
		})
	}
}

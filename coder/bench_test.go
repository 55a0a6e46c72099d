package coder_test

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
)

// benchRecord is one evaluated sentence of the validation suite, with the
// coder its options call for.
type benchRecord struct {
	c    *coder.Coder
	s    *dyad.Sentence
	date time.Time
}

// benchEvents keeps the benchmarks' results alive.
var benchEvents int

// benchRecords returns the evaluated sentences of the validation suite,
// each with base set to the record's options.
func benchRecords(b *testing.B, base *coder.Coder) []benchRecord {
	b.Helper()
	suite := readSuite(b)
	var recs []benchRecord
	for i := range suite.Records {
		rec := &suite.Records[i]
		if !rec.Evaluated || rec.Sentence == nil {
			continue
		}
		recs = append(recs, benchRecord{c: base.WithOptions(suiteOptions(rec.Options)), s: rec.Sentence, date: rec.Date})
	}
	if len(recs) == 0 {
		b.Fatal("the suite has no evaluated sentences")
	}
	return recs
}

// benchCode codes all the records per iteration and reports sentences/s.
func benchCode(b *testing.B, recs []benchRecord) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, r := range recs {
			n += len(r.c.Code(r.s, r.date))
		}
	}
	benchEvents = n
	b.ReportMetric(float64(len(recs)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkCode codes the 278 evaluated sentences of PETRARCH's
// validation suite with the validation dictionaries.
func BenchmarkCode(b *testing.B) {
	recs := benchRecords(b, loadCoder(b, validationFiles()))
	benchCode(b, recs)
}

// BenchmarkCodePhoenix codes the same sentences with the full Phoenix
// dictionaries.
func BenchmarkCodePhoenix(b *testing.B) {
	recs := benchRecords(b, loadCoder(b, dict.PhoenixFiles()))
	benchCode(b, recs)
}

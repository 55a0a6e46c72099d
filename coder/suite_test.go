package coder_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/eval"
)

// The floors TestPETRARCHSuite holds the coder to.
const (
	minSuiteExact = 0.87
	minSuiteF1    = 0.90
)

const (
	suiteFile = "petrarch/validation/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"
	dictDir   = "petrarch/dictionaries"
)

// sharedData returns the path of a file or directory in the shared data
// directory (DYAD_SHARED_DATA, else ../../shared/data), skipping the test
// when it is absent.
func sharedData(tb testing.TB, rel string) string {
	tb.Helper()
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("shared data not found: %v (set DYAD_SHARED_DATA to the shared data directory)", err)
	}
	return path
}

// readSuite reads PETRARCH's validation suite of UDPipe parses.
func readSuite(tb testing.TB) *eval.Suite {
	tb.Helper()
	f, err := os.Open(sharedData(tb, suiteFile))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := eval.ReadSuite(f)
	if err != nil {
		tb.Fatalf("read suite: %v", err)
	}
	return s
}

// loadCoder loads a dictionary set from the shared data and returns a
// Coder over it.
func loadCoder(tb testing.TB, files dict.Files) *coder.Coder {
	tb.Helper()
	set, err := dict.Load(sharedData(tb, dictDir), files)
	if err != nil {
		tb.Fatalf("load dictionaries: %v", err)
	}
	c, err := coder.New(coder.Dictionaries{Verbs: set.Verbs, Actors: set.Actors, Agents: set.Agents, Discards: set.Discards, Issues: set.Issues}, coder.Options{})
	if err != nil {
		tb.Fatalf("coder.New: %v", err)
	}
	return c
}

// validationFiles are the validation dictionaries with the CAMEO 2.0
// version of the validation verbs, which the UDPipe suite is coded with.
func validationFiles() dict.Files {
	files := dict.ValidationFiles()
	files.Verbs = []string{"PETR.Validate.verbs.2.0.txt"}
	return files
}

// suiteOptions maps the <Config> options in force for a record to coder
// options, as "dyad eval petrarch" does.
func suiteOptions(cfg map[string]string) coder.Options {
	var o coder.Options
	if v, ok := cfg["require_dyad"]; ok && strings.EqualFold(v, "false") {
		o.AllowMonads = true
	}
	if v, ok := cfg["new_actor_length"]; ok {
		o.NewActorLength, _ = strconv.Atoi(v)
	}
	return o
}

// TestPETRARCHSuite codes PETRARCH's validation suite and holds the scores
// to floors.
func TestPETRARCHSuite(t *testing.T) {
	suite := readSuite(t)
	start := time.Now()
	base := loadCoder(t, validationFiles())
	loadTime := time.Since(start)
	report, err := eval.Score(t.Context(), suite, func(_ context.Context, rec *eval.Record) ([]eval.Triple, error) {
		var out []eval.Triple
		for _, e := range base.WithOptions(suiteOptions(rec.Options)).Code(rec.Sentence, rec.Date) {
			if e.Modality == dyad.Negated {
				continue
			}
			out = append(out, eval.Triple{Source: e.Source.Code, Target: e.Target.Code, Code: e.Code})
		}
		return out, nil
	})
	if err != nil {
		t.Fatalf("score: %v", err)
	}
	report.DictLoadSeconds = loadTime.Seconds()
	if report.Records != 278 {
		t.Errorf("scored %d records, want 278", report.Records)
	}
	t.Logf("exact %d/%d = %.4f; precision %.4f, recall %.4f, F1 %.4f (TP %d, FP %d, FN %d)",
		report.Exact, report.Records, report.ExactRate, report.Precision, report.Recall, report.F1, report.TP, report.FP, report.FN)
	var b strings.Builder
	if err := report.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if report.ExactRate < minSuiteExact || report.F1 < minSuiteF1 {
		var f strings.Builder
		if err := report.WriteFailures(&f); err != nil {
			t.Fatal(err)
		}
		t.Log("\n" + f.String())
	}
	if report.ExactRate < minSuiteExact {
		t.Errorf("exact rate %.4f, want >= %.2f", report.ExactRate, minSuiteExact)
	}
	if report.F1 < minSuiteF1 {
		t.Errorf("F1 %.4f, want >= %.2f", report.F1, minSuiteF1)
	}
}

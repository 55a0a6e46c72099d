package zyte_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/extract/zyte"
)

// benchDir returns the benchmark directory, skipping the test when the
// shared data is absent.
func benchDir(tb testing.TB) string {
	tb.Helper()
	root := os.Getenv("DYAD_SHARED_DATA")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared", "data")
	}
	dir := filepath.Join(root, "extraction", "zyte-article-extraction-benchmark")
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		tb.Skipf("extraction benchmark not found at %s (set DYAD_SHARED_DATA): %v", dir, err)
	}
	return dir
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		want        zyte.Counts
	}{
		{"Exact", "one two three four five", "one two three four five", zyte.Counts{TP: 1}},
		{"Empty", "one two three four five", "", zyte.Counts{FN: 1}},
		{"Extra", "a b c d", "a b c d e", zyte.Counts{TP: 0.5, FP: 0.5}},
		{"Short", "a b", "a b", zyte.Counts{TP: 1}},
		{"CaseKept", "A b c d", "a b c d", zyte.Counts{FP: 0.5, FN: 0.5}},
		{"Punctuation", "Hello, world! It's me.", "Hello world It s me", zyte.Counts{TP: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := zyte.Match(tt.truth, tt.pred)
			if math.Abs(got.TP-tt.want.TP) > 1e-9 || math.Abs(got.FP-tt.want.FP) > 1e-9 || math.Abs(got.FN-tt.want.FN) > 1e-9 {
				t.Errorf("Match = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestPublishedBaselines checks that the metric reproduces the scores the
// benchmark's README publishes for the baseline outputs shipped with it.
func TestPublishedBaselines(t *testing.T) {
	// go_readability (0.934) and go_domdistiller (0.927) also match; three
	// keep the race-detector run short.
	dir := benchDir(t)
	pages, err := zyte.LoadTruth(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f1   float64
	}{
		{"go_trafilatura", 0.960},
		{"trafilatura", 0.958},
		{"readability_js", 0.947},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := zyte.LoadOutputs(filepath.Join(dir, "baseline-outputs", tt.name+".json.gz"))
			if err != nil {
				t.Fatal(err)
			}
			r, err := zyte.Evaluate(context.Background(), pages, func(_ context.Context, p zyte.Page) (string, error) {
				return out[p.ID], nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(r.F1-tt.f1) > 0.0006 {
				t.Errorf("F1 = %.4f, want %.3f (published)", r.F1, tt.f1)
			}
		})
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// smallBench copies the first n pages of the extraction benchmark into a
// temporary benchmark directory, skipping when the shared data is absent.
func smallBench(t *testing.T, n int) string {
	t.Helper()
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	src := filepath.Join(dir, "extraction", "zyte-article-extraction-benchmark")
	b, err := os.ReadFile(filepath.Join(src, "ground-truth.json"))
	if err != nil {
		t.Skipf("extraction benchmark not found at %s (set DYAD_SHARED_DATA): %v", src, err)
	}
	var gt map[string]json.RawMessage
	if err := json.Unmarshal(b, &gt); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(gt))
	for id := range gt {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	dst := t.TempDir()
	if err := os.Mkdir(filepath.Join(dst, "html"), 0o755); err != nil {
		t.Fatal(err)
	}
	small := map[string]json.RawMessage{}
	for _, id := range ids[:n] {
		small[id] = gt[id]
		page, err := os.ReadFile(filepath.Join(src, "html", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, "html", id+".html.gz"), page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := json.Marshal(small)
	if err := os.WriteFile(filepath.Join(dst, "ground-truth.json"), out, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestEvalExtraction(t *testing.T) {
	bench := smallBench(t, 3)
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"eval", "extraction", "--bench", bench, "--json"}, nil, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v (stderr %q)", err, stderr.String())
	}
	var report map[string]float64
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"pages", "precision", "recall", "f1", "pages_per_second"} {
		if _, ok := report[k]; !ok {
			t.Errorf("report lacks %q: %s", k, stdout.String())
		}
	}
	if report["pages"] != 3 || report["f1"] < 0.5 {
		t.Errorf("report = %v, want 3 pages and a real F1", report)
	}

	stdout.Reset()
	err = run(context.Background(), []string{"eval", "extraction", "--bench", bench, "--min-f1", "1.01"}, nil, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 3 {
		t.Errorf("exit code %d, want 3 for an unreachable floor", code)
	}
	err = run(context.Background(), []string{"eval", "extraction"}, nil, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 2 {
		t.Errorf("exit code %d without --bench, want 2", code)
	}
}

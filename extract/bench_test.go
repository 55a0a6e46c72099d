package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/extract"
	"github.com/dyad-events/dyad/extract/zyte"
)

// zyteDir returns the extraction benchmark directory, skipping when the
// shared data is absent.
func zyteDir(tb testing.TB) string {
	tb.Helper()
	root := os.Getenv("DYAD_SHARED_DATA")
	if root == "" {
		root = filepath.Join("..", "..", "shared", "data")
	}
	dir := filepath.Join(root, "extraction", "zyte-article-extraction-benchmark")
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		tb.Skipf("extraction benchmark not found at %s (set DYAD_SHARED_DATA): %v", dir, err)
	}
	return dir
}

// BenchmarkZyte extracts every page of the Zyte article-extraction
// benchmark on one goroutine and reports pages/s and the benchmark's F1.
func BenchmarkZyte(b *testing.B) {
	pages, err := zyte.Load(zyteDir(b))
	if err != nil {
		b.Fatal(err)
	}
	for _, mode := range []struct {
		name string
		opts extract.Options
	}{
		{"Default", extract.Options{}},
		{"NoDate", extract.Options{NoDate: true}},
		{"Fallback", extract.Options{Fallback: true}},
	} {
		b.Run(mode.name, func(b *testing.B) {
			x := extract.New(mode.opts)
			var r *zyte.Report
			for b.Loop() {
				r, err = zyte.Evaluate(context.Background(), pages, func(ctx context.Context, p zyte.Page) (string, error) {
					res, err := x.ExtractBytes(ctx, p.HTML, p.URL, "")
					if err != nil {
						return "", err
					}
					return res.Article.Text, nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(r.PagesPerSecond, "pages/s")
			b.ReportMetric(r.PagesPerCPUSecond, "pages/cpu-s")
			b.ReportMetric(r.F1, "F1")
			b.ReportMetric(r.Precision, "P")
			b.ReportMetric(r.Recall, "R")
		})
	}
}

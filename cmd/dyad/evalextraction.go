package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/extract"
	"github.com/dyad-events/dyad/extract/zyte"
)

// evalExtractionOptions are the flags of "dyad eval extraction".
type evalExtractionOptions struct {
	bench    string
	json     bool
	fallback bool
	minF1    float64
}

// runEvalExtraction scores main-text extraction on the Zyte
// article-extraction benchmark with the benchmark's own metric.
func runEvalExtraction(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o evalExtractionOptions
	fs := newFlagSet("eval extraction", "eval extraction --bench DIR [flags]", stderr)
	fs.StringVar(&o.bench, "bench", "", "benchmark `DIR` holding ground-truth.json and html/*.html.gz")
	fs.BoolVar(&o.json, "json", false, "print one JSON object")
	fs.BoolVar(&o.fallback, "fallback", false, "also run the Readability and DOM Distiller fallbacks (slower)")
	fs.Float64Var(&o.minF1, "min-f1", 0, "fail (exit 3) when F1 is below `F1` (0-1)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.bench == "" {
		return dyad.Errorf(dyad.EINVALID, "no benchmark: give --bench DIR")
	}
	report, err := evalExtraction(ctx, o)
	if err != nil {
		return err
	}
	report.F1CI = zyte.Bootstrap(report.Counts, 1000)
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "pages      %d (%d failed)\nprecision  %.4f\nrecall     %.4f\nF1         %.4f ± %.4f\nexact      %.4f\nspeed      %.1f pages/s wall clock (one goroutine, %.2f s extracting)\n           %.1f pages per CPU second (%.2f s of CPU)\n",
			report.Pages, report.Errors, report.Precision, report.Recall, report.F1, report.F1CI, report.Exact, report.PagesPerSecond, report.Seconds, report.PagesPerCPUSecond, report.CPUSeconds)
	}
	if report.F1 < o.minF1 {
		return &floorError{fmt.Sprintf("extraction F1 %.4f is below the floor %.4f", report.F1, o.minF1)}
	}
	return nil
}

// evalExtraction loads the benchmark and runs the extractor over it.
func evalExtraction(ctx context.Context, o evalExtractionOptions) (*zyte.Report, error) {
	pages, err := zyte.Load(o.bench)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "load benchmark %s: %v", o.bench, err)
	}
	x := extract.New(extract.Options{Fallback: o.fallback})
	return zyte.Evaluate(ctx, pages, func(ctx context.Context, p zyte.Page) (string, error) {
		res, err := x.ExtractBytes(ctx, p.HTML, p.URL, "")
		if err != nil {
			return "", err
		}
		return res.Article.Text, nil
	})
}

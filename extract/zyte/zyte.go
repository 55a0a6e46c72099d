// Package zyte scores article-body extraction the way the Zyte (formerly
// Scrapinghub) article-extraction benchmark does, and reads that
// benchmark's files: html/<id>.html.gz pages and ground-truth.json.
//
// The metric reproduces the benchmark's evaluate.py: each text is split
// into tokens (runs of Unicode letters, digits and underscores, case
// kept), tokens form 4-gram shingles, and a page's true positives, false
// positives and false negatives are counted over the shingle multisets
// and normalised to sum to 1. Precision is the mean over pages with
// TP+FP > 0, recall the mean over pages with TP+FN > 0, and F1 the
// harmonic mean of those two means.
package zyte

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Counts are one page's normalised true positives, false positives and
// false negatives.
type Counts struct {
	TP, FP, FN float64
}

// Metrics are scores over a set of pages.
type Metrics struct {
	Precision float64
	Recall    float64
	F1        float64
	// Exact is the share of pages whose predicted shingles equal the
	// truth's (the benchmark's "accuracy" column).
	Exact float64
}

// Tokens splits s into the benchmark's tokens: maximal runs of Unicode
// letters, numbers and underscores (Python's \w).
func Tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// shingles counts the 4-token shingles of s. A text with fewer than four
// tokens has one shorter shingle, as in evaluate.py.
func shingles(s string) map[string]int {
	toks := Tokens(s)
	m := make(map[string]int, len(toks))
	const n = 4
	last := len(toks) - n + 1
	if last < 1 {
		last = 1
	}
	for i := 0; i < last; i++ {
		j := min(i+n, len(toks))
		if i >= j {
			continue
		}
		m[strings.Join(toks[i:j], "\x00")]++
	}
	return m
}

// Match compares a predicted article body with the true one.
func Match(truth, pred string) Counts {
	ts, ps := shingles(truth), shingles(pred)
	var c Counts
	for k, tc := range ts {
		pc := ps[k]
		c.TP += float64(min(tc, pc))
		c.FN += float64(max(0, tc-pc))
	}
	for k, pc := range ps {
		c.FP += float64(max(0, pc-ts[k]))
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

// Score computes the benchmark's metrics over per-page counts.
func Score(pages []Counts) Metrics {
	var m Metrics
	var np, nr, exact int
	for _, c := range pages {
		if c.TP+c.FP > 0 {
			m.Precision += precision(c)
			np++
		}
		if c.TP+c.FN > 0 {
			m.Recall += recall(c)
			nr++
		}
		if c.FP == 0 && c.FN == 0 {
			exact++
		}
	}
	if np > 0 {
		m.Precision /= float64(np)
	}
	if nr > 0 {
		m.Recall /= float64(nr)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	if len(pages) > 0 {
		m.Exact = float64(exact) / float64(len(pages))
	}
	return m
}

// Bootstrap returns 1.96 standard deviations of F1 over n resamples of
// pages drawn with replacement (a fixed seed keeps reports
// reproducible).
func Bootstrap(pages []Counts, n int) float64 {
	if len(pages) == 0 || n < 2 {
		return 0
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sample := make([]Counts, len(pages))
	f1s := make([]float64, n)
	var mean float64
	for i := range f1s {
		for j := range sample {
			sample[j] = pages[rng.IntN(len(pages))]
		}
		f1s[i] = Score(sample).F1
		mean += f1s[i]
	}
	mean /= float64(n)
	var ss float64
	for _, f := range f1s {
		ss += (f - mean) * (f - mean)
	}
	return 1.96 * math.Sqrt(ss/float64(n-1))
}

func precision(c Counts) float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

func recall(c Counts) float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// Page is one benchmark page.
type Page struct {
	ID   string
	URL  string
	Body string // the true article body
	HTML []byte // the page, decompressed
}

// Load reads the benchmark in dir: ground-truth.json and html/ID.html.gz
// for every ID in it, in ID order.
func Load(dir string) ([]Page, error) {
	pages, err := LoadTruth(dir)
	if err != nil {
		return nil, err
	}
	for i := range pages {
		if pages[i].HTML, err = readGzip(filepath.Join(dir, "html", pages[i].ID+".html.gz")); err != nil {
			return nil, err
		}
	}
	return pages, nil
}

// LoadTruth reads only ground-truth.json: the pages in ID order, without
// their HTML.
func LoadTruth(dir string) ([]Page, error) {
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("read ground truth: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		return nil, fmt.Errorf("parse ground-truth.json: %w", err)
	}
	pages := make([]Page, 0, len(gt))
	for id, g := range gt {
		pages = append(pages, Page{ID: id, URL: g.URL, Body: g.ArticleBody})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open page: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return b, nil
}

// LoadOutputs reads a prediction file in the benchmark's output format
// ({id: {articleBody}}, optionally wrapped as {"version", "output"} and
// optionally gzip-compressed) and returns the bodies by ID.
func LoadOutputs(path string) (map[string]string, error) {
	var b []byte
	var err error
	if strings.HasSuffix(path, ".gz") {
		b, err = readGzip(path)
	} else {
		b, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("read outputs: %w", err)
	}
	var wrapped struct {
		Output map[string]item `json:"output"`
	}
	if err := json.Unmarshal(b, &wrapped); err == nil && wrapped.Output != nil {
		return bodies(wrapped.Output), nil
	}
	var plain map[string]item
	if err := json.Unmarshal(b, &plain); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return bodies(plain), nil
}

// item is one prediction in an output file.
type item struct {
	ArticleBody string `json:"articleBody"`
}

func bodies(m map[string]item) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v.ArticleBody
	}
	return out
}

// Report is the result of an evaluation run.
type Report struct {
	Pages     int     `json:"pages"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Exact     float64 `json:"exact"`
	// F1CI is the half-width of the 95 % interval of F1 over 1000
	// bootstrap resamples of the pages (1.96 standard deviations), as
	// the benchmark's ± column.
	F1CI           float64 `json:"f1_ci"`
	Errors         int     `json:"errors"`
	Seconds        float64 `json:"seconds"`
	PagesPerSecond float64 `json:"pages_per_second"`
	// CPUSeconds is the CPU time the process used while extracting (all
	// threads, garbage collection included), and PagesPerCPUSecond the
	// throughput it implies for one fully available core: on a busy
	// machine it is the fairer speed figure. Zero where not measured.
	CPUSeconds        float64 `json:"cpu_seconds"`
	PagesPerCPUSecond float64 `json:"pages_per_cpu_second"`
	// Counts are the per-page counts, in page order.
	Counts []Counts `json:"-"`
}

// ExtractFunc extracts the article body from one page. An error counts
// the page as extracted empty, as the benchmark counts a crash.
type ExtractFunc func(ctx context.Context, p Page) (string, error)

// Evaluate runs extract over pages one at a time (one core) and scores
// the results. Only the time spent in extract counts towards
// PagesPerSecond. It stops with ctx.Err() when ctx is done.
func Evaluate(ctx context.Context, pages []Page, extract ExtractFunc) (*Report, error) {
	counts := make([]Counts, 0, len(pages))
	var spent, cpu time.Duration
	r := &Report{Pages: len(pages)}
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		start, cpu0 := time.Now(), cpuTime()
		body, err := extract(ctx, p)
		spent += time.Since(start)
		cpu += cpuTime() - cpu0
		if err != nil {
			r.Errors++
			body = ""
		}
		counts = append(counts, Match(p.Body, body))
	}
	m := Score(counts)
	r.Precision, r.Recall, r.F1, r.Exact = m.Precision, m.Recall, m.F1, m.Exact
	r.Counts = counts
	r.Seconds = spent.Seconds()
	if spent > 0 {
		r.PagesPerSecond = float64(len(pages)) / spent.Seconds()
	}
	r.CPUSeconds = cpu.Seconds()
	if cpu > 0 {
		r.PagesPerCPUSecond = float64(len(pages)) / cpu.Seconds()
	}
	return r, nil
}

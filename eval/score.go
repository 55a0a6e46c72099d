package eval

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// CodeFunc codes one record and returns the events it finds. An error ends
// scoring; a coder that wants to go on after a bad record should return no
// events instead.
type CodeFunc func(ctx context.Context, rec *Record) ([]Triple, error)

// CategoryScore is how a coder did on a set of records.
//
// A record is exact when the set of triples coded equals the set expected
// (duplicates count once), so a record expecting no events is exact only
// when none are coded. TP, FP and FN count triples over the records, each
// record's triples taken as a set. Precision is TP/(TP+FP) and Recall
// TP/(TP+FN), each 0 when its denominator is 0, except that all three
// rates are 1 when nothing was expected and nothing was coded.
type CategoryScore struct {
	Records   int     `json:"records"`
	Exact     int     `json:"exact"`
	ExactRate float64 `json:"exact_rate"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
}

// add counts one record.
func (c *CategoryScore) add(tp, fp, fn int) {
	c.Records++
	if fp == 0 && fn == 0 {
		c.Exact++
	}
	c.TP += tp
	c.FP += fp
	c.FN += fn
}

// rates computes the rates from the counts.
func (c *CategoryScore) rates() {
	c.ExactRate = ratio(c.Exact, c.Records)
	if c.TP+c.FP+c.FN == 0 {
		c.Precision, c.Recall, c.F1 = 1, 1, 1
		return
	}
	c.Precision = ratio(c.TP, c.TP+c.FP)
	c.Recall = ratio(c.TP, c.TP+c.FN)
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Failure is a record that was not coded exactly. Expected and Got are
// sets: sorted, without duplicates.
type Failure struct {
	ID       string   `json:"id"`
	Category string   `json:"category"`
	Text     string   `json:"text"`
	Expected []Triple `json:"expected"`
	Got      []Triple `json:"got"`
}

// Report is the result of scoring a coder on a suite. The overall numbers
// mean what they mean in CategoryScore.
type Report struct {
	Records   int     `json:"records"`
	Exact     int     `json:"exact"`
	ExactRate float64 `json:"exact_rate"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`

	// SentencesPerSecond is the number of records coded per second spent
	// inside the CodeFunc.
	SentencesPerSecond float64 `json:"sentences_per_second"`
	// DictLoadSeconds is the time taken to load the coder's dictionaries.
	// Score leaves it 0 for the caller to fill in.
	DictLoadSeconds float64 `json:"dict_load_seconds"`

	ByCategory map[string]CategoryScore `json:"by_category"`
	Failures   []Failure                `json:"failures,omitempty"`
}

// Score codes every evaluated record of s with code, in order, and compares
// the triples returned with the expected ones.
//
// Score returns the error of ctx when it is cancelled, and the error of
// code, wrapped with the record ID, when code fails.
func Score(ctx context.Context, s *Suite, code CodeFunc) (*Report, error) {
	if s == nil || code == nil {
		return nil, errors.New("eval: score: nil suite or code")
	}
	var total CategoryScore
	cats := map[string]*CategoryScore{}
	var failures []Failure
	var elapsed time.Duration
	for i := range s.Records {
		rec := &s.Records[i]
		if !rec.Evaluated {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		start := time.Now()
		got, err := code(ctx, rec)
		elapsed += time.Since(start)
		if err != nil {
			return nil, fmt.Errorf("eval: code %s: %w", rec.ID, err)
		}

		want, have := tripleSet(rec.Expected), tripleSet(got)
		tp := 0
		for _, t := range have {
			if _, ok := slices.BinarySearchFunc(want, t, compareTriples); ok {
				tp++
			}
		}
		fp, fn := len(have)-tp, len(want)-tp
		total.add(tp, fp, fn)
		c := cats[rec.Category]
		if c == nil {
			c = &CategoryScore{}
			cats[rec.Category] = c
		}
		c.add(tp, fp, fn)
		if fp != 0 || fn != 0 {
			failures = append(failures, Failure{
				ID: rec.ID, Category: rec.Category, Text: rec.Text,
				Expected: want, Got: have,
			})
		}
	}

	total.rates()
	r := &Report{
		Records: total.Records, Exact: total.Exact, ExactRate: total.ExactRate,
		Precision: total.Precision, Recall: total.Recall, F1: total.F1,
		TP: total.TP, FP: total.FP, FN: total.FN,
		ByCategory: make(map[string]CategoryScore, len(cats)),
		Failures:   failures,
	}
	if elapsed > 0 {
		r.SentencesPerSecond = float64(total.Records) / elapsed.Seconds()
	}
	for name, c := range cats {
		c.rates()
		r.ByCategory[name] = *c
	}
	return r, nil
}

func compareTriples(a, b Triple) int {
	return cmp.Or(
		strings.Compare(a.Source, b.Source),
		strings.Compare(a.Target, b.Target),
		strings.Compare(a.Code, b.Code),
	)
}

// tripleSet returns ts sorted and without duplicates, in a new non-nil
// slice.
func tripleSet(ts []Triple) []Triple {
	set := append(make([]Triple, 0, len(ts)), ts...)
	slices.SortFunc(set, compareTriples)
	return slices.Compact(set)
}

// WriteText writes the report as a table: one row per category, in name
// order, and a total row, followed by the speed figures. It does not write
// the failures; see WriteFailures.
func (r *Report) WriteText(w io.Writer) error {
	names := slices.Sorted(maps.Keys(r.ByCategory))
	width := len("category")
	for _, name := range names {
		width = max(width, len(name))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s %7s %6s %7s %9s %7s %6s %5s %5s %5s\n",
		width, "category", "records", "exact", "exact%", "precision", "recall", "F1", "TP", "FP", "FN")
	row := func(name string, c CategoryScore) {
		fmt.Fprintf(&b, "%-*s %7d %6d %7.1f %9.3f %7.3f %6.3f %5d %5d %5d\n",
			width, name, c.Records, c.Exact, 100*c.ExactRate, c.Precision, c.Recall, c.F1, c.TP, c.FP, c.FN)
	}
	for _, name := range names {
		row(name, r.ByCategory[name])
	}
	row("total", CategoryScore{
		Records: r.Records, Exact: r.Exact, ExactRate: r.ExactRate,
		Precision: r.Precision, Recall: r.Recall, F1: r.F1, TP: r.TP, FP: r.FP, FN: r.FN,
	})
	fmt.Fprintf(&b, "\n%.1f sentences/s coding, %.2f s loading dictionaries\n",
		r.SentencesPerSecond, r.DictLoadSeconds)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteFailures writes each failure: the record, its text, and the triples
// missed and the triples coded in excess.
func (r *Report) WriteFailures(w io.Writer) error {
	for _, f := range r.Failures {
		missing := setDiff(f.Expected, f.Got)
		extra := setDiff(f.Got, f.Expected)
		_, err := fmt.Fprintf(w, "%s [%s] %s\n  expected: %s\n  got:      %s\n  missing:  %s\n  extra:    %s\n\n",
			f.ID, f.Category, f.Text, list(f.Expected), list(f.Got), list(missing), list(extra))
		if err != nil {
			return err
		}
	}
	return nil
}

// setDiff returns the triples of a that are not in b; both are sorted.
func setDiff(a, b []Triple) []Triple {
	var out []Triple
	for _, t := range a {
		if _, ok := slices.BinarySearchFunc(b, t, compareTriples); !ok {
			out = append(out, t)
		}
	}
	return out
}

func list(ts []Triple) string {
	if len(ts) == 0 {
		return "(none)"
	}
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.String()
	}
	return strings.Join(s, ", ")
}

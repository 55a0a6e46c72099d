package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
	"github.com/dyad-events/dyad/eval"
)

// evalSamplesOptions are the flags of "dyad eval samples".
type evalSamplesOptions struct {
	dicts    dictOptions
	dir      string
	json     bool
	failures bool
	minP     float64
	minR     float64
	// minDates and minPlaces are floors on the share of matched events
	// with the expected date and place (of those whose expectation gives
	// one).
	minDates, minPlaces float64
}

func runEvalSamples(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o evalSamplesOptions
	fs := newFlagSet("eval samples", "eval samples [--dir DIR] [flags]\n\nCodes each sample article (NAME.html or NAME.txt) end to end and scores its events\nagainst NAME.events.jsonl at (source country, target country, CAMEO root) level,\nwith the dates, places and death tolls of the matched events.", stderr)
	o.dicts.register(fs, "phoenix")
	fs.StringVar(&o.dir, "dir", "samples", "`DIR` of sample articles and their expected events")
	fs.BoolVar(&o.json, "json", false, "print one JSON object")
	fs.BoolVar(&o.failures, "failures", false, "list, per article, the expected events missed, the extra ones and the wrong places and death tolls")
	fs.Float64Var(&o.minP, "min-precision", 0, "fail (exit 3) when precision is below `P`")
	fs.Float64Var(&o.minR, "min-recall", 0, "fail (exit 3) when recall is below `R`")
	fs.Float64Var(&o.minDates, "min-dates", 0, "fail (exit 3) when the share of matched events with the right date is below `RATE`")
	fs.Float64Var(&o.minPlaces, "min-places", 0, "fail (exit 3) when the share of matched events with the right place is below `RATE`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	expected, articles, err := readSamples(o.dir)
	if err != nil {
		return err
	}
	p, err := newPipeline(o.dicts, false, nil, nil)
	if err != nil {
		return err
	}
	in := &acquire.Inputs{}
	coded := map[string][]dyad.Event{}
	for _, path := range articles {
		name := filepath.Base(path)
		for item := range in.Items(ctx, []string{path}, nil) {
			if item.Err != nil {
				return fmt.Errorf("sample %s: %w", name, item.Err)
			}
			res, err := p.Process(ctx, item.Article)
			if err != nil {
				return fmt.Errorf("sample %s: %w", name, err)
			}
			coded[name] = append(coded[name], res.Events...)
		}
	}
	sc := eval.ScoreSamples(expected, coded, p.Places)
	if !o.failures {
		sc.Misses = nil
	}
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sc); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "%d articles: %d expected events, %d coded, %d matched\nprecision %.3f  recall %.3f  F1 %.3f\ndates right on %d of %d matched events\nplaces right: %d of %d\nfatalities right: %d of %d\n",
			sc.Articles, sc.Expected, sc.Coded, sc.Matched, sc.Precision, sc.Recall, sc.F1, sc.DatesRight, sc.DatesExpected,
			sc.PlacesRight, sc.PlacesExpected, sc.FatalitiesRight, sc.FatalitiesExpected)
		for _, m := range sc.Misses {
			writeMiss(stdout, m)
		}
	}
	if sc.Precision < o.minP {
		return &floorError{fmt.Sprintf("precision %.3f is below the floor %.3f", sc.Precision, o.minP)}
	}
	if sc.Recall < o.minR {
		return &floorError{fmt.Sprintf("recall %.3f is below the floor %.3f", sc.Recall, o.minR)}
	}
	if r := sc.DatesShare(); r < o.minDates {
		return &floorError{fmt.Sprintf("dates right on %.3f of matched events, below the floor %.3f", r, o.minDates)}
	}
	if r := sc.PlacesShare(); r < o.minPlaces {
		return &floorError{fmt.Sprintf("places right on %.3f of matched events, below the floor %.3f", r, o.minPlaces)}
	}
	return nil
}

// writeMiss prints what one article got wrong, one line per kind of miss
// and one per wrong date, place or death toll.
func writeMiss(w io.Writer, m eval.SampleMiss) {
	fmt.Fprintf(w, "\n%s\n", m.Article)
	if len(m.Missing) > 0 {
		fmt.Fprintf(w, "  missing: %s\n", strings.Join(m.Missing, ", "))
	}
	if len(m.Extra) > 0 {
		fmt.Fprintf(w, "  extra:   %s\n", strings.Join(m.Extra, ", "))
	}
	for _, s := range m.Dates {
		fmt.Fprintf(w, "  date:    %s\n", s)
	}
	for _, s := range m.Places {
		fmt.Fprintf(w, "  place:   %s\n", s)
	}
	for _, s := range m.Fatalities {
		fmt.Fprintf(w, "  deaths:  %s\n", s)
	}
}

// readSamples reads every NAME.events.jsonl of dir and lists the articles
// they describe (NAME.html or NAME.txt).
func readSamples(dir string) ([]eval.Expected, []string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.events.jsonl"))
	if err != nil || len(files) == 0 {
		return nil, nil, dyad.Errorf(dyad.EINVALID, "no *.events.jsonl files in %s", dir)
	}
	sort.Strings(files)
	var expected []eval.Expected
	var articles []string
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			return nil, nil, err
		}
		exp, err := eval.ReadExpected(r)
		r.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f, err)
		}
		expected = append(expected, exp...)
		base := strings.TrimSuffix(f, ".events.jsonl")
		found := ""
		for _, ext := range []string{".html", ".txt"} {
			if _, err := os.Stat(base + ext); err == nil {
				found = base + ext
				break
			}
		}
		if found == "" {
			return nil, nil, dyad.Errorf(dyad.EINVALID, "%s has no article (%s.html or .txt)", f, base)
		}
		articles = append(articles, found)
	}
	return expected, articles, nil
}

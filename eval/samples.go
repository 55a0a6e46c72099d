package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
)

// Expected is one event a careful human coder expects from a sample
// article, as written in the samples' expected-events files (JSON lines).
type Expected struct {
	Article          string `json:"article"`           // the article's file name
	SentenceContains string `json:"sentence_contains"` // words of the sentence that reports it
	SourceCountry    string `json:"source_country"`    // first block of the source code, e.g. "PAK"
	TargetCountry    string `json:"target_country"`
	Root             string `json:"root"`           // CAMEO root, e.g. "19"
	Code             string `json:"code,omitempty"` // the full code, when the coder is expected to get it
	Date             string `json:"date,omitempty"` // the day it happened, YYYY-MM-DD
}

// ReadExpected reads expected events, one JSON object per line. Blank
// lines and lines starting with "#" are skipped; a malformed line is an
// error naming its number.
func ReadExpected(r io.Reader) ([]Expected, error) {
	var out []Expected
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var e Expected
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "line %d: %v", n, err)
		}
		if e.Article == "" || e.Root == "" {
			return nil, dyad.Errorf(dyad.EINVALID, "line %d: article and root are required", n)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read expected events: %w", err)
	}
	return out, nil
}

// dyadKey is an event at the level the samples are scored at.
type dyadKey struct{ source, target, root string }

func (k dyadKey) String() string { return k.source + " " + k.target + " " + k.root }

// countryOf returns the country block of an actor code ("PAKGOV" → "PAK";
// "---GOV" → "---").
func countryOf(code string) string {
	if len(code) < 3 {
		return code
	}
	return code[:3]
}

// SampleScore is the score of coded events against expected ones at the
// (source country, target country, CAMEO root) level.
type SampleScore struct {
	Articles int `json:"articles"`
	Expected int `json:"expected"`
	Coded    int `json:"coded"`
	Matched  int `json:"matched"`
	// DatesRight counts the matched events whose date is the expected one
	// (of those whose expectation gives a date: DatesExpected).
	DatesRight    int     `json:"dates_right"`
	DatesExpected int     `json:"dates_expected"`
	Precision     float64 `json:"precision"`
	Recall        float64 `json:"recall"`
	F1            float64 `json:"f1"`
	// Misses lists, per article, the expected events not coded and the
	// coded events not expected.
	Misses []SampleMiss `json:"misses,omitempty"`
}

// SampleMiss is what one article got wrong.
type SampleMiss struct {
	Article string   `json:"article"`
	Missing []string `json:"missing,omitempty"`
	Extra   []string `json:"extra,omitempty"`
}

// ScoreSamples compares the events coded from each article (keyed by the
// article's file name) with the expected ones. Each expected event matches
// at most one coded event and the other way round; negated events are not
// counted.
func ScoreSamples(expected []Expected, coded map[string][]dyad.Event) *SampleScore {
	want := map[string][]dyadKey{}
	wantDate := map[string][]string{}
	for _, e := range expected {
		want[e.Article] = append(want[e.Article], dyadKey{e.SourceCountry, e.TargetCountry, e.Root})
		wantDate[e.Article] = append(wantDate[e.Article], e.Date)
	}
	names := map[string]bool{}
	for a := range want {
		names[a] = true
	}
	for a := range coded {
		names[a] = true
	}
	sorted := make([]string, 0, len(names))
	for a := range names {
		sorted = append(sorted, a)
	}
	sort.Strings(sorted)
	sc := &SampleScore{Articles: len(sorted)}
	for _, a := range sorted {
		var got []dyadKey
		var gotDate []string
		for _, e := range coded[a] {
			if e.Modality == dyad.Negated {
				continue
			}
			got = append(got, dyadKey{countryOf(e.Source.Code), countryOf(e.Target.Code), e.Root})
			gotDate = append(gotDate, e.Date)
		}
		sc.Expected += len(want[a])
		sc.Coded += len(got)
		used := make([]bool, len(got))
		var miss SampleMiss
		for n, w := range want[a] {
			found, date := false, ""
			// Prefer the coded event with the expected date among equals.
			for pass := 0; pass < 2 && !found; pass++ {
				for i, g := range got {
					if !used[i] && g == w && (pass == 1 || gotDate[i] == wantDate[a][n]) {
						used[i], found, date = true, true, gotDate[i]
						break
					}
				}
			}
			if found {
				sc.Matched++
				if wantDate[a][n] != "" {
					sc.DatesExpected++
					if date == wantDate[a][n] {
						sc.DatesRight++
					}
				}
			} else {
				miss.Missing = append(miss.Missing, w.String())
			}
		}
		for i, g := range got {
			if !used[i] {
				miss.Extra = append(miss.Extra, g.String())
			}
		}
		if len(miss.Missing)+len(miss.Extra) > 0 {
			miss.Article = a
			sc.Misses = append(sc.Misses, miss)
		}
	}
	sc.Precision = ratio(sc.Matched, sc.Coded)
	sc.Recall = ratio(sc.Matched, sc.Expected)
	if sc.Precision+sc.Recall > 0 {
		sc.F1 = 2 * sc.Precision * sc.Recall / (sc.Precision + sc.Recall)
	}
	return sc
}

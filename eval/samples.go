package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/geo"
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
	// Place and PlaceCountry say where the event happened when its
	// sentence names it: the place as the gazetteer calls it ("Kabul",
	// "Gaza Strip") and its ISO 3166-1 alpha-3 country, as
	// dyad.Location carries them. An event in several places has one
	// expectation per place.
	Place        string `json:"place,omitempty"`
	PlaceCountry string `json:"place_country,omitempty"`
	// Fatalities is the death toll the sentence states for a violent
	// event, nil when it states none; FatalitiesAtLeast marks a lower
	// bound ("at least 30", "more than 200").
	Fatalities        *int `json:"fatalities,omitempty"`
	FatalitiesAtLeast bool `json:"fatalities_at_least,omitempty"`
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
		if (e.Place == "") != (e.PlaceCountry == "") {
			return nil, dyad.Errorf(dyad.EINVALID, "line %d: place and place_country go together", n)
		}
		if e.Fatalities == nil && e.FatalitiesAtLeast || e.Fatalities != nil && *e.Fatalities < 0 {
			return nil, dyad.Errorf(dyad.EINVALID, "line %d: fatalities_at_least needs fatalities, and fatalities cannot be negative", n)
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
	DatesRight    int `json:"dates_right"`
	DatesExpected int `json:"dates_expected"`
	// PlacesRight counts the matched events whose location is the
	// expected place in the expected country (of those whose expectation
	// names a place: PlacesExpected).
	PlacesRight    int `json:"places_right"`
	PlacesExpected int `json:"places_expected"`
	// FatalitiesRight counts the matched events whose death toll is the
	// expected one, count and lower-bound flag alike (of those whose
	// expectation states one: FatalitiesExpected).
	FatalitiesRight    int     `json:"fatalities_right"`
	FatalitiesExpected int     `json:"fatalities_expected"`
	Precision          float64 `json:"precision"`
	Recall             float64 `json:"recall"`
	F1                 float64 `json:"f1"`
	// Misses lists, per article, what the coded events got wrong.
	Misses []SampleMiss `json:"misses,omitempty"`
}

// DatesShare is the share of matched events with the expected date, of
// those whose expectation gives one; 1 when none does.
func (s *SampleScore) DatesShare() float64 { return share(s.DatesRight, s.DatesExpected) }

// PlacesShare is the share of matched events with the expected place, of
// those whose expectation names one; 1 when none does.
func (s *SampleScore) PlacesShare() float64 { return share(s.PlacesRight, s.PlacesExpected) }

// share is ratio with nothing to count counted as all right.
func share(n, of int) float64 {
	if of == 0 {
		return 1
	}
	return ratio(n, of)
}

// SampleMiss is what one article got wrong: the expected events not
// coded, the coded events not expected, and the matched events whose
// date, place or death toll is wrong.
type SampleMiss struct {
	Article    string   `json:"article"`
	Missing    []string `json:"missing,omitempty"`
	Extra      []string `json:"extra,omitempty"`
	Dates      []string `json:"dates,omitempty"`
	Places     []string `json:"places,omitempty"`
	Fatalities []string `json:"fatalities,omitempty"`
}

// Places finds the places a name may stand for, alternate spellings
// included; *geo.Gazetteer is one.
type Places interface {
	Lookup(name string) []geo.Place
}

// ScoreSamples compares the events coded from each article (keyed by the
// article's file name) with the expected ones. Each expected event matches
// at most one coded event of its (source country, target country, root)
// and the other way round; negated and hypothetical events, and events
// only reported as someone's denial, are not counted. Among equals,
// an expectation takes the coded event from its sentence, with its place
// and its date, before the others, so that an event coded once per place
// meets the expectation of each place.
//
// A coded location is the expected place when its country is the
// expected one and its name is the expected name (case, diacritics and
// punctuation aside) or, with places non-nil, one of the places the
// expected name may stand for ("Qandahar" for Kandahar).
func ScoreSamples(expected []Expected, coded map[string][]dyad.Event, places Places) *SampleScore {
	want := map[string][]*Expected{}
	for i := range expected {
		e := &expected[i]
		want[e.Article] = append(want[e.Article], e)
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
		var got []*dyad.Event
		for i := range coded[a] {
			// Events stated not to have happened, only supposed, or only
			// reported as someone's denial, are not expected.
			if e := &coded[a][i]; e.Modality != dyad.Negated && e.Modality != dyad.Hypothetical && (e.Attribution == nil || e.Attribution.Status != dyad.Denied) {
				got = append(got, e)
			}
		}
		sc.Expected += len(want[a])
		sc.Coded += len(got)
		match := matchSamples(want[a], got, places)
		var miss SampleMiss
		used := make([]bool, len(got))
		for n, w := range want[a] {
			i := match[n]
			if i < 0 {
				miss.Missing = append(miss.Missing, keyOf(w).String())
				continue
			}
			used[i] = true
			g := got[i]
			sc.Matched++
			if w.Date != "" {
				sc.DatesExpected++
				if g.Date == w.Date {
					sc.DatesRight++
				} else {
					miss.Dates = append(miss.Dates, fmt.Sprintf("%s: want %s, got %s (%s)", describe(w), w.Date, g.Date, g.DateSource))
				}
			}
			if w.Place != "" {
				sc.PlacesExpected++
				if samePlace(places, w, g.Location) {
					sc.PlacesRight++
				} else {
					miss.Places = append(miss.Places, fmt.Sprintf("%s: want %s (%s), got %s", describe(w), w.Place, w.PlaceCountry, describeLocation(g)))
				}
			}
			if w.Fatalities != nil {
				sc.FatalitiesExpected++
				if g.Fatalities != nil && g.Fatalities.Count == *w.Fatalities && g.Fatalities.AtLeast == w.FatalitiesAtLeast {
					sc.FatalitiesRight++
				} else {
					miss.Fatalities = append(miss.Fatalities, fmt.Sprintf("%s: want %s, got %s", describe(w), toll(*w.Fatalities, w.FatalitiesAtLeast), describeToll(g.Fatalities)))
				}
			}
		}
		for i, g := range got {
			if !used[i] {
				miss.Extra = append(miss.Extra, eventKey(g).String())
			}
		}
		if len(miss.Missing)+len(miss.Extra)+len(miss.Dates)+len(miss.Places)+len(miss.Fatalities) > 0 {
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

// matchSamples pairs one article's expected events with its coded ones:
// match[n] is the index in got of the event matching want[n], -1 for
// none. Passes from the strictest to the loosest criterion each pair the
// expectations still unmatched, in order, with the first unused coded
// event of their key that meets the criterion; since every pass requires
// the key, the number of pairs is the most there can be.
func matchSamples(want []*Expected, got []*dyad.Event, places Places) []int {
	inSentence := func(w *Expected, g *dyad.Event) bool {
		return strings.Contains(normalizeText(g.Sentence.Text), normalizeText(w.SentenceContains))
	}
	placeOK := func(w *Expected, g *dyad.Event) bool { return w.Place == "" || samePlace(places, w, g.Location) }
	dateOK := func(w *Expected, g *dyad.Event) bool { return w.Date == "" || g.Date == w.Date }
	passes := []func(w *Expected, g *dyad.Event) bool{
		func(w *Expected, g *dyad.Event) bool { return inSentence(w, g) && placeOK(w, g) && dateOK(w, g) },
		func(w *Expected, g *dyad.Event) bool { return inSentence(w, g) && placeOK(w, g) },
		inSentence,
		dateOK,
		func(*Expected, *dyad.Event) bool { return true },
	}
	match := make([]int, len(want))
	for n := range match {
		match[n] = -1
	}
	used := make([]bool, len(got))
	for _, ok := range passes {
		for n, w := range want {
			if match[n] >= 0 {
				continue
			}
			for i, g := range got {
				if !used[i] && eventKey(g) == keyOf(w) && ok(w, g) {
					match[n], used[i] = i, true
					break
				}
			}
		}
	}
	return match
}

func keyOf(e *Expected) dyadKey { return dyadKey{e.SourceCountry, e.TargetCountry, e.Root} }

func eventKey(e *dyad.Event) dyadKey {
	return dyadKey{countryOf(e.Source.Code), countryOf(e.Target.Code), e.Root}
}

// samePlace reports whether loc is the place w expects.
func samePlace(places Places, w *Expected, loc *dyad.Location) bool {
	if loc == nil || loc.Country != w.PlaceCountry {
		return false
	}
	if geo.Fold(loc.Name) == geo.Fold(w.Place) {
		return true
	}
	if places == nil {
		return false
	}
	for _, p := range places.Lookup(w.Place) {
		if p.Name == loc.Name && p.Country == loc.Country {
			return true
		}
	}
	return false
}

// normalizeText lower-cases s, makes its quotes straight and its runs of
// space single, for finding an expectation's words in a sentence.
func normalizeText(s string) string {
	s = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// describe names an expected event in a miss: its key and the start of
// its sentence.
func describe(w *Expected) string {
	words := strings.Fields(w.SentenceContains)
	if len(words) > 6 {
		words = append(words[:6], "…")
	}
	return fmt.Sprintf("%s %q", keyOf(w), strings.Join(words, " "))
}

// describeLocation says where a coded event was placed and how.
func describeLocation(g *dyad.Event) string {
	if g.Location == nil {
		return "none (" + g.LocationSource + ")"
	}
	return fmt.Sprintf("%s (%s, %s)", g.Location.Name, g.Location.Country, g.LocationSource)
}

func toll(n int, atLeast bool) string {
	if atLeast {
		return fmt.Sprintf("at least %d", n)
	}
	return fmt.Sprint(n)
}

func describeToll(f *dyad.Fatalities) string {
	if f == nil {
		return "none"
	}
	return toll(f.Count, f.AtLeast)
}

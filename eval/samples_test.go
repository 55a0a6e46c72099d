package eval_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/geo"
)

func TestReadExpected(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		src := `# comment
{"article": "a.html", "sentence_contains": "airstrikes", "source_country": "PAK", "target_country": "AFG", "root": "19", "code": "195"}

{"article": "a.html", "sentence_contains": "blamed", "source_country": "AFG", "target_country": "PAK", "root": "11"}
{"article": "a.html", "sentence_contains": "killed", "source_country": "PAK", "target_country": "PAK", "root": "19", "place": "Kabul", "place_country": "AFG", "fatalities": 30, "fatalities_at_least": true}
`
		got, err := eval.ReadExpected(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0].Code != "195" || got[1].SourceCountry != "AFG" {
			t.Fatalf("got %+v", got)
		}
		if got[1].Place != "" || got[1].Fatalities != nil {
			t.Errorf("line without place or toll got place %q, fatalities %v", got[1].Place, got[1].Fatalities)
		}
		if e := got[2]; e.Place != "Kabul" || e.PlaceCountry != "AFG" || e.Fatalities == nil || *e.Fatalities != 30 || !e.FatalitiesAtLeast {
			t.Errorf("got %+v, want Kabul (AFG), at least 30 killed", e)
		}
	})
	for name, src := range map[string]string{
		"ErrJSON":         `{"article": "a.html", "root": "19"`,
		"ErrUnknownField": `{"article": "a.html", "root": "19", "sauce": "PAK"}`,
		"ErrNoRoot":       `{"article": "a.html"}`,
		"ErrPlaceAlone":   `{"article": "a.html", "root": "19", "place": "Kabul"}`,
		"ErrCountryAlone": `{"article": "a.html", "root": "19", "place_country": "AFG"}`,
		"ErrAtLeastAlone": `{"article": "a.html", "root": "19", "fatalities_at_least": true}`,
		"ErrNegativeToll": `{"article": "a.html", "root": "19", "fatalities": -1}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := eval.ReadExpected(strings.NewReader("\n" + src + "\n"))
			if err == nil || !strings.Contains(err.Error(), "line 2") || dyad.ErrorCode(err) != dyad.EINVALID {
				t.Errorf("error %v, want EINVALID naming line 2", err)
			}
		})
	}
}

func TestScoreSamples(t *testing.T) {
	expected := []eval.Expected{
		{Article: "a", SourceCountry: "PAK", TargetCountry: "AFG", Root: "19"},
		{Article: "a", SourceCountry: "PAK", TargetCountry: "AFG", Root: "19"},
		{Article: "a", SourceCountry: "AFG", TargetCountry: "PAK", Root: "11"},
		{Article: "b", SourceCountry: "QAT", TargetCountry: "PAK", Root: "04"},
	}
	ev := func(src, tgt, root string, m dyad.Modality) dyad.Event {
		return dyad.Event{Source: dyad.Actor{Code: src}, Target: dyad.Actor{Code: tgt}, Root: root, Modality: m}
	}
	denied := ev("PAK", "AFG", "19", dyad.Reported)
	denied.Attribution = &dyad.Attribution{By: "Pakistan", Verb: "deny", Status: dyad.Denied}
	coded := map[string][]dyad.Event{
		"a": {ev("PAKMIL", "AFG", "19", dyad.Asserted), ev("AFGGOV", "PAKGOV", "11", dyad.Asserted), ev("PAK", "AFG", "19", dyad.Negated), ev("PAK", "AFG", "19", dyad.Hypothetical), denied},
		"c": {ev("USA", "CHN", "16", dyad.Asserted)},
	}
	sc := eval.ScoreSamples(expected, coded, nil)
	if sc.Articles != 3 || sc.Expected != 4 || sc.Coded != 3 || sc.Matched != 2 {
		t.Fatalf("score %+v, want 3 articles, 4 expected, 3 coded, 2 matched", sc)
	}
	if want := 2.0 / 3; sc.Precision != want {
		t.Errorf("precision %v, want %v", sc.Precision, want)
	}
	if sc.Recall != 0.5 {
		t.Errorf("recall %v, want 0.5", sc.Recall)
	}
	if len(sc.Misses) != 3 || sc.Misses[0].Article != "a" || sc.Misses[0].Missing[0] != "PAK AFG 19" {
		t.Errorf("misses %+v", sc.Misses)
	}
}

func TestScoreSamplesDates(t *testing.T) {
	expected := []eval.Expected{
		{Article: "a", SourceCountry: "PAK", TargetCountry: "AFG", Root: "19", Date: "2025-10-11"},
		{Article: "a", SourceCountry: "PAK", TargetCountry: "AFG", Root: "19", Date: "2025-10-12"},
		{Article: "a", SourceCountry: "AFG", TargetCountry: "PAK", Root: "11", Date: "2025-10-12"},
	}
	ev := func(src, tgt, root, date string) dyad.Event {
		return dyad.Event{Source: dyad.Actor{Code: src}, Target: dyad.Actor{Code: tgt}, Root: root, Date: date}
	}
	coded := map[string][]dyad.Event{"a": {
		ev("PAK", "AFG", "19", "2025-10-12"), // matches the second expectation by date
		ev("PAK", "AFG", "19", "2025-10-11"),
		ev("AFG", "PAK", "11", "2025-10-13"), // right event, wrong day
	}}
	sc := eval.ScoreSamples(expected, coded, nil)
	if sc.Matched != 3 || sc.DatesExpected != 3 || sc.DatesRight != 2 {
		t.Errorf("score %+v, want 3 matched with 2 of 3 dates right", sc)
	}
}

// placed is a coded event of one article for the place and toll tests.
func placed(src, tgt, root, sentence, place, country string, toll *dyad.Fatalities) dyad.Event {
	ev := dyad.Event{Source: dyad.Actor{Code: src}, Target: dyad.Actor{Code: tgt}, Root: root,
		Sentence: dyad.SentenceRef{Text: sentence}, LocationSource: "none: no place in the sentence and no dateline", Fatalities: toll}
	if place != "" {
		ev.Location, ev.LocationSource = &dyad.Location{Name: place, Country: country}, "sentence"
	}
	return ev
}

func TestScoreSamplesPlaces(t *testing.T) {
	g := geo.New([]geo.Place{
		{Name: "Kandahar", Kind: geo.City, Country: "AFG", CC: "AF", Names: []string{"Qandahar"}},
		{Name: "Kabul", Kind: geo.City, Country: "AFG", CC: "AF"},
		{Name: "Kandahar", Kind: geo.City, Country: "USA", CC: "US"},
	}, "test")
	const strikes = "Pakistani jets carried out airstrikes into Kabul and Kandahar on Sunday."
	const talks = "Officials met in Doha."
	want := func(sentence, place, country string) eval.Expected {
		return eval.Expected{Article: "a", SentenceContains: sentence, SourceCountry: "PAK", TargetCountry: "AFG", Root: "19", Place: place, PlaceCountry: country}
	}
	for _, tc := range []struct {
		name     string
		expected []eval.Expected
		coded    []dyad.Event
		places   eval.Places
		right    int // of len(expected), all matched
		misses   int // place misses listed
	}{
		{"Same", []eval.Expected{want("into Kabul", "Kabul", "AFG")},
			[]dyad.Event{placed("PAK", "AFG", "19", strikes, "Kabul", "AFG", nil)}, nil, 1, 0},
		{"CaseAndDiacritics", []eval.Expected{want("into Kabul", "KANDAHĀR", "AFG")},
			[]dyad.Event{placed("PAK", "AFG", "19", strikes, "Kandahar", "AFG", nil)}, nil, 1, 0},
		{"AlternateSpelling", []eval.Expected{want("into Kabul", "Qandahar", "AFG")},
			[]dyad.Event{placed("PAK", "AFG", "19", strikes, "Kandahar", "AFG", nil)}, g, 1, 0},
		{"AlternateSpellingWithoutGazetteer", []eval.Expected{want("into Kabul", "Qandahar", "AFG")},
			[]dyad.Event{placed("PAK", "AFG", "19", strikes, "Kandahar", "AFG", nil)}, nil, 0, 1},
		{"WrongCountry", []eval.Expected{want("into Kabul", "Kandahar", "AFG")},
			[]dyad.Event{placed("PAK", "AFG", "19", strikes, "Kandahar", "USA", nil)}, g, 0, 1},
		{"WrongPlace", []eval.Expected{want("into Kabul", "Kandahar", "AFG")},
			[]dyad.Event{placed("PAK", "AFG", "19", strikes, "Kabul", "AFG", nil)}, g, 0, 1},
		{"NoLocation", []eval.Expected{want("into Kabul", "Kabul", "AFG")},
			[]dyad.Event{placed("PAK", "AFG", "19", strikes, "", "", nil)}, g, 0, 1},
		{"NoPlaceExpected", []eval.Expected{want("into Kabul", "", "")},
			[]dyad.Event{placed("PAK", "AFG", "19", strikes, "Kabul", "AFG", nil)}, g, 0, 0},
		{"OneEventPerPlace", []eval.Expected{want("into Kabul", "Kabul", "AFG"), want("into Kabul", "Kandahar", "AFG")},
			[]dyad.Event{placed("PAK", "AFG", "19", strikes, "Kandahar", "AFG", nil), placed("PAK", "AFG", "19", strikes, "Kabul", "AFG", nil)}, g, 2, 0},
		{"OwnSentenceFirst", []eval.Expected{want("met in Doha", "Doha", "QAT"), want("into kabul  AND", "Kabul", "AFG")},
			[]dyad.Event{placed("PAK", "AFG", "19", strikes, "Kabul", "AFG", nil), placed("PAK", "AFG", "19", talks, "Doha", "QAT", nil)}, g, 2, 0},
		{"OtherSentence", []eval.Expected{want("into Kabul", "Kabul", "AFG")},
			[]dyad.Event{placed("PAK", "AFG", "19", talks, "Doha", "QAT", nil)}, g, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := eval.ScoreSamples(tc.expected, map[string][]dyad.Event{"a": tc.coded}, tc.places)
			expected := 0
			for _, e := range tc.expected {
				if e.Place != "" {
					expected++
				}
			}
			if sc.Matched != len(tc.expected) || sc.PlacesExpected != expected || sc.PlacesRight != tc.right {
				t.Errorf("matched %d, places right %d of %d; want %d matched, %d of %d", sc.Matched, sc.PlacesRight, sc.PlacesExpected, len(tc.expected), tc.right, expected)
			}
			misses := 0
			for _, m := range sc.Misses {
				misses += len(m.Places)
			}
			if misses != tc.misses {
				t.Errorf("place misses %+v, want %d", sc.Misses, tc.misses)
			}
		})
	}
}

func TestScoreSamplesFatalities(t *testing.T) {
	n := func(v int) *int { return &v }
	const s = "Airstrikes killed at least 30 people in Kabul."
	for _, tc := range []struct {
		name    string
		count   *int
		atLeast bool
		coded   *dyad.Fatalities
		right   int
		miss    string // the toll miss listed, "" for none
	}{
		{"Exact", n(30), false, &dyad.Fatalities{Count: 30}, 1, ""},
		{"AtLeast", n(30), true, &dyad.Fatalities{Count: 30, AtLeast: true}, 1, ""},
		{"AtLeastMissing", n(30), true, &dyad.Fatalities{Count: 30}, 0, "want at least 30, got 30"},
		{"AtLeastExtra", n(30), false, &dyad.Fatalities{Count: 30, AtLeast: true}, 0, "want 30, got at least 30"},
		{"WrongCount", n(30), true, &dyad.Fatalities{Count: 3, AtLeast: true}, 0, "want at least 30, got at least 3"},
		{"None", n(30), true, nil, 0, "want at least 30, got none"},
		{"NoneExpected", nil, false, &dyad.Fatalities{Count: 30}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expected := []eval.Expected{{Article: "a", SentenceContains: "Airstrikes killed", SourceCountry: "PAK", TargetCountry: "AFG", Root: "19", Fatalities: tc.count, FatalitiesAtLeast: tc.atLeast}}
			coded := map[string][]dyad.Event{"a": {placed("PAKMIL", "AFG", "19", s, "Kabul", "AFG", tc.coded)}}
			sc := eval.ScoreSamples(expected, coded, nil)
			wantExpected := 0
			if tc.count != nil {
				wantExpected = 1
			}
			if sc.Matched != 1 || sc.FatalitiesExpected != wantExpected || sc.FatalitiesRight != tc.right {
				t.Errorf("matched %d, fatalities right %d of %d; want 1 matched, %d of %d", sc.Matched, sc.FatalitiesRight, sc.FatalitiesExpected, tc.right, wantExpected)
			}
			var got string
			if len(sc.Misses) == 1 && len(sc.Misses[0].Fatalities) == 1 {
				got = sc.Misses[0].Fatalities[0]
			}
			if !strings.HasSuffix(got, tc.miss) || (tc.miss == "") != (len(sc.Misses) == 0) {
				t.Errorf("misses %+v, want one ending %q", sc.Misses, tc.miss)
			}
		})
	}
}

func FuzzReadExpected(f *testing.F) {
	for _, s := range []string{
		"",
		"# comment\n\n",
		`{"article": "a.html", "sentence_contains": "x", "source_country": "PAK", "target_country": "AFG", "root": "19", "place": "Kabul", "place_country": "AFG", "fatalities": 3, "fatalities_at_least": true}`,
		`{"article": "a.html", "root": "19", "place": "Kabul"}`,
		`{"article": "a.html", "root": "19", "fatalities": -2}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := eval.ReadExpected(strings.NewReader(string(data)))
		if err != nil {
			if dyad.ErrorCode(err) != dyad.EINVALID && !strings.HasPrefix(err.Error(), "read expected events") {
				t.Fatalf("error %v is neither EINVALID nor a read error", err)
			}
			return
		}
		for _, e := range got {
			if e.Article == "" || e.Root == "" || (e.Place == "") != (e.PlaceCountry == "") ||
				e.Fatalities == nil && e.FatalitiesAtLeast || e.Fatalities != nil && *e.Fatalities < 0 {
				t.Fatalf("accepted an invalid expectation %+v", e)
			}
		}
	})
}

func TestSampleShares(t *testing.T) {
	tests := []struct {
		sc            eval.SampleScore
		dates, places float64
	}{
		{eval.SampleScore{DatesRight: 9, DatesExpected: 10, PlacesRight: 1, PlacesExpected: 4}, 0.9, 0.25},
		{eval.SampleScore{}, 1, 1}, // nothing to count is all right
	}
	for _, tt := range tests {
		if d, p := tt.sc.DatesShare(), tt.sc.PlacesShare(); d != tt.dates || p != tt.places {
			t.Errorf("%+v: shares %v, %v; want %v, %v", tt.sc, d, p, tt.dates, tt.places)
		}
	}
}

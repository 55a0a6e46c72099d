package eval_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/eval"
)

func TestReadExpected(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		src := `# comment
{"article": "a.html", "sentence_contains": "airstrikes", "source_country": "PAK", "target_country": "AFG", "root": "19", "code": "195"}

{"article": "a.html", "sentence_contains": "blamed", "source_country": "AFG", "target_country": "PAK", "root": "11"}
`
		got, err := eval.ReadExpected(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Code != "195" || got[1].SourceCountry != "AFG" {
			t.Errorf("got %+v", got)
		}
	})
	for name, src := range map[string]string{
		"ErrJSON":         `{"article": "a.html", "root": "19"`,
		"ErrUnknownField": `{"article": "a.html", "root": "19", "sauce": "PAK"}`,
		"ErrNoRoot":       `{"article": "a.html"}`,
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
	coded := map[string][]dyad.Event{
		"a": {ev("PAKMIL", "AFG", "19", dyad.Asserted), ev("AFGGOV", "PAKGOV", "11", dyad.Asserted), ev("PAK", "AFG", "19", dyad.Negated)},
		"c": {ev("USA", "CHN", "16", dyad.Asserted)},
	}
	sc := eval.ScoreSamples(expected, coded)
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
	sc := eval.ScoreSamples(expected, coded)
	if sc.Matched != 3 || sc.DatesExpected != 3 || sc.DatesRight != 2 {
		t.Errorf("score %+v, want 3 matched with 2 of 3 dates right", sc)
	}
}

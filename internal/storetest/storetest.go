// Package storetest is the conformance suite of dyad.Store: every
// implementation (sqlite, postgres) runs Run against a fresh, empty store
// and must pass it unchanged.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// Opener returns a fresh, empty, open store whose clock is now, and closes
// it when the test ends.
type Opener func(t *testing.T, now func() time.Time) dyad.Store

// T0 is the clock of the stores the suite opens.
var T0 = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// Run runs the conformance suite.
func Run(t *testing.T, open Opener) {
	now := func() time.Time { return T0 }
	t.Run("SaveArticle", func(t *testing.T) { testSaveArticle(t, open(t, now)) })
	t.Run("Resave", func(t *testing.T) { testResave(t, open(t, now)) })
	t.Run("Recode", func(t *testing.T) { testRecode(t, open(t, now)) })
	t.Run("SharedEvent", func(t *testing.T) { testSharedEvent(t, open(t, now)) })
	t.Run("SaveErrors", func(t *testing.T) { testSaveErrors(t, open(t, now)) })
	t.Run("Events", func(t *testing.T) { testEvents(t, open(t, now)) })
	t.Run("Pagination", func(t *testing.T) { testPagination(t, open(t, now)) })
	t.Run("FullText", func(t *testing.T) { testFullText(t, open(t, now)) })
	t.Run("Aggregates", func(t *testing.T) { testAggregates(t, open(t, now)) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, open(t, now)) })
}

// Event returns an event for tests. The location is set when country is
// not empty.
func Event(id, date, source, target, code string, quad int, goldstein float64, country string, lat, lon float64, sentence string) dyad.Event {
	e := dyad.Event{
		ID: id, Date: date, DatePrecision: dyad.PrecisionDay,
		Source: dyad.Actor{Code: source, Text: source, Span: dyad.Span{First: 1, Last: 1}},
		Target: dyad.Actor{Code: target, Text: target, Span: dyad.Span{First: 3, Last: 3}},
		Code:   code, Root: code[:2], QuadClass: quad, Goldstein: goldstein,
		PLOVER:   dyad.PLOVER{Type: ploverOf(quad)},
		Modality: dyad.Asserted,
		Sentence: dyad.SentenceRef{Index: 0, Text: sentence},
		Pattern:  "- * restore ties",
		Evidence: dyad.Evidence{Verb: 2, VerbText: "restored", Pattern: "- * restore ties", PatternRef: "verbs.txt:12"},
	}
	if country != "" {
		e.Location = &dyad.Location{Name: country + " city", Country: country, Lat: lat, Lon: lon}
	}
	return e
}

func ploverOf(quad int) string {
	return [...]string{"", "AGREE", "AID", "ACCUSE", "ASSAULT"}[quad]
}

// Article returns an article for tests.
func Article(id, outlet string) *dyad.Article {
	return &dyad.Article{
		ID: id, URL: "https://" + outlet + "/" + id, Outlet: outlet, Title: "Title " + id,
		Published: time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC), PublishedPrecision: dyad.PrecisionDay,
		Authors: []string{"A. Writer"}, Language: "en", Text: "Text of " + id, Fingerprint: "00ff",
	}
}

func mustSave(t testing.TB, s dyad.Store, a *dyad.Article, events ...dyad.Event) dyad.SaveResult {
	t.Helper()
	res, err := s.SaveArticle(context.Background(), a, nil, events)
	if err != nil {
		t.Fatalf("SaveArticle(%s): %v", a.ID, err)
	}
	return res
}

func mustEvent(t *testing.T, s dyad.Store, id string) *dyad.EventDetail {
	t.Helper()
	d, err := s.Event(context.Background(), id)
	if err != nil {
		t.Fatalf("Event(%s): %v", id, err)
	}
	return d
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := dyad.ErrorCode(err); got != code {
		t.Fatalf("error %v has code %q, want %q", err, got, code)
	}
}

func ids(events []dyad.StoredEvent) []string {
	out := []string{}
	for _, e := range events {
		out = append(out, e.ID)
	}
	return out
}

func testSaveArticle(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a := Article("a1", "example.com")
	sents := []dyad.Sentence{{Index: 0, ID: "s1", Text: "Arnor restored ties with Gondor.", Tokens: []dyad.Token{{ID: 1, Form: "Arnor", Lemma: "Arnor", UPOS: "PROPN", Head: 2, DepRel: "nsubj", Start: 0, End: 5}}}}
	e1 := Event("e1", "2024-03-01", "ARNGOV", "GONGOV", "064", 2, 3.5, "ARN", 10, 20, "Arnor restored ties with Gondor.")
	e1.Attribution = &dyad.Attribution{By: "officials", Verb: "said"}
	e2 := Event("e2", "2024-03-02", "GON", "ARN", "190", 4, -10, "", 0, 0, "Gondor fought Arnor.")
	res, err := s.SaveArticle(ctx, a, sents, []dyad.Event{e1, e2})
	if err != nil {
		t.Fatal(err)
	}
	if want := (dyad.SaveResult{Events: 2, NewEvents: 2, Mentions: 2}); res != want {
		t.Errorf("result %+v, want %+v", res, want)
	}
	t.Run("OK", func(t *testing.T) {
		d := mustEvent(t, s, "e1")
		if d.Code != "064" || d.Source.Code != "ARNGOV" || d.Target.Code != "GONGOV" || d.Location == nil || d.Location.Country != "ARN" || d.ArticleID != "a1" {
			t.Errorf("event %+v", d.Event)
		}
		if d.NumMentions != 1 || d.NumSources != 1 || d.NumArticles != 1 || !d.FirstSeen.Equal(T0) || d.SourceURL != a.URL {
			t.Errorf("counts %d/%d/%d first seen %v source URL %q", d.NumMentions, d.NumSources, d.NumArticles, d.FirstSeen, d.SourceURL)
		}
		if len(d.Mentions) != 1 {
			t.Fatalf("%d mentions, want 1", len(d.Mentions))
		}
		m := d.Mentions[0]
		if m.ArticleID != "a1" || m.Outlet != "example.com" || m.URL != a.URL || m.Sentence.Text != e1.Sentence.Text || m.Evidence != e1.Evidence || m.Source.Span != e1.Source.Span || m.Attribution == nil || m.Attribution.By != "officials" || !m.Published.Equal(a.Published) {
			t.Errorf("mention %+v", m)
		}
	})
	t.Run("Article", func(t *testing.T) {
		got, err := s.Article(ctx, "a1")
		if err != nil {
			t.Fatal(err)
		}
		if got.URL != a.URL || got.Title != a.Title || !got.Published.Equal(a.Published) || !slices.Equal(got.Authors, a.Authors) || got.Text != a.Text || got.PublishedPrecision != a.PublishedPrecision {
			t.Errorf("article %+v, want %+v", got, a)
		}
	})
	t.Run("Sentences", func(t *testing.T) {
		ss, ok := s.(interface {
			Sentences(context.Context, string) ([]dyad.Sentence, error)
		})
		if !ok {
			t.Skip("store does not return sentences")
		}
		got, err := ss.Sentences(ctx, "a1")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Text != sents[0].Text || len(got[0].Tokens) != 1 || got[0].Tokens[0] != sents[0].Tokens[0] || got[0].ID != "s1" {
			t.Errorf("sentences %+v", got)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := s.Event(ctx, "nope")
		wantCode(t, err, dyad.ENOTFOUND)
		_, err = s.Article(ctx, "nope")
		wantCode(t, err, dyad.ENOTFOUND)
	})
}

func testResave(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a := Article("a1", "example.com")
	evs := []dyad.Event{
		Event("e1", "2024-03-01", "ARN", "GON", "064", 2, 3.5, "ARN", 1, 1, "x"),
		Event("e2", "2024-03-01", "ARN", "GON", "190", 4, -10, "ARN", 1, 1, "y"),
	}
	mustSave(t, s, a, evs...)
	before, _ := s.Series(ctx, dyad.SeriesFilter{Dyad: [2]string{"ARN", "GON"}, By: dyad.ByDay})
	res := mustSave(t, s, a, evs...)
	if want := (dyad.SaveResult{Events: 2, Mentions: 2, Replaced: 2}); res != want {
		t.Errorf("resave result %+v, want %+v", res, want)
	}
	after, _ := s.Series(ctx, dyad.SeriesFilter{Dyad: [2]string{"ARN", "GON"}, By: dyad.ByDay})
	if fmt.Sprint(before) != fmt.Sprint(after) || len(after) != 1 || after[0].Count != 2 {
		t.Errorf("series after resave %v, before %v", after, before)
	}
	d := mustEvent(t, s, "e1")
	if d.NumMentions != 1 || len(d.Mentions) != 1 {
		t.Errorf("after resave: %d mentions (%d listed), want 1", d.NumMentions, len(d.Mentions))
	}
}

func testRecode(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a := Article("a1", "example.com")
	mustSave(t, s, a,
		Event("e1", "2024-03-01", "ARN", "GON", "064", 2, 3.5, "ARN", 1, 1, "x"),
		Event("e2", "2024-03-01", "ARN", "GON", "190", 4, -10, "ARN", 1, 1, "y"))
	res := mustSave(t, s, a,
		Event("e2", "2024-03-01", "ARN", "GON", "190", 4, -10, "ARN", 1, 1, "y"),
		Event("e3", "2024-03-01", "GON", "ARN", "111", 3, -2, "GON", 1, 1, "z"))
	if want := (dyad.SaveResult{Events: 2, NewEvents: 1, Mentions: 2, Replaced: 2, Deleted: 1}); res != want {
		t.Errorf("recode result %+v, want %+v", res, want)
	}
	_, err := s.Event(ctx, "e1")
	wantCode(t, err, dyad.ENOTFOUND)
	series, err := s.Series(ctx, dyad.SeriesFilter{Dyad: [2]string{"ARN", "GON"}, By: dyad.ByMonth})
	if err != nil {
		t.Fatal(err)
	}
	if len(series) != 1 || series[0].Count != 2 || series[0].Quad != [4]int{0, 0, 1, 1} || series[0].Goldstein != -6 {
		t.Errorf("series after recode %+v", series)
	}
	codes, _ := s.TopCodes(ctx, dyad.TopFilter{})
	if fmt.Sprint(codes) != "[{111 1} {190 1}]" {
		t.Errorf("top codes after recode %v", codes)
	}
	countries, _ := s.Countries(ctx, dyad.TopFilter{})
	if fmt.Sprint(countries) != "[{ARN 1} {GON 1}]" {
		t.Errorf("countries after recode %v", countries)
	}
	// Recoding to nothing removes every event.
	mustSave(t, s, a)
	page, err := s.Events(ctx, dyad.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 0 {
		t.Errorf("events after empty recode: %v", ids(page.Events))
	}
	actors, _ := s.TopActors(ctx, dyad.TopFilter{})
	if len(actors) != 0 {
		t.Errorf("top actors after empty recode: %v", actors)
	}
}

func testSharedEvent(t *testing.T, s dyad.Store) {
	e := Event("e1", "2024-03-01", "ARN", "GON", "064", 2, 3.5, "", 0, 0, "Arnor restored ties with Gondor.")
	mustSave(t, s, Article("a1", "one.example"), e)
	res := mustSave(t, s, Article("a2", "two.example"), e, e)
	if res.NewEvents != 0 || res.Mentions != 2 {
		t.Errorf("second article: %+v", res)
	}
	d := mustEvent(t, s, "e1")
	if d.NumMentions != 3 || d.NumArticles != 2 || d.NumSources != 2 || d.ArticleID != "a1" || len(d.Mentions) != 3 {
		t.Errorf("shared event: %d mentions, %d articles, %d sources, article %s, %d listed", d.NumMentions, d.NumArticles, d.NumSources, d.ArticleID, len(d.Mentions))
	}
	mustSave(t, s, Article("a2", "two.example"))
	d = mustEvent(t, s, "e1")
	if d.NumMentions != 1 || d.NumArticles != 1 || d.NumSources != 1 {
		t.Errorf("after recode of a2: %d/%d/%d", d.NumMentions, d.NumArticles, d.NumSources)
	}
	top, _ := s.TopActors(context.Background(), dyad.TopFilter{})
	if fmt.Sprint(top) != "[{ARN 1} {GON 1}]" {
		t.Errorf("top actors %v", top)
	}
}

func testSaveErrors(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	mustSave(t, s, Article("a1", "example.com"), Event("e1", "2024-03-01", "ARN", "GON", "064", 2, 3.5, "", 0, 0, "x"))
	good := Event("e9", "2024-03-01", "ARN", "GON", "064", 2, 3.5, "", 0, 0, "x")
	noID := good
	noID.ID = ""
	badDate := good
	badDate.Date = "2024-3-1"
	dup := Article("a2", "example.com")
	dup.URL = Article("a1", "example.com").URL
	tests := []struct {
		name   string
		a      *dyad.Article
		events []dyad.Event
		code   string
	}{
		{"ErrNoArticle", nil, nil, dyad.EINVALID},
		{"ErrNoArticleID", &dyad.Article{}, nil, dyad.EINVALID},
		{"ErrNoEventID", Article("a3", "x"), []dyad.Event{good, noID}, dyad.EINVALID},
		{"ErrBadDate", Article("a3", "x"), []dyad.Event{good, badDate}, dyad.EINVALID},
		{"ErrConflictURL", dup, []dyad.Event{good}, dyad.ECONFLICT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.SaveArticle(ctx, tt.a, nil, tt.events)
			wantCode(t, err, tt.code)
			// Nothing of a failed save is stored.
			_, err = s.Event(ctx, "e9")
			wantCode(t, err, dyad.ENOTFOUND)
		})
	}
	t.Run("ErrCanceled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err := s.SaveArticle(cctx, Article("a4", "x"), nil, []dyad.Event{good})
		if !errors.Is(err, context.Canceled) && err == nil {
			t.Fatalf("save with canceled context: %v", err)
		}
		if _, err := s.Article(ctx, "a4"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Errorf("article of a canceled save: %v", err)
		}
	})
}

// Corpus saves six events between Pakistan, Afghanistan, India, the USA
// and China, in two articles of two outlets: the events the query tests
// expect.
func Corpus(t testing.TB, s dyad.Store) {
	mustSave(t, s, Article("a1", "one.example"),
		Event("e1", "2024-01-05", "PAKGOV", "AFGGOV", "042", 1, 1.9, "PAK", 33.7, 73.1, "Pakistan's government met Afghan officials in Islamabad."),
		Event("e2", "2024-01-20", "AFGMIL", "PAKMIL", "190", 4, -10, "AFG", 34.5, 69.2, "Afghan troops fought Pakistani soldiers near Kabul."),
		Event("e3", "2024-02-03", "PAKMIL", "AFGREB", "193", 4, -10, "AFG", 31.6, 65.7, "Pakistani soldiers fought rebels near Kandahar."))
	mustSave(t, s, Article("a2", "two.example"),
		Event("e4", "2024-02-10", "USAGOV", "PAKGOV", "071", 2, 7.4, "PAK", 24.9, 67.0, "The United States gave aid to Pakistan after floods."),
		Event("e5", "2024-03-15", "IND", "PAK", "111", 3, -2, "", 0, 0, "India criticized Pakistan over the talks."),
		Event("e6", "2024-03-16", "IND", "CHN", "036", 1, 4, "IND", 28.6, 77.2, "India expressed intent to meet China."))
}

func testEvents(t *testing.T, s dyad.Store) {
	Corpus(t, s)
	ctx := context.Background()
	tests := []struct {
		name string
		f    dyad.EventFilter
		want []string
	}{
		{"OK", dyad.EventFilter{}, []string{"e6", "e5", "e4", "e3", "e2", "e1"}},
		{"OKDateRange", dyad.EventFilter{From: "2024-01-20", To: "2024-02-10"}, []string{"e4", "e3", "e2"}},
		{"OKSource", dyad.EventFilter{Source: "PAK"}, []string{"e3", "e1"}},
		{"OKSourceLong", dyad.EventFilter{Source: "PAKMIL"}, []string{"e3"}},
		{"OKTarget", dyad.EventFilter{Target: "PAKGOV"}, []string{"e4"}},
		{"OKActor", dyad.EventFilter{Actor: "AFG"}, []string{"e3", "e2", "e1"}},
		{"OKDyad", dyad.EventFilter{Dyad: [2]string{"AFG", "PAK"}}, []string{"e3", "e2", "e1"}},
		{"OKDyadNarrow", dyad.EventFilter{Dyad: [2]string{"PAKMIL", "AFG"}}, []string{"e3", "e2"}},
		{"OKCode", dyad.EventFilter{Code: "19"}, []string{"e3", "e2"}},
		{"OKCodeExact", dyad.EventFilter{Code: "190"}, []string{"e2"}},
		{"OKRoot", dyad.EventFilter{Root: "07"}, []string{"e4"}},
		{"OKQuad", dyad.EventFilter{QuadClass: 1}, []string{"e6", "e1"}},
		{"OKPLOVER", dyad.EventFilter{PLOVER: "ASSAULT"}, []string{"e3", "e2"}},
		{"OKModality", dyad.EventFilter{Modality: dyad.Negated}, []string{}},
		{"OKCountry", dyad.EventFilter{Country: "AFG"}, []string{"e3", "e2"}},
		{"OKBBox", dyad.EventFilter{BBox: &dyad.BBox{MinLon: 60, MinLat: 30, MaxLon: 75, MaxLat: 35}}, []string{"e3", "e2", "e1"}},
		{"OKOutlet", dyad.EventFilter{Outlet: "two.example"}, []string{"e6", "e5", "e4"}},
		{"OKQuery", dyad.EventFilter{Query: "soldiers fought"}, []string{"e3", "e2"}},
		{"OKQueryOperators", dyad.EventFilter{Query: `floods"*(`}, []string{"e4"}},
		{"OKSortDate", dyad.EventFilter{Sort: dyad.SortDate, To: "2024-01-31"}, []string{"e1", "e2"}},
		{"OKSortGoldstein", dyad.EventFilter{Sort: dyad.SortGoldsteinDesc, Limit: 2}, []string{"e4", "e6"}},
		{"OKCombined", dyad.EventFilter{Actor: "PAK", QuadClass: 4, From: "2024-02-01"}, []string{"e3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.Events(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(page.Events); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	errTests := []struct {
		name string
		f    dyad.EventFilter
	}{
		{"ErrFrom", dyad.EventFilter{From: "yesterday"}},
		{"ErrRange", dyad.EventFilter{From: "2024-02-01", To: "2024-01-01"}},
		{"ErrActor", dyad.EventFilter{Actor: "pak'; DROP TABLE events; --"}},
		{"ErrDyad", dyad.EventFilter{Dyad: [2]string{"PAK", ""}}},
		{"ErrCode", dyad.EventFilter{Code: "1a"}},
		{"ErrQuad", dyad.EventFilter{QuadClass: 5}},
		{"ErrSort", dyad.EventFilter{Sort: "random"}},
		{"ErrLimit", dyad.EventFilter{Limit: dyad.MaxPageSize + 1}},
		{"ErrCursor", dyad.EventFilter{Cursor: "not-a-cursor"}},
		{"ErrQuery", dyad.EventFilter{Query: "  ;; "}},
		{"ErrBBox", dyad.EventFilter{BBox: &dyad.BBox{MinLon: 10, MaxLon: 5}}},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Events(ctx, tt.f)
			wantCode(t, err, dyad.EINVALID)
		})
	}
	t.Run("EachEvent", func(t *testing.T) {
		var got []string
		err := s.EachEvent(ctx, dyad.EventFilter{Sort: dyad.SortDate, Limit: 1, Actor: "IND"}, func(e *dyad.StoredEvent) error {
			got = append(got, e.ID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, []string{"e5", "e6"}) {
			t.Errorf("got %v", got)
		}
		stop := errors.New("stop")
		err = s.EachEvent(ctx, dyad.EventFilter{}, func(*dyad.StoredEvent) error { return stop })
		if !errors.Is(err, stop) {
			t.Errorf("EachEvent returned %v, want the callback's error", err)
		}
	})
}

func testPagination(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	var evs []dyad.Event
	for i := range 25 {
		// Several events share a date and a Goldstein value, so that the
		// ID breaks ties.
		target := "GON"
		if i%2 == 1 {
			target = "GONGOV"
		}
		evs = append(evs, Event(fmt.Sprintf("p%02d", i), fmt.Sprintf("2024-01-%02d", 1+i/3), "ARN", target, "042", 1, float64(i%4), "", 0, 0, "x"))
	}
	mustSave(t, s, Article("a1", "one.example"), evs...)
	// The actor and dyad filters take another path (a union of two
	// limited queries) that pages as well.
	filters := map[string]dyad.EventFilter{"": {}, "Actor": {Actor: "ARN"}, "Dyad": {Dyad: [2]string{"GON", "ARN"}}, "ActorLong": {Actor: "GONGOV"}}
	for fname, base := range filters {
		for _, sort := range []string{"", dyad.SortDate, dyad.SortDateDesc, dyad.SortGoldstein, dyad.SortGoldsteinDesc, dyad.SortMentions, dyad.SortMentionsDesc} {
			testPages(t, s, "OK"+fname+sort, base, sort)
		}
	}
	t.Run("ErrCursorOtherSort", func(t *testing.T) {
		page, err := s.Events(ctx, dyad.EventFilter{Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.Events(ctx, dyad.EventFilter{Limit: 2, Cursor: page.Next, Sort: dyad.SortGoldstein})
		wantCode(t, err, dyad.EINVALID)
	})
}

// testPages checks that pages of 7 list the same events as one page.
func testPages(t *testing.T, s dyad.Store, name string, base dyad.EventFilter, sort string) {
	ctx := context.Background()
	t.Run(name, func(t *testing.T) {
		f := base
		f.Sort, f.Limit = sort, 100
		all, err := s.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		want := 25
		if base.Actor == "GONGOV" {
			want = 12 // every other event
		}
		if all.Next != "" || len(all.Events) != want {
			t.Fatalf("one page: %d events, next %q", len(all.Events), all.Next)
		}
		var paged []string
		f.Limit = 7
		for range 10 {
			page, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, ids(page.Events)...)
			if page.Next == "" {
				break
			}
			f.Cursor = page.Next
		}
		if want := ids(all.Events); !slices.Equal(paged, want) {
			t.Errorf("paged %v, want %v", paged, want)
		}
	})
}

func testAggregates(t *testing.T, s dyad.Store) {
	Corpus(t, s)
	ctx := context.Background()
	t.Run("OKSeriesMonth", func(t *testing.T) {
		got, err := s.Series(ctx, dyad.SeriesFilter{Dyad: [2]string{"PAK", "AFG"}, By: dyad.ByMonth})
		if err != nil {
			t.Fatal(err)
		}
		want := []dyad.SeriesPoint{
			{Period: "2024-01-01", Count: 2, Quad: [4]int{1, 0, 0, 1}, Goldstein: (1.9 - 10) / 2},
			{Period: "2024-02-01", Count: 1, Quad: [4]int{0, 0, 0, 1}, Goldstein: -10},
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("got %v, want %v", got, want)
		}
	})
	t.Run("OKSeriesLongPrefix", func(t *testing.T) {
		got, err := s.Series(ctx, dyad.SeriesFilter{Dyad: [2]string{"PAKMIL", "AFG"}, By: dyad.ByMonth})
		if err != nil {
			t.Fatal(err)
		}
		want := []dyad.SeriesPoint{
			{Period: "2024-01-01", Count: 1, Quad: [4]int{0, 0, 0, 1}, Goldstein: -10},
			{Period: "2024-02-01", Count: 1, Quad: [4]int{0, 0, 0, 1}, Goldstein: -10},
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("got %v, want %v", got, want)
		}
		got, err = s.Series(ctx, dyad.SeriesFilter{Actor: "PAKGOV", By: dyad.ByMonth})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Count != 1 || got[1].Count != 1 {
			t.Errorf("actor PAKGOV: got %v", got)
		}
	})
	t.Run("OKSeriesWeek", func(t *testing.T) {
		got, err := s.Series(ctx, dyad.SeriesFilter{Actor: "IND", By: dyad.ByWeek})
		if err != nil {
			t.Fatal(err)
		}
		// 2024-03-15 is a Friday and 2024-03-16 a Saturday: one week.
		if len(got) != 1 || got[0].Period != "2024-03-11" || got[0].Count != 2 {
			t.Errorf("got %v", got)
		}
	})
	t.Run("OKSeriesDayRange", func(t *testing.T) {
		got, err := s.Series(ctx, dyad.SeriesFilter{Actor: "PAK", By: dyad.ByDay, From: "2024-02-01", To: "2024-02-28"})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Period != "2024-02-03" || got[1].Period != "2024-02-10" {
			t.Errorf("got %v", got)
		}
	})
	t.Run("OKTopActors", func(t *testing.T) {
		got, err := s.TopActors(ctx, dyad.TopFilter{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != "[{IND 2} {PAKGOV 2} {PAKMIL 2}]" {
			t.Errorf("got %v", got)
		}
		got, _ = s.TopActors(ctx, dyad.TopFilter{Prefix: "AFG"})
		if fmt.Sprint(got) != "[{AFGGOV 1} {AFGMIL 1} {AFGREB 1}]" {
			t.Errorf("prefix AFG: got %v", got)
		}
	})
	t.Run("OKTopRanges", func(t *testing.T) {
		tests := []struct{ from, to, want string }{
			{"2024-01-10", "2024-02-05", "[{PAKMIL 2} {AFGMIL 1} {AFGREB 1}]"},
			{"2024-01-01", "2024-02-29", "[{PAKGOV 2} {PAKMIL 2} {AFGGOV 1} {AFGMIL 1} {AFGREB 1} {USAGOV 1}]"},
			{"2024-01-06", "2024-01-31", "[{AFGMIL 1} {PAKMIL 1}]"},
			{"2024-02-01", "2024-03-15", "[{AFGREB 1} {IND 1} {PAK 1} {PAKGOV 1} {PAKMIL 1} {USAGOV 1}]"},
			{"", "2024-01-05", "[{AFGGOV 1} {PAKGOV 1}]"},
		}
		for _, tt := range tests {
			got, err := s.TopActors(ctx, dyad.TopFilter{From: tt.from, To: tt.to, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("%s to %s: got %v, want %s", tt.from, tt.to, got, tt.want)
			}
		}
	})
	t.Run("OKTopCodes", func(t *testing.T) {
		got, err := s.TopCodes(ctx, dyad.TopFilter{From: "2024-02-01", Prefix: "1"})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != "[{111 1} {193 1}]" {
			t.Errorf("got %v", got)
		}
	})
	t.Run("OKCountries", func(t *testing.T) {
		got, err := s.Countries(ctx, dyad.TopFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != "[{AFG 2} {PAK 2} {IND 1}]" {
			t.Errorf("got %v", got)
		}
	})
	errTests := []struct {
		name string
		run  func() error
	}{
		{"ErrSeriesNothing", func() error { _, err := s.Series(ctx, dyad.SeriesFilter{}); return err }},
		{"ErrSeriesBoth", func() error {
			_, err := s.Series(ctx, dyad.SeriesFilter{Actor: "PAK", Dyad: [2]string{"PAK", "AFG"}})
			return err
		}},
		{"ErrSeriesBy", func() error { _, err := s.Series(ctx, dyad.SeriesFilter{Actor: "PAK", By: "year"}); return err }},
		{"ErrTopLimit", func() error { _, err := s.TopActors(ctx, dyad.TopFilter{Limit: -1}); return err }},
		{"ErrTopPrefix", func() error { _, err := s.TopCodes(ctx, dyad.TopFilter{Prefix: "1%"}); return err }},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.run(), dyad.EINVALID) })
	}
}

// testConcurrent saves articles that share events from several goroutines
// at once: counts and aggregates must come out as if saved one by one.
func testConcurrent(t *testing.T, s dyad.Store) {
	const writers, perWriter = 4, 5
	shared := []dyad.Event{
		Event("s1", "2024-05-01", "ARN", "GON", "042", 1, 1.9, "ARN", 1, 1, "x"),
		Event("s2", "2024-05-02", "GON", "ARN", "190", 4, -10, "GON", 1, 1, "y"),
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers*perWriter)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				id := fmt.Sprintf("w%d-%d", w, i)
				evs := []dyad.Event{shared[(w+i)%2], Event("u"+id, "2024-05-03", "ARN", "MOR", "036", 1, 4, "", 0, 0, "z"), shared[(w+i+1)%2]}
				if _, err := s.SaveArticle(context.Background(), Article(id, fmt.Sprintf("outlet%d.example", w)), nil, evs); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for _, id := range []string{"s1", "s2"} {
		d := mustEvent(t, s, id)
		if d.NumMentions != writers*perWriter || d.NumArticles != writers*perWriter || d.NumSources != writers {
			t.Errorf("%s: %d mentions, %d articles, %d sources", id, d.NumMentions, d.NumArticles, d.NumSources)
		}
	}
	codes, err := s.TopCodes(context.Background(), dyad.TopFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("[{036 %d} {042 1} {190 1}]", writers*perWriter); fmt.Sprint(codes) != want {
		t.Errorf("top codes %v, want %s", codes, want)
	}
}

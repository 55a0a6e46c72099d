package storetest

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlstore"
	"github.com/dyad-events/dyad/internal/synth"
)

// BulkStore is a store with sqlstore's bulk path.
type BulkStore interface {
	dyad.Store
	SaveBatch(ctx context.Context, b *sqlstore.Batch) (dyad.SaveResult, error)
	BeginBulk(ctx context.Context) (bool, error)
	FinishBulk(ctx context.Context) error
	BulkPending(ctx context.Context) (bool, error)
	Verify(ctx context.Context) error
	Close() error
}

// BulkOpener opens a store: a fresh empty one when name is new, else the
// one opened before under that name.
type BulkOpener func(t *testing.T, name string) BulkStore

// RunBulk tests bulk loading against loading article by article: after a
// bulk load of an empty store, after batches into a store with events
// (re-saved articles among them), and after a bulk load killed half way
// and completed by the next Open, the aggregates and mention counts equal
// those computed from scratch, and the queries give what SaveArticle's
// store gives.
func RunBulk(t *testing.T, open BulkOpener) {
	ctx := context.Background()
	g := synth.New(3, 3000)
	var arts []sqlstore.BatchArticle
	for g.Events() < 3000 {
		a, evs := g.Article()
		arts = append(arts, sqlstore.BatchArticle{Article: a, Events: evs})
	}
	// Re-coded articles: the first five again, with their first event
	// dropped and another one's moved to a new date.
	var recoded []sqlstore.BatchArticle
	for _, ba := range arts[:5] {
		evs := slices.Clone(ba.Events[1:])
		if len(evs) > 0 {
			evs[0].ID += "x"
			evs[0].Date = "2024-12-31"
		}
		a := *ba.Article
		recoded = append(recoded, sqlstore.BatchArticle{Article: &a, Events: evs})
	}
	half := len(arts) / 2

	ref := open(t, "reference")
	for _, part := range [][]sqlstore.BatchArticle{arts, recoded} {
		for _, ba := range part {
			if _, err := ref.SaveArticle(ctx, ba.Article, ba.Sentences, slices.Clone(ba.Events)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := ref.Verify(ctx); err != nil {
		t.Fatalf("store loaded by SaveArticle: %v", err)
	}

	save := func(t *testing.T, s BulkStore, part []sqlstore.BatchArticle, per int) {
		t.Helper()
		for i := 0; i < len(part); i += per {
			chunk := slices.Clone(part[i:min(i+per, len(part))])
			for j := range chunk {
				chunk[j].Events = slices.Clone(chunk[j].Events)
			}
			b, err := sqlstore.NewBatch(chunk)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.SaveBatch(ctx, b); err != nil {
				t.Fatal(err)
			}
		}
	}

	t.Run("OKBulkThenBatches", func(t *testing.T) {
		s := open(t, "bulk")
		if ok, err := s.BeginBulk(ctx); err != nil || !ok {
			t.Fatalf("BeginBulk on an empty store = %v, %v, want true", ok, err)
		}
		save(t, s, arts[:half], 97)
		if err := s.FinishBulk(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.Verify(ctx); err != nil {
			t.Fatalf("after the bulk load: %v", err)
		}
		if ok, err := s.BeginBulk(ctx); err != nil || ok {
			t.Fatalf("BeginBulk on a store with events = %v, %v, want false", ok, err)
		}
		save(t, s, arts[half:], 211)
		save(t, s, recoded, 5)
		if err := s.Verify(ctx); err != nil {
			t.Fatalf("after batches: %v", err)
		}
		sameQueries(t, ref, s, g.Countries())
	})

	t.Run("OKKilledBulkLoad", func(t *testing.T) {
		s := open(t, "killed")
		if ok, err := s.BeginBulk(ctx); err != nil || !ok {
			t.Fatalf("BeginBulk = %v, %v, want true", ok, err)
		}
		save(t, s, arts[:half], 300)
		// The process dies: its lock goes, the pending load stays.
		s.Close()
		s = open(t, "killed")
		if pending, err := s.BulkPending(ctx); err != nil || pending {
			t.Fatalf("after Open, BulkPending = %v, %v, want the load completed", pending, err)
		}
		save(t, s, arts[half:], 500)
		save(t, s, recoded, 5)
		if err := s.Verify(ctx); err != nil {
			t.Fatal(err)
		}
		sameQueries(t, ref, s, g.Countries())
	})

	t.Run("ErrArticleTwice", func(t *testing.T) {
		_, err := sqlstore.NewBatch([]sqlstore.BatchArticle{arts[0], arts[0]})
		wantCode(t, err, dyad.EINVALID)
	})
}

// sameQueries checks that two stores holding the same articles answer the
// API's queries alike.
func sameQueries(t *testing.T, want, got dyad.Store, countries []string) {
	t.Helper()
	ctx := context.Background()
	filters := []dyad.EventFilter{
		{Limit: 1000},
		{Dyad: [2]string{countries[0], countries[1]}, Limit: 1000},
		{Actor: countries[2], Sort: dyad.SortMentionsDesc, Limit: 1000},
		{Query: "statement", Limit: 1000},
	}
	for _, f := range filters {
		w, err := want.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		g, err := got.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(w.Events) == 0 || len(w.Events) != len(g.Events) {
			t.Fatalf("%+v: %d events, want %d (and some)", f, len(g.Events), len(w.Events))
		}
		for i := range w.Events {
			we, ge := &w.Events[i], &g.Events[i]
			if we.ID != ge.ID || we.NumMentions != ge.NumMentions || we.NumArticles != ge.NumArticles || we.NumSources != ge.NumSources || we.SourceURL != ge.SourceURL || we.Sentence != ge.Sentence {
				t.Fatalf("%+v: event %d is %+v, want %+v", f, i, ge, we)
			}
		}
	}
	ws, err := want.Series(ctx, dyad.SeriesFilter{Dyad: [2]string{countries[0], countries[1]}})
	if err != nil {
		t.Fatal(err)
	}
	gs, err := got.Series(ctx, dyad.SeriesFilter{Dyad: [2]string{countries[0], countries[1]}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) == 0 || len(ws) != len(gs) {
		t.Fatalf("series: %d points, want %d", len(gs), len(ws))
	}
	for i := range ws {
		if ws[i].Count != gs[i].Count || ws[i].Quad != gs[i].Quad {
			t.Fatalf("series point %d: %+v, want %+v", i, gs[i], ws[i])
		}
	}
	for _, top := range []func(dyad.Store) ([]dyad.Count, error){
		func(s dyad.Store) ([]dyad.Count, error) { return s.TopActors(ctx, dyad.TopFilter{Limit: 50}) },
		func(s dyad.Store) ([]dyad.Count, error) {
			return s.TopCodes(ctx, dyad.TopFilter{From: "2021-03-05", Limit: 50})
		},
		func(s dyad.Store) ([]dyad.Count, error) { return s.Countries(ctx, dyad.TopFilter{Limit: 300}) },
	} {
		w, err := top(want)
		if err != nil {
			t.Fatal(err)
		}
		g, err := top(got)
		if err != nil {
			t.Fatal(err)
		}
		if len(w) == 0 || !slices.Equal(w, g) {
			t.Fatalf("top: %v, want %v", g, w)
		}
	}
}

// BenchBulkLoad measures a bulk load of b.N synthetic events into the
// empty store s, in batches of per events, reported as events/s and
// events per CPU second of the process.
func BenchBulkLoad(b *testing.B, s BulkStore, per int) {
	ctx := context.Background()
	g := synth.New(1, b.N)
	var batches [][]sqlstore.BatchArticle
	for g.Events() < b.N {
		var arts []sqlstore.BatchArticle
		for n := 0; n < per && g.Events() < b.N; {
			a, evs := g.Article()
			arts = append(arts, sqlstore.BatchArticle{Article: a, Events: evs})
			n += len(evs)
		}
		batches = append(batches, arts)
	}
	cpu0 := cpuTime()
	b.ResetTimer()
	if ok, err := s.BeginBulk(ctx); err != nil || !ok {
		b.Fatalf("BeginBulk = %v, %v", ok, err)
	}
	for _, arts := range batches {
		batch, err := sqlstore.NewBatch(arts)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.SaveBatch(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.FinishBulk(ctx); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "events/cpu-s")
	}
}

// EventsJSONer is a store that encodes pages of events itself.
type EventsJSONer interface {
	dyad.Store
	EventsJSON(ctx context.Context, f dyad.EventFilter) ([]byte, error)
}

// RunEventsJSON checks that EventsJSON gives the pages of Events, encoded,
// on the corpus and on synthetic events, and its errors.
func RunEventsJSON(t *testing.T, s EventsJSONer) {
	ctx := context.Background()
	Corpus(t, s)
	g := synth.New(5, 500)
	for g.Events() < 500 {
		a, evs := g.Article()
		if _, err := s.SaveArticle(ctx, a, nil, evs); err != nil {
			t.Fatal(err)
		}
	}
	c := g.Countries()
	filters := []dyad.EventFilter{
		{}, {Limit: 7}, {Actor: "PAK"}, {Dyad: [2]string{"PAK", "AFG"}, Limit: 1},
		{Actor: c[0], Sort: dyad.SortGoldstein, Limit: 13}, {Query: "statement", Limit: 50}, {Country: c[1], Sort: dyad.SortMentionsDesc},
		{Source: "ZZZ"},
	}
	for _, f := range filters {
		for page := 0; page < 3; page++ {
			want, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			js, err := s.EventsJSON(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var got dyad.EventPage
			if err := json.Unmarshal(js, &got); err != nil {
				t.Fatalf("%+v: %v in %s", f, err, js)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%+v: EventsJSON gives\n%+v\nwant\n%+v", f, got, want)
			}
			if want.Next == "" {
				break
			}
			f.Cursor = want.Next
		}
	}
	_, err := s.EventsJSON(ctx, dyad.EventFilter{Actor: "pak"})
	wantCode(t, err, dyad.EINVALID)
}

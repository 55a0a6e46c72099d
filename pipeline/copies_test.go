package pipeline_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/sqlite"
)

func TestProcessCopies(t *testing.T) {
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "dyad.db"))
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	p := newPipeline(t)
	p.Store, p.Copies = db, db
	text := article + article // two sentences, 40 words of CoNLL-U
	published := time.Date(2025, 10, 19, 8, 0, 0, 0, time.UTC)

	orig, err := p.Process(ctx, &dyad.Article{URL: "https://a.example/story", Outlet: "a.example", Text: text, Published: published})
	if err != nil {
		t.Fatal(err)
	}
	if orig.Copy.Kind != "" || orig.Saved.NewEvents != 1 {
		t.Fatalf("original: copy %+v, %d new events; want new, 1 new event", orig.Copy, orig.Saved.NewEvents)
	}
	eventIDs := func(evs []dyad.Event) []string {
		var ids []string
		for _, e := range evs {
			ids = append(ids, e.ID)
		}
		return ids
	}

	t.Run("Syndicated", func(t *testing.T) {
		// The same words from another outlet, undated: stored, linked,
		// dated as the original, its events the original's.
		a := &dyad.Article{URL: "https://b.example/world/1", Outlet: "b.example", Text: text}
		res, err := p.Process(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if res.Copy.Kind != pipeline.CopySyndicated || a.DuplicateOf != orig.Article.ID || !a.Published.Equal(time.Date(2025, 10, 19, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("copy %+v, duplicate_of %q, published %v; want syndicated from %s on 2025-10-19", res.Copy, a.DuplicateOf, a.Published, orig.Article.ID)
		}
		if res.Saved.NewEvents != 0 || !slices.Equal(eventIDs(res.Events), eventIDs(orig.Events)) {
			t.Errorf("events %q (%d new), want the original's %q", eventIDs(res.Events), res.Saved.NewEvents, eventIDs(orig.Events))
		}
		if got, err := db.Article(ctx, a.ID); err != nil || got.DuplicateOf != orig.Article.ID || got.Outlet != "b.example" {
			t.Errorf("stored copy %+v, %v", got, err)
		}
	})
	for _, tt := range []struct {
		name, url, outlet string
		kind              string
	}{
		{"SameURL", "http://a.example/story?utm_source=rss#top", "a.example", pipeline.CopyURL},
		{"SameWordsSameOutlet", "https://a.example/print/story", "a.example", pipeline.CopyContent},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &dyad.Article{URL: tt.url, Outlet: tt.outlet, Text: text, Published: published}
			res, err := p.Process(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			if res.Copy.Kind != tt.kind || res.Copy.Of != orig.Article.ID || !res.Copy.Exact() || res.Saved != (dyad.SaveResult{}) {
				t.Errorf("copy %+v, saved %+v; want an exact %s copy of %s, not saved", res.Copy, res.Saved, tt.kind, orig.Article.ID)
			}
			if _, err := db.Article(ctx, a.ID); dyad.ErrorCode(err) != dyad.ENOTFOUND {
				t.Errorf("exact copy stored: %v", err)
			}
		})
	}
	t.Run("Recode", func(t *testing.T) {
		p.Recode = true
		defer func() { p.Recode = false }()
		res, err := p.Process(ctx, &dyad.Article{URL: "https://a.example/story", Outlet: "a.example", Text: text, Published: published})
		if err != nil {
			t.Fatal(err)
		}
		if res.Copy.Kind != "" || res.Saved.Mentions != 2 || res.Saved.Replaced != 2 {
			t.Errorf("recode: copy %+v, saved %+v; want the article coded again, its 2 mentions replaced", res.Copy, res.Saved)
		}
	})
}

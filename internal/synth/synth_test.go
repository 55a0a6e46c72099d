package synth_test

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/internal/synth"
)

func TestGenerator(t *testing.T) {
	const total = 20000
	g := synth.New(1, total)
	ids := map[string]dyad.Event{}
	mentions, located, domestic := 0, 0, 0
	roots := map[string]int{}
	countries := map[string]int{}
	articles := map[string]bool{}
	last := ""
	for g.Events() < total {
		a, evs := g.Article()
		if articles[a.ID] || a.URL == "" || a.Outlet == "" {
			t.Fatalf("article %+v: duplicate ID or no URL or outlet", a)
		}
		articles[a.ID] = true
		if len(evs) < 1 || len(evs) > 20 {
			t.Fatalf("article %s has %d events, want 1 to 20", a.ID, len(evs))
		}
		day := a.Published.Format("2006-01-02")
		if day < last {
			t.Fatalf("article %s published %s before the previous one (%s)", a.ID, day, last)
		}
		last = day
		for _, e := range evs {
			mentions++
			if e.ArticleID != a.ID {
				t.Fatalf("event %s: article %q, want %q", e.ID, e.ArticleID, a.ID)
			}
			if prev, ok := ids[e.ID]; ok {
				if prev.Date != e.Date || prev.Code != e.Code || prev.Source.Code != e.Source.Code || prev.Target.Code != e.Target.Code {
					t.Fatalf("event %s reported twice with different fields: %+v, %+v", e.ID, prev, e)
				}
				continue
			}
			ids[e.ID] = e
			if !dyad.ValidDate(e.Date) || e.Date < "2019-12-25" || e.Date > "2024-12-31" {
				t.Fatalf("event %s: date %q", e.ID, e.Date)
			}
			c, ok := cameo.Lookup(e.Code)
			if !ok || c.Root != e.Root || c.QuadClass != e.QuadClass || c.Goldstein != e.Goldstein {
				t.Fatalf("event %s: code %s root %s quad %d goldstein %v do not agree with CAMEO", e.ID, e.Code, e.Root, e.QuadClass, e.Goldstein)
			}
			roots[e.Root]++
			if e.Location != nil {
				located++
				countries[e.Location.Country]++
			}
			if len(e.Source.Code) >= 3 && len(e.Target.Code) >= 3 && e.Source.Code[:3] == e.Target.Code[:3] {
				domestic++
			}
			if e.Sentence.Text == "" {
				t.Fatalf("event %s: no sentence", e.ID)
			}
		}
	}
	distinct := len(ids)
	tests := []struct {
		name   string
		got    float64
		lo, hi float64
	}{
		{"distinct events / generated", float64(distinct) / float64(g.Events()), 0.95, 1.0},
		{"mentions per event", float64(mentions) / float64(distinct), 1.2, 1.5},
		{"events per article", float64(mentions) / float64(len(articles)), 4, 6},
		{"located share", float64(located) / float64(distinct), 0.6, 0.85},
		{"domestic share", float64(domestic) / float64(distinct), 0.3, 0.5},
		{"statements (root 04) share", float64(roots["04"]) / float64(distinct), 0.18, 0.26},
		{"fights (root 19) share", float64(roots["19"]) / float64(distinct), 0.03, 0.08},
		{"countries located", float64(len(countries)), 150, synth.Countries},
	}
	for _, tt := range tests {
		if tt.got < tt.lo || tt.got > tt.hi {
			t.Errorf("%s = %.3f, want %.3f to %.3f", tt.name, tt.got, tt.lo, tt.hi)
		}
	}
	if last < "2024-12-01" {
		t.Errorf("last article published %s, want the dates to run to the end of 2024", last)
	}
}

func TestSameSeed(t *testing.T) {
	g1, g2 := synth.New(7, 1000), synth.New(7, 1000)
	for range 100 {
		a1, e1 := g1.Article()
		a2, e2 := g2.Article()
		if a1.ID != a2.ID || len(e1) != len(e2) || e1[0].ID != e2[0].ID || e1[0].Sentence.Text != e2[0].Sentence.Text {
			t.Fatalf("same seed, different data: %s %s", e1[0].ID, e2[0].ID)
		}
	}
}

func BenchmarkArticle(b *testing.B) {
	g := synth.New(1, 10_000_000)
	n := 0
	for b.Loop() {
		_, evs := g.Article()
		n += len(evs)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}

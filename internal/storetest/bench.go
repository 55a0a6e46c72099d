package storetest

import (
	"context"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// BenchEvents is the number of events the query benchmarks load:
// $DYAD_BENCH_EVENTS, or 200,000 (the bars of docs/PERFORMANCE.md are at
// 10,000,000; set the variable to measure there).
func BenchEvents() int {
	if n, err := strconv.Atoi(os.Getenv("DYAD_BENCH_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 200_000
}

// Load saves n synthetic events in articles of per events each and returns
// how long it took.
func Load(tb testing.TB, s dyad.EventWriter, g *Synth, n, per int) time.Duration {
	tb.Helper()
	ctx := context.Background()
	start := time.Now()
	for done := 0; done < n; done += per {
		a, evs := g.Article(min(per, n-done))
		if _, err := s.SaveArticle(ctx, a, nil, evs); err != nil {
			tb.Fatal(err)
		}
	}
	return time.Since(start)
}

// BenchSave measures the load rate: b.N synthetic events saved in articles
// of per events, reported as events/s.
func BenchSave(b *testing.B, s dyad.Store, per int) {
	g := NewSynth(1)
	// Articles are generated outside the timer.
	type art struct {
		a  *dyad.Article
		ev []dyad.Event
	}
	var arts []art
	for done := 0; done < b.N; done += per {
		a, ev := g.Article(min(per, b.N-done))
		arts = append(arts, art{a, ev})
	}
	ctx := context.Background()
	cpu0 := cpuTime()
	b.ResetTimer()
	for _, x := range arts {
		if _, err := s.SaveArticle(ctx, x.a, nil, x.ev); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	// CPU seconds of this process: a rate that other load on the machine
	// does not skew (for PostgreSQL it leaves out the server's work).
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "events/cpu-s")
	}
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchQueries measures the API's queries on a store holding n synthetic
// events (loaded unless the store already holds events).
func BenchQueries(b *testing.B, s dyad.Store, n int) {
	ctx := context.Background()
	g := NewSynth(7)
	page, err := s.Events(ctx, dyad.EventFilter{Limit: 1})
	if err != nil {
		b.Fatal(err)
	}
	if len(page.Events) == 0 {
		d := Load(b, s, g, n, 1000)
		b.Logf("loaded %d events in %v (%.0f events/s)", n, d, float64(n)/d.Seconds())
	}
	c := g.Countries()
	next := "" // the cursor of the first page of "fight"
	queries := []struct {
		name string
		run  func() (int, error)
	}{
		{"SeriesDyadMonth", func() (int, error) {
			p, err := s.Series(ctx, dyad.SeriesFilter{Dyad: [2]string{c[0], c[1]}, By: dyad.ByMonth})
			return len(p), err
		}},
		{"SeriesActorWeek", func() (int, error) {
			p, err := s.Series(ctx, dyad.SeriesFilter{Actor: c[2] + "GOV", By: dyad.ByWeek, From: "2023-01-01", To: "2023-12-31"})
			return len(p), err
		}},
		{"PageLatest", func() (int, error) {
			p, err := s.Events(ctx, dyad.EventFilter{Limit: 100})
			return len(p.Events), err
		}},
		{"PageActorQuadYear", func() (int, error) {
			p, err := s.Events(ctx, dyad.EventFilter{Actor: c[3], QuadClass: 4, From: "2023-01-01", To: "2023-12-31", Limit: 100})
			return len(p.Events), err
		}},
		{"PageDyad", func() (int, error) {
			p, err := s.Events(ctx, dyad.EventFilter{Dyad: [2]string{c[0], c[4]}, Limit: 100})
			return len(p.Events), err
		}},
		{"PageRareActor", func() (int, error) {
			p, err := s.Events(ctx, dyad.EventFilter{Source: c[len(c)/2], Limit: 100})
			return len(p.Events), err
		}},
		{"PageCountryCode", func() (int, error) {
			p, err := s.Events(ctx, dyad.EventFilter{Country: c[1], Code: "19", Limit: 100})
			return len(p.Events), err
		}},
		{"PageFullText", func() (int, error) {
			p, err := s.Events(ctx, dyad.EventFilter{Query: "fight", Limit: 100})
			return len(p.Events), err
		}},
		{"PageFullTextPage2", func() (int, error) {
			if next == "" {
				p, err := s.Events(ctx, dyad.EventFilter{Query: "fight", Limit: 100})
				if err != nil {
					return 0, err
				}
				next = p.Next
			}
			p, err := s.Events(ctx, dyad.EventFilter{Query: "fight", Limit: 100, Cursor: next})
			return len(p.Events), err
		}},
		{"PageFullTextActorYear", func() (int, error) {
			p, err := s.Events(ctx, dyad.EventFilter{Query: "fight", Actor: c[3], From: "2023-01-01", To: "2023-12-31", Limit: 100})
			return len(p.Events), err
		}},
		{"PageFullTextCommon", func() (int, error) {
			p, err := s.Events(ctx, dyad.EventFilter{Query: "statement", Limit: 100})
			return len(p.Events), err
		}},
		{"PageFullTextRare", func() (int, error) {
			// Two words that appear together in fewer sentences than a page.
			p, err := s.Events(ctx, dyad.EventFilter{Query: "fight kuwait", Limit: 100})
			return len(p.Events), err
		}},
		{"TopActorsYear", func() (int, error) {
			p, err := s.TopActors(ctx, dyad.TopFilter{From: "2024-01-01", To: "2024-12-31", Limit: 20})
			return len(p), err
		}},
		{"CountriesMonth", func() (int, error) {
			p, err := s.Countries(ctx, dyad.TopFilter{From: "2024-06-01", To: "2024-06-30", Limit: 250})
			return len(p), err
		}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			rows := 0
			for b.Loop() {
				n, err := q.run()
				if err != nil {
					b.Fatal(err)
				}
				rows = n
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}

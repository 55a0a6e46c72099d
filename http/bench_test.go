package http_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	dyadhttp "github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/sqlite"
)

// BenchmarkServeEvents is a load test of the API over loopback (SQLite):
// parallel clients fetch pages of 100 events while a writer ingests
// articles of 5 events without pause. It reports requests/s, the p99
// latency and the events ingested meanwhile. $DYAD_BENCH_EVENTS (default
// 20,000 here) sets the events loaded first.
func BenchmarkServeEvents(b *testing.B) {
	db := sqlite.NewDB(filepath.Join(b.TempDir(), "dyad.db"))
	ctx := context.Background()
	if err := db.Open(ctx); err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	n := 20_000
	if storetest.BenchEvents() != 200_000 {
		n = storetest.BenchEvents()
	}
	g := storetest.NewSynth(11)
	storetest.Load(b, db, g, n, 1000)
	c := g.Countries()
	ts := httptest.NewServer(dyadhttp.NewServer(db).Handler())
	defer ts.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	client := &http.Client{Transport: tr}
	paths := []string{
		"/api/v1/events?limit=100",
		"/api/v1/events?limit=100&actor=" + c[0],
		"/api/v1/events?limit=100&dyad=" + c[0] + "," + c[1],
		"/api/v1/events?limit=100&quad=4&from=2023-01-01&to=2023-12-31",
	}

	// The writer ingests until the benchmark ends.
	stop := make(chan struct{})
	var ingested int
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			a, evs := g.Article(5)
			if _, err := db.SaveArticle(ctx, a, nil, evs); err != nil {
				b.Error(err)
				return
			}
			ingested += len(evs)
		}
	}()

	var mu sync.Mutex
	var lat []time.Duration
	b.SetParallelism(8)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		i := 0
		for pb.Next() {
			i++
			start := time.Now()
			resp, err := client.Get(ts.URL + paths[i%len(paths)])
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
			mine = append(mine, time.Since(start))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	close(stop)
	wg.Wait()
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(len(lat))/b.Elapsed().Seconds(), "req/s")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	}
	b.ReportMetric(float64(ingested), "ingested")
}

// BenchmarkDashboardCalls measures, one at a time, each API call the
// dashboard makes, through the server's handler (routing, query, JSON),
// over the SQLite store at $DYAD_BENCH_DB, filled first with
// $DYAD_BENCH_EVENTS synthetic events when empty (a temporary store of
// 20,000 without it). It reports the wall time and the CPU time of the
// process per call (getrusage), which other load on the machine does
// not inflate (ns/op is the wall time). Run it with -cpu 1.
func BenchmarkDashboardCalls(b *testing.B) {
	path := os.Getenv("DYAD_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "dyad.db")
	}
	db := sqlite.NewDB(path)
	ctx := context.Background()
	if err := db.Open(ctx); err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	latest, err := db.Events(ctx, dyad.EventFilter{Limit: 1})
	if err != nil {
		b.Fatal(err)
	}
	if len(latest.Events) == 0 {
		n := 20_000
		if storetest.BenchEvents() != 200_000 || os.Getenv("DYAD_BENCH_DB") != "" {
			n = storetest.BenchEvents()
		}
		storetest.Load(b, db, storetest.NewSynth(7), n, 1000)
		if latest, err = db.Events(ctx, dyad.EventFilter{Limit: 1}); err != nil {
			b.Fatal(err)
		}
	}
	top, err := db.Countries(ctx, dyad.TopFilter{Limit: 2})
	if err != nil || len(top) < 2 {
		b.Fatalf("top countries: %v, %v", top, err)
	}
	h := dyadhttp.NewServer(db).Handler()
	dy := url.QueryEscape(top[0].Key + "," + top[1].Key)
	dates := "&from=2021-03-15&to=2023-08-20"
	for _, c := range []struct{ name, path string }{
		{"Events25", "events?limit=25"},
		{"Events250", "events?limit=250"},
		{"Countries", "countries?limit=300"},
		{"TopActors", "top/actors?limit=8"},
		{"Events25Dates", "events?limit=25" + dates},
		{"CountriesDates", "countries?limit=300" + dates},
		{"TopActorsDates", "top/actors?limit=8" + dates},
		{"DyadEvents25", "events?limit=25&dyad=" + dy},
		{"DyadEvents250", "events?limit=250&dyad=" + dy},
		{"DyadSeriesWeek", "series?by=week&dyad=" + dy},
		{"Event", "events/" + latest.Events[0].ID},
		{"Article", "articles/" + latest.Events[0].ArticleID},
	} {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/api/v1/"+c.path, nil)
			cpu0 := cpuTime()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatalf("%s: %d %s", c.path, w.Code, w.Body)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/call")
		})
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

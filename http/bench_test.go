package http_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

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

// Command httpload is a load generator for dyad's API, in the manner of
// wrk: it runs as a process of its own, keeps a number of clients each
// sending one request after another for a set time, and reports requests
// per second, latency percentiles and errors.
//
//	go run ./internal/cmd/httpload --url http://127.0.0.1:8080 --duration 30s --concurrency 32
//
// Requests are pages of events under a mix of filters over the actors of
// the synthetic data (internal/synth), which dyad load stores: the latest
// events, one actor, a dyad, a quad class over a year, a country and CAMEO
// root, a source, sorts by Goldstein or by mentions, and one in ten asks
// for the next page of what it got. It only sends to loopback addresses,
// and stops after at most ten minutes.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/dyad-events/dyad/internal/synth"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "httpload:", err)
		os.Exit(1)
	}
}

// maxDuration bounds a run.
const maxDuration = 10 * time.Minute

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("httpload", flag.ContinueOnError)
	base := fs.String("url", "http://127.0.0.1:8080", "base `URL` of the dyad server (loopback only)")
	duration := fs.Duration("duration", 30*time.Second, "how long to send requests")
	concurrency := fs.Int("concurrency", 32, "clients sending requests at once")
	limit := fs.Int("limit", 100, "events per page")
	seed := fs.Uint64("seed", 1, "seed of the filter mix")
	if err := fs.Parse(args); err != nil {
		return err
	}
	u, err := url.Parse(*base)
	if err != nil {
		return err
	}
	if err := loopback(u.Hostname()); err != nil {
		return err
	}
	if *duration <= 0 || *duration > maxDuration || *concurrency < 1 {
		return fmt.Errorf("want 0 < --duration <= %v and --concurrency >= 1", maxDuration)
	}
	paths := filters(*limit)
	tr := &http.Transport{MaxIdleConns: *concurrency, MaxIdleConnsPerHost: *concurrency, DisableCompression: true}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), *duration)
	defer cancel()

	results := make([]result, *concurrency)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range results {
		wg.Add(1)
		go func(r *result, rng *rand.Rand) {
			defer wg.Done()
			r.statuses = map[int]int{}
			for ctx.Err() == nil {
				p := *base + paths[rng.IntN(len(paths))]
				next := fetch(ctx, client, p, r)
				if next != "" && rng.IntN(10) == 0 && ctx.Err() == nil {
					fetch(ctx, client, p+"&cursor="+url.QueryEscape(next), r)
				}
			}
		}(&results[i], rand.New(rand.NewPCG(*seed, uint64(i))))
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all result
	all.statuses = map[int]int{}
	for _, r := range results {
		all.latencies = append(all.latencies, r.latencies...)
		all.errors += r.errors
		all.bytes += r.bytes
		all.samples = append(all.samples, r.samples...)
		for k, v := range r.statuses {
			all.statuses[k] += v
		}
	}
	return all.report(stdout, elapsed, *concurrency, len(paths))
}

// loopback returns an error unless host is a loopback address or
// localhost: load is only ever sent to this machine.
func loopback(host string) error {
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("refusing to load %q: only loopback addresses (127.0.0.0/8, ::1, localhost)", host)
}

// filters returns the mix of event-page paths.
func filters(limit int) []string {
	c := synth.New(1, 1).Countries()
	l := fmt.Sprintf("limit=%d", limit)
	paths := []string{"/api/v1/events?" + l, "/api/v1/events?sort=-mentions&" + l, "/api/v1/events?sort=goldstein&" + l}
	for i := 0; i < 20; i++ {
		paths = append(paths, "/api/v1/events?actor="+c[i]+"&"+l)
	}
	for i := 0; i < 8; i++ {
		for j := i + 1; j < 8; j++ {
			paths = append(paths, "/api/v1/events?dyad="+c[i]+","+c[j]+"&"+l)
		}
	}
	for q := 1; q <= 4; q++ {
		for _, y := range []string{"2021", "2023", "2024"} {
			paths = append(paths, fmt.Sprintf("/api/v1/events?quad=%d&from=%s-01-01&to=%s-12-31&%s", q, y, y, l))
		}
	}
	for i := 0; i < 10; i++ {
		paths = append(paths, "/api/v1/events?country="+c[i]+"&root=19&"+l, "/api/v1/events?source="+c[i]+"GOV&"+l)
	}
	return paths
}

// result is what one client saw.
type result struct {
	latencies []time.Duration
	statuses  map[int]int
	errors    int
	bytes     int64
	buf       bytes.Buffer // the body of the last response
	samples   []string     // the first failed responses
}

// fetch gets one page and returns its next cursor.
func fetch(ctx context.Context, client *http.Client, u string, r *result) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		r.errors++
		return ""
	}
	t := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
			r.errors++
		}
		return ""
	}
	r.buf.Reset()
	_, err = r.buf.ReadFrom(resp.Body)
	resp.Body.Close()
	body := r.buf.Bytes()
	if err != nil {
		if !errors.Is(ctx.Err(), context.DeadlineExceeded) {
			r.errors++
		}
		return ""
	}
	r.latencies = append(r.latencies, time.Since(t))
	r.statuses[resp.StatusCode]++
	r.bytes += int64(len(body))
	if resp.StatusCode != http.StatusOK {
		r.errors++
		if len(r.samples) < 3 {
			r.samples = append(r.samples, fmt.Sprintf("%d %s: %.200s", resp.StatusCode, u, body))
		}
		return ""
	}
	// The page ends with its cursor: {"events": […], "next": "…"}. Only
	// that is read, so that the client spends little on each response.
	i := bytes.LastIndex(body, []byte(`"next":`))
	var next string
	if i < 0 || json.Unmarshal(bytes.TrimRight(body[i+len(`"next":`):], "}\n "), &next) != nil {
		r.errors++
	}
	return next
}

func (r *result) report(w io.Writer, elapsed time.Duration, concurrency, paths int) error {
	slices.Sort(r.latencies)
	pct := func(p float64) float64 {
		if len(r.latencies) == 0 {
			return 0
		}
		return float64(r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))].Microseconds()) / 1000
	}
	n := len(r.latencies)
	_, err := fmt.Fprintf(w, "requests %d in %.1f s, %d clients, %d filter mixes\nrequests_per_second %.0f\nlatency_ms p50 %.1f p90 %.1f p99 %.1f max %.1f\nerrors %d\nstatuses %v\nmb_per_second %.1f\n",
		n, elapsed.Seconds(), concurrency, paths, float64(n)/elapsed.Seconds(), pct(0.50), pct(0.90), pct(0.99), pct(1), r.errors, r.statuses, float64(r.bytes)/elapsed.Seconds()/1e6)
	for _, s := range r.samples[:min(3, len(r.samples))] {
		if err == nil {
			_, err = fmt.Fprintln(w, "failed:", s)
		}
	}
	return err
}

package e2e_test

import (
	"context"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/storetest"
)

// Bars of issue 6: the dashboard's first meaningful paint over a million
// events, and each API call it makes.
const (
	firstPaintBar = time.Second
	apiCallBar    = 100 * time.Millisecond
)

// TestFirstPaintBigStore measures the dashboard over the store at
// $DYAD_E2E_BIG_DB, first filling an empty one with
// $DYAD_E2E_BIG_EVENTS (default 1,000,000) synthetic events
// (storetest.Synth; it takes a while, so keep the file between runs). It
// loads the overview and a dyad view in a fresh browser, logs the first
// contentful paint, the end of the first full load and every API call,
// and fails when they miss the bars.
func TestFirstPaintBigStore(t *testing.T) {
	path := os.Getenv("DYAD_E2E_BIG_DB")
	if path == "" {
		t.Skip("set DYAD_E2E_BIG_DB to a SQLite file (filled when empty) to measure the dashboard over a large store")
	}
	chromium(t)
	db := openStore(t, path)
	ctx := context.Background()
	page, err := db.Events(ctx, dyad.EventFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) == 0 {
		n := 1_000_000
		if v, err := strconv.Atoi(os.Getenv("DYAD_E2E_BIG_EVENTS")); err == nil && v > 0 {
			n = v
		}
		d := storetest.Load(t, db, storetest.NewSynth(7), n, 1000)
		t.Logf("loaded %d events in %v", n, d)
	}
	top, err := db.Countries(ctx, dyad.TopFilter{Limit: 2})
	if err != nil || len(top) < 2 {
		t.Fatalf("top countries: %v, %v", top, err)
	}
	dyadQuery := "?a=" + top[0].Key + "&b=" + top[1].Key
	ts := serve(t, db)

	latest, err := db.Events(ctx, dyad.EventFilter{Limit: 1})
	if err != nil || len(latest.Events) == 0 {
		t.Fatalf("latest event: %v", err)
	}
	dates := "&from=2021-03-15&to=2023-08-20"

	// The API alone, as the page calls it (with and without a date range;
	// an event, its article), each call once cold and once warm.
	for _, q := range []string{
		"events?limit=25", "events?limit=250", "countries?limit=300", "top/actors?limit=8",
		"events?limit=25" + dates, "events?limit=250" + dates, "countries?limit=300" + dates, "top/actors?limit=8" + dates,
		"events?dyad=" + url.QueryEscape(top[0].Key+","+top[1].Key) + "&limit=25",
		"events?dyad=" + url.QueryEscape(top[0].Key+","+top[1].Key) + "&limit=250",
		"series?by=week&dyad=" + url.QueryEscape(top[0].Key+","+top[1].Key),
		"events/" + latest.Events[0].ID, "articles/" + latest.Events[0].ArticleID,
	} {
		for _, pass := range []string{"cold", "warm"} {
			start := time.Now()
			resp, err := ts.Client().Get(ts.URL + "/api/v1/" + q)
			if err != nil {
				t.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			d := time.Since(start)
			t.Logf("API %-4s %7.1f ms %8d bytes  %s", pass, float64(d.Microseconds())/1000, n, q)
			if resp.StatusCode != 200 {
				t.Errorf("%s: status %d", q, resp.StatusCode)
			}
			if pass == "warm" && d > apiCallBar {
				t.Errorf("%s took %v, over the bar of %v", q, d, apiCallBar)
			}
		}
	}

	for _, v := range []struct{ name, query string }{{"overview", ""}, {"dyad " + top[0].Key + "–" + top[1].Key, dyadQuery}} {
		t.Run(strings.Fields(v.name)[0], func(t *testing.T) {
			bctx := browser(t, 1366, 900)
			run(t, bctx, "open the dashboard", chromedp.Navigate(ts.URL+"/"+v.query))
			waitLoaded(t, bctx, 0)
			tm := logTimings(t, bctx)
			if ms := time.Duration(tm.FMP * float64(time.Millisecond)); ms > firstPaintBar {
				t.Errorf("%s: first meaningful paint at %v, over the bar of %v", v.name, ms, firstPaintBar)
			}
			for _, c := range tm.Calls {
				if d := time.Duration(c.Duration * float64(time.Millisecond)); d > apiCallBar {
					t.Errorf("%s: %s took %v in the browser, over the bar of %v", v.name, c.Name, d, apiCallBar)
				}
			}
		})
	}
}

package e2e_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dyad-events/dyad"
	dyadhttp "github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/sqlite"
	"github.com/dyad-events/dyad/web"
)

// chromium returns the path of the browser, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("DYAD_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium: install Debian's (apt-get install -y chromium) or set DYAD_CHROMIUM to run the dashboard's browser tests")
	return ""
}

// artifacts returns the directory screenshots are saved in.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("DYAD_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// serve serves the dashboard at "/" and the API at /api/ over the store, as
// dyad serve does, with a read token when one is given.
func serve(t *testing.T, store dyad.EventReader, readToken ...string) *httptest.Server {
	t.Helper()
	api := dyadhttp.NewServer(store)
	if len(readToken) > 0 {
		api.ReadToken = readToken[0]
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.Handler())
	mux.Handle("/", web.Handler())
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

// openStore opens (creating when absent) the SQLite store at path.
func openStore(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db := sqlite.NewDB(path)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

// browser starts a headless Chromium with a fresh profile and returns a
// context for its first tab.
func browser(t *testing.T, width, height int64) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "en-US"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(int(width), int(height)),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	t.Cleanup(cancel)
	// The first action starts the browser, without a timeout of its own.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// run runs an action with a timeout and fails the test on error.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(tctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression and decodes its JSON value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return run(t, ctx, expr, chromedp.Evaluate[T](expr))
}

// waitLoaded waits until the dashboard has finished more than after loads.
func waitLoaded(t *testing.T, ctx context.Context, after int) int {
	t.Helper()
	expr := `(() => { const n = Number(document.body.dataset.loaded || 0); return n > ` + itoa(after) +
		` && !document.body.classList.contains("loading") ? n : 0 })()`
	return run(t, ctx, "wait for the dashboard to load", chromedp.Poll[int](expr, chromedp.WithPollingTimeout(15*time.Second)))
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// waitFor waits until a JavaScript condition holds; on a timeout it fails
// the test with what the page shows.
func waitFor(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(tctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		page := eval[string](t, ctx, `location.href + "\nactive: " + (document.activeElement && document.activeElement.outerHTML.slice(0, 200)) +
			"\nstatus: " + document.getElementById("status").textContent + "\nevent: " + document.getElementById("event-body").textContent.slice(0, 500)`)
		t.Fatalf("waiting for %s: %v\n%s", what, err, page)
	}
}

// screenshot saves a PNG of the full page in the artifacts directory, or of
// the viewport only when a dialog covers it.
func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	shot := chromedp.FullScreenshot(100)
	if eval[bool](t, ctx, `document.getElementById("event").open`) {
		shot = chromedp.CaptureScreenshot()
	}
	png := run(t, ctx, "screenshot", shot)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", path)
}

// mapLimit is the most events the map places (MAP_LIMIT in app.js).
const mapLimit = 250

// view is what the dashboard shows, read from the page.
type view struct {
	URL      string   `json:"url"`
	Markers  int      `json:"markers"`
	Placed   int      `json:"placed"`   // events in the markers
	Places   []string `json:"places"`   // countries of the markers
	Rows     []string `json:"rows"`     // "SOURCE TARGET" of each table row
	Bars     int      `json:"bars"`     // bars of the time series
	Line     bool     `json:"line"`     // the Goldstein line is drawn
	Shaded   int      `json:"shaded"`   // countries shaded as having events
	Status   string   `json:"status"`   // the status line
	Overflow bool     `json:"overflow"` // the page scrolls sideways
	Wide     bool     `json:"wide"`     // the table scrolls sideways
}

const readView = `(() => {
  const markers = [...document.querySelectorAll("#map circle.marker")];
  return {
    url: location.pathname + location.search,
    markers: markers.length,
    placed: markers.reduce((s, m) => s + Number(m.dataset.count), 0),
    places: [...new Set(markers.map((m) => m.dataset.id))].sort(),
    rows: [...document.querySelectorAll("#table tbody tr")].filter((r) => r.cells.length > 1)
      .map((r) => r.cells[1].textContent + " " + r.cells[3].textContent),
    bars: document.querySelectorAll("#series svg .bars rect").length,
    line: !!document.querySelector("#series svg polyline.goldstein"),
    shaded: [...document.querySelectorAll("#map path.country")].filter((p) => p.getAttribute("fill") !== "rgb(232,236,242)").length,
    status: document.getElementById("status").textContent,
    overflow: document.documentElement.scrollWidth > window.innerWidth + 1,
    wide: (() => { const w = document.querySelector(".table-wrap"); return w.scrollWidth > w.clientWidth + 1; })(),
  };
})()`

// TestDashboard loads the dashboard over a filled store, filters it to the
// Pakistan–Afghanistan dyad, checks that the map, the series and the table
// follow, opens an event and checks its highlighted evidence, and looks at
// it on a phone's width.
func TestDashboard(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	path := chromium(t)
	t.Logf("Chromium: %s", path)
	db := openStore(t, filepath.Join(t.TempDir(), "dyad.db"))
	c := fill(t, db)
	ts := serve(t, db)
	dir := artifacts(t)
	ctx := browser(t, 1366, 900)

	// The whole store.
	run(t, ctx, "open the dashboard", chromedp.Navigate(ts.URL+"/"))
	loads := waitLoaded(t, ctx, 0)
	all := eval[view](t, ctx, readView)
	if all.Status != "" {
		t.Fatalf("status line: %q", all.Status)
	}
	if all.Markers < 10 || all.Placed != min(c.events, mapLimit) {
		t.Errorf("overview: %d markers of %d events, want at least 10 markers of the latest %d events", all.Markers, all.Placed, min(c.events, mapLimit))
	}
	if len(all.Rows) != 25 {
		t.Errorf("overview: %d table rows, want a page of 25", len(all.Rows))
	}
	if all.Bars != 0 {
		t.Errorf("overview: %d series bars, want none before an actor is chosen", all.Bars)
	}
	if all.Shaded < 10 {
		t.Errorf("overview: %d countries shaded, want at least 10", all.Shaded)
	}
	screenshot(t, ctx, dir, "dashboard-1-overview.png")
	if outside := eval[[]string](t, ctx, `performance.getEntriesByType("resource").map((r) => r.name).filter((n) => !n.startsWith(location.origin))`); len(outside) > 0 {
		t.Errorf("the page loaded from outside dyad: %q", outside)
	}

	// A click on a country on the map filters to it; Clear undoes it.
	run(t, ctx, "click the United States", chromedp.Click(chromedp.CSS(`#map path.country[data-id="USA"]`)))
	loads = waitLoaded(t, ctx, loads)
	if v := eval[view](t, ctx, readView); !strings.Contains(v.URL, "country=USA") || len(v.Places) != 1 || v.Places[0] != "USA" || len(v.Rows) == 0 {
		t.Errorf("map click: URL %q, markers in %v, %d rows; want country=USA and markers in USA only", v.URL, v.Places, len(v.Rows))
	}
	if got := eval[string](t, ctx, `document.getElementById("f-country").value`); got != "USA" {
		t.Errorf("map click: country field %q, want USA", got)
	}
	run(t, ctx, "clear the filters", chromedp.Click(chromedp.ID("clear")))
	loads = waitLoaded(t, ctx, loads)
	if v := eval[view](t, ctx, readView); v.Placed != all.Placed {
		t.Errorf("after Clear: %d events on the map, want all %d", v.Placed, all.Placed)
	}

	// A dyad, typed into the filter bar.
	run(t, ctx, "type the dyad", chromedp.Steps(
		chromedp.SendKeys(chromedp.ID("f-a"), "pak"),
		chromedp.SendKeys(chromedp.ID("f-b"), "AFG"),
		chromedp.Click(chromedp.CSS(`#filters button[type="submit"]`)),
	))
	waitLoaded(t, ctx, loads)
	dv := eval[view](t, ctx, readView)
	if dv.Status != "" {
		t.Fatalf("status line: %q", dv.Status)
	}
	if !strings.Contains(dv.URL, "a=PAK") || !strings.Contains(dv.URL, "b=AFG") {
		t.Errorf("URL %q does not hold the dyad", dv.URL)
	}
	if dv.Placed != len(c.dyadPair) || dv.Markers == 0 || dv.Markers >= all.Markers {
		t.Errorf("dyad: %d markers of %d events, want fewer markers than the %d of the overview, of all %d dyad events",
			dv.Markers, dv.Placed, all.Markers, len(c.dyadPair))
	}
	for _, p := range dv.Places {
		if p != "PAK" && p != "AFG" {
			t.Errorf("dyad: a marker in %q, want PAK or AFG", p)
		}
	}
	if len(dv.Rows) == 0 {
		t.Fatal("dyad: empty table")
	}
	for _, r := range dv.Rows {
		if !(strings.HasPrefix(r, "PAK") && strings.Contains(r, " AFG") || strings.HasPrefix(r, "AFG") && strings.Contains(r, " PAK")) {
			t.Errorf("dyad: table row %q is not a PAK–AFG event", r)
		}
	}
	if dv.Bars == 0 || !dv.Line {
		t.Errorf("dyad: series has %d bars and Goldstein line %v, want bars and a line", dv.Bars, dv.Line)
	}
	screenshot(t, ctx, dir, "dashboard-2-dyad.png")

	// Months instead of weeks: fewer bars, the choice in the URL.
	eval[bool](t, ctx, `(() => { const s = document.getElementById("f-by"); s.value = "month"; s.dispatchEvent(new Event("change")); return true })()`)
	waitFor(t, ctx, "the monthly series", `document.querySelectorAll("#series svg .bars rect").length > 0 &&
	  document.querySelectorAll("#series svg .bars rect").length < `+itoa(dv.Bars)+` && location.search.includes("by=month")`)

	// The link is the view: loading it again fills the filter bar.
	dyadURL := ts.URL + dv.URL
	run(t, ctx, "reload the shared link", chromedp.Navigate(dyadURL))
	waitLoaded(t, ctx, 0)
	if got := eval[[]string](t, ctx, `[document.getElementById("f-a").value, document.getElementById("f-b").value]`); got[0] != "PAK" || got[1] != "AFG" {
		t.Errorf("shared link fills the filter bar with %q, want PAK, AFG", got)
	}
	if again := eval[view](t, ctx, readView); again.Placed != dv.Placed || len(again.Rows) != len(dv.Rows) {
		t.Errorf("shared link shows %d events and %d rows, want %d and %d", again.Placed, len(again.Rows), dv.Placed, len(dv.Rows))
	}

	// An event reported twice, opened from the table with the keyboard.
	if !eval[bool](t, ctx, `(() => {
	  const row = [...document.querySelectorAll("#table tbody tr")].find((r) => r.cells[6].textContent === "2");
	  if (row) row.querySelector("a").focus();
	  return !!row;
	})()`) {
		t.Fatal("dyad: no event with two mentions on the first page")
	}
	run(t, ctx, "open the event", chromedp.KeyEvent("\r"))
	type mark struct{ Class, Text string }
	type mention struct {
		Outlet, Link string
		Marks        []mark
		Why          string
	}
	const readEvent = `[...document.querySelectorAll("#event .mention")].map((m) => ({
	  Outlet: m.querySelector(".mention-head strong").textContent,
	  Link: m.querySelector(".mention-head a").href,
	  Marks: [...m.querySelectorAll(".sentence mark")].map((k) => ({Class: k.className, Text: k.firstChild.textContent})),
	  Why: m.querySelector(".why").textContent,
	}))`
	waitFor(t, ctx, "the evidence", `document.getElementById("event").open && !!document.querySelector("#event .sentence mark.verb")`)
	mentions := eval[[]mention](t, ctx, readEvent)
	id := eval[string](t, ctx, `new URLSearchParams(location.search).get("event")`)
	if !c.dyadPair[id] {
		t.Errorf("opened event %q, want one of the dyad", id)
	}
	detail := apiEvent(t, ts.URL, id)
	if len(mentions) != 2 || len(mentions) != len(detail.Mentions) {
		t.Fatalf("event %s shows %d mentions, want %d", id, len(mentions), len(detail.Mentions))
	}
	for i, m := range mentions {
		want := detail.Mentions[i]
		if m.Outlet != want.Outlet || m.Link != want.URL {
			t.Errorf("mention %d: outlet %q link %q, want %q %q", i, m.Outlet, m.Link, want.Outlet, want.URL)
		}
		got := map[string]string{}
		for _, k := range m.Marks {
			got[k.Class] = k.Text
		}
		// The marks show the sentence's words, which join "'s" to the
		// word before it.
		for class, w := range map[string]string{
			"src":  strings.ReplaceAll(want.Source.Text, " '", "'"),
			"verb": want.Evidence.VerbText,
			"tgt":  strings.ReplaceAll(want.Target.Text, " '", "'"),
		} {
			if got[class] != w {
				t.Errorf("mention %d: %s marked %q, want %q in %q", i, class, got[class], w, want.Sentence.Text)
			}
		}
		if !strings.Contains(m.Why, want.Evidence.Pattern) || !strings.Contains(m.Why, want.Evidence.PatternRef) {
			t.Errorf("mention %d: %q does not give the pattern %q at %s", i, m.Why, want.Evidence.Pattern, want.Evidence.PatternRef)
		}
	}
	screenshot(t, ctx, dir, "dashboard-3-event.png")

	// Escape closes the event and the URL forgets it.
	run(t, ctx, "close the event", chromedp.KeyEvent("\x1b"))
	run(t, ctx, "wait for the dialog to close", chromedp.Poll[bool](`!document.getElementById("event").open && !location.search.includes("event=")`,
		chromedp.WithPollingTimeout(5*time.Second)))

	// A country chosen from the list narrows further.
	run(t, ctx, "choose a country", chromedp.Click(chromedp.CSS("#top-countries button")))
	waitLoaded(t, ctx, 1)
	cv := eval[view](t, ctx, readView)
	if !strings.Contains(cv.URL, "country=") || len(cv.Places) != 1 || cv.Placed >= dv.Placed {
		t.Errorf("country: URL %q, markers in %v, %d events; want one country and fewer than %d events", cv.URL, cv.Places, cv.Placed, dv.Placed)
	}

	// A phone's width: one column, no sideways scrolling.
	phone := browser(t, 390, 844)
	run(t, phone, "open the dashboard on a phone", chromedp.Navigate(dyadURL))
	waitLoaded(t, phone, 0)
	pv := eval[view](t, phone, readView)
	if pv.Overflow || pv.Wide {
		t.Errorf("phone: the page scrolls sideways (%v) or the table does (%v)", pv.Overflow, pv.Wide)
	}
	if pv.Placed != dv.Placed {
		t.Errorf("phone: %d events on the map, want %d", pv.Placed, dv.Placed)
	}
	screenshot(t, phone, dir, "dashboard-4-phone.png")
	logTimings(t, ctx)
}

// apiEvent reads an event from the API at base.
func apiEvent(t *testing.T, base, id string) dyad.EventDetail {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/events/" + id)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var d dyad.EventDetail
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil {
		t.Fatal(err)
	}
	return d
}

// timings are the page's own measurements: first contentful paint, first
// meaningful paint (the later of the "dyad-table" and "dyad-map" marks),
// the end of the first full load (the "dyad-loaded" mark, with the lists
// and the country shading) and each API call.
type timings struct {
	FCP float64 `json:"fcp"`
	// FMP is the first meaningful paint: the first table and map markers.
	FMP    float64 `json:"fmp"`
	Loaded float64 `json:"loaded"`
	Calls  []struct {
		Name     string  `json:"name"`
		Duration float64 `json:"duration"`
	} `json:"calls"`
}

const readTimings = `(() => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const mark = performance.getEntriesByName("dyad-loaded")[0];
  const at = (name) => { const m = performance.getEntriesByName(name)[0]; return m ? m.startTime : NaN; };
  return {
    fcp: fcp ? fcp.startTime : 0,
    fmp: Math.max(at("dyad-table"), at("dyad-map")) || 0,
    loaded: mark ? mark.startTime : 0,
    calls: performance.getEntriesByType("resource").filter((r) => r.name.includes("/api/v1/"))
      .map((r) => ({name: r.name.replace(location.origin, ""), duration: r.duration})),
  };
})()`

// logTimings logs the page's timings and returns them.
func logTimings(t *testing.T, ctx context.Context) timings {
	t.Helper()
	tm := eval[timings](t, ctx, readTimings)
	t.Logf("first contentful paint %.0f ms, first meaningful paint (table and markers) %.0f ms, first full load %.0f ms", tm.FCP, tm.FMP, tm.Loaded)
	for _, c := range tm.Calls {
		t.Logf("  %6.1f ms  %s", c.Duration, c.Name)
	}
	return tm
}

// TestDashboardReadToken checks that a dashboard whose API needs a read
// token asks for it, and then shows the events.
func TestDashboardReadToken(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	chromium(t)
	db := openStore(t, filepath.Join(t.TempDir(), "dyad.db"))
	fill(t, db)
	ts := serve(t, db, "s3cret")
	ctx := browser(t, 1024, 768)
	run(t, ctx, "open the dashboard", chromedp.Navigate(ts.URL+"/"))
	waitLoaded(t, ctx, 0)
	if v := eval[view](t, ctx, readView); len(v.Rows) != 0 || !strings.Contains(v.Status, "token") {
		t.Fatalf("without the token: %d rows, status %q; want none and a request for the token", len(v.Rows), v.Status)
	}
	run(t, ctx, "give the token", chromedp.Steps(
		chromedp.WaitVisible(chromedp.ID("token")),
		chromedp.SendKeys(chromedp.ID("token"), "s3cret\r"),
	))
	waitLoaded(t, ctx, 1)
	if v := eval[view](t, ctx, readView); len(v.Rows) != 25 || v.Status != "" {
		t.Errorf("with the token: %d rows, status %q; want 25 and no message", len(v.Rows), v.Status)
	}
	if eval[bool](t, ctx, `!document.getElementById("token-form").hidden`) {
		t.Error("the token form stays open")
	}
}

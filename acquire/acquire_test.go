package acquire_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
)

// articleHTML is a small news page.
func articleHTML(title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<html lang=en><head><title>%s</title></head><body><nav><a href=/>Home</a></nav><article><h1>%s</h1>", title, title)
	for i := range 6 {
		fmt.Fprintf(&b, "<p>Paragraph %d: the ministers of the two countries met in the capital on Tuesday to discuss trade, security and the border, officials said after the talks.</p>", i)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

// bombMember is one gzip member that inflates to 1 MiB of zeros; 2048 of
// them in a row make a 2 GiB gzip bomb of about 2 MB.
func bombMember(t testing.TB) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(make([]byte, 1<<20)); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return buf.Bytes()
}

// bigFeed is an RSS feed of 100,000 items linking to http://HOST/page.
var bigFeed = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>`)
	for i := range 100000 {
		b.WriteString("<item><title>t" + strconv.Itoa(i) + "</title><link>http://HOST/page?i=" + strconv.Itoa(i) + "</link><guid>g" + strconv.Itoa(i) + "</guid></item>")
	}
	b.WriteString("</channel></rss>")
	return b.Bytes()
})

// newServer starts a local test server with well-behaved and hostile
// endpoints.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	member := bombMember(t)
	var hits atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private\n")
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articleHTML("A good page"))
	})
	mux.HandleFunc("/private/page", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, articleHTML("Robots say no"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(200)
		for {
			if _, err := w.Write([]byte("<p>")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/redirect/"), "%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		for range 2048 {
			if _, err := w.Write(member); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "2147483648")
		w.WriteHeader(200)
		w.Write([]byte("<html>"))
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 4096)...))
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4\n"))
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(bytes.ReplaceAll([]byte(articleHTML("Caf\xe9 talks")), []byte("capital"), []byte("caf\xe9 \x93R\xe9publique\x94")))
	})
	mux.HandleFunc("/invalid-utf8", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(bytes.ReplaceAll([]byte(articleHTML("Broken bytes")), []byte("capital"), []byte("capital \xff\xfe\xc3")))
	})
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1)%2 == 1 {
			http.Error(w, "try again", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, articleHTML("Second time lucky"))
	})
	mux.HandleFunc("/404", http.NotFound)
	mux.HandleFunc("/to", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("u"), http.StatusFound)
	})
	mux.HandleFunc("/malformed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>x</ti`)
	})
	mux.HandleFunc("/feed100k.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(bytes.ReplaceAll(bigFeed(), []byte("HOST"), []byte(r.Host)))
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Small</title>
<item><title>One</title><link>http://%[1]s/page</link><guid>one</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>http://%[1]s/404</link><guid>two</guid><description>too short</description></item>
</channel></rss>`, r.Host)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// testOptions are fast, local-server Fetcher options.
func testOptions() acquire.Options {
	return acquire.Options{
		AllowPrivate: true,
		Timeout:      500 * time.Millisecond,
		Retries:      -1,
		HostDelay:    -1,
	}
}

func TestFetchSafety(t *testing.T) {
	srv := newServer(t)
	// A short timeout for the slow drip; room for the race detector
	// elsewhere.
	fast := acquire.NewFetcher(testOptions())
	opts := testOptions()
	opts.Timeout = 10 * time.Second
	patient := acquire.NewFetcher(opts)
	tests := []struct {
		name  string
		path  string
		code  string
		check func(error) bool
	}{
		{"ErrSlowDrip", "/slow", dyad.EINTERNAL, func(err error) bool { return strings.Contains(err.Error(), "timed out") }},
		{"ErrEndlessRedirects", "/redirect/0", dyad.EINVALID, func(err error) bool { return errors.Is(err, acquire.ErrTooManyRedirects) }},
		{"ErrGzipBomb", "/bomb", dyad.EINVALID, func(err error) bool { return errors.Is(err, acquire.ErrTooLarge) }},
		{"ErrHugeLength", "/huge", dyad.EINVALID, func(err error) bool { return errors.Is(err, acquire.ErrTooLarge) }},
		{"ErrRobots", "/private/page", dyad.EINVALID, func(err error) bool { return errors.Is(err, acquire.ErrRobots) }},
		{"ErrRobotsRedirect", "/to?u=/private/page", dyad.EINVALID, func(err error) bool { return errors.Is(err, acquire.ErrRobots) }},
		{"ErrNotFound", "/404", dyad.ENOTFOUND, func(err error) bool {
			var se *acquire.StatusError
			return errors.As(err, &se) && se.Code == 404
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := patient
			if tt.path == "/slow" {
				f = fast
			}
			start := time.Now()
			_, err := f.Fetch(context.Background(), srv.URL+tt.path)
			if err == nil {
				t.Fatal("no error")
			}
			if !tt.check(err) {
				t.Errorf("unexpected error: %v", err)
			}
			if code := dyad.ErrorCode(err); code != tt.code {
				t.Errorf("code %q, want %q", code, tt.code)
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not name the URL", err)
			}
			if d := time.Since(start); d > 8*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestFetchSSRF(t *testing.T) {
	srv := newServer(t)
	opts := testOptions()
	opts.AllowPrivate = false
	f := acquire.NewFetcher(opts)
	defer f.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	tests := []struct{ name, url, reason string }{
		{"ErrLoopback", srv.URL + "/page", "loopback"},
		{"ErrLocalhostName", "http://localhost" + port + "/page", "loopback"},
		{"ErrMetadata", "http://169.254.169.254/latest/meta-data/", "metadata"},
		{"ErrPrivate", "http://10.0.0.1/", "private"},
		{"ErrIPv6Loopback", "http://[::1]" + port + "/page", "loopback"},
		{"ErrScheme", "file:///etc/passwd", "only http and https"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.Fetch(context.Background(), tt.url)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("error %q does not say %q", err, tt.reason)
			}
			var fe *acquire.ForbiddenError
			if tt.name != "ErrScheme" && !errors.As(err, &fe) {
				t.Errorf("error %v is not a *ForbiddenError", err)
			}
			if code := dyad.ErrorCode(err); code != dyad.EINVALID {
				t.Errorf("code %q, want %q", code, dyad.EINVALID)
			}
		})
	}
}

func TestFetchSSRFRedirect(t *testing.T) {
	srv := newServer(t)
	opts := testOptions()
	// Allow the test server's 127.0.0.1 but treat 127.0.0.2 as internal:
	// a redirect there must be refused at dial time.
	opts.AddrPolicy = func(a netip.Addr) string {
		if a == netip.MustParseAddr("127.0.0.1") {
			return ""
		}
		return acquire.ForbiddenAddr(a)
	}
	opts.IgnoreRobots = true
	f := acquire.NewFetcher(opts)
	if _, err := f.Fetch(context.Background(), srv.URL+"/page"); err != nil {
		t.Fatalf("allowed address: %v", err)
	}
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	_, err := f.Fetch(context.Background(), srv.URL+"/to?u="+url.QueryEscape("http://127.0.0.2"+port+"/page"))
	var fe *acquire.ForbiddenError
	if !errors.As(err, &fe) || fe.Addr != "127.0.0.2" {
		t.Errorf("redirect to 127.0.0.2: err = %v, want a *ForbiddenError for 127.0.0.2", err)
	}
}

func TestFetchRetry(t *testing.T) {
	srv := newServer(t)
	opts := testOptions()
	opts.Retries = 2
	opts.Backoff = 10 * time.Millisecond
	f := acquire.NewFetcher(opts)
	resp, err := f.Fetch(context.Background(), srv.URL+"/flaky")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(resp.Body, []byte("Second time lucky")) {
		t.Errorf("body = %.80q", resp.Body)
	}
}

func TestFetchPoliteness(t *testing.T) {
	srv := newServer(t)
	opts := testOptions()
	opts.HostDelay = 100 * time.Millisecond
	opts.IgnoreRobots = true
	f := acquire.NewFetcher(opts)
	start := time.Now()
	for range 3 {
		if _, err := f.Fetch(context.Background(), srv.URL+"/page"); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("3 requests to one host took %v, want >= 200ms with a 100ms delay", d)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	f.Fetch(context.Background(), srv.URL+"/page")
	if _, err := f.Fetch(ctx, srv.URL+"/page"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting for the host: err = %v, want deadline exceeded", err)
	}
}

func TestInputsSafety(t *testing.T) {
	bigFeed() // build the 100k-item feed before the clock runs
	srv := newServer(t)
	// One ingest, as the CLI would run it, over every hostile input; a
	// short timeout for the slow drip is a separate Fetcher so the race
	// detector's slowness cannot turn other cases into timeouts.
	opts := testOptions()
	opts.Timeout = 10 * time.Second
	in := &acquire.Inputs{Fetcher: acquire.NewFetcher(opts), MaxFeedItems: 5}
	slow := &acquire.Inputs{Fetcher: acquire.NewFetcher(testOptions())}
	paths := []string{"/redirect/0", "/bomb", "/binary", "/pdf", "/latin1", "/invalid-utf8", "/malformed.xml", "/feed100k.xml", "/page"}
	var args []string
	for _, p := range paths {
		args = append(args, srv.URL+p)
	}
	args = append(args, "http://169.254.169.254/latest/meta-data/")
	ssrf := acquire.NewFetcher(acquire.Options{Timeout: time.Second, Retries: -1, HostDelay: -1})
	start := time.Now()
	var items []acquire.Item
	for it := range slow.Items(context.Background(), []string{srv.URL + "/slow"}, nil) {
		items = append(items, it)
	}
	for it := range in.Items(context.Background(), args[:len(args)-1], nil) {
		items = append(items, it)
	}
	for it := range (&acquire.Inputs{Fetcher: ssrf}).Items(context.Background(), args[len(args)-1:], nil) {
		items = append(items, it)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %v", d)
	}
	bySource := map[string][]acquire.Item{}
	for _, it := range items {
		key := strings.TrimPrefix(strings.Fields(it.Source)[0], srv.URL)
		bySource[key] = append(bySource[key], it)
		if it.Err == nil && it.Article == nil {
			t.Errorf("%s: neither article nor error", it.Source)
		}
	}
	wantErr := map[string]string{
		"/slow":          "timed out",
		"/redirect/0":    "too many redirects",
		"/bomb":          "larger than",
		"/binary":        "binary",
		"/pdf":           "not a web page",
		"/malformed.xml": "parse feed",
		"http://169.254.169.254/latest/meta-data/": "cloud metadata address",
	}
	for src, want := range wantErr {
		its := bySource[src]
		if len(its) != 1 || its[0].Err == nil || !strings.Contains(its[0].Err.Error(), want) {
			t.Errorf("%s: items %+v, want one error containing %q", src, its, want)
		}
	}
	for _, src := range []string{"/latin1", "/invalid-utf8", "/page"} {
		its := bySource[src]
		if len(its) != 1 || its[0].Err != nil {
			t.Errorf("%s: items %+v, want one article", src, its)
			continue
		}
		if src == "/latin1" && !strings.Contains(its[0].Article.Text, "café “République”") {
			t.Errorf("latin1 text not converted: %.200q", its[0].Article.Text)
		}
	}
	bigItems := bySource["/feed100k.xml"]
	if len(bigItems) != 6 || bigItems[5].Err == nil || !strings.Contains(bigItems[5].Err.Error(), "99995 items beyond the limit") {
		t.Errorf("feed100k: %d items, last %+v; want 5 articles and a note on the 99995 skipped", len(bigItems), bigItems[len(bigItems)-1])
	}
	for _, it := range bigItems[:min(5, len(bigItems))] {
		if it.Err != nil {
			t.Errorf("feed item %s: %v", it.Source, it.Err)
		}
	}
	if code := dyad.ErrorCode(bySource["/pdf"][0].Err); code != dyad.EINVALID {
		t.Errorf("pdf error code %q, want %q", code, dyad.EINVALID)
	}
}

func TestFeedReader(t *testing.T) {
	srv := newServer(t)
	f := acquire.NewFetcher(testOptions())
	state := &acquire.MemFeedState{}
	fr := acquire.NewFeedReader(f, state, 0)
	ctx := context.Background()
	up, err := fr.Poll(ctx, srv.URL+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(up.New) != 2 || up.New[0].Key != "one" || up.New[0].Published.IsZero() {
		t.Fatalf("first poll: %+v", up.New)
	}
	if err := fr.Commit(ctx, up); err != nil {
		t.Fatal(err)
	}
	up, err = fr.Poll(ctx, srv.URL+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if !up.NotModified || len(up.New) != 0 {
		t.Errorf("second poll: NotModified=%v, %d new; want a 304 and nothing new", up.NotModified, len(up.New))
	}
	if st, _ := state.FeedStatus(ctx, srv.URL+"/feed.xml"); st.ETag != `"v1"` || st.LastPolled.IsZero() || st.Failures != 0 {
		t.Errorf("saved status %+v, want the ETag, a poll time and no failures", st)
	}
	// Without the ETag the feed is fetched again, but seen items stay seen.
	state.SaveFeedStatus(ctx, dyad.FeedStatus{URL: srv.URL + "/feed.xml"})
	up, err = fr.Poll(ctx, srv.URL+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if up.NotModified || len(up.New) != 0 {
		t.Errorf("third poll: NotModified=%v, %d new; want a fetch and nothing new", up.NotModified, len(up.New))
	}
	// A failing feed backs off without touching the others.
	if _, err := fr.Poll(ctx, srv.URL+"/malformed.xml"); err == nil {
		t.Fatal("malformed feed: no error")
	}
	if _, err := fr.Poll(ctx, srv.URL+"/malformed.xml"); !errors.Is(err, acquire.ErrBackingOff) {
		t.Errorf("second poll of a failing feed: %v, want ErrBackingOff", err)
	}
	st, _ := state.FeedStatus(ctx, srv.URL+"/malformed.xml")
	if st.Failures != 1 || !strings.Contains(st.LastError, "parse feed") || st.BackoffUntil.Sub(st.LastPolled) != acquire.MinFeedBackoff {
		t.Errorf("failing feed status %+v, want 1 failure, its error and a back-off of %v", st, acquire.MinFeedBackoff)
	}
	// A reader started later (a restart) sees the back-off in the state.
	later := acquire.NewFeedReader(f, state, 0)
	if _, err := later.Poll(ctx, srv.URL+"/malformed.xml"); !errors.Is(err, acquire.ErrBackingOff) {
		t.Errorf("failing feed after a restart: %v, want ErrBackingOff", err)
	}
	later.Now = func() time.Time { return st.BackoffUntil.Add(time.Second) }
	if _, err := later.Poll(ctx, srv.URL+"/malformed.xml"); err == nil || errors.Is(err, acquire.ErrBackingOff) {
		t.Errorf("failing feed after its back-off: %v, want it fetched and failing again", err)
	}
	if st, _ = state.FeedStatus(ctx, srv.URL+"/malformed.xml"); st.Failures != 2 || st.BackoffUntil.Sub(st.LastPolled) != 2*acquire.MinFeedBackoff {
		t.Errorf("second failure: status %+v, want 2 failures and a doubled back-off", st)
	}
	if _, err := fr.Poll(ctx, srv.URL+"/feed.xml"); err != nil {
		t.Errorf("healthy feed after another failed: %v", err)
	}
}

func TestInputsFeedItem(t *testing.T) {
	srv := newServer(t)
	f := acquire.NewFetcher(testOptions())
	fr := acquire.NewFeedReader(f, &acquire.MemFeedState{}, 0)
	in := &acquire.Inputs{Fetcher: f}
	up, err := fr.Poll(context.Background(), srv.URL+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	one := in.FeedItem(context.Background(), up.FeedURL, up.New[0])
	if one.Err != nil || one.Article.Title != "A good page" || one.FeedKey != "one" || one.Article.Published.IsZero() {
		t.Errorf("item one = %+v", one)
	}
	two := in.FeedItem(context.Background(), up.FeedURL, up.New[1])
	if two.Err == nil || !strings.Contains(two.Err.Error(), "404") {
		t.Errorf("item two: err %v, want the 404", two.Err)
	}
}

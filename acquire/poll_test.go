package acquire_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
)

// feedServer serves /news.xml, whose items the test sets, with an ETag
// that changes with them, pages for its items, and /down.xml, which
// always fails.
type feedServer struct {
	*httptest.Server
	mu      sync.Mutex
	items   []string
	fetches int
}

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{}
	mux := http.NewServeMux()
	mux.HandleFunc("/news.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		defer fs.mu.Unlock()
		fs.fetches++
		etag := fmt.Sprintf(`"%d"`, len(fs.items))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>`)
		for _, it := range fs.items {
			fmt.Fprintf(w, `<item><title>%[1]s</title><link>http://%[2]s/story/%[1]s</link><guid>%[1]s</guid></item>`, it, r.Host)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articleHTML("Story "+strings.TrimPrefix(r.URL.Path, "/story/")))
	})
	mux.HandleFunc("/down.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusInternalServerError)
	})
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) set(items ...string) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.items = items
}

func (fs *feedServer) fetched() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.fetches
}

// pollOnce runs a Poller over the feeds once and returns the titles of
// the items handled and the outcome of each poll.
func pollOnce(t *testing.T, state acquire.FeedState, feeds ...string) ([]string, map[string]acquire.PollResult) {
	t.Helper()
	f := acquire.NewFetcher(testOptions())
	var got []string
	polls := map[string]acquire.PollResult{}
	p := &acquire.Poller{
		Reader: acquire.NewFeedReader(f, state, 0),
		Inputs: &acquire.Inputs{Fetcher: f},
		Handle: func(_ context.Context, it acquire.Item) error {
			if it.Err != nil {
				t.Errorf("item %s: %v", it.Source, it.Err)
				return nil
			}
			got = append(got, it.Article.Title)
			return nil
		},
		OnPoll: func(r acquire.PollResult) { polls[r.FeedURL] = r },
	}
	if err := p.Run(context.Background(), feeds); err != nil {
		t.Fatal(err)
	}
	return got, polls
}

func TestPoller(t *testing.T) {
	srv := newFeedServer(t)
	news, down := srv.URL+"/news.xml", srv.URL+"/down.xml"
	state := &acquire.MemFeedState{}

	srv.set("a", "b")
	got, polls := pollOnce(t, state, down, news)
	if !slices.Equal(got, []string{"Story a", "Story b"}) {
		t.Errorf("first poll: items %q, want Story a and b", got)
	}
	if r := polls[down]; r.Err == nil || r.Status.Failures != 1 || r.Status.LastError == "" {
		t.Errorf("failing feed: %+v, want its error and one failure recorded", r)
	}
	if r := polls[news]; r.Err != nil || r.New != 2 || r.Status.ETag != `"2"` {
		t.Errorf("news feed: %+v, want 2 new items and the ETag", r)
	}

	// A new run (a restart) sends the ETag, gets a 304, and skips the
	// feed that is backing off.
	got, polls = pollOnce(t, state, down, news)
	if len(got) != 0 || !polls[news].NotModified {
		t.Errorf("unchanged feed: items %q, poll %+v; want none and a 304", got, polls[news])
	}
	if !errors.Is(polls[down].Err, acquire.ErrBackingOff) {
		t.Errorf("failing feed polled again at once: %v, want ErrBackingOff", polls[down].Err)
	}

	// Only the new item of a changed feed is handled.
	srv.set("c", "a", "b")
	if got, _ = pollOnce(t, state, news); !slices.Equal(got, []string{"Story c"}) {
		t.Errorf("changed feed: items %q, want Story c only", got)
	}
}

func TestPollerStop(t *testing.T) {
	srv := newFeedServer(t)
	news := srv.URL + "/news.xml"
	state := &acquire.MemFeedState{}
	f := acquire.NewFetcher(testOptions())
	srv.set("a", "b", "c")
	ctx, cancel := context.WithCancel(context.Background())
	var got []string
	p := &acquire.Poller{
		Reader: acquire.NewFeedReader(f, state, 0),
		Inputs: &acquire.Inputs{Fetcher: f},
		Every:  time.Hour,
		Handle: func(ctx context.Context, it acquire.Item) error {
			// A signal arrives while the first item is handled: it is
			// finished (its context still works), the others wait.
			cancel()
			if ctx.Err() != nil {
				t.Errorf("item context done during the grace: %v", ctx.Err())
			}
			got = append(got, it.FeedKey)
			return nil
		},
	}
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, []string{news}) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after a stop: %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop")
	}
	if !slices.Equal(got, []string{"a"}) {
		t.Errorf("handled %q, want only the item in progress", got)
	}
	bg := context.Background()
	unseen, _ := state.UnseenFeedItems(bg, news, []string{"a", "b", "c"})
	if !slices.Equal(unseen, []string{"b", "c"}) {
		t.Errorf("unseen after the stop: %q, want b and c", unseen)
	}
	if st, _ := state.FeedStatus(bg, news); st.ETag != "" {
		t.Errorf("ETag %q saved before all items were handled: the rest would be lost", st.ETag)
	}
	// The next run takes the rest.
	if got, _ := pollOnce(t, state, news); !slices.Equal(got, []string{"Story b", "Story c"}) {
		t.Errorf("next run: items %q, want Story b and c", got)
	}
}

func TestPollerEvery(t *testing.T) {
	srv := newFeedServer(t)
	news := srv.URL + "/news.xml"
	srv.set("a")
	f := acquire.NewFetcher(testOptions())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var mu sync.Mutex
	var got []string
	p := &acquire.Poller{
		Reader: acquire.NewFeedReader(f, &acquire.MemFeedState{}, 0),
		Inputs: &acquire.Inputs{Fetcher: f},
		Every:  50 * time.Millisecond,
		Handle: func(_ context.Context, it acquire.Item) error {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, it.FeedKey)
			if it.FeedKey == "b" {
				cancel()
			}
			return nil
		},
		OnPoll: func(r acquire.PollResult) {
			if r.NotModified {
				srv.set("b", "a") // the feed changes after a quiet poll
			}
		},
	}
	if err := p.Run(ctx, []string{news}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("handled %q, want a, then b from a later round", got)
	}
	if n := srv.fetched(); n < 3 {
		t.Errorf("feed fetched %d times, want at least 3 rounds", n)
	}
}

func TestPollerHandleError(t *testing.T) {
	srv := newFeedServer(t)
	srv.set("a")
	f := acquire.NewFetcher(testOptions())
	boom := errors.New("store is down")
	p := &acquire.Poller{
		Reader: acquire.NewFeedReader(f, &acquire.MemFeedState{}, 0),
		Inputs: &acquire.Inputs{Fetcher: f},
		Handle: func(context.Context, acquire.Item) error { return boom },
	}
	if err := p.Run(context.Background(), []string{srv.URL + "/news.xml"}); !errors.Is(err, boom) {
		t.Errorf("Run: %v, want the Handle error", err)
	}
}

func TestFeedBackoff(t *testing.T) {
	for _, tt := range []struct {
		failures int
		want     time.Duration
	}{{0, 0}, {1, time.Minute}, {2, 2 * time.Minute}, {5, 16 * time.Minute}, {9, 256 * time.Minute}, {10, 6 * time.Hour}, {1000, 6 * time.Hour}} {
		if got := acquire.FeedBackoff(tt.failures); got != tt.want {
			t.Errorf("FeedBackoff(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
}

func TestReadFeedList(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		got, err := acquire.ReadFeedList(strings.NewReader("# news\nhttps://a.example/rss\n\n  http://b.example/atom.xml \nhttps://a.example/rss\n"))
		if want := []string{"https://a.example/rss", "http://b.example/atom.xml"}; err != nil || !slices.Equal(got, want) {
			t.Errorf("got %q, %v; want %q", got, err, want)
		}
	})
	t.Run("ErrNotURL", func(t *testing.T) {
		_, err := acquire.ReadFeedList(strings.NewReader("https://a.example/rss\nfeeds.txt\n"))
		if dyad.ErrorCode(err) != dyad.EINVALID || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("got %v, want EINVALID naming line 2", err)
		}
	})
}

func TestPollerManyFeeds(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/f/{n}", func(w http.ResponseWriter, r *http.Request) {
		n := r.PathValue("n")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>`)
		for i := range 3 {
			fmt.Fprintf(w, `<item><title>%[1]s-%[2]d</title><link>http://%[3]s/story/%[1]s-%[2]d</link><guid>%[1]s-%[2]d</guid></item>`, n, i, r.Host)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articleHTML(strings.TrimPrefix(r.URL.Path, "/story/")))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	var feeds []string
	for n := range 7 {
		feeds = append(feeds, fmt.Sprintf("%s/f/%d", srv.URL, n))
	}
	f := acquire.NewFetcher(testOptions())
	state := &acquire.MemFeedState{}
	byFeed := map[string][]string{}
	p := &acquire.Poller{
		Reader:  acquire.NewFeedReader(f, state, 0),
		Inputs:  &acquire.Inputs{Fetcher: f},
		Workers: 3,
		Handle: func(_ context.Context, it acquire.Item) error {
			if it.Err != nil {
				t.Errorf("item %s: %v", it.Source, it.Err)
				return nil
			}
			byFeed[it.FeedURL] = append(byFeed[it.FeedURL], it.FeedKey)
			return nil
		},
	}
	if err := p.Run(context.Background(), feeds); err != nil {
		t.Fatal(err)
	}
	for n, u := range feeds {
		want := []string{fmt.Sprintf("%d-0", n), fmt.Sprintf("%d-1", n), fmt.Sprintf("%d-2", n)}
		if !slices.Equal(byFeed[u], want) {
			t.Errorf("feed %d: handled %q, want %q once each, in order", n, byFeed[u], want)
		}
		if st, _ := state.FeedStatus(context.Background(), u); st.LastPolled.IsZero() {
			t.Errorf("feed %d: status not committed", n)
		}
	}
}

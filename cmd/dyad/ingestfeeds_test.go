package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/pipeline"
)

// stories are three different news stories, each with events to code.
var stories = []string{
	`Pakistan accused Afghanistan of sheltering militants who attacked a border post in Khyber on Monday, killing four soldiers. The foreign ministry in Islamabad summoned the Afghan envoy and demanded action against the fighters. Officials in Kabul rejected the charge and said Afghan soil was not used against any country. Trade through the Torkham crossing was halted for the day while troops searched nearby villages.`,
	`Turkey hosted talks between the two sides in Istanbul, where delegations met for a second day to discuss a ceasefire along the frontier. Mediators from Qatar also joined the meeting and praised both governments for their restraint. Diplomats said a written agreement could be signed within weeks if the fighting stays calm, though several thorny issues about refugees and border fences remain open.`,
	`India expelled a Pakistani diplomat on Wednesday after officials in New Delhi said he had been spying on military sites. Pakistan condemned the decision as baseless and ordered an Indian official to leave Islamabad within two days. Relations between the nuclear-armed neighbours have been strained for months, and analysts warned that the tit-for-tat expulsions could derail planned talks on water sharing.`,
}

// newsServer serves an RSS feed of the first n stories (the test sets n),
// their pages, and a feed that always fails.
type newsServer struct {
	*httptest.Server
	mu sync.Mutex
	n  int
}

func newNewsServer(t *testing.T) *newsServer {
	s := &newsServer{}
	mux := http.NewServeMux()
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		n := s.n
		s.mu.Unlock()
		etag := fmt.Sprintf(`"v%d"`, n)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>`)
		for i := range n {
			fmt.Fprintf(w, `<item><title>Story %[1]d</title><link>http://%[2]s/story/%[1]d</link><guid>story-%[1]d</guid><pubDate>Tue, 21 Oct 2025 0%[1]d:00:00 GMT</pubDate></item>`, i, r.Host)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/", func(w http.ResponseWriter, r *http.Request) {
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/story/%d", &i); err != nil || i >= len(stories) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html lang="en"><head><title>Story %d</title></head><body><nav><a href="/">Home</a></nav><article><h1>Story %d</h1>`, i, i)
		for _, sent := range strings.SplitAfter(stories[i], ". ") {
			fmt.Fprintf(w, "<p>%s</p>", html.EscapeString(sent))
		}
		fmt.Fprint(w, `</article></body></html>`)
	})
	mux.HandleFunc("/down.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func (s *newsServer) publish(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n = n
}

// ingestJSON runs "dyad ingest" with args and returns its summary and
// stderr.
func ingestJSON(t *testing.T, args ...string) (ingestSummary, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args = append([]string{"ingest", "--json", "--quiet", "--host-delay", "0"}, args...)
	if err := run(context.Background(), args, nil, &stdout, &stderr); err != nil {
		t.Fatalf("dyad %s: %v (stderr %q)", strings.Join(args, " "), err, stderr.String())
	}
	var sum ingestSummary
	if err := json.Unmarshal(stdout.Bytes(), &sum); err != nil {
		t.Fatalf("summary %q: %v", stdout.String(), err)
	}
	return sum, stderr.String()
}

// storeDSNs returns the stores the ingest tests run against: a SQLite
// file, and PostgreSQL when DYAD_TEST_POSTGRES is set.
func storeDSNs(t *testing.T) map[string]func(t *testing.T) string {
	return map[string]func(t *testing.T) string{
		"SQLite":     func(t *testing.T) string { return filepath.Join(t.TempDir(), "dyad.db") },
		"PostgreSQL": func(t *testing.T) string { return storetest.PostgresDSN(t) },
	}
}

func TestIngestFeeds(t *testing.T) {
	for name, dsn := range storeDSNs(t) {
		t.Run(name, func(t *testing.T) {
			db := dsn(t)
			srv := newNewsServer(t)
			list := filepath.Join(t.TempDir(), "feeds.txt")
			content := fmt.Sprintf("# test feeds\n%s/rss.xml\n\n%s/down.xml\n", srv.URL, srv.URL)
			if err := os.WriteFile(list, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			feeds := []string{"--db", db, "--allow-private", "--feeds", list}

			srv.publish(2)
			sum, stderr := ingestJSON(t, feeds...)
			if sum.Items != 2 || sum.Articles != 2 || sum.Events == 0 || sum.Errors != 0 {
				t.Errorf("first poll: %+v, want 2 articles coded", sum)
			}
			if f := sum.Feeds; f == nil || f.Feeds != 2 || f.Polls != 2 || f.Failed != 1 {
				t.Errorf("first poll feeds: %+v, want 2 feeds polled, 1 failed", f)
			}
			if !strings.Contains(stderr, "down.xml") || !strings.Contains(stderr, "503") {
				t.Errorf("stderr %q does not report the failing feed", stderr)
			}

			// A restart: the unchanged feed answers 304, the failing one
			// is backing off, nothing is ingested twice.
			sum, stderr = ingestJSON(t, feeds...)
			if sum.Items != 0 || sum.Feeds.NotModified != 1 || sum.Feeds.BackingOff != 1 {
				t.Errorf("second poll: %+v, feeds %+v; want nothing new, a 304 and a feed backing off", sum, sum.Feeds)
			}
			if !strings.Contains(stderr, "skipped after 1 failure in a row") {
				t.Errorf("stderr %q does not say the feed is backing off", stderr)
			}

			// The feed changes: only its new item is ingested.
			srv.publish(3)
			sum, _ = ingestJSON(t, feeds...)
			if sum.Items != 1 || sum.Articles != 1 {
				t.Errorf("third poll: %+v, want the one new story", sum)
			}
		})
	}
}

func TestIngestCopies(t *testing.T) {
	// A story of 200 words: copies of shorter texts are harder to tell
	// from other texts by SimHash (see docs/INGEST.md).
	story := stories[0] + `
The attack was the deadliest on the frontier this year. Residents of the area said gunfire could be heard for several hours before the army sealed off the roads leading to the post. A military spokesman said reinforcements had been sent and that the attackers had fled towards the mountains on the other side of the border.
The two countries share a porous frontier of more than 2,600 kilometres that has long been a source of friction. Islamabad says fighters use Afghan territory to plan attacks inside Pakistan, a charge the authorities in Kabul deny. Earlier this month the neighbours agreed to reopen crossings for trade after a week of closures that left hundreds of lorries stranded on both sides.`
	record := func(url, published, text string) string {
		b, err := json.Marshal(map[string]string{"url": url, "title": "Frontier attack", "published": published, "text": text})
		if err != nil {
			t.Fatal(err)
		}
		return string(b) + "\n"
	}
	for name, dsn := range storeDSNs(t) {
		t.Run(name, func(t *testing.T) {
			db := dsn(t)
			dir := t.TempDir()
			first := filepath.Join(dir, "first.jsonl")
			if err := os.WriteFile(first, []byte(record("https://a.example/story", "2025-10-20", story)+record("https://a.example/other", "2025-10-20", stories[2])), 0o644); err != nil {
				t.Fatal(err)
			}
			later := filepath.Join(dir, "later.jsonl")
			edited := strings.Replace(story, "for the day", "for the rest of the day", 1) + "\nReporting by Jane Doe; editing by John Roe."
			if err := os.WriteFile(later, []byte(
				record("https://a.example/story?utm_source=rss", "2025-10-20", "Another text at the same URL.")+ // same URL
					record("https://a.example/print/story", "2025-10-20", strings.ToUpper(story))+ // same words, same outlet
					record("https://b.example/world/pakistan", "2025-10-20", story)+ // syndicated
					record("https://c.example/x", "2025-10-21", edited)), // edited a day later
				0o644); err != nil {
				t.Fatal(err)
			}

			orig, _ := ingestJSON(t, "--db", db, first)
			if orig.Articles != 2 || orig.Duplicates != 0 || orig.NearDuplicates != 0 || orig.Events == 0 {
				t.Fatalf("originals: %+v, want 2 different articles coded", orig)
			}
			// A second run: the copies are found from the store.
			sum, _ := ingestJSON(t, "--db", db, later)
			if sum.Items != 4 || sum.Duplicates != 2 || sum.NearDuplicates != 2 || sum.Articles != 2 {
				t.Errorf("copies: %+v, want 2 duplicates and 2 near-duplicates stored", sum)
			}
			if sum.NewEvents != 0 || sum.Events == 0 {
				t.Errorf("copies: %d events, %d new; want their events to be mentions of the original's", sum.Events, sum.NewEvents)
			}

			st, err := openStore(context.Background(), db, true)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			ctx := context.Background()
			origID := pipeline.ArticleID(&dyad.Article{URL: "https://a.example/story"})
			for _, c := range []struct{ url, outlet string }{{"https://b.example/world/pakistan", "b.example"}, {"https://c.example/x", "c.example"}} {
				a, err := st.Article(ctx, pipeline.ArticleID(&dyad.Article{URL: c.url}))
				if err != nil {
					t.Fatal(err)
				}
				if a.DuplicateOf != origID || a.Outlet != c.outlet {
					t.Errorf("copy %s: duplicate_of %q, outlet %q; want %q, %q", c.url, a.DuplicateOf, a.Outlet, origID, c.outlet)
				}
			}
			if _, err := st.Article(ctx, pipeline.ArticleID(&dyad.Article{URL: "https://a.example/print/story"})); dyad.ErrorCode(err) != dyad.ENOTFOUND {
				t.Errorf("exact copy stored: %v", err)
			}
			// Each event of the story now has three outlets.
			n := 0
			err = st.EachEvent(ctx, dyad.EventFilter{Source: "PAK"}, func(e *dyad.StoredEvent) error {
				if e.SourceURL == "https://a.example/story" {
					n++
					if e.NumSources != 3 || e.NumArticles != 3 {
						t.Errorf("event %s %s: %d sources, %d articles; want 3 and 3", e.Code, e.Sentence.Text, e.NumSources, e.NumArticles)
					}
				}
				return nil
			})
			if err != nil || n == 0 {
				t.Errorf("events of the original: %d, %v; want some", n, err)
			}
		})
	}
}

func TestIngestFeedsInterrupt(t *testing.T) {
	srv := newNewsServer(t)
	srv.publish(3)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// The signal arrives when the second story is fetched, once the first
	// was handed on to be coded and stored: the first is finished, the
	// fetch abandoned.
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/story/1" {
			cancel()
		}
		srv.Config.Handler.ServeHTTP(w, r)
	}))
	defer proxy.Close()
	list := filepath.Join(t.TempDir(), "feeds.txt")
	if err := os.WriteFile(list, []byte(proxy.URL+"/rss.xml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "dyad.db")
	var stdout, stderr bytes.Buffer
	err := run(ctx, []string{"ingest", "--json", "--quiet", "--host-delay", "0", "--db", db, "--allow-private", "--feeds", list, "--every", "1h"}, nil, &stdout, &stderr)
	if err != nil {
		t.Fatalf("interrupted ingest: %v, want a clean exit (stderr %q)", err, stderr.String())
	}
	var sum ingestSummary
	if err := json.Unmarshal(stdout.Bytes(), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Items != 1 || sum.Articles != 1 {
		t.Errorf("interrupted: %+v, want the story in progress stored", sum)
	}
	// The next run takes the other two.
	sum, _ = ingestJSON(t, "--db", db, "--allow-private", "--feeds", list)
	if sum.Items != 2 || sum.Articles != 2 || sum.Duplicates != 0 {
		t.Errorf("after the restart: %+v, want the 2 stories left", sum)
	}
}

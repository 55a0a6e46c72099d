package http_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	dyadhttp "github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/sqlite"
)

func TestResponseCache(t *testing.T) {
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "dyad.db"))
	ctx := context.Background()
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	storetest.Corpus(t, db)
	s := dyadhttp.NewServer(db)
	s.CacheTTL = time.Hour
	s.WriteToken = "w"
	// A write endpoint that saves an article, as the ingest endpoints do.
	s.HandleWrite("POST /test/save", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a := storetest.Article("cache2", "cache.example")
		if _, err := db.SaveArticle(r.Context(), a, nil, []dyad.Event{storetest.Event("ec2", "2025-01-02", "PAKGOV", "AFG", "190", 4, -10, "PK", 30, 70, "Later clash.")}); err != nil {
			s.Error(w, r, err)
		}
	}))
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)

	status, h, first := get(t, ts, "/api/v1/events?actor=PAK", "")
	etag := h.Get("ETag")
	if status != 200 || etag == "" || h.Get("Cache-Control") != "max-age=3600" {
		t.Fatalf("first: status %d, ETag %q, Cache-Control %q", status, etag, h.Get("Cache-Control"))
	}
	// A save by another process shows after the TTL, not before.
	a := storetest.Article("cache1", "cache.example")
	if _, err := db.SaveArticle(ctx, a, nil, []dyad.Event{storetest.Event("ec1", "2025-01-01", "PAKGOV", "AFG", "190", 4, -10, "PK", 30, 70, "A clash.")}); err != nil {
		t.Fatal(err)
	}
	if _, _, again := get(t, ts, "/api/v1/events?actor=PAK", ""); !bytes.Equal(again, first) {
		t.Errorf("within the TTL, the response changed")
	}
	req, _ := http.NewRequest("GET", ts.URL+"/api/v1/events?actor=PAK", nil)
	req.Header.Set("If-None-Match", etag)
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match with the ETag: status %d, want 304", resp.StatusCode)
	}
	// Errors are not kept.
	if status, _, _ := get(t, ts, "/api/v1/events?actor=pak", ""); status != 400 {
		t.Errorf("bad actor: status %d, want 400", status)
	}
	// A write through the API clears the cache.
	req, _ = http.NewRequest("POST", ts.URL+"/test/save", nil)
	req.Header.Set("Authorization", "Bearer w")
	if resp, err = ts.Client().Do(req); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	_, _, after := get(t, ts, "/api/v1/events?actor=PAK", "")
	for _, id := range []string{`"id":"ec1"`, `"id":"ec2"`} {
		if !bytes.Contains(after, []byte(id)) {
			t.Errorf("after a write through the API, the page lacks %s", id)
		}
	}
	// Concurrent requests for one response share it.
	var wg sync.WaitGroup
	bodies := make([][]byte, 16)
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := ts.Client().Get(ts.URL + "/api/v1/events?dyad=PAK,AFG")
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			bodies[i], _ = io.ReadAll(resp.Body)
		}()
	}
	wg.Wait()
	for i := range bodies {
		if len(bodies[i]) == 0 || !bytes.Equal(bodies[i], bodies[0]) {
			t.Fatalf("concurrent response %d differs: %q, %q", i, bodies[i], bodies[0])
		}
	}
}

func TestResponseCacheStale(t *testing.T) {
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "dyad.db"))
	ctx := context.Background()
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	storetest.Corpus(t, db)
	s := dyadhttp.NewServer(db)
	s.CacheTTL = 100 * time.Millisecond
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)

	_, _, first := get(t, ts, "/api/v1/events?actor=PAK", "")
	a := storetest.Article("stale1", "cache.example")
	if _, err := db.SaveArticle(ctx, a, nil, []dyad.Event{storetest.Event("es1", "2025-01-01", "PAKGOV", "AFG", "190", 4, -10, "PK", 30, 70, "A clash.")}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond)
	// Past the TTL: the old response, while a fresh one is computed.
	if _, _, stale := get(t, ts, "/api/v1/events?actor=PAK", ""); !bytes.Equal(stale, first) {
		t.Errorf("past the TTL, the first request did not get the stale response")
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, _, fresh := get(t, ts, "/api/v1/events?actor=PAK", "")
		if bytes.Contains(fresh, []byte(`"id":"es1"`)) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the refreshed response never came")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

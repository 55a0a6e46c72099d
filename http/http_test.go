package http_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	dyadhttp "github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/sqlite"
	"github.com/parquet-go/parquet-go"
)

// newServer serves the storetest corpus from a fresh SQLite store.
func newServer(t *testing.T) (*dyadhttp.Server, *httptest.Server) {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "dyad.db"))
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	storetest.Corpus(t, db)
	s := dyadhttp.NewServer(db)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

func get(t *testing.T, ts *httptest.Server, path, token string) (int, http.Header, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", ts.URL+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

func TestEndpoints(t *testing.T) {
	_, ts := newServer(t)
	tests := []struct {
		name   string
		path   string
		status int
		in     string // a substring of the body
	}{
		{"OKEvents", "/api/v1/events?dyad=PAK,AFG&limit=2", 200, `"next":"ey`},
		{"OKEventsFilters", "/api/v1/events?actor=PAK&quad=4&from=2024-02-01&q=soldiers&bbox=60,30,75,35&sort=-goldstein", 200, `"id":"e3"`},
		{"OKEvent", "/api/v1/events/e1", 200, `"mentions":[{"article_id":"a1"`},
		{"OKSeries", "/api/v1/series?dyad=PAK,AFG&by=month&measure=goldstein", 200, `{"period":"2024-02-01","count":1,"quad":[0,0,0,1],"goldstein":-10}`},
		{"OKTopActors", "/api/v1/top/actors?limit=1", 200, `{"counts":[{"key":"IND","count":2}]}`},
		{"OKTopCodes", "/api/v1/top/codes?prefix=19", 200, `{"key":"190","count":1}`},
		{"OKCountries", "/api/v1/countries", 200, `{"key":"AFG","count":2}`},
		{"OKOpenAPI", "/api/v1/openapi.json", 200, `"openapi": "3.0.3"`},
		{"ErrNotFound", "/api/v1/events/nope", 404, `{"error":{"code":"notfound","message":"no event \"nope\""}}`},
		{"ErrNoRoute", "/api/v2/x", 404, `"code":"notfound"`},
		{"ErrBadDate", "/api/v1/events?from=May", 400, `bad from date`},
		{"ErrUnknownParam", "/api/v1/events?contry=AFG", 400, `unknown parameter \"contry\"`},
		{"ErrBadDyad", "/api/v1/events?dyad=PAK", 400, `bad dyad`},
		{"ErrBadLimit", "/api/v1/events?limit=5000", 400, `bad limit`},
		{"ErrBadQuad", "/api/v1/events?quad=x", 400, `want an integer`},
		{"ErrBadBBox", "/api/v1/events?bbox=1,2,3", 400, `bad bbox`},
		{"ErrInjection", "/api/v1/events?actor=PAK%27%20OR%201=1", 400, `bad actor`},
		{"ErrSeriesMeasure", "/api/v1/series?actor=PAK&measure=tone", 400, `bad measure`},
		{"ErrExportFormat", "/api/v1/export?format=xml", 400, `unknown export format`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, h, body := get(t, ts, tt.path, "")
			if status != tt.status {
				t.Errorf("status %d, want %d (%s)", status, tt.status, body)
			}
			if !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
				t.Errorf("content type %q", h.Get("Content-Type"))
			}
			if !bytes.Contains(body, []byte(tt.in)) {
				t.Errorf("body %s does not contain %s", body, tt.in)
			}
		})
	}
}

func TestEventsPaging(t *testing.T) {
	_, ts := newServer(t)
	var seen []string
	path := "/api/v1/events?limit=4"
	for range 5 {
		status, _, body := get(t, ts, path, "")
		if status != 200 {
			t.Fatalf("status %d: %s", status, body)
		}
		var page dyad.EventPage
		if err := json.Unmarshal(body, &page); err != nil {
			t.Fatal(err)
		}
		for _, e := range page.Events {
			seen = append(seen, e.ID)
		}
		if page.Next == "" {
			break
		}
		path = "/api/v1/events?limit=4&cursor=" + page.Next
	}
	if strings.Join(seen, ",") != "e6,e5,e4,e3,e2,e1" {
		t.Errorf("paged %v", seen)
	}
}

func TestExport(t *testing.T) {
	_, ts := newServer(t)
	t.Run("OKGDELT", func(t *testing.T) {
		status, h, body := get(t, ts, "/api/v1/export?format=gdelt&actor=AFG", "")
		if status != 200 || h.Get("Content-Type") != "text/tab-separated-values; charset=utf-8" {
			t.Fatalf("status %d, type %q: %s", status, h.Get("Content-Type"), body)
		}
		lines := strings.Split(strings.TrimSpace(string(body)), "\n")
		if len(lines) != 3 || len(strings.Split(lines[0], "\t")) != 61 {
			t.Errorf("export %q", lines)
		}
	})
	t.Run("OKParquet", func(t *testing.T) {
		status, _, body := get(t, ts, "/api/v1/export?format=parquet", "")
		if status != 200 {
			t.Fatalf("status %d: %s", status, body)
		}
		f, err := parquet.OpenFile(bytes.NewReader(body), int64(len(body)))
		if err != nil {
			t.Fatal(err)
		}
		if f.NumRows() != 6 {
			t.Errorf("%d rows, want 6", f.NumRows())
		}
	})
	t.Run("ErrLimit", func(t *testing.T) {
		status, _, _ := get(t, ts, "/api/v1/export?limit=10", "")
		if status != 400 {
			t.Errorf("status %d", status)
		}
	})
}

func TestTokens(t *testing.T) {
	s, ts := newServer(t)
	s.ReadToken = "r3ad"
	s.WriteToken = "wr1te"
	s.HandleWrite("POST /api/v1/ingest", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) }))
	t.Run("ErrReadNoToken", func(t *testing.T) {
		if status, _, body := get(t, ts, "/api/v1/events", ""); status != 401 || !bytes.Contains(body, []byte("bearer token")) {
			t.Errorf("status %d: %s", status, body)
		}
	})
	t.Run("OKRead", func(t *testing.T) {
		if status, _, body := get(t, ts, "/api/v1/events", "r3ad"); status != 200 {
			t.Errorf("status %d: %s", status, body)
		}
	})
	post := func(token string) int {
		req, _ := http.NewRequest("POST", ts.URL+"/api/v1/ingest", nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	t.Run("ErrWriteWrongToken", func(t *testing.T) {
		if got := post("r3ad"); got != 401 {
			t.Errorf("status %d", got)
		}
	})
	t.Run("OKWrite", func(t *testing.T) {
		if got := post("wr1te"); got != 202 {
			t.Errorf("status %d", got)
		}
	})
	t.Run("ErrWritesDisabled", func(t *testing.T) {
		s.WriteToken = ""
		if got := post("wr1te"); got != 403 {
			t.Errorf("status %d", got)
		}
	})
}

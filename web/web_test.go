package web_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/web"
)

func do(t *testing.T, method, path string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	web.Handler().ServeHTTP(w, req)
	return w.Result()
}

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	r := resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// assetRE finds the hashed assets the page names.
var assetRE = regexp.MustCompile(`(?:href|src)="(assets/[^"]+)"`)

func TestHandler(t *testing.T) {
	t.Run("OKIndex", func(t *testing.T) {
		resp := do(t, "GET", "/", nil)
		if resp.StatusCode != 200 {
			t.Fatalf("status %d, want 200", resp.StatusCode)
		}
		for k, want := range map[string]string{
			"Content-Type":           "text/html; charset=utf-8",
			"Cache-Control":          "no-cache",
			"X-Content-Type-Options": "nosniff",
		} {
			if got := resp.Header.Get(k); got != want {
				t.Errorf("%s: got %q, want %q", k, got, want)
			}
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("Content-Security-Policy: got %q, want default-src 'self'", csp)
		}
		html := body(t, resp)
		if strings.Contains(html, "{{") || strings.Contains(html, "http://") || strings.Contains(html, "https://") {
			t.Errorf("page has a template hole or an outside URL:\n%s", html)
		}
		names := assetRE.FindAllStringSubmatch(html, -1)
		if len(names) < 3 {
			t.Fatalf("page names %d assets, want script, style sheet and map", len(names))
		}
		types := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json"}
		for _, m := range names {
			resp := do(t, "GET", "/"+m[1], nil)
			if resp.StatusCode != 200 {
				t.Errorf("%s: status %d, want 200", m[1], resp.StatusCode)
				continue
			}
			ext := m[1][strings.LastIndex(m[1], "."):]
			if got := resp.Header.Get("Content-Type"); got != types[ext] {
				t.Errorf("%s: Content-Type %q, want %q", m[1], got, types[ext])
			}
			if got := resp.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
				t.Errorf("%s: Cache-Control %q, want immutable", m[1], got)
			}
		}
	})
	t.Run("OKNotModified", func(t *testing.T) {
		etag := do(t, "GET", "/", nil).Header.Get("ETag")
		if etag == "" {
			t.Fatal("no ETag")
		}
		if resp := do(t, "GET", "/", map[string]string{"If-None-Match": etag}); resp.StatusCode != 304 {
			t.Errorf("status %d, want 304", resp.StatusCode)
		}
	})
	t.Run("OKGzip", func(t *testing.T) {
		plain := do(t, "GET", "/index.html", nil)
		zipped := do(t, "GET", "/index.html", map[string]string{"Accept-Encoding": "br, gzip"})
		if zipped.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("Content-Encoding %q, want gzip", zipped.Header.Get("Content-Encoding"))
		}
		if zipped.Header.Get("ETag") == plain.Header.Get("ETag") {
			t.Error("gzip and identity share an ETag")
		}
		if !strings.Contains(zipped.Header.Get("Vary"), "Accept-Encoding") {
			t.Error("no Vary: Accept-Encoding")
		}
		if a, b := body(t, plain), body(t, zipped); a != b {
			t.Error("gzip body differs from identity body")
		}
	})
	t.Run("OKHead", func(t *testing.T) {
		if resp := do(t, "HEAD", "/favicon.svg", nil); resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/svg+xml" {
			t.Errorf("status %d, Content-Type %q; want 200, image/svg+xml", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		for _, p := range []string{"/nope", "/assets/", "/dist/index.html", "/../web.go"} {
			if resp := do(t, "GET", p, nil); resp.StatusCode != 404 {
				t.Errorf("%s: status %d, want 404", p, resp.StatusCode)
			}
		}
	})
	t.Run("ErrMethod", func(t *testing.T) {
		resp := do(t, "POST", "/", nil)
		if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("status %d, Allow %q; want 405, GET, HEAD", resp.StatusCode, resp.Header.Get("Allow"))
		}
	})
}

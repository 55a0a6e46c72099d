package http_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestUI(t *testing.T) {
	s, _ := newServer(t)
	s.UI = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "dashboard at "+r.URL.Path)
	})
	ts := httptest.NewServer(s.Handler()) // started after UI is set
	t.Cleanup(ts.Close)
	for _, tt := range []struct {
		path, want string
		status     int
	}{
		{"/", "dashboard at /", 200},
		{"/events/abc", "dashboard at /events/abc", 200},
		{"/api/v1/nope", `"message"`, 404},
	} {
		resp, err := http.Get(ts.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(string(body), tt.want) {
			t.Errorf("GET %s: %d %q, want %d containing %q", tt.path, resp.StatusCode, body, tt.status, tt.want)
		}
	}
}

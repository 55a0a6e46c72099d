package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestLoopback(t *testing.T) {
	tests := []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1", true}, {"127.0.0.2", true}, {"::1", true}, {"localhost", true},
		{"10.0.0.1", false}, {"192.168.1.1", false}, {"example.org", false}, {"8.8.8.8", false},
	}
	for _, tt := range tests {
		if err := loopback(tt.host); (err == nil) != tt.ok {
			t.Errorf("loopback(%q) = %v, want ok %v", tt.host, err, tt.ok)
		}
	}
}

func TestRun(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/v1/events") {
			http.NotFound(w, r)
			return
		}
		fmt.Fprintf(w, `{"events":[],"next":"abc"}`+"\n")
	}))
	defer ts.Close()
	var out bytes.Buffer
	if err := run([]string{"--url", ts.URL, "--duration", "200ms", "--concurrency", "2"}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"requests_per_second", "errors 0", "statuses map[200:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	if err := run([]string{"--url", "http://10.1.2.3:8080"}, &out); err == nil {
		t.Error("a private address was accepted")
	}
}

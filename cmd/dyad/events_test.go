package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/postgres"
	"github.com/dyad-events/dyad/sqlite"
)

// corpusDB returns the path of a SQLite store holding storetest's corpus.
func corpusDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db := sqlite.NewDB(path)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	storetest.Corpus(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEventsCommand(t *testing.T) {
	path := corpusDB(t)
	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{"OK", []string{"events", "--db", path, "--dyad", "PAK,AFG", "--limit", "2"}, 0, "2024-02-03  e3  PAKMIL", "more: --cursor"},
		{"OKJSON", []string{"events", "--db", path, "--actor", "IND", "--json"}, 0, `"next":""`, ""},
		{"OKID", []string{"events", "--db", path, "--id", "e4"}, 0, "mention: two.example", ""},
		{"OKFilters", []string{"events", "--db", path, "--q", "floods", "--bbox", "60,20,70,30", "--quad", "2"}, 0, "e4", ""},
		{"ErrNoStore", []string{"events", "--db", filepath.Join(t.TempDir(), "none.db")}, 2, "", "no event store"},
		{"ErrBadDyad", []string{"events", "--db", path, "--dyad", "PAK"}, 2, "", "bad --dyad"},
		{"ErrBadDate", []string{"events", "--db", path, "--from", "2024-13-01"}, 2, "", "bad from date"},
		{"ErrBadLimit", []string{"events", "--db", path, "--limit", "100000"}, 2, "", "bad limit"},
		{"ErrNotFound", []string{"events", "--db", path, "--id", "nope"}, 2, "", "no event"},
		{"ErrExportFormat", []string{"export", "--db", path, "--format", "xml"}, 2, "", "unknown export format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr)
			if code := exitCode(err, &stderr); code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.inStdout) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.inStdout)
			}
			if !strings.Contains(stderr.String(), tt.inStderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.inStderr)
			}
		})
	}
}

func TestExportCommand(t *testing.T) {
	path := corpusDB(t)
	for _, format := range []string{"gdelt", "csv", "jsonl", "parquet"} {
		t.Run("OK"+format, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{"export", "--db", path, "--format", format, "-o", out, "--actor", "PAK"}, nil, &stdout, &stderr)
			if err != nil {
				t.Fatalf("%v (stderr %q)", err, stderr.String())
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(stderr.String(), "exported 5 events") || len(b) == 0 {
				t.Errorf("stderr %q, %d bytes", stderr.String(), len(b))
			}
			if format == "gdelt" && (strings.Count(string(b), "\n") != 5 || strings.Count(strings.Split(string(b), "\n")[0], "\t") != 60) {
				t.Errorf("gdelt export %q", b)
			}
		})
	}
}

func TestServeCommand(t *testing.T) {
	path := corpusDB(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var stderr bytes.Buffer
	go func() { done <- serveRun(ctx, serveOptions{db: path}, ln, &stderr) }()
	url := "http://" + ln.Addr().String() + "/api/v1/events?actor=AFG"
	var resp *http.Response
	for range 50 {
		if resp, err = http.Get(url); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var page dyad.EventPage
	if err := json.Unmarshal(b, &page); err != nil || len(page.Events) != 3 {
		t.Errorf("page %s (%v)", b, err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v", err)
	}
}

func TestEventsCommandPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	db := postgres.NewDB(dsn)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	storetest.Corpus(t, db)
	db.Close()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"events", "--db", dsn, "--dyad", "PAK,AFG", "--json"}, nil, &stdout, &stderr)
	if err != nil {
		t.Fatalf("%v (stderr %q)", err, stderr.String())
	}
	var page dyad.EventPage
	if err := json.Unmarshal(stdout.Bytes(), &page); err != nil || len(page.Events) != 3 {
		t.Errorf("page %s (%v)", stdout.String(), err)
	}
}

package acquire_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
)

func TestErrorKind(t *testing.T) {
	srv := newServer(t)
	f := acquire.NewFetcher(testOptions())
	fetch := func(path string) error {
		_, err := f.Fetch(context.Background(), srv.URL+path)
		return err
	}
	guarded := acquire.NewFetcher(acquire.Options{Retries: -1, AddrPolicy: acquire.ForbiddenAddr})
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"Nil", nil, ""},
		{"NotFound", fetch("/404"), "http 404"},
		{"Robots", fetch("/private/page"), "robots.txt"},
		{"TooLarge", fetch("/huge"), "too large"},
		{"Redirects", fetch("/redirect/0"), "too many redirects"},
		{"Refused", func() error { _, err := guarded.Fetch(context.Background(), srv.URL+"/page"); return err }(), "refused address"},
		{"Scheme", func() error { _, err := f.Fetch(context.Background(), "ftp://example.org/x"); return err }(), "not http"},
		{"Timeout", fmt.Errorf("fetch: %w", context.DeadlineExceeded), "timeout"},
		{"Feed", func() error { _, err := acquire.ParseFeed(strings.NewReader("<rss><channel><item>"), 0); return err }(), "bad feed"},
		{"Invalid", dyad.Errorf(dyad.EINVALID, "bad JSON record"), "invalid input"},
		{"Other", errors.New("disk on fire"), "internal error"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := acquire.ErrorKind(tt.err); got != tt.want {
				t.Errorf("ErrorKind(%v) = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}

func TestCount(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	page := write("pages/a.html", "<html><body><p>x</p></body></html>")
	write("pages/sub/b.htm", "<html></html>")
	write("pages/c.txt", "Plain text of an article.")
	write("pages/ignored.pdf", "%PDF")
	records := write("records.jsonl", "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n{\"text\":\"c\"}")
	urls := write("urls.txt", "# list\nhttps://example.org/a\n")
	feed := write("feed.xml", "<rss></rss>")
	in := &acquire.Inputs{}
	for _, tt := range []struct {
		name string
		args []string
		want int
		ok   bool
	}{
		{"Folder", []string{filepath.Join(dir, "pages")}, 3, true},
		{"FilesAndRecords", []string{page, records}, 4, true},
		{"Missing", []string{page, filepath.Join(dir, "nope.html")}, 2, true},
		{"URLList", []string{page, urls}, 0, false},
		{"Feed", []string{feed}, 0, false},
		{"URL", []string{"https://example.org/"}, 0, false},
		{"Stdin", []string{"-"}, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := in.Count(tt.args)
			if n != tt.want || ok != tt.ok {
				t.Errorf("Count = %d, %v; want %d, %v", n, ok, tt.want, tt.ok)
			}
		})
	}
}

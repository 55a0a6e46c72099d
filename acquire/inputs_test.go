package acquire_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestInputsFiles(t *testing.T) {
	srv := newServer(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.html"), articleHTML("From a file"))
	writeFile(t, filepath.Join(dir, "b.txt"), "Troops crossed the border on Monday, officials said.\nTalks resume next week.")
	writeFile(t, filepath.Join(dir, "c.jsonl"), `{"url":"https://example.com/x","title":"Given","text":"Rebels attacked a convoy.","published":"2024-03-05"}
not json
{"url":"`+srv.URL+`/page","published":"2024-03"}
{"title":"nothing"}
`)
	writeFile(t, filepath.Join(dir, "sub", "d.txt"), "# a list of URLs\n"+srv.URL+"/page\n\n"+srv.URL+"/404\n")
	writeFile(t, filepath.Join(dir, "ignored.png"), "\x89PNG")
	writeFile(t, filepath.Join(dir, "feed.rss"), `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
<item><title>Local</title><guid>l1</guid><description>`+strings.Repeat("The minister said the government would hold talks with the opposition. ", 6)+`</description></item></channel></rss>`)

	in := &acquire.Inputs{Fetcher: acquire.NewFetcher(testOptions())}
	stdin := strings.NewReader(`<html><body><article><p>` + "Stdin story: " + strings.Repeat("Police said they had arrested three people after the protest in the city centre. ", 5) + `</p></article></body></html>`)
	var got []acquire.Item
	for it := range in.Items(context.Background(), []string{dir, "-", filepath.Join(dir, "missing.html")}, stdin) {
		got = append(got, it)
	}
	type want struct {
		source, text, title, err string
		published                string
		prec                     dyad.Precision
	}
	wants := []want{
		{source: "a.html", text: "Paragraph 0", title: "From a file"},
		{source: "b.txt", text: "Troops crossed the border"},
		{source: "c.jsonl:1", text: "Rebels attacked a convoy.", title: "Given", published: "2024-03-05", prec: dyad.PrecisionDay},
		{source: "c.jsonl:2", err: "bad JSON record"},
		{source: "c.jsonl:3", text: "Paragraph 0", title: "A good page", published: "2024-03-01", prec: dyad.PrecisionMonth},
		{source: "c.jsonl:4", err: "neither text nor url"},
		{source: "feed.rss l1", text: "The minister said", title: "Local"},
		{source: "d.txt:2", text: "Paragraph 0", title: "A good page"},
		{source: "d.txt:4", err: "404"},
		{source: "stdin", text: "Stdin story"},
		{source: "missing.html", err: "no such file"},
	}
	if len(got) != len(wants) {
		for _, it := range got {
			t.Logf("%s %v", it.Source, it.Err)
		}
		t.Fatalf("%d items, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		it := got[i]
		if !strings.HasSuffix(it.Source, w.source) {
			t.Errorf("item %d: source %q, want …%q", i, it.Source, w.source)
			continue
		}
		if w.err != "" {
			if it.Err == nil || !strings.Contains(it.Err.Error(), w.err) {
				t.Errorf("%s: err %v, want %q", w.source, it.Err, w.err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: %v", w.source, it.Err)
			continue
		}
		a := it.Article
		if !strings.Contains(a.Text, w.text) || a.Title != w.title {
			t.Errorf("%s: title %q text %.60q; want title %q, text with %q", w.source, a.Title, a.Text, w.title, w.text)
		}
		if a.Language != "en" {
			t.Errorf("%s: language %q, want en", w.source, a.Language)
		}
		if w.published != "" && (a.Published.Format("2006-01-02") != w.published || a.PublishedPrecision != w.prec) {
			t.Errorf("%s: published %v (%s), want %s (%s)", w.source, a.Published, a.PublishedPrecision, w.published, w.prec)
		}
	}
}

func TestInputsNoFetcher(t *testing.T) {
	var n int
	for it := range (&acquire.Inputs{}).Items(context.Background(), []string{"https://example.com/"}, nil) {
		n++
		if it.Err == nil || dyad.ErrorCode(it.Err) != dyad.EINVALID {
			t.Errorf("err = %v, want EINVALID", it.Err)
		}
	}
	if n != 1 {
		t.Errorf("%d items, want 1", n)
	}
}

func TestInputsCancel(t *testing.T) {
	srv := newServer(t)
	in := &acquire.Inputs{Fetcher: acquire.NewFetcher(testOptions())}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	n := 0
	for range in.Items(ctx, []string{srv.URL + "/page", srv.URL + "/slow", srv.URL + "/page"}, nil) {
		n++
		cancel()
	}
	if n != 1 || time.Since(start) > 2*time.Second {
		t.Errorf("%d items in %v after cancel, want 1 quickly", n, time.Since(start))
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		prec dyad.Precision
	}{
		{"2024-03-05T10:00:00+02:00", "2024-03-05T08:00:00Z", dyad.PrecisionDay},
		{"2024-03-05", "2024-03-05T00:00:00Z", dyad.PrecisionDay},
		{"2024-03", "2024-03-01T00:00:00Z", dyad.PrecisionMonth},
		{"2024", "2024-01-01T00:00:00Z", dyad.PrecisionYear},
		{"Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00Z", dyad.PrecisionDay},
	}
	for _, tt := range tests {
		got, prec, err := acquire.ParseDate(tt.in)
		if err != nil || got.Format(time.RFC3339) != tt.want || prec != tt.prec {
			t.Errorf("ParseDate(%q) = %v, %s, %v; want %s, %s", tt.in, got, prec, err, tt.want, tt.prec)
		}
	}
	if _, _, err := acquire.ParseDate("last Friday"); err == nil {
		t.Error("ParseDate(last Friday): no error")
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/samples"
)

func TestIngest(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(article, []byte("ISLAMABAD, Oct. 19, 2025 (Reuters) - Pakistan accused Afghanistan of sheltering militants.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	binary := filepath.Join(dir, "b.html")
	if err := os.WriteFile(binary, []byte("\x00\x01\x02binary\xff\xfe"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "dyad.db")
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"ingest", "--db", db, "--json", "--quiet", article, binary}, nil, &stdout, &stderr)
	if err != nil {
		t.Fatalf("ingest: %v (stderr %q)", err, stderr.String())
	}
	var sum ingestSummary
	if err := json.Unmarshal(stdout.Bytes(), &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Items != 2 || sum.Articles != 1 || sum.Errors != 1 || sum.Events < 1 {
		t.Errorf("summary %+v, want 2 items, 1 article, 1 error, some events", sum)
	}
	if !strings.Contains(stderr.String(), "b.html") {
		t.Errorf("stderr %q does not name the bad input", stderr.String())
	}

	// Ingesting the same article again finds it stored; --recode codes it
	// again, which changes nothing either.
	stdout.Reset()
	if err := run(context.Background(), []string{"ingest", "--db", db, "--json", "--quiet", article}, nil, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	var again ingestSummary
	if err := json.Unmarshal(stdout.Bytes(), &again); err != nil {
		t.Fatal(err)
	}
	if again.Duplicates != 1 || again.Articles != 0 || again.Events != 0 {
		t.Errorf("re-ingest %+v, want 1 duplicate and nothing coded", again)
	}
	stdout.Reset()
	if err := run(context.Background(), []string{"ingest", "--db", db, "--json", "--quiet", "--recode", article}, nil, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	again = ingestSummary{}
	if err := json.Unmarshal(stdout.Bytes(), &again); err != nil {
		t.Fatal(err)
	}
	if again.Articles != 1 || again.NewEvents != 0 || again.Events != sum.Events {
		t.Errorf("re-code %+v, want the same %d events and none new", again, sum.Events)
	}

	stdout.Reset()
	if err := run(context.Background(), []string{"events", "--db", db, "--dyad", "PAK,AFG", "--json"}, nil, &stdout, &stderr); err != nil {
		t.Fatalf("events: %v (stderr %q)", err, stderr.String())
	}
	var page struct {
		Events []struct {
			Date string
			Root string
		}
	}
	if err := json.Unmarshal(stdout.Bytes(), &page); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range page.Events {
		found = found || e.Root == "11" && e.Date == "2025-10-19"
	}
	if !found {
		t.Errorf("stored events %+v, want Pakistan accusing Afghanistan (root 11) on 2025-10-19", page.Events)
	}
}

func TestDemoIngest(t *testing.T) {
	var stderr bytes.Buffer
	ctx := context.Background()
	st, err := openStore(ctx, filepath.Join(t.TempDir(), "demo.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := newPipeline(dictOptions{}, false, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := demoIngest(ctx, p, &stderr)
	if err != nil {
		t.Fatalf("demo ingest: %v (stderr %q)", err, stderr.String())
	}
	articles := 0
	for _, pat := range []string{"*.html", "*.txt"} {
		m, err := fs.Glob(samples.FS(), pat)
		if err != nil {
			t.Fatal(err)
		}
		articles += len(m)
	}
	if articles < 30 || sum.Articles != articles || sum.Errors != 0 || sum.Events < 50 {
		t.Errorf("summary %+v, want the %d samples coded without errors into at least 50 events", sum, articles)
	}
}

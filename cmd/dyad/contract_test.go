package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestCodeJSONLContract codes the bundled sample articles and checks that
// every event carries the fields the JSONL contract promises: a location
// or the reason it has none, a date precision, fatalities and attribution
// (each possibly null), and the PLOVER mapping (empty only for CAMEO 01
// and 02, which PLOVER drops).
func TestCodeJSONLContract(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "samples", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample articles: %v", err)
	}
	html, _ := filepath.Glob(filepath.Join("..", "..", "samples", "*.html"))
	files = append(files, html...)
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), append([]string{"code"}, files...), nil, &stdout, &stderr); err != nil {
		t.Fatalf("run: %v (stderr %q)", err, stderr.String())
	}
	n := 0
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		n++
		var e map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		for _, key := range []string{"id", "date", "date_precision", "source", "target", "code", "root", "plover", "modality", "location", "fatalities", "attribution", "sentence", "evidence"} {
			if _, ok := e[key]; !ok {
				t.Errorf("event %d has no %q: %s", n, key, sc.Bytes())
			}
		}
		if string(e["location"]) == "null" && len(e["location_source"]) < 3 {
			t.Errorf("event %d has no location and no location_source: %s", n, sc.Bytes())
		}
		if string(e["date_precision"]) == `""` {
			t.Errorf("event %d has an empty date_precision", n)
		}
		var p struct{ Type, Mode string }
		var root string
		if json.Unmarshal(e["plover"], &p) != nil || json.Unmarshal(e["root"], &root) != nil {
			t.Fatalf("event %d: bad plover or root", n)
		}
		if p.Type == "" && root != "01" && root != "02" {
			t.Errorf("event %d (root %s) has no PLOVER type", n, root)
		}
	}
	if n < 100 {
		t.Errorf("%d events from %d sample articles, want at least 100", n, len(files))
	}
}

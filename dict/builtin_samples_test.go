package dict_test

import (
	"bufio"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/cameo"
)

// TestSampleExpectations checks the expected-events files of the bundled
// sample articles (../samples): every line is well formed, names an
// article that exists, quotes a piece of its text, and gives valid CAMEO
// codes.
func TestSampleExpectations(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "samples", "*.events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("%d expected-events files in ../samples, want at least 20", len(files))
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			var e struct {
				Article          string `json:"article"`
				Date             string `json:"date"`
				SentenceContains string `json:"sentence_contains"`
				SourceCountry    string `json:"source_country"`
				TargetCountry    string `json:"target_country"`
				Root             string `json:"root"`
				Code             string `json:"code"`
			}
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
				t.Errorf("%s:%d: %v", name, n, err)
				continue
			}
			text, err := os.ReadFile(filepath.Join("..", "samples", e.Article))
			if err != nil {
				t.Errorf("%s:%d: %v", name, n, err)
				continue
			}
			body := string(text)
			if strings.HasSuffix(e.Article, ".html") {
				body = html.UnescapeString(body)
			}
			if e.SentenceContains == "" || !strings.Contains(body, e.SentenceContains) {
				t.Errorf("%s:%d: %q is not in %s", name, n, e.SentenceContains, e.Article)
			}
			if len(e.SourceCountry) != 3 || len(e.TargetCountry) != 3 {
				t.Errorf("%s:%d: countries %q, %q: want three letters", name, n, e.SourceCountry, e.TargetCountry)
			}
			if c, ok := cameo.Lookup(e.Root); !ok || len(e.Root) != 2 {
				t.Errorf("%s:%d: root %q is not a CAMEO root code (%v)", name, n, e.Root, c)
			}
			if e.Code != "" {
				if _, ok := cameo.Lookup(e.Code); !ok || cameo.RootOf(e.Code) != e.Root {
					t.Errorf("%s:%d: code %q is not a CAMEO code of root %s", name, n, e.Code, e.Root)
				}
			}
		}
		f.Close()
	}
}

package dedup_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/acquire/dedup"
)

// benchmarkTexts returns the gold article texts of the extraction
// benchmark (181 news and blog articles), skipping when the shared data
// is absent.
func benchmarkTexts(t *testing.T) []string {
	t.Helper()
	root := os.Getenv("DYAD_SHARED_DATA")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared", "data")
	}
	raw, err := os.ReadFile(filepath.Join(root, "extraction", "zyte-article-extraction-benchmark", "ground-truth.json"))
	if err != nil {
		t.Skipf("extraction benchmark not found (set DYAD_SHARED_DATA): %v", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, v := range gt {
		texts = append(texts, v.ArticleBody)
	}
	slices.Sort(texts)
	return texts
}

// TestNearDistance checks DefaultMaxDistance against real articles: no
// two different articles of the benchmark come that close, and most
// lightly edited copies do. It logs the distances (go test -v) that
// docs/INGEST.md quotes.
func TestNearDistance(t *testing.T) {
	texts := benchmarkTexts(t)
	hashes := make([]uint64, len(texts))
	for i, tx := range texts {
		hashes[i] = dedup.SimHash(tx)
	}
	var unrelated []int
	for i := range hashes {
		for j := i + 1; j < len(hashes); j++ {
			unrelated = append(unrelated, dedup.Distance(hashes[i], hashes[j]))
		}
	}
	slices.Sort(unrelated)
	t.Logf("different articles: %d pairs, distance min %d, 0.1st percentile %d, median %d",
		len(unrelated), unrelated[0], unrelated[len(unrelated)/1000], unrelated[len(unrelated)/2])
	if unrelated[0] <= dedup.DefaultMaxDistance {
		t.Errorf("two different articles are %d bits apart, within DefaultMaxDistance %d", unrelated[0], dedup.DefaultMaxDistance)
	}

	// Edits a syndicating outlet makes, on articles of 150 words or more.
	edits := []struct {
		name    string
		edit    func(text, other string) string
		minNear float64 // share within DefaultMaxDistance
	}{
		{"credit line added", func(text, _ string) string {
			return text + "\nThis story was originally published by Example News. Reporting by Jane Doe; editing by John Roe."
		}, 0.95},
		{"last paragraph dropped", func(text, _ string) string {
			paras := strings.Split(strings.TrimSpace(text), "\n")
			return strings.Join(paras[:max(1, len(paras)-1)], "\n")
		}, 0.80},
		{"one sentence of ten or more replaced", func(text, other string) string {
			sents := strings.SplitAfter(text, ". ")
			o := strings.SplitAfter(other, ". ")
			m := len(sents) / 2
			return strings.Join(slices.Concat(sents[:m], o[len(o)/2:len(o)/2+1], sents[m+1:]), "")
		}, 0.50},
	}
	for _, e := range edits {
		var ds []int
		for i, tx := range texts {
			if len(strings.Fields(tx)) < 150 || len(strings.SplitAfter(tx, ". ")) < 10 {
				continue
			}
			ds = append(ds, dedup.Distance(hashes[i], dedup.SimHash(e.edit(tx, texts[(i+1)%len(texts)]))))
		}
		slices.Sort(ds)
		near := 0
		for _, d := range ds {
			if d <= dedup.DefaultMaxDistance {
				near++
			}
		}
		share := float64(near) / float64(len(ds))
		t.Logf("%s: %d articles, distance median %d, max %d; %.0f%% within %d", e.name, len(ds), ds[len(ds)/2], ds[len(ds)-1], 100*share, dedup.DefaultMaxDistance)
		if share < e.minNear {
			t.Errorf("%s: %.2f of copies within DefaultMaxDistance, want at least %.2f", e.name, share, e.minNear)
		}
	}
}

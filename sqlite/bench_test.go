package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/sqlite"
)

// BenchmarkSave measures the load rate into a fresh file, in articles of
// 5 events (like news) and of 1,000 (a bulk import).
func BenchmarkSave(b *testing.B) {
	for _, per := range []int{5, 50, 1000} {
		b.Run(fmt.Sprintf("per=%d", per), func(b *testing.B) {
			storetest.BenchSave(b, MustOpenDB(b, nil), per)
		})
	}
}

// BenchmarkQueries runs the API's queries on storetest.BenchEvents()
// synthetic events. $DYAD_BENCH_DB names a file to keep the loaded data in
// between runs (loading 10 million events takes minutes).
func BenchmarkQueries(b *testing.B) {
	path := os.Getenv("DYAD_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	db := sqlite.NewDB(path)
	if err := db.Open(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	storetest.BenchQueries(b, db, storetest.BenchEvents())
}

// BenchmarkBulkLoad measures the bulk load of b.N synthetic events
// (internal/synth) into an empty file, in batches of 20,000: BeginBulk,
// SaveBatch of each batch (JSON encoding included), FinishBulk (indexes,
// full-text index and aggregates built at the end). Generating the events
// is outside the timer; dyad load runs it beside the store's work.
func BenchmarkBulkLoad(b *testing.B) {
	storetest.BenchBulkLoad(b, MustOpenDB(b, nil), 20000)
}

// TestFullTextBigStore checks full-text pages against the plain query on
// the store $DYAD_BENCH_DB names (a large one, loaded with dyad load),
// when set: the first pages of frequent, common and rare words, alone and
// with other filters.
func TestFullTextBigStore(t *testing.T) {
	path := os.Getenv("DYAD_BENCH_DB")
	if path == "" {
		t.Skip("DYAD_BENCH_DB is not set")
	}
	db := sqlite.NewDB(path)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.CheckFullText(t, db, []string{"fight", "statement", "fight kuwait", "tuvalu"}, storetest.NewSynth(7).Countries(), 5)
}

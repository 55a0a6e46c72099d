package postgres_test

import (
	"context"
	"os"
	"testing"

	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/postgres"
)

// BenchmarkSave measures the load rate into a fresh schema, in articles of
// 50 events.
func BenchmarkSave(b *testing.B) {
	storetest.BenchSave(b, MustOpenDB(b, nil), 50)
}

// BenchmarkQueries runs the API's queries on storetest.BenchEvents()
// synthetic events in a fresh schema, or in the database of
// $DYAD_BENCH_POSTGRES (kept between runs) when set.
func BenchmarkQueries(b *testing.B) {
	dsn := os.Getenv("DYAD_BENCH_POSTGRES")
	if dsn == "" {
		dsn = storetest.PostgresDSN(b)
	}
	db := postgres.NewDB(dsn)
	if err := db.Open(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	storetest.BenchQueries(b, db, storetest.BenchEvents())
}

// BenchmarkBulkLoad measures the bulk load of b.N synthetic events into a
// fresh schema, in batches of 20,000 (COPY; indexes and aggregates built
// at the end).
func BenchmarkBulkLoad(b *testing.B) {
	storetest.BenchBulkLoad(b, MustOpenDB(b, nil), 20000)
}

// TestFullTextBigStore checks full-text pages against the plain query in
// the database of $DYAD_BENCH_POSTGRES (a large one, loaded with dyad
// load), when set: the first pages of frequent, common and rare words,
// alone and with other filters.
func TestFullTextBigStore(t *testing.T) {
	dsn := os.Getenv("DYAD_BENCH_POSTGRES")
	if dsn == "" {
		t.Skip("DYAD_BENCH_POSTGRES is not set")
	}
	db := postgres.NewDB(dsn)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.CheckFullText(t, db, []string{"fight", "statement", "fight kuwait", "tuvalu"}, storetest.NewSynth(7).Countries(), 5)
}

package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/sqlite"
)

func TestIngestConformance(t *testing.T) {
	storetest.RunIngest(t, func(t *testing.T, now func() time.Time) func() storetest.IngestStore {
		path := filepath.Join(t.TempDir(), "dyad.db")
		return func() storetest.IngestStore {
			db := sqlite.NewDB(path)
			db.Now = now
			if err := db.Open(context.Background()); err != nil {
				t.Fatal(err)
			}
			return db
		}
	})
}

// BenchmarkFindCopies measures the look-up of an article's copies among
// $DYAD_BENCH_FINGERPRINTS stored fingerprints (default 20,000).
func BenchmarkFindCopies(b *testing.B) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("DYAD_BENCH_FINGERPRINTS")); err == nil && v > 0 {
		n = v
	}
	storetest.BenchFindCopies(b, MustOpenDB(b, nil), n)
}

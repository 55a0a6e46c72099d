package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/postgres"
)

// MustOpenDB opens a store in a fresh schema of the test database (see
// storetest.PostgresDSN), skipping when there is none.
func MustOpenDB(tb testing.TB, now func() time.Time) *postgres.DB {
	tb.Helper()
	db := postgres.NewDB(storetest.PostgresDSN(tb))
	if now != nil {
		db.Now = now
	}
	if err := db.Open(context.Background()); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) dyad.Store { return MustOpenDB(t, now) })
}

func TestOpen(t *testing.T) {
	t.Run("ErrBadDSN", func(t *testing.T) {
		err := postgres.NewDB("postgres://%zz").Open(context.Background())
		if dyad.ErrorCode(err) != dyad.EINVALID {
			t.Errorf("got %v, want EINVALID", err)
		}
	})
	t.Run("OKReopen", func(t *testing.T) {
		dsn := storetest.PostgresDSN(t)
		for range 2 {
			db := postgres.NewDB(dsn)
			if err := db.Open(context.Background()); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}
	})
}

// TestFullTextProbe runs the full-text tests on a store that walks at
// most 50 matches per page, so that pages with narrow filters probe each
// event's mentions instead.
func TestFullTextProbe(t *testing.T) {
	db := MustOpenDB(t, nil)
	db.TextWalk = 50
	storetest.RunFullText(t, db)
}

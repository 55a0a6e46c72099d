package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/sqlite"
)

// MustOpenDB opens a database in a fresh file of the test's temporary
// directory and closes it when the test ends.
func MustOpenDB(tb testing.TB, now func() time.Time) *sqlite.DB {
	tb.Helper()
	db := sqlite.NewDB(filepath.Join(tb.TempDir(), "dyad.db"))
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

// TestFullTextProbe runs the full-text tests on a store that walks at
// most 50 matches per page, so that pages with narrow filters probe each
// event's mentions instead.
func TestFullTextProbe(t *testing.T) {
	db := MustOpenDB(t, nil)
	db.TextWalk = 50
	storetest.RunFullText(t, db)
}

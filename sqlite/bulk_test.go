package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/sqlite"
)

func TestBulk(t *testing.T) {
	dir := t.TempDir()
	storetest.RunBulk(t, func(t *testing.T, name string) storetest.BulkStore {
		db := sqlite.NewDB(filepath.Join(dir, name+".db"))
		if err := db.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}

func TestEventsJSON(t *testing.T) {
	storetest.RunEventsJSON(t, MustOpenDB(t, nil))
}

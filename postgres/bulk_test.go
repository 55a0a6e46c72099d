package postgres_test

import (
	"context"
	"testing"

	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/postgres"
)

func TestBulk(t *testing.T) {
	dsns := map[string]string{}
	storetest.RunBulk(t, func(t *testing.T, name string) storetest.BulkStore {
		dsn, ok := dsns[name]
		if !ok {
			dsn = storetest.PostgresDSN(t)
			dsns[name] = dsn
		}
		db := postgres.NewDB(dsn)
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

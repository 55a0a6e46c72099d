package sqlite

import (
	"context"
	"fmt"

	"github.com/dyad-events/dyad"
)

// bulkObjects lists the indexes and triggers a bulk load drops: all of
// events and mentions but mentions_event, which recounts of events
// mentioned again need, and the automatic indexes of constraints.
const bulkObjects = `SELECT name, type, sql FROM sqlite_master
WHERE type IN ('index', 'trigger') AND tbl_name IN ('events', 'mentions') AND sql IS NOT NULL AND name <> 'mentions_event'
ORDER BY name`

// afterBulk rebuilds the full-text index, whose triggers were dropped,
// in rowid order (see migration 00007).
const afterBulk = `INSERT INTO mentions_fts (mentions_fts) VALUES ('delete-all');
INSERT INTO mentions_fts (rowid, sentence_text)
SELECT (unixepoch(e.date) / 86400) * 68719476736 + m.id, m.sentence_text FROM mentions m JOIN events e ON e.id = m.event_id ORDER BY 1`

// BeginBulk starts a bulk load (see sqlstore.Store.BeginBulk) and holds
// the database's bulk lock, a lock on the file PATH-bulk.lock that other
// processes see, until FinishBulk or Close: Open completes a pending load
// only when no process holds it. It returns EINVALID when another process
// is loading.
func (db *DB) BeginBulk(ctx context.Context) (bool, error) {
	if db.bulkLock == nil {
		f, locked, err := db.lockBulk()
		if err != nil {
			return false, err
		}
		if !locked {
			return false, dyad.Errorf(dyad.EINVALID, "another process is bulk loading %s", db.Path)
		}
		db.bulkLock = f
	}
	// Loading inserts at random places of the primary-key index of events
	// and of mentions_event: a page cache that holds them saves reading
	// their pages again and again.
	if _, err := db.write.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", bulkCacheKiB)); err != nil {
		return false, fmt.Errorf("bulk load: %w", err)
	}
	return db.Store.BeginBulk(ctx)
}

// bulkCacheKiB is the page cache of the writing connection during a bulk
// load, in KiB as PRAGMA cache_size takes it (negative).
const bulkCacheKiB = -2 << 20

// FinishBulk completes a pending bulk load (see
// sqlstore.Store.FinishBulk) and releases the bulk lock.
func (db *DB) FinishBulk(ctx context.Context) error {
	err := db.Store.FinishBulk(ctx)
	db.unlockBulk()
	if _, e := db.write.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", cacheKiB)); err == nil {
		err = e
	}
	return err
}

func (db *DB) unlockBulk() {
	if db.bulkLock != nil {
		db.bulkLock.Close() // closing releases the lock
		db.bulkLock = nil
	}
}

// finishInterrupted completes a bulk load that a killed process left
// pending, unless a live process is still loading.
func (db *DB) finishInterrupted(ctx context.Context) error {
	pending, err := db.Store.BulkPending(ctx)
	if err != nil || !pending {
		return err
	}
	f, locked, err := db.lockBulk()
	if err != nil || !locked {
		return err
	}
	db.bulkLock = f
	return db.FinishBulk(ctx)
}

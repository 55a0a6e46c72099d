package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// bulkObjects lists the indexes a bulk load drops: all of events and
// mentions in the current schema but mentions_event, which recounts of
// events mentioned again need, and those of constraints.
const bulkObjects = `SELECT indexname, 'index', indexdef FROM pg_indexes
WHERE schemaname = current_schema() AND tablename IN ('events', 'mentions') AND indexname <> 'mentions_event'
AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace)
ORDER BY indexname`

// batchBegin returns the statements that start each transaction of
// SaveBatch. Concurrent writers wait while the batch decides which events
// are new, so that none is inserted or deleted behind its back. The
// batch's lookups are probes of primary keys, which the planner would
// turn into scans of a table filled faster than its statistics are
// refreshed.
func batchBegin() []string {
	return []string{`LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE`, `SET LOCAL enable_seqscan = off`}
}

// finishBegin returns the statements that start the end of a bulk load,
// which sorts every event for the aggregates and the indexes: memory to
// sort in.
func finishBegin() []string {
	return []string{`SET LOCAL work_mem = '256MB'`, `SET LOCAL maintenance_work_mem = '1GB'`}
}

// bulkLockSQL takes the schema's bulk lock, a session advisory lock,
// without waiting; bulkUnlockSQL releases it.
const (
	bulkLockSQL   = `SELECT pg_try_advisory_lock(hashtext('dyad bulk load ' || current_schema()))`
	bulkUnlockSQL = `SELECT pg_advisory_unlock(hashtext('dyad bulk load ' || current_schema()))`
)

// copyRows writes rows with COPY on the transaction's connection.
func copyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("copy into %s: the connection is a %T, not pgx's", table, dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		return err
	})
}

// BeginBulk starts a bulk load (see sqlstore.Store.BeginBulk) and holds
// the schema's bulk lock, a session advisory lock that dies with the
// process, until FinishBulk or Close: Open completes a pending load only
// when no session holds it. It returns EINVALID when another process is
// loading.
func (db *DB) BeginBulk(ctx context.Context) (bool, error) {
	if db.bulkLock == nil {
		c, locked, err := db.lockBulk(ctx)
		if err != nil {
			return false, err
		}
		if !locked {
			return false, dyad.Errorf(dyad.EINVALID, "another process is bulk loading this database")
		}
		db.bulkLock = c
	}
	return db.Store.BeginBulk(ctx)
}

// FinishBulk completes a pending bulk load (see
// sqlstore.Store.FinishBulk) and releases the bulk lock.
func (db *DB) FinishBulk(ctx context.Context) error {
	err := db.Store.FinishBulk(ctx)
	db.unlockBulk()
	return err
}

// lockBulk takes the bulk lock on a connection of its own and reports
// whether it got it.
func (db *DB) lockBulk(ctx context.Context) (*sql.Conn, bool, error) {
	c, err := db.db.Conn(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("bulk lock: %w", err)
	}
	var locked bool
	if err := c.QueryRowContext(ctx, bulkLockSQL).Scan(&locked); err != nil || !locked {
		c.Close()
		if err != nil {
			return nil, false, fmt.Errorf("bulk lock: %w", err)
		}
		return nil, false, nil
	}
	return c, true, nil
}

func (db *DB) unlockBulk() {
	if db.bulkLock != nil {
		// The session would outlive Close in the pool: unlock first. Had
		// the process died, the lock would have died with the session.
		db.bulkLock.ExecContext(context.Background(), bulkUnlockSQL)
		db.bulkLock.Close()
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
	c, locked, err := db.lockBulk(ctx)
	if err != nil || !locked {
		return err
	}
	db.bulkLock = c
	return db.FinishBulk(ctx)
}

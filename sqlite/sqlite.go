// Package sqlite is dyad's default store: one SQLite file, written through
// the pure-Go modernc.org/sqlite driver. It implements dyad.Store.
//
// The database runs in WAL mode with synchronous=NORMAL: a process that is
// killed (kill -9) loses no committed transaction, and since every article
// is saved in one transaction, never leaves half an article behind. Writes
// go through a single connection (SQLite has one writer at a time) and
// start their transactions with BEGIN IMMEDIATE, so concurrent writers wait
// for the busy timeout instead of failing; reads use a pool of their own
// and run beside a write.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlstore"
	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a SQLite database holding dyad's articles and events. Set its
// fields between NewDB and Open. Its dyad.Store methods come from the
// embedded store and work once Open has returned.
type DB struct {
	*sqlstore.Store

	// Path is the database file.
	Path string
	// Now returns the current time; it stamps first-seen times.
	Now func() time.Time
	// QueryTimeout bounds a query of the API (Events, Series, the tops);
	// a query that runs longer fails with EINVALID.
	QueryTimeout time.Duration
	// BusyTimeout is how long a write waits for another writer.
	BusyTimeout time.Duration

	write, read *sql.DB
	bulkLock    *os.File // held during a bulk load
}

var _ dyad.Store = (*DB)(nil)

// NewDB returns a database for the file at path; Open opens it.
func NewDB(path string) *DB {
	return &DB{Path: path, Now: time.Now, QueryTimeout: 5 * time.Second, BusyTimeout: 10 * time.Second}
}

// cacheKiB is the page cache of each connection: 64 MiB (negative: in
// KiB, as PRAGMA cache_size takes it).
const cacheKiB = -65536

// dsn returns the driver's data source name for the file.
func (db *DB) dsn(write bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", db.BusyTimeout.Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", fmt.Sprintf("cache_size(%d)", cacheKiB))
	if write {
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	return "file:" + db.Path + "?" + q.Encode()
}

// Open opens the database file, creating it when absent, and brings its
// schema up to date with the embedded migrations. It returns EINVALID for
// a path it cannot use.
func (db *DB) Open(ctx context.Context) error {
	if db.Path == "" {
		return dyad.Errorf(dyad.EINVALID, "no database path")
	}
	if strings.ContainsAny(db.Path, "?#") {
		return dyad.Errorf(dyad.EINVALID, "database path %q: '?' and '#' are not allowed", db.Path)
	}
	w, err := sql.Open("sqlite", db.dsn(true))
	if err != nil {
		return fmt.Errorf("open %s: %w", db.Path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return dyad.Errorf(dyad.EINVALID, "open database %s: %v", db.Path, err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, w, mustSub(migrations, "migrations"))
	if err != nil {
		w.Close()
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		w.Close()
		return fmt.Errorf("migrate %s: %w", db.Path, err)
	}
	// Fresh planner statistics where they are stale (cheap: bounded by
	// analysis_limit). A long write by another process (a bulk load) may
	// hold the database past the busy timeout: the statistics then wait
	// for the next Open or Close.
	if _, err := w.ExecContext(ctx, `PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002`); err != nil && !busy(err) {
		w.Close()
		return fmt.Errorf("optimize %s: %w", db.Path, err)
	}
	r, err := sql.Open("sqlite", db.dsn(false))
	if err != nil {
		w.Close()
		return fmt.Errorf("open %s: %w", db.Path, err)
	}
	// More readers than cores: a reader of a store larger than memory
	// also waits for the disk.
	r.SetMaxOpenConns(max(8, runtime.GOMAXPROCS(0)*4))
	r.SetMaxIdleConns(max(8, runtime.GOMAXPROCS(0)*4))
	db.write, db.read = w, r
	db.Store = &sqlstore.Store{
		Write: w, Read: r,
		Dialect:      Dialect(),
		Now:          func() time.Time { return db.Now() },
		QueryTimeout: db.QueryTimeout,
	}
	if err := db.finishInterrupted(ctx); err != nil {
		db.Close()
		return fmt.Errorf("open %s: %w", db.Path, err)
	}
	return nil
}

// Close closes the database. It is safe to call on a database that failed
// to open.
func (db *DB) Close() error {
	var errs []error
	db.unlockBulk()
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		// Statistics for the planner, and a checkpoint that folds the WAL
		// back into the file on a clean close.
		_, err := db.write.Exec(`PRAGMA analysis_limit = 1000; PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE)`)
		if busy(err) {
			err = nil // another process is writing: it checkpoints
		}
		errs = append(errs, err, db.write.Close())
	}
	db.read, db.write, db.Store = nil, nil, nil
	return errors.Join(errs...)
}

// Dialect returns what sqlstore needs to know about SQLite.
func Dialect() sqlstore.Dialect {
	return sqlstore.Dialect{Name: "sqlite", Match: match, Text: text, MapError: mapError, BulkObjects: bulkObjects, AfterBulk: afterBulk}
}

// match turns a user's full-text query into an FTS5 query of quoted words,
// all required, so that FTS5 operators in user input are plain words.
func match(query string) (any, error) {
	words := sqlstore.Words(query)
	if len(words) == 0 {
		return nil, dyad.Errorf(dyad.EINVALID, "bad full-text query %q: no words", query)
	}
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " "), nil
}

// text searches mentions_fts, whose rowids are the full-text keys
// (sqlstore.DayKey of the event's date + the mention's ID, migration
// 00007): FTS5 lists the matches of a query in rowid order without
// sorting them, and seeks to a range of rowids.
var text = sqlstore.TextSearch{
	Mentions: "m.id IN (SELECT rowid & 68719476735 FROM mentions_fts WHERE mentions_fts MATCH ?)",
	From:     "mentions_fts f CROSS JOIN mentions m ON m.id = f.rowid & 68719476735 CROSS JOIN events e ON e.id = m.event_id",
	Match:    "mentions_fts MATCH ?",
	Key:      "f.rowid",
	Probe:    "EXISTS (SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? AND rowid = (unixepoch(e.date) / 86400) * 68719476736 + m.id)",
}

// SQLite extended result codes for unique and primary-key violations.
const (
	sqliteConstraintPrimaryKey = 1555
	sqliteConstraintUnique     = 2067
)

// sqliteBusy is SQLite's primary result code for a database locked by
// another connection.
const sqliteBusy = 5

// busy reports whether err is SQLITE_BUSY (or one of its extended codes).
func busy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqliteBusy
}

func mapError(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqliteConstraintPrimaryKey, sqliteConstraintUnique:
			return dyad.Errorf(dyad.ECONFLICT, "conflict: %v", err)
		}
	}
	return err
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the embedded directory is always there
	}
	return sub
}

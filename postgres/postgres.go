// Package postgres is dyad's store for teams: a PostgreSQL database reached
// with pgx (through its database/sql driver). It implements dyad.Store with
// the same behaviour as the sqlite package; internal/storetest holds both
// to it.
//
// A DSN's search_path parameter (postgres://…/db?search_path=dyad) selects
// the schema the tables live in, which lets one database hold several
// stores (the tests use one schema per test).
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlstore"
	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a PostgreSQL database holding dyad's articles and events. Set its
// fields between NewDB and Open. Its dyad.Store methods come from the
// embedded store and work once Open has returned.
type DB struct {
	*sqlstore.Store

	// DSN is the connection string, postgres://user@host:port/db?….
	DSN string
	// Now returns the current time; it stamps first-seen times.
	Now func() time.Time
	// QueryTimeout bounds a query of the API (Events, Series, the tops);
	// a query that runs longer fails with EINVALID.
	QueryTimeout time.Duration
	// MaxConns is the size of the connection pool.
	MaxConns int

	db       *sql.DB
	bulkLock *sql.Conn // holds the bulk lock during a bulk load
}

var _ dyad.Store = (*DB)(nil)

// NewDB returns a database for the DSN; Open connects to it.
func NewDB(dsn string) *DB {
	return &DB{DSN: dsn, Now: time.Now, QueryTimeout: 5 * time.Second, MaxConns: 16}
}

// Open connects to the database and brings its schema up to date with the
// embedded migrations, holding a PostgreSQL advisory lock so that several
// processes opening the same database migrate it once. It returns EINVALID
// for a DSN it cannot parse or a server it cannot reach.
func (db *DB) Open(ctx context.Context) error {
	if _, err := pgconn.ParseConfig(db.DSN); err != nil {
		return dyad.Errorf(dyad.EINVALID, "bad PostgreSQL DSN: %v", err)
	}
	d, err := sql.Open("pgx", db.DSN)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "bad PostgreSQL DSN: %v", err)
	}
	d.SetMaxOpenConns(db.MaxConns)
	d.SetMaxIdleConns(db.MaxConns)
	if err := d.PingContext(ctx); err != nil {
		d.Close()
		return dyad.Errorf(dyad.EINVALID, "connect to PostgreSQL: %v", err)
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		d.Close()
		return fmt.Errorf("migration lock: %w", err)
	}
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		d.Close()
		return err
	}
	p, err := goose.NewProvider(goose.DialectPostgres, d, sub, goose.WithSessionLocker(locker))
	if err != nil {
		d.Close()
		return fmt.Errorf("migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		d.Close()
		return fmt.Errorf("migrate: %w", err)
	}
	db.db = d
	db.Store = &sqlstore.Store{
		Write: d, Read: d,
		Dialect:      Dialect(),
		Now:          func() time.Time { return db.Now() },
		QueryTimeout: db.QueryTimeout,
	}
	if err := db.finishInterrupted(ctx); err != nil {
		db.Close()
		return fmt.Errorf("open: %w", err)
	}
	return nil
}

// Close closes the connections. It is safe to call on a database that
// failed to open.
func (db *DB) Close() error {
	if db.db == nil {
		return nil
	}
	db.unlockBulk()
	err := db.db.Close()
	db.db, db.Store = nil, nil
	return err
}

// Dialect returns what sqlstore needs to know about PostgreSQL.
func Dialect() sqlstore.Dialect {
	return sqlstore.Dialect{Name: "postgres", Dollar: true, ForUpdate: true, Match: match, Text: text, MapError: mapError, Retryable: retryable,
		Copy: copyRows, BulkObjects: bulkObjects, BatchBegin: batchBegin(), FinishBegin: finishBegin()}
}

// match uses PostgreSQL's English text search: every word must appear
// (plainto_tsquery), matched on stems.
func match(query string) (any, error) {
	words := sqlstore.Words(query)
	if len(words) == 0 {
		return nil, dyad.Errorf(dyad.EINVALID, "bad full-text query %q: no words", query)
	}
	return strings.Join(words, " "), nil
}

// text searches the stored text-search vectors of mentions (tsv), by the
// GIN index mentions_fts or, for a page sorted by date, walking the
// mentions' full-text keys (fts_key, migration 00007).
var text = sqlstore.TextSearch{
	Mentions: "m.tsv @@ plainto_tsquery('english', ?)",
	From:     "mentions m JOIN events e ON e.id = m.event_id",
	Match:    "m.tsv @@ plainto_tsquery('english', ?)",
	Key:      "m.fts_key",
	Probe:    "m.tsv @@ plainto_tsquery('english', ?)",
}

// uniqueViolation is PostgreSQL's SQLSTATE for a unique violation.
const uniqueViolation = "23505"

func mapError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == uniqueViolation {
		return dyad.Errorf(dyad.ECONFLICT, "conflict: %s", pe.Message)
	}
	return err
}

// retryable reports a deadlock (40P01) or serialization failure (40001),
// which concurrent saves of articles sharing events can meet.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

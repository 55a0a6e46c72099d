package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// A bulk load fills an empty store faster than batches alone: BeginBulk
// drops the secondary indexes and triggers of events and mentions (the
// Dialect's BulkObjects) and stops aggregate upkeep; batches are then
// saved and committed one by one; FinishBulk rebuilds the aggregate tables
// from the events, recreates the indexes and triggers and runs the
// Dialect's AfterBulk, in one transaction.
//
// What was dropped is recorded in the table bulk_pending in the
// transaction that drops it, so a load that is killed leaves its committed
// batches and the record: FinishBulk, run by the next loader or by Open,
// completes it. Until then queries are slower and the aggregates lag.

// aggregatesPending is the bulk_pending row that stops aggregate upkeep.
const aggregatesPending = "aggregates"

// bulkPending reports whether a bulk load is pending.
func (s *Store) bulkPending(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, s.rebind(`SELECT count(*) FROM bulk_pending WHERE kind = ?`), aggregatesPending).Scan(&n); err != nil {
		return false, fmt.Errorf("bulk state: %w", err)
	}
	return n > 0, nil
}

// BulkPending reports whether a bulk load was begun and not finished.
func (s *Store) BulkPending(ctx context.Context) (bool, error) {
	return s.bulkPending(ctx, s.Write)
}

// BeginBulk starts a bulk load when the store holds no event, or resumes
// one that was begun and not finished, and reports whether it did. On a
// store with events it does nothing and returns false: batches then keep
// indexes and aggregates current as they go.
func (s *Store) BeginBulk(ctx context.Context) (bool, error) {
	tx, err := s.Write.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("begin bulk load: %w", err)
	}
	defer tx.Rollback()
	if pending, err := s.bulkPending(ctx, tx); err != nil || pending {
		return pending, err
	}
	var any int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1) e`).Scan(&any)
	if err != nil {
		return false, fmt.Errorf("begin bulk load: %w", err)
	}
	if any > 0 {
		return false, nil
	}
	rows, err := tx.QueryContext(ctx, s.Dialect.BulkObjects)
	if err != nil {
		return false, fmt.Errorf("begin bulk load: indexes: %w", err)
	}
	type object struct{ name, kind, sql string }
	var objects []object
	for rows.Next() {
		var o object
		if err := rows.Scan(&o.name, &o.kind, &o.sql); err != nil {
			rows.Close()
			return false, fmt.Errorf("begin bulk load: indexes: %w", err)
		}
		objects = append(objects, o)
	}
	if err := rows.Close(); err != nil {
		return false, fmt.Errorf("begin bulk load: indexes: %w", err)
	}
	objects = append(objects, object{aggregatesPending, aggregatesPending, ""})
	for _, o := range objects {
		if _, err := tx.ExecContext(ctx, s.rebind(`INSERT INTO bulk_pending (name, kind, sql) VALUES (?, ?, ?)`), o.name, o.kind, o.sql); err != nil {
			return false, fmt.Errorf("begin bulk load: %w", err)
		}
		if o.kind != aggregatesPending {
			if _, err := tx.ExecContext(ctx, `DROP `+o.kind+` `+o.name); err != nil {
				return false, fmt.Errorf("begin bulk load: drop %s: %w", o.name, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("begin bulk load: %w", err)
	}
	return true, nil
}

// FinishBulk completes a pending bulk load: it rebuilds the aggregate
// tables from the events, recreates the dropped indexes and triggers and
// runs the Dialect's AfterBulk in one transaction, then refreshes the
// planner's statistics. It does nothing when no load is pending.
func (s *Store) FinishBulk(ctx context.Context) error {
	tx, err := s.Write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("finish bulk load: %w", err)
	}
	defer tx.Rollback()
	for _, q := range s.Dialect.FinishBegin {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("finish bulk load: %s: %w", q, err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT kind, sql FROM bulk_pending ORDER BY name`)
	if err != nil {
		return fmt.Errorf("finish bulk load: %w", err)
	}
	var stmts []string
	aggregates := false
	for rows.Next() {
		var kind, q string
		if err := rows.Scan(&kind, &q); err != nil {
			rows.Close()
			return fmt.Errorf("finish bulk load: %w", err)
		}
		if kind == aggregatesPending {
			aggregates = true
		} else {
			stmts = append(stmts, q)
		}
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("finish bulk load: %w", err)
	}
	if !aggregates && len(stmts) == 0 {
		return nil
	}
	if aggregates {
		if err := rebuildAggregates(ctx, tx); err != nil {
			return fmt.Errorf("finish bulk load: %w", err)
		}
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("finish bulk load: %s: %w", q, err)
		}
	}
	if s.Dialect.AfterBulk != "" {
		if _, err := tx.ExecContext(ctx, s.Dialect.AfterBulk); err != nil {
			return fmt.Errorf("finish bulk load: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM bulk_pending`); err != nil {
		return fmt.Errorf("finish bulk load: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("finish bulk load: %w", err)
	}
	if _, err := s.Write.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("finish bulk load: analyze: %w", err)
	}
	return nil
}

// aggQuery is an aggregate table, its columns, and the query that
// computes it from the events, in which %s stands for the sum of Goldstein
// values of the tables that have one.
type aggQuery struct {
	table, cols, query string
	goldstein          bool
}

// sql returns the query, with sum as the Goldstein sum.
func (q aggQuery) sql(sum string) string {
	if !q.goldstein {
		return q.query
	}
	return fmt.Sprintf(q.query, sum)
}

// aggQueries compute every aggregate table from scratch.
func aggQueries() []aggQuery {
	qs := []aggQuery{
		{"agg_dyad", "source, target, day, quad_class, n", `SELECT source, target, date, quad_class, count(*), %s FROM events GROUP BY source, target, date, quad_class`, true},
		{"agg_dyad3", "source3, target3, day, quad_class, n", `SELECT source3, target3, date, quad_class, count(*), %s FROM events GROUP BY source3, target3, date, quad_class`, true},
	}
	// An actor counts once per event, as source or as target.
	from := map[string]string{
		"actor":   `(SELECT source AS k, date FROM events WHERE source <> '' UNION ALL SELECT target, date FROM events WHERE target <> '' AND target <> source) e`,
		"code":    `(SELECT code AS k, date FROM events) e`,
		"country": `(SELECT country AS k, date FROM events WHERE country <> '') e`,
	}
	for _, key := range []string{"actor", "code", "country"} {
		for _, unit := range []struct{ suffix, col, expr string }{{"", "day", "date"}, {"_month", "month", "substr(date, 1, 7)"}, {"_year", "year", "substr(date, 1, 4)"}} {
			qs = append(qs, aggQuery{table: "agg_" + key + unit.suffix, cols: key + ", " + unit.col + ", n",
				query: `SELECT k, ` + unit.expr + `, count(*) FROM ` + from[key] + ` GROUP BY k, ` + unit.expr})
		}
	}
	return qs
}

// rebuildQueries are aggQueries, but the rollups (first blocks, months,
// years) are summed from the daily tables computed before them, which
// are smaller than the events table.
func rebuildQueries() []aggQuery {
	qs := aggQueries()
	for i, q := range qs {
		switch {
		case q.table == "agg_dyad3":
			qs[i].query = `SELECT substr(source, 1, 3), substr(target, 1, 3), day, quad_class, sum(n), %s FROM agg_dyad GROUP BY substr(source, 1, 3), substr(target, 1, 3), day, quad_class`
		case strings.HasSuffix(q.table, "_month"), strings.HasSuffix(q.table, "_year"):
			key, n := strings.TrimPrefix(q.table[:strings.LastIndexByte(q.table, '_')], "agg_"), 7
			if strings.HasSuffix(q.table, "_year") {
				n = 4
			}
			qs[i].query = fmt.Sprintf(`SELECT %s, substr(day, 1, %d), sum(n) FROM agg_%s GROUP BY %s, substr(day, 1, %d)`, key, n, key, key, n)
		}
	}
	return qs
}

// rebuildAggregates recomputes every aggregate table from the events.
func rebuildAggregates(ctx context.Context, tx *sql.Tx) error {
	for _, q := range rebuildQueries() {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+q.table); err != nil {
			return fmt.Errorf("rebuild %s: %w", q.table, err)
		}
		cols := q.cols
		if q.goldstein {
			cols += ", goldstein"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+q.table+` (`+cols+`) `+q.sql("sum(goldstein)")); err != nil {
			return fmt.Errorf("rebuild %s: %w", q.table, err)
		}
	}
	return nil
}

// Verify checks that the aggregate tables and the events' numbers of
// mentions, articles and sources agree with the events and mentions they
// summarise, computed from scratch. It reads everything: it is for tests
// and for checking a load, not for serving.
func (s *Store) Verify(ctx context.Context) error {
	tx, err := s.Read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	defer tx.Rollback()
	for _, q := range aggQueries() {
		// Goldstein sums are compared in thousandths: the order of
		// additions differs.
		cols, query := q.cols, q.sql("round(sum(goldstein) * 1000)")
		if q.goldstein {
			cols += ", round(goldstein * 1000)"
		}
		var n int
		err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM (SELECT `+cols+` FROM `+q.table+` EXCEPT `+query+`) a) + (SELECT count(*) FROM (`+query+` EXCEPT SELECT `+cols+` FROM `+q.table+`) b)`).Scan(&n)
		if err != nil {
			return fmt.Errorf("verify %s: %w", q.table, err)
		}
		if n > 0 {
			return fmt.Errorf("verify: %d rows of %s differ from the events", n, q.table)
		}
	}
	var n int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM events e WHERE num_mentions <> (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)
OR num_articles <> (SELECT count(DISTINCT article_id) FROM mentions m WHERE m.event_id = e.id)
OR num_sources <> (SELECT count(DISTINCT outlet) FROM mentions m WHERE m.event_id = e.id)`).Scan(&n)
	if err != nil {
		return fmt.Errorf("verify mention counts: %w", err)
	}
	if n > 0 {
		return fmt.Errorf("verify: %d events have wrong numbers of mentions, articles or sources", n)
	}
	return nil
}

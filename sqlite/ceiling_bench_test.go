package sqlite_test

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRowInsertCeiling measures what the pure-Go SQLite driver can
// insert at best: a narrow row of eleven columns (about an event's
// scalar fields, no JSON), an integer primary key and no other index,
// in one transaction, through a prepared statement of 1, 50 or 200 rows.
// It is the ceiling the bulk load (BenchmarkBulkLoad) is measured
// against in docs/PERFORMANCE.md; ns/op is per row.
func BenchmarkRowInsertCeiling(b *testing.B) {
	for _, per := range []int{1, 50, 200} {
		b.Run(fmt.Sprint(per), func(b *testing.B) {
			db, err := sql.Open("sqlite", filepath.Join(b.TempDir(), "x.db")+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`CREATE TABLE ev (id INTEGER PRIMARY KEY, day INT, src TEXT, tgt TEXT, code TEXT,
				quad INT, goldstein REAL, country TEXT, lat REAL, lon REAL, mentions INT)`); err != nil {
				b.Fatal(err)
			}
			tx, err := db.Begin()
			if err != nil {
				b.Fatal(err)
			}
			defer tx.Rollback()
			st, err := tx.Prepare("INSERT INTO ev VALUES " + strings.TrimSuffix(strings.Repeat("(?,?,?,?,?,?,?,?,?,?,?),", per), ","))
			if err != nil {
				b.Fatal(err)
			}
			args := make([]any, 0, per*11)
			b.ResetTimer()
			for i := 0; i < b.N; i += per {
				args = args[:0]
				for j := range per {
					id := i + j
					args = append(args, id, 20200101+id%1800, "PAKGOV", "AFGREB", "190", 4, -10.0, "PAK", 33.1, 71.2, 1)
				}
				if _, err := st.Exec(args...); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		})
	}
}

package sqlite_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/storetest"
	"github.com/dyad-events/dyad/sqlite"
)

// crashEnv tells a re-executed test binary to be the writer that
// TestCrash kills.
const crashEnv = "DYAD_SQLITE_CRASH_WRITER"

// TestCrashWriter is the child of TestCrash: it saves articles of ten
// events until killed, printing each article's ID once committed.
func TestCrashWriter(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("run by TestCrash")
	}
	db := sqlite.NewDB(path)
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	g := storetest.NewSynth(3)
	for {
		a, evs := g.Article(10)
		if _, err := db.SaveArticle(context.Background(), a, nil, evs); err != nil {
			t.Fatal(err)
		}
		fmt.Println("committed", a.ID)
	}
}

// TestCrash kills a writer with SIGKILL mid-ingest and checks that every
// article it reported committed is there, whole, and that no article is
// half-written.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run", "^TestCrashWriter$")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var committed []string
	sc := bufio.NewScanner(out)
	deadline := time.Now().Add(10 * time.Second)
	for sc.Scan() {
		if id, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
			committed = append(committed, id)
		}
		if len(committed) >= 30 || time.Now().After(deadline) {
			break
		}
	}
	cmd.Process.Kill() // SIGKILL
	cmd.Wait()
	if len(committed) == 0 {
		t.Fatal("the writer committed nothing")
	}

	db := sqlite.NewDB(path)
	ctx := context.Background()
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, id := range committed {
		if _, err := db.Article(ctx, id); err != nil {
			t.Errorf("committed article %s: %v", id, err)
		}
	}
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	checks := []struct{ name, query string }{
		{"integrity", `SELECT CASE WHEN (SELECT integrity_check FROM pragma_integrity_check) = 'ok' THEN 0 ELSE 1 END`},
		{"half-written articles", `SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) <> 10`},
		{"events without mentions", `SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)`},
		{"aggregates off", `SELECT (SELECT count(*) FROM events) - (SELECT coalesce(sum(n), 0) FROM agg_code)`},
	}
	for _, c := range checks {
		var n int
		if err := raw.QueryRow(c.query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if n != 0 {
			t.Errorf("%s: %d", c.name, n)
		}
	}
	t.Logf("killed after %d committed articles", len(committed))
}

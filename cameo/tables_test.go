package cameo_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTablesUpToDate regenerates tables.go from the shared data and checks
// that the result is the committed file, byte for byte. The data is found
// in $DYAD_SHARED_DATA, else in ../../shared/data.
func TestTablesUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the regeneration of tables.go in short mode")
	}
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	if _, err := os.Stat(filepath.Join(dir, "cameo", "gdelt-lookups", "CAMEO.eventcodes.txt")); err != nil {
		t.Skipf("shared data not found (%v); set DYAD_SHARED_DATA to the data directory to check tables.go against it", err)
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go command not found: %v", err)
	}

	out := filepath.Join(t.TempDir(), "tables.go")
	cmd := exec.Command(goBin, "run", "../internal/cmd/gencameo", "-data", dir, "-out", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", cmd, err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			if i >= len(gl) || i >= len(wl) || gl[i] != wl[i] {
				t.Fatalf("tables.go is stale; run go generate ./cameo\nfirst difference at line %d:\ngenerated: %q\ncommitted: %q",
					i+1, line(gl, i), line(wl, i))
			}
		}
	}
}

func line(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(end of file)"
}

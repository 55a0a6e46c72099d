package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunGazetteer(t *testing.T) {
	dir := filepath.Join(sharedData(t), "geonames")
	tmp := t.TempDir()
	out := filepath.Join(tmp, "gn.gz")

	t.Run("OK", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"gazetteer", "import", "--geonames", dir, "--out", out}, strings.NewReader(""), &stdout, &stderr)
		if err != nil {
			t.Fatalf("import: %v (%s)", err, stderr.String())
		}
		if !strings.Contains(stdout.String(), "places") {
			t.Errorf("stdout %q", stdout.String())
		}
		stdout.Reset()
		err = run(context.Background(), []string{"gazetteer", "lookup", "--gazetteer", out, "--context", "PAK", "-json", "Hyderabad"}, strings.NewReader(""), &stdout, &stderr)
		if err != nil {
			t.Fatalf("lookup: %v (%s)", err, stderr.String())
		}
		var row struct {
			Location struct{ Name, Country string } `json:"location"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		if row.Location.Name != "Hyderabad" || row.Location.Country != "PAK" {
			t.Errorf("lookup Hyderabad in PAK = %+v, want Hyderabad, PAK", row.Location)
		}
	})
	t.Run("Builtin", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"gazetteer", "lookup", "Qandahar", "Mordor"}, strings.NewReader(""), &stdout, &stderr); err != nil {
			t.Fatalf("lookup: %v (%s)", err, stderr.String())
		}
		if got := stdout.String(); !strings.Contains(got, "Qandahar: Kandahār (city, AFG, AF23)") || !strings.Contains(got, "Mordor: not found") {
			t.Errorf("stdout %q", got)
		}
	})
	t.Run("DB", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		db := filepath.Join(tmp, "events.db")
		small := filepath.Join("..", "..", "geo", "testdata", "geonames")
		if err := run(context.Background(), []string{"gazetteer", "import", "--geonames", small, "--db", db, "--min-pop", "100000"}, strings.NewReader(""), &stdout, &stderr); err != nil {
			t.Fatalf("import: %v (%s)", err, stderr.String())
		}
		if !strings.Contains(stdout.String(), gazetteerFile(db)) {
			t.Errorf("stdout %q does not name %s", stdout.String(), gazetteerFile(db))
		}
	})
	for _, tt := range []struct {
		name string
		args []string
		msg  string
	}{
		{"ErrNoDir", []string{"gazetteer", "import", "--out", out}, "--geonames"},
		{"ErrNoOut", []string{"gazetteer", "import", "--geonames", dir}, "--out"},
		{"ErrBadDir", []string{"gazetteer", "import", "--geonames", tmp, "--out", out}, "countryInfo"},
		{"ErrSubcommand", []string{"gazetteer", "frob"}, "unknown subcommand"},
		{"ErrNoName", []string{"gazetteer", "lookup"}, "NAME"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr)
			if code := exitCode(err, &stderr); code != 2 || !strings.Contains(stderr.String(), tt.msg) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr.String(), tt.msg)
			}
		})
	}
}

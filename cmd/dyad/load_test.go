package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	tests := []struct {
		seed string
		want []string
	}{
		{"1", []string{"bulk true", "events 3"}},  // an empty store: bulk load
		{"2", []string{"bulk false", "events 3"}}, // batches into a store with events
		{"2", []string{"bulk false", "events 0"}}, // the same articles again: nothing new
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"load", "--synthetic", "3000", "--batch", "1000", "--seed", tt.seed, "--verify", "--db", db}, nil, &stdout, &stderr); err != nil {
			t.Fatalf("%v: %s", err, stderr.String())
		}
		for _, w := range append(tt.want, "verified") {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("seed %s: output lacks %q:\n%s", tt.seed, w, stdout.String())
			}
		}
	}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"load", "--db", db}, nil, &stdout, &stderr); exitCode(err, &stderr) != 2 {
		t.Errorf("load without --synthetic: %v, want a usage error", err)
	}
}

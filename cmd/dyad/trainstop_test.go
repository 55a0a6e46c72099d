package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestUntilDone: a stopped training returns at once with the cause; a
// finished one returns its own error.
func TestUntilDone(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	release := make(chan struct{})
	defer close(release)
	stop := errors.New("SIGTERM")
	go func() {
		time.Sleep(10 * time.Millisecond)
		cancel(stop)
	}()
	err := untilDone(ctx, func() error { <-release; return nil })
	if !errors.Is(err, stop) {
		t.Errorf("untilDone on a stopped context = %v, want the stop cause", err)
	}
	own := errors.New("bad treebank")
	if err := untilDone(context.Background(), func() error { return own }); err != own {
		t.Errorf("untilDone = %v, want the job's error", err)
	}
}

type failingModel struct{ written string }

func (m failingModel) WriteTo(w io.Writer) (int64, error) {
	n, _ := w.Write([]byte(m.written))
	return int64(n), errors.New("disk full")
}

type stringModel string

func (m stringModel) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write([]byte(m))
	return int64(n), err
}

// TestWriteModel: a model file is replaced whole or not at all, and no
// temporary file is left behind.
func TestWriteModel(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "parser.gz")
	if err := os.WriteFile(path, []byte("old model"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := writeModel(path, failingModel{"half a mod"}); err == nil {
		t.Fatal("writeModel with a failing writer succeeded")
	}
	if b, _ := os.ReadFile(path); string(b) != "old model" {
		t.Errorf("after a failed write the model is %q, want the old one", b)
	}
	if n, err := writeModel(path, stringModel("new model")); err != nil || n != 9 {
		t.Fatalf("writeModel = %d, %v", n, err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new model" {
		t.Errorf("model is %q, want the new one", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

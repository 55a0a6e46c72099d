// Package treebank loads CoNLL-U treebanks (plain or gzip-compressed) for
// training and evaluation, and finds the shared UD data for tests.
package treebank

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/conllu"
)

// Read reads every sentence of a CoNLL-U stream.
func Read(r io.Reader) ([]*dyad.Sentence, error) {
	cr := conllu.NewReader(r)
	var out []*dyad.Sentence
	for {
		s, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

// Load reads the CoNLL-U file at path, decompressing it when its name ends
// in ".gz".
func Load(path string) ([]*dyad.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load treebank: %w", err)
	}
	defer f.Close()
	var r io.Reader = bufio.NewReader(f)
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("load treebank %s: %w", path, err)
		}
		r = zr
	}
	s, err := Read(r)
	if err != nil {
		return nil, fmt.Errorf("load treebank %s: %w", path, err)
	}
	return s, nil
}

// SharedFile returns the path of a file under the shared data directory
// ($DYAD_SHARED_DATA, else ../../shared/data from the module root found by
// walking up from the test's directory), skipping the test when absent.
func SharedFile(tb testing.TB, rel string) string {
	tb.Helper()
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		wd, _ := os.Getwd()
		for d := wd; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				dir = filepath.Join(d, "..", "shared", "data")
				break
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data file %s not found (set DYAD_SHARED_DATA): %v", p, err)
	}
	return p
}

// EWTDev is the path of the EWT dev file under the shared data directory.
const EWTDev = "ud/en_ewt/en_ewt-ud-dev.conllu.gz"

// EWTTrain is the path of the EWT train file under the shared data directory.
const EWTTrain = "ud/en_ewt/en_ewt-ud-train.conllu.gz"

package conllu_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/conllu"
)

// sharedData returns the shared data directory: $DYAD_SHARED_DATA, or
// ../../shared/data beside the module. It skips the test when there is
// none.
func sharedData(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("shared data not found at %s (set DYAD_SHARED_DATA): %v", dir, err)
	}
	return dir
}

// gunzip returns the uncompressed contents of a .gz file under the shared
// data directory, skipping the test when the file is absent.
func gunzip(tb testing.TB, name string) []byte {
	tb.Helper()
	path := filepath.Join(sharedData(tb), filepath.FromSlash(name))
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		tb.Skipf("%s not found", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("gunzip %s: %v", path, err)
	}
	return data
}

const ewtDev = "ud/en_ewt/en_ewt-ud-dev.conllu.gz"

// The English Web Treebank dev set reads as 2001 sentences and writes back
// byte for byte.
func TestRoundTrip_EWTDev(t *testing.T) {
	data := gunzip(t, ewtDev)
	var out bytes.Buffer
	r := conllu.NewReader(bytes.NewReader(data))
	w := conllu.NewWriter(&out)
	n, words, multiwords, empty := 0, 0, 0, 0
	for {
		s, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if s.Index != n {
			t.Fatalf("sentence %d has Index %d", n, s.Index)
		}
		if s.ID == "" || s.Text == "" {
			t.Fatalf("sentence %d has ID %q and text %q, want both", n, s.ID, s.Text)
		}
		n++
		words += len(s.Tokens)
		multiwords += len(s.Multiwords)
		empty += len(s.Empty)
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if n != 2001 {
		t.Errorf("read %d sentences, want 2001", n)
	}
	if multiwords != 359 {
		t.Errorf("read %d multiword tokens, want 359", multiwords)
	}
	t.Logf("%d sentences, %d words, %d multiword tokens, %d empty nodes", n, words, multiwords, empty)
	if got := out.Bytes(); !bytes.Equal(got, data) {
		i := 0
		for i < len(got) && i < len(data) && got[i] == data[i] {
			i++
		}
		lo := max(0, i-200)
		t.Fatalf("round trip differs at byte %d:\ngot  ...%q\nwant ...%q",
			i, got[lo:min(len(got), i+100)], data[lo:min(len(data), i+100)])
	}
}

func BenchmarkRead(b *testing.B) {
	data := gunzip(b, ewtDev)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := conllu.NewReader(bytes.NewReader(data))
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	data := gunzip(b, ewtDev)
	ss, err := readAll(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		w := conllu.NewWriter(io.Discard)
		for _, s := range ss {
			if err := w.Write(s); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
	}
}

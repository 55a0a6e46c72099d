package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/extract"
)

// FuzzExtract feeds arbitrary bytes through the whole HTML path: it must
// never panic, and whatever it returns must be valid UTF-8.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b, "")
		}
	}
	f.Add([]byte("<html><body><p>one two three four five six</p></body></html>"), "text/html; charset=iso-8859-1")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	f.Add([]byte(`<meta charset="shift_jis"><p>`+"\x82\xa0\x82\xa2"), "")
	f.Add([]byte("<script>"), "text/html; charset=bogus")
	x := extract.New(extract.Options{MaxBytes: 1 << 20})
	f.Fuzz(func(t *testing.T, page []byte, contentType string) {
		res, err := x.ExtractBytes(context.Background(), page, "https://example.com/a", contentType)
		if err != nil {
			return
		}
		a := res.Article
		for _, s := range append([]string{a.Text, a.Title, a.Outlet, a.CanonicalURL, res.SyndicatedFrom}, a.Authors...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
		}
	})
}

// FuzzToUTF8 checks that charset conversion always yields valid UTF-8.
func FuzzToUTF8(f *testing.F) {
	f.Add([]byte("caf\xe9"), "")
	f.Add([]byte("\xef\xbb\xbfcafé"), "text/html; charset=utf-8")
	f.Add([]byte(`<meta charset="koi8-r">`+"\xc1"), "")
	f.Fuzz(func(t *testing.T, raw []byte, contentType string) {
		if s, _ := extract.ToUTF8(raw, contentType); !utf8.ValidString(s) {
			t.Fatalf("ToUTF8 returned invalid UTF-8: %q", s)
		}
	})
}

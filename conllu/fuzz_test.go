package conllu_test

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/conllu"
)

// readLenient reads every sentence it can, going on after each
// *ParseError.
func readLenient(t *testing.T, data []byte) []*dyad.Sentence {
	t.Helper()
	r := conllu.NewReader(bytes.NewReader(data))
	var out []*dyad.Sentence
	for range len(data) + 2 { // each call consumes at least one line
		s, err := r.Read()
		var pe *conllu.ParseError
		switch {
		case err == io.EOF:
			return out
		case errors.As(err, &pe):
			if pe.Line < 1 {
				t.Fatalf("error names line %d: %v", pe.Line, err)
			}
			continue
		case err != nil:
			return out
		}
		s.Index = 0 // counts malformed sentences too
		out = append(out, s)
	}
	t.Fatal("Read does not reach io.EOF")
	return nil
}

// FuzzRead checks that reading arbitrary bytes never panics, and that what
// reads writes out and reads back as the same sentences.
func FuzzRead(f *testing.F) {
	seeds := []string{
		"",
		"# sent_id = a\n# text = Hi there\n" + word("1", "Hi", "0", "root") + word("2", "there", "1", "advmod") + "\n",
		"# newdoc\n# sent_id = a\n#text=x\n#\n" + word("1", "Hi", "0", "root"),
		row("0.1", "x", "_", "_", "_", "_", "_", "_", "1:dep", "_") +
			row("1-2", "don't", "_", "_", "_", "_", "_", "_", "_", "SpaceAfter=No") +
			row("1", "do", "do", "AUX", "VBP", "Mood=Ind", "0", "root", "0:root", "TokenRange=0:2") +
			row("2", "n't", "not", "PART", "RB", "_", "_", "_", "_", "_") +
			row("2.1", "do", "do", "AUX", "_", "_", "_", "_", "0:root", "CopyOf=1") + "\n",
		"\uFEFF" + word("1", "A", "0", "root") + "\r\n\r\n" + word("1", "B", "2", "root") + "\n" + word("1", "C", "0", "root"),
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		first := readLenient(t, data)
		var buf bytes.Buffer
		w := conllu.NewWriter(&buf)
		for _, s := range first {
			if err := w.Write(s); err != nil {
				t.Fatalf("writing a sentence that was read: %v\n%+v", err, *s)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		out := buf.Bytes()

		second, err := readAll(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, out)
		}
		for i, s := range second {
			if s.Index != i {
				t.Fatalf("sentence %d has Index %d", i, s.Index)
			}
			s.Index = 0
		}
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("sentences differ after writing and reading\nfirst\n%s\nsecond\n%s\nwritten\n%q",
				dump(first), dump(second), out)
		}

		// What the Writer writes, it writes again unchanged.
		buf.Reset()
		w = conllu.NewWriter(&buf)
		for _, s := range second {
			if err := w.Write(s); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), out) {
			t.Fatalf("second write differs\nfirst  %q\nsecond %q", out, buf.Bytes())
		}
	})
}

package conllu_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/conllu"
)

// write writes sentences with a Writer and returns the output.
func write(t testing.TB, ss ...*dyad.Sentence) string {
	t.Helper()
	var buf bytes.Buffer
	w := conllu.NewWriter(&buf)
	for _, s := range ss {
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestWriter_Write(t *testing.T) {
	tests := []struct {
		name string
		s    *dyad.Sentence
		want string
	}{
		{
			name: "EmptyFields",
			s: &dyad.Sentence{
				ID: "s1", Text: "Hi there",
				Tokens: []dyad.Token{
					{ID: 1, Form: "Hi", Head: 0, DepRel: "root"},
					{ID: 2, Form: "there", Lemma: "there", UPOS: "ADV", Feats: "_", Head: -1, Start: 3, End: 8},
				},
			},
			want: "# sent_id = s1\n# text = Hi there\n" +
				row("1", "Hi", "_", "_", "_", "_", "0", "root", "_", "_") +
				row("2", "there", "there", "ADV", "_", "_", "_", "_", "_", "_") + "\n",
		},
		{
			name: "IDAndTextFirst",
			s: &dyad.Sentence{
				ID: "s1", Text: "Hi",
				Comments: []string{"newdoc id = d1", "", " indented"},
				Tokens:   []dyad.Token{tok(1, "Hi", 0, "root")},
			},
			want: "# sent_id = s1\n# text = Hi\n# newdoc id = d1\n#\n#  indented\n" + word("1", "Hi", "0", "root") + "\n",
		},
		{
			name: "Slots",
			s: &dyad.Sentence{
				ID: "new", Text: "",
				Comments: []string{"newdoc id = d1", "sent_id = old", "text = old text", "sent_id = other"},
				Tokens:   []dyad.Token{tok(1, "Hi", 0, "root")},
			},
			want: "# newdoc id = d1\n# sent_id = new\n# sent_id = other\n" + word("1", "Hi", "0", "root") + "\n",
		},
		{
			name: "MultiwordsAndEmptyNodes",
			s: &dyad.Sentence{
				Tokens: []dyad.Token{tok(1, "do", 0, "root"), tok(2, "n't", 1, "advmod"), tok(3, "go", 1, "xcomp")},
				Multiwords: []dyad.MultiwordToken{
					{First: 1, Last: 2, Form: "don't"},
				},
				Empty: []dyad.EmptyNode{
					{After: 0, Index: 1, Form: "x"},
					{After: 2, Index: 1, Form: "y", Deps: "1:dep"},
					{After: 3, Index: 1, Form: "z"},
				},
			},
			want: row("0.1", "x", "_", "_", "_", "_", "_", "_", "_", "_") +
				row("1-2", "don't", "_", "_", "_", "_", "_", "_", "_", "_") +
				word("1", "do", "0", "root") + word("2", "n't", "1", "advmod") +
				row("2.1", "y", "_", "_", "_", "_", "_", "_", "1:dep", "_") +
				word("3", "go", "1", "xcomp") +
				row("3.1", "z", "_", "_", "_", "_", "_", "_", "_", "_") + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := write(t, tt.s); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestWriter_Write_errors(t *testing.T) {
	words := func() []dyad.Token {
		return []dyad.Token{tok(1, "Hi", 0, "root"), tok(2, "there", 1, "advmod")}
	}
	tests := []struct {
		name string
		s    *dyad.Sentence
		want string
	}{
		{"ErrNil", nil, "conllu: write: nil sentence"},
		{"ErrNoWords", &dyad.Sentence{ID: "a"}, "conllu: write sentence a: no words"},
		{"ErrTokenID", &dyad.Sentence{Index: 4, Tokens: []dyad.Token{tok(2, "Hi", 0, "root")}},
			"conllu: write sentence #4: Tokens[0] has ID 2, want 1"},
		{"ErrHead", &dyad.Sentence{Tokens: []dyad.Token{tok(1, "Hi", 2, "root")}},
			"conllu: write sentence #0: HEAD 2 of word 1 out of range 0..1"},
		{"ErrTabInForm", &dyad.Sentence{Tokens: []dyad.Token{tok(1, "H\ti", 0, "root")}},
			`conllu: write sentence #0: word 1: tab or line break in "H\ti"`},
		{"ErrNewlineInText", &dyad.Sentence{Text: "a\nb", Tokens: words()},
			"conllu: write sentence #0: line break in text"},
		{"ErrNewlineInComment", &dyad.Sentence{Comments: []string{"ok", "a\nb"}, Tokens: words()},
			"conllu: write sentence #0: line break in comment 2"},
		{"ErrMultiword", &dyad.Sentence{Tokens: words(), Multiwords: []dyad.MultiwordToken{{First: 2, Last: 3}}},
			"conllu: write sentence #0: multiword token 2-3 out of range or order"},
		{"ErrEmptyNodeOrder", &dyad.Sentence{Tokens: words(), Empty: []dyad.EmptyNode{{After: 2, Index: 1}, {After: 1, Index: 1}}},
			"conllu: write sentence #0: empty node 1.1 out of range or order"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := conllu.NewWriter(&buf)
			err := w.Write(tt.s)
			if err == nil {
				t.Fatalf("got no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got error %q, want %q", err, tt.want)
			}
			if got := dyad.ErrorCode(err); got != dyad.EINVALID {
				t.Errorf("got code %q, want %q", got, dyad.EINVALID)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %q, want nothing", buf.String())
			}
		})
	}
}

// Canonical input reads and writes back byte for byte.
func TestRoundTrip(t *testing.T) {
	inputs := map[string]string{
		"Plain": "# sent_id = a\n# text = Hi there\n" +
			word("1", "Hi", "0", "root") + word("2", "there", "1", "advmod") + "\n",
		"CommentOrder": "# newdoc id = d\n# sent_id = a\n# newpar id = p\n# text = Hi\n# x\n#\n" +
			word("1", "Hi", "0", "root") + "\n" +
			"# sent_id = b\n# text = Hi\n# sent_id = c\n" + word("1", "Hi", "0", "root") + "\n",
		"Everything": row("0.1", "x", "_", "_", "_", "_", "_", "_", "1:dep", "_") +
			row("1-2", "don't", "_", "_", "_", "_", "_", "_", "_", "SpaceAfter=No") +
			row("1", "do", "do", "AUX", "VBP", "Mood=Ind", "0", "root", "0:root", "TokenRange=0:2") +
			row("2", "n't", "not", "PART", "RB", "_", "_", "_", "_", "_") +
			row("2.1", "do", "do", "AUX", "_", "_", "_", "_", "0:root", "CopyOf=1") +
			row("3", "New York", "New York", "PROPN", "NNP", "_", "1", "obl", "1:obl", "_") + "\n",
	}
	for name, input := range inputs {
		t.Run(name, func(t *testing.T) {
			ss, err := readAll(strings.NewReader(input))
			if err != nil {
				t.Fatal(err)
			}
			if got := write(t, ss...); got != input {
				t.Errorf("got\n%s\nwant\n%s", got, input)
			}
		})
	}
}

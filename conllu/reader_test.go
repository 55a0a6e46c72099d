package conllu_test

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/conllu"
)

// row returns a CoNLL-U line with the given columns.
func row(cols ...string) string {
	return strings.Join(cols, "\t") + "\n"
}

// word returns a word line with the given ID, form, head and relation; the
// lemma is the lower-cased form, UPOS is X and the other columns are "_".
func word(id, form, head, rel string) string {
	return row(id, form, strings.ToLower(form), "X", "_", "_", head, rel, "_", "_")
}

// tok is the token that word(strconv.Itoa(id), form, strconv.Itoa(head), rel) reads as.
func tok(id int, form string, head int, rel string) dyad.Token {
	return dyad.Token{
		ID: id, Form: form, Lemma: strings.ToLower(form), UPOS: "X", XPOS: "_", Feats: "_",
		Head: head, DepRel: rel, Deps: "_", Misc: "_", Start: -1, End: -1,
	}
}

// readAll reads sentences until io.EOF or the first error.
func readAll(r io.Reader) ([]*dyad.Sentence, error) {
	cr := conllu.NewReader(r)
	var out []*dyad.Sentence
	for {
		s, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

func TestReader_Read(t *testing.T) {
	hiThere := []dyad.Token{tok(1, "Hi", 0, "root"), tok(2, "there", 1, "advmod")}
	hiThereLines := word("1", "Hi", "0", "root") + word("2", "there", "1", "advmod")

	tests := []struct {
		name  string
		input string
		want  []*dyad.Sentence
	}{
		{
			name:  "OK",
			input: "# sent_id = s1\n# text = Hi there\n" + hiThereLines + "\n",
			want:  []*dyad.Sentence{{ID: "s1", Text: "Hi there", Tokens: hiThere}},
		},
		{
			name:  "Empty",
			input: "",
		},
		{
			name:  "OnlyBlankLines",
			input: "\n\n  \n\t\n",
		},
		{
			name:  "CommentsAfterIDAndText",
			input: "# sent_id = s1\n# text = Hi there\n# newpar\n# key = value\n" + hiThereLines + "\n",
			want: []*dyad.Sentence{{
				ID: "s1", Text: "Hi there", Tokens: hiThere,
				Comments: []string{"newpar", "key = value"},
			}},
		},
		{
			// Other comments come first: sent_id and text stay in Comments
			// to mark their places.
			name:  "CommentsBeforeIDAndText",
			input: "# newdoc id = d1\n# sent_id = s1\n# newpar id = p1\n#text=Hi there\n#bare\n#\n" + hiThereLines + "\n",
			want: []*dyad.Sentence{{
				ID: "s1", Text: "Hi there", Tokens: hiThere,
				Comments: []string{"newdoc id = d1", "sent_id = s1", "newpar id = p1", "text = Hi there", "bare", ""},
			}},
		},
		{
			name:  "EmptySentIDIsAComment",
			input: "# sent_id =\n# text = Hi there\n" + hiThereLines,
			want: []*dyad.Sentence{{
				Text: "Hi there", Tokens: hiThere,
				Comments: []string{"sent_id =", "text = Hi there"},
			}},
		},
		{
			name: "Multiword",
			input: row("1-2", "don't", "_", "_", "_", "_", "_", "_", "_", "SpaceAfter=No") +
				word("1", "do", "0", "root") + word("2", "n't", "1", "advmod") + word("3", "go", "1", "xcomp") + "\n",
			want: []*dyad.Sentence{{
				Tokens:     []dyad.Token{tok(1, "do", 0, "root"), tok(2, "n't", 1, "advmod"), tok(3, "go", 1, "xcomp")},
				Multiwords: []dyad.MultiwordToken{{First: 1, Last: 2, Form: "don't", Misc: "SpaceAfter=No"}},
			}},
		},
		{
			name: "EmptyNodes",
			input: row("0.1", "x", "x", "X", "_", "_", "_", "_", "2:dep", "_") +
				word("1", "Sue", "2", "nsubj") + word("2", "likes", "0", "root") +
				row("2.1", "likes", "like", "VERB", "_", "_", "_", "_", "0:root", "CopyOf=2") +
				row("2.2", "y", "y", "X", "_", "_", "_", "_", "2:dep", "_") + "\n",
			want: []*dyad.Sentence{{
				Tokens: []dyad.Token{tok(1, "Sue", 2, "nsubj"), tok(2, "likes", 0, "root")},
				Empty: []dyad.EmptyNode{
					{After: 0, Index: 1, Form: "x", Lemma: "x", UPOS: "X", XPOS: "_", Feats: "_", Deps: "2:dep", Misc: "_"},
					{After: 2, Index: 1, Form: "likes", Lemma: "like", UPOS: "VERB", XPOS: "_", Feats: "_", Deps: "0:root", Misc: "CopyOf=2"},
					{After: 2, Index: 2, Form: "y", Lemma: "y", UPOS: "X", XPOS: "_", Feats: "_", Deps: "2:dep", Misc: "_"},
				},
			}},
		},
		{
			name:  "MissingFinalBlankLine",
			input: "# sent_id = a\n" + word("1", "A", "0", "root") + "\n# sent_id = b\n" + strings.TrimSuffix(word("1", "B", "0", "root"), "\n"),
			want: []*dyad.Sentence{
				{ID: "a", Tokens: []dyad.Token{tok(1, "A", 0, "root")}},
				{ID: "b", Index: 1, Tokens: []dyad.Token{tok(1, "B", 0, "root")}},
			},
		},
		{
			name:  "CRLFAndBOM",
			input: "\uFEFF# sent_id = a\r\n" + strings.ReplaceAll(hiThereLines, "\n", "\r\n") + "\r\n",
			want:  []*dyad.Sentence{{ID: "a", Tokens: hiThere}},
		},
		{
			name:  "MultipleBlankLines",
			input: "\n\n" + word("1", "A", "0", "root") + "\n\n \n\n" + word("1", "B", "0", "root") + "\n\n\n",
			want: []*dyad.Sentence{
				{Tokens: []dyad.Token{tok(1, "A", 0, "root")}},
				{Index: 1, Tokens: []dyad.Token{tok(1, "B", 0, "root")}},
			},
		},
		{
			name:  "SpacesInForm",
			input: row("1", "New York", "New York", "PROPN", "NNP", "Number=Sing", "0", "root", "_", "_"),
			want: []*dyad.Sentence{{Tokens: []dyad.Token{{
				ID: 1, Form: "New York", Lemma: "New York", UPOS: "PROPN", XPOS: "NNP", Feats: "Number=Sing",
				Head: 0, DepRel: "root", Deps: "_", Misc: "_", Start: -1, End: -1,
			}}}},
		},
		{
			name:  "UnknownHead",
			input: word("1", "A", "_", "_"),
			want:  []*dyad.Sentence{{Tokens: []dyad.Token{tok(1, "A", -1, "_")}}},
		},
		{
			name: "TokenRange",
			input: row("1", "Hi", "hi", "X", "_", "_", "0", "root", "_", "SpaceAfter=No|TokenRange=10:12") +
				row("2", "!", "!", "X", "_", "_", "1", "punct", "_", "TokenRange=12") +
				row("3", "?", "?", "X", "_", "_", "1", "punct", "_", "TokenRange=14:13"),
			want: []*dyad.Sentence{{Tokens: []dyad.Token{
				{ID: 1, Form: "Hi", Lemma: "hi", UPOS: "X", XPOS: "_", Feats: "_", Head: 0, DepRel: "root", Deps: "_", Misc: "SpaceAfter=No|TokenRange=10:12", Start: 10, End: 12},
				{ID: 2, Form: "!", Lemma: "!", UPOS: "X", XPOS: "_", Feats: "_", Head: 1, DepRel: "punct", Deps: "_", Misc: "TokenRange=12", Start: -1, End: -1},
				{ID: 3, Form: "?", Lemma: "?", UPOS: "X", XPOS: "_", Feats: "_", Head: 1, DepRel: "punct", Deps: "_", Misc: "TokenRange=14:13", Start: -1, End: -1},
			}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAll(strings.NewReader(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", dump(got), dump(tt.want))
			}
		})
	}
}

func TestReader_Read_errors(t *testing.T) {
	ok1 := word("1", "Hi", "0", "root")
	tests := []struct {
		name  string
		input string
		want  string // the error message
	}{
		{"ErrColumns", ok1 + "2\tthere\tthere\tX\t_\t_\t1\tadvmod\t_\n",
			"conllu: line 2: found 9 tab-separated columns, want 10"},
		{"ErrSpaces", "# sent_id = a\n1 Hi hi X _ _ 0 root _ _\n",
			"conllu: line 2: found 1 tab-separated columns, want 10 (columns must be separated by tabs, not spaces)"},
		{"ErrEmptyColumn", row("1", "Hi", "", "X", "_", "_", "0", "root", "_", "_"),
			"conllu: line 1: empty LEMMA column (write _ for no value)"},
		{"ErrNonNumericID", "\n\n" + word("one", "Hi", "0", "root"),
			`conllu: line 3: invalid word ID "one"`},
		{"ErrOutOfOrderID", ok1 + word("3", "there", "1", "advmod"),
			"conllu: line 2: word ID 3 out of order, want 2"},
		{"ErrZeroID", word("0", "Hi", "0", "root"),
			"conllu: line 1: word ID 0 out of order, want 1"},
		{"ErrBadHead", ok1 + word("2", "there", "x", "advmod"),
			`conllu: line 2: invalid HEAD "x" of word 2`},
		{"ErrNegativeHead", ok1 + word("2", "there", "-1", "advmod"),
			`conllu: line 2: invalid HEAD "-1" of word 2`},
		{"ErrHeadOutOfRange", "# c\n" + word("1", "Hi", "3", "root") + word("2", "there", "1", "advmod") + "\n",
			"conllu: line 2: HEAD 3 of word 1 out of range 0..2"},
		{"ErrCommentAfterWords", ok1 + "# c\n",
			"conllu: line 2: comment after word lines (missing blank line between sentences?)"},
		{"ErrNoWords", "\n# sent_id = a\n# text = x\n\n",
			"conllu: line 2: sentence has no word lines"},
		{"ErrMultiwordPastEnd", ok1 + row("2-3", "x", "_", "_", "_", "_", "_", "_", "_", "_") + word("2", "x", "1", "dep"),
			"conllu: line 2: multiword token 2-3 ends after the last word, 2"},
		{"ErrMultiwordOrder", row("2-3", "x", "_", "_", "_", "_", "_", "_", "_", "_") + ok1,
			"conllu: line 1: multiword token 2-3 out of order: it must come just before word 2"},
		{"ErrMultiwordRange", row("1-1", "x", "_", "_", "_", "_", "_", "_", "_", "_") + ok1,
			"conllu: line 1: multiword token range 1-1 must span at least two words"},
		{"ErrEmptyNodeOrder", ok1 + row("2.1", "x", "_", "_", "_", "_", "_", "_", "_", "_"),
			"conllu: line 2: empty node 2.1 out of order: it must come just after word 2"},
		{"ErrEmptyNodeHead", ok1 + row("1.1", "x", "_", "_", "_", "_", "1", "dep", "_", "_"),
			"conllu: line 2: empty node 1.1 must have _ in HEAD and DEPREL (use DEPS)"},
		{"ErrCarriageReturn", "1\tH\ri\thi\tX\t_\t_\t0\troot\t_\t_\n",
			"conllu: line 1: carriage return inside line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("got no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got error %q, want %q", err, tt.want)
			}
			var pe *conllu.ParseError
			if !errors.As(err, &pe) {
				t.Errorf("got %T, want *conllu.ParseError", err)
			}
			if got := dyad.ErrorCode(err); got != dyad.EINVALID {
				t.Errorf("got code %q, want %q", got, dyad.EINVALID)
			}
		})
	}
}

// After a malformed sentence, the next Read returns the sentence after it.
func TestReader_Read_continueAfterError(t *testing.T) {
	input := word("1", "A", "0", "root") + word("3", "B", "1", "dep") + word("4", "C", "1", "dep") + "\n" +
		word("1", "D", "0", "root") + "\n"
	r := conllu.NewReader(strings.NewReader(input))
	if _, err := r.Read(); err == nil || !strings.HasPrefix(err.Error(), "conllu: line 2: ") {
		t.Fatalf("got error %v, want one on line 2", err)
	}
	s, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	want := &dyad.Sentence{Index: 1, Tokens: []dyad.Token{tok(1, "D", 0, "root")}}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got\n%s\nwant\n%s", dump([]*dyad.Sentence{s}), dump([]*dyad.Sentence{want}))
	}
	for range 2 {
		if _, err := r.Read(); err != io.EOF {
			t.Fatalf("got %v, want io.EOF", err)
		}
	}
}

func TestReader_Read_lineTooLong(t *testing.T) {
	input := word("1", "A", "0", "root") + "\n# " + strings.Repeat("x", conllu.MaxLineSize) + "\n"
	r := conllu.NewReader(strings.NewReader(input))
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	_, err := r.Read()
	if got, want := err.Error(), "conllu: line 3: line longer than 1048576 bytes"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if _, err2 := r.Read(); err2 != err {
		t.Errorf("got %v after the error, want it again", err2)
	}
}

// dump formats sentences for failure messages.
func dump(ss []*dyad.Sentence) string {
	var b strings.Builder
	for _, s := range ss {
		if s == nil {
			b.WriteString("<nil>\n")
			continue
		}
		fmt.Fprintf(&b, "%+v\n", *s)
	}
	return b.String()
}

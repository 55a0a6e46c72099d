package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
)

// MaxLineSize is the longest line, in bytes, that a Reader accepts.
const MaxLineSize = 1 << 20

// columns are the names of the ten CoNLL-U columns, for error messages.
var columns = [10]string{"ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"}

// ParseError is a malformed line in CoNLL-U input. Err is a *dyad.Error with
// code dyad.EINVALID.
type ParseError struct {
	Line int // 1-based line number
	Err  error
}

// Error returns the message, in the form "conllu: line 12: ...".
func (e *ParseError) Error() string {
	return fmt.Sprintf("conllu: line %d: %v", e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// Reader reads sentences from CoNLL-U input, one at a time.
type Reader struct {
	s     *bufio.Scanner
	line  int   // number of the last line scanned
	index int   // sentences read so far, including malformed ones
	err   error // sticky: io.EOF or a read error
	b     builder
}

// NewReader returns a Reader that reads from r. The Reader buffers its
// input, so it may read more from r than it returns.
func NewReader(r io.Reader) *Reader {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 0, 64*1024), MaxLineSize)
	return &Reader{s: s}
}

// Read returns the next sentence, or io.EOF after the last one. Its Index is
// the number of sentences before it in the input.
//
// A malformed sentence yields a *ParseError; the Reader skips the rest of
// that sentence, and the next call reads the sentence after it. Any other
// error, such as a line longer than MaxLineSize or a failure of the
// underlying reader, ends reading: later calls return it again.
func (r *Reader) Read() (*dyad.Sentence, error) {
	if r.err != nil {
		return nil, r.err
	}
	b := &r.b
	b.reset()
	for r.s.Scan() {
		r.line++
		line := r.s.Text()
		if r.line == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			if b.started {
				return r.finish()
			}
			continue
		}
		if !b.started {
			b.started = true
			b.first = r.line
		}
		if b.err != nil {
			continue // skip the rest of a malformed sentence
		}
		b.line = r.line
		if err := b.add(line); err != nil {
			b.err = &ParseError{Line: r.line, Err: err}
		}
	}
	if err := r.s.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = &ParseError{Line: r.line + 1, Err: dyad.Errorf(dyad.EINVALID, "line longer than %d bytes", MaxLineSize)}
		} else {
			err = fmt.Errorf("conllu: read: %w", err)
		}
		r.err = err
		return nil, err
	}
	if b.started {
		return r.finish()
	}
	r.err = io.EOF
	return nil, io.EOF
}

// finish completes the sentence in r.b.
func (r *Reader) finish() (*dyad.Sentence, error) {
	b := &r.b
	index := r.index
	r.index++
	if b.err != nil {
		return nil, b.err
	}
	s, err := b.sentence()
	if err != nil {
		return nil, err
	}
	s.Index = index
	return s, nil
}

// builder collects the lines of one sentence.
type builder struct {
	started bool  // a non-blank line was seen
	first   int   // line number of the first line
	line    int   // line number of the line being added
	err     error // the first error in the sentence

	comments   []string
	tokens     []dyad.Token
	multiwords []dyad.MultiwordToken
	empty      []dyad.EmptyNode
	lines      []int // line numbers of tokens
	mwLines    []int // line numbers of multiwords
}

// reset empties b for the next sentence, keeping the capacity of its
// slices, which sentence copies from.
func (b *builder) reset() {
	*b = builder{
		tokens:     b.tokens[:0],
		multiwords: b.multiwords[:0],
		empty:      b.empty[:0],
		lines:      b.lines[:0],
		mwLines:    b.mwLines[:0],
	}
}

func invalid(format string, args ...any) error {
	return dyad.Errorf(dyad.EINVALID, format, args...)
}

// add parses one non-blank line.
func (b *builder) add(line string) error {
	if strings.ContainsRune(line, '\r') {
		return invalid("carriage return inside line")
	}
	if line[0] == '#' {
		if len(b.tokens) > 0 || len(b.multiwords) > 0 || len(b.empty) > 0 {
			return invalid("comment after word lines (missing blank line between sentences?)")
		}
		c := line[1:]
		c = strings.TrimPrefix(c, " ")
		b.comments = append(b.comments, c)
		return nil
	}

	// Split on tabs in one pass, counting all columns for the message.
	var f [10]string
	n := 0
	for rest := line; ; {
		i := strings.IndexByte(rest, '\t')
		col := rest
		if i >= 0 {
			col = rest[:i]
		}
		if n < len(f) {
			f[n] = col
		}
		n++
		if i < 0 {
			break
		}
		rest = rest[i+1:]
	}
	if n != len(f) {
		msg := fmt.Sprintf("found %d tab-separated columns, want 10", n)
		if n == 1 && strings.ContainsRune(line, ' ') {
			msg += " (columns must be separated by tabs, not spaces)"
		}
		return invalid("%s", msg)
	}
	for i, v := range f {
		if v == "" {
			return invalid("empty %s column (write _ for no value)", columns[i])
		}
	}

	id := f[0]
	if first, last, ok := strings.Cut(id, "-"); ok {
		return b.multiword(id, first, last, f)
	}
	if after, index, ok := strings.Cut(id, "."); ok {
		return b.emptyNode(id, after, index, f)
	}
	return b.word(f)
}

func (b *builder) word(f [10]string) error {
	id, ok := number(f[0])
	if !ok {
		return invalid("invalid word ID %q", f[0])
	}
	if want := len(b.tokens) + 1; id != want {
		return invalid("word ID %d out of order, want %d", id, want)
	}
	head := -1
	if f[6] != "_" {
		if head, ok = number(f[6]); !ok {
			return invalid("invalid HEAD %q of word %d", f[6], id)
		}
	}
	start, end := tokenRange(f[9])
	b.lines = append(b.lines, b.line)
	b.tokens = append(b.tokens, dyad.Token{
		ID:     id,
		Form:   f[1],
		Lemma:  f[2],
		UPOS:   f[3],
		XPOS:   f[4],
		Feats:  f[5],
		Head:   head,
		DepRel: f[7],
		Deps:   f[8],
		Misc:   f[9],
		Start:  start,
		End:    end,
	})
	return nil
}

func (b *builder) multiword(id, first, last string, f [10]string) error {
	a, ok1 := number(first)
	z, ok2 := number(last)
	if !ok1 || !ok2 {
		return invalid("invalid multiword token ID %q", id)
	}
	if a >= z {
		return invalid("multiword token range %s must span at least two words", id)
	}
	if want := len(b.tokens) + 1; a != want {
		return invalid("multiword token %s out of order: it must come just before word %d", id, a)
	}
	if n := len(b.multiwords); n > 0 && b.multiwords[n-1].Last >= a {
		return invalid("multiword token %s overlaps %d-%d", id, b.multiwords[n-1].First, b.multiwords[n-1].Last)
	}
	b.mwLines = append(b.mwLines, b.line)
	b.multiwords = append(b.multiwords, dyad.MultiwordToken{First: a, Last: z, Form: f[1], Misc: f[9]})
	return nil
}

func (b *builder) emptyNode(id, after, index string, f [10]string) error {
	a, ok1 := number(after)
	x, ok2 := number(index)
	if !ok1 || !ok2 || x < 1 {
		return invalid("invalid empty node ID %q", id)
	}
	if want := len(b.tokens); a != want {
		return invalid("empty node %s out of order: it must come just after word %d", id, a)
	}
	if n := len(b.empty); n > 0 && b.empty[n-1].After == a && b.empty[n-1].Index >= x {
		return invalid("empty node %s out of order: after %d.%d", id, a, b.empty[n-1].Index)
	}
	if f[6] != "_" || f[7] != "_" {
		return invalid("empty node %s must have _ in HEAD and DEPREL (use DEPS)", id)
	}
	b.empty = append(b.empty, dyad.EmptyNode{
		After: a,
		Index: x,
		Form:  f[1],
		Lemma: f[2],
		UPOS:  f[3],
		XPOS:  f[4],
		Feats: f[5],
		Deps:  f[8],
		Misc:  f[9],
	})
	return nil
}

// sentence checks what needs the whole sentence and returns it.
func (b *builder) sentence() (*dyad.Sentence, error) {
	n := len(b.tokens)
	if n == 0 {
		return nil, &ParseError{Line: b.first, Err: invalid("sentence has no word lines")}
	}
	for i, t := range b.tokens {
		if t.Head > n {
			return nil, &ParseError{Line: b.lines[i], Err: invalid("HEAD %d of word %d out of range 0..%d", t.Head, t.ID, n)}
		}
	}
	for i, m := range b.multiwords {
		if m.Last > n {
			return nil, &ParseError{Line: b.mwLines[i], Err: invalid("multiword token %d-%d ends after the last word, %d", m.First, m.Last, n)}
		}
	}
	s := &dyad.Sentence{Tokens: clone(b.tokens), Multiwords: clone(b.multiwords), Empty: clone(b.empty)}
	s.ID, s.Text, s.Comments = splitComments(b.comments)
	return s, nil
}

// clone returns a copy of s with no spare capacity, or nil when s is empty.
func clone[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}

// number parses a non-negative decimal number of ASCII digits.
func number(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// tokenRange returns the offsets in a MISC value's TokenRange=start:end, or
// -1, -1 when there is none or it is malformed.
func tokenRange(misc string) (start, end int) {
	if misc == "_" || !strings.Contains(misc, "TokenRange=") {
		return -1, -1
	}
	for item := range strings.SplitSeq(misc, "|") {
		v, ok := strings.CutPrefix(item, "TokenRange=")
		if !ok {
			continue
		}
		a, z, ok := strings.Cut(v, ":")
		if !ok {
			break
		}
		s, ok1 := number(a)
		e, ok2 := number(z)
		if ok1 && ok2 && s <= e {
			return s, e
		}
		break
	}
	return -1, -1
}

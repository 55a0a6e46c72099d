package dict

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the helpers the dictionary readers share: line reading
// with the Latin-1 fallback, comment stripping, phrase splitting, and the
// two phrase indexes (whole words for actors and agents, characters for
// discards and issues).

// decodeLine returns a dictionary line as a string. Lines that are not
// valid UTF-8 are decoded as Latin-1, so no byte is lost.
func decodeLine(b []byte) string {
	s, _ := decodeLineLatin1(b)
	return s
}

// decodeLineLatin1 is decodeLine that also reports whether the Latin-1
// fallback was used.
func decodeLineLatin1(b []byte) (s string, latin1 bool) {
	if utf8.Valid(b) {
		return string(b), false
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String(), true
}

// lineReader reads a dictionary file line by line. It reads the whole
// input at once, so that lines (and the words cut from them) are
// substrings of one string rather than one allocation each; the input
// stays in memory as long as the dictionary built from it. It strips a
// UTF-8 byte order mark and the "\r" of CRLF line ends, and decodes lines
// that are not valid UTF-8 as Latin-1.
type lineReader struct {
	data   string // the rest of the input
	name   string // file name for errors and refs
	n      int    // number of the current line, 1-based
	text   string // the current line
	latin1 bool   // the current line was not valid UTF-8
	refBuf []byte
	refStr string // ref of line refN
	refN   int
}

// newLineReader reads all of r.
func newLineReader(r io.Reader, name string) (*lineReader, error) {
	var sb strings.Builder
	if _, err := io.Copy(&sb, r); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	data := strings.TrimPrefix(sb.String(), "\ufeff")
	return &lineReader{data: data, name: name}, nil
}

// next advances to the next line and reports whether there is one.
func (lr *lineReader) next() bool {
	if lr.data == "" {
		return false
	}
	line, rest, _ := strings.Cut(lr.data, "\n")
	lr.data = rest
	lr.n++
	line = strings.TrimSuffix(line, "\r")
	lr.text, lr.latin1 = line, false
	if !utf8.ValidString(line) {
		lr.text, lr.latin1 = decodeLineLatin1([]byte(line))
	}
	return true
}

// errorf returns a *LineError for the current line.
func (lr *lineReader) errorf(format string, args ...any) *LineError {
	return &LineError{File: lr.name, Line: lr.n, Text: strings.TrimSpace(lr.text), Msg: fmt.Sprintf(format, args...)}
}

// ref returns "file:line" for the current line.
func (lr *lineReader) ref() string {
	if lr.refN != lr.n {
		lr.refBuf = strconv.AppendInt(append(append(lr.refBuf[:0], lr.name...), ':'), int64(lr.n), 10)
		lr.refStr = string(lr.refBuf)
		lr.refN = lr.n
	}
	return lr.refStr
}

// cutComment returns s up to the first byte that is in seps (for example
// "#" or "#;").
func cutComment(s, seps string) string {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(seps, s[i]) >= 0 {
			return s[:i]
		}
	}
	return s
}

// isBlank reports whether c separates words on a dictionary line.
func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// dictWords appends to buf the words of an uppercase phrase, split at
// blanks and underscores, dropping empty words (so "AUM_SHINRIKYO__" is two
// words).
func dictWords(buf []string, s string) []string {
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '_' || isBlank(s[i]) {
			if start >= 0 {
				buf = append(buf, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return buf
}

// wordIndex maps phrases (sequences of words) to values, for longest-match
// lookups at the start of a token sequence. It is a trie kept in one slice
// of nodes, so that building it allocates little: a node's children are a
// linked list of siblings, or a map once there are many of them (always at
// the root).
type wordIndex[T any] struct {
	nodes []wordNode[T] // node 0 is the root
}

type wordNode[T any] struct {
	word  string // the word of the edge into the node
	val   *T
	first int32            // first child, 0 for none
	next  int32            // next sibling, 0 for none
	kids  int32            // number of children
	many  map[string]int32 // children by word, once there are many
}

// wordKidsMax is the number of children a node keeps in a list.
const wordKidsMax = 8

func newWordIndex[T any]() *wordIndex[T] {
	return &wordIndex[T]{nodes: []wordNode[T]{{many: map[string]int32{}}}}
}

// grow makes room for about n more nodes.
func (x *wordIndex[T]) grow(n int) {
	x.nodes = slices.Grow(x.nodes, n)
}

// child returns the child of node id for word w.
func (x *wordIndex[T]) child(id int32, w string) (int32, bool) {
	n := &x.nodes[id]
	if n.many != nil {
		c, ok := n.many[w]
		return c, ok
	}
	for c := n.first; c != 0; c = x.nodes[c].next {
		if x.nodes[c].word == w {
			return c, true
		}
	}
	return 0, false
}

// slot returns the value slot of the phrase words, creating the path to it.
// The slot is valid until the next call of slot.
func (x *wordIndex[T]) slot(words []string) **T {
	id := int32(0)
	for _, w := range words {
		next, ok := x.child(id, w)
		if !ok {
			next = int32(len(x.nodes))
			x.nodes = append(x.nodes, wordNode[T]{word: w, next: x.nodes[id].first})
			n := &x.nodes[id]
			n.first = next
			n.kids++
			switch {
			case n.many != nil:
				n.many[w] = next
			case n.kids > wordKidsMax:
				n.many = make(map[string]int32, 2*n.kids)
				for c := n.first; c != 0; c = x.nodes[c].next {
					n.many[x.nodes[c].word] = c
				}
			}
		}
		id = next
	}
	return &x.nodes[id].val
}

// longest returns the value of the longest phrase that starts words, and
// the number of words it covers.
func (x *wordIndex[T]) longest(words []string) (*T, int) {
	var best *T
	n := 0
	id := int32(0)
	for i, w := range words {
		next, ok := x.child(id, w)
		if !ok {
			break
		}
		id = next
		if v := x.nodes[id].val; v != nil {
			best, n = v, i+1
		}
	}
	return best, n
}

// textIndex maps phrases to values for searching running text: phrases
// are matched case-insensitively, starting at a word boundary, with a
// single blank in a phrase matching any run of white space in the text.
// It is a character trie whose edges are kept in one map.
type textIndex struct {
	root  [256]int32 // first byte → node (0: none)
	edges map[textEdge]int32
	vals  []int32 // node → value + 1 (0: none); node 0 is the root
}

type textEdge struct {
	from int32
	c    byte
}

func newTextIndex() *textIndex {
	return &textIndex{edges: map[textEdge]int32{}, vals: []int32{0}}
}

// normalizeText uppercases s, turns underscores and runs of white space
// into single blanks, and trims it.
func normalizeText(s string) string {
	s = strings.ToUpper(s)
	var sb strings.Builder
	sb.Grow(len(s))
	blank := false
	for _, r := range s {
		if r == '_' || unicode.IsSpace(r) {
			blank = sb.Len() > 0
			continue
		}
		if blank {
			sb.WriteByte(' ')
			blank = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// insert adds a normalized phrase and returns a pointer to its value slot
// (value + 1; 0 when the phrase is new).
func (x *textIndex) insert(phrase string) *int32 {
	id := int32(0)
	for i := 0; i < len(phrase); i++ {
		c := phrase[i]
		var next int32
		var ok bool
		if id == 0 {
			next = x.root[c]
			ok = next != 0
		} else {
			next, ok = x.edges[textEdge{id, c}]
		}
		if !ok {
			next = int32(len(x.vals))
			x.vals = append(x.vals, 0)
			if id == 0 {
				x.root[c] = next
			} else {
				x.edges[textEdge{id, c}] = next
			}
		}
		id = next
	}
	return &x.vals[id]
}

// asciiUpper uppercases the ASCII letters of s, leaving every other byte,
// so that byte offsets stay the same.
func asciiUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				b[j] = upperASCII(b[j])
			}
			return string(b)
		}
	}
	return s
}

// upperASCII folds an ASCII lowercase letter to uppercase.
func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}

// spaceAt returns the length of the white space character at s[i], or 0.
func spaceAt(s string, i int) int {
	switch c := s[i]; {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
		return 1
	case c < utf8.RuneSelf:
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if unicode.IsSpace(r) {
		return size
	}
	return 0
}

// isWordRune reports whether r is part of a word (a letter or a digit).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordBefore reports whether the rune ending at s[i] is part of a word.
func wordBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return isWordRune(rune(c))
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r)
}

// wordAt reports whether the rune starting at s[i] is part of a word.
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return isWordRune(rune(c))
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// hasNonASCII reports whether s has a byte outside ASCII.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// scan calls fn for every phrase occurrence in text that starts at a word
// boundary, in order of start position and, at one position, of length.
// fn gets the phrase's value and whether the occurrence also ends at a word
// boundary (white space, punctuation or the end of text), and returns false
// to stop the scan.
func (x *textIndex) scan(text string, fn func(val int32, wordEnd bool) bool) {
	if hasNonASCII(text) {
		text = strings.ToUpper(text)
	}
	for i := 0; i < len(text); i++ {
		first := x.root[upperASCII(text[i])]
		if first == 0 || wordBefore(text, i) {
			continue
		}
		id := first
		j := i + 1
		for {
			if v := x.vals[id]; v != 0 && !fn(v-1, !wordAt(text, j)) {
				return
			}
			if j >= len(text) {
				break
			}
			c := upperASCII(text[j])
			step := 1
			if n := spaceAt(text, j); n > 0 {
				c = ' '
				step = n
				for j+step < len(text) {
					m := spaceAt(text, j+step)
					if m == 0 {
						break
					}
					step += m
				}
			}
			next, ok := x.edges[textEdge{id, c}]
			if !ok {
				break
			}
			id = next
			j += step
		}
	}
}

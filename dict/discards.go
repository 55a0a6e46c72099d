package dict

import (
	"io"
	"strings"
)

// Discards is a discard list: phrases that mark a sentence, or with "+" a
// whole story, as not to be coded (sports results, historical chronologies
// and the like). Several files can be read into one Discards.
type Discards struct {
	// Warnings lists lines that were read but not exactly as written: a
	// duplicated phrase (merged), a line read as Latin-1.
	Warnings []*LineError

	index   *textIndex
	nodes   []discardNode // index value → the phrases ending there
	entries []discardEntry
}

// discardNode holds the entries (index + 1, 0 for none) of one phrase: as a
// stem, and as an exact word ("PHRASE_").
type discardNode struct{ stem, exact int32 }

type discardEntry struct {
	phrase string
	story  bool
	ref    string
}

// NewDiscards returns an empty discard list.
func NewDiscards() *Discards {
	return &Discards{index: newTextIndex()}
}

// Len returns the number of phrases in the list.
func (d *Discards) Len() int { return len(d.entries) }

// Read adds a discard file to d. name is used in errors. A malformed line
// stops the reading with a *LineError; the phrases read before it stay in
// d.
func (d *Discards) Read(r io.Reader, name string) error {
	lr, err := newLineReader(r, name)
	if err != nil {
		return err
	}
	warnf := func(format string, args ...any) {
		d.Warnings = append(d.Warnings, lr.errorf(format, args...))
	}
	for lr.next() {
		if lr.latin1 {
			warnf("not valid UTF-8: read as Latin-1")
		}
		t := strings.TrimSpace(lr.text)
		if t == "" || t[0] == '#' || t[0] == '<' {
			continue
		}
		body := strings.TrimSpace(cutComment(t, "#"))
		story := strings.HasPrefix(body, "+")
		if story {
			body = strings.TrimSpace(body[1:])
		}
		exact := strings.HasSuffix(body, "_")
		if strings.ContainsAny(body, "[]{}") {
			return lr.errorf("code or braces in a discard phrase")
		}
		phrase := normalizeText(body)
		if phrase == "" {
			return lr.errorf("empty discard phrase")
		}
		slot := d.index.insert(phrase)
		if *slot == 0 {
			d.nodes = append(d.nodes, discardNode{})
			*slot = int32(len(d.nodes))
		}
		node := &d.nodes[*slot-1]
		which := &node.stem
		if exact {
			which = &node.exact
		}
		if *which != 0 {
			e := &d.entries[*which-1]
			warnf("duplicate discard phrase %q merged with %s", phrase, e.ref)
			e.story = e.story || story
			continue
		}
		d.entries = append(d.entries, discardEntry{phrase: phrase, story: story, ref: lr.ref()})
		*which = int32(len(d.entries))
	}
	return nil
}

// Match reports the first discard phrase found in text, in uppercase with
// single blanks and without its "+" and "_" marks; story is true for a
// story-level ("+") discard. When text holds both kinds, the first
// story-level phrase is reported, since it discards more.
//
// Matching ignores case. A phrase must start at a word boundary; a phrase
// written with a final "_" must also end at one (white space, punctuation
// or the end of text), while any other phrase matches as a stem, so
// "CHAMPION" also discards "championship". A blank in a phrase matches any
// run of white space.
func (d *Discards) Match(text string) (phrase string, story bool, ok bool) {
	first := int32(-1)
	found := int32(-1)
	try := func(ix int32) bool {
		if ix == 0 {
			return true
		}
		if d.entries[ix-1].story {
			found = ix - 1
			return false
		}
		if first < 0 {
			first = ix - 1
		}
		return true
	}
	d.index.scan(text, func(v int32, wordEnd bool) bool {
		n := d.nodes[v]
		if !try(n.stem) {
			return false
		}
		if wordEnd {
			return try(n.exact)
		}
		return true
	})
	if found < 0 {
		found = first
	}
	if found < 0 {
		return "", false, false
	}
	e := d.entries[found]
	return e.phrase, e.story, true
}

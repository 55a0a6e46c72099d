// Package tagger assigns universal (UPOS) and treebank-specific (XPOS)
// part-of-speech tags with a greedy, left-to-right averaged perceptron.
//
// The tagger predicts one combined class per word ("NOUN NN"), so the two
// tag sets stay consistent. Frequent words seen with a single tag in
// training are tagged from a lexicon without scoring, and frequent words
// take only the classes they had in training.
package tagger

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/internal/affix"
	"github.com/dyad-events/dyad/nlp/internal/linear"
)

// Tagger tags sentences. It is safe for concurrent use.
type Tagger struct {
	upos, xpos []string         // per class
	lex        map[string]int32 // unambiguous frequent words → class
	freqTag    map[string]int32 // lower-cased word → most frequent class
	// dict maps a lower-cased frequent word to the only classes it may
	// take (an index into sets).
	dict  map[string]int32
	sets  []classSet
	model *linear.Model
	// model2, when set, is a second pass that also sees the first pass's
	// tags of the words to the right.
	model2 *linear.Model
}

// Tag sets UPOS and XPOS on every token of s, from their Form.
func (t *Tagger) Tag(s *dyad.Sentence) {
	n := len(s.Tokens)
	ctx := t.newContext(s)
	tags := make([]int32, n)
	scores := make([]float32, len(t.upos))
	feats := make([]uint64, 0, 48)
	for i := range n {
		if c, ok := t.lex[s.Tokens[i].Form]; ok {
			tags[i] = c
			continue
		}
		feats = ctx.features(feats[:0], i, tags, t.upos)
		clear(scores)
		t.model.Score(feats, scores)
		tags[i] = t.best(scores, ctx, i)
	}
	if t.model2 != nil {
		first := tags
		tags = make([]int32, n)
		for i := range n {
			if c, ok := t.lex[s.Tokens[i].Form]; ok {
				tags[i] = c
				continue
			}
			feats = ctx.features(feats[:0], i, tags, t.upos)
			feats = ctx.right(feats, i, tags, first)
			clear(scores)
			t.model2.Score(feats, scores)
			tags[i] = t.best(scores, ctx, i)
		}
	}
	for i, c := range tags {
		s.Tokens[i].UPOS = t.upos[c]
		s.Tokens[i].XPOS = t.xpos[c]
	}
}

// maxSetClasses is the largest number of classes a classSet holds; the
// dictionary is built only for models of at most that many classes.
const maxSetClasses = 128

// classSet is a set of classes, one bit each.
type classSet [2]uint64

func (c *classSet) add(k int32)   { c[k>>6] |= 1 << (k & 63) }
func (c classSet) has(k int) bool { return c[k>>6]&(1<<(k&63)) != 0 }

// any tells whether c holds a class below n.
func (c classSet) any(n int) bool {
	for k := range min(n, maxSetClasses) {
		if c.has(k) {
			return true
		}
	}
	return false
}

// best returns the highest-scoring class of word i among those the
// dictionary allows it.
func (t *Tagger) best(scores []float32, ctx *context, i int) int32 {
	d := ctx.dict[i+pad]
	if d < 0 {
		return int32(argmax(scores))
	}
	set := t.sets[d]
	b := -1
	for k, v := range scores {
		if set.has(k) && (b < 0 || v > scores[b]) {
			b = k
		}
	}
	return int32(b)
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// context holds per-sentence strings used by the features.
type context struct {
	words  []string // normalised forms, with two pads each side
	lower  []string
	shapes []string
	freq   []int32 // most frequent class of each word, -1 when unknown
	dict   []int32 // allowed classes of each word, -1 when any
	caps   int     // 1 when most words are capitalized (a headline), 2 when all are upper-case
}

const pad = 2

func (tg *Tagger) newContext(s *dyad.Sentence) *context {
	n := len(s.Tokens) + 2*pad
	c := &context{words: make([]string, n), lower: make([]string, n), shapes: make([]string, n),
		freq: make([]int32, n), dict: make([]int32, n)}
	for i := range n {
		c.freq[i], c.dict[i] = -1, -1
	}
	c.words[0], c.words[1] = "-START2-", "-START-"
	c.words[n-1], c.words[n-2] = "-END2-", "-END-"
	for i := range pad {
		c.lower[i], c.lower[n-1-i] = c.words[i], c.words[n-1-i]
		c.shapes[i], c.shapes[n-1-i] = c.words[i], c.words[n-1-i]
	}
	for i, t := range s.Tokens {
		w := normalize(t.Form)
		c.words[i+pad] = w
		l := strings.ToLower(w)
		c.lower[i+pad] = l
		c.shapes[i+pad] = Shape(t.Form)
		if f, ok := tg.freqTag[l]; ok {
			c.freq[i+pad] = f
		}
		if d, ok := tg.dict[l]; ok {
			c.dict[i+pad] = d
		}
	}
	c.caps = capsClass(s)
	return c
}

// capsClass tells headlines (most words after the first capitalized: 1)
// and shouting (all letters upper-case: 2) from ordinary sentences (0).
func capsClass(s *dyad.Sentence) int {
	words, upper, initial := 0, 0, 0
	for i, t := range s.Tokens {
		if t.Form == "" || !unicode.IsLetter(rune(t.Form[0])) {
			continue
		}
		words++
		if !strings.ContainsFunc(t.Form, unicode.IsLower) {
			upper++
		}
		if i > 0 && unicode.IsUpper(rune(t.Form[0])) {
			initial++
		}
	}
	switch {
	case words >= 3 && upper == words:
		return 2
	case words >= 4 && 3*initial >= 2*(words-1):
		return 1
	}
	return 0
}

// normalize maps numbers to a class and keeps other words.
func normalize(w string) string {
	digits := 0
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			digits++
		}
	}
	if digits > 0 && digits*2 >= len(w) {
		if len(w) == 4 && digits == 4 {
			return "!YEAR"
		}
		return "!DIGITS"
	}
	return w
}

// Shape returns a compressed shape of w: "Xx" for "Pakistan", "d.d" for
// "5.5", "X.X." for "U.S.".
func Shape(w string) string {
	var b []byte
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < 128:
			c = byte(r)
		default:
			c = 'u'
		}
		if c != last {
			b = append(b, c)
			last = c
		}
		if len(b) > 8 {
			break
		}
	}
	return string(b)
}

// features appends the features of word i (0-based) given the classes of
// the words before it.
func (c *context) features(f []uint64, i int, tags []int32, upos []string) []uint64 {
	j := i + pad
	tag := func(k int) int {
		if k < 0 {
			return -1 - (-k)
		}
		return int(tags[k])
	}
	p1, p2 := tag(i-1), tag(i-2)
	if i-1 < 0 {
		p1 = -1
	}
	if i-2 < 0 {
		p2 = -2
	}
	w, l := c.words[j], c.lower[j]
	H := linear.New
	f = append(f,
		H(0).Sum(),
		H(1).Str(l).Sum(),
		H(2).Str(w).Sum(),
		H(3).Str(affix.Suffix(l, 1)).Sum(),
		H(4).Str(affix.Suffix(l, 2)).Sum(),
		H(5).Str(affix.Suffix(l, 3)).Sum(),
		H(6).Str(affix.Suffix(l, 4)).Sum(),
		H(7).Str(affix.Prefix(l, 1)).Sum(),
		H(8).Str(affix.Prefix(l, 2)).Sum(),
		H(9).Str(affix.Prefix(l, 3)).Sum(),
		H(10).Str(c.shapes[j]).Sum(),
		H(11).Int(p1).Sum(),
		H(12).Int(p2).Int(p1).Sum(),
		H(13).Int(p1).Str(l).Sum(),
		H(14).Str(c.lower[j-1]).Sum(),
		H(15).Str(affix.Suffix(c.lower[j-1], 3)).Sum(),
		H(16).Str(c.lower[j-2]).Sum(),
		H(17).Str(c.lower[j+1]).Sum(),
		H(18).Str(affix.Suffix(c.lower[j+1], 3)).Sum(),
		H(19).Str(c.lower[j+2]).Sum(),
		H(20).Str(c.shapes[j+1]).Sum(),
		H(21).Str(c.shapes[j-1]).Sum(),
		H(22).Int(int(c.freq[j+1])).Sum(),
		H(23).Int(int(c.freq[j+2])).Sum(),
		H(24).Int(int(c.freq[j])).Sum(),
		H(25).Int(int(c.freq[j+1])).Int(int(c.freq[j])).Sum(),
		H(26).Int(p1).Int(int(c.freq[j+1])).Sum(),
		H(27).Str(l).Str(c.lower[j+1]).Sum(),
		H(28).Str(c.lower[j-1]).Str(l).Sum(),
		H(29).Int(p1).Str(affix.Suffix(l, 3)).Sum(),
		H(38).Int(p2).Str(l).Sum(),
		H(39).Str(l).Str(c.lower[j+2]).Sum(),
		H(56).Str(c.lower[j-1]).Str(c.lower[j+1]).Sum(),
		H(57).Int(p1).Str(c.lower[j+1]).Sum(),
		H(58).Int(c.caps).Str(c.shapes[j]).Sum(),
		H(59).Int(c.caps).Int(p1).Str(c.shapes[j]).Sum(),
	)
	if strings.ContainsRune(w, '-') {
		f = append(f, H(30).Sum())
	}
	if j == pad {
		f = append(f, H(31).Str(w).Sum())
	}
	return f
}

// right appends the second pass's features: the first pass's tags of the
// word and of the words after it.
func (c *context) right(f []uint64, i int, tags, first []int32) []uint64 {
	at := func(k int) int {
		if k >= len(first) {
			return -3 - (k - len(first))
		}
		return int(first[k])
	}
	p1 := -1
	if i > 0 {
		p1 = int(tags[i-1])
	}
	n1, n2 := at(i+1), at(i+2)
	l := c.lower[i+pad]
	H := linear.New
	return append(f,
		H(40).Int(n1).Sum(),
		H(41).Int(n2).Sum(),
		H(42).Int(n1).Int(n2).Sum(),
		H(43).Int(p1).Int(n1).Sum(),
		H(44).Str(l).Int(n1).Sum(),
		H(45).Int(at(i)).Sum(),
		H(46).Str(affix.Suffix(l, 3)).Int(n1).Sum(),
		H(47).Int(p1).Int(at(i)).Int(n1).Sum(),
	)
}

// file is the encoded form of a Tagger.
type file struct {
	UPOS, XPOS []string
	Lex        map[string]int32
	FreqTag    map[string]int32
	Dict       map[string]int32
	Sets       []classSet
	Weights    []byte
	Weights2   []byte
}

// WriteTo writes t, gzip-compressed.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	var wb, wb2 bytes.Buffer
	if _, err := t.model.WriteTo(&wb); err != nil {
		return 0, err
	}
	if t.model2 != nil {
		if _, err := t.model2.WriteTo(&wb2); err != nil {
			return 0, err
		}
	}
	cw := &counter{w: w}
	// Stored, not compressed: hashed keys and weights do not compress,
	// and inflating them would double the load time.
	zw, err := gzip.NewWriterLevel(cw, gzip.NoCompression)
	if err != nil {
		return 0, fmt.Errorf("write tagger: %w", err)
	}
	if err := gob.NewEncoder(zw).Encode(file{UPOS: t.upos, XPOS: t.xpos, Lex: t.lex, FreqTag: t.freqTag, Dict: t.dict, Sets: t.sets, Weights: wb.Bytes(), Weights2: wb2.Bytes()}); err != nil {
		return cw.n, fmt.Errorf("write tagger: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("write tagger: %w", err)
	}
	return cw.n, nil
}

type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Read reads a Tagger written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	var f file
	if err := gob.NewDecoder(zr).Decode(&f); err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	m, err := linear.Decode(f.Weights)
	if err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	if len(f.UPOS) != m.Classes() || len(f.XPOS) != m.Classes() {
		return nil, fmt.Errorf("read tagger: %d tags for %d classes", len(f.UPOS), m.Classes())
	}
	for w, k := range f.Dict {
		if k < 0 || int(k) >= len(f.Sets) {
			return nil, fmt.Errorf("read tagger: class set %d of %q out of range", k, w)
		}
	}
	for i, set := range f.Sets {
		if !set.any(len(f.UPOS)) {
			return nil, fmt.Errorf("read tagger: class set %d is empty", i)
		}
	}
	t := &Tagger{upos: f.UPOS, xpos: f.XPOS, lex: f.Lex, freqTag: f.FreqTag, dict: f.Dict, sets: f.Sets, model: m}
	if len(f.Weights2) > 0 {
		if t.model2, err = linear.Decode(f.Weights2); err != nil {
			return nil, fmt.Errorf("read tagger: %w", err)
		}
		if t.model2.Classes() != m.Classes() {
			return nil, fmt.Errorf("read tagger: passes disagree on %d and %d classes", m.Classes(), t.model2.Classes())
		}
	}
	return t, nil
}

// Pruned returns a copy of t without the weights whose magnitude is below
// minAbs: a smaller, faster model at some cost in accuracy.
func (t *Tagger) Pruned(minAbs float32) *Tagger {
	c := *t
	c.model = t.model.Pruned(minAbs)
	if t.model2 != nil {
		c.model2 = t.model2.Pruned(minAbs)
	}
	return &c
}

// Package tagger assigns universal (UPOS) and treebank-specific (XPOS)
// part-of-speech tags with greedy averaged perceptrons in three passes:
// left to right, right to left, and a final left-to-right pass that sees
// the tags of both.
//
// The tagger predicts one combined class per word ("NOUN NN"), so the two
// tag sets stay consistent. Frequent words seen with a single tag in
// training are tagged from a lexicon without scoring, and frequent words
// take only the classes they had in training. Features also read what
// the training text says of each word (its tags, how often it is
// capitalised inside a sentence or a proper noun); in training these
// statistics leave out the sentence's own document, so that the weights
// learn to trust them as much as they deserve on new text.
package tagger

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/internal/linear"
	"github.com/dyad-events/dyad/nlp/internal/wordform"
)

// Tagger tags sentences. It is safe for concurrent use.
type Tagger struct {
	upos, xpos []string            // per class
	lex        map[string]int32    // unambiguous frequent words → class
	words      map[string]wordInfo // lower-cased word → what training says of it
	// dict maps a lower-cased frequent word to the only classes it may
	// take (an index into sets).
	dict  map[string]int32
	sets  []classSet
	model *linear.Model // the left-to-right pass
	// modelR and model2, when set, are the right-to-left pass and the
	// final pass, which sees the tags of the two others.
	modelR, model2 *linear.Model
}

// Tag sets UPOS and XPOS on every token of s, from their Form.
func (t *Tagger) Tag(s *dyad.Sentence) {
	ctx := t.newContext(s, nil)
	tags := t.tag(ctx, t.scorers(), nil)
	for i, c := range tags {
		s.Tokens[i].UPOS = t.upos[c]
		s.Tokens[i].XPOS = t.xpos[c]
	}
}

// learner, when not nil, is told of each scored decision of a pass:
// which pass (0 left to right, 1 right to left, 2 final), the features,
// the word's index in the pass's order and the predicted class.
type learner func(pass int, feats []uint64, i int, pred int32)

// passes are the scorers of a tagger's passes; back and final are both
// set or both nil.
type passes struct {
	first, back, final scorer
}

// scorers returns the passes of t's models.
func (t *Tagger) scorers() passes {
	p := passes{first: t.model}
	if t.model2 != nil {
		p.back, p.final = t.modelR, t.model2
	}
	return p
}

// tag runs the passes over ctx and returns the classes.
func (t *Tagger) tag(ctx *context, p passes, learn learner) []int32 {
	first := t.pass(ctx, p.first, nil, nil, 0, learn)
	if p.final == nil {
		return first
	}
	back := t.pass(ctx.reversed(), p.back, nil, nil, 1, learn)
	slices.Reverse(back)
	return t.pass(ctx, p.final, back, first, 2, learn)
}

// scorer is a Model or a Trainer.
type scorer interface {
	Score(feats []uint64, scores []float32)
}

// pass tags the words of ctx greedily from first to last with m. back
// and first, in the final pass, are the classes the two other passes
// gave.
func (t *Tagger) pass(ctx *context, m scorer, back, first []int32, k int, learn learner) []int32 {
	n := len(ctx.words) - 2*pad
	tags := make([]int32, n)
	scores := make([]float32, len(t.upos))
	feats := make([]uint64, 0, 64)
	for i := range n {
		if c, ok := t.lex[ctx.forms[i+pad]]; ok {
			tags[i] = c
			continue
		}
		feats = ctx.features(feats[:0], i, tags, t.upos)
		if back != nil {
			feats = ctx.final(feats, i, tags, back, first)
		}
		clear(scores)
		m.Score(feats, scores)
		tags[i] = t.best(scores, ctx, i)
		if learn != nil {
			learn(k, feats, i, tags[i])
		}
	}
	return tags
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
	forms  []string // the words as written, with two pads each side
	words  []string // normalised forms, with two pads each side
	lower  []string
	shapes []string
	info   []wordInfo // what training says of each word
	dict   []int32    // allowed classes of each word, -1 when any
	caps   int        // 1 when most words are capitalized (a headline), 2 when all are upper-case
}

const pad = 2

// newContext returns the context of s. infos, when not nil, gives the
// wordInfo of each word instead of the tagger's table (training passes
// statistics that leave out the sentence's own document).
func (tg *Tagger) newContext(s *dyad.Sentence, infos []wordInfo) *context {
	n := len(s.Tokens) + 2*pad
	c := &context{forms: make([]string, n), words: make([]string, n), lower: make([]string, n), shapes: make([]string, n),
		info: make([]wordInfo, n), dict: make([]int32, n)}
	for i := range n {
		c.info[i], c.dict[i] = unseen(), -1
	}
	c.words[0], c.words[1] = "-START2-", "-START-"
	c.words[n-1], c.words[n-2] = "-END2-", "-END-"
	for i := range pad {
		c.lower[i], c.lower[n-1-i] = c.words[i], c.words[n-1-i]
		c.shapes[i], c.shapes[n-1-i] = c.words[i], c.words[n-1-i]
	}
	for i, t := range s.Tokens {
		w := wordform.Normalize(t.Form)
		c.forms[i+pad] = t.Form
		c.words[i+pad] = w
		l := strings.ToLower(w)
		c.lower[i+pad] = l
		c.shapes[i+pad] = Shape(t.Form)
		if infos != nil {
			c.info[i+pad] = infos[i]
		} else if wi, ok := tg.words[l]; ok {
			c.info[i+pad] = wi
		}
		if d, ok := tg.dict[l]; ok {
			c.dict[i+pad] = d
		}
	}
	c.caps = capsClass(s)
	return c
}

// reversed returns a copy of c with the words in reverse order, for a
// right-to-left pass.
func (c *context) reversed() *context {
	r := *c
	r.forms = slices.Clone(c.forms)
	r.words = slices.Clone(c.words)
	r.lower = slices.Clone(c.lower)
	r.shapes = slices.Clone(c.shapes)
	r.info = slices.Clone(c.info)
	r.dict = slices.Clone(c.dict)
	slices.Reverse(r.forms)
	slices.Reverse(r.words)
	slices.Reverse(r.lower)
	slices.Reverse(r.shapes)
	slices.Reverse(r.info)
	slices.Reverse(r.dict)
	return &r
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
		H(3).Str(wordform.Suffix(l, 1)).Sum(),
		H(4).Str(wordform.Suffix(l, 2)).Sum(),
		H(5).Str(wordform.Suffix(l, 3)).Sum(),
		H(6).Str(wordform.Suffix(l, 4)).Sum(),
		H(7).Str(wordform.Prefix(l, 1)).Sum(),
		H(8).Str(wordform.Prefix(l, 2)).Sum(),
		H(9).Str(wordform.Prefix(l, 3)).Sum(),
		H(10).Str(c.shapes[j]).Sum(),
		H(11).Int(p1).Sum(),
		H(12).Int(p2).Int(p1).Sum(),
		H(13).Int(p1).Str(l).Sum(),
		H(14).Str(c.lower[j-1]).Sum(),
		H(15).Str(wordform.Suffix(c.lower[j-1], 3)).Sum(),
		H(16).Str(c.lower[j-2]).Sum(),
		H(17).Str(c.lower[j+1]).Sum(),
		H(18).Str(wordform.Suffix(c.lower[j+1], 3)).Sum(),
		H(19).Str(c.lower[j+2]).Sum(),
		H(20).Str(c.shapes[j+1]).Sum(),
		H(21).Str(c.shapes[j-1]).Sum(),
		H(22).Int(int(c.info[j+1].Freq)).Sum(),
		H(23).Int(int(c.info[j+2].Freq)).Sum(),
		H(24).Int(int(c.info[j].Freq)).Sum(),
		H(25).Int(int(c.info[j+1].Freq)).Int(int(c.info[j].Freq)).Sum(),
		H(26).Int(p1).Int(int(c.info[j+1].Freq)).Sum(),
		H(27).Str(l).Str(c.lower[j+1]).Sum(),
		H(28).Str(c.lower[j-1]).Str(l).Sum(),
		H(29).Int(p1).Str(wordform.Suffix(l, 3)).Sum(),
		H(38).Int(p2).Str(l).Sum(),
		H(39).Str(l).Str(c.lower[j+2]).Sum(),
		H(56).Str(c.lower[j-1]).Str(c.lower[j+1]).Sum(),
		H(57).Int(p1).Str(c.lower[j+1]).Sum(),
		H(58).Int(c.caps).Str(c.shapes[j]).Sum(),
		H(59).Int(c.caps).Int(p1).Str(c.shapes[j]).Sum(),
	)
	// What training says of the word and its neighbours: how often it is
	// capitalised inside a sentence and is a proper noun, its tags.
	wi := c.info[j]
	up, first := 0, 0
	if c.shapes[j] != "" && c.shapes[j][0] == 'X' {
		up = 1
	}
	if j == pad {
		first = 1
	}
	f = append(f,
		H(60).Int(int(wi.Cap)).Int(up).Int(first).Sum(),
		H(61).Int(int(wi.Cap)).Int(int(wi.Count)).Str(c.shapes[j]).Sum(),
		H(62).Int(int(wi.Propn)).Int(up).Sum(),
		H(65).Int(int(c.info[j-1].Propn)).Int(int(wi.Propn)).Int(int(c.info[j+1].Propn)).Sum(),
		H(63).U(uint64(wi.Tags)).Sum(),
		H(64).U(uint64(wi.Tags)).Int(p1).Sum(),
		H(66).U(uint64(c.info[j+1].Tags)).Sum(),
		H(67).U(uint64(c.info[j-1].Tags)).U(uint64(wi.Tags)).Sum(),
	)
	if strings.ContainsRune(w, '-') {
		f = append(f, H(30).Sum())
	}
	if j == pad {
		f = append(f, H(31).Str(w).Sum())
	}
	return f
}

// final appends the final pass's features: the right-to-left pass's
// classes (back) of the word and of the words after it, and the
// left-to-right pass's (first) of the word.
func (c *context) final(f []uint64, i int, tags, back, first []int32) []uint64 {
	at := func(k int) int {
		if k >= len(back) {
			return -3 - (k - len(back))
		}
		return int(back[k])
	}
	p1 := -1
	if i > 0 {
		p1 = int(tags[i-1])
	}
	n1, n2 := at(i+1), at(i+2)
	b, l2r := at(i), int(first[i])
	l := c.lower[i+pad]
	H := linear.New
	return append(f,
		H(40).Int(n1).Sum(),
		H(41).Int(n2).Sum(),
		H(42).Int(n1).Int(n2).Sum(),
		H(43).Int(p1).Int(n1).Sum(),
		H(44).Str(l).Int(n1).Sum(),
		H(45).Int(b).Sum(),
		H(46).Str(wordform.Suffix(l, 3)).Int(n1).Sum(),
		H(47).Int(p1).Int(b).Int(n1).Sum(),
		H(48).Int(l2r).Sum(),
		H(49).Int(l2r).Int(b).Sum(),
		H(50).Str(l).Int(l2r).Int(b).Sum(),
	)
}

// file is the encoded form of a Tagger.
type file struct {
	UPOS, XPOS []string
	Lex        map[string]int32
	Words      map[string]wordInfo
	Dict       map[string]int32
	Sets       []classSet
	Weights    []byte // the left-to-right pass
	WeightsR   []byte // the right-to-left pass, empty when there is none
	Weights2   []byte // the final pass, empty when there is none
}

// WriteTo writes t, gzip-compressed.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	var wb [3]bytes.Buffer
	for i, m := range []*linear.Model{t.model, t.modelR, t.model2} {
		if m == nil {
			continue
		}
		if _, err := m.WriteTo(&wb[i]); err != nil {
			return 0, fmt.Errorf("write tagger: %w", err)
		}
	}
	cw := &linear.CountWriter{W: w}
	// Stored, not compressed: hashed keys and weights do not compress,
	// and inflating them would double the load time.
	zw, err := gzip.NewWriterLevel(cw, gzip.NoCompression)
	if err != nil {
		return 0, fmt.Errorf("write tagger: %w", err)
	}
	if err := gob.NewEncoder(zw).Encode(file{UPOS: t.upos, XPOS: t.xpos, Lex: t.lex, Words: t.words, Dict: t.dict, Sets: t.sets, Weights: wb[0].Bytes(), WeightsR: wb[1].Bytes(), Weights2: wb[2].Bytes()}); err != nil {
		return cw.N, fmt.Errorf("write tagger: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.N, fmt.Errorf("write tagger: %w", err)
	}
	return cw.N, nil
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
	if len(f.UPOS) != len(f.XPOS) {
		return nil, fmt.Errorf("read tagger: %d UPOS and %d XPOS tags", len(f.UPOS), len(f.XPOS))
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
	t := &Tagger{upos: f.UPOS, xpos: f.XPOS, lex: f.Lex, words: f.Words, dict: f.Dict, sets: f.Sets}
	for _, m := range []struct {
		b []byte
		m **linear.Model
	}{{f.Weights, &t.model}, {f.WeightsR, &t.modelR}, {f.Weights2, &t.model2}} {
		if len(m.b) == 0 {
			continue
		}
		if *m.m, err = linear.Decode(m.b); err != nil {
			return nil, fmt.Errorf("read tagger: %w", err)
		}
		if (*m.m).Classes() != len(f.UPOS) {
			return nil, fmt.Errorf("read tagger: %d tags for %d classes", len(f.UPOS), (*m.m).Classes())
		}
	}
	if t.model == nil || (t.modelR == nil) != (t.model2 == nil) {
		return nil, fmt.Errorf("read tagger: want a left-to-right pass and either both or none of the two others")
	}
	return t, nil
}

// Pruned returns a copy of t without the weights whose magnitude is below
// minAbs: a smaller, faster model at some cost in accuracy.
func (t *Tagger) Pruned(minAbs float32) *Tagger {
	c := *t
	for _, m := range []**linear.Model{&c.model, &c.modelR, &c.model2} {
		if *m != nil {
			*m = (*m).Pruned(minAbs)
		}
	}
	return &c
}

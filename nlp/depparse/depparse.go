// Package depparse is a labeled, transition-based dependency parser
// for Universal Dependencies.
//
// It uses the arc-hybrid system with the root token at the end of the
// buffer and a single root per sentence, scores transitions with an
// averaged perceptron over rich feature templates (Zhang and Nivre 2011,
// adapted to arc-hybrid), and is trained with the dynamic oracle of
// Goldberg and Nivre (2013), exploring its own mistakes after the first
// epoch. Optionally it searches with a beam instead, trained globally as a
// structured perceptron over transition sequences (max-violation or early
// update); the model file records the beam width.
package depparse

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/internal/linear"
)

// Parser parses tagged sentences. It is safe for concurrent use.
type Parser struct {
	labels []string // label names; labels[rootLabel] == "root"
	root   int      // index of "root" in labels
	model  *linear.Model
	beam   int // beam width; 0 or 1 is greedy
}

// Parse sets Head and DepRel on every token of s from Form, UPOS and XPOS,
// searching with the parser's beam width (see Beam).
func (p *Parser) Parse(s *dyad.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	var st *state
	if p.beam > 1 {
		st = newSearch(s, len(p.labels), p.root, p.beam).run(p.model.Score)
	} else {
		st = p.greedy(s)
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		h := st.arcs[i].head
		if h == n {
			t.Head = 0
		} else {
			t.Head = h + 1
		}
		t.DepRel = p.labels[st.arcs[i].label]
	}
}

// Beam returns the beam width Parse searches with; 1 is greedy decoding.
func (p *Parser) Beam() int { return max(p.beam, 1) }

// WithBeam returns a copy of p that parses with beam width k (1 or less:
// greedy), sharing its weights.
func (p *Parser) WithBeam(k int) *Parser {
	c := *p
	c.beam = max(k, 1)
	return &c
}

// greedy parses s taking the best-scoring transition at each step and
// returns the final state.
func (p *Parser) greedy(s *dyad.Sentence) *state {
	st := newState(s, len(p.labels))
	scores := make([]float32, 1+2*len(p.labels))
	feats := make([]uint64, 0, 96)
	for !st.terminal() {
		// Skip scoring when only one transition is possible.
		if c := st.forced(p.root); c >= 0 {
			st.apply(c)
			continue
		}
		feats = st.features(feats[:0])
		clear(scores)
		p.model.Score(feats, scores)
		best, bs := -1, float32(0)
		for c := range scores {
			if !st.valid(c, p.root) {
				continue
			}
			if best < 0 || scores[c] > bs {
				best, bs = c, scores[c]
			}
		}
		st.apply(best)
	}
	return st
}

// state is a parser configuration: a stack, a buffer front and the arcs
// built so far. Word indexes are 0-based; index n is the root, which sits
// at the end of the buffer.
type state struct {
	n     int
	nl    int // number of labels
	stack []int
	b     int
	arcs  []arcs   // of each word and the root
	w, p  []uint64 // hashes of word form and tag, with pads
	u     []uint64 // hash of UPOS
}

// arcs are what a state knows of one word's head and children.
type arcs struct {
	head, label   int
	nleft, nright int
	lc            [2]int // two leftmost children, -1 when none
	rc            [2]int // two rightmost children
	lset, rset    uint64 // bit sets of left- and right-child labels
}

const none = -1

func newState(s *dyad.Sentence, nl int) *state {
	n := len(s.Tokens)
	st := &state{n: n, nl: nl, w: make([]uint64, n+2), p: make([]uint64, n+2), u: make([]uint64, n+2)}
	st.alloc()
	for i, t := range s.Tokens {
		st.w[i] = linear.New(0).Str(wordKey(t.Form)).Sum()
		st.p[i] = linear.New(1).Str(t.XPOS).Sum()
		st.u[i] = linear.New(2).Str(t.UPOS).Sum()
	}
	st.w[n] = linear.New(0).Str("-ROOT-").Sum()
	st.p[n] = linear.New(1).Str("-ROOT-").Sum()
	st.u[n] = st.p[n]
	st.w[n+1] = linear.New(0).Str("-NONE-").Sum()
	st.p[n+1] = linear.New(1).Str("-NONE-").Sum()
	st.u[n+1] = st.p[n+1]
	return st
}

// alloc gives st empty arcs and an empty stack for its n words.
func (st *state) alloc() {
	n := st.n
	st.stack = make([]int, 0, n)
	st.arcs = make([]arcs, n+1)
	for i := range st.arcs {
		st.arcs[i] = arcs{head: none, lc: [2]int{none, none}, rc: [2]int{none, none}}
	}
}

// fresh returns a new initial state of the sentence of st, sharing its
// word hashes.
func (st *state) fresh() *state {
	c := &state{n: st.n, nl: st.nl, w: st.w, p: st.p, u: st.u}
	c.alloc()
	return c
}

// copyFrom makes st a copy of o, a state of the same sentence.
func (st *state) copyFrom(o *state) {
	st.b = o.b
	st.stack = append(st.stack[:0], o.stack...)
	copy(st.arcs, o.arcs)
}

// forced returns the only valid transition of st, or -1 when there are
// several. Forced transitions are not scored.
func (st *state) forced(root int) int {
	switch {
	case len(st.stack) == 0:
		return shift
	case st.b == st.n && len(st.stack) == 1:
		return 1 + root
	}
	return -1
}

// wordKey lower-cases a form and folds digits.
func wordKey(form string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(form) {
		if r >= '0' && r <= '9' {
			r = '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (st *state) terminal() bool { return st.b == st.n && len(st.stack) == 0 }

// Transition classes: 0 is SHIFT, 1+l is LEFT with label l, 1+nl+l is
// RIGHT with label l.
const shift = 0

func (st *state) kind(c int) (act, label int) {
	switch {
	case c == shift:
		return 0, 0
	case c <= st.nl:
		return 1, c - 1
	default:
		return 2, c - 1 - st.nl
	}
}

func (st *state) valid(c, root int) bool {
	act, l := st.kind(c)
	switch act {
	case 0:
		return st.b < st.n
	case 1:
		if len(st.stack) == 0 {
			return false
		}
		if st.b == st.n {
			return len(st.stack) == 1 && l == root
		}
		return l != root
	default:
		return len(st.stack) >= 2 && l != root
	}
}

func (st *state) apply(c int) {
	act, l := st.kind(c)
	switch act {
	case 0:
		st.stack = append(st.stack, st.b)
		st.b++
	case 1:
		d := st.pop()
		st.attach(st.b, d, l)
	default:
		d := st.pop()
		st.attach(st.stack[len(st.stack)-1], d, l)
	}
}

func (st *state) pop() int {
	d := st.stack[len(st.stack)-1]
	st.stack = st.stack[:len(st.stack)-1]
	return d
}

func (st *state) attach(h, d, l int) {
	a := &st.arcs[h]
	st.arcs[d].head = h
	st.arcs[d].label = l
	if d < h {
		a.nleft++
		a.lset |= 1 << (uint(l) & 63)
		lc := &a.lc
		switch {
		case lc[0] == none || d < lc[0]:
			lc[1], lc[0] = lc[0], d
		case lc[1] == none || d < lc[1]:
			lc[1] = d
		}
	} else {
		a.nright++
		a.rset |= 1 << (uint(l) & 63)
		rc := &a.rc
		switch {
		case rc[0] == none || d > rc[0]:
			rc[1], rc[0] = rc[0], d
		case rc[1] == none || d > rc[1]:
			rc[1] = d
		}
	}
}

// file is the encoded form of a Parser.
type file struct {
	Labels  []string
	Weights []byte
	Beam    int // absent (0) in files of greedy parsers
}

// WriteTo writes p, gzip-compressed.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	var wb bytes.Buffer
	if _, err := p.model.WriteTo(&wb); err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	// Stored, not compressed: hashed keys and weights do not compress,
	// and inflating them would double the load time.
	zw, err := gzip.NewWriterLevel(&buf, gzip.NoCompression)
	if err != nil {
		return 0, fmt.Errorf("write parser: %w", err)
	}
	if err := gob.NewEncoder(zw).Encode(file{Labels: p.labels, Weights: wb.Bytes(), Beam: p.beam}); err != nil {
		return 0, fmt.Errorf("write parser: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("write parser: %w", err)
	}
	n, err := w.Write(buf.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("write parser: %w", err)
	}
	return int64(n), nil
}

// Read reads a Parser written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read parser: %w", err)
	}
	var f file
	if err := gob.NewDecoder(zr).Decode(&f); err != nil {
		return nil, fmt.Errorf("read parser: %w", err)
	}
	m, err := linear.Decode(f.Weights)
	if err != nil {
		return nil, fmt.Errorf("read parser: %w", err)
	}
	if m.Classes() != 1+2*len(f.Labels) {
		return nil, fmt.Errorf("read parser: %d classes for %d labels", m.Classes(), len(f.Labels))
	}
	if f.Beam < 0 {
		return nil, fmt.Errorf("read parser: beam width %d", f.Beam)
	}
	p := &Parser{labels: f.Labels, model: m, root: -1, beam: max(f.Beam, 1)}
	for i, l := range f.Labels {
		if l == "root" {
			p.root = i
		}
	}
	if p.root < 0 {
		return nil, fmt.Errorf("read parser: no root label")
	}
	return p, nil
}

// Pruned returns a copy of p without the weights whose magnitude is below
// minAbs: a smaller, faster model at some cost in accuracy.
func (p *Parser) Pruned(minAbs float32) *Parser {
	c := *p
	c.model = p.model.Pruned(minAbs)
	return &c
}

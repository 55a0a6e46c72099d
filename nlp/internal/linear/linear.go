// Package linear holds the averaged perceptron that dyad's tagger and parser
// are built on: a Trainer that learns sparse weights from hashed features,
// and a frozen, compact Model that scores them.
//
// Features are 64-bit hashes (see Hash). Each feature has a sparse row of
// (class, weight) pairs, so a feature seen with only two classes costs two
// entries however many classes there are.
package linear

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// entry is one (class, weight) pair of a training row. U accumulates
// c*delta for the averaging trick: the averaged weight is W - U/c.
type entry struct {
	class int32
	w     float32
	u     float64
}

// Trainer learns an averaged perceptron over hashed features.
type Trainer struct {
	nclass int
	rows   map[uint64][]entry
	c      float64 // number of instances seen, from 1
}

// NewTrainer returns a Trainer for nclass classes.
func NewTrainer(nclass int) *Trainer {
	return &Trainer{nclass: nclass, rows: make(map[uint64][]entry), c: 1}
}

// Classes returns the number of classes.
func (t *Trainer) Classes() int { return t.nclass }

// Score adds the current (not averaged) weights of feats to scores, which
// must have one slot per class.
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		for _, e := range t.rows[f] {
			scores[e.class] += e.w
		}
	}
}

// Update moves the weights of feats towards gold and away from pred. It does
// nothing when they are equal.
func (t *Trainer) Update(feats []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, f := range feats {
		row := t.rows[f]
		row = t.add(row, gold, 1)
		row = t.add(row, pred, -1)
		t.rows[f] = row
	}
}

// Add adds d to the weights of feats for class: one side of a structured
// update, where the gold and predicted decisions have different features.
func (t *Trainer) Add(feats []uint64, class int, d float32) {
	for _, f := range feats {
		t.rows[f] = t.add(t.rows[f], class, d)
	}
}

func (t *Trainer) add(row []entry, class int, d float32) []entry {
	for i := range row {
		if row[i].class == int32(class) {
			row[i].w += d
			row[i].u += t.c * float64(d)
			return row
		}
	}
	return append(row, entry{class: int32(class), w: d, u: t.c * float64(d)})
}

// Tick counts one training instance; call it once per decision, after any
// Update.
func (t *Trainer) Tick() { t.c++ }

// Model returns the averaged weights as a frozen Model, dropping weights
// whose magnitude is below minAbs.
func (t *Trainer) Model(minAbs float32) *Model {
	keys := make([]uint64, 0, len(t.rows))
	for k := range t.rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := newBuilder(t.nclass, len(keys))
	for _, k := range keys {
		for _, e := range t.rows[k] {
			w := float32(float64(e.w) - e.u/t.c)
			if w > -minAbs && w < minAbs {
				continue
			}
			b.add(int(e.class), bfloat(w))
		}
		b.endRow(k)
	}
	return b.model()
}

// bfloat rounds w to the 16-bit "brain float" precision Models store.
func bfloat(w float32) float32 {
	return fromBF16(toBF16(w))
}

func toBF16(w float32) uint16 {
	b := math.Float32bits(w)
	b += 0x7fff + (b>>16)&1 // round to nearest even
	return uint16(b >> 16)
}

func fromBF16(v uint16) float32 { return math.Float32frombits(uint32(v) << 16) }

// Model is a frozen averaged perceptron: an open-addressing table from
// feature hash to a sparse row of class weights. A slot holds a 32-bit
// fingerprint of its feature and the offset of its row; a row is a count
// followed by its (class, weight) entries. Scoring a feature thus touches
// two cache lines.
//
// A feature's slot is given by the top bits of its hash and its
// fingerprint by the low 32 bits, so the two are independent, and rows
// indexed in key order (as Decode does) fill the table from start to end
// instead of at random.
type Model struct {
	nclass  int
	mask    uint64
	shift   uint      // 64 - log2(len(slots))
	slots   []slot    // hash table; fingerprint 0 marks an empty slot
	entries []entry16 // rows: a header whose class is the row length, then the entries
	keys    []uint64  // full feature hash of each row, in row order
	offs    []uint32  // offset of each row's header
}

// slot is one hash-table slot.
type slot struct {
	fp  uint32
	off uint32
}

// entry16 is one class weight of a frozen row: the class and the weight
// as a 16-bit brain float.
type entry16 struct {
	class uint16
	w     uint16
}

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.nclass }

// Rows returns the number of features with weights.
func (m *Model) Rows() int { return len(m.keys) }

// Entries returns the number of stored weights.
func (m *Model) Entries() int { return len(m.entries) - len(m.keys) }

func fingerprint(f uint64) uint32 {
	fp := uint32(f)
	if fp == 0 {
		fp = 1
	}
	return fp
}

// Score adds the weights of feats to scores, which must have one slot per
// class. Unknown features are ignored.
//
// It works in two phases, finding all rows first and then adding them, so
// that the memory loads of different features overlap.
func (m *Model) Score(feats []uint64, scores []float32) {
	var buf [128]uint32
	for len(feats) > 0 {
		k := min(len(feats), len(buf))
		offs := buf[:0]
		for _, f := range feats[:k] {
			fp := fingerprint(f)
			i := f >> m.shift
			for {
				sl := m.slots[i]
				if sl.fp == fp {
					offs = append(offs, sl.off)
					break
				}
				if sl.fp == 0 {
					break
				}
				i = (i + 1) & m.mask
			}
		}
		for _, off := range offs {
			n := uint32(m.entries[off].class)
			for _, e := range m.entries[off+1 : off+1+n] {
				scores[e.class] += fromBF16(e.w)
			}
		}
		feats = feats[k:]
	}
}

// row returns the entries of row r.
func (m *Model) row(r int) []entry16 {
	off := m.offs[r]
	n := uint32(m.entries[off].class)
	return m.entries[off+1 : off+1+n]
}

// Pruned returns a copy of m without the weights whose magnitude is below
// minAbs.
func (m *Model) Pruned(minAbs float32) *Model {
	b := newBuilder(m.nclass, len(m.keys))
	for r, k := range m.keys {
		for _, e := range m.row(r) {
			if w := fromBF16(e.w); w > -minAbs && w < minAbs {
				continue
			}
			b.add(int(e.class), fromBF16(e.w))
		}
		b.endRow(k)
	}
	return b.model()
}

// builder assembles a Model row by row, in increasing key order.
type builder struct {
	nclass int
	keys   []uint64
	start  []uint32
	flat   []entry16
}

func newBuilder(nclass, rows int) *builder {
	return &builder{nclass: nclass, keys: make([]uint64, 0, rows), start: make([]uint32, 1, rows+1)}
}

func (b *builder) add(class int, w float32) {
	b.flat = append(b.flat, entry16{uint16(class), toBF16(w)})
}

// endRow closes the row of feature k, dropping it when empty.
func (b *builder) endRow(k uint64) {
	n := uint32(len(b.flat))
	if n == b.start[len(b.start)-1] {
		return
	}
	b.start = append(b.start, n)
	b.keys = append(b.keys, k)
}

func (b *builder) model() *Model {
	m := newModel(b.nclass, len(b.keys), len(b.flat)+len(b.keys))
	for r, k := range b.keys {
		row := b.flat[b.start[r]:b.start[r+1]]
		off := m.startRow(len(row))
		m.entries = append(m.entries, row...)
		m.endRow(k, off)
	}
	return m
}

// newModel returns an empty Model with room for rows rows and entries
// entries (row headers included).
func newModel(nclass, rows, entries int) *Model {
	bits := uint(4)
	for uint64(1)<<bits < uint64(rows)*2 {
		bits++
	}
	size := uint64(1) << bits
	return &Model{nclass: nclass, mask: size - 1, shift: 64 - bits, slots: make([]slot, size),
		keys: make([]uint64, 0, rows), offs: make([]uint32, 0, rows), entries: make([]entry16, 0, entries)}
}

// startRow appends the header of a row of n entries and returns its offset.
func (m *Model) startRow(n int) uint32 {
	off := uint32(len(m.entries))
	m.entries = append(m.entries, entry16{class: uint16(n)})
	return off
}

// endRow indexes the row of feature k at offset off.
func (m *Model) endRow(k uint64, off uint32) {
	m.keys = append(m.keys, k)
	m.offs = append(m.offs, off)
	i := k >> m.shift
	for m.slots[i].fp != 0 {
		i = (i + 1) & m.mask
	}
	m.slots[i] = slot{fp: fingerprint(k), off: off}
}

// magic starts every encoded Model.
const magic = "dyadlin1"

// WriteTo writes m in a compact binary form: sorted feature keys as
// delta varints, then each row's classes and 16-bit weights.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	cw := &CountWriter{W: bw}
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { cw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	cw.Write([]byte(magic))
	uv(uint64(m.nclass))
	uv(uint64(len(m.keys)))
	prev := uint64(0)
	for r, k := range m.keys {
		row := m.row(r)
		uv(k - prev)
		prev = k
		uv(uint64(len(row)))
		for _, e := range row {
			uv(uint64(e.class))
			binary.LittleEndian.PutUint16(buf[:2], e.w)
			cw.Write(buf[:2])
		}
	}
	if cw.err != nil {
		return cw.N, fmt.Errorf("write linear model: %w", cw.err)
	}
	if err := bw.Flush(); err != nil {
		return cw.N, fmt.Errorf("write linear model: %w", err)
	}
	return cw.N, nil
}

// CountWriter counts the bytes written through it to W, for WriteTo
// methods; after an error it writes nothing more.
type CountWriter struct {
	W   io.Writer
	N   int64
	err error
}

// Write writes p to W and counts the bytes written.
func (c *CountWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.W.Write(p)
	c.N += int64(n)
	c.err = err
	return n, err
}

// errCorrupt is returned for malformed model data.
var errCorrupt = errors.New("corrupt linear model")

// Decode reads a Model written by WriteTo from data.
func Decode(data []byte) (*Model, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("decode linear model: %w: bad header", errCorrupt)
	}
	p := data[len(magic):]
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(p)
		if n <= 0 {
			bad = true
			p = nil
			return 0
		}
		p = p[n:]
		return v
	}
	nclass := int(uv())
	nrows := int(uv())
	if bad || nclass <= 0 || nclass > math.MaxUint16 || nrows < 0 || nrows > len(p) {
		return nil, fmt.Errorf("decode linear model: %w: bad sizes", errCorrupt)
	}
	// Each row takes at least two bytes and each entry three.
	m := newModel(nclass, nrows, nrows+max(0, len(p)-2*nrows)/3)
	k := uint64(0)
	for range nrows {
		k += uv()
		n := uv()
		if bad || n == 0 || n > uint64(nclass) || 3*n > uint64(len(p)) {
			return nil, fmt.Errorf("decode linear model: %w: bad row", errCorrupt)
		}
		off := m.startRow(int(n))
		for range n {
			c := uv()
			if bad || c >= uint64(nclass) || len(p) < 2 {
				return nil, fmt.Errorf("decode linear model: %w: bad entry", errCorrupt)
			}
			m.entries = append(m.entries, entry16{uint16(c), binary.LittleEndian.Uint16(p)})
			p = p[2:]
		}
		m.endRow(k, off)
	}
	return m, nil
}

// Hash is an FNV-1a style feature hasher. Build a feature by starting from
// a template number and mixing in strings and small integers; use Sum for
// the key.
type Hash uint64

// New starts a feature for template t.
func New(t int) Hash {
	return Hash(14695981039346656037 ^ uint64(t)*0x100000001b3)
}

// Str mixes s into h, followed by a separator.
func (h Hash) Str(s string) Hash {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= 0x100000001b3
	}
	x ^= 0xff
	x *= 0x100000001b3
	return Hash(x)
}

// Int mixes v into h.
func (h Hash) Int(v int) Hash {
	x := uint64(h) ^ uint64(v+1)*0x9E3779B97F4A7C15
	x *= 0x100000001b3
	return Hash(x)
}

// Sum returns the final key of h.
func (h Hash) Sum() uint64 {
	x := uint64(h)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return x
}

// U mixes the 64-bit value v (for example a precomputed word hash) into h.
func (h Hash) U(v uint64) Hash {
	x := (uint64(h) ^ v) * 0x100000001b3
	x ^= x >> 29
	return Hash(x)
}

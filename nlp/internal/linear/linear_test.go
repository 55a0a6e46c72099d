package linear

import (
	"bytes"
	"testing"
)

func TestTrainScoreRoundTrip(t *testing.T) {
	tr := NewTrainer(3)
	feat := func(name string) uint64 { return New(1).Str(name).Sum() }
	examples := []struct {
		feats []uint64
		class int
	}{
		{[]uint64{feat("a"), feat("bias")}, 0},
		{[]uint64{feat("b"), feat("bias")}, 1},
		{[]uint64{feat("c"), feat("bias")}, 2},
	}
	scores := make([]float32, 3)
	for range 10 {
		for _, ex := range examples {
			clear(scores)
			tr.Score(ex.feats, scores)
			pred := 0
			for c := range scores {
				if scores[c] > scores[pred] {
					pred = c
				}
			}
			tr.Update(ex.feats, ex.class, pred)
			tr.Tick()
		}
	}
	m := tr.Model(0)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, mm := range []*Model{m, m2, m2.Pruned(0)} {
		for _, ex := range examples {
			clear(scores)
			mm.Score(ex.feats, scores)
			for c := range scores {
				if c != ex.class && scores[c] >= scores[ex.class] {
					t.Errorf("features of class %d: scores %v", ex.class, scores)
				}
			}
		}
	}
	if m2.Rows() != m.Rows() || m2.Entries() != m.Entries() {
		t.Errorf("decoded %d rows, %d entries; want %d, %d", m2.Rows(), m2.Entries(), m.Rows(), m.Entries())
	}
}

func TestDecodeCorrupt(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("nope"), []byte(magic), []byte(magic + "\x03\x05\x01"), []byte(magic + "\x03\x01\x05\x00")} {
		if _, err := Decode(data); err == nil {
			t.Errorf("Decode(%q) succeeded", data)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(magic + "\x03\x01\x05\x01\x02\x00\x3f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(data)
		if err != nil {
			return
		}
		m.Score([]uint64{1, 2, 3, 5}, make([]float32, m.Classes()))
	})
}

func benchModel(b *testing.B) (*Model, [][]uint64) {
	tr := NewTrainer(100)
	for i := range 300000 {
		f := New(i % 50).Int(i).Sum()
		tr.Update([]uint64{f}, i%100, (i+1)%100)
		tr.Tick()
	}
	m := tr.Model(0)
	var batches [][]uint64
	for i := range 1000 {
		var fs []uint64
		for j := range 95 {
			k := (i*7919 + j*104729) % 300000
			fs = append(fs, New(k%50).Int(k).Sum())
		}
		batches = append(batches, fs)
	}
	return m, batches
}

func BenchmarkScore(b *testing.B) {
	m, batches := benchModel(b)
	scores := make([]float32, 100)
	b.ResetTimer()
	for i := range b.N {
		m.Score(batches[i%len(batches)], scores)
	}
}

// TestAdd checks that Add moves one class only, and that Update is Add
// towards gold plus Add away from pred.
func TestAdd(t *testing.T) {
	feats := []uint64{New(1).Str("a").Sum(), New(2).Str("b").Sum()}
	add, upd := NewTrainer(3), NewTrainer(3)
	add.Add(feats, 2, 1)
	add.Add(feats, 0, -1)
	upd.Update(feats, 2, 0)
	for _, tr := range []*Trainer{add, upd} {
		scores := make([]float32, 3)
		tr.Score(feats, scores)
		if want := []float32{-2, 0, 2}; scores[0] != want[0] || scores[1] != want[1] || scores[2] != want[2] {
			t.Errorf("scores %v, want %v", scores, want)
		}
	}
}

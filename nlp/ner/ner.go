// Package ner finds the names of people (PER), organisations (ORG) and
// places (LOC) in tagged sentences and marks them with IOB2 tags in the
// MISC column ("NE=B-PER", "NE=I-LOC").
//
// The tagger is a greedy, left-to-right averaged perceptron in two passes.
// The first pass sees each word, its neighbours, their part-of-speech tags,
// gazetteer matches and the tags it has already chosen; the second also
// sees the first pass's tags of the words to the right and, within a
// document, how the first pass tagged the same word elsewhere. IOB2 is
// enforced while decoding: I-X only follows B-X or I-X.
package ner

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

// Tagger tags named entities. It is safe for concurrent use.
type Tagger struct {
	labels []string // "O" first, then B-X and I-X of each type
	inside []int    // for each label, the label that must precede it (its B- or I-), or -1
	gaz    *gazetteer
	vocab  vocabulary
	// model and model2 are the first and second passes.
	model, model2 *linear.Model
}

// Labels returns the tags the Tagger predicts, "O" first.
func (t *Tagger) Labels() []string { return t.labels }

// Tag tags the words of s on their own and writes the tags into each
// token's MISC column.
func (t *Tagger) Tag(s *dyad.Sentence) {
	t.TagDocument([]*dyad.Sentence{s})
}

// TagDocument tags the sentences of one document (an article): the
// second pass sees how the first tagged the same words in the other
// sentences. It writes the tags into each token's MISC column.
func (t *Tagger) TagDocument(sents []*dyad.Sentence) {
	for i, tags := range t.Predict(sents) {
		for j, c := range tags {
			s := sents[i]
			s.Tokens[j].Misc = SetMisc(s.Tokens[j].Misc, c)
		}
	}
}

// Predict returns the IOB2 tags of the words of a document's sentences,
// without changing them.
func (t *Tagger) Predict(sents []*dyad.Sentence) [][]string {
	ctxs := make([]*context, len(sents))
	first := make([][]int32, len(sents))
	scores := make([]float32, len(t.labels))
	feats := make([]uint64, 0, 96)
	for i, s := range sents {
		ctxs[i] = newContext(s, t.gaz.lookup, t.vocab.class)
		first[i] = make([]int32, len(s.Tokens))
		for j := range s.Tokens {
			feats = ctxs[i].features(feats[:0], j, first[i])
			clear(scores)
			t.model.Score(feats, scores)
			first[i][j] = t.best(scores, first[i], j)
		}
	}
	doc := newDocStats(ctxs, first, len(t.labels))
	out := make([][]string, len(sents))
	for i, c := range ctxs {
		tags := make([]int32, len(first[i]))
		out[i] = make([]string, len(tags))
		for j := range tags {
			feats = c.features(feats[:0], j, tags)
			feats = c.second(feats, j, tags, first[i], doc)
			clear(scores)
			t.model2.Score(feats, scores)
			tags[j] = t.best(scores, tags, j)
			out[i][j] = t.labels[tags[j]]
		}
	}
	return out
}

// best returns the highest-scoring label for word j that may follow the
// label of word j-1.
func (t *Tagger) best(scores []float32, tags []int32, j int) int32 {
	prev := int32(0)
	if j > 0 {
		prev = tags[j-1]
	}
	best := int32(0)
	for c, v := range scores {
		if need := t.inside[c]; need >= 0 && prev != int32(need) && prev != int32(c) {
			continue
		}
		if v > scores[best] {
			best = int32(c)
		}
	}
	return best
}

// SetMisc returns the MISC column misc with its NE= entry replaced by
// NE=tag, or removed when tag is "O" or "". Other entries keep their order.
func SetMisc(misc, tag string) string {
	var parts []string
	if misc != "" && misc != "_" {
		for f := range strings.SplitSeq(misc, "|") {
			if !strings.HasPrefix(f, "NE=") {
				parts = append(parts, f)
			}
		}
	}
	if tag != "" && tag != "O" {
		parts = append(parts, "NE="+tag)
	}
	if len(parts) == 0 {
		if misc == "_" {
			return "_"
		}
		return ""
	}
	return strings.Join(parts, "|")
}

// MiscTag returns the IOB2 tag of a MISC column: the value of its NE=
// entry, or "O".
func MiscTag(misc string) string {
	for f := range strings.SplitSeq(misc, "|") {
		if v, ok := strings.CutPrefix(f, "NE="); ok {
			return v
		}
	}
	return "O"
}

// newLabels returns the labels of the given entity types and, for each,
// the label an I- label continues.
func newLabels(types []string) (labels []string, inside []int) {
	labels, inside = []string{"O"}, []int{-1}
	for _, x := range types {
		b := len(labels)
		labels = append(labels, "B-"+x, "I-"+x)
		inside = append(inside, -1, b)
	}
	return labels, inside
}

// file is the encoded form of a Tagger.
type file struct {
	Types    []string
	Lists    []string
	Names    []string // gazetteer keys, sorted
	NameSets []uint32 // the lists of each key
	Words    []string // vocabulary, sorted
	WordInfo []uint8  // the vocabulary class of each word
	Weights  []byte   // first pass
	Weights2 []byte   // second pass
}

// WriteTo writes t, gzip-compressed.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	var wb, wb2 bytes.Buffer
	if _, err := t.model.WriteTo(&wb); err != nil {
		return 0, fmt.Errorf("write ner model: %w", err)
	}
	if _, err := t.model2.WriteTo(&wb2); err != nil {
		return 0, fmt.Errorf("write ner model: %w", err)
	}
	f := file{Lists: t.gaz.lists, Weights: wb.Bytes(), Weights2: wb2.Bytes()}
	for i := 1; i < len(t.labels); i += 2 {
		f.Types = append(f.Types, t.labels[i][2:])
	}
	f.Names = sortedKeys(t.gaz.names)
	for _, k := range f.Names {
		f.NameSets = append(f.NameSets, t.gaz.names[k])
	}
	f.Words = sortedKeys(t.vocab)
	for _, k := range f.Words {
		f.WordInfo = append(f.WordInfo, t.vocab[k])
	}
	cw := &linear.CountWriter{W: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err := gob.NewEncoder(zw).Encode(f); err != nil {
		return cw.N, fmt.Errorf("write ner model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.N, fmt.Errorf("write ner model: %w", err)
	}
	return cw.N, nil
}

// Read reads a Tagger written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	var f file
	if err := gob.NewDecoder(zr).Decode(&f); err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	if len(f.Names) != len(f.NameSets) || len(f.Words) != len(f.WordInfo) {
		return nil, fmt.Errorf("read ner model: %d names with %d list sets", len(f.Names), len(f.NameSets))
	}
	t := &Tagger{gaz: &gazetteer{lists: f.Lists, names: make(map[string]uint32, len(f.Names))}}
	t.labels, t.inside = newLabels(f.Types)
	for i, k := range f.Names {
		t.gaz.names[k] = f.NameSets[i]
	}
	t.vocab = make(vocabulary, len(f.Words))
	for i, k := range f.Words {
		t.vocab[k] = f.WordInfo[i]
	}
	if t.model, err = linear.Decode(f.Weights); err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	if t.model2, err = linear.Decode(f.Weights2); err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	if t.model.Classes() != len(t.labels) || t.model2.Classes() != len(t.labels) {
		return nil, fmt.Errorf("read ner model: %d labels for %d and %d classes", len(t.labels), t.model.Classes(), t.model2.Classes())
	}
	return t, nil
}

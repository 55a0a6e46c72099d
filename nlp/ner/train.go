package ner

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/nlp/internal/linear"
)

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int    // passes over the training data; 0 means 8
	Seed   uint64 // seed for shuffling the documents
	// Names are the gazetteer entries the tagger may consult (see
	// BuiltinNames); they are stored in the model.
	Names []Name
	// Epoch, when set, is called after each epoch with the epoch number
	// (from 1) and the tagger averaged so far.
	Epoch func(epoch int, t *Tagger)
}

// Train learns a Tagger from documents with gold tags. The words should
// carry the part-of-speech tags (UPOS) of the tagger that will run before
// this one. The same data, options and seed give the same Tagger.
func Train(docs []*Document, o TrainOptions) (*Tagger, error) {
	if o.Epochs <= 0 {
		o.Epochs = 8
	}
	var types []string
	for _, d := range docs {
		if len(d.Sentences) != len(d.Tags) {
			return nil, fmt.Errorf("train ner: document %q: %d sentences, %d tag rows", d.ID, len(d.Sentences), len(d.Tags))
		}
		for i, tags := range d.Tags {
			if len(tags) != len(d.Sentences[i].Tokens) {
				return nil, fmt.Errorf("train ner: document %q sentence %d: %d words, %d tags", d.ID, i+1, len(d.Sentences[i].Tokens), len(tags))
			}
			for _, tag := range tags {
				if !validTag(tag) {
					return nil, fmt.Errorf("train ner: document %q: bad tag %q", d.ID, tag)
				}
				if _, x, ok := strings.Cut(tag, "-"); ok && !slices.Contains(types, x) {
					types = append(types, x)
				}
			}
		}
	}
	slices.Sort(types)
	counts := map[string]wordCount{}
	for _, d := range docs {
		countWords(d.Sentences, counts)
	}
	t := &Tagger{gaz: newGazetteer(o.Names), vocab: newVocabulary(counts)}
	t.labels, t.inside = newLabels(types)
	seen := newSeenNames(t.gaz, docs, types)
	static := maps.Clone(t.gaz.names)
	seen.merge(t.gaz)
	classOf := map[string]int32{}
	for i, l := range t.labels {
		classOf[l] = int32(i)
	}
	gold := make([][][]int32, len(docs))
	ctxs := make([][]*context, len(docs))
	for i, d := range docs {
		gold[i] = make([][]int32, len(d.Tags))
		for k, tags := range d.Tags {
			gold[i][k] = make([]int32, len(tags))
			for j, tag := range tags {
				gold[i][k][j] = classOf[tag]
			}
		}
		mine := map[string]wordCount{}
		countWords(d.Sentences, mine)
		kind := heldOut(counts, mine)
		names := seen.heldOut(static, i)
		for _, s := range d.Sentences {
			ctxs[i] = append(ctxs[i], newContext(s, names, kind))
		}
	}

	tr := linear.NewTrainer(len(t.labels))
	tr2 := linear.NewTrainer(len(t.labels))
	rng := rand.New(rand.NewPCG(o.Seed, 0x4e4552))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, len(t.labels))
	feats := make([]uint64, 0, 96)
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		trainEpoch(t, tr, tr2, order, ctxs, gold, scores, feats)
		if o.Epoch != nil {
			t.model, t.model2 = tr.Model(0), tr2.Model(0)
			o.Epoch(epoch, t)
		}
	}
	t.model, t.model2 = tr.Model(1e-3), tr2.Model(1e-3)
	return t, nil
}

// trainEpoch trains both passes on the documents in the given order.
func trainEpoch(t *Tagger, tr, tr2 *linear.Trainer, order []int, ctxs [][]*context, gold [][][]int32, scores []float32, feats []uint64) {
	for _, di := range order {
		first := make([][]int32, len(ctxs[di]))
		for k, c := range ctxs[di] {
			g := gold[di][k]
			first[k] = make([]int32, len(g))
			for j := range g {
				feats = c.features(feats[:0], j, first[k])
				clear(scores)
				tr.Score(feats, scores)
				pred := t.best(scores, first[k], j)
				tr.Update(feats, int(g[j]), int(pred))
				tr.Tick()
				first[k][j] = pred
			}
		}
		doc := newDocStats(ctxs[di], first, len(t.labels))
		for k, c := range ctxs[di] {
			g := gold[di][k]
			tags := make([]int32, len(g))
			for j := range g {
				feats = c.features(feats[:0], j, tags)
				feats = c.second(feats, j, tags, first[k], doc)
				clear(scores)
				tr2.Score(feats, scores)
				pred := t.best(scores, tags, j)
				tr2.Update(feats, int(g[j]), int(pred))
				tr2.Tick()
				tags[j] = pred
			}
		}
	}
}

// seenNames counts the entities of the training documents by name key and
// type, so that the names of the other documents can serve as a
// gazetteer (lists "seen-PER", ...): training then sees, as new text will,
// only names from elsewhere.
type seenNames struct {
	lists []int                // gazetteer list of each type
	all   map[string][]int32   // key → count by type
	byDoc []map[string][]int32 // the same, for each document
}

func newSeenNames(g *gazetteer, docs []*Document, types []string) *seenNames {
	sn := &seenNames{all: map[string][]int32{}, byDoc: make([]map[string][]int32, len(docs))}
	for _, x := range types {
		i, ok := g.list("seen-" + x)
		if !ok {
			i = -1
		}
		sn.lists = append(sn.lists, i)
	}
	for di, d := range docs {
		mine := map[string][]int32{}
		for k, tags := range d.Tags {
			words := make([]string, len(tags))
			for j, tok := range d.Sentences[k].Tokens {
				words[j] = tok.Form
			}
			for _, sp := range Spans(tags) {
				key := nameKey(words[sp.Start:sp.End])
				if key == "" || sp.End-sp.Start > maxNameWords {
					continue
				}
				ti := slices.Index(types, sp.Type)
				for _, m := range []map[string][]int32{mine, sn.all} {
					if m[key] == nil {
						m[key] = make([]int32, len(types))
					}
					m[key][ti]++
				}
			}
		}
		sn.byDoc[di] = mine
	}
	return sn
}

// bits returns the lists of a key seen with the given counts, less the
// counts of mine when it is not nil.
func (sn *seenNames) bits(all, mine []int32) uint32 {
	var b uint32
	for ti, n := range all {
		if mine != nil {
			n -= mine[ti]
		}
		if n > 0 && sn.lists[ti] >= 0 {
			b |= 1 << sn.lists[ti]
		}
	}
	return b
}

// heldOut returns the lookup of the gazetteer names together with the
// names seen in all documents but document di.
func (sn *seenNames) heldOut(names map[string]uint32, di int) func(string) uint32 {
	mine := sn.byDoc[di]
	return func(key string) uint32 {
		b := names[key]
		if all := sn.all[key]; all != nil {
			b |= sn.bits(all, mine[key])
		}
		return b
	}
}

// merge adds the names seen in all documents to g.
func (sn *seenNames) merge(g *gazetteer) {
	for key, all := range sn.all {
		if b := sn.bits(all, nil); b != 0 {
			g.names[key] |= b
		}
	}
}

package tagger

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/internal/linear"
)

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int    // passes over the training data; 0 means 8
	Seed   uint64 // seed for shuffling the sentences
	// OnePass trains only the left-to-right pass, without the
	// right-to-left and final passes.
	OnePass bool
	// Epoch, when set, is called after each epoch with the epoch number
	// (from 1) and the tagger averaged so far.
	Epoch func(epoch int, t *Tagger)
}

// minWeight is the smallest weight magnitude a trained tagger keeps. Most
// smaller weights are of features updated once, early in training;
// dropping them shrinks the model by a third and speeds it up, and
// changed dev UPOS by +0.03.
const minWeight = 0.9

// minDict is how often a word must be seen in training for the tagger to
// give it only the classes it had there.
const minDict = 10

// Train learns a Tagger from sentences with gold UPOS and XPOS.
func Train(train []*dyad.Sentence, o TrainOptions) *Tagger {
	if o.Epochs <= 0 {
		o.Epochs = 8
	}
	classOf := map[string]int32{}
	t := &Tagger{lex: map[string]int32{}, words: map[string]wordInfo{}, dict: map[string]int32{}}
	type counts map[int32]int
	formTags := map[string]counts{}
	lowerTags := map[string]counts{}
	for _, s := range train {
		for _, tok := range s.Tokens {
			k := tok.UPOS + " " + tok.XPOS
			c, ok := classOf[k]
			if !ok {
				c = int32(len(t.upos))
				classOf[k] = c
				t.upos = append(t.upos, tok.UPOS)
				t.xpos = append(t.xpos, tok.XPOS)
			}
			if formTags[tok.Form] == nil {
				formTags[tok.Form] = counts{}
			}
			formTags[tok.Form][c]++
			l := strings.ToLower(tok.Form)
			if lowerTags[l] == nil {
				lowerTags[l] = counts{}
			}
			lowerTags[l][c]++
		}
	}
	for w, cs := range formTags {
		total, best, bc := 0, 0, int32(0)
		for c, n := range cs {
			total += n
			if n > best || n == best && c < bc {
				best, bc = n, c
			}
		}
		if total >= 20 && float64(best)/float64(total) >= 0.995 {
			t.lex[w] = bc
		}
	}
	infos := t.learnWords(train, func(tok dyad.Token) int32 { return classOf[tok.UPOS+" "+tok.XPOS] })
	setID := map[classSet]int32{}
	id := func(cs classSet) int32 {
		k, ok := setID[cs]
		if !ok {
			k = int32(len(t.sets))
			setID[cs] = k
			t.sets = append(t.sets, cs)
		}
		return k
	}
	words := make([]string, 0, len(lowerTags))
	for w := range lowerTags {
		words = append(words, w)
	}
	slices.Sort(words) // set ids in a deterministic order
	for _, w := range words {
		cs := lowerTags[w]
		total := 0
		for _, n := range cs {
			total += n
		}
		if total < minDict || len(t.upos) > maxSetClasses {
			continue
		}
		var all classSet
		for c := range cs {
			all.add(c)
		}
		t.dict[w] = id(all)
	}

	var tr [3]*linear.Trainer
	var p passes
	tr[0] = linear.NewTrainer(len(t.upos))
	p.first = tr[0]
	if !o.OnePass {
		tr[1] = linear.NewTrainer(len(t.upos))
		tr[2] = linear.NewTrainer(len(t.upos))
		p.back, p.final = tr[1], tr[2]
	}
	// final returns the tagger of the weights averaged so far.
	final := func() *Tagger {
		for k, m := range []**linear.Model{&t.model, &t.modelR, &t.model2} {
			if tr[k] != nil {
				*m = tr[k].Model(1e-3)
			}
		}
		return t.Pruned(minWeight)
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var golds []int32
	learn := func(k int, feats []uint64, i int, pred int32) {
		if k == 1 {
			i = len(golds) - 1 - i
		}
		tr[k].Update(feats, int(golds[i]), int(pred))
		tr[k].Tick()
	}
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := train[si]
			golds = golds[:0]
			for _, tok := range s.Tokens {
				golds = append(golds, classOf[tok.UPOS+" "+tok.XPOS])
			}
			t.tag(t.newContext(s, infos[si]), p, learn)
		}
		if o.Epoch != nil {
			o.Epoch(epoch, final())
		}
	}
	return final()
}

// learnWords fills t.words from train and returns the wordInfo of each
// word of each training sentence computed without its own document.
func (t *Tagger) learnWords(train []*dyad.Sentence, classOf func(dyad.Token) int32) [][]wordInfo {
	all := lexCounts{}
	byDoc := map[string]lexCounts{}
	keys := make([]string, len(train))
	for i, s := range train {
		all.add(s, classOf)
		keys[i] = docKey(s, i)
		if byDoc[keys[i]] == nil {
			byDoc[keys[i]] = lexCounts{}
		}
		byDoc[keys[i]].add(s, classOf)
	}
	ls := newLexStats(t.upos)
	for w, wc := range all {
		t.words[w] = ls.info(wc, nil)
	}
	infos := make([][]wordInfo, len(train))
	for i, s := range train {
		mine := byDoc[keys[i]]
		infos[i] = make([]wordInfo, len(s.Tokens))
		for j, tok := range s.Tokens {
			l := strings.ToLower(tok.Form)
			infos[i][j] = ls.info(all[l], mine[l])
		}
	}
	return infos
}

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
	// OnePass trains only the left-to-right pass, without the second pass
	// that sees the first pass's tags of the words to the right.
	OnePass bool
	// Epoch, when set, is called after each epoch with the epoch number
	// (from 1) and the tagger averaged so far.
	Epoch func(epoch int, t *Tagger)
}

// minDict is how often a word must be seen in training for the tagger to
// give it only the classes it had there.
const minDict = 10

// Train learns a Tagger from sentences with gold UPOS and XPOS.
func Train(train []*dyad.Sentence, o TrainOptions) *Tagger {
	if o.Epochs <= 0 {
		o.Epochs = 8
	}
	classOf := map[string]int32{}
	t := &Tagger{lex: map[string]int32{}, freqTag: map[string]int32{}, dict: map[string]int32{}}
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
	for w, cs := range lowerTags {
		total, best, bc := 0, 0, int32(0)
		for c, n := range cs {
			total += n
			if n > best || n == best && c < bc {
				best, bc = n, c
			}
		}
		if total >= 3 {
			t.freqTag[w] = bc
		}
	}
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

	tr := linear.NewTrainer(len(t.upos))
	tr2 := linear.NewTrainer(len(t.upos))
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, len(t.upos))
	feats := make([]uint64, 0, 48)
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := train[si]
			ctx := t.newContext(s)
			tags := make([]int32, len(s.Tokens))
			for i, tok := range s.Tokens {
				gold := classOf[tok.UPOS+" "+tok.XPOS]
				if c, ok := t.lex[tok.Form]; ok {
					tags[i] = c
					continue
				}
				feats = ctx.features(feats[:0], i, tags, t.upos)
				clear(scores)
				tr.Score(feats, scores)
				pred := t.best(scores, ctx, i)
				tr.Update(feats, int(gold), int(pred))
				tr.Tick()
				tags[i] = pred
			}
			if o.OnePass {
				continue
			}
			first := tags
			tags = make([]int32, len(s.Tokens))
			for i, tok := range s.Tokens {
				gold := classOf[tok.UPOS+" "+tok.XPOS]
				if c, ok := t.lex[tok.Form]; ok {
					tags[i] = c
					continue
				}
				feats = ctx.features(feats[:0], i, tags, t.upos)
				feats = ctx.right(feats, i, tags, first)
				clear(scores)
				tr2.Score(feats, scores)
				pred := t.best(scores, ctx, i)
				tr2.Update(feats, int(gold), int(pred))
				tr2.Tick()
				tags[i] = pred
			}
		}
		if o.Epoch != nil {
			t.model = tr.Model(0)
			if !o.OnePass {
				t.model2 = tr2.Model(0)
			}
			o.Epoch(epoch, t)
		}
	}
	t.model = tr.Model(1e-3)
	if !o.OnePass {
		t.model2 = tr2.Model(1e-3)
	}
	return t
}

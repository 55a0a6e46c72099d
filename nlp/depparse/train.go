package depparse

import (
	"math/rand/v2"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/internal/linear"
)

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int    // passes over the training data; 0 means 12
	Seed   uint64 // seed for shuffling and exploration
	// Explore is the probability of following a wrong prediction after the
	// first epoch; 0 means 0.9, a negative value never explores. It
	// applies to greedy training only (Beam 1).
	Explore float64
	// Prune drops final weights whose magnitude is below it; 0 means 1,
	// which removes features updated once only and keeps accuracy.
	Prune float32
	// Beam is the beam width: 1 (or 0) trains the greedy parser with the
	// dynamic oracle; a larger width trains globally, as a structured
	// perceptron over whole transition sequences searched with that beam,
	// and the parser keeps the width for Parse.
	Beam int
	// EarlyUpdate, with Beam > 1, updates when the oracle's sequence falls
	// out of the beam (Collins and Roark 2004) instead of at the step
	// where the best hypothesis beats it by the most (max-violation,
	// Huang et al. 2012).
	EarlyUpdate bool
	// Epoch, when set, is called after each epoch with the epoch number
	// (from 1) and the parser averaged so far.
	Epoch func(epoch int, p *Parser)
}

// Train learns a Parser from sentences with gold tags, heads and relations.
// Sentences with a malformed tree are skipped.
func Train(train []*dyad.Sentence, o TrainOptions) *Parser {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Prune == 0 {
		o.Prune = 1
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	labelOf := map[string]int{"root": 0}
	p := &Parser{labels: []string{"root"}}
	var usable []*dyad.Sentence
	for _, s := range train {
		ok := len(s.Tokens) > 0
		roots := 0
		for _, t := range s.Tokens {
			if t.Head < 0 || t.Head > len(s.Tokens) {
				ok = false
			}
			if t.Head == 0 {
				roots++
			}
			if _, seen := labelOf[t.DepRel]; !seen {
				labelOf[t.DepRel] = len(p.labels)
				p.labels = append(p.labels, t.DepRel)
			}
		}
		if ok && roots == 1 {
			usable = append(usable, s)
		}
	}
	nl := len(p.labels)
	nclass := 1 + 2*nl
	tr := linear.NewTrainer(nclass)
	rng := rand.New(rand.NewPCG(o.Seed, 0xd1ad))
	order := make([]int, len(usable))
	for i := range order {
		order[i] = i
	}
	if o.Beam > 1 {
		p.beam = o.Beam
		trainGlobal(p, tr, usable, labelOf, order, rng, o)
		p.model = tr.Model(o.Prune)
		return p
	}
	scores := make([]float32, nclass)
	costs := make([]int, nclass)
	feats := make([]uint64, 0, 96)
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := usable[si]
			g := newGold(s, labelOf)
			st := newState(s, nl)
			inStack := make([]bool, len(s.Tokens)+1)
			for !st.terminal() {
				feats = st.features(feats[:0])
				clear(scores)
				tr.Score(feats, scores)
				st.costs(g, inStack, costs, p.root)
				pred, best := -1, -1
				for c := range scores {
					if costs[c] < 0 {
						continue
					}
					if pred < 0 || scores[c] > scores[pred] {
						pred = c
					}
					if best < 0 || costs[c] < costs[best] || costs[c] == costs[best] && scores[c] > scores[best] {
						best = c
					}
				}
				if costs[pred] > costs[best] {
					tr.Update(feats, best, pred)
				}
				tr.Tick()
				next := best
				if costs[pred] == costs[best] || epoch > 1 && o.Explore > 0 && rng.Float64() < o.Explore {
					next = pred
				}
				if next == shift {
					inStack[st.b] = true
				} else {
					inStack[st.stack[len(st.stack)-1]] = false
				}
				st.apply(next)
			}
		}
		if o.Epoch != nil {
			p.model = tr.Model(o.Prune)
			o.Epoch(epoch, p)
		}
	}
	p.model = tr.Model(o.Prune)
	return p
}

// gold is the gold tree of a training sentence, in state indexes.
type gold struct {
	head  []int
	label []int
	deps  [][]int // dependents of each word; deps[n] are the root's
}

// newGold returns the gold tree of s.
func newGold(s *dyad.Sentence, labelOf map[string]int) *gold {
	n := len(s.Tokens)
	g := &gold{head: make([]int, n), label: make([]int, n), deps: make([][]int, n+1)}
	for i, t := range s.Tokens {
		h := t.Head - 1
		if t.Head == 0 {
			h = n
		}
		g.head[i] = h
		g.label[i] = labelOf[t.DepRel]
		g.deps[h] = append(g.deps[h], i)
	}
	return g
}

// trainGlobal trains p's weights in tr as a structured perceptron: each
// sentence is parsed with a beam of width o.Beam, and when the best
// hypothesis is not the oracle's, the weights move towards the oracle's
// transitions and away from the hypothesis' up to the chosen step.
func trainGlobal(p *Parser, tr *linear.Trainer, usable []*dyad.Sentence, labelOf map[string]int, order []int, rng *rand.Rand, o TrainOptions) {
	nl := len(p.labels)
	seqs := make([][]int, len(usable))
	for i, s := range usable {
		seqs[i] = oracle(s, newGold(s, labelOf), nl, p.root)
	}
	scores := make([]float32, 1+2*nl)
	feats := make([]uint64, 0, 96)
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s, seq := usable[si], seqs[si]
			bs := newSearch(s, nl, p.root, o.Beam)
			gst := bs.beam[0].st.fresh()
			var gscore float32
			at, atNode, worst := -1, int32(-1), float32(0)
			for t, gc := range seq {
				if gst.forced(p.root) < 0 {
					feats = gst.features(feats[:0])
					clear(scores)
					tr.Score(feats, scores)
					gscore += scores[gc]
				}
				gst.apply(gc)
				bs.step(tr.Score, gc)
				top := bs.beam[0]
				if o.EarlyUpdate {
					out := !bs.hasGold()
					if out || t == len(seq)-1 && !top.gold {
						at, atNode = t, top.node
					}
					if out {
						break
					}
				} else if !top.gold && (at < 0 || top.score-gscore > worst) {
					at, atNode, worst = t, top.node, top.score-gscore
				}
			}
			if at >= 0 {
				update(tr, bs.beam[0].st.fresh(), seq[:at+1], bs.history(atNode), p.root, feats)
			}
			tr.Tick()
		}
		if o.Epoch != nil {
			p.model = tr.Model(o.Prune)
			o.Epoch(epoch, p)
		}
	}
}

// update moves the weights towards the transitions gold and away from
// pred, two sequences of the same length from the initial state st.
func update(tr *linear.Trainer, st *state, gold, pred []int, root int, feats []uint64) {
	d := 0
	for d < len(gold) && gold[d] == pred[d] {
		st.apply(gold[d])
		d++
	}
	other := st.fresh()
	other.copyFrom(st)
	for _, side := range []struct {
		st  *state
		seq []int
		w   float32
	}{{st, gold[d:], 1}, {other, pred[d:], -1}} {
		for _, c := range side.seq {
			if side.st.forced(root) < 0 {
				feats = side.st.features(feats[:0])
				tr.Add(feats, c, side.w)
			}
			side.st.apply(c)
		}
	}
}

// oracle returns the transitions of the oracle's parse of s: at each step
// the transition that loses the fewest gold arcs, preferring arcs to
// shifts and then the lower class. For a projective tree it loses none.
func oracle(s *dyad.Sentence, g *gold, nl, root int) []int {
	st := newState(s, nl)
	inStack := make([]bool, st.n+1)
	costs := make([]int, 1+2*nl)
	seq := make([]int, 0, 2*st.n)
	for !st.terminal() {
		st.costs(g, inStack, costs, root)
		best := -1
		for c := 1; c < len(costs); c++ {
			if costs[c] >= 0 && (best < 0 || costs[c] < costs[best]) {
				best = c
			}
		}
		if costs[shift] >= 0 && (best < 0 || costs[shift] < costs[best]) {
			best = shift
		}
		if best == shift {
			inStack[st.b] = true
		} else {
			inStack[st.stack[len(st.stack)-1]] = false
		}
		st.apply(best)
		seq = append(seq, best)
	}
	return seq
}

// costs sets costs[c] to the number of gold arcs transition c makes
// unreachable, or -1 when c is not valid (Goldberg and Nivre 2013).
func (st *state) costs(g *gold, inStack []bool, costs []int, root int) {
	for c := range costs {
		costs[c] = 0
		if !st.valid(c, root) {
			costs[c] = -1
		}
	}
	b := st.b
	depsInBuffer := func(h int) int {
		k := 0
		for _, d := range g.deps[h] {
			if d >= b {
				k++
			}
		}
		return k
	}
	// SHIFT: b loses dependents on the stack and a head below s0.
	if costs[shift] >= 0 {
		c := 0
		for _, d := range g.deps[b] {
			if inStack[d] {
				c++
			}
		}
		if h := g.head[b]; h < st.n && inStack[h] && h != st.stack[len(st.stack)-1] {
			c++
		}
		costs[shift] = c
	}
	if len(st.stack) == 0 {
		return
	}
	s0 := st.stack[len(st.stack)-1]
	s1 := -2
	if len(st.stack) >= 2 {
		s1 = st.stack[len(st.stack)-2]
	}
	lost := depsInBuffer(s0)
	h := g.head[s0]
	// LEFT: s0 gets head b.
	left := lost
	if h != b && (h == s1 || h > b) {
		left++
	}
	// RIGHT: s0 gets head s1.
	right := lost
	if h != s1 && h >= b {
		right++
	}
	for l := range st.nl {
		if c := 1 + l; costs[c] >= 0 {
			costs[c] = left
			if h == b && l != g.label[s0] {
				costs[c]++
			}
		}
		if c := 1 + st.nl + l; costs[c] >= 0 {
			costs[c] = right
			if h == s1 && l != g.label[s0] {
				costs[c]++
			}
		}
	}
}

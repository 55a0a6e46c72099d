package depparse

import "github.com/dyad-events/dyad"

// hyp is one hypothesis of a beam search: a state, the sum of the scores
// of the transitions that led to it, and its history.
type hyp struct {
	st    *state
	score float32
	node  int32 // its last transition in search.nodes; -1 at the start
	gold  bool  // whether every transition so far is the oracle's
}

// node is one transition of a hypothesis' history.
type node struct {
	prev  int32
	class int32
}

// cand is a scored one-transition extension of a hypothesis.
type cand struct {
	from  int // index of the hypothesis in search.beam
	class int
	score float32
	gold  bool
}

// search is a beam search over the transitions of one sentence. In the
// arc-hybrid system every parse of n words takes 2n transitions, so all
// hypotheses end together.
type search struct {
	k, root int
	beam    []hyp
	next    []hyp
	spare   []*state // states not in use; 2k states in all
	top     []cand   // the k best extensions, best first
	nodes   []node
	scores  []float32
	feats   []uint64
}

// newSearch starts a beam search of width k over s.
func newSearch(s *dyad.Sentence, nl, root, k int) *search {
	st := newState(s, nl)
	bs := &search{k: k, root: root, scores: make([]float32, 1+2*nl), feats: make([]uint64, 0, 96),
		beam: make([]hyp, 1, k), next: make([]hyp, 0, k), top: make([]cand, 0, k+1),
		nodes: make([]node, 0, 2*k*len(s.Tokens))}
	bs.beam[0] = hyp{st: st, node: -1, gold: true}
	for range 2*k - 1 {
		bs.spare = append(bs.spare, st.fresh())
	}
	return bs
}

// run searches to the end with the weights of score and returns the state
// of the best parse.
func (bs *search) run(score func(feats []uint64, scores []float32)) *state {
	for !bs.beam[0].st.terminal() {
		bs.step(score, -1)
	}
	return bs.beam[0].st
}

// step extends every hypothesis by each of its valid transitions, scored
// by score, and keeps the k best. gold is the oracle's transition when
// training, else -1. Ties keep the earlier hypothesis and the lower
// class, so that width 1 decodes as the greedy parser does.
func (bs *search) step(score func(feats []uint64, scores []float32), gold int) {
	bs.top = bs.top[:0]
	for i := range bs.beam {
		h := &bs.beam[i]
		if c := h.st.forced(bs.root); c >= 0 {
			bs.offer(cand{from: i, class: c, score: h.score, gold: h.gold && c == gold})
			continue
		}
		bs.feats = h.st.features(bs.feats[:0])
		clear(bs.scores)
		score(bs.feats, bs.scores)
		for c, v := range bs.scores {
			if h.st.valid(c, bs.root) {
				bs.offer(cand{from: i, class: c, score: h.score + v, gold: h.gold && c == gold})
			}
		}
	}
	bs.next = bs.next[:0]
	for _, c := range bs.top {
		from := &bs.beam[c.from]
		st := bs.spare[len(bs.spare)-1]
		bs.spare = bs.spare[:len(bs.spare)-1]
		st.copyFrom(from.st)
		st.apply(c.class)
		bs.nodes = append(bs.nodes, node{prev: from.node, class: int32(c.class)})
		bs.next = append(bs.next, hyp{st: st, score: c.score, node: int32(len(bs.nodes) - 1), gold: c.gold})
	}
	for _, h := range bs.beam {
		bs.spare = append(bs.spare, h.st)
	}
	bs.beam, bs.next = bs.next, bs.beam
}

// offer inserts c into the k best extensions if it belongs there.
func (bs *search) offer(c cand) {
	n := len(bs.top)
	if n == bs.k && c.score <= bs.top[n-1].score {
		return
	}
	i := n
	for i > 0 && c.score > bs.top[i-1].score {
		i--
	}
	if n < bs.k {
		bs.top = append(bs.top, cand{})
	}
	copy(bs.top[i+1:], bs.top[i:len(bs.top)-1])
	bs.top[i] = c
}

// history returns the transitions of the hypothesis ending at node i.
func (bs *search) history(i int32) []int {
	var out []int
	for ; i >= 0; i = bs.nodes[i].prev {
		out = append(out, int(bs.nodes[i].class))
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// hasGold reports whether the oracle's hypothesis is still in the beam.
func (bs *search) hasGold() bool {
	for _, h := range bs.beam {
		if h.gold {
			return true
		}
	}
	return false
}

package depparse

import "github.com/dyad-events/dyad/nlp/internal/linear"

// features appends the feature hashes of the configuration.
func (st *state) features(f []uint64) []uint64 {
	pad := st.n + 1
	at := func(k int) int { // stack item k from the top, or pad
		if k < len(st.stack) {
			return st.stack[len(st.stack)-1-k]
		}
		return pad
	}
	s0, s1, s2 := at(0), at(1), at(2)
	b0 := st.b
	b1, b2 := pad, pad
	if st.b+1 < st.n {
		b1 = st.b + 1
	}
	if st.b+2 < st.n {
		b2 = st.b + 2
	}
	child := func(h int, left bool, k int) int {
		if h >= pad {
			return pad
		}
		var c int
		if left {
			c = st.arcs[h].lc[k]
		} else {
			c = st.arcs[h].rc[k]
		}
		if c == none {
			return pad
		}
		return c
	}
	lab := func(d int) uint64 {
		if d >= st.n || st.arcs[d].head == none {
			return 255
		}
		return uint64(st.arcs[d].label)
	}
	val := func(h int, left bool) uint64 {
		if h >= pad {
			return 99
		}
		if left {
			return uint64(st.arcs[h].nleft)
		}
		return uint64(st.arcs[h].nright)
	}
	set := func(h int, left bool) uint64 {
		if h >= pad {
			return 1 << 63
		}
		if left {
			return st.arcs[h].lset
		}
		return st.arcs[h].rset
	}
	dist := func(a, b int) uint64 {
		if a >= pad || b >= pad {
			return 99
		}
		d := b - a
		if d < 0 {
			d = -d
		}
		switch {
		case d > 10:
			return 11
		case d > 5:
			return 6
		}
		return uint64(d)
	}
	s0L, s0L2 := child(s0, true, 0), child(s0, true, 1)
	s0R, s0R2 := child(s0, false, 0), child(s0, false, 1)
	s1L, s1R := child(s1, true, 0), child(s1, false, 0)
	b0L, b0L2 := child(b0, true, 0), child(b0, true, 1)

	w, p, u := st.w, st.p, st.u
	H := linear.New
	t := 0
	next := func() linear.Hash { t++; return H(t) }
	f = append(f,
		// single words
		next().U(w[s0]).Sum(), next().U(p[s0]).Sum(), next().U(w[s0]).U(p[s0]).Sum(),
		next().U(w[s1]).Sum(), next().U(p[s1]).Sum(), next().U(w[s1]).U(p[s1]).Sum(),
		next().U(w[b0]).Sum(), next().U(p[b0]).Sum(), next().U(w[b0]).U(p[b0]).Sum(),
		next().U(w[b1]).Sum(), next().U(p[b1]).Sum(), next().U(w[b1]).U(p[b1]).Sum(),
		next().U(w[b2]).Sum(), next().U(p[b2]).Sum(),
		next().U(p[s2]).Sum(), next().U(w[s2]).Sum(),
		next().U(u[s0]).Sum(), next().U(u[b0]).Sum(), next().U(u[s1]).Sum(),
		// pairs
		next().U(w[s0]).U(p[s0]).U(w[b0]).U(p[b0]).Sum(),
		next().U(w[s0]).U(p[s0]).U(w[b0]).Sum(),
		next().U(w[s0]).U(w[b0]).U(p[b0]).Sum(),
		next().U(w[s0]).U(p[s0]).U(p[b0]).Sum(),
		next().U(p[s0]).U(w[b0]).U(p[b0]).Sum(),
		next().U(w[s0]).U(w[b0]).Sum(),
		next().U(p[s0]).U(p[b0]).Sum(),
		next().U(p[b0]).U(p[b1]).Sum(),
		next().U(w[s1]).U(p[s1]).U(w[s0]).U(p[s0]).Sum(),
		next().U(w[s1]).U(w[s0]).Sum(),
		next().U(p[s1]).U(p[s0]).Sum(),
		next().U(w[s1]).U(p[s0]).Sum(),
		next().U(p[s1]).U(w[s0]).Sum(),
		next().U(w[s0]).U(p[b1]).Sum(),
		next().U(p[s0]).U(w[b1]).Sum(),
		// triples
		next().U(p[b0]).U(p[b1]).U(p[b2]).Sum(),
		next().U(p[s0]).U(p[b0]).U(p[b1]).Sum(),
		next().U(p[s1]).U(p[s0]).U(p[b0]).Sum(),
		next().U(p[s2]).U(p[s1]).U(p[s0]).Sum(),
		next().U(p[s0]).U(p[s0L]).U(p[b0]).Sum(),
		next().U(p[s0]).U(p[s0R]).U(p[b0]).Sum(),
		next().U(p[s0]).U(p[b0]).U(p[b0L]).Sum(),
		next().U(p[s1]).U(p[s0]).U(p[s0L]).Sum(),
		next().U(p[s1]).U(p[s0]).U(p[s0R]).Sum(),
		next().U(p[s1]).U(p[s1R]).U(p[s0]).Sum(),
		next().U(p[s1]).U(p[s1L]).U(p[s0]).Sum(),
		next().U(w[s1]).U(p[s0]).U(p[b0]).Sum(),
		next().U(p[s1]).U(w[s0]).U(p[b0]).Sum(),
		next().U(p[s1]).U(p[s0]).U(w[b0]).Sum(),
		// distance
		next().U(w[s0]).U(dist(s0, b0)).Sum(),
		next().U(p[s0]).U(dist(s0, b0)).Sum(),
		next().U(w[b0]).U(dist(s0, b0)).Sum(),
		next().U(p[b0]).U(dist(s0, b0)).Sum(),
		next().U(p[s0]).U(p[b0]).U(dist(s0, b0)).Sum(),
		next().U(w[s0]).U(w[b0]).U(dist(s0, b0)).Sum(),
		next().U(p[s1]).U(p[s0]).U(dist(s1, s0)).Sum(),
		next().U(w[s1]).U(w[s0]).U(dist(s1, s0)).Sum(),
		// valency
		next().U(w[s0]).U(val(s0, false)).Sum(),
		next().U(p[s0]).U(val(s0, false)).Sum(),
		next().U(w[s0]).U(val(s0, true)).Sum(),
		next().U(p[s0]).U(val(s0, true)).Sum(),
		next().U(w[b0]).U(val(b0, true)).Sum(),
		next().U(p[b0]).U(val(b0, true)).Sum(),
		next().U(p[s1]).U(val(s1, true)).U(val(s1, false)).Sum(),
		// children
		next().U(w[s0L]).Sum(), next().U(p[s0L]).Sum(), next().U(lab(s0L)).Sum(),
		next().U(w[s0R]).Sum(), next().U(p[s0R]).Sum(), next().U(lab(s0R)).Sum(),
		next().U(w[b0L]).Sum(), next().U(p[b0L]).Sum(), next().U(lab(b0L)).Sum(),
		next().U(w[s1R]).Sum(), next().U(p[s1R]).Sum(), next().U(lab(s1R)).Sum(),
		next().U(p[s1L]).U(lab(s1L)).Sum(),
		next().U(p[s0L2]).Sum(), next().U(lab(s0L2)).Sum(),
		next().U(p[s0R2]).Sum(), next().U(lab(s0R2)).Sum(),
		next().U(p[b0L2]).Sum(), next().U(lab(b0L2)).Sum(),
		next().U(p[s0]).U(lab(s0L)).U(lab(s0L2)).Sum(),
		next().U(p[s0]).U(lab(s0R)).U(lab(s0R2)).Sum(),
		next().U(p[b0]).U(lab(b0L)).U(lab(b0L2)).Sum(),
		next().U(p[s0]).U(lab(s0L)).U(p[b0]).Sum(),
		next().U(p[s0]).U(lab(s0R)).U(p[b0]).Sum(),
		next().U(w[s0]).U(lab(s0R)).Sum(),
		next().U(w[b0]).U(lab(b0L)).Sum(),
		// label sets
		next().U(w[s0]).U(set(s0, false)).Sum(),
		next().U(p[s0]).U(set(s0, false)).Sum(),
		next().U(w[s0]).U(set(s0, true)).Sum(),
		next().U(p[s0]).U(set(s0, true)).Sum(),
		next().U(w[b0]).U(set(b0, true)).Sum(),
		next().U(p[b0]).U(set(b0, true)).Sum(),
		// shape of the stack
		next().U(uint64(min(len(st.stack), 5))).U(p[b0]).Sum(),
	)
	return f
}

package coder

import (
	"github.com/dyad-events/dyad/dict"
)

// verbMatch is a dictionary verb found at a word of the sentence.
type verbMatch struct {
	verb  *dict.Verb
	word  int   // the verb word
	words []int // all words of a multi-word verb
}

// findVerbs returns the dictionary verbs at word i, multi-word verbs first.
func (a *analysis) findVerbs(i int) []verbMatch {
	ps := a.ps
	cands := a.c.verbs.Lookup(ps.n[i].up)
	var out []verbMatch
	for _, v := range cands {
		words, ok := a.multiword(v, i)
		if !ok {
			continue
		}
		out = append(out, verbMatch{verb: v, word: i, words: words})
	}
	// Longer verbs first; the dictionary order otherwise.
	for x := 1; x < len(out); x++ {
		for y := x; y > 0 && len(out[y].words) > len(out[y-1].words); y-- {
			out[y], out[y-1] = out[y-1], out[y]
		}
	}
	return out
}

// multiword checks the words around a multi-word verb.
func (a *analysis) multiword(v *dict.Verb, i int) ([]int, bool) {
	ps := a.ps
	words := append(a.ints(1+len(v.Pre)+len(v.Post)), i)
	for k := range v.Pre {
		j := i - len(v.Pre) + k
		if j < 0 || !wordIs(ps.n[j], v.Pre[k]) {
			return nil, false
		}
		words = append(words, j)
	}
	j := i + 1
	for _, w := range v.Post {
		// A particle may be a dependent anywhere ("cordoned the roads off")
		// or simply the next word.
		found := -1
		if j < len(ps.n) && wordIs(ps.n[j], w) {
			found = j
		} else {
			for _, k := range ps.n[i].kids {
				if ps.n[k].rel == "compound:prt" && wordIs(ps.n[k], w) {
					found = k
				}
			}
		}
		if found < 0 {
			return nil, false
		}
		words = append(words, found)
		j = found + 1
	}
	return words, true
}

// wordIs reports whether a word is w, in its form or, for nouns, its lemma
// or regular plural.
func wordIs(nd node, w string) bool {
	return nd.up == w || nd.lemma == w || isPlural(nd.up, w)
}

// isPlural reports whether form is the regular plural of w, without
// allocating.
func isPlural(form, w string) bool {
	n := len(w)
	switch {
	case n == 0 || len(form) < n+1:
		return false
	case n > 1 && w[n-1] == 'Y' && !isVowel(w[n-2]):
		return len(form) == n+2 && form[:n-1] == w[:n-1] && form[n-1:] == "IES"
	case n > 1 && (w[n-1] == 'S' || w[n-1] == 'X' || (w[n-1] == 'H' && (w[n-2] == 'C' || w[n-2] == 'S'))):
		return len(form) == n+2 && form[:n] == w && form[n:] == "ES"
	}
	return len(form) == n+1 && form[:n] == w && form[n] == 'S'
}

func isVowel(c byte) bool { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' }

// marks is a set of word indexes that can be emptied in O(1).
type marks struct {
	gen uint32
	m   []uint32
}

func (u *marks) set(w int)      { u.m[w] = u.gen }
func (u *marks) has(w int) bool { return u.m[w] == u.gen }

// resetUsed empties and returns the analysis's set of used words.
func (a *analysis) resetUsed() *marks {
	if len(a.used.m) < len(a.ps.n) {
		a.used.m = make([]uint32, len(a.ps.n))
	}
	a.used.gen++
	return &a.used
}

// bloom is a 1024-bit set of word hashes: a cheap, approximate "does the
// sentence hold this word" test (false positives only).
type bloom [16]uint64

// wordBit returns a word's bit in a bloom.
func wordBit(w string) uint16 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return uint16(h & 1023)
}

// wordBitY returns the bit of w+"Y" without building the string.
func wordBitY(w string) uint16 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	h ^= 'Y'
	h *= 16777619
	return uint16(h & 1023)
}

func (b *bloom) add(w string)           { b.addBit(wordBit(w)) }
func (b *bloom) addBit(bit uint16)      { b[bit>>6] |= 1 << (bit & 63) }
func (b *bloom) hasBit(bit uint16) bool { return b[bit>>6]&(1<<(bit&63)) != 0 }

// patternAnchors returns, for each block and each of its patterns, the
// literal words the pattern needs: per element that names words, the bloom
// bits of its alternatives.
func patternAnchors(d *dict.Verbs) map[*dict.VerbBlock][][][]uint16 {
	out := map[*dict.VerbBlock][][][]uint16{}
	bits := func(alts []string) []uint16 {
		b := make([]uint16, len(alts))
		for i, a := range alts {
			b[i] = wordBit(a)
		}
		return b
	}
	for _, b := range d.Blocks {
		per := make([][][]uint16, len(b.Patterns))
		for n, p := range b.Patterns {
			for _, side := range [][]dict.Elem{p.Pre, p.Post} {
				for _, el := range side {
					switch el.Kind {
					case dict.ElemPrep:
						per[n] = append(per[n], bits(el.Prep))
					case dict.ElemNoun:
						if head := el.Words[len(el.Words)-1]; head.Synset == "" {
							per[n] = append(per[n], bits(head.Alts))
						}
					}
				}
			}
		}
		out[b] = per
	}
	return out
}

// mayMatch reports whether the sentence may hold a word for each literal
// element of a pattern (its anchors): a cheap test before the full match.
func (a *analysis) mayMatch(anchors [][]uint16) bool {
	for _, alts := range anchors {
		found := false
		for _, bit := range alts {
			if a.keys.hasBit(bit) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// slot is where a pattern's actor marker ($, +, %, ^) matched: the head of
// the noun phrase that names the actor.
type slot struct {
	kind dict.ElemKind
	head int
}

// patMatch is a pattern that matched at a verb.
type patMatch struct {
	p     *dict.Pattern
	score int
	slots []slot
	nouns []int // the words the pattern's nouns matched: things, not actors
}

// matchPattern matches a pattern against the verb at vm. pre and post are
// the clause words before and after the verb.
func (a *analysis) matchPattern(p *dict.Pattern, vm verbMatch, pre, post []int) (patMatch, bool) {
	m := patMatch{p: p}
	used := a.resetUsed()
	for _, w := range vm.words {
		used.set(w)
	}
	if !a.matchSide(p.Pre, pre, used, &m) {
		return m, false
	}
	if !a.matchSide(p.Post, post, used, &m) {
		return m, false
	}
	return m, true
}

// matchSide matches elements in order against words.
func (a *analysis) matchSide(elems []dict.Elem, words []int, used *marks, m *patMatch) bool {
	cur := 0 // index into words: elements match in order
	for _, el := range elems {
		switch el.Kind {
		case dict.ElemNoun:
			at := -1
			for x := cur; x < len(words); x++ {
				w := words[x]
				if used.has(w) {
					continue
				}
				if a.nounMatches(el.Words, w) {
					at = x
					break
				}
			}
			if at < 0 {
				return false
			}
			used.set(words[at])
			m.nouns = append(m.nouns, words[at])
			m.score += 2 * len(el.Words)
			cur = at + 1
		case dict.ElemPrep:
			at := -1
			for x := cur; x < len(words); x++ {
				w := words[x]
				nd := a.ps.n[w]
				if used.has(w) || (nd.base != "case" && nd.base != "mark" && nd.upos != "ADP") || !oneOf(nd.up, el.Prep) {
					continue
				}
				obj := nd.head
				if obj < 0 || obj < w { // the preposition governs what follows it
					obj = a.nextNominal(words, x)
				}
				if len(el.Words) > 0 && (obj < 0 || !a.prepObjectMatches(el.Words, obj)) {
					continue
				}
				at = x
				used.set(w)
				if el.Inner >= dict.ElemSource {
					m.slots = append(m.slots, slot{kind: el.Inner, head: obj})
				}
				if obj >= 0 && (len(el.Words) > 0 || el.Inner >= dict.ElemSource) {
					// The phrase the preposition governs is taken: later
					// elements match after it.
					used.set(obj)
					for y := x + 1; y < len(words); y++ {
						if words[y] == obj {
							at = y
						}
					}
				}
				break
			}
			if at < 0 {
				return false
			}
			m.score += 2 + 2*len(el.Words)
			cur = at + 1
		default: // an actor marker: the next actor phrase
			at := -1
			for x := cur; x < len(words); x++ {
				w := words[x]
				if used.has(w) || !a.nominal(w) || a.ps.n[w].rel == "nmod:desc" {
					// (a title is part of the name's phrase, not an actor
					// phrase of its own: "President Ilham Aliyev")
					continue
				}
				if got := a.actorsOf(w); len(got) > 0 {
					if el.Kind == dict.ElemCompound && distinctCodes(got) < 2 {
						return false // "%" wants a compound: "Modi and Xi discussed"
					}
					at = x
					break
				}
			}
			if at < 0 {
				return false
			}
			m.slots = append(m.slots, slot{kind: el.Kind, head: words[at]})
			m.score++
			cur = at + 1
		}
	}
	return true
}

// prepObjectMatches matches the noun part of a prepositional pattern
// element: the phrase head as for nouns, or, for a single pattern word, any
// modifier of the head ("(ON &TIETYPES)" matches "on cultural issues").
func (a *analysis) prepObjectMatches(ws []dict.Word, obj int) bool {
	if a.nounMatches(ws, obj) {
		return true
	}
	if len(ws) != 1 {
		return false
	}
	for _, k := range a.ps.n[obj].kids {
		if b := a.ps.n[k].base; b == "amod" || b == "compound" {
			if _, ok := a.wordMatchesEnd(ws[0], k); ok {
				return true
			}
		}
	}
	return false
}

// nextNominal returns the first nominal word after words[x], or -1.
func (a *analysis) nextNominal(words []int, x int) int {
	for y := x + 1; y < len(words); y++ {
		if a.nominal(words[y]) {
			return words[y]
		}
	}
	return -1
}

func oneOf(s string, alts []string) bool {
	for _, a := range alts {
		if s == a {
			return true
		}
	}
	return false
}

// nominal reports whether a word can head a noun phrase.
func (a *analysis) nominal(i int) bool {
	switch a.ps.n[i].upos {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "SYM":
		return true
	case "DET", "ADJ":
		// UDPipe sometimes tags unknown names as DET or ADJ; accept them as
		// heads when they head a subject, object or prepositional phrase.
		switch a.ps.n[i].base {
		case "nsubj", "obj", "obl", "nmod", "iobj", "conj":
			return true
		}
	}
	return false
}

// nounMatches matches a pattern phrase (head last) against the phrase
// headed by word w: the head must be the last word, the other words must
// appear in order in the phrase before the head, the last of them right
// before it.
func (a *analysis) nounMatches(ws []dict.Word, w int) bool {
	if len(ws) == 0 {
		return false
	}
	head := ws[len(ws)-1]
	// A synonym-set phrase may span several words ending at the head.
	end, ok := a.wordMatchesEnd(head, w)
	if !ok {
		return false
	}
	if len(ws) == 1 {
		return true
	}
	// The modifiers: words of the phrase before the head match, the last
	// modifier immediately before.
	phr := a.phraseOf(w)
	pos := end - 1
	for k := len(ws) - 2; k >= 0; k-- {
		found := false
		for ; pos >= 0; pos-- {
			if !inInts(phr, pos) {
				if k == len(ws)-2 {
					return false
				}
				continue
			}
			if s, ok := a.wordMatchesEnd(ws[k], pos); ok {
				pos = s - 1
				found = true
				break
			}
			if k == len(ws)-2 {
				return false // the word before the head must match
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// wordMatchesEnd matches a pattern word ending at word i and returns the
// index of the first word it covers.
func (a *analysis) wordMatchesEnd(pw dict.Word, i int) (int, bool) {
	ps := a.ps
	if pw.Synset == "" {
		for _, alt := range pw.Alts {
			if wordIs(ps.n[i], alt) {
				return i, true
			}
		}
		return 0, false
	}
	best, ok := 0, false
	nd := ps.n[i]
	for _, key := range lastWordKeys(nd) {
		if key == "" {
			continue
		}
		for _, phrase := range a.c.synsets[synKey{pw.Synset, key}] {
			n := len(phrase)
			if i-n+1 < 0 || !wordIs(nd, phrase[n-1]) {
				continue
			}
			match := true
			for k := 0; k < n-1; k++ {
				if ps.n[i-n+1+k].up != phrase[k] {
					match = false
					break
				}
			}
			if match && (!ok || i-n+1 < best) {
				best, ok = i-n+1, true
			}
		}
	}
	return best, ok
}

// singulars returns the words an upper-case form may be the regular
// plural of ("" where it is none): without its S ("TROOPS"), without its
// ES ("CRISES" → "CRIS", "TAXES" → "TAX"), and the stem of an IES plural,
// to which the caller adds Y ("MILITIES" → "MILIT" + "Y").
func singulars(w string) (s, es, iesStem string) {
	n := len(w)
	if n < 2 || w[n-1] != 'S' {
		return "", "", ""
	}
	s = w[:n-1]
	if n > 2 && w[n-2] == 'E' {
		es = w[:n-2]
		if n > 3 && w[n-3] == 'I' {
			iesStem = w[:n-3]
		}
	}
	return s, es, iesStem
}

// lastWordKeys returns the dictionary words a word may stand for: its form,
// its lemma and the singulars its form may be the regular plural of.
func lastWordKeys(nd node) [5]string {
	var keys [5]string
	keys[0], keys[1] = nd.up, nd.lemma
	var ies string
	keys[2], keys[3], ies = singulars(nd.up)
	if ies != "" {
		keys[4] = ies + "Y"
	}
	return keys
}

// synKey names the phrases of a synonym set that end with a word.
type synKey struct{ label, last string }

// indexSynsets indexes every synonym-set phrase by its set and last word.
func indexSynsets(sets map[string][][]string) map[synKey][][]string {
	idx := map[synKey][][]string{}
	for label, phrases := range sets {
		for _, p := range phrases {
			if len(p) > 0 {
				k := synKey{label, p[len(p)-1]}
				idx[k] = append(idx[k], p)
			}
		}
	}
	return idx
}

func inInts(a []int, x int) bool {
	for _, v := range a {
		if v == x {
			return true
		}
	}
	return false
}

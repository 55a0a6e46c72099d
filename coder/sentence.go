package coder

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// node is one word of a sentence prepared for coding: upper-cased forms,
// UD v1 relations mapped to UD v2, and the children of each word.
type node struct {
	up    string // upper-cased form
	lemma string // upper-cased lemma
	upos  string
	rel   string // UD v2 relation, with subtype (e.g. "nsubj:pass")
	base  string // the relation without subtype
	head  int    // 0-based index of the head, -1 for the root
	kids  []int
}

// sentence is a dyad.Sentence prepared for coding. Its slices are reused
// from one sentence to the next.
type sentence struct {
	s     *dyad.Sentence
	n     []node
	roots []int
	buf   []byte // upper-cased forms and lemmas being built
	offs  []int
	count []int
	kids  []int // backing array of every node's kids
}

// v1to2 maps a UD v1 relation (still common in parsed corpora, including
// PETRARCH's own validation suite) to its UD v2 name, and returns any
// other relation unchanged.
func v1to2(rel string) string {
	switch rel {
	case "dobj":
		return "obj"
	case "nsubjpass":
		return "nsubj:pass"
	case "csubjpass":
		return "csubj:pass"
	case "auxpass":
		return "aux:pass"
	case "name":
		return "flat"
	case "mwe":
		return "fixed"
	case "neg":
		return "advmod:neg"
	}
	return rel
}

// prepare fills ps from s, reusing ps's memory.
func (ps *sentence) prepare(s *dyad.Sentence) {
	ps.s = s
	ps.n = resize(ps.n, len(s.Tokens))
	ps.roots = ps.roots[:0]
	// Upper-case every form and lemma into one string: one allocation
	// per sentence instead of two per word.
	buf := ps.buf[:0]
	offs := ps.offs[:0]
	for i := range s.Tokens {
		t := &s.Tokens[i]
		lemma := t.Lemma
		if lemma == "" || lemma == "_" {
			lemma = t.Form
		}
		start := len(buf)
		buf = appendUpper(buf, t.Form)
		offs = append(offs, start, len(buf))
		if lemma == t.Form || strings.EqualFold(lemma, t.Form) {
			offs = append(offs, start, len(buf)) // the lemma is the form
			continue
		}
		start = len(buf)
		buf = appendUpper(buf, lemma)
		offs = append(offs, start, len(buf))
	}
	ps.buf, ps.offs = buf, offs
	words := string(buf)
	for i := range s.Tokens {
		t := &s.Tokens[i]
		rel := t.DepRel
		if hasUpper(rel) {
			rel = strings.ToLower(rel)
		}
		rel = v1to2(rel)
		head := t.Head - 1
		if t.Head < 0 || head >= len(s.Tokens) || head == i {
			head = -1
		}
		ps.n[i] = node{up: words[offs[4*i]:offs[4*i+1]], lemma: words[offs[4*i+2]:offs[4*i+3]], upos: t.UPOS, rel: rel, head: head}
	}
	for i := range ps.n {
		nd := &ps.n[i]
		// UD v1 "nmod" on a verb or adjective is UD v2 "obl".
		if nd.head >= 0 && (nd.rel == "nmod" || strings.HasPrefix(nd.rel, "nmod:")) && nd.rel != "nmod:poss" {
			switch ps.n[nd.head].upos {
			case "VERB", "AUX", "ADJ":
				switch nd.rel {
				case "nmod":
					nd.rel = "obl"
				case "nmod:tmod":
					nd.rel = "obl:tmod"
				case "nmod:npmod":
					nd.rel = "obl:npmod"
				default:
					nd.rel = "obl" + strings.TrimPrefix(nd.rel, "nmod")
				}
			}
		}
		nd.base, _, _ = strings.Cut(nd.rel, ":")
	}
	ps.repairStrayPossessives()
	ps.repairParticiples()
	ps.repairNominalClauses()
	ps.repairCompoundSubjects()
	ps.repairNominalConjuncts()
	ps.repairNounRoot()
	ps.repairMarkedModifiers()
	ps.repairHyphenModifiers()
	ps.repairAdjectiveSubjects()
	ps.repairFrontedNames()
	ps.repairParentheticals()
	ps.repairClauseParticiples()
	ps.repairHyphenNames()
	ps.repairSubjectLists()
	ps.repairRelativeSubjects()
	ps.repairFrontedPhrases()
	for i := range ps.n {
		// A verb has one subject. A second one after "and" ("The United
		// States and China welcomed", misparsed with both under the verb)
		// is a conjunct of the first, and the "and" goes with it; one
		// after a comma ("Hours before the vote, gunmen attacked") is the
		// subject, and the first a fronted modifier, unless a list is
		// under way ("Mordor, Rohan, Arnor and Bree welcomed"). A first
		// one directly before the second's phrase is a modifier in it
		// ("Bree Prime Minister Romendacil will meet").
		nd := &ps.n[i]
		if nd.base != "nsubj" && nd.base != "vocative" || nd.head < 0 {
			continue
		}
		for j := i + 1; j < nd.head; j++ {
			if ps.n[j].head != nd.head || ps.n[j].base != "nsubj" {
				continue
			}
			and := -1 // an "and" between the two, wherever the parser put it
			list, inside := false, true
			for k := i + 1; k < j; k++ {
				if ps.n[k].base == "cc" && ps.n[k].up == "AND" {
					and = k
				}
				if ps.n[k].head == i && ps.n[k].base == "conj" {
					list = true
				}
				if !ps.isAncestor(j, k) {
					inside = false
				}
			}
			switch {
			case and >= 0:
				ps.n[and].head = j
			case nd.base == "vocative" && ps.n[j-1].up == ",":
				// A headline's "India, China agree": a list of subjects.
				nd.rel, nd.base = "nsubj", "nsubj"
			case ps.n[j-1].up == "," && list:
			case ps.n[j-1].up == ",":
				nd.rel, nd.base = "obl", "obl"
			case inside && nd.base == "nsubj" && (ps.n[i].upos == "PROPN" || ps.n[i].upos == "NOUN") && !ps.governsAfter(i):
				nd.head, nd.rel, nd.base = j, "compound", "compound"
			case ps.n[j].upos == "PROPN" && !ps.governs(j) && ps.isAncestor(i, j-1) &&
				(ps.n[j-1].upos == "NOUN" || ps.n[j-1].upos == "PROPN"):
				// "Fighters of the group JNIM attacked", "The Ministry of
				// Silly Walks condemned": a bare name right after the
				// first subject's last noun continues that noun.
				ps.n[j].head, ps.n[j].rel, ps.n[j].base = j-1, "flat", "flat"
			}
			if nd.base == "obl" {
				break
			}
			if and < 0 && ps.n[j-1].up != "," {
				break
			}
			ps.n[j].head, ps.n[j].rel, ps.n[j].base = i, "conj", "conj"
		}
	}
	for i := range ps.n {
		// A possessive cannot depend on a verb ("Pakistan's Defence
		// Minister X accused", misparsed with "Pakistan" under
		// "accused"): it belongs to the noun phrase after it, the verb's
		// first nominal dependent that follows it.
		nd := &ps.n[i]
		if nd.rel != "nmod:poss" || nd.head <= i || (ps.n[nd.head].upos != "VERB" && ps.n[nd.head].upos != "AUX") {
			continue
		}
		for k := i + 1; k < nd.head; k++ {
			if ps.n[k].head == nd.head && (ps.n[k].upos == "NOUN" || ps.n[k].upos == "PROPN") {
				nd.head = k
				break
			}
		}
	}
	// A head chain that never reaches the root (a cycle in a malformed
	// parse) is cut: the word where the cycle is found becomes a root.
	state := resize(ps.count, len(ps.n)) // 0 unseen, 1 on the current chain, 2 reaches the root
	for i := range ps.n {
		j := i
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			j = ps.n[j].head
		}
		if j >= 0 && state[j] == 1 {
			ps.n[j].head = -1 // j closes a cycle: make it a root
		}
		for j = i; j >= 0 && state[j] == 1; j = ps.n[j].head {
			state[j] = 2
		}
	}
	// Children lists share one backing array.
	count := resize(ps.count, len(ps.n))
	ps.count = count
	for i := range ps.n {
		if h := ps.n[i].head; h >= 0 {
			count[h]++
		}
	}
	all := resize(ps.kids, len(ps.n))[:0]
	ps.kids = all
	for i := range ps.n {
		ps.n[i].kids = all[len(all) : len(all) : len(all)+count[i]]
		all = all[:len(all)+count[i]]
	}
	for i := range ps.n {
		if h := ps.n[i].head; h >= 0 {
			ps.n[h].kids = append(ps.n[h].kids, i)
		} else {
			ps.roots = append(ps.roots, i)
		}
	}
}

// governs reports whether any word depends on i.
func (ps *sentence) governs(i int) bool {
	for k := range ps.n {
		if ps.n[k].head == i {
			return true
		}
	}
	return false
}

// governsAfter reports whether a word after i depends on it.
func (ps *sentence) governsAfter(i int) bool {
	for k := i + 1; k < len(ps.n); k++ {
		if ps.n[k].head == i {
			return true
		}
	}
	return false
}

// repairAdjectiveSubjects undoes a misparse of a noun that can also be an
// adjective as a modifier of the verb after it: "Myanmar's military
// bombed a village" with "military" an adjective on "bombed". An
// adjectival modifier cannot depend on a verb; directly before a verb
// that has no subject, it is the subject.
func (ps *sentence) repairAdjectiveSubjects() {
	for w := 0; w+1 < len(ps.n); w++ {
		nd := &ps.n[w]
		if nd.base != "amod" || nd.head != w+1 || ps.n[w+1].upos != "VERB" {
			continue
		}
		subj := false
		for k := range ps.n {
			if ps.n[k].head == w+1 && (ps.n[k].base == "nsubj" || ps.n[k].base == "csubj") {
				subj = true
			}
		}
		if !subj {
			nd.rel, nd.base, nd.upos = "nsubj", "nsubj", "NOUN"
		}
	}
}

// repairFrontedNames undoes a misparse of a subject followed by its
// apposition, "Mali and Niger, Burkina Faso's partners, condemned the
// attack", with the names an oblique of the verb and the apposition its
// subject. An oblique noun with no preposition that opens the sentence,
// and is followed by a comma and then the verb's subject, is the
// subject, and what followed its apposition.
func (ps *sentence) repairFrontedNames() {
	for w := range ps.n {
		nd := ps.n[w]
		if nd.rel != "obl" || nd.upos != "PROPN" || nd.head <= w || !ps.opens(w) {
			continue // not a name opening the sentence before its verb
		}
		v := nd.head
		subj, comma := -1, false
		for k := w + 1; k < v; k++ {
			if ps.n[k].head == v && ps.n[k].rel == "nsubj" {
				subj = k
			}
		}
		if subj < 0 || ps.dependent(w, "case") >= 0 || ps.dependent(w, "mark") >= 0 {
			continue
		}
		for k := w + 1; k < subj; k++ {
			if ps.n[k].up == "," && (ps.n[k].head == w || ps.n[k].head == v || ps.n[k].head == subj) {
				comma = true
			}
		}
		if !comma {
			continue
		}
		ps.n[w].rel, ps.n[w].base = "nsubj", "nsubj"
		ps.n[subj].rel, ps.n[subj].base, ps.n[subj].head = "appos", "appos", w
	}
}

// repairParentheticals undoes a misparse of a sentence's verb as part
// of a parenthetical before it: "The military government, led by Captain
// Ibrahim Traore, accused Ivory Coast" with "accused" under "led", and
// "Saudi Arabia, which leads a coalition against the Houthis, called on
// the group" with "called" under "coalition". A sentence (it ends with a
// full stop) whose root is a noun phrase without a copula has no verb;
// the first verb inside that phrase that follows a comma and has no
// subject of its own and no "by" agent is its verb, and the phrase its
// subject. A passive participle would take no object, so one tagged as a
// participle needs one, or a nominal root of a proper name.
func (ps *sentence) repairParentheticals() {
	last := len(ps.n) - 1
	if last < 3 || ps.n[last].up != "." {
		return
	}
	top := ps.nominalRoot()
	if top < 0 || ps.dependent(top, "cop") >= 0 {
		return
	}
	for v := top + 2; v < last; v++ {
		x := ps.s.Tokens[v].XPOS
		if ps.n[v].upos != "VERB" || ps.n[v-1].up != "," || x != "VBD" && x != "VBZ" && x != "VBP" && x != "VBN" ||
			x == "VBN" && !ps.transitive(v) && ps.n[top].upos != "PROPN" || !ps.isAncestor(top, v) || ps.n[v].head == top {
			continue
		}
		if ps.dependent(v, "nsubj") >= 0 || ps.dependent(v, "csubj") >= 0 || ps.byAgent(v) {
			continue // a clause of its own ("led by Captain Ibrahim Traore")
		}
		if h := ps.n[v].head; ps.n[v].base == "amod" && h == v+1 && ps.n[h].upos == "NOUN" {
			// "expressed support for Berlin" read as "expressed
			// support": the noun is the verb's object.
			ps.n[h].head, ps.n[h].rel, ps.n[h].base = v, "obj", "obj"
		}
		ps.n[v].head, ps.n[v].rel, ps.n[v].base = -1, "root", "root"
		for k := range ps.n {
			if ps.n[k].head == top && k > v {
				ps.n[k].head = v // the full stop
			}
		}
		ps.n[top].head, ps.n[top].rel, ps.n[top].base = v, "nsubj", "nsubj"
		return
	}
}

// repairClauseParticiples undoes a misparse of a reported clause's verb
// as a participle modifying its subject: "Houthi rebels detained 12
// United Nations employees …, the UN said" with "rebels" the complement
// of "said" and "detained" a participle on it. A noun heading a clause
// (the sentence, or a complement of a verb) needs a verb; a participle
// right after it with an object of its own and no "by" agent is an
// active verb, and the noun its subject.
func (ps *sentence) repairClauseParticiples() {
	for w := 1; w < len(ps.n); w++ {
		v, n := &ps.n[w], w-1
		x := ps.s.Tokens[w].XPOS
		if v.base != "acl" || v.head != n || v.upos != "VERB" || x != "VBN" && x != "VBD" || !ps.transitive(w) ||
			ps.n[n].upos != "NOUN" && ps.n[n].upos != "PROPN" {
			continue
		}
		switch ps.n[n].base {
		case "root", "ccomp", "parataxis":
		default:
			continue
		}
		if ps.byAgent(w) {
			continue
		}
		v.head, v.rel, v.base = ps.n[n].head, ps.n[n].rel, ps.n[n].base
		for k := w + 1; k < len(ps.n); k++ {
			if b := ps.n[k].base; ps.n[k].head == n && (b == "punct" || b == "advcl" || b == "obl" || b == "parataxis") {
				ps.n[k].head = w
			}
		}
		ps.n[n].head, ps.n[n].rel, ps.n[n].base = w, "nsubj", "nsubj"
	}
}

// repairHyphenNames undoes a misparse of a hyphenated name split by the
// tokenizer ("SPLM-IO accused Kiir" as "SPLM" with a clause "IO accused
// Kiir" under it): when the part after the hyphen is the subject of a
// verb that depends on the part before it, the name is the verb's
// subject and the verb takes the name's place.
func (ps *sentence) repairHyphenNames() {
	for k := 1; k+1 < len(ps.n); k++ {
		if !ps.innerHyphen(k) {
			continue
		}
		l, r := k-1, k+1
		v := ps.n[r].head
		if ps.n[r].base != "nsubj" || v < 0 || ps.n[v].head != l || !ps.verbal(v) ||
			ps.n[l].upos != "PROPN" && ps.n[l].upos != "NOUN" {
			continue
		}
		ps.n[v].head, ps.n[v].rel, ps.n[v].base = ps.n[l].head, ps.n[l].rel, ps.n[l].base
		for j := range ps.n {
			if ps.n[j].head != l || j == v || j == k {
				continue
			}
			if j > v {
				ps.n[j].head = v // the full stop
			} else {
				ps.n[j].head = r // "The opposition SPLM-IO"
			}
		}
		ps.n[l].head, ps.n[l].rel, ps.n[l].base = r, "compound", "compound"
	}
}

// repairSubjectLists undoes a misparse of a headline's compound subject
// whose last member is a modified noun: "Congo and M23 rebels sign
// framework" as "Congo and M23" with a clause "rebels sign framework"
// under it. When the sentence's root is a noun with a conjunct right
// before the subject of a verb that depends on the root, the conjunct
// modifies that subject, which is the root's conjunct, and the root the
// verb's subject.
func (ps *sentence) repairSubjectLists() {
	r := ps.nominalRoot()
	if r < 0 {
		return
	}
	for v := r + 1; v < len(ps.n); v++ {
		if ps.n[v].head != r || !ps.verbal(v) {
			continue
		}
		subj := ps.dependent(v, "nsubj")
		if subj <= r || subj > v || subj == 0 {
			continue
		}
		c := subj - 1
		if ps.n[c].head != r || ps.n[c].base != "conj" || ps.n[c].upos != "NOUN" && ps.n[c].upos != "PROPN" {
			continue
		}
		ps.n[c].head, ps.n[c].rel, ps.n[c].base = subj, "compound", "compound"
		for k := range ps.n {
			if ps.n[k].head == c && ps.n[k].base == "cc" {
				ps.n[k].head = subj // the "and"
			}
		}
		ps.n[subj].head, ps.n[subj].rel, ps.n[subj].base = r, "conj", "conj"
		ps.n[v].head, ps.n[v].rel, ps.n[v].base = -1, "root", "root"
		for k := range ps.n {
			if ps.n[k].head == r && k > v {
				ps.n[k].head = v
			}
		}
		ps.n[r].head, ps.n[r].rel, ps.n[r].base = v, "nsubj", "nsubj"
		return
	}
}

// repairRelativeSubjects undoes a misparse of "X, who did Y, said Z"
// with "did" the sentence's verb and both "X" and "who" its subjects:
// the clause of the relative pronoun is a relative clause on X, and the
// verb conjoined to it is X's verb.
func (ps *sentence) repairRelativeSubjects() {
	for j := 2; j < len(ps.n); j++ {
		w := ps.n[j]
		if w.base != "nsubj" || w.upos != "PRON" || w.up != "WHO" && w.up != "WHICH" || ps.n[j-1].up != "," || w.head <= j {
			continue
		}
		v := w.head
		subj, main := -1, -1
		for k := range ps.n {
			switch {
			case k < j-1 && ps.n[k].head == v && ps.n[k].base == "nsubj":
				subj = k
			case k > v && ps.n[k].head == v && ps.n[k].base == "conj" && main < 0 && ps.verbal(k):
				main = k
			}
		}
		if subj < 0 || main < 0 {
			continue
		}
		ps.n[main].head, ps.n[main].rel, ps.n[main].base = ps.n[v].head, ps.n[v].rel, ps.n[v].base
		for k := range ps.n {
			if ps.n[k].head == v && k > main {
				ps.n[k].head = main // the full stop
			}
		}
		ps.n[subj].head = main
		ps.n[v].head, ps.n[v].rel, ps.n[v].base = subj, "acl:relcl", "acl"
	}
}

// repairFrontedPhrases undoes a misparse of a sentence opening with a
// prepositional phrase: "In a statement, the Taliban's foreign ministry
// rejected …" with "statement" the root, the ministry its apposition and
// "rejected" a participle on the ministry. A phrase with a preposition
// cannot be a sentence's root: a verb without a subject on its
// apposition (or conjunct) is the verb, the apposition its subject, and
// the phrase a modifier of the verb.
func (ps *sentence) repairFrontedPhrases() {
	r := ps.nominalRoot()
	if r < 0 || ps.dependent(r, "case") < 0 {
		return
	}
	for a := r + 1; a < len(ps.n); a++ {
		if ps.n[a].head != r || ps.n[a].base != "appos" && ps.n[a].base != "conj" {
			continue
		}
		for v := a + 1; v < len(ps.n); v++ {
			if ps.n[v].head != a || ps.n[v].base != "acl" || !ps.verbal(v) || ps.dependent(v, "nsubj") >= 0 {
				continue
			}
			ps.n[v].head, ps.n[v].rel, ps.n[v].base = -1, "root", "root"
			for k := range ps.n {
				if ps.n[k].head == r && k > v {
					ps.n[k].head = v // the full stop
				}
			}
			ps.n[a].head, ps.n[a].rel, ps.n[a].base = v, "nsubj", "nsubj"
			ps.n[r].head, ps.n[r].rel, ps.n[r].base = v, "obl", "obl"
			return
		}
	}
}

// transitive reports whether the verb at v has an object or a
// complement clause, which a passive participle does not ("accused
// neighbouring Ivory Coast", tagged as a participle).
func (ps *sentence) transitive(v int) bool {
	for k := range ps.n {
		if b := ps.n[k].base; ps.n[k].head == v && (b == "obj" || b == "xcomp" || b == "ccomp") {
			return true
		}
	}
	return false
}

// resize returns s with length n and every element zero, reusing its
// memory when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// appendUpper appends the upper-case form of s to b.
func appendUpper(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToUpper(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// clauseRel reports whether a relation links a new clause, whose words are
// not part of the governing verb's own phrase.
func clauseRel(base string) bool {
	switch base {
	case "ccomp", "xcomp", "advcl", "acl", "parataxis", "csubj", "root", "list", "dep":
		return true
	}
	return false
}

// verbal reports whether the word heads a verbal clause.
func (ps *sentence) verbal(i int) bool {
	switch ps.n[i].upos {
	case "VERB", "AUX":
		return true
	}
	return false
}

// nominalRoot returns the sentence's first root when it is a noun or a
// name, else -1; it reads the heads, for the repairs.
func (ps *sentence) nominalRoot() int {
	for i := range ps.n {
		if ps.n[i].head < 0 {
			if ps.n[i].upos == "NOUN" || ps.n[i].upos == "PROPN" {
				return i
			}
			return -1
		}
	}
	return -1
}

// opens reports whether the phrase of w opens the sentence: every word
// before w depends on it.
func (ps *sentence) opens(w int) bool {
	for k := 0; k < w; k++ {
		if !ps.isAncestor(w, k) {
			return false
		}
	}
	return true
}

// dependent returns the first word that depends on i with relation rel
// (or its base), or -1, looked up without the children lists, which the
// repairs run before.
func (ps *sentence) dependent(i int, rel string) int {
	for k := range ps.n {
		if ps.n[k].head == i && (ps.n[k].rel == rel || ps.n[k].base == rel) {
			return k
		}
	}
	return -1
}

// child returns the first child of i with one of the given relations, or -1.
func (ps *sentence) child(i int, rels ...string) int {
	for _, k := range ps.n[i].kids {
		for _, r := range rels {
			if ps.n[k].rel == r || ps.n[k].base == r {
				return k
			}
		}
	}
	return -1
}

// infinitive reports whether the clause headed by i is a to-infinitive.
func (ps *sentence) infinitive(i int) bool {
	m := ps.child(i, "mark")
	return m >= 0 && ps.n[m].up == "TO"
}

// freeParticiple reports whether i heads a free participle clause, an
// adverbial "-ing" clause without a marker ("…, accusing them of …").
func (ps *sentence) freeParticiple(i int) bool {
	return ps.n[i].base == "advcl" && ps.s.Tokens[i].XPOS == "VBG" && ps.child(i, "mark") < 0
}

// caseWord returns the preposition marking nominal i, or "".
func (ps *sentence) caseWord(i int) string {
	for _, k := range ps.n[i].kids {
		if ps.n[k].base == "case" && ps.n[k].up != "'S" && ps.n[k].up != "'" {
			return ps.n[k].up
		}
	}
	return ""
}

// npRel reports whether a relation keeps a dependent inside its head's
// noun phrase for dictionary matching.
func npRel(rel string) bool {
	switch rel {
	case "compound", "flat", "flat:name", "nmod:desc", "amod", "det", "nummod", "nmod:poss", "fixed", "goeswith", "compound:prt", "case", "advmod", "det:poss":
		return true
	}
	return false
}

// phrase appends to out the words of the noun phrase headed by i: the head
// and its NP-internal dependents, recursively, in sentence order.
func (ps *sentence) phrase(i int, out []int) []int {
	out = append(out, i)
	for _, k := range ps.n[i].kids {
		if npRel(ps.n[k].rel) || ps.innerHyphen(k) {
			out = ps.phrase(k, out)
		}
	}
	return out
}

// innerHyphen reports whether word k is a hyphen joining two words of a
// name written as one ("SPLM-IO", split by the tokenizer).
func (ps *sentence) innerHyphen(k int) bool {
	if ps.n[k].up != "-" || ps.n[k].base != "punct" || k == 0 || k+1 >= len(ps.n) {
		return false
	}
	t := ps.s.Tokens
	return strings.Contains(t[k-1].Misc, "SpaceAfter=No") && strings.Contains(t[k].Misc, "SpaceAfter=No")
}

// region returns the words of i's clause, in sentence order: i's subtree
// without the words of nested clauses and of conjoined verbs.
func (ps *sentence) region(i int, out []int) []int {
	var walk func(j int)
	walk = func(j int) {
		out = append(out, j)
		for _, k := range ps.n[j].kids {
			b := ps.n[k].base
			if clauseRel(b) || b == "punct" {
				continue
			}
			if b == "conj" && ps.verbal(k) {
				continue
			}
			walk(k)
		}
	}
	walk(i)
	sortInts(out)
	return out
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// repairParticiples undoes a common misparse of news sentences: a past
// tense verb read as a participle modifying the noun after it, with the
// noun before it left as the head ("Israeli warplanes struck Houthi
// targets" parsed as warplanes ← struck targets). A noun directly before
// a past-participle modifier that does not depend on it cannot be part of
// the same phrase; the participle is the verb, the noun before it its
// subject and the noun it modified its object. (In the UD English EWT
// training data, a noun directly before such a participle that does not
// depend on it occurs a handful of times in 12,500 sentences.)
func (ps *sentence) repairParticiples() {
	s := ps.s
	for w := 1; w < len(ps.n); w++ {
		v, p := &ps.n[w], w-1
		n := v.head
		if v.rel != "amod" || n <= w || (s.Tokens[w].XPOS != "VBN" && s.Tokens[w].XPOS != "VBD") {
			continue
		}
		pn := &ps.n[p]
		if (pn.upos == "NOUN" || pn.upos == "PROPN") && pn.head == n && pn.base == "nsubj" && ps.dependent(n, "cop") < 0 && ps.n[n].upos != "VERB" {
			// "The coalition struck Islamic State positions" parsed as a
			// verbless clause "the coalition [is] struck positions": the
			// participle is the verb, the noun after it its object.
			v.head, v.rel, v.base = ps.n[n].head, ps.n[n].rel, ps.n[n].base
			for k := range ps.n {
				if ps.n[k].head == n && k > n && (ps.n[k].base == "punct" || ps.n[k].base == "obl" || ps.n[k].base == "advcl" || ps.n[k].base == "parataxis") {
					ps.n[k].head = w
				}
			}
			pn.head = w
			ps.n[n].head, ps.n[n].rel, ps.n[n].base = w, "obj", "obj"
			continue
		}
		if (pn.upos == "NOUN" || pn.upos == "PROPN") && pn.base == "nsubj" && pn.head >= 0 && pn.head == ps.n[n].head &&
			(ps.n[n].base == "ccomp" || ps.n[n].base == "parataxis" || ps.n[n].base == "nsubj") {
			// "Israeli warplanes struck villages …, the ministry said"
			// parsed as "warplanes said [villages]": the participle is the
			// reported verb, the noun before it its subject, the noun it
			// modified its object, and a participle clause on that noun
			// or on the verb of saying ("…, killing three people") is the
			// verb's.
			say := ps.n[n].head
			v.head, v.rel, v.base = say, "ccomp", "ccomp"
			pn.head = w
			for k := n + 1; k < len(ps.n); k++ {
				if (ps.n[k].head == n && ps.n[k].base == "acl" || ps.n[k].head == say && ps.s.Tokens[k].XPOS == "VBG" && k < say) && ps.verbal(k) {
					ps.n[k].head, ps.n[k].rel, ps.n[k].base = w, "advcl", "advcl"
				}
			}
			ps.n[n].head, ps.n[n].rel, ps.n[n].base = w, "obj", "obj"
			continue
		}
		if (pn.upos != "NOUN" && pn.upos != "PROPN") || pn.head == w || pn.head == n {
			continue
		}
		// The subject: the noun before the participle, or the first of
		// the nouns it is coordinated with ("Thai troops and Cambodian
		// forces exchanged fire").
		subj := p
		if pn.base == "conj" && pn.head >= 0 && pn.head < p {
			subj = pn.head
		}
		if ps.n[n].head != p && ps.n[n].head != subj {
			continue
		}
		sn := &ps.n[subj]
		switch sn.base {
		case "root", "obj", "conj", "ccomp", "parataxis", "dep":
		default:
			continue
		}
		rel := sn.rel
		if sn.base == "obj" {
			rel = "ccomp" // "said officers killed …": a clause, not a noun
		}
		v.head, v.rel = sn.head, rel
		for k := range ps.n {
			if (ps.n[k].head == p || ps.n[k].head == subj) && k > w {
				ps.n[k].head = w // the rest of the clause: its object, its punctuation
			}
		}
		sn.head, sn.rel = w, "nsubj"
		ps.n[n].rel = "obj"
		for _, i := range []int{w, subj, n} {
			ps.n[i].base, _, _ = strings.Cut(ps.n[i].rel, ":")
		}
	}
}

// repairNominalClauses undoes another misparse: the object of a verb
// attached as a second clause of the verb above it ("Security forces
// killed 12 militants …, the wing said" with "militants" a ccomp of
// "said" beside "killed"). A noun cannot head a clausal complement
// without a copula or subject of its own; when it directly follows a
// sibling verb that has no object, it is that verb's object.
func (ps *sentence) repairNominalClauses() {
	for n := 1; n < len(ps.n); n++ {
		nd := &ps.n[n]
		if nd.base != "ccomp" || (nd.upos != "NOUN" && nd.upos != "PROPN") {
			continue
		}
		v, ok := -1, true
		for j := n - 1; j >= 0 && ok; j-- {
			switch {
			case ps.isAncestor(n, j):
				// a modifier of the noun: "12 militants", "at least 11"
			case ps.verbal(j) && (ps.n[j].head == nd.head && ps.n[j].base == "ccomp" ||
				ps.n[j].head != nd.head && ps.isAncestor(nd.head, j) && (ps.n[j].base == "advcl" || ps.n[j].base == "conj")):
				// "…, killing at least 11 soldiers, sources said" with
				// "soldiers" a clause of "said"
				v = j
				ok = false
			default:
				ok = false
			}
		}
		if v < 0 {
			continue
		}
		blocked := false
		for k := range ps.n {
			if ps.n[k].head == n && (ps.n[k].base == "cop" || ps.n[k].base == "nsubj") || ps.n[k].head == v && ps.n[k].base == "obj" {
				blocked = true
			}
		}
		if blocked {
			continue
		}
		nd.head, nd.rel, nd.base = v, "obj", "obj"
	}
}

// repaired returns the sentence with the heads and relations the coder
// repaired (see prepare), for the packages that read a parse themselves
// (casualties); the sentence itself when nothing was repaired.
func (ps *sentence) repaired() *dyad.Sentence {
	changed := false
	for i := range ps.n {
		if ps.n[i].head+1 != ps.s.Tokens[i].Head && !(ps.n[i].head < 0 && ps.s.Tokens[i].Head <= 0) {
			changed = true
			break
		}
	}
	if !changed {
		return ps.s
	}
	c := *ps.s
	c.Tokens = slices.Clone(ps.s.Tokens)
	for i := range c.Tokens {
		c.Tokens[i].Head, c.Tokens[i].DepRel = ps.n[i].head+1, ps.n[i].rel
	}
	return &c
}

// repairCompoundSubjects undoes a misparse of compound subjects: "The
// Russian defence ministry denied …" parsed as "defence" heading a
// relative clause "(that) ministry denied". A relative clause without a
// relative word whose subject is the very next noun, bare, is rare in
// news; the first noun is a modifier of the second, and the verb is the
// main one.
func (ps *sentence) repairCompoundSubjects() {
	for h := 0; h+2 < len(ps.n); h++ {
		hn, sn := &ps.n[h], &ps.n[h+1]
		if (hn.upos != "NOUN" && hn.upos != "PROPN") || (sn.upos != "NOUN" && sn.upos != "PROPN") || sn.base != "nsubj" {
			continue
		}
		w := sn.head
		if w <= h+1 || ps.n[w].head != h || ps.n[w].rel != "acl:relcl" || !ps.verbal(w) {
			continue
		}
		bare := true
		for k := range ps.n {
			if ps.n[k].head == h+1 && k < h+1 {
				bare = false // "the weapons the army used": a real relative clause
			}
			if ps.n[k].head == w && ps.n[k].upos == "PRON" && k < w {
				bare = false // "the report which officials denied"
			}
		}
		if !bare {
			continue
		}
		vn := &ps.n[w]
		vn.head, vn.rel = hn.head, hn.rel
		for k := range ps.n {
			switch {
			case k == h || k == w || k == h+1:
			case ps.n[k].head == h && k < h:
				ps.n[k].head = h + 1 // "The Russian": the subject's modifiers
			case ps.n[k].head == h && k > w:
				ps.n[k].head = w // the clause's punctuation
			}
		}
		hn.head, hn.rel = h+1, "compound"
		for _, i := range []int{h, w} {
			ps.n[i].base, _, _ = strings.Cut(ps.n[i].rel, ":")
		}
	}
}

// repairNominalConjuncts undoes a misparse of coordinated objects: "thanked
// Turkey and the United States" parsed with "States" a conjunct of the
// verb. Conjuncts are alike; a noun conjoined to a verb that has an
// object before it is a conjunct of that object.
func (ps *sentence) repairNominalConjuncts() {
	for n := range ps.n {
		nd := &ps.n[n]
		if nd.base != "conj" || nd.head < 0 || (nd.upos != "NOUN" && nd.upos != "PROPN") || !ps.verbal(nd.head) {
			continue
		}
		obj := -1
		for k := nd.head + 1; k < n; k++ {
			if ps.n[k].head == nd.head && ps.n[k].base == "obj" {
				obj = k
			}
		}
		// Only when nothing else stands between the object and the noun:
		// "Turkey and the United States".
		for k := obj + 1; obj >= 0 && k < n; k++ {
			if ps.n[k].head != n && !ps.isAncestor(obj, k) {
				obj = -1
			}
		}
		if obj >= 0 {
			nd.head = obj
		}
	}
}

// repairNounRoot undoes a misparse of a sentence's main verb as a
// participle modifying its subject: "The African Union called on both
// countries to …" parsed as a noun phrase "the Union (that was) called".
// A sentence (not a headline: it ends with a full stop) whose root is a
// noun with such a participle right after it, and no "by" agent, reads
// as subject and verb.
func (ps *sentence) repairNounRoot() {
	last := len(ps.n) - 1
	if last < 2 || ps.n[last].up != "." {
		return
	}
	r := ps.nominalRoot()
	if r < 0 || r+1 > last {
		return
	}
	w := r + 1
	x := ps.s.Tokens[w].XPOS
	if ps.n[w].head != r || ps.n[w].base != "acl" || !ps.verbal(w) || (x != "VBN" && x != "VBD") {
		return
	}
	if ps.byAgent(w) {
		return // "forces backed by Iran": a participle after all
	}
	ps.n[w].head, ps.n[w].rel, ps.n[w].base = -1, "root", "root"
	for k := range ps.n {
		if ps.n[k].head == r && k > w {
			ps.n[k].head = w
		}
	}
	ps.n[r].head, ps.n[r].rel, ps.n[r].base = w, "nsubj", "nsubj"
}

// caseOf returns the upper-case case marker ("BY") among the words that
// depend on k, looked up without the children lists (which the repairs
// run before), or "".
func (ps *sentence) caseOf(k int) string {
	if j := ps.dependent(k, "case"); j >= 0 {
		return ps.n[j].up
	}
	return ""
}

// byAgent reports whether the verb at v has a "by" phrase (a passive's
// agent), looked up without the children lists.
func (ps *sentence) byAgent(v int) bool {
	for k := range ps.n {
		if ps.n[k].head == v && ps.caseOf(k) == "BY" {
			return true
		}
	}
	return false
}

// repairMarkedModifiers undoes a misparse of "accused Afghanistan of
// harbouring militants" as "Afghanistan-of-harbouring militants": a
// modifier cannot take a subordinating word ("of") of its own. The
// gerund heads a clause on the noun before the "of", which takes the
// place of the noun the gerund modified; that noun is the gerund's
// object.
func (ps *sentence) repairMarkedModifiers() {
	for w := 2; w < len(ps.n); w++ {
		v := &ps.n[w]
		m, p, n := w-1, w-2, v.head
		if v.base != "amod" || !ps.verbal(w) || n <= w || ps.n[m].head != w || ps.n[m].base != "mark" {
			continue
		}
		if (ps.n[p].upos != "NOUN" && ps.n[p].upos != "PROPN") || ps.n[p].head != n || ps.n[n].head < 0 {
			continue
		}
		ps.n[p].head, ps.n[p].rel, ps.n[p].base = ps.n[n].head, ps.n[n].rel, ps.n[n].base
		v.head, v.rel, v.base = p, "acl", "acl"
		ps.n[n].head, ps.n[n].rel, ps.n[n].base = w, "obj", "obj"
	}
}

// modifierParticiples are the participles of hyphenated modifiers that
// relate a noun to an actor without being it: "Iran-backed Houthis", "the
// al-Qaeda-linked group JNIM", "the US-led coalition".
var modifierParticiples = map[string]bool{
	"BACKED": true, "LINKED": true, "LED": true, "ALLIED": true, "AFFILIATED": true, "ALIGNED": true,
	"SPONSORED": true, "SUPPORTED": true, "FUNDED": true, "ARMED": true, "TRAINED": true, "CONTROLLED": true,
	"HELD": true, "RUN": true, "BASED": true, "INSPIRED": true,
}

// repairHyphenModifiers undoes a misparse of hyphenated modifiers: the
// participle of "Iran-backed Houthis attacked" taken for the main verb,
// or "linked" in "the al-Qaeda-linked group" left without its noun. A
// participle of modifierParticiples written right after a hyphen and
// before a noun modifies that noun; the words before the hyphen go with
// it into the noun's phrase, and the clause it had usurped takes its
// place.
func (ps *sentence) repairHyphenModifiers() {
	for w := 1; w+1 < len(ps.n); w++ {
		v := &ps.n[w]
		if !modifierParticiples[v.up] || ps.n[w-1].up != "-" || !ps.verbal(w) {
			continue
		}
		noun := -1
		for k := w + 1; k < len(ps.n) && k <= w+4; k++ {
			if u := ps.n[k].upos; u == "NOUN" || u == "PROPN" {
				noun = k
				for noun+1 < len(ps.n) && ps.n[noun].head == noun+1 && (ps.n[noun+1].upos == "NOUN" || ps.n[noun+1].upos == "PROPN") {
					noun++ // the head of a compound ("group" of "militant group")
				}
				break
			}
			if u := ps.n[k].upos; u != "ADJ" && u != "ADV" {
				break
			}
		}
		if noun < 0 || ps.isAncestor(w, noun) && !ps.movable(w, noun) {
			continue
		}
		oldHead, oldRel := v.head, v.rel
		for k := range ps.n {
			switch {
			case ps.n[k].head != w || k == noun:
			case k > w && oldHead != noun:
				// The clause it had usurped: "Houthis attacked" in "Iran-backed
				// Houthis attacked".
				ps.n[k].head, ps.n[k].rel = oldHead, oldRel
				ps.n[k].base, _, _ = strings.Cut(oldRel, ":")
			case k < w && (ps.n[k].upos == "NOUN" || ps.n[k].upos == "PROPN"):
				ps.n[k].rel, ps.n[k].base = "compound", "compound"
			}
		}
		v.head, v.rel, v.base = noun, "amod", "amod"
	}
}

// movable reports whether w, an ancestor of noun, can be put under it:
// the path from noun up to w leaves w through one of its dependents
// after w, which repairHyphenModifiers gives w's own place.
func (ps *sentence) movable(w, noun int) bool {
	for j := noun; j >= 0; j = ps.n[j].head {
		if ps.n[j].head == w {
			return j > w
		}
	}
	return false
}

// repairStrayPossessives undoes a misparse of a possessor as the head of
// its own phrase: "Venezuela's foreign ministry accused Bogota" parsed
// with "Venezuela" the root and "ministry" its conjunct. A word marked
// by "'s" is a possessor; it belongs to the noun after the "'s" (the last
// of the nouns and adjectives that follow it), which takes its place.
func (ps *sentence) repairStrayPossessives() {
	for x := 0; x+2 < len(ps.n); x++ {
		nd := &ps.n[x]
		if nd.rel == "nmod:poss" || ps.n[x+1].up != "'S" || ps.n[x+1].head != x || nd.upos != "PROPN" && nd.upos != "NOUN" {
			continue
		}
		owned := -1
		for k := x + 2; k < len(ps.n); k++ {
			u := ps.n[k].upos
			if u != "NOUN" && u != "PROPN" && u != "ADJ" {
				break
			}
			if u != "ADJ" {
				owned = k
			}
		}
		if owned < 0 || ps.isAncestor(owned, x) && ps.n[x].head != owned {
			continue
		}
		if ps.n[x].head != owned {
			oldHead, oldRel := nd.head, nd.rel
			for k := range ps.n {
				if ps.n[k].head == x && k > owned {
					ps.n[k].head = owned // the rest of the clause
				}
			}
			ps.n[owned].head, ps.n[owned].rel = oldHead, oldRel
			ps.n[owned].base, _, _ = strings.Cut(oldRel, ":")
			for k := x + 2; k < owned; k++ {
				if ps.n[k].head == x {
					ps.n[k].head = owned // "foreign" of "foreign ministry"
				}
			}
		}
		nd.head, nd.rel, nd.base = owned, "nmod:poss", "nmod"
	}
}

package coder

import "strings"

// articleState is what the earlier sentences of an article said, for
// references that reach back across sentences.
type articleState struct {
	// pairs counts the events between two known countries, by the pair
	// of their actor codes in sorted order; order lists the pairs in the
	// order they first appeared.
	pairs map[[2]string]int
	order [][2]string
	// partial counts, in the same way, the pairs of a known actor and
	// one whose country is not known ("the Libyan government" and "the
	// Radaa militia"): the article's dyad when it has no other.
	partial      map[[2]string]int
	partialOrder [][2]string
	// recent holds the codes of actors with a known country, latest
	// first; subject is the latest event's source with a known country.
	recent  []string
	subject string
	// names maps the upper-case surnames of people named in full with a
	// title ("Foreign Minister Johann Wadephul") to their actor codes.
	names map[string]string
}

// update records the events coded from a sentence. Events whose actors
// came from a reference to the article ("both sides") do not count
// towards its main dyad, which they only repeat.
func (st *articleState) update(evs []ev) {
	for _, e := range evs {
		src, tgt := e.src.code, e.tgt.code
		if known(src) && known(tgt) && src != tgt && !e.src.ref && !e.tgt.ref {
			// Between two countries, or inside one ("the government" and
			// "the ELN" of a civil conflict).
			st.addPair(src, tgt)
		} else if (known(src) || known(tgt)) && len(src) > 3 && len(tgt) > 3 && country(src) != country(tgt) && !e.src.ref && !e.tgt.ref {
			st.partial, st.partialOrder = count(st.partial, st.partialOrder, src, tgt)
		}
		for _, code := range []string{src, tgt} {
			if known(code) {
				st.recent = append([]string{code}, st.recent...)
			}
		}
		if known(src) {
			st.subject = src
		}
	}
	if len(st.recent) > 32 {
		st.recent = st.recent[:32]
	}
}

// addPair counts one more mention of the pair of actors a and b.
func (st *articleState) addPair(a, b string) {
	st.pairs, st.order = count(st.pairs, st.order, a, b)
}

// count counts one more mention of the pair of a and b in pairs, and
// appends it to order the first time.
func count(pairs map[[2]string]int, order [][2]string, a, b string) (map[[2]string]int, [][2]string) {
	k := [2]string{a, b}
	if k[1] < k[0] {
		k[0], k[1] = k[1], k[0]
	}
	if pairs == nil {
		pairs = map[[2]string]int{}
	}
	if pairs[k] == 0 {
		order = append(order, k)
	}
	pairs[k]++
	return pairs, order
}

// betweenPairs records the dyads a sentence names with "between":
// "talks between Pakistan and the Afghan Taliban stalled" makes them the
// article's pair even when the sentence codes no event between them.
func (a *analysis) betweenPairs(st *articleState) {
	ps := a.ps
	for i := range ps.n {
		if ps.n[i].upos != "NOUN" && ps.n[i].upos != "PROPN" || ps.caseWord(i) != "BETWEEN" {
			continue
		}
		acs := a.actorsOf(i)
		if len(acs) == 2 && known(acs[0].code) && known(acs[1].code) && country(acs[0].code) != country(acs[1].code) && !acs[0].ref {
			st.addPair(acs[0].code, acs[1].code)
		}
	}
}

// pair returns the article's main dyad so far: the pair of actors with
// the most events between them, the first to appear on a tie (a story's
// lead names its main dyad).
func (st *articleState) pair() ([2]string, bool) {
	if p, ok := mostCounted(st.pairs, st.order); ok {
		return p, true
	}
	return mostCounted(st.partial, st.partialOrder)
}

// mostCounted returns the pair of order counted most in pairs, the first
// on a tie.
func mostCounted(pairs map[[2]string]int, order [][2]string) ([2]string, bool) {
	var best [2]string
	n := 0
	for _, k := range order {
		if c := pairs[k]; c > n {
			best, n = k, c
		}
	}
	return best, n > 0
}

// role returns the latest actor of the article with a known country and
// the agent blocks of code ("---GOV" → "PAKGOV"), or "".
func (st *articleState) role(code string) string {
	agents := code[3:]
	for _, r := range st.recent {
		if len(r) > 3 && r[3:] == agents {
			return r
		}
	}
	return ""
}

// known reports whether an actor code names a country or group, not only
// a role.
func known(code string) bool { return len(code) >= 3 && code[:3] != "---" }

// dyadNouns are the plural nouns that, after "both" or "the two", stand
// for the two sides of the article's dyad.
var dyadNouns = map[string]bool{
	"SIDES": true, "NEIGHBOURS": true, "NEIGHBORS": true, "COUNTRIES": true, "NATIONS": true,
	"GOVERNMENTS": true, "PARTIES": true, "DELEGATIONS": true, "LEADERS": true, "ARMIES": true,
	"MILITARIES": true, "CAPITALS": true, "RIVALS": true, "ADVERSARIES": true, "STATES": true,
	"FORCES": true, "TEAMS": true, "NEGOTIATORS": true, "PRESIDENTS": true, "MINISTERS": true,
}

// sideNouns are the dyad nouns that mean the two sides after a bare
// "the": "the delegations", "the parties".
var sideNouns = map[string]bool{"SIDES": true, "PARTIES": true, "DELEGATIONS": true, "NEGOTIATORS": true}

// groupNouns stand, after "the", for the armed group an article last
// named.
var groupNouns = map[string]bool{"GROUP": true, "MOVEMENT": true, "MILITIA": true, "ORGANISATION": true, "ORGANIZATION": true}

// armedGroup returns the latest actor of the article that is an armed
// or political group (rebels, insurgents, an unidentified armed force, an
// international militant group, or a group with a code of its own such
// as Hamas's "PSEHMS"), or "".
func (st *articleState) armedGroup() string {
	for _, r := range st.recent {
		if strings.HasPrefix(r, "IMG") || hasBlock(r, "REB") || hasBlock(r, "INS") || hasBlock(r, "UAF") ||
			len(r) >= 6 && !roleBlocks[r[3:6]] {
			return r
		}
	}
	return ""
}

// roleBlocks are CAMEO's role codes; a second block that is none of them
// names a group of its own ("PSEHMS", Hamas).
var roleBlocks = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "SPY": true, "OPP": true, "PTY": true,
	"CVL": true, "BUS": true, "MED": true, "EDU": true, "REF": true, "HLH": true, "LAB": true, "AGR": true,
	"ELI": true, "CRM": true, "NGO": true, "IGO": true, "REL": true, "MOD": true, "RAD": true, "HRI": true,
	"ENV": true, "SEP": true, "PRO": true, "SET": true, "DEV": true, "MNC": true, "NGM": true, "CHR": true,
	"MUS": true, "JEW": true, "BUD": true, "HIN": true,
}

// articleRef returns the actors a phrase headed by i stands for in the
// article: both sides of its dyad for "both sides", "the two
// neighbours", "all parties"; the latest armed group for "the group". (Roles, "the
// minister", are definiteRole's.) It returns nil when the phrase is no
// such reference or the article has no answer.
func (a *analysis) articleRef(i int) []actor {
	ps := a.ps
	nd := ps.n[i]
	if a.art == nil || nd.upos == "PROPN" {
		return nil
	}
	// The words before the noun that belong to its phrase: "both
	// nuclear-armed neighbours", "the two warring sides".
	both, two, the, all := false, false, false, false
	for j := i - 1; j >= 0 && i-j <= 5; j-- {
		w := ps.n[j]
		if !premodifier(w) {
			break
		}
		switch w.up {
		case "BOTH":
			both = true
		case "TWO":
			two = true
		case "THE":
			the = true
		case "ALL":
			all = true
		}
	}
	if the && groupNouns[nd.up] && !both && !two {
		// "the group", "the militia": the latest armed group named.
		if code := a.art.armedGroup(); code != "" {
			w := a.phraseOf(i)
			return []actor{{code: code, first: w[0], last: w[len(w)-1], named: true}}
		}
		return nil
	}
	if dyadNouns[nd.up] && (both || two && the || (the || all) && sideNouns[nd.up]) {
		p, ok := a.art.pair()
		if !ok {
			return nil
		}
		w := a.phraseOf(i)
		return []actor{
			{code: p[0], first: w[0], last: w[len(w)-1], named: true, ref: true},
			{code: p[1], first: w[0], last: w[len(w)-1], named: true, ref: true},
		}
	}
	return nil
}

// pronounRef returns the actor a pronoun with no antecedent in its own
// sentence stands for: the source of the latest event of the article
// whose country is known (the subject carries over from sentence to
// sentence: "Zelensky urged … He also called on …"), or "".
func (a *analysis) pronounRef() string {
	if a.art == nil {
		return ""
	}
	return a.art.subject
}

// possessor returns the actor a possessive pronoun of the phrase headed
// by i ("its air defences", "their forces") stands for, or "".
func (a *analysis) possessor(i int) string {
	ps := a.ps
	for _, k := range a.phraseOf(i) {
		// (In the phrase, not only on its head: "its police officers"
		// with "its" on "police".)
		if ps.n[k].rel != "nmod:poss" || ps.n[k].upos != "PRON" || !pronouns[ps.n[k].up] {
			continue
		}
		if ant := a.antecedent(k); len(ant) > 0 && known(ant[0].code) {
			return ant[0].code
		}
		return a.pronounRef()
	}
	return ""
}

// premodifier reports whether a word before a noun can belong to its
// phrase: a determiner, number, adjective, noun, participle ("warring"),
// "both" or a hyphen ("nuclear-armed").
func premodifier(w node) bool {
	switch w.upos {
	case "DET", "NUM", "ADJ", "NOUN":
		return true
	case "VERB":
		return w.rel == "amod"
	case "CCONJ":
		return w.up == "BOTH"
	case "PUNCT":
		return w.up == "-"
	}
	return false
}

// definiteRole returns the latest actor of the article with the role
// code names, when the phrase headed by i is definite ("the minister",
// "the militants"), or "".
func (a *analysis) definiteRole(i int, code string) string {
	if a.art == nil || known(code) || len(code) <= 3 {
		return ""
	}
	for _, k := range a.ps.n[i].kids {
		if a.ps.n[k].up == "THE" && a.ps.n[k].base == "det" {
			return a.art.role(code)
		}
	}
	return ""
}

// reciprocal reports whether the verb at i has "each other" or "one
// another" as its object.
func (a *analysis) reciprocal(i int) bool {
	ps := a.ps
	for _, k := range ps.n[i].kids {
		switch ps.n[k].base {
		case "obj", "iobj", "obl":
		default:
			continue
		}
		for _, f := range ps.n[k].kids {
			if w := ps.n[f].up; ps.n[k].up == "EACH" && w == "OTHER" || ps.n[k].up == "ONE" && w == "ANOTHER" {
				return true
			}
		}
		if ps.n[k].up == "OTHER" && ps.child(k, "det") >= 0 && ps.n[ps.child(k, "det")].up == "EACH" {
			return true
		}
	}
	return false
}

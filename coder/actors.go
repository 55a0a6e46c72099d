package coder

import (
	"strings"
)

// actor is an actor found in a sentence.
type actor struct {
	code  string
	first int // 0-based span of the words that named it; -1 when none
	last  int
	named bool // a dictionary actor, not only agents
	fresh bool // a phrase no dictionary knows (Options.NewActorLength)
	ref   bool // stands for actors of earlier sentences ("both sides")
}

// relationalNouns name others by their relation to a possessor.
var relationalNouns = map[string]bool{
	"ALLIES": true, "ALLY": true, "PARTNERS": true, "PARTNER": true, "NEIGHBOURS": true, "NEIGHBORS": true,
	"NEIGHBOUR": true, "NEIGHBOR": true, "ENEMIES": true, "ENEMY": true, "RIVALS": true, "RIVAL": true,
	"BACKERS": true, "SUPPORTERS": true, "CRITICS": true, "OPPONENTS": true, "ADVERSARIES": true, "FOES": true,
}

// pronouns that refer back to an actor named earlier.
var pronouns = map[string]bool{
	"IT": true, "ITS": true, "HE": true, "HIS": true, "HIM": true, "SHE": true, "HER": true,
	"THEY": true, "THEIR": true, "THEM": true, "ITSELF": true, "THEMSELVES": true, "HIMSELF": true, "HERSELF": true,
}

// actorsOf returns the actors named by the noun phrase headed by i,
// expanding conjunctions into one actor each.
func (a *analysis) actorsOf(i int) []actor {
	if i < 0 {
		return nil
	}
	if a.npDone[i] {
		return a.np[i]
	}
	a.npDone[i] = true // guards against cycles in malformed trees
	var out []actor
	head := a.single(i)
	members := []int{i}
	for _, k := range a.ps.n[i].kids {
		switch {
		case a.ps.verbal(k):
		case a.ps.n[k].base == "conj":
			members = append(members, k)
		case a.ps.n[k].base == "appos":
			// "Evil Mordor, the awful Arnor, and good Gondor": an apposition
			// that names a dictionary actor is one more member. One
			// right after the head, with no comma, is the same one named
			// twice ("junta leader Min Aung Hlaing"): its name is the
			// actor.
			got := a.actorsOf(k)
			if len(got) == 0 || !got[0].named || got[0].fresh || len(head) == 0 || head[0].fresh {
				continue
			}
			if p := a.phraseOf(k); p[0] > 0 && a.ps.n[p[0]-1].upos != "PUNCT" && inInts(a.phraseOf(i), p[0]-1) {
				head = got
				continue
			}
			if !head[0].named || got[0].code == head[0].code {
				continue // "the National Liberation Army (ELN)": one actor
			}
			members = append(members, k)
		}
	}
	if len(members) == 1 {
		out = head
	} else {
		// A conjunction: each member is an actor; agents-only members take
		// the country of a named member before them ("Danish media and
		// government"), named members take the agents-only ones' agents
		// where the head had none.
		var countries []string // of the last member that named actors
		for n, m := range members {
			var got []actor
			if n == 0 {
				got = head
			} else {
				got = a.actorsOf(m)
			}
			var named []string
			for _, ac := range got {
				switch {
				case ac.named && !ac.fresh:
					named = append(named, country(ac.code))
					out = append(out, ac)
				case len(countries) > 0 && strings.HasPrefix(ac.code, "---"):
					// "Lawmakers and officials in Arnor and Gondor": the
					// officials are Arnor's and Gondor's.
					for _, c := range countries {
						ac2 := ac
						ac2.code, ac2.named = c+ac.code[3:], true
						out = append(out, ac2)
					}
				default:
					out = append(out, ac)
				}
			}
			if len(named) > 0 {
				countries = named
			}
		}
	}
	a.np[i] = out
	return out
}

// country returns the first three letters of a code.
func country(code string) string {
	if len(code) < 3 {
		return code
	}
	return code[:3]
}

// single returns the actors of the phrase headed by i, ignoring i's
// conjuncts: dictionary words first, then phrases it governs through a
// preposition ("soldiers from Gondor"), then agents alone ("---GOV").
func (a *analysis) single(i int) []actor {
	ps := a.ps
	nd := &ps.n[i]
	if pronouns[nd.up] && nd.upos == "PRON" {
		if ant := a.antecedent(i); ant != nil {
			return ant
		}
		if code := a.pronounRef(); code != "" {
			return []actor{{code: code, first: i, last: i, named: true}}
		}
		return nil
	}
	if got := a.relativeRef(i); got != nil {
		return got
	}
	if got := a.articleRef(i); got != nil {
		return got
	}
	if relationalNouns[nd.up] && ps.child(i, "nmod:poss") >= 0 {
		// "Ukraine's allies", "Russia's neighbours": others, not the
		// possessor.
		return nil
	}
	core := a.phraseOf(i)
	words := append(a.ints(len(a.ps.n)), core...)
	// Dictionary phrases may run on through "of": "Prince of Dol Amroth",
	// "Ministry of Silly Walks"; such a match must start in the head's own
	// phrase.
	words = ps.ofPhrase(i, words)
	sortInts(words)
	actorCode, agentsPre, agentsPost, first, last, named := a.matchWords(words, core)
	if named {
		out := []actor{{code: compose(actorCode, agentsPre, agentsPost), first: first, last: last, named: true}}
		a.rememberName(core, first, last, out[0].code)
		// "Eriadori and Calenardhon leaders": a conjunction inside the
		// modifiers names one actor per conjunct, sharing the agents.
		for w := first; w <= last; w++ {
			if w == i {
				continue
			}
			for _, k := range ps.n[w].kids {
				if ps.n[k].base != "conj" || ps.verbal(k) {
					continue
				}
				kw := a.phraseOf(k)
				if code, _, _, f, l, ok := a.matchWords(kw, kw); ok {
					out = append(out, actor{code: compose(code, agentsPre, agentsPost), first: f, last: l, named: true})
				}
			}
		}
		return out
	}
	// The phrases this one governs through a preposition: "ambassadors of
	// Arnor", "soldiers from Gondor", "activists in Arnor", "a strike by
	// the army".
	for _, k := range nd.kids {
		if ps.n[k].base != "nmod" || ps.n[k].rel == "nmod:poss" {
			continue
		}
		switch ps.caseWord(k) {
		case "OF", "FROM", "IN", "FOR", "AT", "BY":
			// ("BY": "a drone strike by the Sudanese army")
		default:
			continue
		}
		sub := a.actorsOf(k)
		if len(sub) == 0 {
			continue
		}
		out := make([]actor, 0, len(sub))
		for _, s := range sub {
			if !s.named || s.fresh {
				continue
			}
			f, l := first, last
			if f < 0 {
				f, l = i, i
			}
			out = append(out, actor{code: compose(s.code, agentsPre, agentsPost), first: min(f, s.first), last: max(l, s.last), named: true})
		}
		if len(out) > 0 {
			return out
		}
	}
	if len(agentsPre)+len(agentsPost) > 0 {
		code := compose("---", agentsPre, agentsPost)
		if p := a.possessor(i); p != "" {
			// "its air defences": the possessor's country, these agents.
			return []actor{{code: compose(country(p), agentsPre, agentsPost), first: first, last: last, named: true}}
		}
		if r := a.definiteRole(i, code); r != "" {
			return []actor{{code: r, first: first, last: last, named: true}}
		}
		a.rememberName(core, first, last, code)
		return []actor{{code: code, first: first, last: last}}
	}
	if code, ok := a.namedBefore(core); ok {
		// "Noboa blamed …" after "President Daniel Noboa".
		return []actor{{code: code, first: core[0], last: core[len(core)-1], named: known(code)}}
	}
	if instrumentNouns[nd.lemma] {
		// "The army said its aircraft bombed …": weapons stand for
		// whoever owns them.
		for _, k := range nd.kids {
			if ps.n[k].rel != "nmod:poss" || ps.n[k].upos != "PRON" || !pronouns[ps.n[k].up] {
				continue
			}
			owner := a.antecedent(k)
			if len(owner) == 0 {
				if code := a.pronounRef(); code != "" {
					owner = []actor{{code: code, named: true}}
				}
			}
			out := make([]actor, len(owner))
			for n, o := range owner {
				o.first, o.last = k, i
				out[n] = o
			}
			return out
		}
	}
	for _, k := range nd.kids {
		if ps.n[k].base == "appos" {
			words = ps.phrase(k, words)
		}
	}
	sortInts(words)
	return a.newActor(i, words)
}

// rememberName notes, for the article's later sentences, the surname of
// a person named in the phrase core after the words first to last that
// gave its code: "Foreign Minister Johann Wadephul" makes a
// later "Wadephul" the same actor.
func (a *analysis) rememberName(core []int, first, last int, code string) {
	if a.art == nil || first < 0 {
		return
	}
	name := -1
	for _, w := range core {
		if w > last && a.ps.n[w].upos == "PROPN" && len(a.ps.n[w].up) > 2 {
			name = w
		}
	}
	if name < 0 && last > first && a.ps.n[last].upos == "PROPN" && a.ps.n[last-1].upos == "PROPN" {
		name = last // a person the dictionary knows by full name ("Khawaja Asif")
	}
	if name < 0 {
		return
	}
	if a.art.names == nil {
		a.art.names = map[string]string{}
	}
	a.art.names[a.ps.n[name].up] = code
}

// namedBefore returns the code of a person an earlier sentence named in
// full, when core is only (part of) that person's name.
func (a *analysis) namedBefore(core []int) (string, bool) {
	if a.art == nil || len(core) == 0 || len(core) > 3 {
		return "", false
	}
	for _, w := range core {
		if a.ps.n[w].upos != "PROPN" {
			return "", false
		}
	}
	code, ok := a.art.names[a.ps.n[core[len(core)-1]].up]
	return code, ok
}

// relativeRef returns the actors a relative pronoun subject stands for
// when its clause tells a past event: "The United States, which brokered
// an accord between Congo and Rwanda in June" (the United States); nil
// otherwise. A clause in the present ("Turkey, which backs the Tripoli
// government") describes, and codes no event.
func (a *analysis) relativeRef(i int) []actor {
	ps := a.ps
	nd := ps.n[i]
	if nd.upos != "PRON" || nd.base != "nsubj" || nd.up != "WHICH" && nd.up != "WHO" && nd.up != "THAT" {
		return nil
	}
	v := nd.head
	if v < 0 || ps.n[v].rel != "acl:relcl" || ps.n[v].head < 0 {
		return nil
	}
	past := ps.s.Tokens[v].XPOS == "VBD"
	for _, k := range ps.n[v].kids {
		past = past || ps.n[k].base == "aux" && ps.n[k].lemma == "HAVE" && ps.s.Tokens[v].XPOS == "VBN"
	}
	if !past {
		return nil
	}
	// The noun the clause follows, or the head of the name it ends
	// ("Iran's top security official Ali Larijani, who visited …").
	for h, k := ps.n[v].head, 0; h >= 0 && k < 4; h, k = ps.n[h].head, k+1 {
		if got := a.actorsOf(h); len(got) > 0 {
			return got
		}
		if b := ps.n[h].base; b != "flat" && b != "appos" && b != "compound" {
			break
		}
	}
	return nil
}

// instrumentNouns are weapons and craft (lemmas), which stand for their
// owner when a possessive pronoun names it: "its drones struck".
var instrumentNouns = map[string]bool{
	"DRONE": true, "AIRCRAFT": true, "WARPLANE": true, "JET": true, "HELICOPTER": true, "MISSILE": true,
	"ROCKET": true, "ARTILLERY": true, "TANK": true, "WARSHIP": true, "SHIP": true, "VESSEL": true,
	"BOMBER": true, "GUNSHIP": true, "GUNBOAT": true, "SUBMARINE": true,
}

// newActor makes an actor of a short proper-noun phrase no dictionary
// knows, coded as its quoted upper-case words, when Options.NewActorLength
// allows.
func (a *analysis) newActor(head int, words []int) []actor {
	max := a.c.opts.NewActorLength
	if max <= 0 {
		return nil
	}
	var ws []string
	proper := false
	for len(words) > 0 && a.ps.n[words[0]].base == "case" {
		words = words[1:] // the phrase's own preposition
	}
	for _, w := range words {
		nd := a.ps.n[w]
		if nd.up == "'S" || nd.up == "'" || nd.upos == "PUNCT" {
			continue
		}
		proper = proper || nd.upos == "PROPN"
		ws = append(ws, nd.up)
	}
	if !proper || len(ws) == 0 || len(ws) > max || a.ps.n[head].base == "nmod" {
		return nil
	}
	return []actor{{code: `"` + strings.Join(ws, " ") + `"`, first: words[0], last: words[len(words)-1], named: true, fresh: true}}
}

// matchWords runs the actor and agent dictionaries over the words of a
// phrase, longest match first, left to right.
func (a *analysis) matchWords(words, core []int) (actorCode string, pre, post []string, first, last int, named bool) {
	first, last = -1, -1
	up := a.buf[:0]
	for _, w := range words {
		up = append(up, a.ps.n[w].up)
	}
	a.buf = up
	span := func(from, n int) {
		f, l := words[from], words[from+n-1]
		if first < 0 || f < first {
			first = f
		}
		if l > last {
			last = l
		}
	}
	modifier, mfirst, mlast := "", -1, -1
	for p := 0; p < len(up); {
		if up[p] == "'S" || up[p] == "'" || !inInts(core, words[p]) {
			p++
			continue
		}
		if !named {
			if e, n := a.c.actors.Match(up[p:]); e != nil && contiguous(words[p:p+n]) {
				code := e.CodeAt(a.date)
				if l := words[p+n-1]; code != "" && l+2 < len(a.ps.n) && a.ps.n[l+1].up == "-" && modifierParticiples[a.ps.n[l+2].up] {
					// "the al-Qaeda-linked group JNIM": the group named
					// later in the phrase, if any; else the modifier's
					// actor ("the US-led coalition").
					if modifier == "" {
						modifier, mfirst, mlast = code, words[p], words[p+n-1]
					}
					p += n
					continue
				}
				if code != "" {
					actorCode = code
					named = true
					span(p, n)
					p += n
					continue
				}
			}
		}
		if a.c.agents != nil {
			if e, n := a.c.agents.Match(up[p:]); e != nil && contiguous(words[p:p+n]) {
				if e.Prefix {
					pre = append(pre, e.Code)
				} else {
					post = append(post, e.Code)
				}
				span(p, n)
				p += n
				continue
			}
		}
		p++
	}
	if !named && modifier != "" {
		actorCode, named = modifier, true
		if first < 0 || mfirst < first {
			first = mfirst
		}
		last = max(last, mlast)
	}
	return actorCode, pre, post, first, last, named
}

// phraseOf returns the words of the noun phrase headed by i in sentence
// order, computed once per sentence. Callers must not modify it.
func (a *analysis) phraseOf(i int) []int {
	if a.phrases[i] == nil {
		p := a.ps.phrase(i, a.ints(len(a.ps.n)))
		sortInts(p)
		a.phrases[i] = p
	}
	return a.phrases[i]
}

// ofPhrase appends the words of i's "of" phrases (and theirs) to words.
func (ps *sentence) ofPhrase(i int, words []int) []int {
	for _, k := range ps.n[i].kids {
		if ps.n[k].base == "nmod" && ps.n[k].rel != "nmod:poss" && ps.caseWord(k) == "OF" {
			words = ps.phrase(k, words) // with its "of"
			words = ps.ofPhrase(k, words)
		}
	}
	return words
}

// contiguous reports whether word indexes follow each other.
func contiguous(w []int) bool {
	for i := 1; i < len(w); i++ {
		if w[i] != w[i-1]+1 {
			return false
		}
	}
	return true
}

// compose builds an actor code from an actor and its agents: prefixed
// agents ("NGO~") go before the actor, suffixed ones after, and agent
// blocks the code already has are not repeated.
func compose(actor string, pre, post []string) string {
	var b strings.Builder
	for _, p := range pre {
		if !hasBlock(actor, p) {
			b.WriteString(p)
		}
	}
	b.WriteString(actor)
	code := b.String()
	for _, p := range post {
		for i := 0; i+3 <= len(p); i += 3 {
			blk := p[i : i+3]
			if !hasBlock(code, blk) {
				code += blk
			}
		}
		if len(p)%3 != 0 && !strings.Contains(code, p) {
			code += p
		}
	}
	return code
}

// hasBlock reports whether code holds blk as one of its 3-letter blocks.
func hasBlock(code, blk string) bool {
	for i := 0; i+len(blk) <= len(code); i += 3 {
		if code[i:i+len(blk)] == blk {
			return true
		}
	}
	return false
}

// text returns the words first..last as written.
func (a *analysis) text(first, last int) string {
	if first < 0 {
		return ""
	}
	var b strings.Builder
	for i := first; i <= last; i++ {
		if i > first {
			b.WriteByte(' ')
		}
		b.WriteString(a.ps.s.Tokens[i].Form)
	}
	return b.String()
}

// antecedent resolves a pronoun to the subject of the nearest governing
// clause that has a coded subject, else to the nearest actor before it.
func (a *analysis) antecedent(i int) []actor {
	ps := a.ps
	firstVerb := true
	// An object pronoun is not its own clause's subject ("police arrested
	// four citizens, accusing them": them are the citizens); that subject,
	// the clause's own or the one it shares, is passed over once.
	local := ps.n[i].base == "obj" || ps.n[i].base == "iobj"
	for j := ps.n[i].head; j >= 0; j = ps.n[j].head {
		verbal := ps.verbal(j)
		if verbal && firstVerb && ps.n[j].base == "xcomp" && ps.child(j, "nsubj") < 0 && ps.n[j].head >= 0 {
			// "urged Rwanda to withdraw its forces": the object of the
			// verb above is the subject of the infinitive the pronoun's
			// phrase belongs to.
			if o := ps.child(ps.n[j].head, "obj"); o >= 0 && o != i && !ps.isAncestor(o, i) {
				if got := a.actorsOf(o); len(got) > 0 {
					return got
				}
			}
		}
		firstVerb = firstVerb && !verbal
		if s := ps.child(j, "nsubj"); s >= 0 && s != i && !ps.isAncestor(s, i) && ps.agrees(i, s) {
			if local {
				local = false
				continue
			}
			if got := a.actorsOf(s); len(got) > 0 {
				return got
			}
		}
	}
	for j := i - 1; j >= 0; j-- {
		if ps.n[j].upos == "PROPN" || ps.n[j].upos == "NOUN" {
			if pronouns[ps.n[j].up] || !ps.agrees(i, j) {
				continue
			}
			if got := a.single(j); len(got) > 0 && got[0].named {
				return got
			}
		}
	}
	return nil
}

// pluralPronouns are the pronouns that refer to more than one.
var pluralPronouns = map[string]bool{"THEY": true, "THEIR": true, "THEM": true, "THEMSELVES": true}

// agrees reports whether the pronoun at p can refer to the noun phrase
// headed by n: "its soldiers" is not the gunmen's, "50 of them" are not
// the army. A phrase whose number the tags do not say agrees.
func (ps *sentence) agrees(p, n int) bool {
	var plural bool
	switch {
	case ps.child(n, "conj") >= 0:
		plural = true
	case ps.s.Tokens[n].XPOS == "NNS" || ps.s.Tokens[n].XPOS == "NNPS":
		plural = true
	case ps.s.Tokens[n].XPOS == "NN" || ps.s.Tokens[n].XPOS == "NNP":
	default:
		return true
	}
	return plural == pluralPronouns[ps.n[p].up]
}

// isAncestor reports whether a dominates b.
func (ps *sentence) isAncestor(a, b int) bool {
	for j, n := b, 0; j >= 0 && n <= len(ps.n); j, n = ps.n[j].head, n+1 {
		if j == a {
			return true
		}
	}
	return false
}

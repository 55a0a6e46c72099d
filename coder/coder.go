package coder

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/casualties"
	"github.com/dyad-events/dyad/dates"
	"github.com/dyad-events/dyad/dict"
)

// Dictionaries are the dictionaries a Coder reads. Verbs and Actors are
// required; the others may be nil.
type Dictionaries struct {
	Verbs    *dict.Verbs
	Actors   *dict.Actors
	Agents   *dict.Agents
	Discards *dict.Discards
	Issues   *dict.Issues
}

// Options tune a Coder. The zero value codes dyadic events only, from
// dictionary actors only.
type Options struct {
	// AllowMonads keeps events that have a source or a target but not
	// both, writing the missing side as "---" (PETRARCH's require_dyad =
	// false).
	AllowMonads bool
	// IntentFromFuture codes a cooperative action stated in the future
	// ("will provide aid", "said it would cooperate") as the intent to do
	// it (CAMEO 03x), and a hostile one ("will strike back") as a threat
	// (13x), as the CAMEO codebook asks. PETRARCH does not, and its
	// validation suite expects the plain action, so the option is off by
	// default and on for news.
	IntentFromFuture bool
	// ResponsibilityMonads keeps claims (015) and denials (016) of
	// responsibility that name only their source ("the group denied any
	// involvement"), with the target "---", for an article-level pass
	// (claims.Resolve) to give them the side they answer.
	ResponsibilityMonads bool
	// NewActorLength, when positive, lets a proper-noun phrase of at most
	// that many words that no dictionary knows stand as an actor, coded
	// as its quoted upper-case text (PETRARCH's new_actor_length).
	NewActorLength int
}

// Coder turns parsed sentences into CAMEO events. It is safe for
// concurrent use: Code keeps all its state on the stack.
type Coder struct {
	verbs    *dict.Verbs
	actors   *dict.Actors
	agents   *dict.Agents
	discards *dict.Discards
	issues   *dict.Issues
	opts     Options
	// synsets indexes the verb dictionary's synonym sets by last word.
	synsets map[synKey][][]string
	// pool keeps analyses for reuse; shared by copies made by WithOptions.
	pool *sync.Pool
	// anchors lists, per pattern, word sets of which the sentence must
	// hold one word each for the pattern to have a chance.
	anchors map[*dict.VerbBlock][][][]uint16
}

// New returns a Coder over the given dictionaries.
func New(d Dictionaries, opts Options) (*Coder, error) {
	if d.Verbs == nil || d.Actors == nil {
		return nil, dyad.Errorf(dyad.EINVALID, "coder: a verb and an actor dictionary are required")
	}
	return &Coder{verbs: d.Verbs, actors: d.Actors, agents: d.Agents, discards: d.Discards, issues: d.Issues, opts: opts,
		synsets: indexSynsets(d.Verbs.Synsets), pool: &sync.Pool{}, anchors: patternAnchors(d.Verbs)}, nil
}

// WithOptions returns a Coder sharing c's dictionaries with other options.
func (c *Coder) WithOptions(opts Options) *Coder {
	cc := *c
	cc.opts = opts
	return &cc
}

// Code returns the events of one parsed sentence. date is the date the
// sentence reports on (usually its article's publication date): it picks
// date-restricted actor codes and dates the events.
func (c *Coder) Code(s *dyad.Sentence, date time.Time) []dyad.Event {
	return c.code(s, date, nil)
}

// CodeArticle codes the sentences of one article in order, reported on
// date, and returns each sentence's events. Unlike Code, it resolves
// references that reach back to earlier sentences: "both sides", "the two
// neighbours" and the like stand for the article's main dyad so far, and
// a definite role ("the minister", "the militants") for the latest actor
// of that role whose country is known.
func (c *Coder) CodeArticle(sents []*dyad.Sentence, date time.Time) [][]dyad.Event {
	out := make([][]dyad.Event, len(sents))
	st := &articleState{pairs: map[[2]string]int{}}
	for i, s := range sents {
		out[i] = c.code(s, date, st)
	}
	return out
}

// code codes one sentence; st, when not nil, holds what the article's
// earlier sentences said.
func (c *Coder) code(s *dyad.Sentence, date time.Time, st *articleState) []dyad.Event {
	if len(s.Tokens) == 0 {
		return nil
	}
	a := c.analysis(s, date)
	a.art = st
	defer c.pool.Put(a)
	for i := range a.ps.n {
		a.clause(i)
	}
	var evs []ev
	for _, cl := range a.clauses {
		if cl != nil && !cl.absorbed {
			evs = append(evs, cl.events...)
		}
	}
	if st != nil {
		a.betweenPairs(st)
	}
	if len(evs) == 0 {
		return nil
	}
	// Discards and issues only matter for a sentence with events, which
	// most sentences of the news are not: look them up last.
	text := s.Text
	if text == "" {
		text = joinForms(s)
	}
	if c.discards != nil {
		if _, _, ok := c.discards.Match(text); ok {
			return nil
		}
	}
	var issues []string
	if c.issues != nil {
		for _, m := range c.issues.Match(text) {
			issues = append(issues, m.Code)
		}
	}
	if st != nil {
		st.update(evs)
	}
	return a.events(evs, issues)
}

func joinForms(s *dyad.Sentence) string {
	var b strings.Builder
	for i, t := range s.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Form)
	}
	return b.String()
}

// analysis returns a working state for coding s, reusing the memory of
// an earlier one when the pool has one.
func (c *Coder) analysis(s *dyad.Sentence, date time.Time) *analysis {
	a, _ := c.pool.Get().(*analysis)
	if a == nil {
		a = &analysis{ps: &sentence{}}
	}
	n := len(s.Tokens)
	a.c, a.date = c, date
	a.ps.prepare(s)
	a.np = resize(a.np, n)
	a.npDone = resize(a.npDone, n)
	a.clauses = resize(a.clauses, n)
	a.clauseDone = resize(a.clauseDone, n)
	a.phrases = resize(a.phrases, n)
	a.arena = a.arena[:0]
	a.slab = a.slab[:0]
	a.keys = bloom{}
	for i := range a.ps.n {
		// The words a word may stand for: its form, its lemma and the
		// singulars its form may be the regular plural of.
		w := a.ps.n[i].up
		a.keys.add(w)
		if l := a.ps.n[i].lemma; l != w {
			a.keys.add(l)
		}
		if sg, es, ies := singulars(w); sg != "" {
			a.keys.add(sg)
			if es != "" {
				a.keys.add(es)
			}
			if ies != "" {
				a.keys.addBit(wordBitY(ies)) // the bit of ies+"Y", not built
			}
		}
	}
	return a
}

// ints returns an empty slice of capacity n carved from the analysis's
// arena, which is reused from one sentence to the next.
func (a *analysis) ints(n int) []int {
	if len(a.arena)+n > cap(a.arena) {
		// A new chunk: slices handed out from the old one stay valid.
		a.arena = make([]int, 0, max(1024, 4*n))
	}
	s := a.arena[len(a.arena) : len(a.arena) : len(a.arena)+n]
	a.arena = a.arena[:len(a.arena)+n]
	return s
}

// newClause returns a zeroed clause from the analysis's slab.
func (a *analysis) newClause() *clause {
	if len(a.slab) == cap(a.slab) {
		a.slab = make([]clause, 0, max(8, 2*cap(a.slab)))
	}
	a.slab = a.slab[:len(a.slab)+1]
	cl := &a.slab[len(a.slab)-1]
	*cl = clause{}
	return cl
}

// analysis is the working state of coding one sentence.
type analysis struct {
	c          *Coder
	art        *articleState // the article so far; nil when coding a lone sentence
	ps         *sentence
	date       time.Time
	np         [][]actor // the actors of each word's phrase, once computed
	npDone     []bool
	clauses    []*clause // the clause coded at each word, once computed
	clauseDone []bool
	phrases    [][]int  // the words of each word's phrase, once computed
	keys       bloom    // every word the sentence can match
	arena      []int    // backing store of the sentence's word lists
	slab       []clause // backing store of the sentence's clauses
	used       marks
	buf        []string
}

// clause is what the coder found at one verb.
type clause struct {
	verb     int
	vm       verbMatch
	pm       *patMatch
	code     string
	paired   string
	src, tgt []actor
	events   []ev
	negated  bool
	absorbed bool // its events were folded into a governing verb's
}

// ev is an event before it becomes a dyad.Event.
type ev struct {
	src, tgt actor
	code     string
	negOf    string
	verb     int
	pattern  string
	ref      string
	modality dyad.Modality
	attr     *dyad.Attribution
}

// clause codes the verb at word i, once.
func (a *analysis) clause(i int) *clause {
	if a.clauseDone[i] {
		return a.clauses[i]
	}
	a.clauseDone[i] = true
	ps := a.ps
	if !ps.verbal(i) && !strings.HasPrefix(ps.s.Tokens[i].XPOS, "VB") {
		return nil
	}
	vms := a.findVerbs(i)
	if len(vms) == 0 {
		return nil
	}
	cl := a.newClause()
	cl.verb, cl.vm = i, vms[0]
	a.clauses[i] = cl

	region := ps.region(i, a.ints(len(ps.n)))
	pre, post := a.ints(len(region)), a.ints(len(region))
	for _, w := range region {
		switch {
		case inInts(vms[0].words, w), ps.n[w].base == "cc" && w < i:
			// Coordinators before the verb ("Neither … nor") are not part
			// of what a pattern's subject side describes.
		case w < i:
			pre = append(pre, w)
		default:
			post = append(post, w)
		}
	}
	for _, vm := range vms {
		anchors := a.c.anchors[vm.verb.Block]
		for n, p := range vm.verb.Block.Patterns {
			if !a.mayMatch(anchors[n]) {
				continue
			}
			m, ok := a.matchPattern(p, vm, pre, post)
			if ok && (cl.pm == nil || m.score > cl.pm.score) {
				mm := m
				cl.pm = &mm
				cl.vm = vm
			}
		}
	}
	if cl.pm != nil {
		cl.code, cl.paired = cl.pm.p.Code, cl.pm.p.Paired
	} else {
		cl.code, cl.paired, _ = strings.Cut(cl.vm.verb.Code, ":")
	}
	cl.negated = a.negated(i)

	passive := ps.child(i, "nsubj:pass") >= 0 || ps.child(i, "aux:pass") >= 0
	// "a ceasefire brokered by Qatar": a participle with an agent on a
	// noun that names no actor is done by the agent to the noun's
	// participants.
	reduced := ps.n[i].base == "acl" && ps.s.Tokens[i].XPOS == "VBN" && ps.n[i].head >= 0 &&
		eventNouns[ps.n[ps.n[i].head].lemma] && len(a.agentOf(i)) > 0 && len(a.actorsOf(ps.n[i].head)) == 0
	passive = passive || reduced
	var compound []actor
	srcSet, tgtSet := false, false
	skip := map[int]bool{}
	if cl.pm != nil {
		for _, s := range cl.pm.slots {
			switch s.kind {
			case dict.ElemSource:
				cl.src, srcSet = a.actorsOf(s.head), true
			case dict.ElemTarget:
				cl.tgt, tgtSet = a.actorsOf(s.head), true
			case dict.ElemCompound:
				compound = a.actorsOf(s.head)
			case dict.ElemSkip:
				skip[s.head] = true
			}
		}
		for _, w := range cl.pm.nouns {
			// "pledged military support to Ouagadougou": what is
			// pledged is no target, though an agent word modifies it.
			if got := a.actorsOf(w); len(got) > 0 && !got[0].named && ps.child(w, "amod") >= 0 {
				skip[w] = true
			}
		}
	}
	if !srcSet {
		if passive {
			cl.src = a.agentOf(i)
			if len(cl.src) == 0 && !tgtSet {
				// "The Philippines was criticized over its dispute with
				// Eriador": with no agent, the actor after the verb.
				cl.src = a.firstActor(post, skip, nil)
			}
		} else if !ps.freeParticiple(i) || !violent(cl.code) {
			// "…, killing 12 people" tells what the main verb's act did;
			// it is no second act of its subject.
			cl.src = a.subjectOf(i)
		}
	}
	if !tgtSet {
		if reduced {
			cl.tgt = a.participants(ps.n[i].head)
		} else if passive {
			cl.tgt = a.actorsOf(ps.child(i, "nsubj:pass"))
		} else {
			if inPlaceVerbs[ps.n[i].lemma] {
				// Meetings, talks and signings happen in a place, not with
				// it: "meet again in Istanbul", "signed a declaration at
				// the White House" (but a visit is to the place: "arrived
				// in Gondor"; and force can be aimed at one: "strikes in
				// Gaza").
				for _, w := range post {
					if b := ps.n[w].base; (b == "obl" || b == "nmod") && (ps.caseWord(w) == "IN" || ps.caseWord(w) == "AT") {
						skip[w] = true
					}
				}
			}
			cl.tgt = a.firstActor(post, skip, cl.src)
		}
	}
	if len(cl.tgt) == 0 && !tgtSet {
		// "Arnor believes Dagolath and Osgiliath can cope": with no target of
		// its own, a verb takes the subject of the clause it governs.
		for _, k := range ps.n[i].kids {
			if b := ps.n[k].base; b == "ccomp" || b == "xcomp" || b == "advcl" && ps.infinitive(k) {
				if lower := a.predicateClause(k); lower != nil && len(lower.events) > 0 {
					if strings.HasPrefix(cl.code, "016") && len(lower.tgt) > 0 {
						// "denied targeting Poland": the denial is
						// addressed to the target of what it denies.
						cl.tgt = lower.tgt
						break
					}
					continue
				}
				if s := ps.child(k, "nsubj", "nsubj:pass"); s >= 0 {
					cl.tgt = a.actorsOf(s)
				}
				if len(cl.tgt) == 0 || sameActors(cl.tgt, cl.src) || sameCountry(cl.tgt, cl.src) {
					// "Frodo said he has deep satisfaction toward Gondor":
					// the first other actor of that clause. (So also when
					// the subject is the speaker's own side: "the foreign
					// minister warned that Cairo would act".)
					cl.tgt = a.firstActor(a.ps.region(k, a.ints(len(ps.n))), skip, cl.src)
				}
				break
			}
		}
	}
	if len(cl.tgt) == 0 && !tgtSet && strings.HasPrefix(cl.code, "016") {
		// "The Kremlin denied any involvement": a denial answers the
		// other side of the article's dyad.
		cl.tgt = a.otherSide(cl.src)
	}
	a.foldAllegation(cl)
	if a.combineLower(cl) {
		return cl
	}
	if distinctCodes(compound) > 1 {
		// "%": the members of a compound act on each other. A single
		// actor is no compound; the verb keeps its usual actors.
		cl.src, cl.tgt = compound, compound
	}
	a.emit(cl)
	return cl
}

// predicateClause returns the clause headed by i or, when i is a
// non-verbal predicate ("Arnor is about to restore ties", "is ready to
// talk"), the clause of its verbal complement; nil when neither is coded.
func (a *analysis) predicateClause(i int) *clause {
	if cl := a.clause(i); cl != nil || a.ps.verbal(i) {
		return cl
	}
	for _, k := range a.ps.n[i].kids {
		if b := a.ps.n[k].base; b == "xcomp" || b == "ccomp" {
			if cl := a.clause(k); cl != nil {
				return cl
			}
		}
	}
	return nil
}

// foldAllegation folds into an accusation ("accused Hamas of attacking
// Israeli troops") the clause that says what the accused did: that act is
// alleged, not reported as fact, so it is not an event of its own. The
// accused is the accusation's target when it has none, and an alleged
// act of force makes the accusation one of aggression (1123).
func (a *analysis) foldAllegation(cl *clause) {
	if !strings.HasPrefix(cl.code, "112") {
		return
	}
	ps := a.ps
	var lowers []int
	for _, k := range ps.n[cl.verb].kids {
		lowers = append(lowers, k)
		if b := ps.n[k].base; b == "obj" || b == "iobj" {
			lowers = append(lowers, ps.n[k].kids...) // "accused Kabul of sheltering"
		}
	}
	for _, k := range lowers {
		if b := ps.n[k].base; b != "advcl" && b != "acl" || ps.child(k, "mark") < 0 || ps.n[ps.child(k, "mark")].up != "OF" {
			continue
		}
		lower := a.clause(k)
		if lower == nil || lower.code == "" {
			continue
		}
		if len(cl.tgt) == 0 {
			cl.tgt = lower.src
		}
		switch cameo.RootOf(lower.code) {
		case "18", "19", "20":
			if cl.code == "112" {
				cl.code = "1123"
			}
		}
		lower.absorbed = true
	}
}

// combineLower folds the events of a clause governed by a frame verb
// ("agreed to provide aid", "threatened to impose sanctions") into one
// event with the frame's subcode. It reports whether it did.
func (a *analysis) combineLower(cl *clause) bool {
	ps := a.ps
	if cl.negated || len(cl.code) != 3 || cl.code[2] != '0' {
		return false
	}
	for _, k := range ps.n[cl.verb].kids {
		b := ps.n[k].base
		if b != "xcomp" && b != "ccomp" && (b != "advcl" || !ps.infinitive(k)) {
			continue
		}
		lower := a.clause(k)
		if lower == nil || lower.code == "" || lower.code == "---" || lower.negated {
			continue
		}
		if len(lower.events) == 0 {
			// "urged Arnor to provide aid": the action has no target of
			// its own; the frame verb's actors carry the event.
			code, ok := combine(cl.code, lower.code)
			if !ok {
				return false
			}
			cl.code = code
			return false
		}
		var out []ev
		for _, e := range lower.events {
			code, ok := combine(cl.code, e.code)
			if !ok {
				if b != "ccomp" && len(cl.tgt) > 0 && (cl.code == "020" || cl.code == "100" || cl.code == "130") {
					// "urged the US to impose sanctions on Russia",
					// "warned Syria to withdraw its forces": an act
					// appealed for, demanded or threatened has not
					// happened; with no frame code for it, the appeal,
					// demand or threat to its addressee stands alone.
					lower.absorbed = true
				}
				return false
			}
			srcs, tgts := cl.src, cl.tgt
			if len(srcs) == 0 {
				srcs = []actor{e.src}
			}
			if len(tgts) == 0 || sameActors(tgts, []actor{e.src}) && cameo.RootOf(e.code) != "04" {
				// "urged Arnor to attack Gondor": the act's target. (But
				// "asked the Council to hold a meeting on Gondor" is an
				// appeal to the Council.)
				tgts = []actor{e.tgt}
			}
			for _, s := range srcs {
				for _, t := range tgts {
					if s.code == t.code || s.code == "---" && t.code == "---" {
						continue
					}
					f := e
					f.src, f.tgt, f.code, f.verb = s, t, code, cl.verb
					f.modality = a.modality(cl.verb)
					f.pattern = cl.vm.verb.Phrase() + " + " + e.pattern
					out = append(out, f)
				}
			}
		}
		if len(out) == 0 {
			return false
		}
		lower.absorbed = true
		cl.events = append(cl.events, out...)
		return true
	}
	return false
}

// emit turns a clause's actors and code into events.
func (a *analysis) emit(cl *clause) {
	if cl.code == "" || cl.code == "---" {
		return
	}
	code, negOf, modality := cl.code, "", a.modality(cl.verb)
	attr, speaker := a.attribution(cl.verb)
	paired := cl.paired
	if cl.negated {
		if opp, ok := negate(code); ok {
			code, negOf = opp, cl.code
			paired = ""
		} else {
			modality = dyad.Negated
		}
	}
	if a.c.opts.IntentFromFuture && !cl.negated && a.promised(cl.verb) {
		// "will provide aid", "said it would cooperate": a statement of
		// intent (03x); "will retaliate with strikes": a threat (13x).
		frame := ""
		switch cameo.RootOf(code) {
		case "04", "05", "06", "07", "08":
			frame = "030"
		case "16", "17", "18", "19", "20":
			frame = "130"
		}
		if c, ok := combine(frame, code); ok {
			code, paired, modality = c, "", dyad.Asserted
		}
	}
	pattern, ref := "", cl.vm.verb.Ref
	if cl.pm != nil {
		pattern, ref = cl.pm.p.Raw, cl.pm.p.Ref
	}
	srcs, tgts := cl.src, cl.tgt
	if len(tgts) == 0 && distinctCodes(srcs) > 1 && (a.reciprocal(cl.verb) || mutual(cl.vm.verb.Block) && a.ownSubject(cl.verb)) {
		// "Arnor and Gondor accused each other", "… met and agreed to
		// rebuild ties": each side the other's target.
		tgts = srcs
	}
	if a.c.opts.ResponsibilityMonads && len(srcs) > 0 && len(tgts) == 0 &&
		(strings.HasPrefix(code, "015") || strings.HasPrefix(code, "016")) {
		tgts = []actor{{code: "---", first: -1, last: -1}}
	}
	if a.c.opts.AllowMonads {
		if len(srcs) == 0 && len(tgts) > 0 {
			srcs = []actor{{code: "---", first: -1, last: -1}}
		}
		if len(tgts) == 0 && len(srcs) > 0 {
			tgts = []actor{{code: "---", first: -1, last: -1}}
		}
	}
	add := func(s, t actor, code string) {
		if code == "" || code == "---" || s.code == t.code {
			return
		}
		if code == "140" && stateActor(s.code) {
			// A government that "protests" complains officially (114):
			// a crowd demonstrates (14).
			code = "114"
		}
		if (s.ref || t.ref) && known(s.code) && country(s.code) == country(t.code) {
			// "Afghanistan called for dialogue between the two
			// neighbours": of "the two neighbours", the other one.
			return
		}
		var at *dyad.Attribution
		if attr != nil {
			c := *attr
			c.Status = status(attr, speaker, s.code, t.code)
			at = &c
		}
		cl.events = append(cl.events, ev{src: s, tgt: t, code: code, negOf: negOf, verb: cl.verb, pattern: pattern, ref: ref, modality: modality, attr: at})
	}
	for _, s := range srcs {
		for _, t := range tgts {
			add(s, t, code)
			if paired != "" {
				add(t, s, paired)
			}
		}
	}
}

// stateActor reports whether code names a state or its organs: a bare
// country code ("CHN") or one with a government, military, police,
// judicial, legislative or intelligence block ("CHNGOV").
func stateActor(code string) bool {
	if !known(code) || strings.HasPrefix(code, "IGO") {
		return false
	}
	switch code[3:] {
	case "", "GOV", "MIL", "COP", "JUD", "LEG", "SPY":
		return true
	}
	return false
}

// ownSubject reports whether the verb at i has a subject of its own or
// shares its conjunct's ("met … and agreed"), rather than inheriting one
// as a participle or an infinitive ("signed a declaration committing
// their countries to …": the signing is the act).
func (a *analysis) ownSubject(i int) bool {
	return a.ps.child(i, "nsubj") >= 0 || a.ps.n[i].base == "conj"
}

// mutual reports whether a verb block codes its compound subjects as
// acting on each other (a "% *" pattern: "agree", "meet", "clash").
func mutual(b *dict.VerbBlock) bool {
	for _, p := range b.Patterns {
		if len(p.Pre) > 0 && p.Pre[0].Kind == dict.ElemCompound {
			return true
		}
	}
	return false
}

// negated reports whether the verb at i, or an auxiliary of it, is
// negated.
func (a *analysis) negated(i int) bool {
	for _, k := range a.ps.n[i].kids {
		nd := a.ps.n[k]
		if nd.rel == "advmod:neg" || (nd.base == "advmod" || nd.base == "aux" || nd.upos == "PART") && (nd.up == "NOT" || nd.up == "N'T" || nd.up == "NEVER") {
			return true
		}
	}
	return false
}

// modality says whether the verb at i is asserted, future, hypothetical
// or reported.
func (a *analysis) modality(i int) dyad.Modality {
	ps := a.ps
	i = a.aspectual(i)
	for _, k := range ps.n[i].kids {
		nd := ps.n[k]
		if nd.base == "aux" {
			switch nd.up {
			case "WILL", "SHALL", "'LL", "WO":
				return dyad.Future
			case "COULD", "MIGHT", "MAY", "WOULD", "SHOULD", "CAN", "CA":
				return dyad.Hypothetical
			}
		}
		if nd.base == "mark" && (nd.up == "IF" || nd.up == "UNLESS") {
			return dyad.Hypothetical
		}
	}
	if a.reporter(i) >= 0 || a.hearsay(i) {
		return dyad.Reported
	}
	return dyad.Asserted
}

// aspectualVerbs (lemmas) only say when their complement happens.
var aspectualVerbs = map[string]bool{"KEEP": true, "CONTINUE": true, "START": true, "BEGIN": true, "RESUME": true, "STOP": true}

// aspectual returns the verb whose auxiliaries tell the mood of the verb
// at i: the aspectual verb it completes ("would keep cooperating"), or i.
func (a *analysis) aspectual(i int) int {
	if h := a.ps.n[i].head; h >= 0 && a.ps.n[i].base == "xcomp" && aspectualVerbs[a.ps.n[h].lemma] {
		return h
	}
	return i
}

// promised reports whether the verb at i states an intention: "will
// meet", "shall provide", "is going to", or "would" in reported speech
// ("said it would cooperate").
func (a *analysis) promised(i int) bool {
	ps := a.ps
	i = a.aspectual(i)
	for _, k := range ps.n[i].kids {
		nd := ps.n[k]
		if nd.base != "aux" {
			continue
		}
		switch nd.up {
		case "WILL", "SHALL", "'LL", "WO":
			return true
		case "WOULD":
			return a.reporter(i) >= 0
		}
	}
	return false
}

// reporter returns the verb of saying that reports the clause at i ("X
// said Y attacked Z", "Y attacked Z, X said"), or -1.
func (a *analysis) reporter(i int) int {
	ps := a.ps
	for _, k := range ps.n[i].kids {
		// "Arnor criticized Gondor, Osgiliath said." (also when parsed as
		// an adverbial clause without a marker).
		if reportingVerbs[ps.n[k].lemma] && (ps.n[k].base == "parataxis" || ps.n[k].base == "advcl" && k > i && ps.child(k, "mark") < 0) {
			return k
		}
	}
	for j := i; j >= 0; j = ps.n[j].head {
		if b := ps.n[j].base; b == "ccomp" || b == "parataxis" || b == "xcomp" {
			if h := ps.n[j].head; h >= 0 && (reportingVerbs[ps.n[h].lemma] && b != "xcomp" || denialVerbs[ps.n[h].lemma]) {
				// "said Y attacked", "denied that Y attacked", "denied
				// attacking".
				return h
			}
		}
	}
	return -1
}

// attribution says who reported the event coded at verb i: the subject
// of a verb of saying or denying that governs it, an "according to"
// phrase, or an adverb of hearsay ("reportedly"). speaker is the actor
// code of the reporter, when the dictionaries know it; the status is set
// per event by status.
func (a *analysis) attribution(i int) (attr *dyad.Attribution, speaker string) {
	ps := a.ps
	if r := a.reporter(i); r >= 0 {
		attr = &dyad.Attribution{Verb: strings.ToLower(ps.n[r].lemma)}
		if s := ps.child(r, "nsubj"); s >= 0 {
			attr.By, speaker = a.phraseText(s), a.codeOf(s)
		}
		if ps.n[r].lemma == "TELL" {
			// "officials told Geo News": the outlet it was told to.
			if o := ps.child(r, "obj"); o >= 0 {
				attr.Via = a.phraseText(o)
			} else if o := ps.child(r, "iobj"); o >= 0 {
				attr.Via = a.phraseText(o)
			}
		}
		return attr, speaker
	}
	for _, k := range ps.n[i].kids {
		nd := ps.n[k]
		if nd.base == "obl" && ps.caseWord(k) == "ACCORDING" {
			p := a.phraseOf(k)
			first := p[0]
			for first < len(ps.n) && (ps.n[first].up == "ACCORDING" || ps.n[first].up == "TO") {
				first++
			}
			return &dyad.Attribution{By: a.text(first, p[len(p)-1]), Verb: "according to"}, a.codeOf(k)
		}
		if nd.base == "advmod" && hearsayAdverbs[nd.up] {
			return &dyad.Attribution{Verb: strings.ToLower(ps.s.Tokens[k].Form)}, ""
		}
	}
	return nil, ""
}

// hearsay reports whether the verb at i is attributed by an adverb
// ("reportedly") or an "according to" phrase.
func (a *analysis) hearsay(i int) bool {
	ps := a.ps
	for _, k := range ps.n[i].kids {
		if nd := ps.n[k]; nd.base == "advmod" && hearsayAdverbs[nd.up] || nd.base == "obl" && ps.caseWord(k) == "ACCORDING" {
			return true
		}
	}
	return false
}

// phraseText returns the words of the noun phrase headed by i as written.
func (a *analysis) phraseText(i int) string {
	p := a.phraseOf(i)
	return a.text(p[0], p[len(p)-1])
}

// codeOf returns the code of the first actor the phrase headed by i
// names, or "".
func (a *analysis) codeOf(i int) string {
	if acs := a.actorsOf(i); len(acs) > 0 {
		return acs[0].code
	}
	return ""
}

// status says how the reporter of an event with source src and target
// tgt stands to it: denied by a verb of denial; claimed by a verb of
// claiming or by a speaker (not an outlet) of the source's or target's
// country; reported otherwise.
func status(attr *dyad.Attribution, speaker, src, tgt string) dyad.ClaimStatus {
	switch {
	case denialVerbs[strings.ToUpper(attr.Verb)]:
		return dyad.Denied
	case claimVerbs[strings.ToUpper(attr.Verb)]:
		return dyad.Claimed
	case len(speaker) >= 3 && speaker[:3] != "---" && !strings.Contains(speaker[3:], "MED") &&
		(strings.HasPrefix(src, speaker[:3]) || strings.HasPrefix(tgt, speaker[:3])):
		return dyad.Claimed
	}
	return dyad.ReportedBy
}

// reportingVerbs are verbs through which a sentence reports what someone
// else said, or denies it.
var reportingVerbs = map[string]bool{
	"SAY": true, "REPORT": true, "TELL": true, "CLAIM": true, "ALLEGE": true, "STATE": true,
	"ANNOUNCE": true, "ADD": true, "NOTE": true, "ACCORD": true,
	"DENY": true, "REFUTE": true, "DISPUTE": true,
}

// denialVerbs report a clause their subject denies.
var denialVerbs = map[string]bool{"DENY": true, "REFUTE": true, "DISPUTE": true}

// claimVerbs report a clause as their subject's claim.
var claimVerbs = map[string]bool{"CLAIM": true, "ALLEGE": true}

// inPlaceVerbs are verbs whose "in" or "at" phrase says where (the
// meeting or the signing took place, the involvement denied was), never
// who the other side is.
var inPlaceVerbs = map[string]bool{
	"MEET": true, "TALK": true, "NEGOTIATE": true, "CONVENE": true, "GATHER": true, "CONFER": true, "SIGN": true,
	"DENY": true,
}

// hearsayAdverbs attribute a clause to unnamed sources.
var hearsayAdverbs = map[string]bool{"REPORTEDLY": true, "ALLEGEDLY": true, "PURPORTEDLY": true, "SUPPOSEDLY": true}

// subjectOf returns the subject actors of the verb at i, or those it
// inherits: the governing verb's object or subject for "urged X to …",
// the first conjunct's subject for "… and promised aid".
func (a *analysis) subjectOf(i int) []actor {
	ps := a.ps
	for n := 0; i >= 0 && n < 8; n++ {
		if s := ps.child(i, "nsubj"); s >= 0 {
			return a.actorsOf(s)
		}
		if s := ps.child(i, "nsubj:pass"); s >= 0 {
			return a.actorsOf(s)
		}
		if ps.n[i].head < 0 {
			return nil
		}
		switch ps.n[i].base {
		case "xcomp":
			h := ps.n[i].head
			if o := ps.child(h, "obj", "iobj"); o >= 0 && ps.verbal(h) {
				return a.actorsOf(o)
			}
			i = h
		case "conj":
			i = ps.n[i].head
		case "advcl":
			// "vowed to wage war": an infinitive takes its governor's
			// subject, and so does a free participle ("police arrested four
			// men, accusing them of smuggling").
			if !ps.infinitive(i) && !ps.freeParticiple(i) {
				return nil
			}
			i = ps.n[i].head
		default:
			return nil
		}
	}
	return nil
}

// otherSide returns the side of the article's dyad that src is not on,
// when src is on one, or nil.
func (a *analysis) otherSide(src []actor) []actor {
	if a.art == nil || len(src) != 1 || !known(src[0].code) {
		return nil
	}
	p, ok := a.art.pair()
	if !ok {
		return nil
	}
	code, c := src[0].code, country(src[0].code)
	other := func(n int) []actor { return []actor{{code: p[1-n], first: -1, last: -1, named: true}} }
	for n, side := range p {
		// The same actor ("SSDOPP", or "SSDOPPGOV" for its leader in
		// office; a bare country code is only itself).
		if side == code || len(side) > 3 && len(code) > 3 && (strings.HasPrefix(side, code) || strings.HasPrefix(code, side)) {
			return other(n)
		}
	}
	for n, side := range p {
		// Between two countries, the same country.
		if country(side) == c && country(p[1-n]) != c {
			return other(n)
		}
	}
	return nil
}

// eventNouns (lemmas) name dealings between parties, which a
// participle with an agent can be done to ("a ceasefire brokered by
// Qatar"), as opposed to things ("infrastructure used by militants").
var eventNouns = map[string]bool{
	"CEASEFIRE": true, "TRUCE": true, "ARMISTICE": true, "SWAP": true, "EXCHANGE": true, "DEAL": true,
	"AGREEMENT": true, "ACCORD": true, "TREATY": true, "PACT": true, "TALK": true, "TALKS": true,
	"NEGOTIATION": true, "MEETING": true, "SUMMIT": true, "CEREMONY": true, "CONFERENCE": true,
	"DIALOGUE": true, "PLAN": true, "PROPOSAL": true, "INITIATIVE": true, "PROCESS": true,
	"MEDIATION": true, "RELEASE": true, "DECLARATION": true, "FRAMEWORK": true, "ROUND": true,
}

// sameCountry reports whether a and b are one actor each, of the same
// known country.
func sameCountry(a, b []actor) bool {
	return len(a) == 1 && len(b) == 1 && known(a[0].code) && country(a[0].code) == country(b[0].code)
}

// participants returns the actors taking part in what the noun at n
// names: those "between" whom it is ("talks between Israel and Hamas"),
// or else the subject of the verb it completes ("Pakistan and
// Afghanistan agreed to a ceasefire").
func (a *analysis) participants(n int) []actor {
	ps := a.ps
	for _, k := range ps.n[n].kids {
		if ps.n[k].base == "nmod" && ps.caseWord(k) == "BETWEEN" {
			return a.actorsOf(k)
		}
	}
	// Up through the phrases it modifies ("150 prisoners each in a swap",
	// or a misattached "on Saturday, in a ceremony") to the verb.
	for k := 0; n >= 0 && k < 4; k++ {
		h := ps.n[n].head
		switch {
		case h < 0:
			return nil
		case ps.verbal(h) && (ps.n[n].base == "obj" || ps.n[n].base == "obl"):
			return a.subjectOf(h)
		case ps.verbal(h):
			return nil
		}
		n = h
	}
	return nil
}

// agentOf returns the agent of a passive verb: the "by" (or "from")
// phrase.
func (a *analysis) agentOf(i int) []actor {
	ps := a.ps
	for _, k := range ps.n[i].kids {
		if ps.n[k].base != "obl" && ps.n[k].base != "nmod" {
			continue
		}
		switch ps.caseWord(k) {
		case "BY", "FROM":
			return a.actorsOf(k)
		}
	}
	return nil
}

// firstActor returns the actors of the first phrase among words that names
// one, skipping skipped heads and the source.
func (a *analysis) firstActor(words []int, skip map[int]bool, src []actor) []actor {
	if got := a.firstActorIn(words, skip, src); got != nil {
		return got
	}
	// Then the clauses that modify those phrases: "the roads leading into
	// Mordor".
	for _, w := range words {
		if skip[w] || !a.nominal(w) || a.circumstance(w) {
			continue // ("after two days of clashes killed four people")
		}
		for _, k := range a.ps.n[w].kids {
			if a.ps.n[k].rel == "acl" {
				if got := a.firstActorIn(a.ps.region(k, a.ints(len(a.ps.n))), skip, src); got != nil {
					return got
				}
			}
		}
	}
	return nil
}

func (a *analysis) firstActorIn(words []int, skip map[int]bool, src []actor) []actor {
	for _, w := range words {
		if nd := a.ps.n[w]; nd.base == "conj" && nd.head >= 0 && npRel(a.ps.n[nd.head].rel) {
			continue // a conjunct inside a modifier belongs to its phrase
		}
		if skip[w] || !a.nominal(w) || a.ps.n[w].base == "nsubj" || npRel(a.ps.n[w].rel) || a.circumstance(w) {
			continue
		}
		got := a.actorsOf(w)
		if len(got) == 0 || sameActors(got, src) {
			continue
		}
		return got
	}
	return nil
}

// circumstance reports whether the phrase headed by w says when or amid
// what something happened, or what something was called, not to whom:
// "ahead of the APEC summit", "during talks with Gondor", "after Wang
// Yi's visit", "amid protests", "condemned the launch as a violation of
// UN resolutions".
func (a *analysis) circumstance(w int) bool {
	ps := a.ps
	// The phrase or any phrase it is part of, up to the clause's verb.
	for n := 0; w >= 0 && !ps.verbal(w) && n < 8; w, n = ps.n[w].head, n+1 {
		switch ps.caseWord(w) {
		case "DURING", "AMID", "AMIDST", "DESPITE", "AS", "AFTER", "BEFORE", "SINCE", "UNTIL":
			return true
		case "OF":
			if h := ps.n[w].head; h >= 0 && (ps.n[h].up == "AHEAD" || ps.n[h].up == "BECAUSE" || ps.n[h].up == "INSTEAD") {
				return true
			}
		}
	}
	return false
}

func sameActors(a, b []actor) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].first != b[i].first || a[i].code != b[i].code {
			return false
		}
	}
	return true
}

// negate returns the code of the event a negated verb codes, where CAMEO
// has one: "did not clash" is not a disapproval, "would not wiretap" is
// cooperation (as PETRARCH's coding of its own validation suite has it).
func negate(code string) (string, bool) {
	switch code {
	case "110":
		return "050", true
	case "170":
		return "057", true
	}
	return "", false
}

// events turns coded events into dyad.Events, dropping duplicates.
func (a *analysis) events(evs []ev, issues []string) []dyad.Event {
	s := a.ps.s
	date := a.date.Format("2006-01-02")
	out := make([]dyad.Event, 0, len(evs))
	whenVerb, when, day := -1, dates.Date{}, date
	deadDone, deadCount := false, (*dyad.Fatalities)(nil)
	for n, e := range evs {
		if duplicate(evs[:n], e) {
			continue
		}
		d := cameo.Describe(e.code)
		tok := s.Tokens[e.verb]
		if e.verb != whenVerb {
			// Events of one verb (compound actors, paired codes) share
			// their date: resolve it once.
			whenVerb, when = e.verb, dates.Resolve(s, tok.ID, a.date)
			for v, n := e.verb, 0; n < 8 && when.How == dates.FromPublication && (a.ps.n[v].base == "conj" || a.ps.n[v].rel == "acl") && a.ps.n[v].head >= 0; n++ {
				// "met in June and agreed to rebuild ties", "signed on
				// Saturday, in a ceremony hosted by Qatar": a conjoined verb
				// or a participle that says no date has the date of the
				// verb it goes with.
				v = a.ps.n[v].head
				for k := 0; k < 8 && v >= 0 && !a.ps.verbal(v); k++ {
					v = a.ps.n[v].head
				}
				if v < 0 {
					break
				}
				when = dates.Resolve(s, v+1, a.date)
			}
			day = date
			if when.How != dates.FromPublication {
				day = when.Time.Format("2006-01-02")
			}
		}
		var dead *dyad.Fatalities
		switch d.Root {
		case "18", "19", "20":
			if !deadDone {
				deadDone, deadCount = true, casualties.Fatalities(a.ps.repaired())
			}
			dead = deadCount
		}
		out = append(out, dyad.Event{
			ID:             a.eventID(day, e),
			ArticleID:      s.ArticleID,
			Date:           day,
			DatePrecision:  when.Precision,
			DateSource:     when.How,
			Fatalities:     dead,
			Source:         a.dyadActor(e.src),
			Target:         a.dyadActor(e.tgt),
			Code:           e.code,
			Root:           d.Root,
			QuadClass:      d.QuadClass,
			Goldstein:      d.Goldstein,
			PLOVER:         d.PLOVER,
			Modality:       e.modality,
			Attribution:    e.attr,
			NegationOf:     e.negOf,
			LocationSource: "not resolved",
			Sentence:       dyad.SentenceRef{Index: s.Index, Text: s.Text},
			Pattern:        e.pattern,
			Evidence:       dyad.Evidence{Verb: tok.ID, VerbText: tok.Form, Pattern: e.pattern, PatternRef: e.ref},
			Issues:         issues,
		})
	}
	return out
}

func (a *analysis) dyadActor(ac actor) dyad.Actor {
	out := dyad.Actor{Code: ac.code}
	if ac.first >= 0 {
		out.Text = a.text(ac.first, ac.last)
		out.Span = dyad.Span{First: a.ps.s.Tokens[ac.first].ID, Last: a.ps.s.Tokens[ac.last].ID}
	}
	return out
}

// eventID identifies an event across sentences and articles: the same
// day, actors and code make the same event, so that two articles reporting
// it give one event with two mentions (GDELT's events/mentions split).
func (a *analysis) eventID(date string, e ev) string {
	return dyad.EventID(date, e.src.code, e.tgt.code, e.code)
}

// duplicate reports whether evs already holds an event with e's actors
// and code.
func duplicate(evs []ev, e ev) bool {
	for _, d := range evs {
		if d.src.code == e.src.code && d.tgt.code == e.tgt.code && d.code == e.code {
			return true
		}
	}
	return false
}

// violent reports whether a CAMEO code is one of force (roots 18-20).
func violent(code string) bool {
	switch cameo.RootOf(code) {
	case "18", "19", "20":
		return true
	}
	return false
}

// distinctCodes counts the different codes among actors.
func distinctCodes(acs []actor) int {
	n := 0
	for i, ac := range acs {
		if !slices.ContainsFunc(acs[:i], func(b actor) bool { return b.code == ac.code }) {
			n++
		}
	}
	return n
}

package geo

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// Location sources: how an event's location was found, or why it is null
// (dyad.Event.LocationSource).
const (
	// SourceSentence: a place named in the event's sentence.
	SourceSentence = "sentence"
	// SourceDateline: the article's dateline, the sentence naming none.
	SourceDateline = "dateline"
	// SourceNone: neither the sentence nor a dateline names a place.
	SourceNone = "none: no place in the sentence and no dateline"
	// SourceUnknown prefixes the reason when the sentence names a place
	// the gazetteer does not know.
	SourceUnknown = "none: not in the gazetteer: "
)

// Context is what an article tells about where its events happen. Make it
// once per article with NewContext.
type Context struct {
	// Dateline is the article's dateline, nil when it has none or its
	// place is not in the gazetteer.
	Dateline *Place
	// DatelineText is the dateline's place as written, even when not
	// resolved.
	DatelineText string
	// Countries are ISO alpha-3 codes the article is about, most relevant
	// first; they help resolve ambiguous names.
	Countries []string
}

// NewContext parses the dateline at the start of an article's text (lead)
// and resolves its place; countries are ISO codes the article is known to
// be about (they may be nil).
func (g *Gazetteer) NewContext(lead string, countries []string) Context {
	c := Context{Countries: countries}
	d, ok := ParseDateline(lead)
	if !ok {
		return c
	}
	c.DatelineText = d.Place
	ctx := countries
	key := Fold(d.Place)
	if d.Region != "" {
		// "SANTA FE, N.M.", "HONOLULU, Hawaii", "HANOI, Vietnam": the
		// region narrows the place down.
		// A place the gazetteer lacks in a known division gives the
		// division ("ST. JOSEPH, Mich." → Michigan), not a namesake
		// elsewhere.
		var r Place
		var ok bool
		if st, isState := usState(d.Region); isState {
			r, ok = g.division("US", st)
		} else {
			r, ok = g.Resolve(d.Region, nil)
		}
		if ok && r.Kind == Region {
			if p, ok := g.resolveIn(key, r.CC, r.Admin1); ok {
				r = p
			}
			c.Dateline = &r
			return c
		}
		if ok {
			ctx = append([]string{r.Country}, countries...)
		}
	}
	if p, ok := g.resolveKey(key, ctx, 0); ok {
		c.Dateline = &p
	}
	return c
}

// division returns the first-level division with GeoNames code admin1 in
// country cc (alpha-2).
func (g *Gazetteer) division(cc, admin1 string) (Place, bool) {
	if admin1 == "" {
		return Place{}, false
	}
	for i := range g.places {
		if p := &g.places[i]; p.Kind == Region && p.CC == cc && p.Admin1 == admin1 {
			return *p, true
		}
	}
	return Place{}, false
}

// resolveIn resolves a folded name among the places of one first-level
// division (country alpha-2 code cc, GeoNames code admin1).
func (g *Gazetteer) resolveIn(key, cc, admin1 string) (Place, bool) {
	best, bestScore := int32(-1), math.Inf(-1)
	for _, i := range g.lookup(key) {
		p := &g.places[i]
		if p.CC != cc || p.Admin1 != admin1 || p.Kind == Region {
			continue
		}
		if s := score(p, nil); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return Place{}, false
	}
	return g.places[best], true
}

// usState returns the postal code (GeoNames' admin1 code) of a US state
// written as in AP datelines ("Calif.", "N.Y.") or by its postal code.
func usState(s string) (string, bool) {
	switch strings.TrimSpace(s) {
	case "Ala.", "AL":
		return "AL", true
	case "Alaska", "AK":
		return "AK", true
	case "Ariz.", "AZ":
		return "AZ", true
	case "Ark.", "AR":
		return "AR", true
	case "Calif.", "CA":
		return "CA", true
	case "Colo.", "CO":
		return "CO", true
	case "Conn.", "CT":
		return "CT", true
	case "Del.", "DE":
		return "DE", true
	case "D.C.", "DC":
		return "DC", true
	case "Fla.", "FL":
		return "FL", true
	case "Ga.", "GA":
		return "GA", true
	case "Hawaii", "HI":
		return "HI", true
	case "Idaho", "ID":
		return "ID", true
	case "Ill.", "IL":
		return "IL", true
	case "Ind.", "IN":
		return "IN", true
	case "Iowa", "IA":
		return "IA", true
	case "Kan.", "Kans.", "KS":
		return "KS", true
	case "Ky.", "KY":
		return "KY", true
	case "La.", "LA":
		return "LA", true
	case "Maine", "ME":
		return "ME", true
	case "Md.", "MD":
		return "MD", true
	case "Mass.", "MA":
		return "MA", true
	case "Mich.", "MI":
		return "MI", true
	case "Minn.", "MN":
		return "MN", true
	case "Miss.", "MS":
		return "MS", true
	case "Mo.", "MO":
		return "MO", true
	case "Mont.", "MT":
		return "MT", true
	case "Neb.", "NE":
		return "NE", true
	case "Nev.", "NV":
		return "NV", true
	case "N.H.", "NH":
		return "NH", true
	case "N.J.", "NJ":
		return "NJ", true
	case "N.M.", "NM":
		return "NM", true
	case "N.Y.", "NY":
		return "NY", true
	case "N.C.", "NC":
		return "NC", true
	case "N.D.", "ND":
		return "ND", true
	case "Ohio", "OH":
		return "OH", true
	case "Okla.", "OK":
		return "OK", true
	case "Ore.", "OR":
		return "OR", true
	case "Pa.", "PA":
		return "PA", true
	case "R.I.", "RI":
		return "RI", true
	case "S.C.", "SC":
		return "SC", true
	case "S.D.", "SD":
		return "SD", true
	case "Tenn.", "TN":
		return "TN", true
	case "Texas", "TX":
		return "TX", true
	case "Utah", "UT":
		return "UT", true
	case "Vt.", "VT":
		return "VT", true
	case "Va.", "VA":
		return "VA", true
	case "Wash.", "WA":
		return "WA", true
	case "W.Va.", "W. Va.", "WV":
		return "WV", true
	case "Wis.", "WI":
		return "WI", true
	case "Wyo.", "WY":
		return "WY", true
	}
	return "", false
}

// Mention is a place named in a sentence.
type Mention struct {
	// Text is the name as written and Span its words.
	Text string
	Span dyad.Span
	// Place is what the name was resolved to.
	Place Place
	// Prep is the preposition that makes the phrase a location ("in",
	// "near", "into"; "obj" for the object of a verb such as "hit" or
	// "seize"; "of" for "the governor of Kandahar" and "NE" for a name
	// tagged a location in MISC, the weakest clues), "" when nothing does
	// or only a coordination with such a phrase.
	Prep string
	// Head is the ID of the name's head word; Conj that of the mention it
	// is coordinated with ("Kabul and Kandahar"), 0 when none.
	Head, Conj int
	// Qualifier is set for a division or country that only says where
	// the place before it is ("Georgia" in "Atlanta, Georgia").
	Qualifier bool
}

// Result is where an event took place: one location per place the
// sentence names in coordination ("airstrikes into Kabul and Kandahar"),
// the dateline's, or none, with Source saying which (a Source constant).
type Result struct {
	Locations []dyad.Location
	Mentions  []Mention
	Source    string
	// Why explains the choice for people (`dyad code --explain`), e.g.
	// "sentence: into Kabul → Kabul (AFG city); Kandahar → Kandahār (AFG
	// city)".
	Why string
}

// locPrep ranks the prepositions that introduce a place: 2 for where
// something happened, 1 for where it came from or went, 0 for others.
func locPrep(w string) int {
	switch w {
	case "in", "at", "near", "into", "on", "across", "outside", "inside", "throughout", "around", "within",
		"over", "along", "off", "through", "between", "onto", "upon", "nearby", "beyond":
		return 2
	case "from", "to", "toward", "towards", objPrep:
		return 1
	}
	return 0
}

// nePrep is Mention.Prep for a name tagged NE=B-LOC or B-GPE in MISC that
// no preposition marks: the weakest clue, as "of" is.
const nePrep = "NE"

// objPrep is Mention.Prep for a place that is the object of a verb of
// attack, capture or movement ("strikes hit Odesa", "seized the town of
// Bunia").
const objPrep = "obj"

// placeVerb reports whether a verb lemma takes the place it acts on as its
// object.
func placeVerb(lemma string) bool {
	switch strings.ToLower(lemma) {
	case "hit", "strike", "bomb", "shell", "attack", "seize", "capture", "recapture", "retake", "take", "overrun",
		"besiege", "raid", "storm", "enter", "invade", "target", "pound", "liberate", "occupy", "surround",
		"encircle", "evacuate", "visit", "rock", "shake", "bombard", "blockade", "control", "reach", "flee", "leave":
		return true
	}
	return false
}

// placeNoun says whether w names a kind of place that can head or follow a
// toponym ("the city of Aleppo", "Kandahar province"), and which kind.
func placeNoun(w string) (Kind, bool) {
	switch strings.ToLower(w) {
	case "city", "town", "village", "capital", "port", "suburb", "neighbourhood", "neighborhood", "cities", "towns", "villages", "suburbs":
		return City, true
	case "province", "provinces", "state", "states", "region", "regions", "governorate", "oblast", "district", "prefecture", "county", "department", "territory":
		return Region, true
	case "country", "nation", "republic", "area", "valley", "strip", "peninsula", "enclave":
		return 0, true
	}
	return 0, false
}

// neTag returns the named-entity type of a token's MISC ("NE=B-LOC" →
// "LOC", "B"), or "".
func neTag(misc string) (typ, pos string) {
	for f := range strings.SplitSeq(misc, "|") {
		if v, ok := strings.CutPrefix(f, "NE="); ok {
			if p, t, ok := strings.Cut(v, "-"); ok {
				return t, p
			}
		}
	}
	return "", ""
}

// Toponyms returns the places a sentence names in locative phrases
// (proper nouns under in/at/near/into/on/across/from…, their conjuncts,
// and words tagged NE=B-LOC or B-GPE in MISC), resolved with the help of
// the countries the sentence itself names (names and demonyms) and then
// context. Unresolved names come back with a zero Place.
func (g *Gazetteer) Toponyms(s *dyad.Sentence, context []string) []Mention {
	toks := s.Tokens
	n := len(toks)
	if n == 0 {
		return nil
	}
	parsed := false
	caseOf := make([]string, n+1)
	for i := range toks {
		t := &toks[i]
		if t.Head >= 0 && t.DepRel != "" {
			parsed = true
		}
		if (t.DepRel == "case" || strings.HasPrefix(t.DepRel, "case:")) && t.Head > 0 && t.Head <= n && caseOf[t.Head] == "" {
			if w := strings.ToLower(t.Form); locPrep(w) > 0 || w == "of" {
				caseOf[t.Head] = w
			}
		}
	}
	isName := func(i int) bool { // 0-based
		t := &toks[i]
		if t.UPOS == "PROPN" || t.XPOS == "NNP" || t.XPOS == "NNPS" {
			return !isMonth(t.Form)
		}
		// A capitalized noun right after a locative preposition, or its
		// "the": taggers miss names ("gathered in Brussels/NOUN", "met in
		// the Kremlin/NOUN").
		if i > 0 && (t.UPOS == "NOUN" || t.UPOS == "X") && t.Form != "" && t.Form[0] >= 'A' && t.Form[0] <= 'Z' {
			prev := strings.ToLower(toks[i-1].Form)
			if locPrep(prev) > 0 || prev == "the" && i > 1 && locPrep(strings.ToLower(toks[i-2].Form)) > 0 {
				return !isMonth(t.Form)
			}
		}
		typ, _ := neTag(t.Misc)
		return typ == "LOC" || typ == "GPE"
	}
	var out []Mention
	var sentenceCountries []string
	for i := 0; i < n; {
		if !isName(i) {
			// A demonym ("Pakistani police") tells the country.
			if toks[i].UPOS == "ADJ" && len(toks[i].Form) > 0 && toks[i].Form[0] >= 'A' && toks[i].Form[0] <= 'Z' {
				if c, ok := g.demonym(toks[i].Form); ok {
					sentenceCountries = append(sentenceCountries, c)
				}
			}
			i++
			continue
		}
		j := i
		for j+1 < n {
			if isName(j + 1) {
				if typ, pos := neTag(toks[j+1].Misc); typ != "" && pos == "B" {
					break
				}
				j++
				continue
			}
			// "Mazar-i-Sharif", "Rostov-on-Don": words joined by hyphens
			// without spaces.
			if j+2 < n && toks[j+1].Form == "-" && joined(&toks[j], &toks[j+1]) && joined(&toks[j+1], &toks[j+2]) {
				j += 2
				continue
			}
			// "Deir ez-Zor", "Ras al-Ain": an Arabic article before a
			// hyphen, however it was tagged.
			if j+3 < n && nameParticle(toks[j+1].Form) && toks[j+2].Form == "-" && joined(&toks[j+1], &toks[j+2]) && joined(&toks[j+2], &toks[j+3]) {
				j += 3
				continue
			}
			break
		}
		m := g.mention(s, i, j, parsed, caseOf)
		key := Fold(m.Text)
		if c, ok := g.demonym(m.Text); ok && len(g.lookup(key)) == 0 {
			sentenceCountries = append(sentenceCountries, c) // "Pakistani/PROPN"
		} else if !notPlace(key) {
			out = append(out, m)
		}
		i = j + 1
	}
	// Coordination: "into Kabul and Kandahar", "in Aleppo, Homs and Hama".
	for k := range out {
		m := &out[k]
		if parsed {
			h := &toks[m.Head-1]
			if h.DepRel == "conj" {
				for q := range out[:k] {
					if out[q].Head == h.Head {
						m.Conj = out[q].Head
						if m.Prep == "" {
							m.Prep = out[q].Prep
						}
					}
				}
			}
		}
		if m.Conj == 0 && k > 0 {
			prev := &out[k-1]
			between := toks[prev.Span.Last : m.Span.First-1]
			if len(between) >= 1 && len(between) <= 2 && coordWords(between) && prev.Prep != "" && (m.Prep == "" || !parsed) {
				m.Conj = prev.Head
				if m.Prep == "" {
					m.Prep = prev.Prep
				}
			}
		}
	}
	// Resolve: the countries the other names of the sentence name are
	// context for each ("Hyderabad, Pakistan"; "Georgia … the US").
	named := make([]string, len(out))
	for k := range out {
		if p, ok := g.Country(out[k].Text); ok {
			named[k] = p.Country
		}
	}
	for k := range out {
		ctx := make([]string, 0, len(named)+len(sentenceCountries)+len(context))
		for q, c := range named {
			if q != k && c != "" {
				ctx = append(ctx, c)
			}
		}
		ctx = append(append(ctx, sentenceCountries...), context...)
		out[k].Place, _ = g.resolveMention(s, &out[k], ctx)
	}
	// "Atlanta, Georgia", "Hyderabad, Pakistan": a division or country
	// right after a place, set off by a comma, qualifies it.
	for k := 1; k < len(out); k++ {
		prev, m := &out[k-1], &out[k]
		if m.Span.First != prev.Span.Last+2 || toks[prev.Span.Last].Form != "," {
			continue
		}
		if q, in, ok := g.qualify(prev, m); ok {
			prev.Place, m.Place, m.Qualifier = in, q, true
		}
	}
	return out
}

// qualify finds a division or country that name m may be and a place
// that name prev may be inside it; of several such pairs it takes the one
// whose inner place is the most prominent.
func (g *Gazetteer) qualify(prev, m *Mention) (outer, inner Place, ok bool) {
	best := -1.0
	for _, oi := range g.lookup(Fold(m.Text)) {
		o := &g.places[oi]
		if o.Kind != Country && o.Kind != Region {
			continue
		}
		for _, ii := range g.lookup(Fold(prev.Text)) {
			in := &g.places[ii]
			if in.Kind == Country || in.Country != o.Country || o.Kind == Region && in.Admin1 != o.Admin1 || in == o {
				continue
			}
			if s := score(in, nil); s > best {
				best, outer, inner, ok = s, *o, *in, true
			}
		}
	}
	return outer, inner, ok
}

// nameOf reports whether w, before "of", makes the place after it part of
// another name: a sea, a bank, a treaty.
func nameOf(w string) bool {
	switch strings.ToLower(w) {
	case "sea", "gulf", "strait", "straits", "bay", "ocean", "lake", "cape", "isle", "island", "islands", "bank",
		"university", "college", "church", "battle", "siege", "treaty", "declaration", "council", "court":
		return true
	}
	return false
}

// joined reports whether word b follows word a with no space between.
func joined(a, b *dyad.Token) bool {
	return a.End >= 0 && a.End == b.Start
}

// demonym returns the country a demonym names.
func (g *Gazetteer) demonym(w string) (string, bool) {
	if i, ok := g.demos[Fold(w)]; ok {
		return g.places[i].Country, true
	}
	return "", false
}

// coordWords reports whether tokens are only "and", "or" and commas.
func coordWords(ts []dyad.Token) bool {
	for _, t := range ts {
		switch strings.ToLower(t.Form) {
		case "and", "or", ",", "&":
		default:
			return false
		}
	}
	return true
}

// modifiesThing reports whether the word with ID id modifies a noun that
// is not a place noun ("a US plan", "Russian drones").
func modifiesThing(toks []dyad.Token, id int) bool {
	t := &toks[id-1]
	switch rel, _, _ := strings.Cut(strings.ToLower(t.DepRel), ":"); rel {
	case "compound", "amod":
	default:
		return false
	}
	if t.Head < 1 || t.Head > len(toks) || toks[t.Head-1].UPOS != "NOUN" {
		return false
	}
	_, place := placeNoun(toks[t.Head-1].Form)
	return !place
}

// nameParticle reports whether w is an Arabic article written before a
// hyphen inside a place name.
func nameParticle(w string) bool {
	switch strings.ToLower(w) {
	case "al", "el", "ez", "es", "ad", "ed", "an", "ar", "as", "at", "ash", "az", "ath":
		return true
	}
	return false
}

// mention builds the mention of the name in tokens [i, j] (0-based).
func (g *Gazetteer) mention(s *dyad.Sentence, i, j int, parsed bool, caseOf []string) Mention {
	toks := s.Tokens
	m := Mention{Span: dyad.Span{First: i + 1, Last: j + 1}, Text: spanText(s, i, j)}
	m.Head = j + 1
	if parsed {
		for k := i; k <= j; k++ {
			if h := toks[k].Head; h < i+1 || h > j+1 {
				m.Head = k + 1
			}
		}
	}
	of := false
	if parsed {
		h := &toks[m.Head-1]
		m.Prep = caseOf[m.Head]
		if m.Prep == "of" {
			m.Prep, of = "", true
		}
		node := h
		if hd := h.Head; m.Prep == "" && hd > 0 && hd <= len(toks) {
			_, isPlace := placeNoun(toks[hd-1].Form)
			if isPlace || strings.HasPrefix(h.DepRel, "nmod:poss") {
				// "in the city of Aleppo", "in Kandahar province",
				// "in Beirut's suburbs", "seized the town of Bunia"
				m.Prep = caseOf[hd]
				if m.Prep == "of" {
					m.Prep, of = "", true // "the governor of Kandahar province"
				}
				node = &toks[hd-1]
			}
		}
		if m.Prep == "" && (node.DepRel == "obj" || node.DepRel == "nsubj:pass") && node.Head > 0 && node.Head <= len(toks) {
			if v := &toks[node.Head-1]; v.UPOS == "VERB" && (placeVerb(v.Lemma) || placeVerb(v.Form)) {
				m.Prep = objPrep
			}
		}
	}
	if m.Prep == "" && !(parsed && modifiesThing(toks, m.Head)) {
		// On the surface: "in (the) (southern) (city of) Kandahar" (but
		// not "on a US plan", where the name modifies a thing).
		for k := i - 1; k >= 0 && k >= i-5; k-- {
			t := &toks[k]
			w := strings.ToLower(t.Form)
			if p := locPrep(w); p > 0 {
				m.Prep = w
				break
			}
			if w == "of" && k >= i-2 {
				of = true
			}
			if _, ok := placeNoun(w); ok || w == "the" || w == "of" || t.UPOS == "ADJ" || t.UPOS == "DET" {
				continue
			}
			break
		}
	}
	if of && i >= 2 && strings.EqualFold(toks[i-1].Form, "of") && nameOf(toks[i-2].Form) {
		of = false // "the Sea of Japan", "the Bank of England", "the Treaty of Paris"
	}
	if m.Prep == "" && of {
		// "the governor of Kandahar": a place all the same, taken when the
		// sentence names no place in a locative phrase.
		m.Prep = "of"
	}
	if typ, _ := neTag(toks[m.Head-1].Misc); m.Prep == "" && (typ == "LOC" || typ == "GPE") {
		m.Prep = nePrep // tagged a location, with no preposition
	}
	return m
}

// spanText returns the text of tokens [i, j] (0-based).
func spanText(s *dyad.Sentence, i, j int) string {
	a, b := &s.Tokens[i], &s.Tokens[j]
	if a.Start >= 0 && b.End > a.Start && b.End <= len(s.Text) {
		return s.Text[a.Start:b.End]
	}
	var sb strings.Builder
	for k := i; k <= j; k++ {
		if k > i {
			sb.WriteByte(' ')
		}
		sb.WriteString(s.Tokens[k].Form)
	}
	return sb.String()
}

// resolveMention resolves a mention, trying it with a following place
// noun first ("Kandahar province"), then its longest known part.
func (g *Gazetteer) resolveMention(s *dyad.Sentence, m *Mention, ctx []string) (Place, bool) {
	toks := s.Tokens
	key := Fold(m.Text)
	var kind Kind
	if m.Span.Last < len(toks) {
		next := toks[m.Span.Last].Form
		if k, ok := placeNoun(next); ok {
			kind = k
			if p, ok := g.resolveKey(key+" "+Fold(next), ctx, 0); ok {
				return p, true
			}
		}
	}
	if kind == 0 && m.Span.First >= 3 && strings.EqualFold(toks[m.Span.First-2].Form, "of") {
		kind, _ = placeNoun(toks[m.Span.First-3].Form) // "the province of Helmand"
	}
	if kind != 0 {
		if p, ok := g.resolveKey(key, ctx, kind); ok {
			return p, true
		}
	}
	if p, ok := g.resolveKey(key, ctx, 0); ok {
		return p, true
	}
	// The longest part that is a prominent place: "Kabul Governor" →
	// "Kabul", but not "European Union" → Union, New Jersey.
	words := strings.Fields(key)
	for l := len(words) - 1; l >= 1; l-- {
		for a := 0; a+l <= len(words); a++ {
			part := strings.Join(words[a:a+l], " ")
			if notPlace(part) {
				continue
			}
			if p, ok := g.resolveKey(part, ctx, 0); ok && (p.Kind != City || p.Population >= 100000) {
				return p, true
			}
		}
	}
	return Place{}, false
}

// notPlace reports whether a folded name, though some gazetteer entry may
// bear it, is in news almost never a place: organizations, people's
// titles, generic words ("Taliban" is also a village in Turkey, "Police" a
// town in Poland).
func notPlace(key string) bool {
	switch key {
	case "taliban", "hamas", "hezbollah", "hizbollah", "houthi", "houthis", "isis", "isil", "is", "daesh", "al qaeda", "qaeda",
		"un", "eu", "nato", "au", "opec", "asean", "god", "allah", "police", "army", "navy", "government", "parliament",
		"congress", "senate", "court", "ministry", "president", "minister", "prime minister", "islam", "jesus", "christ",
		"reuters", "afp", "ap", "bbc", "cnn", "twitter", "facebook", "telegram", "internet", "state", "city", "west", "east",
		"north", "south", "center", "centre", "central", "union", "independence", "liberty", "victory", "unity", "freedom",
		"peace", "security", "defense", "defence", "republic", "kingdom", "national", "international", "university",
		"pentagon", "embassy", "mosque", "church", "hospital", "airport", "square", "street":
		return true
	}
	return false
}

// Locate finds where ev, coded from sentence s, took place: the places the
// sentence names in locative phrases (preferring those under the event's
// verb, and "in"/"at"/"into" over "from"/"to"; a named country gives way
// to a place inside it), with coordinated ones all kept; else the
// article's dateline. Actor countries of ev help resolve ambiguous names.
func (g *Gazetteer) Locate(s *dyad.Sentence, ev *dyad.Event, c Context) Result {
	var ctx []string
	if ev != nil {
		for _, code := range []string{ev.Source.Code, ev.Target.Code} {
			if len(code) >= 3 {
				if i, ok := g.codes[code[:3]]; ok {
					ctx = append(ctx, g.places[i].Country)
				}
			}
		}
	}
	ctx = append(ctx, c.Countries...)
	if c.Dateline != nil {
		ctx = append(ctx, c.Dateline.Country)
	}
	ms := g.Toponyms(s, ctx)
	res := Result{Mentions: ms}
	verb := 0
	if ev != nil {
		verb = ev.Evidence.Verb
	}
	// Candidates: locative, resolved, not an actor.
	best, bestRank := -1, -1
	var unknown string
	for k := range ms {
		m := &ms[k]
		if m.Prep == "" && m.Conj == 0 {
			continue
		}
		if m.Place.Kind == 0 {
			if unknown == "" {
				unknown = m.Text
			}
			continue
		}
		if m.Conj != 0 || m.Qualifier {
			continue // taken with the mention it is coordinated with, or a qualifier
		}
		if (m.Prep == objPrep || m.Prep == nePrep) && m.Place.Kind == Country || (m.Prep == nePrep || m.Prep == "of") && ev != nil && (overlaps(m.Span, ev.Source.Span) || overlaps(m.Span, ev.Target.Span)) {
			continue // an actor: "Russia attacked Ukraine", "the Kabul government"
		}
		if ev != nil && metonymic(ev, m.Prep) && actorGroup(ms, k, ev) {
			// "called on the United States and France", "urged Georgetown
			// and Caracas", "talks between Moscow and Kyiv": those
			// addressed, not places (but "drills around Taiwan" are
			// there).
			continue
		}
		if verb > 0 && otherClause(s, m.Head, verb) {
			continue // "strikes hit Lebanon as Beirut appeals to Washington"
		}
		if m.Prep == "between" && m.Place.Kind == Country {
			continue // parties, not places: "talks between Pakistan and Afghanistan"
		}
		rank := locPrep(m.Prep) * 2
		if verb > 0 && under(s, m.Head, verb) {
			rank += 4
		}
		if m.Place.Kind != Country {
			rank++
		}
		if rank > bestRank {
			best, bestRank = k, rank
		}
	}
	if best >= 0 && ms[best].Place.Kind == City {
		// A city is inside the division or country its phrase names, so
		// a city of that name elsewhere is not meant.
		city := ms[best].Head
		for k := range ms {
			m := &ms[k]
			if (m.Place.Kind != Region && m.Place.Kind != Country) || m.Prep != "in" || m.Place.Country == ms[best].Place.Country ||
				m.Head <= city || m.Head > len(s.Tokens) || city < 1 || city > len(s.Tokens) {
				continue
			}
			// Under the city's name, or beside it under the same word
			// ("the town of Hyderabad in Sindh"): the city of that name
			// there, or else the division.
			if h := s.Tokens[m.Head-1].Head; h != city && h != s.Tokens[city-1].Head {
				continue
			}
			key := Fold(ms[best].Text)
			if p, ok := g.resolveIn(key, m.Place.CC, m.Place.Admin1); ok && m.Place.Kind == Region {
				ms[best].Place = p
			} else if p, ok := g.resolveKey(key, []string{m.Place.Country}, City); ok && m.Place.Kind == Country && p.Country == m.Place.Country {
				ms[best].Place = p
			} else {
				best = k
			}
			break
		}
	}
	if best >= 0 && ms[best].Place.Kind != City {
		// "seized the town of Bunia in Ituri province", "in Syria near
		// Aleppo": a city inside the chosen place is more precise.
		b := &ms[best].Place
		for k := range ms {
			m := &ms[k]
			if m.Place.Kind == City && m.Place.Country == b.Country && (b.Kind != Region || m.Place.Admin1 == b.Admin1) && m.Prep != "" && m.Prep != nePrep && m.Conj == 0 &&
				(verb == 0 || !otherClause(s, m.Head, verb)) {
				// (A name only tagged a location, or one in another clause,
				// "drills around Taiwan; Taipei condemns", is not where.)
				best = k
				break
			}
		}
	}
	if best >= 0 {
		group := []Place{ms[best].Place}
		heads := []int{ms[best].Head}
		for k := best + 1; k < len(ms); k++ {
			m := &ms[k]
			if m.Conj != 0 && containsInt(heads, m.Conj) && m.Place.Kind != 0 && !m.Qualifier {
				group = append(group, m.Place)
				heads = append(heads, m.Head)
			}
		}
		// "in Kandahar, Afghanistan": the country is context, not a second
		// place.
		var why []string
		for j, p := range group {
			if p.Kind == Country && len(group) > 1 && inCountry(group, p.Country) {
				continue
			}
			if slices.ContainsFunc(res.Locations, func(l dyad.Location) bool { return l.Name == p.Name && l.Country == p.Country }) {
				continue // named twice ("Pakistan and Pakistan-administered Kashmir")
			}
			res.Locations = append(res.Locations, p.Location())
			m := &ms[best]
			for k := range ms {
				if ms[k].Head == heads[j] {
					m = &ms[k]
				}
			}
			w := m.Text
			if m.Prep != "" && m.Conj == 0 {
				w = m.Prep + " " + w
			}
			why = append(why, fmt.Sprintf("%s → %s (%s %s)", w, p.Name, p.Country, p.Kind))
		}
		res.Source = SourceSentence
		res.Why = "sentence: " + strings.Join(why, "; ")
		if len(ctx) > 0 {
			var uniq []string
			for _, c := range ctx {
				if !slices.Contains(uniq, c) {
					uniq = append(uniq, c)
				}
			}
			res.Why += " [context " + strings.Join(uniq, ",") + "]"
		}
		return res
	}
	if c.Dateline != nil {
		res.Locations = []dyad.Location{c.Dateline.Location()}
		res.Source = SourceDateline
		res.Why = fmt.Sprintf("dateline: %s → %s (%s %s)", c.DatelineText, c.Dateline.Name, c.Dateline.Country, c.Dateline.Kind)
		return res
	}
	if unknown != "" {
		res.Source = SourceUnknown + unknown
	} else {
		res.Source = SourceNone
	}
	res.Why = res.Source
	return res
}

// under reports whether word id is in the subtree of word verb (walking
// up at most 20 heads).
func under(s *dyad.Sentence, id, verb int) bool {
	for k := 0; k < 20 && id > 0 && id <= len(s.Tokens); k++ {
		if id == verb {
			return true
		}
		id = s.Tokens[id-1].Head
	}
	return false
}

// otherClause reports whether word id belongs to a clause with a subject
// of its own other than the one of verb: its nearest verbal ancestor is
// not verb and has a subject ("as Beirut appeals to Washington" in a
// sentence about strikes).
func otherClause(s *dyad.Sentence, id, verb int) bool {
	for k := 0; k < 20 && id > 0 && id <= len(s.Tokens); k++ {
		t := &s.Tokens[id-1]
		if id != verb && (t.UPOS == "VERB" || t.UPOS == "AUX") {
			for i := range s.Tokens {
				if r := s.Tokens[i].DepRel; s.Tokens[i].Head == id && (r == "nsubj" || strings.HasPrefix(r, "nsubj:")) {
					return true
				}
			}
			return false
		}
		if id == verb {
			return false
		}
		id = t.Head
	}
	return false
}

// overlaps reports whether word spans a and b share a word (a zero span
// shares none).
func overlaps(a, b dyad.Span) bool {
	return b.First > 0 && a.First <= b.Last && b.First <= a.Last
}

// inCountry reports whether a place of group other than a country lies in
// country.
func inCountry(group []Place, country string) bool {
	for _, p := range group {
		if p.Kind != Country && p.Country == country {
			return true
		}
	}
	return false
}

func containsInt(l []int, v int) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

// metonymic reports whether a place that names an actor of ev (a
// country, or a city or region standing for one) is that actor rather
// than where ev happened: in a statement ("Brazil urged Georgetown and
// Caracas", "called on the United States") or between the parties
// ("talks between Moscow and Kyiv"), but not in an act of force or aid
// ("drones hit Kyiv", "drills around Taiwan", "aid reached Gaza").
func metonymic(ev *dyad.Event, prep string) bool {
	return prep == "between" || ev.QuadClass == 1 || ev.QuadClass == 3 // verbal cooperation, verbal conflict
}

// actorGroup reports whether mention k, or a mention coordinated with
// it, names the event's source or target.
func actorGroup(ms []Mention, k int, ev *dyad.Event) bool {
	actor := func(sp dyad.Span) bool { return overlaps(sp, ev.Source.Span) || overlaps(sp, ev.Target.Span) }
	if actor(ms[k].Span) {
		return true
	}
	for j := range ms {
		if ms[j].Conj != 0 && ms[j].Conj == ms[k].Head && actor(ms[j].Span) {
			return true
		}
	}
	return false
}

// PlaceEvent sets ev's Location, LocationSource and LocationWhy from
// Locate and returns the event once per location: a sentence naming
// several places in coordination yields one copy of the event per place
// (the first equal to *ev after the call). The copies share ev's ID: the
// caller gives them their own if it needs to.
func (g *Gazetteer) PlaceEvent(s *dyad.Sentence, ev *dyad.Event, c Context) []dyad.Event {
	r := g.Locate(s, ev, c)
	ev.LocationSource, ev.LocationWhy = r.Source, r.Why
	if len(r.Locations) == 0 {
		ev.Location = nil
		return []dyad.Event{*ev}
	}
	out := make([]dyad.Event, len(r.Locations))
	for k := range r.Locations {
		l := r.Locations[k]
		if k == 0 {
			ev.Location = &l
		}
		out[k] = *ev
		out[k].Location = &l
	}
	return out
}

package dict

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Verbs is a verb dictionary in the PETRARCH 2 format: synonym sets, verb
// synonym blocks with their patterns, and verb–verb transformations.
type Verbs struct {
	// Synsets maps a synonym-set label ("&MILITARY") to its phrases, each
	// a sequence of uppercase words. Nested sets are expanded on reading.
	Synsets map[string][][]string
	// Blocks are the verb synonym blocks in file order.
	Blocks []*VerbBlock
	// Transforms are the verb–verb transformations in file order.
	Transforms []*Transform
	// Warnings lists lines that were read but can never take effect, such
	// as a pattern naming a synonym set the file never defines (PETRARCH
	// ignores those patterns; dyad keeps them, matching nothing, and says
	// so here).
	Warnings []*LineError

	forms map[string][]*Verb // inflected form of the verb word → verbs
}

// VerbBlock is a set of synonymous verbs that share patterns.
type VerbBlock struct {
	Name     string // the block's description, e.g. "ABANDON"
	Code     string // the block's default code, "---" when none
	Ref      string // file:line of the block header
	Verbs    []*Verb
	Patterns []*Pattern
}

// Verb is one verb of a block. Multi-word verbs such as "CORDON_OFF" or
// "WIRE_+TAP" keep the words around the verb word in Pre and Post.
type Verb struct {
	Word  string   // the verb word, uppercase base form, e.g. "TAP"
	Pre   []string // words that must come right before the verb word
	Post  []string // words that must follow the verb (particles, objects)
	Code  string   // the verb's own code, or its block's
	Forms []string // the inflected forms of Word that are recognised
	Block *VerbBlock
	Ref   string
}

// Phrase returns the verb as written in the dictionary, words joined by
// spaces.
func (v *Verb) Phrase() string {
	w := append(append(append([]string{}, v.Pre...), v.Word), v.Post...)
	return strings.Join(w, " ")
}

// ElemKind says what a pattern element matches.
type ElemKind int

// Pattern element kinds.
const (
	ElemNoun     ElemKind = iota // a noun phrase: Words, head last
	ElemPrep                     // a prepositional phrase: Prep + optional Words
	ElemSource                   // "$": the source actor is here
	ElemTarget                   // "+": the target actor is here
	ElemCompound                 // "%": a compound actor is both source and target
	ElemSkip                     // "^": skip an actor here
)

// Word is one word of a pattern: a literal (with "/" alternatives) or a
// synonym-set reference.
type Word struct {
	Alts   []string // uppercase alternatives; empty for a synset
	Synset string   // "&NAME" when the word is a synonym set
}

// String returns the word as written.
func (w Word) String() string {
	if w.Synset != "" {
		return w.Synset
	}
	return strings.Join(w.Alts, "/")
}

// Elem is one element of a pattern.
type Elem struct {
	Kind  ElemKind
	Prep  []string // ElemPrep: the prepositions (alternatives)
	Words []Word   // ElemNoun, ElemPrep: the phrase words, head last
	// Inner holds the actor markers inside a prepositional element, e.g.
	// the "$" of "(FROM $)".
	Inner ElemKind
}

// Pattern is one pattern line of a verb block.
type Pattern struct {
	Raw    string // the pattern as written, without the code and comment
	Ref    string // file:line
	Code   string // the code for the source→target event, "" when none
	Paired string // the code for the paired target→source event, if any
	Pre    []Elem // elements before the verb ("*")
	Post   []Elem // elements after the verb
	Block  *VerbBlock
}

// Transform rewrites a verb governing another verb's event, e.g.
// "~ a (a b WILL_ATTACK) SAY = a b 138" turns "A said A will attack B" into
// "A threatens B".
type Transform struct {
	Raw       string
	Ref       string
	Upper     string // the upper source variable
	LowerSrc  string // the lower event's source variable, "." or "_"
	LowerTgt  string
	LowerVerb string // the lower verb (a verb word or "Q" for any)
	UpperVerb string
	OutSrc    string
	OutTgt    string
	OutCode   string // a code, or "Q" for the lower event's code
}

// NewVerbs returns an empty verb dictionary.
func NewVerbs() *Verbs {
	return &Verbs{Synsets: map[string][][]string{}, forms: map[string][]*Verb{}}
}

// Lookup returns the verbs whose verb word has the given uppercase
// inflected form.
func (d *Verbs) Lookup(form string) []*Verb { return d.forms[form] }

// Len returns the number of verbs in the dictionary.
func (d *Verbs) Len() int {
	n := 0
	for _, b := range d.Blocks {
		n += len(b.Verbs)
	}
	return n
}

// Read adds a verb dictionary file to d. name is used in errors and in the
// references of entries.
func (d *Verbs) Read(r io.Reader, name string) error {
	p := verbParser{d: d, name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		p.line++
		if err := p.parseLine(decodeLine(sc.Bytes())); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return p.finish()
}

type verbParser struct {
	d       *Verbs
	name    string
	line    int
	synset  string // label of the synset being read
	block   *VerbBlock
	section string // "", "synsets", "verbs", "transforms"
}

func (p *verbParser) errorf(text, format string, args ...any) error {
	return &LineError{File: p.name, Line: p.line, Text: strings.TrimSpace(text), Msg: fmt.Sprintf(format, args...)}
}

func (p *verbParser) ref() string { return fmt.Sprintf("%s:%d", p.name, p.line) }

// stripHash strips a "#" comment, leaving a "#" inside [...] alone (the
// discard code "[###]").
func stripHash(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '#':
			if depth <= 0 {
				return s[:i]
			}
		}
	}
	return s
}

// verbComment strips a "#" or ";" comment from a verb-dictionary line.
func verbComment(s string) string {
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func (p *verbParser) parseLine(raw string) error {
	trimmed := strings.TrimSpace(raw)
	switch {
	case trimmed == "":
		return nil
	case strings.HasPrefix(trimmed, "#####"):
		up := strings.ToUpper(trimmed)
		switch {
		case strings.Contains(up, "SYNONYM"):
			p.section = "synsets"
		case strings.Contains(up, "TRANSFORM"):
			p.section = "transforms"
		case strings.Contains(up, "VERB"):
			p.section = "verbs"
		}
		p.synset = ""
		return nil
	case strings.HasPrefix(trimmed, "#"), strings.HasPrefix(trimmed, "<!--"):
		return nil
	case strings.HasPrefix(trimmed, "---"):
		return p.blockHeader(trimmed)
	case strings.HasPrefix(trimmed, "~"):
		return p.transform(trimmed)
	case strings.HasPrefix(trimmed, "&"):
		label := strings.ToUpper(strings.Fields(verbComment(trimmed))[0])
		p.synset = label
		p.block = nil
		if _, ok := p.d.Synsets[label]; !ok {
			p.d.Synsets[label] = nil
		}
		return nil
	case strings.HasPrefix(trimmed, "+") && p.synset != "" && p.block == nil:
		return p.synsetMember(trimmed)
	case strings.HasPrefix(trimmed, "-"):
		return p.pattern(raw)
	case strings.HasPrefix(trimmed, "*") && strings.Contains(trimmed, "["):
		// A pattern that lost its leading "-" (PETR.Validate.verbs.2.0.txt
		// has one): read it as the pattern it plainly is, and say so.
		p.d.Warnings = append(p.d.Warnings, p.errorf(raw, "pattern without its leading - (read as a pattern)").(*LineError))
		return p.pattern(raw)
	default:
		return p.verb(trimmed)
	}
}

func (p *verbParser) finish() error {
	for _, b := range p.d.Blocks {
		for _, pat := range b.Patterns {
			for _, el := range append(append([]Elem{}, pat.Pre...), pat.Post...) {
				for _, w := range el.Words {
					if w.Synset != "" {
						if _, ok := p.d.Synsets[w.Synset]; !ok {
							p.d.Warnings = append(p.d.Warnings, &LineError{File: p.name, Line: refLine(pat.Ref), Text: pat.Raw, Msg: "undefined synonym set " + w.Synset + " (the pattern never matches)"})
						}
					}
				}
			}
		}
	}
	return nil
}

func refLine(ref string) int {
	i := strings.LastIndexByte(ref, ':')
	n := 0
	for _, c := range ref[i+1:] {
		n = n*10 + int(c-'0')
	}
	return n
}

// synsetMember reads "+PHRASE" or "+&OTHER" inside a synonym set.
func (p *verbParser) synsetMember(s string) error {
	body := verbComment(s[1:])
	if body == "" {
		return p.errorf(s, "empty synonym")
	}
	body = strings.ToUpper(body)
	if strings.HasPrefix(body, "&") {
		inner, ok := p.d.Synsets[body]
		if !ok {
			return p.errorf(s, "synonym set %s used before it is defined", body)
		}
		p.d.Synsets[p.synset] = append(p.d.Synsets[p.synset], inner...)
		return nil
	}
	body = strings.Trim(body, "()")
	noPlural := strings.HasSuffix(body, "_") || strings.HasSuffix(p.synset, "_")
	words := splitPhrase(body)
	if len(words) == 0 {
		return p.errorf(s, "empty synonym")
	}
	p.d.Synsets[p.synset] = append(p.d.Synsets[p.synset], words)
	if !noPlural {
		pl := append([]string{}, words...)
		pl[len(pl)-1] = plural(pl[len(pl)-1])
		p.d.Synsets[p.synset] = append(p.d.Synsets[p.synset], pl)
	}
	return nil
}

// splitPhrase splits a phrase on blanks and underscores, dropping empties.
func splitPhrase(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '\t' })
}

// plural forms the regular plural of an uppercase noun.
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "Y") && len(w) > 1 && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "SS"), strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"), strings.HasSuffix(w, "X"):
		return w + "ES"
	default:
		return w + "S"
	}
}

// blockHeader reads "--- NAME [CODE] ---".
func (p *verbParser) blockHeader(s string) error {
	body := strings.TrimSpace(strings.Trim(verbComment(s), "-"))
	if p.section == "" {
		p.section = "verbs"
	}
	b := &VerbBlock{Code: "---", Ref: p.ref()}
	if i := strings.IndexByte(body, '['); i >= 0 {
		j := strings.IndexByte(body[i:], ']')
		if j < 0 {
			return p.errorf(s, "unclosed [ in block header")
		}
		b.Code = strings.TrimSpace(body[i+1 : i+j])
		body = body[:i]
	}
	b.Name = strings.ToUpper(strings.TrimSpace(body))
	p.d.Blocks = append(p.d.Blocks, b)
	p.block = b
	p.synset = ""
	return nil
}

// verb reads a verb line: "WORD", "WORD {FORMS}", "+CORDON_OFF {…} [CODE]".
func (p *verbParser) verb(s string) error {
	if p.block == nil {
		return p.errorf(s, "verb outside a verb block")
	}
	body := strings.ToUpper(verbComment(s))
	code := p.block.Code
	if i := strings.IndexByte(body, '['); i >= 0 {
		j := strings.IndexByte(body[i:], ']')
		if j < 0 {
			return p.errorf(s, "unclosed [")
		}
		code = strings.TrimSpace(body[i+1 : i+j])
		body = strings.TrimSpace(body[:i] + body[i+j+1:])
	}
	var forms []string
	explicit := false
	if i := strings.IndexByte(body, '{'); i >= 0 {
		j := strings.IndexByte(body, '}')
		if j < i {
			return p.errorf(s, "unclosed {")
		}
		forms = strings.Fields(body[i+1 : j])
		explicit = true
		body = strings.TrimSpace(body[:i] + body[j+1:])
	}
	if strings.ContainsAny(body, " \t") || body == "" {
		return p.errorf(s, "a verb must be one word or words joined by _")
	}
	pre, word, post, err := splitVerb(body)
	if err != nil {
		return p.errorf(s, "%v", err)
	}
	v := &Verb{Word: word, Pre: pre, Post: post, Code: code, Block: p.block, Ref: p.ref()}
	v.Forms = []string{word}
	if explicit {
		for _, f := range forms {
			_, fw, _, err := splitVerb(f)
			if err != nil {
				return p.errorf(s, "form %q: %v", f, err)
			}
			v.Forms = append(v.Forms, fw)
		}
		// A multi-word verb with no forms given ("+ANGERED_BY {}") only
		// matches as written; a one-word irregular verb still gets its
		// regular forms where the file lists only some.
	} else {
		v.Forms = append(v.Forms, verbForms(word)...)
	}
	p.block.Verbs = append(p.block.Verbs, v)
	seen := map[string]bool{}
	for _, f := range v.Forms {
		if seen[f] {
			continue
		}
		seen[f] = true
		p.d.forms[f] = append(p.d.forms[f], v)
	}
	return nil
}

// splitVerb splits "WIRE_+TAP" into [WIRE], TAP, [] and "+CORDON_OFF" into
// [], CORDON, [OFF]. A word without "+" is the verb itself.
func splitVerb(s string) (pre []string, word string, post []string, err error) {
	parts := strings.Split(s, "_")
	at := -1
	for i, w := range parts {
		if strings.HasPrefix(w, "+") {
			if at >= 0 {
				return nil, "", nil, fmt.Errorf("two verb words marked with +")
			}
			at = i
			parts[i] = w[1:]
		}
	}
	if at < 0 {
		if len(parts) > 1 {
			at = 0 // "BEEF_UP" style without a marker: the first word is the verb
		} else {
			at = 0
		}
	}
	for _, w := range parts {
		if w == "" {
			return nil, "", nil, fmt.Errorf("empty word")
		}
	}
	return parts[:at], parts[at], parts[at+1:], nil
}

// verbForms returns the regular inflections of an uppercase English verb.
func verbForms(w string) []string {
	if w == "" {
		return nil
	}
	last := w[len(w)-1]
	vowel := func(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
	switch {
	case last == 'E':
		stem := w[:len(w)-1]
		if strings.HasSuffix(w, "EE") {
			stem = w
		}
		return []string{w + "S", w + "D", stem + "ING"}
	case last == 'Y' && len(w) > 1 && !vowel(w[len(w)-2]):
		stem := w[:len(w)-1]
		return []string{stem + "IES", stem + "IED", w + "ING"}
	case strings.HasSuffix(w, "SS"), strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"), last == 'X', last == 'Z', last == 'O':
		return []string{w + "ES", w + "ED", w + "ING"}
	default:
		forms := []string{w + "S", w + "ED", w + "ING"}
		// Consonant doubling for short verbs ending consonant-vowel-consonant
		// ("STOP" → "STOPPED"): add the doubled forms too.
		if n := len(w); n >= 3 && !vowel(last) && vowel(w[n-2]) && !vowel(w[n-3]) && strings.IndexByte("WXY", last) < 0 {
			forms = append(forms, w+string(last)+"ED", w+string(last)+"ING")
		}
		return forms
	}
}

// pattern reads "- PRE * POST [CODE] # comment".
func (p *verbParser) pattern(raw string) error {
	if p.block == nil {
		return p.errorf(raw, "pattern outside a verb block")
	}
	s := strings.TrimSpace(stripHash(raw))
	s = strings.TrimSpace(strings.TrimPrefix(s, "-"))
	open := strings.LastIndexByte(s, '[')
	if open < 0 {
		return p.errorf(raw, "pattern has no [code]")
	}
	end := strings.IndexByte(s[open:], ']')
	if end < 0 {
		return p.errorf(raw, "unclosed [ in pattern code")
	}
	code := strings.TrimSpace(s[open+1 : open+end])
	body := strings.TrimSpace(s[:open])
	pat := &Pattern{Raw: body, Ref: p.ref(), Block: p.block}
	if i := strings.IndexByte(code, ':'); i >= 0 {
		pat.Code, pat.Paired = strings.TrimSpace(code[:i]), strings.TrimSpace(code[i+1:])
	} else {
		pat.Code = code
	}
	if strings.Count(body, "*") != 1 {
		return p.errorf(raw, "pattern must contain exactly one *")
	}
	star := strings.IndexByte(body, '*')
	var err error
	if pat.Pre, err = parseElems(strings.ToUpper(body[:star])); err != nil {
		return p.errorf(raw, "%v", err)
	}
	if pat.Post, err = parseElems(strings.ToUpper(body[star+1:])); err != nil {
		return p.errorf(raw, "%v", err)
	}
	p.block.Patterns = append(p.block.Patterns, pat)
	return nil
}

// parseElems parses one side of a pattern into elements.
func parseElems(s string) ([]Elem, error) {
	var out []Elem
	toks, err := patternTokens(s)
	if err != nil {
		return nil, err
	}
	for _, t := range toks {
		switch {
		case t == "$":
			out = append(out, Elem{Kind: ElemSource})
		case t == "+":
			out = append(out, Elem{Kind: ElemTarget})
		case t == "%":
			out = append(out, Elem{Kind: ElemCompound})
		case t == "^":
			out = append(out, Elem{Kind: ElemSkip})
		case strings.HasPrefix(t, "("):
			inner, err := patternTokens(t[1 : len(t)-1])
			if err != nil {
				return nil, err
			}
			if len(inner) == 0 {
				return nil, fmt.Errorf("empty ()")
			}
			el := Elem{Kind: ElemPrep, Prep: strings.Split(inner[0], "/"), Inner: -1}
			for _, it := range inner[1:] {
				switch it {
				case "$":
					el.Inner = ElemSource
				case "+":
					el.Inner = ElemTarget
				case "%":
					el.Inner = ElemCompound
				case "^":
					el.Inner = ElemSkip
				default:
					el.Words = append(el.Words, phraseWords(it)...)
				}
			}
			out = append(out, el)
		default:
			out = append(out, Elem{Kind: ElemNoun, Words: phraseWords(t)})
		}
	}
	return out, nil
}

// phraseWords turns "{FINANCIAL AID}", "AID", "&WEAPON" or "REAL_PLEASANT"
// into pattern words.
func phraseWords(t string) []Word {
	t = strings.Trim(t, "{}")
	var ws []Word
	for _, f := range splitPhrase(t) {
		if strings.HasPrefix(f, "&") {
			ws = append(ws, Word{Synset: f})
			continue
		}
		ws = append(ws, Word{Alts: strings.Split(f, "/")})
	}
	return ws
}

// patternTokens splits a pattern side into tokens, keeping {…} and (…)
// groups whole.
func patternTokens(s string) ([]string, error) {
	var toks []string
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '{' || c == '(':
			closer := byte('}')
			if c == '(' {
				closer = ')'
			}
			depth := 0
			j := i
			for ; j < len(s); j++ {
				if s[j] == c {
					depth++
				} else if s[j] == closer {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j >= len(s) {
				return nil, fmt.Errorf("unbalanced %c", c)
			}
			toks = append(toks, s[i:j+1])
			i = j + 1
		case c == '}' || c == ')':
			return nil, fmt.Errorf("unbalanced %c", c)
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '{' && s[j] != '(' {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	return toks, nil
}

// transform reads "~ a (a b ATTACK) SAY = a b 015".
func (p *verbParser) transform(s string) error {
	body := strings.TrimSpace(strings.TrimPrefix(verbComment(s), "~"))
	lhs, rhs, ok := strings.Cut(body, "=")
	if !ok {
		return p.errorf(s, "transformation has no =")
	}
	open, closeAt := strings.IndexByte(lhs, '('), strings.IndexByte(lhs, ')')
	if open < 0 || closeAt < open {
		return p.errorf(s, "transformation needs (source target verb)")
	}
	before := strings.Fields(lhs[:open])
	inner := strings.Fields(lhs[open+1 : closeAt])
	after := strings.Fields(lhs[closeAt+1:])
	out := strings.Fields(rhs)
	if len(before) != 1 || len(inner) != 3 || len(after) != 1 || len(out) != 3 {
		return p.errorf(s, "transformation must read: a (a b VERB) VERB = a b CODE")
	}
	p.d.Transforms = append(p.d.Transforms, &Transform{
		Raw: body, Ref: p.ref(),
		Upper: before[0], LowerSrc: inner[0], LowerTgt: inner[1], LowerVerb: strings.ToUpper(inner[2]),
		UpperVerb: strings.ToUpper(after[0]), OutSrc: out[0], OutTgt: out[1], OutCode: out[2],
	})
	return nil
}

package dict

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Agents is an agent dictionary: phrases such as "FOREIGN MINISTER" that
// add a role code to an actor's country code. Several files can be read
// into one Agents.
type Agents struct {
	// Warnings lists lines that were read but not exactly as written: a
	// duplicated phrase (ignored), a phrase without a code, text after the
	// code (ignored), a line read as Latin-1.
	Warnings []*LineError

	index *wordIndex[AgentEntry]
	n     int
}

// AgentEntry is one phrase of the agent dictionary.
type AgentEntry struct {
	Phrase string // the phrase as matched, words joined by spaces
	Code   string // the agent code without "~", e.g. "GOVFRM"; "" if none
	// Prefix is true for "CODE~" codes, which go before the country code
	// (e.g. NGO~), and false for the usual "~CODE", which go after it.
	Prefix bool
	Ref    string // "file:line" of the line the phrase comes from

	auto bool // an automatic plural, which a written phrase replaces
}

// NewAgents returns an empty agent dictionary.
func NewAgents() *Agents {
	return &Agents{index: newWordIndex[AgentEntry]()}
}

// Len returns the number of phrases in the dictionary, counting generated
// plurals and substitution-set expansions.
func (a *Agents) Len() int { return a.n }

// Match returns the entry whose phrase is the longest match at the start of
// words, and the number of words it covers; nil, 0 if none. Words are
// matched whole, as uppercase tokens.
func (a *Agents) Match(words []string) (*AgentEntry, int) {
	return a.index.longest(words)
}

// maxExpansions bounds the phrases one dictionary line can expand to.
const maxExpansions = 1024

// Read adds an agent dictionary file to a. name is used in errors and in
// the Ref of entries. Substitution sets ("!PERSON! = MAN, MEN") are known
// from their definition to the end of the file. A malformed line stops the
// reading with a *LineError; the entries read before it stay in a.
func (a *Agents) Read(r io.Reader, name string) error {
	lr, err := newLineReader(r, name)
	if err != nil {
		return err
	}
	p := agentParser{a: a, lr: lr, sets: map[string][]string{}}
	a.index.grow(len(lr.data) / 8) // Phoenix.agents.txt: about one node per 9 bytes
	for lr.next() {
		if lr.latin1 {
			p.warnf("not valid UTF-8: read as Latin-1")
		}
		if err := p.parseLine(); err != nil {
			return err
		}
	}
	return nil
}

type agentParser struct {
	a     *Agents
	lr    *lineReader
	sets  map[string][]string // substitution sets by name, without the "!"
	words []string            // scratch
}

func (p *agentParser) warnf(format string, args ...any) {
	p.a.Warnings = append(p.a.Warnings, p.lr.errorf(format, args...))
}

func (p *agentParser) parseLine() error {
	t := strings.TrimSpace(p.lr.text)
	if t == "" || t[0] == '#' || t[0] == '<' {
		return nil
	}
	body := strings.TrimSpace(cutComment(t, "#"))
	if body == "" {
		return nil
	}
	if body[0] == '!' {
		if j := strings.IndexByte(body[1:], '!'); j >= 0 {
			if rest := strings.TrimSpace(body[j+2:]); strings.HasPrefix(rest, "=") {
				return p.defineSet(body[1:j+1], rest[1:])
			}
		}
	}

	phrase, rest := body, ""
	if i := strings.IndexAny(body, "{["); i >= 0 {
		phrase, rest = body[:i], body[i:]
	}
	if strings.ContainsAny(phrase, "]}") {
		return p.lr.errorf("unbalanced brackets")
	}
	var plural string
	explicit, noPlural := false, false
	if strings.HasPrefix(rest, "{") {
		end := strings.IndexByte(rest, '}')
		if end < 0 {
			return p.lr.errorf("unbalanced braces: { without }")
		}
		in := rest[1:end]
		if strings.ContainsAny(in, "{[]") {
			return p.lr.errorf("unbalanced braces")
		}
		plural = strings.TrimSpace(in)
		explicit, noPlural = plural != "", plural == ""
		rest = strings.TrimSpace(rest[end+1:])
	}
	code, prefix, hasCode := "", false, false
	if strings.HasPrefix(rest, "[") {
		// "[~LEG}" closes with a brace in the docs and in Phoenix.agents.txt.
		end := strings.IndexAny(rest, "]}")
		if end < 0 {
			return p.lr.errorf("unbalanced brackets: [ without ]")
		}
		var err error
		if code, prefix, err = p.code(rest[1:end]); err != nil {
			return err
		}
		hasCode = true
		rest = strings.TrimSpace(rest[end+1:])
	}
	if rest != "" {
		if strings.ContainsAny(rest, "{}[]") {
			return p.lr.errorf("unbalanced brackets or braces after the code")
		}
		p.warnf("text %q after the code ignored", rest)
	}
	if !hasCode {
		p.warnf("no agent code: read with an empty code")
	}

	up := strings.ToUpper(strings.TrimSpace(phrase))
	plural = strings.ToUpper(plural)
	if strings.IndexByte(up, '!') >= 0 || strings.IndexByte(plural, '!') >= 0 {
		// Substitution markers: every member of the set, no plurals.
		phrases, err := p.expand(up)
		if err != nil {
			return err
		}
		if explicit {
			more, err := p.expand(plural)
			if err != nil {
				return err
			}
			phrases = append(phrases, more...)
		}
		for _, ph := range phrases {
			if err := p.add(ph, code, prefix, false); err != nil {
				return err
			}
		}
		return nil
	}
	if err := p.add(up, code, prefix, false); err != nil {
		return err
	}
	switch {
	case explicit:
		return p.add(plural, code, prefix, false)
	case noPlural || strings.HasSuffix(up, "_"):
		return nil
	}
	words := dictWords(nil, up)
	if len(words) == 0 {
		return nil
	}
	last := words[len(words)-1]
	pl := agentPlural(last)
	if pl == "" {
		return nil
	}
	words[len(words)-1] = pl
	p.addWords(words, code, prefix, true)
	return nil
}

// code reads the inside of "[~CODE]" or "[CODE~]".
func (p *agentParser) code(in string) (code string, prefix bool, err error) {
	c := strings.TrimSpace(in)
	switch {
	case strings.HasPrefix(c, "~"):
		c = c[1:]
	case strings.HasSuffix(c, "~"):
		c, prefix = c[:len(c)-1], true
	default:
		return "", false, p.lr.errorf("agent code %q needs ~ before or after it", c)
	}
	c = strings.TrimSpace(c)
	if c == "" || strings.ContainsAny(c, "~ \t{}[]") {
		return "", false, p.lr.errorf("bad agent code %q", in)
	}
	return strings.ToUpper(c), prefix, nil
}

// defineSet reads "!NAME! = A, B, C".
func (p *agentParser) defineSet(name, list string) error {
	name = strings.ToUpper(strings.TrimSpace(name))
	if name == "" {
		return p.lr.errorf("empty substitution set name")
	}
	if _, ok := p.sets[name]; ok {
		return p.lr.errorf("substitution set !%s! defined twice", name)
	}
	var members []string
	for _, m := range strings.Split(list, ",") {
		m = strings.ToUpper(strings.Join(strings.Fields(m), ""))
		if m == "" {
			return p.lr.errorf("empty member in substitution set !%s!", name)
		}
		if strings.ContainsAny(m, "!{}[]~") {
			return p.lr.errorf("bad member %q in substitution set !%s!", m, name)
		}
		members = append(members, m)
	}
	p.sets[name] = members
	return nil
}

// expand replaces every substitution marker of s by every member of its
// set.
func (p *agentParser) expand(s string) ([]string, error) {
	out := []string{""}
	for {
		i := strings.IndexByte(s, '!')
		if i < 0 {
			for k := range out {
				out[k] += s
			}
			return out, nil
		}
		j := strings.IndexByte(s[i+1:], '!')
		if j < 0 {
			return nil, p.lr.errorf("unterminated substitution marker")
		}
		name := s[i+1 : i+1+j]
		members, ok := p.sets[name]
		if !ok {
			return nil, p.lr.errorf("undefined substitution set !%s!", name)
		}
		if len(out)*len(members) > maxExpansions {
			return nil, p.lr.errorf("more than %d phrases from substitution sets", maxExpansions)
		}
		next := make([]string, 0, len(out)*len(members))
		for _, o := range out {
			for _, m := range members {
				next = append(next, o+s[:i]+m)
			}
		}
		out = next
		s = s[i+1+j+1:]
	}
}

func (p *agentParser) add(phrase, code string, prefix, auto bool) error {
	p.words = dictWords(p.words[:0], phrase)
	words := p.words
	if len(words) == 0 {
		return p.lr.errorf("empty phrase")
	}
	p.addWords(words, code, prefix, auto)
	return nil
}

// addWords adds a phrase. A phrase already in the dictionary keeps its
// first definition, except that a written phrase replaces an automatic
// plural.
func (p *agentParser) addWords(words []string, code string, prefix, auto bool) {
	slot := p.a.index.slot(words)
	old := *slot
	switch {
	case old == nil:
		p.a.n++
	case old.auto && !auto:
	case !auto:
		p.warnf("duplicate phrase %q ignored: first defined at %s", old.Phrase, old.Ref)
		return
	default:
		return
	}
	*slot = &AgentEntry{Phrase: strings.Join(words, " "), Code: code, Prefix: prefix, Ref: p.lr.ref(), auto: auto}
}

// agentPlural returns the regular plural of an uppercase noun as the
// PETRARCH documentation defines it — add S, Y becomes IES, SS becomes
// SSES — except that a vowel before the Y keeps it (ENVOYS, not ENVOIES),
// and a word ending in a single S (mostly a plural already) or in
// something other than a letter gets none ("").
func agentPlural(w string) string {
	last, size := utf8.DecodeLastRuneInString(w)
	if !unicode.IsLetter(last) {
		return ""
	}
	switch {
	case strings.HasSuffix(w, "SS"):
		return w + "ES"
	case last == 'S':
		return ""
	case last == 'Y':
		if prev, _ := utf8.DecodeLastRuneInString(w[:len(w)-size]); prev != utf8.RuneError && !strings.ContainsRune("AEIOU", prev) {
			return w[:len(w)-size] + "IES"
		}
	}
	return w + "S"
}

package dict

import (
	"io"
	"strings"
	"time"
)

// Actors is an actor dictionary: phrases that name actors, each with a
// default code and date-restricted codes. Several files can be read into
// one Actors; a phrase keeps its first definition.
type Actors struct {
	// Warnings lists lines that were read but not exactly as written: a
	// duplicated phrase (ignored), a second default code in a record
	// (ignored), text after the codes (ignored), a known typo (corrected),
	// a line read as Latin-1.
	Warnings []*LineError

	index *wordIndex[ActorEntry]
	n     int
	// Entries and date restrictions are allocated in chunks.
	entries []ActorEntry
	dated   []DatedCode
}

// actorChunk is the number of entries or restrictions allocated at once.
const actorChunk = 1024

// ActorEntry is one phrase of the actor dictionary. The primary phrase of a
// record and its synonyms each have an entry; they share the record's Root,
// Code and Dated.
type ActorEntry struct {
	Phrase string      // the phrase as matched, words joined by spaces
	Root   string      // the primary phrase of its record
	Code   string      // the default code ("" if none)
	Dated  []DatedCode // date restrictions in file order; shared, read-only
	Ref    string      // "file:line" of the phrase

	open bool // its record is still being read
}

// DatedCode is a code that applies between two dates. A zero From or To
// leaves that end open; both bounds are inclusive.
type DatedCode struct {
	Code     string
	From, To time.Time // midnight UTC of the first and last day
}

// Contains reports whether the calendar day of t (in t's location) lies
// within d's range.
func (d DatedCode) Contains(t time.Time) bool {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return (d.From.IsZero() || !day.Before(d.From)) && (d.To.IsZero() || !day.After(d.To))
}

// CodeAt returns the code of the first date restriction whose range
// contains t, or the default Code when none does.
func (e *ActorEntry) CodeAt(t time.Time) string {
	for _, d := range e.Dated {
		if d.Contains(t) {
			return d.Code
		}
	}
	return e.Code
}

// NewActors returns an empty actor dictionary.
func NewActors() *Actors {
	return &Actors{index: newWordIndex[ActorEntry]()}
}

// Len returns the number of phrases in the dictionary.
func (a *Actors) Len() int { return a.n }

// Match returns the entry whose phrase is the longest match at the start of
// words, and the number of words it covers; nil, 0 if none. Words are
// matched whole, as uppercase tokens.
func (a *Actors) Match(words []string) (*ActorEntry, int) {
	return a.index.longest(words)
}

// Read adds an actor dictionary file to a. name is used in errors and in
// the Ref of entries. A malformed line stops the reading with a *LineError;
// the entries read before it stay in a.
func (a *Actors) Read(r io.Reader, name string) error {
	lr, err := newLineReader(r, name)
	if err != nil {
		return err
	}
	p := actorParser{a: a, lr: lr}
	defer p.closeRecord()
	a.index.grow(len(lr.data) / 32) // Phoenix files: about one node per 32 bytes
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

// actorRecord is the record being read: a primary phrase, its synonyms and
// its codes.
type actorRecord struct {
	root    string
	entries []*ActorEntry
	code    string
	hasCode bool
	dated   []DatedCode
}

type actorParser struct {
	a     *Actors
	lr    *lineReader
	rec   *actorRecord // the open record, or nil
	store actorRecord  // what rec points to, reused
	words []string     // scratch
}

func (p *actorParser) warnf(format string, args ...any) {
	p.a.Warnings = append(p.a.Warnings, p.lr.errorf(format, args...))
}

func (p *actorParser) parseLine() error {
	t := strings.TrimLeft(p.lr.text, " \t")
	if t == "" || t[0] == '#' || t[0] == '<' {
		return nil
	}
	body := strings.TrimRight(cutComment(t, "#;"), " \t")
	if fix, ok := actorErrata[body]; ok {
		p.warnf("known typo: read as %q", fix)
		body = fix
	}
	switch {
	case body == "":
		return nil
	case body[0] == '[':
		if p.rec == nil {
			return p.lr.errorf("date restriction before any record")
		}
		return p.codes(body)
	case body[0] == '+':
		if p.rec == nil {
			return p.lr.errorf("synonym before any record")
		}
		phrase := body[1:]
		if strings.ContainsAny(phrase, "[]") {
			return p.lr.errorf("code on a synonym line (synonyms take their record's codes)")
		}
		p.words = dictWords(p.words[:0], strings.ToUpper(phrase))
		if len(p.words) == 0 {
			return p.lr.errorf("empty synonym")
		}
		p.addPhrase(p.words)
		return nil
	}
	p.closeRecord()
	phrase, codes := body, ""
	if i := strings.IndexByte(body, '['); i >= 0 {
		phrase, codes = body[:i], body[i:]
	}
	if strings.IndexByte(phrase, ']') >= 0 {
		return p.lr.errorf("unbalanced brackets: ] without [")
	}
	p.words = dictWords(p.words[:0], strings.ToUpper(phrase))
	if len(p.words) == 0 {
		return p.lr.errorf("missing phrase")
	}
	p.store = actorRecord{entries: p.store.entries[:0], dated: p.store.dated[:0]}
	p.rec = &p.store
	if err := p.codes(codes); err != nil {
		p.rec = nil
		return err
	}
	p.addPhrase(p.words)
	return nil
}

// addPhrase adds a phrase of the current record. A phrase that is already
// in the dictionary keeps its first definition, unless that one has no
// code at all.
func (p *actorParser) addPhrase(words []string) {
	slot := p.a.index.slot(words)
	old := *slot
	switch {
	case old == nil:
		p.a.n++
	case old.open || old.Code != "" || len(old.Dated) > 0:
		p.warnf("duplicate phrase %q ignored: first defined at %s", old.Phrase, old.Ref)
		return
	default:
		p.warnf("phrase %q replaces its definition without codes at %s", old.Phrase, old.Ref)
	}
	phrase := strings.Join(words, " ")
	if p.rec.root == "" {
		p.rec.root = phrase
	}
	if len(p.a.entries) == cap(p.a.entries) {
		p.a.entries = make([]ActorEntry, 0, actorChunk)
	}
	p.a.entries = append(p.a.entries, ActorEntry{Phrase: phrase, Root: p.rec.root, Ref: p.lr.ref(), open: true})
	e := &p.a.entries[len(p.a.entries)-1]
	*slot = e
	p.rec.entries = append(p.rec.entries, e)
}

// closeRecord gives the entries of the current record its codes.
func (p *actorParser) closeRecord() {
	r := p.rec
	if r == nil {
		return
	}
	var dated []DatedCode
	if n := len(r.dated); n > 0 {
		if cap(p.a.dated)-len(p.a.dated) < n {
			p.a.dated = make([]DatedCode, 0, max(n, actorChunk))
		}
		start := len(p.a.dated)
		p.a.dated = append(p.a.dated, r.dated...)
		dated = p.a.dated[start : start+n : start+n]
	}
	for _, e := range r.entries {
		e.Code = r.code
		e.Dated = dated
		e.open = false
	}
	p.rec = nil
}

// codes reads a sequence of "[CODE]" and "[CODE DATES]" groups.
func (p *actorParser) codes(s string) error {
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil
		}
		if s[0] != '[' {
			if strings.ContainsAny(s, "[]") {
				return p.lr.errorf("unbalanced brackets")
			}
			p.warnf("text after the codes ignored: %q", s)
			return nil
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return p.lr.errorf("unbalanced brackets: [ without ]")
		}
		in := s[1:end]
		if strings.IndexByte(in, '[') >= 0 {
			return p.lr.errorf("unbalanced brackets: [ inside [...]")
		}
		if err := p.restriction(in); err != nil {
			return err
		}
		s = s[end+1:]
	}
}

// restriction reads the inside of one bracket group: "CODE", "CODE >DATE",
// "CODE <DATE" or "CODE DATE-DATE".
func (p *actorParser) restriction(in string) error {
	in = strings.TrimSpace(in)
	code, spec := in, ""
	if i := strings.IndexAny(in, " \t"); i >= 0 {
		code, spec = in[:i], in[i:]
	}
	if code == "" {
		return p.lr.errorf("empty code")
	}
	if c := code[0]; '0' <= c && c <= '9' || c == '<' || c == '>' {
		return p.lr.errorf("missing code before the date")
	}
	code = strings.ToUpper(code)
	spec = strings.TrimSpace(spec)
	if strings.ContainsAny(spec, " \t") { // "< 950601", "19950601 - 19990815"
		spec = strings.Join(strings.Fields(spec), "")
	}
	if spec == "" {
		switch {
		case !p.rec.hasCode:
			p.rec.code, p.rec.hasCode = code, true
		case p.rec.code != code:
			p.warnf("second default code %s ignored: the record's default is %s", code, p.rec.code)
		}
		return nil
	}
	d := DatedCode{Code: code}
	var err error
	switch {
	case spec[0] == '>':
		d.From, err = p.date(spec[1:])
	case spec[0] == '<':
		d.To, err = p.date(spec[1:])
	default:
		from, to, isRange := strings.Cut(spec, "-")
		if !isRange {
			return p.lr.errorf("date %q needs <, > or a range", spec)
		}
		if d.From, err = p.date(from); err != nil {
			break
		}
		if d.To, err = p.date(to); err == nil && d.To.Before(d.From) {
			return p.lr.errorf("inverted date range %s", spec)
		}
	}
	if err != nil {
		return err
	}
	p.rec.dated = append(p.rec.dated, d)
	return nil
}

// twoDigitPivot splits two-digit years: 00–29 are 2000–2029, 30–99 are
// 1930–1999.
const twoDigitPivot = 30

// actorErrata are the malformed lines of the Phoenix actor files (as
// written, without comments and surrounding blanks), with what they stand
// for. They are read as corrected, with a warning; see doc.go.
var actorErrata = map[string]string{
	// Phoenix.Countries.actors.txt
	"+FAEROYENE]_":                    "+FAEROYENE_",
	"[ARMUNR 9008223-911221]":         "[ARMUNR 900823-911221]",        // Armenia independent 23 Aug 1990
	"[GBRGOV >201005011]":             "[GBRGOV >20100511]",            // David Cameron PM from 11 May 2010
	"[IRQOCC 1920030320-20060520]":    "[IRQOCC 20030320-20060520]",    // "19" before an 8-digit date
	"[SDNSSDAUT 1920050709-20110709]": "[SDNSSDAUT 20050709-20110709]", // "19" before an 8-digit date
	"[EGYGOV 20121207-20120802]":      "[EGYGOV 20111207-20120802]",    // Kamal Ganzouri PM 7 Dec 2011 – 2 Aug 2012
	"[MNEGOV 20121204]":               "[MNEGOV >20121204]",            // Milo Djukanovic PM again from 4 Dec 2012
	"[USAGOV 19820101]":               "[USAGOV >19820101]",            // "entered Foreign Service"
	// Phoenix.International.actors.txt
	"[KORGOVBUS 2004017-20061201]": "[KORGOVBUS 20040117-20061201]", // Ban Ki-moon foreign minister from 17 Jan 2004
}

// date parses a YYMMDD or YYYYMMDD date.
func (p *actorParser) date(s string) (time.Time, error) {
	if len(s) != 6 && len(s) != 8 {
		return time.Time{}, p.lr.errorf("bad date %q: want YYMMDD or YYYYMMDD", s)
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return time.Time{}, p.lr.errorf("bad date %q: want YYMMDD or YYYYMMDD", s)
		}
		n = n*10 + int(c-'0')
	}
	y, m, d := n/10000, n/100%100, n%100
	if len(s) == 6 {
		if y < twoDigitPivot {
			y += 2000
		} else {
			y += 1900
		}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1000 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, p.lr.errorf("bad date %q: no such day", s)
	}
	return t, nil
}

package dict

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// This file reads dyad's native dictionary format (docs/DICTIONARIES.md)
// for actors, agents and verbs. A native file is translated, line by line,
// into the PETRARCH format in memory and handed to the PETRARCH reader of
// its kind, so both formats build the same values and obey the same rules;
// the references of the entries ("file:line") and the errors name the
// native file and line.

// nativeSuffix is appended to a native file's name while its translation
// is read, so that the references made then can be told apart and mapped
// back to native lines.
const nativeSuffix = "\x00native"

// translation is a native file turned into PETRARCH text.
type translation struct {
	name  string
	out   strings.Builder
	lines []int    // PETRARCH line i+1 comes from native line lines[i]
	texts []string // native lines, for errors
}

// emit adds one PETRARCH line made from native line n.
func (t *translation) emit(n int, s string) {
	t.out.WriteString(s)
	t.out.WriteByte('\n')
	t.lines = append(t.lines, n)
}

// native returns the native line number of PETRARCH line n.
func (t *translation) native(n int) int {
	if n >= 1 && n <= len(t.lines) {
		return t.lines[n-1]
	}
	return n
}

// tmpName is the name the PETRARCH reader sees.
func (t *translation) tmpName() string { return t.name + nativeSuffix }

// errorf returns a *LineError for native line n.
func (t *translation) errorf(n int, format string, args ...any) *LineError {
	text := ""
	if n >= 1 && n <= len(t.texts) {
		text = strings.TrimSpace(t.texts[n-1])
	}
	return &LineError{File: t.name, Line: n, Text: text, Msg: fmt.Sprintf(format, args...)}
}

// mapRef turns "name\x00native:N" into "name:M"; other refs are returned
// unchanged. cache holds the refs made so far.
func (t *translation) mapRef(ref string, cache map[string]string) string {
	tmp := t.tmpName() + ":"
	if !strings.HasPrefix(ref, tmp) {
		return ref
	}
	if r, ok := cache[ref]; ok {
		return r
	}
	n, err := strconv.Atoi(ref[len(tmp):])
	if err != nil {
		return ref
	}
	r := t.name + ":" + strconv.Itoa(t.native(n))
	cache[ref] = r
	return r
}

// mapError maps an error of the PETRARCH reader back to the native file.
func (t *translation) mapError(err error) error {
	var le *LineError
	if errors.As(err, &le) && le.File == t.tmpName() {
		n := t.native(le.Line)
		return t.errorf(n, "%s", le.Msg)
	}
	return err
}

// mapWarnings maps warnings from index from on.
func (t *translation) mapWarnings(ws []*LineError, from int) {
	for _, w := range ws[from:] {
		if w.File == t.tmpName() {
			n := t.native(w.Line)
			*w = *t.errorf(n, "%s", w.Msg)
		}
	}
}

// logicalLine is a native line with its continuation lines joined.
type logicalLine struct {
	n    int    // number of its first line
	text string // without comment, trimmed
}

// nativeLines splits a native file into logical lines. A line whose first
// non-blank character is "|" continues the line before it; "#" starts a
// comment, except inside [...] (the discard code "[###]" of PETRARCH verb
// patterns).
func nativeLines(t *translation, r io.Reader) ([]logicalLine, error) {
	lr, err := newLineReader(r, t.name)
	if err != nil {
		return nil, err
	}
	var out []logicalLine
	for lr.next() {
		t.texts = append(t.texts, lr.text)
		s := strings.TrimSpace(stripHash(lr.text))
		if s == "" {
			continue
		}
		if s[0] == '|' {
			if len(out) == 0 {
				return nil, t.errorf(lr.n, "continuation line before any entry")
			}
			out[len(out)-1].text += " " + s
			continue
		}
		out = append(out, logicalLine{n: lr.n, text: s})
	}
	return out, nil
}

// The characters a native phrase cannot hold, by kind: they have a
// meaning in the native or the PETRARCH syntax of that kind.
const (
	badActorChars = "|=#;[]"
	badAgentChars = "|=#;[]{}!~"
	badVerbChars  = "|=#;[]{}<>~!&$%^()*"
)

// nativePhrase checks a native phrase and returns its words in PETRARCH
// form (upper case, joined by "_"), followed by its variants as dyad's
// tokenizer may split it: a final possessive "'S" as a word of its own
// ("PEOPLE'S" is PEOPLE 'S), and a hyphen between letters split off or
// not ("AL-QAEDA" also as AL - QAEDA; "TEHREEK-E-TALIBAN" in all four
// ways, since the tokenizer keeps prefixes such as "e-" whole).
func nativePhrase(s, bad string) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, errors.New("empty phrase")
	}
	if i := strings.IndexAny(s, bad); i >= 0 {
		return nil, fmt.Errorf("phrase %q holds %q", s, s[i])
	}
	if s[0] == '+' || s[0] == '-' || s[0] == '<' {
		return nil, fmt.Errorf("phrase %q starts with %q", s, s[0])
	}
	if !printable(s) {
		return nil, fmt.Errorf("phrase %q holds a control character", s)
	}
	words := strings.Fields(strings.ReplaceAll(strings.ToUpper(s), "_", " "))
	if len(words) == 0 {
		return nil, errors.New("empty phrase")
	}
	out := []string{strings.Join(words, "_")}
	if !strings.ContainsAny(s, "-'’") {
		return out, nil
	}
	variants := [][]string{nil}
	for _, w := range words {
		var next [][]string
		for _, form := range tokenForms(w) {
			for _, v := range variants {
				if len(next) == maxVariants {
					break
				}
				next = append(next, append(append([]string(nil), v...), form...))
			}
		}
		variants = next
	}
	for _, v := range variants {
		if p := strings.Join(v, "_"); !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out, nil
}

// printable reports whether s holds no control character and no U+FFFD
// left by a bad decoding.
func printable(s string) bool {
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// maxVariants bounds the tokenizer variants of one phrase.
const maxVariants = 16

// tokenForms returns the ways dyad's tokenizer may split a word: a final
// possessive "'S" always, a hyphen between two letters or not.
func tokenForms(w string) [][]string {
	poss := ""
	for _, s := range []string{"'S", "’S"} {
		if len(w) > len(s) && strings.HasSuffix(w, s) {
			w, poss = w[:len(w)-len(s)], s
		}
	}
	forms := [][]string{{""}}
	parts := strings.Split(w, "-")
	for i, p := range parts {
		var next [][]string
		for _, f := range forms {
			last := len(f) - 1
			if i == 0 {
				next = append(next, []string{p})
				continue
			}
			inner := p != "" && f[last] != "" && len(next) < maxVariants
			joined := append(append([]string(nil), f[:last]...), f[last]+"-"+p)
			next = append(next, joined)
			if inner {
				next = append(next, append(append([]string(nil), f...), "-", p))
			}
		}
		forms = next
	}
	if poss != "" {
		for i := range forms {
			forms[i] = append(forms[i], poss)
		}
	}
	return forms
}

// splitNames splits "a | b | c" and checks each phrase, returning the
// PETRARCH phrases (with their tokenizer variants), without repeats.
func splitNames(s string, seen map[string]bool) ([]string, error) {
	const bad = badActorChars
	var out []string
	for _, part := range strings.Split(s, "|") {
		if strings.TrimSpace(part) == "" {
			return nil, errors.New("empty phrase between |")
		}
		ps, err := nativePhrase(part, bad)
		if err != nil {
			return nil, err
		}
		for _, x := range ps {
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	return out, nil
}

// checkCode reports whether s can be a code: it may not be empty nor hold
// blanks, control characters or the characters of the native and
// PETRARCH syntax. CAMEO codes are capital letters ("PAKGOV", PETRARCH's
// "---"), but the readers, like PETRARCH's, accept any code as written.
func checkCode(s string) error {
	if s == "" {
		return errors.New("empty code")
	}
	if strings.ContainsAny(s, " \t,=|[]{}#;<>~") || !printable(s) {
		return fmt.Errorf("bad code %q", s)
	}
	if strings.ToUpper(s) != s {
		return fmt.Errorf("bad code %q: want capital letters", s)
	}
	return nil
}

// nativeDate parses an ISO date, YYYY-MM-DD.
func nativeDate(s string) (time.Time, error) {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q: want YYYY-MM-DD", s)
	}
	return d, nil
}

// actorCodes translates "CODE, CODE FROM..TO, ..." into PETRARCH groups.
func actorCodes(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	var b strings.Builder
	hasDefault := false
	for _, item := range strings.Split(s, ",") {
		f := strings.Fields(item)
		if len(f) == 0 || len(f) > 2 {
			return "", fmt.Errorf("bad code %q: want CODE or CODE FROM..TO", strings.TrimSpace(item))
		}
		code := f[0]
		if err := checkCode(code); err != nil {
			return "", err
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if len(f) == 1 {
			if hasDefault {
				return "", fmt.Errorf("second undated code %s", code)
			}
			hasDefault = true
			b.WriteString("[" + code + "]")
			continue
		}
		from, to, ok := strings.Cut(f[1], "..")
		if !ok {
			return "", fmt.Errorf("bad date range %q: want FROM..TO", f[1])
		}
		var fd, td time.Time
		var err error
		if from != "" {
			if fd, err = nativeDate(from); err != nil {
				return "", err
			}
		}
		if to != "" {
			if td, err = nativeDate(to); err != nil {
				return "", err
			}
		}
		switch {
		case from == "" && to == "":
			return "", fmt.Errorf("date range %q has no dates", f[1])
		case from == "":
			fmt.Fprintf(&b, "[%s <%s]", code, td.Format("20060102"))
		case to == "":
			fmt.Fprintf(&b, "[%s >%s]", code, fd.Format("20060102"))
		case td.Before(fd):
			return "", fmt.Errorf("inverted date range %q", f[1])
		default:
			fmt.Fprintf(&b, "[%s %s-%s]", code, fd.Format("20060102"), td.Format("20060102"))
		}
	}
	return b.String(), nil
}

// translateActors turns a native actor file into PETRARCH actor text. A
// line is "CODES = PHRASE | PHRASE ...".
func translateActors(t *translation, r io.Reader) error {
	lines, err := nativeLines(t, r)
	if err != nil {
		return err
	}
	for _, l := range lines {
		codes, names, ok := strings.Cut(l.text, "=")
		if !ok {
			return t.errorf(l.n, "want CODES = PHRASE | PHRASE ...")
		}
		groups, err := actorCodes(codes)
		if err != nil {
			return t.errorf(l.n, "%v", err)
		}
		phrases, err := splitNames(names, map[string]bool{})
		if err != nil {
			return t.errorf(l.n, "%v", err)
		}
		t.emit(l.n, strings.TrimSpace(phrases[0]+" "+groups))
		for _, p := range phrases[1:] {
			t.emit(l.n, "+"+p)
		}
	}
	return nil
}

// translateAgents turns a native agent file into PETRARCH agent text. A
// line is "~CODE = PHRASE | PHRASE {PLURAL} | PHRASE {} ..." ("CODE~" for
// a code that goes before the country).
func translateAgents(t *translation, r io.Reader) error {
	lines, err := nativeLines(t, r)
	if err != nil {
		return err
	}
	for _, l := range lines {
		code, names, ok := strings.Cut(l.text, "=")
		if !ok {
			return t.errorf(l.n, "want ~CODE = PHRASE | PHRASE ...")
		}
		code = strings.TrimSpace(code)
		bare := strings.Trim(code, "~")
		switch {
		case code == "":
			// A phrase without a code, as PETRARCH allows (with a warning).
		case strings.Count(code, "~") != 1 || len(bare) != len(code)-1:
			return t.errorf(l.n, "agent code %q needs one ~ before or after it", code)
		default:
			if err := checkCode(bare); err != nil {
				return t.errorf(l.n, "%v", err)
			}
			code = "[" + code + "]"
		}
		seen := map[string]bool{}
		for _, item := range strings.Split(names, "|") {
			phrase, plural := item, ""
			if i := strings.IndexByte(item, '{'); i >= 0 {
				j := strings.IndexByte(item, '}')
				if j < i || strings.TrimSpace(item[j+1:]) != "" {
					return t.errorf(l.n, "bad plural in %q: want PHRASE {PLURAL}", strings.TrimSpace(item))
				}
				phrase, plural = item[:i], "{}"
				if pl := strings.TrimSpace(item[i+1 : j]); pl != "" {
					ps, err := nativePhrase(pl, badAgentChars)
					if err != nil {
						return t.errorf(l.n, "plural: %v", err)
					}
					plural = "{" + ps[0] + "}"
				}
			}
			if strings.TrimSpace(phrase) == "" {
				return t.errorf(l.n, "empty phrase between |")
			}
			ps, err := nativePhrase(phrase, badAgentChars)
			if err != nil {
				return t.errorf(l.n, "%v", err)
			}
			for k, x := range ps {
				if seen[x] {
					continue
				}
				seen[x] = true
				pl := plural
				if k > 0 && plural != "{}" {
					pl = "" // a variant takes its automatic plural
				}
				t.emit(l.n, strings.TrimSpace(x+" "+pl+" "+code))
			}
		}
	}
	return nil
}

// ReadNative adds a native actor file (docs/DICTIONARIES.md) to a. name is
// used in errors and in the Ref of entries. A malformed line stops the
// reading with a *LineError naming the native file and line.
func (a *Actors) ReadNative(r io.Reader, name string) error {
	t := &translation{name: name}
	if err := translateActors(t, r); err != nil {
		return err
	}
	nw := len(a.Warnings)
	err := a.Read(strings.NewReader(t.out.String()), t.tmpName())
	cache := map[string]string{}
	a.index.each(func(e *ActorEntry) { e.Ref = t.mapRef(e.Ref, cache) })
	t.mapWarnings(a.Warnings, nw)
	return t.mapError(err)
}

// ReadNative adds a native agent file (docs/DICTIONARIES.md) to a. name is
// used in errors and in the Ref of entries. A malformed line stops the
// reading with a *LineError naming the native file and line.
func (a *Agents) ReadNative(r io.Reader, name string) error {
	t := &translation{name: name}
	if err := translateAgents(t, r); err != nil {
		return err
	}
	nw := len(a.Warnings)
	err := a.Read(strings.NewReader(t.out.String()), t.tmpName())
	cache := map[string]string{}
	a.index.each(func(e *AgentEntry) { e.Ref = t.mapRef(e.Ref, cache) })
	t.mapWarnings(a.Warnings, nw)
	return t.mapError(err)
}

// each calls fn for every value in the index, in no particular order.
func (x *wordIndex[T]) each(fn func(*T)) {
	for i := range x.nodes {
		if v := x.nodes[i].val; v != nil {
			fn(v)
		}
	}
}

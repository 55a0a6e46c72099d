package dict

import (
	"fmt"
	"io"
	"strings"
)

// translateVerbs turns a native verb file into PETRARCH verb text:
//
//	&NAME = phrase | phrase ...        a synonym set
//	== CODE NAME                       a verb block ("---" codes nothing)
//	say | state {stated} | call on [020]   verbs of the block
//	- * (ABOUT +) [010]                a pattern, in PETRARCH's syntax
//
// A verb is one or more words; the verb word is the first, or the one
// marked "+" ("wire +tap"). Its inflections are made by the regular rules,
// plus the irregular forms dyad knows (irregularVerbs) and any given in
// braces.
func translateVerbs(t *translation, r io.Reader) error {
	lines, err := nativeLines(t, r)
	if err != nil {
		return err
	}
	inBlock := false
	t.emit(0, "####### SYNONYM SETS #######")
	for _, l := range lines {
		s := l.text
		switch {
		case s[0] == '&':
			label, members, ok := strings.Cut(s, "=")
			label = strings.ToUpper(strings.TrimSpace(label))
			if !ok || len(label) < 2 || strings.ContainsAny(label, " \t") {
				return t.errorf(l.n, "want &NAME = PHRASE | PHRASE ...")
			}
			// A label ending in "_" means members without plurals; the
			// mark goes on each member, since patterns cannot name a
			// label with a final "_" (their words split at "_").
			mark := ""
			if strings.HasSuffix(label, "_") {
				label, mark = strings.TrimRight(label, "_"), "_"
			}
			t.emit(l.n, label)
			for _, m := range strings.Split(members, "|") {
				m = strings.TrimSpace(m)
				if strings.HasPrefix(m, "&") {
					if strings.ContainsAny(m, " \t") {
						return t.errorf(l.n, "bad synonym set reference %q", m)
					}
					t.emit(l.n, "+"+strings.ToUpper(m))
					continue
				}
				ps, err := nativePhrase(m, badVerbChars)
				if err != nil {
					return t.errorf(l.n, "%v", err)
				}
				for _, p := range ps {
					t.emit(l.n, "+"+p+mark)
				}
			}
			inBlock = false
		case strings.HasPrefix(s, "=="):
			f := strings.Fields(s[2:])
			if len(f) < 2 {
				return t.errorf(l.n, "want == CODE NAME")
			}
			if err := verbCode(f[0]); err != nil {
				return t.errorf(l.n, "%v", err)
			}
			if !inBlock {
				t.emit(l.n, "####### VERBS #######")
			}
			t.emit(l.n, fmt.Sprintf("--- %s [%s] ---", strings.ToUpper(strings.Join(f[1:], "_")), f[0]))
			inBlock = true
		case s[0] == '-':
			if !inBlock {
				return t.errorf(l.n, "pattern outside a verb block")
			}
			t.emit(l.n, trimSetMarks(s))
		case s[0] == '~':
			// A verb-verb transformation, in PETRARCH's syntax.
			t.emit(l.n, "####### TRANSFORMATIONS #######")
			t.emit(l.n, s)
			inBlock = false
		default:
			if !inBlock {
				return t.errorf(l.n, "verb outside a verb block (start one with == CODE NAME)")
			}
			for _, item := range strings.Split(s, "|") {
				v, err := nativeVerb(item)
				if err != nil {
					return t.errorf(l.n, "%v", err)
				}
				t.emit(l.n, v)
			}
		}
	}
	return nil
}

// verbCode checks an event code: digits, or "---"; a paired code
// "042:043" adds the code of the reversed event.
func verbCode(c string) error {
	code, paired, isPair := strings.Cut(c, ":")
	if isPair && paired != "" && paired != "---" && !digits(paired) {
		return fmt.Errorf("bad event code %q", c)
	}
	if code == "---" || digits(code) || isPair && code == "" && paired != "" {
		return nil
	}
	return fmt.Errorf("bad event code %q", c)
}

// digits reports whether c is an event code of 2 to 4 digits.
func digits(c string) bool {
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	return true
}

// nativeVerb translates one verb item: "hold talks {held} [043]".
func nativeVerb(item string) (string, error) {
	s := strings.TrimSpace(item)
	code := ""
	if i := strings.IndexByte(s, '['); i >= 0 {
		j := strings.IndexByte(s, ']')
		if j < i || strings.TrimSpace(s[j+1:]) != "" {
			return "", fmt.Errorf("bad code in %q: want VERB [CODE]", s)
		}
		code = strings.TrimSpace(s[i+1 : j])
		if err := verbCode(code); err != nil {
			return "", err
		}
		s = strings.TrimSpace(s[:i])
	}
	var given []string
	if i := strings.IndexByte(s, '{'); i >= 0 {
		j := strings.IndexByte(s, '}')
		if j < i || strings.TrimSpace(s[j+1:]) != "" {
			return "", fmt.Errorf("bad forms in %q: want VERB {FORMS}", s)
		}
		given = strings.Fields(strings.ToUpper(s[i+1 : j]))
		s = strings.TrimSpace(s[:i])
	}
	if strings.ContainsAny(s, "[]{}#;&()*$%^|=~!") {
		return "", fmt.Errorf("bad verb %q", s)
	}
	words := strings.Fields(strings.ToUpper(s))
	if len(words) == 0 {
		return "", fmt.Errorf("empty verb")
	}
	at := 0
	marked := 0
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			at, marked = i, marked+1
			words[i] = w[1:]
		}
		if words[i] == "" || strings.ContainsAny(words[i], "+_") {
			return "", fmt.Errorf("bad word in verb %q", s)
		}
	}
	if marked > 1 {
		return "", fmt.Errorf("two verb words marked with + in %q", s)
	}
	for _, f := range given {
		if strings.ContainsAny(f, "+_[]{}") {
			return "", fmt.Errorf("bad form %q", f)
		}
	}
	word := words[at]
	forms := inflections(word, given)
	out := make([]string, len(words))
	copy(out, words)
	if len(words) > 1 {
		out[at] = "+" + word
	}
	line := strings.Join(out, "_") + " {" + strings.Join(forms, " ") + "}"
	if code != "" {
		line += " [" + code + "]"
	}
	return line, nil
}

// inflections returns the forms of an uppercase verb other than itself:
// the regular ones (less the regular past for irregular verbs), the
// irregular ones and those given.
func inflections(w string, given []string) []string {
	irr, isIrregular := irregularVerbs[strings.ToLower(w)]
	var out []string
	seen := map[string]bool{w: true}
	add := func(f string) {
		if f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, f := range verbForms(w) {
		if isIrregular && strings.HasSuffix(f, "ED") {
			continue // the irregular forms list the regular past where it is used
		}
		add(f)
	}
	for _, f := range strings.Fields(irr) {
		add(strings.ToUpper(f))
	}
	for _, f := range given {
		add(f)
	}
	return out
}

// irregularVerbs maps English verbs with irregular past forms, as used in
// news, to those forms (past and past participle).
var irregularVerbs = map[string]string{
	"arise": "arose arisen", "bear": "bore borne born",
	"beat": "beat beaten", "become": "became", "begin": "began begun", "bid": "bid",
	"bind": "bound", "break": "broke broken", "bring": "brought", "build": "built",
	"burn": "burnt burned", "buy": "bought", "cast": "cast", "catch": "caught",
	"choose": "chose chosen", "come": "came", "cut": "cut", "deal": "dealt",
	"do": "did done", "draw": "drew drawn", "drive": "drove driven",
	"eat": "ate eaten", "fall": "fell fallen", "feed": "fed", "feel": "felt",
	"fight": "fought", "find": "found", "flee": "fled", "fly": "flew flown",
	"forbid": "forbade forbidden", "forecast": "forecast", "foresee": "foresaw foreseen",
	"forgive": "forgave forgiven", "freeze": "froze frozen", "get": "got gotten",
	"give": "gave given", "go": "went gone", "grind": "ground", "hang": "hung hanged",
	"have": "had", "hear": "heard", "hide": "hid hidden", "hit": "hit", "hold": "held",
	"hurt": "hurt", "keep": "kept", "know": "knew known", "lay": "laid", "lead": "led",
	"leave": "left", "lend": "lent", "let": "let", "lie": "lay lain", "lose": "lost",
	"make": "made", "mean": "meant", "meet": "met", "mislead": "misled", "offset": "offset",
	"overcome": "overcame", "overrun": "overran", "oversee": "oversaw overseen",
	"overthrow": "overthrew overthrown", "pay": "paid", "put": "put", "quit": "quit",
	"read": "read", "rebuild": "rebuilt", "repay": "repaid", "rethink": "rethought",
	"retake": "retook retaken", "ride": "rode ridden", "rise": "rose risen", "run": "ran",
	"say": "said", "see": "saw seen", "seek": "sought", "sell": "sold", "send": "sent",
	"set": "set", "shake": "shook shaken", "shed": "shed", "shoot": "shot", "shut": "shut",
	"sink": "sank sunk", "sit": "sat", "slay": "slew slain", "speak": "spoke spoken",
	"spend": "spent", "split": "split", "spread": "spread", "stand": "stood", "steal": "stole stolen",
	"stick": "stuck", "strike": "struck stricken", "swear": "swore sworn", "take": "took taken",
	"teach": "taught", "tear": "tore torn", "tell": "told", "think": "thought",
	"throw": "threw thrown", "undergo": "underwent undergone", "undertake": "undertook undertaken",
	"undo": "undid undone", "uphold": "upheld", "upset": "upset", "wake": "woke woken",
	"wear": "wore worn", "win": "won", "withdraw": "withdrew withdrawn", "withhold": "withheld",
	"withstand": "withstood", "write": "wrote written", "broadcast": "broadcast",
	"forsake": "forsook forsaken", "override": "overrode overridden", "redo": "redid redone", "mistake": "mistook mistaken", "befall": "befell befallen",
}

// ReadNative adds a native verb file (docs/DICTIONARIES.md) to d. name is
// used in errors and in the references of blocks, verbs and patterns. A
// malformed line stops the reading with a *LineError naming the native
// file and line.
func (d *Verbs) ReadNative(r io.Reader, name string) error {
	t := &translation{name: name}
	if err := translateVerbs(t, r); err != nil {
		return err
	}
	nb, nw := len(d.Blocks), len(d.Warnings)
	err := d.Read(strings.NewReader(t.out.String()), t.tmpName())
	cache := map[string]string{}
	for _, b := range d.Blocks[nb:] {
		b.Ref = t.mapRef(b.Ref, cache)
		for _, v := range b.Verbs {
			v.Ref = t.mapRef(v.Ref, cache)
		}
		for _, p := range b.Patterns {
			p.Ref = t.mapRef(p.Ref, cache)
		}
	}
	for _, x := range d.Transforms {
		x.Ref = t.mapRef(x.Ref, cache)
	}
	t.mapWarnings(d.Warnings, nw)
	return t.mapError(err)
}

// trimSetMarks drops the final "_" of the synonym-set references of a
// pattern ("&TALKS_" is "&TALKS"), which the pattern reader would
// otherwise read as a word separator.
func trimSetMarks(s string) string {
	if !strings.Contains(s, "_") {
		return s
	}
	b := []byte(s)
	out := b[:0]
	inSet := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '&':
			inSet = true
		case inSet && c == '_':
			if j := i + 1; j < len(b) && isSetChar(b[j]) {
				break // an inner "_" of the name
			}
			continue
		case inSet && !isSetChar(c):
			inSet = false
		}
		out = append(out, c)
	}
	return string(out)
}

// isSetChar reports whether c may appear in a synonym-set name.
func isSetChar(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_'
}

package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// chunk appends the tokens of text[a:z], a run of non-space characters.
func (t *Tokenizer) chunk(out []Token, text string, a, z int) []Token {
	if t.keep(text[a:z]) && !isURLish(text[a:z]) {
		return t.word(out, text, a, z)
	}
	// Leading punctuation.
	opened := false
	for a < z {
		r, size := utf8.DecodeRuneInString(text[a:z])
		if isURLish(text[a:z]) || t.keep(text[a:z]) {
			break
		}
		if !isOpener(r) {
			break
		}
		if r == '\'' || r == '‘' || r == '`' {
			if rest := text[a+size : z]; startsClitic(rest) {
				break
			}
			opened = true
		}
		if r == '"' || r == '“' {
			opened = true
		}
		n := run(text[a:z], r)
		out = append(out, Token{Start: a, End: a + n})
		a += n
	}
	// Trailing punctuation, collected in reverse.
	var tail []Token
	for z > a {
		core := text[a:z]
		if t.keep(core) {
			break
		}
		if isURLish(core) {
			// A URL or e-mail address ends before trailing punctuation.
			r, _ := utf8.DecodeLastRuneInString(core)
			if !strings.ContainsRune(`.,;:!?)]}"'”’>`, r) {
				break
			}
		}
		r, size := utf8.DecodeLastRuneInString(core)
		n := 0
		switch r {
		case '.':
			if t.isAbbrev(core) {
				break
			}
			n = runBack(core, '.')
		case '!', '?':
			n = runBackSet(core, "!?")
		case '-':
			n = runBack(core, '-')
		case '\'', '’':
			if !opened && len(core) > size+1 && (core[len(core)-size-1] == 's' || core[len(core)-size-1] == 'S') && isLetterByte(core[0]) {
				break // plural possessive: "Tigers'"
			}
			n = size
		case ',', ';', ':', ')', ']', '}', '"', '”', '»', '%', '…', '*', '>', '—', '–':
			n = size
		}
		if n == 0 {
			break
		}
		tail = append(tail, Token{Start: z - n, End: z})
		z -= n
	}
	if z > a {
		out = t.middle(out, text, a, z)
	}
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// keep reports whether w is a known token that must stay whole.
func (t *Tokenizer) keep(w string) bool {
	return t.Whole[w] || t.Abbrevs[w]
}

// isAbbrev reports whether w, ending in a period, is an abbreviation.
func (t *Tokenizer) isAbbrev(w string) bool {
	if t.Abbrevs[w] {
		return true
	}
	// Initials and dotted abbreviations: "W.", "U.S.", "p.m.".
	body := w[:len(w)-1]
	if body == "" {
		return false
	}
	for _, part := range strings.Split(body, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsLetter(r) {
			return false
		}
	}
	if !strings.Contains(body, ".") {
		r, _ := utf8.DecodeRuneInString(body)
		return unicode.IsUpper(r)
	}
	return true
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func isOpener(r rune) bool {
	return strings.ContainsRune("\"'`“‘«([{<*$#—–", r) || r == '¿' || r == '¡' || r == '-' || r == '.' || r == '…'
}

// startsClitic reports whether s (after an apostrophe) is a clitic or a
// shortened year, so the apostrophe is part of the word: 's, 'll, '90s.
func startsClitic(s string) bool {
	l := strings.ToLower(s)
	for _, c := range []string{"s", "ll", "re", "ve", "d", "m", "t", "em", "n"} {
		if l == c {
			return true
		}
	}
	return len(s) >= 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9'
}

// run returns the byte length of the run of r at the start of s (runs of
// quotes, dashes and dots form one token; other characters stand alone).
func run(s string, r rune) int {
	_, size := utf8.DecodeRuneInString(s)
	if r != '`' && r != '-' && r != '.' && r != '*' && r != '\'' {
		return size
	}
	n := 0
	for n < len(s) && rune(s[n]) == r {
		n++
	}
	return n
}

func runBack(s string, c byte) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == c {
		n++
	}
	return n
}

func runBackSet(s, set string) int {
	n := 0
	for n < len(s) && strings.IndexByte(set, s[len(s)-1-n]) >= 0 {
		n++
	}
	return n
}

// isURLish reports whether w looks like a URL, a host name or an e-mail
// address.
func isURLish(w string) bool {
	l := strings.ToLower(w)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.") || strings.HasPrefix(l, "ftp://") || strings.HasPrefix(l, "mailto:") {
		return true
	}
	if at := strings.IndexByte(w, '@'); at > 0 && strings.Contains(w[at:], ".") {
		return true
	}
	for _, tld := range []string{".com", ".org", ".net", ".gov", ".edu"} {
		if i := strings.Index(l, tld); i > 0 && (i+len(tld) == len(l) || l[i+len(tld)] == '/') {
			return true
		}
	}
	return false
}

// middle splits the core of a chunk, with its outer punctuation removed,
// at inner punctuation and appends the words.
func (t *Tokenizer) middle(out []Token, text string, a, z int) []Token {
	c := text[a:z]
	if t.keep(c) || isURLish(c) || isNumber(c) {
		return t.word(out, text, a, z)
	}
	ps := 0
	for q := 0; q < len(c); {
		r, size := utf8.DecodeRuneInString(c[q:])
		var prev, next rune
		if q > 0 {
			prev, _ = utf8.DecodeLastRuneInString(c[:q])
		}
		if q+size < len(c) {
			next, _ = utf8.DecodeRuneInString(c[q+size:])
		}
		split := false
		n := size
		switch r {
		case '-':
			n = countRun(c[q:], '-')
			switch {
			case n > 1:
				split = true
			case isDigit(prev) && isDigit(next):
			case t.Prefixes[strings.ToLower(c[ps:q])] && unicode.IsLetter(next):
			case t.Whole[c[ps:]] || t.Whole[strings.ToLower(c[ps:])]:
			case q == ps || next == 0:
			default:
				split = true
			}
		case '/', ',', ':', '–':
			split = !(isDigit(prev) && isDigit(next))
		case '—', '―':
			split = true
		case '.':
			if n = countRun(c[q:], '.'); n >= 2 {
				split = true
			}
		case '"', '“', '”', '(', ')', '[', ']', '{', '}', ';', '…', '!', '?':
			split = true
		}
		if split {
			if ps < q {
				out = t.word(out, text, a+ps, a+q)
			}
			out = append(out, Token{Start: a + q, End: a + q + n})
			ps = q + n
		}
		q += n
	}
	if ps < len(c) {
		out = t.word(out, text, a+ps, z)
	}
	return out
}

func countRun(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isNumber reports whether w is a number, date, time or phone number:
// digits with inner punctuation only.
func isNumber(w string) bool {
	digits := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case strings.IndexByte(".,:/-", c) >= 0 && i > 0 && i < len(w)-1:
		default:
			return false
		}
	}
	return digits > 0
}

// word appends text[a:z] as one token, split into words when it is a
// contraction or possessive.
func (t *Tokenizer) word(out []Token, text string, a, z int) []Token {
	return append(out, Token{Start: a, End: z, Splits: t.splits(text[a:z], a)})
}

// clitics are the endings EWT splits off as words of their own.
var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "s'", "s’"}

// splits returns the offsets where the words of w after the first start,
// or nil.
func (t *Tokenizer) splits(w string, a int) []int {
	lw := strings.ToLower(w)
	if ls, ok := t.Splits[lw]; ok {
		out := make([]int, 0, len(ls))
		p := a
		for _, l := range ls {
			p += l
			if p <= a || p >= a+len(w) {
				return nil
			}
			out = append(out, p)
		}
		return out
	}
	for _, c := range clitics {
		if len(lw) > len(c) && strings.HasSuffix(lw, c) {
			cut := len(w) - len(c)
			if c[0] == 's' { // plural possessive: the apostrophe alone
				cut++
			}
			if cut <= 0 {
				return nil
			}
			r, _ := utf8.DecodeLastRuneInString(w[:cut])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return nil
			}
			return []int{a + cut}
		}
	}
	return nil
}

package dict

import (
	"io"
	"slices"
	"strings"
)

// Issues is an issue dictionary: phrases that tag a sentence with issue
// codes such as EDUCATION_REFORM, and ignore phrases that cancel the
// tagging. Several files can be read into one Issues.
type Issues struct {
	// Warnings lists lines that were read but not exactly as written: a
	// stray </ISSUE>, text after a code, a line read as Latin-1.
	Warnings []*LineError

	index *textIndex
	terms []issueTerm // index value → what the phrase does
}

type issueTerm struct {
	codes  []string // in the order first given
	ignore bool
}

// IssueMatch is an issue code found in a text, with the number of phrase
// occurrences that gave it.
type IssueMatch struct {
	Code  string
	Count int
}

// NewIssues returns an empty issue dictionary.
func NewIssues() *Issues {
	return &Issues{index: newTextIndex()}
}

// Len returns the number of phrases in the dictionary, counting expansions
// and ignore phrases.
func (i *Issues) Len() int { return len(i.terms) }

// Match returns the issue codes whose phrases occur in text, with counts,
// in order of first occurrence; nil if an ignore ("~") phrase occurs.
//
// Matching ignores case and takes whole words: a phrase must start and end
// at a word boundary (white space, punctuation, or either end of text). A
// blank in a phrase matches any run of white space. Every occurrence of
// every phrase counts, so "law school" counts once for POSTSECONDARY_EDUCATION
// and, through "school", once for SCHOOLS.
func (i *Issues) Match(text string) []IssueMatch {
	var out []IssueMatch
	ignored := false
	i.index.scan(text, func(v int32, wordEnd bool) bool {
		if !wordEnd {
			return true
		}
		t := &i.terms[v]
		if t.ignore {
			ignored = true
			return false
		}
	codes:
		for _, c := range t.codes {
			for k := range out {
				if out[k].Code == c {
					out[k].Count++
					continue codes
				}
			}
			out = append(out, IssueMatch{Code: c, Count: 1})
		}
		return true
	})
	if ignored {
		return nil
	}
	return out
}

// Read adds an issue file to i. name is used in errors. A malformed line
// stops the reading with a *LineError; the phrases read before it stay in
// i.
//
// A line is "phrase [CODE]"; a phrase without a code takes the CATEGORY of
// the enclosing <ISSUE CATEGORY="..."> ... </ISSUE> block. "~phrase" and
// "~~phrase" are ignore phrases. In a phrase, "n:word" stands for the word
// and its plural, "v:word" for the word and its regular verb forms (-S,
// -ED, -ING), and "a+b" for both "a b" and "a-b".
func (i *Issues) Read(r io.Reader, name string) error {
	lr, err := newLineReader(r, name)
	if err != nil {
		return err
	}
	p := issueParser{is: i, lr: lr}
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

type issueParser struct {
	is       *Issues
	lr       *lineReader
	open     bool   // inside <ISSUE ...>
	category string // its CATEGORY
}

func (p *issueParser) warnf(format string, args ...any) {
	p.is.Warnings = append(p.is.Warnings, p.lr.errorf(format, args...))
}

func (p *issueParser) parseLine() error {
	t := strings.TrimSpace(p.lr.text)
	if t == "" || t[0] == '#' {
		return nil
	}
	if t[0] == '<' {
		return p.markup(t)
	}
	body := strings.TrimSpace(cutComment(t, "#"))
	if body == "" {
		return nil
	}
	if body[0] == '~' {
		body = strings.TrimPrefix(body[1:], "~")
		if strings.ContainsAny(body, "[]") {
			return p.lr.errorf("code on an ignore line")
		}
		if strings.HasPrefix(body, "~") {
			return p.lr.errorf("more than two ~ before an ignore phrase")
		}
		return p.add(body, "", true)
	}

	var last string // the phrase of the previous segment on the line
	for body != "" {
		open := strings.IndexByte(body, '[')
		if open < 0 {
			if strings.IndexByte(body, ']') >= 0 {
				return p.lr.errorf("unbalanced brackets: ] without [")
			}
			switch {
			case last == "" && p.category == "":
				return p.lr.errorf("phrase without a code outside <ISSUE CATEGORY=...>")
			case last == "":
				return p.add(body, p.category, false)
			case hasWordRune(body):
				return p.lr.errorf("unexpected text %q after the code", body)
			}
			p.warnf("text %q after the code ignored", body)
			return nil
		}
		end := strings.IndexByte(body[open:], ']')
		if end < 0 {
			return p.lr.errorf("unbalanced brackets: [ without ]")
		}
		end += open
		phrase := strings.TrimSpace(body[:open])
		code := strings.TrimSpace(body[open+1 : end])
		if strings.ContainsAny(phrase, "]") || strings.ContainsAny(code, "[") {
			return p.lr.errorf("unbalanced brackets")
		}
		if code == "" || strings.ContainsAny(code, " \t") {
			return p.lr.errorf("bad issue code %q", code)
		}
		if phrase == "" {
			// "aqim [NAMED_TERROR_GROUP] [NAMED_TERROR_GROUP]": a second
			// code for the same phrase.
			if last == "" {
				return p.lr.errorf("code without a phrase")
			}
			phrase = last
		}
		if err := p.add(phrase, strings.ToUpper(code), false); err != nil {
			return err
		}
		last = phrase
		body = strings.TrimSpace(body[end+1:])
	}
	return nil
}

// markup reads <ISSUE CATEGORY="..." TYPE="..."> and </ISSUE>; any other
// line starting with "<" is a comment.
func (p *issueParser) markup(t string) error {
	up := asciiUpper(t)
	switch {
	case strings.HasPrefix(up, "</ISSUE"):
		if !p.open {
			p.warnf("</ISSUE> without <ISSUE>: ignored")
		}
		p.open, p.category = false, ""
	case strings.HasPrefix(up, "<ISSUE") && (len(up) == 6 || up[6] == ' ' || up[6] == '\t' || up[6] == '>'):
		if p.open {
			return p.lr.errorf("<ISSUE> inside <ISSUE>")
		}
		p.open = true
		p.category = ""
		if i := strings.Index(up, "CATEGORY="); i >= 0 {
			v := t[i+len("CATEGORY="):]
			if v == "" || v[0] != '"' {
				return p.lr.errorf("CATEGORY value not in quotes")
			}
			end := strings.IndexByte(v[1:], '"')
			if end < 0 {
				return p.lr.errorf("unterminated CATEGORY value")
			}
			p.category = strings.ToUpper(strings.TrimSpace(v[1 : end+1]))
		}
	}
	return nil
}

// hasWordRune reports whether s has a letter or a digit.
func hasWordRune(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

// add adds the expansions of a phrase with a code, or as an ignore phrase.
func (p *issueParser) add(phrase, code string, ignore bool) error {
	phrases, err := p.expand(phrase)
	if err != nil {
		return err
	}
	for _, ph := range phrases {
		slot := p.is.index.insert(ph)
		if *slot == 0 {
			p.is.terms = append(p.is.terms, issueTerm{})
			*slot = int32(len(p.is.terms))
		}
		t := &p.is.terms[*slot-1]
		switch {
		case ignore:
			t.ignore = true
		case !slices.Contains(t.codes, code):
			t.codes = append(t.codes, code)
		}
	}
	return nil
}

// issueBlanks turns the characters that separate words in an issue phrase
// into blanks: underscores, and a dagger, which stands for a no-break space
// mis-decoded as Mac Roman.
var issueBlanks = strings.NewReplacer("_", " ", "†", " ")

// expand returns the normalized phrases a dictionary phrase stands for.
func (p *issueParser) expand(phrase string) ([]string, error) {
	tokens := strings.Fields(issueBlanks.Replace(strings.ToUpper(phrase)))
	if len(tokens) == 0 {
		return nil, p.lr.errorf("empty phrase")
	}
	out := []string{""}
	for _, tok := range tokens {
		forms, err := p.tokenForms(tok)
		if err != nil {
			return nil, err
		}
		if len(out)*len(forms) > maxExpansions {
			return nil, p.lr.errorf("more than %d phrases from n:, v: and +", maxExpansions)
		}
		next := make([]string, 0, len(out)*len(forms))
		for _, o := range out {
			for _, f := range forms {
				if o != "" {
					f = o + " " + f
				}
				next = append(next, f)
			}
		}
		out = next
	}
	phrases := out[:0]
	for _, o := range out {
		if o = normalizeText(o); o != "" && !slices.Contains(phrases, o) {
			phrases = append(phrases, o)
		}
	}
	if len(phrases) == 0 {
		return nil, p.lr.errorf("empty phrase")
	}
	return phrases, nil
}

// tokenForms expands one blank-delimited token: an "N:" or "V:" at its
// start or after a "+" inflects the rest of the token, and each "+" joins
// with either a blank or a hyphen.
func (p *issueParser) tokenForms(tok string) ([]string, error) {
	forms := []string{tok}
	for k := 0; k+1 < len(tok); k++ {
		if (k == 0 || tok[k-1] == '+') && (tok[k] == 'N' || tok[k] == 'V') && tok[k+1] == ':' {
			stem := tok[k+2:]
			if stem == "" || stem[len(stem)-1] == '+' {
				return nil, p.lr.errorf("nothing to inflect after %s", tok[k:k+2])
			}
			var inflected []string
			if tok[k] == 'N' {
				inflected = issueNounForms(stem)
			} else {
				inflected = issueVerbForms(stem)
			}
			forms = forms[:0]
			for _, f := range inflected {
				forms = append(forms, tok[:k]+f)
			}
			break
		}
	}
	var out []string
	for _, f := range forms {
		parts := strings.Split(f, "+")
		if len(parts) > 11 {
			return nil, p.lr.errorf("more than 10 + in one word")
		}
		vars := []string{parts[0]}
		for _, part := range parts[1:] {
			next := make([]string, 0, 2*len(vars))
			for _, v := range vars {
				next = append(next, v+" "+part, v+"-"+part)
			}
			vars = next
		}
		out = append(out, vars...)
	}
	return out, nil
}

// issueNounForms returns an uppercase noun and its regular English plural.
func issueNounForms(w string) []string {
	return []string{w, issueSuffixS(w)}
}

// issueSuffixS adds the -S of a plural noun or a third-person verb:
// -ES after S, X, Z, CH and SH, -IES for a Y after a consonant.
func issueSuffixS(w string) string {
	switch {
	case strings.HasSuffix(w, "S"), strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"),
		strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"):
		return w + "ES"
	case consonantY(w):
		return w[:len(w)-1] + "IES"
	}
	return w + "S"
}

// consonantY reports whether w ends in a Y after a consonant.
func consonantY(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == 'Y' && isASCIILetter(w[n-2]) && !strings.ContainsRune("AEIOU", rune(w[n-2]))
}

func isASCIILetter(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }

// issueVerbForms returns an uppercase verb and its regular forms: -S, -ED
// and -ING, with the spelling rules of English (a final E dropped before
// -ING, a Y after a consonant becoming IE, a C taking K). A final
// consonant after a single vowel may or may not double (GRABBED but
// VISITED), so both spellings are given.
func issueVerbForms(w string) []string {
	n := len(w)
	forms := []string{w, issueSuffixS(w)}
	switch {
	case strings.HasSuffix(w, "IE"):
		forms = append(forms, w+"D", w[:n-2]+"YING")
	case strings.HasSuffix(w, "EE"), strings.HasSuffix(w, "YE"), strings.HasSuffix(w, "OE"):
		forms = append(forms, w+"D", w+"ING")
	case strings.HasSuffix(w, "E"):
		forms = append(forms, w+"D", w[:n-1]+"ING")
	case consonantY(w):
		forms = append(forms, w[:n-1]+"IED", w+"ING")
	default:
		forms = append(forms, w+"ED", w+"ING")
		if n >= 2 && w[n-1] == 'C' && isVowel(w[n-2]) {
			forms = append(forms, w+"KED", w+"KING")
		} else if endsCVC(w) {
			last := w[n-1:]
			forms = append(forms, w+last+"ED", w+last+"ING")
		}
	}
	return forms
}

func isVowel(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }

// endsCVC reports whether w ends in consonant, single vowel, consonant
// (not W, X or Y), the shape whose final consonant may double.
func endsCVC(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	a, b, c := w[n-3], w[n-2], w[n-1]
	return isASCIILetter(a) && !isVowel(a) && isVowel(b) && isASCIILetter(c) && !isVowel(c) && strings.IndexByte("WXY", c) < 0
}

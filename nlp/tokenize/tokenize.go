// Package tokenize splits raw English text into sentences, tokens and
// syntactic words following the conventions of the Universal Dependencies
// English Web Treebank (EWT).
//
// Tokens keep byte offsets into the text. Clitics and possessives become
// multiword tokens the way EWT writes them ("don't" is do + n't,
// "Pakistan's" is Pakistan + 's, "cannot" is can + not); abbreviations
// ("U.S.", "Gen.", "Oct."), URLs, e-mail addresses, numbers ("1,000",
// "5.5") and hyphenated prefixes ("non-state") stay whole; quotes, dashes,
// brackets and other punctuation become tokens of their own.
//
// The rules are written by hand; the lists they consult (abbreviations,
// multiword splits, words kept whole despite inner punctuation, hyphen
// prefixes) are learned from a treebank by Train and merged with built-in
// lists.
package tokenize

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one surface token of a text.
type Token struct {
	Start, End int   // byte offsets in the text
	Splits     []int // for a multiword token, the byte offsets (in the text) where its words after the first start
	SpaceAfter bool  // white space follows the token
}

// Words returns the syntactic words of t in text: one for an ordinary
// token, several for a multiword token.
func (t Token) Words(text string) []string {
	if len(t.Splits) == 0 {
		return []string{text[t.Start:t.End]}
	}
	out := make([]string, 0, len(t.Splits)+1)
	a := t.Start
	for _, s := range t.Splits {
		out = append(out, text[a:s])
		a = s
	}
	return append(out, text[a:t.End])
}

// Sentence is one sentence of a text: its span and its tokens.
type Sentence struct {
	Start, End int // byte offsets in the text
	Tokens     []Token
}

// Tokenizer tokenizes and segments text. The zero value is not usable; use
// New, Train or Read. A Tokenizer is safe for concurrent use.
type Tokenizer struct {
	Abbrevs  map[string]bool  // abbreviations with their final period, as written ("U.S.", "Gen.")
	Whole    map[string]bool  // tokens with inner punctuation kept whole ("e-mail", "9/11")
	Prefixes map[string]bool  // lower-cased hyphen prefixes kept attached ("non", "pre")
	Splits   map[string][]int // lower-cased multiword tokens → lengths of their words but the last
	Titles   map[string]bool  // abbreviations that never end a sentence ("Mr.", "Gen.")
}

// New returns a Tokenizer with only the built-in lists.
func New() *Tokenizer {
	t := &Tokenizer{Abbrevs: map[string]bool{}, Whole: map[string]bool{}, Prefixes: map[string]bool{}, Splits: map[string][]int{}, Titles: map[string]bool{}}
	for _, a := range strings.Fields(builtinAbbrevs) {
		t.Abbrevs[a] = true
	}
	for _, a := range strings.Fields(builtinTitles) {
		t.Titles[a] = true
		t.Abbrevs[a] = true
	}
	for _, p := range strings.Fields(builtinPrefixes) {
		t.Prefixes[p] = true
	}
	for _, w := range strings.Fields(builtinWhole) {
		t.Whole[w] = true
	}
	for _, s := range strings.Fields(builtinSplits) {
		form, lens, _ := strings.Cut(s, ":")
		var ls []int
		for _, l := range strings.Split(lens, ",") {
			n := 0
			fmt.Sscan(l, &n)
			ls = append(ls, n)
		}
		t.Splits[form] = ls
	}
	return t
}

const builtinAbbrevs = `Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun.
Inc. Corp. Co. Ltd. Bros. Assn. Dept. Univ. Jr. Sr. etc. vs. v. No. Nos.
U.S. U.K. U.N. E.U. U.S.A. D.C. a.m. p.m. i.e. e.g. cf. approx. est. ca. al.
Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. Okla. Ore. Pa. Tenn. Tex. Va. Vt. Wash. Wis. Wyo.
Ave. Blvd. Rd. Mt. Ft. ft. oz. lb. lbs. km. mi. min. hr. hrs. sec. approx. dept. tel. fax.`

const builtinTitles = `Mr. Mrs. Ms. Dr. Prof. Gen. Lt. Col. Maj. Capt. Cmdr. Sgt. Cpl. Pvt. Adm. Brig. Sen. Rep. Reps. Gov. Pres. Rev. Hon. Amb. Supt. Insp. Gen. St. Messrs. Mme. Mlle.`

const builtinPrefixes = `e non pre anti re mid post co over pro multi ex sub semi neo cross vice un socio micro intra counter inter ultra mega mini self`

const builtinWhole = `e-mail E-mail :-) :) :( ;) :-( :D`

// builtinSplits are the contractions EWT writes as multiword tokens, with
// the byte lengths of the words before the last.
const builtinSplits = `cannot:3 gonna:3 gotta:3 wanna:3 dont:2 wont:2 cant:2 didnt:3 doesnt:4 isnt:2 wasnt:3 arent:3 werent:4 havent:4 hasnt:3 couldnt:5 wouldnt:5 shouldnt:6 im:1 ive:1`

// Tokens returns the surface tokens of text, in order.
func (t *Tokenizer) Tokens(text string) []Token {
	var out []Token
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if isSpace(r) {
				break
			}
			j += size
		}
		n := len(out)
		out = t.chunk(out, text, i, j)
		if len(out) > n {
			out[len(out)-1].SpaceAfter = j < len(text)
		}
		i = j
	}
	return out
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

// Sentences tokenizes text and splits it into sentences.
func (t *Tokenizer) Sentences(text string) []Sentence {
	toks := t.Tokens(text)
	var out []Sentence
	start := 0
	for k := range toks {
		if k+1 == len(toks) || t.boundary(text, toks, k) {
			s := Sentence{Start: toks[start].Start, End: toks[k].End, Tokens: toks[start : k+1 : k+1]}
			out = append(out, s)
			start = k + 1
		}
	}
	return out
}

// boundary reports whether a sentence ends after token k (not the last).
func (t *Tokenizer) boundary(text string, toks []Token, k int) bool {
	cur, next := toks[k], toks[k+1]
	gap := text[cur.End:next.Start]
	nl := strings.Count(gap, "\n")
	if nl >= 2 {
		return true
	}
	w := text[cur.Start:cur.End]
	nw := text[next.Start:next.End]
	nr, _ := utf8.DecodeRuneInString(nw)
	// Closing quotes and brackets after a sentence end belong to it.
	if isCloser(nw) && endsSentence(w) && !opens(text, next) {
		return false
	}
	last := w
	if isCloser(w) && k > 0 && !opens(text, cur) {
		last = text[toks[k-1].Start:toks[k-1].End]
		if !endsSentence(last) {
			last = w
		}
	}
	if endsSentence(last) {
		if strings.ContainsRune(",;:)]}%.?!", nr) {
			return false
		}
		// An ellipsis before a lower-case word goes on.
		return !(unicode.IsLower(nr) && (strings.Contains(last, "..") || strings.Contains(last, "…")))
	}
	if strings.HasSuffix(w, ".") && len(w) > 1 && cur.End == toks[k].End {
		// An abbreviation kept whole: "etc." or "U.S." may end a sentence.
		if t.Titles[w] || !unicode.IsUpper(nr) {
			return false
		}
		if w == "etc." || strings.Count(w, ".") >= 2 && starter[nw] {
			return true
		}
	}
	if nl == 1 {
		// A line break ends a headline or a list item unless the text
		// plainly runs on.
		if unicode.IsLower(nr) || strings.ContainsRune(",;:-(&", lastRune(w)) {
			return false
		}
		return !continues[strings.ToLower(w)]
	}
	return false
}

// starter holds words that often begin a sentence after an abbreviation.
var starter = map[string]bool{"The": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "But": true, "In": true, "A": true, "This": true, "That": true, "There": true, "And": true, "If": true}

// continues holds words after which a line break does not end a sentence.
var continues = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "to": true, "in": true, "for": true, "with": true, "by": true, "on": true, "at": true, "from": true, "that": true}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// endsSentence reports whether a token is sentence-final punctuation.
func endsSentence(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return true
}

// opens reports whether a straight quote token opens a quotation: white
// space (or the start of text) before it and none after.
func opens(text string, t Token) bool {
	w := text[t.Start:t.End]
	if w != `"` && w != "'" {
		return false
	}
	before := t.Start == 0 || isSpace(lastRune(text[:t.Start]))
	return before && !t.SpaceAfter && t.End < len(text)
}

func isCloser(w string) bool {
	switch w {
	case `"`, "'", "”", "’", ")", "]", "}", "»", "''":
		return true
	}
	return false
}

// file is the encoded form of a Tokenizer.
type file struct {
	Abbrevs, Whole, Prefixes, Titles map[string]bool
	Splits                           map[string][]int
}

// WriteTo writes t, gzip-compressed.
func (t *Tokenizer) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := gob.NewEncoder(zw).Encode(file{t.Abbrevs, t.Whole, t.Prefixes, t.Titles, t.Splits}); err != nil {
		return 0, fmt.Errorf("write tokenizer: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("write tokenizer: %w", err)
	}
	n, err := w.Write(buf.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("write tokenizer: %w", err)
	}
	return int64(n), nil
}

// Read reads a Tokenizer written by WriteTo.
func Read(r io.Reader) (*Tokenizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read tokenizer: %w", err)
	}
	var f file
	if err := gob.NewDecoder(zr).Decode(&f); err != nil {
		return nil, fmt.Errorf("read tokenizer: %w", err)
	}
	return &Tokenizer{Abbrevs: f.Abbrevs, Whole: f.Whole, Prefixes: f.Prefixes, Titles: f.Titles, Splits: f.Splits}, nil
}

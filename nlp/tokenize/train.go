package tokenize

import (
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
)

// Surface returns the surface tokens of a sentence as its words and
// multiword tokens give them: each token's form and, for a multiword
// token, its words.
func Surface(s *dyad.Sentence) (forms []string, words [][]string) {
	mw := 0
	for i := 0; i < len(s.Tokens); i++ {
		id := s.Tokens[i].ID
		if mw < len(s.Multiwords) && s.Multiwords[mw].First == id {
			m := s.Multiwords[mw]
			var ws []string
			for j := m.First; j <= m.Last && j <= len(s.Tokens); j++ {
				ws = append(ws, s.Tokens[j-1].Form)
			}
			forms = append(forms, m.Form)
			words = append(words, ws)
			i = m.Last - 1
			mw++
			continue
		}
		forms = append(forms, s.Tokens[i].Form)
		words = append(words, nil)
	}
	return forms, words
}

// Train returns a Tokenizer whose lists are the built-in ones plus those
// learned from the surface tokens of a treebank.
func Train(train []*dyad.Sentence) *Tokenizer {
	t := New()
	type count struct{ split, whole int }
	mwt := map[string]*count{}
	lens := map[string][]int{}
	for _, s := range train {
		forms, words := Surface(s)
		for i, f := range forms {
			lf := strings.ToLower(f)
			c := mwt[lf]
			if c == nil {
				c = &count{}
				mwt[lf] = c
			}
			if words[i] != nil {
				c.split++
				var ls []int
				concat := ""
				for _, w := range words[i][:len(words[i])-1] {
					ls = append(ls, len(w))
					concat += w
				}
				concat += words[i][len(words[i])-1]
				if concat == f {
					lens[lf] = ls
				}
				continue
			}
			c.whole++
			if len(f) > 1 && strings.HasSuffix(f, ".") && strings.IndexFunc(f, unicode.IsLetter) >= 0 && !strings.Contains(f, "..") {
				t.Abbrevs[f] = true
			}
			if inner := strings.Trim(f, ".-"); len(inner) > 1 && strings.ContainsAny(inner[1:len(inner)-1], "-/,:;!?()\"'&") {
				t.Whole[f] = true
				if p, _, ok := strings.Cut(lf, "-"); ok && p != "" && strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
					t.Prefixes[p] = true
				}
			}
		}
	}
	for lf, c := range mwt {
		ls, ok := lens[lf]
		switch {
		case c.split > c.whole && ok:
			if got := t.splitLens(lf); !equal(got, ls) {
				t.Splits[lf] = ls
			}
		case c.whole >= c.split && c.whole > 0 && t.splits(lf, 0) != nil:
			t.Splits[lf] = nil // a word the rules would split but EWT does not
		}
	}
	for k, v := range t.Splits {
		if v == nil {
			t.Splits[k] = []int{}
		}
	}
	return t
}

// splitLens returns the word lengths but the last that the rules give.
func (t *Tokenizer) splitLens(w string) []int {
	saved, had := t.Splits[w]
	delete(t.Splits, w)
	sp := t.splits(w, 0)
	if had {
		t.Splits[w] = saved
	}
	var out []int
	p := 0
	for _, s := range sp {
		out = append(out, s-p)
		p = s
	}
	return out
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ToSentence turns a tokenized sentence of text into a dyad.Sentence whose
// Text is the sentence's span and whose words carry offsets into it and
// SpaceAfter=No where no space follows.
func ToSentence(text string, s Sentence) *dyad.Sentence {
	out := &dyad.Sentence{Text: text[s.Start:s.End], Tokens: make([]dyad.Token, 0, len(s.Tokens))}
	for k, tok := range s.Tokens {
		misc := ""
		if !tok.SpaceAfter && k+1 < len(s.Tokens) {
			misc = "SpaceAfter=No"
		}
		ws := tok.Words(text)
		first := len(out.Tokens) + 1
		p := tok.Start
		for _, w := range ws {
			t := dyad.Token{ID: len(out.Tokens) + 1, Form: w, Head: -1, Start: p - s.Start, End: p + len(w) - s.Start}
			if len(ws) == 1 {
				t.Misc = misc
			}
			p += len(w)
			out.Tokens = append(out.Tokens, t)
		}
		if len(ws) > 1 {
			out.Multiwords = append(out.Multiwords, dyad.MultiwordToken{First: first, Last: len(out.Tokens), Form: text[tok.Start:tok.End], Misc: misc})
		}
	}
	return out
}

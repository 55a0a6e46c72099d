package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/internal/linear"
	"github.com/dyad-events/dyad/nlp/internal/wordform"
)

// pad is the number of padding words on each side of a sentence.
const pad = 2

// context holds the per-sentence strings and gazetteer matches the
// features read. Slices are padded with pad entries on each side.
type context struct {
	words, lower, shapes, upos []string
	gazB, gazI                 []uint32 // lists of the matches that start at, or continue over, each word
	gazOut                     []uint32 // lists of the matches that end just before each word
	kind                       []int    // each word's vocabulary class (see vocabulary.class)
	caps                       int      // how the sentence capitalises: 0 mixed, 1 all lower, 2 all upper
}

func newContext(s *dyad.Sentence, names func(string) uint32, kind func(string) int) *context {
	n := len(s.Tokens) + 2*pad
	c := &context{
		words: make([]string, n), lower: make([]string, n), shapes: make([]string, n), upos: make([]string, n),
		gazB: make([]uint32, n), gazI: make([]uint32, n), gazOut: make([]uint32, n), kind: make([]int, n),
	}
	for i := range pad {
		for _, col := range [][]string{c.words, c.lower, c.shapes, c.upos} {
			col[i], col[n-1-i] = "<s>", "</s>"
		}
	}
	forms := make([]string, len(s.Tokens))
	lowers, uppers := 0, 0
	for i, t := range s.Tokens {
		forms[i] = t.Form
		w := wordform.Normalize(t.Form)
		c.words[i+pad] = w
		c.lower[i+pad] = strings.ToLower(w)
		c.shapes[i+pad] = shape(t.Form)
		c.upos[i+pad] = t.UPOS
		c.kind[i+pad] = kind(c.lower[i+pad])
		for _, r := range t.Form {
			if unicode.IsUpper(r) {
				uppers++
			} else if unicode.IsLower(r) {
				lowers++
			}
		}
	}
	switch {
	case uppers == 0 && lowers > 0:
		c.caps = 1
	case lowers == 0 && uppers > 0 || uppers > 3*lowers:
		c.caps = 2
	}
	if names != nil {
		for _, m := range matches(forms, names) {
			c.gazB[m.start+pad] |= m.lists
			for k := m.start + 1; k < m.end; k++ {
				c.gazI[k+pad] |= m.lists
			}
			c.gazOut[m.end+pad] |= m.lists
		}
	}
	return c
}

// shape returns a compressed shape of w: "Xx" for "Pakistan", "d.d" for
// "5.5", "X.X." for "U.S.", "xXx" for "iPhone".
func shape(w string) string {
	var b []byte
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = 'u'
		}
		if c != last {
			b = append(b, c)
			last = c
		}
		if len(b) > 6 {
			break
		}
	}
	return string(b)
}

// appendLists appends one feature of template t for each list in set.
func appendLists(f []uint64, t int, set uint32, extra string) []uint64 {
	for set != 0 {
		i := 0
		for set&(1<<i) == 0 {
			i++
		}
		set &^= 1 << i
		f = append(f, linear.New(t).Int(i).Str(extra).Sum())
	}
	return f
}

// features appends the features of word i (0-based) given the labels of
// the words before it.
func (c *context) features(f []uint64, i int, tags []int32) []uint64 {
	j := i + pad
	p1, p2 := -1, -2
	if i > 0 {
		p1 = int(tags[i-1])
	}
	if i > 1 {
		p2 = int(tags[i-2])
	}
	w, l, sh, u := c.words[j], c.lower[j], c.shapes[j], c.upos[j]
	H := linear.New
	f = append(f,
		H(0).Sum(),
		H(1).Str(w).Sum(),
		H(2).Str(l).Sum(),
		H(3).Str(sh).Sum(),
		H(4).Str(wordform.Suffix(l, 2)).Sum(),
		H(5).Str(wordform.Suffix(l, 3)).Sum(),
		H(6).Str(wordform.Suffix(l, 4)).Sum(),
		H(7).Str(wordform.Prefix(l, 2)).Sum(),
		H(8).Str(wordform.Prefix(l, 3)).Sum(),
		H(9).Str(wordform.Prefix(l, 4)).Sum(),
		H(10).Str(u).Sum(),
		H(11).Str(c.upos[j-1]).Str(u).Sum(),
		H(12).Str(u).Str(c.upos[j+1]).Sum(),
		H(13).Str(c.upos[j-1]).Sum(),
		H(14).Str(c.upos[j+1]).Sum(),
		H(15).Str(c.upos[j-2]).Str(c.upos[j-1]).Str(u).Sum(),
		H(16).Str(u).Str(c.upos[j+1]).Str(c.upos[j+2]).Sum(),
		H(17).Str(c.lower[j-1]).Sum(),
		H(18).Str(c.lower[j+1]).Sum(),
		H(19).Str(c.lower[j-2]).Sum(),
		H(20).Str(c.lower[j+2]).Sum(),
		H(21).Str(c.words[j-1]).Sum(),
		H(22).Str(c.words[j+1]).Sum(),
		H(23).Str(c.shapes[j-1]).Str(sh).Str(c.shapes[j+1]).Sum(),
		H(24).Str(c.shapes[j-1]).Str(sh).Sum(),
		H(25).Str(sh).Str(c.shapes[j+1]).Sum(),
		H(26).Int(p1).Sum(),
		H(27).Int(p2).Int(p1).Sum(),
		H(28).Int(p1).Str(l).Sum(),
		H(29).Int(p1).Str(sh).Sum(),
		H(30).Int(p1).Str(u).Sum(),
		H(31).Str(c.lower[j-1]).Str(l).Sum(),
		H(32).Str(l).Str(c.lower[j+1]).Sum(),
		H(33).Int(c.caps).Str(sh).Sum(),
		H(34).Int(c.caps).Str(u).Str(sh).Sum(),
		H(35).Str(u).Str(sh).Sum(),
		H(36).Int(p1).Str(c.lower[j+1]).Sum(),
	)
	if i == 0 {
		f = append(f, H(37).Str(sh).Sum(), H(38).Str(l).Sum())
	}
	f = appendLists(f, 40, c.gazB[j], "")
	f = appendLists(f, 41, c.gazI[j], "")
	f = appendLists(f, 42, c.gazB[j], sh)
	f = appendLists(f, 43, c.gazI[j], sh)
	f = appendLists(f, 44, c.gazB[j+1], "")
	f = appendLists(f, 45, c.gazOut[j], "")
	f = appendLists(f, 46, c.gazB[j]|c.gazI[j], wordform.Prefix(c.shapes[j], 1)+string(rune('0'+min(p1+1, 9))))
	if c.gazOut[j] != 0 && c.gazB[j] != 0 {
		f = append(f, H(47).Int(p1).Sum())
	}
	k := c.kind[j]
	f = append(f,

		H(80).Int(k).Str(sh).Sum(),
		H(81).Int(k).Str(u).Sum(),
		H(82).Int(c.kind[j-1]).Int(k).Int(c.kind[j+1]).Sum(),
		H(83).Int(k).Int(p1).Sum(),
	)
	f = appendLists(f, 84, c.gazB[j]|c.gazI[j], string(rune('0'+k)))
	return f
}

// second appends the features of the second pass for word i: the first
// pass's labels of the word and of the words after it, and the document
// statistics of the word.
func (c *context) second(f []uint64, i int, tags, first []int32, doc *docStats) []uint64 {
	at := func(k int) int {
		if k >= len(first) {
			return -3 - (k - len(first))
		}
		return int(first[k])
	}
	p1 := -1
	if i > 0 {
		p1 = int(tags[i-1])
	}
	n1, n2 := at(i+1), at(i+2)
	j := i + pad
	l, sh := c.lower[j], c.shapes[j]
	H := linear.New
	f = append(f,
		H(60).Int(n1).Sum(),
		H(61).Int(n2).Sum(),
		H(62).Int(n1).Int(n2).Sum(),
		H(63).Int(p1).Int(n1).Sum(),
		H(64).Str(l).Int(n1).Sum(),
		H(65).Int(at(i)).Sum(),
		H(66).Int(p1).Int(at(i)).Int(n1).Sum(),
		H(67).Str(sh).Int(n1).Sum(),
	)
	if lab, capped, ok := doc.lookup(l, int(first[i]), capital(sh)); ok {
		f = append(f,
			H(70).Int(lab).Sum(),
			H(71).Int(lab).Str(sh).Sum(),
			H(72).Int(lab).Int(at(i)).Sum(),
		)
		if capped {
			f = append(f, H(73).Str(sh).Sum())
		}
	}
	return f
}

// docStats counts, for each lower-cased word of a document, the labels
// the first pass gave it and whether it was ever capitalised.
type docStats struct {
	nlabel int
	words  map[string][]int32 // label counts, then the count of capitalised occurrences
}

func newDocStats(ctxs []*context, first [][]int32, nlabel int) *docStats {
	d := &docStats{nlabel: nlabel, words: map[string][]int32{}}
	for i, c := range ctxs {
		for k, lab := range first[i] {
			j := k + pad
			if !wordy(c.words[j]) {
				continue
			}
			cnt := d.words[c.lower[j]]
			if cnt == nil {
				cnt = make([]int32, nlabel+1)
				d.words[c.lower[j]] = cnt
			}
			cnt[lab]++
			if capital(c.shapes[j]) {
				cnt[nlabel]++
			}
		}
	}
	return d
}

// lookup returns the most frequent label of word l elsewhere in the
// document, leaving out this occurrence (labelled own, capitalised when
// ownCap), and whether it is capitalised elsewhere; ok is false when the
// word occurs nowhere else.
func (d *docStats) lookup(l string, own int, ownCap bool) (label int, capped, ok bool) {
	cnt := d.words[l]
	if cnt == nil {
		return 0, false, false
	}
	best, bestN, total := 0, int32(0), int32(0)
	for lab := range d.nlabel {
		n := cnt[lab]
		if lab == own {
			n--
		}
		total += n
		if n > bestN || n == bestN && n > 0 && best == 0 {
			best, bestN = lab, n
		}
	}
	if total == 0 {
		return 0, false, false
	}
	c := cnt[d.nlabel]
	if ownCap {
		c--
	}
	return best, c > 0, true
}

// capital reports whether a word of shape sh starts with a capital.
func capital(sh string) bool { return sh != "" && sh[0] == 'X' }

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

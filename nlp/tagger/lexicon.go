package tagger

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// wordInfo is what the training text says about a lower-cased word: the
// tagger's features read it instead of the word's own statistics, which
// a model can memorise.
type wordInfo struct {
	Freq  int32  // most frequent class, -1 when seen fewer than 3 times
	Tags  uint32 // UPOS tags (one bit each) of at least a tenth of its occurrences
	Cap   int8   // how often it is capitalised inside a sentence (capBucket)
	Propn int8   // how often it is a proper noun (shareBucket)
	Count int8   // how often it was seen (countBucket)
}

// unseen returns the wordInfo of a word absent from the training text.
func unseen() wordInfo { return wordInfo{Freq: -1} }

// wordCount counts the occurrences of one lower-cased word.
type wordCount struct {
	classes map[int32]int32
	n       int32
	mid     int32 // occurrences after the first word of a sentence
	capMid  int32 // those that start with an upper-case letter
}

// lexCounts counts the lower-cased words of some sentences.
type lexCounts map[string]*wordCount

func (lc lexCounts) add(s *dyad.Sentence, classOf func(dyad.Token) int32) {
	for i, tok := range s.Tokens {
		l := strings.ToLower(tok.Form)
		wc := lc[l]
		if wc == nil {
			wc = &wordCount{classes: map[int32]int32{}}
			lc[l] = wc
		}
		wc.classes[classOf(tok)]++
		wc.n++
		if i > 0 {
			wc.mid++
			if r, _ := utf8.DecodeRuneInString(tok.Form); unicode.IsUpper(r) {
				wc.capMid++
			}
		}
	}
}

// lexStats turns counts into wordInfo.
type lexStats struct {
	propn []bool   // per class
	bit   []uint32 // per class: the bit of its UPOS tag
}

func newLexStats(upos []string) *lexStats {
	ls := &lexStats{propn: make([]bool, len(upos)), bit: make([]uint32, len(upos))}
	ids := map[string]int{}
	for c, u := range upos {
		id, ok := ids[u]
		if !ok {
			id = len(ids)
			ids[u] = id
		}
		ls.bit[c] = 1 << (id % 32)
		ls.propn[c] = u == "PROPN"
	}
	return ls
}

// info returns the wordInfo of counts all less the counts mine (nil when
// nothing is held out).
func (ls *lexStats) info(all, mine *wordCount) wordInfo {
	if all == nil {
		return unseen()
	}
	n, mid, capMid := all.n, all.mid, all.capMid
	if mine != nil {
		n, mid, capMid = n-mine.n, mid-mine.mid, capMid-mine.capMid
	}
	if n <= 0 {
		return unseen()
	}
	wi := wordInfo{Freq: -1, Cap: capBucket(capMid, mid), Count: countBucket(n)}
	var best, propn int32
	for c, k := range all.classes {
		if mine != nil {
			k -= mine.classes[c]
		}
		if k <= 0 {
			continue
		}
		if k > best || k == best && c < wi.Freq {
			best, wi.Freq = k, c
		}
		if 10*k >= n {
			wi.Tags |= ls.bit[c]
		}
		if ls.propn[c] {
			propn += k
		}
	}
	if n < 3 {
		wi.Freq = -1
	}
	wi.Propn = shareBucket(propn, n)
	return wi
}

// capBucket buckets the share of capitalised occurrences inside sentences.
func capBucket(k, n int32) int8 {
	if n <= 0 {
		return 0
	}
	return shareBucket(k, n)
}

// shareBucket buckets k/n: 1 for none, 6 for all, 2–5 between.
func shareBucket(k, n int32) int8 {
	switch r := float64(k) / float64(n); {
	case k == 0:
		return 1
	case k == n:
		return 6
	case r < 0.2:
		return 2
	case r < 0.5:
		return 3
	case r < 0.8:
		return 4
	default:
		return 5
	}
}

// countBucket buckets a number of occurrences.
func countBucket(n int32) int8 {
	switch {
	case n <= 0:
		return 0
	case n == 1:
		return 1
	case n <= 3:
		return 2
	case n <= 9:
		return 3
	case n <= 49:
		return 4
	}
	return 5
}

// docKey returns the document a training sentence belongs to: its sent_id
// without the sentence number ("weblog-…-0001" → "weblog-…"), or its
// position in blocks of 20 sentences when it has no ID.
func docKey(s *dyad.Sentence, i int) string {
	if k := strings.LastIndexByte(s.ID, '-'); k > 0 {
		return s.ID[:k]
	}
	return fmt.Sprintf("#%d", i/20)
}

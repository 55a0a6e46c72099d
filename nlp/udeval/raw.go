package udeval

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// RawText joins the texts of gold sentences into one document, as the
// CoNLL 2018 shared task's raw input: sentences are separated by a space,
// paragraphs (a "newpar" or "newdoc" comment) by a blank line. It returns
// the text and the byte offset of each sentence in it.
func RawText(gold []*dyad.Sentence) (string, []int) {
	var b strings.Builder
	offsets := make([]int, len(gold))
	for i, s := range gold {
		if i > 0 {
			sep := " "
			for _, c := range s.Comments {
				if strings.HasPrefix(c, "newpar") || strings.HasPrefix(c, "newdoc") {
					sep = "\n\n"
				}
			}
			b.WriteString(sep)
		}
		offsets[i] = b.Len()
		b.WriteString(s.Text)
	}
	return b.String(), offsets
}

// span is a byte range in a document.
type span struct{ a, z int }

// wordKey identifies a word for alignment: its surface token's span, its
// position in that token and, for a word of a multiword token, its
// lower-cased form (the CoNLL 2018 scorer aligns such words by form).
type wordKey struct {
	tok  span
	k    int
	form string
}

// docWords returns the surface token spans of a sentence placed at offset
// in text, and per word its key. Gold sentences without offsets are located
// by searching for each token's form in the text.
func docWords(text string, offset int, s *dyad.Sentence) (toks []span, words []wordKey) {
	pos := offset
	locate := func(form string, start int) span {
		if start >= 0 {
			return span{offset + start, offset + start + len(form)}
		}
		i := strings.Index(text[pos:], form)
		if i < 0 {
			return span{pos, pos}
		}
		return span{pos + i, pos + i + len(form)}
	}
	words = make([]wordKey, len(s.Tokens))
	mw := 0
	for i := 0; i < len(s.Tokens); i++ {
		t := &s.Tokens[i]
		if mw < len(s.Multiwords) && s.Multiwords[mw].First == t.ID {
			m := s.Multiwords[mw]
			start := -1
			if t.Start >= 0 {
				start = t.Start
			}
			sp := locate(m.Form, start)
			pos = sp.z
			toks = append(toks, sp)
			for j := m.First; j <= m.Last && j <= len(s.Tokens); j++ {
				words[j-1] = wordKey{sp, j - m.First, strings.ToLower(s.Tokens[j-1].Form)}
			}
			i = m.Last - 1
			mw++
			continue
		}
		start := -1
		if t.Start >= 0 {
			start = t.Start
		}
		sp := locate(t.Form, start)
		pos = sp.z
		toks = append(toks, sp)
		words[i] = wordKey{sp, 0, ""}
	}
	return toks, words
}

// Raw scores sentences predicted from text (as RawText made it from gold)
// against gold: token, sentence and word F1, and UPOS, XPOS, lemma, UAS and
// LAS as F1 over aligned words. Predicted sentences must carry word offsets
// (Token.Start) relative to their own Text and be placed at predOffsets in
// text.
func Raw(gold []*dyad.Sentence, goldOffsets []int, text string, pred []*dyad.Sentence, predOffsets []int) Scores {
	type word struct {
		s    *dyad.Sentence
		i    int
		keys []wordKey
	}
	goldTok := map[span]bool{}
	goldSent := map[span]bool{}
	goldWord := map[wordKey]word{}
	nGoldTok, nGoldWord := 0, 0
	for i, s := range gold {
		toks, keys := docWords(text, goldOffsets[i], s)
		for _, t := range toks {
			goldTok[t] = true
		}
		nGoldTok += len(toks)
		if len(toks) > 0 {
			goldSent[span{toks[0].a, toks[len(toks)-1].z}] = true
		}
		for j, k := range keys {
			goldWord[k] = word{s, j, keys}
		}
		nGoldWord += len(keys)
	}
	var tokOK, sentOK, wordOK, nPredTok, nPredWord, upos, xpos, lemma, uas, las int
	for i, s := range pred {
		toks, keys := docWords(text, predOffsets[i], s)
		nPredTok += len(toks)
		nPredWord += len(keys)
		for _, t := range toks {
			if goldTok[t] {
				tokOK++
			}
		}
		if len(toks) > 0 && goldSent[span{toks[0].a, toks[len(toks)-1].z}] {
			sentOK++
		}
		for j, k := range keys {
			g, ok := goldWord[k]
			if !ok {
				continue
			}
			wordOK++
			gt, pt := &g.s.Tokens[g.i], &s.Tokens[j]
			if gt.UPOS == pt.UPOS {
				upos++
			}
			if gt.XPOS == pt.XPOS {
				xpos++
			}
			if gt.Lemma == pt.Lemma {
				lemma++
			}
			headOK := false
			switch {
			case gt.Head == 0 || pt.Head == 0:
				headOK = gt.Head == pt.Head
			case pt.Head > 0 && pt.Head <= len(keys) && gt.Head <= len(g.keys):
				headOK = keys[pt.Head-1] == g.keys[gt.Head-1]
			}
			if headOK {
				uas++
				if Universal(gt.DepRel) == Universal(pt.DepRel) {
					las++
				}
			}
		}
	}
	f1 := func(ok, a, b int) float64 {
		if a+b == 0 {
			return 0
		}
		return 100 * 2 * float64(ok) / float64(a+b)
	}
	return Scores{
		UPOS: f1(upos, nGoldWord, nPredWord), XPOS: f1(xpos, nGoldWord, nPredWord), Lemmas: f1(lemma, nGoldWord, nPredWord),
		UAS: f1(uas, nGoldWord, nPredWord), LAS: f1(las, nGoldWord, nPredWord),
		TokensF1: f1(tokOK, nGoldTok, nPredTok), SentencesF1: f1(sentOK, len(goldSent), len(pred)), WordsF1: f1(wordOK, nGoldWord, nPredWord),
		Words: nGoldWord, Sentences: len(gold),
	}
}

package nlp

import "github.com/dyad-events/dyad"

// headlineVerb retags the verb of a headline that the tagger read as a
// plural noun and the parser made the headline's head: "Germany arrests
// three Russians", "Army drone strike kills 20 at market". News
// headlines drop articles and auxiliaries, which the tagger, trained on
// full sentences, does not expect. A sentence without final punctuation
// whose root is a plural common noun right after a singular name or noun
// (its subject) and right before the start of a noun phrase (its object)
// has a present-tense verb there. It reports whether it changed s.
func headlineVerb(s *dyad.Sentence) bool {
	n := len(s.Tokens)
	if n < 3 {
		return false
	}
	switch s.Tokens[n-1].Form {
	case ".", "!", "?", "\"", "'", "”", "’", ")":
		return false
	}
	for i := 1; i+1 < n; i++ {
		t := &s.Tokens[i]
		if t.Head != 0 || t.UPOS != "NOUN" || t.XPOS != "NNS" {
			continue
		}
		prev, next := &s.Tokens[i-1], &s.Tokens[i+1]
		if prev.XPOS != "NN" && prev.XPOS != "NNP" {
			return false // no singular subject right before it
		}
		switch next.UPOS {
		case "NUM", "DET", "ADJ", "PROPN", "PRON", "NOUN":
			t.UPOS, t.XPOS = "VERB", "VBZ"
			return true
		}
		return false
	}
	return false
}

package tagger

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

func sentence(text string) *dyad.Sentence {
	s := &dyad.Sentence{}
	for _, w := range strings.Fields(text) {
		s.Tokens = append(s.Tokens, dyad.Token{Form: w})
	}
	return s
}

func TestCapsClass(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Troops attacked the village near Kandahar .", 0},
		{"Pakistan Army Kills Five Militants In Raid", 1},
		{"PAKISTAN ARMY KILLS FIVE", 2},
		{"He said No .", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := capsClass(sentence(tt.text)); got != tt.want {
			t.Errorf("capsClass(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestBestKeepsToDictionary(t *testing.T) {
	var set classSet
	set.add(1)
	set.add(70)
	tg := &Tagger{dict: map[string]int32{"attack": 0}, sets: []classSet{set}}
	ctx := tg.newContext(sentence("attack zork"), nil)
	scores := make([]float32, 102)
	scores[5], scores[1], scores[70] = 9, 2, 3
	if got := tg.best(scores, ctx, 0); got != 70 {
		t.Errorf("dictionary word: best = %d, want 70 (5 is not allowed)", got)
	}
	if got := tg.best(scores, ctx, 1); got != 5 {
		t.Errorf("unknown word: best = %d, want 5", got)
	}
}

// tagged returns a sentence of "word/UPOS" items with the given ID.
func tagged(id, text string) *dyad.Sentence {
	s := &dyad.Sentence{ID: id}
	for _, item := range strings.Fields(text) {
		w, tag, _ := strings.Cut(item, "/")
		s.Tokens = append(s.Tokens, dyad.Token{Form: w, UPOS: tag, XPOS: tag})
	}
	return s
}

func TestLearnWordsHoldsOutTheDocument(t *testing.T) {
	train := []*dyad.Sentence{
		tagged("a-0001", "The/DET Mall/PROPN opened/VERB ./PUNCT"),
		tagged("a-0002", "The/DET Mall/PROPN closed/VERB ./PUNCT"),
		tagged("b-0001", "A/DET mall/NOUN opened/VERB ./PUNCT"),
	}
	classOf := map[string]int32{}
	tg := &Tagger{words: map[string]wordInfo{}}
	for _, s := range train {
		for _, tok := range s.Tokens {
			if _, ok := classOf[tok.UPOS]; !ok {
				classOf[tok.UPOS] = int32(len(tg.upos))
				tg.upos = append(tg.upos, tok.UPOS)
			}
		}
	}
	infos := tg.learnWords(train, func(tok dyad.Token) int32 { return classOf[tok.UPOS] })
	tests := []struct {
		name string
		got  wordInfo
		want wordInfo
	}{
		// All three occurrences: capitalised 2 of 3 times, PROPN 2 of 3.
		{"mall, all of train", tg.words["mall"], wordInfo{Freq: classOf["PROPN"], Cap: 4, Propn: 4, Count: 2,
			Tags: 1<<classOf["PROPN"] | 1<<classOf["NOUN"]}},
		// Seen from document a: only document b's lower-case noun.
		{"mall, without document a", infos[0][1], wordInfo{Freq: -1, Cap: 1, Propn: 1, Count: 1, Tags: 1 << classOf["NOUN"]}},
		// Seen from document b: document a's two proper nouns.
		{"mall, without document b", infos[2][1], wordInfo{Freq: -1, Cap: 6, Propn: 6, Count: 2, Tags: 1 << classOf["PROPN"]}},
		// "closed" occurs in document a only.
		{"closed, without document a", infos[1][2], unseen()},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
}

func TestShareBucket(t *testing.T) {
	tests := []struct {
		k, n int32
		want int8
	}{
		{0, 5, 1}, {1, 10, 2}, {3, 10, 3}, {5, 10, 4}, {9, 10, 5}, {10, 10, 6},
	}
	for _, tt := range tests {
		if got := shareBucket(tt.k, tt.n); got != tt.want {
			t.Errorf("shareBucket(%d, %d) = %d, want %d", tt.k, tt.n, got, tt.want)
		}
	}
}

func TestDocKey(t *testing.T) {
	tests := []struct {
		id   string
		i    int
		want string
	}{
		{"weblog-juancole.com_juancole_20051126063000_ENG_20051126_063000-0001", 0, "weblog-juancole.com_juancole_20051126063000_ENG_20051126_063000"},
		{"", 45, "#2"},
	}
	for _, tt := range tests {
		if got := docKey(&dyad.Sentence{ID: tt.id}, tt.i); got != tt.want {
			t.Errorf("docKey(%q, %d) = %q, want %q", tt.id, tt.i, got, tt.want)
		}
	}
}

func TestReversedContext(t *testing.T) {
	tg := &Tagger{words: map[string]wordInfo{"troops": {Freq: 3}}}
	c := tg.newContext(sentence("Troops attacked ."), nil)
	r := c.reversed()
	if got, want := strings.Join(r.forms[pad:len(r.forms)-pad], " "), ". attacked Troops"; got != want {
		t.Errorf("reversed forms = %q, want %q", got, want)
	}
	if r.info[len(r.info)-pad-1].Freq != 3 || c.info[pad].Freq != 3 {
		t.Errorf("word information did not follow the words: %+v", r.info)
	}
	if c.forms[pad] != "Troops" {
		t.Errorf("reversed changed the original context: %q", c.forms)
	}
}

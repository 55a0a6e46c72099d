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
	ctx := tg.newContext(sentence("attack zork"))
	scores := make([]float32, 102)
	scores[5], scores[1], scores[70] = 9, 2, 3
	if got := tg.best(scores, ctx, 0); got != 70 {
		t.Errorf("dictionary word: best = %d, want 70 (5 is not allowed)", got)
	}
	if got := tg.best(scores, ctx, 1); got != 5 {
		t.Errorf("unknown word: best = %d, want 5", got)
	}
}

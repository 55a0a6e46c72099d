package casualties_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/casualties"
	"github.com/dyad-events/dyad/conllu"
)

func parse(t *testing.T, src string) *dyad.Sentence {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(src), "\n") {
		b.WriteString(strings.Join(strings.Fields(line), "\t"))
		b.WriteByte('\n')
	}
	s, err := conllu.NewReader(strings.NewReader(b.String())).Read()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFatalities(t *testing.T) {
	tests := []struct {
		name   string
		conllu string
		want   *dyad.Fatalities
	}{
		{"LeavingDead", `1 Clashes clash NOUN NNS _ 2 nsubj _ _
2 erupted erupt VERB VBD _ 0 root _ _
3 , , PUNCT , _ 4 punct _ _
4 leaving leave VERB VBG _ 2 advcl _ _
5 two two NUM CD _ 6 nummod _ _
6 guards guard NOUN NNS _ 4 obj _ _
7 dead dead ADJ JJ _ 4 xcomp _ _
8 . . PUNCT . _ 2 punct _ _`, &dyad.Fatalities{Count: 2}},
		{"LeftDeadAsModifier", `1 The the DET DT _ 2 det _ _
2 blast blast NOUN NN _ 3 nsubj _ _
3 left leave VERB VBD _ 0 root _ _
4 at at ADP IN _ 5 case _ _
5 least least ADJ JJS _ 6 nmod _ _
6 12 12 NUM CD _ 7 nummod _ _
7 people person NOUN NNS _ 3 obj _ _
8 dead dead ADJ JJ _ 7 amod _ _
9 . . PUNCT . _ 3 punct _ _`, &dyad.Fatalities{Count: 12, AtLeast: true}},
		{"AOne", `1 A a DET DT _ 2 det _ _
2 teacher teacher NOUN NN _ 4 nsubj:pass _ _
3 was be AUX VBD _ 4 aux:pass _ _
4 killed kill VERB VBN _ 0 root _ _
5 . . PUNCT . _ 4 punct _ _`, &dyad.Fatalities{Count: 1}},
		{"KilledN", `1 The the DET DT _ 2 det _ _
2 airstrike airstrike NOUN NN _ 3 nsubj _ _
3 killed kill VERB VBD _ 0 root _ _
4 12 12 NUM CD _ 5 nummod _ _
5 people person NOUN NNS _ 3 obj _ _
6 . . PUNCT . _ 3 punct _ _`, &dyad.Fatalities{Count: 12}},
		{"AtLeastPassive", `1 At at ADP IN _ 2 case _ _
2 least least ADJ JJS _ 3 nmod _ _
3 12 12 NUM CD _ 4 nummod _ _
4 soldiers soldier NOUN NNS _ 6 nsubj:pass _ _
5 were be AUX VBD _ 6 aux:pass _ _
6 killed kill VERB VBN _ 0 root _ _
7 . . PUNCT . _ 6 punct _ _`, &dyad.Fatalities{Count: 12, AtLeast: true}},
		{"OverN", `1 Militants militant NOUN NNS _ 2 nsubj _ _
2 killed kill VERB VBD _ 0 root _ _
3 over over ADV RB _ 4 advmod _ _
4 200 200 NUM CD _ 5 nummod _ _
5 people person NOUN NNS _ 2 obj _ _
6 . . PUNCT . _ 2 punct _ _`, &dyad.Fatalities{Count: 200, AtLeast: true}},
		{"DozensDied", `1 Dozens dozen NOUN NNS _ 4 nsubj _ _
2 of of ADP IN _ 3 case _ _
3 civilians civilian NOUN NNS _ 1 nmod _ _
4 died die VERB VBD _ 0 root _ _
5 . . PUNCT . _ 4 punct _ _`, &dyad.Fatalities{Count: 24, AtLeast: true}},
		{"TollRoseTo", `1 The the DET DT _ 3 det _ _
2 death death NOUN NN _ 3 compound _ _
3 toll toll NOUN NN _ 4 nsubj _ _
4 rose rise VERB VBD _ 0 root _ _
5 to to ADP IN _ 6 case _ _
6 31 31 NUM CD _ 4 obl _ _
7 . . PUNCT . _ 4 punct _ _`, &dyad.Fatalities{Count: 31}},
		{"ThousandsWritten", `1 The the DET DT _ 2 det _ _
2 shelling shelling NOUN NN _ 3 nsubj _ _
3 killed kill VERB VBD _ 0 root _ _
4 1,200 1,200 NUM CD _ 5 nummod _ _
5 people person NOUN NNS _ 3 obj _ _`, &dyad.Fatalities{Count: 1200}},
		{"NoDeaths", `1 The the DET DT _ 2 det _ _
2 minister minister NOUN NN _ 3 nsubj _ _
3 met meet VERB VBD _ 0 root _ _
4 12 12 NUM CD _ 5 nummod _ _
5 envoys envoy NOUN NNS _ 3 obj _ _`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := casualties.Fatalities(parse(t, tt.conllu))
			switch {
			case tt.want == nil && got != nil:
				t.Errorf("got %+v, want none", *got)
			case tt.want != nil && (got == nil || *got != *tt.want):
				t.Errorf("got %v, want %+v", got, *tt.want)
			}
		})
	}
}

func FuzzFatalities(f *testing.F) {
	f.Add("at least 12 people were killed", "nummod")
	f.Add("dozens of civilians died", "nsubj")
	f.Fuzz(func(t *testing.T, text, rel string) {
		words := strings.Fields(text)
		if len(words) == 0 || len(words) > 40 || strings.ContainsAny(rel, " \t\n") || rel == "" {
			return
		}
		var b strings.Builder
		for i, w := range words {
			if strings.ContainsAny(w, "\t") || strings.HasPrefix(w, "#") {
				return
			}
			head := i // a chain: each word depends on the one before
			b.WriteString(strings.Join([]string{itoa(i + 1), w, w, "X", "X", "_", itoa(head), rel, "_", "_"}, "\t"))
			b.WriteByte('\n')
		}
		s, err := conllu.NewReader(strings.NewReader(b.String())).Read()
		if err != nil {
			return
		}
		if f := casualties.Fatalities(s); f != nil && f.Count <= 0 {
			t.Errorf("Fatalities(%q) = %+v, want a positive count", text, *f)
		}
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

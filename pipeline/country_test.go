package pipeline

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/geo"
)

func TestFillCountry(t *testing.T) {
	ev := func(src, tgt string) dyad.Event {
		return dyad.Event{Source: dyad.Actor{Code: src}, Target: dyad.Actor{Code: tgt}}
	}
	article := [][]dyad.Event{
		{ev("MMRMIL", "MMR"), ev("CHN", "MMRMIL")},
		{ev("IGOSEAASN", "MMRGOV"), ev("---GOV", "THA")},
	}
	if got := mainCountry(article); got != "MMR" {
		t.Fatalf("mainCountry = %q, want MMR", got)
	}
	if got := mainCountry([][]dyad.Event{{ev("PAK", "AFG")}}); got != "" {
		t.Errorf("mainCountry of a tie = %q, want none", got)
	}
	bangkok := &dyad.Location{Name: "Bangkok", Country: "THA"}
	tests := []struct {
		name, source, home, want string
	}{
		{"DatelineAbroad", geo.SourceDateline, "MMR", "MMRMILGOV"},
		{"DatelineNoHome", geo.SourceDateline, "", "THAMILGOV"},
		{"PlaceInSentence", geo.SourceSentence, "MMR", "THAMILGOV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ev("---MILGOV", "MMRCVL")
			e.Location, e.LocationSource = bangkok, tt.source
			fillCountry(&e, tt.home)
			if e.Source.Code != tt.want || e.Target.Code != "MMRCVL" {
				t.Errorf("source %s, target %s; want %s, MMRCVL", e.Source.Code, e.Target.Code, tt.want)
			}
		})
	}
}

func TestHeadlines(t *testing.T) {
	sents := func(texts ...string) []*dyad.Sentence {
		var out []*dyad.Sentence
		for _, x := range texts {
			out = append(out, &dyad.Sentence{Text: x})
		}
		return out
	}
	for _, tt := range []struct {
		title string
		sents []*dyad.Sentence
		want  []int
	}{
		{"", sents("[SAMPLE ARTICLE written for dyad.]", "Militants kill six", "Militants killed six on Monday."), []int{1}},
		{"Talks resume.", sents("Talks resume.", "The talks resumed."), []int{0}},
		{"", sents("He said: “We will win.”", "The army advanced."), nil},
		{"", sents("Lead one.", "Lead two.", "Lead three.", "A late line"), nil},
	} {
		if got := headlines(tt.title, tt.sents); !slices.Equal(got, tt.want) {
			t.Errorf("headlines(%q, …) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

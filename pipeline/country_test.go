package pipeline

import (
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

package main

import (
	"testing"

	"github.com/dyad-events/dyad"
)

func TestAltTagsRoundTrip(t *testing.T) {
	tests := []struct {
		misc, alt, written string
	}{
		{"_", "", "_"},
		{"_", "NOUN NN", "AltTag=NOUN/NN"},
		{"SpaceAfter=No", "PUNCT :", "SpaceAfter=No|AltTag=PUNCT/:"},
		{"", "SCONJ IN", "AltTag=SCONJ/IN"},
	}
	for _, tt := range tests {
		in := []*dyad.Sentence{{Tokens: []dyad.Token{{Form: "x", Misc: tt.misc, AltTag: tt.alt}}}}
		out := withAltTags(in)
		if got := out[0].Tokens[0].Misc; got != tt.written {
			t.Errorf("withAltTags(%q, %q): MISC %q, want %q", tt.misc, tt.alt, got, tt.written)
		}
		if in[0].Tokens[0].Misc != tt.misc {
			t.Errorf("withAltTags(%q, %q) changed its input", tt.misc, tt.alt)
		}
		out[0].Tokens[0].AltTag = ""
		readAltTags(out)
		got := out[0].Tokens[0]
		wantMisc := tt.misc
		if wantMisc == "" && tt.alt != "" {
			wantMisc = "_"
		}
		if got.AltTag != tt.alt || got.Misc != wantMisc {
			t.Errorf("readAltTags(%q): AltTag %q MISC %q, want %q and %q", tt.written, got.AltTag, got.Misc, tt.alt, wantMisc)
		}
	}
}

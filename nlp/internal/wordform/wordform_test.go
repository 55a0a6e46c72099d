package wordform_test

import (
	"testing"

	"github.com/dyad-events/dyad/nlp/internal/wordform"
)

func TestAffix(t *testing.T) {
	tests := []struct {
		w              string
		n              int
		prefix, suffix string
	}{
		{"Kandahar", 3, "Kan", "har"},
		{"UN", 3, "UN", "UN"},
		{"", 2, "", ""},
		{"shelled", 7, "shelled", "shelled"},
	}
	for _, tt := range tests {
		if p, s := wordform.Prefix(tt.w, tt.n), wordform.Suffix(tt.w, tt.n); p != tt.prefix || s != tt.suffix {
			t.Errorf("%q, %d: %q, %q; want %q, %q", tt.w, tt.n, p, s, tt.prefix, tt.suffix)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, tt := range []struct{ w, want string }{
		{"2025", "!YEAR"}, {"1,000", "!DIGITS"}, {"5.5%", "!DIGITS"}, {"F-16", "!DIGITS"}, {"A320neo", "A320neo"}, {"Kabul", "Kabul"}, {"", ""},
	} {
		if got := wordform.Normalize(tt.w); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

package affix_test

import (
	"testing"

	"github.com/dyad-events/dyad/nlp/internal/affix"
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
		if p, s := affix.Prefix(tt.w, tt.n), affix.Suffix(tt.w, tt.n); p != tt.prefix || s != tt.suffix {
			t.Errorf("%q, %d: %q, %q; want %q, %q", tt.w, tt.n, p, s, tt.prefix, tt.suffix)
		}
	}
}

package dyad_test

import (
	"testing"

	"github.com/dyad-events/dyad"
)

func TestActorCountry(t *testing.T) {
	tests := []struct{ code, want string }{
		{"PAKGOV", "PAK"},
		{"IGOUNO", "IGO"},
		{"AFG", "AFG"},
		{"---GOV", ""},
		{"---", ""},
		{`"NEW ACTOR"`, ""},
		{"", ""},
		{"PA", ""},
	}
	for _, tt := range tests {
		if got := (dyad.Actor{Code: tt.code}).Country(); got != tt.want {
			t.Errorf("Actor{%q}.Country() = %q, want %q", tt.code, got, tt.want)
		}
	}
}

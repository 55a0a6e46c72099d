package cameo_test

import (
	"cmp"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
)

// The Goldstein values are those of GDELT's CAMEO.goldsteinscale.txt and the
// PLOVER mappings those of CAMEO2PLOVER-2021.txt, checked by hand.
func TestLookup(t *testing.T) {
	for _, tt := range []cameo.Code{
		{Code: "01", Name: "MAKE PUBLIC STATEMENT", Root: "01", Base: "01", Goldstein: 0, QuadClass: 1},
		{Code: "010", Name: "Make statement, not specified below", Root: "01", Base: "010", Goldstein: 0, QuadClass: 1},
		{Code: "044", Name: `Meet at a "third" location`, Root: "04", Base: "044", Goldstein: 2.5, QuadClass: 1,
			PLOVER: dyad.PLOVER{Type: "CONSULT", Mode: "third-party"}},
		{Code: "057", Name: "Sign formal agreement", Root: "05", Base: "057", Goldstein: 8, QuadClass: 1,
			PLOVER: dyad.PLOVER{Type: "SUPPORT"}, PLOVERContext: "diplomatic"},
		{Code: "08", Name: "YIELD", Root: "08", Base: "08", Goldstein: 5, QuadClass: 2,
			PLOVER: dyad.PLOVER{Type: "CONCEDE"}},
		{Code: "0861", Name: "Receive deployment of peacekeepers", Root: "08", Base: "086", Goldstein: 9, QuadClass: 2,
			PLOVER: dyad.PLOVER{Type: "RETREAT", Mode: "access"}, PLOVERContext: "peacekeeping"},
		{Code: "0874", Name: "Retreat or surrender militarily", Root: "08", Base: "087", Goldstein: 10, QuadClass: 2,
			PLOVER: dyad.PLOVER{Type: "RETREAT", Mode: "disarm"}, PLOVERContext: "military"},
		{Code: "091", Name: "Investigate crime, corruption", Root: "09", Base: "091", Goldstein: -2, QuadClass: 3,
			PLOVER: dyad.PLOVER{Type: "ACCUSE", Mode: "investigate"}, PLOVERContext: "crime; corruption"},
		{Code: "1056", Name: "Demand de-escalation of military engagement", Root: "10", Base: "105", Goldstein: -5, QuadClass: 3,
			PLOVER: dyad.PLOVER{Type: "REQUEST", Mode: "yield"}, PLOVERContext: "military"},
		{Code: "112", Name: "Accuse, not specified below", Root: "11", Base: "112", Goldstein: -2, QuadClass: 3,
			PLOVER: dyad.PLOVER{Type: "ACCUSE", Mode: "disapprove"}},
		{Code: "139", Name: "Give ultimatum", Root: "13", Base: "139", Goldstein: -7, QuadClass: 3,
			PLOVER: dyad.PLOVER{Type: "THREATEN", Mode: "relations"}, PLOVERContext: "diplomatic"},
		{Code: "163", Name: "Impose embargo, boycott, or sanctions", Root: "16", Base: "163", Goldstein: -8, QuadClass: 4,
			PLOVER: dyad.PLOVER{Type: "COERCE", Mode: "restrict"}, PLOVERContext: "diplomatic"},
		{Code: "1712", Name: "Destroy property", Root: "17", Base: "171", Goldstein: -9.2, QuadClass: 4,
			PLOVER: dyad.PLOVER{Type: "ASSAULT", Mode: "seize"}, PLOVERContext: "human_security"},
		{Code: "190", Name: "Use conventional military force, not specified below", Root: "19", Base: "190", Goldstein: -10, QuadClass: 4,
			PLOVER: dyad.PLOVER{Type: "ASSAULT"}, PLOVERContext: "military"},
		{Code: "195", Name: "Employ aerial weapons", Root: "19", Base: "195", Goldstein: -10, QuadClass: 4,
			PLOVER: dyad.PLOVER{Type: "ASSAULT", Mode: "heavy-weapons"}, PLOVERContext: "military"},
		{Code: "20", Name: "USE UNCONVENTIONAL MASS VIOLENCE", Root: "20", Base: "20", Goldstein: -10, QuadClass: 4,
			PLOVER: dyad.PLOVER{Type: "ASSAULT", Mode: "massacre"}, PLOVERContext: "military"},
		{Code: "204", Name: "Use weapons of mass destruction, not specified below", Root: "20", Base: "204", Goldstein: -10, QuadClass: 4,
			PLOVER: dyad.PLOVER{Type: "ASSAULT", Mode: "unconventional"}, PLOVERContext: "cbrn"},
		{Code: "2041", Name: "Use chemical, biological, or radiological weapons", Root: "20", Base: "204", Goldstein: -10, QuadClass: 4,
			PLOVER: dyad.PLOVER{Type: "ASSAULT", Mode: "unconventional"}, PLOVERContext: "cbrn"},
	} {
		t.Run(tt.Code, func(t *testing.T) {
			got, ok := cameo.Lookup(tt.Code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tt.Code)
			}
			if got != tt {
				t.Errorf("Lookup(%q) = %+v, want %+v", tt.Code, got, tt)
			}
			if !cameo.ValidEventCode(tt.Code) {
				t.Errorf("ValidEventCode(%q) = false, want true", tt.Code)
			}
		})
	}
}

func TestLookup_ErrNotFound(t *testing.T) {
	for _, code := range []string{"", "0", "00", "021 ", "106", "176", "1213", "21", "99", "0875", "12345", "abc", "０1"} {
		if got, ok := cameo.Lookup(code); ok || got != (cameo.Code{}) {
			t.Errorf("Lookup(%q) = %+v, %v, want zero, false", code, got, ok)
		}
		if cameo.ValidEventCode(code) {
			t.Errorf("ValidEventCode(%q) = true, want false", code)
		}
	}
}

func TestDescribe(t *testing.T) {
	for _, tt := range []struct {
		code string
		want cameo.Code
	}{
		// In the table: as Lookup returns it.
		{"19", must(cameo.Lookup("19"))},
		{"0874", must(cameo.Lookup("0874"))},
		{"1011", must(cameo.Lookup("1011"))},
		// Unknown fourth digit: the base's values.
		{"0875", cameo.Code{Code: "0875", Root: "08", Base: "087", Goldstein: 9, QuadClass: 2,
			PLOVER: dyad.PLOVER{Type: "RETREAT", Mode: "disarm"}, PLOVERContext: "military"}},
		{"1213", cameo.Code{Code: "1213", Root: "12", Base: "121", Goldstein: -4, QuadClass: 3,
			PLOVER: dyad.PLOVER{Type: "REJECT", Mode: "assist"}}},
		{"2043", cameo.Code{Code: "2043", Root: "20", Base: "204", Goldstein: -10, QuadClass: 4,
			PLOVER: dyad.PLOVER{Type: "ASSAULT", Mode: "unconventional"}, PLOVERContext: "cbrn"}},
		// Unknown base: the root's values.
		{"106", cameo.Code{Code: "106", Root: "10", Base: "106", Goldstein: -5, QuadClass: 3,
			PLOVER: dyad.PLOVER{Type: "REQUEST"}}},
		{"1061", cameo.Code{Code: "1061", Root: "10", Base: "106", Goldstein: -5, QuadClass: 3,
			PLOVER: dyad.PLOVER{Type: "REQUEST"}}},
		{"176", cameo.Code{Code: "176", Root: "17", Base: "176", Goldstein: -7, QuadClass: 4,
			PLOVER: dyad.PLOVER{Type: "COERCE"}}},
		{"029", cameo.Code{Code: "029", Root: "02", Base: "029", Goldstein: 3, QuadClass: 1}},
		// Garbage.
		{"", cameo.Code{}},
		{"1", cameo.Code{Code: "1"}},
		{"00", cameo.Code{Code: "00"}},
		{"21", cameo.Code{Code: "21"}},
		{"999", cameo.Code{Code: "999"}},
		{"12345", cameo.Code{Code: "12345"}},
		{"abc", cameo.Code{Code: "abc"}},
		{"19a", cameo.Code{Code: "19a"}},
		{" 19", cameo.Code{Code: " 19"}},
		{"-19", cameo.Code{Code: "-19"}},
		{"\xff\xfe", cameo.Code{Code: "\xff\xfe"}},
	} {
		t.Run(tt.code, func(t *testing.T) {
			if got := cameo.Describe(tt.code); got != tt.want {
				t.Errorf("Describe(%q) = %+v, want %+v", tt.code, got, tt.want)
			}
		})
	}
}

func TestQuadClassAndRootOf(t *testing.T) {
	for _, tt := range []struct {
		code string
		quad int
		root string
	}{
		{"01", 1, "01"}, {"010", 1, "01"}, {"0214", 1, "02"}, {"057", 1, "05"},
		{"06", 2, "06"}, {"075", 2, "07"}, {"0874", 2, "08"},
		{"09", 3, "09"}, {"106", 3, "10"}, {"112", 3, "11"}, {"1385", 3, "13"},
		{"14", 4, "14"}, {"145", 4, "14"}, {"190", 4, "19"}, {"20", 4, "20"}, {"2042", 4, "20"},
		{"", 0, ""}, {"0", 0, ""}, {"00", 0, ""}, {"005", 0, ""}, {"21", 0, ""}, {"210", 0, ""},
		{"99", 0, ""}, {"12345", 0, ""}, {"1x", 0, ""}, {"abcd", 0, ""},
	} {
		if got := cameo.QuadClass(tt.code); got != tt.quad {
			t.Errorf("QuadClass(%q) = %d, want %d", tt.code, got, tt.quad)
		}
		if got := cameo.RootOf(tt.code); got != tt.root {
			t.Errorf("RootOf(%q) = %q, want %q", tt.code, got, tt.root)
		}
	}
}

// TestCodes checks invariants that hold for every code in the table.
func TestCodes(t *testing.T) {
	codes := cameo.Codes()
	if len(codes) != 310 {
		t.Errorf("len(Codes()) = %d, want 310", len(codes))
	}
	if !slices.IsSortedFunc(codes, func(a, b cameo.Code) int { return cmp.Compare(a.Code, b.Code) }) {
		t.Error("Codes() is not in code order")
	}
	roots, mapped := 0, 0
	for i, c := range codes {
		if i > 0 && codes[i-1].Code == c.Code {
			t.Errorf("code %s appears twice", c.Code)
		}
		if got, ok := cameo.Lookup(c.Code); !ok || got != c {
			t.Errorf("Lookup(%q) = %+v, %v, want %+v", c.Code, got, ok, c)
		}
		if got := cameo.Describe(c.Code); got != c {
			t.Errorf("Describe(%q) = %+v, want %+v", c.Code, got, c)
		}
		if c.Root != cameo.RootOf(c.Code) || c.Base != c.Code[:min(3, len(c.Code))] {
			t.Errorf("%s: Root %q, Base %q", c.Code, c.Root, c.Base)
		}
		if _, ok := cameo.Lookup(c.Root); !ok {
			t.Errorf("%s: root %s not in the table", c.Code, c.Root)
		}
		if _, ok := cameo.Lookup(c.Base); !ok {
			t.Errorf("%s: base %s not in the table", c.Code, c.Base)
		}
		if c.QuadClass != cameo.QuadClass(c.Code) || c.QuadClass == 0 {
			t.Errorf("%s: QuadClass %d, QuadClass() %d", c.Code, c.QuadClass, cameo.QuadClass(c.Code))
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v out of range", c.Code, c.Goldstein)
		}
		if c.Name == "" {
			t.Errorf("%s: no name", c.Code)
		}
		for _, r := range c.Name {
			if r < ' ' || r > '~' || r == '?' {
				t.Errorf("%s: name %q has %q", c.Code, c.Name, r)
			}
		}
		// PLOVER maps every code except those of roots 01 and 02.
		if hasPLOVER := c.PLOVER.Type != ""; hasPLOVER != (c.Root > "02") {
			t.Errorf("%s: PLOVER %+v", c.Code, c.PLOVER)
		}
		if c.PLOVER.Type == "" && (c.PLOVER.Mode != "" || c.PLOVERContext != "") {
			t.Errorf("%s: PLOVER mode or context without type: %+v %q", c.Code, c.PLOVER, c.PLOVERContext)
		}
		if len(c.Code) == 2 {
			roots++
		}
		if c.PLOVER.Type != "" {
			mapped++
		}
	}
	if roots != 20 {
		t.Errorf("%d root codes, want 20", roots)
	}
	if mapped != 271 {
		t.Errorf("%d codes with a PLOVER mapping, want 271", mapped)
	}

	// The slice is the caller's.
	codes[0].Name = "changed"
	if c, _ := cameo.Lookup(codes[0].Code); c.Name == "changed" {
		t.Error("changing the slice from Codes() changed the table")
	}
}

func TestLookup_Allocs(t *testing.T) {
	var found int
	if n := testing.AllocsPerRun(100, func() {
		if _, ok := cameo.Lookup("0874"); ok {
			found++
		}
		if _, ok := cameo.Lookup("106"); ok {
			found++
		}
		found += cameo.Describe("0875").QuadClass + cameo.Describe("x").QuadClass
		if cameo.ValidEventCode("190") {
			found++
		}
		found += cameo.QuadClass("190") + len(cameo.RootOf("190"))
	}); n != 0 {
		t.Errorf("lookups allocate %v times, want 0", n)
	}
	if want := 101 * (1 + 2 + 1 + 4 + 2); found != want {
		t.Errorf("lookups found %d things, want %d", found, want)
	}
}

func BenchmarkLookup(b *testing.B) {
	for b.Loop() {
		cameo.Lookup("0874")
	}
}

// must returns the result of a Lookup that must succeed.
func must(c cameo.Code, ok bool) cameo.Code {
	if !ok {
		panic("code not in the table")
	}
	return c
}

package dict_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
)

// sharedData returns the shared data directory, skipping the test when it
// is absent.
func sharedDataDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("shared data not found at %s (set DYAD_SHARED_DATA): %v", dir, err)
	}
	return dir
}

func TestReadVerbs(t *testing.T) {
	const src = `####### SYNONYM SETS #######
&TIETYPES
+MILITARY
+ECONOMIC_

&ACCORDSYN
+&TIETYPES
+CLOSER_

####### VERB PATTERNS #######
--- ABANDON [345] ---
ABANDON  # comment
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}
WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED} [170]
- * {NEW &TIETYPES RELATIONS} [903] # note
- + * (FROM $) [080]
- % * [042:043]
- * (IN AIR ATTACK/BOMBING) [195]

######## TRANSFORMATIONS ##########
~ a (a b WILL_ATTACK) SAY = a b 138
`
	d := dict.NewVerbs()
	if err := d.Read(strings.NewReader(src), "t.verbs"); err != nil {
		t.Fatal(err)
	}
	if got := len(d.Synsets["&ACCORDSYN"]); got != 4 { // MILITARY, MILITARYS, ECONOMIC, CLOSER
		t.Errorf("&ACCORDSYN has %d phrases, want 4: %v", got, d.Synsets["&ACCORDSYN"])
	}
	for _, form := range []string{"ABANDONED", "ABANDONS", "ABANDONING", "ABANDON", "CORDONED", "TAPPED"} {
		if len(d.Lookup(form)) == 0 {
			t.Errorf("Lookup(%q) found nothing", form)
		}
	}
	if v := d.Lookup("TAPPED")[0]; v.Code != "170" || strings.Join(v.Pre, " ") != "WIRE" {
		t.Errorf("WIRE_+TAP = %+v", v)
	}
	if v := d.Lookup("CORDONED")[0]; v.Code != "345" || strings.Join(v.Post, " ") != "OFF" {
		t.Errorf("+CORDON_OFF = %+v", v)
	}
	b := d.Blocks[0]
	if len(b.Patterns) != 4 {
		t.Fatalf("got %d patterns, want 4", len(b.Patterns))
	}
	if p := b.Patterns[2]; p.Code != "042" || p.Paired != "043" || p.Pre[0].Kind != dict.ElemCompound {
		t.Errorf("paired pattern = %+v", p)
	}
	if p := b.Patterns[1]; p.Pre[0].Kind != dict.ElemTarget || p.Post[0].Kind != dict.ElemPrep || p.Post[0].Inner != dict.ElemSource {
		t.Errorf("(FROM $) pattern = %+v", p)
	}
	if p := b.Patterns[3]; len(p.Post[0].Words) != 2 || len(p.Post[0].Words[1].Alts) != 2 {
		t.Errorf("alternatives pattern = %+v", p.Post[0])
	}
	if len(d.Warnings) != 0 {
		t.Errorf("unexpected warnings: %v", d.Warnings)
	}
	if len(d.Transforms) != 1 || d.Transforms[0].LowerVerb != "WILL_ATTACK" || d.Transforms[0].OutCode != "138" {
		t.Errorf("transforms = %+v", d.Transforms)
	}
}

func TestReadVerbsErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"ErrNoCode", "--- A [010] ---\nA\n- * THING\n", "no [code]"},
		{"ErrTwoStars", "--- A [010] ---\nA\n- * THING * [010]\n", "exactly one *"},
		{"ErrUnbalanced", "--- A [010] ---\nA\n- * (TO THING [010]\n", "unbalanced"},
		{"ErrVerbOutsideBlock", "####### VERB PATTERNS #######\nLONELY\n", "outside a verb block"},
		{"ErrBadTransform", "~ a (a b) SAY = a b 010\n", "transformation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := dict.NewVerbs().Read(strings.NewReader(tt.src), "bad.verbs")
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bad.verbs:") {
				t.Fatalf("got error %v, want one naming the file and containing %q", err, tt.want)
			}
		})
	}
}

func TestReadVerbsUndefinedSynset(t *testing.T) {
	d := dict.NewVerbs()
	if err := d.Read(strings.NewReader("--- A [010] ---\nA\n- * &NOPE [010]\n"), "w.verbs"); err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0].Error(), "w.verbs:3: undefined synonym set &NOPE") {
		t.Fatalf("warnings = %v, want one for &NOPE on line 3", d.Warnings)
	}
}

func TestReadVerbsReal(t *testing.T) {
	dir := filepath.Join(sharedDataDir(t), "petrarch", "dictionaries")
	for _, name := range []string{"CAMEO.2.0.txt", "PETR.Validate.verbs.2.0.txt"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		d := dict.NewVerbs()
		err = d.Read(f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		np := 0
		for _, b := range d.Blocks {
			np += len(b.Patterns)
		}
		for _, w := range d.Warnings {
			t.Logf("warning: %v", w)
		}
		t.Logf("%s: %d blocks, %d verbs, %d patterns, %d synsets, %d transforms", name, len(d.Blocks), d.Len(), np, len(d.Synsets), len(d.Transforms))
		if len(d.Blocks) < 10 || np < 400 {
			t.Errorf("%s: implausibly few blocks or patterns", name)
		}
	}
}

func FuzzReadVerbs(f *testing.F) {
	f.Add("--- A [010] ---\nA {AS}\n- * (TO {B &C}) $ [010:011]\n&C\n+D\n~ a (a b Q) SAY = a b Q\n")
	f.Fuzz(func(t *testing.T, src string) {
		_ = dict.NewVerbs().Read(strings.NewReader(src), "fuzz")
	})
}

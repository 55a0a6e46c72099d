package dict_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
)

const discardsSrc = `# Story-level discards are indicated with a '+'.
MONTHS LATER
+ World Golf Championships   # pas 26-Feb-2014
+EURO  QUALIFIER
CHAMPION
GROUP A_
BASEBALL
SEMI-FINAL
+Manchester United   # pas 26-Feb-2014
MANCHESTER UNITED
Dolly_the_sheep
`

func TestDiscardsMatch(t *testing.T) {
	d := dict.NewDiscards()
	if err := d.Read(strings.NewReader(discardsSrc), "t.discards"); err != nil {
		t.Fatal(err)
	}
	if got := d.Len(); got != 9 {
		t.Errorf("Len() = %d, want 9", got)
	}
	tests := []struct {
		name   string
		text   string
		phrase string
		story  bool
	}{
		{"OK", "Months later, the talks resumed.", "MONTHS LATER", false},
		{"CaseInsensitive", "the WORLD golf championships began", "WORLD GOLF CHAMPIONSHIPS", true},
		{"Story", "Manchester United won.", "MANCHESTER UNITED", true},
		{"WhiteSpaceRun", "a euro \n qualifier", "EURO QUALIFIER", true},
		{"Stem", "the championship final", "CHAMPION", false},
		{"StemAtEnd", "a champion", "CHAMPION", false},
		{"ExactWord", "in Group A, Spain", "GROUP A", false},
		{"ExactAtEnd", "they lead group a", "GROUP A", false},
		{"ExactNotStem", "group alpha met", "", false},
		{"StartsAtBoundary", "the ex-champion spoke", "CHAMPION", false},
		{"NotInsideWord", "nonbaseball players", "", false},
		{"Punctuation", "(baseball) players", "BASEBALL", false},
		{"Hyphen", "a semi-final match", "SEMI-FINAL", false},
		{"Underscore", "Dolly the sheep died", "DOLLY THE SHEEP", false},
		{"StoryWinsOverFirst", "Months later Manchester United won", "MANCHESTER UNITED", true},
		{"FirstSentenceLevel", "baseball months later", "BASEBALL", false},
		{"NonASCII", "Ça: the Champions’ league", "CHAMPION", false},
		{"NonASCIIBoundary", "écHAMPION", "", false},
		{"None", "Ministers met in Geneva.", "", false},
		{"Empty", "", "", false},
		{"Partial", "months", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			phrase, story, ok := d.Match(tt.text)
			if ok != (tt.phrase != "") || phrase != tt.phrase || story != tt.story {
				t.Errorf("Match(%q) = %q, %v, %v; want %q, %v, %v", tt.text, phrase, story, ok, tt.phrase, tt.story, tt.phrase != "")
			}
		})
	}
	if len(d.Warnings) != 1 || d.Warnings[0].Line != 10 {
		t.Errorf("Warnings = %v, want one for the duplicate on line 10", d.Warnings)
	}
}

func TestDiscardsReadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"ErrEmpty", "# x\n+\n", 2, "empty"},
		{"ErrEmptyUnderscore", "_ # x\n", 1, "empty"},
		{"ErrCode", "BASEBALL [###]\n", 1, "code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := dict.NewDiscards().Read(strings.NewReader(tt.src), "bad.discards")
			var le *dict.LineError
			if !errors.As(err, &le) {
				t.Fatalf("Read() error = %v, want a *LineError", err)
			}
			if le.File != "bad.discards" || le.Line != tt.line || !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("Read() error = %v, want bad.discards:%d: ...%s...", err, tt.line, tt.msg)
			}
		})
	}
}

func TestDiscardsReal(t *testing.T) {
	tests := []struct {
		file     string
		min, max int
		text     string
		phrase   string
		story    bool
	}{
		{"PETR.Validate.discards.txt", 9, 9, "A typhoon hit the coast.", "TYPHOON", true},
		{"Phoenix.discards.txt", 450, 550, "Serbia reached the round of 16.", "ROUND OF 16", true},
		{"Phoenix.discards.txt", 450, 550, "Spain leads Group B, ahead of Chile.", "GROUP B", false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d := dict.NewDiscards()
			if err := d.Read(bytes.NewReader(dictFile(t, tt.file)), tt.file); err != nil {
				t.Fatal(err)
			}
			if n := d.Len(); n < tt.min || n > tt.max {
				t.Errorf("Len() = %d, want %d–%d", n, tt.min, tt.max)
			}
			phrase, story, ok := d.Match(tt.text)
			if !ok || phrase != tt.phrase || story != tt.story {
				t.Errorf("Match(%q) = %q, %v, %v; want %q, %v", tt.text, phrase, story, ok, tt.phrase, tt.story)
			}
			if phrase, _, ok := d.Match("The foreign minister met his counterpart in Cairo on Monday."); ok {
				t.Errorf("a plain political sentence is discarded by %q", phrase)
			}
		})
	}
}

func BenchmarkDiscardsMatch(b *testing.B) {
	d := dict.NewDiscards()
	if err := d.Read(bytes.NewReader(dictFile(b, "Phoenix.discards.txt")), "discards"); err != nil {
		b.Fatal(err)
	}
	const text = "The French foreign minister met President Barack Obama in Kabul on Tuesday to discuss the war in Afghanistan and the reconstruction of its army."
	for b.Loop() {
		d.Match(text)
	}
}

func FuzzReadDiscards(f *testing.F) {
	f.Add(discardsSrc, "Months later, in group a, the championship")
	f.Add("+_\nA_B_\n", "a b")
	f.Add("É\n+\u00a0X\n", "é x")
	f.Fuzz(func(t *testing.T, src, text string) {
		d := dict.NewDiscards()
		err := d.Read(strings.NewReader(src), "fuzz")
		var le *dict.LineError
		if err != nil && !errors.As(err, &le) {
			t.Fatalf("Read() error %v is not a *LineError", err)
		}
		if phrase, _, ok := d.Match(text); ok != (phrase != "") {
			t.Fatalf("Match(%q) = %q, ok=%v", text, phrase, ok)
		}
		d.Match(src)
	})
}

package dict_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
)

const agentsSrc = `<!-- test agents -->
!PERSON! = MAN, MEN, WOMAN , WOMEN, PERSON
!MINST! = MINISTER, MINISTRY

FOREIGN_MINISTER [~GOVFRM] # jap 4/14/01
PARLIAMENTARY_OPPOSITION {} [~OPP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
SECRETARY [~GOV]
ENVOY [~GOV]
CONGRESS [~LEG]
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
HUMAN_RIGHTS_BODY  [NGO~] # BNL 07 Dec 2001
HUMAN_RIGHTS_ORGANIZATION  [  NGO~]
POLICE {} [ ~COP]
DEPARMENT_OF_ENVIRONMENT [~ENV}
CHIEF EXECUTIVE [~GOV]
VICTIMS [~CVL]
MINISTRY_  [~GOV]
F/A-18 [~MIL]
SNEAK_THIEF {SNEAK_THIEVES}[~CRM]
CHURCH [~REL]
PERSONS [~PPL]
PERSON [~CVL]
ISLAMIC_EXTREMIST
`

func TestAgentsRead(t *testing.T) {
	a := dict.NewAgents()
	if err := a.Read(strings.NewReader(agentsSrc), "t.agents"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		tokens string
		n      int
		phrase string
		code   string
		prefix bool
	}{
		{"OK", "foreign minister said", 2, "FOREIGN MINISTER", "GOVFRM", false},
		{"Plural", "foreign ministers", 2, "FOREIGN MINISTERS", "GOVFRM", false},
		{"NoPlural", "parliamentary oppositions", 0, "", "", false},
		{"NoPluralSingular", "parliamentary opposition", 2, "PARLIAMENTARY OPPOSITION", "OPP", false},
		{"ExplicitPlural", "attorneys general", 2, "ATTORNEYS GENERAL", "GOVATG", false},
		{"ExplicitPluralReplacesAuto", "attorney generals", 0, "", "", false},
		{"PluralIES", "secretaries", 1, "SECRETARIES", "GOV", false},
		{"PluralVowelY", "envoys", 1, "ENVOYS", "GOV", false},
		{"PluralNotIES", "envoies", 0, "", "", false},
		{"PluralSSES", "congresses", 1, "CONGRESSES", "LEG", false},
		{"Substitution", "congresswomen", 1, "CONGRESSWOMEN", "LEG", false},
		{"SubstitutionSpaces", "congresswoman", 1, "CONGRESSWOMAN", "LEG", false},
		{"SubstitutionNoPlural", "congresspersons", 0, "", "", false},
		{"SubstitutionStart", "ministry of silly walks", 4, "MINISTRY OF SILLY WALKS", "GOV", false},
		{"Prefix", "human rights body", 3, "HUMAN RIGHTS BODY", "NGO", true},
		{"PrefixPlural", "human rights bodies", 3, "HUMAN RIGHTS BODIES", "NGO", true},
		{"PrefixSpaces", "human rights organization", 3, "HUMAN RIGHTS ORGANIZATION", "NGO", true},
		{"SpaceInBrackets", "police", 1, "POLICE", "COP", false},
		{"BraceClosesCode", "deparment of environment", 3, "DEPARMENT OF ENVIRONMENT", "ENV", false},
		{"BlankIsConsecutive", "chief executives", 2, "CHIEF EXECUTIVES", "GOV", false},
		{"SingleSNoPlural", "victimss", 0, "", "", false},
		{"UnderscoreNoPlural", "ministries", 0, "", "", false},
		{"NotALetter", "F/A-18S", 0, "", "", false},
		{"ExplicitNoSpace", "sneak thieves", 2, "SNEAK THIEVES", "CRM", false},
		{"NoES", "churchs", 1, "CHURCHS", "REL", false},
		{"WrittenBeatsAuto", "persons", 1, "PERSONS", "PPL", false},
		{"NoCode", "islamic extremist", 2, "ISLAMIC EXTREMIST", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, n := a.Match(words(tt.tokens))
			if n != tt.n {
				t.Fatalf("Match(%q) = %+v, %d words; want %d", tt.tokens, e, n, tt.n)
			}
			if n == 0 {
				return
			}
			if e.Phrase != tt.phrase || e.Code != tt.code || e.Prefix != tt.prefix {
				t.Errorf("Match(%q) = %q %q prefix=%v, want %q %q prefix=%v", tt.tokens, e.Phrase, e.Code, e.Prefix, tt.phrase, tt.code, tt.prefix)
			}
		})
	}
	if len(a.Warnings) != 1 || a.Warnings[0].Line != 25 {
		t.Errorf("Warnings = %v, want one for the missing code on line 25", a.Warnings)
	}
}

func TestAgentsReadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"ErrUnbalancedBracket", "POLICE [~COP\n", 1, "unbalanced"},
		{"ErrUnbalancedBrace", "POLICE {POLICES [~COP]\n", 1, "unbalanced"},
		{"ErrStrayClose", "POLICE ~COP]\n", 1, "unbalanced"},
		{"ErrNoTilde", "POLICE [COP]\n", 1, "needs ~"},
		{"ErrOnlyTilde", "POLICE [~]\n", 1, "bad agent code"},
		{"ErrTwoTildes", "POLICE [~COP~]\n", 1, "bad agent code"},
		{"ErrUndefinedSet", "# sets\nCONGRESS!PERSON! [~LEG]\n", 2, "undefined substitution set !PERSON!"},
		{"ErrUnterminatedMarker", "!A! = B\nX!A [~LEG]\n", 2, "unterminated"},
		{"ErrSetTwice", "!A! = B\n!A! = C\n", 2, "defined twice"},
		{"ErrEmptyMember", "!A! = B,,C\n", 1, "empty member"},
		{"ErrEmptySetName", "!! = B\n", 1, "empty substitution set name"},
		{"ErrEmptyPhrase", "[~GOV]\n", 1, "empty phrase"},
		{"ErrBracesAfterCode", "POLICE [~COP] {}\n", 1, "after the code"},
		{"ErrTooMany", "!A! = A,B,C,D,E,F,G,H\n!A!!A!!A!!A! [~X]\n", 2, "more than 1024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := dict.NewAgents().Read(strings.NewReader(tt.src), "bad.agents")
			var le *dict.LineError
			if !errors.As(err, &le) {
				t.Fatalf("Read() error = %v, want a *LineError", err)
			}
			if le.File != "bad.agents" || le.Line != tt.line || !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("Read() error = %v, want bad.agents:%d: ...%s...", err, tt.line, tt.msg)
			}
		})
	}
}

func TestAgentsSetsAreFileScoped(t *testing.T) {
	a := dict.NewAgents()
	if err := a.Read(strings.NewReader("!P! = MAN\nCONGRESS!P! [~LEG]\n"), "one"); err != nil {
		t.Fatal(err)
	}
	if err := a.Read(strings.NewReader("!P! = WOMAN\nCONGRESS!P! [~LEG]\n"), "two"); err != nil {
		t.Fatalf("a set may be defined again in another file: %v", err)
	}
	if err := a.Read(strings.NewReader("CHAIR!P! [~LEG]\n"), "three"); err == nil {
		t.Error("a set of another file should not be known")
	}
	if e, _ := a.Match([]string{"CONGRESSWOMAN"}); e == nil || e.Ref != "two:2" {
		t.Errorf("CONGRESSWOMAN = %+v, want from two:2", e)
	}
}

func TestAgentsReal(t *testing.T) {
	tests := []struct {
		file     string
		min, max int
		checks   []agentCheck
	}{
		{"PETR.Validate.agents.txt", 140, 200, []agentCheck{
			{"FOREIGN MINISTER", "GOVFRM", false},
			{"FOREIGN MINISTERS", "GOVFRM", false},
			{"CONGRESSMEN", "LEG", false},
			{"CONGRESSES", "LEG", false},
			{"HUMAN RIGHTS BODY", "NGO", true},
			{"HUMAN RIGHTS ORGANIZATION", "NGO", true},
			{"MINISTRIES OF SILLY WALKS", "GOV", false},
			{"GOLDEN GEESE", "GGS", false},
			{"POLICE", "COP", false},
		}},
		{"Phoenix.agents.txt", 4500, 6000, []agentCheck{
			{"AGRICULTURALISTS", "AGR", false},
			{"CATTLEMEN", "AGR", false},
			{"FOREIGN MINISTER", "GOV", false},
			{"MINISTRY FOR AGRICULTURE", "GOVAGR", false},
			{"CHAMBERS OF COMMERCE", "BUS", false},
			{"POLICE", "COP", false},
			{"DEPARMENT OF ENVIRONMENT", "ENV", false},
			{"PEACEKEEPING TROOPS", "IGO", true},
			{"ENVOYS", "GOV", false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := dict.NewAgents()
			if err := a.Read(bytes.NewReader(dictFile(t, tt.file)), tt.file); err != nil {
				t.Fatal(err)
			}
			if n := a.Len(); n < tt.min || n > tt.max {
				t.Errorf("Len() = %d, want %d–%d", n, tt.min, tt.max)
			}
			for _, c := range tt.checks {
				w := strings.Fields(c.phrase)
				e, n := a.Match(w)
				if e == nil || n != len(w) {
					t.Errorf("Match(%q) = %v, %d; want the whole phrase", c.phrase, e, n)
					continue
				}
				if e.Code != c.code || e.Prefix != c.prefix {
					t.Errorf("%q = %q prefix=%v, want %q prefix=%v (%s)", c.phrase, e.Code, e.Prefix, c.code, c.prefix, e.Ref)
				}
			}
		})
	}
}

type agentCheck struct {
	phrase string
	code   string
	prefix bool
}

func FuzzReadAgents(f *testing.F) {
	f.Add(agentsSrc)
	f.Add("!A! = B, C\nX!A!Y!A! {Z!A!} [~Q]\n")
	f.Add("Y [~Y]\nS [S~]\n{} [~]\n")
	f.Fuzz(func(t *testing.T, src string) {
		a := dict.NewAgents()
		err := a.Read(strings.NewReader(src), "fuzz")
		var le *dict.LineError
		if err != nil && !errors.As(err, &le) {
			t.Fatalf("Read() error %v is not a *LineError", err)
		}
		for _, line := range strings.Split(src, "\n") {
			toks := words(line)
			if e, n := a.Match(toks); e != nil && (n < 1 || n > len(toks)) {
				t.Fatalf("Match(%q) covers %d words", toks, n)
			}
		}
	})
}

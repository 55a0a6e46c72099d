package dict_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/dyad-events/dyad/dict"
)

// dictFile returns the content of a PETRARCH dictionary file from the
// shared data directory (DYAD_SHARED_DATA, or ../../shared/data), skipping
// the test when it is absent.
func dictFile(tb testing.TB, name string) []byte {
	tb.Helper()
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	path := filepath.Join(dir, "petrarch", "dictionaries", name)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("shared data not found: %s (set DYAD_SHARED_DATA to the shared data directory)", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// day returns midnight UTC of a date.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// words splits a phrase into uppercase tokens, as the coder passes them.
func words(s string) []string { return strings.Fields(strings.ToUpper(s)) }

// mustActors reads src into a new Actors, failing the test on error.
func mustActors(tb testing.TB, src string) *dict.Actors {
	tb.Helper()
	a := dict.NewActors()
	if err := a.Read(strings.NewReader(src), "t.actors"); err != nil {
		tb.Fatal(err)
	}
	return a
}

const actorsSrc = `<!-- test actors -->
# a comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_ # the capital

HAMAS_MILITARY_COMMAND [PSEHMSGOV]
HAMAS [psereb] ; TABARI comment
PRESIDENT HOSNI   MURBARAK [EGYGOV]
BOROMIR  [---]

JAMES_BYRNES_  ; CountryInfo.txt
	[USAELI 18970101-450703]
	[USAGOV 450703-470121]

ABDUL_QADIR_  ; CountryInfo.txt
+NUR_MOHAMMAD_TARAKI_
	[AFGELI 620101-780427]
	[AFGGOV 780427-780430]
	[AFGELI]

GOLLUM  # pas 27 Apr 03
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
#	[950601-990815]  commented out
	[HOBREB > 990816]

JAVIER_DE_CUELLAR_	[IGOUNO 820101-911231] [ELI]# IGOrulers.txt
	JOHN_MCCLOY_	[IGOUNODEVWBK 470301-490630]
A.H._BELO_CORPORATION_	[MNCMED]	Newspapers/Magazines	$137,000,000
U.S.S.R
	[USR <911226]
`

func TestActorsRead(t *testing.T) {
	a := mustActors(t, actorsSrc)
	if got, want := a.Len(), 16; got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
	tests := []struct {
		name   string
		tokens string
		n      int // words matched, 0 for no match
		phrase string
		root   string
		code   string
		dated  int
	}{
		{"OK", "AFGHANISTAN says", 1, "AFGHANISTAN", "AFGHANISTAN", "AFG", 0},
		{"Synonym", "Kabul", 1, "KABUL", "AFGHANISTAN", "AFG", 0},
		{"Longest", "Hamas military command said", 3, "HAMAS MILITARY COMMAND", "HAMAS MILITARY COMMAND", "PSEHMSGOV", 0},
		{"Shorter", "Hamas military said", 1, "HAMAS", "HAMAS", "PSEREB", 0},
		{"BlanksAndUnderscores", "President Hosni Murbarak", 3, "PRESIDENT HOSNI MURBARAK", "PRESIDENT HOSNI MURBARAK", "EGYGOV", 0},
		{"NullCode", "Boromir", 1, "BOROMIR", "BOROMIR", "---", 0},
		{"Dated", "James Byrnes", 2, "JAMES BYRNES", "JAMES BYRNES", "", 2},
		{"SynonymShareDates", "Nur Mohammad Taraki", 3, "NUR MOHAMMAD TARAKI", "ABDUL QADIR", "AFGELI", 2},
		{"IndentedDefault", "Abdul Qadir", 2, "ABDUL QADIR", "ABDUL QADIR", "AFGELI", 2},
		{"BlanksInRestriction", "Smeagol", 1, "SMEAGOL", "GOLLUM", "", 3},
		{"InlineRestrictions", "Javier de Cuellar", 3, "JAVIER DE CUELLAR", "JAVIER DE CUELLAR", "ELI", 1},
		{"IndentedPrimary", "John McCloy", 2, "JOHN MCCLOY", "JOHN MCCLOY", "", 1},
		{"TextAfterCode", "A.H. Belo Corporation", 3, "A.H. BELO CORPORATION", "A.H. BELO CORPORATION", "MNCMED", 0},
		{"NoCode", "U.S.S.R", 1, "U.S.S.R", "U.S.S.R", "", 1},
		{"WholeWordsOnly", "Afghanistans", 0, "", "", "", 0},
		{"NoMatch", "Gondor", 0, "", "", "", 0},
		{"Empty", "", 0, "", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, n := a.Match(words(tt.tokens))
			if n != tt.n {
				t.Fatalf("Match(%q) covers %d words, want %d", tt.tokens, n, tt.n)
			}
			if tt.n == 0 {
				if e != nil {
					t.Fatalf("Match(%q) = %+v, want nil", tt.tokens, e)
				}
				return
			}
			if e.Phrase != tt.phrase || e.Root != tt.root || e.Code != tt.code || len(e.Dated) != tt.dated {
				t.Errorf("Match(%q) = phrase %q root %q code %q %d dated, want %q %q %q %d",
					tt.tokens, e.Phrase, e.Root, e.Code, len(e.Dated), tt.phrase, tt.root, tt.code, tt.dated)
			}
			if !strings.HasPrefix(e.Ref, "t.actors:") {
				t.Errorf("Ref = %q, want t.actors:LINE", e.Ref)
			}
		})
	}
	if e, _ := a.Match(words("Kabul")); e.Ref != "t.actors:5" {
		t.Errorf("KABUL Ref = %q, want t.actors:5", e.Ref)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0].Msg, "text after the codes") {
		t.Errorf("Warnings = %v, want one about text after the codes", a.Warnings)
	}
}

func TestActorEntryCodeAt(t *testing.T) {
	a := mustActors(t, actorsSrc+`
SAM_GAMGEE [HOB]  # default
	[HOBCIV <20080120]
	[ORCHOB 20100109-20100112] # overrides the next one
	[HOBMIL 20080120-20121109]
	[HOBGOV 20121109-20130119]
	[HOBELI >20130119]
`)
	tests := []struct {
		name   string
		tokens string
		at     time.Time
		want   string
	}{
		{"BeforeFirst", "Sam Gamgee", day(2000, 1, 1), "HOBCIV"},
		{"UpperBoundInclusive", "Sam Gamgee", day(2008, 1, 20), "HOBCIV"},
		{"LowerBoundInclusive", "Sam Gamgee", day(2008, 1, 21), "HOBMIL"},
		{"FirstRestrictionWins", "Sam Gamgee", day(2010, 1, 10), "ORCHOB"},
		{"AfterOverride", "Sam Gamgee", day(2010, 1, 13), "HOBMIL"},
		{"LateInTheDay", "Sam Gamgee", time.Date(2010, 1, 12, 23, 59, 0, 0, time.UTC), "ORCHOB"},
		{"OtherZone", "Sam Gamgee", time.Date(2010, 1, 12, 23, 0, 0, 0, time.FixedZone("X", -10*3600)), "ORCHOB"},
		{"Open", "Sam Gamgee", day(2030, 1, 1), "HOBELI"},
		{"TwoDigitYear1945", "James Byrnes", day(1945, 7, 3), "USAELI"},
		{"TwoDigitYearAfter", "James Byrnes", day(1946, 1, 1), "USAGOV"},
		{"NoRestrictionNoDefault", "James Byrnes", day(1950, 1, 1), ""},
		{"SynonymDated", "Nur Mohammad Taraki", day(1978, 4, 28), "AFGGOV"},
		{"SynonymDefault", "Nur Mohammad Taraki", day(1990, 1, 1), "AFGELI"},
		{"BeforeRestriction", "U.S.S.R", day(1991, 12, 26), "USR"},
		{"AfterBeforeRestriction", "U.S.S.R", day(1991, 12, 27), ""},
		{"TwoDigitYear1995", "Smeagol", day(1995, 6, 1), "HOB"},
		{"Range8", "Smeagol", day(1999, 8, 15), "HOBGOV"},
		{"Gap", "Smeagol", day(1999, 8, 16), "HOBREB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := a.Match(words(tt.tokens))
			if e == nil {
				t.Fatalf("Match(%q) = nil", tt.tokens)
			}
			if got := e.CodeAt(tt.at); got != tt.want {
				t.Errorf("%s CodeAt(%s) = %q, want %q", e.Phrase, tt.at.Format(time.DateTime), got, tt.want)
			}
		})
	}
}

func TestActorsReadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"ErrUnbalancedOpen", "ISRAEL [ISR\n", 1, "unbalanced"},
		{"ErrUnbalancedClose", "ISRAEL ISR]\n", 1, "unbalanced"},
		{"ErrUnbalancedAfterCode", "ISRAEL [ISR] ]\n", 1, "unbalanced"},
		{"ErrNestedBracket", "ISRAEL [IS[R]\n", 1, "unbalanced"},
		{"ErrRestrictionFirst", "# header\n\t[ISR >900101]\n", 2, "before any record"},
		{"ErrSynonymFirst", "+ISRAELI\n", 1, "before any record"},
		{"ErrSynonymCode", "ISRAEL\n+ISRAELI [ISR]\n", 2, "synonym"},
		{"ErrEmptySynonym", "ISRAEL\n+ _ \n", 2, "empty synonym"},
		{"ErrMissingPhrase", "_ [ISR]\n", 1, "missing phrase"},
		{"ErrBadDateLength", "ISRAEL\n\t[ISR >9001011]\n", 2, "bad date"},
		{"ErrBadDateDigits", "ISRAEL\n\t[ISR >90O101]\n", 2, "bad date"},
		{"ErrBadDay", "ISRAEL\n\t[ISR 900230-900301]\n", 2, "no such day"},
		{"ErrBadMonth", "ISRAEL\n\t[ISR <19901301]\n", 2, "no such day"},
		{"ErrBareDate", "ISRAEL\n\t[ISR 19900101]\n", 2, "needs <, > or a range"},
		{"ErrInverted", "ISRAEL\n\t[ISR 20121207-20120802]\n", 2, "inverted"},
		{"ErrOpenRange", "ISRAEL\n\t[ISR 900101-]\n", 2, "bad date"},
		{"ErrNoCode", "ISRAEL\n\t[950601-990815]\n", 2, "missing code"},
		{"ErrNoCodeBefore", "ISRAEL\n\t[>950601]\n", 2, "missing code"},
		{"ErrEmptyCode", "ISRAEL []\n", 1, "empty code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := dict.NewActors().Read(strings.NewReader(tt.src), "bad.actors")
			var le *dict.LineError
			if !errors.As(err, &le) {
				t.Fatalf("Read() error = %v, want a *LineError", err)
			}
			if le.File != "bad.actors" || le.Line != tt.line || !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("Read() error = %v, want bad.actors:%d: ...%s...", err, tt.line, tt.msg)
			}
			if want := "bad.actors:"; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Error() = %q, want prefix %q", err.Error(), want)
			}
		})
	}
}

func TestReadIOError(t *testing.T) {
	boom := errors.New("boom")
	readers := map[string]interface {
		Read(io.Reader, string) error
	}{
		"Actors":   dict.NewActors(),
		"Agents":   dict.NewAgents(),
		"Discards": dict.NewDiscards(),
		"Issues":   dict.NewIssues(),
	}
	for name, d := range readers {
		t.Run(name, func(t *testing.T) {
			r := io.MultiReader(strings.NewReader("ISRAEL [ISR\n"), iotest.ErrReader(boom))
			err := d.Read(r, "broken")
			var le *dict.LineError
			if !errors.Is(err, boom) || errors.As(err, &le) || !strings.Contains(err.Error(), "broken") {
				t.Errorf("Read() error = %v, want the read error, naming the file", err)
			}
		})
	}
}

func TestActorsErrorKeepsEarlierEntries(t *testing.T) {
	a := dict.NewActors()
	err := a.Read(strings.NewReader("ISRAEL [ISR]\n\t[ISRGOV >900101]\nJORDAN [JOR\n"), "t.actors")
	if err == nil {
		t.Fatal("Read() succeeded, want an error for line 3")
	}
	if e, _ := a.Match([]string{"ISRAEL"}); e == nil || e.Code != "ISR" || len(e.Dated) != 1 {
		t.Errorf("ISRAEL = %+v, want ISR with its restriction", e)
	}
	if e, _ := a.Match([]string{"JORDAN"}); e != nil {
		t.Errorf("JORDAN = %+v, want nil: its line is malformed", e)
	}
}

func TestActorsDuplicate(t *testing.T) {
	a := mustActors(t, "PALESTINIAN [pse]\nPALESTINE [PAL]\n+PALESTINIAN\n")
	if got := a.Len(); got != 2 {
		t.Errorf("Len() = %d, want 2", got)
	}
	e, _ := a.Match([]string{"PALESTINIAN"})
	if e.Code != "PSE" || e.Ref != "t.actors:1" {
		t.Errorf("PALESTINIAN = %q %s, want PSE t.actors:1 (first definition wins)", e.Code, e.Ref)
	}
	if len(a.Warnings) != 1 || a.Warnings[0].Line != 3 {
		t.Errorf("Warnings = %v, want one for line 3", a.Warnings)
	}
}

func TestActorsSecondDefault(t *testing.T) {
	a := mustActors(t, "GROUP_OF_EIGHT_\t[IGOBUSGOE]\n+G_8_\n\t[IGOGOE]\n")
	e, _ := a.Match(words("G 8"))
	if e == nil || e.Code != "IGOBUSGOE" {
		t.Fatalf("G 8 = %+v, want code IGOBUSGOE", e)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0].Msg, "second default code") {
		t.Errorf("Warnings = %v, want one about a second default code", a.Warnings)
	}
}

func TestActorsLatin1(t *testing.T) {
	src := []byte("C\xd4TE_D'IVOIRE_ [CIV]\n+ABIDJAN\nKRAK\xc3\xb3W [POL]\n")
	a := dict.NewActors()
	if err := a.Read(bytes.NewReader(src), "latin1.actors"); err != nil {
		t.Fatal(err)
	}
	if e, n := a.Match([]string{"CÔTE", "D'IVOIRE"}); n != 2 || e.Code != "CIV" {
		t.Errorf("Match(CÔTE D'IVOIRE) = %+v, %d; want CIV, 2", e, n)
	}
	if e, _ := a.Match([]string{"KRAKÓW"}); e == nil || e.Code != "POL" {
		t.Errorf("Match(KRAKÓW) = %+v, want POL (a UTF-8 line stays UTF-8)", e)
	}
	if len(a.Warnings) != 1 || a.Warnings[0].Line != 1 || !strings.Contains(a.Warnings[0].Msg, "Latin-1") {
		t.Errorf("Warnings = %v, want one Latin-1 warning for line 1", a.Warnings)
	}
}

func TestActorsCRLFAndBOM(t *testing.T) {
	a := mustActors(t, "\ufeffISRAEL [ISR]\r\n+ISRAELI\r\n\t[ISRGOV >900101]\r\n")
	e, n := a.Match([]string{"ISRAELI"})
	if n != 1 || e.Code != "ISR" || len(e.Dated) != 1 {
		t.Errorf("Match(ISRAELI) = %+v, want ISR with one restriction", e)
	}
}

func TestActorsSeveralFiles(t *testing.T) {
	a := dict.NewActors()
	if err := a.Read(strings.NewReader("ISRAEL [ISR]\n"), "one"); err != nil {
		t.Fatal(err)
	}
	if err := a.Read(strings.NewReader("\t[ISRGOV]\n"), "two"); err == nil {
		t.Error("a restriction at the start of a second file should not extend the last record of the first")
	}
	if err := a.Read(strings.NewReader("ISRAEL [XXX]\nJORDAN [JOR]\n"), "three"); err != nil {
		t.Fatal(err)
	}
	if e, _ := a.Match([]string{"ISRAEL"}); e.Code != "ISR" || e.Ref != "one:1" {
		t.Errorf("ISRAEL = %s %s, want ISR from one:1", e.Code, e.Ref)
	}
	if e, _ := a.Match([]string{"JORDAN"}); e == nil || e.Ref != "three:2" {
		t.Errorf("JORDAN = %+v, want three:2", e)
	}
}

func TestActorsReal(t *testing.T) {
	tests := []struct {
		file     string
		min, max int
		checks   []actorCheck
	}{
		{"PETR.Validate.actors.txt", 150, 200, []actorCheck{
			{"ARNOR", time.Time{}, "ARN"},
			{"PALESTINIAN", time.Time{}, "PSE"},
			{"PALESTINE", time.Time{}, "PAL"},
			{"LORIEN", time.Time{}, "ELR/GAL"},
			{"ISILDUR", time.Time{}, "+++"},
			{"SMEAGOL", day(1995, 6, 1), "HOB"},
			{"SMEAGOL", day(1999, 8, 17), "HOBREB"},
			{"SAM GAMGEE", day(2010, 1, 10), "ORCHOB"},
			{"PRINCE OF DOL AMROTH", day(1990, 1, 1), "---"},
			{"PRINCE OF DOL AMROTH", day(2000, 1, 1), "DOL"},
		}},
		{"Phoenix.Countries.actors.txt", 25000, 27000, []actorCheck{
			{"FRANCE", time.Time{}, "FRA"},
			{"AFGHANISTAN", time.Time{}, "AFG"},
			{"KABUL", time.Time{}, "AFG"},
			{"PRESIDENT OBAMA", day(2010, 6, 1), "USAGOV"},
			{"PRESIDENT OBAMA", day(1990, 6, 1), "USAELI"},
			{"PRESIDENT OBAMA", day(2005, 6, 1), ""},
			{"VLADIMIR PUTIN", day(1995, 1, 1), "RUSELI"},
			{"VLADIMIR PUTIN", day(2005, 1, 1), "RUSGOV"},
			{"VLADIMIR PUTIN", day(2020, 1, 1), "RUSGOV"},
			{"HAMID KARZAI", day(2005, 1, 1), "AFGGOV"},
			{"KARZAI", day(1980, 1, 1), "AFGELI"},
			{"FAEROYENE", time.Time{}, "DNKFRO"},
			{"KAMAL GANZOURI", day(2012, 1, 1), "EGYGOV"},
			{"SOUTH SUDAN", day(2008, 1, 1), "SDNSSDAUT"},
			{"SOUTH SUDAN", day(2012, 1, 1), "SSD"},
		}},
		{"Phoenix.International.actors.txt", 6000, 8000, []actorCheck{
			{"UN", time.Time{}, "IGOUNO"},
			{"U.N.", time.Time{}, "IGOUNO"},
			{"BAN KI-MOON", day(2010, 1, 1), "IGOUNO"},
			{"BAN KI-MOON", day(2005, 1, 1), "KORGOVBUS"},
			{"JAVIER DE CUELLAR", day(1985, 1, 1), "IGOUNO"},
			{"JAVIER DE CUELLAR", day(1995, 1, 1), "ELI"},
			{"A.H. BELO CORPORATION", time.Time{}, "MNCMED"},
		}},
		{"Phoenix.MilNonState.actors.txt", 1500, 2500, []actorCheck{
			{"ABU NIDAL ORGANIZATION", time.Time{}, "IMGMUSALQ"},
			{"FATAH REVOLUTIONARY COUNCIL", time.Time{}, "IMGMUSALQ"},
			{"HAMAS", time.Time{}, "PSEREBHMS"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := dictFile(t, tt.file)
			a := dict.NewActors()
			if err := a.Read(bytes.NewReader(src), tt.file); err != nil {
				t.Fatal(err)
			}
			if n := a.Len(); n < tt.min || n > tt.max {
				t.Errorf("Len() = %d, want %d–%d", n, tt.min, tt.max)
			}
			for _, c := range tt.checks {
				c.check(t, a)
			}
		})
	}
}

type actorCheck struct {
	phrase string
	at     time.Time // zero: check the default code
	code   string
}

func (c actorCheck) check(t *testing.T, a *dict.Actors) {
	t.Helper()
	w := strings.Fields(c.phrase)
	e, n := a.Match(w)
	if e == nil || n != len(w) {
		t.Errorf("Match(%q) = %v, %d; want the whole phrase", c.phrase, e, n)
		return
	}
	got := e.Code
	if !c.at.IsZero() {
		got = e.CodeAt(c.at)
	}
	if got != c.code {
		t.Errorf("%q at %s = %q, want %q (%s)", c.phrase, c.at.Format(time.DateOnly), got, c.code, e.Ref)
	}
}

// BenchmarkLoadPhoenix loads the Phoenix actor files and agents.
func BenchmarkLoadPhoenix(b *testing.B) {
	actors := [][]byte{
		dictFile(b, "Phoenix.Countries.actors.txt"),
		dictFile(b, "Phoenix.International.actors.txt"),
		dictFile(b, "Phoenix.MilNonState.actors.txt"),
	}
	agents := dictFile(b, "Phoenix.agents.txt")
	for b.Loop() {
		a := dict.NewActors()
		for _, src := range actors {
			if err := a.Read(bytes.NewReader(src), "actors"); err != nil {
				b.Fatal(err)
			}
		}
		g := dict.NewAgents()
		if err := g.Read(bytes.NewReader(agents), "agents"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkActorsMatch matches a sentence's tokens at every position.
func BenchmarkActorsMatch(b *testing.B) {
	a := dict.NewActors()
	if err := a.Read(bytes.NewReader(dictFile(b, "Phoenix.Countries.actors.txt")), "countries"); err != nil {
		b.Fatal(err)
	}
	toks := words("The French foreign minister met President Barack Obama in Kabul on Tuesday to discuss the war in Afghanistan")
	for b.Loop() {
		for i := range toks {
			a.Match(toks[i:])
		}
	}
}

func FuzzReadActors(f *testing.F) {
	f.Add(actorsSrc)
	f.Add("ISRAEL [ISR]\n\t[ISRGOV 900101-910101]\n\t[ISRMIL >20000101]\n+ISRAELI\n")
	f.Add("X [A <1] [B >999999]\n\t[C 010101-]\n")
	f.Add("\xff\xfe [A]\n+\x00\n")
	f.Fuzz(func(t *testing.T, src string) {
		a := dict.NewActors()
		err := a.Read(strings.NewReader(src), "fuzz")
		var le *dict.LineError
		if err != nil && !errors.As(err, &le) {
			t.Fatalf("Read() error %v is not a *LineError", err)
		}
		for _, line := range strings.Split(src, "\n") {
			toks := words(line)
			if e, n := a.Match(toks); e != nil {
				if n < 1 || n > len(toks) {
					t.Fatalf("Match(%q) covers %d words", toks, n)
				}
				e.CodeAt(time.Now())
			}
		}
	})
}

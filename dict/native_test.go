package dict_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/dict"
)

func TestActorsReadNative(t *testing.T) {
	const src = `# countries
AFG = Afghanistan | Afghan | Kabul
AFGGOV 1996-09-27..2001-11-13, AFGINS ..2021-08-14, AFGGOV 2021-08-15.. = Taliban
IMGMOSALQ = al-Qaeda
  | al Qaeda     # a continuation line
CHN = People's Republic of China
`
	a := dict.NewActors()
	if err := a.ReadNative(strings.NewReader(src), "test.actors"); err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, tc := range []struct {
		phrase, date, code, ref string
	}{
		{"AFGHANISTAN", "2020-01-01", "AFG", "test.actors:2"},
		{"KABUL", "2020-01-01", "AFG", "test.actors:2"},
		{"TALIBAN", "2000-01-01", "AFGGOV", "test.actors:3"},
		{"TALIBAN", "2021-08-14", "AFGINS", "test.actors:3"},
		{"TALIBAN", "2021-08-15", "AFGGOV", "test.actors:3"},
		{"AL-QAEDA", "2020-01-01", "IMGMOSALQ", "test.actors:4"},
		{"AL - QAEDA", "2020-01-01", "IMGMOSALQ", "test.actors:4"},
		{"AL QAEDA", "2020-01-01", "IMGMOSALQ", "test.actors:4"},
		{"PEOPLE 'S REPUBLIC OF CHINA", "2020-01-01", "CHN", "test.actors:6"},
	} {
		words := strings.Fields(tc.phrase)
		e, n := a.Match(words)
		if e == nil || n != len(words) {
			t.Errorf("Match(%q) = %v, %d; want the whole phrase", tc.phrase, e, n)
			continue
		}
		if got := e.CodeAt(day(tc.date)); got != tc.code {
			t.Errorf("%q on %s: got %s, want %s", tc.phrase, tc.date, got, tc.code)
		}
		if e.Ref != tc.ref {
			t.Errorf("%q: ref %s, want %s", tc.phrase, e.Ref, tc.ref)
		}
	}
}

func TestAgentsReadNative(t *testing.T) {
	const src = `~GOV = minister | spokesman {spokesmen} | authorities {}
NGO~ = aid group
`
	a := dict.NewAgents()
	if err := a.ReadNative(strings.NewReader(src), "test.agents"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		phrase, code string
		prefix       bool
	}{
		{"MINISTER", "GOV", false},
		{"MINISTERS", "GOV", false},
		{"SPOKESMEN", "GOV", false},
		{"AUTHORITIES", "GOV", false},
		{"AID GROUPS", "NGO", true},
	} {
		words := strings.Fields(tc.phrase)
		e, n := a.Match(words)
		if e == nil || n != len(words) || e.Code != tc.code || e.Prefix != tc.prefix {
			t.Errorf("Match(%q) = %+v, %d; want %s prefix=%v", tc.phrase, e, n, tc.code, tc.prefix)
		}
	}
	if e, n := a.Match([]string{"AUTHORITIESES"}); e != nil {
		t.Errorf("{} gave a plural: %+v %d", e, n)
	}
}

func TestVerbsReadNative(t *testing.T) {
	const src = `&TALKS_ = talks | negotiations
== 046 NEGOTIATE
negotiate | hold talks
== --- HOLD
hold
- * &TALKS_ (WITH +) [046]
== 193 SHOOT
shoot | open fire [190]
`
	d := dict.NewVerbs()
	if err := d.ReadNative(strings.NewReader(src), "test.verbs"); err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) > 0 {
		t.Errorf("warnings: %v", d.Warnings)
	}
	for _, tc := range []struct {
		form, code, ref string
	}{
		{"NEGOTIATED", "046", "test.verbs:3"},
		{"HELD", "046", "test.verbs:3"}, // hold talks
		{"SHOT", "193", "test.verbs:8"},
		{"OPENED", "190", "test.verbs:8"},
	} {
		vs := d.Lookup(tc.form)
		if len(vs) == 0 {
			t.Errorf("Lookup(%s): none", tc.form)
			continue
		}
		if vs[0].Code != tc.code || vs[0].Ref != tc.ref {
			t.Errorf("Lookup(%s) = %s at %s, want %s at %s", tc.form, vs[0].Code, vs[0].Ref, tc.code, tc.ref)
		}
	}
	b := d.Blocks[1]
	if b.Name != "HOLD" || len(b.Patterns) != 1 || b.Patterns[0].Ref != "test.verbs:6" || b.Patterns[0].Code != "046" {
		t.Fatalf("HOLD block: %+v", b)
	}
	if got := len(d.Synsets["&TALKS"]); got != 2 {
		t.Errorf("&TALKS has %d members, want 2 (no plurals)", got)
	}
}

func TestReadNativeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, kind, src string
		line            int
		msg             string
	}{
		{"NoEquals", "actors", "AFG Afghanistan\n", 1, "want CODES"},
		{"BadCode", "actors", "# c\nAfg = Afghanistan\n", 2, "bad code"},
		{"BadDate", "actors", "AFG 2021-13-01.. = Afghanistan\n", 1, "bad date"},
		{"Inverted", "actors", "AFG 2021-01-02..2021-01-01 = Afghanistan\n", 1, "inverted"},
		{"NoDates", "actors", "AFG .. = Afghanistan\n", 1, "no dates"},
		{"TwoDefaults", "actors", "AFG, PAK = Afghanistan\n", 1, "second undated"},
		{"EmptyName", "actors", "AFG = Afghanistan | | Kabul\n", 1, "empty phrase"},
		{"Bracket", "actors", "AFG = Afghan [x]\n", 1, "holds"},
		{"Continuation", "actors", "  | Kabul\n", 1, "continuation"},
		{"AgentTilde", "agents", "GOV = minister\n", 1, "needs one ~"},
		{"AgentPlural", "agents", "~GOV = minister {ministers\n", 1, "bad plural"},
		{"VerbOutside", "verbs", "say\n", 1, "outside a verb block"},
		{"VerbBadCode", "verbs", "== 0x1 SAY\n", 1, "bad event code"},
		{"VerbTwoPlus", "verbs", "== 010 SAY\n+wire +tap\n", 2, "two verb words"},
		{"PatternStar", "verbs", "== 010 SAY\nsay\n- * * + [010]\n", 3, "exactly one *"},
		{"PatternCode", "verbs", "== 010 SAY\nsay\n\n- * +\n", 4, "no [code]"},
		{"SynsetSyntax", "verbs", "&SET talks\n", 1, "want &NAME"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			r := strings.NewReader(tc.src)
			switch tc.kind {
			case "actors":
				err = dict.NewActors().ReadNative(r, "f")
			case "agents":
				err = dict.NewAgents().ReadNative(r, "f")
			case "verbs":
				err = dict.NewVerbs().ReadNative(r, "f")
			}
			var le *dict.LineError
			if !errors.As(err, &le) {
				t.Fatalf("got %v, want a *LineError", err)
			}
			if le.File != "f" || le.Line != tc.line || !strings.Contains(le.Msg, tc.msg) {
				t.Errorf("got %v, want f:%d: ...%s...", le, tc.line, tc.msg)
			}
		})
	}
}

// TestNativeRoundTrip converts actors and agents between the formats and
// back, and checks that nothing changes.
func TestNativeRoundTrip(t *testing.T) {
	const actors = `AFG = Afghanistan | Afghan
AFGGOV 1996-09-27..2001-11-13, AFGINS ..2021-08-14, AFGGOV 2021-08-15.. = Taliban | Taleban
PAKELI, PAKGOV 2024-03-04.. = Shehbaz Sharif
`
	const agents = `~GOV = minister | spokesman {spokesmen} | authorities {}
NGO~ = aid group
`
	a := dict.NewActors()
	if err := a.ReadNative(strings.NewReader(actors), "a"); err != nil {
		t.Fatal(err)
	}
	var pet, nat bytes.Buffer
	if err := dict.WriteActorsPETRARCH(&pet, a); err != nil {
		t.Fatal(err)
	}
	a2 := dict.NewActors()
	if err := a2.Read(bytes.NewReader(pet.Bytes()), "p"); err != nil {
		t.Fatalf("%v\n%s", err, pet.String())
	}
	if err := dict.WriteActorsNative(&nat, a2); err != nil {
		t.Fatal(err)
	}
	a3 := dict.NewActors()
	if err := a3.ReadNative(bytes.NewReader(nat.Bytes()), "n"); err != nil {
		t.Fatalf("%v\n%s", err, nat.String())
	}
	if got, want := actorSummary(a3), actorSummary(a); got != want {
		t.Errorf("round trip:\n%s\nwant\n%s\nPETRARCH:\n%s", got, want, pet.String())
	}

	g := dict.NewAgents()
	if err := g.ReadNative(strings.NewReader(agents), "g"); err != nil {
		t.Fatal(err)
	}
	pet.Reset()
	nat.Reset()
	if err := dict.WriteAgentsPETRARCH(&pet, g); err != nil {
		t.Fatal(err)
	}
	g2 := dict.NewAgents()
	if err := g2.Read(bytes.NewReader(pet.Bytes()), "p"); err != nil {
		t.Fatalf("%v\n%s", err, pet.String())
	}
	if err := dict.WriteAgentsNative(&nat, g2); err != nil {
		t.Fatal(err)
	}
	g3 := dict.NewAgents()
	if err := g3.ReadNative(bytes.NewReader(nat.Bytes()), "n"); err != nil {
		t.Fatalf("%v\n%s", err, nat.String())
	}
	if got, want := agentSummary(g3), agentSummary(g); got != want {
		t.Errorf("round trip:\n%s\nwant\n%s\nnative:\n%s", got, want, nat.String())
	}
}

// actorSummary lists phrases with their codes, without references.
func actorSummary(a *dict.Actors) string {
	var b strings.Builder
	for _, e := range a.Entries() {
		b.WriteString(e.Phrase + " " + e.Code)
		for _, d := range e.Dated {
			b.WriteString(" " + d.Code + d.From.Format("20060102") + d.To.Format("20060102"))
		}
		b.WriteByte('\n')
	}
	return sortedLines(b.String())
}

func agentSummary(a *dict.Agents) string {
	var b strings.Builder
	for _, e := range a.Entries() {
		b.WriteString(e.Phrase + " " + e.Code)
		if e.Prefix {
			b.WriteString("~")
		}
		b.WriteByte('\n')
	}
	return sortedLines(b.String())
}

func sortedLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := range lines {
		for j := i + 1; j < len(lines); j++ {
			if lines[j] < lines[i] {
				lines[i], lines[j] = lines[j], lines[i]
			}
		}
	}
	return strings.Join(lines, "\n")
}

// FuzzReadNative checks that the native readers never panic, and that
// their errors name a line of the input.
func FuzzReadNative(f *testing.F) {
	for _, s := range []string{
		"AFG = Afghanistan | Afghan\n",
		"AFGINS ..2021-08-14, AFGGOV 2021-08-15.. = Taliban\n  | Taleban\n",
		"~GOV = minister | spokesman {spokesmen} | x {}\nNGO~ = aid group\n",
		"&T_ = talks | talk\n== 046 N\nnegotiate | hold talks {held}\n- * &T_ (WITH +) [046]\n",
		"== --- X\n+a b\n- $ * (FROM +) [010:020]\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 1
		check := func(err error) {
			var le *dict.LineError
			if errors.As(err, &le) && (le.Line < 0 || le.Line > lines) {
				t.Errorf("error names line %d of %d: %v", le.Line, lines, err)
			}
		}
		check(dict.NewActors().ReadNative(strings.NewReader(src), "f"))
		check(dict.NewAgents().ReadNative(strings.NewReader(src), "f"))
		check(dict.NewVerbs().ReadNative(strings.NewReader(src), "f"))
	})
}

// TestPhoenixToNative converts Phoenix dictionaries to the native format
// and checks that every phrase keeps its codes.
func TestPhoenixToNative(t *testing.T) {
	for _, name := range []string{"Phoenix.MilNonState.actors.txt", "PETR.Validate.actors.txt"} {
		t.Run(name, func(t *testing.T) {
			a := dict.NewActors()
			if err := a.Read(bytes.NewReader(dictFile(t, name)), name); err != nil {
				t.Fatal(err)
			}
			var nat bytes.Buffer
			if err := dict.WriteActorsNative(&nat, a); err != nil {
				t.Fatal(err)
			}
			b := dict.NewActors()
			if err := b.ReadNative(&nat, "native"); err != nil {
				t.Fatal(err)
			}
			for _, e := range a.Entries() {
				words := strings.Fields(e.Phrase)
				got, n := b.Match(words)
				if got == nil || n != len(words) {
					t.Errorf("%s (%s): lost", e.Phrase, e.Ref)
					continue
				}
				if got.Code != e.Code || len(got.Dated) != len(e.Dated) {
					t.Errorf("%s (%s): codes %s %v, want %s %v", e.Phrase, e.Ref, got.Code, got.Dated, e.Code, e.Dated)
				}
			}
		})
	}
	t.Run("Phoenix.agents.txt", func(t *testing.T) {
		a := dict.NewAgents()
		if err := a.Read(bytes.NewReader(dictFile(t, "Phoenix.agents.txt")), "agents"); err != nil {
			t.Fatal(err)
		}
		var nat bytes.Buffer
		if err := dict.WriteAgentsNative(&nat, a); err != nil {
			t.Fatal(err)
		}
		b := dict.NewAgents()
		if err := b.ReadNative(&nat, "native"); err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Entries() {
			words := strings.Fields(e.Phrase)
			got, n := b.Match(words)
			if got == nil || n != len(words) || got.Code != e.Code || got.Prefix != e.Prefix {
				t.Errorf("%s (%s): got %+v, want %s", e.Phrase, e.Ref, got, e.Code)
			}
		}
	})
}

// TestVerbsToNative converts a PETRARCH verb dictionary to the native
// format and back, and checks that every verb form keeps its verb and code
// and that no block, pattern or transformation is lost.
func TestVerbsToNative(t *testing.T) {
	const name = "PETR.Validate.verbs.2.0.txt"
	d := dict.NewVerbs()
	if err := d.Read(bytes.NewReader(dictFile(t, name)), name); err != nil {
		t.Fatal(err)
	}
	var nat, pet bytes.Buffer
	if err := dict.WriteVerbsNative(&nat, d); err != nil {
		t.Fatal(err)
	}
	if err := dict.WriteVerbsPETRARCH(&pet, d); err != nil {
		t.Fatal(err)
	}
	fromNative, fromPETRARCH := dict.NewVerbs(), dict.NewVerbs()
	if err := fromNative.ReadNative(&nat, "native"); err != nil {
		t.Fatal(err)
	}
	if err := fromPETRARCH.Read(&pet, "petrarch"); err != nil {
		t.Fatal(err)
	}
	count := func(d *dict.Verbs) (blocks, verbs, patterns int) {
		for _, b := range d.Blocks {
			patterns += len(b.Patterns)
		}
		return len(d.Blocks), d.Len(), patterns
	}
	b0, v0, p0 := count(d)
	for _, c := range []struct {
		name string
		d    *dict.Verbs
	}{{"native", fromNative}, {"PETRARCH", fromPETRARCH}} {
		if b, v, p := count(c.d); b != b0 || v != v0 || p != p0 || len(c.d.Transforms) != len(d.Transforms) {
			t.Errorf("%s: %d blocks, %d verbs, %d patterns; want %d, %d, %d", c.name, b, v, p, b0, v0, p0)
		}
		for _, b := range d.Blocks {
			for _, v := range b.Verbs {
				for _, f := range v.Forms {
					found := false
					for _, v2 := range c.d.Lookup(f) {
						found = found || v2.Code == v.Code && v2.Phrase() == v.Phrase()
					}
					if !found {
						t.Errorf("%s: %s (%s %s) lost", c.name, f, v.Phrase(), v.Code)
					}
				}
			}
		}
	}
}

package eval_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/eval"
)

// parse is a two-word CoNLL-U parse as it appears inside <Parse>.
const parse = "\n1\tArnor\tArnor\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n" +
	"2\tprotested\tprotest\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n"

// suiteXML wraps records in a suite whose <Include> is include.
func suiteXML(include, records string) string {
	return `<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- a comment -->
<Environment>
    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Include>` + include + `</Include>
    <Config option="stop_on_error" value="True" />
</Environment>
<Sentences>
` + records + `
</Sentences>
</Validation>
`
}

// record returns a <Sentence> with the given attributes and codings.
func record(attrs, codings string) string {
	return `<Sentence ` + attrs + `>
<!-- Last update: 29 July 2013 -->
` + codings + `
<Text>
Arnor   protested
  &amp; more.
</Text>
<Parse>` + parse + `</Parse></Sentence>
`
}

func TestReadSuite(t *testing.T) {
	arnGon := []eval.Triple{{Source: "ARN", Target: "GON", Code: "050"}}
	const coding = `<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />`
	tests := []struct {
		name      string
		include   string
		record    string
		evaluated bool
		expected  []eval.Triple
		err       string // the Error field
	}{
		{"OK", "valid DEMO", record(`source="DEMO" date="19950101" id="R" sentence="true"`, coding), true, arnGon, ""},
		{"TwoCodings", "valid DEMO", record(`source="DEMO" date="19950101" id="R" sentence="true"`,
			coding+"\n"+`<EventCoding eventcode="111" sourcecode="GON" targetcode="---" />`), true,
			append(arnGon, eval.Triple{Source: "GON", Target: "---", Code: "111"}), ""},
		{"NoEvents", "valid DEMO", record(`source="DEMO" date="19950101" id="R" sentence="true"`, `<EventCoding noevents="True" />`), true, nil, ""},
		{"NoEventsElement", "valid DEMO", record(`source="DEMO" date="19950101" id="R" sentence="true"`, `<EventCoding noevents="True"> </EventCoding>`), true, nil, ""},
		{"ExpectedError", "valid DEMO", record(`source="DEMO" date="19950101" id="R" sentence="true"`, `<EventCoding error="storydiscard" />`), true, nil, "storydiscard"},
		{"ExcludedCategory", "valid DEMO", record(`source="DEMOx" date="19950101" id="R" sentence="true"`, coding), false, arnGon, ""},
		{"CategoryIsCaseSensitive", "valid DEMO", record(`source="demo" date="19950101" id="R" sentence="true"`, coding), false, arnGon, ""},
		{"SentenceFalse", "valid DEMO", record(`source="DEMO" date="19950101" id="R" sentence="false"`, coding), false, arnGon, ""},
		{"SentenceMissing", "valid DEMO", record(`source="DEMO" date="19950101" id="R"`, coding), false, arnGon, ""},
		{"EvaluateOverridesSentence", "valid DEMO", record(`source="DEMO" date="19950101" id="R" sentence="false" evaluate="True"`, coding), true, arnGon, ""},
		{"EvaluateFalse", "valid DEMO", record(`source="DEMO" date="19950101" id="R" sentence="true" evaluate="false"`, coding), false, arnGon, ""},
		{"CategoryAttribute", "valid DEMO", record(`source="AFP" category="DEMO" date="19950101" id="R" sentence="true"`, coding), true, arnGon, ""},
		{"NoCoding", "valid DEMO", record(`source="DEMO" date="19950101" id="R" sentence="true"`, ""), false, nil, ""},
		{"ValidIsNotACategory", "valid DEMO", record(`source="valid" date="19950101" id="R" sentence="true"`, coding), false, arnGon, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := eval.ReadSuite(strings.NewReader(suiteXML(tt.include, tt.record)))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := s.Include, []string{"DEMO"}; !reflect.DeepEqual(got, want) {
				t.Errorf("got Include %q, want %q", got, want)
			}
			if len(s.Records) != 1 {
				t.Fatalf("got %d records, want 1", len(s.Records))
			}
			rec := s.Records[0]
			if rec.Evaluated != tt.evaluated {
				t.Errorf("got Evaluated %v, want %v", rec.Evaluated, tt.evaluated)
			}
			if !reflect.DeepEqual(rec.Expected, tt.expected) {
				t.Errorf("got Expected %v, want %v", rec.Expected, tt.expected)
			}
			if rec.Error != tt.err {
				t.Errorf("got Error %q, want %q", rec.Error, tt.err)
			}
		})
	}
}

func TestReadSuite_fields(t *testing.T) {
	input := suiteXML("valid DEMO VERB",
		record(`source="DEMO" date="19950102" id="DEMO_00" sentence="true"`, `<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />`)+
			`<Config option="require_dyad" value="false" />`+
			record(`source="VERB" id="VERB_01" sentence="true"`, `<EventCoding noevents="True" />`)+
			`<Stop></Stop>`+
			record(`source="VERB" id="VERB_02" sentence="true"`, `<EventCoding noevents="True" />`))
	s, err := eval.ReadSuite(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Environment, map[string]string{"Verbfile": "PETR.Validate.verbs.txt"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got Environment %v, want %v", got, want)
	}
	if len(s.Records) != 2 {
		t.Fatalf("got %d records, want 2 (reading stops at <Stop>)", len(s.Records))
	}
	r0, r1 := s.Records[0], s.Records[1]
	if r0.ID != "DEMO_00" || r0.Category != "DEMO" {
		t.Errorf("got ID %q, category %q, want DEMO_00, DEMO", r0.ID, r0.Category)
	}
	if want := time.Date(1995, 1, 2, 0, 0, 0, 0, time.UTC); !r0.Date.Equal(want) {
		t.Errorf("got date %v, want %v", r0.Date, want)
	}
	if !r1.Date.IsZero() {
		t.Errorf("got date %v for a record without one, want zero", r1.Date)
	}
	if want := "Arnor protested & more."; r0.Text != want {
		t.Errorf("got text %q, want %q", r0.Text, want)
	}
	if r0.Sentence == nil {
		t.Fatal("got no Sentence")
	}
	if r0.Sentence.ID != "DEMO_00" || r0.Sentence.Text != r0.Text || len(r0.Sentence.Tokens) != 2 ||
		r0.Sentence.Tokens[1].Lemma != "protest" || r0.Sentence.Tokens[0].Head != 2 {
		t.Errorf("got sentence %+v", *r0.Sentence)
	}
	if got, want := r0.Options, map[string]string{"stop_on_error": "True"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got options %v, want %v", got, want)
	}
	if got, want := r1.Options, map[string]string{"stop_on_error": "True", "require_dyad": "false"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got options %v, want %v", got, want)
	}
}

func TestReadSuite_noInclude(t *testing.T) {
	input := `<Validation><Sentences>` +
		record(`source="ANY" id="A" sentence="true"`, `<EventCoding noevents="True" />`) +
		`</Sentences></Validation>`
	s, err := eval.ReadSuite(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	if s.Include != nil || len(s.Records) != 1 || !s.Records[0].Evaluated {
		t.Errorf("got Include %q and records %+v, want nil and one evaluated record", s.Include, s.Records)
	}
}

func TestReadSuite_errors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // a prefix of the error message
	}{
		{"ErrXML", "<Validation><Sentence id='a'>", "eval: suite: XML syntax error on line 1: unexpected EOF"},
		{"ErrDate", suiteXML("DEMO", record(`source="DEMO" date="1995-01-01" id="R" sentence="true"`, "")),
			`eval: record R: bad date "1995-01-01", want YYYYMMDD`},
		{"ErrCoding", suiteXML("DEMO", record(`source="DEMO" id="R" sentence="true"`, `<EventCoding sourcecode="ARN" />`)),
			`eval: record R: <EventCoding> has no eventcode, noevents="True" or error`},
		{"ErrParse", suiteXML("DEMO", strings.Replace(record(`source="DEMO" id="R" sentence="true"`, ""), "\t2\tnsubj", "\tx\tnsubj", 1)),
			`eval: record R: <Parse>: conllu: line 2: invalid HEAD "x" of word 1`},
		{"ErrTwoSentences", suiteXML("DEMO", strings.Replace(record(`source="DEMO" id="R" sentence="true"`, ""), "</Parse>", "\n"+parse+"</Parse>", 1)),
			`eval: record R: <Parse>: more than one CoNLL-U sentence`},
		{"ErrEmptyParse", `<Validation><Sentence id="R"><Parse>

</Parse></Sentence></Validation>`, `eval: record R: <Parse>: no CoNLL-U sentence`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eval.ReadSuite(strings.NewReader(tt.input))
			if err == nil {
				t.Fatalf("got no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got error %q, want %q", err, tt.want)
			}
			if got := dyad.ErrorCode(err); got != dyad.EINVALID {
				t.Errorf("got code %q, want %q", got, dyad.EINVALID)
			}
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadSuite_readError(t *testing.T) {
	_, err := eval.ReadSuite(failingReader{})
	if err == nil || err.Error() != "eval: read suite: disk on fire" {
		t.Fatalf("got %v, want the read error", err)
	}
	if got := dyad.ErrorCode(err); got != dyad.EINTERNAL {
		t.Errorf("got code %q, want %q", got, dyad.EINTERNAL)
	}
}

const unitTests = "petrarch/validation/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"

// readUnitTests reads PETRARCH's unit-test suite from the shared data,
// skipping the test when it is absent.
func readUnitTests(tb testing.TB) *eval.Suite {
	tb.Helper()
	dir := os.Getenv("DYAD_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	path := filepath.Join(dir, filepath.FromSlash(unitTests))
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		tb.Skipf("%s not found (set DYAD_SHARED_DATA to the shared data directory)", path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := eval.ReadSuite(f)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestReadSuite_unitTests(t *testing.T) {
	s := readUnitTests(t)
	wantInclude := []string{"DEMO", "ACTOR", "VERB", "AGENT", "COMPOUND", "PARSING", "PATTERN", "DATE", "MODIFY", "SYNSET", "ERROR"}
	if !reflect.DeepEqual(s.Include, wantInclude) {
		t.Errorf("got Include %q, want %q", s.Include, wantInclude)
	}
	evaluated, triples, none, errs, words := 0, 0, 0, 0, 0
	for _, r := range s.Records {
		if r.Sentence == nil || len(r.Sentence.Tokens) == 0 {
			t.Errorf("record %s has no parse", r.ID)
			continue
		}
		words += len(r.Sentence.Tokens)
		if !r.Evaluated {
			continue
		}
		evaluated++
		triples += len(r.Expected)
		if len(r.Expected) == 0 {
			none++
		}
		if r.Error != "" {
			errs++
		}
	}
	t.Logf("%d records, %d evaluated, %d expected triples, %d expecting none (%d an error), %d words",
		len(s.Records), evaluated, triples, none, errs, words)
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"records", len(s.Records), 284},
		{"evaluated records", evaluated, 278},
		{"expected triples in evaluated records", triples, 343},
		{"evaluated records expecting no events", none, 26},
		{"evaluated records expecting an error", errs, 7},
	} {
		if c.got != c.want {
			t.Errorf("got %d %s, want %d", c.got, c.name, c.want)
		}
	}
	first := s.Records[0]
	if first.ID != "DEMO_00" || first.Text != "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy." ||
		!reflect.DeepEqual(first.Expected, []eval.Triple{{Source: "ARN", Target: "GON", Code: "050"}}) {
		t.Errorf("got first record %+v", first)
	}
}

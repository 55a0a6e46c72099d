package eval_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/dyad-events/dyad/eval"
)

// FuzzReadSuite checks that reading arbitrary bytes never panics, and that
// whatever reads can be scored.
func FuzzReadSuite(f *testing.F) {
	const coding = `<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />`
	seeds := []string{
		"",
		"<Validation/>",
		suiteXML("valid DEMO", record(`source="DEMO" date="19950101" id="R" sentence="true"`, coding)),
		suiteXML("DEMO", record(`source="DEMO" id="R" sentence="true" evaluate="false"`, `<EventCoding noevents="True"> </EventCoding>`)+
			`<Config option="require_dyad" value="false" />`+
			record(`source="DEMO" id="S" sentence="true"`, `<EventCoding error="storydiscard" />`)+"<Stop/>"),
		`<Validation><Sentence id="R"><Parse>1	a	a	X	_	_	0	root	_	_</Parse></Sentence></Validation>`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := eval.ReadSuite(bytes.NewReader(data))
		if err != nil {
			return
		}
		r, err := eval.Score(context.Background(), s, perfect)
		if err != nil {
			t.Fatal(err)
		}
		if r.Exact != r.Records {
			t.Fatalf("perfect coder exact on %d of %d records", r.Exact, r.Records)
		}
		for _, rec := range s.Records {
			if rec.Sentence != nil && (rec.Sentence.ID != rec.ID || rec.Sentence.Text != rec.Text) {
				t.Fatalf("record %q: sentence has ID %q and text %q", rec.ID, rec.Sentence.ID, rec.Sentence.Text)
			}
		}
	})
}

package ner

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestSpans(t *testing.T) {
	tests := []struct {
		tags []string
		want []Span
	}{
		{nil, nil},
		{[]string{"O", "O"}, nil},
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{[]string{"B-LOC", "B-LOC"}, []Span{{0, 1, "LOC"}, {1, 2, "LOC"}}},
		// conlleval and seqeval start an entity at an I- that continues nothing.
		{[]string{"O", "I-ORG", "I-ORG"}, []Span{{1, 3, "ORG"}}},
		{[]string{"B-PER", "I-LOC"}, []Span{{0, 1, "PER"}, {1, 2, "LOC"}}},
	}
	for _, tt := range tests {
		if got := Spans(tt.tags); !slices.Equal(got, tt.want) {
			t.Errorf("Spans(%q) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	var sc Score
	sc.Add([]string{"B-PER", "I-PER", "O", "B-LOC"}, []string{"B-PER", "I-PER", "O", "B-ORG"})
	sc.Add([]string{"B-LOC", "I-LOC", "O"}, []string{"B-LOC", "O", "O"})
	tests := []struct {
		name string
		got  Counts
		want Counts
	}{
		{"all", sc.All, Counts{Gold: 3, Predicted: 3, Correct: 1}},
		{"PER", sc.ByType["PER"], Counts{Gold: 1, Predicted: 1, Correct: 1}},
		{"LOC", sc.ByType["LOC"], Counts{Gold: 2, Predicted: 1}},
		{"ORG", sc.ByType["ORG"], Counts{Predicted: 1}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, tt.got, tt.want)
		}
	}
	if got := sc.All.F1(); math.Abs(got-1.0/3) > 1e-12 {
		t.Errorf("F1 = %v, want 1/3", got)
	}
	if got := sc.Types(); !slices.Equal(got, []string{"LOC", "ORG", "PER"}) {
		t.Errorf("Types() = %q", got)
	}
	if (Counts{}).F1() != 0 {
		t.Error("F1 of nothing is not 0")
	}
}

func TestMisc(t *testing.T) {
	tests := []struct{ misc, tag, want string }{
		{"", "B-PER", "NE=B-PER"},
		{"_", "I-LOC", "NE=I-LOC"},
		{"SpaceAfter=No", "B-ORG", "SpaceAfter=No|NE=B-ORG"},
		{"NE=B-LOC|SpaceAfter=No", "O", "SpaceAfter=No"},
		{"NE=B-LOC", "O", ""},
		{"_", "O", "_"},
		{"NE=B-LOC|X=1", "B-PER", "X=1|NE=B-PER"},
	}
	for _, tt := range tests {
		got := SetMisc(tt.misc, tt.tag)
		if got != tt.want {
			t.Errorf("SetMisc(%q, %q) = %q, want %q", tt.misc, tt.tag, got, tt.want)
		}
		want := tt.tag
		if want == "" {
			want = "O"
		}
		if tag := MiscTag(got); tag != want {
			t.Errorf("MiscTag(%q) = %q, want %q", got, tag, want)
		}
	}
}

func TestGazetteer(t *testing.T) {
	g := newGazetteer([]Name{
		{"Rostov-on-Don", "city"}, {"New York", "city"}, {"New York Times", "media"},
		{"McDonald's", "company"}, {"York", "city"},
	})
	tests := []struct {
		words string
		want  []match
	}{
		{"to Rostov - on - Don .", []match{{1, 6, 1}}},
		{"the new york times", []match{{1, 3, 1}, {1, 4, 2}, {2, 3, 1}}},
		{"at McDonald 's", []match{{1, 3, 4}}},
		{"York -", []match{{0, 1, 1}}},
		{"nothing here", nil},
	}
	for _, tt := range tests {
		if got := matches(strings.Fields(tt.words), g.lookup); !slices.Equal(got, tt.want) {
			t.Errorf("matches(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}

func TestShape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pakistan", "Xx"}, {"U.S.", "X.X."}, {"5.5", "d.d"}, {"iPhone", "xXx"}, {"", ""}, {"Zürich", "Xx"},
	}
	for _, tt := range tests {
		if got := shape(tt.in); got != tt.want {
			t.Errorf("shape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

const tinyIOB2 = `# newdoc id = d1
# sent_id = d1-1
# text = Khwaja Asif visited Kabul .
1	Khwaja	B-PER	-	-
2	Asif	I-PER	-	-
3	visited	O	-	-
4	Kabul	B-LOC	-	-
5	.	O	-	-

# sent_id = d1-2
1	The	O	-	-
2	United	B-ORG	-	-
3	Nations	I-ORG	-	-
4	met	O	-	-
5	in	O	-	-
6	Geneva	B-LOC	-	-

# newdoc id = d2
1	Asif	B-PER	-	-
2	left	O	-	-
3	Geneva	B-LOC	-	-
4	for	O	-	-
5	Islamabad	B-LOC	-	-
`

func TestReadIOB2(t *testing.T) {
	docs, err := ReadIOB2(strings.NewReader(tinyIOB2))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].ID != "d1" || docs[1].ID != "d2" {
		t.Fatalf("got %d documents", len(docs))
	}
	d := docs[0]
	if len(d.Sentences) != 2 || d.Sentences[0].ID != "d1-1" || d.Sentences[0].Text != "Khwaja Asif visited Kabul ." {
		t.Fatalf("first document: %+v", d.Sentences)
	}
	if got := d.Tags[1]; !slices.Equal(got, []string{"O", "B-ORG", "I-ORG", "O", "O", "B-LOC"}) {
		t.Errorf("tags %q", got)
	}
	if f := d.Sentences[1].Tokens[2]; f.Form != "Nations" || f.ID != 3 {
		t.Errorf("token %+v", f)
	}
	if n := len(docs[1].Sentences); n != 1 {
		t.Errorf("second document has %d sentences", n)
	}

	bad := []struct{ name, in string }{
		{"tag", "1\tKabul\tB-\n"},
		{"id", "2\tKabul\tO\n"},
		{"columns", "1\tKabul\n"},
		{"prefix", "1\tKabul\tE-LOC\n"},
	}
	for _, tt := range bad {
		if _, err := ReadIOB2(strings.NewReader(tt.in)); err == nil {
			t.Errorf("%s: no error for %q", tt.name, tt.in)
		}
	}
}

func FuzzReadIOB2(f *testing.F) {
	f.Add(tinyIOB2)
	f.Add("# newdoc id = x\n1\ta\tI-X\n\n\n1\tb\tO\textra\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadIOB2(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			if len(d.Sentences) != len(d.Tags) {
				t.Fatalf("%d sentences, %d tag rows", len(d.Sentences), len(d.Tags))
			}
			for i, s := range d.Sentences {
				if len(s.Tokens) != len(d.Tags[i]) {
					t.Fatalf("%d words, %d tags", len(s.Tokens), len(d.Tags[i]))
				}
				for _, sp := range Spans(d.Tags[i]) {
					if sp.Start < 0 || sp.End > len(s.Tokens) || sp.Start >= sp.End {
						t.Fatalf("bad span %v", sp)
					}
				}
			}
		}
	})
}

func TestTrainRoundTrip(t *testing.T) {
	docs, err := ReadIOB2(strings.NewReader(tinyIOB2))
	if err != nil {
		t.Fatal(err)
	}
	names := []Name{{"Kabul", "city"}, {"United Nations", "igos"}}
	epochs := 0
	train := func() []byte {
		tg, err := Train(docs, TrainOptions{Epochs: 8, Seed: 3, Names: names, Epoch: func(int, *Tagger) { epochs++ }})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := tg.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	b := train()
	if epochs != 8 {
		t.Errorf("Epoch called %d times, want 8", epochs)
	}
	if !bytes.Equal(b, train()) {
		t.Error("two trainings with the same seed differ")
	}
	tg, err := Read(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := tg.Labels(); !slices.Equal(got, []string{"O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PER", "I-PER"}) {
		t.Errorf("labels %q", got)
	}
	for _, d := range docs {
		tg.TagDocument(d.Sentences)
		for i, s := range d.Sentences {
			for j, tok := range s.Tokens {
				if got := MiscTag(tok.Misc); got != d.Tags[i][j] {
					t.Errorf("%q tagged %s, want %s", tok.Form, got, d.Tags[i][j])
				}
			}
		}
	}
	if _, err := Read(bytes.NewReader(b[:len(b)/2])); err == nil {
		t.Error("no error reading a truncated model")
	}
}

func TestTrainErrors(t *testing.T) {
	docs, err := ReadIOB2(strings.NewReader(tinyIOB2))
	if err != nil {
		t.Fatal(err)
	}
	docs[0].Tags[0] = docs[0].Tags[0][:2]
	if _, err := Train(docs, TrainOptions{Epochs: 1}); err == nil {
		t.Error("no error for a tag row shorter than its sentence")
	}
}

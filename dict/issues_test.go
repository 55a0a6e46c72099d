package dict_test

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict"
)

const issuesSrc = `# Test issues
<ISSUE CATEGORY="EDUCATION" TYPE="ALL">
n:school [SCHOOLS]
law school [POSTSECONDARY_EDUCATION]
pre+n:school [EARLY_CHILDHOOD_EDUCATION]
early+childhood education [EARLY_CHILDHOOD_EDUCATION]
n:university [POSTSECONDARY_EDUCATION]
n:bus [TRANSPORT]
literacy [LITERACY]
~financial literacy
~~Armenian genocide  # not coding historical cases
</ISSUE>
</ISSUE>

<ISSUE CATEGORY="KIDNAP" TYPE="COUNTEVENT">
v:kidnap
v:abduct
v:rape [SEXUAL_VIOLENCE]
v:bury [DEATH]
v:traffic [TRAFFICKING]
v:massacre [ID_ATROCITY]
n:genocide [ID_ATROCITY]
</ISSUE>
intimidation of press [CENSORSHIP]intimidation of the media [CENSORSHIP]
aqim [TERROR] [TERROR]
al+qaeda [TERROR] [MUSLIM]
denial+of+service [CYBER]
astrovirus†infection [DISEASE]
weapons_grade plutonium [NUCLEAR]
n:traveler[TOURISM]
liberation tigers of tamil eelam [TERROR]*******
`

func TestIssuesMatch(t *testing.T) {
	is := dict.NewIssues()
	if err := is.Read(strings.NewReader(issuesSrc), "t.issues"); err != nil {
		t.Fatal(err)
	}
	type m = dict.IssueMatch
	tests := []struct {
		name string
		text string
		want []dict.IssueMatch
	}{
		{"OK", "Literacy rates rose.", []m{{"LITERACY", 1}}},
		{"NounPlural", "Schools reopened.", []m{{"SCHOOLS", 1}}},
		{"NounES", "Buses stopped.", []m{{"TRANSPORT", 1}}},
		{"NounIES", "Two universities closed.", []m{{"POSTSECONDARY_EDUCATION", 1}}},
		{"Overlap", "He went to law school.", []m{{"POSTSECONDARY_EDUCATION", 1}, {"SCHOOLS", 1}}},
		{"Counts", "A school, another school and a university.", []m{{"SCHOOLS", 2}, {"POSTSECONDARY_EDUCATION", 1}}},
		{"PlusBlank", "pre school children", []m{{"EARLY_CHILDHOOD_EDUCATION", 1}, {"SCHOOLS", 1}}},
		{"PlusHyphen", "pre-schools", []m{{"EARLY_CHILDHOOD_EDUCATION", 1}, {"SCHOOLS", 1}}},
		{"PlusCombinations", "a denial-of service attack", []m{{"CYBER", 1}}},
		{"PlusAllHyphens", "denial-of-service", []m{{"CYBER", 1}}},
		{"EarlyChildhood", "early-childhood education", []m{{"EARLY_CHILDHOOD_EDUCATION", 1}}},
		{"CategoryCode", "Gunmen kidnapped two.", []m{{"KIDNAP", 1}}},
		{"VerbS", "He abducts.", []m{{"KIDNAP", 1}}},
		{"VerbING", "kidnapping and kidnaping", []m{{"KIDNAP", 2}}},
		{"VerbE", "they massacred and were massacring", []m{{"ID_ATROCITY", 2}}},
		{"VerbY", "buried, burying, buries", []m{{"DEATH", 3}}},
		{"VerbC", "trafficked", []m{{"TRAFFICKING", 1}}},
		{"VerbRapes", "rapes", []m{{"SEXUAL_VIOLENCE", 1}}},
		{"TwoOnALine", "intimidation of the media", []m{{"CENSORSHIP", 1}}},
		{"TwoOnALineFirst", "intimidation of press", []m{{"CENSORSHIP", 1}}},
		{"RepeatedCode", "AQIM struck", []m{{"TERROR", 1}}},
		{"TwoCodes", "al-Qaeda struck", []m{{"TERROR", 1}, {"MUSLIM", 1}}},
		{"Dagger", "astrovirus infection", []m{{"DISEASE", 1}}},
		{"Underscore", "weapons grade  plutonium", []m{{"NUCLEAR", 1}}},
		{"NoSpaceBeforeCode", "travelers", []m{{"TOURISM", 1}}},
		{"TrailingJunk", "the Liberation Tigers of Tamil Eelam", []m{{"TERROR", 1}}},
		{"WholeWords", "schoolteacher", nil},
		{"WholeWordsEnd", "literacy-based", []m{{"LITERACY", 1}}},
		{"Ignore", "Financial literacy improved at school.", nil},
		{"IgnoreDouble", "the Armenian genocide", nil},
		{"NoIgnore", "genocide", []m{{"ID_ATROCITY", 1}}},
		{"None", "Ministers met.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := is.Match(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Match(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
	var msgs []string
	for _, w := range is.Warnings {
		msgs = append(msgs, w.Msg)
	}
	if len(msgs) != 2 || !strings.Contains(msgs[0], "</ISSUE>") || !strings.Contains(msgs[1], "*******") {
		t.Errorf("Warnings = %q, want a stray </ISSUE> and the trailing *******", msgs)
	}
}

func TestIssuesReadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"ErrNoCategory", "# x\neec\n", 2, "without a code"},
		{"ErrAfterClose", "<ISSUE CATEGORY=\"EU\">\n</ISSUE>\neec\n", 3, "without a code"},
		{"ErrUnbalancedOpen", "school [SCHOOLS\n", 1, "unbalanced"},
		{"ErrUnbalancedClose", "school SCHOOLS]\n", 1, "unbalanced"},
		{"ErrEmptyCode", "school []\n", 1, "bad issue code"},
		{"ErrBlankInCode", "school [A B]\n", 1, "bad issue code"},
		{"ErrCodeWithoutPhrase", "[SCHOOLS]\n", 1, "code without a phrase"},
		{"ErrTextAfterCode", "school [SCHOOLS] college\n", 1, "after the code"},
		{"ErrIgnoreCode", "~school [SCHOOLS]\n", 1, "code on an ignore line"},
		{"ErrTripleTilde", "~~~school\n", 1, "more than two ~"},
		{"ErrEmptyIgnore", "~~ # nothing\n", 1, "empty phrase"},
		{"ErrNested", "<ISSUE CATEGORY=\"A\">\n<ISSUE CATEGORY=\"B\">\n", 2, "inside"},
		{"ErrCategoryQuotes", "<ISSUE CATEGORY=A>\n", 1, "quotes"},
		{"ErrCategoryUnterminated", "<ISSUE CATEGORY=\"A>\n", 1, "unterminated"},
		{"ErrEmptyInflection", "n: [X]\n", 1, "nothing to inflect"},
		{"ErrTooMany", "a+b+c+d+e+f+g+h+i+j+k+l [X]\n", 1, "more than 10 +"},
		{"ErrTooManyTokens", "a+b+c+d+e+f a+b+c+d+e+f a+b [X]\n", 1, "more than 1024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := dict.NewIssues().Read(strings.NewReader(tt.src), "bad.issues")
			var le *dict.LineError
			if !errors.As(err, &le) {
				t.Fatalf("Read() error = %v, want a *LineError", err)
			}
			if le.File != "bad.issues" || le.Line != tt.line || !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("Read() error = %v, want bad.issues:%d: ...%s...", err, tt.line, tt.msg)
			}
		})
	}
}

func TestIssuesReal(t *testing.T) {
	is := dict.NewIssues()
	const file = "Phoenix.IssueCoding.txt"
	if err := is.Read(bytes.NewReader(dictFile(t, file)), file); err != nil {
		t.Fatal(err)
	}
	if n := is.Len(); n < 4000 || n > 6000 {
		t.Errorf("Len() = %d, want 4000–6000", n)
	}
	type m = dict.IssueMatch
	tests := []struct {
		text string
		want []dict.IssueMatch
	}{
		{"Teachers protested outside the kindergarten.", []m{{"TEACHERS", 1}, {"EARLY_CHILDHOOD_EDUCATION", 1}}},
		{"The European Central Bank raised rates.", []m{{"EUROPEAN_UNION", 1}}},
		{"Rebels kidnapped an aid worker.", []m{{"KIDNAP", 1}}},
		{"He got a head start.", nil},
		{"The ruling drew accusations of a massacre.", []m{{"ID_ATROCITY", 1}}},
	}
	for _, tt := range tests {
		if got := is.Match(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Match(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func BenchmarkIssuesMatch(b *testing.B) {
	is := dict.NewIssues()
	if err := is.Read(bytes.NewReader(dictFile(b, "Phoenix.IssueCoding.txt")), "issues"); err != nil {
		b.Fatal(err)
	}
	const text = "The French foreign minister met President Barack Obama in Kabul on Tuesday to discuss the war in Afghanistan and the reconstruction of its schools."
	for b.Loop() {
		is.Match(text)
	}
}

func FuzzReadIssues(f *testing.F) {
	f.Add(issuesSrc, "pre-schools and law school")
	f.Add("<ISSUE CATEGORY=\"X\">\nn:y+v:z\n~+\n", "y z")
	f.Add("v:ie [A]\nn:+ [B]\n", "ies")
	f.Fuzz(func(t *testing.T, src, text string) {
		is := dict.NewIssues()
		err := is.Read(strings.NewReader(src), "fuzz")
		var le *dict.LineError
		if err != nil && !errors.As(err, &le) {
			t.Fatalf("Read() error %v is not a *LineError", err)
		}
		for _, m := range is.Match(text) {
			if m.Code == "" || m.Count < 1 {
				t.Fatalf("Match(%q) gave %+v", text, m)
			}
		}
		is.Match(src)
	})
}

// BenchmarkLoadIssues loads Phoenix.IssueCoding.txt and Phoenix.discards.txt.
func BenchmarkLoadIssues(b *testing.B) {
	issues := dictFile(b, "Phoenix.IssueCoding.txt")
	discards := dictFile(b, "Phoenix.discards.txt")
	for b.Loop() {
		if err := dict.NewIssues().Read(bytes.NewReader(issues), "issues"); err != nil {
			b.Fatal(err)
		}
		if err := dict.NewDiscards().Read(bytes.NewReader(discards), "discards"); err != nil {
			b.Fatal(err)
		}
	}
}

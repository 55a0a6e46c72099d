package tokenize_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/nlp/tokenize"
)

// words returns the words of text, multiword tokens shown as a+b.
func words(tk *tokenize.Tokenizer, text string) string {
	var out []string
	for _, t := range tk.Tokens(text) {
		out = append(out, strings.Join(t.Words(text), "+"))
	}
	return strings.Join(out, " ")
}

func TestTokens(t *testing.T) {
	tk := tokenize.New()
	tests := []struct {
		name, text, want string
	}{
		{"Possessive", "Pakistan's army", "Pakistan+'s army"},
		{"PluralPossessive", "the Tigers' chief", "the Tigers+' chief"},
		{"Negation", "They don't, can't and won't.", "They do+n't , ca+n't and wo+n't ."},
		{"Clitics", "I'm sure we'll see you've left", "I+'m sure we+'ll see you+'ve left"},
		{"CurlyApostrophe", "it’s Bush’s", "it+’s Bush+’s"},
		{"Cannot", "We cannot go", "We can+not go"},
		{"Abbreviations", "Gen. Smith of the U.S. Army on Oct. 5", "Gen. Smith of the U.S. Army on Oct. 5"},
		{"SentenceFinalPeriod", "He left.", "He left ."},
		{"Quotes", `He said "no" and 'maybe'.`, `He said " no " and ' maybe ' .`},
		{"CurlyQuotes", "“No,” he said.", "“ No , ” he said ."},
		{"Brackets", "(Reuters) [sic]", "( Reuters ) [ sic ]"},
		{"Dashes", "war -- and peace—again", "war -- and peace — again"},
		{"Hyphenated", "Al-Zaman and non-state pro-India actors", "Al - Zaman and non-state pro-India actors"},
		{"URL", "See http://example.com/a?b=1, then", "See http://example.com/a?b=1 , then"},
		{"Email", "Write to john.doe@example.org.", "Write to john.doe@example.org ."},
		{"Numbers", "1,000 people, 5.5% and $200", "1,000 people , 5.5 % and $ 200"},
		{"Phone", "call 713-853-3989 now", "call 713-853-3989 now"},
		{"Ellipsis", "Well... no", "Well ... no"},
		{"Exclamations", "Help!!! Now?!", "Help !!! Now ?!"},
		{"Slash", "and/or 9/11", "and / or 9/11"},
		{"Time", "at 10:30 a.m.", "at 10:30 a.m."},
		{"Plus", "200-plus", "200 - plus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := words(tk, tt.text); got != tt.want {
				t.Errorf("Tokens(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tk := tokenize.New()
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"Simple", "He came. She left.", []string{"He came.", "She left."}},
		{"Abbreviation", "Gen. Smith met Mr. Jones in the U.S. on Oct. 5. Then he left.", []string{"Gen. Smith met Mr. Jones in the U.S. on Oct. 5.", "Then he left."}},
		{"Quote", `"We will fight," he said. "They will lose."`, []string{`"We will fight," he said.`, `"They will lose."`}},
		{"QuestionInQuote", `He asked: "Why?" Nobody knew.`, []string{`He asked: "Why?"`, `Nobody knew.`}},
		{"Headline", "Troops Clash in Kashmir\n\nISLAMABAD (Reuters) - Troops clashed on Monday.", []string{"Troops Clash in Kashmir", "ISLAMABAD (Reuters) - Troops clashed on Monday."}},
		{"HeadlineSingleNewline", "Troops Clash in Kashmir\nTroops clashed on Monday.", []string{"Troops Clash in Kashmir", "Troops clashed on Monday."}},
		{"WrappedLine", "Troops clashed with\nrebels on Monday.", []string{"Troops clashed with\nrebels on Monday."}},
		{"Ellipsis", "Well... we will see.", []string{"Well... we will see."}},
		{"Decimal", "It rose 5.5 percent. Prices fell.", []string{"It rose 5.5 percent.", "Prices fell."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range tk.Sentences(tt.text) {
				got = append(got, tt.text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestToSentenceOffsets(t *testing.T) {
	tk := tokenize.New()
	text := "  Pakistan's army didn't go.  Really?"
	for _, s := range tk.Sentences(text) {
		ds := tokenize.ToSentence(text, s)
		for _, w := range ds.Tokens {
			if ds.Text[w.Start:w.End] != w.Form {
				t.Errorf("word %q at %d:%d is %q", w.Form, w.Start, w.End, ds.Text[w.Start:w.End])
			}
		}
		if len(ds.Multiwords) > 0 {
			m := ds.Multiwords[0]
			if m.Form != "Pakistan's" || m.First != 1 || m.Last != 2 {
				t.Errorf("first multiword = %+v", m)
			}
		}
	}
}

// FuzzTokens checks that tokens and sentences are in order, inside the
// text, non-empty, free of white space and that their words cover them.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Pakistan's army didn't go.", "U.S. Gen. Smith said \"no\"... (Reuters)", "http://a.b/c, x@y.z!", "a--b -- c", "''s 's '", "\n\n\t", "é’s ’ “”", "5.5% 1,000 $5"} {
		f.Add(s)
	}
	tk := tokenize.New()
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, s := range tk.Sentences(text) {
			if s.Start < last || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("sentence %d:%d out of order or range (last %d, len %d)", s.Start, s.End, last, len(text))
			}
			last = s.End
			prev := s.Start
			for _, tok := range s.Tokens {
				if tok.Start < prev || tok.End > s.End || tok.Start >= tok.End {
					t.Fatalf("token %d:%d out of order or range in %q", tok.Start, tok.End, text)
				}
				prev = tok.End
				w := tok.Words(text)
				if strings.Join(w, "") != text[tok.Start:tok.End] {
					t.Fatalf("words %q do not cover token %q", w, text[tok.Start:tok.End])
				}
				for _, x := range w {
					if x == "" {
						t.Fatalf("empty word in token %q", text[tok.Start:tok.End])
					}
				}
				if utf8.ValidString(text) && strings.ContainsAny(text[tok.Start:tok.End], " \t\n\r") {
					t.Fatalf("token %q holds white space", text[tok.Start:tok.End])
				}
			}
			ds := tokenize.ToSentence(text, s)
			for _, w := range ds.Tokens {
				if ds.Text[w.Start:w.End] != w.Form {
					t.Fatalf("word %q at %d:%d is %q", w.Form, w.Start, w.End, ds.Text[w.Start:w.End])
				}
			}
		}
	})
}

package dates_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/conllu"
	"github.com/dyad-events/dyad/dates"
)

// parse reads one CoNLL-U sentence written with blanks between columns.
func parse(t *testing.T, src string) *dyad.Sentence {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(src), "\n") {
		b.WriteString(strings.Join(strings.Fields(line), "\t"))
		b.WriteByte('\n')
	}
	s, err := conllu.NewReader(strings.NewReader(b.String())).Read()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// published is a Wednesday.
var published = time.Date(2026, 11, 25, 15, 4, 0, 0, time.UTC)

// sentence builds "Pakistan struck Kabul <when>." with the temporal words
// attached to the verb (word 2) by rel, their first word heading the rest.
func sentence(t *testing.T, when []string, rel string) *dyad.Sentence {
	lines := []string{
		"1 Pakistan Pakistan PROPN NNP _ 2 nsubj _ _",
		"2 struck strike VERB VBD _ 0 root _ _",
		"3 Kabul Kabul PROPN NNP _ 2 obj _ _",
	}
	// The last word is the head of the temporal phrase; the others depend
	// on it ("on Saturday": on ← Saturday).
	headID := 3 + len(when)
	for i, w := range when {
		id := 4 + i
		if id == headID {
			lines = append(lines, strings.Join([]string{itoa(id), w, w, "NOUN", "NN", "_", "2", rel, "_", "_"}, " "))
		} else {
			r := "case"
			if _, err := time.Parse("2006", w); err == nil || len(w) <= 2 {
				r = "nummod"
			}
			lines = append(lines, strings.Join([]string{itoa(id), w, w, "X", "X", "_", itoa(headID), r, "_", "_"}, " "))
		}
	}
	return parse(t, strings.Join(lines, "\n"))
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		when []string
		rel  string
		want string
		prec dyad.Precision
	}{
		{"Weekday", []string{"on", "Saturday"}, "obl", "2026-11-21", dyad.PrecisionDay},
		{"SameWeekday", []string{"on", "Wednesday"}, "obl", "2026-11-25", dyad.PrecisionDay},
		{"Yesterday", []string{"yesterday"}, "advmod", "2026-11-24", dyad.PrecisionDay},
		{"Today", []string{"today"}, "obl:tmod", "2026-11-25", dyad.PrecisionDay},
		{"LastWeek", []string{"last", "week"}, "obl:tmod", "2026-11-18", dyad.PrecisionDay},
		{"LastMonth", []string{"last", "month"}, "obl:tmod", "2026-10-01", dyad.PrecisionMonth},
		{"LastYear", []string{"last", "year"}, "obl:tmod", "2025-01-01", dyad.PrecisionYear},
		{"Month", []string{"in", "September"}, "obl", "2026-09-01", dyad.PrecisionMonth},
		{"MonthAfterPublication", []string{"in", "December"}, "obl", "2025-12-01", dyad.PrecisionMonth},
		{"MonthDay", []string{"on", "October", "28"}, "obl", "2026-10-28", dyad.PrecisionDay},
		{"DayMonthYear", []string{"on", "12", "March", "2024"}, "obl", "2024-03-12", dyad.PrecisionDay},
		{"Year", []string{"in", "2001"}, "obl", "2001-01-01", dyad.PrecisionYear},
		{"MayIsNotAMonth", []string{"may"}, "advmod", "2026-11-25", dyad.PrecisionDay},
		{"BadDay", []string{"on", "February", "31"}, "obl", "2026-11-25", dyad.PrecisionDay},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dates.Resolve(sentence(t, tt.when, tt.rel), 2, published)
			if got.Time.Format("2006-01-02") != tt.want || got.Precision != tt.prec {
				t.Errorf("got %s (%s, %s), want %s (%s)", got.Time.Format("2006-01-02"), got.Precision, got.How, tt.want, tt.prec)
			}
		})
	}
}

// A day parsed inside one of the verb's phrases is the verb's; one in
// another clause, or a month alone there, is not.
func TestResolveNested(t *testing.T) {
	tests := []struct {
		name, conllu, want string
	}{
		{"UnderObject", `1 Police police NOUN NNS _ 2 nsubj _ _
2 arrested arrest VERB VBD _ 0 root _ _
3 men man NOUN NNS _ 2 obj _ _
4 in in ADP IN _ 5 case _ _
5 Bavaria Bavaria PROPN NNP _ 3 nmod _ _
6 on on ADP IN _ 7 case _ _
7 Tuesday Tuesday PROPN NNP _ 5 nmod _ _`, "2026-11-24"},
		{"OtherClause", `1 Police police NOUN NNS _ 2 nsubj _ _
2 arrested arrest VERB VBD _ 0 root _ _
3 men man NOUN NNS _ 2 obj _ _
4 who who PRON WP _ 5 nsubj _ _
5 fled flee VERB VBD _ 3 acl:relcl _ _
6 on on ADP IN _ 7 case _ _
7 Tuesday Tuesday PROPN NNP _ 5 obl _ _`, "2026-11-25"},
		{"MonthAloneIsNotTheVerbs", `1 Police police NOUN NNS _ 2 nsubj _ _
2 enforced enforce VERB VBD _ 0 root _ _
3 ceasefire ceasefire NOUN NN _ 2 obj _ _
4 of of ADP IN _ 5 case _ _
5 November November PROPN NNP _ 3 nmod _ _
6 2024 2024 NUM CD _ 5 nummod _ _`, "2026-11-25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dates.Resolve(parse(t, tt.conllu), 2, published)
			if got.Time.Format("2006-01-02") != tt.want {
				t.Errorf("got %s (%s), want %s", got.Time.Format("2006-01-02"), got.How, tt.want)
			}
		})
	}
}

func TestResolveDefault(t *testing.T) {
	s := parse(t, `1 Pakistan Pakistan PROPN NNP _ 2 nsubj _ _
2 struck strike VERB VBD _ 0 root _ _
3 Kabul Kabul PROPN NNP _ 2 obj _ _`)
	got := dates.Resolve(s, 2, published)
	if got != dates.Published(published) || got.How != "publication date" {
		t.Errorf("got %+v, want the publication date", got)
	}
}

func FuzzResolve(f *testing.F) {
	f.Add("on", "October", "28")
	f.Add("last", "week", "")
	f.Add("in", "may", "2001")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		var when []string
		for _, w := range []string{a, b, c} {
			if w = strings.Join(strings.Fields(w), ""); w != "" {
				when = append(when, w)
			}
		}
		if len(when) == 0 {
			return
		}
		got := dates.Resolve(sentence(t, when, "obl"), 2, published)
		if got.Time.IsZero() || got.Precision == "" {
			t.Errorf("Resolve(%q) = %+v, want a date", when, got)
		}
	})
}

// Package dates resolves when a sentence says something happened
// ("on Saturday", "in September", "October 28", "last week", "in 2001")
// against the date of the article that reports it.
package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
)

// Date is a resolved event date.
type Date struct {
	Time      time.Time
	Precision dyad.Precision
	// How says what the date was found from, e.g. `"on Saturday"` or
	// "publication date".
	How string
}

// FromPublication is Date.How for a date that is the article's own, the
// sentence having said nothing of when.
const FromPublication = "publication date"

// Published returns the date of publication itself, the default.
func Published(pub time.Time) Date {
	return Date{Time: day(pub), Precision: dyad.PrecisionDay, How: FromPublication}
}

func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// Resolve returns the date of the event coded at verb (a 1-based word ID)
// in s, reported in an article published on pub. It reads the temporal
// words attached to the verb (and to the clause it heads); with none, the
// event is dated on the day of publication.
func Resolve(s *dyad.Sentence, verb int, pub time.Time) Date {
	pub = day(pub)
	for _, phrase := range temporalPhrases(s, verb) {
		if d, ok := resolvePhrase(phrase, pub); ok {
			return d
		}
	}
	if id := nestedDay(s, verb); id > 0 {
		// "arrested three men in raids in Bavaria on Tuesday", with "on
		// Tuesday" parsed under "Bavaria".
		if d, ok := resolvePhrase(words(s, phrase(s, id)), pub); ok {
			return d
		}
	}
	return Published(pub)
}

// nestedDay returns the word ID of a day ("on Tuesday", "yesterday",
// "Oct. 28") attached inside one of the verb's own phrases rather than
// to the verb, where parsers often put it; 0 when there is none. Other
// clauses' days are not the verb's, and neither are months or years
// alone there ("the ceasefire of November 2024").
func nestedDay(s *dyad.Sentence, verb int) int {
	if verb < 1 || verb > len(s.Tokens) {
		return 0
	}
	in := subtree(s, verb, func(rel string) bool {
		switch base, _, _ := strings.Cut(rel, ":"); base {
		case "nsubj", "obj", "iobj", "obl", "nmod", "appos", "compound", "flat":
			return true
		}
		return false // clauses, conjuncts, modifiers
	})
	for i := range s.Tokens {
		if t := &s.Tokens[i]; in[t.ID] && t.ID != verb && t.Head != verb && dayWord(t.Form) {
			return t.ID
		}
	}
	return 0
}

// dayWord reports whether w names a day by itself: a weekday,
// "yesterday", "today", "tonight".
func dayWord(w string) bool {
	w = strings.ToLower(w)
	if _, ok := weekdays[w]; ok {
		return true
	}
	return w == "yesterday" || w == "today" || w == "tonight"
}

// words returns the lower-cased forms of ids, without trailing full
// stops.
func words(s *dyad.Sentence, ids []int) []string {
	out := make([]string, len(ids))
	for n, id := range ids {
		out[n] = strings.ToLower(strings.TrimSuffix(s.Tokens[id-1].Form, "."))
	}
	return out
}

// temporalPhrases returns the word sequences of the verb's temporal
// dependents, lower-cased, nearest first. It allocates only for the
// dependents that are temporal.
func temporalPhrases(s *dyad.Sentence, verb int) [][]string {
	if verb < 1 || verb > len(s.Tokens) {
		return nil
	}
	var out [][]string
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.Head != verb || t.ID == verb {
			continue
		}
		rel := strings.ToLower(t.DepRel)
		base, _, _ := strings.Cut(rel, ":")
		switch {
		case strings.HasSuffix(rel, ":tmod"), strings.HasSuffix(rel, ":npmod"):
		case base == "obl" || base == "nmod" || base == "advmod":
			if !temporalWord(t.Form) && !hasTemporalKid(s, t.ID) {
				continue
			}
		case base == "obj" || base == "dobj":
			// "spent Tuesday", but not "enforced the ceasefire of November
			// 2024".
			if !temporalWord(t.Form) {
				continue
			}
		default:
			continue
		}
		out = append(out, words(s, phrase(s, t.ID)))
	}
	return out
}

// phrase returns the word IDs of the subtree of id in sentence order,
// leaving out clauses, conjuncts and punctuation. A cycle in a malformed
// parse ends the walk.
func phrase(s *dyad.Sentence, id int) []int {
	in := subtree(s, id, func(rel string) bool {
		return !strings.HasPrefix(rel, "acl") && rel != "punct" && !strings.HasPrefix(rel, "conj") && rel != "cc"
	})
	var ids []int
	for i := 1; i <= len(s.Tokens); i++ {
		if in[i] {
			ids = append(ids, i)
		}
	}
	return ids
}

// subtree marks, by word ID, id and the words below it reached through
// relations (lower-cased) that follow accepts. A cycle in a malformed
// parse ends the walk.
func subtree(s *dyad.Sentence, id int, follow func(rel string) bool) []bool {
	in := make([]bool, len(s.Tokens)+1)
	in[id] = true
	for changed := true; changed; {
		changed = false
		for i := range s.Tokens {
			t := &s.Tokens[i]
			if in[t.ID] || t.Head < 1 || t.Head > len(s.Tokens) || !in[t.Head] || !follow(strings.ToLower(t.DepRel)) {
				continue
			}
			in[t.ID], changed = true, true
		}
	}
	return in
}

func hasTemporalKid(s *dyad.Sentence, id int) bool {
	for i := range s.Tokens {
		if s.Tokens[i].Head == id && temporalWord(s.Tokens[i].Form) {
			return true
		}
	}
	return false
}

// temporalWord reports whether a word names a time. It runs for every
// dependent of every coded verb, so it does not allocate.
func temporalWord(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if w == "" || len(w) > 10 {
		return false // no time word is longer than "wednesday"
	}
	var buf [10]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	lw := buf[:len(w)]
	if _, ok := weekdays[string(lw)]; ok {
		return true
	}
	if _, ok := months[string(lw)]; ok {
		return true
	}
	switch string(lw) {
	case "yesterday", "today", "tonight", "week", "month", "year", "weekend", "night", "morning", "afternoon", "evening":
		return true
	}
	return isYear(w)
}

// allDigits reports whether w is a non-empty run of ASCII digits (checked
// before strconv, whose errors allocate).
func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// resolvePhrase reads one temporal phrase.
func resolvePhrase(words []string, pub time.Time) (Date, bool) {
	text := strings.Join(words, " ")
	quote := `"` + text + `"`
	has := func(w string) bool {
		for _, x := range words {
			if x == w {
				return true
			}
		}
		return false
	}
	last := has("last") || has("past") || has("previous")
	switch {
	case has("yesterday"):
		return Date{pub.AddDate(0, 0, -1), dyad.PrecisionDay, quote}, true
	case has("today") || has("tonight"):
		return Date{pub, dyad.PrecisionDay, quote}, true
	case has("night") && last:
		return Date{pub.AddDate(0, 0, -1), dyad.PrecisionDay, quote}, true
	case has("week") && last:
		return Date{pub.AddDate(0, 0, -7), dyad.PrecisionDay, quote + " (approximate)"}, true
	case has("weekend") && last:
		return Date{lastWeekday(pub, time.Saturday), dyad.PrecisionDay, quote + " (approximate)"}, true
	case has("month") && last:
		t := time.Date(pub.Year(), pub.Month()-1, 1, 0, 0, 0, 0, time.UTC)
		return Date{t, dyad.PrecisionMonth, quote}, true
	case has("year") && last:
		return Date{time.Date(pub.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC), dyad.PrecisionYear, quote}, true
	}
	var (
		month       time.Month
		dayOfMonth  int
		year        int
		weekday     time.Weekday
		haveWeekday bool
	)
	for i, w := range words {
		if m, ok := months[w]; ok {
			// "may" is a month only beside a day or a year.
			if w != "may" || i > 0 && isDayNumber(words[i-1]) || i+1 < len(words) && (isDayNumber(words[i+1]) || isYear(words[i+1])) {
				month = m
				continue
			}
		}
		if wd, ok := weekdays[w]; ok {
			weekday, haveWeekday = wd, true
			continue
		}
		if isYear(w) {
			year, _ = strconv.Atoi(w)
			continue
		}
		if isDayNumber(w) {
			dayOfMonth, _ = strconv.Atoi(strings.TrimRight(w, "stndrh"))
		}
	}
	switch {
	case month != 0 && dayOfMonth != 0:
		y := year
		if y == 0 {
			y = pub.Year()
			if time.Date(y, month, dayOfMonth, 0, 0, 0, 0, time.UTC).After(pub.AddDate(0, 0, 7)) {
				y--
			}
		}
		if dayOfMonth > daysIn(month, y) {
			return Date{}, false
		}
		return Date{time.Date(y, month, dayOfMonth, 0, 0, 0, 0, time.UTC), dyad.PrecisionDay, quote}, true
	case month != 0:
		y := year
		if y == 0 {
			y = pub.Year()
			if month > pub.Month() {
				y--
			}
		}
		return Date{time.Date(y, month, 1, 0, 0, 0, 0, time.UTC), dyad.PrecisionMonth, quote}, true
	case haveWeekday:
		return Date{lastWeekday(pub, weekday), dyad.PrecisionDay, quote}, true
	case year != 0:
		return Date{time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), dyad.PrecisionYear, quote}, true
	}
	return Date{}, false
}

// lastWeekday returns the latest day on or before pub that falls on wd.
func lastWeekday(pub time.Time, wd time.Weekday) time.Time {
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	return pub.AddDate(0, 0, -back)
}

func isYear(w string) bool {
	if len(w) != 4 || !allDigits(w) {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && len(w) == 4 && n >= 1900 && n <= 2100
}

func isDayNumber(w string) bool {
	w = strings.TrimRight(w, "stndrh")
	if len(w) > 2 || !allDigits(w) {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && len(w) <= 2 && n >= 1 && n <= 31
}

func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Package casualties reads stated death tolls from parsed sentences:
// "killed over 200 people", "at least 12 soldiers were killed", "dozens of
// civilian deaths", "the death toll rose to 31".
package casualties

import (
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// killing words: a verb whose object (or passive subject) is the dead,
// a verb whose subject is the dead, and nouns that count the dead.
var (
	killVerbs = map[string]bool{"kill": true, "slay": true, "massacre": true, "execute": true, "behead": true, "murder": true, "slaughter": true}
	dieVerbs  = map[string]bool{"die": true, "perish": true}
	deadNouns = map[string]bool{"death": true, "fatality": true, "dead": true, "toll": true}
)

// words for vague amounts, as the lower bound each states.
var vagueAmounts = map[string]int{"dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "several": 3}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}

// Fatalities returns the death toll a sentence states, or nil when it
// states none. When a sentence states several tolls, the largest is
// returned.
func Fatalities(s *dyad.Sentence) *dyad.Fatalities {
	var best *dyad.Fatalities
	keep := func(f *dyad.Fatalities) {
		if f != nil && f.Count > 0 && (best == nil || f.Count > best.Count) {
			best = f
		}
	}
	kids := make([][]int, len(s.Tokens)+1)
	for i := range s.Tokens {
		if h := s.Tokens[i].Head; h >= 0 && h <= len(s.Tokens) {
			kids[h] = append(kids[h], i+1)
		}
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		lemma := strings.ToLower(t.Lemma)
		if lemma == "" || lemma == "_" {
			lemma = strings.ToLower(t.Form)
		}
		switch {
		case killVerbs[lemma]:
			// "killed 12 people" / "12 people were killed" / "killing 12".
			for _, k := range kids[t.ID] {
				rel := strings.ToLower(s.Tokens[k-1].DepRel)
				if rel == "obj" || rel == "dobj" || rel == "nsubj:pass" || rel == "nsubjpass" {
					keep(count(s, kids, k))
				}
			}
			if r := strings.ToLower(t.DepRel); (r == "acl" || r == "amod") && t.Head > 0 {
				// "12 people killed in the attack".
				keep(count(s, kids, t.Head))
			}
		case dieVerbs[lemma]:
			for _, k := range kids[t.ID] {
				if r := strings.ToLower(s.Tokens[k-1].DepRel); r == "nsubj" {
					keep(count(s, kids, k))
				}
			}
		case deadNouns[lemma]:
			// "12 deaths", "dozens of civilian deaths", "31 dead".
			keep(count(s, kids, t.ID))
			if lemma == "toll" && t.Head > 0 {
				// "the toll rose to 31": the number the toll's verb reaches.
				for _, k := range kids[t.Head] {
					if isNumber(s, k) {
						keep(count(s, kids, k))
					}
				}
			}
			if lemma == "dead" && t.Head > 0 && isNumber(s, t.Head) {
				keep(count(s, kids, t.Head))
			}
			if lemma == "dead" && t.Head > 0 {
				switch r := strings.ToLower(t.DepRel); {
				case r == "xcomp":
					// "leaving two guards dead": the object of "leave".
					for _, k := range kids[t.Head] {
						if r := strings.ToLower(s.Tokens[k-1].DepRel); r == "obj" || r == "dobj" {
							keep(count(s, kids, k))
						}
					}
				case r == "amod" && s.Tokens[t.Head-1].UPOS != "NUM":
					// "left at least 12 people dead", "dead" read as
					// modifying the people.
					if h := s.Tokens[t.Head-1]; h.Head > 0 && strings.EqualFold(s.Tokens[h.Head-1].Lemma, "leave") {
						keep(count(s, kids, t.Head))
					}
				}
			}
		}
	}
	return best
}

// count reads the number stated for the phrase headed by word id: the word
// itself when it is a number ("killed 12"), else its number modifier
// ("12 soldiers"), else a vague amount ("dozens of civilians").
func count(s *dyad.Sentence, kids [][]int, id int) *dyad.Fatalities {
	if n, vague, ok := number(s, kids, id); ok {
		return &dyad.Fatalities{Count: n, AtLeast: vague || atLeast(s, kids, id)}
	}
	for _, k := range kids[id] {
		rel := strings.ToLower(s.Tokens[k-1].DepRel)
		if rel == "nummod" || rel == "det" || rel == "amod" {
			if n, vague, ok := number(s, kids, k); ok {
				return &dyad.Fatalities{Count: n, AtLeast: vague || atLeast(s, kids, k) || atLeast(s, kids, id)}
			}
		}
	}
	if t := s.Tokens[id-1]; t.XPOS == "NN" {
		// "a teacher was killed": one.
		for _, k := range kids[id] {
			if w := strings.ToLower(s.Tokens[k-1].Form); strings.ToLower(s.Tokens[k-1].DepRel) == "det" && (w == "a" || w == "an") {
				return &dyad.Fatalities{Count: 1}
			}
		}
	}
	// "dozens of civilians": the vague amount heads the phrase in some
	// parses and modifies it in others.
	for _, k := range kids[id] {
		w := strings.ToLower(s.Tokens[k-1].Form)
		if v, ok := vagueAmounts[w]; ok {
			return &dyad.Fatalities{Count: v, AtLeast: true}
		}
	}
	if t := s.Tokens[id-1]; t.Head > 0 {
		if v, ok := vagueAmounts[strings.ToLower(s.Tokens[t.Head-1].Form)]; ok && strings.HasPrefix(strings.ToLower(t.DepRel), "nmod") {
			return &dyad.Fatalities{Count: v, AtLeast: true}
		}
	}
	return nil
}

// isNumber reports whether word id is a number.
func isNumber(s *dyad.Sentence, id int) bool {
	_, ok := parseNumber(s.Tokens[id-1].Form)
	return ok || s.Tokens[id-1].UPOS == "NUM" && numberWords[strings.ToLower(s.Tokens[id-1].Form)] > 0
}

// number reads word id as a number, with its compound parts ("two
// hundred"); vague is set for words like "dozens", whose value is a lower
// bound.
func number(s *dyad.Sentence, kids [][]int, id int) (n int, vague bool, ok bool) {
	w := strings.ToLower(s.Tokens[id-1].Form)
	if v, ok := vagueAmounts[w]; ok {
		return v, true, true
	}
	n, ok = parseNumber(w)
	if !ok {
		return 0, false, false
	}
	for _, k := range kids[id] {
		if r := strings.ToLower(s.Tokens[k-1].DepRel); r == "compound" || r == "nummod" {
			if m, ok := parseNumber(strings.ToLower(s.Tokens[k-1].Form)); ok && k < id {
				if n >= 100 && m < n {
					n *= m // "two hundred"
				}
			}
		}
	}
	return n, false, true
}

// parseNumber reads "12", "1,000", "200-plus", "twelve".
func parseNumber(w string) (int, bool) {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "-plus"), "+")
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	w = strings.ReplaceAll(w, ",", "")
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0, false // before strconv, whose errors allocate
		}
	}
	n, err := strconv.Atoi(w)
	if err != nil || n <= 0 || n > 10_000_000 {
		return 0, false
	}
	return n, true
}

// atLeast reports whether a number is a lower bound: "at least 12", "more
// than 200", "over 200", "200-plus".
func atLeast(s *dyad.Sentence, kids [][]int, id int) bool {
	if w := strings.ToLower(s.Tokens[id-1].Form); strings.HasSuffix(w, "-plus") || strings.HasSuffix(w, "+") {
		return true
	}
	for _, k := range kids[id] {
		switch strings.ToLower(s.Tokens[k-1].Form) {
		case "least", "over", "more", "than", "upwards", "nearly":
			return strings.ToLower(s.Tokens[k-1].Form) != "nearly"
		}
	}
	// "at least" is sometimes attached before the number as its own
	// phrase: look at the two words before it.
	for back := 1; back <= 2 && id-back >= 1; back++ {
		switch strings.ToLower(s.Tokens[id-back-1].Form) {
		case "least", "over", "than":
			return true
		}
	}
	return false
}

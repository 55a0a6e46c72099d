// Package lemma finds the lemma of a tagged word from an exception table
// and suffix rules, both learned from a treebank.
//
// A word is looked up by its form and XPOS tag, then by its lower-cased
// form and tag; failing that, the rule for the longest known suffix of the
// form under its tag rewrites the end of the word ("studies" NNS: strip
// "ies", add "y").
package lemma

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
)

// maxSuffix is the longest suffix rules are keyed on.
const maxSuffix = 6

// Rule rewrites the end of a word: strip Strip bytes, then add Add.
type Rule struct {
	Strip int
	Add   string
}

// Lemmatizer lemmatizes tagged words. It is safe for concurrent use.
type Lemmatizer struct {
	Exact map[string]string // form + "\t" + XPOS → lemma
	Lower map[string]string // lower-cased form + "\t" + XPOS → lemma
	Rules map[string]Rule   // XPOS + "\t" + suffix → rule
	// Unique maps lower-cased forms seen with one lemma only, whatever
	// their tag, to that lemma: it rescues words whose tag is wrong.
	Unique map[string]string
	// Known holds the lemmas seen in training: a rule whose result is a
	// known lemma wins over a rule for a longer suffix whose result is not.
	Known map[string]bool
}

// keepCase reports whether words with tag xpos keep their case.
func keepCase(xpos string) bool { return xpos == "NNP" || xpos == "NNPS" || xpos == "ADD" }

// Lemma returns the lemma of form tagged xpos.
func (l *Lemmatizer) Lemma(form, xpos string) string {
	if v, ok := l.Exact[form+"\t"+xpos]; ok {
		return v
	}
	lower := strings.ToLower(form)
	if v, ok := l.Lower[lower+"\t"+xpos]; ok {
		return v
	}
	if v, ok := l.Unique[lower]; ok && !keepCase(xpos) {
		return v
	}
	w := lower
	if keepCase(xpos) {
		w = form
	}
	first := ""
	for k := min(maxSuffix, len(lower)); k >= 0; k-- {
		if r, ok := l.Rules[xpos+"\t"+lower[len(lower)-k:]]; ok {
			if r.Strip > len(w) || w == lower && strings.ToLower(r.Add) != r.Add {
				continue
			}
			v := w[:len(w)-r.Strip] + r.Add
			if l.Known == nil || l.Known[v] {
				return v
			}
			if first == "" {
				first = v
			}
		}
	}
	if first != "" {
		return first
	}
	return w
}

// Lemmatize sets the lemma of every token of s from its Form and XPOS.
//
// Contracted auxiliaries take their lemma from the next verb: "'s" and
// "'d" before a past participle are "have" ("he's gone", "she'd left").
func (l *Lemmatizer) Lemmatize(s *dyad.Sentence) {
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Lemma = l.Lemma(t.Form, t.XPOS)
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		switch strings.ToLower(strings.ReplaceAll(t.Form, "’", "'")) {
		case "'s", "'d":
		default:
			continue
		}
		if !strings.HasPrefix(t.XPOS, "V") && t.XPOS != "MD" {
			continue
		}
		for j := i + 1; j < len(s.Tokens) && j <= i+2; j++ {
			x := s.Tokens[j].XPOS
			if x == "VBN" {
				t.Lemma = "have"
				break
			}
			if x != "RB" {
				break
			}
		}
	}
}

// ruleFor returns the rule that turns w into lemma.
func ruleFor(w, lemma string) Rule {
	p := 0
	for p < len(w) && p < len(lemma) && w[p] == lemma[p] {
		p++
	}
	return Rule{Strip: len(w) - p, Add: lemma[p:]}
}

// Train learns a Lemmatizer from sentences with gold lemmas and XPOS tags.
func Train(train []*dyad.Sentence) *Lemmatizer {
	type counter map[string]int
	exact := map[string]counter{}
	lower := map[string]counter{}
	rules := map[string]map[Rule]int{}
	inc := func(m map[string]counter, k, v string) {
		if m[k] == nil {
			m[k] = counter{}
		}
		m[k][v]++
	}
	for _, s := range train {
		for _, t := range s.Tokens {
			if t.Lemma == "" || t.Lemma == "_" {
				continue
			}
			inc(exact, t.Form+"\t"+t.XPOS, t.Lemma)
			lw := strings.ToLower(t.Form)
			inc(lower, lw+"\t"+t.XPOS, t.Lemma)
			w := lw
			if keepCase(t.XPOS) {
				w = t.Form
			}
			r := ruleFor(w, t.Lemma)
			for k := 0; k <= maxSuffix && k <= len(lw); k++ {
				key := t.XPOS + "\t" + lw[len(lw)-k:]
				if rules[key] == nil {
					rules[key] = map[Rule]int{}
				}
				rules[key][r]++
			}
		}
	}
	l := &Lemmatizer{Exact: map[string]string{}, Lower: map[string]string{}, Rules: map[string]Rule{}, Unique: map[string]string{}, Known: map[string]bool{}}
	for _, s := range train {
		for _, t := range s.Tokens {
			if t.Lemma != "" && t.Lemma != "_" {
				l.Known[t.Lemma] = true
			}
		}
	}
	byForm := map[string]counter{}
	for k, c := range lower {
		lw, _, _ := strings.Cut(k, "\t")
		for v, n := range c {
			inc(byForm, lw, v)
			byForm[lw][v] += n - 1
		}
	}
	for lw, c := range byForm {
		if len(c) == 1 {
			for v, n := range c {
				if n >= 2 {
					l.Unique[lw] = v
				}
			}
		}
	}
	best := func(c counter) (string, int) {
		b, n, total := "", 0, 0
		for v, k := range c {
			total += k
			if k > n || k == n && v < b {
				b, n = v, k
			}
		}
		return b, total
	}
	for k, c := range lower {
		l.Lower[k], _ = best(c)
	}
	for k, c := range exact {
		v, _ := best(c)
		lw, tag, _ := strings.Cut(k, "\t")
		if l.Lower[strings.ToLower(lw)+"\t"+tag] != v {
			l.Exact[k] = v
		}
	}
	for k, c := range rules {
		var br Rule
		n, total := 0, 0
		for r, m := range c {
			total += m
			if m > n || m == n && (r.Strip < br.Strip || r.Strip == br.Strip && r.Add < br.Add) {
				br, n = r, m
			}
		}
		_, suf, _ := strings.Cut(k, "\t")
		if suf != "" && total < 2 {
			continue
		}
		l.Rules[k] = br
	}
	// Drop rules their shorter suffix already gives.
	for k, r := range l.Rules {
		tag, suf, _ := strings.Cut(k, "\t")
		if suf == "" {
			continue
		}
		if p, ok := l.Rules[tag+"\t"+suf[1:]]; ok && p == r {
			// Keep only if no shorter key differs on the way down; the
			// longest-match lookup falls back to the shorter key anyway.
			delete(l.Rules, k)
		}
	}
	return l
}

// WriteTo writes l, gzip-compressed.
func (l *Lemmatizer) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := gob.NewEncoder(zw).Encode(l); err != nil {
		return 0, fmt.Errorf("write lemmatizer: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("write lemmatizer: %w", err)
	}
	n, err := w.Write(buf.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("write lemmatizer: %w", err)
	}
	return int64(n), nil
}

// Read reads a Lemmatizer written by WriteTo.
func Read(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read lemmatizer: %w", err)
	}
	var l Lemmatizer
	if err := gob.NewDecoder(zr).Decode(&l); err != nil {
		return nil, fmt.Errorf("read lemmatizer: %w", err)
	}
	return &l, nil
}

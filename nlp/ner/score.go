package ner

import (
	"slices"
	"strings"
)

// Span is one entity: words [Start, End) of a sentence, of a Type such as
// "PER".
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the entities of an IOB2 tag sequence the way conlleval and
// seqeval count them: an entity starts at B-X, or at I-X that does not
// continue an entity of type X, and runs over the I-X that follow.
func Spans(tags []string) []Span {
	var out []Span
	open := -1
	typ := ""
	for i, t := range tags {
		p, x, _ := strings.Cut(t, "-")
		if open >= 0 && (p != "I" || x != typ) {
			out = append(out, Span{open, i, typ})
			open = -1
		}
		if p == "B" || p == "I" && open < 0 {
			open, typ = i, x
		}
	}
	if open >= 0 {
		out = append(out, Span{open, len(tags), typ})
	}
	return out
}

// Counts are the entity counts of one type or of all: Gold entities,
// Predicted ones, and Correct ones (same words and type).
type Counts struct {
	Gold, Predicted, Correct int
}

// Precision returns Correct/Predicted, 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall returns Correct/Gold, 0 when there is no gold entity.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score accumulates exact-span, typed entity counts over sentences.
type Score struct {
	All    Counts
	ByType map[string]Counts
}

// Add counts one sentence's gold and predicted tags, which must be of
// equal length.
func (s *Score) Add(gold, pred []string) {
	if s.ByType == nil {
		s.ByType = map[string]Counts{}
	}
	g, p := Spans(gold), Spans(pred)
	for _, sp := range g {
		c := s.ByType[sp.Type]
		c.Gold++
		s.ByType[sp.Type] = c
	}
	for _, sp := range p {
		c := s.ByType[sp.Type]
		c.Predicted++
		if slices.Contains(g, sp) {
			c.Correct++
			s.All.Correct++
		}
		s.ByType[sp.Type] = c
	}
	s.All.Gold += len(g)
	s.All.Predicted += len(p)
}

// Types returns the entity types counted, sorted.
func (s *Score) Types() []string {
	var out []string
	for t := range s.ByType {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// Evaluate tags the documents with t and scores the tags against their
// gold tags.
func Evaluate(t *Tagger, docs []*Document) *Score {
	var sc Score
	for _, d := range docs {
		for i, pred := range t.Predict(d.Sentences) {
			sc.Add(d.Tags[i], pred)
		}
	}
	return &sc
}

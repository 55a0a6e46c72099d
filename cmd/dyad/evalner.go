package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/ner"
)

// evalNEROptions are the flags of "dyad eval ner".
type evalNEROptions struct {
	gold   string
	json   bool
	models string
	errors bool
	minF1  float64
}

// nerScores are precision, recall and F1 in percent, with the entity
// counts they come from.
type nerScores struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
}

func newNERScores(c ner.Counts) nerScores {
	return nerScores{100 * c.Precision(), 100 * c.Recall(), 100 * c.F1(), c.Gold, c.Predicted, c.Correct}
}

// nerReport is what "dyad eval ner" prints.
type nerReport struct {
	nerScores
	PerType         map[string]nerScores `json:"per_type"`
	Sentences       int                  `json:"sentences"`
	Words           int                  `json:"words"`
	TokensPerSecond float64              `json:"tokens_per_second"`
}

func runEvalNER(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o evalNEROptions
	fs := newFlagSet("eval ner", "eval ner --gold FILE [--json] [--models DIR]", stderr)
	fs.StringVar(&o.gold, "gold", "", "gold UniversalNER IOB2 `FILE` (optionally .gz); its words are used as they are")
	fs.BoolVar(&o.json, "json", false, "print one JSON object")
	fs.StringVar(&o.models, "models", "", "load models from `DIR` instead of the built-in ones")
	fs.BoolVar(&o.errors, "errors", false, "list the sentences whose entities were not all found exactly")
	fs.Float64Var(&o.minF1, "min-f1", 0, "fail (exit 3) when entity F1 is below `PCT`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.gold == "" {
		return dyad.Errorf(dyad.EINVALID, "no gold file: give --gold FILE")
	}
	docs, err := ner.LoadIOB2(o.gold)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	p, err := loadPipeline(o.models)
	if err != nil {
		return err
	}
	var sc ner.Score
	rep := nerReport{PerType: map[string]nerScores{}}
	var elapsed time.Duration
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		for _, s := range d.Sentences {
			p.Tagger.Tag(s)
		}
		pred := p.NER.Predict(d.Sentences)
		elapsed += time.Since(start)
		for i, s := range d.Sentences {
			sc.Add(d.Tags[i], pred[i])
			rep.Sentences++
			rep.Words += len(s.Tokens)
			if o.errors && !o.json && !equalTags(d.Tags[i], pred[i]) {
				fmt.Fprintf(stdout, "%s\n  gold: %s\n  pred: %s\n", s.ID, markEntities(s, d.Tags[i]), markEntities(s, pred[i]))
			}
		}
	}
	rep.nerScores = newNERScores(sc.All)
	for _, t := range sc.Types() {
		rep.PerType[t] = newNERScores(sc.ByType[t])
	}
	rep.TokensPerSecond = float64(rep.Words) / elapsed.Seconds()
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "%s: %d sentences, %d words, %d gold entities (exact typed spans)\n", o.gold, rep.Sentences, rep.Words, rep.Gold)
		fmt.Fprintf(stdout, "%-5s %9s %9s %9s %6s\n", "type", "precision", "recall", "F1", "gold")
		for _, t := range sc.Types() {
			r := rep.PerType[t]
			fmt.Fprintf(stdout, "%-5s %9.2f %9.2f %9.2f %6d\n", t, r.Precision, r.Recall, r.F1, r.Gold)
		}
		fmt.Fprintf(stdout, "%-5s %9.2f %9.2f %9.2f %6d\n", "all", rep.Precision, rep.Recall, rep.F1, rep.Gold)
		fmt.Fprintf(stdout, "%.0f tokens/s (POS and entity tagging) on one goroutine\n", rep.TokensPerSecond)
	}
	if rep.F1 < o.minF1 {
		return &floorError{fmt.Sprintf("entity F1 %.2f is below the floor %.2f", rep.F1, o.minF1)}
	}
	return nil
}

func equalTags(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// markEntities writes the words of s with its entities in brackets:
// "[PER Khwaja Asif] met ...".
func markEntities(s *dyad.Sentence, tags []string) string {
	words := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		words[i] = t.Form
	}
	for _, sp := range ner.Spans(tags) {
		words[sp.Start] = "[" + sp.Type + " " + words[sp.Start]
		words[sp.End-1] += "]"
	}
	return strings.Join(words, " ")
}

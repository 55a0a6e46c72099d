package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nlp/treebank"
	"github.com/dyad-events/dyad/nlp/udeval"
)

// evalUDOptions are the flags of "dyad eval ud".
type evalUDOptions struct {
	gold    string
	raw     bool
	json    bool
	models  string
	minUPOS float64
	minLAS  float64
	beam    int
}

// udReport is what "dyad eval ud" prints.
type udReport struct {
	udeval.Scores
	TokensPerSecond float64 `json:"tokens_per_second"`
	LoadSeconds     float64 `json:"load_seconds"`
	Raw             bool    `json:"raw"`
}

func runEvalUD(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o evalUDOptions
	fs := newFlagSet("eval ud", "eval ud --gold FILE [--raw] [--json] [--models DIR]", stderr)
	fs.StringVar(&o.gold, "gold", "", "gold treebank `FILE` (CoNLL-U, optionally .gz)")
	fs.BoolVar(&o.raw, "raw", false, "start from the raw text (tokenize and segment) instead of the gold words")
	fs.BoolVar(&o.json, "json", false, "print one JSON object")
	fs.StringVar(&o.models, "models", "", "load models from `DIR` instead of the built-in ones")
	fs.IntVar(&o.beam, "beam", 0, "parse with beam width `K` instead of the parser model's (0: the model's)")
	fs.Float64Var(&o.minUPOS, "min-upos", 0, "fail (exit 3) when UPOS is below `PCT`")
	fs.Float64Var(&o.minLAS, "min-las", 0, "fail (exit 3) when LAS is below `PCT`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.gold == "" {
		return dyad.Errorf(dyad.EINVALID, "no gold treebank: give --gold FILE")
	}
	gold, err := treebank.Load(o.gold)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	t0 := time.Now()
	p, err := loadPipeline(o.models)
	if err != nil {
		return err
	}
	if o.beam > 0 {
		p.Parser = p.Parser.WithBeam(o.beam)
	}
	rep := udReport{LoadSeconds: time.Since(t0).Seconds(), Raw: o.raw}
	words := 0
	start := time.Now()
	if o.raw {
		text, offsets := udeval.RawText(gold)
		pred, po := p.Parse(text)
		elapsed := time.Since(start)
		for _, s := range pred {
			words += len(s.Tokens)
		}
		rep.Scores = udeval.Raw(gold, offsets, text, pred, po)
		rep.TokensPerSecond = float64(words) / elapsed.Seconds()
	} else {
		pred := copyWords(gold)
		for _, s := range pred {
			if err := ctx.Err(); err != nil {
				return err
			}
			p.Annotate(s)
			words += len(s.Tokens)
		}
		rep.TokensPerSecond = float64(words) / time.Since(start).Seconds()
		rep.Scores = udeval.Gold(gold, pred)
	}
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		mode := "gold tokenization"
		if o.raw {
			mode = "raw text"
		}
		fmt.Fprintf(stdout, "%s: %d sentences, %d words (%s)\n", o.gold, rep.Sentences, rep.Words, mode)
		if o.raw {
			fmt.Fprintf(stdout, "tokens F1 %.2f  sentences F1 %.2f  words F1 %.2f\n", rep.TokensF1, rep.SentencesF1, rep.WordsF1)
		}
		fmt.Fprintf(stdout, "UPOS %.2f  XPOS %.2f  lemmas %.2f  UAS %.2f  LAS %.2f\n", rep.UPOS, rep.XPOS, rep.Lemmas, rep.UAS, rep.LAS)
		fmt.Fprintf(stdout, "%.0f tokens/s on one goroutine; models loaded in %.0f ms\n", rep.TokensPerSecond, 1000*rep.LoadSeconds)
	}
	if rep.UPOS < o.minUPOS {
		return &floorError{fmt.Sprintf("UPOS %.2f is below the floor %.2f", rep.UPOS, o.minUPOS)}
	}
	if rep.LAS < o.minLAS {
		return &floorError{fmt.Sprintf("LAS %.2f is below the floor %.2f", rep.LAS, o.minLAS)}
	}
	return nil
}

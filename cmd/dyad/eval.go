package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/nlp"
)

// floorError is a score below the floor a caller asked for.
type floorError struct{ msg string }

func (e *floorError) Error() string { return e.msg }

func runEval(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(stderr, "Usage: dyad eval SUITE [flags]\n\nSuites:\n  petrarch    PETRARCH validation records (XML with CoNLL-U parses)\n  samples     the bundled sample articles, end to end, against their expected events\n  ud          parser scores on a Universal Dependencies treebank\n  ner         named-entity tagger scores on a UniversalNER IOB2 file\n  extraction  main-text extraction on an article-extraction benchmark\n")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			return nil
		}
		return errUsage
	}
	switch args[0] {
	case "petrarch":
		return runEvalPetrarch(ctx, args[1:], stdout, stderr)
	case "extraction":
		return runEvalExtraction(ctx, args[1:], stdout, stderr)
	case "ud":
		return runEvalUD(ctx, args[1:], stdout, stderr)
	case "samples":
		return runEvalSamples(ctx, args[1:], stdout, stderr)
	case "ner":
		return runEvalNER(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "dyad eval: unknown suite %q (want petrarch, samples, ud, ner or extraction)\n", args[0])
	return errUsage
}

// evalPetrarchOptions are the flags of "dyad eval petrarch".
type evalPetrarchOptions struct {
	dicts    dictOptions
	suite    string
	json     bool
	failures bool
	reparse  bool
	models   string
	minExact float64
	minF1    float64
}

func runEvalPetrarch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o evalPetrarchOptions
	fs := newFlagSet("eval petrarch", "eval petrarch --suite FILE.xml --dicts DIR [flags]", stderr)
	o.dicts.register(fs, "validation")
	fs.StringVar(&o.suite, "suite", "", "PETRARCH validation `FILE` whose <Parse> elements hold CoNLL-U")
	fs.BoolVar(&o.json, "json", false, "print one JSON object")
	fs.BoolVar(&o.failures, "failures", false, "list the records that were not coded exactly")
	fs.BoolVar(&o.reparse, "reparse", false, "code each record's text as parsed by dyad's own parser, not the suite's gold <Parse>")
	fs.StringVar(&o.models, "models", "", "with --reparse, parser models from `DIR` (default: the built-in ones)")
	fs.Float64Var(&o.minExact, "min-exact", 0, "fail (exit 3) when the exact rate is below `RATE` (0-1)")
	fs.Float64Var(&o.minF1, "min-f1", 0, "fail (exit 3) when triple F1 is below `F1` (0-1)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.suite == "" {
		return dyad.Errorf(dyad.EINVALID, "no suite: give --suite FILE.xml")
	}
	f, err := os.Open(o.suite)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "open suite: %v", err)
	}
	suite, err := eval.ReadSuite(f)
	f.Close()
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "read suite %s: %v", o.suite, err)
	}
	set, loadTime, err := o.dicts.load()
	if err != nil {
		return err
	}
	base, err := newCoder(set, coder.Options{})
	if err != nil {
		return err
	}
	var parser *nlp.Pipeline
	if o.reparse {
		if parser, err = loadPipeline(o.models); err != nil {
			return err
		}
	}
	report, err := eval.Score(ctx, suite, func(_ context.Context, rec *eval.Record) ([]eval.Triple, error) {
		c := base.WithOptions(suiteOptions(rec.Options))
		sents := []*dyad.Sentence{rec.Sentence}
		if parser != nil {
			// The record's text may come out as more than one sentence:
			// all of them are coded, as an article's would be.
			sents, _ = parser.Parse(rec.Text)
		}
		var out []eval.Triple
		for _, s := range sents {
			for _, e := range c.Code(s, rec.Date) {
				if e.Modality == dyad.Negated {
					continue
				}
				out = append(out, eval.Triple{Source: e.Source.Code, Target: e.Target.Code, Code: e.Code})
			}
		}
		return out, nil
	})
	if err != nil {
		return err
	}
	report.DictLoadSeconds = loadTime.Seconds()
	if !o.failures {
		report.Failures = nil
	}
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return err
		}
	} else {
		if err := report.WriteText(stdout); err != nil {
			return err
		}
		if o.failures {
			if err := report.WriteFailures(stdout); err != nil {
				return err
			}
		}
	}
	if report.ExactRate < o.minExact {
		return &floorError{fmt.Sprintf("exact rate %.4f is below the floor %.4f", report.ExactRate, o.minExact)}
	}
	if report.F1 < o.minF1 {
		return &floorError{fmt.Sprintf("triple F1 %.4f is below the floor %.4f", report.F1, o.minF1)}
	}
	return nil
}

// suiteOptions maps the <Config> options in force for a record to coder
// options.
func suiteOptions(cfg map[string]string) coder.Options {
	var o coder.Options
	if v, ok := cfg["require_dyad"]; ok && strings.EqualFold(v, "false") {
		o.AllowMonads = true
	}
	if v, ok := cfg["new_actor_length"]; ok {
		o.NewActorLength, _ = strconv.Atoi(v)
	}
	return o
}

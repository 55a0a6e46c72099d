package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/conllu"
)

// codeOptions are the flags of "dyad code".
type codeOptions struct {
	dicts        dictOptions
	conllu       string
	format       string
	date         string
	monads       bool
	all          bool
	allowPrivate bool
}

func runCode(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o codeOptions
	fs := newFlagSet("code", "code [flags] FILE.html|FILE.txt|FILE.jsonl|DIR|URL|- ...\n       dyad code [flags] --conllu FILE|-\n\nCodes articles (extracted, split, parsed) or parsed sentences and prints their events.", stderr)
	o.dicts.register(fs, "phoenix")
	fs.StringVar(&o.conllu, "conllu", "", "read parsed sentences from CoNLL-U `FILE` (- for standard input)")
	fs.StringVar(&o.format, "format", "jsonl", "output format: jsonl, tsv, text, or explain (text with how each part was found)")
	fs.StringVar(&o.date, "date", "", "publication `DATE` (YYYY-MM-DD) the sentences report on (default today)")
	fs.BoolVar(&o.monads, "monads", false, "keep events with only a source or only a target")
	fs.BoolVar(&o.all, "negated", false, "also print negated events (modality \"negated\")")
	fs.BoolVar(&o.allowPrivate, "allow-private", false, "allow fetching URLs on loopback and private addresses (off by default: SSRF guard)")
	explain := fs.Bool("explain", false, "same as --format explain")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *explain {
		o.format = "explain"
	}
	if o.conllu == "" {
		return codeInputs(ctx, o, fs.Args(), stdin, stdout, stderr)
	}
	return codeCoNLLU(ctx, o, stdin, stdout)
}

// codeCoNLLU codes every sentence of a CoNLL-U input.
func codeCoNLLU(ctx context.Context, o codeOptions, stdin io.Reader, stdout io.Writer) error {
	now, err := dateFlag(o.date)
	if err != nil {
		return err
	}
	date := now().UTC()
	write, flush, err := eventWriter(o.format, stdout)
	if err != nil {
		return err
	}
	set, _, err := o.dicts.load()
	if err != nil {
		return err
	}
	c, err := newCoder(set, coder.Options{AllowMonads: o.monads})
	if err != nil {
		return err
	}
	in := stdin
	if o.conllu != "-" {
		f, err := os.Open(o.conllu)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "open input: %v", err)
		}
		defer f.Close()
		in = f
	}
	r := conllu.NewReader(in)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "%s: %v", o.conllu, err)
		}
		for _, e := range c.Code(s, date) {
			if e.Modality == dyad.Negated && !o.all {
				continue
			}
			if err := write(&e); err != nil {
				return err
			}
		}
	}
	return flush()
}

// eventWriter returns a function writing one event in the given format.
func eventWriter(format string, w io.Writer) (write func(*dyad.Event) error, flush func() error, err error) {
	bw := bufio.NewWriter(w)
	switch format {
	case "jsonl":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return func(e *dyad.Event) error { return enc.Encode(e) }, bw.Flush, nil
	case "tsv":
		fmt.Fprintln(bw, "id\tdate\tsource\ttarget\tcode\troot\tquad_class\tgoldstein\tplover_type\tmodality\tsentence\tpattern")
		return func(e *dyad.Event) error {
			_, err := fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t%s\t%s\t%s\t%s\n", e.ID, e.Date, e.Source.Code, e.Target.Code, e.Code, e.Root, e.QuadClass, e.Goldstein, e.PLOVER.Type, e.Modality, tsvField(e.Sentence.Text), tsvField(e.Pattern))
			return err
		}, bw.Flush, nil
	case "text":
		return func(e *dyad.Event) error {
			_, err := fmt.Fprintf(bw, "%s  %s → %s  %s (%s, Goldstein %+.1f, %s)\n  %q\n  source %q, target %q, verb %q, pattern %q\n",
				e.Date, e.Source.Code, e.Target.Code, e.Code, e.PLOVER.Type, e.Goldstein, e.Modality, e.Sentence.Text, e.Source.Text, e.Target.Text, e.Evidence.VerbText, e.Pattern)
			return err
		}, bw.Flush, nil
	case "explain":
		return func(e *dyad.Event) error { return explainEvent(bw, e) }, bw.Flush, nil
	}
	return nil, nil, dyad.Errorf(dyad.EINVALID, "unknown format %q: want jsonl, tsv, text or explain", format)
}

// tsvField makes a value safe for one TSV cell.
func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

// explainEvent writes an event with how each of its parts was found.
func explainEvent(w io.Writer, e *dyad.Event) error {
	name := func(a dyad.Actor) string {
		if a.Text == "" {
			return a.Code + " (not named in the sentence)"
		}
		return fmt.Sprintf("%s from %q (words %d-%d)", a.Code, a.Text, a.Span.First, a.Span.Last)
	}
	place := "none"
	if e.Location != nil {
		place = fmt.Sprintf("%s, %s (%.2f, %.2f)", e.Location.Name, e.Location.Country, e.Location.Lat, e.Location.Lon)
	}
	attr := "none: stated by the article itself"
	if at := e.Attribution; at != nil {
		by := at.By
		if by == "" {
			by = "unnamed sources"
		}
		attr = fmt.Sprintf("%s (%s), %s", by, at.Verb, at.Status)
		if at.Via != "" {
			attr += ", told to " + at.Via
		}
	}
	contested := "no"
	if len(e.Contested) > 0 {
		contested = "by " + strings.Join(e.Contested, ", ")
	}
	placeWhy := e.LocationSource
	if e.LocationWhy != "" && e.LocationWhy != e.LocationSource {
		placeWhy = e.LocationWhy
	}
	dead := "none stated"
	if e.Fatalities != nil {
		dead = fmt.Sprint(e.Fatalities.Count)
		if e.Fatalities.AtLeast {
			dead = "at least " + dead
		}
	}
	code := e.Code
	if e.NegationOf != "" {
		code += " (the negation of " + e.NegationOf + ")"
	}
	_, err := fmt.Fprintf(w, `%s %s → %s %s
  sentence:    %q
  event:       %s %s, root %s, quad class %d, Goldstein %+.1f, PLOVER %s %s
  verb:        %q (word %d), pattern %q at %s
  source:      %s
  target:      %s
  modality:    %s
  date:        %s (%s precision), from %s
  place:       %s, from %s
  fatalities:  %s
  reported by: %s
  contested:   %s

`, e.Date, e.Source.Code, e.Target.Code, e.Code,
		e.Sentence.Text,
		code, e.ID, e.Root, e.QuadClass, e.Goldstein, e.PLOVER.Type, e.PLOVER.Mode,
		e.Evidence.VerbText, e.Evidence.Verb, e.Pattern, e.Evidence.PatternRef,
		name(e.Source), name(e.Target), e.Modality,
		e.Date, e.DatePrecision, e.DateSource,
		place, placeWhy, dead, attr, contested)
	return err
}

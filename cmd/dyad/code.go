package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/conllu"
)

// codeOptions are the flags of "dyad code".
type codeOptions struct {
	dicts  dictOptions
	conllu string
	format string
	date   string
	monads bool
	all    bool
}

func runCode(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o codeOptions
	fs := newFlagSet("code", "code [flags] --conllu FILE|-", stderr)
	o.dicts.register(fs, "phoenix")
	fs.StringVar(&o.conllu, "conllu", "", "read parsed sentences from CoNLL-U `FILE` (- for standard input)")
	fs.StringVar(&o.format, "format", "jsonl", "output format: jsonl, tsv or text")
	fs.StringVar(&o.date, "date", "", "publication `DATE` (YYYY-MM-DD) the sentences report on (default today)")
	fs.BoolVar(&o.monads, "monads", false, "keep events with only a source or only a target")
	fs.BoolVar(&o.all, "negated", false, "also print negated events (modality \"negated\")")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 && o.conllu == "" {
		return dyad.Errorf(dyad.EINVALID, "dyad code reads parsed sentences only for now: give --conllu FILE (raw text and HTML arrive with the parser and ingestion)")
	}
	if o.conllu == "" {
		return dyad.Errorf(dyad.EINVALID, "no input: give --conllu FILE or --conllu - for standard input")
	}
	return codeCoNLLU(ctx, o, stdin, stdout)
}

// codeCoNLLU codes every sentence of a CoNLL-U input.
func codeCoNLLU(ctx context.Context, o codeOptions, stdin io.Reader, stdout io.Writer) error {
	date := time.Now().UTC()
	if o.date != "" {
		d, err := time.Parse("2006-01-02", o.date)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "bad --date %q: want YYYY-MM-DD", o.date)
		}
		date = d
	}
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
	}
	return nil, nil, dyad.Errorf(dyad.EINVALID, "unknown format %q: want jsonl, tsv or text", format)
}

// tsvField makes a value safe for one TSV cell.
func tsvField(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

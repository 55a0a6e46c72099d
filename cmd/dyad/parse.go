package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/conllu"
	"github.com/dyad-events/dyad/nlp"
)

// parseOptions are the flags of "dyad parse".
type parseOptions struct {
	input  string
	models string
}

func runParse(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o parseOptions
	fs := newFlagSet("parse", "parse [--input text|conllu] [--models DIR] [FILE|-]", stderr)
	fs.StringVar(&o.input, "input", "text", "input format: text (raw text) or conllu (keep the given sentences and words)")
	fs.StringVar(&o.models, "models", "", "load models from `DIR` (as written by dyad train) instead of the built-in ones")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return dyad.Errorf(dyad.EINVALID, "parse reads one input: give FILE or - for standard input")
	}
	if o.input != "text" && o.input != "conllu" {
		return dyad.Errorf(dyad.EINVALID, "unknown input format %q: want text or conllu", o.input)
	}
	in := stdin
	name := "-"
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		name = fs.Arg(0)
		f, err := os.Open(name)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "open input: %v", err)
		}
		defer f.Close()
		in = f
	}
	p, err := loadPipeline(o.models)
	if err != nil {
		return err
	}
	w := conllu.NewWriter(stdout)
	switch o.input {
	case "text":
		b, err := io.ReadAll(in)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		sents, _ := p.Parse(string(b))
		for i, s := range sents {
			if err := ctx.Err(); err != nil {
				return err
			}
			s.ID = strconv.Itoa(i + 1)
			if err := w.Write(s); err != nil {
				return err
			}
		}
	case "conllu":
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
				return dyad.Errorf(dyad.EINVALID, "%s: %v", name, err)
			}
			clearAnnotations(s)
			p.Annotate(s)
			if err := w.Write(s); err != nil {
				return err
			}
		}
	default:
		return dyad.Errorf(dyad.EINVALID, "unknown input format %q: want text or conllu", o.input)
	}
	return w.Flush()
}

// clearAnnotations keeps the words of s and forgets what the pipeline
// predicts, so that nothing of a gold annotation leaks into the output.
func clearAnnotations(s *dyad.Sentence) {
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Lemma, t.UPOS, t.XPOS, t.Feats, t.DepRel, t.Deps = "", "", "", "", "", ""
		t.Head = -1
	}
	s.Empty = nil
}

// loadPipeline loads the models from dir, or the built-in ones when dir is
// empty.
func loadPipeline(dir string) (*nlp.Pipeline, error) {
	if dir == "" {
		p, err := nlp.Load()
		if err != nil {
			return nil, fmt.Errorf("load built-in models: %w", err)
		}
		return p, nil
	}
	p, err := nlp.LoadDir(dir)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "load models from %s: %v", dir, err)
	}
	return p, nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/conllu"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/depparse"
	"github.com/dyad-events/dyad/nlp/lemma"
	"github.com/dyad-events/dyad/nlp/ner"
	"github.com/dyad-events/dyad/nlp/tagger"
	"github.com/dyad-events/dyad/nlp/tokenize"
	"github.com/dyad-events/dyad/nlp/treebank"
	"github.com/dyad-events/dyad/nlp/udeval"
)

// trainOptions are the flags of "dyad train".
type trainOptions struct {
	what   string
	train  string
	dev    string
	out    string
	seed   uint64
	epochs int
	folds  int
	tagger string
	beam   int
	early  bool
	tags   string
}

func runTrain(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	var o trainOptions
	synopsis := "train tokenizer|tagger|lemmatizer|parser|ner --train FILE --dev FILE --out DIR [--seed N] [--epochs N]"
	if len(args) == 0 || args[0] == "" || args[0][0] == '-' {
		fmt.Fprintf(stderr, "Usage: dyad %s\n", synopsis)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			return nil
		}
		return errUsage
	}
	o.what = args[0]
	if o.what == "ner" {
		return untilDone(ctx, func() error { return runTrainNER(args[1:], stdout, stderr) })
	}
	fs := newFlagSet("train "+o.what, synopsis, stderr)
	fs.StringVar(&o.train, "train", "", "training treebank `FILE` (CoNLL-U, optionally .gz)")
	fs.StringVar(&o.dev, "dev", "", "development treebank `FILE` for per-epoch scores")
	fs.StringVar(&o.out, "out", "", "output `DIR` for the model file")
	fs.Uint64Var(&o.seed, "seed", 1, "random `SEED` for shuffling")
	fs.IntVar(&o.epochs, "epochs", 0, "training `EPOCHS` (0: the component's default)")
	fs.IntVar(&o.folds, "folds", 5, "parser: train on tags predicted by `N`-fold jackknifed taggers (0 or 1: gold tags)")
	fs.StringVar(&o.tagger, "tagger", "", "parser: tag dev with this tagger `FILE` for per-epoch scores (default gold tags)")
	fs.IntVar(&o.beam, "beam", 1, "parser: beam width `K` for global training and parsing (1: greedy, dynamic oracle)")
	fs.StringVar(&o.tags, "tags-out", "", "parser: also write the training set with its jackknifed tags to `FILE` (CoNLL-U), to train from again with --folds 1")
	fs.BoolVar(&o.early, "early-update", false, "parser, with --beam above 1: early update instead of max-violation")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if o.train == "" || o.out == "" {
		return dyad.Errorf(dyad.EINVALID, "give --train FILE and --out DIR")
	}
	return untilDone(ctx, func() error { return train(ctx, o, stdout) })
}

// untilDone runs job and returns its error, or stops waiting as soon as
// ctx is done (Ctrl-C, SIGTERM): the training loops do not poll ctx, and
// the process ends with the job. A stopped job leaves the models it was
// to replace as they were, since writeModel renames only finished files.
func untilDone(ctx context.Context, job func() error) error {
	done := make(chan error, 1)
	go func() { done <- job() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("train: stopped, no model written: %w", context.Cause(ctx))
	}
}

// writeModel writes m to path through a temporary file in the same
// directory, renamed into place once complete, so that a model file is
// never half written.
func writeModel(path string, m io.WriterTo) (int64, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, err
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	return n, nil
}

// train runs one training job and writes its model into o.out.
func train(_ context.Context, o trainOptions, stdout io.Writer) error {
	start := time.Now()
	trainSet, err := treebank.Load(o.train)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	var dev []*dyad.Sentence
	if o.dev != "" {
		if dev, err = treebank.Load(o.dev); err != nil {
			return dyad.Errorf(dyad.EINVALID, "%v", err)
		}
	}
	fmt.Fprintf(stdout, "train %s: %d training sentences, %d dev sentences, seed %d\n", o.what, len(trainSet), len(dev), o.seed)
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	var model interface {
		WriteTo(io.Writer) (int64, error)
	}
	var name string
	switch o.what {
	case "tagger":
		name = "tagger.gz"
		model = tagger.Train(trainSet, tagger.TrainOptions{Epochs: o.epochs, Seed: o.seed, Epoch: func(epoch int, t *tagger.Tagger) {
			line := fmt.Sprintf("epoch %d (%s)", epoch, time.Since(start).Round(time.Second))
			if dev != nil {
				pred := copyWords(dev)
				for _, s := range pred {
					t.Tag(s)
				}
				sc := udeval.Gold(dev, pred)
				line += fmt.Sprintf(": dev UPOS %.2f XPOS %.2f", sc.UPOS, sc.XPOS)
			}
			fmt.Fprintln(stdout, line)
		}})
	case "lemmatizer":
		name = "lemmatizer.gz"
		l := lemma.Train(trainSet)
		if dev != nil {
			pred := copyWords(dev)
			for i, s := range pred {
				for j := range s.Tokens {
					s.Tokens[j].XPOS = dev[i].Tokens[j].XPOS
				}
				l.Lemmatize(s)
			}
			fmt.Fprintf(stdout, "dev lemmas (gold tags) %.2f\n", udeval.Gold(dev, pred).Lemmas)
		}
		model = l
	case "parser":
		name = "parser.gz"
		if o.folds > 1 {
			fmt.Fprintf(stdout, "tagging the training set with %d-fold jackknifed taggers\n", o.folds)
			trainSet = jackknife(trainSet, o.folds, o.seed)
			fmt.Fprintf(stdout, "jackknifed tags ready (%s)\n", time.Since(start).Round(time.Second))
			if o.tags != "" {
				if err := writeTreebank(o.tags, trainSet); err != nil {
					return fmt.Errorf("train: %w", err)
				}
			}
		}
		var devTagger *tagger.Tagger
		if dev != nil && o.tagger != "" {
			f, err := os.Open(o.tagger)
			if err != nil {
				return dyad.Errorf(dyad.EINVALID, "open tagger: %v", err)
			}
			devTagger, err = tagger.Read(f)
			f.Close()
			if err != nil {
				return dyad.Errorf(dyad.EINVALID, "%v", err)
			}
		}
		model = depparse.Train(trainSet, depparse.TrainOptions{Epochs: o.epochs, Seed: o.seed, Beam: o.beam, EarlyUpdate: o.early, Epoch: func(epoch int, p *depparse.Parser) {
			line := fmt.Sprintf("epoch %d (%s)", epoch, time.Since(start).Round(time.Second))
			if dev != nil {
				pred := copyWords(dev)
				for i, s := range pred {
					if devTagger != nil {
						devTagger.Tag(s)
					} else {
						for j := range s.Tokens {
							s.Tokens[j].UPOS = dev[i].Tokens[j].UPOS
							s.Tokens[j].XPOS = dev[i].Tokens[j].XPOS
						}
					}
					p.Parse(s)
				}
				sc := udeval.Gold(dev, pred)
				tags := "gold"
				if devTagger != nil {
					tags = "predicted"
				}
				line += fmt.Sprintf(": dev (%s tags) UAS %.2f LAS %.2f", tags, sc.UAS, sc.LAS)
			}
			fmt.Fprintln(stdout, line)
		}})
	case "tokenizer":
		name = "tokenizer.gz"
		tk := tokenize.Train(trainSet)
		if dev != nil {
			text, offsets := udeval.RawText(dev)
			var pred []*dyad.Sentence
			var po []int
			for _, ts := range tk.Sentences(text) {
				pred = append(pred, tokenize.ToSentence(text, ts))
				po = append(po, ts.Start)
			}
			sc := udeval.Raw(dev, offsets, text, pred, po)
			fmt.Fprintf(stdout, "dev tokens F1 %.2f, sentences F1 %.2f, words F1 %.2f\n", sc.TokensF1, sc.SentencesF1, sc.WordsF1)
		}
		model = tk
	default:
		return dyad.Errorf(dyad.EINVALID, "unknown component %q: want tokenizer, tagger, lemmatizer or parser", o.what)
	}
	path := filepath.Join(o.out, name)
	n, err := writeModel(path, model)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(stdout, "wrote %s (%d bytes) in %s; peak heap about %d MB\n", path, n, time.Since(start).Round(time.Second), ms.HeapSys>>20)
	return nil
}

// writeTreebank writes sentences to the CoNLL-U file path.
func writeTreebank(path string, sentences []*dyad.Sentence) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := conllu.NewWriter(f)
	for _, s := range sentences {
		if err := w.Write(s); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// copyWords returns copies of the sentences keeping only their IDs, text
// and word forms.
func copyWords(in []*dyad.Sentence) []*dyad.Sentence {
	out := make([]*dyad.Sentence, len(in))
	for i, s := range in {
		c := &dyad.Sentence{ID: s.ID, Text: s.Text, Tokens: make([]dyad.Token, len(s.Tokens)), Multiwords: s.Multiwords}
		for j, t := range s.Tokens {
			c.Tokens[j] = dyad.Token{ID: t.ID, Form: t.Form, Head: -1, Misc: t.Misc, Start: t.Start, End: t.End}
		}
		out[i] = c
	}
	return out
}

// jackknife returns copies of train whose UPOS and XPOS are predicted by
// taggers trained on the other folds, so that the parser learns from tags
// as noisy as those it will see.
func jackknife(train []*dyad.Sentence, folds int, seed uint64) []*dyad.Sentence {
	out := make([]*dyad.Sentence, len(train))
	for i, s := range train {
		c := *s
		c.Tokens = append([]dyad.Token(nil), s.Tokens...)
		out[i] = &c
	}
	for k := range folds {
		var rest []*dyad.Sentence
		for i, s := range train {
			if i%folds != k {
				rest = append(rest, s)
			}
		}
		t := tagger.Train(rest, tagger.TrainOptions{Epochs: 5, Seed: seed})
		for i := k; i < len(out); i += folds {
			t.Tag(out[i])
		}
	}
	return out
}

// trainNEROptions are the flags of "dyad train ner".
type trainNEROptions struct {
	train, dev, out, ud string
	seed                uint64
	epochs, folds       int
}

func runTrainNER(args []string, stdout, stderr io.Writer) error {
	var o trainNEROptions
	fs := newFlagSet("train ner", "train ner --train FILE --dev FILE --out DIR [--ud FILE] [--seed N] [--epochs N]", stderr)
	fs.StringVar(&o.train, "train", "", "training `FILE` (UniversalNER IOB2, optionally .gz)")
	fs.StringVar(&o.dev, "dev", "", "development `FILE` (IOB2) for per-epoch scores")
	fs.StringVar(&o.out, "out", "", "output `DIR` for "+nlp.NERFile)
	fs.StringVar(&o.ud, "ud", "", "UD treebank `FILE` with the training sentences (same sent_id) and gold POS tags: train on tags of jackknifed taggers instead of the built-in tagger's")
	fs.IntVar(&o.folds, "folds", 5, "with --ud, the number of jackknife folds `N`")
	fs.Uint64Var(&o.seed, "seed", 1, "random `SEED` for shuffling")
	fs.IntVar(&o.epochs, "epochs", 0, "training `EPOCHS` (0: the default, 8)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.train == "" || o.out == "" {
		return dyad.Errorf(dyad.EINVALID, "give --train FILE and --out DIR")
	}
	return trainNER(o, stdout)
}

// trainNER trains the named-entity tagger on UniversalNER IOB2 files, with
// the part-of-speech tags of the built-in tagger (or of jackknifed taggers)
// and the built-in gazetteer and actor dictionaries as features, and
// writes it into o.out.
func trainNER(o trainNEROptions, stdout io.Writer) error {
	start := time.Now()
	trainSet, err := ner.LoadIOB2(o.train)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	var dev []*ner.Document
	if o.dev != "" {
		if dev, err = ner.LoadIOB2(o.dev); err != nil {
			return dyad.Errorf(dyad.EINVALID, "%v", err)
		}
	}
	p, err := nlp.Load()
	if err != nil {
		return err
	}
	for _, d := range slices.Concat(trainSet, dev) {
		for _, s := range d.Sentences {
			p.Tagger.Tag(s)
		}
	}
	if o.ud != "" {
		ud, err := treebank.Load(o.ud)
		if err != nil {
			return dyad.Errorf(dyad.EINVALID, "%v", err)
		}
		fmt.Fprintf(stdout, "tagging the training set with %d-fold jackknifed taggers\n", o.folds)
		byID := map[string]*dyad.Sentence{}
		for _, s := range jackknife(ud, o.folds, o.seed) {
			byID[s.ID] = s
		}
		missing := 0
		for _, d := range trainSet {
			for _, s := range d.Sentences {
				u := byID[s.ID]
				if u == nil || len(u.Tokens) != len(s.Tokens) {
					missing++
					continue
				}
				for j := range s.Tokens {
					s.Tokens[j].UPOS, s.Tokens[j].XPOS = u.Tokens[j].UPOS, u.Tokens[j].XPOS
				}
			}
		}
		fmt.Fprintf(stdout, "jackknifed tags ready (%s); %d sentences not in the treebank keep the built-in tagger's\n", time.Since(start).Round(time.Second), missing)
	}
	names, err := ner.BuiltinNames()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "train ner: %d training documents, %d dev documents, %d gazetteer names, seed %d\n", len(trainSet), len(dev), len(names), o.seed)
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	t, err := ner.Train(trainSet, ner.TrainOptions{Epochs: o.epochs, Seed: o.seed, Names: names, Epoch: func(epoch int, t *ner.Tagger) {
		line := fmt.Sprintf("epoch %d (%s)", epoch, time.Since(start).Round(time.Second))
		if dev != nil {
			sc := ner.Evaluate(t, dev)
			line += fmt.Sprintf(": dev F1 %.2f (P %.2f R %.2f)", 100*sc.All.F1(), 100*sc.All.Precision(), 100*sc.All.Recall())
		}
		fmt.Fprintln(stdout, line)
	}})
	if err != nil {
		return err
	}
	path := filepath.Join(o.out, nlp.NERFile)
	n, err := writeModel(path, t)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(stdout, "wrote %s (%d bytes) in %s; peak heap about %d MB\n", path, n, time.Since(start).Round(time.Second), ms.HeapSys>>20)
	return nil
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/pipeline"
)

// ingestOptions are the flags of "dyad ingest".
type ingestOptions struct {
	dicts        dictOptions
	db           string
	date         string
	allowPrivate bool
	json         bool
	quiet        bool
}

// ingestSummary is what an ingest did; "dyad ingest --json" prints it.
type ingestSummary struct {
	Items     int            `json:"items"`
	Articles  int            `json:"articles"`
	Skipped   map[string]int `json:"skipped,omitempty"` // reason → count, e.g. non-English
	Sentences int            `json:"sentences"`
	Events    int            `json:"events"`
	NewEvents int            `json:"new_events"`
	Errors    int            `json:"errors"`
	Seconds   float64        `json:"seconds"`
}

func runIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o ingestOptions
	fs := newFlagSet("ingest", "ingest [flags] FILE|DIR|URL|- ...\n\nReads articles (HTML, .txt, .jsonl with {url,title,text,published}, feeds, URLs,\nlists of URLs, standard input), codes them and stores articles, sentences and events.", stderr)
	o.dicts.register(fs, "phoenix")
	registerDB(fs, &o.db)
	fs.StringVar(&o.date, "date", "", "publication `DATE` (YYYY-MM-DD) for articles that carry none (default today)")
	fs.BoolVar(&o.allowPrivate, "allow-private", false, "allow fetching from loopback and private addresses (off by default: SSRF guard)")
	fs.BoolVar(&o.json, "json", false, "print the summary as JSON")
	fs.BoolVar(&o.quiet, "quiet", false, "print no progress")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return dyad.Errorf(dyad.EINVALID, "no input: give files, folders, URLs or - for standard input")
	}
	now, err := dateFlag(o.date)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, o.db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := newPipeline(o.dicts, false, st, now)
	if err != nil {
		return err
	}
	fetcher := acquire.NewFetcher(acquire.Options{AllowPrivate: o.allowPrivate})
	defer fetcher.Close()
	in := &acquire.Inputs{Fetcher: fetcher}
	sum, err := ingest(ctx, p, in, fs.Args(), stdin, progressTo(stderr, o.quiet))
	if err != nil {
		return err
	}
	if o.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(sum)
	}
	fmt.Fprintf(stdout, "%d items: %d articles coded, %d skipped, %d errors; %d sentences, %d events (%d new) in %.1f s\n",
		sum.Items, sum.Articles, skippedTotal(sum.Skipped), sum.Errors, sum.Sentences, sum.Events, sum.NewEvents, sum.Seconds)
	for reason, n := range sum.Skipped {
		fmt.Fprintf(stdout, "  skipped %d: %s\n", n, reason)
	}
	return nil
}

func skippedTotal(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// progress reports one ingested item: its source and the error, if any.
type progress func(done int, source string, err error)

// progressTo prints a line per failed item and, every few seconds, a
// count of the items done, to w.
func progressTo(w io.Writer, quiet bool) progress {
	start, last := time.Now(), time.Now()
	return func(done int, source string, err error) {
		if err != nil {
			fmt.Fprintf(w, "dyad: %s: %v\n", source, err)
		}
		if quiet || time.Since(last) < 2*time.Second {
			return
		}
		last = time.Now()
		rate := float64(done) / time.Since(start).Seconds()
		fmt.Fprintf(w, "dyad: %d items (%.1f/s)\n", done, rate)
	}
}

// ingest codes and stores every item of the inputs. An item that cannot be
// read or coded is counted and reported, and the others go on; a store or
// context failure stops the run.
func ingest(ctx context.Context, p *pipeline.Pipeline, in *acquire.Inputs, args []string, stdin io.Reader, report progress) (*ingestSummary, error) {
	start := time.Now()
	sum := &ingestSummary{Skipped: map[string]int{}}
	for item := range in.Items(ctx, args, stdin) {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		sum.Items++
		if item.Err != nil {
			sum.Errors++
			report(sum.Items, item.Source, item.Err)
			continue
		}
		res, err := p.Process(ctx, item.Article)
		switch code := dyad.ErrorCode(err); {
		case err == nil:
		case code == dyad.ECONFLICT:
			// Another article already has this URL: a duplicate.
			sum.Skipped["duplicate URL"]++
			report(sum.Items, item.Source, nil)
			continue
		case code == dyad.EINVALID:
			sum.Errors++
			report(sum.Items, item.Source, err)
			continue
		default:
			return sum, err // the store or the machine, not the item
		}
		if res.Skipped != "" {
			sum.Skipped[res.Skipped]++
		} else {
			sum.Articles++
		}
		sum.Sentences += len(res.Sentences)
		sum.Events += len(res.Events)
		sum.NewEvents += res.Saved.NewEvents
		report(sum.Items, item.Source, nil)
	}
	sum.Seconds = time.Since(start).Seconds()
	return sum, ctx.Err()
}

// nlpParser parses text with dyad's built-in models.
type nlpParser struct{ p *nlp.Pipeline }

// ParseText implements pipeline.Parser.
func (n nlpParser) ParseText(_ context.Context, text string) ([]*dyad.Sentence, error) {
	sents, _ := n.p.Parse(text)
	return sents, nil
}

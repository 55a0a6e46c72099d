package main

import (
	"context"
	"io"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
)

// codeInputs codes articles from files (HTML, text, .jsonl), folders,
// URLs, feeds or standard input, without storing them: each article is
// extracted, split, parsed and coded, and its events are written out.
// Items that cannot be read are reported on stderr and the others go on.
func codeInputs(ctx context.Context, o codeOptions, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		args = []string{"-"}
	}
	now, err := dateFlag(o.date)
	if err != nil {
		return err
	}
	write, flush, err := eventWriter(o.format, stdout)
	if err != nil {
		return err
	}
	p, err := newPipeline(o.dicts, o.monads, nil, now)
	if err != nil {
		return err
	}
	fetcher := acquire.NewFetcher(acquire.Options{AllowPrivate: o.allowPrivate})
	defer fetcher.Close()
	in := &acquire.Inputs{Fetcher: fetcher}
	items, failed := 0, 0
	m := progressTo(stderr, true)
	for item := range in.Items(ctx, args, stdin) {
		if err := ctx.Err(); err != nil {
			return err
		}
		items++
		if item.Err != nil {
			failed++
			m.printf("%s: %v", item.Source, item.Err)
			continue
		}
		if item.Article.URL == "" && item.Source != "stdin" {
			item.Article.URL = item.Source
		}
		res, err := p.Process(ctx, item.Article)
		if err != nil {
			failed++
			m.printf("%s: %v", item.Source, err)
			continue
		}
		if res.Skipped != "" {
			// Say so: an input with no events and no word is a puzzle.
			m.printf("%s: not coded: %s", item.Source, res.Skipped)
		}
		for i := range res.Events {
			e := &res.Events[i]
			if e.Modality == dyad.Negated && !o.all {
				continue
			}
			if err := write(e); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if failed == items && items > 0 {
		return dyad.Errorf(dyad.EINVALID, "none of the %d inputs could be coded", items)
	}
	return nil
}

package main

import (
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/pipeline"
)

// newPipeline builds the article pipeline the commands share: the chosen
// dictionaries, dyad's parser models and its gazetteer, coding news
// (future actions as intents and threats), recognising copies of stored
// articles when st keeps fingerprints. st may be nil (code without
// storing) and now nil (time.Now).
func newPipeline(d dictOptions, monads bool, st dyad.EventWriter, now func() time.Time) (*pipeline.Pipeline, error) {
	set, _, err := d.load()
	if err != nil {
		return nil, err
	}
	c, err := newCoder(set, coder.Options{AllowMonads: monads, IntentFromFuture: true, ResponsibilityMonads: true})
	if err != nil {
		return nil, err
	}
	parser, err := loadPipeline("")
	if err != nil {
		return nil, err
	}
	places, err := geo.Builtin()
	if err != nil {
		return nil, err
	}
	p := &pipeline.Pipeline{Parser: nlpParser{parser}, Coder: c, Store: st, Now: now, Places: places, KeepMonads: monads}
	if ci, ok := st.(pipeline.CopyIndex); ok {
		// Copies of stored stories are recognised wherever articles are
		// stored: ingest, the demo, the API's writes.
		p.Copies = ci
	}
	return p, nil
}

// dateFlag turns a --date value into the clock that dates undated
// articles: time.Now when the flag is empty.
func dateFlag(s string) (func() time.Time, error) {
	if s == "" {
		return time.Now, nil
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "bad --date %q: want YYYY-MM-DD", s)
	}
	return func() time.Time { return d }, nil
}

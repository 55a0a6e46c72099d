package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/sqlstore"
	"github.com/dyad-events/dyad/internal/synth"
)

// bulkStore is a store with the bulk path.
type bulkStore interface {
	store
	SaveBatch(ctx context.Context, b *sqlstore.Batch) (dyad.SaveResult, error)
	BeginBulk(ctx context.Context) (bool, error)
	FinishBulk(ctx context.Context) error
	Verify(ctx context.Context) error
}

// loadOptions are the flags of "dyad load".
type loadOptions struct {
	db        string
	synthetic int
	batch     int
	seed      uint64
	verify    bool
}

func runLoad(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	var o loadOptions
	fs := newFlagSet("load", "load --synthetic N [--db DB] [--batch N] [--seed N] [--verify]\n\nBulk-loads N synthetic events (internal/synth: 200 countries, 5 years, news-like CAMEO codes) for load tests\nand benchmarks. An empty store is loaded without indexes, which are built at the end; a store with events\ntakes the events in batches, keeping indexes and aggregates current.", stderr)
	registerDB(fs, &o.db)
	fs.IntVar(&o.synthetic, "synthetic", 0, "load `N` synthetic events")
	fs.IntVar(&o.batch, "batch", 0, "events per transaction (default 20000 into an empty store, 2000 into one with events, where each transaction keeps other writers waiting longer)")
	fs.Uint64Var(&o.seed, "seed", 1, "random seed of the synthetic data")
	fs.BoolVar(&o.verify, "verify", false, "check afterwards that aggregates and mention counts equal those computed from scratch")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || o.synthetic <= 0 || o.batch < 0 {
		return dyad.Errorf(dyad.EINVALID, "dyad load takes --synthetic N (N > 0) and no arguments")
	}
	s, err := openStore(ctx, o.db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	bs, ok := s.(bulkStore)
	if !ok {
		return dyad.Errorf(dyad.EINVALID, "the store %s has no bulk load", redact(o.db))
	}
	return load(ctx, bs, o, stdout, stderr)
}

// load generates and saves the events, preparing each batch while the
// store writes the one before.
func load(ctx context.Context, s bulkStore, o loadOptions, stdout, stderr io.Writer) error {
	start, cpu0 := time.Now(), cpuTime()
	bulk, err := s.BeginBulk(ctx)
	if err != nil {
		return err
	}
	if o.batch == 0 {
		o.batch = 2000
		if bulk {
			o.batch = 20000
		}
	}
	type prepared struct {
		b   *sqlstore.Batch
		err error
	}
	batches := make(chan prepared, 2)
	gctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(batches)
		g := synth.New(o.seed, o.synthetic)
		for g.Events() < o.synthetic {
			var arts []sqlstore.BatchArticle
			for n := 0; n < o.batch && g.Events() < o.synthetic; {
				a, evs := g.Article()
				arts = append(arts, sqlstore.BatchArticle{Article: a, Events: evs})
				n += len(evs)
			}
			b, err := sqlstore.NewBatch(arts)
			select {
			case batches <- prepared{b, err}:
			case <-gctx.Done():
				return
			}
		}
	}()
	var total dyad.SaveResult
	articles, next := 0, 1_000_000
	for p := range batches {
		if p.err != nil {
			return p.err
		}
		r, err := s.SaveBatch(ctx, p.b)
		if err != nil {
			return err
		}
		articles += p.b.Len()
		total.NewEvents += r.NewEvents
		total.Mentions += r.Mentions
		if total.NewEvents >= next {
			fmt.Fprintf(stderr, "dyad: %d events, %.0f/s\n", total.NewEvents, float64(total.NewEvents)/time.Since(start).Seconds())
			next += 1_000_000
		}
	}
	loaded := time.Since(start)
	if bulk {
		fmt.Fprintf(stderr, "dyad: %d events saved in %.1f s; building indexes and aggregates\n", total.NewEvents, loaded.Seconds())
		if err := s.FinishBulk(ctx); err != nil {
			return err
		}
	}
	elapsed, cpu := time.Since(start), cpuTime()-cpu0
	fmt.Fprintf(stdout, "articles %d\nevents %d\nmentions %d\nbulk %v\nseconds %.1f (batches %.1f, indexes and aggregates %.1f)\nevents_per_second %.0f\ncpu_seconds %.1f\n",
		articles, total.NewEvents, total.Mentions, bulk, elapsed.Seconds(), loaded.Seconds(), (elapsed - loaded).Seconds(), float64(total.NewEvents)/elapsed.Seconds(), cpu.Seconds())
	if o.verify {
		if err := s.Verify(ctx); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "verified: aggregates and mention counts equal those computed from the events")
	}
	return nil
}

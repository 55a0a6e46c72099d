package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/export"
)

// exportOptions are the flags of "dyad export".
type exportOptions struct {
	db      string
	format  string
	out     string
	filters filterFlags
}

func runExport(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	var o exportOptions
	fs := newFlagSet("export", "export [--db DB] --format gdelt|csv|jsonl|parquet [-o FILE] [filters]", stderr)
	registerDB(fs, &o.db)
	fs.StringVar(&o.format, "format", "jsonl", "gdelt (GDELT 2.0 events table: 61 tab-separated columns, no header), csv, jsonl or parquet")
	fs.StringVar(&o.out, "o", "", "write to `FILE` instead of standard output")
	o.filters.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return dyad.Errorf(dyad.EINVALID, "dyad export takes no arguments, only flags (got %q)", fs.Arg(0))
	}
	n, err := exportRun(ctx, o, stdout)
	if err == nil && o.out != "" {
		fmt.Fprintf(stderr, "dyad: exported %d events to %s\n", n, o.out)
	}
	return err
}

// exportRun writes every matching event and returns how many it wrote. A
// file given with -o is removed when the export fails.
func exportRun(ctx context.Context, o exportOptions, stdout io.Writer) (n int, err error) {
	f, err := o.filters.filter()
	if err != nil {
		return 0, err
	}
	if _, err := export.NewWriter(o.format, io.Discard); err != nil {
		return 0, err
	}
	s, err := openStore(ctx, o.db, true)
	if err != nil {
		return 0, err
	}
	defer s.Close()
	out := stdout
	if o.out != "" {
		file, err := os.Create(o.out)
		if err != nil {
			return 0, dyad.Errorf(dyad.EINVALID, "create output: %v", err)
		}
		defer func() {
			if cerr := file.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(o.out)
			}
		}()
		out = file
	}
	w, _ := export.NewWriter(o.format, out)
	err = s.EachEvent(ctx, f, func(e *dyad.StoredEvent) error {
		n++
		return w.Write(e)
	})
	if err != nil {
		return n, err
	}
	return n, w.Close()
}

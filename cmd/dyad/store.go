package main

import (
	"context"
	"flag"
	"os"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/postgres"
	"github.com/dyad-events/dyad/sqlite"
)

// store is an open dyad.Store that must be closed.
type store interface {
	dyad.Store
	Close() error
}

// defaultDB is the --db default: $DYAD_DB, else dyad.db in the current
// directory.
func defaultDB() string {
	if db := os.Getenv("DYAD_DB"); db != "" {
		return db
	}
	return "dyad.db"
}

// registerDB adds the --db flag.
func registerDB(fs *flag.FlagSet, db *string) {
	fs.StringVar(db, "db", defaultDB(), "event store: a SQLite file `PATH`, or a postgres://… URL for PostgreSQL (default $DYAD_DB or dyad.db)")
}

// openStore opens the store a --db value names: a postgres:// or
// postgresql:// URL is a PostgreSQL database, anything else the path of a
// SQLite file. With mustExist, a missing SQLite file is ENOTFOUND instead of
// being created (for commands that only read).
func openStore(ctx context.Context, dsn string, mustExist bool) (store, error) {
	if dsn == "" {
		return nil, dyad.Errorf(dyad.EINVALID, "no store: give --db PATH or --db postgres://…")
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db := postgres.NewDB(dsn)
		if err := db.Open(ctx); err != nil {
			return nil, err
		}
		return db, nil
	}
	if mustExist {
		if _, err := os.Stat(dsn); err != nil {
			return nil, dyad.Errorf(dyad.ENOTFOUND, "no event store at %s: ingest into it first, or give --db", dsn)
		}
	}
	db := sqlite.NewDB(dsn)
	if err := db.Open(ctx); err != nil {
		return nil, err
	}
	return db, nil
}

// filterFlags are the event filter flags shared by "events" and "export".
type filterFlags struct {
	f          dyad.EventFilter
	dyad, bbox string
	modality   string
}

func (o *filterFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&o.f.From, "from", "", "events on or after `DATE` (YYYY-MM-DD)")
	fs.StringVar(&o.f.To, "to", "", "events on or before `DATE` (YYYY-MM-DD)")
	fs.StringVar(&o.f.Source, "source", "", "source actor code `PREFIX` (PAK, PAKGOV)")
	fs.StringVar(&o.f.Target, "target", "", "target actor code `PREFIX`")
	fs.StringVar(&o.f.Actor, "actor", "", "source or target actor code `PREFIX`")
	fs.StringVar(&o.dyad, "dyad", "", "two actor code prefixes `A,B`, either direction")
	fs.StringVar(&o.f.Code, "code", "", "CAMEO event code `PREFIX` (19 for all of root 19)")
	fs.StringVar(&o.f.Root, "root", "", "CAMEO root `CODE` (2 digits)")
	fs.IntVar(&o.f.QuadClass, "quad", 0, "quad class `N` (1-4)")
	fs.StringVar(&o.f.PLOVER, "plover", "", "PLOVER event `TYPE` (e.g. ASSAULT)")
	fs.StringVar(&o.modality, "modality", "", "asserted, negated, future, hypothetical or reported")
	fs.StringVar(&o.f.Country, "country", "", "country `CODE` of the event location")
	fs.StringVar(&o.bbox, "bbox", "", "bounding box `MINLON,MINLAT,MAXLON,MAXLAT`")
	fs.StringVar(&o.f.Outlet, "outlet", "", "events with a mention from `OUTLET`")
	fs.StringVar(&o.f.Query, "q", "", "full-text `QUERY` over the evidence sentences (all words)")
	fs.StringVar(&o.f.Sort, "sort", "", "date, goldstein or mentions; - prefix for descending (default -date)")
}

// filter returns the filter the flags describe, or EINVALID.
func (o *filterFlags) filter() (dyad.EventFilter, error) {
	f := o.f
	f.Modality = dyad.Modality(o.modality)
	if o.dyad != "" {
		a, b, ok := strings.Cut(o.dyad, ",")
		if !ok || a == "" || b == "" || strings.Contains(b, ",") {
			return f, dyad.Errorf(dyad.EINVALID, "bad --dyad %q: want two actor codes, such as PAK,AFG", o.dyad)
		}
		f.Dyad = [2]string{a, b}
	}
	if o.bbox != "" {
		parts := strings.Split(o.bbox, ",")
		var v [4]float64
		var err error
		if len(parts) == 4 {
			for i, p := range parts {
				if v[i], err = strconv.ParseFloat(strings.TrimSpace(p), 64); err != nil {
					break
				}
			}
		}
		if len(parts) != 4 || err != nil {
			return f, dyad.Errorf(dyad.EINVALID, "bad --bbox %q: want MINLON,MINLAT,MAXLON,MAXLAT", o.bbox)
		}
		f.BBox = &dyad.BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}
	}
	return f, f.Validate()
}

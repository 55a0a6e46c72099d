package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/geo"
)

// gazetteerOptions are the flags of `dyad gazetteer`.
type gazetteerOptions struct {
	geonames string // import: GeoNames dump directory
	out      string // import: gazetteer file to write
	db       string // import: the event database the gazetteer goes beside
	minPop   int64
	file     string   // lookup: gazetteer file, "" for the built-in one
	context  []string // lookup: context countries
	json     bool
}

// gazetteerFile returns the gazetteer file that goes beside database db.
func gazetteerFile(db string) string { return db + ".gazetteer.gz" }

// runGazetteer dispatches `dyad gazetteer import|lookup`.
func runGazetteer(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
	const synopsis = "gazetteer import --geonames DIR (--out FILE | --db DB) [--min-pop N]\n       dyad gazetteer lookup [--gazetteer FILE] [--context ISO3,…] [-json] NAME…"
	if len(args) == 0 {
		fmt.Fprintf(stderr, "Usage: dyad %s\n", synopsis)
		return errUsage
	}
	var o gazetteerOptions
	switch args[0] {
	case "import":
		fs := newFlagSet("gazetteer import", synopsis, stderr)
		fs.StringVar(&o.geonames, "geonames", "", "`DIR` of GeoNames dumps: countryInfo.txt, admin1CodesASCII.txt, cities*.txt[.gz]")
		fs.StringVar(&o.out, "out", "", "gazetteer `FILE` to write (load it with --gazetteer FILE)")
		fs.StringVar(&o.db, "db", "", "event database `DB`: write the gazetteer beside it, as DB.gazetteer.gz")
		fs.Int64Var(&o.minPop, "min-pop", 0, "keep cities of at least `N` people (capitals and seats always)")
		if err := parseFlags(fs, args[1:]); err != nil {
			return err
		}
		return runGazetteerImport(ctx, o, stdout)
	case "lookup":
		fs := newFlagSet("gazetteer lookup", synopsis, stderr)
		fs.StringVar(&o.file, "gazetteer", "", "gazetteer `FILE` written by 'dyad gazetteer import' (default: the built-in one)")
		ctxList := fs.String("context", "", "comma-separated ISO country codes that help resolve ambiguous names")
		fs.BoolVar(&o.json, "json", false, "print JSON")
		if err := parseFlags(fs, args[1:]); err != nil {
			return err
		}
		if *ctxList != "" {
			o.context = strings.Split(*ctxList, ",")
		}
		return runGazetteerLookup(o, fs.Args(), stdout)
	}
	fmt.Fprintf(stderr, "dyad gazetteer: unknown subcommand %q\n\nUsage: dyad %s\n", args[0], synopsis)
	return errUsage
}

// runGazetteerImport imports GeoNames dumps into a gazetteer file.
func runGazetteerImport(ctx context.Context, o gazetteerOptions, stdout io.Writer) error {
	if o.geonames == "" {
		return dyad.Errorf(dyad.EINVALID, "gazetteer import: give --geonames DIR")
	}
	out := o.out
	if out == "" && o.db != "" {
		out = gazetteerFile(o.db)
	}
	if out == "" {
		return dyad.Errorf(dyad.EINVALID, "gazetteer import: give --out FILE or --db DB")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ref, err := geo.Builtin()
	if err != nil {
		return err
	}
	places, err := geo.ImportGeoNames(o.geonames, geo.ImportOptions{MinPopulation: o.minPop, Centroids: ref})
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".gazetteer-*")
	if err != nil {
		return fmt.Errorf("gazetteer import: %w", err)
	}
	defer os.Remove(tmp.Name())
	src := "GeoNames (CC BY 4.0) dumps in " + o.geonames
	if err := geo.Write(tmp, places, src); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("gazetteer import: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("gazetteer import: %w", err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("gazetteer import: %w", err)
	}
	var n [5]int
	for _, p := range places {
		n[p.Kind]++
	}
	_, err = fmt.Fprintf(stdout, "wrote %s: %d places (%d countries, %d regions, %d cities)\n", out, len(places), n[geo.Country], n[geo.Region], n[geo.City])
	return err
}

// runGazetteerLookup prints the places each name may be, the resolved one
// first.
func runGazetteerLookup(o gazetteerOptions, names []string, stdout io.Writer) error {
	if len(names) == 0 {
		return dyad.Errorf(dyad.EINVALID, "gazetteer lookup: give a NAME")
	}
	g, err := loadGazetteer(o.file)
	if err != nil {
		return err
	}
	type row struct {
		Query    string         `json:"query"`
		Resolved *geo.Place     `json:"resolved"`
		Others   []geo.Place    `json:"candidates"`
		Location *dyad.Location `json:"location"`
	}
	enc := json.NewEncoder(stdout)
	for _, name := range names {
		r := row{Query: name}
		if p, ok := g.Resolve(name, o.context); ok {
			r.Resolved = &p
			l := p.Location()
			r.Location = &l
		}
		r.Others = g.Lookup(name)
		if o.json {
			if err := enc.Encode(r); err != nil {
				return err
			}
			continue
		}
		if r.Resolved == nil {
			fmt.Fprintf(stdout, "%s: not found\n", name)
			continue
		}
		p := r.Resolved
		fmt.Fprintf(stdout, "%s: %s (%s, %s, %s) %.4f,%.4f pop %d\n", name, p.Name, p.Kind, p.Country, p.ADM1(), p.Lat, p.Lon, p.Population)
		for _, c := range r.Others {
			if c.ID != p.ID || c.Name != p.Name {
				fmt.Fprintf(stdout, "  also %s (%s, %s, %s) pop %d\n", c.Name, c.Kind, c.Country, c.ADM1(), c.Population)
			}
		}
	}
	return nil
}

// loadGazetteer opens file, or the built-in gazetteer when file is "".
func loadGazetteer(file string) (*geo.Gazetteer, error) {
	if file == "" {
		return geo.Builtin()
	}
	g, err := geo.Open(file)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "%v", err)
	}
	return g, nil
}

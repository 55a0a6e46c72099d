// Command gencameo writes cameo/tables.go, the CAMEO event and actor tables
// of package cameo, from the shared data files.
//
// Usage:
//
//	gencameo [-data DIR] [-out FILE]
//
// DIR holds the files below (default ../shared/data, relative to the module
// root); FILE is the Go file to write (default cameo/tables.go, relative to
// the module root). Explicit flag values are relative to the working
// directory, as usual; package cameo runs
//
//	go run ../internal/cmd/gencameo -data ../../shared/data -out tables.go
//
// from its own directory through go:generate.
//
// Input files, relative to DIR:
//
//	cameo/gdelt-lookups/CAMEO.eventcodes.txt     event code names
//	cameo/gdelt-lookups/CAMEO.goldsteinscale.txt Goldstein values
//	cameo/cameo_eventcodes_goldstein.DERIVED.tsv their join, used as a cross-check
//	plover/CAMEO2PLOVER-2021.txt                 CAMEO to PLOVER mapping
//	cameo/gdelt-lookups/CAMEO.type.txt           role and type codes
//	cameo/gdelt-lookups/CAMEO.knowngroup.txt     known groups
//	cameo/gdelt-lookups/CAMEO.religion.txt       religions
//	cameo/gdelt-lookups/CAMEO.ethnic.txt         ethnic groups
//	cameo/cameo_region_codes.DERIVED.tsv         CAMEO regional codes
//	geonames/countryInfo.txt                     states (ISO3 column)
//
// The generator repairs the few known defects of these files (see nameFixes
// and labelFixes) and fails, rather than guessing, when a file does not have
// the expected shape, so a changed source is noticed.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); errors.Is(err, flag.ErrHelp) {
		return
	} else if err != nil {
		fmt.Fprintln(os.Stderr, "gencameo:", err)
		os.Exit(1)
	}
}

// options are the command-line options of gencameo.
type options struct {
	Data string // directory of the shared data files
	Out  string // Go file to write
}

// run parses args, generates the tables and writes them to opts.Out.
func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gencameo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts options
	fs.StringVar(&opts.Data, "data", "", "read the data files from `DIR` (default ../shared/data relative to the module root)")
	fs.StringVar(&opts.Out, "out", "", "write the Go tables to `FILE` (default cameo/tables.go relative to the module root)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: gencameo [-data DIR] [-out FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if opts.Data == "" || opts.Out == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		if opts.Data == "" {
			opts.Data = filepath.Join(root, "..", "shared", "data")
		}
		if opts.Out == "" {
			opts.Out = filepath.Join(root, "cameo", "tables.go")
		}
	}
	src, err := generate(opts.Data)
	if err != nil {
		return err
	}
	return os.WriteFile(opts.Out, src, 0o644)
}

// moduleRoot returns the nearest directory at or above the working directory
// that holds a go.mod file.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod found above the working directory; give -data and -out")
		}
		dir = parent
	}
}

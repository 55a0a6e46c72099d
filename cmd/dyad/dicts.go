package main

import (
	"flag"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
)

// dictOptions are the flags that choose the coding dictionaries.
type dictOptions struct {
	dir   string
	set   string
	verbs string
}

func (o *dictOptions) register(fs *flag.FlagSet, defaultSet string) {
	fs.StringVar(&o.dir, "dicts", os.Getenv("DYAD_DICTS"), "`DIR` holding PETRARCH-format dictionaries (default $DYAD_DICTS)")
	fs.StringVar(&o.set, "set", defaultSet, "dictionary file set in DIR: phoenix (CAMEO.2.0 + Phoenix.*) or validation (PETR.Validate.*)")
	fs.StringVar(&o.verbs, "verbs", "", "verb dictionary `FILE` to use instead of the set's")
}

// load reads the dictionaries and returns them with the time it took.
func (o *dictOptions) load() (*dict.Set, time.Duration, error) {
	if o.dir == "" {
		return nil, 0, dyad.Errorf(dyad.EINVALID, "no dictionaries: give --dicts DIR (a folder of PETRARCH-format dictionaries) or set DYAD_DICTS")
	}
	var files dict.Files
	switch o.set {
	case "phoenix":
		files = dict.PhoenixFiles()
	case "validation":
		files = dict.ValidationFiles()
	default:
		return nil, 0, dyad.Errorf(dyad.EINVALID, "unknown dictionary set %q: want phoenix or validation", o.set)
	}
	dir := o.dir
	if o.verbs != "" {
		abs, err := filepath.Abs(o.verbs)
		if err != nil {
			return nil, 0, err
		}
		rel, err := filepath.Rel(dir, abs)
		if err != nil {
			rel = abs
		}
		files.Verbs = []string{rel}
	}
	start := time.Now()
	set, err := dict.Load(dir, files)
	if err != nil {
		return nil, 0, dyad.Errorf(dyad.EINVALID, "load dictionaries: %v", err)
	}
	return set, time.Since(start), nil
}

// newCoder builds a coder over a dictionary set.
func newCoder(set *dict.Set, opts coder.Options) (*coder.Coder, error) {
	return coder.New(coder.Dictionaries{Verbs: set.Verbs, Actors: set.Actors, Agents: set.Agents, Discards: set.Discards, Issues: set.Issues}, opts)
}

package main

import (
	"flag"
	"fmt"
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
	fs.StringVar(&o.dir, "dicts", os.Getenv("DYAD_DICTS"), "`DIR` holding PETRARCH-format dictionaries (default $DYAD_DICTS, else dyad's built-in dictionaries)")
	fs.StringVar(&o.set, "set", defaultSet, "dictionary file set in DIR: phoenix (CAMEO.2.0 + Phoenix.*) or validation (PETR.Validate.*)")
	fs.StringVar(&o.verbs, "verbs", "", "verb dictionary `FILE` to use instead of the set's")
}

// load reads the dictionaries and returns them with the time it took.
func (o *dictOptions) load() (*dict.Set, time.Duration, error) {
	if o.dir == "" {
		if o.verbs != "" {
			return nil, 0, dyad.Errorf(dyad.EINVALID, "--verbs needs --dicts DIR")
		}
		start := time.Now()
		set, err := dict.Builtin()
		if err != nil {
			return nil, 0, fmt.Errorf("load built-in dictionaries: %w", err)
		}
		return set, time.Since(start), nil
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

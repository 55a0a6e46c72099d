package dict

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Set is a complete set of coding dictionaries.
type Set struct {
	Verbs    *Verbs
	Actors   *Actors
	Agents   *Agents
	Discards *Discards
	Issues   *Issues
}

// Files names the files of a Set, relative to a directory. Several files
// of one kind are read into one dictionary, in order.
type Files struct {
	Verbs    []string
	Actors   []string
	Agents   []string
	Discards []string
	Issues   []string
}

// ValidationFiles returns the file names of the small dictionaries of
// PETRARCH's validation suite.
func ValidationFiles() Files {
	return Files{
		Verbs:    []string{"PETR.Validate.verbs.2.0.txt"},
		Actors:   []string{"PETR.Validate.actors.txt"},
		Agents:   []string{"PETR.Validate.agents.txt"},
		Discards: []string{"PETR.Validate.discards.txt"},
	}
}

// PhoenixFiles returns the file names of the public CAMEO 2.0 verb
// dictionary and the Phoenix actor, agent, discard and issue dictionaries.
func PhoenixFiles() Files {
	return Files{
		Verbs:    []string{"CAMEO.2.0.txt"},
		Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
		Agents:   []string{"Phoenix.agents.txt"},
		Discards: []string{"Phoenix.discards.txt"},
		Issues:   []string{"Phoenix.IssueCoding.txt"},
	}
}

// Load reads the named files from dir into a new Set. Kinds with no files
// are left nil, except Verbs and Actors, which are always non-nil.
func Load(dir string, files Files) (*Set, error) {
	s := &Set{Verbs: NewVerbs(), Actors: NewActors()}
	read := func(names []string, r func(io.Reader, string) error) error {
		for _, name := range names {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				return fmt.Errorf("open dictionary: %w", err)
			}
			err = r(f, name)
			f.Close()
			if err != nil {
				return err
			}
		}
		return nil
	}
	if err := read(files.Verbs, s.Verbs.Read); err != nil {
		return nil, err
	}
	if err := read(files.Actors, s.Actors.Read); err != nil {
		return nil, err
	}
	if len(files.Agents) > 0 {
		s.Agents = NewAgents()
		if err := read(files.Agents, s.Agents.Read); err != nil {
			return nil, err
		}
	}
	if len(files.Discards) > 0 {
		s.Discards = NewDiscards()
		if err := read(files.Discards, s.Discards.Read); err != nil {
			return nil, err
		}
	}
	if len(files.Issues) > 0 {
		s.Issues = NewIssues()
		if err := read(files.Issues, s.Issues.Read); err != nil {
			return nil, err
		}
	}
	return s, nil
}

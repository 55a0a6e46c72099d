package dict

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// builtinFS holds dyad's own dictionaries, in the native format
// (docs/DICTIONARIES.md). It is read-only.
//
//go:embed builtin/*.actors builtin/*.agents builtin/*.verbs builtin/*.discards
var builtinFS embed.FS

// BuiltinFiles returns the names of the built-in dictionary files, by kind,
// in the order they are read. A phrase defined in two files keeps the
// definition of the first.
func BuiltinFiles() Files {
	var f Files
	names, _ := fs.Glob(builtinFS, "builtin/*")
	slices.Sort(names)
	for _, n := range names {
		switch path.Ext(n) {
		case ".actors":
			f.Actors = append(f.Actors, n)
		case ".agents":
			f.Agents = append(f.Agents, n)
		case ".verbs":
			f.Verbs = append(f.Verbs, n)
		case ".discards":
			f.Discards = append(f.Discards, n)
		}
	}
	return f
}

// BuiltinFile returns the content of a built-in dictionary file, by a name
// that BuiltinFiles returns.
func BuiltinFile(name string) ([]byte, error) {
	b, err := builtinFS.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("built-in dictionary: %w", err)
	}
	return b, nil
}

// Builtin parses dyad's built-in dictionaries: actors (countries and
// territories, their leaders, intergovernmental organisations, armed
// groups, media), agents, verbs and discards, written for dyad in the
// native format and embedded in the binary. Each call returns a new Set.
func Builtin() (*Set, error) {
	files := BuiltinFiles()
	s := &Set{Verbs: NewVerbs(), Actors: NewActors(), Agents: NewAgents(), Discards: NewDiscards()}
	for _, n := range files.Verbs {
		if err := s.Verbs.ReadNative(builtinReader(n), n); err != nil {
			return nil, err
		}
	}
	for _, n := range files.Actors {
		if err := s.Actors.ReadNative(builtinReader(n), n); err != nil {
			return nil, err
		}
	}
	for _, n := range files.Agents {
		if err := s.Agents.ReadNative(builtinReader(n), n); err != nil {
			return nil, err
		}
	}
	for _, n := range files.Discards {
		if err := s.Discards.Read(builtinReader(n), n); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// builtinReader opens a built-in file; the names come from the embedded
// directory itself, so reading cannot fail.
func builtinReader(name string) *strings.Reader {
	b, _ := builtinFS.ReadFile(name)
	return strings.NewReader(string(b))
}

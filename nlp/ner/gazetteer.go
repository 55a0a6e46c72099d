package ner

import (
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/geo"
)

// Name is one gazetteer entry: a phrase and the list it comes from
// ("city", "leaders", ...). The tagger learns how far to trust each list.
type Name struct {
	Phrase string
	List   string
}

// maxNameWords is the most words a gazetteer match spans.
const maxNameWords = 8

// gazetteer maps name keys to a bit set of the lists that hold them.
type gazetteer struct {
	lists []string
	names map[string]uint32
}

// newGazetteer indexes names; at most 32 lists are kept.
func newGazetteer(names []Name) *gazetteer {
	g := &gazetteer{names: map[string]uint32{}}
	for _, n := range names {
		i, ok := g.list(n.List)
		if !ok {
			continue
		}
		var words []string
		for w := range strings.FieldsSeq(n.Phrase) {
			words = append(words, splitPossessive(w)...)
		}
		if k := nameKey(words); k != "" && len(words) <= maxNameWords {
			g.names[k] |= 1 << i
		}
	}
	return g
}

// splitPossessive splits a trailing "'s" off w, as the tokenizer does.
func splitPossessive(w string) []string {
	if b, ok := strings.CutSuffix(w, "'s"); ok && b != "" {
		return []string{b, "'s"}
	}
	return []string{w}
}

// nameKey folds words into a key: lower case, hyphens and spaces dropped,
// so that "Rostov-on-Don" and "Rostov - on - Don" meet.
func nameKey(words []string) string {
	var b strings.Builder
	for _, w := range words {
		appendKey(&b, w)
	}
	return b.String()
}

func appendKey(b *strings.Builder, w string) {
	for _, r := range w {
		if r == '-' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
}

// match is one gazetteer match over words [start, end).
type match struct {
	start, end int
	lists      uint32
}

// lookup returns the lists that hold key.
func (g *gazetteer) lookup(key string) uint32 { return g.names[key] }

// list returns the index of the named list, adding it if there is room; ok
// is false when there is none.
func (g *gazetteer) list(name string) (int, bool) {
	i := slices.Index(g.lists, name)
	if i < 0 {
		if len(g.lists) == 32 {
			return 0, false
		}
		i = len(g.lists)
		g.lists = append(g.lists, name)
	}
	return i, true
}

// matches returns every match in words of the name keys that lookup maps
// to a non-empty set of lists. A match neither starts nor ends on a word
// without letters or digits.
func matches(words []string, lookup func(string) uint32) []match {
	var out []match
	var b strings.Builder
	for i := range words {
		if !wordy(words[i]) {
			continue
		}
		b.Reset()
		for j := i; j < len(words) && j < i+maxNameWords; j++ {
			appendKey(&b, words[j])
			if !wordy(words[j]) {
				continue
			}
			if l := lookup(b.String()); l != 0 {
				out = append(out, match{i, j + 1, l})
			}
		}
	}
	return out
}

// wordy reports whether w has a letter or digit.
func wordy(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// BuiltinNames returns the gazetteer entries dyad ships itself: the place
// names of the built-in gazetteer (lists "city", "region", "country",
// "area", "demonym") and the phrases of the built-in actor dictionaries,
// by file ("countries", "places", "leaders", "groups", "igos", "media"),
// with the single words of leaders' names as "person-word".
func BuiltinNames() ([]Name, error) {
	g, err := geo.Builtin()
	if err != nil {
		return nil, err
	}
	var out []Name
	for _, p := range g.Places() {
		k := p.Kind.String()
		out = append(out, Name{p.Name, k})
		for _, n := range p.Names {
			out = append(out, Name{n, k})
		}
		for _, d := range p.Demonyms {
			out = append(out, Name{d, "demonym"})
		}
	}
	set, err := dict.Builtin()
	if err != nil {
		return nil, err
	}
	for _, e := range set.Actors.Entries() {
		file, _, _ := strings.Cut(e.Ref, ":")
		list := strings.TrimSuffix(path.Base(file), path.Ext(file))
		if _, rest, ok := strings.Cut(list, "-"); ok {
			list = rest
		}
		out = append(out, Name{e.Phrase, list})
		if list == "leaders" {
			for w := range strings.FieldsSeq(e.Phrase) {
				if utf8.RuneCountInString(w) > 2 {
					out = append(out, Name{w, "person-word"})
				}
			}
		}
	}
	return out, nil
}

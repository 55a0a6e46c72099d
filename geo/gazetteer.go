package geo

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/gob"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
)

// Kind is the sort of place a gazetteer entry is.
type Kind uint8

// Kinds of place. A Region is a first-level administrative division
// (state, province, governorate); an Area is a named region that is not
// one, such as the Gaza Strip or Darfur.
const (
	City Kind = iota + 1
	Region
	Country
	Area
)

// String returns the kind's name in lower case.
func (k Kind) String() string {
	switch k {
	case City:
		return "city"
	case Region:
		return "region"
	case Country:
		return "country"
	case Area:
		return "area"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Place is one gazetteer entry.
type Place struct {
	// ID is the GeoNames ID where known, else 0.
	ID   int64
	Name string
	Kind Kind
	// Country is the ISO 3166-1 alpha-3 code of the place's country (the
	// code CAMEO actor codes begin with) and CC its alpha-2 code.
	Country string
	CC      string
	// Admin1 is the GeoNames first-level division code within the
	// country ("23" for Kandahar province), "" when unknown.
	Admin1     string
	Lat, Lon   float64
	Population int64
	// Capital is set for national capitals.
	Capital bool
	// Names are alternate spellings ("Qandahar"); Demonyms are a
	// country's adjectives and peoples ("Afghan", "Afghans").
	Names    []string
	Demonyms []string
}

// ADM1 returns the place's first-level division as the country's alpha-2
// code followed by the GeoNames division code ("AF23"), or "" when unknown.
func (p Place) ADM1() string {
	if p.Admin1 == "" || p.Admin1 == "00" {
		return ""
	}
	return p.CC + p.Admin1
}

// Location returns the place as an event location.
func (p Place) Location() dyad.Location {
	return dyad.Location{Name: p.Name, Country: p.Country, ADM1: p.ADM1(), Lat: p.Lat, Lon: p.Lon}
}

// file is the serialized form of a gazetteer: gob in gzip.
type file struct {
	Format  string
	Version int
	// Source says where the data came from.
	Source string
	Places []Place
}

const (
	fileFormat  = "dyad-gazetteer"
	fileVersion = 1
)

//go:embed gazetteer.bin.gz
var builtinData []byte

// Gazetteer finds places by name. It is safe for concurrent use; it is
// never changed after New returns it.
type Gazetteer struct {
	source string
	places []Place
	index  map[string][]int32 // folded name → places
	codes  map[string]int32   // ISO alpha-3 and alpha-2 → country
	demos  map[string]int32   // folded demonym → country
	byCC   map[string]string  // alpha-2 → alpha-3
}

// Builtin returns the gazetteer embedded in the binary (GeoNames data, CC
// BY 4.0, see NOTICE). It parses the data on every call: callers keep the
// result.
func Builtin() (*Gazetteer, error) {
	g, err := Read(bytes.NewReader(builtinData))
	if err != nil {
		return nil, fmt.Errorf("builtin gazetteer: %w", err)
	}
	return g, nil
}

// Open reads a gazetteer file written by Write (for example by
// `dyad gazetteer import`).
func Open(path string) (*Gazetteer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open gazetteer: %w", err)
	}
	defer f.Close()
	g, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("gazetteer %s: %w", path, err)
	}
	return g, nil
}

// Read reads a gazetteer written by Write.
func Read(r io.Reader) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	var f file
	if err := gob.NewDecoder(zr).Decode(&f); err != nil {
		return nil, fmt.Errorf("decode gazetteer: %w", err)
	}
	if f.Format != fileFormat {
		return nil, fmt.Errorf("decode gazetteer: not a gazetteer file (format %q)", f.Format)
	}
	if f.Version != fileVersion {
		return nil, fmt.Errorf("decode gazetteer: version %d, want %d", f.Version, fileVersion)
	}
	return New(f.Places, f.Source), nil
}

// Write writes places as a gazetteer file that Read and Open accept;
// source says where they came from.
func Write(w io.Writer, places []Place, source string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("write gazetteer: %w", err)
	}
	f := file{Format: fileFormat, Version: fileVersion, Source: source, Places: places}
	if err := gob.NewEncoder(zw).Encode(&f); err != nil {
		return fmt.Errorf("write gazetteer: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write gazetteer: %w", err)
	}
	return nil
}

// New indexes places. It adds the hand-written English spellings, country
// names, demonyms and areas of aliases.go (each only where the places do
// not have it already). New keeps places; the caller must not change them.
func New(places []Place, source string) *Gazetteer {
	g := &Gazetteer{
		source: source,
		places: places,
		index:  make(map[string][]int32, len(places)*2),
		codes:  make(map[string]int32, 600),
		demos:  make(map[string]int32, 400),
		byCC:   make(map[string]string, 300),
	}
	for i := range places {
		p := &places[i]
		if p.Kind == Country {
			g.byCC[p.CC] = p.Country
		}
	}
	for i := range g.places {
		g.add(int32(i))
	}
	extra := extraAreas()
	for _, a := range extra {
		if a.Kind == Country && g.byCC[a.CC] == "" {
			g.byCC[a.CC] = a.Country // countries first: their towns need them
			g.places = append(g.places, a)
			g.add(int32(len(g.places) - 1))
		}
	}
	for _, a := range extra {
		if a.Kind == Country {
			continue
		}
		if a.Country = g.byCC[a.CC]; a.Country == "" || len(g.find(Fold(a.Name), a.CC, 0)) > 0 {
			continue
		}
		g.places = append(g.places, a)
		g.add(int32(len(g.places) - 1))
	}
	for _, a := range englishAliases() {
		key := Fold(a.target)
		found := g.find(key, a.cc, a.kind)
		if a.kind == 0 {
			// A bare alias names the city where there is one, not the
			// province of the same name.
			if c := g.find(key, a.cc, City); len(c) > 0 {
				found = c
			}
		}
		if len(found) > 0 {
			g.addKey(Fold(a.alias), found[0])
		}
	}
	for _, c := range countryNames() {
		if i, ok := g.codes[c.code]; ok {
			for _, n := range c.names {
				g.addKey(Fold(n), i)
			}
			for _, d := range c.demonyms {
				if _, dup := g.demos[Fold(d)]; !dup {
					g.demos[Fold(d)] = i
				}
			}
		}
	}
	return g
}

// add indexes place i under its names.
func (g *Gazetteer) add(i int32) {
	p := &g.places[i]
	g.addName(p.Name, i, p.Kind)
	for _, n := range p.Names {
		g.addName(n, i, p.Kind)
	}
	if p.Kind == Country {
		g.codes[p.Country] = i
		g.codes[p.CC] = i
		for _, d := range p.Demonyms {
			g.demos[Fold(d)] = i
		}
	}
}

// regionWords returns the words a division's name may end with ("Kandahar
// Province"); the name is also indexed without them.
func regionWords() []string {
	return []string{" province", " governorate", " state", " region", " oblast", " prefecture", " department", " district", " division", " territory", " autonomous republic", " municipality", " county", " emirate", " wilayah", " krai", " republic"}
}

// addName indexes one name of place i, with its variants.
func (g *Gazetteer) addName(name string, i int32, k Kind) {
	key := Fold(name)
	if key == "" {
		return
	}
	g.addKey(key, i)
	if s, ok := stripArticle(key); ok {
		g.addKey(s, i)
	}
	if s, ok := strings.CutPrefix(key, "saint "); ok {
		g.addKey("st "+s, i) // "St. Joseph"
	}
	if k == Region {
		for _, w := range regionWords() {
			if s, ok := strings.CutSuffix(key, w); ok && s != "" {
				g.addKey(s, i)
				if s2, ok := stripArticle(s); ok {
					g.addKey(s2, i)
				}
			}
		}
	}
}

// stripArticle removes an Arabic article ("al ", "el ") from a key.
func stripArticle(key string) (string, bool) {
	for _, a := range []string{"al ", "el ", "the ", "ar ", "as ", "ad ", "an ", "at ", "az ", "ash "} {
		if s, ok := strings.CutPrefix(key, a); ok && len(s) > 2 {
			return s, true
		}
	}
	return "", false
}

func (g *Gazetteer) addKey(key string, i int32) {
	if key == "" {
		return
	}
	l := g.index[key]
	if slices.Contains(l, i) {
		return
	}
	g.index[key] = append(l, i)
}

// find returns the places named key in country cc (alpha-2; any when ""),
// of kind k (any when 0), most populous first.
func (g *Gazetteer) find(key, cc string, k Kind) []int32 {
	var out []int32
	for _, i := range g.index[key] {
		p := &g.places[i]
		if (cc == "" || p.CC == cc) && (k == 0 || p.Kind == k) {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, func(a, b int32) int { return int(g.places[b].Population - g.places[a].Population) })
	return out
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Source says where the gazetteer's data came from.
func (g *Gazetteer) Source() string { return g.source }

// Places returns all places, for export and statistics; the caller must
// not change them.
func (g *Gazetteer) Places() []Place { return g.places }

// Lookup returns the places a name may refer to (case, diacritics,
// punctuation and a leading Arabic article are ignored; alternate names
// count), the most prominent first. It returns nil when none match.
func (g *Gazetteer) Lookup(name string) []Place {
	idx := g.lookup(Fold(name))
	if len(idx) == 0 {
		return nil
	}
	out := make([]Place, len(idx))
	for j, i := range idx {
		out[j] = g.places[i]
	}
	slices.SortStableFunc(out, func(a, b Place) int { return cmpScore(score(&b, nil), score(&a, nil)) })
	return out
}

func (g *Gazetteer) lookup(key string) []int32 {
	if l, ok := g.index[key]; ok {
		return l
	}
	if s, ok := stripArticle(key); ok {
		return g.index[s]
	}
	return nil
}

// Resolve returns the place a name most likely refers to: the best-scored
// candidate of Lookup, where a place in one of the context countries (ISO
// alpha-3 or alpha-2 codes, e.g. the countries of an event's actors or of
// the article's dateline) gains over the rest, and countries, national
// capitals and populous places gain over small ones. It reports false when
// no place has that name.
func (g *Gazetteer) Resolve(name string, context []string) (Place, bool) {
	return g.resolveKey(Fold(name), context, 0)
}

// resolveKey resolves a folded name; with kind set, only places of that
// kind are considered.
func (g *Gazetteer) resolveKey(key string, context []string, kind Kind) (Place, bool) {
	best, bestScore := int32(-1), math.Inf(-1)
	for _, i := range g.lookup(key) {
		p := &g.places[i]
		if kind != 0 && p.Kind != kind {
			continue
		}
		if s := score(p, context); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return Place{}, false
	}
	return g.places[best], true
}

// score ranks a candidate: log10 of the population, plus bonuses for
// countries, capitals and places in a context country, a malus for
// divisions (the city is meant more often than its province of the same
// name).
func score(p *Place, context []string) float64 {
	s := math.Log10(float64(p.Population) + 10)
	switch p.Kind {
	case Country:
		s += 2
	case Area:
		s += 1
	case Region:
		s -= 1
	}
	if p.Capital {
		s += 1.5
	}
	for j, c := range context {
		if c == p.Country || c == p.CC {
			s += 3
			if j == 0 {
				s += 0.25
			}
			break
		}
	}
	return s
}

// atof parses a number of a hand-written table; a malformed one is 0.
func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func cmpScore(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Country returns the country a name, demonym or ISO 3166-1 code names
// ("Pakistan", "Pakistani", "PAK", "PK"; codes must be upper case).
func (g *Gazetteer) Country(name string) (Place, bool) {
	if n := len(name); (n == 2 || n == 3) && strings.ToUpper(name) == name {
		if i, ok := g.codes[name]; ok {
			return g.places[i], true
		}
	}
	key := Fold(name)
	for _, i := range g.lookup(key) {
		if g.places[i].Kind == Country {
			return g.places[i], true
		}
	}
	if i, ok := g.demos[key]; ok {
		return g.places[i], true
	}
	return Place{}, false
}

// ISO3 returns the alpha-3 code of the country with alpha-2 code cc, or ""
// when the gazetteer has no such country.
func (g *Gazetteer) ISO3(cc string) string { return g.byCC[cc] }

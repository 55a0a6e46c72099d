package geo_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/geo"
)

var (
	builtinOnce sync.Once
	builtinG    *geo.Gazetteer
	builtinErr  error
)

// mustBuiltin returns the embedded gazetteer, parsed once per test binary.
func mustBuiltin(tb testing.TB) *geo.Gazetteer {
	tb.Helper()
	builtinOnce.Do(func() { builtinG, builtinErr = geo.Builtin() })
	if builtinErr != nil {
		tb.Fatal(builtinErr)
	}
	return builtinG
}

func TestBuiltin(t *testing.T) {
	g := mustBuiltin(t)
	var n [5]int
	for _, p := range g.Places() {
		n[p.Kind]++
		if p.Country == "" || p.CC == "" || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
			t.Fatalf("bad place %+v", p)
		}
	}
	if n[geo.Country] < 200 || n[geo.Region] < 2000 || n[geo.City] < 2000 {
		t.Errorf("got %d countries, %d regions, %d cities; want ≥ 200, 2000, 2000", n[geo.Country], n[geo.Region], n[geo.City])
	}
	if !strings.Contains(g.Source(), "GeoNames") {
		t.Errorf("Source() = %q, want it to credit GeoNames", g.Source())
	}
}

func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Kandahār", "kandahar"},
		{"KANDAHAR", "kandahar"},
		{"Ma'rib", "marib"},
		{"Khan-Younis", "khan younis"},
		{"  Genève ", "geneve"},
		{"Diyarbakır", "diyarbakir"},
		{"Łódź", "lodz"},
		{"Washington, D.C.", "washington d c"},
		{"Ta‘izz", "taizz"},
		{"", ""},
	} {
		if got := geo.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	g := mustBuiltin(t)
	for _, tt := range []struct {
		name    string
		context []string
		want    string // Name
		country string
		kind    geo.Kind
	}{
		{"Kandahar", nil, "Kandahār", "AFG", geo.City},
		{"Qandahar", nil, "Kandahār", "AFG", geo.City},
		{"kandahar province", nil, "Kandahar Province", "AFG", geo.Region},
		{"Helmand", nil, "Helmand Province", "AFG", geo.Region},
		{"Hyderabad", nil, "Hyderabad", "IND", geo.City},
		{"Hyderabad", []string{"PAK"}, "Hyderabad", "PAK", geo.City},
		{"Hyderabad", []string{"PK"}, "Hyderabad", "PAK", geo.City},
		{"Georgia", nil, "Georgia", "GEO", geo.Country},
		{"Georgia", []string{"USA"}, "Georgia", "USA", geo.Region},
		{"Tripoli", nil, "Tripoli", "LBY", geo.City},
		{"Tripoli", []string{"LBN"}, "Tripoli", "LBN", geo.City},
		{"Paris", []string{"USA"}, "Paris", "FRA", geo.City},
		{"Washington", nil, "Washington, D.C.", "USA", geo.City},
		{"Kiev", nil, "Kyiv", "UKR", geo.City},
		{"GENEVA", nil, "Genève", "CHE", geo.City},
		{"Fallujah", nil, "Al Fallūjah", "IRQ", geo.City},
		{"al-Fallujah", nil, "Al Fallūjah", "IRQ", geo.City},
		{"Gaza Strip", nil, "Gaza Strip", "PSE", geo.Region},
		{"Darfur", nil, "Darfur", "SDN", geo.Area},
		{"Gaza", nil, "Gaza", "PSE", geo.City},
		{"Crimea", nil, "Autonomous Republic of Crimea", "UKR", geo.Region},
		{"Russia", nil, "Russia", "RUS", geo.Country},
		{"Ivory Coast", nil, "Ivory Coast", "CIV", geo.Country},
		{"Britain", nil, "United Kingdom", "GBR", geo.Country},
		{"Bombay", nil, "Mumbai", "IND", geo.City},
	} {
		p, ok := g.Resolve(tt.name, tt.context)
		if !ok || p.Name != tt.want || p.Country != tt.country || p.Kind != tt.kind {
			t.Errorf("Resolve(%q, %v) = %q %s %s (%v), want %q %s %s", tt.name, tt.context, p.Name, p.Country, p.Kind, ok, tt.want, tt.country, tt.kind)
		}
	}
	if p, ok := g.Resolve("Mordor", nil); ok {
		t.Errorf("Resolve(Mordor) = %+v, want none", p)
	}
}

func TestLookup(t *testing.T) {
	g := mustBuiltin(t)
	ps := g.Lookup("tripoli")
	if len(ps) < 2 || ps[0].Country != "LBY" {
		t.Fatalf("Lookup(tripoli) = %v, want Libya's first and Lebanon's", ps)
	}
	found := false
	for _, p := range ps {
		found = found || p.Country == "LBN"
	}
	if !found {
		t.Errorf("Lookup(tripoli) lacks Tripoli, Lebanon: %v", ps)
	}
	for _, name := range []string{"Pristina", "North Mitrovica"} {
		if ps := g.Lookup(name); len(ps) == 0 || ps[0].Country != "XKX" || ps[0].Kind != geo.City {
			t.Errorf("Lookup(%s) = %v, want the town in Kosovo", name, ps)
		}
	}
	if ps := g.Lookup("no such place"); ps != nil {
		t.Errorf("Lookup(no such place) = %v, want nil", ps)
	}
}

func TestCountry(t *testing.T) {
	g := mustBuiltin(t)
	for _, tt := range []struct{ in, want string }{
		{"Pakistan", "PAK"}, {"Pakistani", "PAK"}, {"PAK", "PAK"}, {"PK", "PAK"},
		{"Afghan", "AFG"}, {"Britain", "GBR"}, {"U.S.", "USA"}, {"American", "USA"},
		{"Burma", "MMR"}, {"DRC", "COD"}, {"Syrian", "SYR"}, {"Türkiye", "TUR"},
		{"Kosovo", "XKX"}, {"Kosovar", "XKX"}, // not in the ISO lists the embedded data comes from
	} {
		if p, ok := g.Country(tt.in); !ok || p.Country != tt.want {
			t.Errorf("Country(%q) = %s (%v), want %s", tt.in, p.Country, ok, tt.want)
		}
	}
	for _, in := range []string{"Kandahar", "pak", "in"} {
		if p, ok := g.Country(in); ok {
			t.Errorf("Country(%q) = %s, want none", in, p.Country)
		}
	}
}

func TestWriteRead(t *testing.T) {
	places := []geo.Place{
		{ID: 1, Name: "Mordor", Kind: geo.Country, Country: "MOR", CC: "MO", Lat: 1, Lon: 2, Population: 1000},
		{ID: 2, Name: "Barad-dûr", Kind: geo.City, Country: "MOR", CC: "MO", Admin1: "01", Lat: 1.5, Lon: 2.5, Population: 500, Names: []string{"Dark Tower"}},
	}
	var buf bytes.Buffer
	if err := geo.Write(&buf, places, "test"); err != nil {
		t.Fatal(err)
	}
	g, err := geo.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if g.Source() != "test" {
		t.Errorf("Source() = %q, want test", g.Source())
	}
	p, ok := g.Resolve("dark tower", nil)
	if !ok || p.Name != "Barad-dûr" || p.Location().ADM1 != "MO01" {
		t.Errorf("Resolve(dark tower) = %+v, %v", p, ok)
	}
	if p, ok := g.Country("Mordor"); !ok || p.ID != 1 {
		t.Errorf("Country(Mordor) = %+v, %v", p, ok)
	}

	t.Run("ErrFormat", func(t *testing.T) {
		if _, err := geo.Read(strings.NewReader("not gzip")); err == nil {
			t.Error("Read(garbage) succeeded")
		}
	})
}

func TestImportGeoNames(t *testing.T) {
	places, err := geo.ImportGeoNames("testdata/geonames", geo.ImportOptions{MinPopulation: 1000})
	if err != nil {
		t.Fatal(err)
	}
	g := geo.New(places, "test")
	var n [5]int
	for _, p := range places {
		n[p.Kind]++
	}
	if n[geo.Country] != 2 || n[geo.Region] != 3 || n[geo.City] != 3 {
		t.Errorf("got %d countries, %d regions, %d cities; want 2, 3, 3 (no section, no small town)", n[geo.Country], n[geo.Region], n[geo.City])
	}
	for _, tt := range []struct{ name, want, country string }{
		{"Lugburz", "Barad-dûr", "MOR"},
		{"dark tower", "Barad-dûr", "MOR"},
		{"Mundburg", "Minas Tirith", "GON"},
		{"Lebennin", "Lebennin", "GON"},
		{"Gondor", "Gondor", "GON"},
	} {
		if p, ok := g.Resolve(tt.name, nil); !ok || p.Name != tt.want || p.Country != tt.country {
			t.Errorf("Resolve(%q) = %q %s (%v), want %q %s", tt.name, p.Name, p.Country, ok, tt.want, tt.country)
		}
	}
	if _, ok := g.Resolve("BDR", nil); ok {
		t.Error("Resolve(BDR) found a place; codes are not names")
	}
	if p, _ := g.Resolve("Gondor", nil); p.Lat != 3 || p.Lon != 4 {
		t.Errorf("Gondor at %v,%v; want its capital's 3,4 without centroids", p.Lat, p.Lon)
	}
	if p, _ := g.Resolve("Lebennin", nil); p.Lat != 2.5 {
		t.Errorf("Lebennin at %v,%v; want its seat Pelargir's", p.Lat, p.Lon)
	}

	t.Run("ErrMissing", func(t *testing.T) {
		if _, err := geo.ImportGeoNames(t.TempDir(), geo.ImportOptions{}); err == nil || !strings.Contains(err.Error(), "countryInfo.txt") {
			t.Errorf("err = %v, want one naming countryInfo.txt", err)
		}
	})
}

package geo

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ImportOptions tune ImportGeoNames.
type ImportOptions struct {
	// MinPopulation drops cities smaller than this, except capitals and
	// administrative seats (0 keeps every city of the dumps).
	MinPopulation int64
	// Centroids gives country centroids, which GeoNames' dumps lack; the
	// built-in gazetteer is a good choice. Without it (or for a country
	// it lacks) the capital stands in.
	Centroids *Gazetteer
	// MaxNames caps the alternate names kept per place (default 30).
	MaxNames int
}

// ImportGeoNames reads the GeoNames dumps in dir — countryInfo.txt,
// admin1CodesASCII.txt and every cities*.txt (or cities*.txt.gz, such as
// cities500.txt or cities15000.txt) — and returns their countries,
// first-level divisions and cities, with the Latin-script alternate names
// of each. Write them with Write and load them with Open.
func ImportGeoNames(dir string, opts ImportOptions) ([]Place, error) {
	if opts.MaxNames == 0 {
		opts.MaxNames = 30
	}
	countries, err := readCountryInfo(filepath.Join(dir, "countryInfo.txt"))
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "cities*.txt*"))
	if err != nil {
		return nil, fmt.Errorf("import geonames: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("import geonames: no cities*.txt in %s", dir)
	}
	seen := map[int64]bool{}
	var cities []Place
	var seats []bool
	for _, f := range files {
		if strings.HasSuffix(f, ".zip") {
			return nil, fmt.Errorf("import geonames: unzip %s first", f)
		}
		err := readLines(f, func(line string) error {
			p, seat, ok, err := parseCity(line, countries, opts.MaxNames)
			if err != nil || !ok || seen[p.ID] {
				return err
			}
			seen[p.ID] = true
			cities = append(cities, p)
			seats = append(seats, seat)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	type agg struct {
		pop        int64
		wlat, wlon float64
		w          float64
		seat       int
		capital    int
	}
	newAgg := func() *agg { return &agg{seat: -1, capital: -1} }
	byCountry, byRegion := map[string]*agg{}, map[string]*agg{}
	for i := range cities {
		c := &cities[i]
		w := float64(c.Population) + 1
		for _, k := range []string{c.CC, c.CC + "." + c.Admin1} {
			m := byCountry
			if k != c.CC {
				m = byRegion
			}
			a := m[k]
			if a == nil {
				a = newAgg()
				m[k] = a
			}
			a.pop += c.Population
			a.wlat, a.wlon, a.w = a.wlat+w*c.Lat, a.wlon+w*c.Lon, a.w+w
			if seats[i] && (a.seat < 0 || c.Population > cities[a.seat].Population) {
				a.seat = i
			}
			if c.Capital && (a.capital < 0 || c.Population > cities[a.capital].Population) {
				a.capital = i
			}
		}
	}
	var out []Place
	ccs := make([]string, 0, len(countries))
	for cc := range countries {
		ccs = append(ccs, cc)
	}
	slices.Sort(ccs)
	for _, cc := range ccs {
		p := countries[cc]
		a := byCountry[cc]
		if ref, ok := opts.Centroids.country(p.Country); ok {
			p.Lat, p.Lon = ref.Lat, ref.Lon
		} else if a != nil && a.capital >= 0 {
			p.Lat, p.Lon = cities[a.capital].Lat, cities[a.capital].Lon
		} else if a != nil {
			p.Lat, p.Lon = a.wlat/a.w, a.wlon/a.w
		} else {
			continue
		}
		if p.Population == 0 && a != nil {
			p.Population = a.pop
		}
		out = append(out, p)
	}
	err = readLines(filepath.Join(dir, "admin1CodesASCII.txt"), func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return fmt.Errorf("want 4 fields, got %d", len(f))
		}
		cc, code, ok := strings.Cut(f[0], ".")
		c, known := countries[cc]
		a := byRegion[f[0]]
		if !ok || !known || a == nil {
			return nil
		}
		id, _ := strconv.ParseInt(f[3], 10, 64)
		p := Place{ID: id, Name: f[1], Kind: Region, Country: c.Country, CC: cc, Admin1: code, Population: a.pop}
		if f[2] != f[1] && f[2] != "" {
			p.Names = []string{f[2]}
		}
		if a.seat >= 0 {
			p.Lat, p.Lon = cities[a.seat].Lat, cities[a.seat].Lon
		} else {
			p.Lat, p.Lon = a.wlat/a.w, a.wlon/a.w
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, c := range cities {
		if c.Population >= opts.MinPopulation || c.Capital || seats[i] {
			out = append(out, c)
		}
	}
	return out, nil
}

// country returns the country with alpha-3 code iso3; g may be nil.
func (g *Gazetteer) country(iso3 string) (Place, bool) {
	if g == nil {
		return Place{}, false
	}
	if i, ok := g.codes[iso3]; ok {
		return g.places[i], true
	}
	return Place{}, false
}

// readCountryInfo reads GeoNames' countryInfo.txt into countries by alpha-2
// code.
func readCountryInfo(path string) (map[string]Place, error) {
	out := map[string]Place{}
	err := readLines(path, func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 17 {
			return fmt.Errorf("want 17 or more fields, got %d", len(f))
		}
		pop, _ := strconv.ParseInt(f[7], 10, 64)
		id, _ := strconv.ParseInt(f[16], 10, 64)
		out[f[0]] = Place{ID: id, Name: f[4], Kind: Country, Country: f[1], CC: f[0], Population: pop}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no countries", path)
	}
	return out, nil
}

// parseCity parses one line of a GeoNames cities file; seat reports a
// first-level seat (PPLA) and ok false a line to skip (a section or
// historical place, or an unknown country).
func parseCity(line string, countries map[string]Place, maxNames int) (p Place, seat, ok bool, err error) {
	f := strings.Split(line, "\t")
	if len(f) < 15 {
		return p, false, false, fmt.Errorf("want 19 fields, got %d", len(f))
	}
	switch f[7] {
	case "PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH":
		return p, false, false, nil
	}
	c, known := countries[f[8]]
	if !known {
		return p, false, false, nil
	}
	p = Place{Name: f[1], Kind: City, Country: c.Country, CC: f[8], Admin1: f[10], Capital: f[7] == "PPLC"}
	if p.ID, err = strconv.ParseInt(f[0], 10, 64); err != nil {
		return p, false, false, fmt.Errorf("bad ID %q", f[0])
	}
	if p.Lat, err = strconv.ParseFloat(f[4], 64); err != nil {
		return p, false, false, fmt.Errorf("bad latitude %q", f[4])
	}
	if p.Lon, err = strconv.ParseFloat(f[5], 64); err != nil {
		return p, false, false, fmt.Errorf("bad longitude %q", f[5])
	}
	p.Population, _ = strconv.ParseInt(f[14], 10, 64)
	keys := map[string]bool{Fold(p.Name): true}
	for _, n := range append([]string{f[2]}, strings.Split(f[3], ",")...) {
		k := Fold(n)
		if len(p.Names) >= maxNames || keys[k] || !isLatin(k) || len(n) > 40 || len(n) <= 4 && strings.ToUpper(n) == n {
			continue // too many, a duplicate, another script, or a code ("KBL")
		}
		keys[k] = true
		p.Names = append(p.Names, n)
	}
	return p, f[7] == "PPLA" || f[7] == "PPLC", true, nil
}

// readLines calls fn for each line of a text file (gzip-compressed when
// its name ends in .gz) that is neither empty nor a # comment, and names
// the file and line in any error.
func readLines(path string, fn func(line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("import geonames: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("import geonames: %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("import geonames: %s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("import geonames: %s: %w", path, err)
	}
	return nil
}

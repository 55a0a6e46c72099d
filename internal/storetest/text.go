package storetest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/internal/synth"
)

// RunFullText runs the full-text part of the suite on s, an empty store:
// a store whose TextWalk is small tests the pages that probe each event.
func RunFullText(t *testing.T, s dyad.Store) { testFullText(t, s) }

// testFullText checks that pages filtered by a full-text query, which
// walk the full-text matches in date order, list the events that the
// plain query (every matching event, sorted: EachEvent) lists, in its
// order: for frequent and rare words, alone and with other filters,
// sorted both ways, paged with cursors; and again after articles were
// re-coded, which replaces their mentions.
func testFullText(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	g := synth.New(7, fullTextEvents)
	var arts []*dyad.Article
	words := map[string]int{}
	for g.Events() < fullTextEvents {
		a, evs := g.Article()
		if _, err := s.SaveArticle(ctx, a, nil, evs); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
		for _, e := range evs {
			for _, w := range strings.Fields(strings.ToLower(strings.Trim(e.Sentence.Text, "."))) {
				words[strings.Trim(w, ",")]++
			}
		}
	}
	// A frequent word, one of middling frequency and a rare one.
	ranked := make([]string, 0, len(words))
	for w := range words {
		if len(w) > 3 {
			ranked = append(ranked, w)
		}
	}
	slices.SortFunc(ranked, func(x, y string) int { return cmp.Or(words[y]-words[x], strings.Compare(x, y)) })
	queries := []string{ranked[0], ranked[len(ranked)/8], ranked[len(ranked)/2], ranked[0] + " " + ranked[len(ranked)/8], "zzyzx"}
	c := g.Countries()
	check := func(t *testing.T) { CheckFullText(t, s, queries, c, 0) }
	t.Run("OK", check)
	// Re-code a third of the articles with the events of new ones.
	for i, a := range arts {
		if i%3 != 0 {
			continue
		}
		_, evs := g.Article()
		for j := range evs {
			evs[j].ID = fmt.Sprintf("recoded-%d-%d", i, j)
		}
		if _, err := s.SaveArticle(ctx, a, nil, evs); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("OKRecoded", check)
}

// CheckFullText checks that pages of events filtered by each full-text
// query, alone and with other filters (countries[0] and countries[1] are
// actors in the store), sorted by date both ways and paged with cursors
// (pages of 7 and of 100, at most maxPages of each, 0 for all), list the
// events that the plain query (every matching event, sorted: EachEvent)
// lists, in its order.
func CheckFullText(t *testing.T, s dyad.Store, queries, countries []string, maxPages int) {
	t.Helper()
	ctx := context.Background()
	c := countries
	for _, q := range queries {
		bases := []dyad.EventFilter{
			{Query: q},
			{Query: q, Actor: c[0]},
			{Query: q, Dyad: [2]string{c[0], c[1]}},
			{Query: q, Source: c[1], From: "2021-03-10", To: "2023-08-20"},
			{Query: q, Country: c[0]},
			{Query: q, QuadClass: 4, To: "2022-12-31"},
		}
		for _, base := range bases {
			for _, sort := range []string{"", dyad.SortDate} {
				f := base
				f.Sort = sort
				var want []string
				err := s.EachEvent(ctx, f, func(e *dyad.StoredEvent) error {
					want = append(want, e.ID)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				for _, limit := range []int{7, 100} {
					f.Limit = limit
					var got []string
					for n := 0; maxPages == 0 || n < maxPages; n++ {
						page, err := s.Events(ctx, f)
						if err != nil {
							t.Fatalf("%+v: %v", f, err)
						}
						got = append(got, ids(page.Events)...)
						if page.Next == "" {
							break
						}
						f.Cursor = page.Next
					}
					f.Cursor = ""
					want := want
					if maxPages > 0 && len(want) > maxPages*limit {
						want = want[:maxPages*limit]
					}
					if !slices.Equal(got, want) {
						i := 0
						for i < min(len(got), len(want)) && got[i] == want[i] {
							i++
						}
						t.Errorf("%+v: pages list %d events, want %d; they differ from the %dth on", f, len(got), len(want), i+1)
					}
				}
			}
		}
	}
}

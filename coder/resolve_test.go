package coder_test

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

func TestCodeDateAndFatalities(t *testing.T) {
	c := frameCoder(t)
	s := mustParse(t, `# text = Arnor bombed Gondor on Saturday, killing 12 people.
1 Arnor   Arnor    PROPN NNP _ 2 nsubj  _ _
2 bombed  bomb     VERB  VBD _ 0 root   _ _
3 Gondor  Gondor   PROPN NNP _ 2 obj    _ _
4 on      on       ADP   IN  _ 5 case   _ _
5 Saturday Saturday PROPN NNP _ 2 obl   _ _
6 ,       ,        PUNCT ,   _ 7 punct  _ _
7 killing kill     VERB  VBG _ 2 advcl  _ _
8 12      12       NUM   CD  _ 9 nummod _ _
9 people  person   NOUN  NNS _ 7 obj    _ _
10 .      .        PUNCT .   _ 2 punct  _ _`)
	published := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) // a Wednesday
	evs := c.Code(s, published)
	if len(evs) != 1 {
		t.Fatalf("got %v, want one event", triples(evs))
	}
	e := evs[0]
	if e.Date != "2026-11-21" || e.DatePrecision != dyad.PrecisionDay || e.DateSource != `"on saturday"` {
		t.Errorf("date %s (%s, %q), want 2026-11-21 (day, \"on saturday\")", e.Date, e.DatePrecision, e.DateSource)
	}
	if e.Fatalities == nil || *e.Fatalities != (dyad.Fatalities{Count: 12}) {
		t.Errorf("fatalities %v, want 12", e.Fatalities)
	}
	// The same event on the day of publication is another event.
	other := c.Code(mustParse(t, `# text = Arnor bombed Gondor.
1 Arnor  Arnor PROPN NNP _ 2 nsubj _ _
2 bombed bomb  VERB  VBD _ 0 root  _ _
3 Gondor Gondor PROPN NNP _ 2 obj  _ _`), published)
	if len(other) != 1 || other[0].Date != "2026-11-25" || other[0].DateSource != "publication date" || other[0].ID == e.ID {
		t.Errorf("undated event %+v, want dated on publication with another ID", other)
	}
	if other[0].Fatalities != nil {
		t.Errorf("fatalities %v, want none", *other[0].Fatalities)
	}
}

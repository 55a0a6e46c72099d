package geo_test

import (
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/geo"
)

func ExampleGazetteer_Resolve() {
	g, err := geo.Builtin() // parse once, keep it
	if err != nil {
		panic(err)
	}
	for _, ctx := range [][]string{nil, {"PAK"}} {
		p, _ := g.Resolve("Hyderabad", ctx)
		fmt.Println(p.Name, p.Country, p.ADM1())
	}
	// Output:
	// Hyderabad IND IN40
	// Hyderabad PAK PK05
}

func ExampleGazetteer_PlaceEvent() {
	g, err := geo.Builtin()
	if err != nil {
		panic(err)
	}
	// "Jets struck targets in Kabul and Kandahar", unparsed: the words and
	// their parts of speech are enough.
	s := &dyad.Sentence{}
	for i, w := range []struct{ form, upos string }{
		{"Jets", "NOUN"}, {"struck", "VERB"}, {"targets", "NOUN"}, {"in", "ADP"},
		{"Kabul", "PROPN"}, {"and", "CCONJ"}, {"Kandahar", "PROPN"},
	} {
		s.Tokens = append(s.Tokens, dyad.Token{ID: i + 1, Form: w.form, UPOS: w.upos, Head: -1, Start: -1, End: -1})
	}
	ev := &dyad.Event{Code: "195"}
	for _, e := range g.PlaceEvent(s, ev, g.NewContext("ISLAMABAD — ", nil)) {
		fmt.Println(e.Location.Name, e.Location.Country, e.LocationSource)
	}
	// Output:
	// Kabul AFG sentence
	// Kandahār AFG sentence
}

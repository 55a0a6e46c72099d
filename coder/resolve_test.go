package coder_test

import (
	"slices"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
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

// TestCodeFatalitiesUnderMisparse reads a death toll the parser attached
// to the wrong verb: the participle of the reported event taken for a
// modifier of its object, and the victims for a clause of "said".
func TestCodeFatalitiesUnderMisparse(t *testing.T) {
	c := frameCoder(t)
	tests := []struct{ name, conllu string }{
		{
			name: "VictimsAsClauseOfSaid",
			conllu: `# text = Arnor bombed Gondor, killing at least 11 soldiers, Osgiliath said.
1  Arnor     Arnor     PROPN NNP _ 2  nsubj  _ _
2  bombed    bomb      VERB  VBD _ 11 ccomp  _ _
3  Gondor    Gondor    PROPN NNP _ 2  obj    _ _
4  ,         ,         PUNCT ,   _ 5  punct  _ _
5  killing   kill      VERB  VBG _ 2  advcl  _ _
6  at        at        ADP   IN  _ 7  case   _ _
7  least     least     ADJ   JJS _ 8  nmod   _ _
8  11        11        NUM   CD  _ 9  nummod _ _
9  soldiers  soldier   NOUN  NNS _ 11 ccomp  _ _
10 Osgiliath Osgiliath PROPN NNP _ 11 nsubj  _ _
11 said      say       VERB  VBD _ 0  root   _ _
12 .         .         PUNCT .   _ 11 punct  _ _`,
		},
		{
			name: "ReportedVerbAsModifier",
			conllu: `# text = Arnor troops bombed Gondor positions, killing 11 soldiers, Osgiliath said.
1  Arnor     Arnor     PROPN NNP _ 2  compound _ _
2  troops    troop     NOUN  NNS _ 11 nsubj    _ _
3  bombed    bomb      VERB  VBN _ 5  amod     _ _
4  Gondor    Gondor    PROPN NNP _ 5  compound _ _
5  positions position  NOUN  NNS _ 11 ccomp    _ _
6  ,         ,         PUNCT ,   _ 7  punct    _ _
7  killing   kill      VERB  VBG _ 5  acl      _ _
8  11        11        NUM   CD  _ 9  nummod   _ _
9  soldiers  soldier   NOUN  NNS _ 7  obj      _ _
10 Osgiliath Osgiliath PROPN NNP _ 11 nsubj    _ _
11 said      say       VERB  VBD _ 0  root     _ _
12 .         .         PUNCT .   _ 11 punct    _ _`,
		},
		{
			name: "ReportedObjectAsSubjectOfSaid",
			conllu: `# text = Arnor troops bombed Gondor positions, killing 11 soldiers, Osgiliath said.
1  Arnor     Arnor     PROPN NNP _ 2  compound _ _
2  troops    troop     NOUN  NNS _ 11 nsubj    _ _
3  bombed    bomb      VERB  VBN _ 5  amod     _ _
4  Gondor    Gondor    PROPN NNP _ 5  compound _ _
5  positions position  NOUN  NNS _ 11 nsubj    _ _
6  ,         ,         PUNCT ,   _ 7  punct    _ _
7  killing   kill      VERB  VBG _ 11 ccomp    _ _
8  11        11        NUM   CD  _ 9  nummod   _ _
9  soldiers  soldier   NOUN  NNS _ 7  obj      _ _
10 Osgiliath Osgiliath PROPN NNP _ 11 nsubj    _ _
11 said      say       VERB  VBD _ 0  root     _ _
12 .         .         PUNCT .   _ 11 punct    _ _`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := c.Code(mustParse(t, tt.conllu), time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
			if len(evs) != 1 || evs[0].Fatalities == nil || evs[0].Fatalities.Count != 11 || evs[0].Attribution == nil {
				t.Fatalf("events %v, want one with 11 dead, attributed", evs)
			}
		})
	}
}

// TestCodeConjoinedVerb: a verb conjoined to another shares its compound
// subject as each other's target when it codes a mutual act, and its
// date when it says none.
func TestCodeConjoinedVerb(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	s := mustParse(t, `# text = Arnor and Gondor met on Saturday and clashed.
1 Arnor    Arnor    PROPN NNP _ 4 nsubj _ _
2 and      and      CCONJ CC  _ 3 cc    _ _
3 Gondor   Gondor   PROPN NNP _ 1 conj  _ _
4 met      meet     VERB  VBD _ 0 root  _ _
5 on       on       ADP   IN  _ 6 case  _ _
6 Saturday Saturday PROPN NNP _ 4 obl   _ _
7 and      and      CCONJ CC  _ 8 cc    _ _
8 clashed  clash    VERB  VBD _ 4 conj  _ _
9 .        .        PUNCT .   _ 4 punct _ _`)
	published := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) // a Wednesday
	var clashes []string
	for _, e := range c.Code(s, published) {
		if e.Code != "190" {
			continue
		}
		clashes = append(clashes, e.Source.Code+" "+e.Target.Code)
		if e.Date != "2026-11-21" {
			t.Errorf("%s → %s 190 dated %s (%s), want the meeting's Saturday, 2026-11-21", e.Source.Code, e.Target.Code, e.Date, e.DateSource)
		}
	}
	slices.Sort(clashes)
	if !slices.Equal(clashes, []string{"ARN GON", "GON ARN"}) {
		t.Errorf("clashes %v, want each side against the other", clashes)
	}
}

// TestCodeParticipleDate: a participle that says no date has the date of
// the verb it goes with.
func TestCodeParticipleDate(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	s := mustParse(t, `# text = Arnor and Gondor signed a truce on Saturday criticized by Osgiliath.
1 Arnor      Arnor     PROPN NNP _ 4 nsubj     _ _
2 and        and       CCONJ CC  _ 3 cc        _ _
3 Gondor     Gondor    PROPN NNP _ 1 conj      _ _
4 signed     sign      VERB  VBD _ 0 root      _ _
5 a          a         DET   DT  _ 6 det       _ _
6 truce      truce     NOUN  NN  _ 4 obj       _ _
7 on         on        ADP   IN  _ 8 case      _ _
8 Saturday   Saturday  PROPN NNP _ 4 obl       _ _
9 criticized criticize VERB  VBN _ 6 acl       _ _
10 by        by        ADP   IN  _ 11 case     _ _
11 Osgiliath Osgiliath PROPN NNP _ 9 obl:agent _ _
12 .         .         PUNCT .   _ 4 punct     _ _`)
	published := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) // a Wednesday
	evs := c.Code(s, published)
	if len(evs) != 2 {
		t.Fatalf("got %v, want Osgiliath criticizing each side", triples(evs))
	}
	for _, e := range evs {
		if e.Date != "2026-11-21" {
			t.Errorf("%s → %s %s dated %s (%s), want the signing's Saturday, 2026-11-21", e.Source.Code, e.Target.Code, e.Code, e.Date, e.DateSource)
		}
	}
}

// TestCodeParticipleIsNoMutualAct: a participle that restates its
// governor's act with the governor's compound subject codes no act of
// the two on each other.
func TestCodeParticipleIsNoMutualAct(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	s := mustParse(t, `# text = Arnor and Gondor conferred, committing to peace.
1 Arnor      Arnor  PROPN NNP _ 4 nsubj _ _
2 and        and    CCONJ CC  _ 3 cc    _ _
3 Gondor     Gondor PROPN NNP _ 1 conj  _ _
4 conferred  confer VERB  VBD _ 0 root  _ _
5 ,          ,      PUNCT ,   _ 6 punct _ _
6 committing commit VERB  VBG _ 4 advcl _ _
7 to         to     ADP   IN  _ 8 case  _ _
8 peace      peace  NOUN  NN  _ 6 obl   _ _
9 .          .      PUNCT .   _ 4 punct _ _`)
	got := triples(c.Code(s, testDate))
	slices.Sort(got)
	if want := []string{"ARN GON 040", "GON ARN 040"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v (the meeting only)", got, want)
	}
}

package coder_test

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
)

const frameVerbs = `####### VERB PATTERNS #######
--- AGREE [030] ---
AGREE

--- THREATEN [130] ---
THREATEN

--- URGE [020] ---
URGE

--- PROVIDE [070] ---
PROVIDE
- * {HUMANITARIAN AID} [073]

--- IMPOSE [163] ---
IMPOSE

--- BOMB [195] ---
BOMB

--- CRITICIZE [111] ---
CRITICIZE

--- VOW [030] ---
VOW

--- FACE [---] ---
FACE
- + * PUNISHMENT [138]
`

func frameCoder(t *testing.T) *coder.Coder {
	t.Helper()
	d := coder.Dictionaries{Verbs: dict.NewVerbs(), Actors: dict.NewActors()}
	if err := d.Verbs.Read(strings.NewReader(frameVerbs), "frame.verbs"); err != nil {
		t.Fatal(err)
	}
	if err := d.Actors.Read(strings.NewReader(testActors), "test.actors"); err != nil {
		t.Fatal(err)
	}
	c, err := coder.New(d, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCodeFrameCombination(t *testing.T) {
	c := frameCoder(t)
	tests := []struct {
		name   string
		conllu string
		want   []string
	}{
		{
			name: "IntentToProvideHumanitarianAid",
			conllu: `# text = Arnor agreed to provide humanitarian aid to Gondor.
1 Arnor        Arnor        PROPN NNP _ 2 nsubj _ _
2 agreed       agree        VERB  VBD _ 0 root  _ _
3 to           to           PART  TO  _ 4 mark  _ _
4 provide      provide      VERB  VB  _ 2 xcomp _ _
5 humanitarian humanitarian ADJ   JJ  _ 6 amod  _ _
6 aid          aid          NOUN  NN  _ 4 obj   _ _
7 to           to           ADP   IN  _ 8 case  _ _
8 Gondor       Gondor       PROPN NNP _ 4 obl   _ _
9 .            .            PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 0333"},
		},
		{
			name: "ThreatenSanctions",
			conllu: `# text = Arnor threatened to impose sanctions on Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 threatened threaten  VERB  VBD _ 0 root  _ _
3 to         to        PART  TO  _ 4 mark  _ _
4 impose     impose    VERB  VB  _ 2 xcomp _ _
5 sanctions  sanction  NOUN  NNS _ 4 obj   _ _
6 on         on        ADP   IN  _ 7 case  _ _
7 Gondor     Gondor    PROPN NNP _ 4 obl   _ _
8 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 1312"},
		},
		{
			name: "ThreatenAirstrikes",
			conllu: `# text = Arnor threatened to bomb Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 threatened threaten  VERB  VBD _ 0 root  _ _
3 to         to        PART  TO  _ 4 mark  _ _
4 bomb       bomb      VERB  VB  _ 2 xcomp _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj   _ _
6 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 1384"},
		},
		{
			name: "UrgeObjectToProvideAid",
			conllu: `# text = Osgiliath urged Arnor to provide aid.
1 Osgiliath Osgiliath PROPN NNP _ 2 nsubj _ _
2 urged     urge      VERB  VBD _ 0 root  _ _
3 Arnor     Arnor     PROPN NNP _ 2 obj   _ _
4 to        to        PART  TO  _ 5 mark  _ _
5 provide   provide   VERB  VB  _ 2 xcomp _ _
6 aid       aid       NOUN  NN  _ 5 obj   _ _
7 .         .         PUNCT .   _ 2 punct _ _`,
			want: []string{"OSG ARN 023"},
		},
		{
			name: "AppealedActIsNoEvent",
			conllu: `# text = Arnor urged Gondor to criticize Osgiliath.
1 Arnor     Arnor     PROPN NNP _ 2 nsubj _ _
2 urged     urge      VERB  VBD _ 0 root  _ _
3 Gondor    Gondor    PROPN NNP _ 2 obj   _ _
4 to        to        PART  TO  _ 5 mark  _ _
5 criticize criticize VERB  VB  _ 2 xcomp _ _
6 Osgiliath Osgiliath PROPN NNP _ 5 obj   _ _
7 .         .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 020"},
		},
		{
			name: "VowOfAThreat",
			// The threat's target faces it; the vow makes it the vower's.
			conllu: `# text = Arnor vowed that Gondor would face punishment.
1 Arnor      Arnor      PROPN NNP _ 2 nsubj _ _
2 vowed      vow        VERB  VBD _ 0 root  _ _
3 that       that       SCONJ IN  _ 6 mark  _ _
4 Gondor     Gondor     PROPN NNP _ 6 nsubj _ _
5 would      would      AUX   MD  _ 6 aux   _ _
6 face       face       VERB  VB  _ 2 ccomp _ _
7 punishment punishment NOUN  NN  _ 6 obj   _ _
8 .          .          PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 138"},
		},
		{
			name: "NoFrameForCriticism",
			conllu: `# text = Arnor threatened to criticize Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 threatened threaten  VERB  VBD _ 0 root  _ _
3 to         to        PART  TO  _ 4 mark  _ _
4 criticize  criticize VERB  VB  _ 2 xcomp _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj   _ _
6 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 111"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := triples(c.Code(mustParse(t, tt.conllu), testDate))
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCodeIntentFromFuture(t *testing.T) {
	base := frameCoder(t)
	future := base.WithOptions(coder.Options{IntentFromFuture: true})
	aid := `# text = Arnor will provide humanitarian aid to Gondor.
1 Arnor        Arnor        PROPN NNP _ 3 nsubj _ _
2 will         will         AUX   MD  _ 3 aux   _ _
3 provide      provide      VERB  VB  _ 0 root  _ _
4 humanitarian humanitarian ADJ   JJ  _ 5 amod  _ _
5 aid          aid          NOUN  NN  _ 3 obj   _ _
6 to           to           ADP   IN  _ 7 case  _ _
7 Gondor       Gondor       PROPN NNP _ 3 obl   _ _`
	bomb := `# text = Arnor will bomb Gondor.
1 Arnor  Arnor  PROPN NNP _ 3 nsubj _ _
2 will   will   AUX   MD  _ 3 aux   _ _
3 bomb   bomb   VERB  VB  _ 0 root  _ _
4 Gondor Gondor PROPN NNP _ 3 obj   _ _`
	past := `# text = Arnor bombed Gondor.
1 Arnor  Arnor  PROPN NNP _ 2 nsubj _ _
2 bombed bomb   VERB  VBD _ 0 root  _ _
3 Gondor Gondor PROPN NNP _ 2 obj   _ _`
	keep := `# text = Arnor will keep providing humanitarian aid to Gondor.
1 Arnor        Arnor        PROPN NNP _ 3 nsubj _ _
2 will         will         AUX   MD  _ 3 aux   _ _
3 keep         keep         VERB  VB  _ 0 root  _ _
4 providing    provide      VERB  VBG _ 3 xcomp _ _
5 humanitarian humanitarian ADJ   JJ  _ 6 amod  _ _
6 aid          aid          NOUN  NN  _ 4 obj   _ _
7 to           to           ADP   IN  _ 8 case  _ _
8 Gondor       Gondor       PROPN NNP _ 4 obl   _ _`
	tests := []struct {
		name   string
		c      *coder.Coder
		conllu string
		want   string
	}{
		{"AidIntent", future, aid, "ARN GON 0333"},
		{"AidIntentThroughKeep", future, keep, "ARN GON 0333"},
		{"AidPlainForPETRARCH", base, aid, "ARN GON 073"},
		{"StrikeThreat", future, bomb, "ARN GON 1384"},
		{"PastStaysAction", future, past, "ARN GON 195"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := triples(tt.c.Code(mustParse(t, tt.conllu), testDate))
			if strings.Join(got, ",") != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}

package coder_test

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
)

func TestCodeAttribution(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	tests := []struct {
		name   string
		conllu string
		want   *dyad.Attribution
	}{
		{
			name: "TrailingSaid",
			conllu: `# text = Arnor criticized Gondor, Osgiliath said.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj     _ _
2 criticized criticize VERB  VBD _ 0 root      _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj       _ _
4 ,          ,         PUNCT ,   _ 6 punct     _ _
5 Osgiliath  Osgiliath PROPN NNP _ 6 nsubj     _ _
6 said       say       VERB  VBD _ 2 parataxis _ _
7 .          .         PUNCT .   _ 2 punct     _ _`,
			want: &dyad.Attribution{By: "Osgiliath", Verb: "say"},
		},
		{
			name: "SaidThat",
			conllu: `# text = The agency reported that Arnor criticized Gondor.
1 The        the       DET   DT  _ 2 det   _ _
2 agency     agency    NOUN  NN  _ 3 nsubj _ _
3 reported   report    VERB  VBD _ 0 root  _ _
4 that       that      SCONJ IN  _ 6 mark  _ _
5 Arnor      Arnor     PROPN NNP _ 6 nsubj _ _
6 criticized criticize VERB  VBD _ 3 ccomp _ _
7 Gondor     Gondor    PROPN NNP _ 6 obj   _ _
8 .          .         PUNCT .   _ 3 punct _ _`,
			want: &dyad.Attribution{By: "The agency", Verb: "report"},
		},
		{
			name: "AccordingTo",
			conllu: `# text = Arnor criticized Gondor according to Osgiliath.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _
4 according  accord    VERB  VBG _ 6 case  _ _
5 to         to        ADP   IN  _ 4 fixed _ _
6 Osgiliath  Osgiliath PROPN NNP _ 2 obl   _ _
7 .          .         PUNCT .   _ 2 punct _ _`,
			want: &dyad.Attribution{By: "Osgiliath", Verb: "according to"},
		},
		{
			name: "Unattributed",
			conllu: `# text = Arnor criticized Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := c.Code(mustParse(t, tt.conllu), testDate)
			if got := triples(evs); len(got) != 1 || got[0] != "ARN GON 111" {
				t.Fatalf("events %v, want [ARN GON 111]", got)
			}
			got := evs[0].Attribution
			switch {
			case tt.want == nil && got != nil:
				t.Errorf("attribution %+v, want none", *got)
			case tt.want != nil && (got == nil || *got != *tt.want):
				t.Errorf("attribution %v, want %+v", got, *tt.want)
			}
		})
	}
}

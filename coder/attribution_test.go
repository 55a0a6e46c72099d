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
			want: &dyad.Attribution{By: "Osgiliath", Verb: "say", Status: dyad.ReportedBy},
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
			want: &dyad.Attribution{By: "The agency", Verb: "report", Status: dyad.ReportedBy},
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
			want: &dyad.Attribution{By: "Osgiliath", Verb: "according to", Status: dyad.ReportedBy},
		},
		{
			name: "ClaimedByParty",
			conllu: `# text = Gondor said Arnor criticized Gondor.
1 Gondor     Gondor    PROPN NNP _ 2 nsubj _ _
2 said       say       VERB  VBD _ 0 root  _ _
3 Arnor      Arnor     PROPN NNP _ 4 nsubj _ _
4 criticized criticize VERB  VBD _ 2 ccomp _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj   _ _
6 .          .         PUNCT .   _ 2 punct _ _`,
			want: &dyad.Attribution{By: "Gondor", Verb: "say", Status: dyad.Claimed},
		},
		{
			name: "ClaimVerb",
			conllu: `# text = Osgiliath claimed Arnor criticized Gondor.
1 Osgiliath  Osgiliath PROPN NNP _ 2 nsubj _ _
2 claimed    claim     VERB  VBD _ 0 root  _ _
3 Arnor      Arnor     PROPN NNP _ 4 nsubj _ _
4 criticized criticize VERB  VBD _ 2 ccomp _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj   _ _
6 .          .         PUNCT .   _ 2 punct _ _`,
			want: &dyad.Attribution{By: "Osgiliath", Verb: "claim", Status: dyad.Claimed},
		},
		{
			name: "Denied",
			conllu: `# text = Osgiliath denied that Arnor criticized Gondor.
1 Osgiliath  Osgiliath PROPN NNP _ 2 nsubj _ _
2 denied     deny      VERB  VBD _ 0 root  _ _
3 that       that      SCONJ IN  _ 5 mark  _ _
4 Arnor      Arnor     PROPN NNP _ 5 nsubj _ _
5 criticized criticize VERB  VBD _ 2 ccomp _ _
6 Gondor     Gondor    PROPN NNP _ 5 obj   _ _
7 .          .         PUNCT .   _ 2 punct _ _`,
			want: &dyad.Attribution{By: "Osgiliath", Verb: "deny", Status: dyad.Denied},
		},
		{
			name: "ToldOutlet",
			conllu: `# text = Arnor criticized Gondor, officials told the Gazette.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj     _ _
2 criticized criticize VERB  VBD _ 0 root      _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj       _ _
4 ,          ,         PUNCT ,   _ 6 punct     _ _
5 officials  official  NOUN  NNS _ 6 nsubj     _ _
6 told       tell      VERB  VBD _ 2 parataxis _ _
7 the        the       DET   DT  _ 8 det       _ _
8 Gazette    Gazette   PROPN NNP _ 6 obj       _ _
9 .          .         PUNCT .   _ 2 punct     _ _`,
			want: &dyad.Attribution{By: "officials", Verb: "tell", Via: "the Gazette", Status: dyad.ReportedBy},
		},
		{
			name: "Reportedly",
			conllu: `# text = Arnor reportedly criticized Gondor.
1 Arnor      Arnor      PROPN NNP _ 3 nsubj  _ _
2 reportedly reportedly ADV   RB  _ 3 advmod _ _
3 criticized criticize  VERB  VBD _ 0 root   _ _
4 Gondor     Gondor     PROPN NNP _ 3 obj    _ _
5 .          .          PUNCT .   _ 3 punct  _ _`,
			want: &dyad.Attribution{Verb: "reportedly", Status: dyad.ReportedBy},
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

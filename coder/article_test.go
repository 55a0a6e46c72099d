package coder_test

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
)

// TestCodeArticle codes sentences whose actors are only known from the
// sentences before them.
func TestCodeArticle(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	sents := []*dyad.Sentence{
		mustParse(t, `# text = Arnor government criticized Gondor.
1 Arnor      Arnor      PROPN NNP _ 2 compound _ _
2 government government NOUN  NN  _ 3 nsubj    _ _
3 criticized criticize  VERB  VBD _ 0 root     _ _
4 Gondor     Gondor     PROPN NNP _ 3 obj      _ _
5 .          .          PUNCT .   _ 3 punct    _ _`),
		mustParse(t, `# text = Osgiliath criticized both sides.
1 Osgiliath  Osgiliath PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 both       both      DET   DT  _ 4 det   _ _
4 sides      side      NOUN  NNS _ 2 obj   _ _
5 .          .         PUNCT .   _ 2 punct _ _`),
		mustParse(t, `# text = Osgiliath criticized both nuclear-armed sides.
1 Osgiliath  Osgiliath PROPN NNP _ 2 nsubj      _ _
2 criticized criticize VERB  VBD _ 0 root       _ _
3 both       both      CCONJ CC  _ 4 cc:preconj _ _
4 nuclear    nuclear   ADJ   JJ  _ 7 amod       _ _
5 -          -         PUNCT HYPH _ 6 punct     _ _
6 armed      armed     ADJ   JJ  _ 7 amod       _ _
7 sides      side      NOUN  NNS _ 2 obj        _ _
8 .          .         PUNCT .   _ 2 punct      _ _`),
		mustParse(t, `# text = Gondor criticized both sides.
1 Gondor     Gondor    PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 both       both      DET   DT  _ 4 det   _ _
4 sides      side      NOUN  NNS _ 2 obj   _ _
5 .          .         PUNCT .   _ 2 punct _ _`),
		mustParse(t, `# text = The two sides criticized each other.
1 The        the       DET   DT  _ 3 det    _ _
2 two        two       NUM   CD  _ 3 nummod _ _
3 sides      side      NOUN  NNS _ 4 nsubj  _ _
4 criticized criticize VERB  VBD _ 0 root   _ _
5 each       each      DET   DT  _ 4 obj    _ _
6 other      other     ADJ   JJ  _ 5 fixed  _ _
7 .          .         PUNCT .   _ 4 punct  _ _`),
		mustParse(t, `# text = The government criticized Osgiliath.
1 The        the        DET   DT  _ 2 det   _ _
2 government government NOUN  NN  _ 3 nsubj _ _
3 criticized criticize  VERB  VBD _ 0 root  _ _
4 Osgiliath  Osgiliath  PROPN NNP _ 3 obj   _ _
5 .          .          PUNCT .   _ 3 punct _ _`),
		mustParse(t, `# text = He criticized Osgiliath.
1 He         he        PRON  PRP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Osgiliath  Osgiliath PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`),
		mustParse(t, `# text = Osgiliath criticized its soldiers.
1 Osgiliath  Osgiliath PROPN NNP _ 2 nsubj     _ _
2 criticized criticize VERB  VBD _ 0 root      _ _
3 its        its       PRON  PRP$ _ 4 nmod:poss _ _
4 soldiers   soldier   NOUN  NNS _ 2 obj       _ _
5 .          .         PUNCT .   _ 2 punct     _ _`),
		mustParse(t, `# text = Urukhai criticized Gondor.
1 Urukhai    Urukhai   PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`),
		mustParse(t, `# text = The group criticized Arnor.
1 The        the       DET   DT  _ 2 det   _ _
2 group      group     NOUN  NN  _ 3 nsubj _ _
3 criticized criticize VERB  VBD _ 0 root  _ _
4 Arnor      Arnor     PROPN NNP _ 3 obj   _ _
5 .          .         PUNCT .   _ 3 punct _ _`),
		mustParse(t, `# text = A government criticized Osgiliath.
1 A          a          DET   DT  _ 2 det   _ _
2 government government NOUN  NN  _ 3 nsubj _ _
3 criticized criticize  VERB  VBD _ 0 root  _ _
4 Osgiliath  Osgiliath  PROPN NNP _ 3 obj   _ _
5 .          .          PUNCT .   _ 3 punct _ _`),
	}
	want := [][]string{
		{"ARNGOV GON 111"},
		{"OSG ARNGOV 111", "OSG GON 111"},
		{"OSG ARNGOV 111", "OSG GON 111"},
		{"GON ARNGOV 111"}, // of both sides, the other one
		{"ARNGOV GON 111", "GON ARNGOV 111"},
		{"ARNGOV OSG 111"},
		{"ARNGOV OSG 111"}, // the subject carries over
		{"OSG OSGMIL 111"}, // "its" is the sentence's own subject, not the article's
		{"MORREB GON 111"},
		{"MORREB ARN 111"}, // "the group": the latest armed group
		{"---GOV OSG 111"}, // an indefinite role is no reference
	}
	got := c.CodeArticle(sents, testDate)
	for i := range sents {
		g := triples(got[i])
		slices.Sort(g)
		if !slices.Equal(g, want[i]) {
			t.Errorf("sentence %d (%s): events %v, want %v", i+1, sents[i].Text, g, want[i])
		}
	}
	// Alone, the references have nothing to refer to.
	alone := [][]string{4: nil, 5: {"---GOV OSG 111"}}
	for i := 4; i < 6; i++ {
		if g := triples(c.Code(sents[i], testDate)); !slices.Equal(g, alone[i]) {
			t.Errorf("Code(sentence %d) alone = %v, want %v", i+1, g, alone[i])
		}
	}
}

// TestCodeRepairsMisparses codes sentences whose parse breaks a rule of
// UD that the coder repairs on the way in, and references a parse alone
// does not settle.
func TestCodeRepairsMisparses(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	tests := []struct {
		name, conllu string
		want         []string
	}{
		{
			name: "TwoSubjects",
			conllu: `# text = Arnor and Gondor criticized Osgiliath.
1 Arnor      Arnor     PROPN NNP _ 4 nsubj _ _
2 and        and       CCONJ CC  _ 4 cc    _ _
3 Gondor     Gondor    PROPN NNP _ 4 nsubj _ _
4 criticized criticize VERB  VBD _ 0 root  _ _
5 Osgiliath  Osgiliath PROPN NNP _ 4 obj   _ _
6 .          .         PUNCT .   _ 4 punct _ _`,
			want: []string{"ARN OSG 111", "GON OSG 111"},
		},
		{
			name: "FrontedNamesBeforeApposition",
			// The names were parsed as an oblique of the verb and their
			// apposition as its subject.
			conllu: `# text = Arnor and Urukhai, Osgiliath's allies, criticized Gondor.
1  Arnor      Arnor     PROPN NNP _ 9 obl       _ _
2  and        and       CCONJ CC  _ 3 cc        _ _
3  Urukhai    Urukhai   PROPN NNP _ 1 conj      _ _
4  ,          ,         PUNCT ,   _ 1 punct     _ _
5  Osgiliath  Osgiliath PROPN NNP _ 7 nmod:poss _ _
6  's         's        PART  POS _ 5 case      _ _
7  allies     ally      NOUN  NNS _ 9 nsubj     _ _
8  ,          ,         PUNCT ,   _ 9 punct     _ _
9  criticized criticize VERB  VBD _ 0 root      _ _
10 Gondor     Gondor    PROPN NNP _ 9 obj       _ _
11 .          .         PUNCT .   _ 9 punct     _ _`,
			want: []string{"ARN GON 111", "MORREB GON 111"},
		},
		{
			name: "VerbAfterParentheticalParticiple",
			// "criticized" was parsed as a clause of "led", and the
			// government as an apposition of the sentence's first word.
			conllu: `# text = Arnor, government led by Romendacil, criticized Gondor.
1 Arnor      Arnor      PROPN NNP _ 0 root     _ _
2 ,          ,          PUNCT ,   _ 3 punct    _ _
3 government government NOUN  NN  _ 1 appos    _ _
4 led        lead       VERB  VBN _ 3 acl      _ _
5 by         by         ADP   IN  _ 6 case     _ _
6 Romendacil Romendacil PROPN NNP _ 4 obl      _ _
7 ,          ,          PUNCT ,   _ 8 punct    _ _
8 criticized criticize  VERB  VBN _ 4 advcl    _ _
9 Gondor     Gondor     PROPN NNP _ 8 obj      _ _
10 .         .          PUNCT .   _ 1 punct    _ _`,
			want: []string{"ARN GON 111"},
		},
		{
			name: "VerbAfterRelativeClause",
			// "criticized" was parsed as a participle on "allies", inside
			// the relative clause, and the sentence had no verb.
			conllu: `# text = Arnor, which leads allies against Urukhai, criticized Gondor.
1 Arnor      Arnor      PROPN NNP _ 0 root      _ _
2 ,          ,          PUNCT ,   _ 4 punct     _ _
3 which      which      PRON  WDT _ 4 nsubj     _ _
4 leads      lead       VERB  VBZ _ 1 acl:relcl _ _
5 allies     ally       NOUN  NNS _ 4 obj       _ _
6 against    against    ADP   IN  _ 7 case      _ _
7 Urukhai    Urukhai    PROPN NNP _ 5 nmod      _ _
8 ,          ,          PUNCT ,   _ 9 punct     _ _
9 criticized criticize  VERB  VBN _ 5 acl       _ _
10 Gondor    Gondor     PROPN NNP _ 9 obj       _ _
11 .         .          PUNCT .   _ 1 punct     _ _`,
			want: []string{"ARN GON 111"},
		},
		{
			name: "ReportedVerbAsParticipleOnItsSubject",
			conllu: `# text = Arnor soldiers criticized Gondor officials, Osgiliath said.
1 Arnor      Arnor      PROPN NNP _ 2 compound _ _
2 soldiers   soldier    NOUN  NNS _ 8 ccomp    _ _
3 criticized criticize  VERB  VBN _ 2 acl      _ _
4 Gondor     Gondor     PROPN NNP _ 5 compound _ _
5 officials  official   NOUN  NNS _ 3 obj      _ _
6 ,          ,          PUNCT ,   _ 2 punct    _ _
7 Osgiliath  Osgiliath  PROPN NNP _ 8 nsubj    _ _
8 said       say        VERB  VBD _ 0 root     _ _
9 .          .          PUNCT .   _ 8 punct    _ _`,
			want: []string{"ARNMIL GON 111"},
		},
		{
			name: "VerbReadAsModifierOfItsObject",
			// "pledged" was parsed as an adjective on "support", itself
			// an apposition inside the relative clause.
			conllu: `# text = Arnor, which leads allies, pledged support to Gondor.
1 Arnor    Arnor    PROPN NNP _ 0 root      _ _
2 ,        ,        PUNCT ,   _ 4 punct     _ _
3 which    which    PRON  WDT _ 4 nsubj     _ _
4 leads    lead     VERB  VBZ _ 1 acl:relcl _ _
5 allies   ally     NOUN  NNS _ 4 obj       _ _
6 ,        ,        PUNCT ,   _ 8 punct     _ _
7 pledged  pledge   VERB  VBN _ 8 amod      _ _
8 support  support  NOUN  NN  _ 5 appos     _ _
9 to       to       ADP   IN  _ 10 case     _ _
10 Gondor  Gondor   PROPN NNP _ 8 nmod      _ _
11 .       .        PUNCT .   _ 1 punct     _ _`,
			want: []string{"ARN GON 032"},
		},
		{
			name: "HyphenatedNameSplitAcrossAClause",
			conllu: `# text = Minas-Tirith criticized Arnor.
1 Minas      Minas      PROPN NNP   _ 0 root      _ SpaceAfter=No
2 -          -          PUNCT HYPH  _ 1 punct     _ SpaceAfter=No
3 Tirith     Tirith     PROPN NNP   _ 4 nsubj     _ _
4 criticized criticize  VERB  VBD   _ 1 parataxis _ _
5 Arnor      Arnor      PROPN NNP   _ 4 obj       _ SpaceAfter=No
6 .          .          PUNCT .     _ 1 punct     _ _`,
			want: []string{"GONMIL ARN 111"},
		},
		{
			name: "HeadlineSubjectListEndingInAModifiedNoun",
			// "Gondor soldiers criticize" parsed as a clause under the
			// list's first member.
			conllu: `# text = Arnor and Gondor soldiers criticize Urukhai
1 Arnor     Arnor     PROPN NNP _ 0 root      _ _
2 and       and       CCONJ CC  _ 3 cc        _ _
3 Gondor    Gondor    PROPN NNP _ 1 conj      _ _
4 soldiers  soldier   NOUN  NNS _ 5 nsubj     _ _
5 criticize criticize VERB  VBP _ 1 parataxis _ _
6 Urukhai   Urukhai   PROPN NNP _ 5 obj       _ _`,
			want: []string{"ARN MORREB 111", "GONMIL MORREB 111"},
		},
		{
			name: "FrontedNameWithDeterminer",
			conllu: `# text = The Urukhai, Osgiliath's allies, criticized Gondor.
1  The        the       DET   DT  _ 2 det       _ _
2  Urukhai    Urukhai   PROPN NNP _ 9 obl       _ _
3  ,          ,         PUNCT ,   _ 2 punct     _ _
4  Osgiliath  Osgiliath PROPN NNP _ 6 nmod:poss _ _
5  's         's        PART  POS _ 4 case      _ _
6  allies     ally      NOUN  NNS _ 9 nsubj     _ _
7  ,          ,         PUNCT ,   _ 9 punct     _ _
8  also       also      ADV   RB  _ 9 advmod    _ _
9  criticized criticize VERB  VBD _ 0 root      _ _
10 Gondor     Gondor    PROPN NNP _ 9 obj       _ _
11 .          .         PUNCT .   _ 9 punct     _ _`,
			want: []string{"MORREB GON 111"},
		},
		{
			name: "RelativeClauseParsedAsTheVerb",
			// "criticized" was the sentence's verb with two subjects, and
			// "met" its conjunct.
			conllu: `# text = Arnor, who criticized Gondor, met Osgiliath.
1 Arnor      Arnor     PROPN NNP _ 4 nsubj _ _
2 ,          ,         PUNCT ,   _ 4 punct _ _
3 who        who       PRON  WP  _ 4 nsubj _ _
4 criticized criticize VERB  VBD _ 0 root  _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj   _ _
6 ,          ,         PUNCT ,   _ 7 punct _ _
7 met        meet      VERB  VBD _ 4 conj  _ _
8 Osgiliath  Osgiliath PROPN NNP _ 7 obj   _ _
9 .          .         PUNCT .   _ 4 punct _ _`,
			want: []string{"ARN GON 111", "ARN OSG 040", "OSG ARN 040"},
		},
		{
			name: "FrontedPhraseParsedAsTheRoot",
			// "In a statement" was the root, the government its
			// apposition and "criticized" a participle on it.
			conllu: `# text = In a statement, the Arnor government criticized Gondor.
1 In         in         ADP   IN  _ 3 case     _ _
2 a          a          DET   DT  _ 3 det      _ _
3 statement  statement  NOUN  NN  _ 0 root     _ _
4 ,          ,          PUNCT ,   _ 3 punct    _ _
5 the        the        DET   DT  _ 7 det      _ _
6 Arnor      Arnor      PROPN NNP _ 7 compound _ _
7 government government NOUN  NN  _ 3 appos    _ _
8 criticized criticize  VERB  VBN _ 7 acl      _ _
9 Gondor     Gondor     PROPN NNP _ 8 obj      _ _
10 .         .          PUNCT .   _ 3 punct    _ _`,
			want: []string{"ARNGOV GON 111"},
		},
		{
			name: "PossessiveOnAModifierOfTheSubject",
			// "its" on "soldier", which modifies "government".
			conllu: `# text = Gondor said its soldier government criticized Arnor.
1 Gondor     Gondor     PROPN NNP  _ 2 nsubj     _ _
2 said       say        VERB  VBD  _ 0 root      _ _
3 its        its        PRON  PRP$ _ 4 nmod:poss _ _
4 soldier    soldier    NOUN  NN   _ 5 compound  _ _
5 government government NOUN  NN   _ 6 nsubj     _ _
6 criticized criticize  VERB  VBD  _ 2 ccomp     _ _
7 Arnor      Arnor      PROPN NNP  _ 6 obj       _ _
8 .          .          PUNCT .    _ 2 punct     _ _`,
			want: []string{"GONMILGOV ARN 111"},
		},
		{
			name: "ListOfSubjects",
			conllu: `# text = Arnor, Gondor, Urukhai and Rohan criticized Osgiliath.
1  Arnor      Arnor     PROPN NNP _ 8 nsubj _ _
2  ,          ,         PUNCT ,   _ 3 punct _ _
3  Gondor     Gondor    PROPN NNP _ 1 conj  _ _
4  ,          ,         PUNCT ,   _ 5 punct _ _
5  Urukhai    Urukhai   PROPN NNP _ 8 nsubj _ _
6  and        and       CCONJ CC  _ 7 cc    _ _
7  Rohan      Rohan     PROPN NNP _ 5 conj  _ _
8  criticized criticize VERB  VBD _ 0 root  _ _
9  Osgiliath  Osgiliath PROPN NNP _ 8 obj   _ _
10 .          .         PUNCT .   _ 8 punct _ _`,
			want: []string{"ARN OSG 111", "GON OSG 111", "MORREB OSG 111"},
		},
		{
			name: "NameBeforeTitleAsSubject",
			conllu: `# text = Arnor government official Romendacil criticized Gondor.
1 Arnor      Arnor      PROPN NNP _ 5 nsubj    _ _
2 government government NOUN  NN  _ 3 compound _ _
3 official   official   NOUN  NN  _ 4 compound _ _
4 Romendacil Romendacil PROPN NNP _ 5 nsubj    _ _
5 criticized criticize  VERB  VBD _ 0 root     _ _
6 Gondor     Gondor     PROPN NNP _ 5 obj      _ _
7 .          .          PUNCT .   _ 5 punct    _ _`,
			want: []string{"ARNGOV GON 111"},
		},
		{
			name: "HyphenParticipleAsVerb",
			conllu: `# text = Gondor-backed soldiers attacked Arnor.
1 Gondor   Gondor   PROPN NNP _ 3 obl:unmarked _ _
2 -        -        PUNCT HYPH _ 1 punct      _ _
3 backed   back     VERB  VBN _ 0 root         _ _
4 soldiers soldier  NOUN  NNS _ 5 nsubj        _ _
5 attacked attack   VERB  VBD _ 3 ccomp        _ _
6 Arnor    Arnor    PROPN NNP _ 5 obj          _ _
7 .        .        PUNCT .   _ 3 punct        _ _`,
			want: []string{"GONMIL ARN 190"},
		},
		{
			name: "HyphenModifierActorAlone",
			conllu: `# text = The Gondor-led soldiers attacked Arnor.
1 The      the      DET   DT  _ 5 det          _ _
2 Gondor   Gondor   PROPN NNP _ 4 obl:unmarked _ _
3 -        -        PUNCT HYPH _ 2 punct       _ _
4 led      lead     VERB  VBN _ 5 amod         _ _
5 soldiers soldier  NOUN  NNS _ 6 nsubj        _ _
6 attacked attack   VERB  VBD _ 0 root         _ _
7 Arnor    Arnor    PROPN NNP _ 6 obj          _ _
8 .        .        PUNCT .   _ 6 punct        _ _`,
			want: []string{"GONMIL ARN 190"},
		},
		{
			name: "NameAfterNounAsSecondSubject",
			conllu: `# text = Soldiers of the Gondor-linked group Urukhai attacked Arnor.
1  Soldiers soldier  NOUN  NNS _ 9 nsubj    _ _
2  of       of       ADP   IN  _ 7 case     _ _
3  the      the      DET   DT  _ 7 det      _ _
4  Gondor   Gondor   PROPN NNP _ 6 compound _ _
5  -        -        PUNCT HYPH _ 4 punct   _ _
6  linked   link     VERB  VBN _ 7 amod     _ _
7  group    group    NOUN  NN  _ 1 nmod     _ _
8  Urukhai  Urukhai  PROPN NNP _ 9 nsubj    _ _
9  attacked attack   VERB  VBD _ 0 root     _ _
10 Arnor    Arnor    PROPN NNP _ 9 obj      _ _
11 .        .        PUNCT .   _ 9 punct    _ _`,
			want: []string{"MORREBMIL ARN 190"},
		},
		{
			name: "ParticipleOfVerblessClause",
			conllu: `# text = Arnor soldiers attacked Gondor positions.
1 Arnor     Arnor    PROPN NNP _ 2 compound _ _
2 soldiers  soldier  NOUN  NNS _ 5 nsubj    _ _
3 attacked  attack   VERB  VBN _ 5 amod     _ _
4 Gondor    Gondor   PROPN NNP _ 5 compound _ _
5 positions position NOUN  NNS _ 0 root     _ _
6 .         .        PUNCT .   _ 5 punct    _ _`,
			want: []string{"ARNMIL GON 190"},
		},
		{
			name: "AdjectiveAsSubject",
			conllu: `# text = Arnor's military criticized Gondor.
1 Arnor      Arnor     PROPN NNP _ 4 nmod:poss _ _
2 's         's        PART  POS _ 1 case      _ _
3 military   military  ADJ   JJ  _ 4 amod      _ _
4 criticized criticize VERB  VBD _ 0 root      _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj       _ _
6 .          .         PUNCT .   _ 4 punct     _ _`,
			want: []string{"ARNMIL GON 111"},
		},
		{
			name: "TitleAndNameInApposition",
			conllu: `# text = Gondor criticized government leader Denethor.
1 Gondor     Gondor     PROPN NNP _ 2 nsubj    _ _
2 criticized criticize  VERB  VBD _ 0 root     _ _
3 government government NOUN  NN  _ 4 compound _ _
4 leader     leader     NOUN  NN  _ 2 obj      _ _
5 Denethor   Denethor   PROPN NNP _ 4 appos    _ _
6 .          .          PUNCT .   _ 2 punct    _ _`,
			want: []string{"GON GONGOV 111"},
		},
		{
			name: "PossessorAsHead",
			conllu: `# text = Arnor's soldiers criticized Gondor.
1 Arnor      Arnor     PROPN NNP _ 0 root  _ _
2 's         's        PART  POS _ 1 case  _ _
3 soldiers   soldier   NOUN  NNS _ 1 conj  _ _
4 criticized criticize VERB  VBN _ 3 acl   _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj   _ _
6 .          .         PUNCT .   _ 1 punct _ _`,
			want: []string{"ARNMIL GON 111"},
		},
		{
			name: "ApposRepeatingTheActor",
			conllu: `# text = Arnor (Arnorian) clashed with Gondor.
1 Arnor    Arnor    PROPN NNP   _ 5 nsubj _ _
2 (        (        PUNCT -LRB- _ 3 punct _ _
3 Arnorian Arnorian PROPN NNP   _ 1 appos _ _
4 )        )        PUNCT -RRB- _ 3 punct _ _
5 clashed  clash    VERB  VBD   _ 0 root  _ _
6 with     with     ADP   IN    _ 7 case  _ _
7 Gondor   Gondor   PROPN NNP   _ 5 obl   _ _
8 .        .        PUNCT .     _ 5 punct _ _`,
			want: []string{"ARN GON 190"},
		},
		{
			name: "PossessiveUnderObjectControl",
			conllu: `# text = Osgiliath asked Arnor to criticize its soldiers.
1 Osgiliath Osgiliath PROPN NNP _ 2 nsubj     _ _
2 asked     ask       VERB  VBD _ 0 root      _ _
3 Arnor     Arnor     PROPN NNP _ 2 obj       _ _
4 to        to        PART  TO  _ 5 mark      _ _
5 criticize criticize VERB  VB  _ 2 xcomp     _ _
6 its       its       PRON  PRP$ _ 7 nmod:poss _ _
7 soldiers  soldier   NOUN  NNS _ 5 obj       _ _
8 .         .         PUNCT .   _ 2 punct     _ _`,
			want: []string{"ARN ARNMIL 111"},
		},
		{
			name: "FrontedModifierAsSubject",
			conllu: `# text = Hours later, Arnor criticized Gondor.
1 Hours      hour      NOUN  NNS _ 5 nsubj _ _
2 later      later     ADV   RB  _ 1 advmod _ _
3 ,          ,         PUNCT ,   _ 4 punct _ _
4 Arnor      Arnor     PROPN NNP _ 5 nsubj _ _
5 criticized criticize VERB  VBD _ 0 root  _ _
6 Gondor     Gondor    PROPN NNP _ 5 obj   _ _
7 .          .         PUNCT .   _ 5 punct _ _`,
			want: []string{"ARN GON 111"},
		},
		{
			name: "ObjectAsClause",
			conllu: `# text = Arnor criticized Gondor, Osgiliath said.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 6 ccomp _ _
3 Gondor     Gondor    PROPN NNP _ 6 ccomp _ _
4 ,          ,         PUNCT ,   _ 6 punct _ _
5 Osgiliath  Osgiliath PROPN NNP _ 6 nsubj _ _
6 said       say       VERB  VBD _ 0 root  _ _
7 .          .         PUNCT .   _ 6 punct _ _`,
			want: []string{"ARN GON 111"},
		},
		{
			name: "CompoundSubjectAsRelativeClause",
			conllu: `# text = The Arnor government criticized Gondor.
1 The        the        DET   DT  _ 2 det        _ _
2 Arnor      Arnor      PROPN NNP _ 0 root       _ _
3 government government NOUN  NN  _ 4 nsubj      _ _
4 criticized criticize  VERB  VBD _ 2 acl:relcl  _ _
5 Gondor     Gondor     PROPN NNP _ 4 obj        _ _
6 .          .          PUNCT .   _ 2 punct      _ _`,
			want: []string{"ARNGOV GON 111"},
		},
		{
			name: "ObjectConjoinedToVerb",
			conllu: `# text = Osgiliath criticized Arnor and Gondor.
1 Osgiliath  Osgiliath PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Arnor      Arnor     PROPN NNP _ 2 obj   _ _
4 and        and       CCONJ CC  _ 5 cc    _ _
5 Gondor     Gondor    PROPN NNP _ 2 conj  _ _
6 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"OSG ARN 111", "OSG GON 111"},
		},
		{
			name: "VerbAsParticipleOfRoot",
			conllu: `# text = The Arnor government criticized Gondor.
1 The        the        DET   DT  _ 3 det    _ _
2 Arnor      Arnor      PROPN NNP _ 3 compound _ _
3 government government NOUN  NN  _ 0 root   _ _
4 criticized criticize  VERB  VBN _ 3 acl    _ _
5 Gondor     Gondor     PROPN NNP _ 4 obj    _ _
6 .          .          PUNCT .   _ 3 punct  _ _`,
			want: []string{"ARNGOV GON 111"},
		},
		{
			name: "VerbAsParticipleAfterCoordinatedSubject",
			conllu: `# text = Arnor and Gondor criticized Osgiliath.
1 Arnor      Arnor      PROPN NNP _ 0 root  _ _
2 and        and        CCONJ CC  _ 3 cc    _ _
3 Gondor     Gondor     PROPN NNP _ 1 conj  _ _
4 criticized criticize  VERB  VBN _ 5 amod  _ _
5 Osgiliath  Osgiliath  PROPN NNP _ 1 conj  _ _
6 .          .          PUNCT .   _ 1 punct _ _`,
			want: []string{"ARN OSG 111", "GON OSG 111"},
		},
		{
			name: "GerundClauseAsModifier",
			conllu: `# text = Arnor accused Gondor of harbouring soldiers.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj    _ _
2 accused    accuse    VERB  VBD _ 0 root     _ _
3 Gondor     Gondor    PROPN NNP _ 6 compound _ _
4 of         of        SCONJ IN  _ 5 mark     _ _
5 harbouring harbour   VERB  VBG _ 6 amod     _ _
6 soldiers   soldier   NOUN  NNS _ 2 obj      _ _
7 .          .         PUNCT .   _ 2 punct    _ _`,
			want: []string{"ARN GON 112"},
		},
		{
			name: "HeadlineListOfSubjects",
			conllu: `# text = Arnor, Gondor clash
1 Arnor      Arnor     PROPN NNP _ 4 vocative _ _
2 ,          ,         PUNCT ,   _ 1 punct    _ _
3 Gondor     Gondor    PROPN NNP _ 4 nsubj    _ _
4 clash      clash     VERB  VBP _ 0 root     _ _`,
			want: []string{"ARN GON 190", "GON ARN 190"},
		},
		{
			name: "AndAttachedElsewhere",
			conllu: `# text = President Arnor and Gondor clashed.
1 President  President PROPN NNP _ 2 nmod:desc _ _
2 Arnor      Arnor     PROPN NNP _ 5 nsubj     _ _
3 and        and       CCONJ CC  _ 1 cc        _ _
4 Gondor     Gondor    PROPN NNP _ 5 nsubj     _ _
5 clashed    clash     VERB  VBD _ 0 root      _ _
6 .          .         PUNCT .   _ 5 punct     _ _`,
			want: []string{"ARN GON 190", "GON ARN 190"},
		},
		{
			name: "TitleBeforeNameInCompound",
			conllu: `# text = Soldier Arnor and Gondor clashed.
1 Soldier    soldier   NOUN  NN  _ 2 nmod:desc _ _
2 Arnor      Arnor     PROPN NNP _ 5 nsubj     _ _
3 and        and       CCONJ CC  _ 4 cc        _ _
4 Gondor     Gondor    PROPN NNP _ 2 conj      _ _
5 clashed    clash     VERB  VBD _ 0 root      _ _
6 .          .         PUNCT .   _ 5 punct     _ _`,
			want: []string{"ARNMIL GON 190", "GON ARNMIL 190"},
		},
		{
			name: "PossessiveOnVerb",
			conllu: `# text = Arnor's government criticized Gondor.
1 Arnor      Arnor      PROPN NNP _ 4 nmod:poss _ _
2 's         's         PART  POS _ 1 case      _ _
3 government government NOUN  NN  _ 4 nsubj     _ _
4 criticized criticize  VERB  VBD _ 0 root      _ _
5 Gondor     Gondor     PROPN NNP _ 4 obj       _ _
6 .          .          PUNCT .   _ 4 punct     _ _`,
			want: []string{"ARNGOV GON 111"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := triples(c.Code(mustParse(t, tt.conllu), testDate))
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("events %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCodeArticleDyad: "both sides" stands for the article's main dyad,
// whether it is a conflict inside one country (its two sides there) or
// a pair named after "between" in a sentence that codes no event.
func TestCodeArticleDyad(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	tests := []struct {
		name, lead, then string
		leadWant, want   []string
	}{
		{
			name: "CivilConflict",
			lead: `# text = Arnor soldiers criticized the Arnor government.
1 Arnor      Arnor      PROPN NNP _ 2 compound _ _
2 soldiers   soldier    NOUN  NNS _ 3 nsubj    _ _
3 criticized criticize  VERB  VBD _ 0 root     _ _
4 the        the        DET   DT  _ 6 det      _ _
5 Arnor      Arnor      PROPN NNP _ 6 compound _ _
6 government government NOUN  NN  _ 3 obj      _ _
7 .          .          PUNCT .   _ 3 punct    _ _`,
			leadWant: []string{"ARNMIL ARNGOV 111"},
			then: `# text = Gondor criticized both sides.
1 Gondor     Gondor    PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 both       both      DET   DT  _ 4 det   _ _
4 sides      side      NOUN  NNS _ 2 obj   _ _
5 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"GON ARNGOV 111", "GON ARNMIL 111"},
		},
		{
			name: "Between",
			lead: `# text = Talks between Arnor and Gondor stalled.
1 Talks   talk    NOUN  NNS _ 6 nsubj _ _
2 between between ADP   IN  _ 3 case  _ _
3 Arnor   Arnor   PROPN NNP _ 1 nmod  _ _
4 and     and     CCONJ CC  _ 5 cc    _ _
5 Gondor  Gondor  PROPN NNP _ 3 conj  _ _
6 stalled stall   VERB  VBD _ 0 root  _ _
7 .       .       PUNCT .   _ 6 punct _ _`,
			then: `# text = Osgiliath criticized both sides.
1 Osgiliath  Osgiliath PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 both       both      DET   DT  _ 4 det   _ _
4 sides      side      NOUN  NNS _ 2 obj   _ _
5 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"OSG ARN 111", "OSG GON 111"},
		},
		{
			// The soldiers' country is not named: they and the government
			// are the article's dyad all the same, and "all parties" are
			// both.
			name: "OneSideOfUnknownCountry",
			lead: `# text = The soldiers criticized the Arnor government.
1 The        the        DET   DT  _ 2 det      _ _
2 soldiers   soldier    NOUN  NNS _ 3 nsubj    _ _
3 criticized criticize  VERB  VBD _ 0 root     _ _
4 the        the        DET   DT  _ 6 det      _ _
5 Arnor      Arnor      PROPN NNP _ 6 compound _ _
6 government government NOUN  NN  _ 3 obj      _ _
7 .          .          PUNCT .   _ 3 punct    _ _`,
			leadWant: []string{"---MIL ARNGOV 111"},
			then: `# text = Gondor criticized all parties.
1 Gondor     Gondor    PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 all        all       DET   DT  _ 4 det   _ _
4 parties    party     NOUN  NNS _ 2 obj   _ _
5 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"GON ---MIL 111", "GON ARNGOV 111"},
		},
		{
			// A person named in full with a title is the same actor when
			// named by surname later.
			name: "Surname",
			lead: `# text = Arnor government official Romendacil Tarannon criticized Gondor.
1 Arnor      Arnor      PROPN NNP _ 3 compound  _ _
2 government government NOUN  NN  _ 3 compound  _ _
3 official   official   NOUN  NN  _ 4 nmod:desc _ _
4 Romendacil Romendacil PROPN NNP _ 6 nsubj     _ _
5 Tarannon   Tarannon   PROPN NNP _ 4 flat      _ _
6 criticized criticize  VERB  VBD _ 0 root     _ _
7 Gondor     Gondor     PROPN NNP _ 6 obj      _ _
8 .          .          PUNCT .   _ 6 punct    _ _`,
			leadWant: []string{"ARNGOV GON 111"},
			then: `# text = Tarannon criticized Osgiliath.
1 Tarannon   Tarannon  PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Osgiliath  Osgiliath PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARNGOV OSG 111"},
		},
		{
			// A denial answers the other side of the article's dyad.
			name: "Denial",
			lead: `# text = Arnor criticized Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`,
			leadWant: []string{"ARN GON 111"},
			then: `# text = Gondor disowned the attack.
1 Gondor   Gondor   PROPN NNP _ 2 nsubj _ _
2 disowned disown   VERB  VBD _ 0 root  _ _
3 the      the      DET   DT  _ 4 det   _ _
4 attack   attack   NOUN  NN  _ 2 obj   _ _
5 .        .        PUNCT .   _ 2 punct _ _`,
			want: []string{"GON ARN 016"},
		},
		{
			name: "DenialInACivilConflict",
			lead: `# text = Arnor soldiers criticized the Arnor government.
1 Arnor      Arnor      PROPN NNP _ 2 compound _ _
2 soldiers   soldier    NOUN  NNS _ 3 nsubj    _ _
3 criticized criticize  VERB  VBD _ 0 root     _ _
4 the        the        DET   DT  _ 6 det      _ _
5 Arnor      Arnor      PROPN NNP _ 6 compound _ _
6 government government NOUN  NN  _ 3 obj      _ _
7 .          .          PUNCT .   _ 3 punct    _ _`,
			leadWant: []string{"ARNMIL ARNGOV 111"},
			then: `# text = The Arnor government disowned the attack.
1 The        the        DET   DT  _ 3 det      _ _
2 Arnor      Arnor      PROPN NNP _ 3 compound _ _
3 government government NOUN  NN  _ 4 nsubj    _ _
4 disowned   disown     VERB  VBD _ 0 root     _ _
5 the        the        DET   DT  _ 6 det      _ _
6 attack     attack     NOUN  NN  _ 4 obj      _ _
7 .          .          PUNCT .   _ 4 punct    _ _`,
			want: []string{"ARNGOV ARNMIL 016"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.CodeArticle([]*dyad.Sentence{mustParse(t, tt.lead), mustParse(t, tt.then)}, testDate)
			lead, then := triples(got[0]), triples(got[1])
			slices.Sort(lead)
			slices.Sort(then)
			if !slices.Equal(lead, tt.leadWant) || !slices.Equal(then, tt.want) {
				t.Errorf("events %v then %v, want %v then %v", lead, then, tt.leadWant, tt.want)
			}
		})
	}
}

// TestCodeAllegation: what the accused is accused of is not an event of
// its own; the accusation takes the accused as its target.
func TestCodeAllegation(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	tests := []struct {
		name, conllu string
		want         []string
	}{
		{
			name: "ObjectOfAccuse",
			conllu: `# text = Arnor accused Gondor of attacking Osgiliath.
1 Arnor     Arnor     PROPN NNP _ 2 nsubj _ _
2 accused   accuse    VERB  VBD _ 0 root  _ _
3 Gondor    Gondor    PROPN NNP _ 2 obj   _ _
4 of        of        SCONJ IN  _ 5 mark  _ _
5 attacking attack    VERB  VBG _ 3 acl   _ _
6 Osgiliath Osgiliath PROPN NNP _ 5 obj   _ _
7 .         .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 1123"},
		},
		{
			name: "AccusedParsedAsSubject",
			conllu: `# text = Arnor accused Gondor of attacking Osgiliath.
1 Arnor     Arnor     PROPN NNP _ 2 nsubj _ _
2 accused   accuse    VERB  VBD _ 0 root  _ _
3 Gondor    Gondor    PROPN NNP _ 5 nsubj _ _
4 of        of        SCONJ IN  _ 5 mark  _ _
5 attacking attack    VERB  VBG _ 2 advcl _ _
6 Osgiliath Osgiliath PROPN NNP _ 5 obj   _ _
7 .         .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 1123"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := triples(c.Code(mustParse(t, tt.conllu), testDate)); !slices.Equal(got, tt.want) {
				t.Errorf("events %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCodeNoEvent codes sentences whose only candidate target is not
// the other side of anything.
func TestCodeNoEvent(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	tests := []struct{ name, why, conllu string }{
		{
			name: "RelationalNoun",
			why:  "Arnor's allies are others, not Arnor",
			conllu: `# text = Osgiliath criticized Arnor's allies.
1 Osgiliath  Osgiliath PROPN NNP _ 2 nsubj     _ _
2 criticized criticize VERB  VBD _ 0 root      _ _
3 Arnor      Arnor     PROPN NNP _ 5 nmod:poss _ _
4 's         's        PART  POS _ 3 case      _ _
5 allies     ally      NOUN  NNS _ 2 obj       _ _
6 .          .         PUNCT .   _ 2 punct     _ _`,
		},
		{
			name: "MeetingPlace",
			why:  "the place a meeting is held in is not the other side of it",
			conllu: `# text = Arnor met again in Osgiliath.
1 Arnor     Arnor     PROPN NNP _ 2 nsubj  _ _
2 met       meet      VERB  VBD _ 0 root   _ _
3 again     again     ADV   RB  _ 2 advmod _ _
4 in        in        ADP   IN  _ 5 case   _ _
5 Osgiliath Osgiliath PROPN NNP _ 2 obl    _ _
6 .         .         PUNCT .   _ 2 punct  _ _`,
		},
		{
			name: "CircumstanceDuring",
			why:  "a during phrase says when, not whom",
			conllu: `# text = Arnor criticized the plan during talks with Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 the        the       DET   DT  _ 4 det   _ _
4 plan       plan      NOUN  NN  _ 2 obj   _ _
5 during     during    ADP   IN  _ 6 case  _ _
6 talks      talk      NOUN  NNS _ 2 obl   _ _
7 with       with      ADP   IN  _ 8 case  _ _
8 Gondor     Gondor    PROPN NNP _ 6 nmod  _ _
9 .          .         PUNCT .   _ 2 punct _ _`,
		},
		{
			name: "CircumstanceAfter",
			why:  "an after phrase says when, not whom",
			conllu: `# text = Arnor criticized the plan after a visit by Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 the        the       DET   DT  _ 4 det   _ _
4 plan       plan      NOUN  NN  _ 2 obj   _ _
5 after      after     ADP   IN  _ 7 case  _ _
6 a          a         DET   DT  _ 7 det   _ _
7 visit      visit     NOUN  NN  _ 2 obl   _ _
8 by         by        ADP   IN  _ 9 case  _ _
9 Gondor     Gondor    PROPN NNP _ 7 nmod  _ _
10 .         .         PUNCT .   _ 2 punct _ _`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := triples(c.Code(mustParse(t, tt.conllu), testDate)); len(got) != 0 {
				t.Errorf("events %v, want none: %s", got, tt.why)
			}
		})
	}
}

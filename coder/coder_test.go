package coder_test

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/conllu"
	"github.com/dyad-events/dyad/dict"
)

// The dictionaries of these tests: a few Middle-earth actors, three
// agents, a handful of verb blocks and two discards.
const (
	testActors = `ARNOR [ARN]
+ARNORIAN
GONDOR [GON]
OSGILIATH [OSG]
MINAS_-_TIRITH [GONMIL]
URUKHAI [MORREB]
THEODEN_
	[RHNGOV 950101-991231]
	[RHN]
DENETHOR_
	[GONGOV <991231]
`
	testAgents = `GOVERNMENT [~GOV]
SOLDIER [~MIL]
MILITARY [~MIL]
MSF {} [NGO~]
`
	testVerbs = `####### VERB PATTERNS #######

--- CRITICIZE [111] ---
CRITICIZE
DENOUNCE

--- DISAPPROVE [110] ---
DISAPPROVE

--- RESTORE [064] ---
RESTORE

--- MEET [040:040] ---
MEET {MET MEETS MEETING}

--- RECEIVE [---] ---
RECEIVE
- + * (FROM $) [070]

--- COMMIT [030] ---
COMMIT
- % * [030]

--- PROTEST [140] ---
PROTEST

--- CONFER [---] ---
CONFER
- % * [040]

--- DISOWN [016] ---
DISOWN

--- PLEDGE [030] ---
PLEDGE
- * SUPPORT [032]

--- CLASH [190] ---
CLASH
- % * [190]

--- ACCUSE [112] ---
ACCUSE

--- ATTACK [190] ---
ATTACK

--- EXCLUDE [144] ---
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF}
`
	testDiscards = `FOOTBALL
+WORLD CUP
`
)

// testDate is a date inside no actor's date restriction but DENETHOR's.
var testDate = time.Date(1996, 6, 1, 0, 0, 0, 0, time.UTC)

// mustDictionaries reads the test dictionaries.
func mustDictionaries(tb testing.TB) coder.Dictionaries {
	tb.Helper()
	d := coder.Dictionaries{
		Verbs:    dict.NewVerbs(),
		Actors:   dict.NewActors(),
		Agents:   dict.NewAgents(),
		Discards: dict.NewDiscards(),
	}
	for _, f := range []struct {
		dict interface{ Read(io.Reader, string) error }
		src  string
		name string
	}{
		{d.Verbs, testVerbs, "test.verbs"},
		{d.Actors, testActors, "test.actors"},
		{d.Agents, testAgents, "test.agents"},
		{d.Discards, testDiscards, "test.discards"},
	} {
		if err := f.dict.Read(strings.NewReader(f.src), f.name); err != nil {
			tb.Fatalf("read %s: %v", f.name, err)
		}
	}
	return d
}

// mustCoder returns a Coder over the test dictionaries.
func mustCoder(tb testing.TB, opts coder.Options) *coder.Coder {
	tb.Helper()
	c, err := coder.New(mustDictionaries(tb), opts)
	if err != nil {
		tb.Fatalf("coder.New: %v", err)
	}
	return c
}

// mustParse reads one CoNLL-U sentence written with blanks between the
// columns, for legibility; the blanks become tabs.
func mustParse(tb testing.TB, src string) *dyad.Sentence {
	tb.Helper()
	var b strings.Builder
	for line := range strings.SplitSeq(strings.TrimSpace(src), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "#") {
			f := strings.Fields(line)
			if len(f) != 10 {
				tb.Fatalf("CoNLL-U line %q has %d columns, want 10", line, len(f))
			}
			line = strings.Join(f, "\t")
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	s, err := conllu.NewReader(strings.NewReader(b.String())).Read()
	if err != nil {
		tb.Fatalf("parse CoNLL-U: %v", err)
	}
	return s
}

// triples returns the events as sorted "SOURCE TARGET CODE" strings.
func triples(evs []dyad.Event) []string {
	out := make([]string, 0, len(evs))
	for _, e := range evs {
		out = append(out, e.Source.Code+" "+e.Target.Code+" "+e.Code)
	}
	slices.Sort(out)
	return out
}

// checkCAMEO checks that every event carries the CAMEO description of its
// code.
func checkCAMEO(t *testing.T, evs []dyad.Event) {
	t.Helper()
	for _, e := range evs {
		d := cameo.Describe(e.Code)
		if e.QuadClass != d.QuadClass || e.Goldstein != d.Goldstein || e.Root != d.Root || e.PLOVER != d.PLOVER {
			t.Errorf("event %s: quad %d, Goldstein %v, root %q, PLOVER %v; want %d, %v, %q, %v (cameo.Describe)",
				e.Code, e.QuadClass, e.Goldstein, e.Root, e.PLOVER, d.QuadClass, d.Goldstein, d.Root, d.PLOVER)
		}
	}
}

// The sentences of the tests, in UD v2.
const (
	sentSVO = `# text = Arnor criticized Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`

	sentGovernment = `# text = The Gondor government criticized Arnor.
1 The        the        DET   DT  _ 3 det      _ _
2 Gondor     Gondor     PROPN NNP _ 3 compound _ _
3 government government NOUN  NN  _ 4 nsubj    _ _
4 criticized criticize  VERB  VBD _ 0 root     _ _
5 Arnor      Arnor      PROPN NNP _ 4 obj      _ _
6 .          .          PUNCT .   _ 4 punct    _ _`

	sentCompoundSubject = `# text = Arnor and Osgiliath criticized Gondor.
1 Arnor      Arnor     PROPN NNP _ 4 nsubj _ _
2 and        and       CCONJ CC  _ 3 cc    _ _
3 Osgiliath  Osgiliath PROPN NNP _ 1 conj  _ _
4 criticized criticize VERB  VBD _ 0 root  _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj   _ _
6 .          .         PUNCT .   _ 4 punct _ _`

	sentReceive = `# text = Gondor received aid from Arnor.
1 Gondor   Gondor  PROPN NNP _ 2 nsubj _ _
2 received receive VERB  VBD _ 0 root  _ _
3 aid      aid     NOUN  NN  _ 2 obj   _ _
4 from     from    ADP   IN  _ 5 case  _ _
5 Arnor    Arnor   PROPN NNP _ 2 obl   _ _
6 .        .       PUNCT .   _ 2 punct _ _`

	sentTheoden = `# text = Theoden criticized Gondor.
1 Theoden    Theoden   PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`
)

func TestCode(t *testing.T) {
	for _, tc := range []struct {
		name   string
		conllu string
		date   time.Time // testDate when zero
		opts   coder.Options
		want   []string                       // sorted "SOURCE TARGET CODE"
		mod    dyad.Modality                  // of every event; Asserted when ""
		check  func(*testing.T, []dyad.Event) // more checks, when set
		bug    string                         // a known bug: the case is skipped
	}{
		{
			name:   "SubjectVerbObject",
			conllu: sentSVO,
			want:   []string{"ARN GON 111"},
		},
		{
			name: "BlockDefaultCode",
			conllu: `# text = Gondor denounced Arnor.
1 Gondor    Gondor   PROPN NNP _ 2 nsubj _ _
2 denounced denounce VERB  VBD _ 0 root  _ _
3 Arnor     Arnor    PROPN NNP _ 2 obj   _ _
4 .         .        PUNCT .   _ 2 punct _ _`,
			want: []string{"GON ARN 111"},
		},
		{
			name: "ActorSynonym",
			conllu: `# text = Arnorian criticized Gondor.
1 Arnorian   Arnorian  PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 111"},
		},
		{
			name: "NoTarget",
			conllu: `# text = Arnor criticized the plan.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 the        the       DET   DT  _ 4 det   _ _
4 plan       plan      NOUN  NN  _ 2 obj   _ _
5 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{},
		},
		{
			name: "MonadWithAllowMonads",
			conllu: `# text = Arnor criticized the plan.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 the        the       DET   DT  _ 4 det   _ _
4 plan       plan      NOUN  NN  _ 2 obj   _ _
5 .          .         PUNCT .   _ 2 punct _ _`,
			opts: coder.Options{AllowMonads: true},
			want: []string{"ARN --- 111"},
		},
		{
			name: "NewActorLength",
			conllu: `# text = Arnor criticized Rivendell.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Rivendell  Rivendell PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`,
			opts: coder.Options{NewActorLength: 2},
			want: []string{`ARN "RIVENDELL" 111`},
		},
		{
			name: "UnknownActorWithoutNewActorLength",
			conllu: `# text = Arnor criticized Rivendell.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Rivendell  Rivendell PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{},
		},
		{
			name: "PrepositionalTargetObl",
			conllu: `# text = Arnor restored ties with Gondor.
1 Arnor    Arnor   PROPN NNP _ 2 nsubj _ _
2 restored restore VERB  VBD _ 0 root  _ _
3 ties     tie     NOUN  NNS _ 2 obj   _ _
4 with     with    ADP   IN  _ 5 case  _ _
5 Gondor   Gondor  PROPN NNP _ 2 obl   _ _
6 .        .       PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 064"},
		},
		{
			name: "PrepositionalTargetNmod",
			conllu: `# text = Arnor restored ties with Gondor.
1 Arnor    Arnor   PROPN NNP _ 2 nsubj _ _
2 restored restore VERB  VBD _ 0 root  _ _
3 ties     tie     NOUN  NNS _ 2 obj   _ _
4 with     with    ADP   IN  _ 5 case  _ _
5 Gondor   Gondor  PROPN NNP _ 3 nmod  _ _
6 .        .       PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 064"},
		},
		{
			name:   "CompoundSubject",
			conllu: sentCompoundSubject,
			want:   []string{"ARN GON 111", "OSG GON 111"},
		},
		{
			name: "CompoundObject",
			conllu: `# text = Arnor criticized Gondor and Osgiliath.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _
4 and        and       CCONJ CC  _ 5 cc    _ _
5 Osgiliath  Osgiliath PROPN NNP _ 3 conj  _ _
6 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 111", "ARN OSG 111"},
		},
		{
			name: "CompoundSubjectAndObject",
			conllu: `# text = Arnor and Osgiliath criticized Gondor and Theoden.
1 Arnor      Arnor     PROPN NNP _ 4 nsubj _ _
2 and        and       CCONJ CC  _ 3 cc    _ _
3 Osgiliath  Osgiliath PROPN NNP _ 1 conj  _ _
4 criticized criticize VERB  VBD _ 0 root  _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj   _ _
6 and        and       CCONJ CC  _ 7 cc    _ _
7 Theoden    Theoden   PROPN NNP _ 5 conj  _ _
8 .          .         PUNCT .   _ 4 punct _ _`,
			want: []string{"ARN GON 111", "ARN RHNGOV 111", "OSG GON 111", "OSG RHNGOV 111"},
		},
		{
			name: "PairedCodeBothDirections",
			conllu: `# text = Arnor met Gondor.
1 Arnor  Arnor  PROPN NNP _ 2 nsubj _ _
2 met    meet   VERB  VBD _ 0 root  _ _
3 Gondor Gondor PROPN NNP _ 2 obj   _ _
4 .      .      PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 040", "GON ARN 040"},
		},
		{
			name: "PairedCodeWithPreposition",
			conllu: `# text = Arnor met with Gondor.
1 Arnor  Arnor  PROPN NNP _ 2 nsubj _ _
2 met    meet   VERB  VBD _ 0 root  _ _
3 with   with   ADP   IN  _ 4 case  _ _
4 Gondor Gondor PROPN NNP _ 2 obl   _ _
5 .      .      PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 040", "GON ARN 040"},
		},
		{
			name: "Passive",
			conllu: `# text = Arnor was criticized by Gondor.
1 Arnor      Arnor     PROPN NNP _ 3 nsubj:pass _ _
2 was        be        AUX   VBD _ 3 aux:pass   _ _
3 criticized criticize VERB  VBN _ 0 root       _ _
4 by         by        ADP   IN  _ 5 case       _ _
5 Gondor     Gondor    PROPN NNP _ 3 obl        _ _
6 .          .         PUNCT .   _ 3 punct      _ _`,
			want: []string{"GON ARN 111"},
		},
		{
			name: "PassiveUDv1",
			conllu: `# text = Arnor was criticized by Gondor.
1 Arnor      Arnor     PROPN NNP _ 3 nsubjpass _ _
2 was        be        AUX   VBD _ 3 auxpass   _ _
3 criticized criticize VERB  VBN _ 0 root      _ _
4 by         by        ADP   IN  _ 5 case      _ _
5 Gondor     Gondor    PROPN NNP _ 3 nmod      _ _
6 .          .         PUNCT .   _ 3 punct     _ _`,
			want: []string{"GON ARN 111"},
		},
		{
			name:   "AgentAfterCountry",
			conllu: sentGovernment,
			want:   []string{"GONGOV ARN 111"},
		},
		{
			name: "AgentWithPossessive",
			conllu: `# text = Gondor's government criticized Arnor.
1 Gondor     Gondor     PROPN NNP _ 3 nmod:poss _ _
2 's         's         PART  POS _ 1 case      _ _
3 government government NOUN  NN  _ 4 nsubj     _ _
4 criticized criticize  VERB  VBD _ 0 root      _ _
5 Arnor      Arnor      PROPN NNP _ 4 obj       _ _
6 .          .          PUNCT .   _ 4 punct     _ _`,
			want: []string{"GONGOV ARN 111"},
		},
		{
			name: "AgentFromCountry",
			conllu: `# text = Soldiers from Gondor cordoned off Osgiliath.
1 Soldiers  soldier   NOUN  NNS _ 4 nsubj        _ _
2 from      from      ADP   IN  _ 3 case         _ _
3 Gondor    Gondor    PROPN NNP _ 1 nmod         _ _
4 cordoned  cordon    VERB  VBD _ 0 root         _ _
5 off       off       ADP   RP  _ 4 compound:prt _ _
6 Osgiliath Osgiliath PROPN NNP _ 4 obj          _ _
7 .         .         PUNCT .   _ 4 punct        _ _`,
			want: []string{"GONMIL OSG 144"},
		},
		{
			name: "AgentWithoutCountry",
			conllu: `# text = The government criticized Arnor.
1 The        the        DET   DT  _ 2 det   _ _
2 government government NOUN  NN  _ 3 nsubj _ _
3 criticized criticize  VERB  VBD _ 0 root  _ _
4 Arnor      Arnor      PROPN NNP _ 3 obj   _ _
5 .          .          PUNCT .   _ 3 punct _ _`,
			want: []string{"---GOV ARN 111"},
		},
		{
			name: "PrefixedAgent",
			conllu: `# text = MSF Arnor criticized Gondor.
1 MSF        MSF       PROPN NNP _ 2 compound _ _
2 Arnor      Arnor     PROPN NNP _ 3 nsubj    _ _
3 criticized criticize VERB  VBD _ 0 root     _ _
4 Gondor     Gondor    PROPN NNP _ 3 obj      _ _
5 .          .         PUNCT .   _ 3 punct    _ _`,
			want: []string{"NGOARN GON 111"},
		},
		{
			name: "PrefixedAndSuffixedAgents",
			conllu: `# text = The MSF Arnor government criticized Gondor.
1 The        the        DET   DT  _ 4 det      _ _
2 MSF        MSF        PROPN NNP _ 4 compound _ _
3 Arnor      Arnor      PROPN NNP _ 4 compound _ _
4 government government NOUN  NN  _ 5 nsubj    _ _
5 criticized criticize  VERB  VBD _ 0 root     _ _
6 Gondor     Gondor     PROPN NNP _ 5 obj      _ _
7 .          .          PUNCT .   _ 5 punct    _ _`,
			want: []string{"NGOARNGOV GON 111"},
		},
		{
			name:   "DatedActorBeforeRange",
			conllu: sentTheoden,
			date:   time.Date(1994, 12, 31, 0, 0, 0, 0, time.UTC),
			want:   []string{"RHN GON 111"},
		},
		{
			name:   "DatedActorFirstDayOfRange",
			conllu: sentTheoden,
			date:   time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC),
			want:   []string{"RHNGOV GON 111"},
		},
		{
			name:   "DatedActorLastDayOfRange",
			conllu: sentTheoden,
			date:   time.Date(1999, 12, 31, 23, 0, 0, 0, time.UTC),
			want:   []string{"RHNGOV GON 111"},
		},
		{
			name:   "DatedActorAfterRange",
			conllu: sentTheoden,
			date:   time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
			want:   []string{"RHN GON 111"},
		},
		{
			name: "DatedActorWithoutDefaultInRange",
			conllu: `# text = Denethor criticized Arnor.
1 Denethor   Denethor  PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Arnor      Arnor     PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`,
			date: time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC),
			want: []string{"GONGOV ARN 111"},
		},
		{
			name: "DatedActorWithoutDefaultOutOfRange",
			conllu: `# text = Denethor criticized Arnor.
1 Denethor   Denethor  PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Arnor      Arnor     PROPN NNP _ 2 obj   _ _
4 .          .         PUNCT .   _ 2 punct _ _`,
			date: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
			want: []string{},
		},
		{
			name: "SentenceDiscard",
			conllu: `# text = Arnor criticized Gondor after the football match.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj    _ _
2 criticized criticize VERB  VBD _ 0 root     _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj      _ _
4 after      after     ADP   IN  _ 7 case     _ _
5 the        the       DET   DT  _ 7 det      _ _
6 football   football  NOUN  NN  _ 7 compound _ _
7 match      match     NOUN  NN  _ 2 obl      _ _
8 .          .         PUNCT .   _ 2 punct    _ _`,
			want: []string{},
		},
		{
			name: "StoryDiscard",
			conllu: `# text = Arnor criticized Gondor before the World Cup.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj    _ _
2 criticized criticize VERB  VBD _ 0 root     _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj      _ _
4 before     before    ADP   IN  _ 7 case     _ _
5 the        the       DET   DT  _ 7 det      _ _
6 World      World     PROPN NNP _ 7 compound _ _
7 Cup        Cup       PROPN NNP _ 2 obl      _ _
8 .          .         PUNCT .   _ 2 punct    _ _`,
			want: []string{},
		},
		{
			name: "XcompChain",
			conllu: `# text = Arnor agreed to restore ties with Gondor.
1 Arnor   Arnor   PROPN NNP _ 2 nsubj _ _
2 agreed  agree   VERB  VBD _ 0 root  _ _
3 to      to      PART  TO  _ 4 mark  _ _
4 restore restore VERB  VB  _ 2 xcomp _ _
5 ties    tie     NOUN  NNS _ 4 obj   _ _
6 with    with    ADP   IN  _ 7 case  _ _
7 Gondor  Gondor  PROPN NNP _ 4 obl   _ _
8 .       .       PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 064"},
		},
		{
			name: "XcompSubjectIsGovernorsObject",
			conllu: `# text = Arnor urged Gondor to restore ties with Osgiliath.
1 Arnor     Arnor     PROPN NNP _ 2 nsubj _ _
2 urged     urge      VERB  VBD _ 0 root  _ _
3 Gondor    Gondor    PROPN NNP _ 2 obj   _ _
4 to        to        PART  TO  _ 5 mark  _ _
5 restore   restore   VERB  VB  _ 2 xcomp _ _
6 ties      tie       NOUN  NNS _ 5 obj   _ _
7 with      with      ADP   IN  _ 8 case  _ _
8 Osgiliath Osgiliath PROPN NNP _ 5 obl   _ _
9 .         .         PUNCT .   _ 2 punct _ _`,
			want: []string{"GON OSG 064"},
		},
		{
			name: "ConjoinedVerbSharesSubject",
			conllu: `# text = Arnor met Gondor and criticized Osgiliath.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 met        meet      VERB  VBD _ 0 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _
4 and        and       CCONJ CC  _ 5 cc    _ _
5 criticized criticize VERB  VBD _ 2 conj  _ _
6 Osgiliath  Osgiliath PROPN NNP _ 5 obj   _ _
7 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 040", "ARN OSG 111", "GON ARN 040"},
		},
		{
			name:   "PatternFromSource",
			conllu: sentReceive,
			want:   []string{"ARN GON 070"},
		},
		{
			name: "BlockWithoutCodeNeedsPattern",
			conllu: `# text = Gondor received Arnor.
1 Gondor   Gondor  PROPN NNP _ 2 nsubj _ _
2 received receive VERB  VBD _ 0 root  _ _
3 Arnor    Arnor   PROPN NNP _ 2 obj   _ _
4 .        .       PUNCT .   _ 2 punct _ _`,
			want: []string{},
		},
		{
			name: "CompoundPattern",
			conllu: `# text = Arnor and Gondor clashed.
1 Arnor   Arnor  PROPN NNP _ 4 nsubj _ _
2 and     and    CCONJ CC  _ 3 cc    _ _
3 Gondor  Gondor PROPN NNP _ 1 conj  _ _
4 clashed clash  VERB  VBD _ 0 root  _ _
5 .       .      PUNCT .   _ 4 punct _ _`,
			want: []string{"ARN GON 190", "GON ARN 190"},
		},
		{
			name: "CompoundPatternThreeActors",
			conllu: `# text = Arnor, Gondor and Osgiliath clashed.
1 Arnor     Arnor     PROPN NNP _ 6 nsubj _ _
2 ,         ,         PUNCT ,   _ 3 punct _ _
3 Gondor    Gondor    PROPN NNP _ 1 conj  _ _
4 and       and       CCONJ CC  _ 5 cc    _ _
5 Osgiliath Osgiliath PROPN NNP _ 1 conj  _ _
6 clashed   clash     VERB  VBD _ 0 root  _ _
7 .         .         PUNCT .   _ 6 punct _ _`,
			want: []string{"ARN GON 190", "ARN OSG 190", "GON ARN 190", "GON OSG 190", "OSG ARN 190", "OSG GON 190"},
		},
		{
			name: "CompoundPatternSingleActor",
			conllu: `# text = Arnor clashed with Gondor.
1 Arnor   Arnor  PROPN NNP _ 2 nsubj _ _
2 clashed clash  VERB  VBD _ 0 root  _ _
3 with    with   ADP   IN  _ 4 case  _ _
4 Gondor  Gondor PROPN NNP _ 2 obl   _ _
5 .       .      PUNCT .   _ 2 punct _ _`,
			// Without its "- % *" pattern, CLASH codes ARN GON 190 here.
			want: []string{"ARN GON 190"},
		},
		{
			name: "MultiwordVerbParticleNext",
			conllu: `# text = Gondor cordoned off Osgiliath.
1 Gondor    Gondor    PROPN NNP _ 2 nsubj        _ _
2 cordoned  cordon    VERB  VBD _ 0 root         _ _
3 off       off       ADP   RP  _ 2 compound:prt _ _
4 Osgiliath Osgiliath PROPN NNP _ 2 obj          _ _
5 .         .         PUNCT .   _ 2 punct        _ _`,
			want: []string{"GON OSG 144"},
		},
		{
			name: "MultiwordVerbParticleAfterObject",
			conllu: `# text = Gondor cordoned Osgiliath off.
1 Gondor    Gondor    PROPN NNP _ 2 nsubj        _ _
2 cordoned  cordon    VERB  VBD _ 0 root         _ _
3 Osgiliath Osgiliath PROPN NNP _ 2 obj          _ _
4 off       off       ADP   RP  _ 2 compound:prt _ _
5 .         .         PUNCT .   _ 2 punct        _ _`,
			want: []string{"GON OSG 144"},
		},
		{
			name: "MultiwordVerbWithoutParticle",
			conllu: `# text = Gondor cordoned Osgiliath.
1 Gondor    Gondor    PROPN NNP _ 2 nsubj _ _
2 cordoned  cordon    VERB  VBD _ 0 root  _ _
3 Osgiliath Osgiliath PROPN NNP _ 2 obj   _ _
4 .         .         PUNCT .   _ 2 punct _ _`,
			want: []string{},
		},
		{
			name: "NegatedVerb",
			conllu: `# text = Arnor did not criticize Gondor.
1 Arnor     Arnor     PROPN NNP _ 4 nsubj  _ _
2 did       do        AUX   VBD _ 4 aux    _ _
3 not       not       PART  RB  _ 4 advmod _ _
4 criticize criticize VERB  VB  _ 0 root   _ _
5 Gondor    Gondor    PROPN NNP _ 4 obj    _ _
6 .         .         PUNCT .   _ 4 punct  _ _`,
			want: []string{"ARN GON 111"},
			mod:  dyad.Negated,
		},
		{
			name: "NegatedVerbNever",
			conllu: `# text = Arnor never criticized Gondor.
1 Arnor      Arnor     PROPN NNP _ 3 nsubj  _ _
2 never      never     ADV   RB  _ 3 advmod _ _
3 criticized criticize VERB  VBD _ 0 root   _ _
4 Gondor     Gondor    PROPN NNP _ 3 obj    _ _
5 .          .         PUNCT .   _ 3 punct  _ _`,
			want: []string{"ARN GON 111"},
			mod:  dyad.Negated,
		},
		{
			name: "NegatedVerbUDv1",
			conllu: `# text = Arnor did not criticize Gondor.
1 Arnor     Arnor     PROPN NNP _ 4 nsubj _ _
2 did       do        AUX   VBD _ 4 aux   _ _
3 not       not       PART  RB  _ 4 neg   _ _
4 criticize criticize VERB  VB  _ 0 root  _ _
5 Gondor    Gondor    PROPN NNP _ 4 dobj  _ _
6 .         .         PUNCT .   _ 4 punct _ _`,
			want: []string{"ARN GON 111"},
			mod:  dyad.Negated,
		},
		{
			name: "NegatedDisapprovalIsCooperation",
			conllu: `# text = Arnor did not disapprove of Gondor.
1 Arnor      Arnor      PROPN NNP _ 4 nsubj  _ _
2 did        do         AUX   VBD _ 4 aux    _ _
3 not        not        PART  RB  _ 4 advmod _ _
4 disapprove disapprove VERB  VB  _ 0 root   _ _
5 of         of         ADP   IN  _ 6 case   _ _
6 Gondor     Gondor     PROPN NNP _ 4 obl    _ _
7 .          .          PUNCT .   _ 4 punct  _ _`,
			want: []string{"ARN GON 050"},
			check: func(t *testing.T, evs []dyad.Event) {
				if got := evs[0].NegationOf; got != "110" {
					t.Errorf("NegationOf = %q, want %q", got, "110")
				}
			},
		},
		{
			name: "ModalityFuture",
			conllu: `# text = Arnor will criticize Gondor.
1 Arnor     Arnor     PROPN NNP _ 3 nsubj _ _
2 will      will      AUX   MD  _ 3 aux   _ _
3 criticize criticize VERB  VB  _ 0 root  _ _
4 Gondor    Gondor    PROPN NNP _ 3 obj   _ _
5 .         .         PUNCT .   _ 3 punct _ _`,
			want: []string{"ARN GON 111"},
			mod:  dyad.Future,
		},
		{
			name: "ModalityHypotheticalCould",
			conllu: `# text = Arnor could criticize Gondor.
1 Arnor     Arnor     PROPN NNP _ 3 nsubj _ _
2 could     could     AUX   MD  _ 3 aux   _ _
3 criticize criticize VERB  VB  _ 0 root  _ _
4 Gondor    Gondor    PROPN NNP _ 3 obj   _ _
5 .         .         PUNCT .   _ 3 punct _ _`,
			want: []string{"ARN GON 111"},
			mod:  dyad.Hypothetical,
		},
		{
			name: "ModalityHypotheticalIf",
			conllu: `# text = If Arnor criticizes Gondor, Osgiliath will protest.
1  If         if        SCONJ IN  _ 3 mark  _ _
2  Arnor      Arnor     PROPN NNP _ 3 nsubj _ _
3  criticizes criticize VERB  VBZ _ 8 advcl _ _
4  Gondor     Gondor    PROPN NNP _ 3 obj   _ _
5  ,          ,         PUNCT ,   _ 8 punct _ _
6  Osgiliath  Osgiliath PROPN NNP _ 8 nsubj _ _
7  will       will      AUX   MD  _ 8 aux   _ _
8  protest    protest   VERB  VB  _ 0 root  _ _
9  .          .         PUNCT .   _ 8 punct _ _`,
			want: []string{"ARN GON 111"},
			mod:  dyad.Hypothetical,
		},
		{
			name: "FreeParticipleTakesSubject",
			conllu: `# text = Gondor criticized Arnor soldiers, accusing them.
1 Gondor     Gondor    PROPN NNP _ 2 nsubj    _ _
2 criticized criticize VERB  VBD _ 0 root     _ _
3 Arnor      Arnor     PROPN NNP _ 4 compound _ _
4 soldiers   soldier   NOUN  NNS _ 2 obj      _ _
5 ,          ,         PUNCT ,   _ 6 punct    _ _
6 accusing   accuse    VERB  VBG _ 2 advcl    _ _
7 them       they      PRON  PRP _ 6 obj      _ _
8 .          .         PUNCT .   _ 2 punct    _ _`,
			want: []string{"GON ARNMIL 111", "GON ARNMIL 112"},
		},
		{
			name: "WeaponsStandForTheirOwner",
			conllu: `# text = Gondor said its drones criticized Arnor.
1 Gondor     Gondor    PROPN NNP  _ 2 nsubj     _ _
2 said       say       VERB  VBD  _ 0 root      _ _
3 its        its       PRON  PRP$ _ 4 nmod:poss _ _
4 drones     drone     NOUN  NNS  _ 5 nsubj     _ _
5 criticized criticize VERB  VBD  _ 2 ccomp     _ _
6 Arnor      Arnor     PROPN NNP  _ 5 obj       _ _
7 .          .         PUNCT .    _ 2 punct     _ _`,
			want: []string{"GON ARN 111"},
			mod:  dyad.Reported,
		},
		{
			name: "PronounAgreesInNumber",
			// "its" is Gondor's, not the soldiers'.
			conllu: `# text = Gondor says Arnorian soldiers criticized its government.
1 Gondor     Gondor     PROPN NNP  _ 2 nsubj     _ _
2 says       say        VERB  VBZ  _ 0 root      _ _
3 Arnorian   Arnorian   ADJ   JJ   _ 4 amod      _ _
4 soldiers   soldier    NOUN  NNS  _ 5 nsubj     _ _
5 criticized criticize  VERB  VBD  _ 2 ccomp     _ _
6 its        its        PRON  PRP$ _ 7 nmod:poss _ _
7 government government NOUN  NN   _ 5 obj       _ _
8 .          .          PUNCT .    _ 2 punct     _ _`,
			want: []string{"ARNMIL GONGOV 111"},
			mod:  dyad.Reported,
		},
		{
			name: "AgentWordModifyingPatternNoun",
			// The military support is what is pledged; Gondor receives it.
			conllu: `# text = Arnor pledged military support to Gondor.
1 Arnor    Arnor    PROPN NNP _ 2 nsubj _ _
2 pledged  pledge   VERB  VBD _ 0 root  _ _
3 military military ADJ   JJ  _ 4 amod  _ _
4 support  support  NOUN  NN  _ 2 obj   _ _
5 to       to       ADP   IN  _ 6 case  _ _
6 Gondor   Gondor   PROPN NNP _ 2 obl   _ _
7 .        .        PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 032"},
		},
		{
			name: "ReducedPassiveOnEventNoun",
			// The truce is criticized by Osgiliath; its parties are the
			// subject of the verb it completes.
			conllu: `# text = Arnor and Gondor signed a truce criticized by Osgiliath.
1 Arnor      Arnor     PROPN NNP _ 4 nsubj     _ _
2 and        and       CCONJ CC  _ 3 cc        _ _
3 Gondor     Gondor    PROPN NNP _ 1 conj      _ _
4 signed     sign      VERB  VBD _ 0 root      _ _
5 a          a         DET   DT  _ 6 det       _ _
6 truce      truce     NOUN  NN  _ 4 obj       _ _
7 criticized criticize VERB  VBN _ 6 acl       _ _
8 by         by        ADP   IN  _ 9 case      _ _
9 Osgiliath  Osgiliath PROPN NNP _ 7 obl:agent _ _
10 .         .         PUNCT .   _ 4 punct     _ _`,
			want: []string{"OSG ARN 111", "OSG GON 111"},
		},
		{
			name: "ReducedPassiveBetween",
			conllu: `# text = Talks between Arnor and Gondor criticized by Osgiliath stalled.
1 Talks      talk      NOUN  NNS _ 9 nsubj     _ _
2 between    between   ADP   IN  _ 3 case      _ _
3 Arnor      Arnor     PROPN NNP _ 1 nmod      _ _
4 and        and       CCONJ CC  _ 5 cc        _ _
5 Gondor     Gondor    PROPN NNP _ 3 conj      _ _
6 criticized criticize VERB  VBN _ 1 acl       _ _
7 by         by        ADP   IN  _ 8 case      _ _
8 Osgiliath  Osgiliath PROPN NNP _ 6 obl:agent _ _
9 stalled    stall     VERB  VBD _ 0 root      _ _
10 .         .         PUNCT .   _ 9 punct     _ _`,
			want: []string{"OSG ARN 111", "OSG GON 111"},
		},
		{
			name: "ActorOfANounByItsByPhrase",
			conllu: `# text = A statement by Arnor criticized Gondor.
1 A          a         DET   DT  _ 2 det   _ _
2 statement  statement NOUN  NN  _ 5 nsubj _ _
3 by         by        ADP   IN  _ 4 case  _ _
4 Arnor      Arnor     PROPN NNP _ 2 nmod  _ _
5 criticized criticize VERB  VBD _ 0 root  _ _
6 Gondor     Gondor    PROPN NNP _ 5 obj   _ _
7 .          .         PUNCT .   _ 5 punct _ _`,
			want: []string{"ARN GON 111"},
		},
		{
			name: "CompoundPatternWantsACompound",
			// "%" needs two actors; one alone matches no pattern, and the
			// verb codes nothing ("conferred about Gondor": a topic).
			conllu: `# text = Arnor conferred about Gondor.
1 Arnor     Arnor  PROPN NNP _ 2 nsubj _ _
2 conferred confer VERB  VBD _ 0 root  _ _
3 about     about  ADP   IN  _ 4 case  _ _
4 Gondor    Gondor PROPN NNP _ 2 obl   _ _
5 .         .      PUNCT .   _ 2 punct _ _`,
			want: nil,
		},
		{
			name: "CompoundPatternMatchesACompound",
			conllu: `# text = Arnor and Gondor conferred.
1 Arnor     Arnor  PROPN NNP _ 4 nsubj _ _
2 and       and    CCONJ CC  _ 3 cc    _ _
3 Gondor    Gondor PROPN NNP _ 1 conj  _ _
4 conferred confer VERB  VBD _ 0 root  _ _
5 .         .      PUNCT .   _ 4 punct _ _`,
			want: []string{"ARN GON 040", "GON ARN 040"},
		},
		{
			name: "RelativeClauseInThePast",
			conllu: `# text = Arnor, which criticized Gondor, met Osgiliath.
1 Arnor      Arnor     PROPN NNP _ 7 nsubj     _ _
2 ,          ,         PUNCT ,   _ 3 punct     _ _
3 which      which     PRON  WDT _ 4 nsubj     _ _
4 criticized criticize VERB  VBD _ 1 acl:relcl _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj       _ _
6 ,          ,         PUNCT ,   _ 4 punct     _ _
7 met        meet      VERB  VBD _ 0 root      _ _
8 Osgiliath  Osgiliath PROPN NNP _ 7 obj       _ _
9 .          .         PUNCT .   _ 7 punct     _ _`,
			want: []string{"ARN GON 111", "ARN OSG 040", "OSG ARN 040"},
		},
		{
			name: "RelativeClauseInThePresentDescribes",
			conllu: `# text = Arnor, which criticizes Gondor, met Osgiliath.
1 Arnor      Arnor     PROPN NNP _ 7 nsubj     _ _
2 ,          ,         PUNCT ,   _ 3 punct     _ _
3 which      which     PRON  WDT _ 4 nsubj     _ _
4 criticizes criticize VERB  VBZ _ 1 acl:relcl _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj       _ _
6 ,          ,         PUNCT ,   _ 4 punct     _ _
7 met        meet      VERB  VBD _ 0 root      _ _
8 Osgiliath  Osgiliath PROPN NNP _ 7 obj       _ _
9 .          .         PUNCT .   _ 7 punct     _ _`,
			want: []string{"ARN OSG 040", "OSG ARN 040"},
		},
		{
			name: "NoTargetFromACircumstance",
			// What happened "after" is no target, nor what its clause
			// names.
			conllu: `# text = Arnor disapproved after talks hosted Gondor.
1 Arnor       Arnor      PROPN NNP _ 2 nsubj _ _
2 disapproved disapprove VERB  VBD _ 0 root  _ _
3 after       after      ADP   IN  _ 4 case  _ _
4 talks       talk       NOUN  NNS _ 2 obl   _ _
5 hosted      host       VERB  VBD _ 4 acl   _ _
6 Gondor      Gondor     PROPN NNP _ 5 obj   _ _
7 .           .          PUNCT .   _ 2 punct _ _`,
			want: nil,
		},
		{
			name: "GovernmentProtestIsAComplaint",
			conllu: `# text = The Arnor government protested Gondor's decision.
1 The        the        DET   DT  _ 3 det       _ _
2 Arnor      Arnor      PROPN NNP _ 3 compound  _ _
3 government government NOUN  NN  _ 4 nsubj     _ _
4 protested  protest    VERB  VBD _ 0 root      _ _
5 Gondor     Gondor     PROPN NNP _ 7 nmod:poss _ _
6 's         's         PART  POS _ 5 case      _ _
7 decision   decision   NOUN  NN  _ 4 obj       _ _
8 .          .          PUNCT .   _ 4 punct     _ _`,
			want: []string{"ARNGOV GON 114"},
		},
		{
			name: "OthersProtestByDemonstrating",
			conllu: `# text = MSF protested Gondor's decision.
1 MSF       MSF      PROPN NNP _ 2 nsubj     _ _
2 protested protest  VERB  VBD _ 0 root      _ _
3 Gondor    Gondor   PROPN NNP _ 5 nmod:poss _ _
4 's        's       PART  POS _ 3 case      _ _
5 decision  decision NOUN  NN  _ 2 obj       _ _
6 .         .        PUNCT .   _ 2 punct     _ _`,
			want: []string{"NGO--- GON 140"},
		},
		{
			name: "OwnSideInTheClauseIsNoTarget",
			// The government speaks of its own soldiers: no target.
			conllu: `# text = The Arnor government disapproved that Arnor soldiers would win.
1 The         the        DET   DT  _ 3 det      _ _
2 Arnor       Arnor      PROPN NNP _ 3 compound _ _
3 government  government NOUN  NN  _ 4 nsubj    _ _
4 disapproved disapprove VERB  VBD _ 0 root     _ _
5 that        that       SCONJ IN  _ 9 mark     _ _
6 Arnor       Arnor      PROPN NNP _ 7 compound _ _
7 soldiers    soldier    NOUN  NNS _ 9 nsubj    _ _
8 would       would      AUX   MD  _ 9 aux      _ _
9 win         win        VERB  VB  _ 4 ccomp    _ _
10 .          .          PUNCT .   _ 4 punct    _ _`,
			want: nil,
		},
		{
			name: "ViolentFreeParticipleIsNoSecondAct",
			conllu: `# text = Arnor criticized Gondor, attacking Osgiliath.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _
4 ,          ,         PUNCT ,   _ 5 punct _ _
5 attacking  attack    VERB  VBG _ 2 advcl _ _
6 Osgiliath  Osgiliath PROPN NNP _ 5 obj   _ _
7 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 111"},
		},
		{
			name: "ClauseUnderNonVerbalPredicate",
			// "is about to meet" is coded in the complement of "about";
			// its subject is not the target of the governing verb.
			conllu: `# text = Gondor disapproved that Arnor is about to meet Osgiliath.
1  Gondor      Gondor     PROPN NNP _ 2 nsubj _ _
2  disapproved disapprove VERB  VBD _ 0 root  _ _
3  that        that       SCONJ IN  _ 6 mark  _ _
4  Arnor       Arnor      PROPN NNP _ 6 nsubj _ _
5  is          be         AUX   VBZ _ 6 cop   _ _
6  about       about      ADJ   JJ  _ 2 ccomp _ _
7  to          to         PART  TO  _ 8 mark  _ _
8  meet        meet       VERB  VB  _ 6 xcomp _ _
9  Osgiliath   Osgiliath  PROPN NNP _ 8 obj   _ _
10 .           .          PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN OSG 040", "OSG ARN 040"},
		},
		{
			name: "ModalityReported",
			conllu: `# text = Osgiliath said Arnor criticized Gondor.
1 Osgiliath  Osgiliath PROPN NNP _ 2 nsubj _ _
2 said       say       VERB  VBD _ 0 root  _ _
3 Arnor      Arnor     PROPN NNP _ 4 nsubj _ _
4 criticized criticize VERB  VBD _ 2 ccomp _ _
5 Gondor     Gondor    PROPN NNP _ 4 obj   _ _
6 .          .         PUNCT .   _ 2 punct _ _`,
			want: []string{"ARN GON 111"},
			mod:  dyad.Reported,
		},
		{
			name: "ModalityReportedInterposedParataxis",
			conllu: `# text = Arnor, Osgiliath said, criticized Gondor.
1 Arnor      Arnor     PROPN NNP _ 6 nsubj     _ _
2 ,          ,         PUNCT ,   _ 4 punct     _ _
3 Osgiliath  Osgiliath PROPN NNP _ 4 nsubj     _ _
4 said       say       VERB  VBD _ 6 parataxis _ _
5 ,          ,         PUNCT ,   _ 4 punct     _ _
6 criticized criticize VERB  VBD _ 0 root      _ _
7 Gondor     Gondor    PROPN NNP _ 6 obj       _ _
8 .          .         PUNCT .   _ 6 punct     _ _`,
			want: []string{"ARN GON 111"},
			mod:  dyad.Reported,
		},
		{
			name: "ModalityReportedTrailingParataxis",
			conllu: `# text = Arnor criticized Gondor, Osgiliath said.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj     _ _
2 criticized criticize VERB  VBD _ 0 root      _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj       _ _
4 ,          ,         PUNCT ,   _ 6 punct     _ _
5 Osgiliath  Osgiliath PROPN NNP _ 6 nsubj     _ _
6 said       say       VERB  VBD _ 2 parataxis _ _
7 .          .         PUNCT .   _ 2 punct     _ _`,
			want: []string{"ARN GON 111"},
			mod:  dyad.Reported,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.bug != "" {
				t.Skip("known bug: " + tc.bug)
			}
			c := mustCoder(t, tc.opts)
			date := tc.date
			if date.IsZero() {
				date = testDate
			}
			evs := c.Code(mustParse(t, tc.conllu), date)
			if got := triples(evs); !slices.Equal(got, tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			mod := tc.mod
			if mod == "" {
				mod = dyad.Asserted
			}
			for _, e := range evs {
				if e.Modality != mod {
					t.Errorf("%s %s %s: modality %q, want %q", e.Source.Code, e.Target.Code, e.Code, e.Modality, mod)
				}
				if want := date.Format("2006-01-02"); e.Date != want {
					t.Errorf("date %q, want %q", e.Date, want)
				}
			}
			checkCAMEO(t, evs)
			if tc.check != nil {
				tc.check(t, evs)
			}
		})
	}
}

func TestCodeEvidence(t *testing.T) {
	c := mustCoder(t, coder.Options{})

	t.Run("VerbAndSpans", func(t *testing.T) {
		evs := c.Code(mustParse(t, sentGovernment), testDate)
		if len(evs) != 1 {
			t.Fatalf("got %d events (%q), want 1", len(evs), triples(evs))
		}
		e := evs[0]
		if e.Evidence.Verb != 4 || e.Evidence.VerbText != "criticized" {
			t.Errorf("evidence verb %d %q, want 4 %q", e.Evidence.Verb, e.Evidence.VerbText, "criticized")
		}
		if want := (dyad.Span{First: 2, Last: 3}); e.Source.Span != want {
			t.Errorf("source span %+v, want %+v", e.Source.Span, want)
		}
		if want := "Gondor government"; e.Source.Text != want {
			t.Errorf("source text %q, want %q", e.Source.Text, want)
		}
		if want := (dyad.Span{First: 5, Last: 5}); e.Target.Span != want {
			t.Errorf("target span %+v, want %+v", e.Target.Span, want)
		}
		if e.Pattern != "" || e.Evidence.Pattern != "" {
			t.Errorf("pattern %q, evidence pattern %q, want none: no pattern fired", e.Pattern, e.Evidence.Pattern)
		}
		if want := "The Gondor government criticized Arnor."; e.Sentence.Text != want {
			t.Errorf("sentence text %q, want %q", e.Sentence.Text, want)
		}
	})

	t.Run("SpanOfPrepositionalAgent", func(t *testing.T) {
		s := mustParse(t, `# text = Soldiers from Gondor cordoned off Osgiliath.
1 Soldiers  soldier   NOUN  NNS _ 4 nsubj        _ _
2 from      from      ADP   IN  _ 3 case         _ _
3 Gondor    Gondor    PROPN NNP _ 1 nmod         _ _
4 cordoned  cordon    VERB  VBD _ 0 root         _ _
5 off       off       ADP   RP  _ 4 compound:prt _ _
6 Osgiliath Osgiliath PROPN NNP _ 4 obj          _ _
7 .         .         PUNCT .   _ 4 punct        _ _`)
		evs := c.Code(s, testDate)
		if len(evs) != 1 {
			t.Fatalf("got %d events (%q), want 1", len(evs), triples(evs))
		}
		if want := (dyad.Span{First: 1, Last: 3}); evs[0].Source.Span != want {
			t.Errorf("source span %+v, want %+v", evs[0].Source.Span, want)
		}
		if evs[0].Evidence.Verb != 4 {
			t.Errorf("evidence verb %d, want 4", evs[0].Evidence.Verb)
		}
	})

	t.Run("Pattern", func(t *testing.T) {
		evs := c.Code(mustParse(t, sentReceive), testDate)
		if len(evs) != 1 {
			t.Fatalf("got %d events (%q), want 1", len(evs), triples(evs))
		}
		e := evs[0]
		if want := "+ * (FROM $)"; e.Evidence.Pattern != want || e.Pattern != want {
			t.Errorf("pattern %q, evidence pattern %q, want %q", e.Pattern, e.Evidence.Pattern, want)
		}
		if !strings.HasPrefix(e.Evidence.PatternRef, "test.verbs:") {
			t.Errorf("pattern ref %q, want test.verbs:LINE", e.Evidence.PatternRef)
		}
		if e.Evidence.Verb != 2 {
			t.Errorf("evidence verb %d, want 2", e.Evidence.Verb)
		}
		if want := (dyad.Span{First: 5, Last: 5}); e.Source.Span != want {
			t.Errorf("source span %+v, want %+v", e.Source.Span, want)
		}
	})

	t.Run("MonadSideHasNoSpan", func(t *testing.T) {
		evs := c.WithOptions(coder.Options{AllowMonads: true}).Code(mustParse(t, `# text = Arnor criticized the plan.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 0 root  _ _
3 the        the       DET   DT  _ 4 det   _ _
4 plan       plan      NOUN  NN  _ 2 obj   _ _
5 .          .         PUNCT .   _ 2 punct _ _`), testDate)
		if len(evs) != 1 {
			t.Fatalf("got %d events (%q), want 1", len(evs), triples(evs))
		}
		if evs[0].Target.Span != (dyad.Span{}) || evs[0].Target.Text != "" {
			t.Errorf("target %+v, want no span and no text", evs[0].Target)
		}
	})
}

func TestCodeEventIDs(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	s := mustParse(t, sentCompoundSubject)
	first := c.Code(s, testDate)
	second := c.Code(s, testDate)
	if len(first) != 2 || len(second) != 2 {
		t.Fatalf("got %d and %d events, want 2 and 2", len(first), len(second))
	}

	t.Run("StableAcrossCalls", func(t *testing.T) {
		for i := range first {
			if first[i].ID != second[i].ID {
				t.Errorf("event %d: ID %q then %q, want the same", i, first[i].ID, second[i].ID)
			}
		}
	})

	t.Run("DistinctAcrossEvents", func(t *testing.T) {
		if first[0].ID == first[1].ID {
			t.Errorf("two events share ID %q", first[0].ID)
		}
		for _, e := range first {
			if e.ID == "" {
				t.Errorf("event %s %s %s has no ID", e.Source.Code, e.Target.Code, e.Code)
			}
		}
	})

	// The same happening reported in two sentences (or two articles) is
	// one event with two mentions: the ID depends on the day, the actors
	// and the code, not on the wording.
	t.Run("SameEventAcrossSentences", func(t *testing.T) {
		other := c.Code(mustParse(t, sentSVO), testDate)
		if len(other) != 1 {
			t.Fatalf("got %d events, want 1", len(other))
		}
		for _, e := range first {
			same := e.Source.Code == other[0].Source.Code && e.Target.Code == other[0].Target.Code && e.Code == other[0].Code
			if same != (e.ID == other[0].ID) {
				t.Errorf("%s %s %s (ID %s) and %s %s %s (ID %s): same event %v, same ID %v",
					e.Source.Code, e.Target.Code, e.Code, e.ID, other[0].Source.Code, other[0].Target.Code, other[0].Code, other[0].ID, same, e.ID == other[0].ID)
			}
		}
	})

	t.Run("DistinctAcrossDays", func(t *testing.T) {
		later := c.Code(s, testDate.AddDate(0, 0, 1))
		for i := range first {
			if first[i].ID == later[i].ID {
				t.Errorf("event %d has ID %q on two days", i, first[i].ID)
			}
		}
	})
}

func TestCodeEmptySentence(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	if evs := c.Code(&dyad.Sentence{}, testDate); len(evs) != 0 {
		t.Errorf("got %q, want no events", triples(evs))
	}
}

func TestNew(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		d := coder.Dictionaries{Verbs: dict.NewVerbs(), Actors: dict.NewActors()}
		if _, err := coder.New(d, coder.Options{}); err != nil {
			t.Fatalf("New with verbs and actors only: %v", err)
		}
	})
	for _, tc := range []struct {
		name string
		d    coder.Dictionaries
	}{
		{"ErrNilDictionaries", coder.Dictionaries{}},
		{"ErrNilVerbs", coder.Dictionaries{Actors: dict.NewActors()}},
		{"ErrNilActors", coder.Dictionaries{Verbs: dict.NewVerbs()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := coder.New(tc.d, coder.Options{})
			if err == nil {
				t.Fatalf("New = %v, nil; want an error", c)
			}
			if code := dyad.ErrorCode(err); code != dyad.EINVALID {
				t.Errorf("error code %q, want %q (error %v)", code, dyad.EINVALID, err)
			}
		})
	}
}

// TestCodeMalformedTree codes dependency graphs that are not trees, which
// the CoNLL-U reader accepts: Code must still return.
func TestCodeMalformedTree(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	for _, tc := range []struct {
		name   string
		conllu string
		bug    string
	}{
		{
			name: "HeadCycleThroughXcomp",
			conllu: `# text = Arnor criticized urged Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 3 xcomp _ _
3 urged      urge      VERB  VBD _ 2 xcomp _ _
4 Gondor     Gondor    PROPN NNP _ 2 obj   _ _`,
		},
		{
			name: "HeadCycleThroughObj",
			conllu: `# text = Arnor criticized Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 3 obj   _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _`,
		},
		{
			name: "NoRoot",
			conllu: `# text = Arnor criticized Gondor.
1 Arnor      Arnor     PROPN NNP _ 2 nsubj _ _
2 criticized criticize VERB  VBD _ 2 root  _ _
3 Gondor     Gondor    PROPN NNP _ 2 obj   _ _`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.bug != "" {
				t.Skip("known bug: " + tc.bug)
			}
			s := mustParse(t, tc.conllu)
			done := make(chan []dyad.Event, 1)
			go func() { done <- c.Code(s, testDate) }()
			select {
			case evs := <-done:
				checkCAMEO(t, evs)
			case <-time.After(10 * time.Second):
				t.Fatal("Code did not return within 10s")
			}
		})
	}
}

// TestCodeConcurrent codes sentences from several goroutines at once with
// one Coder, which is documented as safe for concurrent use; run it with
// -race.
func TestCodeConcurrent(t *testing.T) {
	c := mustCoder(t, coder.Options{})
	sents := []*dyad.Sentence{
		mustParse(t, sentSVO), mustParse(t, sentGovernment),
		mustParse(t, sentCompoundSubject), mustParse(t, sentReceive), mustParse(t, sentTheoden),
	}
	want := make([][]string, len(sents))
	for i, s := range sents {
		want[i] = triples(c.Code(s, testDate))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(sents))
	for range 8 {
		wg.Go(func() {
			for i, s := range sents {
				if got := triples(c.Code(s, testDate)); !slices.Equal(got, want[i]) {
					errs <- fmt.Sprintf("sentence %d: got %q, want %q", i, got, want[i])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

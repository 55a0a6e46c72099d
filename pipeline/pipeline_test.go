package pipeline_test

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/conllu"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/pipeline"
)

// conlluParser is a Parser for text that is already parsed: CoNLL-U.
type conlluParser struct{}

func (conlluParser) ParseText(_ context.Context, text string) ([]*dyad.Sentence, error) {
	r := conllu.NewReader(strings.NewReader(text))
	var out []*dyad.Sentence
	for {
		s, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

const article = "# text = Arnor criticized Gondor.\n" +
	"1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
	"2\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
	"3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\t_\n" +
	"4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"

func newPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	d := coder.Dictionaries{Verbs: dict.NewVerbs(), Actors: dict.NewActors()}
	if err := d.Verbs.Read(strings.NewReader("--- CRITICIZE [111] ---\nCRITICIZE\n"), "t.verbs"); err != nil {
		t.Fatal(err)
	}
	if err := d.Actors.Read(strings.NewReader("ARNOR [ARN]\nGONDOR [GON]\n"), "t.actors"); err != nil {
		t.Fatal(err)
	}
	c, err := coder.New(d, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &pipeline.Pipeline{Parser: conlluParser{}, Coder: c, Now: func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }}
}

func TestProcess(t *testing.T) {
	p := newPipeline(t)
	t.Run("OK", func(t *testing.T) {
		a := &dyad.Article{URL: "https://example.org/a", Text: article, Published: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}
		res, err := p.Process(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		if a.ID == "" || a.ID != pipeline.ArticleID(a) {
			t.Errorf("article ID %q, want %q", a.ID, pipeline.ArticleID(a))
		}
		if len(res.Sentences) != 1 || res.Sentences[0].ArticleID != a.ID {
			t.Fatalf("sentences %+v, want one of article %s", res.Sentences, a.ID)
		}
		if len(res.Events) != 1 {
			t.Fatalf("got %d events, want 1", len(res.Events))
		}
		e := res.Events[0]
		if e.Source.Code != "ARN" || e.Target.Code != "GON" || e.Code != "111" || e.Date != "2025-03-01" || e.ArticleID != a.ID {
			t.Errorf("event %+v, want ARN GON 111 on 2025-03-01 of article %s", e, a.ID)
		}
	})
	t.Run("NoDateUsesNow", func(t *testing.T) {
		res, err := p.Process(context.Background(), &dyad.Article{Text: article})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Events) != 1 || res.Events[0].Date != "2026-11-26" {
			t.Errorf("events %+v, want one dated 2026-11-26", res.Events)
		}
	})
	t.Run("SkipsOtherLanguages", func(t *testing.T) {
		res, err := p.Process(context.Background(), &dyad.Article{Text: article, Language: "de"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Skipped == "" || len(res.Events) != 0 {
			t.Errorf("result %+v, want skipped with no events", res)
		}
	})
	t.Run("ErrNoText", func(t *testing.T) {
		_, err := p.Process(context.Background(), &dyad.Article{URL: "https://example.org/empty"})
		if dyad.ErrorCode(err) != dyad.EINVALID {
			t.Errorf("error %v, want EINVALID", err)
		}
	})
	t.Run("ErrBadParse", func(t *testing.T) {
		_, err := p.Process(context.Background(), &dyad.Article{Text: "1\tonly two\n\n"})
		if err == nil {
			t.Error("got no error for text the parser rejects")
		}
	})
}

func TestProcessPlaces(t *testing.T) {
	g, err := geo.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p := newPipeline(t)
	p.Places = g
	text := "# text = Arnor criticized Gondor in Kabul and Kandahar.\n" +
		"1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
		"2\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\t_\n" +
		"4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n" +
		"5\tKabul\tKabul\tPROPN\tNNP\t_\t2\tobl\t_\t_\n" +
		"6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n" +
		"7\tKandahar\tKandahar\tPROPN\tNNP\t_\t5\tconj\t_\t_\n" +
		"8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	res, err := p.Process(context.Background(), &dyad.Article{URL: "https://example.org/p", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 2 {
		t.Fatalf("got %d events, want one per city", len(res.Events))
	}
	names := map[string]bool{}
	for _, e := range res.Events {
		if e.Location == nil || e.Location.Country == "" || e.LocationSource != "sentence" {
			t.Fatalf("event %+v: want a location from the sentence", e)
		}
		names[e.Location.Name] = true
	}
	if len(names) != 2 || res.Events[0].ID == res.Events[1].ID {
		t.Errorf("events %+v, want two places with two IDs", res.Events)
	}
}

func TestDatelineDate(t *testing.T) {
	p := newPipeline(t) // now: 2026-11-26
	for _, tt := range []struct{ date, want string }{
		{"Oct. 19, 2025", "2025-10-19"},
		{"Sept. 20, 2025", "2025-09-20"}, // AP's "Sept.", which Go's layouts do not know
		{"Sept 20", "2026-09-20"},
		{"20 September 2025", "2025-09-20"},
		{"June 13, 2025", "2025-06-13"},
	} {
		text := "KABUL, " + tt.date + " (Reuters) - " + article
		res, err := p.Process(context.Background(), &dyad.Article{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Events) != 1 || res.Events[0].Date != tt.want {
			t.Errorf("dateline %q: events %+v, want one dated %s", tt.date, res.Events, tt.want)
		}
	}
}

// TestHeadlineDate: a headline that says no day takes the day of the
// same event in the body.
func TestHeadlineDate(t *testing.T) {
	p := newPipeline(t)
	headline := "# text = Arnor criticizes Gondor\n" +
		"1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
		"2\tcriticizes\tcriticize\tVERB\tVBZ\t_\t0\troot\t_\t_\n" +
		"3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n"
	lead := "# text = Arnor criticized Gondor on Monday.\n" +
		"1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
		"2\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\t_\n" +
		"4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n" +
		"5\tMonday\tMonday\tPROPN\tNNP\t_\t2\tobl\t_\t_\n" +
		"6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	// Published on Thursday 2026-11-26: Monday is 2026-11-23.
	res, err := p.Process(context.Background(), &dyad.Article{Text: headline + lead})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 2 {
		t.Fatalf("got %d events, want the headline's and the lead's", len(res.Events))
	}
	for _, e := range res.Events {
		if e.Date != "2026-11-23" {
			t.Errorf("sentence %d: date %s (%s), want 2026-11-23", e.Sentence.Index, e.Date, e.DateSource)
		}
	}
}

// TestDatelineCountry: an official named by role only takes the dateline's
// country when the story happens there (MAPUTO over attacks in Pemba),
// although another country is named more often.
func TestDatelineCountry(t *testing.T) {
	g, err := geo.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	d := coder.Dictionaries{Verbs: dict.NewVerbs(), Actors: dict.NewActors(), Agents: dict.NewAgents()}
	if err := d.Verbs.Read(strings.NewReader("--- CRITICIZE [111] ---\nCRITICIZE\n"), "t.verbs"); err != nil {
		t.Fatal(err)
	}
	if err := d.Actors.Read(strings.NewReader("ARNOR [ARN]\nGONDOR [GON]\n"), "t.actors"); err != nil {
		t.Fatal(err)
	}
	if err := d.Agents.Read(strings.NewReader("GOVERNMENT [~GOV]\n"), "t.agents"); err != nil {
		t.Fatal(err)
	}
	c, err := coder.New(d, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := &pipeline.Pipeline{Parser: conlluParser{}, Coder: c, Places: g}
	inPemba := "# text = Arnor criticized Gondor in Pemba.\n" +
		"1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
		"2\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3\tGondor\tGondor\tPROPN\tNNP\t_\t2\tobj\t_\t_\n" +
		"4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n" +
		"5\tPemba\tPemba\tPROPN\tNNP\t_\t2\tobl\t_\t_\n" +
		"6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	government := "# text = The government criticized Gondor.\n" +
		"1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n" +
		"2\tgovernment\tgovernment\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n" +
		"3\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"4\tGondor\tGondor\tPROPN\tNNP\t_\t3\tobj\t_\t_\n" +
		"5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
	text := "MAPUTO, Sept. 20, 2025 (Reuters) - " + inPemba + article + government
	res, err := p.Process(context.Background(), &dyad.Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, e := range res.Events {
		codes = append(codes, e.Source.Code)
	}
	if len(codes) != 3 || codes[2] != "MOZGOV" {
		t.Errorf("sources %v, want the government of the dateline's Mozambique (MOZGOV) last", codes)
	}
}

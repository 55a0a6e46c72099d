package http

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/dyad-events/dyad"
)

// ArticleReader is what GET /api/v1/articles/{id} needs of a store beyond
// dyad.EventReader: an article's sentences and the events coded from
// them. The sqlite and postgres stores implement it; over a store that
// does not, articles are served without their sentences.
type ArticleReader interface {
	// Sentences returns the article's stored sentences in order.
	Sentences(ctx context.Context, articleID string) ([]dyad.Sentence, error)
	// ArticleEvents returns the events coded from the article, one per
	// mention, each with the mention's sentence, actor spans and evidence.
	ArticleEvents(ctx context.Context, articleID string) ([]dyad.Event, error)
}

// article is the JSON of GET /api/v1/articles/{id}: the article, and its
// sentences with the events coded from each.
type article struct {
	ID                 string         `json:"id"`
	URL                string         `json:"url"`
	CanonicalURL       string         `json:"canonical_url,omitempty"`
	Outlet             string         `json:"outlet"`
	Title              string         `json:"title"`
	Published          time.Time      `json:"published,omitzero"`
	PublishedPrecision dyad.Precision `json:"published_precision,omitempty"`
	Authors            []string       `json:"authors,omitempty"`
	Language           string         `json:"language"`
	Text               string         `json:"text"`
	DuplicateOf        string         `json:"duplicate_of,omitempty"`
	// Events counts the article's mentions of events.
	Events    int               `json:"events"`
	Sentences []articleSentence `json:"sentences"`
}

// articleSentence is one sentence of an article and the events coded
// from it.
type articleSentence struct {
	Index  int             `json:"index"`
	Text   string          `json:"text"`
	Events []sentenceEvent `json:"events"`
}

// sentenceEvent is an event as one sentence gives it: its codes, and the
// words that named its actors and its verb there.
type sentenceEvent struct {
	ID        string        `json:"id"`
	Date      string        `json:"date"`
	Code      string        `json:"code"`
	Root      string        `json:"root"`
	QuadClass int           `json:"quad_class"`
	Goldstein float64       `json:"goldstein"`
	Modality  dyad.Modality `json:"modality"`
	Source    dyad.Actor    `json:"source"`
	Target    dyad.Actor    `json:"target"`
	Evidence  dyad.Evidence `json:"evidence"`
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.Store.Article(ctx, r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := article{
		ID: a.ID, URL: a.URL, CanonicalURL: a.CanonicalURL, Outlet: a.Outlet, Title: a.Title,
		Published: a.Published, PublishedPrecision: a.PublishedPrecision, Authors: a.Authors,
		Language: a.Language, Text: a.Text, DuplicateOf: a.DuplicateOf, Sentences: []articleSentence{},
	}
	ar, ok := s.Store.(ArticleReader)
	if !ok {
		writeJSON(w, out)
		return
	}
	sents, err := ar.Sentences(ctx, a.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	events, err := ar.ArticleEvents(ctx, a.ID)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out.Events = len(events)
	out.Sentences = articleSentences(sents, events)
	writeJSON(w, out)
}

// articleSentences lists the sentences in order with their events. A
// sentence known only from an event (an article stored without its
// parsed sentences) is listed with the event's copy of its text.
func articleSentences(sents []dyad.Sentence, events []dyad.Event) []articleSentence {
	out := make([]articleSentence, 0, len(sents))
	at := make(map[int]int, len(sents)) // sentence index → position in out
	for _, sn := range sents {
		at[sn.Index] = len(out)
		out = append(out, articleSentence{Index: sn.Index, Text: sn.Text, Events: []sentenceEvent{}})
	}
	for _, e := range events {
		i, ok := at[e.Sentence.Index]
		if !ok {
			i = len(out)
			at[e.Sentence.Index] = i
			out = append(out, articleSentence{Index: e.Sentence.Index, Text: e.Sentence.Text, Events: []sentenceEvent{}})
		}
		out[i].Events = append(out[i].Events, sentenceEvent{
			ID: e.ID, Date: e.Date, Code: e.Code, Root: e.Root, QuadClass: e.QuadClass, Goldstein: e.Goldstein,
			Modality: e.Modality, Source: e.Source, Target: e.Target, Evidence: e.Evidence,
		})
	}
	slices.SortStableFunc(out, func(x, y articleSentence) int { return x.Index - y.Index })
	return out
}

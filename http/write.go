package http

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
	"github.com/dyad-events/dyad/conllu"
	"github.com/dyad-events/dyad/extract"
	"github.com/dyad-events/dyad/pipeline"
)

// DefaultMaxBodyBytes is the largest request body the write endpoints
// read when Server.MaxBodyBytes is zero.
const DefaultMaxBodyBytes = 4 << 20

// maxFetchedItems caps the articles one POST /api/v1/articles {"url"}
// ingests when the URL is a feed.
const maxFetchedItems = 50

// document is the body of POST /api/v1/code and POST /api/v1/articles: a
// text or an HTML page, or (for articles) a URL to fetch.
type document struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	Text  string `json:"text"`
	HTML  string `json:"html"`
	// Published and Date are the same field under two names: the date the
	// text was published, which dates its events ("yesterday", "on
	// Monday").
	Published string `json:"published"`
	Date      string `json:"date"`
}

// readDocument reads a write request's body: JSON (a document), plain text
// or HTML, the latter two with the other fields as query parameters.
func (s *Server) readDocument(w http.ResponseWriter, r *http.Request) (*document, error) {
	limit := s.MaxBodyBytes
	if limit <= 0 {
		limit = DefaultMaxBodyBytes
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, &httpError{http.StatusRequestEntityTooLarge, dyad.EINVALID, fmt.Sprintf("request body larger than %d bytes", limit)}
	}
	if err != nil {
		return nil, fmt.Errorf("read request body: %w", err)
	}
	mt := "application/json"
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err = mime.ParseMediaType(ct); err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "bad Content-Type %q", ct)
		}
	}
	d := &document{}
	switch mt {
	case "application/json":
		if len(r.URL.RawQuery) > 0 {
			return nil, dyad.Errorf(dyad.EINVALID, "a JSON body carries every field: no query parameters")
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(d); err != nil {
			return nil, dyad.Errorf(dyad.EINVALID, "bad JSON body: %v: want {\"text\" or \"html\", \"url\", \"title\", \"published\"}", err)
		}
		if dec.More() {
			return nil, dyad.Errorf(dyad.EINVALID, "bad JSON body: more than one value")
		}
	case "text/plain", "text/html":
		p := newParams(r, "url", "title", "published", "date")
		if p.err != nil {
			return nil, p.err
		}
		d.URL, d.Title, d.Published, d.Date = p.str("url"), p.str("title"), p.str("published"), p.str("date")
		text, _ := extract.ToUTF8(body, r.Header.Get("Content-Type"))
		if mt == "text/html" {
			d.HTML = text
		} else {
			d.Text = text
		}
	default:
		return nil, &httpError{http.StatusUnsupportedMediaType, dyad.EINVALID, "unsupported Content-Type " + mt + ": send application/json, text/plain or text/html"}
	}
	return d, d.validate()
}

// validate checks the fields that do not need the text.
func (d *document) validate() error {
	if d.Text != "" && d.HTML != "" {
		return dyad.Errorf(dyad.EINVALID, "give text or html, not both")
	}
	if d.Published != "" && d.Date != "" && d.Published != d.Date {
		return dyad.Errorf(dyad.EINVALID, "published and date are the same field: give one")
	}
	if d.URL != "" {
		u, err := url.Parse(d.URL)
		if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return dyad.Errorf(dyad.EINVALID, "bad url %q: want an http or https URL", d.URL)
		}
	}
	_, _, err := d.date()
	return err
}

// date returns the document's publication date, zero when it has none.
func (d *document) date() (time.Time, dyad.Precision, error) {
	s := d.Published
	if s == "" {
		s = d.Date
	}
	if s == "" {
		return time.Time{}, "", nil
	}
	t, prec, err := acquire.ParseDate(s)
	if err != nil {
		return time.Time{}, "", dyad.Errorf(dyad.EINVALID, "bad date %q: want YYYY-MM-DD or an RFC 3339 time", s)
	}
	return t, prec, nil
}

// hasBody reports whether the document carries its text.
func (d *document) hasBody() bool {
	return strings.TrimSpace(d.Text) != "" || strings.TrimSpace(d.HTML) != ""
}

// article turns a document with a text or a page into an article, as
// dyad ingest reads a .txt or .html file.
func (s *Server) article(r *http.Request, d *document) (*dyad.Article, error) {
	var a *dyad.Article
	if strings.TrimSpace(d.HTML) != "" {
		res, err := extract.New(extract.Options{}).ExtractBytes(r.Context(), []byte(d.HTML), d.URL, "text/html; charset=utf-8")
		if err != nil {
			return nil, err
		}
		a = &res.Article
	} else {
		text := strings.TrimSpace(d.Text)
		if text == "" {
			return nil, dyad.Errorf(dyad.EINVALID, "no text: give text or html")
		}
		a = &dyad.Article{URL: d.URL, Text: text, Language: extract.Language(text)}
		if u, err := url.Parse(d.URL); err == nil {
			a.Outlet = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	d.apply(a)
	return a, nil
}

// apply sets what the document says of an article over what extraction
// found: its title and publication date.
func (d *document) apply(a *dyad.Article) {
	if t := strings.TrimSpace(d.Title); t != "" {
		a.Title = t
	}
	if t, prec, _ := d.date(); !t.IsZero() {
		a.Published, a.PublishedPrecision = t, prec
	}
}

// pipe returns the server's pipeline, or writes an error and returns nil.
func (s *Server) pipe(w http.ResponseWriter, r *http.Request) *pipeline.Pipeline {
	if s.Pipeline == nil {
		s.Error(w, r, &httpError{http.StatusNotImplemented, codeUnavailable, "this server codes no text: it runs without a coding pipeline"})
		return nil
	}
	return s.Pipeline
}

// coded is the response of POST /api/v1/code.
type coded struct {
	Title              string         `json:"title,omitempty"`
	Published          time.Time      `json:"published,omitzero"`
	PublishedPrecision dyad.Precision `json:"published_precision,omitempty"`
	Language           string         `json:"language,omitempty"`
	// Skipped says why the text was not coded ("" when it was).
	Skipped   string          `json:"skipped,omitempty"`
	Sentences []codedSentence `json:"sentences"`
	Events    []dyad.Event    `json:"events"`
	// CoNLLU is the parse of every sentence in CoNLL-U.
	CoNLLU string `json:"conllu"`
}

// codedSentence is one parsed sentence.
type codedSentence struct {
	Index  int     `json:"index"`
	Text   string  `json:"text"`
	Tokens []token `json:"tokens"`
}

// token is one word of a parse, as in a CoNLL-U word line.
type token struct {
	ID     int    `json:"id"`
	Form   string `json:"form"`
	Lemma  string `json:"lemma"`
	UPOS   string `json:"upos"`
	XPOS   string `json:"xpos,omitempty"`
	Feats  string `json:"feats,omitempty"`
	Head   int    `json:"head"`
	DepRel string `json:"deprel"`
}

func (s *Server) handleCode(w http.ResponseWriter, r *http.Request) {
	p := s.pipe(w, r)
	if p == nil {
		return
	}
	d, err := s.readDocument(w, r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	a, err := s.article(r, d)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	// The stages only: nothing stored, nothing looked up in the store.
	code := pipeline.Pipeline{Parser: p.Parser, Coder: p.Coder, Places: p.Places, Now: p.Now}
	res, err := code.Process(r.Context(), a)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	out := coded{
		Title: a.Title, Published: a.Published, PublishedPrecision: a.PublishedPrecision, Language: a.Language,
		Skipped: res.Skipped, Sentences: make([]codedSentence, len(res.Sentences)), Events: res.Events,
	}
	if out.Events == nil {
		out.Events = []dyad.Event{}
	}
	var buf bytes.Buffer
	cw := conllu.NewWriter(&buf)
	for i, sn := range res.Sentences {
		cs := codedSentence{Index: sn.Index, Text: sn.Text, Tokens: make([]token, len(sn.Tokens))}
		for j, t := range sn.Tokens {
			cs.Tokens[j] = token{ID: t.ID, Form: t.Form, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Feats: t.Feats, Head: t.Head, DepRel: t.DepRel}
		}
		out.Sentences[i] = cs
		if err := cw.Write(sn); err != nil {
			s.Error(w, r, fmt.Errorf("write the parse of sentence %d as CoNLL-U: %w", sn.Index, err))
			return
		}
	}
	if err := cw.Flush(); err != nil {
		s.Error(w, r, err)
		return
	}
	out.CoNLLU = buf.String()
	writeJSON(w, out)
}

// ingested is what POST /api/v1/articles and …/recode did with one
// article.
type ingested struct {
	ID        string    `json:"id,omitempty"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Language  string    `json:"language,omitempty"`
	// Skipped says why the article was stored uncoded ("" when coded).
	Skipped   string `json:"skipped,omitempty"`
	Sentences int    `json:"sentences"`
	// Copy names the stored article this one repeats, when it does:
	// exact copies are neither coded nor stored again, others are stored
	// linked to it.
	Copy *pipeline.Copy `json:"copy,omitempty"`
	dyad.SaveResult
	// Error says why an article fetched from a feed was not stored.
	Error *errorBody `json:"error,omitempty"`
}

// errorBody is the JSON of an error.
type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func result(res *pipeline.Result) ingested {
	a := res.Article
	out := ingested{
		ID: a.ID, URL: a.URL, Title: a.Title, Published: a.Published, Language: a.Language,
		Skipped: res.Skipped, Sentences: len(res.Sentences), SaveResult: res.Saved,
	}
	if res.Copy.Kind != "" {
		c := res.Copy
		out.Copy = &c
	}
	return out
}

func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) {
	p := s.pipe(w, r)
	if p == nil {
		return
	}
	d, err := s.readDocument(w, r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	if d.hasBody() {
		a, err := s.article(r, d)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		res, err := p.Process(r.Context(), a)
		if err != nil {
			s.Error(w, r, err)
			return
		}
		writeJSON(w, map[string]any{"articles": []ingested{result(res)}})
		return
	}
	if d.URL == "" {
		s.Error(w, r, dyad.Errorf(dyad.EINVALID, "no document: give text or html, or a url to fetch"))
		return
	}
	if s.Fetcher == nil {
		s.Error(w, r, dyad.Errorf(dyad.EINVALID, "this server fetches no URLs: send the text or the html"))
		return
	}
	// A page gives one article, a feed its items (fetched in turn).
	in := &acquire.Inputs{Fetcher: s.Fetcher, MaxFeedItems: maxFetchedItems}
	out := []ingested{}
	var firstErr error
	stored := 0
	for item := range in.Resolve(r.Context(), d.URL) {
		var res *pipeline.Result
		err := item.Err
		if dyad.ErrorCode(err) == dyad.EINTERNAL {
			// The page could not be fetched: the network or the site.
			err = &httpError{http.StatusBadGateway, codeUnavailable, err.Error()}
		}
		if err == nil {
			d.apply(item.Article)
			res, err = p.Process(r.Context(), item.Article)
		}
		var he *httpError
		if code := dyad.ErrorCode(err); code == dyad.EINTERNAL && !errors.As(err, &he) {
			s.Error(w, r, err) // the store or the machine, not the item
			return
		}
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			code, _, msg := errorOf(err)
			out = append(out, ingested{URL: itemURL(item), Error: &errorBody{Code: code, Message: msg}})
			continue
		}
		stored++
		out = append(out, result(res))
	}
	if stored == 0 && firstErr != nil {
		s.Error(w, r, firstErr)
		return
	}
	writeJSON(w, map[string]any{"articles": out})
}

// itemURL is the URL an item came from, as well as it is known.
func itemURL(it acquire.Item) string {
	if it.Article != nil && it.Article.URL != "" {
		return it.Article.URL
	}
	return it.Source
}

func (s *Server) handleRecode(w http.ResponseWriter, r *http.Request) {
	p := s.pipe(w, r)
	if p == nil {
		return
	}
	if r.ContentLength > 0 {
		s.Error(w, r, dyad.Errorf(dyad.EINVALID, "re-coding takes no body"))
		return
	}
	a, err := s.Store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	// The stored article is an exact copy of itself: re-coding must not
	// skip it.
	recode := *p
	recode.Recode = true
	res, err := recode.Process(r.Context(), a)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	writeJSON(w, map[string]any{"articles": []ingested{result(res)}})
}

// codeUnavailable is the error code of a service the server lacks: no
// coding pipeline, or a page it could not fetch.
const codeUnavailable = "unavailable"

// httpError is an error with an HTTP status of its own.
type httpError struct {
	status int
	code   string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

package http_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/acquire"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/geo"
	dyadhttp "github.com/dyad-events/dyad/http"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/sqlite"
)

// parts are dyad's parser, coder and gazetteer, loaded once for the tests.
type parts struct {
	parser *nlp.Pipeline
	coder  *coder.Coder
	places *geo.Gazetteer
}

var loadParts = sync.OnceValues(func() (*parts, error) {
	p, err := nlp.Load()
	if err != nil {
		return nil, err
	}
	set, err := dict.Builtin()
	if err != nil {
		return nil, err
	}
	c, err := coder.New(coder.Dictionaries{Verbs: set.Verbs, Actors: set.Actors, Agents: set.Agents, Discards: set.Discards, Issues: set.Issues},
		coder.Options{IntentFromFuture: true})
	if err != nil {
		return nil, err
	}
	g, err := geo.Builtin()
	if err != nil {
		return nil, err
	}
	return &parts{p, c, g}, nil
})

// parser adapts dyad's parser to pipeline.Parser.
type parser struct{ p *nlp.Pipeline }

func (p parser) ParseText(_ context.Context, text string) ([]*dyad.Sentence, error) {
	sents, _ := p.p.Parse(text)
	return sents, nil
}

// writeToken is the write token of the servers newWriteServer starts.
const writeToken = "wr1te-t0ken"

// newWriteServer serves an empty SQLite store with writes allowed: the
// server codes with dyad's own parser, dictionaries and gazetteer.
func newWriteServer(t testing.TB) (*dyadhttp.Server, *httptest.Server, *sqlite.DB) {
	t.Helper()
	ps, err := loadParts()
	if err != nil {
		t.Fatal(err)
	}
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "dyad.db"))
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := dyadhttp.NewServer(db)
	s.WriteToken = writeToken
	s.Pipeline = &pipeline.Pipeline{Parser: parser{ps.parser}, Coder: ps.coder, Places: ps.places, Store: db, Copies: db}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts, db
}

// post sends a body with a content type and the token, and returns the
// status and the body of the answer.
func post(t *testing.T, ts *httptest.Server, path, contentType, body, token string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest("POST", ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("POST %s: content type %q", path, ct)
	}
	return resp.StatusCode, b
}

const paragraph = `ISLAMABAD, Oct 19 (Reuters) - Pakistan accused Afghanistan on Sunday of harbouring militants who attacked border posts. Pakistani troops clashed with Afghan forces near the Chaman crossing, officials said.`

// codeResponse is the part of POST /api/v1/code's answer the tests read.
type codeResponse struct {
	Skipped   string `json:"skipped"`
	Sentences []struct {
		Text   string `json:"text"`
		Tokens []struct {
			ID     int    `json:"id"`
			Form   string `json:"form"`
			Head   int    `json:"head"`
			DepRel string `json:"deprel"`
		} `json:"tokens"`
	} `json:"sentences"`
	Events []dyad.Event `json:"events"`
	CoNLLU string       `json:"conllu"`
}

func TestCode(t *testing.T) {
	s, ts, db := newWriteServer(t)
	jsonBody := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	tests := []struct {
		name        string
		contentType string
		path        string
		body        string
		date        string // the date of the PAK-AFG accusation
	}{
		{"OKJSON", "application/json", "/api/v1/code", jsonBody(map[string]string{"text": paragraph, "date": "2025-10-20"}), "2025-10-19"},
		{"OKText", "text/plain; charset=utf-8", "/api/v1/code?date=2025-10-20", paragraph, "2025-10-19"},
		{"OKHTML", "text/html", "/api/v1/code?date=2025-10-20", "<html><head><title>Border</title></head><body><article><p>" + paragraph + "</p></article></body></html>", "2025-10-19"},
		{"OKUndated", "application/json", "/api/v1/code", jsonBody(map[string]string{"text": "Pakistan accused Afghanistan of harbouring militants."}), time.Now().UTC().Format(time.DateOnly)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := post(t, ts, tt.path, tt.contentType, tt.body, writeToken)
			if status != 200 {
				t.Fatalf("status %d: %s", status, body)
			}
			var got codeResponse
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, e := range got.Events {
				found = found || e.Source.Code == "PAK" && e.Target.Code == "AFG" && e.Root == "11" && e.Date == tt.date
			}
			if !found {
				t.Errorf("events %+v, want Pakistan accusing Afghanistan (root 11) on %s", got.Events, tt.date)
			}
			parsed := false
			for _, sn := range got.Sentences {
				if !strings.HasPrefix(sn.Text, "Pakistan accused Afghanistan") {
					continue
				}
				parsed = true
				roots := 0
				for _, tok := range sn.Tokens {
					if tok.Head == 0 {
						roots++
					}
				}
				if roots != 1 || len(sn.Tokens) < 5 || sn.Tokens[0].Form != "Pakistan" || sn.Tokens[0].DepRel == "" {
					t.Errorf("parse of %q: %d roots, tokens %+v; want one root and a relation for each word", sn.Text, roots, sn.Tokens)
				}
			}
			if !parsed {
				t.Errorf("sentences %+v, want the parse of the accusation", got.Sentences)
			}
			if !strings.Contains(got.CoNLLU, "# text = ") || !strings.Contains(got.CoNLLU, "\tAfghanistan\t") {
				t.Errorf("CoNLL-U %q", got.CoNLLU)
			}
		})
	}
	t.Run("OKStoresNothing", func(t *testing.T) {
		page, err := db.Events(context.Background(), dyad.EventFilter{})
		if err != nil || len(page.Events) != 0 {
			t.Errorf("the store holds %d events (%v), want none", len(page.Events), err)
		}
	})

	errTests := []struct {
		name        string
		contentType string
		body        string
		token       string
		status      int
		in          string
	}{
		{"ErrNoToken", "application/json", `{"text":"x"}`, "", 401, "bearer token"},
		{"ErrWrongToken", "application/json", `{"text":"x"}`, "wr1te-t0keN", 401, "bearer token"},
		{"ErrNoText", "application/json", `{"date":"2025-10-20"}`, writeToken, 400, "no text"},
		{"ErrTextAndHTML", "application/json", `{"text":"a","html":"<p>b</p>"}`, writeToken, 400, "text or html, not both"},
		{"ErrBadDate", "application/json", `{"text":"a","date":"Monday"}`, writeToken, 400, "bad date"},
		{"ErrBadURL", "application/json", `{"text":"a","url":"javascript:alert(1)"}`, writeToken, 400, "bad url"},
		{"ErrUnknownField", "application/json", `{"txt":"a"}`, writeToken, 400, `unknown field \"txt\"`},
		{"ErrBadJSON", "application/json", `{"text":`, writeToken, 400, "bad JSON body"},
		{"ErrMediaType", "application/pdf", `%PDF`, writeToken, 415, "unsupported Content-Type"},
		{"ErrTooLarge", "text/plain", strings.Repeat("Pakistan protested. ", 60), writeToken, 413, "larger than 1000 bytes"},
	}
	s.MaxBodyBytes = 1000
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := post(t, ts, "/api/v1/code", tt.contentType, tt.body, tt.token)
			if status != tt.status || !strings.Contains(string(body), tt.in) || !strings.Contains(string(body), `"error":{"code":`) {
				t.Errorf("status %d %.300s, want %d with %q", status, body, tt.status, tt.in)
			}
		})
	}
	s.MaxBodyBytes = 0
	t.Run("ErrWritesDisabled", func(t *testing.T) {
		s.WriteToken = ""
		defer func() { s.WriteToken = writeToken }()
		status, body := post(t, ts, "/api/v1/code", "application/json", `{"text":"Pakistan protested."}`, writeToken)
		if status != 403 || !strings.Contains(string(body), "no token") {
			t.Errorf("status %d %s, want 403 saying writes are off", status, body)
		}
	})
	t.Run("ErrNoPipeline", func(t *testing.T) {
		p := s.Pipeline
		s.Pipeline = nil
		defer func() { s.Pipeline = p }()
		status, body := post(t, ts, "/api/v1/code", "application/json", `{"text":"Pakistan protested."}`, writeToken)
		if status != 501 || !strings.Contains(string(body), `"unavailable"`) {
			t.Errorf("status %d %s, want 501", status, body)
		}
	})
}

// ingestResponse is the answer of POST /api/v1/articles and …/recode.
type ingestResponse struct {
	Articles []struct {
		ID        string `json:"id"`
		URL       string `json:"url"`
		Title     string `json:"title"`
		Sentences int    `json:"sentences"`
		Events    int    `json:"events"`
		NewEvents int    `json:"new_events"`
		Mentions  int    `json:"mentions"`
		Replaced  int    `json:"replaced"`
		Copy      *struct{ Of, Kind string }
		Error     *struct{ Code, Message string }
	} `json:"articles"`
}

// articleResponse is the part of GET /api/v1/articles/{id} the tests read.
type articleResponse struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Text      string `json:"text"`
	Events    int    `json:"events"`
	Sentences []struct {
		Index  int    `json:"index"`
		Text   string `json:"text"`
		Events []struct {
			ID       string        `json:"id"`
			Code     string        `json:"code"`
			Source   dyad.Actor    `json:"source"`
			Target   dyad.Actor    `json:"target"`
			Evidence dyad.Evidence `json:"evidence"`
		} `json:"events"`
	} `json:"sentences"`
}

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

func TestIngestAndRecode(t *testing.T) {
	_, ts, _ := newWriteServer(t)
	doc := `{"url":"https://www.dawn.com/news/1","title":"Pakistan accuses Kabul","text":` + mustJSON(paragraph) + `,"published":"2025-10-20"}`
	status, body := post(t, ts, "/api/v1/articles", "application/json", doc, writeToken)
	if status != 200 {
		t.Fatalf("ingest: status %d: %s", status, body)
	}
	in := decode[ingestResponse](t, body)
	if len(in.Articles) != 1 || in.Articles[0].ID == "" || in.Articles[0].Events == 0 || in.Articles[0].NewEvents != in.Articles[0].Events {
		t.Fatalf("ingest: %s, want one article with new events", body)
	}
	first := in.Articles[0]

	// The article page's data: the text, the sentences, the events of each.
	status, _, body = get(t, ts, "/api/v1/articles/"+first.ID, "")
	if status != 200 {
		t.Fatalf("article: status %d: %s", status, body)
	}
	a := decode[articleResponse](t, body)
	if a.Title != "Pakistan accuses Kabul" || a.Outlet != "dawn.com" || a.Text != paragraph || a.Events != first.Mentions {
		t.Errorf("article %s: title %q outlet %q, %d events; want the document's, %d events", a.ID, a.Title, a.Outlet, a.Events, first.Mentions)
	}
	if len(a.Sentences) != first.Sentences {
		t.Errorf("article: %d sentences, want %d", len(a.Sentences), first.Sentences)
	}
	coded, events := 0, 0
	for i, sn := range a.Sentences {
		if sn.Index != i {
			t.Errorf("sentence %d has index %d", i, sn.Index)
		}
		if len(sn.Events) > 0 {
			coded++
		}
		for _, e := range sn.Events {
			events++
			if e.Evidence.VerbText == "" || !strings.Contains(sn.Text, e.Evidence.VerbText) {
				t.Errorf("sentence %q: event %s has verb %q", sn.Text, e.ID, e.Evidence.VerbText)
			}
			if status, _, b := get(t, ts, "/api/v1/events/"+e.ID, ""); status != 200 || !strings.Contains(string(b), `"article_id":"`+first.ID+`"`) {
				t.Errorf("event %s: status %d %s, want a mention in the article", e.ID, status, b)
			}
		}
	}
	if coded < 2 || events != first.Mentions {
		t.Errorf("article: %d coded sentences with %d events, want the title and the paragraph's, %d events", coded, events, first.Mentions)
	}

	// Ingesting the same document again is recognised as a copy of the
	// stored one: nothing is stored or coded again.
	status, body = post(t, ts, "/api/v1/articles", "application/json", doc, writeToken)
	if again := decode[ingestResponse](t, body); status != 200 || again.Articles[0].ID != first.ID || again.Articles[0].Copy == nil ||
		again.Articles[0].Copy.Of != first.ID || again.Articles[0].NewEvents != 0 || again.Articles[0].Replaced != 0 {
		t.Errorf("ingest again: %d %s, want the same article reported as a copy of itself, nothing stored", status, body)
	}

	// Re-coding it replaces its mentions.
	status, body = post(t, ts, "/api/v1/articles/"+first.ID+"/recode", "", "", writeToken)
	if re := decode[ingestResponse](t, body); status != 200 || len(re.Articles) != 1 || re.Articles[0].Replaced != first.Mentions || re.Articles[0].Mentions != first.Mentions {
		t.Errorf("recode: %d %s, want %d mentions replaced by as many", status, body, first.Mentions)
	}

	errTests := []struct {
		name, path, body, token string
		status                  int
		in                      string
	}{
		{"ErrRecodeUnknown", "/api/v1/articles/nope/recode", "", writeToken, 404, `no article \"nope\"`},
		{"ErrRecodeBody", "/api/v1/articles/" + first.ID + "/recode", `{"x":1}`, writeToken, 400, "takes no body"},
		{"ErrRecodeNoToken", "/api/v1/articles/" + first.ID + "/recode", "", "", 401, "bearer token"},
		{"ErrIngestNoToken", "/api/v1/articles", doc, "", 401, "bearer token"},
		{"ErrIngestEmpty", "/api/v1/articles", `{}`, writeToken, 400, "no document"},
		{"ErrIngestNoFetcher", "/api/v1/articles", `{"url":"https://example.com/a"}`, writeToken, 400, "fetches no URLs"},
		{"ErrIngestQuery", "/api/v1/articles?url=x", doc, writeToken, 400, "no query parameters"},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := post(t, ts, tt.path, "application/json", tt.body, tt.token)
			if status != tt.status || !strings.Contains(string(body), tt.in) {
				t.Errorf("status %d %s, want %d with %q", status, body, tt.status, tt.in)
			}
		})
	}
	t.Run("ErrArticleNotFound", func(t *testing.T) {
		if status, _, body := get(t, ts, "/api/v1/articles/nope", ""); status != 404 || !strings.Contains(string(body), `"notfound"`) {
			t.Errorf("status %d %s", status, body)
		}
	})
}

func TestIngestURL(t *testing.T) {
	page := `<!doctype html><html lang="en"><head><title>Border clashes</title>
<meta property="article:published_time" content="2025-10-20T08:00:00Z"></head>
<body><article><p>` + paragraph + `</p></article></body></html>`
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/news/border":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, page)
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()

	s, ts, _ := newWriteServer(t)
	t.Run("ErrSSRF", func(t *testing.T) {
		// The default fetcher refuses loopback addresses.
		f := acquire.NewFetcher(acquire.Options{})
		defer f.Close()
		s.Fetcher = f
		status, body := post(t, ts, "/api/v1/articles", "application/json", `{"url":"`+site.URL+`/news/border"}`, writeToken)
		if status != 400 || !strings.Contains(string(body), "fetch") {
			t.Errorf("status %d %s, want 400: loopback is refused", status, body)
		}
	})
	t.Run("OK", func(t *testing.T) {
		f := acquire.NewFetcher(acquire.Options{AllowPrivate: true})
		defer f.Close()
		s.Fetcher = f
		status, body := post(t, ts, "/api/v1/articles", "application/json", `{"url":"`+site.URL+`/news/border"}`, writeToken)
		in := decode[ingestResponse](t, body)
		if status != 200 || len(in.Articles) != 1 || in.Articles[0].URL != site.URL+"/news/border" || in.Articles[0].Events == 0 {
			t.Fatalf("status %d %s, want the fetched page coded", status, body)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		status, body := post(t, ts, "/api/v1/articles", "application/json", `{"url":"`+site.URL+`/news/gone"}`, writeToken)
		if status != 404 || !strings.Contains(string(body), "404") {
			t.Errorf("status %d %s, want 404 from the site", status, body)
		}
	})
}

// TestArticleFromMentions reads an article stored without its parsed
// sentences: the sentences come from its events' mentions.
func TestArticleFromMentions(t *testing.T) {
	_, ts := newServer(t)
	status, _, body := get(t, ts, "/api/v1/articles/a1", "")
	if status != 200 {
		t.Fatalf("status %d: %s", status, body)
	}
	a := decode[articleResponse](t, body)
	var ids []string
	for _, sn := range a.Sentences {
		if sn.Text == "" {
			t.Errorf("sentence %d has no text", sn.Index)
		}
		for _, e := range sn.Events {
			ids = append(ids, e.ID+" "+e.Code+" "+e.Source.Code)
		}
	}
	if a.Events != 3 || strings.Join(ids, ", ") != "e1 042 PAKGOV, e2 190 AFGMIL, e3 193 PAKMIL" {
		t.Errorf("article a1: %d events %q, want e1, e2 and e3 in their sentences", a.Events, ids)
	}
}

func mustJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestOpenAPIRoutes checks that every operation the OpenAPI description
// lists is served (none answers "no endpoint"), and that the writes say
// they need the bearer token.
func TestOpenAPIRoutes(t *testing.T) {
	_, ts, _ := newWriteServer(t)
	_, _, body := get(t, ts, "/api/v1/openapi.json", "")
	var doc struct {
		Paths map[string]map[string]struct {
			Security []map[string][]string `json:"security"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Paths) < 11 {
		t.Fatalf("%d paths in the description", len(doc.Paths))
	}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			req, _ := http.NewRequest(strings.ToUpper(method), ts.URL+strings.ReplaceAll(path, "{id}", "x"), nil)
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(b), "no endpoint") || resp.StatusCode == http.StatusMethodNotAllowed {
				t.Errorf("%s %s: %d %s", method, path, resp.StatusCode, b)
			}
			if write := method == "post"; write != (len(op.Security) > 0) || write && resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s %s: security %v, status %d without a token", method, path, op.Security, resp.StatusCode)
			}
		}
	}
}

// FuzzCode posts arbitrary bodies of each content type to POST
// /api/v1/code: every answer is JSON, a success or a client error, never
// an internal error.
func FuzzCode(f *testing.F) {
	f.Add("application/json", `{"text":"Pakistan accused Afghanistan.","date":"2025-10-20"}`)
	f.Add("application/json", `{"html":"<p>India met China.</p>","url":"https://x.example/a","title":"T"}`)
	f.Add("application/json", `{"text":"a"} {"text":"b"}`)
	f.Add("text/plain; charset=latin1", "Caf\xe9 talks: Russia accused Ukraine.")
	f.Add("text/html", "<html><body><article><p>Israel struck Gaza on Monday.</p></article></body></html>")
	f.Add("text/html", "<p")
	f.Add("multipart/form-data; boundary=x", "--x--")
	f.Add("application/json; charset", `{}`)
	_, ts, _ := newWriteServer(f)
	f.Fuzz(func(t *testing.T, contentType, body string) {
		if len(body) > 2000 {
			return // the parser's time grows with the text; keep runs quick
		}
		req, err := http.NewRequest("POST", ts.URL+"/api/v1/code", strings.NewReader(body))
		if err != nil {
			t.Skip()
		}
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("Authorization", "Bearer "+writeToken)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Skip() // a header the client refuses to send
		}
		defer resp.Body.Close()
		var v map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
			t.Fatalf("%s %q: answer is not JSON: %v", contentType, body, err)
		}
		if resp.StatusCode != 200 && (resp.StatusCode < 400 || resp.StatusCode >= 500) {
			t.Fatalf("%s %q: status %d %v", contentType, body, resp.StatusCode, v)
		}
	})
}
